/* redress-composer-page.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report composer: pick the case, the document, the language and the
 * profile; the draft is composed from the case file, with the list of what
 * is missing (each row leads to the field), one text field per editable
 * section saved in the docket as it is typed, a live preview of the pages
 * drawn with the same layout as the PDF, export to PDF and ODT (the public
 * profile only past the leak check), printing, and Mark as Submitted.
 */

#define G_LOG_DOMAIN "redress-composer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case.h"
#include "redress-composer-page.h"
#include "redress-docket.h"
#include "redress-l10n.h"
#include "redress-composer.h"
#include "redress-draft.h"
#include "redress-evidence-store.h"
#include "redress-export.h"
#include "redress-pdf.h"
#include "redress-procedure.h"
#include "redress-util.h"

#define PREVIEW_GAP 16.0

struct _RedressComposerPage
{
  AdwBin               parent_instance;

  RedressDatabase     *database;
  char                *case_id;
  char                *draft_id;
  RedressComposition  *composition;
  RedressPages        *pages;
  GHashTable          *buffers;        /* section id → GtkTextBuffer */
  guint                save_source;
  guint                compose_source;
  gboolean             loading;
  gboolean             stale;          /* the case changed while the page was hidden */

  GtkEntry            *case_entry;
  GtkDropDown         *document_dropdown;
  GtkDropDown         *language_dropdown;
  GtkDropDown         *profile_dropdown;
  GtkLabel            *status_label;
  GtkListBox          *issues_list;
  GtkBox              *sections_box;
  GtkListBox          *filed_list;
  GtkDrawingArea      *preview;
};

G_DEFINE_FINAL_TYPE (RedressComposerPage, redress_composer_page, ADW_TYPE_BIN)

enum {
  SHOW_FIELD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const languages[] = { "en", "fr", "es", NULL };
static const char * const profiles[] = { "committee", "public", NULL };

static const char *
current_document (RedressComposerPage *self)
{
  return redress_template_get_documents ()[gtk_drop_down_get_selected (self->document_dropdown)];
}

static const char *
current_language (RedressComposerPage *self)
{
  return languages[gtk_drop_down_get_selected (self->language_dropdown)];
}

static RedressProfile
current_profile (RedressComposerPage *self)
{
  return gtk_drop_down_get_selected (self->profile_dropdown) == 1 ? REDRESS_PROFILE_PUBLIC
                                                                 : REDRESS_PROFILE_COMMITTEE;
}

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
set_status (RedressComposerPage *self,
            const char          *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
}

static GHashTable *
collect_prose (RedressComposerPage *self)
{
  GHashTable *prose = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->buffers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (value, &start, &end);
      g_hash_table_insert (prose, g_strdup (key), gtk_text_buffer_get_text (value, &start, &end, FALSE));
    }
  return prose;
}

