import { z } from 'zod';
import { IsoDate } from './shared.js';

export const LIST_TYPES = ['encouraged', 'restricted', 'prohibited'] as const;
export const ListType = z.enum(LIST_TYPES);
export type ListType = z.infer<typeof ListType>;

/** inbound_domestic: from abroad into Vietnam and within Vietnam; outbound: from Vietnam abroad; all: both. */
export const LIST_DIRECTIONS = ['inbound_domestic', 'outbound', 'all'] as const;
export const ListDirection = z.enum(LIST_DIRECTIONS);
export type ListDirection = z.infer<typeof ListDirection>;

/** The fields of one national-list item, as seeded, imported and read by other modules. */
export interface ListItemFields {
  listType: ListType;
  appendix: string | null;
  section: string | null;
  itemNo: string | null;
  vsicCode: string | null;
  direction: ListDirection;
  nameVi: string;
  nameEn: string;
  conditionVi: string | null;
  conditionEn: string | null;
  keywordsVi: string[];
  keywordsEn: string[];
  verified: boolean;
  sourceUrl: string | null;
}

/** The columns of the import template, in the documented order (docs/technology-list-template.md). */
export const TEMPLATE_COLUMNS = [
  'list_type',
  'appendix',
  'section',
  'item_no',
  'sector_code',
  'direction',
  'name_vi',
  'name_en',
  'condition_vi',
  'condition_en',
  'keywords_vi',
  'keywords_en',
  'verified',
  'source_url',
] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** At most this many item rows in one file. */
export const IMPORT_MAX_ROWS = 5000;


export const ListCounts = z.object({ encouraged: z.number().int(), restricted: z.number().int(), prohibited: z.number().int() });
export type ListCounts = z.infer<typeof ListCounts>;

export const ListVersion = z.object({
  id: z.uuid(),
  code: z.string(),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  listTypes: z.array(ListType),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isComplete: z.boolean(),
  verified: z.boolean(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  /** In force today (Vietnam date) */
  inForce: z.boolean(),
  itemCount: z.number().int(),
  counts: ListCounts,
  createdAt: z.string(),
});
export type ListVersion = z.infer<typeof ListVersion>;

export const ListVersions = z.object({ today: z.string(), versions: z.array(ListVersion) });
export type ListVersions = z.infer<typeof ListVersions>;

export const ListItem = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  versionCode: z.string(),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  versionComplete: z.boolean(),
  listType: ListType,
  appendix: z.string().nullable(),
  section: z.string().nullable(),
  itemNo: z.string().nullable(),
  vsicCode: z.string().nullable(),
  direction: ListDirection,
  nameVi: z.string(),
  nameEn: z.string(),
  /** false: name_en is the platform's translation, not an official one */
  nameEnOfficial: z.boolean(),
  conditionVi: z.string().nullable(),
  conditionEn: z.string().nullable(),
  keywordsVi: z.array(z.string()),
  keywordsEn: z.array(z.string()),
  verified: z.boolean(),
  sourceUrl: z.string().nullable(),
});
export type ListItem = z.infer<typeof ListItem>;

export const LIST_SORTS = ['list', 'name', 'sector', 'itemNo'] as const;

/** Item search. Without versionId: the items of every version in force on `at` (default today). */
export const ListItemsQuery = z.object({
  at: IsoDate.optional(),
  versionId: z.uuid().optional(),
  listType: ListType.optional(),
  /** inbound_domestic / outbound also return items that apply to all directions */
  direction: z.enum(['inbound_domestic', 'outbound']).optional(),
  /** VSIC section letter or division code; a section also matches its divisions */
  sector: z.string().trim().toUpperCase().regex(/^[A-Z]$|^[0-9]{2,5}$/).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.enum(LIST_SORTS).default('list'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListItemsQuery = z.infer<typeof ListItemsQuery>;

export const ListItemsPage = z.object({
  items: z.array(ListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The date the items are in force on (null when one version was asked for) */
  at: z.string().nullable(),
  /** Versions that contributed items (in force on `at`, or the one asked for) */
  versions: z.array(ListVersion),
});
export type ListItemsPage = z.infer<typeof ListItemsPage>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export const ListItemsExportQuery = ListItemsQuery.omit({ page: true, pageSize: true }).extend({ format: ExportFormat.default('csv') });
export const FormatQuery = z.object({ format: ExportFormat.default('csv') });

export const CloseVersionInput = z.object({ validTo: IsoDate });

/** The version fields sent with an import (multipart form fields; booleans and lists as text). */
const BoolText = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ImportVersionFields = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/),
  sourceInstrument: z.string().trim().min(2).max(300),
  sourceInstrumentEn: z.string().trim().min(2).max(300),
  /** comma-separated, e.g. "restricted,prohibited" */
  listTypes: z
    .string()
    .trim()
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(ListType).min(1)),
  validFrom: IsoDate,
  validTo: z.union([z.literal('').transform(() => null), IsoDate]).default(''),
  isComplete: BoolText.default(false),
  verified: BoolText.default(false),
  noteVi: z.string().trim().max(2000).default(''),
  noteEn: z.string().trim().max(2000).default(''),
  sourceUrl: z.string().trim().max(2000).default(''),
  /** "true": validate and preview only, store nothing */
  dryRun: BoolText.default(false),
});
export type ImportVersionFields = z.infer<typeof ImportVersionFields>;

/** One problem found in an uploaded list: scope says where (file, header row, a data row, or a version field). */
export const ImportProblem = z.object({
  scope: z.enum(['file', 'header', 'row', 'version']),
  /** Row number as a spreadsheet shows it (the header is row 1); null for file and version problems */
  row: z.number().int().nullable(),
  /** A template column (header/row problems) or a version field name (version problems) */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportResult = z.object({
  dryRun: z.boolean(),
  importId: z.uuid().nullable(),
  versionId: z.uuid().nullable(),
  code: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sha256: z.string(),
  rowCount: z.number().int(),
  counts: ListCounts,
  /** Open-ended versions whose validity ends the day before the new version starts */
  closes: z.array(z.object({ id: z.uuid(), code: z.string(), validTo: z.string() })),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ListImport = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  versionCode: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sha256: z.string(),
  fileBytes: z.number().int(),
  rowCount: z.number().int(),
  counts: ListCounts,
  closedVersionIds: z.array(z.uuid()),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export const ListImports = z.object({ items: z.array(ListImport) });
