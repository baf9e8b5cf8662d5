import { z } from 'zod';
import { IsoDate } from './shared.js';
import { LIST_DIRECTIONS, LIST_TYPES } from './technology-lists.js';

/** Longest description the public API classifies (about 800 words). */
export const CLASSIFY_TEXT_MAX = 5000;

const CatalogCode = z.string().trim().regex(/^\d+(\.\d+){1,3}$/);
const VsicCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]$|^\d{2,5}$/);
const Day = IsoDate;

export const ClassificationRequest = z.object({
  text: z.string().trim().min(1).max(CLASSIFY_TEXT_MAX),
  /** Priority-catalog item codes ("1.3.2") or sector codes ("1.3") the author chose. */
  catalogCodes: z.array(CatalogCode).max(30).optional(),
  /** VSIC 2018 sections ("C") or divisions ("10") of the activity. */
  vsicCodes: z.array(VsicCode).max(30).optional(),
  /** Classify against the catalog and lists in force on this day (default: today in Vietnam). */
  at: Day.optional(),
  limit: z.number().int().min(1).max(20).optional(),
});
export type ClassificationRequest = z.infer<typeof ClassificationRequest>;

export const ClassifiedSector = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  score: z.number().min(0).max(1),
  chosen: z.boolean(),
});

export const ClassifiedCatalogItem = z.object({
  code: z.string(),
  sectorCode: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  score: z.number().min(0).max(1),
  /** Words of the text that matched, as written there, strongest first. */
  matchedTerms: z.array(z.string()),
  /** Boosted because the author chose this item, its sector or a linked VSIC code. */
  chosen: z.boolean(),
});

export const ClassifiedListItem = z.object({
  id: z.string(),
  listType: z.enum(LIST_TYPES),
  direction: z.enum(LIST_DIRECTIONS),
  appendix: z.string().nullable(),
  itemNo: z.string().nullable(),
  vsicCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  conditionVi: z.string().nullable(),
  conditionEn: z.string().nullable(),
  sourceInstrument: z.string(),
  sourceInstrumentEn: z.string(),
  /** e.g. "Nghị định 76/2018/NĐ-CP, Phụ lục II, mục 3" */
  citationVi: z.string(),
  citationEn: z.string(),
  verified: z.boolean(),
  sourceUrl: z.string().nullable(),
  /** false: the item comes from a predecessor list that is no longer in force (shown while the current lists are incomplete). */
  inForce: z.boolean(),
  validTo: z.string().nullable(),
  score: z.number().min(0).max(1),
  matchedTerms: z.array(z.string()),
});

export const ClassificationWarning = z.object({
  listType: z.enum(['restricted', 'prohibited']),
  itemId: z.string(),
  score: z.number(),
  inForce: z.boolean(),
});

export const ClassificationResult = z.object({
  at: z.string(),
  /** How the text was read: Vietnamese with diacritics, Vietnamese without diacritics, English. */
  mode: z.enum(['vi', 'vi-plain', 'en']),
  catalogVersion: z.object({ label: z.string(), sourceInstrument: z.string(), sourceInstrumentEn: z.string() }).nullable(),
  sectors: z.array(ClassifiedSector),
  catalogItems: z.array(ClassifiedCatalogItem),
  listItems: z.array(ClassifiedListItem),
  /** Set when the best restricted or prohibited match reaches the resemblance threshold. */
  warning: ClassificationWarning.nullable(),
  /** Always true: the result is advice; an officer decides. */
  advisory: z.literal(true),
  note: z.string(),
});
export type ClassificationResult = z.infer<typeof ClassificationResult>;
