/* redress-reminder-service.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_REMINDER_SERVICE (redress_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (RedressReminderService, redress_reminder_service, REDRESS, REMINDER_SERVICE, GObject)

RedressReminderService *redress_reminder_service_new              (GApplication           *application);
void                    redress_reminder_service_watch            (RedressReminderService *self,
                                                                   RedressDatabase        *database);
guint                   redress_reminder_service_check_now        (RedressReminderService *self);
gboolean                redress_reminder_service_start_background (RedressReminderService *self);
gboolean                redress_reminder_service_set_autostart    (gboolean                enable,
                                                                   GError                **error);
char                   *redress_reminder_service_get_autostart_path (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
