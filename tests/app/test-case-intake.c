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
#include "redress-composer-page.h"
#include "redress-database.h"
#include "redress-domestic-remedy.h"
#include "redress-draft.h"
#include "redress-event-dialog.h"
#include "redress-date-row.h"
#include "redress-evidence-details.h"
#include "redress-evidence-item.h"
#include "redress-evidence-store.h"
#include "redress-fact.h"
#include "redress-ground-row.h"
#include "redress-link-row.h"
#include "redress-person.h"
#include "redress-record.h"
#include "redress-reference.h"
#include "redress-record-row.h"
#include "redress-right-picker.h"
#include "redress-state-picker.h"
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

/* Lets the idle refresh run: the page refreshes in an idle after a change. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* With REDRESS_SCREENSHOT_DIR set, the screen (popovers included) is saved
 * as DIR/NAME.png after the main loop has drawn it. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("REDRESS_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *command = NULL;
  gint64 end = g_get_monotonic_time () + 400 * 1000;
  guint tick;

  if (dir == NULL)
    return;
  tick = g_timeout_add (10, tick_cb, NULL);
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  command = g_strdup_printf ("import -window root %s", file);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
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
  REDRESS_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
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
  REDRESS_TEST_WAIT_FOR (stored_links (f, v12_id) == 1);
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
  REDRESS_TEST_WAIT_FOR (stored_links (f, v3_id) == 1);
  drain ();
  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      GtkWidget *button = redress_record_row_find_field (row, "violation_fact");

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (button);
      screenshot ("case-links-fact-row");
    }

  /* Every violation rests on a fact: 7(f) is then for the Committee to
   * judge (needs an argument, never a computed pass); the dated fact after
   * Spain's entry into force answers the temporal grounds too. */
  REDRESS_TEST_WAIT_FOR (ground_status (f, "7f") == REDRESS_GROUND_NEEDS_ARGUMENT);
  g_assert_cmpint (ground_status (f, "7f"), ==, REDRESS_GROUND_NEEDS_ARGUMENT);
  g_assert_cmpint (ground_status (f, "art20"), ==, REDRESS_GROUND_PASS);

  /* Unlinking from the fact's side is seen on the violation's. */
  redress_link_row_toggle (links, v12_id, FALSE);
  REDRESS_TEST_WAIT_FOR (stored_links (f, v12_id) == 0);
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
  REDRESS_TEST_WAIT_FOR (ground_status (f, "7b") == REDRESS_GROUND_PASS);
  g_assert_cmpint (ground_status (f, "7b"), ==, REDRESS_GROUND_PASS);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
match_party_row (GtkWidget     *widget,
                 gconstpointer  role)
{
  return REDRESS_IS_RECORD_ROW (widget) && gtk_widget_get_visible (widget) &&
         REDRESS_IS_CASE_PARTY (redress_record_row_get_record (REDRESS_RECORD_ROW (widget))) &&
         g_strcmp0 (redress_record_get_string (redress_record_row_get_record (REDRESS_RECORD_ROW (widget)), "role"),
                    role) == 0;
}

static guint
count_party_rows (Fixture *f)
{
  guint n = 0;
  GtkWidget *any = find_widget (GTK_WIDGET (f->page), match_party_row, "victim");
  GtkWidget *list = any ? gtk_widget_get_parent (any) : NULL;

  for (GtkWidget *child = list ? gtk_widget_get_first_child (list) : NULL; child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += REDRESS_IS_RECORD_ROW (child) && gtk_widget_get_visible (child);
  return n;
}

static void
set_text_area (GtkWidget  *area,
               const char *text)
{
  gtk_widget_grab_focus (area);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (redress_text_area_get_view (REDRESS_TEXT_AREA (area))),
                            text, -1);
}

static char *
stored_party_string (Fixture    *f,
                     GType       type,
                     const char *id,
                     const char *property)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = NULL;
  g_autoptr(RedressRecord) record = NULL;

  reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  record = redress_record_load (reader, type, id, &error);
  g_assert_no_error (error);
  return g_strdup (redress_record_get_string (record, property));
}

/* A person has every field a communication needs; a new person gets the
 * role chosen when adding; one person holds two roles; consent is given
 * by a person of the case; changing a role keeps the row open. */
