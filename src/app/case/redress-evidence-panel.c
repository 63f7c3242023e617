/* redress-evidence-panel.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence section of a case: add files (chooser or drag and drop, with
 * progress and Cancel), see each item's thumbnail, hash and custody log, link
 * it to an alleged violation, open the original, and verify the whole case.
 */

#define G_LOG_DOMAIN "redress-evidence-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-correspondence-register.h"
#include "redress-docket.h"
#include "redress-domestic-remedy.h"
#include "redress-enums.h"
#include "redress-evidence-details.h"
#include "redress-evidence-panel.h"
#include "redress-evidence-store.h"
#include "redress-fact.h"
#include "redress-link-row.h"
#include "redress-media.h"
#include "redress-record.h"
#include "redress-violation.h"

#define THUMBNAIL_SIZE 48

struct _RedressEvidencePanel
{
  GtkBox                parent_instance;

  RedressDatabase      *db;
  RedressEvidenceStore *store;
  char                 *case_id;
  GListModel           *violations;  /* the case's live lists, for the link menus */
  GListModel           *facts;
  GListModel           *remedies;
  gboolean              keep_lists;  /* set_case() from set_case_file() */
  GCancellable         *cancellable;     /* the running add or verify */
  GCancellable         *thumbnails;      /* thumbnail requests of the shown rows */
  GHashTable           *problems;        /* evidence id → RedressEvidenceState of the last verify */
  GHashTable           *expanded;        /* evidence ids whose row is open */
  guint                 refresh_id;
  guint                 busy : 1;

  AdwPreferencesGroup  *group;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkButton            *add_button;
  GtkButton            *verify_button;
  GtkLabel             *alert_label;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (RedressEvidencePanel, redress_evidence_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (RedressEvidencePanel *self);

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "intake") == 0)
    return _("Taken in");
  if (g_strcmp0 (action, "view") == 0)
    return _("Viewed");
  if (g_strcmp0 (action, "export") == 0)
    return _("Exported");
  if (g_strcmp0 (action, "verify") == 0)
    return _("Verified");
  if (g_strcmp0 (action, "link") == 0)
    return _("Linked");
  if (g_strcmp0 (action, "unlink") == 0)
    return _("Unlinked");
  return action;
}

static void
set_busy (RedressEvidencePanel *self,
          gboolean              busy)
{
  gboolean writable = self->db != NULL && !redress_database_get_read_only (self->db);

  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !busy && writable && self->case_id != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->verify_button), !busy && self->store != NULL && self->case_id != NULL);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  if (!busy)
    g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_alert (RedressEvidencePanel *self,
            const char           *text,
            gboolean              is_error)
{
  gtk_label_set_label (self->alert_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->alert_label), text != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->alert_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->alert_label), "success");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->alert_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->alert_label), "error");
    }
}

/* {{{ Progress */

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  RedressEvidencePanel *self = user_data;
  double fraction = total > 0 ? (double) done / (double) total : 0.0;
  g_autofree char *done_text = g_format_size (done);
  g_autofree char *total_text = g_format_size (total);
  g_autofree char *text = g_strdup_printf (_("%s of %s"), done_text, total_text);

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
cancel_clicked_cb (RedressEvidencePanel *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* }}} */
/* {{{ Adding */

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RedressEvidencePanel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  items = redress_evidence_store_add_files_finish (REDRESS_EVIDENCE_STORE (object), result, &error);
  set_busy (self, FALSE);

  if (items == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_alert (self, _("Adding was cancelled. Nothing was stored."), TRUE);
      else
        show_alert (self, error->message, TRUE);
      return;
    }

  {
    guint dup = 0;
    g_autofree char *text = NULL;

    for (guint i = 0; i < items->len; i++)
      if (((RedressEvidenceInfo *) g_ptr_array_index (items, i))->duplicate)
        dup++;
    if (dup > 0)
      text = g_strdup_printf (ngettext ("%u file was already in the case and was stored once.",
                                        "%u files were already in the case and were stored once.", dup),
                              dup);
    show_alert (self, text, FALSE);
  }
  refresh (self);
}

/**
 * redress_evidence_panel_add_files:
 * @files: (array length=n_files): the files to add
 *
 * Copies @files into the locker in a thread, with progress and Cancel.
 */
