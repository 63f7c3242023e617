/* redress-letters-panel.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The correspondence section of a case: its letters newest first, each with
 * its direction, counterpart, date, subject, the Committee's reference and
 * its attachments; a letter opens to show its text and attachments.  Letters
 * are added with RedressLetterDialog or imported from .eml files (GMime,
 * src/formats/redress-eml.c); the register does the rest (docs/evidence.md).
 */

#define G_LOG_DOMAIN "redress-letters-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case.h"
#include "redress-correspondence-register.h"
#include "redress-docket.h"
#include "redress-eml.h"
#include "redress-enums.h"
#include "redress-evidence-store.h"
#include "redress-letter-dialog.h"
#include "redress-letters-panel.h"
#include "redress-lifecycle.h"
#include "redress-record.h"

struct _RedressLettersPanel
{
  GtkBox                parent_instance;

  RedressDatabase      *db;
  RedressEvidenceStore *store;
  char                 *case_id;
  char                 *alert;
  GHashTable           *expanded;        /* letter ids whose row is open */
  guint                 refresh_id;

  GtkLabel             *alert_label;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (RedressLettersPanel, redress_letters_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (RedressLettersPanel *self);

static void
show_alert (RedressLettersPanel *self,
            const char          *text,
            gboolean             is_error)
{
  g_free (self->alert);
  self->alert = g_strdup (text);
  gtk_label_set_label (self->alert_label, text ? text : "");
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

static void
update_actions (RedressLettersPanel *self)
{
  gboolean writable = self->db != NULL && !redress_database_get_read_only (self->db) && self->case_id != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letters.import", writable && self->store != NULL);
}

/* {{{ Rows */

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

static GtkWidget *
make_row (RedressLettersPanel *self,
          RedressLetter       *letter)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  gboolean incoming = g_strcmp0 (letter->direction, "in") == 0;
  guint n_attachments = letter->attachment_ids ? g_strv_length (letter->attachment_ids) : 0;
  const char *date = redress_letter_get_date (letter);
  GtkWidget *row, *icon, *sub;

  row = adw_expander_row_new ();
  gtk_widget_set_name (row, letter->id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 letter->subject && *letter->subject ? letter->subject : _("(no subject)"));

  icon = gtk_image_new_from_icon_name (incoming ? "mail-unread-symbolic" : "mail-send-symbolic");
  gtk_widget_set_tooltip_text (icon, incoming ? _("Incoming") : _("Outgoing"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  /* Translators: "From Committee" / "To State party" */
  g_string_append_printf (subtitle, incoming ? _("From %s") : _("To %s"),
                          redress_counterpart_get_label (letter->counterpart));
  if (date != NULL)
    g_string_append_printf (subtitle, " · %s", date);
  if (letter->committee_ref != NULL && *letter->committee_ref)
    g_string_append_printf (subtitle, " · %s", letter->committee_ref);
  if (n_attachments > 0)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, ngettext ("%u attachment", "%u attachments", n_attachments), n_attachments);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
  if (g_hash_table_contains (self->expanded, letter->id))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  if (letter->reported_event != NULL)
    {
      g_autofree char *text = NULL;

      if (letter->stated_due != NULL)
        /* Translators: "State party's observations received; deadline 2026-10-05" */
        text = g_strdup_printf (_("%s; deadline %s"), redress_lifecycle_event_label (letter->reported_event),
                                letter->stated_due);
      else
        text = g_strdup (redress_lifecycle_event_label (letter->reported_event));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("Reports"), text));
    }
  if (letter->sender != NULL && *letter->sender)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("From"), letter->sender));
  if (letter->recipients != NULL && *letter->recipients)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("To"), letter->recipients));
  if (letter->letter_date != NULL && letter->transit_date != NULL)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              text_row (incoming ? _("Received on") : _("Sent on"), letter->transit_date));

  /* The text, selectable so it can be quoted. */
  sub = gtk_label_new (letter->body && *letter->body ? letter->body : _("No text recorded."));
  gtk_widget_set_name (sub, "letter-body");
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sub), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (sub), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_widget_set_margin_start (sub, 12);
  gtk_widget_set_margin_end (sub, 12);
  gtk_widget_set_margin_top (sub, 12);
  gtk_widget_set_margin_bottom (sub, 12);
  if (letter->body == NULL || *letter->body == '\0')
    gtk_widget_add_css_class (sub, "dim-label");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);

  for (guint i = 0; i < n_attachments; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RedressEvidenceInfo) info = NULL;
      g_autofree char *size = NULL;
      GtkWidget *button;

      info = redress_evidence_store_get_info (self->store, letter->attachment_ids[i], &error);
      if (info == NULL)
        {
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (_("Attachment"), error->message));
          continue;
        }
      size = g_format_size (info->size);
      sub = text_row (*info->title ? info->title : info->original_name, size);
      adw_action_row_add_prefix (ADW_ACTION_ROW (sub), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));
      button = gtk_button_new_from_icon_name ("document-open-symbolic");
      gtk_widget_set_tooltip_text (button, _("Open the original"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "letters.open-attachment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", info->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (sub), button);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), sub);
    }

  return row;
}

static void
remember_expanded (RedressLettersPanel *self)
{
  g_hash_table_remove_all (self->expanded);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_EXPANDER_ROW (child) && adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
      g_hash_table_add (self->expanded, g_strdup (gtk_widget_get_name (child)));
}

