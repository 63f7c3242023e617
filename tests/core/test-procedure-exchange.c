/* test-procedure-exchange.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history is the only truth (docs/procedure.md): for random valid
 * histories, a case exported and imported into another docket, fresh or in
 * use, has the same stage, the same deadlines and the same admissibility
 * check; deadline rows typed into the file change nothing.
 */

#include "config.h"

#include <string.h>

#include "procedure-fixture.h"
#include "redress-admissibility.h"
#include "redress-date.h"
#include "redress-demo.h"
#include "redress-exchange.h"
#include "redress-lifecycle.h"
#include "redress-procedure.h"
#include "redress-sqlite-private.h"

#define TODAY "2026-06-01"
#define N_HISTORIES 40

/* A fresh, migrated docket (a copy of the fixture's template). */
static RedressDatabase *
open_new (const char *dir,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize len;
  RedressDatabase *db;

  g_assert_true (g_file_get_contents (docket_template (), &contents, &len, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, &error));
  db = redress_database_open (path, NULL, 0, &error);
  g_assert_no_error (error);
  return db;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Everything the engine derives for a case, as one comparable text. */
static char *
derived (RedressDatabase *db,
         const char      *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  stmt = _redress_database_prepare (db, "SELECT stage, submitted_on FROM case_file WHERE id = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (out, "stage %s submitted %s\n", sqlite3_column_text (stmt, 0),
                          sqlite3_column_text (stmt, 1) ? (const char *) sqlite3_column_text (stmt, 1) : "-");

  deadlines = redress_procedure_list_deadlines (db, case_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    {
      RedressDeadlineInfo *info = g_ptr_array_index (deadlines, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s %s/%s computed %s letter %s extended %s %s %s by %s in-force %d",
                                               info->rule_id, info->trigger_date, info->trigger_date_alt,
                                               info->computed_due, info->letter_due, info->extended_due,
                                               info->status, info->closed_on, info->closed_by, info->in_force));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (lines, i));

  results = redress_admissibility_evaluate (db, NULL, case_id, TODAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      RedressGroundResult *r = g_ptr_array_index (results, i);

      g_string_append_printf (out, "%s %s: %s\n", redress_ground_result_get_ground (r),
                              redress_ground_status_to_string (redress_ground_result_get_status (r)),
                              redress_ground_result_get_explanation (r));
    }
  return g_string_free (out, FALSE);
}

/* A random walk through the life cycles, each event a few days to months
 * after the last; interim measures now and then once the Committee has the
 * communication; letters with due dates and extensions sometimes. */
static void
random_history (Docket     *d,
                GRand      *rand,
                const char *case_id,
                const char *kind)
{
  RedressLifecycle *lc = redress_lifecycle_get_default ();
  const char *procedure = g_strcmp0 (kind, "inquiry") == 0 ? "inquiry" : "communication";
  g_autofree char *stage = g_strdup (redress_lifecycle_initial_stage (procedure));
  g_autofree char *im_stage = g_strdup ("NONE");
  g_autofree char *date = g_strdup ("2019-01-01");
  guint steps = (guint) g_rand_int_range (rand, 2, 30);

  for (guint s = 0; s < steps; s++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) moves = NULL;
      g_autofree char *next = redress_iso_date_add (date, REDRESS_PERIOD_DAYS, g_rand_int_range (rand, 1, 200));
      g_autofree char *due = NULL;
      g_autofree char *id = NULL;
      gboolean interim = g_strcmp0 (procedure, "communication") == 0 && g_rand_int_range (rand, 0, 4) == 0;
      const RedressTransition *t;

      moves = redress_lifecycle_allowed_events (lc, interim ? "interim_measures" : procedure,
                                                interim ? im_stage : stage);
      if (moves->len == 0)
        {
          if (interim)
            continue;
          break;
        }
      /* Mostly moves that keep the case going, so that histories reach far. */
      for (guint tries = 0; tries < 4; tries++)
        {
          t = g_ptr_array_index (moves, (guint) g_rand_int_range (rand, 0, (gint32) moves->len));
          if (!redress_lifecycle_is_terminal (lc, interim ? "interim_measures" : procedure, t->to_stage) &&
              g_strcmp0 (t->to_stage, "DISCONTINUED") != 0)
            break;
        }
      if (g_rand_int_range (rand, 0, 3) == 0)
        due = redress_iso_date_add (next, REDRESS_PERIOD_DAYS, g_rand_int_range (rand, 10, 300));
      id = redress_procedure_record_event (d->db, case_id, interim ? "interim" : "main", t->event, next, "L/1", due,
                                           NULL, &error);
      if (id == NULL)
        {
          /* Only art 6(1) may refuse a move the life cycle allows. */
          g_assert_true (interim);
          g_assert_nonnull (strstr (error->message, "art 6(1)"));
          continue;
        }
      g_free (date);
      date = g_steal_pointer (&next);
      if (interim)
        {
          g_free (im_stage);
          im_stage = g_strdup (t->to_stage);
        }
      else
        {
          g_free (stage);
          stage = g_strdup (t->to_stage);
        }

      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          static const char * const extendable[] = { "D02", "D04", "D05", "D06", "D07", "D09", "D10" };
          g_autofree char *new_due = redress_iso_date_add (date, REDRESS_PERIOD_MONTHS, 3);
          g_autofree char *ext = redress_procedure_record_extension (d->db, case_id,
                                                                     extendable[g_rand_int_range (rand, 0, 7)],
                                                                     date, "EXT/1", new_due, NULL, NULL);
        }
    }
}

