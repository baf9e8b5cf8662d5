import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../core/db/database.js';
import type { RiskFlag } from '../../../../common/src/api/registration-risk.js';
import type { CompleteDossier } from '../../../../common/src/api/registration-dossier.js';
import { cleanDossier } from './risk-flags.fixtures.js';

/**
 * Test factory (tests only): one registered contract written straight into the tables, as the filing, processing and
 * certificate services leave it after approval, so the oversight tests (risk comparison, tax view, statistics) do not
 * depend on the whole workflow. Builds only what it is given plus the required rows.
 */
export interface RegisteredContractInput {
  organisationId: string;
  drafterId: string;
  approverId: string;
  data?: CompleteDossier;
  status?: 'issued' | 'revoked' | 'in_review';
  sectorCode?: string | null;
  valueVnd?: number;
  maxRoyaltyPercent?: number | null;
  riskFlags?: RiskFlag[];
  issuedOn?: string;
}

let sequence = 0;

export async function insertRegisteredContract(database: Database, input: RegisteredContractInput): Promise<{ caseId: string; certificateId: string | null; referenceNo: string }> {
  sequence++;
  const data = input.data ?? cleanDossier();
  const status = input.status ?? 'issued';
  const issuedOn = input.issuedOn ?? '2026-10-15';
  const year = Number(issuedOn.slice(0, 4));
  const caseId = randomUUID();
  const referenceNo = `TEST-${year}-${randomBytes(4).toString('hex')}`;
  const valueVnd = input.valueVnd ?? Math.round(data.price.totalValue * data.price.exchangeRateToVnd);
  await database.query(
    `INSERT INTO cases (id, kind, reference_no, status, organisation_id, title, received_on, closed_at)
     VALUES ($1, 'contract_registration', $2, $3, $4, $5, $6, CASE WHEN $3 IN ('issued', 'revoked') THEN now() END)`,
    [caseId, referenceNo, status, input.organisationId, data.contract.name, issuedOn],
  );
  await database.query(
    `INSERT INTO registration_dossiers (case_id, data, version, direction, transfer_form, transferor_name, transferor_country,
       transferee_name, contract_name, contract_number, signed_on, technology_name, sector_code, vsic_code, payment_methods,
       currency, contract_value, value_vnd, max_royalty_percent, relationship, uses_state_capital, filing_due_on, authority,
       fee_vnd, risk_flags, submitted_at)
     VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, 'DOST', 5000000, $22, now())`,
    [
      caseId,
      JSON.stringify(data),
      data.transfer.direction,
      data.transfer.form,
      data.parties.transferor.name,
      data.parties.transferor.country,
      data.parties.transferee.name,
      data.contract.name,
      data.contract.number,
      data.contract.signedOn,
      data.technology.name,
      input.sectorCode === undefined ? 'C' : input.sectorCode,
      data.technology.vsicCode ?? null,
      data.price.payments.map((payment) => payment.method),
      data.price.currency,
      data.price.totalValue,
      valueVnd,
      input.maxRoyaltyPercent ?? null,
      data.parties.relationship,
      data.parties.usesStateCapital,
      data.contract.signedOn,
      JSON.stringify(input.riskFlags ?? []),
    ],
  );
  if (status === 'in_review') return { caseId, certificateId: null, referenceNo };
  const [file] = await database.query<{ id: string }>(
    `INSERT INTO stored_files (sha256, content_type, size_bytes, original_name, content) VALUES ($1, 'application/pdf', 8, 'gcn.pdf', $2) RETURNING id`,
    ['a'.repeat(64), Buffer.from('%PDF-1.7')],
  );
  const [certificate] = await database.query<{ id: string }>(
    `INSERT INTO registration_certificates (case_id, purpose, number, year, sequence, issued_on, issued_by, drafted_by, verification_code,
       public_fields, pdf_file_id, pdf_sha256, status, revoked_on, revoked_by, revoked_reason)
     VALUES ($1, 'new', $2, $3, $4, $5, $6, $7, $8, '{}', $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      caseId,
      `T${sequence}-${randomBytes(3).toString('hex')}/${year}/GCN-SKHCN`,
      year,
      900_000 + sequence,
      issuedOn,
      input.approverId,
      input.drafterId,
      randomBytes(12).toString('hex'),
      file!.id,
      'a'.repeat(64),
      status === 'revoked' ? 'revoked' : 'valid',
      status === 'revoked' ? issuedOn : null,
      status === 'revoked' ? input.approverId : null,
      status === 'revoked' ? 'Thu hồi để kiểm thử' : null,
    ],
  );
  return { caseId, certificateId: certificate!.id, referenceNo };
}

/** Links an organisation to the agency holding the plan role tax_control_of_transfer_contracts (seeded: the Tax Department). */
export async function linkToTaxAgency(database: Database, organisationId: string): Promise<void> {
  await database.query(`UPDATE organisations SET agency_id = (SELECT id FROM agencies WHERE code = 'hp_tax_department') WHERE id = $1`, [organisationId]);
}
