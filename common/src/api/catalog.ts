import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './shared.js';

// ---- Codes, statuses and small values ----------------------------------------------------------------------------

/** Sector `1.x` or direction `1.x.n` of the catalog (plan section 1, sector, direction). */
export const CatalogCode = z.string().regex(/^\d+(\.\d+){1,3}$/);
export const SectorCode = z.string().regex(/^\d+\.\d+$/);
export const ItemCode = z.string().regex(/^\d+\.\d+\.\d+$/);

export const VERSION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'discarded'] as const;
export const VERSION_ACTIONS = ['create', 'include', 'exclude', 'edit_item', 'discard', 'submit', 'return', 'approve', 'reject'] as const;
export const AMENDMENT_KINDS = ['add', 'reword', 'retire'] as const;
export const AMENDMENT_STATUSES = ['proposed', 'included', 'rejected', 'withdrawn'] as const;
/** Fields of a direction that an amendment or a draft edit can change (the code never changes). */
export const ITEM_FIELDS = ['nameVi', 'nameEn', 'descriptionVi', 'descriptionEn', 'keywordsVi', 'keywordsEn', 'vsic', 'listItemIds'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** YYYY-MM-DD that is a real calendar day. */
export const CatalogDate = IsoDate;

/** People's Committee decision number, e.g. 1234/QĐ-UBND or 15/2026/QĐ-UBND. */
export const DecisionNumber = z
  .string()
  .trim()
  .regex(/^\d{1,6}(\/\d{4})?\/[A-ZĐ][A-ZĐ0-9&-]{1,30}$/u);

const Keyword = z.string().trim().min(1).max(80);
const VsicCodeValue = z.string().trim().toUpperCase().regex(/^[A-Z]$|^[0-9]{2,5}$/);

// ---- Public catalog -----------------------------------------------------------------------------------------------

/** A national-list item a direction is linked to, with its citation (Decree 76/2018 appendix and number). */
export const ListItemRef = z.object({
  id: z.string(),
  listType: z.enum(['encouraged', 'restricted', 'prohibited']),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  appendix: z.string().nullable(),
  itemNo: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  verified: z.boolean(),
  /** false when the item was not found among the lists in force on the version's date. */
  inForce: z.boolean(),
});
export type ListItemRef = z.infer<typeof ListItemRef>;

export const CatalogItem = z.object({
  code: z.string(),
  sectorCode: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  keywordsVi: z.array(z.string()),
  keywordsEn: z.array(z.string()),
  vsic: z.array(z.string()),
  listItems: z.array(ListItemRef),
});
export type CatalogItem = z.infer<typeof CatalogItem>;

export const CatalogSector = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  itemCount: z.number().int(),
});
export type CatalogSector = z.infer<typeof CatalogSector>;

export const CatalogSectorDetail = CatalogSector.extend({ items: z.array(CatalogItem) });
export type CatalogSectorDetail = z.infer<typeof CatalogSectorDetail>;

export const CatalogVersionInfo = z.object({
  id: z.string(),
  versionLabel: z.string(),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  effectiveFrom: z.string(),
  /** First day no longer in force (exclusive); null while no later version is approved. */
  effectiveTo: z.string().nullable(),
});

export const CatalogSectorList = z.object({ version: CatalogVersionInfo, sectors: z.array(CatalogSector) });

// ---- Versions, history, differences -------------------------------------------------------------------------------

export const CatalogVersionSummary = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(VERSION_STATUSES),
  /** For approved versions on today's date: in force, approved for a later day, or replaced. */
  phase: z.enum(['current', 'scheduled', 'superseded']).nullable(),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  sourceSection: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  /** First day no longer in force (exclusive). */
  effectiveTo: z.string().nullable(),
  decisionFile: z.object({ name: z.string(), sizeBytes: z.number().int(), sha256: z.string() }).nullable(),
  baseVersionId: z.string().nullable(),
  revision: z.number().int(),
  itemCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CatalogVersionSummary = z.infer<typeof CatalogVersionSummary>;

