import { z } from 'zod';
import { TRANSFER_DIRECTIONS, TRANSFER_FORMS } from './legal-rules.js';
import { DOSSIER_PURPOSES, EXCLUSIVITY, PARTY_RELATIONSHIPS, PAYMENT_METHODS, RIGHTS_TYPES, VALUE_BANDS } from './registration-dossier.js';
import { PublicRiskFlag, RISK_FLAG_CODES } from './registration-risk.js';
import { PageQuery, pageOf } from './shared.js';

/**
 * Oversight of registered technology transfer contracts (issue 5 items 6 and 8; plan section IV.5): the Tax Department
 * view (parties, dates, payment methods, a value band and the risk flags: never amounts, rates or files), the query
 * threads between tax officers and DOST, and the statistics (form 06/KHCN-CG fields, unverified).
 */

export const VALUE_BAND_CODES = VALUE_BANDS.map((band) => band.code) as [string, ...string[]];
export const CERTIFICATE_STATES = ['valid', 'revoked'] as const;

const Year = z.coerce.number().int().min(2000).max(2999);

// ---- Tax view ---------------------------------------------------------------------------------------------------

export const TAX_SORTS = ['issued', 'signed', 'transferee'] as const;

export const TaxRegistrationQuery = PageQuery.extend({
  /** Transferor, transferee, contract, technology, reference or certificate number. */
  q: z.string().trim().max(100).optional(),
  year: Year.optional(),
  certificateStatus: z.enum(CERTIFICATE_STATES).optional(),
  paymentMethod: z.enum(PAYMENT_METHODS).optional(),
  direction: z.enum(TRANSFER_DIRECTIONS).optional(),
  valueBand: z.enum(VALUE_BAND_CODES).optional(),
  flag: z.enum(RISK_FLAG_CODES).optional(),
  /** Only contracts with at least one flag. */
  flagged: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  sort: z.enum(TAX_SORTS).default('issued'),
});
export type TaxRegistrationQuery = z.infer<typeof TaxRegistrationQuery>;
export const TaxRegistrationExportQuery = TaxRegistrationQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type TaxRegistrationExportQuery = z.infer<typeof TaxRegistrationExportQuery>;

/** One registered contract as a tax officer sees it. Deliberately no amount, currency, rate, fee or file. */
export const TaxRegistrationItem = z.object({
  caseId: z.string(),
  referenceNo: z.string(),
  purpose: z.enum(DOSSIER_PURPOSES),
  certificateNumber: z.string(),
  issuedOn: z.string(),
  certificateStatus: z.enum(CERTIFICATE_STATES),
  revokedOn: z.string().nullable(),
  transferorName: z.string().nullable(),
  transferorCountry: z.string().nullable(),
  transfereeName: z.string().nullable(),
  contractName: z.string().nullable(),
  contractNumber: z.string().nullable(),
  signedOn: z.string().nullable(),
  technologyName: z.string().nullable(),
  sectorCode: z.string().nullable(),
  direction: z.enum(TRANSFER_DIRECTIONS).nullable(),
  transferForm: z.enum(TRANSFER_FORMS).nullable(),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)),
  valueBand: z.enum(VALUE_BAND_CODES).nullable(),
  relationship: z.enum(PARTY_RELATIONSHIPS).nullable(),
  usesStateCapital: z.boolean().nullable(),
  flagCodes: z.array(z.enum(RISK_FLAG_CODES)),
  openQueryCount: z.number().int(),
});
export type TaxRegistrationItem = z.infer<typeof TaxRegistrationItem>;
export const TaxRegistrationPage = pageOf(TaxRegistrationItem);
export type TaxRegistrationPage = z.infer<typeof TaxRegistrationPage>;

