/* test-window.c: the main window on a real docket.
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GUI tests cannot use G_TEST_OPTION_ISOLATE_DIRS (it hides the shared MIME
 * database, so SVG icons fail to load); each docket lives in its own
 * g_dir_make_tmp() folder instead, removed afterwards.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redress-application.h"
#include "redress-case.h"
#include "redress-case-page.h"
#include "redress-case-list.h"
#include "redress-database.h"
#include "redress-l10n.h"
#include "redress-record.h"
#include "redress-search.h"
#include "redress-util.h"
#include "redress-window.h"
#include "redress-window-private.h"
#include "redress-test-util.h"

#define N_CASES     40
#define N_MIGRANT   10    /* every fourth case */
#define N_INQUIRIES  8    /* every fifth case */
#define PASSPHRASE  "correct horse battery staple"

static RedressApplication *app;

/* Helpers ---------------------------------------------------------------- */


typedef gboolean (*Predicate) (gpointer data);

/* Iterates the main loop until @predicate holds, failing after the
 * generous timeout of redress_test_wait_for(). */
static void
wait_until (Predicate predicate,
            gpointer  data)
{
  g_assert_true (redress_test_wait_for (predicate, data));
}

static const char *
case_title (guint i)
{
  static const char *titles[] = {
    "Detention of a migrant child",
    "School exclusion",
    "Family reunification",
    "Health care refused",
  };

  return titles[i % G_N_ELEMENTS (titles)];
}

/* A docket of N_CASES cases written through the model, as the app would. */
static RedressDatabase *
create_docket (const char *dir,
               guint       n_cases,
               const char *passphrase)
{
  static const char *states[] = { "FR", "BE", "ES", "AL", "DE" };
  g_autofree char *path = g_build_filename (dir, "test.redress", NULL);
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = redress_database_open (path, passphrase, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *reference = g_strdup_printf ("R-%03u", i);
      g_autofree char *title = g_strdup_printf ("%s %u", case_title (i), i);
      g_autoptr(RedressCase) case_file = NULL;

      case_file = redress_case_new (i % 5 == 0 ? "inquiry" : "communication", reference);
      redress_record_set_string (REDRESS_RECORD (case_file), "title", title);
      redress_record_set_string (REDRESS_RECORD (case_file), "state-code", states[i % G_N_ELEMENTS (states)]);
      g_assert_true (redress_record_save (REDRESS_RECORD (case_file), db, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&db);
}

static gboolean
list_ready (gpointer data)
{
  RedressWindow *window = data;
  RedressCaseList *list = _redress_window_get_case_list (window);

  return list != NULL && !redress_case_list_get_loading (list);
}

static RedressCase *
case_at (RedressWindow *window,
         guint          position)
{
  return g_list_model_get_item (G_LIST_MODEL (_redress_window_get_case_list (window)), position);
}

/* The text as a user reads it: without the invisible marks that set its
 * direction (LRM, RLM, FSI, PDI). */
static void
append_visible (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x200e && c != 0x200f && c != 0x2068 && c != 0x2069)
        g_string_append_unichar (out, c);
    }
}

