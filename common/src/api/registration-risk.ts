import { z } from 'zod';
import { Citation } from './contract-registration.js';
import { PAYMENT_METHODS } from './registration-dossier.js';

/**
 * Risk flags of a registration dossier (issue 5 item 5; domain brief §10). Computed at submission (and recomputed on
 * each supplement), each explained and citing its legal rule. They inform the officer and never decide alone.
 *
 * Confidentiality: `params` hold only what a Tax Department user may see (list item names, legal thresholds, equipment
 * names and ages, days late). Contract amounts, royalty rates and the price comparison stay in `confidential`, which
 * is stripped by `publicRiskFlag` before anything leaves for a tax user.
 */
export const RISK_FLAG_CODES = [
  'prohibited_technology',
  'restricted_technology',
  'capital_without_valuation',
  'royalty_rate_high',
  'price_outlier',
  'related_party_royalty',
  'related_party_price_not_audited',
  'equipment_too_old',
  'equipment_low_capacity',
  'equipment_high_consumption',
  'late_filing',
] as const;
export type RiskFlagCode = (typeof RISK_FLAG_CODES)[number];

/** high: the officer must act (cannot register, or needs a document); warning: check it; info: note it. */
export const RISK_SEVERITIES = ['high', 'warning', 'info'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** Explanation parameters safe for every reader of the flag (never money, never contract rates). */
export const RiskFlagParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** The comparable registered contracts behind a price flag (robust statistics: median and MAD of the VND values). */
export const PriceComparison = z.object({
  /** Sector (VSIC section letter) and payment method that define "comparable". */
  sectorCode: z.string().nullable(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  n: z.number().int(),
  medianVnd: z.number(),
  madVnd: z.number(),
  valueVnd: z.number(),
  /** 0.6745 × (value − median) / MAD (Iglewicz–Hoaglin modified z-score). */
  robustZ: z.number(),
});
export type PriceComparison = z.infer<typeof PriceComparison>;

/** Staff-only numbers behind a flag. */
export const RiskFlagConfidential = z.object({
  ratePercent: z.number().optional(),
  valueVnd: z.number().optional(),
  comparison: PriceComparison.optional(),
});

export const RiskFlag = z.object({
  code: z.enum(RISK_FLAG_CODES),
  severity: z.enum(RISK_SEVERITIES),
  /** legal-rules key the flag applies (null when it rests on a list item only). */
  ruleKey: z.string().nullable(),
  citation: Citation,
  params: RiskFlagParams,
  confidential: RiskFlagConfidential.nullable(),
});
export type RiskFlag = z.infer<typeof RiskFlag>;

/** What a Tax Department user sees of a flag: no confidential numbers. */
export const PublicRiskFlag = RiskFlag.omit({ confidential: true });
export type PublicRiskFlag = z.infer<typeof PublicRiskFlag>;

export function publicRiskFlag(flag: RiskFlag): PublicRiskFlag {
  const { confidential: _confidential, ...rest } = flag;
  return rest;
}

/** Stored flags (jsonb) read back tolerantly: anything that does not parse is dropped rather than shown wrong. */
export function parseRiskFlags(stored: unknown): RiskFlag[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const parsed = RiskFlag.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Order for display: high first, then warning, then info (stable within a severity). */
export function sortRiskFlags<T extends { severity: RiskSeverity }>(flags: readonly T[]): T[] {
  const rank = (severity: RiskSeverity) => RISK_SEVERITIES.indexOf(severity);
  return [...flags].sort((a, b) => rank(a.severity) - rank(b.severity));
}
