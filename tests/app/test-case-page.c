/* test-case-page.c: the case file editor driven like a user would.
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A communication is filled in through the page's own widgets and actions:
 * the respondent State through the picker, a child victim, a fact, a
 * domestic remedy, procedural events through the Record Event dialog.  A
 * second connection to the same docket checks what reached the disk, so
 * "saved as you type" and "nothing lost on switch" are tested against the
 * file, not against the page's own objects.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redress-admissibility.h"
#include "redress-case.h"
#include "redress-case-page.h"
#include "redress-case-party.h"
#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-domestic-remedy.h"
#include "redress-event-dialog.h"
#include "redress-evidence-store.h"
#include "redress-fact.h"
#include "redress-person.h"
#include "redress-ground-row.h"
#include "redress-record.h"
#include "redress-record-row.h"
#include "redress-right-picker.h"
#include "redress-state-picker.h"
#include "redress-text-area.h"
#include "redress-violation.h"
#include "procedure-check.h"
#include "redress-test-util.h"

typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *db;
  RedressDatabase *reader;      /* a second connection: what is on disk */
  GtkWindow       *window;
  RedressCasePage *page;
  char            *case_id;
} Fixture;

/* Helpers ---------------------------------------------------------------- */


static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
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
match_entry_row_title (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
match_text_area_title (GtkWidget     *widget,
                       gconstpointer  title)
{
  return REDRESS_IS_TEXT_AREA (widget) &&
         g_strcmp0 (redress_text_area_get_title (REDRESS_TEXT_AREA (widget)), title) == 0;
}

static gboolean
match_record_row_of_type (GtkWidget     *widget,
                          gconstpointer  type)
{
  return REDRESS_IS_RECORD_ROW (widget) &&
         gtk_widget_get_visible (widget) &&
         G_TYPE_CHECK_INSTANCE_TYPE (redress_record_row_get_record (REDRESS_RECORD_ROW (widget)),
                                     GPOINTER_TO_SIZE (type));
}

static gboolean
match_ground (GtkWidget     *widget,
              gconstpointer  ground)
{
  return REDRESS_IS_GROUND_ROW (widget) &&
         g_strcmp0 (redress_ground_result_get_ground (redress_ground_row_get_result (REDRESS_GROUND_ROW (widget))),
                    ground) == 0;
}

/* Mapped and not inside a toast that is on its way out (those stop
 * taking input while they fade). */
static gboolean
is_live (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_can_target (w))
      return FALSE;
  return TRUE;
}

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && is_live (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
match_list_labelled (GtkWidget     *widget,
                     gconstpointer  id)
{
  return GTK_IS_LIST_BOX (widget) &&
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

static GtkWidget *
find (Fixture     *f,
      WidgetMatch  match,
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
  GtkWidget *row = find (f, match_ground, ground);

  return redress_ground_result_get_status (redress_ground_row_get_result (REDRESS_GROUND_ROW (row)));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child) &&
        gtk_widget_get_child_visible (child))
      n++;

  return n;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* What the file says, through the second connection. */
static char *
stored_string (Fixture    *f,
               GType       type,
               const char *id,
               const char *property)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = NULL;
  g_autoptr(RedressRecord) record = NULL;

  /* A fresh connection each time: no cached live instance. */
  reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  record = redress_record_load (reader, type, id, &error);
  if (record == NULL)
    {
      g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND);
      return NULL;
    }
  return g_strdup (redress_record_get_string (record, property));
}

static gboolean
stored_equals (Fixture    *f,
               GType       type,
               const char *id,
               const char *property,
               const char *expected)
{
  g_autofree char *value = stored_string (f, type, id, property);

  return g_strcmp0 (value, expected) == 0;
}

static gboolean
subtitle_has (RedressRecordRow *row,
              const char       *text)
{
  const char *subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));

  return subtitle != NULL && strstr (subtitle, text) != NULL;
}

