/* test-lifecycle.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every transition of lifecycle.csv is recorded on a case reached by the
 * shortest path from the start, and a sample of moves the procedure does not
 * allow is refused with a reason, changing nothing.
 */

#include "config.h"

#include <string.h>

#include "procedure-fixture.h"
#include "redress-lifecycle.h"
#include "redress-procedure.h"
#include "redress-sqlite-private.h"

static guint
count_csv_rows (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REDRESS_SRCDIR"), "data", name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    n += *lines[i] != '\0';
  return n;
}

static void
test_loaded (void)
{
  RedressLifecycle *lc = redress_lifecycle_get_default ();

  g_assert_cmpuint (redress_lifecycle_get_n_transitions (lc), ==, count_csv_rows ("lifecycle.csv"));
  g_assert_cmpuint (redress_lifecycle_get_n_transitions (lc), ==, 53);

  for (guint i = 0; i < redress_lifecycle_get_n_transitions (lc); i++)
    {
      const RedressTransition *t = redress_lifecycle_get_transition (lc, i);

      /* Every event and stage has a human label, and every move a mark. */
      g_assert_cmpstr (redress_lifecycle_event_label (t->event), !=, t->event);
      g_assert_cmpstr (redress_lifecycle_stage_label (t->to_stage), !=, t->to_stage);
      for (guint j = 0; t->from_stages[j] != NULL; j++)
        if (g_strcmp0 (t->from_stages[j], "ANY_OPEN_STATE") != 0)
          g_assert_cmpstr (redress_lifecycle_stage_label (t->from_stages[j]), !=, t->from_stages[j]);
      g_assert_nonnull (strstr ("[V] [S] [U] [V]/[U] app", t->mark));
    }

  g_assert_cmpstr (redress_lifecycle_find (lc, "communication", "SUBMITTED", "registered_and_transmitted")->mark, ==,
                   "[V]");
  g_assert_cmpstr (redress_lifecycle_find (lc, "communication", "SUBMITTED", "registered_and_transmitted")->source,
                   ==, "OP3 art 8; RoP rules 16 18");
  g_assert_true (redress_lifecycle_is_terminal (lc, "communication", "DECIDED_INADMISSIBLE"));
  g_assert_false (redress_lifecycle_is_terminal (lc, "communication", "VIEWS_VIOLATION"));
  g_assert_false (redress_lifecycle_is_open (lc, "communication", "DRAFTING"));
  g_assert_true (redress_lifecycle_is_open (lc, "communication", "READY_FOR_CONSIDERATION"));
  g_assert_null (redress_lifecycle_procedure_for_track ("inquiry", "interim"));
  g_assert_cmpstr (redress_lifecycle_procedure_for_track ("inquiry", "protection"), ==, "protection_measures");
}

/* The shortest list of moves from the procedure's start to @stage. */
typedef struct
{
  char                    *prev;
  const RedressTransition *t;
} Step;

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->prev);
  g_free (step);
}

static GPtrArray *
path_to (RedressLifecycle *lc,
         const char       *procedure,
         const char       *stage)
{
  g_autoptr(GHashTable) via = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, step_free);
  g_autoptr(GQueue) queue = g_queue_new ();
  GPtrArray *path = g_ptr_array_new ();
  const char *start = redress_lifecycle_initial_stage (procedure);
  const char *at;

  g_hash_table_insert (via, g_strdup (start), g_new0 (Step, 1));
  g_queue_push_tail (queue, g_strdup (start));
  while (!g_queue_is_empty (queue))
    {
      g_autofree char *s = g_queue_pop_head (queue);
      g_autoptr(GPtrArray) moves = redress_lifecycle_allowed_events (lc, procedure, s);

      for (guint i = 0; i < moves->len; i++)
        {
          const RedressTransition *t = g_ptr_array_index (moves, i);
          Step *step;

          if (g_hash_table_contains (via, t->to_stage))
            continue;
          step = g_new0 (Step, 1);
          step->prev = g_strdup (s);
          step->t = t;
          g_hash_table_insert (via, g_strdup (t->to_stage), step);
          g_queue_push_tail (queue, g_strdup (t->to_stage));
        }
    }

  g_assert_true (g_hash_table_contains (via, stage));
  for (at = stage; g_strcmp0 (at, start) != 0;)
    {
      Step *step = g_hash_table_lookup (via, at);

      g_ptr_array_insert (path, 0, (gpointer) step->t);
      at = step->prev;
    }
  return path;
}