static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
      gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    {
      g_string_append_c (out, '|');
      append_visible (out, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
      g_string_append_c (out, '|');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
text_shown (gpointer data)
{
  Shown *shown = data;
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autofree char *needle = g_strdup_printf ("|%s|", shown->text);

  collect_texts (shown->root, texts);

  return strstr (texts->str, needle) != NULL;
}

static RedressWindow *
open_window_sized (RedressDatabase *db,
                   int              width,
                   int              height)
{
  RedressWindow *window = redress_window_new (app);

  redress_window_set_database (window, db);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (list_ready, window);

  return window;
}

static RedressWindow *
open_window (RedressDatabase *db)
{
  return open_window_sized (db, 1200, 760);
}

static gboolean
search_done (gpointer data)
{
  return _redress_window_get_search_hits (data) != NULL;
}

static void
search_for (RedressWindow *window,
            const char    *query)
{
  gtk_editable_set_text (_redress_window_get_search_entry (window), query);
  /* The entry waits for typing to pause before it asks. */
  wait_until (search_done, window);
}

/* Tests ------------------------------------------------------------------ */

static void
test_lists_cases (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(RedressDatabase) db = create_docket (dir, N_CASES, NULL);
  RedressWindow *window = open_window (db);
  GtkColumnView *view = _redress_window_get_case_view (window);
  g_autoptr(RedressCase) first = NULL;
  Shown shown = { GTK_WIDGET (view), NULL };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, N_CASES);
  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 7);

  /* The rows on screen show the cases: reference, title and the State's
   * name from the reference data rather than its code. */
  first = case_at (window, 0);
  shown.text = redress_case_get_reference (first);
  wait_until (text_shown, &shown);
  shown.text = redress_case_get_title (first);
  wait_until (text_shown, &shown);
  shown.text = "Belgium";
  wait_until (text_shown, &shown);
  shown.text = "Communication";
  wait_until (text_shown, &shown);

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

static GtkWidget *
find_case_page (GtkWidget *widget)
{
  if (REDRESS_IS_CASE_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_case_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  RedressWindow *window;
  const char    *title;
} TitleWait;

static gboolean
title_is (gpointer data)
{
  TitleWait *w = data;

  return g_strcmp0 (_redress_window_get_content_title (w->window), w->title) == 0;
}

/* The header follows the open case: a rename shows at once, a deletion
 * takes the case's name away. */
static void
test_header_follows_case (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(RedressDatabase) db = create_docket (dir, 3, NULL);
  RedressWindow *window = open_window (db);
  g_autoptr(RedressCase) first = case_at (window, 0);
  GtkWidget *page;
  TitleWait w = { window, NULL };
  g_autofree char *renamed = NULL;

  redress_window_open_case (window, redress_record_get_id (REDRESS_RECORD (first)));
  g_assert_cmpstr (_redress_window_get_content_title (window), ==, redress_case_get_title (first));

  redress_record_set_string (REDRESS_RECORD (first), "title", "Renamed: L.R. v. Spain");
  /* The header isolates each party's direction ("NAME v. STATE"). */
  renamed = redress_bidi_case_title ("Renamed: L.R. v. Spain");
  w.title = renamed;
  wait_until (title_is, &w);
  g_assert_cmpstr (_redress_window_get_content_title (window), ==, renamed);

  page = find_case_page (GTK_WIDGET (window));
  g_assert_nonnull (page);
  redress_case_page_delete_case (REDRESS_CASE_PAGE (page));
  g_assert_cmpstr (_redress_window_get_content_title (window), !=, renamed);

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

static void
test_search_narrows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(RedressDatabase) db = create_docket (dir, N_CASES, NULL);
  RedressWindow *window = open_window (db);
  GListModel *hits;
  guint n_hits;

  search_for (window, "migrant");
  hits = _redress_window_get_search_hits (window);
  n_hits = g_list_model_get_n_items (hits);
  g_assert_cmpuint (n_hits, >, 0);
  g_assert_cmpuint (n_hits, <, N_CASES);
  g_assert_cmpuint (n_hits, <=, N_MIGRANT);
  for (guint i = 0; i < n_hits; i++)
    {
      g_autoptr(RedressSearchHit) hit = g_list_model_get_item (hits, i);

      g_assert_nonnull (strstr (redress_search_hit_get_title (hit), "migrant"));
    }
  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "search");

  /* Nothing matches: the "no results" page, not an empty list. */
  search_for (window, "xylophone");
  g_assert_cmpuint (g_list_model_get_n_items (_redress_window_get_search_hits (window)), ==, 0);
  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "no-results");

  /* Clearing the search brings the whole docket back. */
  gtk_editable_set_text (_redress_window_get_search_entry (window), "");
  g_assert_null (_redress_window_get_search_hits (window));
  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

static void
test_sort_by_column (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(RedressDatabase) db = create_docket (dir, N_CASES, NULL);
  RedressWindow *window = open_window (db);
  GtkColumnView *view = _redress_window_get_case_view (window);
  RedressCaseList *list = _redress_window_get_case_list (window);
  g_autoptr(GtkColumnViewColumn) title_column = NULL;
  g_autoptr(GtkColumnViewColumn) reference_column = NULL;
  g_autoptr(RedressCase) before = case_at (window, 0);
  g_autoptr(RedressCase) after = NULL;
  g_autoptr(RedressCase) last = NULL;
  g_autofree char *first_id = g_strdup (redress_record_get_id (REDRESS_RECORD (before)));

  /* What a click on the Title header does, twice: descending. */
  title_column = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (title_column), ==, "Title");
  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_DESCENDING);
  wait_until (list_ready, window);

  /* The list is sorted by the database, not by a GtkSortListModel. */
  g_assert_true (gtk_column_view_get_model (view) != NULL);
  g_assert_cmpint (redress_case_list_get_sort_key (list), ==, REDRESS_CASE_SORT_TITLE);
  g_assert_true (redress_case_list_get_sort_descending (list));

  after = case_at (window, 0);
  g_assert_cmpstr (redress_record_get_id (REDRESS_RECORD (after)), !=, first_id);
  for (guint i = 1; i < N_CASES; i++)
    {
      g_autoptr(RedressCase) prev = case_at (window, i - 1);
      g_autoptr(RedressCase) next = case_at (window, i);

      g_assert_cmpint (g_ascii_strcasecmp (redress_case_get_title (prev),
                                           redress_case_get_title (next)), >=, 0);
    }

  /* And by reference, ascending: R-000 first, R-039 last. */
  reference_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  gtk_column_view_sort_by_column (view, reference_column, GTK_SORT_ASCENDING);
  wait_until (list_ready, window);
  g_assert_cmpint (redress_case_list_get_sort_key (list), ==, REDRESS_CASE_SORT_REFERENCE);
  g_assert_false (redress_case_list_get_sort_descending (list));
  g_clear_object (&after);
  after = case_at (window, 0);
  last = case_at (window, N_CASES - 1);
  g_assert_cmpstr (redress_case_get_reference (after), ==, "R-000");
  g_assert_cmpstr (redress_case_get_reference (last), ==, "R-039");

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

