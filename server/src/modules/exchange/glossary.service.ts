import type { Tx } from '../../core/db/database.js';
import { foldPhrase, foldedWords } from './glossary.normalize.js';
import * as q from './glossary.queries.js';

export type GlossaryLanguage = 'vi' | 'en';

/** One glossary phrase found in a query, with the terms of the other language it stands for. */
export interface ExpandedPhrase {
  /** The folded phrase as found in the query (lower case, no diacritics), e.g. "nuoi trong thuy san". */
  matched: string;
  /** The language of the glossary side that matched (a phrase present on both sides is reported once per side). */
  language: GlossaryLanguage;
  /** Folded equivalents in the other language, e.g. ["aquaculture"]; use with lower(f_unaccent(column)). */
  equivalents: string[];
  /** The glossary pairs behind this match, as written (for reasons shown to people). */
  terms: { vi: string; en: string }[];
  /** Word positions in `words` covered by the phrase: [start, end). */
  start: number;
  end: number;
}

export interface QueryExpansion {
  /** The folded query: lower case, no diacritics, words joined by one space. */
  normalized: string;
  /** The folded words of the query. */
  words: string[];
  /** Glossary phrases found, longest match first at each position, left to right, without overlaps. */
  phrases: ExpandedPhrase[];
}

interface PhraseEntry {
  language: GlossaryLanguage;
  equivalents: Set<string>;
  terms: { vi: string; en: string }[];
}

interface PhraseIndex {
  fingerprint: string;
  /** folded phrase → one entry per language side */
  phrases: Map<string, PhraseEntry[]>;
  longest: number;
}

/** One index per process for each glossary fingerprint seen (several test databases share a process). */
const cache = new Map<string, PhraseIndex>();
const CACHE_LIMIT = 8;

/** Drops the in-process phrase index; the glossary admin calls it after a change (the fingerprint also catches it). */
export function invalidateGlossaryCache(): void {
  cache.clear();
}

function addSide(index: Map<string, PhraseEntry[]>, key: string, language: GlossaryLanguage, equivalent: string, term: { vi: string; en: string }): void {
  if (!key || !equivalent) return;
  const entries = index.get(key) ?? [];
  let entry = entries.find((e) => e.language === language);
  if (!entry) {
    entry = { language, equivalents: new Set(), terms: [] };
    entries.push(entry);
    index.set(key, entries);
  }
  entry.equivalents.add(equivalent);
  entry.terms.push(term);
}

async function phraseIndex(db: Tx): Promise<PhraseIndex> {
  const fingerprint = await q.glossaryFingerprint(db);
  const cached = cache.get(fingerprint);
  if (cached) return cached;
  const phrases = new Map<string, PhraseEntry[]>();
  let longest = 1;
  for (const row of await q.listActiveTerms(db)) {
    const vi = foldPhrase(row.termVi);
    const en = foldPhrase(row.termEn);
    const term = { vi: row.termVi, en: row.termEn };
    addSide(phrases, vi, 'vi', en, term);
    addSide(phrases, en, 'en', vi, term);
    longest = Math.max(longest, vi.split(' ').length, en.split(' ').length);
  }
  const index = { fingerprint, phrases, longest };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(fingerprint, index);
  return index;
}

/**
 * Cross-language query expansion through the bilingual technology glossary: finds glossary phrases in the query
 * (accents and case ignored, as lower(f_unaccent())), longest match first, in both directions (vi → en, en → vi).
 * Read-only; no permission (the glossary is public reference data). Cached per process, refreshed when terms change.
 */
export async function expandQuery(db: Tx, text: string): Promise<QueryExpansion> {
  const words = foldedWords(text.slice(0, 2000));
  const normalized = words.join(' ');
  const result: QueryExpansion = { normalized, words, phrases: [] };
  if (words.length === 0) return result;
  const index = await phraseIndex(db);
  let i = 0;
  while (i < words.length) {
    let matchedLength = 0;
    for (let n = Math.min(index.longest, words.length - i); n >= 1; n--) {
      const key = words.slice(i, i + n).join(' ');
      const entries = index.phrases.get(key);
      if (!entries) continue;
      for (const entry of entries) {
        const equivalents = [...entry.equivalents].filter((e) => e !== key);
        if (equivalents.length === 0) continue;
        result.phrases.push({ matched: key, language: entry.language, equivalents, terms: entry.terms, start: i, end: i + n });
      }
      matchedLength = n;
      break;
    }
    i += matchedLength > 0 ? matchedLength : 1;
  }
  return result;
}

/** Every folded variant of a query for a text match: the query itself plus each phrase replaced by an equivalent. */
export function expansionTerms(expansion: QueryExpansion): string[] {
  const out = new Set<string>();
  for (const phrase of expansion.phrases) for (const e of phrase.equivalents) out.add(e);
  return [...out];
}
