/* redress-save-queue.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_SAVE_QUEUE (redress_save_queue_get_type ())

G_DECLARE_FINAL_TYPE (RedressSaveQueue, redress_save_queue, REDRESS, SAVE_QUEUE, GObject)

RedressSaveQueue *redress_save_queue_new         (RedressDatabase  *db,
                                                  guint             delay_ms);
void              redress_save_queue_schedule    (RedressSaveQueue *self,
                                                  RedressRecord    *record);
void              redress_save_queue_forget      (RedressSaveQueue *self,
                                                  RedressRecord    *record);
gboolean          redress_save_queue_flush       (RedressSaveQueue *self);
guint             redress_save_queue_get_pending (RedressSaveQueue *self);
void              redress_save_queue_resolve     (RedressSaveQueue *self,
                                                  RedressRecord    *record,
                                                  RedressConflictChoice choice);
void              redress_save_queue_present_conflict (RedressSaveQueue *self,
                                                  RedressRecord    *record,
                                                  GtkWidget        *parent);

G_END_DECLS
