import { sql, type SQL } from 'drizzle-orm';
import type { Currency, ListingKind, ListingStatus, TechnologyObject, TransferForm, Visibility } from '../../../../common/src/api/exchange-listings.js';
import type { MatchReason } from '../../../../common/src/api/exchange-matching.js';
import { rowsOf, type Tx } from '../../core/db/database.js';

/** Every SQL statement of matching: listings as matching reads them (teaser + facets) and match_suggestions. */

export interface MatchListingRow {
  id: string;
  kind: ListingKind;
  reference: string;
  status: ListingStatus;
  visibility: Visibility;
  owner_organisation_id: string | null;
  owner_user_id: string;
  valid_until: string | null;
  published_at: Date | string | null;
  original_language: 'vi' | 'en' | null;
  languages: ('vi' | 'en')[];
  title_vi: string | null;
  title_en: string | null;
  teaser_vi: string | null;
  teaser_en: string | null;
  keywords: string[];
  sector_codes: string[];
  catalog_item_codes: string[];
  technology_object: TechnologyObject | null;
  trl: number | null;
  trl_min: number | null;
  transfer_forms: TransferForm[];
  ip_types: string[];
  country: string | null;
  countries: string[];
  currency: Currency | null;
  price_min: string | null;
  price_max: string | null;
}

const COLUMNS = sql`l.id, l.kind, l.reference, l.status, l.visibility, l.owner_organisation_id, l.owner_user_id, l.valid_until::text AS valid_until,
  l.published_at, l.original_language, l.languages, l.title_vi, l.title_en, l.teaser_vi, l.teaser_en, l.keywords, l.sector_codes,
  l.catalog_item_codes, l.technology_object, l.trl, l.trl_min, l.transfer_forms, l.ip_types, l.country, l.countries, l.currency,
  l.price_min::text AS price_min, l.price_max::text AS price_max`;

/** A PostgreSQL array literal of the values, as one parameter (drizzle would spread a JS array into a row). */
const arrayParam = (values: readonly string[]) => `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** Published and shown today (valid_until not past): the only listings matching may return. */
const live = (today: string) => sql`l.status = 'published' AND l.valid_until >= ${today}::date`;

export async function findMatchListing(db: Tx, id: string): Promise<MatchListingRow | undefined> {
  const [row] = await rowsOf<MatchListingRow>(db, sql`SELECT ${COLUMNS} FROM listings l WHERE l.id = ${id}`);
  return row;
}

/** Published, unexpired listings of one kind by id (in no particular order). */
export async function findLiveListings(db: Tx, input: { ids: string[]; today: string }): Promise<MatchListingRow[]> {
  if (input.ids.length === 0) return [];
  return rowsOf<MatchListingRow>(db, sql`SELECT ${COLUMNS} FROM listings l WHERE l.id = ANY(${arrayParam(input.ids)}::uuid[]) AND ${live(input.today)}`);
}

/** Candidates each text term may bring at most: a common word costs no more than a rare one (bounded heap reads). */
export const PER_TERM_LIMIT = 60;
/** Candidates the shared catalog items may bring at most (newest first). */
export const CATALOG_LIMIT = 150;

/**
 * Candidates for a match: published, unexpired listings of `kind` that match one of the text terms (each its own
 * GIN listings_search_idx probe, at most PER_TERM_LIMIT rows) or share a catalog item (GIN listings_catalog_items_idx,
 * newest CATALOG_LIMIT), ordered by how many probes found them, at most `limit`. The final ranking is
 * matching.scoring's. Work is bounded by the number of terms, not by how common a word is. Hits are counted per id
 * before the wide row is read, so each candidate is fetched once (migration 0017: per-kind text indexes, catalog probe
 * as an index-only scan).
 */
export async function findCandidates(db: Tx, input: { kind: ListingKind; excludeId: string; termQueries: string[]; catalogItemCodes: string[]; today: string; limit: number }): Promise<MatchListingRow[]> {
  const base = sql`${live(input.today)} AND l.kind = ${input.kind} AND l.id <> ${input.excludeId}::uuid`;
  const probes: SQL[] = input.termQueries.map((query) => sql`(SELECT l.id FROM listings l WHERE ${base} AND l.search_vector @@ to_tsquery('simple', ${query}) LIMIT ${PER_TERM_LIMIT})`);
  if (input.catalogItemCodes.length > 0) {
    probes.push(sql`(SELECT l.id FROM listings l WHERE ${base} AND l.catalog_item_codes && ${arrayParam(input.catalogItemCodes)}::text[] ORDER BY l.published_at DESC LIMIT ${CATALOG_LIMIT})`);
  }
  if (probes.length === 0) return [];
  return rowsOf<MatchListingRow>(
    db,
    sql`WITH hits AS (${sql.join(probes, sql` UNION ALL `)}),
             found AS (SELECT hits.id, count(*) AS n FROM hits GROUP BY hits.id)
        SELECT ${COLUMNS}
          FROM found JOIN listings l ON l.id = found.id
         ORDER BY found.n DESC, l.published_at DESC
         LIMIT ${input.limit}`,
  );
}

export interface BoardFilter {
  today: string;
  sector?: string | undefined;
  since?: string | undefined;
}

const boardWhere = (filter: BoardFilter) =>
  sql.join(
    [
      sql`l.status = 'published'`,
      sql`l.kind = 'demand'`,
      sql`l.valid_until >= ${filter.today}::date`,
      ...(filter.sector ? [sql`l.sector_codes @> ${arrayParam([filter.sector])}::text[]`] : []),
      ...(filter.since ? [sql`l.published_at >= ${filter.since}::date`] : []),
    ],
    sql` AND `,
  );

/** The DOST board's demands: published, unexpired, newest first (listings_published_idx), with the total. */
export async function recentDemands(db: Tx, filter: BoardFilter & { limit: number; offset: number }): Promise<{ rows: MatchListingRow[]; total: number }> {
  const rows = await rowsOf<MatchListingRow>(db, sql`SELECT ${COLUMNS} FROM listings l WHERE ${boardWhere(filter)} ORDER BY l.published_at DESC, l.id LIMIT ${filter.limit} OFFSET ${filter.offset}`);
  const [count] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM listings l WHERE ${boardWhere(filter)}`);
  return { rows, total: Number(count?.n ?? 0) };
}

