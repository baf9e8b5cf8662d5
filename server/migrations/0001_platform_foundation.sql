-- Platform foundation: search helpers, organisations, users, roles, sessions, tokens, invitations,
-- sign-in throttling, append-only audit trail, jobs and the mail outbox.
-- PostgreSQL 15 subset only (PGlite is 18; Debian servers run 15).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is STABLE; this wrapper is IMMUTABLE so it can back generated columns and indexes.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('enterprise', 'supplier', 'research', 'intermediary', 'agency')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  name_en text,
  tax_code text,
  country text NOT NULL DEFAULT 'VN' CHECK (country ~ '^[A-Z]{2}$'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_tax_code_key ON organisations (tax_code) WHERE tax_code IS NOT NULL;
CREATE INDEX organisations_name_trgm_idx ON organisations USING gin (lower(f_unaccent(name)) gin_trgm_ops);
COMMENT ON COLUMN organisations.tax_code IS 'Vietnamese enterprise code (mã số doanh nghiệp), 10 digits or 10-3 for branches';
COMMENT ON COLUMN organisations.kind IS 'enterprise (doanh nghiệp), supplier (đơn vị cung ứng công nghệ), research (viện/trường), intermediary (tổ chức trung gian), agency (cơ quan nhà nước)';

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  name text NOT NULL,
  password_hash text,
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  email_verified_at timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  last_sign_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
COMMENT ON COLUMN users.password_hash IS 'Argon2id PHC string';
COMMENT ON COLUMN users.totp_last_step IS 'Last accepted TOTP time step; a code for this step or earlier is a replay';

CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert',
    'agency_officer', 'agency_leader', 'dost_officer', 'dost_leader', 'city_leader', 'admin')),
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One role per person in each organisation; unscoped roles (expert, admin) at most once each.
CREATE UNIQUE INDEX role_grants_user_organisation_key ON role_grants (user_id, organisation_id) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX role_grants_user_role_key ON role_grants (user_id, role) WHERE organisation_id IS NULL;
CREATE INDEX role_grants_organisation_idx ON role_grants (organisation_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  is_mfa_verified boolean NOT NULL DEFAULT false,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
COMMENT ON COLUMN sessions.id IS 'SHA-256 of the opaque cookie token; the token itself is never stored';
COMMENT ON COLUMN sessions.expires_at IS 'Absolute expiry; the idle timeout is checked against last_seen_at';

CREATE TABLE auth_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id, purpose);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL CHECK (role IN ('enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert',
    'agency_officer', 'agency_leader', 'dost_officer', 'dost_leader', 'city_leader', 'admin')),
  organisation_id uuid REFERENCES organisations (id) ON DELETE CASCADE,
  invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_organisation_idx ON invitations (organisation_id);

CREATE TABLE auth_throttles (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE auth_throttles IS 'Failed sign-in counters per account e-mail (acct:) and per client IP (ip:)';

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_organisation_id uuid,
  action text NOT NULL,
  object_type text,
  object_id text,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip text,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at);
CREATE INDEX audit_events_object_idx ON audit_events (object_type, object_id);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id);
COMMENT ON COLUMN audit_events.hash IS 'SHA-256 over prev_hash and the canonical row; verified by npm run audit:verify';

CREATE FUNCTION audit_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change();

CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  dedupe_key text UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status IN ('pending', 'running');

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('vi', 'en')),
  template text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'kept', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);
COMMENT ON COLUMN mail_outbox.status IS 'kept = no SMTP configured; the message stays here for administrators to read';

-- Priority technology catalog (plan section II.1). Versions are added by the reference-data module.
CREATE TABLE catalog_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  label text NOT NULL UNIQUE,
  source_instrument text NOT NULL,
  source_instrument_en text NOT NULL,
  source_section text NOT NULL,
  effective_from date NOT NULL,
  effective_to date,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalog_sectors (
  version_id uuid NOT NULL REFERENCES catalog_versions (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[0-9]+(\.[0-9]+)*$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  description_vi text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  keywords_vi text[] NOT NULL DEFAULT '{}',
  keywords_en text[] NOT NULL DEFAULT '{}',
  vsic text[] NOT NULL DEFAULT '{}',
  sort_order integer NOT NULL,
  PRIMARY KEY (version_id, code)
);

CREATE TABLE catalog_items (
  version_id uuid NOT NULL REFERENCES catalog_versions (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[0-9]+(\.[0-9]+)*$'),
  sector_code text NOT NULL,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  plan_text_vi text,
  description_vi text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  keywords_vi text[] NOT NULL DEFAULT '{}',
  keywords_en text[] NOT NULL DEFAULT '{}',
  vsic text[] NOT NULL DEFAULT '{}',
  sort_order integer NOT NULL,
  PRIMARY KEY (version_id, code),
  FOREIGN KEY (version_id, sector_code) REFERENCES catalog_sectors (version_id, code) ON DELETE CASCADE
);
COMMENT ON COLUMN catalog_items.code IS 'Stable code: plan section 1, sector, direction (e.g. 1.3.2)';
COMMENT ON COLUMN catalog_items.plan_text_vi IS 'Verbatim plan wording when name_vi corrects an obvious typo';
