import { z } from 'zod';
import { POLICY_DECIDERS, TRANSFER_DIRECTIONS, TRANSFER_FORMS } from '../reference-rules.js';
import { CountryCode, IsoDate, PersonName, TaxCode } from './shared.js';

/**
 * The technology transfer registration dossier (hồ sơ đăng ký chuyển giao công nghệ, Law 07/2017 art. 31(3);
 * Decree 76/2018 art. 5; contract contents art. 23; price and payment art. 27; used equipment Decision 18/2019).
 * One schema per step of the multi-step form: a draft saves any step that validates; submission needs every step.
 * Shared by the server (validation, risk flags, certificate) and the web (form).
 */

export const REGISTRATION_STATUSES = [
  'draft',
  'submitted',
  'supplement_requested',
  'in_review',
  'certificate_drafted',
  'refusal_drafted',
  'issued',
  'refused',
  'withdrawn',
  'revoked',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const REGISTRATION_ACTIONS = [
  'create',
  'save_draft',
  'submit',
  'withdraw',
  'accept',
  'request_supplement',
  'supplement',
  'save_review',
  'draft_certificate',
  'draft_refusal',
  'return_draft',
  'approve',
  'revoke',
] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

/** new registration, or an amendment / extension of an issued one (Law art. 33; Circular 02/2018). */
export const DOSSIER_PURPOSES = ['new', 'amendment', 'extension'] as const;
export type DossierPurpose = (typeof DOSSIER_PURPOSES)[number];

export const DOSSIER_STEPS = ['parties', 'contract', 'technology', 'transfer', 'price', 'equipment', 'attachments'] as const;
export type DossierStep = (typeof DOSSIER_STEPS)[number];

/** Relationship between the parties (Law art. 27(3): an audited price is required for these). */
export const PARTY_RELATIONSHIPS = ['none', 'parent_subsidiary', 'related_party'] as const;
/** Objects of technology (Law 07/2017 art. 4(1) a–d). */
export const TECHNOLOGY_OBJECTS = ['know_how', 'process_docs_software_data', 'rationalisation_solution', 'machinery'] as const;
/** Payment methods (Law 07/2017 art. 27(2)). */
export const PAYMENT_METHODS = ['lump_sum', 'instalments', 'capital_contribution', 'pct_net_price', 'pct_net_revenue', 'pct_pretax_profit', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
/** Methods paid as a percentage of a base: the rate is required. */
export const PERCENT_PAYMENT_METHODS: readonly PaymentMethod[] = ['pct_net_price', 'pct_net_revenue', 'pct_pretax_profit'];
export const CONTRACT_CURRENCIES = ['VND', 'USD', 'EUR', 'JPY', 'KRW', 'CNY'] as const;
/** Language of the contract (ISO 639-1); anything but "vi" needs a certified Vietnamese translation. */
export const CONTRACT_LANGUAGES = ['vi', 'en', 'ja', 'ko', 'zh', 'de', 'fr', 'other'] as const;
export const RIGHTS_TYPES = ['ownership', 'right_of_use'] as const;
export const EXCLUSIVITY = ['exclusive', 'non_exclusive'] as const;
/** Kinds of document attached to a dossier. All are PDF. */
export const DOSSIER_DOCUMENT_KINDS = ['request_letter', 'contract', 'contract_translation', 'valuation_certificate', 'audit_report', 'other'] as const;
export type DossierDocumentKind = (typeof DOSSIER_DOCUMENT_KINDS)[number];

/** Largest amount accepted in any currency (10^15), far above any real contract, so arithmetic stays exact. */
export const AMOUNT_MAX = 1_000_000_000_000_000;

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).optional();
const Amount = z.number().min(0).max(AMOUNT_MAX);

export const DossierParties = z.strictObject({
  transferor: z.strictObject({
    name: Text(200),
    country: CountryCode,
    address: Text(300),
    registrationNumber: Text(60),
    representativeName: PersonName,
    representativeTitle: OptionalText(120),
  }),
  transferee: z.strictObject({
    name: Text(200),
    enterpriseCode: TaxCode,
    address: Text(300),
    representativeName: PersonName,
    representativeTitle: OptionalText(120),
  }),
  relationship: z.enum(PARTY_RELATIONSHIPS),
  usesStateCapital: z.boolean(),
});
export type DossierParties = z.infer<typeof DossierParties>;

export const DossierContract = z.strictObject({
  name: Text(300),
  number: Text(60),
  signedOn: IsoDate,
  language: z.enum(CONTRACT_LANGUAGES),
  /** Term: start and end days (end optional for an open-ended term), plus free text when neither fits. */
  termStartOn: IsoDate.optional(),
  termEndOn: IsoDate.optional(),
  termText: OptionalText(300),
});
export type DossierContract = z.infer<typeof DossierContract>;

export const DossierTechnology = z.strictObject({
  name: Text(300),
  objects: z.array(z.enum(TECHNOLOGY_OBJECTS)).min(1).max(TECHNOLOGY_OBJECTS.length),
  description: Text(4000),
  products: Text(1000),
  standards: OptionalText(1000),
  /** Priority-catalog directions (e.g. "1.3") and national-list item ids confirmed by the filer (classifier suggests). */
  catalogItemCodes: z.array(z.string().regex(/^\d+(\.\d+)+$/)).max(20).default([]),
  listItemIds: z.array(z.uuid()).max(20).default([]),
  /** VSIC 2018 code of the activity (section letter or division digits). */
  vsicCode: z.string().regex(/^([A-U]|\d{2,5})$/).optional(),
});
export type DossierTechnology = z.infer<typeof DossierTechnology>;

export const DossierTransfer = z.strictObject({
  direction: z.enum(TRANSFER_DIRECTIONS),
  form: z.enum(TRANSFER_FORMS),
  /** Required when form = investment_project. */
  investmentProject: z
    .strictObject({
      name: Text(300),
      certificateNumber: Text(60),
      policyDecidedBy: z.enum(POLICY_DECIDERS),
    })
    .optional(),
  rights: z.enum(RIGHTS_TYPES),
  exclusivity: z.enum(EXCLUSIVITY),
  territory: Text(200),
  /** Method of transfer (phương thức chuyển giao, art. 23(4)): documents, training, experts, equipment… */
  method: Text(1000),
});
export type DossierTransfer = z.infer<typeof DossierTransfer>;

export const DossierPayment = z.strictObject({
  method: z.enum(PAYMENT_METHODS),
  /** Amount in the contract currency (lump sum, instalment total, capital contribution value, other). */
  amount: Amount.optional(),
  /** Rate in % for the percentage methods (0 < rate ≤ 100). */
  ratePercent: z.number().gt(0).max(100).optional(),
  note: OptionalText(500),
});
export type DossierPayment = z.infer<typeof DossierPayment>;

export const DossierPrice = z.strictObject({
  currency: z.enum(CONTRACT_CURRENCIES),
  /** VND per unit of the currency used for statistics (1 for VND). */
  exchangeRateToVnd: z.number().gt(0).max(1_000_000),
  /** Total contract value in the contract currency (estimated for percentage methods). */
  totalValue: Amount,
  payments: z.array(DossierPayment).min(1).max(10),
  hasAuditedPrice: z.boolean(),
  hasIndependentValuation: z.boolean(),
});
export type DossierPrice = z.infer<typeof DossierPrice>;

export const UsedEquipmentItem = z.strictObject({
  name: Text(200),
  hsCode: z.string().regex(/^\d{4}(\.?\d{2}){0,3}$/),
  originCountry: CountryCode,
  yearMade: z.number().int().min(1900).max(2999),
  remainingCapacityPercent: z.number().min(0).max(100),
  consumptionAboveDesignPercent: z.number().min(0).max(1000),
});
export type UsedEquipmentItem = z.infer<typeof UsedEquipmentItem>;

export const DossierEquipment = z.strictObject({
  hasUsedEquipment: z.boolean(),
  items: z.array(UsedEquipmentItem).max(50).default([]),
});
export type DossierEquipment = z.infer<typeof DossierEquipment>;

/** The whole dossier; every part optional in a draft, all required (and cross-checked) to submit. */
export const DossierData = z.strictObject({
  parties: DossierParties.optional(),
  contract: DossierContract.optional(),
  technology: DossierTechnology.optional(),
  transfer: DossierTransfer.optional(),
  price: DossierPrice.optional(),
  equipment: DossierEquipment.optional(),
});
export type DossierData = z.infer<typeof DossierData>;
export type CompleteDossier = Required<DossierData>;

/** The dossier schema of one step ("attachments" has no data: it is the documents). */
export const DOSSIER_STEP_SCHEMAS = {
  parties: DossierParties,
  contract: DossierContract,
  technology: DossierTechnology,
  transfer: DossierTransfer,
  price: DossierPrice,
  equipment: DossierEquipment,
} as const;
export type DataStep = keyof typeof DOSSIER_STEP_SCHEMAS;

/** A cross-field problem: the step, the field path and the error key (translated under errors.*). */
export interface DossierProblem {
  step: DossierStep;
  field: string;
  code: string;
}

/**
 * Cross-field rules of one step, beyond the schema (pure, shared by form and server):
 * investment project details only for that form; a rate for percentage methods; an amount otherwise;
 * term end after start; used-equipment rows when declared.
 */
export function stepProblems(data: DossierData): DossierProblem[] {
  const problems: DossierProblem[] = [];
  const { contract, transfer, price, equipment } = data;
  if (contract?.termStartOn && contract.termEndOn && contract.termEndOn < contract.termStartOn) {
    problems.push({ step: 'contract', field: 'termEndOn', code: 'end_before_start' });
  }
  if (transfer) {
    if (transfer.form === 'investment_project' && !transfer.investmentProject) problems.push({ step: 'transfer', field: 'investmentProject', code: 'required' });
    if (transfer.form !== 'investment_project' && transfer.investmentProject) problems.push({ step: 'transfer', field: 'investmentProject', code: 'not_applicable' });
  }
  price?.payments.forEach((payment, index) => {
    const isPercent = PERCENT_PAYMENT_METHODS.includes(payment.method);
    if (isPercent && payment.ratePercent === undefined) problems.push({ step: 'price', field: `payments.${index}.ratePercent`, code: 'required' });
    if (!isPercent && payment.ratePercent !== undefined) problems.push({ step: 'price', field: `payments.${index}.ratePercent`, code: 'not_applicable' });
    if (!isPercent && payment.method !== 'other' && payment.amount === undefined) problems.push({ step: 'price', field: `payments.${index}.amount`, code: 'required' });
  });
  if (price?.currency === 'VND' && price.exchangeRateToVnd !== 1) problems.push({ step: 'price', field: 'exchangeRateToVnd', code: 'not_applicable' });
  if (equipment?.hasUsedEquipment && equipment.items.length === 0) problems.push({ step: 'equipment', field: 'items', code: 'required' });
  if (equipment && !equipment.hasUsedEquipment && equipment.items.length > 0) problems.push({ step: 'equipment', field: 'items', code: 'not_applicable' });
  return problems;
}

/** The document kinds a complete dossier must carry, given its data (art. 31(3); art. 27(2)(b) valuation). */
export function requiredDocumentKinds(data: DossierData): DossierDocumentKind[] {
  const kinds: DossierDocumentKind[] = ['request_letter', 'contract'];
  if (data.contract && data.contract.language !== 'vi') kinds.push('contract_translation');
  if (data.price?.payments.some((payment) => payment.method === 'capital_contribution')) kinds.push('valuation_certificate');
  return kinds;
}

/** Contract value in VND (rounded), for statistics, fees and value bands. */
export function valueInVnd(price: Pick<DossierPrice, 'totalValue' | 'exchangeRateToVnd'>): number {
  return Math.round(price.totalValue * price.exchangeRateToVnd);
}

/** Value bands shown to tax users instead of amounts (upper bounds in VND, exclusive). */
export const VALUE_BANDS = [
  { code: 'under_1bn', below: 1_000_000_000 },
  { code: '1bn_10bn', below: 10_000_000_000 },
  { code: '10bn_50bn', below: 50_000_000_000 },
  { code: '50bn_200bn', below: 200_000_000_000 },
  { code: 'over_200bn', below: Number.POSITIVE_INFINITY },
] as const;
export type ValueBand = (typeof VALUE_BANDS)[number]['code'];

export function valueBand(valueVnd: number): ValueBand {
  return VALUE_BANDS.find((band) => valueVnd < band.below)!.code;
}
