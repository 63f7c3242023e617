/* test-deadlines-page.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Deadlines page on a small docket, with the day fixed: the groups and
 * their counts, the overdue count for the sidebar, reloading when a deadline
 * is waived, the filters, and the month view.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "redress-agenda.h"
#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-deadlines-page.h"
#include "redress-procedure.h"
#include "redress-test-util.h"

typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *db;
  GtkWidget       *window;
  RedressDeadlinesPage *page;
} Fixture;

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  _redress_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

static void
populate (Fixture *f)
{
  exec (f, "INSERT INTO case_file (id, kind, reference, title, state_code, created_at, updated_at) VALUES"
           " ('c1', 'communication', 'CRC/12/2026', '', 'FR', redress_now (), redress_now ()),"
           " ('c2', 'communication', 'CRC/13/2026', '', 'ES', redress_now (), redress_now ()),"
           " ('c3', 'communication', 'CRC/14/2026', '', 'ES', redress_now (), redress_now ())");
  exec (f, "INSERT INTO deadline (id, case_id, rule_id, rule_pack_version, trigger_date, computed_due, letter_due,"
           " urgent, status, created_at, updated_at) VALUES"
           " ('d1', 'c1', 'D01', 't', '2025-05-28', '2026-05-28', NULL, 0, 'open', redress_now (), redress_now ()),"
           " ('d2', 'c1', 'D08', 't', '2026-05-31', '2026-05-31', NULL, 1, 'open', redress_now (), redress_now ()),"
           " ('d3', 'c2', 'D02', 't', '2025-12-01', '2026-06-01', '2026-06-04', 0, 'open', redress_now (), redress_now ()),"
           " ('d4', 'c2', 'D04', 't', '2026-05-01', '2026-07-01', NULL, 0, 'open', redress_now (), redress_now ())");
  exec (f, "UPDATE deadline SET trigger_date_alt = '2025-06-03' WHERE id = 'd1'");
  /* OP3 art 6: D08 counts as a date to meet only once a breach is recorded;
   * measures merely in force are shown as such (see test_groups). */
  exec (f, "INSERT INTO procedural_event (id, case_id, track, event, occurred_on, seq, created_at, updated_at)"
           " VALUES ('e1', 'c1', 'interim', 'state_non_compliance_reported', '2026-05-31', 1, redress_now (),"
           " redress_now ())");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("redress-page-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  populate (f);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  f->page = REDRESS_DEADLINES_PAGE (redress_deadlines_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), adw_toast_overlay_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (gtk_window_get_child (GTK_WINDOW (f->window))),
                               GTK_WIDGET (f->page));
  redress_deadlines_page_set_today (f->page, "2026-05-31");
  redress_deadlines_page_set_database (f->page, f->db);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->db);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (evidence);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Keeps the window up for @ms milliseconds, for a person to look at
 * (REDRESS_TEST_LINGER only; no test waits a fixed time). */
static void
linger (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The page loads in an idle: wait for what a person would see. */
static gboolean
loaded (Fixture *f)
{
  return redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_OVERDUE) +
         redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_TODAY) +
         redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_THIS_WEEK) +
         redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_LATER) == 4;
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  REDRESS_TEST_WAIT_FOR (loaded (f));
  g_assert_cmpstr (redress_deadlines_page_get_today (f->page), ==, "2026-05-31");
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_OVERDUE), ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_TODAY), ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_THIS_WEEK), ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_LATER), ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_overdue_count (f->page), ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_no_deadline_count (f->page), ==, 1);

  /* The next day: the breached interim measures are overdue too. */
  redress_deadlines_page_set_today (f->page, "2026-06-01");
  g_assert_cmpuint (redress_deadlines_page_get_overdue_count (f->page), ==, 2);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_TODAY), ==, 0);

  /* Without the breach the measures are in force: no date to meet, never overdue. */
  exec (f, "DELETE FROM procedural_event WHERE id = 'e1'");
  redress_database_emit_changed (f->db, "deadline", NULL);
  redress_deadlines_page_set_today (f->page, "2026-05-31");
  redress_deadlines_page_set_today (f->page, "2026-06-01");
  g_assert_cmpuint (redress_deadlines_page_get_overdue_count (f->page), ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_NO_DATE), ==, 1);
  exec (f, "INSERT INTO procedural_event (id, case_id, track, event, occurred_on, seq, created_at, updated_at)"
           " VALUES ('e1', 'c1', 'interim', 'state_non_compliance_reported', '2026-05-31', 1, redress_now (),"
           " redress_now ())");
  redress_database_emit_changed (f->db, "deadline", NULL);
  redress_deadlines_page_set_today (f->page, "2026-05-31");

  if (g_getenv ("REDRESS_TEST_LINGER") != NULL)
    {
      redress_deadlines_page_set_today (f->page, "2026-05-31");
      linger ((guint) g_ascii_strtoull (g_getenv ("REDRESS_TEST_LINGER"), NULL, 10) * 1000);
    }
}

