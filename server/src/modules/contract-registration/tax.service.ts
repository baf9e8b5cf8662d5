import { valueBand, type DossierData } from '../../../../common/src/api/registration-dossier.js';
import type { TaxRegistrationDetail, TaxRegistrationExportQuery, TaxRegistrationItem, TaxRegistrationPage, TaxRegistrationQuery } from '../../../../common/src/api/registration-oversight.js';
import { parseRiskFlags, publicRiskFlag, sortRiskFlags } from '../../../../common/src/api/registration-risk.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { getCases } from '../cases/index.js';
import { vsicNames } from '../vsic/index.js';
import * as q from './tax.queries.js';
import { threadsOfCase } from './tax-queries.service.js';
import { taxViewerOrganisations } from './tax.viewer.js';

/** Most rows one export holds (a year of registrations is in the hundreds). */
const EXPORT_LIMIT = 10_000;

function toItem(row: q.RegisteredRow, referenceNo: string): TaxRegistrationItem {
  const flags = parseRiskFlags(row.riskFlags);
  return {
    caseId: row.caseId,
    referenceNo,
    purpose: row.purpose,
    certificateNumber: row.certificateNumber,
    issuedOn: row.issuedOn,
    certificateStatus: row.certificateStatus,
    revokedOn: row.revokedOn,
    transferorName: row.transferorName,
    transferorCountry: row.transferorCountry,
    transfereeName: row.transfereeName,
    contractName: row.contractName,
    contractNumber: row.contractNumber,
    signedOn: row.signedOn,
    technologyName: row.technologyName,
    sectorCode: row.sectorCode,
    direction: row.direction,
    transferForm: row.transferForm as TaxRegistrationItem['transferForm'],
    paymentMethods: row.paymentMethods as TaxRegistrationItem['paymentMethods'],
    valueBand: row.valueVnd === null ? null : valueBand(Number(row.valueVnd)),
    relationship: row.relationship,
    usesStateCapital: row.usesStateCapital,
    flagCodes: [...new Set(sortRiskFlags(flags).map((flag) => flag.code))],
    openQueryCount: Number(row.openQueryCount),
  };
}

async function sectorNameOf(ctx: Ctx, code: string | null): Promise<{ vi: string; en: string } | null> {
  const name = code ? (await vsicNames(ctx.db, [code])).get(code) : undefined;
  return name ? { vi: name.nameVi, en: name.nameEn } : null;
}

async function referenceNumbers(ctx: Ctx, caseIds: readonly string[]): Promise<Map<string, string>> {
  return new Map((await getCases(ctx.db, caseIds)).map((row) => [row.id, row.referenceNo]));
}

/**
 * Registered contracts (a valid or revoked certificate) for the Tax Department (plan IV.5: control of transfer
 * pricing): parties, dates, direction, form, payment methods, a value band and the flag codes; never amounts,
 * rates or files. Permission: registration.tax_view and the plan role (tax.policy). Reading a list is not audited.
 */
export async function listTaxRegistrations(ctx: Ctx, query: TaxRegistrationQuery): Promise<TaxRegistrationPage> {
  await taxViewerOrganisations(ctx);
  const { rows, total } = await q.selectRegistered(ctx.db, query, query.pageSize, (query.page - 1) * query.pageSize);
  const refs = await referenceNumbers(ctx, rows.map((row) => row.caseId));
  return { items: rows.map((row) => toItem(row, refs.get(row.caseId) ?? '')), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Every registered contract matching the filter, for the CSV/XLSX export of the Tax view (same columns, no amounts).
 * Permission: registration.tax_view and the plan role. Audit: registration.tax.export (filters and row count).
 */
export async function exportTaxRegistrations(ctx: Ctx, query: TaxRegistrationExportQuery): Promise<TaxRegistrationItem[]> {
  await taxViewerOrganisations(ctx);
  const { rows } = await q.selectRegistered(ctx.db, { ...query, page: 1, pageSize: EXPORT_LIMIT }, EXPORT_LIMIT);
  const refs = await referenceNumbers(ctx, rows.map((row) => row.caseId));
  await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'registration.tax.export', summary: { format: query.format, rows: rows.length, filters: { ...query, format: undefined } } }));
  return rows.map((row) => toItem(row, refs.get(row.caseId) ?? ''));
}

/**
 * One registered contract for a tax officer: the list fields plus term, rights, exclusivity, territory, the
 * transferee's code, the flags with explanations and citations (no confidential numbers) and the caller's query
 * threads. Permission: registration.tax_view and the plan role. Audit: registration.tax.view.
 */
export async function getTaxRegistration(ctx: Ctx, input: { id: string }): Promise<TaxRegistrationDetail> {
  const organisationIds = await taxViewerOrganisations(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await q.findRegistered(tx.db, input.id);
    if (!row) throw new AppError('NOT_FOUND');
    const referenceNo = (await referenceNumbers(tx, [row.caseId])).get(row.caseId) ?? '';
    const data = row.data as DossierData;
    const flags = sortRiskFlags(parseRiskFlags(row.riskFlags)).map(publicRiskFlag);
    await recordAudit(tx, { action: 'registration.tax.view', objectType: 'case', objectId: row.caseId, summary: { referenceNo } });
    return {
      ...toItem(row, referenceNo),
      termStartOn: data.contract?.termStartOn ?? null,
      termEndOn: data.contract?.termEndOn ?? null,
      rights: data.transfer?.rights ?? null,
      exclusivity: data.transfer?.exclusivity ?? null,
      territory: data.transfer?.territory ?? null,
      transfereeCode: data.parties?.transferee.enterpriseCode ?? null,
      sectorName: await sectorNameOf(tx, row.sectorCode),
      flags,
      queries: await threadsOfCase(tx, { caseId: row.caseId, organisationIds, referenceNo }),
    };
  });
}
