import { z } from 'zod';

/** The classification national lists and business registrations use (Decree 76/2018 prints VSIC 2018 codes). */
export const DEFAULT_VSIC_VERSION = 'VSIC2018';

export const VsicVersionCode = z.string().trim().regex(/^[A-Z0-9-]{2,20}$/);
/** A section letter (A–V) or a 2–5 digit division/group/class/subclass code. */
export const VsicCodeValue = z.string().trim().toUpperCase().regex(/^[A-Z]$|^[0-9]{2,5}$/);

export const VsicVersion = z.object({
  id: z.uuid(),
  code: z.string(),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isComplete: z.boolean(),
  verified: z.boolean(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  codeCount: z.number().int(),
});
export type VsicVersion = z.infer<typeof VsicVersion>;

export const VsicCode = z.object({
  code: z.string(),
  level: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
  parentCode: z.string().nullable(),
  verified: z.boolean(),
  sourceUrl: z.string().nullable(),
  /** false for a section shown only because one of its divisions matched the search */
  matched: z.boolean(),
});
export type VsicCode = z.infer<typeof VsicCode>;

export const VsicQuery = z.object({
  version: VsicVersionCode.optional(),
  q: z.string().trim().max(100).optional(),
});

export const VsicList = z.object({ version: VsicVersion, versions: z.array(VsicVersion), codes: z.array(VsicCode) });
export type VsicList = z.infer<typeof VsicList>;

export const VsicCodeDetail = VsicCode.extend({ version: VsicVersion, parent: VsicCode.nullable(), children: z.array(VsicCode) });
export type VsicCodeDetail = z.infer<typeof VsicCodeDetail>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export const VsicExportQuery = VsicQuery.extend({ format: ExportFormat.default('csv') });