static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  RedressRecordRow *child_row, *author_row, *second_row;
  g_autoptr(RedressRecord) child_party = NULL;
  g_autoptr(RedressRecord) author_party = NULL;
  RedressPerson *child;
  AdwMessageDialog *dialog;
  GtkWidget *consent_by;
  g_autofree char *stored = NULL;
  g_autofree char *child_person_id = NULL;

  redress_case_page_set_case (f->page, f->case_id);
  drain ();

  /* The child, as alleged victim. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-party", "s", "victim"));
  drain ();
  child_row = REDRESS_RECORD_ROW (find (f, match_party_row, "victim"));
  child_party = g_object_ref (redress_record_row_get_record (child_row));
  child = g_object_get_data (G_OBJECT (child_row), "person");
  child_person_id = g_strdup (redress_record_get_id (REDRESS_RECORD (child)));
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (child_row, "RedressPerson:given-name")), "Lucía");
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (child_row, "RedressPerson:family-name")), "Ruiz");
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (child_row, "RedressPerson:nationality")), "Spanish");
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (child_row, "RedressPerson:sex-gender")), "Girl");
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (child_row, "RedressPerson:alias")), "L.R.");

  /* The mother, as author, chosen from the Add Person menu's roles. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-party", "s", "author"));
  drain ();
  author_row = REDRESS_RECORD_ROW (find (f, match_party_row, "author"));
  author_party = g_object_ref (redress_record_row_get_record (author_row));
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (author_row, "RedressPerson:given-name")), "Marta");
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (author_row, "RedressPerson:family-name")), "Ruiz");
  set_text_area (redress_record_row_find_field (author_row, "RedressPerson:contact"),
                 "Calle Mayor 1, 28013 Madrid\nmarta@example.org\n+34 600 000 000");
  g_assert_true (redress_case_page_flush (f->page));
  stored = stored_party_string (f, REDRESS_TYPE_PERSON, child_person_id, "nationality");
  g_assert_cmpstr (stored, ==, "Spanish");
  g_clear_pointer (&stored, g_free);
  stored = stored_party_string (f, REDRESS_TYPE_PERSON, redress_record_get_string (author_party, "person-id"),
                                "contact");
  g_assert_cmpstr (stored, ==, "Calle Mayor 1, 28013 Madrid\nmarta@example.org\n+34 600 000 000");
  g_clear_pointer (&stored, g_free);

  /* The child is also an author: the same person, picked from the docket. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-existing-person", NULL));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  {
    GtkDropDown *people = g_object_get_data (G_OBJECT (dialog), "people");
    GtkDropDown *roles = g_object_get_data (G_OBJECT (dialog), "roles");
    GListModel *names = gtk_drop_down_get_model (people);
    guint lucia = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Lucía"))
        lucia = i;
    g_assert_cmpuint (lucia, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (people, lucia);
    gtk_drop_down_set_selected (roles, 0);   /* Author */
    adw_message_dialog_response (dialog, "add");
  }
  drain ();
  g_assert_cmpuint (count_party_rows (f), ==, 3);
  /* The list was rebuilt for the new row: find the rows again. */
  child_row = REDRESS_RECORD_ROW (find (f, match_record_row_id, redress_record_get_id (child_party)));
  second_row = NULL;
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (child_row))); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (REDRESS_IS_RECORD_ROW (w) && w != GTK_WIDGET (child_row) &&
        g_strcmp0 (redress_record_get_string (redress_record_row_get_record (REDRESS_RECORD_ROW (w)), "person-id"),
                   child_person_id) == 0)
      second_row = REDRESS_RECORD_ROW (w);
  g_assert_nonnull (second_row);
  g_assert_cmpstr (redress_record_get_string (redress_record_row_get_record (second_row), "role"), ==, "author");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (second_row)), ==, "Lucía Ruiz");

  /* Consent given by the mother, linked to her record. */
  child_row = REDRESS_RECORD_ROW (find (f, match_record_row_id, redress_record_get_id (child_party)));
  consent_by = redress_record_row_find_field (child_row, "consent-by-person-id");
  g_assert_nonnull (consent_by);
  {
    GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (consent_by));
    guint marta = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Marta Ruiz"))
        marta = i;
    g_assert_cmpuint (marta, !=, GTK_INVALID_LIST_POSITION);
    adw_combo_row_set_selected (ADW_COMBO_ROW (consent_by), marta);
  }
  g_assert_true (redress_case_page_flush (f->page));
  stored = stored_party_string (f, REDRESS_TYPE_CASE_PARTY, redress_record_get_id (child_party),
                                "consent-by-person-id");
  g_assert_cmpstr (stored, ==, redress_record_get_string (author_party, "person-id"));
  g_clear_pointer (&stored, g_free);

  /* Changing a role re-sorts the list in the file, not under the user. */
  author_row = REDRESS_RECORD_ROW (find (f, match_record_row_id, redress_record_get_id (author_party)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (author_row), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (redress_record_row_find_field (author_row, "role")), 3); /* guardian */
  g_assert_true (redress_case_page_flush (f->page));
  drain ();
  g_assert_true (GTK_WIDGET (author_row) == find (f, match_record_row_id, redress_record_get_id (author_party)));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (author_row)));
  stored = stored_party_string (f, REDRESS_TYPE_CASE_PARTY, redress_record_get_id (author_party), "role");
  g_assert_cmpstr (stored, ==, "guardian");

  screenshot ("case-people");
}