static void
refresh (RedressLettersPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  remember_expanded (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  update_actions (self);
  if (self->case_id == NULL || self->db == NULL)
    return;

  letters = redress_correspondence_register_list (self->db, self->case_id, &error);
  if (letters == NULL)
    {
      show_alert (self, error->message, TRUE);
      return;
    }
  /* The register lists oldest first. */
  for (guint i = letters->len; i > 0; i--)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (letters, i - 1)));
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RedressLettersPanel *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
db_changed_cb (RedressLettersPanel *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* }}} */
/* {{{ Actions */

static void
letter_saved_cb (RedressLettersPanel *self,
                 const char          *letter_id)
{
  show_alert (self, NULL, FALSE);
  g_hash_table_add (self->expanded, g_strdup (letter_id));
  refresh (self);
}

static void
add_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  RedressLettersPanel *self = REDRESS_LETTERS_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) case_file = NULL;
  RedressLetterDialog *dialog;
  GtkRoot *root;

  if (self->case_id == NULL)
    return;
  case_file = redress_record_load (self->db, REDRESS_TYPE_CASE, self->case_id, &error);
  if (case_file == NULL)
    {
      show_alert (self, error->message, TRUE);
      return;
    }
  root = gtk_widget_get_root (widget);
  dialog = redress_letter_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db,
                                      self->case_id, redress_case_get_kind (case_file));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (letter_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * redress_letters_panel_import_file:
 * @file: an e-mail saved as .eml
 *
 * Registers the message as an incoming letter of the case, the .eml and its
 * attachments kept in the evidence locker.  A file that cannot be read is
 * reported in the panel and nothing is recorded.
 *
 * Returns: whether the letter was registered
 */
gboolean
redress_letters_panel_import_file (RedressLettersPanel *self,
                                   GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (REDRESS_IS_LETTERS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->store == NULL || self->case_id == NULL)
    return FALSE;

  id = redress_eml_import (self->store, self->case_id, file, &error);
  if (id == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("The e-mail was not imported. %s"), error->message);

      show_alert (self, msg, TRUE);
      return FALSE;
    }
  show_alert (self, NULL, FALSE);
  g_hash_table_add (self->expanded, g_strdup (id));
  refresh (self);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog     *dialog,
                     int                  response,
                     RedressLettersPanel *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (!redress_letters_panel_import_file (self, file))
            break;
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  RedressLettersPanel *self = REDRESS_LETTERS_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) eml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import E-mail"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (eml, _("E-mail messages (.eml)"));
  gtk_file_filter_add_pattern (eml, "*.eml");
  gtk_file_filter_add_pattern (eml, "*.EML");
  gtk_file_filter_add_mime_type (eml, "message/rfc822");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), eml);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_attachment_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RedressLettersPanel *self = REDRESS_LETTERS_PANEL (widget);
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

/* }}} */
/* {{{ GObject */

static void
redress_letters_panel_dispose (GObject *object)
{
  RedressLettersPanel *self = (RedressLettersPanel *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_LETTERS_PANEL);

  G_OBJECT_CLASS (redress_letters_panel_parent_class)->dispose (object);
}

static void
redress_letters_panel_finalize (GObject *object)
{
  RedressLettersPanel *self = (RedressLettersPanel *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->db);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->alert, g_free);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (redress_letters_panel_parent_class)->finalize (object);
}

static void
redress_letters_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RedressLettersPanel *self = REDRESS_LETTERS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_letters_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RedressLettersPanel *self = REDRESS_LETTERS_PANEL (object);

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
redress_letters_panel_constructed (GObject *object)
{
  RedressLettersPanel *self = (RedressLettersPanel *)object;

  G_OBJECT_CLASS (redress_letters_panel_parent_class)->constructed (object);

  /* Without a docket (a bare g_object_new()) the panel shows nothing and adds nothing. */
  if (self->db != NULL)
    {
      self->store = g_object_ref (redress_docket_get_evidence_store (redress_docket_get_for_database (self->db)));
      g_signal_connect_object (self->db, "changed::correspondence", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->db, "changed::correspondence_attachment", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->db, "changed::evidence_item", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
    }
  update_actions (self);
}

static void
redress_letters_panel_class_init (RedressLettersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_letters_panel_dispose;
  object_class->finalize = redress_letters_panel_finalize;
  object_class->get_property = redress_letters_panel_get_property;
  object_class->set_property = redress_letters_panel_set_property;
  object_class->constructed = redress_letters_panel_constructed;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, REDRESS_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-letters-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressLettersPanel, alert_label);
  gtk_widget_class_bind_template_child (widget_class, RedressLettersPanel, list);

  gtk_widget_class_install_action (widget_class, "letters.add", NULL, add_cb);
  gtk_widget_class_install_action (widget_class, "letters.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "letters.open-attachment", "s", open_attachment_cb);
}

static void
redress_letters_panel_init (RedressLettersPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* }}} */

GtkWidget *
redress_letters_panel_new (RedressDatabase *db)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  return g_object_new (REDRESS_TYPE_LETTERS_PANEL, "database", db, NULL);
}

/**
 * redress_letters_panel_set_case:
 * @case_id: (nullable): the case whose letters to show
 */
void
redress_letters_panel_set_case (RedressLettersPanel *self,
                                const char          *case_id)
{
  g_return_if_fail (REDRESS_IS_LETTERS_PANEL (self));

  if (g_strcmp0 (case_id, self->case_id) == 0)
    return;
  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  g_hash_table_remove_all (self->expanded);
  show_alert (self, NULL, FALSE);
  refresh (self);
}

/* The message shown above the list, or NULL. */
const char *
redress_letters_panel_get_alert (RedressLettersPanel *self)
{
  g_return_val_if_fail (REDRESS_IS_LETTERS_PANEL (self), NULL);

  return self->alert;
}
