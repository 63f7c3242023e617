-- Schema version 3: the audit trail.
--
-- One row per changed field: who (redress_actor()), when (redress_now()), which row, the value
-- before and after.  The per-table triggers that fill it are generated in C from
-- PRAGMA table_info by _redress_audit_install_triggers() (src/model/redress-audit.c), which runs
-- after this file in the same transaction; a later migration that adds or changes tables calls
-- it again.  old_value and new_value have no declared type, so values keep their own type.
-- The log is append-only: updating or deleting its rows is refused.

CREATE TABLE audit_log (
  id         TEXT PRIMARY KEY NOT NULL,
  seq        INTEGER NOT NULL UNIQUE,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  field      TEXT,
  old_value,
  new_value,
  op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete'))
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'audit_log is append-only');
END;