/* Dates: ISO, partial where the model allows it, the locale's form, and a
 * message saying what is wrong; the text typed is never lost. */
static void
test_date_row (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(RedressFact) fact = redress_fact_new (f->case_id);
  g_autofree char *fact_id = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *problem = NULL;
  RedressRecordRow *row;
  GtkWidget *date;

  /* The parser alone. */
  g_assert_true (redress_date_parse ("2025-03-10", FALSE, &iso, NULL));
  g_assert_cmpstr (iso, ==, "2025-03-10");
  g_clear_pointer (&iso, g_free);
  g_assert_false (redress_date_parse ("2025-03", FALSE, &iso, &problem));
  g_assert_nonnull (problem);
  g_clear_pointer (&problem, g_free);
  g_assert_true (redress_date_parse ("2008-06", TRUE, &iso, NULL));
  g_assert_cmpstr (iso, ==, "2008-06");
  g_clear_pointer (&iso, g_free);
  g_assert_true (redress_date_parse ("2008", TRUE, &iso, NULL));
  g_clear_pointer (&iso, g_free);
  g_assert_false (redress_date_parse ("2025-02-30", FALSE, &iso, &problem));
  g_assert_null (iso);
  g_clear_pointer (&problem, g_free);
  /* The test runs in the C locale, which writes month/day/year. */
  g_assert_true (redress_date_parse ("03/10/2025", FALSE, &iso, NULL));
  g_assert_cmpstr (iso, ==, "2025-03-10");
  g_clear_pointer (&iso, g_free);
  g_assert_false (redress_date_parse ("next tuesday-ish", FALSE, &iso, &problem));
  g_assert_true (strstr (problem, "2025-03-10") != NULL);
  g_clear_pointer (&problem, g_free);
  g_assert_true (redress_date_parse ("", FALSE, &iso, NULL));
  g_assert_null (iso);

  /* In the page. */
  fact_id = new_record (f, fact);
  redress_case_page_set_case (f->page, f->case_id);
  drain ();
  row = REDRESS_RECORD_ROW (find (f, match_record_row_id, fact_id));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  date = redress_record_row_find_field (row, "occurred-on");
  g_assert_true (REDRESS_IS_DATE_ROW (date));

  /* Wrong: flagged, explained in the title, kept, not saved. */
  gtk_widget_grab_focus (date);
  gtk_editable_set_text (GTK_EDITABLE (date), "31/31/2024");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)), "Date: Not a date"));
  g_assert_true (redress_case_page_flush (f->page));
  g_assert_null (redress_record_get_string (REDRESS_RECORD (fact), "occurred-on"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "31/31/2024");
  screenshot ("date-row-error");

  /* The locale's form: read, shown as read, saved as ISO. */
  gtk_editable_set_text (GTK_EDITABLE (date), "03/10/2024");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)), ==, "Date: read as 2024-03-10");
  g_assert_true (redress_case_page_flush (f->page));
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (fact), "occurred-on"), ==, "2024-03-10");

  /* The calendar's choice. */
  redress_date_row_pick (REDRESS_DATE_ROW (date), 2024, 4, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date)), ==, "Date");
  g_assert_true (redress_case_page_flush (f->page));
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (fact), "occurred-on"), ==, "2024-04-02");
}

static char *
stored_state (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = NULL;
  g_autoptr(RedressRecord) record = NULL;

  reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  record = redress_record_load (reader, REDRESS_TYPE_CASE, f->case_id, &error);
  g_assert_no_error (error);
  return g_strdup (redress_record_get_string (record, "state-code"));
}

/* The State picker never picks a row the user did not choose, and keeps
 * what is typed while it opens. */
