/* redress-event-dialog.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_EVENT_DIALOG (redress_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedressEventDialog, redress_event_dialog, REDRESS, EVENT_DIALOG, AdwWindow)

RedressEventDialog *redress_event_dialog_new          (GtkWindow          *parent,
                                                       RedressDatabase    *db,
                                                       const char         *case_id,
                                                       const char         *case_kind);
guint               redress_event_dialog_get_n_events (RedressEventDialog *self);
gboolean            redress_event_dialog_select_event (RedressEventDialog *self,
                                                       const char         *event);
void                redress_event_dialog_set_fields   (RedressEventDialog *self,
                                                       const char         *occurred_on,
                                                       const char         *letter_ref,
                                                       const char         *letter_due,
                                                       const char         *note);
gboolean            redress_event_dialog_record       (RedressEventDialog *self);
const char         *redress_event_dialog_get_error    (RedressEventDialog *self);

G_END_DECLS
