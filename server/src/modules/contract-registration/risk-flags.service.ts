import type { z } from 'zod';
import type { Citation } from '../../../../common/src/api/contract-registration.js';
import {
  PERCENT_PAYMENT_METHODS,
  valueInVnd,
  type CompleteDossier,
  type DossierTechnology,
  type PaymentMethod,
} from '../../../../common/src/api/registration-dossier.js';
import { sortRiskFlags, type RiskFlag } from '../../../../common/src/api/registration-risk.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { Ctx } from '../../core/context.js';
import { classify } from '../classification/index.js';
import { rule, ruleNumber, type RuleInForce } from '../legal-rules/index.js';
import { listItemsInForce, listPredecessorItems } from '../technology-lists/index.js';
import { vsicNames } from '../vsic/index.js';
import { selectComparableValues } from './risk-flags.queries.js';
import { robustScore } from './risk-flags.stats.js';

type CitationValue = z.infer<typeof Citation>;

export interface ComputeRiskFlagsInput {
  /** The dossier's own case, left out of the comparable contracts (absent for a dossier not yet stored). */
  caseId?: string | undefined;
  data: CompleteDossier;
  /** Day (Vietnam) the dossier was filed: the rules and lists of that day apply. */
  filedOn: string;
  /** Signing day + registration.filingWindow (Law art. 31). */
  filingDueOn: string;
}

const citationOf = (found: RuleInForce): CitationValue => ({ ...found.citation, verified: found.verified, sourceUrl: found.sourceUrl });

async function ruleFlag(ctx: Ctx, at: string, key: string, flag: Omit<RiskFlag, 'ruleKey' | 'citation' | 'confidential'> & { confidential?: RiskFlag['confidential'] }): Promise<RiskFlag> {
  return { ...flag, ruleKey: key, citation: citationOf(await rule(ctx, key, at)), confidential: flag.confidential ?? null };
}

/**
 * The sector of a dossier for statistics and price comparison: the VSIC 2018 section letter of its activity code
 * (a division such as "26" resolves to its section "C"), or null when the filer gave none. Used by the filing
 * service to fill registration_dossiers.sector_code, so that comparisons and statistics group alike.
 */
export async function dossierSectorCode(ctx: Ctx, technology: Pick<DossierTechnology, 'vsicCode'>): Promise<string | null> {
  const code = technology.vsicCode?.trim().toUpperCase();
  if (!code) return null;
  if (/^[A-U]$/.test(code)) return code;
  const division = code.slice(0, 2);
  return (await vsicNames(ctx.db, [division])).get(division)?.parentCode ?? null;
}

// ---- National lists (Law art. 10–11; Decree 76/2018 App. II–III) ------------------------------------------------

interface ListHit {
  id: string;
  listType: 'restricted' | 'prohibited';
  nameVi: string;
  nameEn: string;
  citation: CitationValue;
  source: 'declared' | 'classifier';
  inForce: boolean;
  score: number | null;
}

function appliesTo(listDirection: string, direction: CompleteDossier['transfer']['direction']): boolean {
  return listDirection === 'all' || (listDirection === 'outbound') === (direction === 'outbound');
}

function itemCitation(item: { sourceInstrument: string; sourceInstrumentEn: string; appendix: string | null; itemNo: string | null; verified: boolean; sourceUrl: string | null }): CitationValue {
  const form = item.appendix ? (item.itemNo ? 'appendixItem' : 'appendix') : item.itemNo ? 'item' : 'instrument';
  const text = (locale: 'vi' | 'en', instrument: string) => translate(locale, `classification.citation.${form}`, { instrument, appendix: item.appendix, item: item.itemNo });
  return { vi: text('vi', item.sourceInstrument), en: text('en', item.sourceInstrumentEn), verified: item.verified, sourceUrl: item.sourceUrl };
}