/* Composing and the preview. */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_issues (RedressComposerPage *self)
{
  GPtrArray *issues;

  clear_list (self->issues_list);
  if (self->composition == NULL)
    return;
  issues = redress_composition_get_issues (self->composition);
  for (guint i = 0; i < issues->len; i++)
    {
      RedressComposerIssue *issue = g_ptr_array_index (issues, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), issue->blocking ? _("Must be fixed before filing")
                                                                         : _("Worth checking"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (issue->blocking ? "dialog-error-symbolic"
                                                                               : "dialog-warning-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), issue->field_hint != NULL);
      g_object_set_data_full (G_OBJECT (row), "field-hint", g_strdup (issue->field_hint), g_free);
      g_object_set_data_full (G_OBJECT (row), "row-id", g_strdup (issue->row_id), g_free);
      gtk_list_box_append (self->issues_list, row);
    }
  if (issues->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing is missing."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->issues_list, row);
    }
}

static void
update_filed (RedressComposerPage *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  clear_list (self->filed_list);
  if (self->database == NULL || self->case_id == NULL)
    return;
  drafts = redress_draft_list (self->database, self->case_id, NULL);
  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    {
      RedressDraftInfo *d = g_ptr_array_index (drafts, i);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (!redress_draft_info_is_frozen (d))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->frozen_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* TRANSLATORS: a filed submission: when, and the SHA-256 of its bytes. */
      subtitle = g_strdup_printf (_("Filed %s · SHA-256 %.16s…"), d->frozen_at, d->frozen_sha256);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-open-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "sha256", g_strdup (d->frozen_sha256), g_free);
      gtk_list_box_append (self->filed_list, row);
    }
}

static void
recompose (RedressComposerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) prose = NULL;
  g_autofree char *today = redress_iso_date_today ();
  double height;

  self->stale = FALSE;
  g_clear_pointer (&self->composition, redress_composition_free);
  g_clear_pointer (&self->pages, redress_pages_free);
  if (self->database != NULL && self->case_id != NULL)
    {
      prose = collect_prose (self);
      self->composition = redress_composer_compose (self->database, self->case_id, current_document (self),
                                                    current_language (self), current_profile (self), prose,
                                                    today, &error);
      if (self->composition == NULL)
        set_status (self, error->message);
      else
        self->pages = redress_pages_new (redress_composition_get_document (self->composition));
    }
  update_issues (self);
  height = self->pages != NULL ? redress_pages_get_n_pages (self->pages) * (REDRESS_PAGE_HEIGHT * 0.75 + PREVIEW_GAP)
                               : 0;
  gtk_drawing_area_set_content_height (self->preview, (int) height);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
compose_timeout_cb (gpointer data)
{
  RedressComposerPage *self = data;

  self->compose_source = 0;
  recompose (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_compose (RedressComposerPage *self)
{
  g_clear_handle_id (&self->compose_source, g_source_remove);
  self->compose_source = g_timeout_add (300, compose_timeout_cb, self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  RedressComposerPage *self = data;
  double scale;
  double y = PREVIEW_GAP / 2;

  if (self->pages == NULL)
    return;
  /* The pages fill the width, at most 0.75 of their size in points. */
  scale = MIN (0.75, (width - 2 * PREVIEW_GAP) / REDRESS_PAGE_WIDTH);
  for (guint i = 0; i < redress_pages_get_n_pages (self->pages); i++)
    {
      double x = (width - REDRESS_PAGE_WIDTH * scale) / 2;

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_rectangle (cr, 2, 2, REDRESS_PAGE_WIDTH * scale, REDRESS_PAGE_HEIGHT * scale);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, REDRESS_PAGE_WIDTH * scale, REDRESS_PAGE_HEIGHT * scale);
      cairo_fill (cr);
      cairo_scale (cr, scale, scale);
      redress_pages_draw (self->pages, cr, i);
      cairo_restore (cr);
      y += REDRESS_PAGE_HEIGHT * scale + PREVIEW_GAP;
    }
}

/* Anything the composer reads may have changed: a fact typed in the case
 * page, a link, a person, a filing.  The preview follows at once when it is
 * shown, or when it is next shown; an export always composes afresh. */
static void
database_changed_cb (RedressComposerPage *self,
                     const char          *table,
                     const char          *id)
{
  if (self->case_id == NULL)
    return;
  if (g_strcmp0 (table, "draft") == 0)
    update_filed (self);
  /* The page's own prose saves change nothing it has not composed yet. */
  if (g_strcmp0 (table, "draft_section") == 0)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    schedule_compose (self);
  else
    self->stale = TRUE;
}

static void
redress_composer_page_map (GtkWidget *widget)
{
  RedressComposerPage *self = REDRESS_COMPOSER_PAGE (widget);

  GTK_WIDGET_CLASS (redress_composer_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      g_clear_handle_id (&self->compose_source, g_source_remove);
      recompose (self);
    }
}

/* Saving the prose. */

static gboolean
ensure_draft (RedressComposerPage  *self,
              GError              **error)
{
  if (self->draft_id != NULL)
    return TRUE;
  self->draft_id = redress_draft_create (self->database, self->case_id, current_document (self),
                                         current_language (self), redress_profile_to_string (current_profile (self)),
                                         error);
  return self->draft_id != NULL;
}

/**
 * redress_composer_page_flush:
 *
 * Saves the text typed so far now rather than after the short pause.
 *
 * Returns: %FALSE when it could not be saved (the reason is shown).
 */
gboolean
redress_composer_page_flush (RedressComposerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) prose = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (REDRESS_IS_COMPOSER_PAGE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->database == NULL || self->case_id == NULL)
    return TRUE;
  prose = collect_prose (self);
  if (self->draft_id == NULL)
    {
      gboolean any = FALSE;

      g_hash_table_iter_init (&iter, prose);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        any = any || *(const char *) value != '\0';
      if (!any)
        return TRUE;
    }
  if (!ensure_draft (self, &error))
    {
      set_status (self, error->message);
      return FALSE;
    }
  g_hash_table_iter_init (&iter, prose);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!redress_draft_set_section (self->database, self->draft_id, key, value, &error))
      {
        /* The text stays in the field; nothing typed is lost. */
        set_status (self, error->message);
        return FALSE;
      }
  set_status (self, _("Draft saved."));
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  RedressComposerPage *self = data;

  self->save_source = 0;
  redress_composer_page_flush (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (RedressComposerPage *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (500, save_timeout_cb, self);
  schedule_compose (self);
}

/* Building the section editors. */

static void
rebuild_sections (RedressComposerPage *self,
                  GHashTable          *prose)
{
  g_autoptr(RedressTemplate) tmpl = redress_template_load (current_document (self), current_language (self), NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_hash_table_remove_all (self->buffers);
  if (tmpl == NULL || self->case_id == NULL)
    return;

  self->loading = TRUE;
  for (guint i = 0; i < redress_template_get_n_sections (tmpl); i++)
    {
      const RedressTemplateSection *s = redress_template_get_section (tmpl, i);
      GtkWidget *label, *view, *frame;
      GtkTextBuffer *buffer;
      const char *text;

      if (!s->editable)
        continue;
      label = gtk_label_new (s->heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption-heading");
      view = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
      gtk_widget_set_size_request (view, -1, 64);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, s->heading, -1);
      gtk_widget_set_name (view, s->id);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      text = prose != NULL ? g_hash_table_lookup (prose, s->id) : NULL;
      gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
      g_hash_table_insert (self->buffers, g_strdup (s->id), g_object_ref (buffer));
      frame = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (self->sections_box, label);
      gtk_box_append (self->sections_box, frame);
    }
  self->loading = FALSE;
}

/* Loads the case's open draft of the chosen document, or starts none until
 * something is typed. */
static void
load_draft (RedressComposerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDraftInfo) draft = NULL;
  g_autoptr(GHashTable) prose = NULL;

  g_clear_pointer (&self->draft_id, g_free);
  if (self->database != NULL && self->case_id != NULL)
    {
      draft = redress_draft_find_open (self->database, self->case_id, current_document (self), &error);
      if (error != NULL)
        set_status (self, error->message);
    }
  if (draft != NULL)
    {
      self->draft_id = g_strdup (draft->id);
      prose = redress_draft_get_sections (self->database, draft->id, NULL);
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->language_dropdown, index_of (languages, draft->language));
      gtk_drop_down_set_selected (self->profile_dropdown, index_of (profiles, draft->profile));
      self->loading = FALSE;
    }
  rebuild_sections (self, prose);
  update_filed (self);
  recompose (self);
}

static void
options_changed_cb (RedressComposerPage *self,
                    GParamSpec          *pspec,
                    GtkDropDown         *dropdown)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) prose = NULL;

  if (self->loading)
    return;
  /* A hint about the previous choice ("choose the Committee profile") no longer applies. */
  set_status (self, NULL);
  if (dropdown == self->document_dropdown)
    {
      redress_composer_page_flush (self);
      load_draft (self);
      return;
    }
  /* Another language or profile keeps the prose (it is stored per section). */
  if (self->draft_id != NULL &&
      !redress_draft_set_options (self->database, self->draft_id, current_language (self),
                                  redress_profile_to_string (current_profile (self)), &error))
    set_status (self, error->message);
  prose = collect_prose (self);
  rebuild_sections (self, prose);
  recompose (self);
}

