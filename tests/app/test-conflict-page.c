/* test-conflict-page.c: the case page when someone else changed a field.
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line ($REDRESS_CLI, another process) changes the Summary while
 * the page holds an edit of it not yet saved.  The page keeps the user's
 * text, asks, naming the field, the colleague and both texts, and "Keep Mine"
 * writes the user's text to the file; "Take Theirs" shows theirs.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "redress-case.h"
#include "redress-case-page.h"
#include "redress-database.h"
#include "redress-record.h"
#include "redress-text-area.h"
#include "redress-test-util.h"

typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *db;
  GtkWindow       *window;
  RedressCasePage *page;
  char            *case_id;
} Fixture;

static GtkWidget *
find_text_area (GtkWidget  *root,
                const char *title)
{
  if (REDRESS_IS_TEXT_AREA (root) &&
      g_strcmp0 (redress_text_area_get_title (REDRESS_TEXT_AREA (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_area (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* With REDRESS_SCREENSHOT_DIR set, the screen is saved as DIR/NAME.png
 * after the main loop has drawn it. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("REDRESS_SCREENSHOT_DIR");
  g_autofree char *command = NULL;
  gint64 end = g_get_monotonic_time () + 400 * 1000;
  guint tick;

  if (dir == NULL)
    return;
  tick = g_timeout_add (10, tick_cb, NULL);
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

/* The same for one window, drawn by itself (a dialog has no window
 * manager to place it under Xvfb). */
static void
screenshot_window (GtkWidget  *window,
                   const char *name)
{
  const char *dir = g_getenv ("REDRESS_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width, height;

  if (dir == NULL)
    return;
  REDRESS_TEST_WAIT_FOR (gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0);
  screenshot (name);  /* lets it draw */
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("Nothing drawn for %s (%d×%d)", name, width, height);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s-window.png", dir, name);
  if (!gdk_texture_save_to_png (texture, file))
    g_test_message ("Could not write %s", file);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks a response of the dialog, as the user would. */
static void
click (AdwMessageDialog *dialog,
       const char       *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* What the file says, through a fresh connection. */
static char *
stored_summary (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(RedressRecord) record = NULL;

  g_assert_no_error (error);
  record = redress_record_load (reader, REDRESS_TYPE_CASE, f->case_id, &error);
  g_assert_no_error (error);
  return g_strdup (redress_record_get_string (record, "summary"));
}

static gboolean
stored_summary_is (Fixture    *f,
                   const char *expected)
{
  g_autofree char *summary = stored_summary (f);

  return g_strcmp0 (summary, expected) == 0;
}

static void
cli_set_summary (Fixture    *f,
                 const char *text)
{
  const char *argv[] = { g_getenv ("REDRESS_CLI"), "--docket", f->path, "set", "RD-2024-001",
                         "summary", text, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "REDRESS_ACTOR", "Bruno Costa", TRUE);
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("redress-cli set failed: %s\n%s", error->message, err);
}

static char *
area_text (GtkWidget *area)
{
  return redress_text_area_get_text (REDRESS_TEXT_AREA (area));
}

static void
type_into (GtkWidget  *area,
           const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (redress_text_area_get_view (REDRESS_TEXT_AREA (area))),
                            text, -1);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) case_file = NULL;

  f->dir = g_dir_make_tmp ("redress-conflict-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  redress_database_set_actor (f->db, "Amal Haddad");

  case_file = redress_case_new ("communication", "RD-2024-001");
  g_object_set (case_file, "summary", "The first summary.", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (case_file), f->db, &error));
  g_assert_no_error (error);
  f->case_id = g_strdup (redress_record_get_id (REDRESS_RECORD (case_file)));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = REDRESS_CASE_PAGE (redress_case_page_new (f->db));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  redress_case_page_set_case (f->page, f->case_id);
  REDRESS_TEST_WAIT_FOR (find_text_area (GTK_WIDGET (f->page), "Summary") != NULL &&
                         gtk_widget_get_mapped (find_text_area (GTK_WIDGET (f->page), "Summary")));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (f->window);
  redress_test_flush_main_context ();
  g_clear_object (&f->db);
  redress_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->case_id, g_free);
}

static AdwMessageDialog *
edit_while_cli_changes (Fixture *f)
{
  GtkWidget *summary = find_text_area (GTK_WIDGET (f->page), "Summary");
  AdwMessageDialog *dialog;
  const char *body;

  /* Typed, and before the typing pause the command line saves the field. */
  type_into (summary, "My summary, typed in the window.");
  cli_set_summary (f, "Their summary, from the command line.");

  /* The page's save meets the change: it asks instead of overwriting. */
  g_assert_false (redress_case_page_flush (f->page));
  REDRESS_TEST_WAIT_FOR (find_dialog () != NULL);
  dialog = find_dialog ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Summary"));
  g_assert_nonnull (strstr (body, "Bruno Costa"));
  g_assert_nonnull (strstr (body, "Their summary, from the command line."));
  g_assert_nonnull (strstr (body, "My summary, typed in the window."));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep-mine"));
  g_assert_true (adw_message_dialog_has_response (dialog, "take-theirs"));
  screenshot_window (GTK_WIDGET (dialog), "conflict-dialog");

  /* Nothing was lost or overwritten meanwhile. */
  g_assert_true (stored_summary_is (f, "Their summary, from the command line."));
  {
    g_autofree char *text = area_text (summary);

    g_assert_cmpstr (text, ==, "My summary, typed in the window.");
  }
  return dialog;
}

static void
test_keep_mine (Fixture       *f,
                gconstpointer  data)
{
  AdwMessageDialog *dialog = edit_while_cli_changes (f);

  click (dialog, "_Keep Mine");
  REDRESS_TEST_WAIT_FOR (stored_summary_is (f, "My summary, typed in the window."));
  REDRESS_TEST_WAIT_FOR (find_dialog () == NULL);
  g_assert_true (redress_case_page_flush (f->page));
}

static void
test_take_theirs (Fixture       *f,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog = edit_while_cli_changes (f);
  GtkWidget *summary = find_text_area (GTK_WIDGET (f->page), "Summary");
  g_autofree char *text = NULL;

  click (dialog, "_Take Theirs");
  REDRESS_TEST_WAIT_FOR (find_dialog () == NULL);
  text = area_text (summary);
  g_assert_cmpstr (text, ==, "Their summary, from the command line.");
  g_assert_true (redress_case_page_flush (f->page));
  g_assert_true (stored_summary_is (f, "Their summary, from the command line."));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("REDRESS_CLI") == NULL)
    {
      g_printerr ("REDRESS_CLI is not set\n");
      return 77;
    }

  g_test_add ("/conflict-page/keep-mine", Fixture, NULL, fixture_set_up, test_keep_mine, fixture_tear_down);
  g_test_add ("/conflict-page/take-theirs", Fixture, NULL, fixture_set_up, test_take_theirs, fixture_tear_down);

  return g_test_run ();
}
