-- Technology exchange (plan II.2, II.4, II.7), issue 4: offers, demands, expert and intermediary profiles; review
-- before publication; access on request; search; glossary; saved searches; matching; connections and outcomes.

-- A listing is the stable identity a reader links to. Its content lives in revisions: the published revision is what
-- readers see; an edit is a new revision reviewed while the published one stays visible.
-- Histories are append-only; rows go only with their parent (a cascade from a deleted listing or connection).
CREATE FUNCTION exchange_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'listing_events' AND NOT EXISTS (SELECT 1 FROM listings WHERE id = OLD.listing_id) THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME <> 'listing_events' AND NOT EXISTS (SELECT 1 FROM exchange_connections WHERE id = OLD.connection_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE SEQUENCE listing_reference_seq;

CREATE TABLE listings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('offer', 'demand', 'expert', 'intermediary')),
  reference text NOT NULL UNIQUE,
  owner_organisation_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
  owner_user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'returned', 'published', 'rejected', 'expired', 'withdrawn')),
  visibility text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'signed_in', 'on_request')),
  lock_version integer NOT NULL DEFAULT 0,
  working_revision_id uuid,
  published_revision_id uuid,
  first_published_at timestamptz,
  published_at timestamptz,
  valid_until date,
  expiry_reminded_at timestamptz,
  -- Copied from the published revision (empty until the first approval): search, facets, matching, statistics.
  original_language text CHECK (original_language IS NULL OR original_language IN ('vi', 'en')),
  languages text[] NOT NULL DEFAULT '{}',
  title_vi text,
  title_en text,
  teaser_vi text,
  teaser_en text,
  keywords_text text NOT NULL DEFAULT '',
  keywords text[] NOT NULL DEFAULT '{}',
  sector_codes text[] NOT NULL DEFAULT '{}',
  catalog_item_codes text[] NOT NULL DEFAULT '{}',
  technology_object text CHECK (technology_object IS NULL OR technology_object IN ('know_how', 'process_design_formula_software_data', 'rationalisation_solution', 'machinery_with_technology')),
  trl smallint CHECK (trl IS NULL OR trl BETWEEN 1 AND 9),
  trl_min smallint CHECK (trl_min IS NULL OR trl_min BETWEEN 1 AND 9),
  transfer_forms text[] NOT NULL DEFAULT '{}',
  ip_types text[] NOT NULL DEFAULT '{}',
  country text CHECK (country IS NULL OR country ~ '^[A-Z]{2}$'),
  countries text[] NOT NULL DEFAULT '{}',
  currency text CHECK (currency IS NULL OR currency IN ('VND', 'USD', 'EUR', 'JPY', 'KRW', 'CNY')),
  price_min numeric(20, 2) CHECK (price_min IS NULL OR price_min >= 0),
  price_max numeric(20, 2) CHECK (price_max IS NULL OR price_max >= 0),
  price_negotiable boolean NOT NULL DEFAULT true,
  national_list_status text CHECK (national_list_status IS NULL OR national_list_status IN ('encouraged', 'restricted', 'prohibited', 'not_listed')),
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, lower(f_unaccent(coalesce(title_vi, '') || ' ' || coalesce(title_en, '')))), 'A')
    || setweight(to_tsvector('simple'::regconfig, lower(f_unaccent(keywords_text))), 'B')
    || setweight(to_tsvector('simple'::regconfig, lower(f_unaccent(coalesce(teaser_vi, '') || ' ' || coalesce(teaser_en, '')))), 'C')
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'published' OR (published_revision_id IS NOT NULL AND valid_until IS NOT NULL)),
  CHECK (price_min IS NULL OR price_max IS NULL OR price_min <= price_max)
);
CREATE INDEX listings_owner_org_idx ON listings (owner_organisation_id, status);
CREATE INDEX listings_owner_user_idx ON listings (owner_user_id);
CREATE INDEX listings_status_idx ON listings (status, updated_at);
CREATE INDEX listings_search_idx ON listings USING gin (search_vector) WHERE status = 'published';
CREATE INDEX listings_published_idx ON listings (kind, published_at DESC) WHERE status = 'published';
CREATE INDEX listings_catalog_items_idx ON listings USING gin (catalog_item_codes) WHERE status = 'published';
CREATE INDEX listings_title_trgm_idx ON listings USING gin (lower(f_unaccent(coalesce(title_vi, '') || ' ' || coalesce(title_en, ''))) gin_trgm_ops) WHERE status = 'published';
COMMENT ON TABLE listings IS 'Technology exchange listing (tin công nghệ): offer (chào bán), demand (nhu cầu), expert (chuyên gia) or intermediary (tổ chức trung gian)';
COMMENT ON COLUMN listings.reference IS 'Reference shown to people: CB (chào bán), NC (nhu cầu), CG (chuyên gia), TG (trung gian) - year - number';
COMMENT ON COLUMN listings.visibility IS 'Who reads the detail: public; signed_in users; on_request (the owner approves each request after an NDA acknowledgement). The teaser columns are public once published.';
COMMENT ON COLUMN listings.lock_version IS 'Optimistic lock: each change increments it; a stale write gets CONFLICT';
COMMENT ON COLUMN listings.working_revision_id IS 'The revision being written or reviewed (draft, in_review, returned); null when none';
COMMENT ON COLUMN listings.published_revision_id IS 'The revision readers see; stays while an edit is reviewed';
COMMENT ON COLUMN listings.valid_until IS 'Last day shown (approval or renewal + exchange.listingValidity); after it the listing leaves search';
COMMENT ON COLUMN listings.search_vector IS 'Teaser-level text only (titles, keywords, teasers), never the confidential detail, so search cannot leak it';
COMMENT ON COLUMN listings.trl_min IS 'Demands: the lowest technology readiness level the enterprise accepts';
COMMENT ON COLUMN listings.countries IS 'Demands: preferred countries of origin; experts: countries of experience';
COMMENT ON COLUMN listings.national_list_status IS 'Decree 76/2018 list classification confirmed by the reviewing officer';