static gboolean
list_has (gpointer data)
{
  RedressWindow *window = data;
  guint expected = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), "expected"));

  return list_ready (window) &&
         g_list_model_get_n_items (G_LIST_MODEL (_redress_window_get_case_list (window))) == expected;
}

static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_filters (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(RedressDatabase) db = create_docket (dir, N_CASES, NULL);
  RedressWindow *window = open_window (db);
  AdwComboRow *kind_row = find_combo_row (GTK_WIDGET (window), "Kind");
  AdwComboRow *state_row = find_combo_row (GTK_WIDGET (window), "State");
  GListModel *states;
  guint belgium = GTK_INVALID_LIST_POSITION;

  g_assert_nonnull (kind_row);
  g_assert_nonnull (state_row);

  /* Kind: Inquiries. */
  adw_combo_row_set_selected (kind_row, 2);
  g_object_set_data (G_OBJECT (window), "expected", GUINT_TO_POINTER (N_INQUIRIES));
  wait_until (list_has, window);
  for (guint i = 0; i < N_INQUIRIES; i++)
    {
      g_autoptr(RedressCase) case_file = case_at (window, i);

      g_assert_cmpstr (redress_case_get_kind (case_file), ==, "inquiry");
    }

  /* And State: Belgium, listed by name. */
  states = adw_combo_row_get_model (state_row);
  for (guint i = 0; i < g_list_model_get_n_items (states); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (states), i), "Belgium"))
      belgium = i;
  g_assert_cmpuint (belgium, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (state_row, belgium);
  /* Cases 0, 5, 10 ... are inquiries; 1, 6, 11 ... are in Belgium: none is both. */
  g_object_set_data (G_OBJECT (window), "expected", GUINT_TO_POINTER (0));
  wait_until (list_has, window);
  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "no-results");

  /* Clearing the filters shows every case again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  g_object_set_data (G_OBJECT (window), "expected", GUINT_TO_POINTER (N_CASES));
  wait_until (list_has, window);
  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

static void
test_empty_docket (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(RedressDatabase) db = create_docket (dir, 0, NULL);
  RedressWindow *window = open_window (db);

  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "empty");

  /* Ctrl+N's action writes a new communication, and the docket lists it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-communication", NULL));
  g_object_set_data (G_OBJECT (window), "expected", GUINT_TO_POINTER (1));
  wait_until (list_has, window);
  {
    g_autoptr(RedressCase) created = case_at (window, 0);

    g_assert_cmpstr (redress_case_get_kind (created), ==, "communication");
  }
  g_assert_cmpstr (_redress_window_get_docket_view (window), ==, "list");

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

static gboolean
is_folded (gpointer data)
{
  GtkWidget *leaflet = data;

  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_folds_when_narrow (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(RedressDatabase) db = create_docket (dir, 3, NULL);
  RedressWindow *window = open_window (db);
  GtkWidget *leaflet = find_by_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);

  /* Wide: sidebar and content side by side. */
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  gtk_window_destroy (GTK_WINDOW (window));

  /* 400 px, a phone or a narrow tiled window: one pane at a time. */
  window = open_window_sized (db, 400, 700);
  leaflet = find_by_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  wait_until (is_folded, leaflet);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  /* Folded: choosing the docket shows it, with a way back to the sidebar. */
  redress_window_show_page (window, "docket");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "sidebar");

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

static GtkWidget *find_button (GtkWidget  *root,
                               const char *label);

