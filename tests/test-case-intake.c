/* test-case-intake.c: a communication made in the window alone can reach
 * the Committee.
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything an admissibility ground reads can be entered in the case page:
 * facts and violations are linked from either side (art 7(f)), "in writing"
 * has its control (art 7(b)), and every ground's jump button lands on the
 * control that changes it.  A second connection checks what reached the
 * file.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "redress-admissibility.h"
#include "redress-case.h"
#include "redress-case-page.h"
#include "redress-case-party.h"
#include "redress-database.h"
#include "redress-fact.h"
#include "redress-ground-row.h"
#include "redress-link-row.h"
#include "redress-person.h"
#include "redress-record.h"
#include "redress-record-row.h"
#include "redress-test-util.h"
#include "redress-text-area.h"
#include "redress-violation.h"

typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *db;
  GtkWindow       *window;
  RedressCasePage *page;
  char            *case_id;
} Fixture;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @cond holds (10 s at most). */
#define WAIT_FOR(cond)                                                      \
  G_STMT_START {                                                            \
    gint64 end_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;           \
    guint tick_ = g_timeout_add (10, tick_cb, NULL);                        \
    while (!(cond) && g_get_monotonic_time () < end_)                       \
      g_main_context_iteration (NULL, TRUE);                                \
    g_source_remove (tick_);                                                \
  } G_STMT_END

/* Lets the idle refresh run: the page refreshes in an idle after a change. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
match_record_row_id (GtkWidget     *widget,
                     gconstpointer  id)
{
  return REDRESS_IS_RECORD_ROW (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (redress_record_get_id (redress_record_row_get_record (REDRESS_RECORD_ROW (widget))), id) == 0;
}

static gboolean
match_ground (GtkWidget     *widget,
              gconstpointer  ground)
{
  return REDRESS_IS_GROUND_ROW (widget) &&
         g_strcmp0 (redress_ground_result_get_ground (redress_ground_row_get_result (REDRESS_GROUND_ROW (widget))),
                    ground) == 0;
}

static gboolean
match_combo_title (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
match_jump_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-jump-symbolic") == 0;
}

static GtkWidget *
find (Fixture      *f,
      WidgetMatch   match,
      gconstpointer data)
{
  GtkWidget *widget = find_widget (GTK_WIDGET (f->page), match, data);

  g_assert_nonnull (widget);
  return widget;
}

static RedressGroundStatus
ground_status (Fixture    *f,
               const char *ground)
{
  GtkWidget *row = find_widget (GTK_WIDGET (f->page), match_ground, ground);

  if (row == NULL)
    return (RedressGroundStatus) -1;
  return redress_ground_result_get_status (redress_ground_row_get_result (REDRESS_GROUND_ROW (row)));
}

/* The focus is on @widget or inside it. */
static gboolean
focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Clicks the jump button of @ground's row as a user would. */
static void
jump (Fixture    *f,
      const char *ground)
{
  GtkWidget *row = find (f, match_ground, ground);
  GtkWidget *button = find_widget (row, match_jump_button, NULL);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  drain ();
}

static char *
new_record (Fixture *f,
            gpointer record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (redress_record_save (REDRESS_RECORD (record), f->db, &error));
  g_assert_no_error (error);
  return g_strdup (redress_record_get_id (REDRESS_RECORD (record)));
}

static guint
stored_links (Fixture    *f,
              const char *violation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = NULL;
  g_auto(GStrv) ids = NULL;

  reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  ids = redress_violation_list_fact_ids (reader, violation_id, &error);
  g_assert_no_error (error);
  return g_strv_length (ids);
}

static int
stored_in_writing (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = NULL;
  g_autoptr(RedressRecord) record = NULL;

  reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  record = redress_record_load (reader, REDRESS_TYPE_CASE, f->case_id, &error);
  g_assert_no_error (error);
  return redress_record_get_int (record, "in-writing");
}

/* Fixture ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) case_file = NULL;

  f->dir = g_dir_make_tmp ("redress-case-intake-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  case_file = redress_case_new ("communication", "RD-2025-007");
  redress_record_set_string (REDRESS_RECORD (case_file), "state-code", "ES");
  f->case_id = new_record (f, case_file);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = REDRESS_CASE_PAGE (redress_case_page_new (f->db));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  drain ();
  g_assert_finalize_object (g_steal_pointer (&f->db));
  redress_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->case_id, g_free);
}

/* Tests ------------------------------------------------------------------ */

