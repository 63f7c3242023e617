/* test-cli-procedure.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The procedure engine from the command line ($REDRESS_CLI): a State not
 * party to OP3, facts before its entry into force, a communication filed 13
 * months after the final decision and one with no domestic remedy and no
 * excuse are each flagged on the right ground with the right citation; a
 * correct communication passes every ground.
 */

#include "config.h"

#include <string.h>

#include "procedure-fixture.h"
#include "redress-procedure.h"
#include "redress-sqlite-private.h"

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("REDRESS_CLI");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);
  /* What an earlier call left there is replaced, not leaked. */
  if (out != NULL)
    {
      g_free (*out);
      *out = g_steal_pointer (&stdout_text);
    }
  if (err != NULL)
    {
      g_free (*err);
      *err = g_steal_pointer (&stderr_text);
    }
  if (!g_spawn_check_wait_status (wait_status, &error))
    return error->code;
  return 0;
}

static char *
docket_path (Docket *d)
{
  return g_build_filename (d->dir, "docket.redress", NULL);
}

/* One SQL value over the JSON the CLI printed (SQLite's JSON functions). */
static char *
json_query (Docket     *d,
            const char *json,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (d->db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

/* "status|citation" of @ground in the output of check --json. */
static char *
ground_of (Docket     *d,
           const char *json,
           const char *ground)
{
  char *sql = sqlite3_mprintf ("SELECT json_extract (value, '$.status') || '|' || "
                               "json_extract (value, '$.citation') FROM json_each (?) "
                               "WHERE json_extract (value, '$.ground') = %Q", ground);
  char *value = json_query (d, json, sql);

  sqlite3_free (sql);
  return value;
}

static char *
check (Docket     *d,
       const char *reference)
{
  g_autofree char *path = docket_path (d);
  g_autofree char *err = NULL;
  char *out = NULL;

  int status = run (&out, &err, "--docket", path, "check", reference, "--json", "--today", "2025-03-01", NULL);

  g_test_message ("check %s: %s", reference, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  return out;
}

static void
assert_flagged (Docket     *d,
                const char *json,
                const char *ground,
                const char *status,
                const char *citation)
{
  g_autofree char *value = ground_of (d, json, ground);

  g_test_message ("%s: %s", ground, value);
  g_assert_nonnull (value);
  g_assert_true (g_str_has_prefix (value, status));
  g_assert_nonnull (strstr (value, citation));
}

static void
test_done_when (Docket        *d,
                gconstpointer  data)
{
  g_autofree char *good = docket_good_communication (d, "GOOD/1");
  g_autofree char *not_party = docket_good_communication (d, "US/1");
  g_autofree char *too_early = docket_good_communication (d, "IE/1");
  g_autofree char *late = docket_good_communication (d, "LATE/1");
  g_autofree char *no_remedy = docket_good_communication (d, "NOREM/1");
  g_autofree char *out = NULL;

  docket_exec (d, "UPDATE case_file SET state_code = 'US' WHERE id = %Q", not_party);
  docket_exec (d, "UPDATE case_file SET state_code = 'IE' WHERE id = %Q", too_early);
  docket_exec (d, "UPDATE fact SET occurred_on = '2014-06-01' WHERE case_id = %Q", too_early);
  docket_exec (d, "UPDATE procedural_event SET occurred_on = '2025-02-10' WHERE case_id = %Q", late);
  docket_exec (d, "UPDATE domestic_remedy SET notified_on = decided_on WHERE case_id = %Q", late);
  docket_exec (d, "DELETE FROM domestic_remedy WHERE case_id = %Q", no_remedy);

  out = check (d, "GOOD/1");
  {
    g_autofree char *n = json_query (d, out, "SELECT count(*) FROM json_each (?)");
    g_autofree char *passing = json_query (d, out, "SELECT count(*) FROM json_each (?) "
                                                   "WHERE json_extract (value, '$.status') = 'pass'");
    g_autofree char *keys = json_query (d, out, "SELECT group_concat (key) FROM json_each (json_extract (?, '$[0]'))");

    g_autofree char *f = json_query (d, out, "SELECT json_extract (value, '$.status') FROM json_each (?) "
                                             "WHERE json_extract (value, '$.ground') = '7f'");

    g_assert_cmpstr (n, ==, "13");
    /* Art 7(f) is the Committee's judgment: never a computed pass. */
    g_assert_cmpstr (passing, ==, "12");
    g_assert_cmpstr (f, ==, "needs_argument");
    g_assert_cmpstr (keys, ==, "ground,status,citation,explanation,field");
  }
  g_clear_pointer (&out, g_free);

  out = check (d, "US/1");
  assert_flagged (d, out, "art1.3", "fail", "OP3 art 1(3) [V]");
  g_clear_pointer (&out, g_free);

  out = check (d, "IE/1");
  assert_flagged (d, out, "7g", "fail", "OP3 art 7(g) [V]");
  assert_flagged (d, out, "art20", "fail", "OP3 art 20 [V]");
  assert_flagged (d, out, "art1.3", "pass", "OP3 art 1(3)");
  g_clear_pointer (&out, g_free);

  out = check (d, "LATE/1");
  assert_flagged (d, out, "7h", "fail", "OP3 art 7(h) [V]");
  assert_flagged (d, out, "7e", "pass", "OP3 art 7(e)");
  g_clear_pointer (&out, g_free);

  out = check (d, "NOREM/1");
  assert_flagged (d, out, "7e", "fail", "OP3 art 7(e) [V]");
  g_clear_pointer (&out, g_free);

  /* The text form names the ground, the status and the data date. */
  {
    g_autofree char *path = docket_path (d);

    g_assert_cmpint (run (&out, NULL, "--docket", path, "check", "US/1", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "art1.3"));
    g_assert_nonnull (strstr (out, "OP3 art 1(3) [V]"));
    g_assert_nonnull (strstr (out, "2024-09-25"));
  }
}

static void
test_events_and_deadlines (Docket        *d,
                           gconstpointer  data)
{
  g_autofree char *path = docket_path (d);
  g_autofree char *case_id = docket_good_communication (d, "EV/1");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* This case's history is recorded below, event by event. */
  docket_exec (d, "DELETE FROM procedural_event WHERE case_id = %Q", case_id);

  g_assert_cmpint (run (NULL, NULL, "--docket", path, "event", "EV/1", "eligibility_checked_ok", "--date",
                        "2024-05-01", NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "--docket", path, "event", "EV/1", "draft_approved", "--date", "2024-05-20",
                        NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "--docket", path, "event", "EV/1", "sent_to_ohchr", "--date", "2024-06-01",
                        "--letter", "e-mail to petitions@ohchr.org", NULL), ==, 0);
  g_assert_cmpint (run (&out, NULL, "--docket", path, "event", "EV/1", "registered_and_transmitted", "--date",
                        "2024-08-31", "--letter", "G/SO 229/31 DEU (1)", "--due", "2025-03-03", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "D02"));
  g_clear_pointer (&out, g_free);

  /* Refused, with the reason, and nothing recorded. */
  g_assert_cmpint (run (NULL, &err, "--docket", path, "event", "EV/1", "views_violation", "--date", "2024-09-01",
                        NULL), ==, 1);
  g_assert_nonnull (strstr (err, "OP3 art 10(5)"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "--docket", path, "event", "EV/1", "views_violation", NULL), ==, 2);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--docket", path, "deadlines", "--from", "2024-10-01", "--to", "2025-12-31",
                        "--json", "--today", "2024-09-15", NULL), ==, 0);
  {
    g_autofree char *n = json_query (d, out, "SELECT count(*) FROM json_each (?)");
    g_autofree char *d02 = json_query (d, out, "SELECT json_extract (value, '$.due') || '|' || "
                                               "json_extract (value, '$.computed') || '|' || "
                                               "json_extract (value, '$.letter_date') || '|' || "
                                               "json_extract (value, '$.who') || '|' || "
                                               "json_extract (value, '$.citation') || '|' || "
                                               "json_extract (value, '$.status') || '|' || "
                                               "json_extract (value, '$.case') "
                                               "FROM json_each (?) WHERE json_extract (value, '$.rule') = 'D02'");
    g_autofree char *d03 = json_query (d, out, "SELECT json_extract (value, '$.due') FROM json_each (?) "
                                               "WHERE json_extract (value, '$.rule') = 'D03'");

    g_assert_cmpstr (n, ==, "2");
    g_assert_cmpstr (d02, ==, "2025-03-03|2025-02-28|2025-03-03|State party|OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]"
                              "|open|EV/1");
    g_assert_cmpstr (d03, ==, "2024-10-31");
  }
  g_clear_pointer (&out, g_free);

  /* The same deadlines are overdue a year later. */
  g_assert_cmpint (run (&out, NULL, "--docket", path, "deadlines", "--overdue", "--today", "2025-09-01", "--json",
                        NULL), ==, 0);
  {
    g_autofree char *statuses = json_query (d, out, "SELECT group_concat (json_extract (value, '$.status')) "
                                                    "FROM json_each (?)");

    g_assert_cmpstr (statuses, ==, "overdue,overdue");
  }
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (NULL, &err, "--docket", path, "deadlines", "--from", "1 May", NULL), ==, 2);
}

