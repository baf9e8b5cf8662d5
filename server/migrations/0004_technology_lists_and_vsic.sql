-- National technology lists (Law 07/2017 Art. 9–11; Decree 76/2018/NĐ-CP Appendices I–III and its predecessors)
-- and the Vietnam Standard Industrial Classification (VSIC 2018, Decision 27/2018/QĐ-TTg).
-- Validity: valid_from is the first day in force, valid_to the LAST day in force (inclusive; NULL = still in force).

CREATE TABLE technology_list_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$'),
  source_instrument text NOT NULL CHECK (length(source_instrument) BETWEEN 2 AND 300),
  source_instrument_en text NOT NULL CHECK (length(source_instrument_en) BETWEEN 2 AND 300),
  list_types text[] NOT NULL CHECK (cardinality(list_types) >= 1
    AND list_types <@ ARRAY['encouraged', 'restricted', 'prohibited']::text[]),
  valid_from date NOT NULL,
  valid_to date,
  is_complete boolean NOT NULL,
  verified boolean NOT NULL,
  note_vi text,
  note_en text,
  source_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE technology_list_versions IS 'One legal instrument that promulgates (some of) the national lists of encouraged, restricted and prohibited technologies';
COMMENT ON COLUMN technology_list_versions.code IS 'Stable short code, e.g. ND76-2018 (Nghị định 76/2018/NĐ-CP)';
COMMENT ON COLUMN technology_list_versions.list_types IS 'Which lists this instrument covers: encouraged (khuyến khích), restricted (hạn chế), prohibited (cấm)';
COMMENT ON COLUMN technology_list_versions.valid_from IS 'First day in force';
COMMENT ON COLUMN technology_list_versions.valid_to IS 'Last day in force, inclusive; NULL = still in force';
COMMENT ON COLUMN technology_list_versions.is_complete IS 'false when the stored items are only part of the instrument''s appendices (see note_vi/note_en)';
COMMENT ON COLUMN technology_list_versions.verified IS 'true only when the instrument, its dates and coverage were confirmed in a source (source_url); false = unverified (e.g. a date from memory)';

CREATE TABLE technology_list_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id uuid NOT NULL REFERENCES technology_list_versions (id) ON DELETE CASCADE,
  list_type text NOT NULL CHECK (list_type IN ('encouraged', 'restricted', 'prohibited')),
  appendix text,
  section text,
  item_no text,
  vsic_code text CHECK (vsic_code IS NULL OR vsic_code ~ '^[A-Z]$|^[0-9]{2,5}$'),
  direction text NOT NULL DEFAULT 'all' CHECK (direction IN ('inbound_domestic', 'outbound', 'all')),
  name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 2 AND 1000),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 1000),
  name_en_official boolean NOT NULL DEFAULT false,
  condition_vi text,
  condition_en text,
  keywords_vi text[] NOT NULL DEFAULT '{}',
  keywords_en text[] NOT NULL DEFAULT '{}',
  verified boolean NOT NULL,
  source_url text,
  sort_order integer,
  search_text text GENERATED ALWAYS AS (lower(f_unaccent(
    coalesce(name_vi, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(condition_vi, '') || ' ' ||
    coalesce(condition_en, '') || ' ' || coalesce(item_no, '') || ' ' || coalesce(vsic_code, '')))) STORED
);
CREATE INDEX technology_list_items_version_idx ON technology_list_items (version_id, list_type, sort_order);
CREATE INDEX technology_list_items_search_trgm_idx ON technology_list_items USING gin (search_text gin_trgm_ops);
-- A numbered item appears once per list and appendix of a version (unnumbered items are told apart by name).
CREATE UNIQUE INDEX technology_list_items_number_key ON technology_list_items (version_id, list_type, coalesce(appendix, ''), item_no)
  WHERE item_no IS NOT NULL;
