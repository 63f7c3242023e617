-- Schema version 2: full-text search over everything a case file holds.
--
-- search_index is an FTS5 table with one row per indexed source row:
--   source 'case'           case_file title, reference, committee reference
--   source 'case-text'      case_file summary, facts, best interests, child's views, inquiry
--   source 'party'          the names of the person behind one case_party row
--   source 'note'           note body
--   source 'correspondence' subject and body of a letter
--   source 'evidence'       evidence_item title and description
--   source 'fact'           fact description and place
-- search_source gives each (source, source_id) the rowid of its search_index row, so a trigger
-- finds the row to change through an index instead of scanning the whole full-text table.
-- Triggers keep both in step with the tables; nothing else writes to them.

CREATE VIRTUAL TABLE search_index USING fts5 (
  case_id UNINDEXED,
  source UNINDEXED,
  source_id UNINDEXED,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_source (
  rowid     INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,
  source_id TEXT NOT NULL,
  case_id   TEXT NOT NULL,
  UNIQUE (source_id, source)
);
CREATE INDEX search_source_case ON search_source (case_id);

-- The text each source puts into body (the triggers below repeat these expressions).
CREATE TEMP VIEW search_text AS
  SELECT 'case' AS source, id AS source_id, id AS case_id,
         title || ' ' || reference || ' ' || committee_ref AS body
    FROM case_file
  UNION ALL
  SELECT 'case-text', id, id,
         summary || ' ' || facts || ' ' || best_interests || ' ' || child_views || ' ' ||
         inquiry_sources || ' ' || inquiry_period || ' ' || inquiry_places || ' ' ||
         visit || ' ' || findings
    FROM case_file
  UNION ALL
  SELECT 'party', cp.id, cp.case_id,
         p.given_name || ' ' || p.family_name || ' ' || p.alias
    FROM case_party cp JOIN person p ON p.id = cp.person_id
  UNION ALL
  SELECT 'note', id, case_id, body FROM note
  UNION ALL
  SELECT 'correspondence', id, case_id, subject || ' ' || body FROM correspondence
  UNION ALL
  SELECT 'evidence', id, case_id, title || ' ' || description FROM evidence_item
  UNION ALL
  SELECT 'fact', id, case_id, description || ' ' || place FROM fact;

-- Index what an upgraded docket already holds.
INSERT INTO search_source (source, source_id, case_id)
  SELECT source, source_id, case_id FROM search_text;
INSERT INTO search_index (rowid, case_id, source, source_id, body)
  SELECT s.rowid, t.case_id, t.source, t.source_id, t.body
    FROM search_text t
    JOIN search_source s ON s.source = t.source AND s.source_id = t.source_id;
DROP VIEW temp.search_text;

-- case_file ------------------------------------------------------------------------------------

CREATE TRIGGER search_case_file_insert AFTER INSERT ON case_file
BEGIN
  INSERT INTO search_source (source, source_id, case_id) VALUES ('case', new.id, new.id);
  INSERT INTO search_source (source, source_id, case_id) VALUES ('case-text', new.id, new.id);
  INSERT INTO search_index (rowid, case_id, source, source_id, body)
    VALUES ((SELECT rowid FROM search_source WHERE source = 'case' AND source_id = new.id),
            new.id, 'case', new.id,
            new.title || ' ' || new.reference || ' ' || new.committee_ref);
  INSERT INTO search_index (rowid, case_id, source, source_id, body)
    VALUES ((SELECT rowid FROM search_source WHERE source = 'case-text' AND source_id = new.id),
            new.id, 'case-text', new.id,
            new.summary || ' ' || new.facts || ' ' || new.best_interests || ' ' ||
            new.child_views || ' ' || new.inquiry_sources || ' ' || new.inquiry_period || ' ' ||
            new.inquiry_places || ' ' || new.visit || ' ' || new.findings);
END;

CREATE TRIGGER search_case_file_update AFTER UPDATE OF
  id, title, reference, committee_ref, summary, facts, best_interests, child_views,
  inquiry_sources, inquiry_period, inquiry_places, visit, findings ON case_file
BEGIN
  UPDATE search_source SET source_id = new.id, case_id = new.id
   WHERE source_id = old.id AND source IN ('case', 'case-text');
  UPDATE search_index
     SET case_id = new.id, source_id = new.id,
         body = new.title || ' ' || new.reference || ' ' || new.committee_ref
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'case' AND source_id = new.id);
  UPDATE search_index
     SET case_id = new.id, source_id = new.id,
         body = new.summary || ' ' || new.facts || ' ' || new.best_interests || ' ' ||
                new.child_views || ' ' || new.inquiry_sources || ' ' || new.inquiry_period || ' ' ||
                new.inquiry_places || ' ' || new.visit || ' ' || new.findings
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'case-text' AND source_id = new.id);
END;

