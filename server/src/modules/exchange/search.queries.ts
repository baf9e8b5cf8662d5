import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';

// The SQL of the public exchange search (migration 0009 listings.search_vector and its partial GIN index, migration
// 0012 search_vocabulary). Only teaser-level columns are read. Every query starts from published listings valid today.

export interface SearchFilter {
  today: string;
  kind?: string | undefined;
  sector?: string | undefined;
  catalogItem?: string | undefined;
  trlMin?: number | undefined;
  trlMax?: number | undefined;
  country?: string | undefined;
  transferForm?: string | undefined;
  ipType?: string | undefined;
  language?: string | undefined;
  publishedSince?: Date | undefined;
}

/**
 * How the text is matched: `match` (a tsquery text over folded words) selects the listings, `concepts` (one tsquery
 * text per query concept) count how many concepts a listing holds, `rank` (a tsquery text) scores with ts_rank_cd.
 */
export interface TextMatch {
  match: string;
  /** Listings already counted by a stricter pass come first (tier 1); null: one tier. */
  strict: string | null;
  concepts: string[];
  rank: string;
  /**
   * With `strict`: the looser listings (tier 0) are added only when fewer than this many listings hold the strict
   * match, decided inside the one statement (the strict set is read once). Unset: always added.
   */
  looseBelow?: number;
}

export interface SearchPageInput {
  filter: SearchFilter;
  text: TextMatch | null;
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
  cap: number;
}

export interface SearchPageRow {
  id: string;
  score: number;
}

export interface SearchPageResult {
  total: number;
  /** Listings of the matched set that hold the strict match (tier 1; every listing when there is one tier). */
  strictTotal: number;
  rows: SearchPageRow[];
  facets: { facet: string; value: string; n: number }[];
}

const textArray = (values: string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
/** A one-value text[] as a bound literal, so the planner sees the value (array GIN indexes, row estimates). */
const oneValueArray = (value: string) => sql`${`{"${value.replace(/["\\]/g, (c) => `\\${c}`)}"}`}::text[]`;

function filterSql(f: SearchFilter): SQL {
  const parts: SQL[] = [sql`l.status = 'published'`, sql`l.valid_until >= ${f.today}::date`];
  if (f.kind) parts.push(sql`l.kind = ${f.kind}`);
  if (f.sector) parts.push(sql`l.sector_codes @> ${oneValueArray(f.sector)}`);
  if (f.catalogItem) parts.push(sql`l.catalog_item_codes @> ${oneValueArray(f.catalogItem)}`);
  if (f.trlMin !== undefined) parts.push(sql`l.trl >= ${f.trlMin}`);
  if (f.trlMax !== undefined) parts.push(sql`l.trl <= ${f.trlMax}`);
  if (f.country) parts.push(sql`l.country = ${f.country}`);
  if (f.transferForm) parts.push(sql`l.transfer_forms @> ${oneValueArray(f.transferForm)}`);
  if (f.ipType) parts.push(sql`l.ip_types @> ${oneValueArray(f.ipType)}`);
  if (f.language) parts.push(sql`l.languages @> ${oneValueArray(f.language)}`);
  if (f.publishedSince) parts.push(sql`l.published_at > ${f.publishedSince.toISOString()}::timestamptz`);
  return sql.join(parts, sql` AND `);
}

/**
 * The score of a matched listing: strict matches first (tier), then the number of query concepts it holds (a concept
 * matched in either language counts once), then cover density (title A, keywords B, teaser C). Constant tsqueries only.
 */
function scoreSql(text: TextMatch | null, tier: 0 | 1): SQL {
  if (!text) return sql`0::float8`;
  const held = text.concepts.map((c) => sql`(l.search_vector @@ to_tsquery('simple', ${c}))::int`);
  return sql`(${tier * 1000} + (${sql.join(held, sql` + `)}) * 10 + ts_rank_cd('{0.1, 0.3, 0.6, 1.0}'::float4[], l.search_vector, to_tsquery('simple', ${text.rank}), 1))::float8`;
}

/**
 * The matched set, at most `cap` listings, with the facet columns and the score: with a text, the GIN index on
 * search_vector finds them (strict matches first when a looser pass is added); without one, the newest published
 * listings (listings_search_recent_idx). The wide search_vector is read once here and not carried further.
 */
