-- Saved-search digests (issue 4 §4): every digest mail carries its own one-click unsubscribe token, so the link of an
-- older digest still works after a newer one was sent; the outbox keeps per-message headers (List-Unsubscribe).

CREATE TABLE saved_search_unsubscribe_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  saved_search_id uuid NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_search_unsubscribe_tokens_search_idx ON saved_search_unsubscribe_tokens (saved_search_id);
COMMENT ON TABLE saved_search_unsubscribe_tokens IS 'SHA-256 of each one-click unsubscribe token (hủy nhận thư) sent in a saved-search digest; the token itself is never stored';

ALTER TABLE mail_outbox ADD COLUMN headers jsonb;
COMMENT ON COLUMN mail_outbox.headers IS 'Extra message headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 2369, RFC 8058)';
