-- Schema version 8: the report composer's drafts and frozen submissions.
--
-- draft: one document being written for a case (the initial communication,
-- comments on the State's observations, follow-up comments under art 11,
-- information for an inquiry under art 13, a cover letter).  The lawyer's own
-- prose is kept per template section id in draft_section, so a draft can
-- switch between English, French and Spanish without losing it.
--
-- A draft marked as submitted is frozen: frozen_at is set, the exact bytes
-- sent are in the evidence locker (evidence_id, frozen_sha256), the outgoing
-- letter is in the correspondence register (correspondence_id) and the
-- procedural event is recorded (event_id).  Triggers refuse any later change
-- to a frozen draft or its sections.

CREATE TABLE draft (
  id                TEXT PRIMARY KEY NOT NULL,
  case_id           TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  document          TEXT NOT NULL,
  language          TEXT NOT NULL CHECK (language IN ('en', 'fr', 'es')),
  profile           TEXT NOT NULL DEFAULT 'committee' CHECK (profile IN ('committee', 'public')),
  frozen_at         TEXT,
  frozen_sha256     TEXT CHECK (frozen_sha256 IS NULL OR length (frozen_sha256) = 64),
  frozen_name       TEXT NOT NULL DEFAULT '',
  evidence_id       TEXT,
  correspondence_id TEXT,
  event_id          TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);
CREATE INDEX draft_case ON draft (case_id, document, updated_at);

CREATE TABLE draft_section (
  draft_id    TEXT NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
  section_id  TEXT NOT NULL,
  body        TEXT NOT NULL DEFAULT '',
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (draft_id, section_id)
);

CREATE TRIGGER draft_frozen_update BEFORE UPDATE ON draft
  WHEN OLD.frozen_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a submitted draft cannot be changed');
END;

-- Deleting the whole case still removes its drafts.
CREATE TRIGGER draft_frozen_delete BEFORE DELETE ON draft
  WHEN OLD.frozen_at IS NOT NULL AND EXISTS (SELECT 1 FROM case_file WHERE id = OLD.case_id)
BEGIN
  SELECT RAISE (ABORT, 'a submitted draft cannot be deleted');
END;

CREATE TRIGGER draft_section_frozen_insert BEFORE INSERT ON draft_section
  WHEN (SELECT frozen_at FROM draft WHERE id = NEW.draft_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a submitted draft cannot be changed');
END;

CREATE TRIGGER draft_section_frozen_update BEFORE UPDATE ON draft_section
  WHEN (SELECT frozen_at FROM draft WHERE id = OLD.draft_id) IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a submitted draft cannot be changed');
END;
