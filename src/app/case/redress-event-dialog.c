/* redress-event-dialog.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Record event": offers only the moves data/lifecycle.csv allows from the
 * current stage of each track of the case (main procedure, interim measures
 * under OP3 art 6, protection under art 4), then records the event through
 * redress_procedure_record_event(), which also opens and closes deadlines.
 * A refused event keeps the dialog open with the model's message and every
 * field as typed.  Emits ::recorded with the new event's id.
 */

#define G_LOG_DOMAIN "redress-event-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-event-dialog.h"
#include "redress-lifecycle.h"
#include "redress-procedure.h"
#include "redress-util.h"

typedef struct
{
  char *track;
  char *event;
} Move;

struct _RedressEventDialog
{
  AdwWindow        parent_instance;

  RedressDatabase *db;
  char            *case_id;
  GArray          *moves;   /* (element-type Move) parallel to the combo's items */
  char            *error_message;

  /* Template children */
  AdwComboRow     *event_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *letter_ref_row;
  AdwEntryRow     *letter_due_row;
  AdwEntryRow     *note_row;
  GtkLabel        *source_label;
  GtkLabel        *error_label;
  GtkButton       *record_button;
  GtkStack        *stack;
};

G_DEFINE_FINAL_TYPE (RedressEventDialog, redress_event_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const tracks[] = { "main", "interim", "protection" };

static void
move_clear (gpointer data)
{
  Move *move = data;

  g_free (move->track);
  g_free (move->event);
}

static const char *
track_label (const char *track)
{
  if (g_strcmp0 (track, "interim") == 0)
    return _("Interim measures, art 6");
  if (g_strcmp0 (track, "protection") == 0)
    return _("Protection, art 4");
  return NULL;
}

static void
show_error (RedressEventDialog *self,
            const char         *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_source (RedressEventDialog *self)
{
  RedressLifecycle *lifecycle = redress_lifecycle_get_default ();
  guint pos = adw_combo_row_get_selected (self->event_row);
  const RedressTransition *t;
  g_autofree char *text = NULL;

  if (pos >= self->moves->len)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->source_label), FALSE);
      return;
    }

  for (guint i = 0; i < redress_lifecycle_get_n_transitions (lifecycle); i++)
    {
      t = redress_lifecycle_get_transition (lifecycle, i);
      if (g_strcmp0 (t->event, g_array_index (self->moves, Move, pos).event) == 0)
        {
          /* Translators: "Moves to: Submitted. Source: OP3 art 5 [V]" */
          text = g_strdup_printf (_("Moves to: %s. Source: %s %s"),
                                  redress_lifecycle_stage_label (t->to_stage),
                                  t->source && t->source[0] ? t->source : _("app rule"),
                                  t->mark ? t->mark : "");
          break;
        }
    }

  gtk_label_set_label (self->source_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), text != NULL);
}

static gboolean
date_ok (AdwEntryRow *row,
         gboolean     required)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean ok = text[0] == '\0' ? !required : redress_iso_date_is_valid (text);

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");

  return ok;
}

static void
validate (RedressEventDialog *self)
{
  gboolean ok = self->moves->len > 0;

  ok &= date_ok (self->date_row, TRUE);
  ok &= date_ok (self->letter_due_row, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), ok);
}

static void
fields_changed_cb (RedressEventDialog *self)
{
  validate (self);
}

static void
event_selected_cb (RedressEventDialog *self)
{
  update_source (self);
  validate (self);
}

static void
record_clicked_cb (RedressEventDialog *self)
{
  redress_event_dialog_record (self);
}

static void
redress_event_dialog_dispose (GObject *object)
{
  RedressEventDialog *self = (RedressEventDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_EVENT_DIALOG);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (redress_event_dialog_parent_class)->dispose (object);
}

static void
redress_event_dialog_finalize (GObject *object)
{
  RedressEventDialog *self = (RedressEventDialog *)object;

  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->moves, g_array_unref);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (redress_event_dialog_parent_class)->finalize (object);
}

