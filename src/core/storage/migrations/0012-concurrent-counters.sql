-- Schema version 12: numbers that stay distinct with several writers.
--
-- A procedural event's seq (its place among events of the same date) and a custody event's
-- seq (its place in the item's hash chain) are the next number of their case or item, taken
-- inside the write transaction.  A unique index makes a second writer that took the same
-- number fail (and retry) instead of recording a duplicate, on SQLite as on a server.
--
-- Events that share a number with an earlier one of their case first get numbers after the
-- case's last, in the order they were recorded.  Number 0 (events imported from files that
-- carry no order of their own) stays free to repeat.  The custody index is made by a C step
-- (src/core/storage/redress-database.c): a custody log cannot be renumbered, so where an old
-- one already repeats a number (logs from before version 6 all have 0) the index leaves
-- those rows out.

CREATE TEMP TABLE procedural_event_renumber AS
  SELECT p.id AS id,
         (SELECT max (m.seq) FROM procedural_event m WHERE m.case_id = p.case_id)
           + row_number () OVER (PARTITION BY p.case_id ORDER BY p.seq, p.created_at, p.id) AS seq
    FROM procedural_event p
   WHERE p.seq > 0
     AND EXISTS (SELECT 1 FROM procedural_event q
                  WHERE q.case_id = p.case_id AND q.seq = p.seq
                    AND (q.created_at < p.created_at OR (q.created_at = p.created_at AND q.id < p.id)));

UPDATE procedural_event
   SET seq = (SELECT r.seq FROM procedural_event_renumber r WHERE r.id = procedural_event.id)
 WHERE id IN (SELECT id FROM procedural_event_renumber);

DROP TABLE procedural_event_renumber;

CREATE UNIQUE INDEX procedural_event_seq ON procedural_event (case_id, seq) WHERE seq > 0;