/** Items the filer declared (by id) and the classifier's warning on the technology's name and description. */
async function listHits(ctx: Ctx, data: CompleteDossier, at: string): Promise<ListHit[]> {
  const hits = new Map<string, ListHit>();
  const declared = new Set(data.technology.listItemIds);
  if (declared.size > 0) {
    const current = (await listItemsInForce(ctx.db, at)).map((item) => ({ ...item, inForce: true }));
    const older = (await listPredecessorItems(ctx.db, at)).map((item) => ({ ...item, inForce: false }));
    for (const item of [...current, ...older]) {
      if (!declared.has(item.id) || hits.has(item.id) || item.listType === 'encouraged' || !appliesTo(item.direction, data.transfer.direction)) continue;
      hits.set(item.id, { id: item.id, listType: item.listType, nameVi: item.nameVi, nameEn: item.nameEn, citation: itemCitation(item), source: 'declared', inForce: item.inForce, score: null });
    }
  }
  const text = `${data.technology.name}\n${data.technology.description}`;
  const classified = await classify(ctx, { text, at, catalogCodes: data.technology.catalogItemCodes, vsicCodes: data.technology.vsicCode ? [data.technology.vsicCode] : [] });
  const warning = classified.warning;
  const item = warning ? classified.listItems.find((candidate) => candidate.id === warning.itemId) : undefined;
  if (warning && item && !hits.has(item.id) && appliesTo(item.direction, data.transfer.direction)) {
    const citation = { vi: item.citationVi, en: item.citationEn, verified: item.verified, sourceUrl: item.sourceUrl };
    hits.set(item.id, { id: item.id, listType: warning.listType, nameVi: item.nameVi, nameEn: item.nameEn, citation, source: 'classifier', inForce: item.inForce, score: Math.round(warning.score * 100) / 100 });
  }
  return [...hits.values()];
}

function listFlags(hits: readonly ListHit[]): RiskFlag[] {
  return hits.map((hit) => ({
    code: hit.listType === 'prohibited' ? 'prohibited_technology' : 'restricted_technology',
    severity: 'high',
    ruleKey: null,
    citation: hit.citation,
    params: { itemId: hit.id, itemNameVi: hit.nameVi, itemNameEn: hit.nameEn, source: hit.source, inForce: hit.inForce, score: hit.score },
    confidential: null,
  }));
}

// ---- Price and payment (Law art. 27) ------------------------------------------------------------------------------

const relatedOf = (data: CompleteDossier) => data.parties.relationship !== 'none';

async function paymentFlags(ctx: Ctx, data: CompleteDossier, at: string): Promise<RiskFlag[]> {
  const flags: RiskFlag[] = [];
  const { price, parties } = data;
  const methods = new Set(price.payments.map((payment) => payment.method));
  const relationParams = { relationship: parties.relationship, usesStateCapital: parties.usesStateCapital };
  if (methods.has('capital_contribution') && (relatedOf(data) || parties.usesStateCapital) && !price.hasIndependentValuation) {
    flags.push(await ruleFlag(ctx, at, 'registration.capitalValuationRequired', { code: 'capital_without_valuation', severity: 'high', params: relationParams }));
  }
  if ((relatedOf(data) || parties.usesStateCapital) && !price.hasAuditedPrice) {
    flags.push(await ruleFlag(ctx, at, 'registration.auditedPriceRequired', { code: 'related_party_price_not_audited', severity: 'warning', params: relationParams }));
  }
  const percentPayments = price.payments.filter((payment) => PERCENT_PAYMENT_METHODS.includes(payment.method) && payment.ratePercent !== undefined);
  if (relatedOf(data) && percentPayments.length > 0) {
    flags.push(await ruleFlag(ctx, at, 'registration.auditedPriceRequired', { code: 'related_party_royalty', severity: 'warning', params: { relationship: parties.relationship } }));
  }
  const threshold = await ruleNumber(ctx, 'registration.royaltyRateFlagPercent', at);
  const highest = percentPayments.reduce<(typeof percentPayments)[number] | null>((top, payment) => (top && top.ratePercent! >= payment.ratePercent! ? top : payment), null);
  if (highest && highest.ratePercent! > threshold) {
    flags.push(
      await ruleFlag(ctx, at, 'registration.royaltyRateFlagPercent', {
        code: 'royalty_rate_high',
        severity: 'warning',
        params: { thresholdPercent: threshold, paymentMethod: highest.method },
        confidential: { ratePercent: highest.ratePercent! },
      }),
    );
  }
  return flags;
}

/** Price far outside the comparable registered contracts (same sector and payment method), per payment method. */
async function priceOutlierFlags(ctx: Ctx, input: ComputeRiskFlagsInput, at: string): Promise<RiskFlag[]> {
  const sectorCode = await dossierSectorCode(ctx, input.data.technology);
  if (!sectorCode) return [];
  const valueVnd = valueInVnd(input.data.price);
  const threshold = await ruleNumber(ctx, 'registration.priceOutlierZScore', at);
  const minComparables = await ruleNumber(ctx, 'registration.priceOutlierMinComparables', at);
  const methods = [...new Set(input.data.price.payments.map((payment) => payment.method))].filter((method): method is PaymentMethod => method !== 'other');
  const flags: RiskFlag[] = [];
  for (const paymentMethod of methods) {
    const values = await selectComparableValues(ctx.db, { sectorCode, paymentMethod, excludeCaseId: input.caseId ?? null });
    if (values.length < minComparables) continue;
    const score = robustScore(valueVnd, values);
    if (score.robustZ === null || Math.abs(score.robustZ) < threshold) continue;
    const robustZ = Math.round(score.robustZ * 100) / 100;
    flags.push(
      await ruleFlag(ctx, at, 'registration.priceOutlierZScore', {
        code: 'price_outlier',
        severity: 'warning',
        params: { paymentMethod, sectorCode, comparableCount: score.n, direction: robustZ > 0 ? 'above' : 'below', thresholdZ: threshold },
        confidential: { valueVnd, comparison: { sectorCode, paymentMethod, n: score.n, medianVnd: Math.round(score.median), madVnd: Math.round(score.mad), valueVnd, robustZ } },
      }),
    );
  }
  return flags;
}

