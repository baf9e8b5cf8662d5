import { z } from 'zod';
import { IsoDate } from './calendar.js';
import {
  COMPETENT_AUTHORITIES,
  LEGAL_RULE_VALUE_KINDS,
  POLICY_DECIDERS,
  REGISTRATION_KINDS,
  TRANSFER_DIRECTIONS,
  TRANSFER_FORMS,
} from '../reference-rules.js';

export { COMPETENT_AUTHORITIES, LEGAL_RULE_VALUE_KINDS, POLICY_DECIDERS, REGISTRATION_KINDS, TRANSFER_DIRECTIONS, TRANSFER_FORMS };

export const LegalRuleValueKind = z.enum(LEGAL_RULE_VALUE_KINDS);
export type LegalRuleValueKind = z.infer<typeof LegalRuleValueKind>;

const Days = z.object({ days: z.number().int().min(0).max(3660) }).strict();
const MAX_VND = 1e15;

/** Conditions of one competent-authority row; an absent condition matches anything. */
export const AuthorityCondition = z
  .object({
    transferForm: z.array(z.enum(TRANSFER_FORMS)).min(1).optional(),
    policyDecidedBy: z.array(z.enum(POLICY_DECIDERS)).min(1).optional(),
    direction: z.array(z.enum(TRANSFER_DIRECTIONS)).min(1).optional(),
    registration: z.array(z.enum(REGISTRATION_KINDS)).min(1).optional(),
  })
  .strict();

export const AuthorityRow = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/),
    when: AuthorityCondition,
    authority: z.enum(COMPETENT_AUTHORITIES),
    verified: z.boolean(),
    noteVi: z.string().min(2).max(1000),
    noteEn: z.string().min(2).max(1000),
  })
  .strict();

export const AuthorityTable = z
  .object({ rows: z.array(AuthorityRow).min(1).max(100) })
  .strict()
  .refine((table) => new Set(table.rows.map((row) => row.id)).size === table.rows.length, { message: 'duplicate_row_id', path: ['rows'] });
export type AuthorityTable = z.infer<typeof AuthorityTable>;

export const FeeFormula = z
  .object({
    percent: z.number().min(0).max(100),
    minVnd: z.number().int().min(0).max(MAX_VND),
    maxVnd: z.number().int().min(0).max(MAX_VND),
  })
  .strict()
  .refine((fee) => fee.minVnd <= fee.maxVnd, { message: 'min_above_max', path: ['maxVnd'] });
export type FeeFormula = z.infer<typeof FeeFormula>;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The JSON shape of a value, by the rule's kind. */
export const LEGAL_RULE_VALUE_SCHEMAS = {
  working_days: Days,
  calendar_days: Days,
  money_vnd: z.object({ amount: z.number().int().min(0).max(MAX_VND) }).strict(),
  percent: z.object({ percent: z.number().min(0).max(100) }).strict(),
  years: z.object({ years: z.number().int().min(0).max(200) }).strict(),
  count: z.object({ count: z.number().int().min(0).max(1_000_000) }).strict(),
  date_of_year: z
    .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
    .strict()
    .refine((d) => d.day <= DAYS_IN_MONTH[d.month - 1]!, { message: 'invalid_date', path: ['day'] }),
  fee_formula: FeeFormula,
  authority_table: AuthorityTable,
  text: z.object({ vi: z.string().trim().min(2).max(4000), en: z.string().trim().min(2).max(4000) }).strict(),
} as const satisfies Record<LegalRuleValueKind, z.ZodType>;

export type LegalRuleValueOf<K extends LegalRuleValueKind> = z.infer<(typeof LEGAL_RULE_VALUE_SCHEMAS)[K]>;

export const RuleKey = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/).max(120);

export const LegalRuleValue = z.object({
  id: z.uuid(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  value: z.unknown(),
  citationVi: z.string(),
  citationEn: z.string(),
  sourceUrl: z.string().nullable(),
  verified: z.boolean(),
  note: z.string().nullable(),
  /** Who added the value (administrators only; null for the reference seed or for other readers). */
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type LegalRuleValue = z.infer<typeof LegalRuleValue>;

export const LegalRule = z.object({
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  valueKind: LegalRuleValueKind,
  unit: z.string().nullable(),
  /** The value in force on the date asked, or null when none is. */
  current: LegalRuleValue.nullable(),
});
export type LegalRule = z.infer<typeof LegalRule>;

export const LegalRuleList = z.object({ at: z.string(), rules: z.array(LegalRule) });
export type LegalRuleList = z.infer<typeof LegalRuleList>;

export const LegalRuleDetail = LegalRule.extend({ history: z.array(LegalRuleValue) });
export type LegalRuleDetail = z.infer<typeof LegalRuleDetail>;

export const LegalRulesQuery = z.object({ at: IsoDate.optional() });
export const LegalRuleParams = z.object({ key: RuleKey });
export const LegalRulesExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), at: IsoDate.optional() });

export const AddLegalRuleValueInput = z.object({
  validFrom: IsoDate,
  validTo: IsoDate.nullish().transform((value) => value ?? null),
  /** Checked against the rule's kind by the server (LEGAL_RULE_VALUE_SCHEMAS). */
  value: z.unknown(),
  citationVi: z.string().trim().min(2).max(500),
  citationEn: z.string().trim().min(2).max(500),
  sourceUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((value) => value === '' || value.split(' | ').every((part) => /^https?:\/\/\S+/.test(part.trim())), { message: 'invalid_format' })
    .nullish()
    .transform((value) => (value ? value : null)),
  verified: z.boolean(),
  note: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((value) => (value ? value : null)),
});

