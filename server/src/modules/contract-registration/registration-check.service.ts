import type { z } from 'zod';
import type { Citation, RegistrationCheckRequest, RegistrationCheckResult, RuleNumber } from '../../../../common/src/api/contract-registration.js';
import type { FeeFormula } from '../../../../common/src/api/legal-rules.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import { validationError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { classify } from '../classification/index.js';
import { computeFee, resolveCompetentAuthority, rule, ruleAuthorityTable, type RuleInForce } from '../legal-rules/index.js';
import { addDays } from '../../../../common/src/dates.js';

type Result = RegistrationCheckResult;
type Verdict = Result['verdict'];

/** The steps of a restricted transfer, in order: approval (art. 29), then licence (art. 30). */
const LICENCE_STEP_KEYS = [
  'restricted.approvalCompletenessCheck',
  'restricted.approvalDecision',
  'restricted.approvalFee',
  'restricted.licenceFilingWindow',
  'restricted.licenceCompletenessCheck',
  'restricted.licenceSupplementWindow',
  'restricted.licenceSupplementExtension',
  'restricted.licenceDecision',
] as const;

const citationOf = (found: RuleInForce): z.infer<typeof Citation> => ({ ...found.citation, verified: found.verified, sourceUrl: found.sourceUrl });

async function ruleNumberWithCitation(ctx: Ctx, key: string, at: string): Promise<z.infer<typeof RuleNumber>> {
  const found = await rule(ctx, key, at);
  const value = found.value as { days?: number; amount?: number };
  const kind = found.kind as z.infer<typeof RuleNumber>['kind'];
  return { key, kind, value: value.days ?? value.amount ?? 0, citation: citationOf(found) };
}

/** ISO date `days` calendar days after `day`. */
export const addCalendarDays = addDays;

function checkCombination(ctx: Ctx, input: RegistrationCheckRequest): void {
  const message = (code: string) => translate(ctx.locale, `registrationCheck.errors.${code}`);
  if (input.transferForm === 'investment_project' && !input.policyDecidedBy) {
    throw validationError([{ path: 'policyDecidedBy', code: 'required', message: translate(ctx.locale, 'validation.required'), params: {} }]);
  }
  if (input.transferForm !== 'investment_project' && input.policyDecidedBy) {
    throw validationError([{ path: 'policyDecidedBy', code: 'policyOnlyForInvestmentProject', message: message('policyOnlyForInvestmentProject'), params: {} }]);
  }
}

/** Does a list item written for `listDirection` apply to a transfer in `direction`? */
function appliesTo(listDirection: string, direction: RegistrationCheckRequest['direction']): boolean {
  return listDirection === 'all' || (listDirection === 'outbound') === (direction === 'outbound');
}

async function findListMatch(ctx: Ctx, input: RegistrationCheckRequest, at: string): Promise<Result['listMatch']> {
  const text = input.description?.trim();
  if (!text) return null;
  const classified = await classify(ctx, { text, at });
  const warning = classified.warning;
  const item = warning ? classified.listItems.find((candidate) => candidate.id === warning.itemId) : undefined;
  if (!warning || !item || !appliesTo(item.direction, input.direction)) return null;
  return {
    listType: warning.listType,
    direction: item.direction,
    itemId: item.id,
    nameVi: item.nameVi,
    nameEn: item.nameEn,
    score: warning.score,
    inForce: item.inForce,
    validTo: item.validTo,
    matchedTerms: item.matchedTerms,
    citation: { vi: item.citationVi, en: item.citationEn, verified: item.verified, sourceUrl: item.sourceUrl },
  };
}

/** The dossier (Law art. 31(3)), each document citing its legal-rules value (the translation one is unverified). */
async function documentsOf(ctx: Ctx, at: string): Promise<NonNullable<Result['documents']>> {
  const dossier = citationOf(await rule(ctx, 'registration.dossier', at));
  const translation = citationOf(await rule(ctx, 'registration.dossierTranslation', at));
  return [
    { code: 'request_letter', citation: dossier },
    { code: 'contract', citation: dossier },
    { code: 'translation', citation: translation },
  ];
}

