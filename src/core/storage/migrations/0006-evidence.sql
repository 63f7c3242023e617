-- Schema version 6: the evidence locker and the correspondence register.
--
-- Originals live in evidence/ab/abcdef... (named by their SHA-256, read-only, written
-- atomically); evidence_item rows point at them by sha256.  The custody log is append-only
-- and each row carries a hash chained to the previous row of the same item, so an edit made
-- outside Redress shows (Berkeley Protocol: "chronological documentation of custodians").

CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event
BEGIN
  SELECT RAISE (ABORT, 'the custody log is append-only');
END;

-- Rows go only when their evidence item goes (a cascade from the item or its case).
CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event
WHEN EXISTS (SELECT 1 FROM evidence_item WHERE id = OLD.evidence_id)
BEGIN
  SELECT RAISE (ABORT, 'the custody log is append-only');
END;

ALTER TABLE custody_event ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE custody_event ADD COLUMN chain_hash TEXT NOT NULL DEFAULT '';

-- The hash of an original never changes once taken in.
CREATE TRIGGER evidence_item_sha_immutable BEFORE UPDATE OF sha256, size ON evidence_item
WHEN OLD.sha256 IS NOT NEW.sha256 OR OLD.size IS NOT NEW.size
BEGIN
  SELECT RAISE (ABORT, 'the hash of an evidence original cannot change');
END;

CREATE INDEX evidence_link_target ON evidence_link (target_kind, target_id);

-- Thumbnails of images and PDF first pages: inside the (encrypted) docket, never in the
-- desktop's shared thumbnail cache, since they can show a child's face.
CREATE TABLE evidence_thumbnail (
  sha256     TEXT NOT NULL CHECK (length (sha256) = 64),
  size       INTEGER NOT NULL,
  png        BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (sha256, size)
);

-- One row per verification run (one item, one case, or the whole docket).
CREATE TABLE evidence_verification (
  id          TEXT PRIMARY KEY NOT NULL,
  case_id     TEXT REFERENCES case_file (id) ON DELETE CASCADE,
  evidence_id TEXT REFERENCES evidence_item (id) ON DELETE CASCADE,
  actor       TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  checked     INTEGER NOT NULL DEFAULT 0,
  intact      INTEGER NOT NULL DEFAULT 0,
  changed     INTEGER NOT NULL DEFAULT 0,
  missing     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX evidence_verification_case ON evidence_verification (case_id, finished_at);

-- What a letter came with: its attachments, stored through the evidence locker.
CREATE TABLE correspondence_attachment (
  correspondence_id TEXT NOT NULL REFERENCES correspondence (id) ON DELETE CASCADE,
  evidence_id       TEXT NOT NULL REFERENCES evidence_item (id) ON DELETE CASCADE,
  position          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (correspondence_id, evidence_id)
);
CREATE INDEX correspondence_attachment_evidence ON correspondence_attachment (evidence_id);

ALTER TABLE correspondence ADD COLUMN sender TEXT NOT NULL DEFAULT '';
ALTER TABLE correspondence ADD COLUMN recipients TEXT NOT NULL DEFAULT '';
ALTER TABLE correspondence ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
-- The .eml (or scan) the letter was recorded from, kept as evidence.
ALTER TABLE correspondence ADD COLUMN source_evidence_id TEXT
  REFERENCES evidence_item (id) ON DELETE SET NULL;
-- The procedural event the letter reports ("transmission of the State's observations").
ALTER TABLE correspondence ADD COLUMN reported_event TEXT NOT NULL DEFAULT '';
CREATE INDEX correspondence_message_id ON correspondence (case_id, message_id);
