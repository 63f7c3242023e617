-- Schema version 4: what the docket list sorts and filters on, kept in case_file
-- so that every page of the list at a million cases is read through an index.
--
--   * next_deadline: the earliest effective due date of the case's open deadlines,
--     COALESCE(extended_due, letter_due, computed_due), or NULL;
--   * party_count: how many case_party rows the case has.
--
-- Both are derived: triggers on deadline and case_party maintain them, and the
-- model never writes them (REDRESS_PARAM_DERIVED in src/model/redress-case.c).

ALTER TABLE case_file ADD COLUMN next_deadline TEXT;
ALTER TABLE case_file ADD COLUMN party_count INTEGER NOT NULL DEFAULT 0;

UPDATE case_file SET
  next_deadline = (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
                     FROM deadline d WHERE d.case_id = case_file.id AND d.status = 'open'),
  party_count = (SELECT count (*) FROM case_party p WHERE p.case_id = case_file.id);

CREATE TRIGGER case_list_deadline_insert AFTER INSERT ON deadline
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = NEW.case_id AND d.status = 'open')
  WHERE id = NEW.case_id;
END;

CREATE TRIGGER case_list_deadline_update
AFTER UPDATE OF case_id, status, computed_due, letter_due, extended_due ON deadline
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = case_file.id AND d.status = 'open')
  WHERE id IN (OLD.case_id, NEW.case_id);
END;

CREATE TRIGGER case_list_deadline_delete AFTER DELETE ON deadline
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = OLD.case_id AND d.status = 'open')
  WHERE id = OLD.case_id;
END;

CREATE TRIGGER case_list_party_insert AFTER INSERT ON case_party
BEGIN
  UPDATE case_file SET party_count = party_count + 1 WHERE id = NEW.case_id;
END;

CREATE TRIGGER case_list_party_update AFTER UPDATE OF case_id ON case_party
WHEN OLD.case_id IS NOT NEW.case_id
BEGIN
  UPDATE case_file SET party_count = party_count - 1 WHERE id = OLD.case_id;
  UPDATE case_file SET party_count = party_count + 1 WHERE id = NEW.case_id;
END;

CREATE TRIGGER case_list_party_delete AFTER DELETE ON case_party
BEGIN
  UPDATE case_file SET party_count = party_count - 1 WHERE id = OLD.case_id;
END;

-- One index per sort key of RedressCaseList, each ending in the reference that
-- breaks ties, so that ORDER BY ... LIMIT/OFFSET never sorts in a temporary B-tree.
CREATE INDEX case_file_list_reference ON case_file (reference COLLATE NOCASE, reference);
CREATE INDEX case_file_list_title ON case_file (title COLLATE NOCASE, reference);
CREATE INDEX case_file_list_updated ON case_file (updated_at, reference);
CREATE INDEX case_file_list_next_deadline ON case_file (ifnull (next_deadline, '~'), reference);