static gboolean
stored_exists (Fixture    *f,
               GType       type,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = NULL;
  g_autoptr(RedressRecord) record = NULL;

  reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  record = redress_record_load (reader, type, id, &error);
  if (record == NULL)
    g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND);

  return record != NULL;
}

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  gtk_widget_grab_focus (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
record_event (Fixture    *f,
              const char *event,
              const char *date,
              const char *letter_due)
{
  RedressEventDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.record-event", NULL));
  dialog = REDRESS_EVENT_DIALOG (find_toplevel (REDRESS_TYPE_EVENT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (redress_event_dialog_get_n_events (dialog), >, 0);
  g_assert_true (redress_event_dialog_select_event (dialog, event));
  redress_event_dialog_set_fields (dialog, date, "G/SO 229/8", letter_due, NULL);
  /* On success the dialog closes itself. */
  g_assert_true (redress_event_dialog_record (dialog));
  REDRESS_TEST_WAIT_FOR (find_toplevel (REDRESS_TYPE_EVENT_DIALOG) == NULL);
}


typedef struct
{
  Fixture *f;
  guint    n;
} RowsWanted;

static gboolean
facts_listed (gpointer data)
{
  RowsWanted *wanted = data;

  return count_rows (find (wanted->f, match_list_labelled, "facts_list")) == wanted->n;
}

/* Every row of the page's lists, held so that a rebuilt one shows as a
 * row that lost its list. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && GTK_IS_LIST_BOX (widget))
        {
          g_ptr_array_add (rows, g_object_ref (child));
          g_object_set_data (G_OBJECT (child), "test-list", widget);
        }
      collect_rows (child, rows);
    }
}

static guint
count_orphans (GPtrArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_parent (g_ptr_array_index (rows, i)) == NULL)
      {
        GtkWidget *list = g_object_get_data (g_ptr_array_index (rows, i), "test-list");
        const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (list));

        g_test_message ("rebuilt: a row of %s (%s)", id ? id : "?",
                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (list)));
        n++;
      }
  return n;
}

/* Statements that read a section's rows (the live list's query). */
static const char * const section_queries[] = {
  "FROM \"case_party\" WHERE case_id",
  "FROM \"fact\" WHERE case_id",
  "FROM \"violation\" WHERE case_id",
  "FROM \"domestic_remedy\" WHERE case_id",
  "FROM \"other_procedure\" WHERE case_id",
  "FROM \"procedural_event\" WHERE case_id",
  "FROM evidence_item WHERE ?1 IS NULL OR case_id",
};

static void
report_counts (Fixture    *f,
               const char *what,
               guint      *counts)
{
  g_autoptr(GString) line = g_string_new (what);

  for (guint i = 0; i < G_N_ELEMENTS (section_queries); i++)
    {
      counts[i] = _redress_database_get_statement_count (f->db, section_queries[i]);
      g_string_append_printf (line, " [%s]=%u", section_queries[i], counts[i]);
    }
  g_string_append_printf (line, " all=%u", _redress_database_get_statement_count (f->db, NULL));
  g_test_message ("%s", line->str);
}

/* An edit to one field of a case with 50 facts and 20 evidence items
 * re-reads no other section and rebuilds no unchanged row. */
static void
test_edit_rereads_one_section (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_object_unref);
  RowsWanted wanted = { f, 50 };
  GtkWidget *summary, *place;
  RedressRecordRow *fact_row;
  guint counts[G_N_ELEMENTS (section_queries)];

  {
    g_autoptr(RedressPerson) person = redress_person_new ();
    g_autoptr(RedressCaseParty) party = NULL;

    redress_record_set_string (REDRESS_RECORD (person), "given-name", "Ana");
    redress_record_set_string (REDRESS_RECORD (person), "birth-date", "2008-05-01");
    g_assert_true (redress_record_save (REDRESS_RECORD (person), f->db, &error));
    party = redress_case_party_new (f->case_id, redress_record_get_id (REDRESS_RECORD (person)), "victim");
    g_assert_true (redress_record_save (REDRESS_RECORD (party), f->db, &error));
  }
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(RedressFact) fact = redress_fact_new (f->case_id);
      g_autofree char *on = g_strdup_printf ("2020-%02u-%02u", 1 + i / 28, 1 + i % 28);
      g_autofree char *what = g_strdup_printf ("Fact number %u", i);

      g_object_set (fact, "occurred-on", on, "description", what, NULL);
      g_assert_true (redress_record_save (REDRESS_RECORD (fact), f->db, &error));
      g_ptr_array_add (facts, g_object_ref (fact));
    }
  {
    g_autoptr(RedressViolation) violation = redress_violation_new (f->case_id);

    redress_record_set_string (REDRESS_RECORD (violation), "treaty", "CRC");
    redress_record_set_string (REDRESS_RECORD (violation), "article", "12");
    g_assert_true (redress_record_save (REDRESS_RECORD (violation), f->db, &error));
  }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *body = g_strdup_printf ("exhibit %u", i);
      g_autofree char *name = g_strdup_printf ("exhibit-%u.txt", i);
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (body), -1, g_free);
      RedressEvidenceInfo *info = redress_evidence_store_add_stream (store, f->case_id, stream, name,
                                                                     "court", NULL, &error);

      g_assert_no_error (error);
      redress_evidence_info_free (info);
    }
  g_assert_no_error (error);

  redress_case_page_set_case (f->page, NULL);
  redress_case_page_set_case (f->page, f->case_id);
  REDRESS_TEST_WAIT_FOR (facts_listed (&wanted));
  redress_test_flush_main_context ();
  collect_rows (GTK_WIDGET (f->page), rows);
  g_assert_cmpuint (rows->len, >=, 50 + 20);

  /* A field of the case itself. */
  _redress_database_count_statements (f->db, TRUE);
  summary = find (f, match_text_area_title, "Summary");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (redress_text_area_get_view (REDRESS_TEXT_AREA (summary))),
                            "Removal of a child without hearing her.", -1);
  g_assert_true (redress_case_page_flush (f->page));
  redress_test_flush_main_context ();
  g_assert_true (stored_equals (f, REDRESS_TYPE_CASE, f->case_id, "summary",
                                "Removal of a child without hearing her."));
  report_counts (f, "case summary edited:", counts);
  for (guint i = 0; i < G_N_ELEMENTS (section_queries); i++)
    g_assert_cmpuint (counts[i], ==, 0);
  g_assert_cmpuint (count_orphans (rows), ==, 0);

  /* A field of one fact: only the facts are read again. */
  _redress_database_count_statements (f->db, TRUE);
  fact_row = REDRESS_RECORD_ROW (find (f, match_record_row_of_type, GSIZE_TO_POINTER (REDRESS_TYPE_FACT)));
  place = redress_record_row_find_field (fact_row, "place");
  g_assert_nonnull (place);
  type_text (place, "Geneva");
  g_assert_true (redress_case_page_flush (f->page));
  redress_test_flush_main_context ();
  report_counts (f, "fact place edited:", counts);
  g_assert_cmpuint (counts[0], ==, 0);
  g_assert_cmpuint (counts[1], <=, 1);
  for (guint i = 2; i < G_N_ELEMENTS (section_queries); i++)
    g_assert_cmpuint (counts[i], ==, 0);
  /* Only the timeline's entry of that fact, which shows its place, is new. */
  g_assert_cmpuint (count_orphans (rows), <=, 1);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (fact_row)) != NULL);
  g_assert_true (gtk_widget_has_focus (place) || gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (place)), place));

  /* A date that moves the fact to the end of the list: its row moves with
   * it, keeps the focus, and no other row is made again. */
  {
    GtkWidget *date = redress_record_row_find_field (fact_row, "occurred-on");
    GtkWidget *facts_list = find (f, match_list_labelled, "facts_list");

    type_text (date, "2021-12-31");
    g_assert_true (redress_case_page_flush (f->page));
    redress_test_flush_main_context ();
    g_assert_true (gtk_widget_get_parent (GTK_WIDGET (fact_row)) == facts_list);
    g_assert_true (gtk_widget_get_last_child (facts_list) == GTK_WIDGET (fact_row) ||
                   gtk_widget_get_prev_sibling (gtk_widget_get_last_child (facts_list)) == GTK_WIDGET (fact_row));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (date)), date) ||
                   gtk_widget_has_focus (date));
    g_assert_cmpuint (count_orphans (rows), <=, 2);
  }
  _redress_database_count_statements (f->db, FALSE);
}

