/* test-ics.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The iCalendar export parses back with libical with the same events, keeps
 * UIDs across exports, raises SEQUENCE only on change, never moves a date by
 * a day whatever the time zone (meson runs this test again with TZ set to
 * Pacific/Auckland and America/Los_Angeles), and leaks no name by default.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "redress-test-util.h"
#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-ics.h"
#include "redress-procedure.h"
#include "redress-util.h"

typedef RedressTestDocket Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  redress_test_docket_init (f, "ics");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&f->db));
  redress_test_docket_clear (f);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  _redress_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

/* Dates chosen where zones bite: the New Zealand and US daylight-saving
 * changes, a leap day, the last day of a year. */
static void
populate (Fixture *f)
{
  exec (f, "INSERT INTO person (id, given_name, family_name, created_at, updated_at)"
           " VALUES ('p1', 'Amira', 'Haddad', redress_now (), redress_now ())");
  exec (f, "INSERT INTO case_file (id, kind, reference, title, state_code, created_at, updated_at)"
           " VALUES ('c1', 'communication', 'CRC/7/2026', 'Zainab Quist v. Freedonia', 'FR', redress_now (), redress_now ())");
  exec (f, "INSERT INTO case_party (id, case_id, person_id, role, created_at, updated_at)"
           " VALUES ('cp1', 'c1', 'p1', 'victim', redress_now (), redress_now ())");
  exec (f, "INSERT INTO case_file (id, kind, reference, state_code, created_at, updated_at)"
           " VALUES ('c2', 'communication', 'CRC/8/2026', 'ES', redress_now (), redress_now ())");
  exec (f, "INSERT INTO deadline (id, case_id, rule_id, rule_pack_version, trigger_date, computed_due, status,"
           " created_at, updated_at) VALUES"
           " ('d1', 'c1', 'D02', 't', '2025-10-05', '2026-04-05', 'open', redress_now (), redress_now ()),"
           " ('d2', 'c1', 'D04', 't', '2026-01-08', '2026-03-08', 'open', redress_now (), redress_now ()),"
           " ('d3', 'c2', 'D01', 't', '2027-02-28', '2028-02-29', 'open', redress_now (), redress_now ()),"
           " ('d4', 'c2', 'D09', 't', '2026-06-30', '2026-12-31', 'open', redress_now (), redress_now ()),"
           " ('d5', 'c2', 'D05', 't', NULL, NULL, 'open', redress_now (), redress_now ()),"
           " ('d6', 'c2', 'D03', 't', NULL, '2026-01-01', 'waived', redress_now (), redress_now ())");
  /* D01's notification date, beside the decision's (OP3 art 7(h)). */
  exec (f, "UPDATE deadline SET trigger_date_alt = '2027-03-03' WHERE id = 'd3'");
}

static GDateTime *
fixed_now (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, 2026, 2, 1, 23, 30, 0);
}

