-- Schema version 1: people, cases and everything a case file holds.
--
-- Conventions (see docs/design.md):
--   * every primary key is a UUID in text form (cases are merged between machines);
--   * created_at / updated_at are UTC timestamps "YYYY-MM-DDTHH:MM:SS.mmmZ";
--   * legal dates are ISO calendar dates "YYYY-MM-DD" with no time zone; a person's
--     date of birth may be partial ("YYYY" or "YYYY-MM");
--   * tri-state booleans use NULL for "not recorded".

CREATE TABLE person (
  id            TEXT PRIMARY KEY NOT NULL,
  given_name    TEXT NOT NULL DEFAULT '',
  family_name   TEXT NOT NULL DEFAULT '',
  alias         TEXT NOT NULL DEFAULT '',
  birth_date    TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[0-9][0-9][0-9][0-9]'
                            OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
                            OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sex_gender    TEXT NOT NULL DEFAULT '',
  nationality   TEXT NOT NULL DEFAULT '',
  contact       TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE case_file (
  id             TEXT PRIMARY KEY NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('communication', 'inquiry')),
  reference      TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL DEFAULT '',
  committee_ref  TEXT NOT NULL DEFAULT '',
  state_code     TEXT NOT NULL DEFAULT '',
  stage          TEXT NOT NULL DEFAULT '',
  opened_on      TEXT,
  closed_on      TEXT,
  summary        TEXT NOT NULL DEFAULT '',
  facts          TEXT NOT NULL DEFAULT '',
  best_interests TEXT NOT NULL DEFAULT '',
  child_views    TEXT NOT NULL DEFAULT '',
  interim_measures TEXT NOT NULL DEFAULT '',
  remedies_sought  TEXT NOT NULL DEFAULT '',
  outcome        TEXT NOT NULL DEFAULT '',
  follow_up      TEXT NOT NULL DEFAULT '',
  -- Inquiries (arts 13-14).
  inquiry_sources TEXT NOT NULL DEFAULT '',
  inquiry_period  TEXT NOT NULL DEFAULT '',
  inquiry_places  TEXT NOT NULL DEFAULT '',
  visit           TEXT NOT NULL DEFAULT '',
  findings        TEXT NOT NULL DEFAULT '',
  -- Excuses recorded by the lawyer for admissibility grounds.
  remedies_excuse  TEXT NOT NULL DEFAULT '',   -- art 7(e): why remedies were not exhausted
  time_limit_excuse TEXT NOT NULL DEFAULT '',  -- art 7(h): why filing after one year was impossible
  submitted_on   TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX case_file_updated ON case_file (updated_at);
CREATE INDEX case_file_reference ON case_file (reference COLLATE NOCASE);
CREATE INDEX case_file_title ON case_file (title COLLATE NOCASE);
CREATE INDEX case_file_state ON case_file (state_code, reference);
CREATE INDEX case_file_stage ON case_file (stage, reference);
CREATE INDEX case_file_kind ON case_file (kind, reference);

CREATE TABLE case_party (
  id                 TEXT PRIMARY KEY NOT NULL,
  case_id            TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  person_id          TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  role               TEXT NOT NULL CHECK (role IN ('author', 'victim', 'representative', 'guardian',
                                                   'witness', 'perpetrator', 'other')),
  consent_given      INTEGER CHECK (consent_given IN (0, 1)),
  consent_date       TEXT,
  consent_by         TEXT NOT NULL DEFAULT '',
  consent_form       TEXT NOT NULL DEFAULT '',
  consent_disclose_identity INTEGER CHECK (consent_disclose_identity IN (0, 1)),
  consent_publication INTEGER CHECK (consent_publication IN (0, 1)),
  no_consent_justification TEXT NOT NULL DEFAULT '',
  child_views        TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (case_id, person_id, role)
);
CREATE INDEX case_party_person ON case_party (person_id);

CREATE TABLE violation (
  id          TEXT PRIMARY KEY NOT NULL,
  case_id     TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  treaty      TEXT NOT NULL CHECK (treaty IN ('CRC', 'OPSC', 'OPAC', 'OP3')),
  article     TEXT NOT NULL,
  paragraph   TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  continuing  INTEGER NOT NULL DEFAULT 0 CHECK (continuing IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX violation_case ON violation (case_id);

CREATE TABLE fact (
  id          TEXT PRIMARY KEY NOT NULL,
  case_id     TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  occurred_on TEXT,
  occurred_until TEXT,
  place       TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  continuing  INTEGER NOT NULL DEFAULT 0 CHECK (continuing IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX fact_case ON fact (case_id, occurred_on);

-- Which facts substantiate which alleged violation (art 7(f)).
CREATE TABLE violation_fact (
  violation_id TEXT NOT NULL REFERENCES violation (id) ON DELETE CASCADE,
  fact_id      TEXT NOT NULL REFERENCES fact (id) ON DELETE CASCADE,
  PRIMARY KEY (violation_id, fact_id)
);

CREATE TABLE domestic_remedy (
  id          TEXT PRIMARY KEY NOT NULL,
  case_id     TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  forum       TEXT NOT NULL DEFAULT '',
  level       TEXT NOT NULL DEFAULT '',
  filed_on    TEXT,
  decided_on  TEXT,
  notified_on TEXT,
  outcome     TEXT NOT NULL DEFAULT '',
  is_final    INTEGER NOT NULL DEFAULT 0 CHECK (is_final IN (0, 1)),
  not_pursued_reason TEXT NOT NULL DEFAULT ''
                CHECK (not_pursued_reason IN ('', 'prolonged', 'ineffective')),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX domestic_remedy_case ON domestic_remedy (case_id);

CREATE TABLE other_procedure (
  id           TEXT PRIMARY KEY NOT NULL,
  case_id      TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  body         TEXT NOT NULL DEFAULT '',
  reference    TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT '',
  same_matter  INTEGER CHECK (same_matter IN (0, 1)),
  submitted_on TEXT,
  decided_on   TEXT,
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX other_procedure_case ON other_procedure (case_id);

-- Procedural history.  The current stage of each track is derived from it.
CREATE TABLE procedural_event (
  id          TEXT PRIMARY KEY NOT NULL,
  case_id     TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  track       TEXT NOT NULL DEFAULT 'main' CHECK (track IN ('main', 'interim', 'protection')),
  event       TEXT NOT NULL,
  from_stage  TEXT NOT NULL DEFAULT '',
  to_stage    TEXT NOT NULL DEFAULT '',
  occurred_on TEXT NOT NULL,
  letter_ref  TEXT NOT NULL DEFAULT '',
  letter_due  TEXT,            -- a due date printed in the letter that reported the event
  note        TEXT NOT NULL DEFAULT '',
  seq         INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX procedural_event_case ON procedural_event (case_id, occurred_on, seq);

CREATE TABLE deadline (
  id            TEXT PRIMARY KEY NOT NULL,
  case_id       TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  rule_id       TEXT NOT NULL,
  rule_pack_version TEXT NOT NULL,
  trigger_event_id TEXT REFERENCES procedural_event (id) ON DELETE SET NULL,
  trigger_date  TEXT,
  trigger_date_alt TEXT,     -- D01: the other of decision and notification date
  computed_due  TEXT,
  letter_due    TEXT,
  extended_due  TEXT,
  status        TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'done', 'waived', 'superseded')),
  urgent        INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  closed_on     TEXT,
  closed_by     TEXT NOT NULL DEFAULT '',   -- the letter or event that fulfilled it
  waive_reason  TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX deadline_case ON deadline (case_id, status);
CREATE INDEX deadline_open_due ON deadline (status, computed_due);

CREATE TABLE evidence_item (
  id              TEXT PRIMARY KEY NOT NULL,
  case_id         TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  sha256          TEXT NOT NULL CHECK (length (sha256) = 64),
  title           TEXT NOT NULL DEFAULT '',
  description     TEXT NOT NULL DEFAULT '',
  kind            TEXT NOT NULL DEFAULT 'other'
                    CHECK (kind IN ('document', 'photo', 'audio', 'video', 'medical',
                                    'court-decision', 'letter', 'other')),
  shown_date      TEXT,
  provenance      TEXT NOT NULL DEFAULT '',
  language        TEXT NOT NULL DEFAULT '',
  identifies_child INTEGER CHECK (identifies_child IN (0, 1)),
  confidentiality TEXT NOT NULL DEFAULT 'confidential',
  original_name   TEXT NOT NULL DEFAULT '',
  mime_type       TEXT NOT NULL DEFAULT '',
  size            INTEGER NOT NULL DEFAULT 0,
  page_count      INTEGER,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX evidence_item_case ON evidence_item (case_id);
CREATE INDEX evidence_item_sha ON evidence_item (sha256);

CREATE TABLE custody_event (
  id          TEXT PRIMARY KEY NOT NULL,
  evidence_id TEXT NOT NULL REFERENCES evidence_item (id) ON DELETE CASCADE,
  action      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX custody_event_item ON custody_event (evidence_id, at);

CREATE TABLE evidence_link (
  id           TEXT PRIMARY KEY NOT NULL,
  evidence_id  TEXT NOT NULL REFERENCES evidence_item (id) ON DELETE CASCADE,
  target_kind  TEXT NOT NULL CHECK (target_kind IN ('violation', 'fact', 'remedy', 'correspondence')),
  target_id    TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  UNIQUE (evidence_id, target_kind, target_id)
);

CREATE TABLE correspondence (
  id            TEXT PRIMARY KEY NOT NULL,
  case_id       TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  direction     TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  counterpart   TEXT NOT NULL DEFAULT 'committee'
                  CHECK (counterpart IN ('committee', 'state', 'client', 'counsel', 'other')),
  channel       TEXT NOT NULL DEFAULT '',
  letter_date   TEXT,
  transit_date  TEXT,          -- received (in) or sent (out)
  subject       TEXT NOT NULL DEFAULT '',
  body          TEXT NOT NULL DEFAULT '',
  committee_ref TEXT NOT NULL DEFAULT '',
  event_id      TEXT REFERENCES procedural_event (id) ON DELETE SET NULL,
  stated_due    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX correspondence_case ON correspondence (case_id, letter_date);

CREATE TABLE note (
  id         TEXT PRIMARY KEY NOT NULL,
  case_id    TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  body       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX note_case ON note (case_id);

-- Key/value settings of the docket itself (rule pack version, reference data imports ...).
CREATE TABLE docket_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