export const CatalogVersionList = z.object({ today: z.string(), items: z.array(CatalogVersionSummary) });

export const CatalogVersionDetail = z.object({ version: CatalogVersionSummary, sectors: z.array(CatalogSectorDetail) });
export type CatalogVersionDetail = z.infer<typeof CatalogVersionDetail>;

export const CompareQuery = z.object({ from: z.uuid(), to: z.uuid() });

const FieldValue = z.union([z.string(), z.array(z.string())]);
export const DiffField = z.object({ field: z.enum(ITEM_FIELDS), before: FieldValue, after: FieldValue });
export type DiffField = z.infer<typeof DiffField>;

export const SectorDiff = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  added: z.array(CatalogItem),
  changed: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), fields: z.array(DiffField) })),
  retired: z.array(CatalogItem),
});
export type SectorDiff = z.infer<typeof SectorDiff>;

export const CatalogDiff = z.object({
  from: CatalogVersionSummary,
  to: CatalogVersionSummary,
  totals: z.object({ added: z.number().int(), changed: z.number().int(), retired: z.number().int() }),
  /** Only the sectors with a difference. */
  sectors: z.array(SectorDiff),
  /** The national-list items named in `listItemIds` changes. */
  listItems: z.array(ListItemRef),
});
export type CatalogDiff = z.infer<typeof CatalogDiff>;

export const ExportFormatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const CatalogExportQuery = ExportFormatQuery.extend({ version: z.uuid().optional() });

export const LinkCandidateQuery = z.object({
  q: z.string().trim().max(100).optional(),
  listType: z.enum(['encouraged', 'restricted', 'prohibited']).optional(),
});
export const LinkCandidateList = z.object({ items: z.array(ListItemRef), total: z.number().int() });

// ---- Amendment proposals ------------------------------------------------------------------------------------------

/** Proposed values of a direction (add: names required; reword: only the fields that change). */
export const AmendmentChanges = z.object({
  nameVi: z.string().trim().min(2).max(300).optional(),
  nameEn: z.string().trim().min(2).max(300).optional(),
  descriptionVi: z.string().trim().max(2000).optional(),
  descriptionEn: z.string().trim().max(2000).optional(),
  keywordsVi: z.array(Keyword).max(30).optional(),
  keywordsEn: z.array(Keyword).max(30).optional(),
  vsic: z.array(VsicCodeValue).max(20).optional(),
  listItemIds: z.array(z.uuid()).max(20).optional(),
});
export type AmendmentChanges = z.infer<typeof AmendmentChanges>;

/** True when at least one proposable field is given. */
export function hasChanges(changes: AmendmentChanges): boolean {
  return ITEM_FIELDS.some((field) => changes[field] !== undefined);
}

export const ProposeAmendmentInput = AmendmentChanges.extend({
  kind: z.enum(AMENDMENT_KINDS),
  sectorCode: SectorCode,
  /** reword/retire: the direction; add: the code asked for (optional, else the next free code of the sector). */
  itemCode: ItemCode.optional(),
  justification: z.string().trim().min(10).max(4000),
}).superRefine((value, ctx) => {
  const required = (path: string) => ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: [path], input: undefined });
  if (value.kind === 'add') {
    if (value.nameVi === undefined) required('nameVi');
    if (value.nameEn === undefined) required('nameEn');
  } else if (value.itemCode === undefined) required('itemCode');
  if (value.kind === 'reword' && !hasChanges(value)) ctx.addIssue({ code: 'custom', path: ['nameVi'], message: 'no change', input: value.nameVi });
  if (value.itemCode !== undefined && !value.itemCode.startsWith(`${value.sectorCode}.`)) {
    ctx.addIssue({ code: 'custom', path: ['itemCode'], message: 'not in sector', input: value.itemCode });
  }
});
export type ProposeAmendmentInput = z.infer<typeof ProposeAmendmentInput>;