static const char *
track_of (const char *procedure)
{
  if (g_strcmp0 (procedure, "interim_measures") == 0)
    return "interim";
  if (g_strcmp0 (procedure, "protection_measures") == 0)
    return "protection";
  return "main";
}

static void
test_every_transition (Docket        *d,
                       gconstpointer  data)
{
  RedressLifecycle *lc = redress_lifecycle_get_default ();
  guint recorded = 0;

  for (guint i = 0; i < redress_lifecycle_get_n_transitions (lc); i++)
    {
      const RedressTransition *t = redress_lifecycle_get_transition (lc, i);
      const char *kind = g_strcmp0 (t->procedure, "inquiry") == 0 ? "inquiry" : "communication";

      if (g_strcmp0 (t->procedure, "inter_state") == 0)
        {
          /* Art 12 matters are recorded as related proceedings only (domain.md §3.3). */
          g_assert_true (redress_lifecycle_find (lc, "inter_state", "NONE", t->event) == t);
          continue;
        }

      for (guint j = 0; t->from_stages[j] != NULL; j++)
        {
          const char *from = t->from_stages[j];
          g_auto(GStrv) stages = NULL;

          if (g_strcmp0 (from, "ANY_OPEN_STATE") == 0)
            {
              stages = redress_lifecycle_list_stages (lc, t->procedure);
            }
          else
            {
              stages = g_new0 (char *, 2);
              stages[0] = g_strdup (from);
            }

          for (guint k = 0; stages[k] != NULL; k++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(GPtrArray) path = NULL;
              g_autofree char *reference = NULL;
              g_autofree char *case_id = NULL;
              g_autofree char *id = NULL;
              g_autofree char *stage = NULL;
              GDate date;

              if (g_strcmp0 (from, "ANY_OPEN_STATE") == 0 &&
                  !redress_lifecycle_is_open (lc, t->procedure, stages[k]))
                continue;

              reference = g_strdup_printf ("T/%u/%u/%u", i, j, k);
              case_id = docket_case (d, kind, reference, "DE", NULL);
              path = path_to (lc, t->procedure, stages[k]);
              g_date_clear (&date, 1);
              g_date_set_dmy (&date, 1, 1, 2024);
              /* OP3 art 6(1): interim measures only once the Committee has the communication. */
              if (g_strcmp0 (t->procedure, "interim_measures") == 0)
                {
                  static const char * const filing[] = { "eligibility_checked_ok", "draft_approved", "sent_to_ohchr" };

                  for (guint p = 0; p < G_N_ELEMENTS (filing); p++)
                    {
                      g_autofree char *step_id = redress_procedure_record_event (d->db, case_id, "main", filing[p],
                                                                                 "2023-12-01", NULL, NULL, NULL,
                                                                                 &error);

                      g_assert_no_error (error);
                    }
                }
              for (guint p = 0; p < path->len; p++)
                {
                  const RedressTransition *step = g_ptr_array_index (path, p);
                  g_autofree char *when = redress_iso_date_format (&date);
                  g_autofree char *step_id = redress_procedure_record_event (d->db, case_id, track_of (t->procedure),
                                                                             step->event, when, NULL, NULL, NULL,
                                                                             &error);

                  g_assert_no_error (error);
                  g_assert_nonnull (step_id);
                  g_date_add_days (&date, 3);
                }

              {
                g_autofree char *when = redress_iso_date_format (&date);

                id = redress_procedure_record_event (d->db, case_id, NULL, t->event, when, "L/1", NULL, "test",
                                                     &error);
              }
              g_test_message ("%s: %s --%s--> %s", t->procedure, stages[k], t->event, t->to_stage);
              g_assert_no_error (error);
              g_assert_nonnull (id);
              stage = redress_procedure_get_stage (d->db, case_id, track_of (t->procedure), &error);
              g_assert_no_error (error);
              g_assert_cmpstr (stage, ==, t->to_stage);
              recorded++;
            }
        }
    }

  g_assert_cmpuint (recorded, >=, 60);
}

