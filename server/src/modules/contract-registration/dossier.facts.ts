import type { FeeFormula } from '../../../../common/src/api/legal-rules.js';
import { PERCENT_PAYMENT_METHODS, valueInVnd, type CompleteDossier, type DossierData, type DossierPurpose } from '../../../../common/src/api/registration-dossier.js';
import { addDays } from '../../../../common/src/dates.js';
import type { Ctx } from '../../core/context.js';
import { computeFee, resolveCompetentAuthority, rule, ruleAuthorityTable, ruleNumber } from '../legal-rules/index.js';
import type { DossierPatch } from './dossier.queries.js';
import { computeRiskFlags, dossierSectorCode } from './risk-flags.service.js';

/**
 * What a submission fixes about a dossier, from its data and the legal rules of the filing day: the columns copied
 * for the queue, statistics, the Tax view and risk flags; the filing deadline (Law 07/2017 art. 31: signing +
 * registration.filingWindow days; later filing is allowed and marked late); the competent authority (Decree 76/2018
 * art. 6, or for an amendment the authority that issued the original, Law art. 33); the fee (Circular 169/2016:
 * registration.fee, or amendment.fee for an amendment or extension); the risk flags.
 */

/** The columns copied from the data (pure). */
export function copiedColumns(data: CompleteDossier): DossierPatch {
  const { parties, contract, technology, transfer, price } = data;
  const rates = price.payments.filter((p) => PERCENT_PAYMENT_METHODS.includes(p.method) && p.ratePercent !== undefined).map((p) => p.ratePercent!);
  return {
    direction: transfer.direction,
    transferForm: transfer.form,
    transferorName: parties.transferor.name,
    transferorCountry: parties.transferor.country,
    transfereeName: parties.transferee.name,
    contractName: contract.name,
    contractNumber: contract.number,
    signedOn: contract.signedOn,
    technologyName: technology.name,
    catalogItemCodes: technology.catalogItemCodes,
    vsicCode: technology.vsicCode ?? null,
    paymentMethods: [...new Set(price.payments.map((p) => p.method))],
    currency: price.currency,
    contractValue: price.totalValue.toFixed(2),
    valueVnd: String(valueInVnd(price)),
    maxRoyaltyPercent: rates.length ? Math.max(...rates).toFixed(3) : null,
    relationship: parties.relationship,
    usesStateCapital: parties.usesStateCapital,
  };
}

/** The filing deadline of a contract signed on `signedOn`, by the window in force on `today`. */
export async function filingDeadline(ctx: Ctx, signedOn: string, today: string): Promise<{ windowDays: number; dueOn: string; isLate: boolean }> {
  const windowDays = await ruleNumber(ctx, 'registration.filingWindow', today);
  const dueOn = addDays(signedOn, windowDays);
  return { windowDays, dueOn, isLate: today > dueOn };
}

async function authorityOf(ctx: Ctx, data: CompleteDossier, today: string): Promise<'MOST' | 'DOST' | 'UNKNOWN'> {
  const table = await ruleAuthorityTable(ctx, 'registration.competentAuthority', today);
  const mandatory = data.transfer.direction !== 'domestic' || data.parties.usesStateCapital;
  const policyDecidedBy = data.transfer.investmentProject?.policyDecidedBy;
  return resolveCompetentAuthority(table.value, {
    transferForm: data.transfer.form,
    direction: data.transfer.direction,
    registration: mandatory ? 'mandatory' : 'voluntary',
    ...(policyDecidedBy ? { policyDecidedBy } : {}),
  }).authority;
}

export interface SubmissionFacts {
  patch: DossierPatch;
  filingDueOn: string;
  isLate: boolean;
}

/**
 * Everything a submission (or a supplement) stores on the dossier besides the data. `originalAuthority`: for an
 * amendment or extension, the authority of the registration it amends.
 */
export async function submissionFacts(
  ctx: Ctx,
  input: { caseId: string; data: CompleteDossier; purpose: DossierPurpose; today: string; originalAuthority: 'MOST' | 'DOST' | 'UNKNOWN' | null },
): Promise<SubmissionFacts> {
  const { data, today } = input;
  const deadline = await filingDeadline(ctx, data.contract.signedOn, today);
  const authority = input.purpose === 'new' ? await authorityOf(ctx, data, today) : (input.originalAuthority ?? (await authorityOf(ctx, data, today)));
  const feeRule = await rule(ctx, input.purpose === 'new' ? 'registration.fee' : 'amendment.fee', today);
  const feeVnd = computeFee(feeRule.value as FeeFormula, valueInVnd(data.price));
  const riskFlags = await computeRiskFlags(ctx, { caseId: input.caseId, data, filedOn: today, filingDueOn: deadline.dueOn });
  const patch: DossierPatch = {
    ...copiedColumns(data),
    sectorCode: await dossierSectorCode(ctx, data.technology),
    filingDueOn: deadline.dueOn,
    isLate: deadline.isLate,
    authority,
    feeVnd,
    riskFlags,
  };
  return { patch, filingDueOn: deadline.dueOn, isLate: deadline.isLate };
}

/** The dossier as a complete one, once `dossierProgress` found no problem. */
export function asComplete(data: DossierData): CompleteDossier {
  return data as CompleteDossier;
}
