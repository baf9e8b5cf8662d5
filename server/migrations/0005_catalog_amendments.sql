-- Priority catalog amendments (plan section IV.6, issue 3 item 1): sector departments propose, DOST consolidates a
-- draft version, the DOST leader submits it, an administrator records the People's Committee decision.
-- Also: a small store for uploaded files (signed decisions now, contract documents later).
-- catalog_versions keeps its exclusive effective_to (first day no longer in force), as created in 0001.

CREATE TABLE stored_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text NOT NULL CHECK (content_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200),
  content bytea NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX stored_files_sha256_idx ON stored_files (sha256);
COMMENT ON TABLE stored_files IS 'Uploaded files, type checked by content (magic bytes) before storing';
COMMENT ON COLUMN stored_files.sha256 IS 'SHA-256 of content, hex; lets anyone check a downloaded copy';
COMMENT ON COLUMN stored_files.content_type IS 'Type found in the content (not the one the browser claimed)';
COMMENT ON COLUMN stored_files.original_name IS 'Uploaded file name without path, control or reserved characters';

-- Versions gain a workflow status. Drafts have no effective date yet.
ALTER TABLE catalog_versions
  ADD COLUMN status text NOT NULL DEFAULT 'approved'
    CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'discarded')),
  ADD COLUMN base_version_id uuid REFERENCES catalog_versions (id),
  ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
  ADD COLUMN decision_number text CHECK (decision_number IS NULL OR length(decision_number) BETWEEN 3 AND 60),
  ADD COLUMN decision_date date,
  ADD COLUMN decision_file_id uuid REFERENCES stored_files (id),
  ADD COLUMN created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ALTER COLUMN effective_from DROP NOT NULL;

-- The plan's own catalog (seeded before this migration on existing installations) is Decision 872/QĐ-UBND.
UPDATE catalog_versions SET decision_number = '872/QĐ-UBND', decision_date = DATE '2019-04-10'
  WHERE label = '872/QĐ-UBND (2019)' AND decision_number IS NULL;

ALTER TABLE catalog_versions
  ADD CONSTRAINT catalog_versions_approved_effective CHECK (status <> 'approved' OR effective_from IS NOT NULL),
  ADD CONSTRAINT catalog_versions_effective_after_decision
    CHECK (decision_date IS NULL OR effective_from IS NULL OR effective_from >= decision_date),
  ADD CONSTRAINT catalog_versions_effective_order CHECK (effective_to IS NULL OR effective_to > effective_from);

-- At most one version in preparation (draft or submitted) at a time.
CREATE UNIQUE INDEX catalog_versions_one_open_key ON catalog_versions ((status IN ('draft', 'submitted')))
  WHERE status IN ('draft', 'submitted');
-- Approved versions form one chain by effective date: distinct start days, one open-ended version.
CREATE UNIQUE INDEX catalog_versions_approved_from_key ON catalog_versions (effective_from) WHERE status = 'approved';
CREATE UNIQUE INDEX catalog_versions_one_open_ended_key ON catalog_versions ((effective_to IS NULL))
  WHERE status = 'approved' AND effective_to IS NULL;
COMMENT ON COLUMN catalog_versions.status IS 'draft (DOST officer edits) → submitted (DOST leader) → approved | rejected (People''s Committee, recorded by an administrator); a draft can be discarded';
COMMENT ON COLUMN catalog_versions.base_version_id IS 'Approved version the draft was copied from; its changes are shown against it';
COMMENT ON COLUMN catalog_versions.revision IS 'Optimistic concurrency: every change of a draft adds one; a write with an older revision is refused';
COMMENT ON COLUMN catalog_versions.decision_number IS 'People''s Committee decision approving the version, e.g. 1234/QĐ-UBND';
COMMENT ON COLUMN catalog_versions.decision_file_id IS 'Signed decision (PDF)';
COMMENT ON COLUMN catalog_versions.effective_from IS 'First day in force; NULL until approved';
COMMENT ON COLUMN catalog_versions.effective_to IS 'First day NO LONGER in force (exclusive), set when the next version is approved';