-- Every row of the case goes, including those of children a cascade removes.
CREATE TRIGGER search_case_file_delete AFTER DELETE ON case_file
BEGIN
  DELETE FROM search_index
   WHERE rowid IN (SELECT rowid FROM search_source WHERE case_id = old.id);
  DELETE FROM search_source WHERE case_id = old.id;
END;

-- Rows that belong to a case: one set of triggers a table ---------------------------------------

CREATE TRIGGER search_note_insert AFTER INSERT ON note
BEGIN
  INSERT INTO search_source (source, source_id, case_id) VALUES ('note', new.id, new.case_id);
  INSERT INTO search_index (rowid, case_id, source, source_id, body)
    VALUES ((SELECT rowid FROM search_source WHERE source = 'note' AND source_id = new.id),
            new.case_id, 'note', new.id, new.body);
END;

CREATE TRIGGER search_note_update AFTER UPDATE OF id, case_id, body ON note
BEGIN
  UPDATE search_source SET source_id = new.id, case_id = new.case_id
   WHERE source = 'note' AND source_id = old.id;
  UPDATE search_index SET case_id = new.case_id, source_id = new.id, body = new.body
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'note' AND source_id = new.id);
END;

CREATE TRIGGER search_note_delete AFTER DELETE ON note
BEGIN
  DELETE FROM search_index
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'note' AND source_id = old.id);
  DELETE FROM search_source WHERE source = 'note' AND source_id = old.id;
END;

CREATE TRIGGER search_correspondence_insert AFTER INSERT ON correspondence
BEGIN
  INSERT INTO search_source (source, source_id, case_id)
    VALUES ('correspondence', new.id, new.case_id);
  INSERT INTO search_index (rowid, case_id, source, source_id, body)
    VALUES ((SELECT rowid FROM search_source WHERE source = 'correspondence' AND source_id = new.id),
            new.case_id, 'correspondence', new.id, new.subject || ' ' || new.body);
END;

CREATE TRIGGER search_correspondence_update AFTER UPDATE OF id, case_id, subject, body
  ON correspondence
BEGIN
  UPDATE search_source SET source_id = new.id, case_id = new.case_id
   WHERE source = 'correspondence' AND source_id = old.id;
  UPDATE search_index
     SET case_id = new.case_id, source_id = new.id, body = new.subject || ' ' || new.body
   WHERE rowid = (SELECT rowid FROM search_source
                   WHERE source = 'correspondence' AND source_id = new.id);
END;

CREATE TRIGGER search_correspondence_delete AFTER DELETE ON correspondence
BEGIN
  DELETE FROM search_index
   WHERE rowid = (SELECT rowid FROM search_source
                   WHERE source = 'correspondence' AND source_id = old.id);
  DELETE FROM search_source WHERE source = 'correspondence' AND source_id = old.id;
END;

CREATE TRIGGER search_evidence_item_insert AFTER INSERT ON evidence_item
BEGIN
  INSERT INTO search_source (source, source_id, case_id) VALUES ('evidence', new.id, new.case_id);
  INSERT INTO search_index (rowid, case_id, source, source_id, body)
    VALUES ((SELECT rowid FROM search_source WHERE source = 'evidence' AND source_id = new.id),
            new.case_id, 'evidence', new.id, new.title || ' ' || new.description);
