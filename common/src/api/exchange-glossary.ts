import { z } from 'zod';
import { pageOf } from './shared.js';

/** Bilingual technology glossary (issue 4 §5): vi ↔ en term pairs used to expand search and matching across languages. */

const Term = z.string().trim().min(2).max(120);
const SectorCode = z.string().trim().regex(/^[0-9]+(\.[0-9]+)*$/).max(10);

export const GLOSSARY_SOURCES = ['seed', 'admin'] as const;
export const GlossarySource = z.enum(GLOSSARY_SOURCES);
export const GLOSSARY_STATUSES = ['active', 'inactive', 'all'] as const;
export const GLOSSARY_SORTS = ['termVi', 'termEn', 'sector', 'updatedAt'] as const;

export const GlossaryTerm = z.object({
  id: z.uuid(),
  termVi: z.string(),
  termEn: z.string(),
  sectorCode: z.string().nullable(),
  source: GlossarySource,
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

const GlossaryFilters = z.object({
  /** Text in either language, accents and case ignored. */
  q: z.string().trim().max(120).optional(),
  sector: SectorCode.optional(),
  source: GlossarySource.optional(),
  status: z.enum(GLOSSARY_STATUSES).default('active'),
  sort: z.enum(GLOSSARY_SORTS).default('termVi'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const GlossaryListQuery = GlossaryFilters.extend({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type GlossaryListQuery = z.infer<typeof GlossaryListQuery>;
export type GlossaryListInput = z.input<typeof GlossaryListQuery>;

export const GlossaryExportQuery = GlossaryFilters.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type GlossaryExportQuery = z.infer<typeof GlossaryExportQuery>;

export const GlossaryTermList = pageOf(GlossaryTerm);
export type GlossaryTermList = z.infer<typeof GlossaryTermList>;

export const CreateGlossaryTermInput = z.object({
  termVi: Term,
  termEn: Term,
  sectorCode: SectorCode.nullable().default(null),
});
export type CreateGlossaryTermInput = z.infer<typeof CreateGlossaryTermInput>;

/** Edit or (de)activate a term; at least one field. */
export const UpdateGlossaryTermInput = z
  .object({ termVi: Term.optional(), termEn: Term.optional(), sectorCode: SectorCode.nullable().optional(), isActive: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'too_small' });
export type UpdateGlossaryTermInput = z.infer<typeof UpdateGlossaryTermInput>;
