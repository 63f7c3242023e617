/* test-composer-page.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composer page on a demonstration docket: a case composes into pages
 * with its missing items listed; text typed in a section is saved in the
 * docket and shows in the preview; switching language keeps it.  With
 * REDRESS_SCREENSHOT=FILE.png the page is also saved as an image.
 */

#include "config.h"

#include "redress-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redress-case-list.h"
#include "redress-case.h"
#include "redress-composer-page.h"
#include "redress-database.h"
#include "redress-demo.h"
#include "redress-draft.h"
#include "redress-evidence-store.h"
#include "redress-export.h"
#include "redress-fact.h"
#include "redress-record.h"
#include "redress-violation.h"

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* The case's one draft is in @language and its facts begin with @prefix. */
static gboolean
draft_has (RedressDatabase *db,
           const char      *case_id,
           const char      *language,
           const char      *prefix)
{
  g_autoptr(GPtrArray) drafts = redress_draft_list (db, case_id, NULL);
  g_autoptr(GHashTable) sections = NULL;
  RedressDraftInfo *draft;
  const char *facts;

  if (drafts == NULL || drafts->len != 1)
    return FALSE;
  draft = g_ptr_array_index (drafts, 0);
  if (g_strcmp0 (draft->language, language) != 0)
    return FALSE;
  sections = redress_draft_get_sections (db, draft->id, NULL);
  facts = sections != NULL ? g_hash_table_lookup (sections, "facts") : NULL;
  return facts != NULL && g_str_has_prefix (facts, prefix);
}

