import type { Currency, ListingKind, TransferForm, Visibility } from '../../../../common/src/api/exchange-listings.js';
import type { MatchReason } from '../../../../common/src/api/exchange-matching.js';
import { foldedWords } from './glossary.normalize.js';

/**
 * Matching score (issue 4 §5), pure: how well one offer answers one demand, 0–100, and the reasons that make up the
 * points. Weights: catalog items 30, keywords and glossary terms 30, TRL 15, transfer forms 10, price 10, country 5.
 * Candidates come from the database (matching.queries.ts); the ranking is decided here so that it can be read,
 * tested and measured without a database.
 */

export const WEIGHTS = { catalog: 30, sector: 10, terms: 30, termEach: 10, trl: 15, trlAny: 10, forms: 10, formsAny: 5, price: 10, country: 5 } as const;

/** The teaser-level facts of a listing that matching compares (the `listings` facet columns). */
export interface MatchFacts {
  id: string;
  kind: ListingKind;
  visibility: Visibility;
  catalogItemCodes: readonly string[];
  sectorCodes: readonly string[];
  /** Normalised words of the title, keywords and teaser (both languages), space-separated. */
  text: string;
  trl: number | null;
  trlMin: number | null;
  transferForms: readonly TransferForm[];
  country: string | null;
  countries: readonly string[];
  currency: Currency | null;
  priceMin: number | null;
  priceMax: number | null;
}

/** A term of the subject listing: its normalised form (to find it) and how it is shown. */
export interface Term {
  norm: string;
  label: string;
}

/** The subject listing's terms: its own keywords and significant title words, and their glossary equivalents. */
export interface SubjectTerms {
  terms: readonly Term[];
  glossary: readonly { term: Term; equivalent: Term }[];
}

export interface ScoreInput {
  subject: MatchFacts;
  candidate: MatchFacts;
  terms: SubjectTerms;
  /** False when the reader may not see one side's price (an on-request listing the reader has no access to). */
  canComparePrices: boolean;
}

export interface Score {
  score: number;
  reasons: MatchReason[];
}

/** Lower case, no diacritics (đ → d), words of letters and digits separated by one space: as f_unaccent + lower. */
export function normalise(text: string): string {
  return foldedWords(text).join(' ');
}

/** Whether the normalised phrase occurs as whole words in the normalised text. */
export function containsPhrase(text: string, phrase: string): boolean {
  return phrase.length > 0 && ` ${text} `.includes(` ${phrase} `);
}

/** containsPhrase for a text already padded with one space at each end (scoring many terms against one text). */
const inPadded = (padded: string, phrase: string) => phrase.length > 0 && padded.includes(` ${phrase} `);

const intersect = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set(a)].filter((value) => b.includes(value));

function catalogReason(demand: MatchFacts, offer: MatchFacts): MatchReason | null {
  const items = intersect(demand.catalogItemCodes, offer.catalogItemCodes);
  // Full points when every item of the narrower side is shared; a partial overlap counts a little less.
  const narrower = Math.min(new Set(demand.catalogItemCodes).size, new Set(offer.catalogItemCodes).size);
  if (items.length > 0) return { code: 'catalog_items', points: items.length >= narrower ? WEIGHTS.catalog : WEIGHTS.catalog - 5, params: { codes: items.sort() } };
  const sectors = intersect(demand.sectorCodes, offer.sectorCodes);
  if (sectors.length > 0) return { code: 'same_sector', points: WEIGHTS.sector, params: { codes: sectors.sort() } };
  return null;
}

function termReasons(candidateText: string, terms: SubjectTerms): MatchReason[] {
  const padded = ` ${candidateText} `;
  const words = new Map<string, string>();
  for (const term of terms.terms) if (!words.has(term.norm) && inPadded(padded, term.norm)) words.set(term.norm, term.label);
  const crossed = new Map<string, string>();
  for (const { term, equivalent } of terms.glossary) {
    if (words.has(equivalent.norm) || crossed.has(equivalent.norm) || !inPadded(padded, equivalent.norm)) continue;
    crossed.set(equivalent.norm, `${term.label} → ${equivalent.label}`);
  }
  const reasons: MatchReason[] = [];
  let left: number = WEIGHTS.terms;
  const take = (count: number) => {
    const points = Math.min(left, count * WEIGHTS.termEach);
    left -= points;
    return points;
  };
  if (words.size > 0) reasons.push({ code: 'keywords', points: take(words.size), params: { words: [...words.values()].slice(0, 8) } });
  if (crossed.size > 0) reasons.push({ code: 'glossary', points: take(crossed.size), params: { words: [...crossed.values()].slice(0, 8) } });
  return reasons;
}

function trlReason(demand: MatchFacts, offer: MatchFacts): MatchReason | null {
  if (offer.trl === null) return null;
  if (demand.trlMin === null) return { code: 'trl_any', points: WEIGHTS.trlAny, params: { trl: offer.trl } };
  const params = { trl: offer.trl, minimumTrl: demand.trlMin };
  return offer.trl >= demand.trlMin ? { code: 'trl_fit', points: WEIGHTS.trl, params } : { code: 'trl_below', points: 0, params };
}

