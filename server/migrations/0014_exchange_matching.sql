-- Technology exchange matching (issue 4 §5): DOST suggestions of an offer–demand pair to both owners.
-- match_suggestions is created by 0009; this adds what the suggestion lists and the matching board read by.

-- An owner's received suggestions and the board's "already suggested" marks look a pair up from either side; the
-- UNIQUE (offer_listing_id, demand_listing_id) index serves the offer side, this one the demand side.
CREATE INDEX match_suggestions_demand_idx ON match_suggestions (demand_listing_id, offer_listing_id);
CREATE INDEX match_suggestions_created_idx ON match_suggestions (created_at);

ALTER TABLE match_suggestions ADD CONSTRAINT match_suggestions_score_range CHECK (score IS NULL OR score BETWEEN 0 AND 100);
ALTER TABLE match_suggestions ADD CONSTRAINT match_suggestions_reasons_array CHECK (jsonb_typeof(reasons) = 'array');
ALTER TABLE match_suggestions ADD CONSTRAINT match_suggestions_distinct CHECK (offer_listing_id <> demand_listing_id);

COMMENT ON TABLE match_suggestions IS 'A DOST officer''s suggestion (gợi ý kết nối) of an offer and a demand to both owners; once per pair';
COMMENT ON COLUMN match_suggestions.score IS 'Matching score 0–100 when suggested (matching.scoring.ts)';
COMMENT ON COLUMN match_suggestions.reasons IS 'MatchReason[] (common/src/api/exchange-matching.ts): codes and parameters, worded by the reader''s language; prices only compared when neither listing is on request';
COMMENT ON COLUMN match_suggestions.note IS 'The officer''s note to both parties (no prices or confidential detail)';