export const TaxQueryMessage = z.object({
  id: z.string(),
  side: z.enum(['tax', 'dost']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const TaxQueryThread = z.object({
  id: z.string(),
  caseId: z.string(),
  referenceNo: z.string(),
  organisationName: z.string(),
  subject: z.string(),
  status: z.enum(['open', 'closed']),
  openedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messages: z.array(TaxQueryMessage),
  /** May the caller write in the thread, or close it? */
  canReply: z.boolean(),
  canClose: z.boolean(),
});
export type TaxQueryThread = z.infer<typeof TaxQueryThread>;

export const TaxRegistrationDetail = TaxRegistrationItem.extend({
  termStartOn: z.string().nullable(),
  termEndOn: z.string().nullable(),
  rights: z.enum(RIGHTS_TYPES).nullable(),
  exclusivity: z.enum(EXCLUSIVITY).nullable(),
  territory: z.string().nullable(),
  transfereeCode: z.string().nullable(),
  /** Name of the VSIC section in `sectorCode`. */
  sectorName: z.object({ vi: z.string(), en: z.string() }).nullable(),
  flags: z.array(PublicRiskFlag),
  queries: z.array(TaxQueryThread),
});
export type TaxRegistrationDetail = z.infer<typeof TaxRegistrationDetail>;

// ---- Query threads ----------------------------------------------------------------------------------------------

export const OpenTaxQueryInput = z.strictObject({
  subject: z.string().trim().min(3).max(200),
  body: z.string().trim().min(1).max(4000),
});
export type OpenTaxQueryInput = z.infer<typeof OpenTaxQueryInput>;

export const TaxQueryReplyInput = z.strictObject({ body: z.string().trim().min(1).max(4000) });
export type TaxQueryReplyInput = z.infer<typeof TaxQueryReplyInput>;

export const TaxQueryListQuery = PageQuery.extend({
  status: z.enum(['open', 'closed']).optional(),
  caseId: z.uuid().optional(),
});
export type TaxQueryListQuery = z.infer<typeof TaxQueryListQuery>;

export const TaxQuerySummary = TaxQueryThread.omit({ messages: true, canReply: true, canClose: true }).extend({ messageCount: z.number().int(), lastMessageAt: z.string().nullable() });
export type TaxQuerySummary = z.infer<typeof TaxQuerySummary>;
export const TaxQueryPage = pageOf(TaxQuerySummary);
export type TaxQueryPage = z.infer<typeof TaxQueryPage>;

// ---- Statistics -------------------------------------------------------------------------------------------------

export const STATISTICS_DIMENSIONS = ['year', 'sector', 'country', 'paymentMethod', 'direction', 'form', 'valueBand', 'purpose'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

const yearsInOrder = (query: { fromYear?: number | undefined; toYear?: number | undefined }) => query.fromYear === undefined || query.toYear === undefined || query.fromYear <= query.toYear;

export const RegistrationStatisticsQuery = z.object({ fromYear: Year.optional(), toYear: Year.optional() }).refine(yearsInOrder, { message: 'from_after_to', path: ['toYear'] });
export type RegistrationStatisticsQuery = z.infer<typeof RegistrationStatisticsQuery>;
export const RegistrationStatisticsExportQuery = z
  .object({ fromYear: Year.optional(), toYear: Year.optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') })
  .refine(yearsInOrder, { message: 'from_after_to', path: ['toYear'] });

/**
 * One group of a dimension: number of registered contracts and their total value (VND, filer's exchange rate); the
 * value is null (withheld) for a reader who is not a DOST leader when it would sum fewer than three contracts a year.
 */
export const StatisticsBucket = z.object({
  key: z.string(),
  count: z.number().int(),
  totalValueVnd: z.number().nullable(),
});
export type StatisticsBucket = z.infer<typeof StatisticsBucket>;

export const RegistrationStatistics = z.object({
  fromYear: z.number().int().nullable(),
  toYear: z.number().int().nullable(),
  /** Certificates counted: valid and revoked ones issued in the years (a revoked one was registered then). */
  total: StatisticsBucket,
  revokedCount: z.number().int(),
  /** Amendment and extension certificates are counted apart (form 06/KHCN-CG, A.IV.11 groups B–C). */
  byDimension: z.record(z.enum(STATISTICS_DIMENSIONS), z.array(StatisticsBucket)),
  /** Names of the VSIC sections that appear under `sector`. */
  sectorNames: z.record(z.string(), z.object({ vi: z.string(), en: z.string() })),
  /** The fields of form 06/KHCN-CG are not verified against Circular 15/2018 (domain brief §6). */
  formVerified: z.literal(false),
});
export type RegistrationStatistics = z.infer<typeof RegistrationStatistics>;