static guint
count_events (Docket *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (d->db, "SELECT count(*) FROM procedural_event", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint) sqlite3_column_int (stmt, 0);
}

static void
test_refused (Docket        *d,
              gconstpointer  data)
{
  static const struct {
    const char *kind;
    const char *setup;    /* events recorded first, space-separated */
    const char *track;
    const char *event;
    const char *date;
    const char *message;  /* part of the reason */
  } cases[] = {
    { "communication", "", NULL, "views_violation", "2024-03-01", "Ready for consideration" },
    { "communication", "", NULL, "views_violation", "2024-03-01", "OP3 art 10(5); RoP rule 27" },
    { "communication", "eligibility_checked_ok draft_approved sent_to_ohchr", NULL,
      "state_observations_received", "2024-03-01", "Awaiting the State’s observations" },
    { "communication", "", NULL, "author_withdraws_or_matter_moot", "2024-03-01", "Intake" },
    { "communication", "eligibility_failed", NULL, "eligibility_checked_ok", "2024-03-01", "Closed, not filed" },
    { "communication", "", NULL, "committee_grants", "2024-03-01", "Interim measures requested" },
    { "communication", "eligibility_checked_ok draft_approved sent_to_ohchr author_requests_interim_measures "
      "committee_declines", NULL, "state_asks_to_lift",
      "2024-03-01", "Interim measures granted" },
    { "communication", "", NULL, "committee_requests_state_action", "2024-03-01", "RoP rule 4" },
    { "communication", "", NULL, "no_such_event", "2024-03-01", "no_such_event" },
    { "communication", "", NULL, "findings_transmitted", "2024-03-01", "not an event of a communication" },
    { "inquiry", "", NULL, "author_requests_interim_measures", "2024-03-01", "not an event of an inquiry" },
    { "inquiry", "", "interim", "author_requests_interim_measures", "2024-03-01", "art 6" },
    { "inquiry", "information_sent", NULL, "findings_transmitted", "2024-03-01", "Inquiry under way" },
    { "communication", "eligibility_checked_ok draft_approved", NULL, "registered_and_transmitted", "2023-12-01",
      "On 2023-12-01" },
    /* OP3 art 6(1) [V]: after the receipt of a communication, before a determination on the merits. */
    { "communication", "", NULL, "author_requests_interim_measures", "2024-03-01", "art 6(1)" },
    { "communication", "eligibility_checked_ok draft_approved", NULL, "author_requests_interim_measures", "2024-03-01",
      "has not reached the Committee" },
    { "communication", "eligibility_checked_ok draft_approved sent_to_ohchr registered_and_transmitted "
      "state_observations_received author_comments_sent exchange_closed views_violation", NULL,
      "author_requests_interim_measures", "2024-03-01", "before a determination on the merits" },
    { "communication", "eligibility_checked_ok draft_approved sent_to_ohchr declared_inadmissible_without_transmission",
      NULL, "author_requests_interim_measures", "2024-03-01", "art 6(1)" },
    /* RoP rule 26 [V]: discontinuance concerns a pending communication; after Views the
     * follow-up of OP3 art 11(1) [S] runs until it is closed. */
    { "communication", "eligibility_checked_ok draft_approved sent_to_ohchr registered_and_transmitted "
      "state_observations_received author_comments_sent exchange_closed views_violation", NULL,
      "author_withdraws_or_matter_moot", "2024-03-01", "pending before the Committee" },
    { "communication", "eligibility_checked_ok draft_approved sent_to_ohchr registered_and_transmitted "
      "state_observations_received author_comments_sent exchange_closed views_violation views_transmitted", NULL,
      "author_withdraws_or_matter_moot", "2024-03-01", "Views" },
    { "communication", "eligibility_checked_ok draft_approved sent_to_ohchr registered_and_transmitted "
      "friendly_settlement_talks_opened settlement_agreed", NULL, "author_withdraws_or_matter_moot", "2024-03-01",
      "RoP rule 26" },
    { "communication", "", NULL, "eligibility_checked_ok", "2024-02-30", "YYYY-MM-DD" },
    { "communication", "", NULL, "eligibility_checked_ok", "", "YYYY-MM-DD" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *reference = g_strdup_printf ("R/%u", i);
      g_autofree char *case_id = docket_case (d, cases[i].kind, reference, "DE", NULL);
      g_auto(GStrv) setup = g_strsplit (cases[i].setup, " ", -1);
      g_autofree char *id = NULL;
      g_autofree char *stage_before = NULL;
      g_autofree char *stage_after = NULL;
      guint before;

      for (guint j = 0; setup[j] != NULL; j++)
        {
          g_autofree char *date = g_strdup_printf ("2024-01-%02u", j + 1);
          g_autofree char *step = NULL;

          if (*setup[j] == '\0')
            continue;
          step = redress_procedure_record_event (d->db, case_id, NULL, setup[j], date, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }

      stage_before = redress_procedure_get_stage (d->db, case_id, "main", &error);
      g_assert_no_error (error);
      before = count_events (d);
      id = redress_procedure_record_event (d->db, case_id, cases[i].track, cases[i].event, cases[i].date,
                                           NULL, NULL, NULL, &error);
      g_test_message ("%s: %s", cases[i].event, error ? error->message : "(accepted)");
      g_assert_null (id);
      g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);

      /* Nothing changed. */
      g_assert_cmpuint (count_events (d), ==, before);
      stage_after = redress_procedure_get_stage (d->db, case_id, "main", &error);
      g_assert_cmpstr (stage_after, ==, stage_before);
    }
}

static void
test_history_kept (Docket        *d,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "H/1", "DE", NULL);
  g_autofree char *e1 = redress_procedure_record_event (d->db, case_id, NULL, "eligibility_checked_ok", "2024-01-05",
                                                        NULL, NULL, "checked", &error);
  g_autofree char *e2 = redress_procedure_record_event (d->db, case_id, NULL, "draft_approved", "2024-02-01",
                                                        NULL, NULL, NULL, &error);
  g_autofree char *e3 = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stage = NULL;

  g_assert_no_error (error);
  /* An event recorded late goes where its date puts it. */
  e3 = redress_procedure_record_event (d->db, case_id, NULL, "sent_to_ohchr", "2024-03-01", "email of 1 March",
                                       NULL, NULL, &error);
  g_assert_no_error (error);

  stmt = _redress_database_prepare (d->db,
                                    "SELECT event, from_stage, to_stage, letter_ref FROM procedural_event "
                                    "WHERE case_id = ? ORDER BY occurred_on, seq", &error);
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "INTAKE");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "DRAFTING");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "SUBMITTED");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "email of 1 March");

  stage = redress_procedure_get_stage (d->db, case_id, "main", &error);
  g_assert_cmpstr (stage, ==, "SUBMITTED");

  /* Moving the approval after the sending breaks the history: refused. */
  g_assert_false (redress_procedure_correct_event (d->db, e2, "2024-04-01", NULL, NULL, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "impossible"));
  g_clear_error (&error);
  /* Deleting an event later ones depend on: refused. */
  g_assert_false (redress_procedure_delete_event (d->db, e1, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  /* Deleting the last one moves the case back. */
  g_assert_true (redress_procedure_delete_event (d->db, e3, &error));
  g_assert_no_error (error);
  g_free (stage);
  stage = redress_procedure_get_stage (d->db, case_id, "main", &error);
  g_assert_cmpstr (stage, ==, "READY_TO_FILE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lifecycle/loaded", test_loaded);
  g_test_add ("/lifecycle/every-transition", Docket, NULL, docket_setup, test_every_transition, docket_teardown);
  g_test_add ("/lifecycle/refused", Docket, NULL, docket_setup, test_refused, docket_teardown);
  g_test_add ("/lifecycle/history", Docket, NULL, docket_setup, test_history_kept, docket_teardown);

  return g_test_run ();
}