function matchedSql(input: SearchPageInput): SQL {
  const where = filterSql(input.filter);
  const columns = sql`l.id, l.kind, l.sector_codes, l.catalog_item_codes, l.trl, l.country, l.transfer_forms, l.ip_types, l.languages, l.published_at`;
  const { text, cap } = input;
  if (!text) return sql`SELECT ${columns}, 0::float8 AS score, 1 AS tier FROM listings l WHERE ${where} ORDER BY l.published_at DESC, l.id LIMIT ${cap}`;
  const match = sql`l.search_vector @@ to_tsquery('simple', ${text.match})`;
  if (!text.strict) return sql`SELECT ${columns}, ${scoreSql(text, 1)} AS score, 1 AS tier FROM listings l WHERE ${where} AND ${match} LIMIT ${cap}`;
  const strict = sql`l.search_vector @@ to_tsquery('simple', ${text.strict})`;
  const strictRows = sql`SELECT ${columns}, ${scoreSql(text, 1)} AS score, 1 AS tier FROM listings l WHERE ${where} AND ${strict} LIMIT ${cap}`;
  const looseRows = sql`SELECT ${columns}, ${scoreSql(text, 0)} AS score, 0 AS tier FROM listings l WHERE ${where} AND ${match} AND NOT ${strict}`;
  if (text.looseBelow === undefined) return sql`(${strictRows}) UNION ALL (${looseRows} LIMIT ${cap})`;
  // The looser scan sits under a one-time filter on the strict count: skipped when enough listings hold every concept.
  return sql`WITH strict_rows AS MATERIALIZED (${strictRows})
    SELECT * FROM strict_rows
    UNION ALL
    (${looseRows} AND (SELECT count(*) FROM strict_rows) < ${text.looseBelow} LIMIT ${cap})`;
}

/**
 * One statement: the capped matched set, its size, the requested page (ranked or newest first) and the facet counts
 * over the matched set (a listing in two sectors counts in each): one small grouped scan of the materialised set per
 * facet, about half the cost of one LATERAL eight-branch union per row.
 */
export async function searchPage(db: Tx, input: SearchPageInput): Promise<SearchPageResult> {
  const byDate = input.sort === 'date' || !input.text;
  const order = byDate ? sql`m.published_at DESC, m.id` : sql`m.score DESC, m.published_at DESC, m.id`;
  const pageOrder = byDate ? sql`p.published_at DESC, p.id` : sql`p.score DESC, p.published_at DESC, p.id`;
  const [row] = await rowsOf<{ total: number; strictTotal: number; rows: SearchPageRow[] | null; facets: SearchPageResult['facets'] | null }>(
    db,
    sql`WITH matched AS MATERIALIZED (SELECT * FROM (${matchedSql(input)}) x LIMIT ${input.cap}),
      page AS (SELECT m.id, m.score, m.published_at FROM matched m ORDER BY ${order} LIMIT ${input.limit} OFFSET ${input.offset}),
      facets AS (
        SELECT 'kind' AS facet, m.kind AS value, count(*)::int AS n FROM matched m GROUP BY m.kind
        UNION ALL SELECT 'sector', v, count(*)::int FROM matched m, unnest(m.sector_codes) v GROUP BY v
        UNION ALL SELECT 'catalogItem', v, count(*)::int FROM matched m, unnest(m.catalog_item_codes) v GROUP BY v
        UNION ALL SELECT 'trl', m.trl::text, count(*)::int FROM matched m WHERE m.trl IS NOT NULL GROUP BY m.trl
        UNION ALL SELECT 'country', m.country, count(*)::int FROM matched m WHERE m.country IS NOT NULL GROUP BY m.country
        UNION ALL SELECT 'transferForm', v, count(*)::int FROM matched m, unnest(m.transfer_forms) v GROUP BY v
        UNION ALL SELECT 'ipType', v, count(*)::int FROM matched m, unnest(m.ip_types) v GROUP BY v
        UNION ALL SELECT 'language', v, count(*)::int FROM matched m, unnest(m.languages) v GROUP BY v
      )
      SELECT (SELECT count(*)::int FROM matched) AS total,
             (SELECT count(*)::int FROM matched WHERE tier = 1) AS "strictTotal",
             (SELECT json_agg(json_build_object('id', p.id, 'score', p.score) ORDER BY ${pageOrder}) FROM page p) AS rows,
             (SELECT json_agg(json_build_object('facet', f.facet, 'value', f.value, 'n', f.n)) FROM facets f) AS facets`,
  );
  return { total: Number(row?.total ?? 0), strictTotal: Number(row?.strictTotal ?? 0), rows: row?.rows ?? [], facets: row?.facets ?? [] };
}

export interface TeaserRow {
  id: string;
  reference: string;
  kind: string;
  visibility: string;
  originalLanguage: string | null;
  languages: string[];
  titleVi: string | null;
  titleEn: string | null;
  teaserVi: string | null;
  teaserEn: string | null;
  keywords: string[];
  sectorCodes: string[];
  catalogItemCodes: string[];
  technologyObject: string | null;
  trl: number | null;
  transferForms: string[];
  ipTypes: string[];
  country: string | null;
  publishedAt: string | Date | null;
  validUntil: string | Date | null;
}

