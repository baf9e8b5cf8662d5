import type { z } from 'zod';
import type * as classification from '../../../../common/src/api/classification.js';
import { api } from '../../lib/api.js';

export type ClassificationRequest = z.input<typeof classification.ClassificationRequest>;
export type ClassificationResult = z.infer<typeof classification.ClassificationResult>;
export type ClassifiedCatalogItem = ClassificationResult['catalogItems'][number];
export type ClassifiedListItem = ClassificationResult['listItems'][number];

/** Longest description the API accepts (CLASSIFY_TEXT_MAX in common/src/api/classification.ts). */
export const TEXT_MAX = 5000;

export function classifyText(body: ClassificationRequest, signal?: AbortSignal): Promise<ClassificationResult> {
  return api.post<ClassificationResult>('/classification', body, { signal });
}

/** Score 0–1 as a whole percentage. */
export const percent = (score: number) => Math.round(score * 100);