static void
case_entry_activate_cb (RedressComposerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->database == NULL)
    return;
  id = redress_procedure_find_case (self->database, gtk_editable_get_text (GTK_EDITABLE (self->case_entry)), &error);
  if (id == NULL)
    {
      set_status (self, error->message);
      return;
    }
  redress_composer_page_set_case (self, id);
}

static void
issue_activated_cb (RedressComposerPage *self,
                    GtkListBoxRow       *row)
{
  const char *hint = g_object_get_data (G_OBJECT (row), "field-hint");

  if (hint != NULL && self->case_id != NULL)
    g_signal_emit (self, signals[SHOW_FIELD], 0, self->case_id, hint,
                   g_object_get_data (G_OBJECT (row), "row-id"));
}

static void
filed_activated_cb (RedressComposerPage *self,
                    GtkListBoxRow       *row)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  const char *sha = g_object_get_data (G_OBJECT (row), "sha256");

  if (self->database == NULL || sha == NULL)
    return;
  /* The frozen bytes, opened read-only from the locker: never changed. */
  store = g_object_ref (redress_docket_get_evidence_store (redress_docket_get_for_database (self->database)));
  path = redress_evidence_store_get_readable_path (store, sha, "filed.pdf", &error);
  if (path == NULL)
    {
      set_status (self, error->message);
      return;
    }
  /* A decrypted copy stays (for the viewer) until the docket closes. */
  redress_evidence_store_keep_readable_path (store, path);
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL || !g_app_info_launch_default_for_uri (uri, NULL, &error))
    set_status (self, error != NULL ? error->message : _("The filed document could not be opened."));
}

