/* redress-preferences-window.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REDRESS_TYPE_PREFERENCES_WINDOW (redress_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RedressPreferencesWindow, redress_preferences_window, REDRESS, PREFERENCES_WINDOW, AdwPreferencesWindow)

RedressPreferencesWindow *redress_preferences_window_new       (GSettings  *settings);
GVariant                 *redress_parse_reminder_offsets       (const char *text,
                                                                GError    **error) G_GNUC_WARN_UNUSED_RESULT;
char                     *redress_format_reminder_offsets      (GVariant   *offsets) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
