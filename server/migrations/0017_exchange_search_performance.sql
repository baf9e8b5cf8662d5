-- Exchange search and matching on 200,000 listings (issue 4, benchmark targets): indexes measured with
-- EXPLAIN (ANALYZE, BUFFERS) on the bench corpus (npm run bench:data). Nothing here changes what a query returns.

-- Per-kind text indexes. A search filtered by kind (facet) and every matching probe (offers for a demand, demands for an
-- offer) read the posting lists of one kind only: common words and phrase probes ("hop <-> tac") build a bitmap of
-- about half the rows, and a word found only in the other kind ("wanted" for offers) answers from the index alone
-- instead of rechecking thousands of heap rows. listings_search_idx (0009) still serves searches of every kind.
CREATE INDEX listings_search_offer_idx ON listings USING gin (search_vector) WHERE status = 'published' AND kind = 'offer';
CREATE INDEX listings_search_demand_idx ON listings USING gin (search_vector) WHERE status = 'published' AND kind = 'demand';

-- Newest published listings of one kind with their facet columns: browsing by kind (search without text, sorted by
-- date) and matching's shared-catalog probe (newest 150 sharing a catalog item) filter on the included columns in an
-- index-only scan instead of fetching a heap page per skipped row (kind + sector browse: ~4,000 heap rows for 500).
CREATE INDEX listings_recent_facets_idx ON listings (kind, published_at DESC)
  INCLUDE (id, valid_until, sector_codes, catalog_item_codes, trl, country, transfer_forms, ip_types, languages)
  WHERE status = 'published';

-- TRL exists on offers only: without this the planner multiplies kind = 'demand' by trl >= n as if independent.
CREATE STATISTICS listings_kind_trl_stats (mcv) ON kind, trl FROM listings;