/* Fixture ---------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) case_file = NULL;
  const char *kind = data ? data : "communication";

  f->dir = g_dir_make_tmp ("redress-case-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  case_file = redress_case_new (kind, "RD-2024-001");
  g_assert_true (redress_record_save (REDRESS_RECORD (case_file), f->db, &error));
  g_assert_no_error (error);
  f->case_id = g_strdup (redress_record_get_id (REDRESS_RECORD (case_file)));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = REDRESS_CASE_PAGE (redress_case_page_new (f->db));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);

  redress_case_page_set_case (f->page, f->case_id);
  g_assert_true (redress_test_wait_for (is_mapped, find (f, match_entry_row_title, "Title")));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  redress_test_flush_main_context ();
  g_assert_finalize_object (g_steal_pointer (&f->db));
  redress_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
  g_clear_pointer (&f->case_id, g_free);
}

/* Tests ------------------------------------------------------------------ */

static void
test_saved_as_you_type (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *title = find (f, match_entry_row_title, "Title");
  GtkWidget *summary = find (f, match_text_area_title, "Summary");
  GtkWidget *committee = find (f, match_entry_row_title, "Committee's reference (N/YYYY)");
  g_autofree char *stored = NULL;

  g_assert_cmpstr (redress_case_page_get_case_id (f->page), ==, f->case_id);

  /* Not written at once: the page waits for the typing pause. */
  type_text (title, "A.B. v. Switzerland");
  stored = stored_string (f, REDRESS_TYPE_CASE, f->case_id, "title");
  g_assert_cmpstr (stored, ==, "");
  g_clear_pointer (&stored, g_free);

  /* ... and is, once the typing pauses, without any Save. */
  REDRESS_TEST_WAIT_FOR (stored_equals (f, REDRESS_TYPE_CASE, f->case_id, "title", "A.B. v. Switzerland"));
  g_assert_true (stored_equals (f, REDRESS_TYPE_CASE, f->case_id, "title", "A.B. v. Switzerland"));

  /* Our reference may not be emptied: flagged, and the file keeps the old one. */
  {
    GtkWidget *reference = find (f, match_entry_row_title, "Our reference");

    type_text (reference, "");
    g_assert_true (gtk_widget_has_css_class (reference, "error"));
    g_assert_true (redress_case_page_flush (f->page));
    g_assert_true (stored_equals (f, REDRESS_TYPE_CASE, f->case_id, "reference", "RD-2024-001"));
    type_text (reference, "RD-2024-001-bis");
    g_assert_false (gtk_widget_has_css_class (reference, "error"));
    g_assert_true (redress_case_page_flush (f->page));
    g_assert_true (stored_equals (f, REDRESS_TYPE_CASE, f->case_id, "reference", "RD-2024-001-bis"));
  }

  /* A malformed Committee reference is kept on screen, flagged, not saved. */
  type_text (committee, "4-2016");
  g_assert_true (gtk_widget_has_css_class (committee, "error"));
  type_text (committee, "4/2016");
  g_assert_false (gtk_widget_has_css_class (committee, "error"));

  /* Switching case right after typing loses nothing. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (redress_text_area_get_view (REDRESS_TEXT_AREA (summary))),
                            "Removal of a child without hearing her.", -1);
  redress_case_page_set_case (f->page, NULL);
  g_assert_null (redress_case_page_get_case_id (f->page));

  stored = stored_string (f, REDRESS_TYPE_CASE, f->case_id, "summary");
  g_assert_cmpstr (stored, ==, "Removal of a child without hearing her.");
  g_clear_pointer (&stored, g_free);
  stored = stored_string (f, REDRESS_TYPE_CASE, f->case_id, "committee-ref");
  g_assert_cmpstr (stored, ==, "4/2016");
}

static void
test_fill_in_communication (Fixture       *f,
                            gconstpointer  data)
{
  RedressStatePicker *picker;
  RedressRecordRow *party_row;
  RedressRecordRow *fact_row;
  RedressRecordRow *remedy_row;
  GtkWidget *deadlines = find (f, match_list_labelled, "deadlines_list");
  GtkWidget *history = find (f, match_list_labelled, "history_list");
  GtkWidget *field;
  g_autofree char *stored = NULL;
  guint n_deadlines;

  /* No State yet: competence cannot be known (art 1(3)). */
  g_assert_cmpint (ground_status (f, "art1.3"), ==, REDRESS_GROUND_UNKNOWN);

  /* The State, through the searchable picker. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.choose-state", NULL));
  picker = REDRESS_STATE_PICKER (find_toplevel (REDRESS_TYPE_STATE_PICKER));
  g_assert_nonnull (picker);
  redress_state_picker_set_search (picker, "switz");
  g_assert_cmpuint (redress_state_picker_get_n_visible (picker), ==, 1);
  /* Case and accents do not matter. */
  redress_state_picker_set_search (picker, "TURKIYE");
  g_assert_cmpuint (redress_state_picker_get_n_visible (picker), ==, 1);
  redress_state_picker_set_search (picker, "no such country");
  g_assert_cmpuint (redress_state_picker_get_n_visible (picker), ==, 0);
  redress_state_picker_set_search (picker, "");
  g_assert_true (redress_state_picker_choose (picker, "CH"));
  REDRESS_TEST_WAIT_FOR (stored_equals (f, REDRESS_TYPE_CASE, f->case_id, "state-code", "CH"));

  stored = stored_string (f, REDRESS_TYPE_CASE, f->case_id, "state-code");
  g_assert_cmpstr (stored, ==, "CH");
  g_clear_pointer (&stored, g_free);
  g_assert_cmpint (ground_status (f, "art1.3"), ==, REDRESS_GROUND_PASS);

  /* A child victim. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-person", NULL));
  party_row = REDRESS_RECORD_ROW (find (f, match_record_row_of_type, GSIZE_TO_POINTER (REDRESS_TYPE_CASE_PARTY)));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (party_row)));
  field = redress_record_row_find_field (party_row, "RedressPerson:given-name");
  g_assert_true (gtk_widget_has_focus (field) || gtk_widget_is_focus (gtk_root_get_focus (gtk_widget_get_root (field))));
  type_text (field, "Lea");
  field = redress_record_row_find_field (party_row, "RedressPerson:birth-date");
  type_text (field, "2010-13-45");
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  type_text (field, "2008-06-01");
  g_assert_false (gtk_widget_has_css_class (field, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (party_row)), ==, "Lea");

  /* A dated fact gives the age at the facts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-fact", NULL));
  fact_row = REDRESS_RECORD_ROW (find (f, match_record_row_of_type, GSIZE_TO_POINTER (REDRESS_TYPE_FACT)));
  type_text (redress_record_row_find_field (fact_row, "occurred-on"), "2019-03-01");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (redress_text_area_get_view (
                              REDRESS_TEXT_AREA (redress_record_row_find_field (fact_row, "description")))),
                            "Lea is placed in a closed institution.", -1);
  REDRESS_TEST_WAIT_FOR (subtitle_has (party_row, "10 years old"));
  g_assert_true (subtitle_has (party_row, "10 years old"));

  /* Born much earlier: the page warns she was no longer a child (CRC art 1). */
  type_text (redress_record_row_find_field (party_row, "RedressPerson:birth-date"), "1999-01-01");
  REDRESS_TEST_WAIT_FOR (subtitle_has (party_row, "18 or over"));
  g_assert_true (subtitle_has (party_row, "18 or over"));
  type_text (redress_record_row_find_field (party_row, "RedressPerson:birth-date"), "2008-06-01");
  REDRESS_TEST_WAIT_FOR (subtitle_has (party_row, "10 years old"));

  /* Domestic remedies: none yet fails art 7(e); a final decision passes it
   * and opens the one-year deadline of art 7(h) (D01). */
  g_assert_cmpint (ground_status (f, "7e"), !=, REDRESS_GROUND_PASS);
  n_deadlines = count_rows (deadlines);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-remedy", NULL));
  remedy_row = REDRESS_RECORD_ROW (find (f, match_record_row_of_type, GSIZE_TO_POINTER (REDRESS_TYPE_DOMESTIC_REMEDY)));
  type_text (redress_record_row_find_field (remedy_row, "forum"), "Federal Supreme Court");
  type_text (redress_record_row_find_field (remedy_row, "decided-on"), "2024-01-10");
  type_text (redress_record_row_find_field (remedy_row, "notified-on"), "2024-01-20");
  gtk_switch_set_active (GTK_SWITCH (redress_record_row_find_field (remedy_row, "is-final")), TRUE);
  REDRESS_TEST_WAIT_FOR (ground_status (f, "7e") == REDRESS_GROUND_PASS && count_rows (deadlines) > n_deadlines);
  g_assert_cmpint (ground_status (f, "7e"), ==, REDRESS_GROUND_PASS);
  g_assert_cmpuint (count_rows (deadlines), >, n_deadlines);

  /* Procedural history: only allowed moves; the admissibility panel and
   * the deadlines follow. */
  g_assert_cmpuint (count_rows (history), ==, 0);
  record_event (f, "eligibility_checked_ok", "2024-02-01", NULL);
  record_event (f, "draft_approved", "2024-02-10", NULL);
  g_assert_cmpuint (count_rows (history), ==, 2);

  {
    RedressEventDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.record-event", NULL));
    dialog = REDRESS_EVENT_DIALOG (find_toplevel (REDRESS_TYPE_EVENT_DIALOG));
    /* Registration is not a move from "Ready to file". */
    g_assert_false (redress_event_dialog_select_event (dialog, "registered_and_transmitted"));
    g_assert_true (redress_event_dialog_select_event (dialog, "sent_to_ohchr"));
    redress_event_dialog_set_fields (dialog, "2024-31-02", NULL, NULL, NULL);
    g_assert_false (redress_event_dialog_record (dialog));
    g_assert_nonnull (redress_event_dialog_get_error (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  n_deadlines = count_rows (deadlines);
  record_event (f, "sent_to_ohchr", "2024-03-01", NULL);
  /* Filing stops the one-year clock: D01 is no longer open. */
  g_assert_cmpuint (count_rows (deadlines), <, n_deadlines);
  g_assert_cmpint (ground_status (f, "7h"), ==, REDRESS_GROUND_PASS);

  n_deadlines = count_rows (deadlines);
  record_event (f, "registered_and_transmitted", "2024-05-02", "2024-11-02");
  g_assert_cmpuint (count_rows (history), ==, 4);
  /* The State's observations are now due (art 8(2), D02). */
  g_assert_cmpuint (count_rows (deadlines), >, n_deadlines);

  /* A filled-in page still fits a phone-sized window. */
  {
    int min_width = 0;

    gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1,
                        &min_width, NULL, NULL, NULL);
    if (g_getenv ("CASE_PAGE_DEBUG_WIDTH"))
      for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (f->page)); w; )
        {
          int m = 0;
          gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
          g_printerr ("%s %d\n", G_OBJECT_TYPE_NAME (w), m);
          w = gtk_widget_get_first_child (w);
        }
    g_assert_cmpint (min_width, <=, 360);
  }
}

