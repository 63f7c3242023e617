/* redress-window.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-application.h"
#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_WINDOW (redress_window_get_type ())

G_DECLARE_FINAL_TYPE (RedressWindow, redress_window, REDRESS, WINDOW, AdwApplicationWindow)

RedressWindow *redress_window_new (RedressApplication *application,
                                   RedressDatabase    *database,
                                   const GError       *open_error);

G_END_DECLS