void
redress_evidence_panel_add_files (RedressEvidencePanel  *self,
                                  GFile                **files,
                                  guint                  n_files)
{
  g_return_if_fail (REDRESS_IS_EVIDENCE_PANEL (self));

  if (self->store == NULL || self->case_id == NULL || self->busy || n_files == 0)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Copying…"));
  show_alert (self, NULL, FALSE);
  set_busy (self, TRUE);
  redress_evidence_store_add_files_async (self->store, self->case_id, files, n_files,
                                          progress_cb, g_object_ref (self), g_object_unref,
                                          self->cancellable, added_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog      *dialog,
                     int                   response,
                     RedressEvidencePanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      redress_evidence_panel_add_files (self, (GFile **) array->pdata, array->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
add_clicked_cb (RedressEvidencePanel *self)
{
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The native chooser goes through the file chooser portal under Flatpak. */
  chooser = gtk_file_chooser_native_new (_("Add Evidence"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget        *target,
         const GValue         *value,
         double                x,
         double                y,
         RedressEvidencePanel *self)
{
  GdkFileList *list;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *l;
  g_autoptr(GSList) owned = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->store == NULL || self->case_id == NULL ||
      self->busy || redress_database_get_read_only (self->db))
    return FALSE;

  list = g_value_get_boxed (value);
  owned = gdk_file_list_get_files (list);
  for (l = owned; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  redress_evidence_panel_add_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

/* }}} */
/* {{{ Verifying */

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RedressEvidencePanel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  g_autoptr(GString) text = NULL;

  report = redress_evidence_store_verify_finish (REDRESS_EVIDENCE_STORE (object), result, &error);
  set_busy (self, FALSE);
  if (report == NULL)
    {
      show_alert (self, error->message, TRUE);
      return;
    }

  g_hash_table_remove_all (self->problems);
  if (redress_verify_report_is_clean (report))
    {
      g_autofree char *msg = g_strdup_printf (ngettext ("%u file verified: it matches the hash taken at intake.",
                                                        "%u files verified: all match the hashes taken at intake.",
                                                        report->checked),
                                              report->checked);
      show_alert (self, msg, FALSE);
      refresh (self);
      return;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text, ngettext ("%u file no longer matches what was received:",
                                          "%u files no longer match what was received:",
                                          report->changed + report->missing),
                          report->changed + report->missing);
  for (guint i = 0; i < report->problems->len; i++)
    {
      RedressEvidenceProblem *p = g_ptr_array_index (report->problems, i);

      g_hash_table_insert (self->problems, g_strdup (p->evidence_id), GINT_TO_POINTER (p->state));
      g_string_append_c (text, '\n');
      if (p->state == REDRESS_EVIDENCE_STATE_CHANGED)
        g_string_append_printf (text, _("• “%s” was CHANGED"), p->title);
      else
        g_string_append_printf (text, _("• “%s” is MISSING"), p->title);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Restore the evidence folder from a backup. The finding is recorded in each "
                           "item’s custody log."));
  show_alert (self, text->str, TRUE);
  refresh (self);
}

/**
 * redress_evidence_panel_verify:
 *
 * Re-hashes every file of the case in a thread, with progress and Cancel.
 */
void
redress_evidence_panel_verify (RedressEvidencePanel *self)
{
  g_return_if_fail (REDRESS_IS_EVIDENCE_PANEL (self));

  if (self->store == NULL || self->case_id == NULL || self->busy)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Verifying…"));
  show_alert (self, NULL, FALSE);
  set_busy (self, TRUE);
  redress_evidence_store_verify_async (self->store, self->case_id, NULL,
                                       progress_cb, g_object_ref (self), g_object_unref,
                                       self->cancellable, verified_cb, g_object_ref (self));
}

static void
verify_clicked_cb (RedressEvidencePanel *self)
{
  redress_evidence_panel_verify (self);
}

/* }}} */
/* {{{ Rows */

static void
thumbnail_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkImage) image = user_data;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  png = redress_media_get_thumbnail_finish (REDRESS_EVIDENCE_STORE (object), result, &error);
  if (png == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
      return;
    }
  texture = gdk_texture_new_from_bytes (png, &error);
  if (texture != NULL)
    {
      gtk_image_set_from_paintable (image, GDK_PAINTABLE (texture));
      gtk_widget_add_css_class (GTK_WIDGET (image), "evidence-thumbnail");
    }
}

static char *
violation_label (RedressRecord *violation)
{
  const char *treaty = redress_record_get_string (violation, "treaty");
  const char *article = redress_record_get_string (violation, "article");
  const char *paragraph = redress_record_get_string (violation, "paragraph");

  /* The paragraph is stored with its parentheses: "CRC art 12(2)". */
  if (paragraph != NULL && *paragraph != '\0')
    /* Translators: "CRC art 37(a)" */
    return g_strdup_printf (_("%s art %s%s"), treaty, article ? article : "", paragraph);
  return g_strdup_printf (_("%s art %s"), treaty, article ? article : "");
}

static char *
short_text (const char *text,
            const char *fallback)
{
  g_autofree char *line = g_strdup (text != NULL && *text != '\0' ? text : fallback);

  g_strdelimit (line, "\n", ' ');
  if (g_utf8_strlen (line, -1) > 50)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 49);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

/* The custody log keeps the linked row's id; people read its label. */
static char *
readable_note (const char *note)
{
  g_autoptr(GRegex) uuid = g_regex_new (" ?\\(?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\)?",
                                        0, 0, NULL);

  return g_regex_replace_literal (uuid, note != NULL ? note : "", -1, 0, "", 0, NULL);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

typedef struct
{
  GListModel *violations;
  GListModel *facts;
  GListModel *remedies;
  GPtrArray  *letters;
} Targets;

static void
link_toggled_cb (RedressLinkRow       *link_row,
                 const char           *key,
                 gboolean              linked,
                 RedressEvidencePanel *self)
{
  const char *item_id = g_object_get_data (G_OBJECT (link_row), "evidence-id");
  g_auto(GStrv) parts = g_strsplit (key, ":", 2);
  g_autoptr(GError) error = NULL;
  RedressEvidenceTarget target;
  gboolean ok;

  if (parts[1] == NULL || !redress_evidence_target_from_string (parts[0], &target))
    return;
  ok = linked ? redress_evidence_store_link (self->store, item_id, target, parts[1], &error)
              : redress_evidence_store_unlink (self->store, item_id, target, parts[1], &error);
  if (!ok)
    show_alert (self, error->message, TRUE);
  g_hash_table_add (self->expanded, g_strdup (item_id));
}

static void
add_link_item (RedressLinkRow *link_row,
               GPtrArray      *links,
               const char     *group,
               RedressEvidenceTarget target,
               const char     *id,
               const char     *label)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", redress_evidence_target_to_string (target), id);
  gboolean is_linked = FALSE;

  for (guint j = 0; links != NULL && j < links->len; j++)
    {
      RedressEvidenceLink *link = g_ptr_array_index (links, j);

      is_linked |= link->target == target && g_strcmp0 (link->target_id, id) == 0;
    }
  redress_link_row_add (link_row, group, key, label, is_linked);
}

static GtkWidget *
make_row (RedressEvidencePanel *self,
          RedressEvidenceInfo  *info,
          Targets              *targets)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) custody = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autofree char *content_type = g_content_type_from_mime_type (info->mime_type);
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *original = NULL;
  GtkWidget *row, *image, *sub, *button, *link_row;
  gpointer state;

  row = adw_expander_row_new ();
  gtk_widget_set_name (row, info->id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *info->title ? info->title : info->original_name);
  subtitle = g_strdup_printf ("%s · %s · %.12s…", redress_evidence_kind_get_label (info->kind), size, info->sha256);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (g_hash_table_contains (self->expanded, info->id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  /* The thumbnail, rendered once and cached in the docket. */
  icon = content_type != NULL ? g_content_type_get_symbolic_icon (content_type) : NULL;
  image = icon != NULL ? gtk_image_new_from_gicon (icon) : gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), THUMBNAIL_SIZE);
  gtk_widget_set_size_request (image, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), image);
  if (redress_media_can_thumbnail (info->mime_type))
    redress_media_get_thumbnail_async (self->store, info, THUMBNAIL_SIZE * 2, self->thumbnails,
                                       thumbnail_cb, g_object_ref (image));

  if (g_hash_table_lookup_extended (self->problems, info->id, NULL, &state))
    {
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (warning, "error");
      gtk_widget_set_tooltip_text (warning, GPOINTER_TO_INT (state) == REDRESS_EVIDENCE_STATE_CHANGED
                                            ? _("Changed since it was received")
                                            : _("Missing from the evidence folder"));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), warning);
    }

  /* The hash, in full, with a copy button. */
  sub = text_row (_("SHA-256"), info->sha256);
  gtk_widget_add_css_class (sub, "monospace");
  button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Copy the hash"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evidence.copy-hash");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->sha256);
  adw_action_row_add_suffix (ADW_ACTION_ROW (sub), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  /* The file as received. */
  if (info->page_count >= 0)
    original = g_strdup_printf (ngettext ("%s · %s · %d page", "%s · %s · %d pages", info->page_count),
                                info->original_name, info->mime_type, info->page_count);
  else
    original = g_strdup_printf ("%s · %s", info->original_name, info->mime_type);
  sub = text_row (_("Original"), original);
  button = gtk_button_new_with_mnemonic (_("_Open"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Open the original, read-only, in its default application"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evidence.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (sub), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  /* Links: the composer numbers them as annexes. */
  links = redress_evidence_store_list_links (self->store, info->id, &error);
  link_row = redress_link_row_new (_("Linked to"), _("Nothing yet: link it to what it proves"),
                                   _("Nothing to link to yet"));
  g_object_set_data_full (G_OBJECT (link_row), "evidence-id", g_strdup (info->id), g_free);
  redress_link_row_begin (REDRESS_LINK_ROW (link_row));
  for (guint i = 0; targets->violations != NULL && i < g_list_model_get_n_items (targets->violations); i++)
    {
      g_autoptr(RedressRecord) v = g_list_model_get_item (targets->violations, i);
      g_autofree char *label = violation_label (v);

      add_link_item (REDRESS_LINK_ROW (link_row), links, _("Alleged violations"), REDRESS_EVIDENCE_TARGET_VIOLATION,
                     redress_record_get_id (v), label);
    }
  for (guint i = 0; targets->facts != NULL && i < g_list_model_get_n_items (targets->facts); i++)
    {
      g_autoptr(RedressRecord) fact = g_list_model_get_item (targets->facts, i);
      const char *on = redress_record_get_string (fact, "occurred-on");
      g_autofree char *what = short_text (redress_record_get_string (fact, "description"), _("Fact"));
      g_autofree char *label = on != NULL ? g_strdup_printf (_("%s: %s"), on, what) : g_strdup (what);

      add_link_item (REDRESS_LINK_ROW (link_row), links, _("Facts"), REDRESS_EVIDENCE_TARGET_FACT,
                     redress_record_get_id (fact), label);
    }
  for (guint i = 0; targets->remedies != NULL && i < g_list_model_get_n_items (targets->remedies); i++)
    {
      g_autoptr(RedressRecord) remedy = g_list_model_get_item (targets->remedies, i);
      g_autofree char *label = short_text (redress_record_get_string (remedy, "forum"), _("Domestic remedy"));

      add_link_item (REDRESS_LINK_ROW (link_row), links, _("Domestic remedies"), REDRESS_EVIDENCE_TARGET_REMEDY,
                     redress_record_get_id (remedy), label);
    }
  for (guint i = 0; targets->letters != NULL && i < targets->letters->len; i++)
    {
      RedressLetter *letter = g_ptr_array_index (targets->letters, i);
      g_autofree char *what = short_text (letter->subject, _("Letter"));
      g_autofree char *label = letter->letter_date != NULL ? g_strdup_printf (_("%s: %s"), letter->letter_date, what)
                                                           : g_strdup (what);

      add_link_item (REDRESS_LINK_ROW (link_row), links, _("Letters"), REDRESS_EVIDENCE_TARGET_CORRESPONDENCE,
                     letter->id, label);
    }
  redress_link_row_end (REDRESS_LINK_ROW (link_row));
  gtk_widget_set_sensitive (redress_link_row_get_button (REDRESS_LINK_ROW (link_row)),
                            !redress_database_get_read_only (self->db) &&
                            gtk_widget_get_sensitive (redress_link_row_get_button (REDRESS_LINK_ROW (link_row))));
  g_signal_connect_object (link_row, "toggled", G_CALLBACK (link_toggled_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), link_row);

  /* Title, description, kind, the document's date...: edited in their own window. */
  sub = text_row (_("Details"), info->shown_date != NULL
                                  ? info->shown_date
                                  : _("Document date not recorded: it is printed in the annex list"));
  button = gtk_button_new_with_mnemonic (_("_Edit Details…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evidence.edit-details");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->id);
  gtk_widget_set_sensitive (button, !redress_database_get_read_only (self->db));
  adw_action_row_add_suffix (ADW_ACTION_ROW (sub), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  /* The custody log, as recorded; nobody can edit it. */
  custody = redress_evidence_store_list_custody (self->store, info->id, &error);
  for (guint i = 0; custody != NULL && i < custody->len; i++)
    {
      RedressCustodyEvent *e = g_ptr_array_index (custody, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (e->at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M:%S") : g_strdup (e->at);
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", action_label (e->action), e->actor, when);
      g_autofree char *note = readable_note (e->note);

      sub = text_row (title, note);
      gtk_widget_add_css_class (sub, "custody-event");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);
    }

  return row;
}

static void
remember_expanded (RedressEvidencePanel *self)
{
  g_hash_table_remove_all (self->expanded);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_EXPANDER_ROW (child) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_hash_table_add (self->expanded, g_strdup (gtk_widget_get_name (child)));
}

static void
refresh (RedressEvidencePanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  Targets targets = { 0 };
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  remember_expanded (self);
  g_cancellable_cancel (self->thumbnails);
  g_clear_object (&self->thumbnails);
  self->thumbnails = g_cancellable_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  set_busy (self, self->busy);
  if (self->case_id == NULL || self->store == NULL)
    return;

  items = redress_evidence_store_list (self->store, self->case_id, &error);
  if (items == NULL)
    {
      show_alert (self, error->message, TRUE);
      return;
    }
  /* The lists follow the docket themselves: listed once per case. */
  if (self->violations == NULL)
    {
      self->violations = redress_record_list (self->db, REDRESS_TYPE_VIOLATION, self->case_id, NULL);
      self->facts = redress_record_list (self->db, REDRESS_TYPE_FACT, self->case_id, NULL);
      self->remedies = redress_record_list (self->db, REDRESS_TYPE_DOMESTIC_REMEDY, self->case_id, NULL);
    }
  letters = redress_correspondence_register_list (self->db, self->case_id, NULL);
  targets.violations = self->violations;
  targets.facts = self->facts;
  targets.remedies = self->remedies;
  targets.letters = letters;
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (items, i), &targets));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RedressEvidencePanel *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
db_changed_cb (RedressEvidencePanel *self,
               const char           *table,
               const char           *id)
{
  /* While a batch is being added, its end refreshes once. */
  if (self->busy || self->refresh_id != 0)
    return;
  self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* }}} */
/* {{{ Actions */

static void
copy_hash_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

static void
open_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  RedressEvidencePanel *self = REDRESS_EVIDENCE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  GtkRoot *root;

  path = redress_evidence_store_open_original (self->store, g_variant_get_string (parameter, NULL), &error);
  if (path == NULL)
    {
      show_alert (self, error->message, TRUE);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  root = gtk_widget_get_root (widget);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
link_violation_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RedressEvidencePanel *self = REDRESS_EVIDENCE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  const char *item_id;
  const char *violation_id;

  g_variant_get (parameter, "(&s&s)", &item_id, &violation_id);
  if (!redress_evidence_store_link (self->store, item_id, REDRESS_EVIDENCE_TARGET_VIOLATION,
                                    violation_id, &error))
    show_alert (self, error->message, TRUE);
  g_hash_table_add (self->expanded, g_strdup (item_id));
  refresh (self);
}

static void
edit_details_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RedressEvidencePanel *self = REDRESS_EVIDENCE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  RedressEvidenceDetails *details;
  GtkRoot *root = gtk_widget_get_root (widget);

  details = redress_evidence_details_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                                          g_variant_get_string (parameter, NULL), &error);
  if (details == NULL)
    {
      show_alert (self, error->message, TRUE);
      return;
    }
  g_hash_table_add (self->expanded, g_strdup (g_variant_get_string (parameter, NULL)));
  gtk_window_present (GTK_WINDOW (details));
}