static gboolean match_close_button (GtkWidget *widget, gconstpointer data);

static void
count_toast_widgets (GtkWidget *root,
                     guint     *n)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "AdwToastWidget"))
    (*n)++;
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    count_toast_widgets (w, n);
}

/* The toast holding the button @match finds is up: the only toast on
 * screen, fully shown. */
static gboolean
toast_settled (Fixture       *f,
               WidgetMatch    match,
               gconstpointer  data)
{
  GtkWidget *button = find_widget (GTK_WIDGET (f->page), match, data);
  GtkWidget *toast = button;
  guint n = 0;

  while (toast != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget"))
    toast = gtk_widget_get_parent (toast);
  if (toast == NULL)
    return FALSE;
  count_toast_widgets (GTK_WIDGET (f->page), &n);
  return n == 1 && G_APPROX_VALUE (gtk_widget_get_opacity (toast), 1.0, 1e-6);
}

static void
click_undo (Fixture *f)
{
  GtkWidget *undo = NULL;

  /* A person clicks once the toast has come up (a toast that replaces
   * another is animated in over 500 ms, its widgets rebuilt meanwhile). */
  REDRESS_TEST_WAIT_FOR (toast_settled (f, match_button_label, "_Undo"));
  undo = find_widget (GTK_WIDGET (f->page), match_button_label, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  redress_test_flush_main_context ();
}

static gboolean
match_close_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && is_live (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

/* Closes the toast as a user would: the deletion then happens. */
static void
close_toast (Fixture *f)
{
  GtkWidget *close = NULL;

  REDRESS_TEST_WAIT_FOR (toast_settled (f, match_close_button, NULL));   /* see click_undo() */
  close = find_widget (GTK_WIDGET (f->page), match_close_button, NULL);
  g_assert_nonnull (close);
  g_signal_emit_by_name (close, "clicked");
  /* The toast leaves; the deletion happens as it goes. */
  REDRESS_TEST_WAIT_FOR (find_widget (GTK_WIDGET (f->page), match_close_button, NULL) == NULL);
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  RedressRecordRow *row;
  GtkWidget *remedies = find (f, match_list_labelled, "remedies_list");
  g_autofree char *remedy_id = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-remedy", NULL));
  row = REDRESS_RECORD_ROW (find (f, match_record_row_of_type, GSIZE_TO_POINTER (REDRESS_TYPE_DOMESTIC_REMEDY)));
  remedy_id = g_strdup (redress_record_get_id (redress_record_row_get_record (row)));
  g_assert_cmpuint (count_rows (remedies), ==, 1);

  /* Delete: the row goes, the record stays until the toast goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "record-row.delete", NULL));
  redress_test_flush_main_context ();
  g_assert_cmpuint (count_rows (remedies), ==, 0);
  g_assert_true (stored_exists (f, REDRESS_TYPE_DOMESTIC_REMEDY, remedy_id));

  click_undo (f);
  g_assert_cmpuint (count_rows (remedies), ==, 1);
  g_assert_true (stored_exists (f, REDRESS_TYPE_DOMESTIC_REMEDY, remedy_id));

  /* Delete again; moving to another case keeps the Undo offer, and
   * closing the toast deletes it from the file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "record-row.delete", NULL));
  redress_test_flush_main_context ();
  redress_case_page_set_case (f->page, f->case_id);
  g_assert_cmpuint (count_rows (remedies), ==, 0);
  g_assert_true (stored_exists (f, REDRESS_TYPE_DOMESTIC_REMEDY, remedy_id));
  close_toast (f);
  g_assert_false (stored_exists (f, REDRESS_TYPE_DOMESTIC_REMEDY, remedy_id));
  g_assert_cmpuint (count_rows (remedies), ==, 0);

  /* The case itself, through the action the window can call. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.delete", NULL));
  redress_test_flush_main_context ();
  g_assert_null (redress_case_page_get_case_id (f->page));
  g_assert_true (stored_exists (f, REDRESS_TYPE_CASE, f->case_id));
  click_undo (f);
  g_assert_cmpstr (redress_case_page_get_case_id (f->page), ==, f->case_id);

  redress_case_page_delete_case (f->page);
  redress_test_flush_main_context ();
  /* Reopening it from the list does not bring it back behind the toast. */
  redress_case_page_set_case (f->page, f->case_id);
  g_assert_null (redress_case_page_get_case_id (f->page));
  close_toast (f);
  g_assert_false (stored_exists (f, REDRESS_TYPE_CASE, f->case_id));
}

static void
test_violation_not_binding (Fixture       *f,
                            gconstpointer  data)
{
  RedressRightPicker *rights;
  RedressStatePicker *states;
  RedressRecordRow *row;

  /* Ireland has signed, not ratified, the OPSC (data/states.csv). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.choose-state", NULL));
  states = REDRESS_STATE_PICKER (find_toplevel (REDRESS_TYPE_STATE_PICKER));
  g_assert_true (redress_state_picker_choose (states, "IE"));
  redress_test_flush_main_context ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-violation", NULL));
  rights = REDRESS_RIGHT_PICKER (find_toplevel (REDRESS_TYPE_RIGHT_PICKER));
  g_assert_nonnull (rights);
  redress_right_picker_set_search (rights, "OPSC art 8");
  g_assert_cmpuint (redress_right_picker_get_n_visible (rights), ==, 1);
  /* Final clauses are not offered (domain.md §5). */
  redress_right_picker_set_search (rights, "OPSC art 17");
  g_assert_cmpuint (redress_right_picker_get_n_visible (rights), ==, 0);
  redress_right_picker_set_search (rights, "");
  g_assert_true (redress_right_picker_choose (rights, "OPSC", "8"));
  redress_test_flush_main_context ();

  row = REDRESS_RECORD_ROW (find (f, match_record_row_of_type, GSIZE_TO_POINTER (REDRESS_TYPE_VIOLATION)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "OPSC art 8");
  g_assert_true (subtitle_has (row, "does not bind Ireland"));
  /* The paragraph path is part of what is cited. */
  g_assert_true (gtk_widget_has_focus (redress_record_row_find_field (row, "paragraph")) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (row))),
                                         redress_record_row_find_field (row, "paragraph")));
  type_text (redress_record_row_find_field (row, "paragraph"), "(1)(a)");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "OPSC art 8(1)(a)");
}