/* Export, print, file. */

static GBytes *
export_bytes (RedressComposerPage *self,
              RedressExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  /* What is exported, printed or filed is the case as it is now, never
   * the composition the preview was last drawn from. */
  g_clear_handle_id (&self->compose_source, g_source_remove);
  recompose (self);
  if (self->composition == NULL)
    {
      set_status (self, _("Choose a case first."));
      return NULL;
    }
  bytes = redress_composition_export (self->composition, format, NULL, &error);
  if (bytes == NULL)
    set_status (self, error->message);
  return bytes;
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         data)
{
  RedressComposerPage *self = data;
  RedressExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GBytes) bytes = export_bytes (self, format);
      g_autoptr(GError) error = NULL;

      if (bytes != NULL)
        {
          if (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                       NULL, NULL, &error))
            {
              g_autofree char *name = g_file_get_basename (file);
              g_autofree char *msg = current_profile (self) == REDRESS_PROFILE_PUBLIC ?
                g_strdup_printf (_("Exported %s; the leak check found no protected name in it."), name) :
                g_strdup_printf (_("Exported %s."), name);

              set_status (self, msg);
            }
          else
            set_status (self, error->message);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RedressComposerPage *self = REDRESS_COMPOSER_PAGE (widget);
  RedressExportFormat format = g_str_equal (action_name, "composer.export-odt") ? REDRESS_EXPORT_ODT :
                               g_str_equal (action_name, "composer.export-docx") ? REDRESS_EXPORT_DOCX :
                               REDRESS_EXPORT_PDF;
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->composition == NULL)
    {
      set_status (self, _("Choose a case first."));
      return;
    }
  redress_composer_page_flush (self);
  name = redress_composition_suggest_file_name (self->composition, redress_export_format_extension (format));
  dialog = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           data)
{
  RedressPages *pages = data;

  redress_pages_draw (pages, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RedressComposerPage *self = REDRESS_COMPOSER_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GBytes) checked = NULL;
  g_autoptr(GError) error = NULL;
  RedressPages *pages;

  if (self->composition == NULL)
    {
      set_status (self, _("Choose a case first."));
      return;
    }
  /* What is printed passes the same leak check as an export. */
  checked = export_bytes (self, REDRESS_EXPORT_PDF);
  if (checked == NULL)
    return;
  pages = redress_pages_new (redress_composition_get_document (self->composition));
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) redress_pages_get_n_pages (pages));
  gtk_print_operation_set_job_name (operation, redress_document_get_reference (
                                      redress_composition_get_document (self->composition)));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), pages,
                         (GClosureNotify) (void (*) (void)) redress_pages_free, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    set_status (self, error->message);
}

static void
submit_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    RedressComposerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressDraftInfo) frozen = NULL;
  g_autofree char *name = NULL;
  g_autofree char *today = redress_iso_date_today ();
  g_autofree char *msg = NULL;
  RedressSubmission submission = { 0 };
  RedressTemplate *tmpl;

  if (g_strcmp0 (response, "submit") != 0 || self->composition == NULL)
    return;
  if (!redress_composer_page_flush (self) || !ensure_draft (self, &error))
    {
      if (error != NULL)
        set_status (self, error->message);
      return;
    }
  bytes = export_bytes (self, REDRESS_EXPORT_PDF);
  if (bytes == NULL)
    return;
  tmpl = redress_composition_get_template (self->composition);
  name = redress_composition_suggest_file_name (self->composition, "pdf");
  submission.bytes = bytes;
  submission.file_name = name;
  submission.sent_on = today;
  submission.subject = redress_template_get_title (tmpl);
  submission.event = redress_template_get_event (tmpl);
  store = g_object_ref (redress_docket_get_evidence_store (redress_docket_get_for_database (self->database)));
  frozen = redress_draft_mark_submitted (store, self->draft_id, &submission, &error);
  if (frozen == NULL)
    {
      set_status (self, error->message);
      return;
    }
  msg = g_strdup_printf (_("Filed as %s, SHA-256 %s. The outgoing letter and the procedural event are recorded."),
                         frozen->frozen_name, frozen->frozen_sha256);
  /* The next edit starts a new draft; the filed one never changes. */
  load_draft (self);
  set_status (self, msg);
}

