-- Agencies as dated data (plan of Decision 872/QĐ-UBND, section IV; the 2025 reorganisation), their lineage
-- (predecessor → successor), the plan's duties as plan roles and the dated assignment of each role to agencies.
-- Validity: valid_from is the first day in force, valid_to the LAST day in force (inclusive; NULL = still in force).

CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,63}$'),
  name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 2 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 200),
  short_name_vi text CHECK (short_name_vi IS NULL OR length(short_name_vi) BETWEEN 1 AND 60),
  short_name_en text CHECK (short_name_en IS NULL OR length(short_name_en) BETWEEN 1 AND 60),
  kind text NOT NULL CHECK (kind IN ('people_committee', 'provincial_department', 'ez_authority', 'bank_branch', 'tax_office',
    'district_pc', 'commune_pc', 'ministry', 'public_fund', 'other')),
  level text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
  valid_from date NOT NULL,
  valid_to date,
  source_from text NOT NULL CHECK (length(source_from) BETWEEN 2 AND 1000),
  source_to text CHECK (source_to IS NULL OR length(source_to) BETWEEN 2 AND 1000),
  verified boolean NOT NULL DEFAULT false,
  note_vi text CHECK (note_vi IS NULL OR length(note_vi) <= 2000),
  note_en text CHECK (note_en IS NULL OR length(note_en) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX agencies_validity_idx ON agencies (valid_from, valid_to);
CREATE INDEX agencies_name_trgm_idx ON agencies USING gin (lower(f_unaccent(name_vi)) gin_trgm_ops);
COMMENT ON TABLE agencies IS 'Government agencies (cơ quan nhà nước) as dated reference data: the agencies named in plan section IV and their 2025 successors';
COMMENT ON COLUMN agencies.code IS 'Stable code used by seeds and other modules, e.g. hp_dost (Sở Khoa học và Công nghệ Hải Phòng)';
COMMENT ON COLUMN agencies.kind IS 'people_committee (UBND tỉnh/thành phố), provincial_department (sở), ez_authority (ban quản lý khu kinh tế), bank_branch (chi nhánh NHNN), tax_office (cơ quan thuế), district_pc (UBND quận/huyện), commune_pc (UBND xã/phường/đặc khu), ministry (bộ), public_fund (quỹ nhà nước), other';
COMMENT ON COLUMN agencies.level IS 'Administrative level the agency works at: central, province, district (abolished 01/07/2025), commune';
COMMENT ON COLUMN agencies.valid_from IS 'First day in force. For agencies that existed before the plan, the plan date 2019-04-10 (start of this register), not the founding date';
COMMENT ON COLUMN agencies.valid_to IS 'Last day in force, inclusive; NULL = still in force';
COMMENT ON COLUMN agencies.source_from IS 'Citation for the agency''s existence from valid_from (instrument, article, or public source)';
COMMENT ON COLUMN agencies.source_to IS 'Citation for the end of the agency (merger, abolition)';
COMMENT ON COLUMN agencies.verified IS 'false when a fact of the row (name, dates, continuation) is unverified (marked [M] in the domain brief)';

CREATE TABLE agency_lineage_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  predecessor_id uuid NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  successor_id uuid NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  event_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('merged_into', 'absorbed', 'renamed', 're_established', 'abolished', 'split')),
  citation text NOT NULL CHECK (length(citation) BETWEEN 2 AND 1000),
  verified boolean NOT NULL DEFAULT false,
  note text CHECK (note IS NULL OR length(note) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (predecessor_id <> successor_id),
  UNIQUE (predecessor_id, successor_id)
);
CREATE INDEX agency_lineage_events_successor_idx ON agency_lineage_events (successor_id);
COMMENT ON TABLE agency_lineage_events IS 'Predecessor → successor links of agencies (sáp nhập, hợp nhất, đổi tên, tái lập, giải thể, chia tách)';
COMMENT ON COLUMN agency_lineage_events.event_date IS 'First day the successor carries the predecessor''s functions (the predecessor is no longer in force on this day)';
COMMENT ON COLUMN agency_lineage_events.kind IS 'merged_into: merged with others into the successor; absorbed: taken over by a continuing successor; renamed; re_established: set up again under a new decision; abolished: level or body abolished, functions to the successor; split: one of several successors';

CREATE TABLE plan_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,63}$'),
  name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 2 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 200),
  plan_section text NOT NULL CHECK (length(plan_section) BETWEEN 1 AND 60),
  duty_vi text NOT NULL CHECK (length(duty_vi) BETWEEN 2 AND 4000),
  duty_en text NOT NULL CHECK (length(duty_en) BETWEEN 2 AND 4000),
  recurrence text NOT NULL CHECK (recurrence IN ('ongoing', 'yearly', 'as_needed')),
  due_month_day text CHECK (due_month_day IS NULL OR due_month_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  due_vi text CHECK (due_vi IS NULL OR length(due_vi) <= 200),
  due_en text CHECK (due_en IS NULL OR length(due_en) <= 200),
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE plan_roles IS 'The duties of plan section IV (Decision 872/QĐ-UBND) as roles; work is routed to the agency holding a role on a date';
COMMENT ON COLUMN plan_roles.plan_section IS 'Where the duty is written in the plan, e.g. IV.2 or IV.2; IV.8';
COMMENT ON COLUMN plan_roles.duty_vi IS 'The duty as the plan words it (Vietnamese, verbatim where possible)';
COMMENT ON COLUMN plan_roles.duty_en IS 'Unofficial English translation of the duty';
COMMENT ON COLUMN plan_roles.recurrence IS 'ongoing, yearly (hằng năm) or as_needed (khi cần thiết / theo từng giai đoạn)';
COMMENT ON COLUMN plan_roles.due_month_day IS 'Yearly due day as MM-DD, e.g. 11-30 for the evaluation sent to DOST before 30 November (plan IV.9)';

CREATE TABLE plan_role_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_role_id uuid NOT NULL REFERENCES plan_roles (id) ON DELETE RESTRICT,
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
  valid_from date NOT NULL,
  valid_to date,
  citation text NOT NULL CHECK (length(citation) BETWEEN 2 AND 1000),
  verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX plan_role_assignments_role_idx ON plan_role_assignments (plan_role_id, valid_from);
CREATE INDEX plan_role_assignments_agency_idx ON plan_role_assignments (agency_id);
COMMENT ON TABLE plan_role_assignments IS 'Which agency holds a plan role from when to when (one role may be held by several agencies at once)';
COMMENT ON COLUMN plan_role_assignments.valid_from IS 'First day the agency holds the role';
COMMENT ON COLUMN plan_role_assignments.valid_to IS 'Last day the agency holds the role, inclusive; NULL = still held';
COMMENT ON COLUMN plan_role_assignments.verified IS 'false when the assignment is inferred (e.g. a role passed to a successor at a merger) rather than read in a source';

ALTER TABLE organisations ADD COLUMN agency_id uuid REFERENCES agencies (id) ON DELETE SET NULL;
ALTER TABLE organisations ADD CONSTRAINT organisations_agency_kind_check CHECK (agency_id IS NULL OR kind = 'agency');
CREATE INDEX organisations_agency_id_idx ON organisations (agency_id) WHERE agency_id IS NOT NULL;
COMMENT ON COLUMN organisations.agency_id IS 'For an organisation of kind agency: the dated agency record it is (set by administrators)';