static void
test_state_picker (Fixture       *f,
                   gconstpointer  data)
{
  RedressStatePicker *picker;
  GtkWidget *entry;
  g_autofree char *code = NULL;

  redress_case_page_set_case (f->page, f->case_id);
  drain ();

  /* Enter with no match: nothing is chosen, the picker stays open. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.choose-state", NULL));
  picker = REDRESS_STATE_PICKER (find_toplevel (REDRESS_TYPE_STATE_PICKER));
  g_assert_nonnull (picker);
  entry = redress_state_picker_get_search_entry (picker);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Atlantis");
  g_signal_emit_by_name (entry, "activate");
  drain ();
  g_assert_true (find_toplevel (REDRESS_TYPE_STATE_PICKER) == GTK_WINDOW (picker));
  code = stored_state (f);
  g_assert_cmpstr (code, ==, "ES");
  g_clear_pointer (&code, g_free);

  /* Enter right after typing, before the search has caught up: the
   * match of what was typed, never the first row of the list. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "switz");
  g_signal_emit_by_name (entry, "activate");
  drain ();
  g_assert_null (find_toplevel (REDRESS_TYPE_STATE_PICKER));
  code = stored_state (f);
  g_assert_cmpstr (code, ==, "CH");
  g_clear_pointer (&code, g_free);

  /* Typed while it opens (before it is even drawn): all of it is kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.choose-state", NULL));
  picker = REDRESS_STATE_PICKER (find_toplevel (REDRESS_TYPE_STATE_PICKER));
  entry = redress_state_picker_get_search_entry (picker);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Spain");
  REDRESS_TEST_WAIT_FOR (gtk_widget_get_mapped (entry));
  drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Spain");
  g_assert_cmpuint (redress_state_picker_get_n_visible (picker), ==, 1);
  screenshot ("state-picker");
  g_signal_emit_by_name (entry, "activate");
  drain ();
  code = stored_state (f);
  g_assert_cmpstr (code, ==, "ES");
}

static guint
count_violations (Fixture *f)
{
  g_autoptr(GListModel) list = redress_record_list (f->db, REDRESS_TYPE_VIOLATION, f->case_id, NULL);

  return g_list_model_get_n_items (list);
}

/* Several articles per opening of the rights picker; Enter with no match
 * adds nothing. */
static void
test_right_picker (Fixture       *f,
                   gconstpointer  data)
{
  RedressRightPicker *picker;

  redress_case_page_set_case (f->page, f->case_id);
  drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-violation", NULL));
  picker = REDRESS_RIGHT_PICKER (find_toplevel (REDRESS_TYPE_RIGHT_PICKER));
  g_assert_nonnull (picker);
  g_assert_true (redress_right_picker_choose (picker, "CRC", "12"));
  drain ();
  g_assert_true (find_toplevel (REDRESS_TYPE_RIGHT_PICKER) == GTK_WINDOW (picker));
  g_assert_true (redress_right_picker_choose (picker, "CRC", "3"));
  drain ();
  /* The same row twice is one violation. */
  g_assert_true (redress_right_picker_choose (picker, "CRC", "3"));
  drain ();
  g_assert_cmpuint (count_violations (f), ==, 2);
  screenshot ("right-picker");
  gtk_window_close (GTK_WINDOW (picker));
  drain ();
  g_assert_null (find_toplevel (REDRESS_TYPE_RIGHT_PICKER));
}

static gboolean
match_evidence_links (GtkWidget     *widget,
                      gconstpointer  evidence_id)
{
  return REDRESS_IS_LINK_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "evidence-id"), evidence_id) == 0;
}

/* The evidence's details are edited in the window; its links go to facts,
 * remedies and letters as well as violations, with plain labels. */