static void
test_inquiry_file (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *remedies = find (f, match_list_labelled, "remedies_list");
  GtkWidget *sources = find (f, match_text_area_title, "Sources");
  GtkWidget *committee = find (f, match_entry_row_title, "Committee's reference (N/YYYY)");
  g_autofree char *stored = NULL;

  /* Inquiries (arts 13-14) have no domestic remedies or Committee number. */
  g_assert_false (gtk_widget_is_visible (remedies));
  g_assert_false (gtk_widget_is_visible (committee));
  g_assert_true (gtk_widget_is_visible (sources));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (redress_text_area_get_view (REDRESS_TEXT_AREA (sources))),
                            "Reports of three NGOs, 2021-2023.", -1);
  g_assert_true (redress_case_page_flush (f->page));
  stored = stored_string (f, REDRESS_TYPE_CASE, f->case_id, "inquiry-sources");
  g_assert_cmpstr (stored, ==, "Reports of three NGOs, 2021-2023.");

  /* 13(7) competence is among the grounds of the panel. */
  g_assert_nonnull (find_widget (GTK_WIDGET (f->page), match_ground, "13.7"));
}

/* The GUI as a writer: a final decision typed into the page and the filing
 * recorded through Record Event leave the stage and D01 (OP3 art 7(h)) as
 * the procedure engine computes them. */
