-- Connections of the technology exchange (issue 4 §6): the reply target applied to each expression of interest.
-- exchange.replyTarget is a dated parameter; a connection keeps the number of working days in force the day the
-- interest was expressed, so a later change of the target never turns an answer given in time into a missed one.
ALTER TABLE exchange_connections ADD COLUMN reply_target_days smallint NOT NULL DEFAULT 10 CHECK (reply_target_days BETWEEN 1 AND 365);
COMMENT ON COLUMN exchange_connections.reply_target_days IS 'exchange.replyTarget (working days) in force when the interest was expressed; reply_due_on was computed from it';

-- Reply target per listing (answered / met counts on the listing page) and the thread of one listing's connections.
CREATE INDEX exchange_connections_listing_idx ON exchange_connections (listing_id, created_at);

-- The append-only guard of 0009 named OLD.listing_id and OLD.connection_id in one expression; PL/pgSQL resolves both
-- fields for every table, so any UPDATE or DELETE on connection_messages / connection_outcomes failed with
-- 'record "old" has no field "listing_id"', including the cascade from a deleted connection it means to allow.
-- Same rule, one field per branch.
CREATE OR REPLACE FUNCTION exchange_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF TG_TABLE_NAME = 'listing_events' THEN
      IF NOT EXISTS (SELECT 1 FROM listings WHERE id = OLD.listing_id) THEN
        RETURN OLD;
      END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM exchange_connections WHERE id = OLD.connection_id) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