END;

CREATE TRIGGER search_evidence_item_update AFTER UPDATE OF id, case_id, title, description
  ON evidence_item
BEGIN
  UPDATE search_source SET source_id = new.id, case_id = new.case_id
   WHERE source = 'evidence' AND source_id = old.id;
  UPDATE search_index
     SET case_id = new.case_id, source_id = new.id, body = new.title || ' ' || new.description
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'evidence' AND source_id = new.id);
END;

CREATE TRIGGER search_evidence_item_delete AFTER DELETE ON evidence_item
BEGIN
  DELETE FROM search_index
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'evidence' AND source_id = old.id);
  DELETE FROM search_source WHERE source = 'evidence' AND source_id = old.id;
END;

CREATE TRIGGER search_fact_insert AFTER INSERT ON fact
BEGIN
  INSERT INTO search_source (source, source_id, case_id) VALUES ('fact', new.id, new.case_id);
  INSERT INTO search_index (rowid, case_id, source, source_id, body)
    VALUES ((SELECT rowid FROM search_source WHERE source = 'fact' AND source_id = new.id),
            new.case_id, 'fact', new.id, new.description || ' ' || new.place);
END;

CREATE TRIGGER search_fact_update AFTER UPDATE OF id, case_id, description, place ON fact
BEGIN
  UPDATE search_source SET source_id = new.id, case_id = new.case_id
   WHERE source = 'fact' AND source_id = old.id;
  UPDATE search_index
     SET case_id = new.case_id, source_id = new.id, body = new.description || ' ' || new.place
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'fact' AND source_id = new.id);
END;

CREATE TRIGGER search_fact_delete AFTER DELETE ON fact
BEGIN
  DELETE FROM search_index
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'fact' AND source_id = old.id);
  DELETE FROM search_source WHERE source = 'fact' AND source_id = old.id;
END;

-- People: a party row carries the names of its person ------------------------------------------

CREATE TRIGGER search_case_party_insert AFTER INSERT ON case_party
BEGIN
  INSERT INTO search_source (source, source_id, case_id) VALUES ('party', new.id, new.case_id);
  INSERT INTO search_index (rowid, case_id, source, source_id, body)
    SELECT s.rowid, new.case_id, 'party', new.id,
           p.given_name || ' ' || p.family_name || ' ' || p.alias
      FROM search_source s, person p
     WHERE s.source = 'party' AND s.source_id = new.id AND p.id = new.person_id;
END;

CREATE TRIGGER search_case_party_update AFTER UPDATE OF id, case_id, person_id ON case_party
BEGIN
  UPDATE search_source SET source_id = new.id, case_id = new.case_id
   WHERE source = 'party' AND source_id = old.id;
  UPDATE search_index
     SET case_id = new.case_id, source_id = new.id,
         body = (SELECT p.given_name || ' ' || p.family_name || ' ' || p.alias
                   FROM person p WHERE p.id = new.person_id)
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'party' AND source_id = new.id);
END;

CREATE TRIGGER search_case_party_delete AFTER DELETE ON case_party
BEGIN
  DELETE FROM search_index
   WHERE rowid = (SELECT rowid FROM search_source WHERE source = 'party' AND source_id = old.id);
  DELETE FROM search_source WHERE source = 'party' AND source_id = old.id;
END;

-- A renamed person changes the rows of every case they are a party to.
CREATE TRIGGER search_person_update AFTER UPDATE OF given_name, family_name, alias ON person
BEGIN
  UPDATE search_index
     SET body = new.given_name || ' ' || new.family_name || ' ' || new.alias
   WHERE rowid IN (SELECT s.rowid
                     FROM case_party cp
                     JOIN search_source s ON s.source = 'party' AND s.source_id = cp.id
                    WHERE cp.person_id = new.id);
END;
