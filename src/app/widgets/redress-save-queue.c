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
 */

#define G_LOG_DOMAIN "redress-save-queue"

#include "config.h"

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