static void
test_link_facts_and_violations (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(RedressViolation) v12 = redress_violation_new (f->case_id);
  g_autoptr(RedressViolation) v3 = redress_violation_new (f->case_id);
  g_autoptr(RedressFact) fact = redress_fact_new (f->case_id);
  g_autofree char *v12_id = NULL, *v3_id = NULL, *fact_id = NULL;
  RedressRecordRow *row;
  RedressLinkRow *links;

  redress_record_set_string (REDRESS_RECORD (v12), "article", "12");
  redress_record_set_string (REDRESS_RECORD (v12), "paragraph", "(2)");
  redress_record_set_string (REDRESS_RECORD (v3), "article", "3");
  redress_record_set_string (REDRESS_RECORD (fact), "occurred-on", "2024-03-10");
  redress_record_set_string (REDRESS_RECORD (fact), "description", "The court decided without hearing her.");
  v12_id = new_record (f, v12);
  v3_id = new_record (f, v3);
  fact_id = new_record (f, fact);
  redress_case_page_set_case (f->page, f->case_id);
  drain ();

  /* Nothing links them: art 7(f) fails, and its jump button opens the
   * first unsupported violation at its facts. */
  g_assert_cmpint (ground_status (f, "7f"), ==, REDRESS_GROUND_FAIL);
  jump (f, "7f");
  row = REDRESS_RECORD_ROW (find (f, match_record_row_id, v3_id));
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    row = REDRESS_RECORD_ROW (find (f, match_record_row_id, v12_id));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (focus_in (redress_record_row_find_field (row, "violation_fact")));

  /* From the violation's side. */
  row = REDRESS_RECORD_ROW (find (f, match_record_row_id, v12_id));
  links = REDRESS_LINK_ROW (gtk_widget_get_ancestor (redress_record_row_find_field (row, "violation_fact"),
                                                     REDRESS_TYPE_LINK_ROW));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (links)), ==,
                   "No fact linked yet: each alleged violation must rest on facts");
  redress_link_row_toggle (links, fact_id, TRUE);
  WAIT_FOR (stored_links (f, v12_id) == 1);
  g_assert_cmpuint (stored_links (f, v12_id), ==, 1);
  g_assert_true (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (links)), "2024-03-10") != NULL);

  /* From the fact's side: the fact row shows the link made above, and
   * links the second violation. */
  drain ();
  row = REDRESS_RECORD_ROW (find (f, match_record_row_id, fact_id));
  links = REDRESS_LINK_ROW (gtk_widget_get_ancestor (redress_record_row_find_field (row, "violation_fact"),
                                                     REDRESS_TYPE_LINK_ROW));
  g_assert_true (redress_link_row_is_linked (links, v12_id));
  g_assert_false (redress_link_row_is_linked (links, v3_id));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (links)), ==, "CRC art 12(2)");
  redress_link_row_toggle (links, v3_id, TRUE);
  WAIT_FOR (stored_links (f, v3_id) == 1);
  drain ();

  /* Every violation rests on a fact; the dated fact after Spain's entry
   * into force answers the temporal grounds too. */
  WAIT_FOR (ground_status (f, "7f") == REDRESS_GROUND_PASS);
  g_assert_cmpint (ground_status (f, "7f"), ==, REDRESS_GROUND_PASS);
  g_assert_cmpint (ground_status (f, "art20"), ==, REDRESS_GROUND_PASS);

  /* Unlinking from the fact's side is seen on the violation's. */
  redress_link_row_toggle (links, v12_id, FALSE);
  WAIT_FOR (stored_links (f, v12_id) == 0);
  drain ();
  row = REDRESS_RECORD_ROW (find (f, match_record_row_id, v12_id));
  links = REDRESS_LINK_ROW (gtk_widget_get_ancestor (redress_record_row_find_field (row, "violation_fact"),
                                                     REDRESS_TYPE_LINK_ROW));
  g_assert_false (redress_link_row_is_linked (links, fact_id));
  g_assert_cmpint (ground_status (f, "7f"), ==, REDRESS_GROUND_FAIL);
}

static void
test_in_writing (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *combo;

  redress_case_page_set_case (f->page, f->case_id);
  drain ();
  g_assert_cmpint (ground_status (f, "7b"), ==, REDRESS_GROUND_UNKNOWN);

  /* The jump lands on the control, not on the summary. */
  jump (f, "7b");
  combo = find (f, match_combo_title, "Submitted in writing and signed, art 7(b)");
  g_assert_true (focus_in (combo));

  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);   /* Yes */
  g_assert_true (redress_case_page_flush (f->page));
  g_assert_cmpint (stored_in_writing (f), ==, 1);
  WAIT_FOR (ground_status (f, "7b") == REDRESS_GROUND_PASS);
  g_assert_cmpint (ground_status (f, "7b"), ==, REDRESS_GROUND_PASS);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/case-intake/link-facts-and-violations", Fixture, NULL,
              fixture_set_up, test_link_facts_and_violations, fixture_tear_down);
  g_test_add ("/case-intake/in-writing", Fixture, NULL,
              fixture_set_up, test_in_writing, fixture_tear_down);

  return g_test_run ();
}
