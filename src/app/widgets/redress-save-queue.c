/* redress-save-queue.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save-as-you-type for the case file: every edit schedules its record, and
 * the records are written through the model once the user has paused for
 * the delay (500 ms in the case page).  flush() writes at once; the page
 * calls it before switching case and when it is unmapped or destroyed, so
 * nothing typed is lost.  A record that fails to save stays queued and the
 * error is reported through ::save-failed.
 *
 * A save can meet a field someone else (another window, the command line)
 * changed meanwhile: REDRESS_DATABASE_ERROR_EDIT_CONFLICT.  The record keeps
 * what the user typed; present_conflict() asks, naming the field, the
 * colleague and when, whether to keep theirs or write over it, and resolve()
 * saves the answer.
 */

#define G_LOG_DOMAIN "redress-save-queue"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "redress-save-queue.h"

struct _RedressSaveQueue
{
  GObject          parent_instance;

  RedressDatabase *db;
  guint            delay_ms;
  guint            timeout_id;
  GPtrArray       *pending;   /* (element-type GObject) in scheduling order */
};

G_DEFINE_FINAL_TYPE (RedressSaveQueue, redress_save_queue, G_TYPE_OBJECT)

enum {
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
timeout_cb (gpointer user_data)
{
  RedressSaveQueue *self = user_data;

  self->timeout_id = 0;
  redress_save_queue_flush (self);
}

static void
redress_save_queue_dispose (GObject *object)
{
  RedressSaveQueue *self = (RedressSaveQueue *)object;

  if (self->pending != NULL && self->pending->len > 0)
    redress_save_queue_flush (self);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (redress_save_queue_parent_class)->dispose (object);
}

static void
redress_save_queue_finalize (GObject *object)
{
  RedressSaveQueue *self = (RedressSaveQueue *)object;

  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (redress_save_queue_parent_class)->finalize (object);
}

static void
redress_save_queue_class_init (RedressSaveQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redress_save_queue_dispose;
  object_class->finalize = redress_save_queue_finalize;

  /**
   * RedressSaveQueue::saved:
   * @object: the record that was written
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REDRESS_TYPE_RECORD);

  /**
   * RedressSaveQueue::save-failed:
   * @object: the record that stays queued
   * @error: why, a message for the user
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, REDRESS_TYPE_RECORD, G_TYPE_ERROR);
}

static void
redress_save_queue_init (RedressSaveQueue *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
}

RedressSaveQueue *
redress_save_queue_new (RedressDatabase *db,
                        guint            delay_ms)
{
  RedressSaveQueue *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  self = g_object_new (REDRESS_TYPE_SAVE_QUEUE, NULL);
  self->db = g_object_ref (db);
  self->delay_ms = delay_ms;

  return self;
}

/* Queues @object and restarts the delay: typing keeps postponing the write. */
void
redress_save_queue_schedule (RedressSaveQueue *self,
                             RedressRecord    *object)
{
  g_return_if_fail (REDRESS_IS_SAVE_QUEUE (self));
  g_return_if_fail (REDRESS_IS_RECORD (object));

  if (!g_ptr_array_find (self->pending, object, NULL))
    g_ptr_array_add (self->pending, g_object_ref (object));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_once (self->delay_ms, timeout_cb, self);
}

/* Drops @object without saving it (it is being deleted). */
void
redress_save_queue_forget (RedressSaveQueue *self,
                           RedressRecord    *object)
{
  g_return_if_fail (REDRESS_IS_SAVE_QUEUE (self));

  g_ptr_array_remove (self->pending, object);
  if (self->pending->len == 0)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/* Writes everything queued now.  Returns FALSE when a record could not be
 * saved; it stays queued for the next attempt. */
gboolean
redress_save_queue_flush (RedressSaveQueue *self)
{
  g_autoptr(GPtrArray) batch = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (REDRESS_IS_SAVE_QUEUE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  batch = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  g_object_ref (self);
  for (guint i = 0; i < batch->len; i++)
    {
      RedressRecord *object = g_ptr_array_index (batch, i);
      g_autoptr(GError) error = NULL;

      if (self->db == NULL)
        break;
      if (redress_record_save (object, self->db, &error))
        {
          g_signal_emit (self, signals[SAVED], 0, object);
        }
      else
        {
          ok = FALSE;
          if (!g_ptr_array_find (self->pending, object, NULL))
            g_ptr_array_add (self->pending, g_object_ref (object));
          g_signal_emit (self, signals[SAVE_FAILED], 0, object, error);
        }
    }
  g_object_unref (self);

  return ok;
}

guint
redress_save_queue_get_pending (RedressSaveQueue *self)
{
  g_return_val_if_fail (REDRESS_IS_SAVE_QUEUE (self), 0);

  return self->pending->len;
}

/**
 * redress_save_queue_resolve:
 * @record: a record whose last save met a conflict
 * @choice: keep what the user typed (saved over theirs) or take theirs
 *
 * Settles every conflict of @record and saves it at once.
 */
void
redress_save_queue_resolve (RedressSaveQueue      *self,
                            RedressRecord         *record,
                            RedressConflictChoice  choice)
{
  g_return_if_fail (REDRESS_IS_SAVE_QUEUE (self));
  g_return_if_fail (REDRESS_IS_RECORD (record));

  redress_record_resolve_conflict (record, NULL, choice);
  if (!g_ptr_array_find (self->pending, record, NULL))
    g_ptr_array_add (self->pending, g_object_ref (record));
  redress_save_queue_flush (self);
}

#define CONFLICT_DIALOG_KEY "redress-save-queue-conflict-dialog"

typedef struct
{
  RedressSaveQueue *queue;
  RedressRecord    *record;
} ConflictAsk;

static void
conflict_ask_free (gpointer data)
{
  ConflictAsk *ask = data;

  g_object_set_data (G_OBJECT (ask->record), CONFLICT_DIALOG_KEY, NULL);
  g_object_unref (ask->queue);
  g_object_unref (ask->record);
  g_free (ask);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ConflictAsk      *ask)
{
  if (g_strcmp0 (response, "keep-mine") == 0)
    redress_save_queue_resolve (ask->queue, ask->record, REDRESS_CONFLICT_KEEP_MINE);
  else if (g_strcmp0 (response, "take-theirs") == 0)
    redress_save_queue_resolve (ask->queue, ask->record, REDRESS_CONFLICT_TAKE_THEIRS);
  /* "later": the edit stays queued; the next save asks again. */
}

/**
 * redress_save_queue_present_conflict:
 * @record: a record whose last save failed with
 *   REDRESS_DATABASE_ERROR_EDIT_CONFLICT
 * @parent: a widget of the window to ask in
 *
 * Asks the user whether to keep their text or take their colleague's, and
 * saves the answer.  One question per record at a time.
 */
void
redress_save_queue_present_conflict (RedressSaveQueue *self,
                                     RedressRecord    *record,
                                     GtkWidget        *parent)
{
  GPtrArray *conflicts;
  GtkRoot *root;
  GtkWidget *dialog;
  g_autoptr(GString) body = NULL;
  ConflictAsk *ask;
  const char *heading;

  g_return_if_fail (REDRESS_IS_SAVE_QUEUE (self));
  g_return_if_fail (REDRESS_IS_RECORD (record));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  if ((conflicts = redress_record_get_conflicts (record)) == NULL ||
      g_object_get_data (G_OBJECT (record), CONFLICT_DIALOG_KEY) != NULL)
    return;

  body = g_string_new (NULL);
  for (guint i = 0; i < conflicts->len; i++)
    {
      RedressConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *sentence = redress_conflict_describe (conflict);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, sentence);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Keep Mine saves your text over theirs; Take Theirs drops your change."));

  heading = conflicts->len == 1
              ? _("Changed by Someone Else")
              : _("Fields Changed by Someone Else");
  root = gtk_widget_get_root (parent);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Decide Later"),
                                    "take-theirs", _("_Take Theirs"),
                                    "keep-mine", _("_Keep Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-mine",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep-mine");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  ask = g_new0 (ConflictAsk, 1);
  ask->queue = g_object_ref (self);
  ask->record = g_object_ref (record);
  g_object_set_data (G_OBJECT (record), CONFLICT_DIALOG_KEY, dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (conflict_response_cb), ask,
                         (GClosureNotify) (void (*) (void)) conflict_ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