-- Proposals of sector departments (and DOST) to add, reword or retire a technology direction.
CREATE TABLE catalog_amendments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('add', 'reword', 'retire')),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'included', 'rejected', 'withdrawn')),
  sector_code text NOT NULL CHECK (sector_code ~ '^[0-9]+(\.[0-9]+)*$'),
  item_code text CHECK (item_code IS NULL OR item_code ~ '^[0-9]+(\.[0-9]+)*$'),
  requested_code text CHECK (requested_code IS NULL OR requested_code ~ '^[0-9]+(\.[0-9]+)*$'),
  changes jsonb NOT NULL DEFAULT '{}'::jsonb,
  justification text NOT NULL CHECK (length(justification) BETWEEN 10 AND 4000),
  base_version_id uuid NOT NULL REFERENCES catalog_versions (id),
  version_id uuid REFERENCES catalog_versions (id),
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  organisation_name text,
  proposed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  proposer_name text NOT NULL,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  decision_note text CHECK (decision_note IS NULL OR length(decision_note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'add' OR item_code IS NOT NULL),
  CHECK (kind = 'add' OR requested_code IS NULL),
  CHECK ((status = 'included') = (version_id IS NOT NULL)),
  CHECK (status <> 'rejected' OR decision_note IS NOT NULL)
);
CREATE INDEX catalog_amendments_status_idx ON catalog_amendments (status, created_at);
CREATE INDEX catalog_amendments_organisation_idx ON catalog_amendments (organisation_id);
CREATE INDEX catalog_amendments_version_idx ON catalog_amendments (version_id);
COMMENT ON TABLE catalog_amendments IS 'Amendment proposals (plan IV.6): proposed → included in a draft version | rejected by DOST | withdrawn by the proposing organisation';
COMMENT ON COLUMN catalog_amendments.item_code IS 'reword/retire: the direction concerned; add: the code given when included in a draft';
COMMENT ON COLUMN catalog_amendments.requested_code IS 'add only: the code the proposer asked for (NULL = next free code of the sector)';
COMMENT ON COLUMN catalog_amendments.changes IS 'Proposed values: nameVi, nameEn, descriptionVi, descriptionEn, keywordsVi, keywordsEn, vsic, listItemIds (add: all names; reword: changed fields only; retire: none)';
COMMENT ON COLUMN catalog_amendments.base_version_id IS 'Approved version the proposal was written against';
COMMENT ON COLUMN catalog_amendments.version_id IS 'Draft (later submitted/approved) version that includes the proposal';
COMMENT ON COLUMN catalog_amendments.organisation_name IS 'Proposing organisation as named when proposed';
COMMENT ON COLUMN catalog_amendments.decision_note IS 'Reason given by DOST when rejecting';

-- Every workflow step of a version, in order (append-only).
CREATE TABLE catalog_version_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id uuid NOT NULL REFERENCES catalog_versions (id),
  action text NOT NULL
    CHECK (action IN ('create', 'include', 'exclude', 'edit_item', 'discard', 'submit', 'return', 'approve', 'reject')),
  from_status text,
  to_status text NOT NULL,
  amendment_id uuid REFERENCES catalog_amendments (id),
  item_code text,
  comment text CHECK (comment IS NULL OR length(comment) <= 2000),
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_version_events_version_idx ON catalog_version_events (version_id, id);
COMMENT ON COLUMN catalog_version_events.actor_name IS 'Name of the person as it was at the time';

CREATE FUNCTION catalog_version_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'catalog_version_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER catalog_version_events_no_change BEFORE UPDATE OR DELETE ON catalog_version_events
  FOR EACH ROW EXECUTE FUNCTION catalog_version_events_reject_change();

-- Links from a catalog direction (in one version) to items of the national technology lists (migration 0004).
CREATE TABLE catalog_item_list_links (
  version_id uuid NOT NULL,
  item_code text NOT NULL,
  list_item_id uuid NOT NULL REFERENCES technology_list_items (id),
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (version_id, item_code, list_item_id),
  FOREIGN KEY (version_id, item_code) REFERENCES catalog_items (version_id, code) ON DELETE CASCADE
);
CREATE INDEX catalog_item_list_links_list_item_idx ON catalog_item_list_links (list_item_id);
COMMENT ON TABLE catalog_item_list_links IS 'A priority direction resembles or falls under a national-list item (encouraged, restricted, prohibited)';