static gboolean
allow_integrity_warning (const char     *log_domain,
                         GLogLevelFlags  log_level,
                         const char     *message,
                         gpointer        user_data)
{
  /* The model logs the failed integrity check of the damaged docket, and
   * the list may log the rows it cannot read. */
  return !((log_level & G_LOG_LEVEL_WARNING) != 0 &&
           ((g_strcmp0 (log_domain, "redress-database") == 0 && strstr (message, "quick_check") != NULL) ||
            g_strcmp0 (log_domain, "redress-case-list") == 0));
}

static gboolean
case_list_loaded (gpointer data)
{
  return !redress_case_list_get_loading (data);
}

static void
note_warning (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  g_test_message ("%s: %s (expected with a damaged docket)", log_domain, message);
}

/* Whether the docket's list still reads every case (the damage is elsewhere). */
static gboolean
docket_readable (RedressDatabase *db)
{
  g_autoptr(RedressCaseList) list = redress_case_list_new (db);

  wait_until (case_list_loaded, list);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != N_CASES)
    return FALSE;
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(RedressCase) case_file = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (case_file == NULL)
        return FALSE;
    }

  return TRUE;
}

/* A damaged docket opens read-only, and says so. */
static void
test_damaged_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.redress", NULL);
  g_autofree char *original = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  RedressWindow *window;
  gsize length = 0;
  const char *notice;
  guint database_handler, list_handler;

  {
    g_autoptr(RedressDatabase) fresh = create_docket (dir, N_CASES, NULL);

    redress_database_close (fresh);
  }
  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  g_assert_cmpuint (length % 4096, ==, 0);

  g_test_log_set_fatal_handler (allow_integrity_warning, NULL);
  database_handler = g_log_set_handler ("redress-database", G_LOG_LEVEL_WARNING, note_warning, NULL);
  list_handler = g_log_set_handler ("redress-case-list", G_LOG_LEVEL_WARNING, note_warning, NULL);

  /* Scramble the cell pointers of one page after another until the file
   * still opens but fails its integrity check: a damaged docket. */
  for (gsize page = 1; db == NULL && page < length / 4096; page++)
    {
      g_autofree char *damaged = g_memdup2 (original, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(RedressDatabase) attempt = NULL;

      memset (damaged + page * 4096 + 8, 0xff, 12);
      g_assert_true (g_file_set_contents (path, damaged, length, NULL));
      attempt = redress_database_open (path, NULL, 0, &error);
      if (attempt != NULL && redress_database_get_read_only (attempt) && docket_readable (attempt))
        db = g_steal_pointer (&attempt);
    }
  g_assert_nonnull (db);

  window = open_window (db);
  notice = _redress_window_get_notice (window);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "read-only"));
  g_assert_nonnull (strstr (notice, redress_database_get_read_only_reason (db)));
  /* Nothing offers to write to it. */
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (window), "_New Communication")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_log_remove_handler ("redress-database", database_handler);
  g_log_remove_handler ("redress-case-list", list_handler);
  g_test_log_set_fatal_handler (NULL, NULL);
  redress_test_rm_rf (dir);
}

/* Passphrase dialog ------------------------------------------------------- */

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, out);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  find_all (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
error_shown (gpointer data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  find_all (data, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_has_css_class (label, "error") && gtk_widget_get_visible (label) &&
          *gtk_label_get_text (GTK_LABEL (label)) != '\0')
        return TRUE;
    }

  return FALSE;
}

static gboolean
window_has_docket (gpointer data)
{
  return redress_window_get_database (data) != NULL;
}

static void
test_passphrase (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.redress", NULL);
  g_autoptr(AdwMessageDialog) dialog = NULL;
  GtkWidget *entry;
  GtkWidget *unlock;
  RedressWindow *window;

  {
    g_autoptr(RedressDatabase) db = create_docket (dir, 2, PASSPHRASE);

    g_assert_true (redress_database_get_encrypted (db));
  }

  /* The docket opens in a worker thread; then the dialog asks. */
  redress_application_open_docket (app, path, FALSE);
  wait_until (dialog_shown, NULL);
  dialog = g_object_ref (find_message_dialog ());
  g_assert_nonnull (dialog);
  window = REDRESS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_assert_null (redress_window_get_database (window));

  entry = find_by_type (GTK_WIDGET (dialog), GTK_TYPE_PASSWORD_ENTRY);
  unlock = find_button (GTK_WIDGET (dialog), "_Unlock");
  g_assert_nonnull (entry);
  g_assert_nonnull (unlock);

  /* A wrong passphrase: the dialog stays, says so, and nothing opens. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  gtk_widget_activate (unlock);
  wait_until (error_shown, dialog);
  redress_test_flush_main_context ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (redress_window_get_database (window));

  /* The right one opens the docket. */
  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  gtk_widget_activate (unlock);
  wait_until (window_has_docket, window);
  g_assert_true (redress_database_get_encrypted (redress_window_get_database (window)));
  wait_until (list_ready, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_redress_window_get_case_list (window))), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