static void
mark_submitted_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RedressComposerPage *self = REDRESS_COMPOSER_PAGE (widget);
  GtkWidget *dialog;
  const char *body;

  if (self->composition == NULL)
    {
      set_status (self, _("Choose a case first."));
      return;
    }
  if (current_profile (self) == REDRESS_PROFILE_PUBLIC)
    {
      set_status (self, _("Only the version for the Committee is filed: choose the Committee profile."));
      return;
    }
  body = redress_composition_has_blocking_issues (self->composition) ?
    _("The case file still has missing items. The exact PDF is kept in the evidence locker with its SHA-256, "
      "an outgoing letter is added to the correspondence and the filing is recorded in the procedure. "
      "The filed version can be opened but never changed.") :
    _("The exact PDF is kept in the evidence locker with its SHA-256, an outgoing letter is added to the "
      "correspondence and the filing is recorded in the procedure. The filed version can be opened but "
      "never changed.");
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Mark as Submitted?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "submit", _("_Mark as Submitted"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject. */

static void
redress_composer_page_dispose (GObject *object)
{
  RedressComposerPage *self = REDRESS_COMPOSER_PAGE (object);

  if (self->save_source != 0)
    redress_composer_page_flush (self);
  g_clear_handle_id (&self->compose_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_COMPOSER_PAGE);
  G_OBJECT_CLASS (redress_composer_page_parent_class)->dispose (object);
}

static void
redress_composer_page_finalize (GObject *object)
{
  RedressComposerPage *self = REDRESS_COMPOSER_PAGE (object);

  g_clear_pointer (&self->composition, redress_composition_free);
  g_clear_pointer (&self->pages, redress_pages_free);
  g_clear_pointer (&self->buffers, g_hash_table_unref);
  g_clear_object (&self->database);
  g_free (self->case_id);
  g_free (self->draft_id);
  G_OBJECT_CLASS (redress_composer_page_parent_class)->finalize (object);
}

static void
redress_composer_page_class_init (RedressComposerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_composer_page_dispose;
  object_class->finalize = redress_composer_page_finalize;
  widget_class->map = redress_composer_page_map;

  /**
   * RedressComposerPage::show-field:
   * @case_id: the case
   * @field_hint: "table.column" of the field to fix
   * @row_id: (nullable): the row, when the field is not the case's own
   *
   * Asks to show the case file at the field a missing item points to.
   */
  signals[SHOW_FIELD] = g_signal_new ("show-field", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-composer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, case_entry);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, document_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, issues_list);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, filed_list);
  gtk_widget_class_bind_template_child (widget_class, RedressComposerPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, case_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, issue_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filed_activated_cb);
  gtk_widget_class_install_action (widget_class, "composer.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "composer.export-odt", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "composer.export-docx", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "composer.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "composer.mark-submitted", NULL, mark_submitted_action);
}

static void update_actions (RedressComposerPage *self);

static void
redress_composer_page_init (RedressComposerPage *self)
{
  const char *document_names[] = {
    N_("Initial communication"), N_("Comments on the State’s observations"), N_("Follow-up comments (art 11)"),
    N_("Information for an inquiry (art 13)"), N_("Cover letter to OHCHR"), NULL
  };
  const char *language_names[] = { N_("English"), N_("French"), N_("Spanish"), NULL };
  const char *profile_names[] = { N_("To the Committee"), N_("Public"), NULL };
  g_autoptr(GtkStringList) documents = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) profs = gtk_string_list_new (NULL);

  redress_composer_init ();
  self->buffers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; document_names[i] != NULL; i++)
    gtk_string_list_append (documents, _(document_names[i]));
  for (guint i = 0; language_names[i] != NULL; i++)
    gtk_string_list_append (langs, _(language_names[i]));
  for (guint i = 0; profile_names[i] != NULL; i++)
    gtk_string_list_append (profs, _(profile_names[i]));
  gtk_drop_down_set_model (self->document_dropdown, G_LIST_MODEL (documents));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (langs));
  gtk_drop_down_set_model (self->profile_dropdown, G_LIST_MODEL (profs));
  /* A new draft is written in the window's language when the Committee works in it. */
  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_has_prefix (redress_l10n_ui_language (), languages[i]))
      gtk_drop_down_set_selected (self->language_dropdown, i);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  self->loading = FALSE;
  set_status (self, _("Choose a case: type its reference, or open it from the docket."));
  update_actions (self);
}

