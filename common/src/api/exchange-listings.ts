import { z } from 'zod';
import { CountryCode, IsoDate, Uuid } from './shared.js';

/**
 * Technology exchange listings (plan II.2, II.4, II.7; issue 4): the content an owner writes, per kind, and the views
 * readers get. The teaser (title, teaser, keywords and facets) is public once published; the detail follows the
 * listing's visibility. Other exchange schemas: exchange-review.ts, exchange-search.ts, exchange-matching.ts,
 * exchange-connections.ts.
 */

export const LISTING_KINDS = ['offer', 'demand', 'expert', 'intermediary'] as const;
export const ListingKind = z.enum(LISTING_KINDS);
export type ListingKind = z.infer<typeof ListingKind>;

export const LISTING_STATUSES = ['draft', 'in_review', 'returned', 'published', 'rejected', 'expired', 'withdrawn'] as const;
export const ListingStatus = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatus>;

export const REVISION_STATUSES = ['draft', 'in_review', 'returned', 'approved', 'rejected', 'superseded', 'discarded'] as const;
export const RevisionStatus = z.enum(REVISION_STATUSES);
export type RevisionStatus = z.infer<typeof RevisionStatus>;

export const VISIBILITIES = ['public', 'signed_in', 'on_request'] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

/** Objects of technology transfer (Law 07/2017/QH14 art. 4). */
export const TECHNOLOGY_OBJECTS = ['know_how', 'process_design_formula_software_data', 'rationalisation_solution', 'machinery_with_technology'] as const;
export const TechnologyObject = z.enum(TECHNOLOGY_OBJECTS);
export type TechnologyObject = z.infer<typeof TechnologyObject>;

/** Forms of transfer an offer proposes or a demand prefers (Law 07/2017 art. 5 and 6; market practice). */
export const TRANSFER_FORMS = [
  'exclusive_licence',
  'non_exclusive_licence',
  'assignment',
  'capital_contribution',
  'joint_venture',
  'franchise',
  'equipment_with_technology',
  'consulting_training',
] as const;
export const TransferForm = z.enum(TRANSFER_FORMS);
export type TransferForm = z.infer<typeof TransferForm>;

export const CURRENCIES = ['VND', 'USD', 'EUR', 'JPY', 'KRW', 'CNY'] as const;
export const Currency = z.enum(CURRENCIES);
export type Currency = z.infer<typeof Currency>;

export const IP_TYPES = ['invention_patent', 'utility_solution', 'industrial_design', 'trademark', 'copyright_software', 'trade_secret', 'plant_variety', 'layout_design', 'none'] as const;
export const IpType = z.enum(IP_TYPES);
export type IpType = z.infer<typeof IpType>;

export const IP_STATUSES = ['granted', 'pending', 'expired', 'not_filed'] as const;
export const IpStatus = z.enum(IP_STATUSES);

export const CONTENT_LANGUAGES = ['vi', 'en'] as const;
export const ContentLanguage = z.enum(CONTENT_LANGUAGES);
export type ContentLanguage = z.infer<typeof ContentLanguage>;

export const AVAILABILITIES = ['available', 'limited', 'unavailable'] as const;
export const INTERMEDIARY_SERVICES = ['brokerage', 'valuation', 'legal', 'intellectual_property', 'consulting', 'training', 'financing', 'testing'] as const;
export const NATIONAL_LIST_STATUSES = ['encouraged', 'restricted', 'prohibited', 'not_listed'] as const;
export const NationalListStatus = z.enum(NATIONAL_LIST_STATUSES);
export type NationalListStatus = z.infer<typeof NationalListStatus>;

const trimmed = (max: number) => z.string().trim().max(max);

export type LocalText = { vi?: string; en?: string };
/** Drops empty languages: `{ vi: '' , en: 'x' }` → `{ en: 'x' }`. */
function nonEmpty(value: { vi?: string | undefined; en?: string | undefined }): LocalText {
  return { ...(value.vi ? { vi: value.vi } : {}), ...(value.en ? { en: value.en } : {}) };
}

/** Plain text in Vietnamese and/or English; at least one language present. */
export function localText(max: number, min = 1) {
  return z
    .object({ vi: trimmed(max).optional(), en: trimmed(max).optional() })
    .transform(nonEmpty)
    .refine((value) => (value.vi?.length ?? 0) >= min || (value.en?.length ?? 0) >= min, { message: 'local_text_required' });
}
/** Optional bilingual plain text (both may be empty). */
export function optionalLocalText(max: number) {
  return z.object({ vi: trimmed(max).optional(), en: trimmed(max).optional() }).transform(nonEmpty);
}
/** Rich text (HTML from the editor); the server keeps only the allow-listed tags (exchange.sanitize.ts). */
export const RichText = z.object({ vi: z.string().max(20000).optional(), en: z.string().max(20000).optional() });
export type RichText = z.infer<typeof RichText>;

export const CatalogItemCode = z.string().regex(/^[0-9]+(\.[0-9]+)*$/).max(20);
export const Keywords = z.array(z.string().trim().min(2).max(60)).max(20);
export const Trl = z.number().int().min(1).max(9);
const HttpUrl = z.url({ protocol: /^https?$/ }).max(500);

export const PriceIndication = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('negotiable') }),
  z.object({ kind: z.literal('range'), min: z.number().nonnegative().max(1e15), max: z.number().nonnegative().max(1e15), currency: Currency }).refine((p) => p.min <= p.max, {
    message: 'price_range_inverted',
    path: ['max'],
  }),
]);
export type PriceIndication = z.infer<typeof PriceIndication>;