static void
test_evidence_details (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RedressViolation) violation = redress_violation_new (f->case_id);
  g_autoptr(RedressFact) fact = redress_fact_new (f->case_id);
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(RedressRecord) item = NULL;
  g_autofree char *fact_id = NULL;
  g_autofree char *key = NULL;
  RedressEvidenceDetails *details;
  RedressLinkRow *links_row;
  GtkWidget *panel_widget;

  redress_record_set_string (REDRESS_RECORD (violation), "article", "12");
  redress_record_set_string (REDRESS_RECORD (violation), "paragraph", "(2)");
  g_free (new_record (f, violation));
  g_object_set (fact, "occurred-on", "2024-03-10", "description", "Hearing refused", NULL);
  fact_id = new_record (f, fact);
  stream = g_memory_input_stream_new_from_data ("decision", 8, NULL);
  info = redress_evidence_store_add_stream (store, f->case_id, stream, "decision.txt", "court", NULL, &error);
  g_assert_no_error (error);
  redress_case_page_set_case (f->page, f->case_id);
  drain ();

  /* The link menu: one label per target, no doubled parentheses. */
  REDRESS_TEST_WAIT_FOR (find_widget (GTK_WIDGET (f->page), match_evidence_links, info->id) != NULL);
  links_row = REDRESS_LINK_ROW (find (f, match_evidence_links, info->id));
  panel_widget = gtk_widget_get_ancestor (GTK_WIDGET (links_row), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (panel_widget);
  key = g_strdup_printf ("fact:%s", fact_id);
  g_assert_false (redress_link_row_is_linked (links_row, key));
  redress_link_row_toggle (links_row, key, TRUE);
  links = redress_evidence_store_list_links (store, info->id, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (((RedressEvidenceLink *) g_ptr_array_index (links, 0))->target, ==, REDRESS_EVIDENCE_TARGET_FACT);
  drain ();
  links_row = REDRESS_LINK_ROW (find (f, match_evidence_links, info->id));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (links_row)), ==, "2024-03-10: Hearing refused");

  /* The details window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (links_row), "evidence.edit-details", "s", info->id));
  details = REDRESS_EVIDENCE_DETAILS (find_toplevel (REDRESS_TYPE_EVIDENCE_DETAILS));
  g_assert_nonnull (details);
  gtk_editable_set_text (GTK_EDITABLE (redress_evidence_details_get_field (details, "title")),
                         "Decision of the Audiencia Provincial");
  gtk_editable_set_text (GTK_EDITABLE (redress_evidence_details_get_field (details, "shown-date")), "2024-05-02");
  gtk_editable_set_text (GTK_EDITABLE (redress_evidence_details_get_field (details, "language")), "es");
  adw_combo_row_set_selected (ADW_COMBO_ROW (redress_evidence_details_get_field (details, "identifies-child")), 1);
  set_text_area (redress_evidence_details_get_field (details, "description"), "Refuses to hear the child.");
  screenshot ("evidence-details");
  g_assert_true (redress_evidence_details_flush (details));
  gtk_window_close (GTK_WINDOW (details));
  drain ();

  {
    g_autoptr(RedressDatabase) reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    item = redress_record_load (reader, REDRESS_TYPE_EVIDENCE_ITEM, info->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (redress_record_get_string (item, "title"), ==, "Decision of the Audiencia Provincial");
    g_assert_cmpstr (redress_record_get_string (item, "shown-date"), ==, "2024-05-02");
    g_assert_cmpstr (redress_record_get_string (item, "language"), ==, "es");
    g_assert_cmpstr (redress_record_get_string (item, "description"), ==, "Refuses to hear the child.");
    g_assert_cmpint (redress_record_get_int (item, "identifies-child"), ==, 1);
    g_clear_object (&item);
  }
}

/* End to end, through the widgets of the case page and the composer: a
 * communication typed in the window from nothing reaches the frozen filed
 * PDF. */

static RedressRecordRow *
add_party_row (Fixture    *f,
               const char *role,
               const char *given,
               const char *family)
{
  RedressRecordRow *row = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-party", "s", role));
  drain ();
  /* The new row is the open one of that role with no name yet. */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (find (f, match_party_row, role)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (REDRESS_IS_RECORD_ROW (w) &&
        g_strcmp0 (redress_record_get_string (redress_record_row_get_record (REDRESS_RECORD_ROW (w)), "role"), role) == 0 &&
        g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (redress_record_row_find_field (REDRESS_RECORD_ROW (w),
                                                                                       "RedressPerson:given-name"))), "") == 0)
      row = REDRESS_RECORD_ROW (w);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (row, "RedressPerson:given-name")), given);
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (row, "RedressPerson:family-name")), family);
  return row;
}

static char *
add_fact_row (Fixture    *f,
              const char *date,
              const char *what)
{
  g_autoptr(GListModel) before = redress_record_list (f->db, REDRESS_TYPE_FACT, f->case_id, NULL);
  guint n = g_list_model_get_n_items (before);
  g_autoptr(RedressRecord) fact = NULL;
  RedressRecordRow *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-fact", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, n + 1);
  /* The new fact is the undated one. */
  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    {
      g_autoptr(RedressRecord) r = g_list_model_get_item (before, i);

      if (redress_record_get_string (r, "occurred-on") == NULL)
        fact = g_object_ref (r);
    }
  g_assert_nonnull (fact);
  row = REDRESS_RECORD_ROW (find (f, match_record_row_id, redress_record_get_id (fact)));
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (row, "occurred-on")), date);
  set_text_area (redress_record_row_find_field (row, "description"), what);
  g_assert_true (redress_case_page_flush (f->page));
  return g_strdup (redress_record_get_id (fact));
}

static void
link_fact (Fixture    *f,
           const char *fact_id,
           const char *violation_id)
{
  RedressRecordRow *row = REDRESS_RECORD_ROW (find (f, match_record_row_id, fact_id));
  RedressLinkRow *links = REDRESS_LINK_ROW (gtk_widget_get_ancestor (redress_record_row_find_field (row, "violation_fact"),
                                                                     REDRESS_TYPE_LINK_ROW));

  redress_link_row_toggle (links, violation_id, TRUE);
  drain ();
}

