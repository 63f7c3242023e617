/* redress-letter-dialog.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Registers a letter in the correspondence register: direction, counterpart,
 * channel, dates, subject, text, the Committee's reference and, optionally,
 * the procedural event the letter reports with the deadline it gives.  Only
 * the events the life cycle allows from the case's current stage are offered
 * (data/lifecycle.csv, domain.md §3).
 */

#define G_LOG_DOMAIN "redress-letter-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-correspondence-register.h"
#include "redress-letter-dialog.h"
#include "redress-lifecycle.h"
#include "redress-procedure.h"
#include "redress-util.h"

struct _RedressLetterDialog
{
  AdwWindow        parent_instance;

  RedressDatabase *db;
  char            *case_id;
  GPtrArray       *events;          /* event names, offset by one: 0 is "none" */
  char            *error_message;

  GtkLabel        *error_label;
  AdwComboRow     *direction_row;
  AdwComboRow     *counterpart_row;
  AdwComboRow     *channel_row;
  AdwEntryRow     *letter_date_row;
  AdwEntryRow     *transit_date_row;
  AdwEntryRow     *subject_row;
  AdwEntryRow     *reference_row;
  GtkTextView     *body_view;
  AdwComboRow     *event_row;
  AdwEntryRow     *due_row;
  GtkButton       *save_button;
};

G_DEFINE_FINAL_TYPE (RedressLetterDialog, redress_letter_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the combo rows' models in the template. */
static const char * const directions[] = { "in", "out" };
static const char * const counterparts[] = { "committee", "state", "client", "counsel", "other" };
static const char * const channels[] = { "e-mail", "post", "fax", "portal", "hand" };
static const char * const tracks[] = { "main", "interim", "protection" };

static void
show_error (RedressLetterDialog *self,
            const char          *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
date_ok (AdwEntryRow *row)
{
  const char *text = text_of (row);
  gboolean ok = text[0] == '\0' || redress_iso_date_is_valid (text);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return ok;
}

static gboolean
validate (RedressLetterDialog *self)
{
  gboolean incoming = adw_combo_row_get_selected (self->direction_row) == 0;
  gboolean reports = adw_combo_row_get_selected (self->event_row) > 0;
  gboolean ok = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->transit_date_row),
                                 incoming ? _("Received on (YYYY-MM-DD)") : _("Sent on (YYYY-MM-DD)"));
  ok &= date_ok (self->letter_date_row);
  ok &= date_ok (self->transit_date_row);
  ok &= date_ok (self->due_row);
  gtk_widget_set_sensitive (GTK_WIDGET (self->due_row), reports);
  return ok;
}

static void
fields_changed_cb (RedressLetterDialog *self)
{
  validate (self);
}

static void
save_clicked_cb (RedressLetterDialog *self)
{
  redress_letter_dialog_save (self);
}