export const Amendment = z.object({
  id: z.string(),
  kind: z.enum(AMENDMENT_KINDS),
  status: z.enum(AMENDMENT_STATUSES),
  sectorCode: z.string(),
  itemCode: z.string().nullable(),
  requestedCode: z.string().nullable(),
  changes: AmendmentChanges,
  /** reword/retire: the direction as in the version the proposal was written against. */
  currentItem: z.object({ nameVi: z.string(), nameEn: z.string() }).nullable(),
  justification: z.string(),
  baseVersionId: z.string(),
  version: z.object({ id: z.string(), label: z.string(), status: z.enum(VERSION_STATUSES) }).nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  proposerName: z.string(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  canWithdraw: z.boolean(),
});
export type Amendment = z.infer<typeof Amendment>;

export const AMENDMENT_SORTS = ['createdAt', 'status', 'sector', 'kind'] as const;
export const AmendmentListQuery = PageQuery.extend({
  status: z.enum(AMENDMENT_STATUSES).optional(),
  kind: z.enum(AMENDMENT_KINDS).optional(),
  sectorCode: SectorCode.optional(),
  organisationId: z.uuid().optional(),
  sort: z.enum(AMENDMENT_SORTS).default('createdAt'),
});
export type AmendmentListQuery = z.infer<typeof AmendmentListQuery>;
export const AmendmentExportQuery = AmendmentListQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const AmendmentList = pageOf(Amendment).extend({
  /** Organisations with proposals the caller can see (for the filter). */
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const RejectAmendmentInput = z.object({ reason: z.string().trim().min(5).max(2000) });

// ---- Draft versions -----------------------------------------------------------------------------------------------

export const CreateDraftInput = z.object({ label: z.string().trim().min(3).max(100).optional() });
export const RevisionInput = z.object({ revision: z.number().int().min(0) });
export const DraftAmendmentInput = RevisionInput.extend({ amendmentId: z.uuid() });
export const EditDraftItemInput = AmendmentChanges.extend({ revision: z.number().int().min(0) }).superRefine((value, ctx) => {
  if (!hasChanges(value)) ctx.addIssue({ code: 'custom', path: ['nameVi'], message: 'no change', input: value.nameVi });
});
export const VersionCommentInput = RevisionInput.extend({ comment: z.string().trim().max(2000).optional() });
export const ReturnVersionInput = RevisionInput.extend({ comment: z.string().trim().min(5).max(2000) });
export const CommitteeRejectInput = RevisionInput.extend({
  comment: z.string().trim().min(5).max(2000),
  decisionNumber: DecisionNumber.optional(),
});
/** Multipart fields of the approval (with the signed decision as the `file` part). */
export const ApproveVersionFields = z.object({
  revision: z.coerce.number().int().min(0),
  decisionNumber: DecisionNumber,
  decisionDate: CatalogDate,
  effectiveFrom: CatalogDate,
});
export type ApproveVersionFields = z.infer<typeof ApproveVersionFields>;

export const VersionEvent = z.object({
  id: z.number().int(),
  action: z.enum(VERSION_ACTIONS),
  fromStatus: z.enum(VERSION_STATUSES).nullable(),
  toStatus: z.enum(VERSION_STATUSES),
  amendmentId: z.string().nullable(),
  itemCode: z.string().nullable(),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type VersionEvent = z.infer<typeof VersionEvent>;

export const DraftWorkspace = z.object({
  version: CatalogVersionSummary,
  /** Changes against the approved version the draft was copied from. */
  diff: CatalogDiff.nullable(),
  amendments: z.array(Amendment),
  events: z.array(VersionEvent),
  /** What the caller may do now (by status and permission). */
  actions: z.array(z.enum(VERSION_ACTIONS)),
});
export type DraftWorkspace = z.infer<typeof DraftWorkspace>;

/** What a workflow step answers: the version's new status and revision (the next write must send this revision). */
export const VersionState = z.object({ id: z.string(), status: z.enum(VERSION_STATUSES), revision: z.number().int() });