static void
overdue_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    data)
{
  (*(guint *) data)++;
}

/* A case taken through the procedure engine: registered and transmitted to
 * the State on 28 November 2025, so the State's observations (D02, six
 * months, OP3 art 8(2)) were due on 28 May 2026. */
static void
add_transmitted_case (Fixture *f)
{
  static const char * const events[][2] = {
    { "eligibility_checked_ok", "2025-11-01" },
    { "draft_approved", "2025-11-05" },
    { "sent_to_ohchr", "2025-11-10" },
    { "registered_and_transmitted", "2025-11-28" },
  };

  exec (f, "INSERT INTO case_file (id, kind, reference, stage, state_code, created_at, updated_at) VALUES"
           " ('c9', 'communication', 'CRC/99/2025', 'INTAKE', 'FR', redress_now (), redress_now ())");
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = redress_procedure_record_event (f->db, "c9", "main", events[i][0], events[i][1],
                                                            "", NULL, "", &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }
}

/* Waiving a deadline reloads the page: the sidebar count drops, and the
 * deadline stays in the case's history. */
static void
test_reload_on_change (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  const char *d02 = NULL;
  guint notified = 0;
  guint before;

  REDRESS_TEST_WAIT_FOR (loaded (f));
  add_transmitted_case (f);
  /* Wait for the reload: c1's D01 and c9's D02 and D03 are overdue. */
  REDRESS_TEST_WAIT_FOR (redress_deadlines_page_get_overdue_count (f->page) >= 3);
  before = redress_deadlines_page_get_overdue_count (f->page);
  g_assert_cmpuint (before, >=, 2);

  deadlines = redress_procedure_list_deadlines (f->db, "c9", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    {
      RedressDeadlineInfo *info = g_ptr_array_index (deadlines, i);

      if (g_strcmp0 (info->rule_id, "D02") == 0 && g_strcmp0 (info->status, "open") == 0)
        {
          g_assert_cmpstr (redress_deadline_info_get_due (info), ==, "2026-05-28");
          d02 = info->id;
        }
    }
  g_assert_nonnull (d02);

  g_signal_connect (f->page, "notify::overdue-count", G_CALLBACK (overdue_notify_cb), &notified);
  g_assert_true (redress_procedure_waive (f->db, d02, "The Committee discontinued the exchange", &error));
  g_assert_no_error (error);
  REDRESS_TEST_WAIT_FOR (notified >= 1);
  redress_test_flush_main_context ();
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_overdue_count (f->page), ==, before - 1);

  history = redress_agenda_list_history (f->db, "c9", "2026-05-31", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(RedressAgendaItem) item = g_list_model_get_item (history, i);

      if (g_strcmp0 (redress_agenda_item_get_deadline_id (item), d02) == 0)
        {
          g_assert_cmpstr (redress_agenda_item_get_status (item), ==, "waived");
          d02 = NULL;
        }
    }
  g_assert_null (d02);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkDropDown *who = NULL;
  GtkDropDown *state = NULL;

  REDRESS_TEST_WAIT_FOR (loaded (f));

  /* The two drop-downs, in template order. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (f->page)); w != NULL;)
    {
      if (GTK_IS_DROP_DOWN (w))
        {
          if (who == NULL)
            who = GTK_DROP_DOWN (w);
          else if (state == NULL)
            state = GTK_DROP_DOWN (w);
        }
      if (gtk_widget_get_first_child (w) != NULL && !GTK_IS_DROP_DOWN (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != GTK_WIDGET (f->page))
            w = gtk_widget_get_parent (w);
          if (w == NULL || w == GTK_WIDGET (f->page))
            break;
          w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (who);
  g_assert_nonnull (state);

  /* State party only: D02 (this week) and D08 (today). */
  gtk_drop_down_set_selected (who, REDRESS_AGENDA_ACTOR_STATE);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_OVERDUE), ==, 0);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_TODAY), ==, 1);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_THIS_WEEK), ==, 1);
  /* The sidebar keeps counting every overdue deadline. */
  g_assert_cmpuint (redress_deadlines_page_get_overdue_count (f->page), ==, 1);

  /* And only Spain ("All States", "ES", "FR"). */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (state)), ==, 3);
  gtk_drop_down_set_selected (state, 1);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_TODAY), ==, 0);
  g_assert_cmpuint (redress_deadlines_page_get_group_count (f->page, REDRESS_AGENDA_GROUP_THIS_WEEK), ==, 1);
  /* CRC/14/2026 (Spain) has no deadline. */
  g_assert_cmpuint (redress_deadlines_page_get_no_deadline_count (f->page), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/deadlines-page/groups", Fixture, NULL, fixture_setup, test_groups, fixture_teardown);
  g_test_add ("/deadlines-page/reload-on-change", Fixture, NULL, fixture_setup, test_reload_on_change, fixture_teardown);
  g_test_add ("/deadlines-page/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);

  return g_test_run ();
}