CREATE TABLE listing_revisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'returned', 'approved', 'rejected', 'superseded', 'discarded')),
  content jsonb NOT NULL,
  visibility text NOT NULL CHECK (visibility IN ('public', 'signed_in', 'on_request')),
  classification jsonb,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_at timestamptz,
  reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  reviewed_at timestamptz,
  review_checklist jsonb,
  review_comment text CHECK (review_comment IS NULL OR length(review_comment) <= 4000),
  confirmed_catalog_item_codes text[],
  confirmed_list_status text CHECK (confirmed_list_status IS NULL OR confirmed_list_status IN ('encouraged', 'restricted', 'prohibited', 'not_listed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (listing_id, number)
);
CREATE INDEX listing_revisions_review_idx ON listing_revisions (status, submitted_at) WHERE status = 'in_review';
ALTER TABLE listings ADD FOREIGN KEY (working_revision_id) REFERENCES listing_revisions (id) ON DELETE SET NULL;
ALTER TABLE listings ADD FOREIGN KEY (published_revision_id) REFERENCES listing_revisions (id) ON DELETE RESTRICT;
COMMENT ON TABLE listing_revisions IS 'Each version of a listing''s content; the approved one is published, later ones are reviewed again';
COMMENT ON COLUMN listing_revisions.content IS 'ListingContent (common/src/api/exchange-listings.ts) of the listing''s kind; rich text already sanitised';
COMMENT ON COLUMN listing_revisions.classification IS 'Reference-data classifier suggestion at submission (catalog items, national list matches)';
COMMENT ON COLUMN listing_revisions.review_checklist IS 'Officer''s checklist: complete, not prohibited, not advertising, contact policy';

-- Append-only history of a listing (submissions, decisions, renewals, expiry, reports handled).
CREATE TABLE listing_events (
  id bigserial PRIMARY KEY,
  listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  revision_id uuid REFERENCES listing_revisions (id) ON DELETE SET NULL,
  action text NOT NULL,
  from_status text,
  to_status text,
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  note text CHECK (note IS NULL OR length(note) <= 4000),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX listing_events_listing_idx ON listing_events (listing_id, id);
CREATE TRIGGER listing_events_append_only BEFORE UPDATE OR DELETE ON listing_events
  FOR EACH ROW EXECUTE FUNCTION exchange_reject_change();

-- Images and documents of a listing; a revision's content lists the file ids it shows.
CREATE TABLE listing_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  stored_file_id uuid NOT NULL REFERENCES stored_files (id) ON DELETE RESTRICT,
  role text NOT NULL CHECK (role IN ('image', 'document')),
  caption text CHECK (caption IS NULL OR length(caption) <= 300),
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (listing_id, stored_file_id)
);
COMMENT ON TABLE listing_files IS 'Files uploaded to a listing; shown when the revision being read lists them; detail-level visibility';

-- On-request listings: the owner approves each request after the requester acknowledged the NDA statement.
CREATE TABLE listing_access_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  requester_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  requester_organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  message text CHECK (message IS NULL OR length(message) <= 2000),
  nda_statement text NOT NULL,
  nda_acknowledged_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined', 'revoked', 'withdrawn')),
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  decision_note text CHECK (decision_note IS NULL OR length(decision_note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX listing_access_requests_open_idx ON listing_access_requests (listing_id, requester_user_id) WHERE status IN ('pending', 'approved');
CREATE INDEX listing_access_requests_org_idx ON listing_access_requests (listing_id, requester_organisation_id) WHERE status = 'approved';
COMMENT ON TABLE listing_access_requests IS 'Request to read an on-request listing; an approval grants the requester and their organisation';
COMMENT ON COLUMN listing_access_requests.nda_statement IS 'The exchange.ndaStatement text in force, as the requester acknowledged it';

CREATE TABLE listing_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  reporter_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (reason IN ('prohibited_technology', 'advertising', 'misleading', 'contact_policy', 'duplicate', 'other')),
  details text CHECK (details IS NULL OR length(details) <= 2000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'upheld')),
  handled_by uuid REFERENCES users (id) ON DELETE SET NULL,
  handled_at timestamptz,
  handling_note text CHECK (handling_note IS NULL OR length(handling_note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX listing_reports_open_idx ON listing_reports (status, created_at) WHERE status = 'open';
CREATE UNIQUE INDEX listing_reports_one_open_idx ON listing_reports (listing_id, reporter_user_id) WHERE status = 'open';

-- Bilingual technology glossary for cross-language search and matching; administrators extend it.
CREATE TABLE glossary_terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  term_vi text NOT NULL CHECK (length(term_vi) BETWEEN 2 AND 120),
  term_en text NOT NULL CHECK (length(term_en) BETWEEN 2 AND 120),
  sector_code text CHECK (sector_code IS NULL OR sector_code ~ '^[0-9]+(\.[0-9]+)*$'),
  norm_vi text GENERATED ALWAYS AS (lower(f_unaccent(term_vi))) STORED,
  norm_en text GENERATED ALWAYS AS (lower(f_unaccent(term_en))) STORED,
  source text NOT NULL DEFAULT 'admin' CHECK (source IN ('seed', 'admin')),
  is_active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (norm_vi, norm_en)
);
CREATE INDEX glossary_terms_vi_idx ON glossary_terms (norm_vi) WHERE is_active;
CREATE INDEX glossary_terms_en_idx ON glossary_terms (norm_en) WHERE is_active;
COMMENT ON TABLE glossary_terms IS 'Vietnamese ↔ English technology terms (thuật ngữ) used to expand search queries and matching across languages';

CREATE TABLE saved_searches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  query jsonb NOT NULL,
  frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  unsubscribe_token_hash text NOT NULL UNIQUE,
  is_active boolean NOT NULL DEFAULT true,
  last_digest_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_searches_user_idx ON saved_searches (user_id);
CREATE INDEX saved_searches_due_idx ON saved_searches (frequency, last_digest_at) WHERE is_active;
COMMENT ON COLUMN saved_searches.query IS 'ExchangeSearchQuery (common/src/api/exchange-search.ts) as saved';
COMMENT ON COLUMN saved_searches.unsubscribe_token_hash IS 'SHA-256 of the one-click unsubscribe token sent in each digest';

-- A DOST officer suggests an offer–demand match to both owners.
CREATE TABLE match_suggestions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  demand_listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  score numeric(6, 3),
  reasons jsonb NOT NULL DEFAULT '[]',
  note text CHECK (note IS NULL OR length(note) <= 2000),
  suggested_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (offer_listing_id, demand_listing_id)
);

-- Expression of interest → accepted connection with a private thread → outcomes.
CREATE TABLE exchange_connections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL REFERENCES listings (id) ON DELETE CASCADE,
  owner_organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  owner_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  initiator_organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  initiator_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  initiator_listing_id uuid REFERENCES listings (id) ON DELETE SET NULL,
  suggestion_id uuid REFERENCES match_suggestions (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  cooperation_sought text NOT NULL CHECK (length(cooperation_sought) BETWEEN 10 AND 2000),
  missing_information text NOT NULL CHECK (length(missing_information) BETWEEN 1 AND 2000),
  about_us text NOT NULL CHECK (length(about_us) BETWEEN 10 AND 2000),
  reply_due_on date NOT NULL,
  first_reply_at timestamptz,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decline_reason text CHECK (decline_reason IS NULL OR length(decline_reason) <= 2000),
  latest_outcome text CHECK (latest_outcome IS NULL OR latest_outcome IN ('no_deal', 'meeting_held', 'mou_signed', 'contract_signed')),
  lock_version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX exchange_connections_open_idx ON exchange_connections (listing_id, initiator_user_id) WHERE status IN ('pending', 'accepted');
CREATE INDEX exchange_connections_owner_idx ON exchange_connections (owner_organisation_id, status);
CREATE INDEX exchange_connections_initiator_idx ON exchange_connections (initiator_organisation_id, status);
CREATE INDEX exchange_connections_created_idx ON exchange_connections (created_at);
COMMENT ON TABLE exchange_connections IS 'Expression of interest (bày tỏ quan tâm) in a listing and, once accepted, the connection between the two parties';
COMMENT ON COLUMN exchange_connections.reply_due_on IS 'Created day + exchange.replyTarget working days; met when first_reply_at falls on or before it';
COMMENT ON COLUMN exchange_connections.initiator_listing_id IS 'The initiator''s own listing the interest comes from (e.g. a demand answering an offer), when given';

CREATE TABLE connection_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  connection_id uuid NOT NULL REFERENCES exchange_connections (id) ON DELETE CASCADE,
  author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author_side text NOT NULL CHECK (author_side IN ('owner', 'initiator')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  stored_file_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connection_messages_thread_idx ON connection_messages (connection_id, created_at);
CREATE TRIGGER connection_messages_append_only BEFORE UPDATE OR DELETE ON connection_messages
  FOR EACH ROW EXECUTE FUNCTION exchange_reject_change();

CREATE TABLE connection_outcomes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  connection_id uuid NOT NULL REFERENCES exchange_connections (id) ON DELETE CASCADE,
  outcome text NOT NULL CHECK (outcome IN ('no_deal', 'meeting_held', 'mou_signed', 'contract_signed')),
  occurred_on date NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 2000),
  registration_case_id uuid REFERENCES cases (id) ON DELETE SET NULL,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_side text NOT NULL CHECK (recorded_side IN ('owner', 'initiator')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connection_outcomes_connection_idx ON connection_outcomes (connection_id, created_at);
CREATE INDEX connection_outcomes_month_idx ON connection_outcomes (occurred_on);
CREATE TRIGGER connection_outcomes_append_only BEFORE UPDATE OR DELETE ON connection_outcomes
  FOR EACH ROW EXECUTE FUNCTION exchange_reject_change();
COMMENT ON TABLE connection_outcomes IS 'Outcome trail of a connection (no deal, meeting, MoU, contract signed); append-only';
COMMENT ON COLUMN connection_outcomes.registration_case_id IS 'For a signed contract: its transfer registration dossier, when linked';
