-- Working-day calendar (official days off per year) and legal parameters (dated rules with their citation).
-- Issue 3, items 5 and 6. Runs on PostgreSQL 15+ and PGlite.

CREATE TABLE calendar_years (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year integer NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
  is_complete boolean NOT NULL DEFAULT false,
  note_vi text,
  note_en text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE calendar_years IS 'One row per calendar year the platform knows; days off are in calendar_days';
COMMENT ON COLUMN calendar_years.is_complete IS 'true once the government''s schedule of days off for the year (Tết, swaps, adjacent National Day) is announced and entered; deadlines computed over an incomplete year are flagged';
COMMENT ON COLUMN calendar_years.note_vi IS 'Where the year''s schedule comes from (decision numbers) or what is still missing';

CREATE TABLE calendar_days (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  day date NOT NULL UNIQUE,
  year integer NOT NULL REFERENCES calendar_years (year),
  kind text NOT NULL CHECK (kind IN ('holiday', 'compensatory_day_off', 'working_saturday_swap', 'weekend_inside_holiday')),
  name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 2 AND 300),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 300),
  source_url text,
  verified boolean NOT NULL DEFAULT false,
  note text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (year = extract(year FROM day)::integer),
  CHECK (kind <> 'working_saturday_swap' OR extract(isodow FROM day) = 6),
  CHECK (kind <> 'weekend_inside_holiday' OR extract(isodow FROM day) IN (6, 7)),
  CHECK (kind <> 'compensatory_day_off' OR extract(isodow FROM day) BETWEEN 1 AND 5)
);
CREATE INDEX calendar_days_year_idx ON calendar_days (year, day);
COMMENT ON TABLE calendar_days IS 'Official days off and swapped working Saturdays for state agencies (Labour Code 45/2019 art. 111-112 and the yearly Prime Minister decisions)';
COMMENT ON COLUMN calendar_days.kind IS 'holiday (ngày lễ, tết, art. 112, also when it falls on a weekend); compensatory_day_off (nghỉ bù / nghỉ hoán đổi, a weekday off); working_saturday_swap (thứ Bảy làm bù, a Saturday worked); weekend_inside_holiday (Saturday/Sunday inside an announced break, informative)';
COMMENT ON COLUMN calendar_days.source_url IS 'Source(s) of the date; several separated by " | "';
COMMENT ON COLUMN calendar_days.verified IS 'true when a source that was read states this date; false when derived (e.g. a day in lieu computed from art. 111(3))';

CREATE TABLE legal_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  description_vi text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  value_kind text NOT NULL CHECK (value_kind IN (
    'working_days', 'calendar_days', 'money_vnd', 'percent', 'years', 'count', 'date_of_year', 'fee_formula', 'authority_table', 'text'
  )),
  unit text,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE legal_rules IS 'Legal parameters (deadlines, fees, limits, competent authority) read by code through rule(ctx, key, date); values are dated rows in legal_rule_values';
COMMENT ON COLUMN legal_rules.key IS 'Stable dotted key used by code, e.g. registration.decisionDeadline';
COMMENT ON COLUMN legal_rules.value_kind IS 'Shape of every value of this rule (JSON): working_days/calendar_days {days}, money_vnd {amount}, percent {percent}, years {years}, count {count}, date_of_year {month, day}, fee_formula {percent, minVnd, maxVnd}, authority_table {rows}, text {vi, en}';

CREATE TABLE legal_rule_values (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id uuid NOT NULL REFERENCES legal_rules (id),
  valid_from date NOT NULL,
  valid_to date,
  value jsonb NOT NULL,
  citation_vi text NOT NULL CHECK (length(citation_vi) >= 2),
  citation_en text NOT NULL CHECK (length(citation_en) >= 2),
  source_url text,
  verified boolean NOT NULL DEFAULT false,
  note text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  UNIQUE (rule_id, valid_from)
);
-- At most one open-ended value per rule. Overlaps between closed ranges are refused by the service, which locks the
-- rule row (FOR UPDATE) before checking, so two administrators cannot add overlapping values at the same time.
CREATE UNIQUE INDEX legal_rule_values_one_open_idx ON legal_rule_values (rule_id) WHERE valid_to IS NULL;
COMMENT ON TABLE legal_rule_values IS 'Dated values of a legal parameter; validity ranges of one rule never overlap';
COMMENT ON COLUMN legal_rule_values.valid_from IS 'First day the value is in force';
COMMENT ON COLUMN legal_rule_values.valid_to IS 'Last day the value is in force (inclusive); NULL = still in force';
COMMENT ON COLUMN legal_rule_values.citation_vi IS 'Legal source, e.g. Nghị định 76/2018/NĐ-CP, Điều 5';
COMMENT ON COLUMN legal_rule_values.verified IS 'false for values the domain brief marks unverified ([M]) or as a design inference ([I]); shown as "chưa kiểm chứng"';
COMMENT ON COLUMN legal_rule_values.created_by IS 'Administrator who added the value; NULL for the reference seed';
