-- Reusable case-workflow core (issue 5 item 1): contract registrations now, technology appraisals and programme
-- applications later. A case has a status (the module's transition table says which actions move it), an
-- append-only event trail, assignments, comments (internal or to the applicant), documents and statutory clocks in
-- working days that pause while the applicant supplements. Plus in-app notifications for every module.

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('contract_registration')),
  reference_no text NOT NULL CHECK (length(reference_no) BETWEEN 3 AND 40),
  status text NOT NULL CHECK (status ~ '^[a-z_]{2,40}$'),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  parent_case_id uuid REFERENCES cases (id) ON DELETE RESTRICT,
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 8 AND 100),
  received_on date,
  closed_at timestamptz,
  current_clock_kind text,
  current_due_on date,
  clock_paused boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX cases_reference_no_key ON cases (reference_no);
CREATE UNIQUE INDEX cases_idempotency_key ON cases (organisation_id, kind, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX cases_queue_idx ON cases (kind, status, current_due_on);
CREATE INDEX cases_organisation_idx ON cases (organisation_id, kind, created_at DESC);
CREATE INDEX cases_parent_idx ON cases (parent_case_id) WHERE parent_case_id IS NOT NULL;
COMMENT ON TABLE cases IS 'One administrative case (hồ sơ) of any kind; its module owns the detail tables and the transition table';
COMMENT ON COLUMN cases.reference_no IS 'Number shown to people, e.g. CGCN-2026-00012 (unique)';
COMMENT ON COLUMN cases.organisation_id IS 'Applicant organisation (the filer); its members see the case';
COMMENT ON COLUMN cases.revision IS 'Optimistic concurrency: every change adds 1; a write with an older revision is a conflict';
COMMENT ON COLUMN cases.idempotency_key IS 'Client key of the request that created the case: a repeated request returns the same case';
COMMENT ON COLUMN cases.received_on IS 'Day (Vietnam) the authority first received the submitted dossier';
COMMENT ON COLUMN cases.current_clock_kind IS 'Statutory clock running or paused now (copy of case_clocks, for the queue)';
COMMENT ON COLUMN cases.current_due_on IS 'Due day of that clock; null when paused or none is running';

-- Every step of a case, in order (append-only).
CREATE TABLE case_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action ~ '^[a-z_]{2,40}$'),
  from_status text,
  to_status text NOT NULL,
  revision integer NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 4000),
  details jsonb NOT NULL DEFAULT '{}',
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor_name text,
  on_day date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);
COMMENT ON COLUMN case_events.on_day IS 'Day (Vietnam) of the step: statutory clocks count from these days';
COMMENT ON COLUMN case_events.actor_name IS 'Name of the person as it was at the time';

CREATE FUNCTION case_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'case_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER case_events_no_change BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_reject_change();

CREATE TABLE case_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  role text NOT NULL CHECK (role IN ('officer', 'leader')),
  assigned_by uuid REFERENCES users (id) ON DELETE SET NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
CREATE UNIQUE INDEX case_assignments_current_key ON case_assignments (case_id, role) WHERE ended_at IS NULL;
CREATE INDEX case_assignments_user_idx ON case_assignments (user_id) WHERE ended_at IS NULL;
COMMENT ON TABLE case_assignments IS 'Who handles a case: at most one current officer and one current leader; history kept (ended_at)';

CREATE TABLE case_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  visibility text NOT NULL CHECK (visibility IN ('internal', 'applicant')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_comments_case_idx ON case_comments (case_id, created_at);
COMMENT ON COLUMN case_comments.visibility IS 'internal: staff only; applicant: also the filing organisation';

CREATE TABLE case_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind ~ '^[a-z_]{2,40}$'),
  stored_file_id uuid NOT NULL REFERENCES stored_files (id) ON DELETE RESTRICT,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  note text CHECK (note IS NULL OR length(note) <= 500)
);
CREATE INDEX case_documents_case_idx ON case_documents (case_id, kind);
COMMENT ON COLUMN case_documents.kind IS 'Module vocabulary, e.g. request_letter, contract, certificate, refusal_letter';
COMMENT ON COLUMN case_documents.removed_at IS 'Set when the applicant replaces or removes a draft document; the file and row stay';

-- Statutory clocks in working days (calendar module). Day 0 is the start day; paused days do not count.
CREATE TABLE case_clocks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind ~ '^[a-z_]{2,40}$'),
  rule_key text NOT NULL,
  working_days integer NOT NULL CHECK (working_days BETWEEN 0 AND 3660),
  started_on date NOT NULL,
  used_working_days integer NOT NULL DEFAULT 0 CHECK (used_working_days >= 0),
  resumed_on date NOT NULL,
  paused_on date,
  due_on date,
  stopped_on date,
  outcome text CHECK (outcome IS NULL OR outcome IN ('met', 'missed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((paused_on IS NULL) OR (due_on IS NULL))
);
CREATE UNIQUE INDEX case_clocks_open_key ON case_clocks (case_id, kind) WHERE stopped_on IS NULL;
CREATE INDEX case_clocks_case_idx ON case_clocks (case_id, created_at);
COMMENT ON COLUMN case_clocks.rule_key IS 'legal-rules key whose value gave working_days (e.g. registration.decisionDeadline)';
COMMENT ON COLUMN case_clocks.used_working_days IS 'Working days already used before the current run (summed at each pause)';
COMMENT ON COLUMN case_clocks.resumed_on IS 'Start day of the current run (started_on, or the day it resumed)';
COMMENT ON COLUMN case_clocks.due_on IS 'Last day to act in the current run; null while paused';

CREATE TABLE case_reference_counters (
  kind text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  last_number integer NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, year)
);

-- In-app notifications (e-mail copies go through mail_outbox).
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{2,80}$'),
  params jsonb NOT NULL DEFAULT '{}',
  link text CHECK (link IS NULL OR link ~ '^/[^/]'),
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
COMMENT ON COLUMN notifications.kind IS 'Message key (translated under notifications.<kind> in the web catalogs)';
COMMENT ON COLUMN notifications.params IS 'Values for the message; never confidential detail (prices, rates)';
COMMENT ON COLUMN notifications.link IS 'Path inside the platform the notification opens';