// ---- Suggestions -------------------------------------------------------------------------------------------------

/** Suggestions already made between `listingId` and any of `otherIds`: other id → suggestion id. */
export async function suggestionsBetween(db: Tx, listingId: string, otherIds: string[]): Promise<Map<string, string>> {
  if (otherIds.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; other_id: string }>(
    db,
    sql`SELECT id, CASE WHEN offer_listing_id = ${listingId}::uuid THEN demand_listing_id ELSE offer_listing_id END AS other_id
          FROM match_suggestions
         WHERE (offer_listing_id = ${listingId}::uuid AND demand_listing_id = ANY(${arrayParam(otherIds)}::uuid[]))
            OR (demand_listing_id = ${listingId}::uuid AND offer_listing_id = ANY(${arrayParam(otherIds)}::uuid[]))`,
  );
  return new Map(rows.map((row) => [row.other_id, row.id]));
}

/** Inserts a suggestion; null when the pair was already suggested (unique offer–demand pair). */
export async function insertSuggestion(
  db: Tx,
  values: { offerListingId: string; demandListingId: string; score: number; reasons: MatchReason[]; note: string | null; suggestedBy: string },
): Promise<{ id: string } | null> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO match_suggestions (offer_listing_id, demand_listing_id, score, reasons, note, suggested_by)
        VALUES (${values.offerListingId}, ${values.demandListingId}, ${values.score}, ${JSON.stringify(values.reasons)}::jsonb, ${values.note}, ${values.suggestedBy})
        ON CONFLICT (offer_listing_id, demand_listing_id) DO NOTHING
        RETURNING id`,
  );
  return row ?? null;
}

export interface SuggestionRow {
  id: string;
  created_at: Date | string;
  score: string | null;
  reasons: MatchReason[];
  note: string | null;
  own_id: string;
  other_id: string;
}

/**
 * Suggestions that concern a listing owned by the caller (their organisations, or themselves for a listing without
 * one), newest first; only while the other listing is still published and unexpired.
 */
export async function suggestionsForOwner(db: Tx, input: { userId: string; organisationIds: string[]; today: string; limit: number; offset: number }): Promise<{ rows: SuggestionRow[]; total: number }> {
  const organisations = arrayParam(input.organisationIds);
  const ownsOffer = sql`(o.owner_organisation_id = ANY(${organisations}::uuid[]) OR (o.owner_organisation_id IS NULL AND o.owner_user_id = ${input.userId}::uuid))`;
  const ownsDemand = sql`(d.owner_organisation_id = ANY(${organisations}::uuid[]) OR (d.owner_organisation_id IS NULL AND d.owner_user_id = ${input.userId}::uuid))`;
  const from = sql`FROM match_suggestions s
      JOIN listings o ON o.id = s.offer_listing_id
      JOIN listings d ON d.id = s.demand_listing_id
      CROSS JOIN LATERAL (VALUES (${ownsOffer}, ${ownsDemand})) AS side(owns_offer, owns_demand)
     WHERE (side.owns_offer OR side.owns_demand)
       AND (CASE WHEN side.owns_offer THEN d.status = 'published' AND d.valid_until >= ${input.today}::date
                 ELSE o.status = 'published' AND o.valid_until >= ${input.today}::date END)`;
  const rows = await rowsOf<SuggestionRow>(
    db,
    sql`SELECT s.id, s.created_at, s.score::text AS score, s.reasons, s.note,
               CASE WHEN side.owns_offer THEN s.offer_listing_id ELSE s.demand_listing_id END AS own_id,
               CASE WHEN side.owns_offer THEN s.demand_listing_id ELSE s.offer_listing_id END AS other_id
          ${from}
         ORDER BY s.created_at DESC, s.id
         LIMIT ${input.limit} OFFSET ${input.offset}`,
  );
  const [count] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from}`);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Listings by id whatever their status (the caller's own listings in a suggestion). */
export async function findListingsByIds(db: Tx, ids: string[]): Promise<MatchListingRow[]> {
  if (ids.length === 0) return [];
  return rowsOf<MatchListingRow>(db, sql`SELECT ${COLUMNS} FROM listings l WHERE l.id = ANY(${arrayParam(ids)}::uuid[])`);
}