function formsReason(demand: MatchFacts, offer: MatchFacts): MatchReason | null {
  if (demand.transferForms.length === 0) return { code: 'transfer_forms_any', points: WEIGHTS.formsAny, params: {} };
  const forms = intersect(demand.transferForms, offer.transferForms);
  return forms.length > 0 ? { code: 'transfer_forms', points: WEIGHTS.forms, params: { forms } } : null;
}

/** Price vs budget: compared only in one currency, both given as ranges; "within" when the offer's lowest price fits. */
function priceReason(demand: MatchFacts, offer: MatchFacts, canCompare: boolean): MatchReason | null {
  if (!canCompare) return { code: 'price_not_disclosed', points: 0, params: {} };
  if (demand.priceMax === null && offer.priceMin === null) return null;
  if (demand.currency === null || offer.currency === null || demand.currency !== offer.currency || demand.priceMax === null || offer.priceMin === null) {
    return { code: 'price_not_comparable', points: 0, params: {} };
  }
  return offer.priceMin <= demand.priceMax ? { code: 'price_within_budget', points: WEIGHTS.price, params: {} } : { code: 'price_over_budget', points: 0, params: {} };
}

function countryReason(demand: MatchFacts, offer: MatchFacts): MatchReason | null {
  if (!offer.country || !demand.countries.includes(offer.country)) return null;
  return { code: 'country_preferred', points: WEIGHTS.country, params: { country: offer.country } };
}

/**
 * Score of the pair (subject, candidate): one is the demand, the other the offer. Text terms come from the subject
 * (its keywords, title words and their glossary equivalents) and are looked for in the candidate's text.
 */
export function scoreMatch(input: ScoreInput): Score {
  const { subject, candidate } = input;
  const [demand, offer] = subject.kind === 'demand' ? [subject, candidate] : [candidate, subject];
  const reasons = [
    catalogReason(demand, offer),
    ...termReasons(candidate.text, input.terms),
    trlReason(demand, offer),
    formsReason(demand, offer),
    priceReason(demand, offer, input.canComparePrices),
    countryReason(demand, offer),
  ].filter((reason): reason is MatchReason => reason !== null);
  const score = Math.max(0, Math.min(100, Math.round(reasons.reduce((sum, reason) => sum + reason.points, 0))));
  return { score, reasons };
}

/** Words that say nothing about a technology (Vietnamese syllables and English words, unaccented). */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from in into is it of on or our the to with we you your new using based high low ' +
    'technology technologies system systems solution solutions process production equipment device method need needs seeking ' +
    'advanced innovative modern efficient improved integrated smart general main ' +
    'va cua cho cac nhung mot voi trong tren duoi theo tai tu den la co khong duoc can nhu cau tim kiem ve de hoac ' +
    'cong nghe he thong giai phap thiet bi san xuat quy trinh ung dung moi cao'
  ).split(' '),
);

/**
 * The subject's own terms: every keyword, each title word that is not a stop word (English words of 4+ letters), and
 * each pair of adjacent title syllables (Vietnamese words are mostly two syllables: "nước thải").
 */
export function subjectTerms(keywords: readonly string[], titles: { vi?: string | null; en?: string | null }): Term[] {
  const terms = new Map<string, string>();
  for (const keyword of keywords) {
    const norm = normalise(keyword);
    if (norm.length >= 2 && !STOP_WORDS.has(norm)) terms.set(norm, keyword.trim().toLowerCase());
  }
  for (const [language, title] of [
    ['vi', titles.vi],
    ['en', titles.en],
  ] as const) {
    if (!title) continue;
    const labels = title.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    const norms = labels.map(normalise);
    norms.forEach((norm, i) => {
      // A single word in English only: a lone Vietnamese syllable means little ("linh", "sinh").
      if (language === 'en' && norm.length >= 4 && !STOP_WORDS.has(norm)) terms.set(norm, labels[i]!);
      const next = norms[i + 1];
      if (next && !STOP_WORDS.has(norm) && !STOP_WORDS.has(next) && !/[0-9]/.test(norm + next)) terms.set(`${norm} ${next}`, `${labels[i]} ${labels[i + 1]}`);
    });
  }
  return [...terms].map(([norm, label]) => ({ norm, label }));
}

/** Text queries for to_tsquery('simple', …), one per term (a phrase as `a <-> b`), at most `max`, phrases first. */
export function termQueries(terms: readonly Term[], max = 24): string[] {
  const queries = terms.map((term) => term.norm.split(' ').filter((word) => /^[\p{L}\p{N}]+$/u.test(word)).join(' <-> ')).filter(Boolean);
  const unique = [...new Set(queries)];
  return [...unique.filter((query) => query.includes(' ')), ...unique.filter((query) => !query.includes(' '))].slice(0, max);
}
