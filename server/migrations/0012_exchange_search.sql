-- Technology exchange search (issue 4 §4): the vocabulary of published teasers for typo correction and suggestions,
-- kept by statement-level triggers on listings, and an index for browsing the newest published listings.

-- Every word (unaccented, lower-case lexeme of listings.search_vector) of the published listings, with the number of
-- published listings that hold it. A query word missing here is corrected to the nearest word (trigram similarity).
CREATE TABLE search_vocabulary (
  word text PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 60),
  listing_count integer NOT NULL DEFAULT 0
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (word gin_trgm_ops);
CREATE INDEX search_vocabulary_prefix_idx ON search_vocabulary (word text_pattern_ops);
COMMENT ON TABLE search_vocabulary IS 'Words (từ vựng) of published listing teasers, unaccented; typo correction and suggestions as you type';
COMMENT ON COLUMN search_vocabulary.listing_count IS 'Published listings whose teaser holds the word (0 or less: none any more; kept, ignored)';

CREATE FUNCTION search_vocabulary_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_vocabulary AS v (word, listing_count)
  SELECT t.lexeme, count(*) FROM new_rows n, unnest(n.search_vector) AS t
  WHERE n.status = 'published' AND length(t.lexeme) <= 60
  GROUP BY t.lexeme ORDER BY t.lexeme
  ON CONFLICT (word) DO UPDATE SET listing_count = v.listing_count + EXCLUDED.listing_count;
  RETURN NULL;
END $$;

CREATE FUNCTION search_vocabulary_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_vocabulary v SET listing_count = greatest(v.listing_count - d.n, 0)
  FROM (SELECT t.lexeme AS word, count(*) AS n FROM old_rows o, unnest(o.search_vector) AS t
        WHERE o.status = 'published' GROUP BY t.lexeme ORDER BY t.lexeme) d
  WHERE v.word = d.word;
  RETURN NULL;
END $$;

-- Words are upserted in word order so that two publishing transactions lock vocabulary rows in the same order.
-- Only rows whose published state or searched text changed count; other updates (lock_version, reminders) cost a join.
CREATE FUNCTION search_vocabulary_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o.status = 'published' AS was, o.search_vector AS old_vector, n.status = 'published' AS now, n.search_vector AS new_vector
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status = 'published') IS DISTINCT FROM (n.status = 'published')
       OR (n.status = 'published' AND o.search_vector IS DISTINCT FROM n.search_vector)
  ), deltas AS (
    SELECT t.lexeme AS word, -1 AS delta FROM changed c, unnest(c.old_vector) AS t WHERE c.was
    UNION ALL
    SELECT t.lexeme, 1 FROM changed c, unnest(c.new_vector) AS t WHERE c.now
  )
  INSERT INTO search_vocabulary AS v (word, listing_count)
  SELECT word, sum(delta) FROM deltas WHERE length(word) <= 60
  GROUP BY word HAVING sum(delta) <> 0 ORDER BY word
  ON CONFLICT (word) DO UPDATE SET listing_count = greatest(v.listing_count + EXCLUDED.listing_count, 0);
  RETURN NULL;
END $$;

CREATE TRIGGER listings_search_vocabulary_insert AFTER INSERT ON listings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_on_insert();
CREATE TRIGGER listings_search_vocabulary_update AFTER UPDATE ON listings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_on_update();
CREATE TRIGGER listings_search_vocabulary_delete AFTER DELETE ON listings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_vocabulary_on_delete();

-- Browsing without a query (newest first) and the date sort read this index instead of sorting every published row.
CREATE INDEX listings_search_recent_idx ON listings (published_at DESC, id) WHERE status = 'published';