static void
redress_event_dialog_class_init (RedressEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_event_dialog_dispose;
  object_class->finalize = redress_event_dialog_finalize;

  /**
   * RedressEventDialog::recorded:
   * @event_id: the id of the procedural event
   */
  signals[RECORDED] =
    g_signal_new ("recorded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, letter_ref_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, letter_due_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, source_label);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, RedressEventDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
redress_event_dialog_init (RedressEventDialog *self)
{
  self->moves = g_array_new (FALSE, TRUE, sizeof (Move));
  g_array_set_clear_func (self->moves, move_clear);

  gtk_widget_init_template (GTK_WIDGET (self));
}

RedressEventDialog *
redress_event_dialog_new (GtkWindow       *parent,
                          RedressDatabase *db,
                          const char      *case_id,
                          const char      *case_kind)
{
  RedressLifecycle *lifecycle = redress_lifecycle_get_default ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *today = redress_iso_date_today ();
  RedressEventDialog *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (REDRESS_TYPE_EVENT_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->db = g_object_ref (db);
  self->case_id = g_strdup (case_id);

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
          Move move = { g_strdup (tracks[i]), g_strdup (t->event) };
          const char *prefix = track_label (tracks[i]);
          g_autofree char *label = NULL;

          if (prefix != NULL)
            /* Translators: "Interim measures, art 6: Committee grants" */
            label = g_strdup_printf (_("%s: %s"), prefix, redress_lifecycle_event_label (t->event));
          else
            label = g_strdup (redress_lifecycle_event_label (t->event));

          g_array_append_val (self->moves, move);
          gtk_string_list_append (labels, label);
        }
    }

  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (labels));
  gtk_stack_set_visible_child_name (self->stack, self->moves->len > 0 ? "form" : "none");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  update_source (self);
  validate (self);

  return self;
}

guint
redress_event_dialog_get_n_events (RedressEventDialog *self)
{
  g_return_val_if_fail (REDRESS_IS_EVENT_DIALOG (self), 0);

  return self->moves->len;
}

/* Selects @event among the offered moves; FALSE when it is not allowed now. */
gboolean
redress_event_dialog_select_event (RedressEventDialog *self,
                                   const char         *event)
{
  g_return_val_if_fail (REDRESS_IS_EVENT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->moves->len; i++)
    if (g_strcmp0 (g_array_index (self->moves, Move, i).event, event) == 0)
      {
        adw_combo_row_set_selected (self->event_row, i);
        return TRUE;
      }

  return FALSE;
}

void
redress_event_dialog_set_fields (RedressEventDialog *self,
                                 const char         *occurred_on,
                                 const char         *letter_ref,
                                 const char         *letter_due,
                                 const char         *note)
{
  g_return_if_fail (REDRESS_IS_EVENT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), occurred_on ? occurred_on : "");
  gtk_editable_set_text (GTK_EDITABLE (self->letter_ref_row), letter_ref ? letter_ref : "");
  gtk_editable_set_text (GTK_EDITABLE (self->letter_due_row), letter_due ? letter_due : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
}

/* Records the selected event.  On success emits ::recorded and closes; on
 * failure shows the reason and keeps everything as typed. */
gboolean
redress_event_dialog_record (RedressEventDialog *self)
{
  guint pos;
  const Move *move;
  const char *letter_due;
  g_autoptr(GError) error = NULL;
  g_autofree char *event_id = NULL;

  g_return_val_if_fail (REDRESS_IS_EVENT_DIALOG (self), FALSE);

  validate (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->record_button)))
    {
      show_error (self, _("Enter the date of the event, and any due date, as YYYY-MM-DD."));
      return FALSE;
    }

  pos = adw_combo_row_get_selected (self->event_row);
  if (pos >= self->moves->len)
    return FALSE;
  move = &g_array_index (self->moves, Move, pos);
  letter_due = gtk_editable_get_text (GTK_EDITABLE (self->letter_due_row));

  event_id = redress_procedure_record_event (self->db, self->case_id, move->track, move->event,
                                             gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                             gtk_editable_get_text (GTK_EDITABLE (self->letter_ref_row)),
                                             letter_due[0] ? letter_due : NULL,
                                             gtk_editable_get_text (GTK_EDITABLE (self->note_row)),
                                             &error);
  if (event_id == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, event_id);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

const char *
redress_event_dialog_get_error (RedressEventDialog *self)
{
  g_return_val_if_fail (REDRESS_IS_EVENT_DIALOG (self), NULL);

  return self->error_message;
}
