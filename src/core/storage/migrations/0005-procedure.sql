-- Schema version 5: what the procedure engine (OP3 life cycles, deadlines,
-- admissibility) needs beyond the core schema.

-- Art 7(b): whether the communication is (or will be) submitted as a written,
-- signed document.  NULL: not recorded yet.
ALTER TABLE case_file ADD COLUMN in_writing INTEGER CHECK (in_writing IN (0, 1));

-- An extension of a deadline is a procedural event of its own ("deadline_extended"),
-- reported by a letter whose due date (letter_due) becomes the new due date of the
-- deadline rule named here (D02 ...).  Empty for every other event.
ALTER TABLE procedural_event ADD COLUMN extends_rule TEXT NOT NULL DEFAULT '';

-- 1 when a person marked the deadline done or waived by hand: recomputing the
-- deadlines from the history keeps that status.
ALTER TABLE deadline ADD COLUMN manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1));
CREATE INDEX deadline_case_rule ON deadline (case_id, rule_id, trigger_event_id);

-- Reference data imported by the user (a newer states.csv ...).  The newest row of a
-- dataset replaces the bundled file; older rows are the record of every change.
CREATE TABLE ref_data_import (
  id             TEXT PRIMARY KEY NOT NULL,
  dataset        TEXT NOT NULL CHECK (dataset IN ('states')),
  imported_at    TEXT NOT NULL,
  actor          TEXT NOT NULL DEFAULT '',
  source_name    TEXT NOT NULL DEFAULT '',
  sha256         TEXT NOT NULL CHECK (length (sha256) = 64),
  rows           INTEGER NOT NULL,
  previous_as_of TEXT NOT NULL DEFAULT '',
  new_as_of      TEXT NOT NULL,
  content        TEXT NOT NULL
);
CREATE INDEX ref_data_import_dataset ON ref_data_import (dataset, imported_at);