GtkWidget *
redress_composer_page_new (void)
{
  return g_object_new (REDRESS_TYPE_COMPOSER_PAGE, NULL);
}

void
redress_composer_page_set_database (RedressComposerPage *self,
                                    RedressDatabase     *database)
{
  g_return_if_fail (REDRESS_IS_COMPOSER_PAGE (self));

  redress_composer_page_flush (self);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  redress_composer_page_set_case (self, NULL);
}

/* Exporting, printing and filing need a case. */
static void
update_actions (RedressComposerPage *self)
{
  gboolean has_case = self->case_id != NULL && self->database != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.export-pdf", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.export-odt", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.export-docx", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.print", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.mark-submitted", has_case);
}

void
redress_composer_page_set_case (RedressComposerPage *self,
                                const char          *case_id)
{
  g_return_if_fail (REDRESS_IS_COMPOSER_PAGE (self));

  if (g_strcmp0 (case_id, self->case_id) == 0 && case_id != NULL)
    return;
  redress_composer_page_flush (self);
  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  if (case_id != NULL && self->database != NULL)
    {
      g_autoptr(RedressCase) kase = redress_record_load (self->database, REDRESS_TYPE_CASE, case_id, NULL);

      if (kase != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->case_entry), redress_case_get_reference (kase));
      set_status (self, NULL);
    }
  load_draft (self);
  update_actions (self);
}

const char *
redress_composer_page_get_case (RedressComposerPage *self)
{
  g_return_val_if_fail (REDRESS_IS_COMPOSER_PAGE (self), NULL);
  return self->case_id;
}

guint
redress_composer_page_get_n_pages (RedressComposerPage *self)
{
  g_return_val_if_fail (REDRESS_IS_COMPOSER_PAGE (self), 0);
  return self->pages != NULL ? redress_pages_get_n_pages (self->pages) : 0;
}

guint
redress_composer_page_get_n_issues (RedressComposerPage *self)
{
  g_return_val_if_fail (REDRESS_IS_COMPOSER_PAGE (self), 0);
  return self->composition != NULL ? redress_composition_get_issues (self->composition)->len : 0;
}

/* For tests: types into a section's field as a user would. */
void
redress_composer_page_set_section_text (RedressComposerPage *self,
                                        const char          *section_id,
                                        const char          *text)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (REDRESS_IS_COMPOSER_PAGE (self));
  buffer = g_hash_table_lookup (self->buffers, section_id);
  g_return_if_fail (buffer != NULL);
  gtk_text_buffer_set_text (buffer, text, -1);
}

void
redress_composer_page_set_options (RedressComposerPage *self,
                                   const char          *document,
                                   const char          *language,
                                   const char          *profile)
{
  g_return_if_fail (REDRESS_IS_COMPOSER_PAGE (self));

  if (document != NULL)
    gtk_drop_down_set_selected (self->document_dropdown, index_of (redress_template_get_documents (), document));
  if (language != NULL)
    gtk_drop_down_set_selected (self->language_dropdown, index_of (languages, language));
  if (profile != NULL)
    gtk_drop_down_set_selected (self->profile_dropdown, index_of (profiles, profile));
}

/**
 * redress_composer_page_export:
 *
 * Composes the case as it is now and returns the bytes Export would write
 * (the public profile only past the leak check).
 *
 * Returns: (transfer full): the document, or %NULL with @error set.
 */
GBytes *
redress_composer_page_export (RedressComposerPage  *self,
                              RedressExportFormat   format,
                              GError              **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (REDRESS_IS_COMPOSER_PAGE (self), NULL);

  g_clear_handle_id (&self->compose_source, g_source_remove);
  recompose (self);
  if (self->composition == NULL)
    {
      g_set_error_literal (error, REDRESS_EXPORT_ERROR, REDRESS_EXPORT_ERROR_FAILED, _("Choose a case first."));
      return NULL;
    }
  return redress_composition_export (self->composition, format, NULL, error);
}

/**
 * redress_composer_page_get_preview_text:
 *
 * Returns: (transfer full) (nullable): the text of the document the preview
 *   shows now, or %NULL when there is none.
 */
char *
redress_composer_page_get_preview_text (RedressComposerPage *self)
{
  g_return_val_if_fail (REDRESS_IS_COMPOSER_PAGE (self), NULL);

  if (self->composition == NULL)
    return NULL;
  return redress_document_to_text (redress_composition_get_document (self->composition));
}