static void
test_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-composer-page-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.redress", NULL);
  g_autoptr(RedressDatabase) db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_autoptr(RedressCaseList) list = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GHashTable) sections = NULL;
  GtkWidget *window;
  RedressComposerPage *page;
  char *case_id = NULL;
  RedressDraftInfo *draft;
  guint pages_before;

  g_assert_no_error (error);
  redress_demo_generate (db, 1, 8, NULL, NULL, &error);
  g_assert_no_error (error);
  list = redress_case_list_new (db);
  REDRESS_TEST_WAIT_FOR (!redress_case_list_get_loading (list));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)) && case_id == NULL; i++)
    {
      g_autoptr(RedressCase) kase = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_str_equal (redress_case_get_kind (kase), "communication"))
        case_id = g_strdup (redress_record_get_id (REDRESS_RECORD (kase)));
    }
  g_assert_nonnull (case_id);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = REDRESS_COMPOSER_PAGE (redress_composer_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  redress_composer_page_set_database (page, db);
  redress_composer_page_set_case (page, case_id);
  redress_composer_page_set_options (page, "communication", "fr", "committee");
  gtk_window_present (GTK_WINDOW (window));
  /* The page composes after a pause: wait for the preview. */
  REDRESS_TEST_WAIT_FOR (redress_composer_page_get_n_pages (page) >= 2 &&
                         redress_composer_page_get_n_issues (page) > 0);

  g_assert_cmpstr (redress_composer_page_get_case (page), ==, case_id);
  pages_before = redress_composer_page_get_n_pages (page);
  g_assert_cmpuint (pages_before, >=, 2);
  /* Demo cases have no evidence: each violation is flagged (art 7(f)). */
  g_assert_cmpuint (redress_composer_page_get_n_issues (page), >, 0);

  /* Typing saves a draft and grows the document. */
  redress_composer_page_set_section_text (page, "facts",
                                          "# Contexte\nLa famille a **saisi** toutes les juridictions.\n"
                                          "- première démarche\n- deuxième démarche\n"
                                          "Un long paragraphe qui se poursuit et se poursuit encore pour remplir la page. "
                                          "Un long paragraphe qui se poursuit et se poursuit encore pour remplir la page. "
                                          "Un long paragraphe qui se poursuit et se poursuit encore pour remplir la page.\n"
                                          "Un long paragraphe qui se poursuit et se poursuit encore pour remplir la page. "
                                          "Un long paragraphe qui se poursuit et se poursuit encore pour remplir la page. "
                                          "Un long paragraphe qui se poursuit et se poursuit encore pour remplir la page.\n");
  /* Saved once the typing pauses. */
  REDRESS_TEST_WAIT_FOR (draft_has (db, case_id, "fr", "# Contexte"));
  drafts = redress_draft_list (db, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->language, ==, "fr");
  sections = redress_draft_get_sections (db, draft->id, &error);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (sections, "facts"), "# Contexte"));
  g_assert_cmpuint (redress_composer_page_get_n_pages (page), >=, pages_before);

  /* Another language keeps the prose. */
  redress_composer_page_set_options (page, NULL, "es", NULL);
  REDRESS_TEST_WAIT_FOR (draft_has (db, case_id, "es", "# Contexte"));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = redress_draft_list (db, case_id, &error);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->language, ==, "es");
  g_clear_pointer (&sections, g_hash_table_unref);
  sections = redress_draft_get_sections (db, draft->id, &error);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (sections, "facts"), "# Contexte"));

  if (g_getenv ("REDRESS_SCREENSHOT") != NULL)
    {
      redress_composer_page_set_options (page, NULL, "fr", NULL);
      REDRESS_TEST_WAIT_FOR (draft_has (db, case_id, "fr", "# Contexte"));
      wait_ms (500);   /* the preview's repaint, for the picture only */
      save_screenshot (window, g_getenv ("REDRESS_SCREENSHOT"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_flush_main_context ();
  g_free (case_id);
  g_clear_object (&list);
  redress_database_close (db);
  g_clear_object (&db);
  redress_test_rm_rf (dir);
}

static gboolean
text_has (const char *text,
          const char *needle)
{
  return text != NULL && strstr (text, needle) != NULL;
}

static gboolean
preview_has (RedressComposerPage *page,
             const char          *needle)
{
  g_autofree char *text = redress_composer_page_get_preview_text (page);

  return text_has (text, needle);
}

static gboolean
export_has (RedressComposerPage *page,
            const char          *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = redress_composer_page_export (page, REDRESS_EXPORT_PDF, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = redress_export_extract_text (pdf, REDRESS_EXPORT_PDF, &error);
  g_assert_no_error (error);
  /* PDF text may break a line anywhere: compare without line breaks. */
  g_strdelimit (text, "\n", ' ');
  return text_has (text, needle);
}

/* An edit made anywhere after the composer was opened (a fact added, a
 * fact deleted, evidence linked) is in the next preview and export. */
static void
test_follows_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-composer-follow-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docket.redress", NULL);
  g_autoptr(RedressDatabase) db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "RDR-2025-000123");
  g_autoptr(RedressViolation) violation = NULL;
  g_autoptr(RedressFact) first = NULL;
  g_autoptr(RedressFact) later = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressEvidenceInfo) item = NULL;
  g_autoptr(GInputStream) stream = NULL;
  GtkWidget *window;
  RedressComposerPage *page;
  const char *case_id;

  g_assert_no_error (error);
  redress_record_set_string (REDRESS_RECORD (kase), "state-code", "ES");
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), db, &error));
  case_id = redress_record_get_id (REDRESS_RECORD (kase));
  violation = redress_violation_new (case_id);
  redress_record_set_string (REDRESS_RECORD (violation), "article", "12");
  g_assert_true (redress_record_save (REDRESS_RECORD (violation), db, &error));
  first = redress_fact_new (case_id);
  g_object_set (first, "occurred-on", "2024-01-05", "description", "Zebrafirst hearing refused.", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (first), db, &error));
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = REDRESS_COMPOSER_PAGE (redress_composer_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  redress_composer_page_set_database (page, db);
  redress_composer_page_set_case (page, case_id);
  redress_composer_page_set_options (page, "communication", "en", "committee");
  gtk_window_present (GTK_WINDOW (window));
  REDRESS_TEST_WAIT_FOR (redress_composer_page_get_n_pages (page) > 0);
  g_assert_true (preview_has (page, "Zebrafirst"));

  /* A fact added after the composer was opened. */
  later = redress_fact_new (case_id);
  g_object_set (later, "occurred-on", "2024-02-07", "description", "Quokkalater appeal dismissed.", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (later), db, &error));
  REDRESS_TEST_WAIT_FOR (preview_has (page, "Quokkalater"));
  g_assert_true (preview_has (page, "Quokkalater"));
  g_assert_true (export_has (page, "Quokkalater"));

  /* A fact deleted. */
  g_assert_true (redress_record_delete (REDRESS_RECORD (first), db, &error));
  REDRESS_TEST_WAIT_FOR (!preview_has (page, "Zebrafirst"));
  g_assert_false (preview_has (page, "Zebrafirst"));
  g_assert_false (export_has (page, "Zebrafirst"));

  /* Evidence linked to the violation becomes an annex. */
  store = redress_evidence_store_new (db);
  stream = g_memory_input_stream_new_from_data ("decision text", 13, NULL);
  item = redress_evidence_store_add_stream (store, case_id, stream, "Wombatdecision.txt", "court", NULL, &error);
  g_assert_no_error (error);
  REDRESS_TEST_WAIT_FOR (!preview_has (page, "Wombatdecision"));
  g_assert_true (redress_evidence_store_link (store, item->id, REDRESS_EVIDENCE_TARGET_VIOLATION,
                                              redress_record_get_id (REDRESS_RECORD (violation)), &error));
  g_assert_no_error (error);
  REDRESS_TEST_WAIT_FOR (preview_has (page, "Wombatdecision"));
  g_assert_true (preview_has (page, "Wombatdecision"));
  g_assert_true (export_has (page, "Wombatdecision"));

  /* The same, with the page hidden meanwhile: shown again, it is current. */
  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  g_object_set (later, "description", "Koalaedited appeal dismissed.", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (later), db, &error));
  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  REDRESS_TEST_WAIT_FOR (preview_has (page, "Koalaedited"));
  g_assert_true (preview_has (page, "Koalaedited"));

  gtk_window_destroy (GTK_WINDOW (window));
  redress_test_flush_main_context ();
  g_clear_object (&store);
  redress_database_close (db);
  g_clear_object (&db);
  redress_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/composer-page/compose-type-switch", test_page);
  g_test_add_func ("/composer-page/follows-case", test_follows_case);
  return g_test_run ();
}