static char *
nonempty (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static const char *
first_bad_date (RedressLetterDialog *self)
{
  struct { AdwEntryRow *row; const char *what; } dates[] = {
    { self->letter_date_row, _("The date of the letter") },
    { self->transit_date_row, adw_combo_row_get_selected (self->direction_row) == 0
                              ? _("The date received") : _("The date sent") },
    { self->due_row, _("The deadline given in the letter") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!date_ok (dates[i].row))
      return dates[i].what;
  return NULL;
}

/**
 * redress_letter_dialog_save:
 *
 * Registers the letter as filled in.  On success emits #RedressLetterDialog::saved
 * and closes; otherwise shows why and keeps everything typed.
 *
 * Returns: whether the letter was registered
 */
gboolean
redress_letter_dialog_save (RedressLetterDialog *self)
{
  g_autoptr(RedressLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const char *bad;
  guint pos;

  g_return_val_if_fail (REDRESS_IS_LETTER_DIALOG (self), FALSE);

  bad = first_bad_date (self);
  if (bad != NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("%s is not a date: write it as YYYY-MM-DD, for example 2026-08-03."), bad);

      show_error (self, msg);
      return FALSE;
    }

  pos = adw_combo_row_get_selected (self->direction_row);
  letter = redress_letter_new (self->case_id, directions[MIN (pos, G_N_ELEMENTS (directions) - 1)]);
  pos = adw_combo_row_get_selected (self->counterpart_row);
  g_free (letter->counterpart);
  letter->counterpart = g_strdup (counterparts[MIN (pos, G_N_ELEMENTS (counterparts) - 1)]);
  pos = adw_combo_row_get_selected (self->channel_row);
  letter->channel = g_strdup (channels[MIN (pos, G_N_ELEMENTS (channels) - 1)]);
  letter->letter_date = nonempty (text_of (self->letter_date_row));
  letter->transit_date = nonempty (text_of (self->transit_date_row));
  letter->subject = nonempty (text_of (self->subject_row));
  letter->committee_ref = nonempty (text_of (self->reference_row));

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  letter->body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*letter->body == '\0')
    g_clear_pointer (&letter->body, g_free);

  pos = adw_combo_row_get_selected (self->event_row);
  if (pos > 0 && pos < self->events->len)
    {
      letter->reported_event = g_strdup (g_ptr_array_index (self->events, pos));
      letter->stated_due = nonempty (text_of (self->due_row));
    }

  id = redress_correspondence_register_add (self->db, letter, &error);
  if (id == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
redress_letter_dialog_dispose (GObject *object)
{
  RedressLetterDialog *self = (RedressLetterDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_LETTER_DIALOG);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (redress_letter_dialog_parent_class)->dispose (object);
}

static void
redress_letter_dialog_finalize (GObject *object)
{
  RedressLetterDialog *self = (RedressLetterDialog *)object;

  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (redress_letter_dialog_parent_class)->finalize (object);
}

static void
redress_letter_dialog_class_init (RedressLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_letter_dialog_dispose;
  object_class->finalize = redress_letter_dialog_finalize;

  /**
   * RedressLetterDialog::saved:
   * @letter_id: the id of the registered letter
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, counterpart_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, letter_date_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, transit_date_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, RedressLetterDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
redress_letter_dialog_init (RedressLetterDialog *self)
{
  self->events = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * redress_letter_dialog_new:
 * @parent: (nullable): the window to be modal for
 * @case_kind: "communication" or "inquiry", for the procedures offered
 */
RedressLetterDialog *
redress_letter_dialog_new (GtkWindow       *parent,
                           RedressDatabase *db,
                           const char      *case_id,
                           const char      *case_kind)
{
  RedressLifecycle *lifecycle = redress_lifecycle_get_default ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = redress_iso_date_today ();
  RedressLetterDialog *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (REDRESS_TYPE_LETTER_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->db = g_object_ref (db);
  self->case_id = g_strdup (case_id);

  g_ptr_array_add (self->events, NULL);
  gtk_string_list_append (labels, _("Nothing: correspondence only"));
  for (guint i = 0; i < G_N_ELEMENTS (tracks); i++)
    {
      const char *procedure = redress_lifecycle_procedure_for_track (case_kind, tracks[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) allowed = NULL;
      g_autofree char *stage = NULL;

      if (procedure == NULL)
        continue;
      stage = redress_procedure_get_stage (db, case_id, tracks[i], &error);
      if (stage == NULL)
        {
          show_error (self, error ? error->message : _("The current stage could not be read."));
          continue;
        }
      allowed = redress_lifecycle_allowed_events (lifecycle, procedure, stage);
      for (guint j = 0; j < allowed->len; j++)
        {
          const RedressTransition *t = g_ptr_array_index (allowed, j);
          gboolean seen = FALSE;

          /* The register records the event on the track that has it. */
          for (guint k = 1; k < self->events->len && !seen; k++)
            seen = g_strcmp0 (g_ptr_array_index (self->events, k), t->event) == 0;
          if (seen)
            continue;
          g_ptr_array_add (self->events, g_strdup (t->event));
          gtk_string_list_append (labels, redress_lifecycle_event_label (t->event));
        }
    }

  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (labels));
  gtk_editable_set_text (GTK_EDITABLE (self->letter_date_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->transit_date_row), today);
  validate (self);

  return self;
}

/* The number of events offered, "nothing" left out. */
guint
redress_letter_dialog_get_n_events (RedressLetterDialog *self)
{
  g_return_val_if_fail (REDRESS_IS_LETTER_DIALOG (self), 0);

  return self->events->len - 1;
}

/* Selects @event among the offered ones; FALSE when it is not allowed now. */
gboolean
redress_letter_dialog_select_event (RedressLetterDialog *self,
                                    const char          *event)
{
  g_return_val_if_fail (REDRESS_IS_LETTER_DIALOG (self), FALSE);

  for (guint i = 1; i < self->events->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->events, i), event) == 0)
      {
        adw_combo_row_set_selected (self->event_row, i);
        return TRUE;
      }
  return FALSE;
}

const char *
redress_letter_dialog_get_error (RedressLetterDialog *self)
{
  g_return_val_if_fail (REDRESS_IS_LETTER_DIALOG (self), NULL);

  return self->error_message;
}
