-- Technology transfer contract registration (Law 07/2017 art. 31, 33; Decree 76/2018 art. 5–6), issue 5.
-- The case itself lives in cases (0006); these tables hold the dossier, its submitted versions, the decisions
-- (certificates and refusals), and the Tax Department's query threads.

CREATE TABLE registration_dossiers (
  case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  purpose text NOT NULL DEFAULT 'new' CHECK (purpose IN ('new', 'amendment', 'extension')),
  original_case_id uuid REFERENCES cases (id) ON DELETE RESTRICT,
  data jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
  -- Copied from data at each submission, for the queue, statistics, the Tax view and risk flags.
  direction text CHECK (direction IS NULL OR direction IN ('inbound', 'outbound', 'domestic')),
  transfer_form text,
  transferor_name text,
  transferor_country text CHECK (transferor_country IS NULL OR transferor_country ~ '^[A-Z]{2}$'),
  transferee_name text,
  contract_name text,
  contract_number text,
  signed_on date,
  technology_name text,
  sector_code text,
  catalog_item_codes text[] NOT NULL DEFAULT '{}',
  vsic_code text,
  payment_methods text[] NOT NULL DEFAULT '{}',
  currency text,
  contract_value numeric(24, 2),
  value_vnd numeric(24, 0),
  max_royalty_percent numeric(6, 3),
  relationship text CHECK (relationship IS NULL OR relationship IN ('none', 'parent_subsidiary', 'related_party')),
  uses_state_capital boolean,
  filing_due_on date,
  is_late boolean NOT NULL DEFAULT false,
  authority text CHECK (authority IS NULL OR authority IN ('MOST', 'DOST', 'UNKNOWN')),
  fee_vnd bigint,
  risk_flags jsonb NOT NULL DEFAULT '[]',
  review jsonb NOT NULL DEFAULT '{}',
  decision_kind text CHECK (decision_kind IS NULL OR decision_kind IN ('certificate', 'refusal')),
  decision_reasons text CHECK (decision_reasons IS NULL OR length(decision_reasons) <= 8000),
  decision_drafted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decision_drafted_at timestamptz,
  submit_idempotency_key text,
  submitted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((purpose = 'new') = (original_case_id IS NULL))
);
CREATE INDEX registration_dossiers_original_idx ON registration_dossiers (original_case_id) WHERE original_case_id IS NOT NULL;
CREATE INDEX registration_dossiers_stats_idx ON registration_dossiers (sector_code, signed_on);
COMMENT ON TABLE registration_dossiers IS 'Registration dossier (hồ sơ đăng ký chuyển giao công nghệ) of one case';
COMMENT ON COLUMN registration_dossiers.data IS 'The form as filed (common/src/api/registration-dossier.ts DossierData); confidential';
COMMENT ON COLUMN registration_dossiers.version IS 'Number of submissions (1 at first submission, +1 per supplement)';
COMMENT ON COLUMN registration_dossiers.value_vnd IS 'Contract value converted to VND with the filer''s rate; confidential (tax users see a band)';
COMMENT ON COLUMN registration_dossiers.max_royalty_percent IS 'Highest % rate among the payment terms (art. 27(2)(c–đ)); confidential';
COMMENT ON COLUMN registration_dossiers.filing_due_on IS 'Signing day + registration.filingWindow calendar days (Law art. 31)';
COMMENT ON COLUMN registration_dossiers.risk_flags IS 'Flags computed at submission, each with its rule and explanation; they inform, never decide';
COMMENT ON COLUMN registration_dossiers.review IS 'Officer''s review checklist (art. 23 contents) and notes';
COMMENT ON COLUMN registration_dossiers.decision_drafted_by IS 'Who drafted the certificate or refusal; the approving leader must be someone else';

-- Every submitted version of the dossier, as submitted (append-only).
CREATE TABLE registration_dossier_versions (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  document_ids uuid[] NOT NULL DEFAULT '{}',
  submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, version)
);

CREATE TABLE registration_certificate_counters (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
  last_number integer NOT NULL DEFAULT 0
);

CREATE TABLE registration_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
  purpose text NOT NULL CHECK (purpose IN ('new', 'amendment', 'extension')),
  number text NOT NULL,
  year integer NOT NULL,
  sequence integer NOT NULL CHECK (sequence >= 1),
  issued_on date NOT NULL,
  issued_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  drafted_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  original_certificate_id uuid REFERENCES registration_certificates (id) ON DELETE RESTRICT,
  verification_code text NOT NULL CHECK (verification_code ~ '^[A-Za-z0-9_-]{16,64}$'),
  public_fields jsonb NOT NULL,
  pdf_file_id uuid NOT NULL REFERENCES stored_files (id) ON DELETE RESTRICT,
  pdf_sha256 text NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
  revoked_on date,
  revoked_by uuid REFERENCES users (id) ON DELETE RESTRICT,
  revoked_reason text CHECK (revoked_reason IS NULL OR length(revoked_reason) BETWEEN 5 AND 4000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (issued_by <> drafted_by),
  CHECK ((status = 'revoked') = (revoked_on IS NOT NULL AND revoked_by IS NOT NULL AND revoked_reason IS NOT NULL))
);
CREATE UNIQUE INDEX registration_certificates_number_key ON registration_certificates (number);
CREATE UNIQUE INDEX registration_certificates_year_sequence_key ON registration_certificates (year, sequence);
CREATE UNIQUE INDEX registration_certificates_case_key ON registration_certificates (case_id);
CREATE UNIQUE INDEX registration_certificates_verification_key ON registration_certificates (verification_code);
COMMENT ON TABLE registration_certificates IS 'Giấy chứng nhận đăng ký chuyển giao công nghệ, one per case, never deleted';
COMMENT ON COLUMN registration_certificates.number IS 'e.g. 12/2026/GCN-SKHCN: sequence unique within the year';
COMMENT ON COLUMN registration_certificates.issued_by IS 'DOST leader who approved; four-eyes: never the drafter';
COMMENT ON COLUMN registration_certificates.verification_code IS 'Random code in the QR link to the public verification page';
COMMENT ON COLUMN registration_certificates.public_fields IS 'What the public verification page shows (no price, no rates)';
COMMENT ON COLUMN registration_certificates.pdf_sha256 IS 'SHA-256 of the issued PDF, shown on the verification page';

CREATE TABLE registration_refusals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
  refused_on date NOT NULL,
  refused_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  drafted_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 5 AND 8000),
  letter_file_id uuid NOT NULL REFERENCES stored_files (id) ON DELETE RESTRICT,
  letter_sha256 text NOT NULL CHECK (letter_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (refused_by <> drafted_by)
);
CREATE UNIQUE INDEX registration_refusals_case_key ON registration_refusals (case_id);
COMMENT ON TABLE registration_refusals IS 'Written refusal with reasons (văn bản từ chối), one per refused case';

-- Tax Department ↔ DOST questions about a registered contract (no prices or rates cross to tax users).
CREATE TABLE registration_tax_queries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
  subject text NOT NULL CHECK (length(subject) BETWEEN 3 AND 200),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_tax_queries_case_idx ON registration_tax_queries (case_id);

CREATE TABLE registration_tax_query_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  query_id uuid NOT NULL REFERENCES registration_tax_queries (id) ON DELETE CASCADE,
  side text NOT NULL CHECK (side IN ('tax', 'dost')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registration_tax_query_messages_query_idx ON registration_tax_query_messages (query_id, created_at);
