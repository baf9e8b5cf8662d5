import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';

// The SQL of the public exchange statistics. Counts over teaser-level facet columns of listings that are published and
// valid on `today` (never content from revisions), and over connections and outcomes; aggregates only.

const publishedOn = (today: string) => sql`status = 'published' AND valid_until >= ${today}::date`;

export async function countPublishedByKind(db: Tx, today: string) {
  return rowsOf<{ kind: string; n: number }>(db, sql`SELECT kind, count(*)::int AS n FROM listings WHERE ${publishedOn(today)} GROUP BY kind`);
}

/** Offers and demands per sector (a listing in two sectors counts once in each). */
export async function countPublishedBySector(db: Tx, today: string) {
  return rowsOf<{ sector: string; offers: number; demands: number }>(
    db,
    sql`SELECT sector, count(*) FILTER (WHERE kind = 'offer')::int AS offers, count(*) FILTER (WHERE kind = 'demand')::int AS demands
        FROM listings, unnest(sector_codes) AS sector
        WHERE ${publishedOn(today)} AND kind IN ('offer', 'demand')
        GROUP BY sector ORDER BY sector`,
  );
}

/** Offers per country of origin and demands per location country. */
export async function countPublishedByCountry(db: Tx, today: string) {
  return rowsOf<{ country: string; offers: number; demands: number }>(
    db,
    sql`SELECT coalesce(country, 'unknown') AS country, count(*) FILTER (WHERE kind = 'offer')::int AS offers, count(*) FILTER (WHERE kind = 'demand')::int AS demands
        FROM listings
        WHERE ${publishedOn(today)} AND kind IN ('offer', 'demand')
        GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
}

/** Expressions of interest per month of sending (Vietnam time), from `fromDay` (first day of a month). */
export async function countConnectionsByMonth(db: Tx, fromDay: string) {
  return rowsOf<{ month: string; connections: number; accepted: number }>(
    db,
    sql`SELECT to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month, count(*)::int AS connections,
               count(*) FILTER (WHERE status = 'accepted')::int AS accepted
        FROM exchange_connections
        WHERE created_at >= (${fromDay}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
        GROUP BY 1`,
  );
}

/** Outcomes recorded per month of their date and kind, from `fromDay`. */
export async function countOutcomesByMonth(db: Tx, fromDay: string) {
  return rowsOf<{ month: string; outcome: string; n: number }>(
    db,
    sql`SELECT to_char(occurred_on, 'YYYY-MM') AS month, outcome, count(*)::int AS n
        FROM connection_outcomes WHERE occurred_on >= ${fromDay}::date GROUP BY 1, 2`,
  );
}