COMMENT ON COLUMN technology_list_items.list_type IS 'encouraged (Appendix I of Decree 76), restricted (Appendix II), prohibited (Appendix III)';
COMMENT ON COLUMN technology_list_items.section IS 'Heading inside the appendix as printed (e.g. the direction or sector heading)';
COMMENT ON COLUMN technology_list_items.item_no IS 'STT as printed in the appendix; NULL when the source does not give it';
COMMENT ON COLUMN technology_list_items.vsic_code IS 'VSIC 2018 section letter or division/group code as printed; NULL when unknown';
COMMENT ON COLUMN technology_list_items.direction IS 'inbound_domestic = from abroad into Vietnam and within Vietnam; outbound = from Vietnam abroad; all = both';
COMMENT ON COLUMN technology_list_items.name_en IS 'English name; a platform translation unless name_en_official';
COMMENT ON COLUMN technology_list_items.name_en_official IS 'true only when name_en is copied from an official or published English text';
COMMENT ON COLUMN technology_list_items.condition_vi IS 'Description or technical parameter that limits the item (capacity, emission standard…)';
COMMENT ON COLUMN technology_list_items.keywords_vi IS 'Platform search keywords (not legal text), used by the classifier';
COMMENT ON COLUMN technology_list_items.verified IS 'true when the item was read in the source given in source_url';

CREATE TABLE technology_list_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id uuid NOT NULL REFERENCES technology_list_versions (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_bytes integer NOT NULL,
  row_count integer NOT NULL,
  counts jsonb NOT NULL,
  closed_version_ids uuid[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE technology_list_imports IS 'One successful upload of a list file (the whole file is one version)';
COMMENT ON COLUMN technology_list_imports.counts IS 'Items per list type, e.g. {"encouraged": 120, "restricted": 0, "prohibited": 0}';
COMMENT ON COLUMN technology_list_imports.closed_version_ids IS 'Open-ended predecessors whose valid_to this import set to the new valid_from - 1 day';

-- VSIC: classification versions, their codes, and a (possibly empty) mapping between versions.
CREATE TABLE vsic_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9-]{2,20}$'),
  source_instrument text NOT NULL,
  source_instrument_en text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  is_complete boolean NOT NULL,
  verified boolean NOT NULL,
  note_vi text,
  note_en text,
  source_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
COMMENT ON COLUMN vsic_versions.code IS 'VSIC2018 (Decision 27/2018/QĐ-TTg); a VSIC2025 version (Decision 36/2025/QĐ-TTg) can be added';
COMMENT ON COLUMN vsic_versions.is_complete IS 'false when only some levels are stored (VSIC 2018: sections and divisions only)';

CREATE TABLE vsic_codes (
  version_id uuid NOT NULL REFERENCES vsic_versions (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[A-Z]$|^[0-9]{2,5}$'),
  level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  parent_code text,
  source_url text,
  verified boolean NOT NULL,
  sort_order integer NOT NULL,
  search_text text GENERATED ALWAYS AS (lower(f_unaccent(code || ' ' || name_vi || ' ' || name_en))) STORED,
  PRIMARY KEY (version_id, code),
  FOREIGN KEY (version_id, parent_code) REFERENCES vsic_codes (version_id, code)
);
CREATE INDEX vsic_codes_parent_idx ON vsic_codes (version_id, parent_code);
COMMENT ON COLUMN vsic_codes.level IS '1 section (letter), 2 division (2 digits), 3 group, 4 class, 5 subclass';
COMMENT ON COLUMN vsic_codes.name_en IS 'ISIC Rev.4 equivalent title (no official English VSIC text was found)';

CREATE TABLE vsic_code_mappings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_version_id uuid NOT NULL,
  from_code text NOT NULL,
  to_version_id uuid NOT NULL,
  to_code text NOT NULL,
  note text,
  source_url text,
  verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (from_version_id, from_code) REFERENCES vsic_codes (version_id, code) ON DELETE CASCADE,
  FOREIGN KEY (to_version_id, to_code) REFERENCES vsic_codes (version_id, code) ON DELETE CASCADE,
  UNIQUE (from_version_id, from_code, to_version_id, to_code),
  CHECK (from_version_id <> to_version_id)
);
COMMENT ON TABLE vsic_code_mappings IS 'Correspondence between codes of two VSIC versions (e.g. 2018 → 2025); empty until a mapping is compiled';
