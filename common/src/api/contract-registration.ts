import { z } from 'zod';
import { CLASSIFY_TEXT_MAX } from './classification.js';
import { COMPETENT_AUTHORITIES, POLICY_DECIDERS, TRANSFER_DIRECTIONS } from './legal-rules.js';
import { IsoDate } from './shared.js';
import { LIST_DIRECTIONS } from './technology-lists.js';

/** Forms of transfer the public helper asks about (Law 07/2017 art. 5; "other forms provided by law" is left out). */
export const CHECK_TRANSFER_FORMS = ['independent', 'investment_project', 'capital_contribution', 'franchising', 'ip_rights', 'equipment_sale'] as const;

/** Largest contract value accepted (10^15 VND), far above any real contract, so the fee arithmetic stays exact. */
export const CONTRACT_VALUE_MAX = 1_000_000_000_000_000;

export const RegistrationCheckRequest = z.strictObject({
  direction: z.enum(TRANSFER_DIRECTIONS),
  transferForm: z.enum(CHECK_TRANSFER_FORMS),
  /** Only for an investment project: who decided the investment policy ("none": no policy decision needed). */
  policyDecidedBy: z.enum(POLICY_DECIDERS).optional(),
  usesStateCapital: z.boolean(),
  signedOn: IsoDate.optional(),
  contractValueVnd: z.number().int().min(0).max(CONTRACT_VALUE_MAX).optional(),
  /** Optional description of the technology, classified against the national lists. */
  description: z.string().trim().max(CLASSIFY_TEXT_MAX).optional(),
});
export type RegistrationCheckRequest = z.infer<typeof RegistrationCheckRequest>;

export const REGISTRATION_VERDICTS = ['prohibited', 'restricted', 'must_register', 'voluntary'] as const;

/** Why the verdict: one reason per rule applied (texts in the web catalog under registrationCheck.reasons). */
export const REGISTRATION_REASONS = ['prohibited_match', 'restricted_match', 'inbound', 'outbound', 'domestic_state_capital', 'domestic_other'] as const;

/** The legal source of a point of the answer, from the legal-rules data (or the list item), with its verified mark. */
export const Citation = z.object({
  vi: z.string(),
  en: z.string(),
  verified: z.boolean(),
  sourceUrl: z.string().nullable(),
});

export const RuleNumber = z.object({
  key: z.string(),
  kind: z.enum(['working_days', 'calendar_days', 'money_vnd']),
  value: z.number(),
  citation: Citation,
});

export const RegistrationCheckResult = z.object({
  /** The day (Vietnam) whose rules answered. */
  at: z.string(),
  verdict: z.enum(REGISTRATION_VERDICTS),
  reasons: z.array(z.object({ code: z.enum(REGISTRATION_REASONS), citation: Citation })),
  /** The national-list item the description resembles (restricted or prohibited), or null. */
  listMatch: z
    .object({
      listType: z.enum(['restricted', 'prohibited']),
      direction: z.enum(LIST_DIRECTIONS),
      itemId: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      score: z.number(),
      inForce: z.boolean(),
      validTo: z.string().nullable(),
      matchedTerms: z.array(z.string()),
      citation: Citation,
    })
    .nullable(),
  /** Registration authority (Decree 76/2018 art. 6); null when the transfer is not registered (prohibited, restricted). */
  authority: z
    .object({
      authority: z.enum(COMPETENT_AUTHORITIES),
      rowId: z.string().nullable(),
      noteVi: z.string().nullable(),
      noteEn: z.string().nullable(),
      citation: Citation,
    })
    .nullable(),
  /** The Vietnamese party that files, on behalf of both. */
  filer: z.object({ party: z.enum(['transferee', 'transferor']), citation: Citation }).nullable(),
  filing: z
    .object({
      window: RuleNumber,
      /** Signing date + window (calendar days), or null without a signing date. */
      fileBy: z.string().nullable(),
      isOverdue: z.boolean(),
      completenessCheck: RuleNumber,
      decisionDeadline: RuleNumber,
    })
    .nullable(),
  fee: z
    .object({
      percent: z.number(),
      minVnd: z.number(),
      maxVnd: z.number(),
      /** The fee for the given contract value, or null without one (then min–max applies). */
      amountVnd: z.number().nullable(),
      citation: Citation,
    })
    .nullable(),
  documents: z.array(z.object({ code: z.enum(['request_letter', 'contract', 'translation']), citation: Citation })).nullable(),
  /** Restricted technology: approval then licence, each step's deadline or fee (Law art. 29–30). */
  licenceSteps: z.array(RuleNumber).nullable(),
  /** Always true: the answer is guidance; DOST (or MOST) decides. */
  advisory: z.literal(true),
});
export type RegistrationCheckResult = z.infer<typeof RegistrationCheckResult>;