static char *
export (Fixture  *f,
        gboolean  include_names,
        guint    *n_events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  RedressIcsOptions options = { NULL, include_names, now, NULL, 0 };
  char *text = redress_ics_export (f->db, &options, n_events, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

typedef struct
{
  char *uid;
  char *start;
  char *end;
  int   sequence;
  int   n_alarms;
  icalproperty_status status;
  char *description;
} Event;

static void
event_clear (gpointer data)
{
  Event *e = data;

  g_free (e->uid);
  g_free (e->start);
  g_free (e->end);
  g_free (e->description);
}

static char *
format_date (struct icaltimetype t)
{
  g_assert_true (t.is_date);
  return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
}

/* Parses the text with libical; events keyed by rule id. */
static GHashTable *
parse (const char *text)
{
  icalcomponent *cal = icalcomponent_new_from_string (text);
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (cal);
  g_assert_cmpint (icalcomponent_isa (cal), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (cal), ==, 0);
  for (icalcomponent *ev = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
       ev != NULL;
       ev = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
    {
      Event *e = g_new0 (Event, 1);
      icalproperty *rule = icalcomponent_get_first_property (ev, ICAL_X_PROPERTY);

      while (rule != NULL && g_strcmp0 (icalproperty_get_x_name (rule), "X-REDRESS-DEADLINE-RULE") != 0)
        rule = icalcomponent_get_next_property (ev, ICAL_X_PROPERTY);
      g_assert_nonnull (rule);

      e->uid = g_strdup (icalcomponent_get_uid (ev));
      e->start = format_date (icalcomponent_get_dtstart (ev));
      e->end = format_date (icalcomponent_get_dtend (ev));
      e->sequence = icalcomponent_get_sequence (ev);
      e->n_alarms = icalcomponent_count_components (ev, ICAL_VALARM_COMPONENT);
      e->status = icalcomponent_get_status (ev);
      e->description = g_strdup (icalcomponent_get_description (ev));
      g_hash_table_insert (events, g_strdup (icalproperty_get_x (rule)), e);
    }
  icalcomponent_free (cal);
  return events;
}

static void
free_events (GHashTable *events)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      event_clear (value);
      g_free (value);
    }
  g_hash_table_unref (events);
}

static void
test_parses_back (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  GHashTable *events;
  Event *e;
  guint n = 0;

  populate (f);
  text = export (f, FALSE, &n);
  /* Four open deadlines with a date; no date, and waived but never
   * exported, are left out. */
  g_assert_cmpuint (n, ==, 4);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260405\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20260406\r\n"));
  g_assert_nonnull (strstr (text, "VERSION:2.0\r\n"));

  events = parse (text);
  g_assert_cmpuint (g_hash_table_size (events), ==, 4);

  e = g_hash_table_lookup (events, "D02");
  g_assert_cmpstr (e->start, ==, "2026-04-05");    /* NZ daylight saving ends */
  g_assert_cmpstr (e->end, ==, "2026-04-06");
  g_assert_cmpint (e->sequence, ==, 0);
  g_assert_cmpint (e->status, ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpint (e->n_alarms, ==, 5);            /* 90, 60, 30, 7 days and the day */

  e = g_hash_table_lookup (events, "D04");
  g_assert_cmpstr (e->start, ==, "2026-03-08");    /* US daylight saving begins */
  g_assert_cmpstr (e->end, ==, "2026-03-09");
  g_assert_cmpint (e->n_alarms, ==, 3);            /* two months: no 90- or 60-day alarm */

  e = g_hash_table_lookup (events, "D01");
  g_assert_cmpstr (e->start, ==, "2028-02-29");
  g_assert_cmpstr (e->end, ==, "2028-03-01");
  /* OP3 art 7(h): both dates behind D01, with the start-date caveat [U]. */
  g_assert_nonnull (strstr (e->description, "Final decision 2027-02-28, notified 2027-03-03"));
  g_assert_nonnull (strstr (e->description, "[U]"));
  g_assert_null (strstr (((Event *) g_hash_table_lookup (events, "D02"))->description, "Final decision"));

  e = g_hash_table_lookup (events, "D09");
  g_assert_cmpstr (e->start, ==, "2026-12-31");
  g_assert_cmpstr (e->end, ==, "2027-01-01");

  g_assert_null (g_hash_table_lookup (events, "D05"));
  g_assert_null (g_hash_table_lookup (events, "D03"));
  free_events (events);
}

static void
test_alarm_triggers (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = NULL;

  populate (f);
  text = export (f, FALSE, NULL);
  g_assert_nonnull (strstr (text, "TRIGGER:-P90D\r\n"));
  g_assert_nonnull (strstr (text, "TRIGGER:-P7D\r\n"));
  g_assert_nonnull (strstr (text, "ACTION:DISPLAY\r\n"));
}

static void
test_stable_uids (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  GHashTable *a, *b, *c;
  Event *e;

  populate (f);
  first = export (f, FALSE, NULL);
  second = export (f, FALSE, NULL);
  a = parse (first);
  b = parse (second);
  /* Same UIDs, nothing changed, SEQUENCE stays. */
  for (const char * const *rule = (const char * const[]) { "D01", "D02", "D04", "D09", NULL }; *rule; rule++)
    {
      Event *ea = g_hash_table_lookup (a, *rule);
      Event *eb = g_hash_table_lookup (b, *rule);

      g_assert_cmpstr (ea->uid, ==, eb->uid);
      g_assert_cmpint (eb->sequence, ==, 0);
    }
  g_assert_cmpstr (first, ==, second);

  /* The Committee's letter moves D02; D01 is done. */
  exec (f, "UPDATE deadline SET letter_due = '2026-04-20' WHERE id = 'd1'");
  exec (f, "UPDATE deadline SET status = 'done', closed_on = '2026-01-30', closed_by = 'Letter of 30 January' WHERE id = 'd3'");
  third = export (f, FALSE, NULL);
  c = parse (third);
  g_assert_cmpuint (g_hash_table_size (c), ==, 4);

  e = g_hash_table_lookup (c, "D02");
  g_assert_cmpstr (e->uid, ==, ((Event *) g_hash_table_lookup (a, "D02"))->uid);
  g_assert_cmpstr (e->start, ==, "2026-04-20");
  g_assert_cmpint (e->sequence, ==, 1);

  /* Done: kept so the calendar updates it, without its alarms. */
  e = g_hash_table_lookup (c, "D01");
  g_assert_cmpstr (e->uid, ==, ((Event *) g_hash_table_lookup (a, "D01"))->uid);
  g_assert_cmpint (e->sequence, ==, 1);
  g_assert_cmpint (e->n_alarms, ==, 0);

  e = g_hash_table_lookup (c, "D04");
  g_assert_cmpint (e->sequence, ==, 0);

  /* All UIDs differ from each other. */
  g_assert_cmpstr (((Event *) g_hash_table_lookup (c, "D04"))->uid, !=, ((Event *) g_hash_table_lookup (c, "D09"))->uid);

  free_events (a);
  free_events (b);
  free_events (c);
}

static void
test_cancelled_after_waiver (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GHashTable *events;
  Event *e;

  populate (f);
  before = export (f, FALSE, NULL);
  exec (f, "UPDATE deadline SET status = 'waived', waive_reason = 'Withdrawn' WHERE id = 'd4'");
  after = export (f, FALSE, NULL);
  events = parse (after);
  e = g_hash_table_lookup (events, "D09");
  g_assert_nonnull (e);
  g_assert_cmpint (e->status, ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpint (e->sequence, ==, 1);
  free_events (events);
}

static void
test_no_names_by_default (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *named = NULL;

  populate (f);
  text = export (f, FALSE, NULL);
  g_assert_nonnull (strstr (text, "CRC/7/2026"));
  g_assert_null (strstr (text, "Amira"));
  g_assert_null (strstr (text, "Haddad"));
  g_assert_null (strstr (text, "Zainab"));
  g_assert_null (strstr (text, "Quist"));

  /* Turned on, the names appear; the content changed, so SEQUENCE rises. */
  named = export (f, TRUE, NULL);
  g_assert_nonnull (strstr (named, "Haddad"));
  g_assert_nonnull (strstr (named, "Quist"));
  g_assert_nonnull (strstr (named, "SEQUENCE:1"));
}

static void
test_one_case_to_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = fixed_now ();
  g_autofree char *path = g_build_filename (f->dir, "deadlines.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "no-such-dir", "x.ics", NULL);
  RedressIcsOptions options = { "c1", FALSE, now, NULL, 0 };
  GHashTable *events;
  guint n = 0;

  populate (f);
  g_assert_true (redress_ics_export_to_file (f->db, &options, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  events = parse (text);
  g_assert_cmpuint (g_hash_table_size (events), ==, 2);
  g_assert_nonnull (g_hash_table_lookup (events, "D02"));
  g_assert_nonnull (g_hash_table_lookup (events, "D04"));
  free_events (events);

  /* A folder that does not exist: a clear error. */
  g_assert_false (redress_ics_export_to_file (f->db, &options, bad, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "Could not write the calendar file"));
}

/* redress-cli deadlines --ics writes the same events, with the same UIDs,
 * as the library; without --include-names no name appears. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  static const char * const events[][2] = {
    { "eligibility_checked_ok", "2026-01-05" },
    { "draft_approved", "2026-01-10" },
    { "sent_to_ohchr", "2026-01-20" },
    { "registered_and_transmitted", "2026-02-02" },
  };
  const char *cli = g_getenv ("REDRESS_CLI");
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = g_build_filename (f->dir, "deadlines.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  GHashTable *from_cli, *from_lib;
  int wait_status = 0;

  if (cli == NULL)
    {
      g_test_skip ("REDRESS_CLI is not set");
      return;
    }

  exec (f, "INSERT INTO person (id, given_name, family_name, created_at, updated_at)"
           " VALUES ('p1', 'Amira', 'Haddad', redress_now (), redress_now ())");
  exec (f, "INSERT INTO case_file (id, kind, reference, title, stage, created_at, updated_at)"
           " VALUES ('c1', 'communication', 'CRC/7/2026', 'Amira Haddad v. Freedonia', 'INTAKE', redress_now (), redress_now ())");
  exec (f, "INSERT INTO case_party (id, case_id, person_id, role, created_at, updated_at)"
           " VALUES ('cp1', 'c1', 'p1', 'victim', redress_now (), redress_now ())");
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *id = redress_procedure_record_event (f->db, "c1", "main", events[i][0], events[i][1],
                                                            "", NULL, "", &error);
      g_assert_no_error (error);
    }

  {
    const char *argv[] = { cli, "--docket", f->path, "deadlines", "--ics", ics, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_null (strstr (text, "Haddad"));
  from_cli = parse (text);
  /* D02 (six months) and D03 (two months) after the transmission. */
  g_assert_cmpuint (g_hash_table_size (from_cli), ==, 2);
  g_assert_cmpstr (((Event *) g_hash_table_lookup (from_cli, "D02"))->start, ==, "2026-08-02");
  g_assert_cmpstr (((Event *) g_hash_table_lookup (from_cli, "D03"))->start, ==, "2026-04-02");

  again = export (f, FALSE, NULL);
  from_lib = parse (again);
  g_assert_cmpstr (((Event *) g_hash_table_lookup (from_cli, "D02"))->uid, ==,
                   ((Event *) g_hash_table_lookup (from_lib, "D02"))->uid);
  g_assert_cmpint (((Event *) g_hash_table_lookup (from_lib, "D02"))->sequence, ==, 0);
  free_events (from_cli);
  free_events (from_lib);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_message ("TZ=%s", g_getenv ("TZ") ? g_getenv ("TZ") : "(unset)");
  g_test_add ("/ics/parses-back", Fixture, NULL, fixture_setup, test_parses_back, fixture_teardown);
  g_test_add ("/ics/alarm-triggers", Fixture, NULL, fixture_setup, test_alarm_triggers, fixture_teardown);
  g_test_add ("/ics/stable-uids", Fixture, NULL, fixture_setup, test_stable_uids, fixture_teardown);
  g_test_add ("/ics/cancelled-after-waiver", Fixture, NULL, fixture_setup, test_cancelled_after_waiver, fixture_teardown);
  g_test_add ("/ics/no-names-by-default", Fixture, NULL, fixture_setup, test_no_names_by_default, fixture_teardown);
  g_test_add ("/ics/one-case-to-file", Fixture, NULL, fixture_setup, test_one_case_to_file, fixture_teardown);
  g_test_add ("/ics/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);

  return g_test_run ();
}