/* Opening by path (command line, file manager) goes through a worker thread:
 * the window is there at once and fills in when the docket is checked. */
static void
test_open_by_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.redress", NULL);
  RedressWindow *window = NULL;

  {
    g_autoptr(RedressDatabase) db = create_docket (dir, 5, NULL);

    redress_database_close (db);
  }

  redress_application_open_docket (app, path, FALSE);
  window = REDRESS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  wait_until (window_has_docket, window);
  g_assert_cmpstr (redress_database_get_path (redress_window_get_database (window)), ==, path);
  wait_until (list_ready, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_redress_window_get_case_list (window))), ==, 5);

  /* Asking again shows the same window rather than a second copy. */
  redress_application_open_docket (app, path, FALSE);
  g_assert_true (GTK_WINDOW (window) == gtk_application_get_active_window (GTK_APPLICATION (app)));

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_rm_rf (dir);
}

/* Every label and text of the widgets under @widget, joined. */
static void
collect_all_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  else if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (ADW_IS_WINDOW_TITLE (widget))
    g_string_append_printf (out, "%s\n%s\n", adw_window_title_get_title (ADW_WINDOW_TITLE (widget)),
                            adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_all_texts (child, out);
}

static gboolean
window_locked (gpointer data)
{
  return redress_window_get_locked (data);
}

/* After the idle time the window locks: no label holds case data, not even
 * the title; unlocking restores the page with the unsaved text. */
static void
test_lock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.redress.Redress");
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RedressDatabase *db = create_docket (dir, 3, PASSPHRASE);
  const char *unsaved = "unsaved search text";
  RedressWindow *window;

  g_settings_set_int (settings, "lock-after-seconds", 2);
  window = open_window (db);
  gtk_editable_set_text (_redress_window_get_search_entry (window), unsaved);
  collect_all_texts (GTK_WIDGET (window), texts);
  g_assert_nonnull (strstr (texts->str, case_title (1)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "test"));

  /* No input for the idle time. */
  wait_until (window_locked, window);
  g_string_truncate (texts, 0);
  collect_all_texts (GTK_WIDGET (window), texts);
  for (guint i = 0; i < 3; i++)
    g_assert_null (strstr (texts->str, case_title (i)));
  g_assert_null (strstr (texts->str, "R-00"));
  g_assert_null (strstr (texts->str, unsaved));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "test"));

  /* A wrong passphrase keeps it locked; the right one brings it all back. */
  g_assert_false (redress_window_unlock (window, "not the passphrase", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (redress_window_get_locked (window));
  g_settings_set_int (settings, "lock-after-seconds", 0);
  g_assert_true (redress_window_unlock (window, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (redress_window_get_locked (window));
  g_assert_cmpstr (gtk_editable_get_text (_redress_window_get_search_entry (window)), ==, unsaved);
  g_string_truncate (texts, 0);
  collect_all_texts (GTK_WIDGET (window), texts);
  g_assert_nonnull (strstr (texts->str, case_title (1)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "test"));

  /* Ctrl+L locks at once. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  g_assert_true (redress_window_get_locked (window));
  g_assert_true (redress_window_unlock (window, PASSPHRASE, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (db);
  redress_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  redress_model_init ();

  app = redress_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/lists-cases", test_lists_cases);
  g_test_add_func ("/window/search-narrows", test_search_narrows);
  g_test_add_func ("/window/header-follows-case", test_header_follows_case);
  g_test_add_func ("/window/sort-by-column", test_sort_by_column);
  g_test_add_func ("/window/filters", test_filters);
  g_test_add_func ("/window/empty-docket", test_empty_docket);
  g_test_add_func ("/window/folds-when-narrow", test_folds_when_narrow);
  g_test_add_func ("/window/passphrase", test_passphrase);
  g_test_add_func ("/window/open-by-path", test_open_by_path);
  g_test_add_func ("/window/damaged-read-only", test_damaged_read_only);
  g_test_add_func ("/window/lock", test_lock);

  ret = g_test_run ();
  g_clear_object (&app);

  return ret;
}
