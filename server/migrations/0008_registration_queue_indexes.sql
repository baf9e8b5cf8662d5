-- Indexes for the DOST registration queue with 10,000 open cases (issue 5 benchmark, target p95 ≤ 100 ms), found with
-- EXPLAIN ANALYZE on the bench data (bench/registrations.ts). Figures are execution times on PostgreSQL 16, then PGlite.

-- Default sort by time left (ORDER BY current_due_on NULLS LAST, received_on, id LIMIT 20): an ordered index scan
-- that stops after the page instead of reading and sorting every open case (4.1 ms → 0.07 ms).
CREATE INDEX cases_queue_due_idx ON cases (kind, current_due_on, received_on, id);

-- Search in the queue (reference number or title, accents ignored, LIKE '%…%'): trigram indexes, so the search can
-- read matching rows through a BitmapOr instead of unaccenting every title (68 ms → 10 ms; on PGlite 186 ms). The
-- applicant-name arm uses cases_organisation_idx when written as organisation_id = ANY(ARRAY(SELECT …)).
CREATE INDEX cases_title_trgm_idx ON cases USING gin (lower(f_unaccent(title)) gin_trgm_ops);
CREATE INDEX cases_reference_trgm_idx ON cases USING gin (lower(reference_no) gin_trgm_ops);

-- Queue filters "has risk flags" and "filed late": the matching dossiers without reading every dossier's flags
-- (31 ms → 0.3 ms for 3,300 flagged dossiers out of 10,000).
CREATE INDEX registration_dossiers_flagged_idx ON registration_dossiers (case_id) WHERE jsonb_array_length(risk_flags) > 0;
CREATE INDEX registration_dossiers_late_idx ON registration_dossiers (case_id) WHERE is_late;