/* }}} */
/* {{{ GObject */

static void
redress_evidence_panel_dispose (GObject *object)
{
  RedressEvidencePanel *self = (RedressEvidencePanel *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->thumbnails != NULL)
    g_cancellable_cancel (self->thumbnails);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_EVIDENCE_PANEL);

  G_OBJECT_CLASS (redress_evidence_panel_parent_class)->dispose (object);
}

static void
redress_evidence_panel_finalize (GObject *object)
{
  RedressEvidencePanel *self = (RedressEvidencePanel *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->thumbnails);
  g_clear_object (&self->store);
  g_clear_object (&self->violations);
  g_clear_object (&self->facts);
  g_clear_object (&self->remedies);
  g_clear_object (&self->db);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (redress_evidence_panel_parent_class)->finalize (object);
}

static void
redress_evidence_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RedressEvidencePanel *self = REDRESS_EVIDENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_evidence_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RedressEvidencePanel *self = REDRESS_EVIDENCE_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_evidence_panel_constructed (GObject *object)
{
  RedressEvidencePanel *self = (RedressEvidencePanel *)object;

  G_OBJECT_CLASS (redress_evidence_panel_parent_class)->constructed (object);

  /* Without a docket (a bare g_object_new()) the panel shows nothing and adds nothing. */
  if (self->db == NULL)
    {
      set_busy (self, FALSE);
      return;
    }
  self->store = g_object_ref (redress_docket_get_evidence_store (redress_docket_get_for_database (self->db)));
  redress_media_setup_store (self->store);
  g_signal_connect_object (self->db, "changed::evidence_item", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "changed::custody_event", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "changed::evidence_link", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->db, "changed::violation", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  set_busy (self, FALSE);
}

static void
redress_evidence_panel_class_init (RedressEvidencePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_evidence_panel_dispose;
  object_class->finalize = redress_evidence_panel_finalize;
  object_class->get_property = redress_evidence_panel_get_property;
  object_class->set_property = redress_evidence_panel_set_property;
  object_class->constructed = redress_evidence_panel_constructed;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, REDRESS_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-evidence-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressEvidencePanel, group);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidencePanel, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidencePanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidencePanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidencePanel, verify_button);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidencePanel, alert_label);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidencePanel, list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, verify_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "evidence.copy-hash", "s", copy_hash_cb);
  gtk_widget_class_install_action (widget_class, "evidence.open", "s", open_cb);
  gtk_widget_class_install_action (widget_class, "evidence.link-violation", "(ss)", link_violation_cb);
  gtk_widget_class_install_action (widget_class, "evidence.edit-details", "s", edit_details_cb);
}