/* D01 (OP3 art 7(h) [V]) shows the decision and the notification dates with
 * the "start date [U]" caveat; D08 (OP3 art 6 [V]) in force is not overdue;
 * an extension has its own JSON key, apart from the letter's date. */
static void
test_deadline_views (Docket        *d,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = docket_path (d);
  g_autofree char *pending = docket_good_communication (d, "D01/1");
  g_autofree char *im = docket_good_communication (d, "IM/1");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* D01/1 is still being prepared: its D01 is open. */
  docket_exec (d, "DELETE FROM procedural_event WHERE case_id = %Q", pending);
  g_assert_true (redress_procedure_recompute (d->db, pending, &error));
  g_assert_no_error (error);
  g_assert_true (redress_procedure_recompute (d->db, im, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run (&out, &err, "--docket", path, "event", "IM/1", "registered_and_transmitted", "--date",
                        "2024-07-01", "--due", "2025-01-15", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--docket", path, "event", "IM/1", "author_requests_interim_measures", "--date",
                        "2024-07-02", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--docket", path, "event", "IM/1", "committee_grants", "--date", "2024-07-03",
                        NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--docket", path, "event", "IM/1", "deadline_extended", "--rule", "D02", "--date",
                        "2024-12-20", "--due", "2025-03-15", NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, &err, "--docket", path, "deadlines", "--json", "--today", "2024-09-01", NULL), ==, 0);
  {
    g_autofree char *d01 = json_query (d, out, "SELECT json_extract (value, '$.decided_on') || '|' || "
                                               "json_extract (value, '$.notified_on') || '|' || "
                                               "json_extract (value, '$.due') FROM json_each (?) "
                                               "WHERE json_extract (value, '$.rule') = 'D01'");
    g_autofree char *note = json_query (d, out, "SELECT json_extract (value, '$.start_note') FROM json_each (?) "
                                                "WHERE json_extract (value, '$.rule') = 'D01'");
    g_autofree char *d08 = json_query (d, out, "SELECT json_extract (value, '$.status') || '|' || "
                                               "json_extract (value, '$.in_force_since') FROM json_each (?) "
                                               "WHERE json_extract (value, '$.rule') = 'D08'");
    g_autofree char *d02 = json_query (d, out, "SELECT json_extract (value, '$.letter_date') || '|' || "
                                               "json_extract (value, '$.extended_due') || '|' || "
                                               "json_extract (value, '$.due') FROM json_each (?) "
                                               "WHERE json_extract (value, '$.rule') = 'D02'");

    g_assert_cmpstr (d01, ==, "2024-01-10|2024-01-20|2025-01-10");
    g_assert_nonnull (strstr (note, "2024-01-10"));
    g_assert_nonnull (strstr (note, "2024-01-20"));
    g_assert_nonnull (strstr (note, "[U]"));
    g_assert_cmpstr (d08, ==, "in_force|2024-07-03");
    g_assert_cmpstr (d02, ==, "2025-01-15|2025-03-15|2025-03-15");
  }
  g_clear_pointer (&out, g_free);

  /* Text: both dates and the caveat under the table; D08 "in force since", not overdue. */
  g_assert_cmpint (run (&out, &err, "--docket", path, "deadlines", "--today", "2024-09-01", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "D01/1 D01: Final decision 2024-01-10, notified 2024-01-20"));
  g_assert_nonnull (strstr (out, "start date [U]"));
  g_assert_nonnull (strstr (out, "in force since 2024-07-03"));
  g_assert_null (strstr (out, "2024-07-03 overdue"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, &err, "--docket", path, "deadlines", "--overdue", "--json", "--today", "2024-09-01",
                        NULL), ==, 0);
  {
    g_autofree char *rules = json_query (d, out, "SELECT group_concat (json_extract (value, '$.rule')) "
                                                 "FROM json_each (?)");

    g_assert_null (rules);
  }
  g_clear_pointer (&out, g_free);

  /* A recorded breach is flagged. */
  g_assert_cmpint (run (&out, &err, "--docket", path, "event", "IM/1", "state_non_compliance_reported", "--date",
                        "2024-08-01", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, &err, "--docket", path, "deadlines", "--overdue", "--json", "--today", "2024-09-01",
                        NULL), ==, 0);
  {
    g_autofree char *d08 = json_query (d, out, "SELECT json_extract (value, '$.status') || '|' || "
                                               "json_extract (value, '$.breach_on') FROM json_each (?) "
                                               "WHERE json_extract (value, '$.rule') = 'D08'");

    g_assert_cmpstr (d08, ==, "overdue|2024-08-01");
  }
  g_clear_pointer (&out, g_free);

  /* show: the same two dates and caveat. */
  g_assert_cmpint (run (&out, &err, "--docket", path, "show", "D01/1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "D01: Final decision 2024-01-10, notified 2024-01-20"));
  g_assert_nonnull (strstr (out, "[U]"));
  g_clear_pointer (&out, g_free);

  /* OP3 art 6(1): no interim measures for a communication still being drafted. */
  g_assert_cmpint (run (NULL, &err, "--docket", path, "event", "D01/1", "author_requests_interim_measures", "--date",
                        "2024-08-01", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "art 6(1)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-procedure/done-when", Docket, NULL, docket_setup, test_done_when, docket_teardown);
  g_test_add ("/cli-procedure/events-and-deadlines", Docket, NULL, docket_setup, test_events_and_deadlines,
              docket_teardown);
  g_test_add ("/cli-procedure/deadline-views", Docket, NULL, docket_setup, test_deadline_views, docket_teardown);

  return g_test_run ();
}
