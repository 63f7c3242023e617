-- Schema version 7: the deadline tracker's own records.
--
-- reminder_fired: one row per desktop reminder already shown, so that a
-- reminder never fires twice, across restarts too.  The due date is part of
-- the key: when a deadline is extended or its letter date changes, its
-- reminders are armed again for the new date.
--
-- ics_export: what each deadline looked like when it was last written to an
-- iCalendar file, so that a re-export keeps the event's UID and raises its
-- SEQUENCE (RFC 5545 section 3.8.7.4) only when the event changed.

CREATE TABLE reminder_fired (
  deadline_id  TEXT NOT NULL REFERENCES deadline (id) ON DELETE CASCADE,
  offset_days  INTEGER NOT NULL CHECK (offset_days >= 0),
  due_date     TEXT NOT NULL,
  fired_at     TEXT NOT NULL,
  PRIMARY KEY (deadline_id, offset_days, due_date)
);

CREATE TABLE ics_export (
  deadline_id  TEXT PRIMARY KEY NOT NULL REFERENCES deadline (id) ON DELETE CASCADE,
  uid          TEXT NOT NULL UNIQUE,
  sequence     INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  content_hash TEXT NOT NULL,
  exported_at  TEXT NOT NULL
);