function registrationVerdict(input: RegistrationCheckRequest): { verdict: Verdict; reason: Result['reasons'][number]['code'] } {
  if (input.direction === 'inbound') return { verdict: 'must_register', reason: 'inbound' };
  if (input.direction === 'outbound') return { verdict: 'must_register', reason: 'outbound' };
  if (input.usesStateCapital) return { verdict: 'must_register', reason: 'domestic_state_capital' };
  return { verdict: 'voluntary', reason: 'domestic_other' };
}

async function feeOf(ctx: Ctx, input: RegistrationCheckRequest, at: string): Promise<Result['fee']> {
  const found = await rule(ctx, 'registration.fee', at);
  const formula = found.value as FeeFormula;
  const amountVnd = input.contractValueVnd === undefined ? null : computeFee(formula, input.contractValueVnd);
  return { percent: formula.percent, minVnd: formula.minVnd, maxVnd: formula.maxVnd, amountVnd, citation: citationOf(found) };
}

/**
 * "Do I need to register?": for a planned or signed transfer, whether it must be registered (Law 07/2017 art. 31(1)),
 * may be registered voluntarily (art. 31(2)), needs a Ministry approval and licence instead (restricted, art. 28–30)
 * or cannot be transferred (prohibited, art. 11), with the authority (Decree 76/2018 art. 6), the filer, the deadlines,
 * the fee and the dossier, each citing its legal-rules value. A list resemblance is advice: an officer decides.
 * Permission: catalog.read (public). Reads reference data only, so no audit record.
 */
export async function checkRegistration(ctx: Ctx, input: RegistrationCheckRequest): Promise<Result> {
  assertCan(ctx.actor, 'catalog.read');
  checkCombination(ctx, input);
  const at = vietnamToday();
  const listMatch = await findListMatch(ctx, input, at);
  const window = await rule(ctx, 'registration.filingWindow', at);
  const empty = { filer: null, filing: null, fee: null, documents: null, licenceSteps: null, authority: null };
  if (listMatch) {
    const reason = { code: `${listMatch.listType}_match` as const, citation: listMatch.citation };
    const licenceSteps = listMatch.listType === 'restricted' ? await Promise.all(LICENCE_STEP_KEYS.map((key) => ruleNumberWithCitation(ctx, key, at))) : null;
    return { at, verdict: listMatch.listType, reasons: [reason], listMatch, ...empty, licenceSteps, advisory: true };
  }

  const { verdict, reason } = registrationVerdict(input);
  const law = citationOf(window);
  const table = await ruleAuthorityTable(ctx, 'registration.competentAuthority', at);
  const answer = resolveCompetentAuthority(table.value, {
    transferForm: input.transferForm,
    direction: input.direction,
    registration: verdict === 'voluntary' ? 'voluntary' : 'mandatory',
    ...(input.policyDecidedBy ? { policyDecidedBy: input.policyDecidedBy } : {}),
  });
  const tableCitation = citationOf(table);
  const windowDays = await ruleNumberWithCitation(ctx, 'registration.filingWindow', at);
  const fileBy = input.signedOn ? addCalendarDays(input.signedOn, windowDays.value) : null;
  return {
    at,
    verdict,
    reasons: [{ code: reason, citation: law }],
    listMatch: null,
    authority: {
      authority: answer.authority,
      rowId: answer.rowId,
      noteVi: answer.noteVi,
      noteEn: answer.noteEn,
      // The row's own mark: a verified table may hold unverified rows (independent transfers).
      citation: { ...tableCitation, verified: answer.verified },
    },
    filer: { party: input.direction === 'outbound' ? 'transferor' : 'transferee', citation: law },
    filing: {
      window: windowDays,
      fileBy,
      isOverdue: fileBy !== null && fileBy < at,
      completenessCheck: await ruleNumberWithCitation(ctx, 'registration.completenessCheck', at),
      decisionDeadline: await ruleNumberWithCitation(ctx, 'registration.decisionDeadline', at),
    },
    fee: await feeOf(ctx, input, at),
    documents: await documentsOf(ctx, at),
    licenceSteps: null,
    advisory: true,
  };
}