// ---- Used equipment (Decision 18/2019/QĐ-TTg art. 5–6) ------------------------------------------------------------

async function equipmentFlags(ctx: Ctx, data: CompleteDossier, at: string): Promise<RiskFlag[]> {
  if (!data.equipment.hasUsedEquipment) return [];
  const maxAge = await ruleNumber(ctx, 'usedEquipment.maxAgeYears', at);
  const minCapacity = await ruleNumber(ctx, 'usedEquipment.minRemainingCapacityPercent', at);
  const maxConsumption = await ruleNumber(ctx, 'usedEquipment.maxExtraConsumptionPercent', at);
  const year = Number(at.slice(0, 4));
  const flags: RiskFlag[] = [];
  for (const item of data.equipment.items) {
    const base = { equipmentName: item.name, hsCode: item.hsCode };
    const ageYears = year - item.yearMade;
    if (ageYears > maxAge) {
      flags.push(await ruleFlag(ctx, at, 'usedEquipment.maxAgeYears', { code: 'equipment_too_old', severity: 'warning', params: { ...base, yearMade: item.yearMade, ageYears, maxAgeYears: maxAge } }));
    }
    if (item.remainingCapacityPercent < minCapacity) {
      const params = { ...base, remainingCapacityPercent: item.remainingCapacityPercent, minPercent: minCapacity };
      flags.push(await ruleFlag(ctx, at, 'usedEquipment.minRemainingCapacityPercent', { code: 'equipment_low_capacity', severity: 'warning', params }));
    }
    if (item.consumptionAboveDesignPercent > maxConsumption) {
      const params = { ...base, consumptionAboveDesignPercent: item.consumptionAboveDesignPercent, maxPercent: maxConsumption };
      flags.push(await ruleFlag(ctx, at, 'usedEquipment.maxExtraConsumptionPercent', { code: 'equipment_high_consumption', severity: 'warning', params }));
    }
  }
  return flags;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Risk flags of a complete dossier (issue 5 item 5; domain brief §10), each explained by its parameters and citing
 * its legal rule: prohibited or restricted technology (Law 07/2017 art. 10–11, 28; Decree 76/2018 App. II–III, by the
 * filer's declared list items and the classifier), technology contributed as capital between related parties or with
 * state capital without an independent valuation, related-party prices not audited and royalties to a related party
 * (art. 27(2)(b), 27(3); transfer pricing), a royalty rate above registration.royaltyRateFlagPercent, a value far
 * outside comparable registered contracts (robust z-score ≥ registration.priceOutlierZScore, with at least
 * registration.priceOutlierMinComparables comparables), used equipment outside Decision 18/2019 art. 5–6, and filing
 * after the window (art. 31). A missing translation is a completeness matter, not a flag. Flags inform; an officer
 * decides. Called by the filing service inside the submission transaction: no permission of its own (the caller
 * authorised its use case), no audit record (the submission's record covers it). Reads the rules of `filedOn`.
 */
export async function computeRiskFlags(ctx: Ctx, input: ComputeRiskFlagsInput): Promise<RiskFlag[]> {
  const at = input.filedOn;
  const flags: RiskFlag[] = [
    ...listFlags(await listHits(ctx, input.data, at)),
    ...(await paymentFlags(ctx, input.data, at)),
    ...(await priceOutlierFlags(ctx, input, at)),
    ...(await equipmentFlags(ctx, input.data, at)),
  ];
  if (input.filedOn > input.filingDueOn) {
    const windowDays = await ruleNumber(ctx, 'registration.filingWindow', at);
    flags.push(
      await ruleFlag(ctx, at, 'registration.filingWindow', {
        code: 'late_filing',
        severity: 'warning',
        params: { signedOn: input.data.contract.signedOn, filingDueOn: input.filingDueOn, daysLate: daysBetween(input.filingDueOn, input.filedOn), windowDays },
      }),
    );
  }
  return sortRiskFlags(flags);
}