static gboolean
d01_is (gpointer data)
{
  gpointer *args = data;
  Fixture *f = args[0];
  g_autofree char *snapshot = procedure_check_snapshot (f->db, f->case_id);
  g_autofree char *line = procedure_check_rule (snapshot, "D01");

  return line != NULL && strstr (line, args[1]) != NULL;
}

static void
test_writer_gui (Fixture       *f,
                 gconstpointer  data)
{
  RedressRecordRow *remedy_row;
  g_autofree char *snapshot = NULL;
  g_autofree char *line = NULL;
  gpointer open_args[] = { f, "|2025-01-10|||open|" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "case.add-remedy", NULL));
  remedy_row = REDRESS_RECORD_ROW (find (f, match_record_row_of_type, GSIZE_TO_POINTER (REDRESS_TYPE_DOMESTIC_REMEDY)));
  type_text (redress_record_row_find_field (remedy_row, "forum"), "Federal Supreme Court");
  type_text (redress_record_row_find_field (remedy_row, "decided-on"), "2024-01-10");
  gtk_switch_set_active (GTK_SWITCH (redress_record_row_find_field (remedy_row, "is-final")), TRUE);
  g_assert_true (redress_test_wait_for (d01_is, open_args));
  g_free (procedure_check_current (f->db, f->case_id));

  record_event (f, "eligibility_checked_ok", "2024-02-01", NULL);
  record_event (f, "draft_approved", "2024-02-10", NULL);
  record_event (f, "sent_to_ohchr", "2024-03-01", NULL);

  snapshot = procedure_check_current (f->db, f->case_id);
  g_assert_true (g_str_has_prefix (snapshot, "stage SUBMITTED submitted 2024-03-01\n"));
  line = procedure_check_rule (snapshot, "D01");
  g_assert_cmpstr (line, ==, "D01|2024-01-10||2025-01-10|||done|2024-03-01");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/case-page/writer-gui", Fixture, NULL,
              fixture_set_up, test_writer_gui, fixture_tear_down);
  g_test_add ("/case-page/saved-as-you-type", Fixture, NULL,
              fixture_set_up, test_saved_as_you_type, fixture_tear_down);
  g_test_add ("/case-page/fill-in-communication", Fixture, NULL,
              fixture_set_up, test_fill_in_communication, fixture_tear_down);
  g_test_add ("/case-page/delete-and-undo", Fixture, NULL,
              fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/case-page/violation-not-binding", Fixture, NULL,
              fixture_set_up, test_violation_not_binding, fixture_tear_down);
  g_test_add ("/case-page/edit-rereads-one-section", Fixture, NULL,
              fixture_set_up, test_edit_rereads_one_section, fixture_tear_down);
  g_test_add ("/case-page/inquiry", Fixture, "inquiry",
              fixture_set_up, test_inquiry_file, fixture_tear_down);

  return g_test_run ();
}
