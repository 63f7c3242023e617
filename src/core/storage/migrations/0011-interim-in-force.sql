-- Schema version 11: interim measures in force are not an overdue deadline.
--
-- D08 (OP3 art 6 [V]) is due "immediately" from the grant and stays open while
-- the measures are in force; it is not a date to meet, and a case whose only
-- "past" deadline is measures in force is not overdue.  Only a recorded breach
-- (the interim event state_non_compliance_reported) makes it count.  The
-- docket list's next_deadline (0004-case-list.sql) is recomputed the same way,
-- also when such an event is recorded, corrected or deleted.

DROP TRIGGER IF EXISTS case_list_deadline_insert;
DROP TRIGGER IF EXISTS case_list_deadline_update;
DROP TRIGGER IF EXISTS case_list_deadline_delete;

CREATE TRIGGER case_list_deadline_insert AFTER INSERT ON deadline
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = NEW.case_id AND d.status = 'open'
        AND NOT (d.rule_id = 'D08' AND NOT EXISTS
                 (SELECT 1 FROM procedural_event e WHERE e.case_id = d.case_id AND e.track = 'interim'
                     AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)))
  WHERE id = NEW.case_id;
END;

CREATE TRIGGER case_list_deadline_update
AFTER UPDATE OF case_id, status, computed_due, letter_due, extended_due ON deadline
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = case_file.id AND d.status = 'open'
        AND NOT (d.rule_id = 'D08' AND NOT EXISTS
                 (SELECT 1 FROM procedural_event e WHERE e.case_id = d.case_id AND e.track = 'interim'
                     AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)))
  WHERE id IN (OLD.case_id, NEW.case_id);
END;

CREATE TRIGGER case_list_deadline_delete AFTER DELETE ON deadline
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = OLD.case_id AND d.status = 'open'
        AND NOT (d.rule_id = 'D08' AND NOT EXISTS
                 (SELECT 1 FROM procedural_event e WHERE e.case_id = d.case_id AND e.track = 'interim'
                     AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)))
  WHERE id = OLD.case_id;
END;

CREATE TRIGGER case_list_breach_insert AFTER INSERT ON procedural_event
WHEN NEW.event = 'state_non_compliance_reported'
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = NEW.case_id AND d.status = 'open'
        AND NOT (d.rule_id = 'D08' AND NOT EXISTS
                 (SELECT 1 FROM procedural_event e WHERE e.case_id = d.case_id AND e.track = 'interim'
                     AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)))
  WHERE id = NEW.case_id;
END;

CREATE TRIGGER case_list_breach_update AFTER UPDATE OF event, occurred_on ON procedural_event
WHEN OLD.event = 'state_non_compliance_reported' OR NEW.event = 'state_non_compliance_reported'
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = case_file.id AND d.status = 'open'
        AND NOT (d.rule_id = 'D08' AND NOT EXISTS
                 (SELECT 1 FROM procedural_event e WHERE e.case_id = d.case_id AND e.track = 'interim'
                     AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)))
  WHERE id IN (OLD.case_id, NEW.case_id);
END;

CREATE TRIGGER case_list_breach_delete AFTER DELETE ON procedural_event
WHEN OLD.event = 'state_non_compliance_reported'
BEGIN
  UPDATE case_file SET next_deadline =
    (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
       FROM deadline d WHERE d.case_id = OLD.case_id AND d.status = 'open'
        AND NOT (d.rule_id = 'D08' AND NOT EXISTS
                 (SELECT 1 FROM procedural_event e WHERE e.case_id = d.case_id AND e.track = 'interim'
                     AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)))
  WHERE id = OLD.case_id;
END;

UPDATE case_file SET next_deadline =
  (SELECT min (COALESCE (d.extended_due, d.letter_due, d.computed_due))
     FROM deadline d WHERE d.case_id = case_file.id AND d.status = 'open'
      AND NOT (d.rule_id = 'D08' AND NOT EXISTS
               (SELECT 1 FROM procedural_event e WHERE e.case_id = d.case_id AND e.track = 'interim'
                   AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)));
