/** Pure rules about legal-parameter values: which value is in force, where a new one may start, fees, competence. */
import type {
  AuthorityTable,
  COMPETENT_AUTHORITIES,
  FeeFormula,
  POLICY_DECIDERS,
  REGISTRATION_KINDS,
  TRANSFER_DIRECTIONS,
  TRANSFER_FORMS,
} from '../../../../common/src/api/legal-rules.js';
import { dayBefore } from '../../../../common/src/dates.js';

export interface DatedValue {
  validFrom: string;
  validTo: string | null;
}

/** The value whose range [validFrom, validTo] contains `day` (ISO dates compare as strings). */
export function valueInForce<T extends DatedValue>(values: readonly T[], day: string): T | undefined {
  return values.find((v) => v.validFrom <= day && (v.validTo === null || v.validTo >= day));
}

export { dayBefore };

export type NewValueVerdict =
  | { ok: true; closeLatest: { validTo: string } | null }
  | { ok: false; reason: 'not_after_latest' | 'overlaps_latest'; latestValidFrom: string };

/**
 * Where a new dated value may go: it must start after the latest value's start (history is appended, never
 * rewritten). An open latest value is closed the day before; a latest value that ends on or after the new start
 * overlaps. A gap (no value in force for some days) is allowed.
 */
export function placeNewValue(existing: readonly DatedValue[], validFrom: string): NewValueVerdict {
  const latest = [...existing].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (!latest) return { ok: true, closeLatest: null };
  if (validFrom <= latest.validFrom) return { ok: false, reason: 'not_after_latest', latestValidFrom: latest.validFrom };
  if (latest.validTo === null) return { ok: true, closeLatest: { validTo: dayBefore(validFrom) } };
  if (latest.validTo >= validFrom) return { ok: false, reason: 'overlaps_latest', latestValidFrom: latest.validFrom };
  return { ok: true, closeLatest: null };
}

/**
 * A fee of `percent` % of the contract value, rounded to the đồng and clamped to [minVnd, maxVnd]
 * (Circular 169/2016/TT-BTC: 0.1 %, 5–10 million VND for a registration, 3–5 million for an amendment).
 */
export function computeFee(fee: FeeFormula, contractValueVnd: number): number {
  if (!Number.isFinite(contractValueVnd) || contractValueVnd < 0) throw new RangeError('contract value must be a non-negative number');
  // Exact integer arithmetic (percent to 4 decimals, half up), so 0.1 % of 5,000,000,000 is exactly 5,000,000 and
  // contract values beyond 2^53 / 10^6 đồng do not lose precision.
  const scaled = BigInt(Math.round(fee.percent * 10_000));
  const value = BigInt(Math.round(contractValueVnd));
  const raw = Number((value * scaled + 500_000n) / 1_000_000n);
  return Math.min(fee.maxVnd, Math.max(fee.minVnd, raw));
}

export interface AuthorityInput {
  transferForm: (typeof TRANSFER_FORMS)[number];
  policyDecidedBy?: (typeof POLICY_DECIDERS)[number];
  direction?: (typeof TRANSFER_DIRECTIONS)[number];
  registration?: (typeof REGISTRATION_KINDS)[number];
}

export interface AuthorityAnswer {
  authority: (typeof COMPETENT_AUTHORITIES)[number];
  /** The table row that decided, or null when no row matched (then the authority is UNKNOWN: an officer decides). */
  rowId: string | null;
  verified: boolean;
  noteVi: string | null;
  noteEn: string | null;
}

/**
 * The competent registration authority (Decree 76/2018 art. 6): the first row of the table whose every stated
 * condition matches the input. A condition the input does not give does not match a row that states it.
 */
export function resolveCompetentAuthority(table: AuthorityTable, input: AuthorityInput): AuthorityAnswer {
  const matches = (allowed: readonly string[] | undefined, actual: string | undefined) => allowed === undefined || (actual !== undefined && allowed.includes(actual));
  const row = table.rows.find(
    (r) =>
      matches(r.when.transferForm, input.transferForm) &&
      matches(r.when.policyDecidedBy, input.policyDecidedBy) &&
      matches(r.when.direction, input.direction) &&
      matches(r.when.registration, input.registration),
  );
  if (!row) return { authority: 'UNKNOWN', rowId: null, verified: false, noteVi: null, noteEn: null };
  return { authority: row.authority, rowId: row.id, verified: row.verified, noteVi: row.noteVi, noteEn: row.noteEn };
}