static void
redress_evidence_panel_init (RedressEvidencePanel *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->thumbnails = g_cancellable_new ();

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* }}} */

GtkWidget *
redress_evidence_panel_new (RedressDatabase *db)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  return g_object_new (REDRESS_TYPE_EVIDENCE_PANEL, "database", db, NULL);
}

/**
 * redress_evidence_panel_set_case:
 * @case_id: (nullable): the case whose evidence to show
 */
void
redress_evidence_panel_set_case (RedressEvidencePanel *self,
                                 const char           *case_id)
{
  g_return_if_fail (REDRESS_IS_EVIDENCE_PANEL (self));

  if (g_strcmp0 (case_id, self->case_id) == 0)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  if (!self->keep_lists)
    {
      g_clear_object (&self->violations);
      g_clear_object (&self->facts);
      g_clear_object (&self->remedies);
    }
  g_hash_table_remove_all (self->problems);
  g_hash_table_remove_all (self->expanded);
  show_alert (self, NULL, FALSE);
  refresh (self);
}

/**
 * redress_evidence_panel_set_case_file:
 * @file: (nullable): the case as the case page holds it
 *
 * Like redress_evidence_panel_set_case(), reading the link targets
 * (violations, facts, remedies) from @file's lists.
 */
void
redress_evidence_panel_set_case_file (RedressEvidencePanel *self,
                                      RedressCaseFile      *file)
{
  g_return_if_fail (REDRESS_IS_EVIDENCE_PANEL (self));
  g_return_if_fail (file == NULL || REDRESS_IS_CASE_FILE (file));

  if (file == NULL)
    {
      redress_evidence_panel_set_case (self, NULL);
      return;
    }
  if (g_strcmp0 (redress_case_file_get_case_id (file), self->case_id) == 0 &&
      self->violations == redress_case_file_get_violations (file))
    return;
  /* Shown afresh for the new case, with the file's lists. */
  g_clear_pointer (&self->case_id, g_free);
  g_clear_object (&self->violations);
  g_clear_object (&self->facts);
  g_clear_object (&self->remedies);
  self->violations = g_object_ref (redress_case_file_get_violations (file));
  self->facts = g_object_ref (redress_case_file_get_facts (file));
  self->remedies = g_object_ref (redress_case_file_get_remedies (file));
  self->keep_lists = TRUE;
  redress_evidence_panel_set_case (self, redress_case_file_get_case_id (file));
  self->keep_lists = FALSE;
}

const char *
redress_evidence_panel_get_case_id (RedressEvidencePanel *self)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_PANEL (self), NULL);

  return self->case_id;
}

gboolean
redress_evidence_panel_get_busy (RedressEvidencePanel *self)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_PANEL (self), FALSE);

  return self->busy;
}