/** The teaser columns of the given listings (never revision content). */
export async function selectTeasers(db: Tx, ids: string[]): Promise<TeaserRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<TeaserRow>(
    db,
    sql`SELECT id, reference, kind, visibility, original_language AS "originalLanguage", languages, title_vi AS "titleVi", title_en AS "titleEn",
               teaser_vi AS "teaserVi", teaser_en AS "teaserEn", keywords, sector_codes AS "sectorCodes", catalog_item_codes AS "catalogItemCodes",
               technology_object AS "technologyObject", trl, transfer_forms AS "transferForms", ip_types AS "ipTypes", country,
               published_at AS "publishedAt", valid_until::text AS "validUntil"
        FROM listings WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`,
  );
}

/** Which of these words the published teasers hold. */
export async function knownWords(db: Tx, words: string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  const rows = await rowsOf<{ word: string }>(db, sql`SELECT word FROM search_vocabulary WHERE word = ANY(${textArray(words)}) AND listing_count > 0`);
  return new Set(rows.map((r) => r.word));
}

/** Whether some published word starts with `prefix` (a word being typed). */
export async function hasPrefix(db: Tx, prefix: string): Promise<boolean> {
  const rows = await rowsOf<{ word: string }>(db, sql`SELECT word FROM search_vocabulary WHERE word LIKE ${`${prefix}%`} AND listing_count > 0 LIMIT 1`);
  return rows.length > 0;
}

/**
 * similarWords for several words in one transaction and one statement (a typo query with two misspelt words costs
 * five round trips, not ten): word → its candidates, the same as similarWords(word, limit) returns.
 */
export async function similarWordsOf(db: Tx, words: string[], limit = 12): Promise<Map<string, { word: string; similarity: number; listingCount: number }[]>> {
  const found = new Map<string, { word: string; similarity: number; listingCount: number }[]>(words.map((w) => [w, []]));
  if (words.length === 0) return found;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.2', true)`);
    const rows = await rowsOf<{ typed: string; word: string; similarity: number; listingCount: number }>(
      tx as unknown as Tx,
      sql`SELECT t.typed, v.word, v.similarity, v."listingCount"
          FROM unnest(${textArray(words)}) WITH ORDINALITY AS t(typed, n)
          CROSS JOIN LATERAL (
            SELECT word, similarity(word, t.typed)::float8 AS similarity, listing_count AS "listingCount"
            FROM search_vocabulary WHERE word % t.typed AND listing_count > 0
            ORDER BY similarity DESC, listing_count DESC LIMIT ${limit}) v
          ORDER BY t.n, v.similarity DESC, v."listingCount" DESC`,
    );
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`);
    for (const row of rows) found.get(row.typed)?.push({ word: row.word, similarity: row.similarity, listingCount: row.listingCount });
    return found;
  });
}

/**
 * Words that look like `word` (trigram similarity ≥ 0.2, transaction-local threshold so short words such as "thia"
 * still reach "thai"), most similar first; the caller picks by edit distance.
 */
export async function similarWords(db: Tx, word: string, limit = 12): Promise<{ word: string; similarity: number; listingCount: number }[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.2', true)`);
    const rows = await rowsOf<{ word: string; similarity: number; listingCount: number }>(
      tx as unknown as Tx,
      sql`SELECT word, similarity(word, ${word})::float8 AS similarity, listing_count AS "listingCount"
          FROM search_vocabulary WHERE word % ${word} AND listing_count > 0
          ORDER BY similarity DESC, listing_count DESC LIMIT ${limit}`,
    );
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`);
    return rows;
  });
}

/** Published words starting with `prefix`, the most used first (suggestions as you type). */
export async function wordsStartingWith(db: Tx, prefix: string, limit: number): Promise<string[]> {
  const rows = await rowsOf<{ word: string }>(
    db,
    sql`SELECT word FROM (SELECT word, listing_count FROM search_vocabulary WHERE word LIKE ${`${prefix}%`} AND listing_count > 0 LIMIT 500) w
        ORDER BY listing_count DESC, word LIMIT ${limit}`,
  );
  return rows.map((r) => r.word);
}

/** Titles of published, valid listings that contain the folded text (trigram index on the titles). */
export async function titlesContaining(db: Tx, today: string, folded: string, limit: number): Promise<{ id: string; titleVi: string | null; titleEn: string | null }[]> {
  const like = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return rowsOf(
    db,
    sql`SELECT id, title_vi AS "titleVi", title_en AS "titleEn" FROM listings
        WHERE status = 'published' AND valid_until >= ${today}::date
          AND lower(f_unaccent(coalesce(title_vi, '') || ' ' || coalesce(title_en, ''))) LIKE ${like}
        LIMIT ${limit}`,
  );
}
