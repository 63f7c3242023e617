/* test-letters-panel.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Register a letter that reports the State's observations with the deadline
 * it gives, through the panel's action and the dialog's own fields; import
 * e-mails, a malformed one refused with a message; see the timeline.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redress-test-util.h"
#include "redress-correspondence-register.h"
#include "redress-database-private.h"
#include "redress-letter-dialog.h"
#include "redress-letters-panel.h"
#include "redress-procedure.h"
#include "redress-timeline-view.h"
#include "redress-util.h"

static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
set_row (GtkWidget  *dialog,
         const char *name,
         const char *text)
{
  GtkWidget *row = find_widget (dialog, is_named, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static RedressLetterDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (REDRESS_IS_LETTER_DIALOG (w))
        return REDRESS_LETTER_DIALOG (w);
    }
  return NULL;
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}


static const RedressDeadlineInfo *
open_deadline_due (GPtrArray  *deadlines,
                   const char *due)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      const RedressDeadlineInfo *d = g_ptr_array_index (deadlines, i);

      if (g_strcmp0 (d->status, "open") == 0 && g_strcmp0 (d->letter_due, due) == 0)
        return d;
    }
  return NULL;
}

static void
test_add_import_timeline (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-letters-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docket.redress", NULL);
  g_autofree char *case_id = redress_uuid_new ();
  g_autofree char *sql = NULL;
  g_autofree char *plain_path = g_test_build_filename (G_TEST_DIST, "data", "eml", "plain.eml", NULL);
  g_autofree char *attach_path = g_test_build_filename (G_TEST_DIST, "data", "eml", "attachments.eml", NULL);
  g_autofree char *broken_path = g_test_build_filename (G_TEST_DIST, "data", "eml", "broken.eml", NULL);
  g_autoptr(GFile) plain = g_file_new_for_path (plain_path);
  g_autoptr(GFile) attach = g_file_new_for_path (attach_path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  const char *events[][2] = {
    { "eligibility_checked_ok", "2026-01-05" },
    { "draft_approved", "2026-01-20" },
    { "sent_to_ohchr", "2026-01-22" },
    { "registered_and_transmitted", "2026-02-10" },
  };
  const RedressDeadlineInfo *due;
  RedressLetterDialog *dialog;
  RedressLetter *letter;
  GtkWidget *window, *panel, *timeline, *box, *scroller, *row;

  db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO case_file (id, kind, reference, title, created_at, updated_at) VALUES "
                         "('%s', 'communication', 'C-1', 'A.B. v. Utopia', redress_now (), redress_now ())",
                         case_id);
  _redress_database_exec (db, sql, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *id = redress_procedure_record_event (db, case_id, NULL, events[i][0], events[i][1],
                                                            "", NULL, "", &error);
      g_assert_no_error (error);
    }
  before = redress_procedure_list_deadlines (db, case_id, &error);
  g_assert_no_error (error);
  g_assert_null (open_deadline_due (before, "2026-10-05"));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 760);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  panel = redress_letters_panel_new (db);
  timeline = redress_timeline_view_new (db);
  gtk_box_append (GTK_BOX (box), panel);
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  redress_letters_panel_set_case (REDRESS_LETTERS_PANEL (panel), case_id);
  redress_timeline_view_set_case (REDRESS_TIMELINE_VIEW (timeline), case_id);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* Add Letter opens the dialog, which offers only what the stage allows. */
  g_assert_true (gtk_widget_activate_action (panel, "letters.add", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (redress_letter_dialog_select_event (dialog, "state_observations_received"));
  g_assert_false (redress_letter_dialog_select_event (dialog, "views_violation"));
  g_assert_true (redress_letter_dialog_select_event (dialog, "state_observations_received"));
  set_row (GTK_WIDGET (dialog), "subject", "Transmission of the State party's observations");
  set_row (GTK_WIDGET (dialog), "reference", "G/SO 229/8 CRC/C/102/D/123/2026");
  set_row (GTK_WIDGET (dialog), "letter-date", "2026-08-03");
  set_row (GTK_WIDGET (dialog), "transit-date", "2026-08-04");

  /* A date that is not one: a clear message, the dialog stays with what was typed. */
  set_row (GTK_WIDGET (dialog), "due", "5 October 2026");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_named, "save"), "clicked");
  g_assert_nonnull (redress_letter_dialog_get_error (dialog));
  g_assert_nonnull (strstr (redress_letter_dialog_get_error (dialog), "YYYY-MM-DD"));
  g_assert_true (find_dialog () == dialog);
  letters = redress_correspondence_register_list (db, case_id, &error);
  g_assert_cmpuint (letters->len, ==, 0);
  g_clear_pointer (&letters, g_ptr_array_unref);

  set_row (GTK_WIDGET (dialog), "due", "2026-10-05");
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_named, "save"), "clicked");
  REDRESS_TEST_WAIT_FOR (find_dialog () == NULL);

  /* The register has the letter, and the deadline follows the letter's date. */
  letters = redress_correspondence_register_list (db, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 1);
  letter = g_ptr_array_index (letters, 0);
  g_assert_cmpstr (letter->reported_event, ==, "state_observations_received");
  g_assert_cmpstr (letter->counterpart, ==, "committee");
  after = redress_procedure_list_deadlines (db, case_id, &error);
  g_assert_no_error (error);
  due = open_deadline_due (after, "2026-10-05");
  g_assert_nonnull (due);
  g_assert_cmpstr (redress_deadline_info_get_due (due), ==, "2026-10-05");
  g_assert_cmpstr (due->trigger_event_id, ==, letter->event_id);
  row = find_widget (panel, is_named, letter->id);
  g_assert_nonnull (row);
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_nonnull (find_widget (row, is_row_titled, "Reports"));

  /* Import e-mails: each is listed, newest first. */
  g_assert_true (redress_letters_panel_import_file (REDRESS_LETTERS_PANEL (panel), plain));
  g_assert_true (redress_letters_panel_import_file (REDRESS_LETTERS_PANEL (panel), attach));
  g_assert_null (redress_letters_panel_get_alert (REDRESS_LETTERS_PANEL (panel)));
  g_assert_nonnull (find_widget (panel, is_row_titled, "Communication No. 123/2026 - acknowledgement"));
  row = find_widget (panel, is_row_titled, "Transmission of the State party observations");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "attachment"));

  /* A malformed file: the panel says so, and nothing is registered. */
  g_assert_false (redress_letters_panel_import_file (REDRESS_LETTERS_PANEL (panel), broken));
  g_assert_nonnull (redress_letters_panel_get_alert (REDRESS_LETTERS_PANEL (panel)));
  g_assert_nonnull (strstr (redress_letters_panel_get_alert (REDRESS_LETTERS_PANEL (panel)), "broken.eml"));
  g_clear_pointer (&letters, g_ptr_array_unref);
  letters = redress_correspondence_register_list (db, case_id, &error);
  g_assert_cmpuint (letters->len, ==, 3);

  /* The timeline merges the four events and the three letters. */
  REDRESS_TEST_WAIT_FOR (redress_timeline_view_get_n_entries (REDRESS_TIMELINE_VIEW (timeline)) >= 7);
  g_assert_nonnull (find_widget (timeline, is_row_titled, "Transmission of the State party's observations"));

  if (g_getenv ("REDRESS_SCREENSHOT") != NULL)
    {
      iterate ();
      g_usleep (G_USEC_PER_SEC * atoi (g_getenv ("REDRESS_SCREENSHOT")));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&db);
  redress_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/letters-panel/add-import-timeline", test_add_import_timeline);

  return g_test_run ();
}