export const IntellectualProperty = z.object({
  type: IpType,
  number: trimmed(60).optional(),
  territory: z.array(CountryCode).max(20).default([]),
  status: IpStatus,
});

/** What every kind has: the public teaser and the common facets. */
const Common = {
  originalLanguage: ContentLanguage,
  title: localText(200, 5),
  teaser: localText(600, 20),
  keywords: Keywords.default([]),
  catalogItemCodes: z.array(CatalogItemCode).max(10).default([]),
  fileIds: z.array(Uuid).max(20).default([]),
};

export const OfferContent = z.object({
  kind: z.literal('offer'),
  ...Common,
  description: RichText,
  technologyObject: TechnologyObject,
  trl: Trl,
  intellectualProperty: z.array(IntellectualProperty).max(10).default([]),
  transferForms: z.array(TransferForm).min(1).max(TRANSFER_FORMS.length),
  price: PriceIndication,
  countryOfOrigin: CountryCode,
});

export const DemandContent = z.object({
  kind: z.literal('demand'),
  ...Common,
  problem: RichText,
  currentProcess: RichText,
  wantedResults: RichText,
  budget: PriceIndication,
  timelineMonths: z.number().int().min(1).max(120),
  preferredTransferForms: z.array(TransferForm).max(TRANSFER_FORMS.length).default([]),
  preferredCountries: z.array(CountryCode).max(20).default([]),
  minimumTrl: Trl.optional(),
  location: trimmed(200).min(2),
});

export const ExpertContent = z.object({
  kind: z.literal('expert'),
  ...Common,
  expertise: RichText,
  countries: z.array(CountryCode).max(20).default([]),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).max(10),
  isOverseasVietnamese: z.boolean(),
  availability: z.enum(AVAILABILITIES),
  availabilityNote: optionalLocalText(300),
  publications: z.array(z.object({ title: trimmed(300).min(2), url: HttpUrl.optional(), year: z.number().int().min(1900).max(2100).optional() })).max(30).default([]),
  patents: z.array(z.object({ title: trimmed(300).min(2), number: trimmed(60).optional(), url: HttpUrl.optional() })).max(30).default([]),
});

export const IntermediaryContent = z.object({
  kind: z.literal('intermediary'),
  ...Common,
  about: RichText,
  services: z.array(z.object({ service: z.enum(INTERMEDIARY_SERVICES), description: optionalLocalText(600) })).min(1).max(INTERMEDIARY_SERVICES.length),
  countries: z.array(CountryCode).max(40).default([]),
  website: HttpUrl.optional(),
});

/** The content of one revision, by kind (stored in listing_revisions.content). */
export const ListingContent = z.discriminatedUnion('kind', [OfferContent, DemandContent, ExpertContent, IntermediaryContent]);
export type ListingContent = z.infer<typeof ListingContent>;
export type OfferContent = z.infer<typeof OfferContent>;
export type DemandContent = z.infer<typeof DemandContent>;
export type ExpertContent = z.infer<typeof ExpertContent>;
export type IntermediaryContent = z.infer<typeof IntermediaryContent>;

/** Public part of a published listing: what search, lists, digests and every reader may see. */
export const ListingTeaser = z.object({
  id: Uuid,
  reference: z.string(),
  kind: ListingKind,
  visibility: Visibility,
  originalLanguage: ContentLanguage,
  languages: z.array(ContentLanguage),
  title: z.object({ vi: z.string().optional(), en: z.string().optional() }),
  teaser: z.object({ vi: z.string().optional(), en: z.string().optional() }),
  keywords: z.array(z.string()),
  sectorCodes: z.array(z.string()),
  catalogItemCodes: z.array(z.string()),
  technologyObject: TechnologyObject.nullable(),
  trl: z.number().int().nullable(),
  transferForms: z.array(TransferForm),
  ipTypes: z.array(IpType),
  country: z.string().nullable(),
  publishedAt: z.string().nullable(),
  validUntil: IsoDate.nullable(),
});
export type ListingTeaser = z.infer<typeof ListingTeaser>;

export const ListingFileView = z.object({
  id: Uuid,
  role: z.enum(['image', 'document']),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  caption: z.string().nullable(),
  url: z.string(),
});
export type ListingFileView = z.infer<typeof ListingFileView>;

export const ACCESS_REQUEST_STATUSES = ['pending', 'approved', 'declined', 'revoked', 'withdrawn'] as const;
export const AccessRequestStatus = z.enum(ACCESS_REQUEST_STATUSES);
export type AccessRequestStatus = z.infer<typeof AccessRequestStatus>;

/**
 * A listing as one reader sees it: the teaser always; `detail` (content, owner, files) only when the reader may see
 * it; otherwise `access` says why not and what the reader can do (sign in, request access).
 */
export const ListingView = z.object({
  teaser: ListingTeaser,
  status: ListingStatus,
  detail: z
    .object({
      content: ListingContent,
      ownerOrganisation: z.object({ id: Uuid, name: z.string() }).nullable(),
      files: z.array(ListingFileView),
    })
    .nullable(),
  access: z.object({
    canSeeDetail: z.boolean(),
    reason: z.enum(['public', 'signed_in', 'owner', 'staff', 'granted', 'sign_in_required', 'request_required', 'request_pending', 'request_declined']),
    requestId: Uuid.nullable(),
  }),
  replyTarget: z.object({ workingDays: z.number().int(), answered: z.number().int(), met: z.number().int() }).nullable(),
});
export type ListingView = z.infer<typeof ListingView>;
