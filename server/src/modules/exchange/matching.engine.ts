import type { ListingTeaser } from '../../../../common/src/api/exchange-listings.js';
import type { MatchItem } from '../../../../common/src/api/exchange-matching.js';
import type { Ctx } from '../../core/context.js';
import { foldPhrase } from './glossary.normalize.js';
import { expandQuery } from './glossary.service.js';
import { scoreMatch, subjectTerms, termQueries, normalise, type MatchFacts, type SubjectTerms, type Term } from './matching.scoring.js';
import * as q from './matching.queries.js';

/** At most this many candidates come from the indexes before scoring (design: 200,000 listings, p95 ≤ 150 ms). */
export const CANDIDATE_CAP = 300;
/** Below this score a candidate is noise (one loose word in a teaser), not a match. */
export const MIN_SCORE = 20;

const numberOrNull = (value: string | null) => (value === null ? null : Number(value));
const publishedTime = (row: q.MatchListingRow) => (row.published_at ? new Date(row.published_at).getTime() : 0);

export function factsOf(row: q.MatchListingRow): MatchFacts {
  return {
    id: row.id,
    kind: row.kind,
    visibility: row.visibility,
    catalogItemCodes: row.catalog_item_codes,
    sectorCodes: row.sector_codes,
    text: normalise([row.title_vi, row.title_en, row.keywords.join(' '), row.teaser_vi, row.teaser_en].filter(Boolean).join(' ')),
    trl: row.trl,
    trlMin: row.trl_min,
    transferForms: row.transfer_forms,
    country: row.country,
    countries: row.countries,
    currency: row.currency,
    priceMin: numberOrNull(row.price_min),
    priceMax: numberOrNull(row.price_max),
  };
}

/** The public teaser of a listing row (never price, owner or detail). */
export function teaserOf(row: q.MatchListingRow): ListingTeaser {
  const text = (vi: string | null, en: string | null) => ({ ...(vi ? { vi } : {}), ...(en ? { en } : {}) });
  const publishedAt = row.published_at instanceof Date ? row.published_at.toISOString() : row.published_at ? new Date(row.published_at).toISOString() : null;
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    visibility: row.visibility,
    originalLanguage: row.original_language ?? 'vi',
    languages: row.languages,
    title: text(row.title_vi, row.title_en),
    teaser: text(row.teaser_vi, row.teaser_en),
    keywords: row.keywords,
    sectorCodes: row.sector_codes,
    catalogItemCodes: row.catalog_item_codes,
    technologyObject: row.technology_object,
    trl: row.trl,
    transferForms: row.transfer_forms,
    ipTypes: row.ip_types as ListingTeaser['ipTypes'],
    country: row.country,
    publishedAt,
    validUntil: row.valid_until,
  };
}

/**
 * The subject's terms and their glossary equivalents (the glossary engineer's expandQuery: longest match, vi ↔ en),
 * each equivalent shown as the glossary writes it.
 */
export async function termsOf(ctx: Ctx, subject: q.MatchListingRow): Promise<SubjectTerms> {
  const titles = [subject.title_vi, subject.title_en].filter((title): title is string => Boolean(title));
  const terms = subjectTerms(subject.keywords, { vi: subject.title_vi, en: subject.title_en });
  const expansion = await expandQuery(ctx.db, [...titles, ...subject.keywords].join('\n'));
  const glossary: { term: Term; equivalent: Term }[] = [];
  for (const phrase of expansion.phrases) {
    const other = phrase.language === 'vi' ? 'en' : 'vi';
    const label = phrase.terms[0]?.[phrase.language] ?? phrase.matched;
    for (const equivalent of phrase.equivalents) {
      const written = phrase.terms.find((term) => foldPhrase(term[other]) === equivalent)?.[other] ?? equivalent;
      glossary.push({ term: { norm: phrase.matched, label }, equivalent: { norm: equivalent, label: written } });
    }
  }
  return { terms, glossary };
}

export interface RankOptions {
  today: string;
  limit: number;
  /** Whether the reader may see this candidate's price (on-request listings: DOST only). */
  revealsPrice: (candidate: q.MatchListingRow) => boolean;
}

/**
 * Ranked matches of a published offer or demand: candidates of the other kind from the GIN indexes (text terms and
 * their glossary equivalents, shared catalog items), capped, then scored in TypeScript (matching.scoring).
 */
export async function rankMatches(ctx: Ctx, subject: q.MatchListingRow, options: RankOptions): Promise<MatchItem[]> {
  if (subject.kind !== 'offer' && subject.kind !== 'demand') return [];
  const terms = await termsOf(ctx, subject);
  const candidates = await q.findCandidates(ctx.db, {
    kind: subject.kind === 'offer' ? 'demand' : 'offer',
    excludeId: subject.id,
    termQueries: termQueries([...terms.terms, ...terms.glossary.map((pair) => pair.equivalent)]),
    catalogItemCodes: subject.catalog_item_codes,
    today: options.today,
    limit: CANDIDATE_CAP,
  });
  const facts = factsOf(subject);
  const scored = candidates
    .map((row) => ({ row, ...scoreMatch({ subject: facts, candidate: factsOf(row), terms, canComparePrices: options.revealsPrice(row) }) }))
    .filter((match) => match.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || publishedTime(b.row) - publishedTime(a.row))
    .slice(0, options.limit);
  const suggestions = await q.suggestionsBetween(
    ctx.db,
    subject.id,
    scored.map((match) => match.row.id),
  );
  return scored.map((match) => ({ listing: teaserOf(match.row), score: match.score, reasons: match.reasons, suggestionId: suggestions.get(match.row.id) ?? null }));
}