static void
record_event_in_dialog (Fixture    *f,
                        const char *event,
                        const char *date)
{
  RedressEventDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.record-event", NULL));
  dialog = REDRESS_EVENT_DIALOG (find_toplevel (REDRESS_TYPE_EVENT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (redress_event_dialog_select_event (dialog, event));
  redress_event_dialog_set_fields (dialog, date, NULL, NULL, NULL);
  g_assert_true (redress_event_dialog_record (dialog));
  drain ();
}

static void
test_intake_to_filing (Fixture       *f,
                       gconstpointer  data)
{
  RedressRecordRow *child, *mother, *lawyer, *row;
  g_autoptr(RedressRecord) child_party = NULL;
  RedressStatePicker *states;
  RedressRightPicker *rights;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autoptr(GListModel) violations = NULL;
  g_autoptr(GPtrArray) grounds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *art12 = NULL, *art3 = NULL;
  g_autofree char *facts[3] = { NULL, };
  const char *evidence_ids[2] = { NULL, };
  g_autoptr(RedressEvidenceInfo) ev1 = NULL, ev2 = NULL;
  GtkWidget *composer_window;
  RedressComposerPage *composer;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;

  redress_case_page_set_case (f->page, f->case_id);
  drain ();

  /* The State, by typing its name and Enter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.choose-state", NULL));
  states = REDRESS_STATE_PICKER (find_toplevel (REDRESS_TYPE_STATE_PICKER));
  gtk_editable_set_text (GTK_EDITABLE (redress_state_picker_get_search_entry (states)), "Spain");
  g_signal_emit_by_name (redress_state_picker_get_search_entry (states), "activate");
  drain ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (f, match_combo_title, "Submitted in writing and signed, art 7(b)")), 1);

  /* The child, with her date of birth, consent and views; her mother, who
   * is the author and gives consent; the representative. */
  child = add_party_row (f, "victim", "Lucía", "Ruiz");
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (child, "RedressPerson:birth-date")), "2012-05-04");
  adw_combo_row_set_selected (ADW_COMBO_ROW (redress_record_row_find_field (child, "consent-given")), 1);
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (child, "consent-date")), "2025-04-02");
  adw_combo_row_set_selected (ADW_COMBO_ROW (redress_record_row_find_field (child, "consent-disclose-identity")), 1);
  set_text_area (redress_record_row_find_field (child, "child-views"), "Lucía wants the judge to listen to her.");
  g_assert_true (redress_case_page_flush (f->page));
  child_party = g_object_ref (redress_record_row_get_record (child));
  mother = add_party_row (f, "author", "Marta", "Ruiz");
  g_assert_true (redress_case_page_flush (f->page));
  drain ();
  /* Consent given by the mother, chosen from the people of the case. */
  child = REDRESS_RECORD_ROW (find (f, match_record_row_id, redress_record_get_id (child_party)));
  {
    GtkWidget *consent_by = redress_record_row_find_field (child, "consent-by-person-id");
    GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (consent_by));

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Marta Ruiz"))
        adw_combo_row_set_selected (ADW_COMBO_ROW (consent_by), i);
  }
  g_assert_true (redress_case_page_flush (f->page));
  lawyer = add_party_row (f, "representative", "Ana", "Costa");
  set_text_area (redress_record_row_find_field (lawyer, "RedressPerson:contact"),
                 "Calle Mayor 1, 28013 Madrid\nana.costa@example.org");
  g_assert_true (redress_case_page_flush (f->page));
  (void) mother;

  /* Two violations in one opening of the rights picker. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-violation", NULL));
  rights = REDRESS_RIGHT_PICKER (find_toplevel (REDRESS_TYPE_RIGHT_PICKER));
  g_assert_true (redress_right_picker_choose (rights, "CRC", "12"));
  g_assert_true (redress_right_picker_choose (rights, "CRC", "3"));
  gtk_window_close (GTK_WINDOW (rights));
  drain ();
  violations = redress_record_list (f->db, REDRESS_TYPE_VIOLATION, f->case_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (violations), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RedressRecord) v = g_list_model_get_item (violations, i);

      if (g_str_equal (redress_record_get_string (v, "article"), "12"))
        art12 = g_strdup (redress_record_get_id (v));
      else
        art3 = g_strdup (redress_record_get_id (v));
    }
  row = REDRESS_RECORD_ROW (find (f, match_record_row_id, art12));
  gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (row, "paragraph")), "(2)");
  g_assert_true (redress_case_page_flush (f->page));

  /* Three dated facts, linked to the violations. */
  facts[0] = add_fact_row (f, "2024-01-10", "The family court ordered Lucía's transfer without hearing her.");
  facts[1] = add_fact_row (f, "03/05/2024", "The appeal court refused to hear Lucía in person.");
  facts[2] = add_fact_row (f, "2024-06-01", "Lucía was moved to another city away from her mother.");
  link_fact (f, facts[0], art12);
  link_fact (f, facts[1], art12);
  link_fact (f, facts[2], art3);

  /* The final domestic remedy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-remedy", NULL));
  drain ();
  {
    g_autoptr(GListModel) remedies = redress_record_list (f->db, REDRESS_TYPE_DOMESTIC_REMEDY, f->case_id, NULL);
    g_autoptr(RedressRecord) remedy = g_list_model_get_item (remedies, 0);

    row = REDRESS_RECORD_ROW (find (f, match_record_row_id, redress_record_get_id (remedy)));
    gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (row, "forum")), "Tribunal Constitucional");
    gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (row, "decided-on")), "2025-02-01");
    gtk_editable_set_text (GTK_EDITABLE (redress_record_row_find_field (row, "notified-on")), "2025-02-10");
    gtk_switch_set_active (GTK_SWITCH (redress_record_row_find_field (row, "is-final")), TRUE);
    g_assert_true (redress_case_page_flush (f->page));
  }

  /* Two evidence files, with details and links. */
  {
    g_autoptr(GInputStream) a = g_memory_input_stream_new_from_data ("judgment", 8, NULL);
    g_autoptr(GInputStream) b = g_memory_input_stream_new_from_data ("school report", 13, NULL);

    ev1 = redress_evidence_store_add_stream (store, f->case_id, a, "auto.pdf", "court", NULL, &error);
    g_assert_no_error (error);
    ev2 = redress_evidence_store_add_stream (store, f->case_id, b, "informe.pdf", "school", NULL, &error);
    g_assert_no_error (error);
    evidence_ids[0] = ev1->id;
    evidence_ids[1] = ev2->id;
  }
  for (guint i = 0; i < 2; i++)
    {
      RedressEvidenceDetails *details;
      RedressLinkRow *links;
      g_autofree char *key = g_strdup_printf ("fact:%s", facts[i]);

      REDRESS_TEST_WAIT_FOR (find_widget (GTK_WIDGET (f->page), match_evidence_links, evidence_ids[i]) != NULL);
      links = REDRESS_LINK_ROW (find (f, match_evidence_links, evidence_ids[i]));
      redress_link_row_toggle (links, key, TRUE);
      drain ();
      links = REDRESS_LINK_ROW (find (f, match_evidence_links, evidence_ids[i]));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (links), "evidence.edit-details", "s", evidence_ids[i]));
      details = REDRESS_EVIDENCE_DETAILS (find_toplevel (REDRESS_TYPE_EVIDENCE_DETAILS));
      gtk_editable_set_text (GTK_EDITABLE (redress_evidence_details_get_field (details, "title")),
                             i == 0 ? "Auto del Tribunal Constitucional" : "Informe escolar de Lucía");
      gtk_editable_set_text (GTK_EDITABLE (redress_evidence_details_get_field (details, "shown-date")),
                             i == 0 ? "2025-02-01" : "2024-05-15");
      g_assert_true (redress_evidence_details_flush (details));
      gtk_window_close (GTK_WINDOW (details));
      drain ();
    }

  /* Filed through Record Event, the natural path. */
  record_event_in_dialog (f, "eligibility_checked_ok", "2025-05-20");
  record_event_in_dialog (f, "draft_approved", "2025-05-25");
  record_event_in_dialog (f, "sent_to_ohchr", "2025-06-01");

  /* Every ground passes or asks for an argument; none fails, none is
   * unknown for want of a control. */
  today = g_strdup ("2025-06-01");
  {
    g_autoptr(RedressReference) reference = redress_reference_load (f->db, &error);

    g_assert_no_error (error);
    grounds = redress_admissibility_evaluate (f->db, reference, f->case_id, today, &error);
  }
  g_assert_no_error (error);
  for (guint i = 0; i < grounds->len; i++)
    {
      RedressGroundResult *r = g_ptr_array_index (grounds, i);
      RedressGroundStatus st = redress_ground_result_get_status (r);

      if (st != REDRESS_GROUND_PASS && st != REDRESS_GROUND_NEEDS_ARGUMENT)
        g_test_message ("ground %s: %s", redress_ground_result_get_ground (r),
                        redress_ground_result_get_explanation (r));
      g_assert_true (st == REDRESS_GROUND_PASS || st == REDRESS_GROUND_NEEDS_ARGUMENT);
    }
  if (g_getenv ("REDRESS_SCREENSHOT_DIR") != NULL)
    {
      /* The violations with their supporting facts, then a fact with its links. */
      row = REDRESS_RECORD_ROW (find (f, match_record_row_id, art12));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (redress_record_row_find_field (row, "violation_fact"));
      screenshot ("intake-violation-links");
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      row = REDRESS_RECORD_ROW (find (f, match_record_row_id, facts[1]));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (redress_record_row_find_field (row, "occurred-on"));
      screenshot ("intake-fact-row");
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      row = REDRESS_RECORD_ROW (find (f, match_record_row_id, redress_record_get_id (child_party)));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (redress_record_row_find_field (row, "consent-by-person-id"));
      screenshot ("intake-person-consent");
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
      gtk_widget_grab_focus (find (f, match_combo_title, "Submitted in writing and signed, art 7(b)"));
      screenshot ("intake-case-filled");
    }

  /* Composed in French: everything typed is in the PDF. */
  composer_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (composer_window), 1280, 800);
  composer = REDRESS_COMPOSER_PAGE (redress_composer_page_new ());
  gtk_window_set_child (GTK_WINDOW (composer_window), GTK_WIDGET (composer));
  redress_composer_page_set_database (composer, f->db);
  redress_composer_page_set_case (composer, f->case_id);
  redress_composer_page_set_options (composer, "communication", "fr", "committee");
  gtk_window_present (GTK_WINDOW (composer_window));
  REDRESS_TEST_WAIT_FOR (redress_composer_page_get_n_pages (composer) > 0);
  screenshot ("intake-composer-fr");
  pdf = redress_composer_page_export (composer, REDRESS_EXPORT_PDF, &error);
  g_assert_no_error (error);
  text = redress_export_extract_text (pdf, REDRESS_EXPORT_PDF, &error);
  g_assert_no_error (error);
  g_strdelimit (text, "\n", ' ');
  {
    const char *expected[] = { "without hearing her", "refused to hear", "another city", "12(2)", "Lucía Ruiz",
                               "Marta Ruiz", "Ana Costa", "Auto del Tribunal Constitucional", "Informe escolar",
                               "ana.costa@example.org", "listen to her", "recueilli par Marta Ruiz" };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        if (strstr (text, expected[i]) == NULL)
          g_test_message ("missing from the PDF: %s", expected[i]);
        g_assert_nonnull (strstr (text, expected[i]));
      }
  }

  /* Marked as submitted: attaches to the recorded "Sent to OHCHR", and the
   * frozen PDF is in the evidence locker with its hash. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (composer), "composer.mark-submitted", NULL));
  {
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_autoptr(GPtrArray) drafts = NULL;
    g_autoptr(GPtrArray) items = NULL;
    RedressDraftInfo *frozen = NULL;
    gboolean in_locker = FALSE;

    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "submit");
    gtk_window_destroy (GTK_WINDOW (dialog));
    drain ();
    drafts = redress_draft_list (f->db, f->case_id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < drafts->len; i++)
      if (redress_draft_info_is_frozen (g_ptr_array_index (drafts, i)))
        frozen = g_ptr_array_index (drafts, i);
    g_assert_nonnull (frozen);
    items = redress_evidence_store_list (store, f->case_id, &error);
    for (guint i = 0; i < items->len; i++)
      in_locker |= g_strcmp0 (((RedressEvidenceInfo *) g_ptr_array_index (items, i))->sha256,
                              frozen->frozen_sha256) == 0;
    g_assert_true (in_locker);
  }
  gtk_window_destroy (GTK_WINDOW (composer_window));
  drain ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/case-intake/link-facts-and-violations", Fixture, NULL,
              fixture_set_up, test_link_facts_and_violations, fixture_tear_down);
  g_test_add ("/case-intake/people", Fixture, NULL,
              fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/case-intake/date-row", Fixture, NULL,
              fixture_set_up, test_date_row, fixture_tear_down);
  g_test_add ("/case-intake/state-picker", Fixture, NULL,
              fixture_set_up, test_state_picker, fixture_tear_down);
  g_test_add ("/case-intake/right-picker", Fixture, NULL,
              fixture_set_up, test_right_picker, fixture_tear_down);
  g_test_add ("/case-intake/evidence-details", Fixture, NULL,
              fixture_set_up, test_evidence_details, fixture_tear_down);
  g_test_add ("/case-intake/intake-to-filing", Fixture, NULL,
              fixture_set_up, test_intake_to_filing, fixture_tear_down);
  g_test_add ("/case-intake/in-writing", Fixture, NULL,
              fixture_set_up, test_in_writing, fixture_tear_down);

  return g_test_run ();
}