static void
test_round_trip (Docket        *d,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260603);
  g_autofree char *dir = g_dir_make_tmp ("redress-roundtrip-XXXXXX", NULL);
  g_autoptr(RedressDatabase) in_use = open_new (dir, "in-use.redress");
  g_autoptr(GRegex) typed = g_regex_new ("\"(computed_due|extended_due|trigger_date|trigger_date_alt)\": \"[0-9-]+\"", 0, 0,
                                         NULL);
  guint compared = 0;

  /* A docket already in use: cases, deadlines, and this rule pack recorded. */
  g_assert_true (redress_demo_generate (in_use, 5, 12, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (redress_procedure_ensure_rule_pack (in_use, &error));
  g_assert_no_error (error);

  for (guint n = 0; n < N_HISTORIES; n++)
    {
      g_autofree char *reference = g_strdup_printf ("RT/%u", n);
      gboolean inquiry = n % 8 == 7;
      g_autofree char *case_id = inquiry ? docket_case (d, "inquiry", reference, "BE", NULL)
                                         : docket_good_communication (d, reference);
      g_autofree char *fresh_name = g_strdup_printf ("fresh-%u.redress", n);
      g_autoptr(RedressDatabase) fresh = open_new (dir, fresh_name);
      g_autofree char *json = NULL;
      g_autofree char *tampered = NULL;
      g_autofree char *source = NULL;
      g_autofree char *id = NULL;

      if (!inquiry)
        {
          g_autofree char *decided = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 18, 26),
                                                      g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

          docket_exec (d, "DELETE FROM procedural_event WHERE case_id = %Q", case_id);
          docket_exec (d, "UPDATE domestic_remedy SET decided_on = %Q, notified_on = date (%Q, '+9 days') "
                          "WHERE case_id = %Q", decided, decided, case_id);
        }
      g_assert_true (redress_procedure_recompute (d->db, case_id, &error));
      g_assert_no_error (error);
      random_history (d, rand, case_id, inquiry ? "inquiry" : "communication");

      source = derived (d->db, case_id);
      json = redress_exchange_export_case (d->db, case_id, &error);
      g_assert_no_error (error);

      /* Typed-in deadline dates are not trusted: the history decides. */
      tampered = g_regex_replace (typed, json, -1, 0, "\"\\1\": \"2099-12-31\"", 0, &error);
      g_assert_no_error (error);

      id = redress_exchange_import (fresh, tampered, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);
      g_assert_no_error (error);
      {
        g_autofree char *got = derived (fresh, id);

        g_assert_cmpstr (got, ==, source);
      }
      g_clear_pointer (&id, g_free);

      id = redress_exchange_import (in_use, tampered, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);
      g_assert_no_error (error);
      {
        g_autofree char *got = derived (in_use, id);

        g_assert_cmpstr (got, ==, source);
      }
      g_test_message ("%s", source);
      compared++;
      redress_database_close (fresh);
    }
  g_assert_cmpuint (compared, ==, N_HISTORIES);
  redress_database_close (in_use);
  docket_rm_rf (dir);
}

/* An impossible history imports nothing, and the message names the event. */
static void
test_impossible_history (Docket        *d,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-roundtrip-XXXXXX", NULL);
  g_autoptr(RedressDatabase) other = open_new (dir, "other.redress");
  g_autofree char *case_id = docket_good_communication (d, "IMP/1");
  g_autofree char *json = NULL;
  g_autoptr(GString) bad = NULL;
  g_autofree char *id = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (redress_procedure_recompute (d->db, case_id, &error));
  g_assert_no_error (error);
  json = redress_exchange_export_case (d->db, case_id, &error);
  g_assert_no_error (error);

  /* Views before the communication was even registered. */
  bad = g_string_new (json);
  g_assert_cmpuint (g_string_replace (bad, "\"event\": \"sent_to_ohchr\"", "\"event\": \"views_violation\"", 1), ==, 1);
  id = redress_exchange_import (other, bad->str, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "impossible"));
  g_assert_nonnull (strstr (error->message, "2024-06-01"));
  g_assert_nonnull (strstr (error->message, redress_lifecycle_event_label ("views_violation")));
  g_clear_error (&error);

  /* A date of submission the history contradicts. */
  g_string_assign (bad, json);
  g_assert_cmpuint (g_string_replace (bad, "\"submitted_on\": \"2024-06-01\"", "\"submitted_on\": \"2024-05-01\"", 1),
                    ==, 1);
  id = redress_exchange_import (other, bad->str, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);
  g_assert_null (id);
  g_assert_nonnull (strstr (error->message, "case.submitted_on"));
  g_assert_nonnull (strstr (error->message, "2024-05-01"));
  g_clear_error (&error);

  /* Interim measures before the Committee had the communication (OP3 art 6(1)). */
  g_string_assign (bad, json);
  g_assert_cmpuint (g_string_replace (bad, "\"events\": [\n", "\"events\": [\n      { \"id\": "
                                      "\"00000000-0000-4000-8000-000000000001\", \"track\": \"interim\", \"event\": "
                                      "\"author_requests_interim_measures\", \"occurred_on\": \"2024-05-01\", \"seq\": 9 },\n",
                                      1), ==, 1);
  id = redress_exchange_import (other, bad->str, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);
  g_assert_null (id);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "art 6(1)"));
  g_clear_error (&error);

  /* Nothing of it was written. */
  stmt = _redress_database_prepare (other, "SELECT count(*) FROM case_file", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  redress_database_close (other);
  docket_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/procedure-exchange/random-histories", Docket, NULL, docket_setup, test_round_trip, docket_teardown);
  g_test_add ("/procedure-exchange/impossible-history", Docket, NULL, docket_setup, test_impossible_history,
              docket_teardown);

  return g_test_run ();
}
