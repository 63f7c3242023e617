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
#include "redress-docket.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_WINDOW (redress_window_get_type ())

G_DECLARE_FINAL_TYPE (RedressWindow, redress_window, REDRESS, WINDOW, AdwApplicationWindow)

RedressWindow   *redress_window_new            (RedressApplication *application);
RedressDocket   *redress_window_get_docket     (RedressWindow      *self);
void             redress_window_set_docket     (RedressWindow      *self,
                                                RedressDocket      *docket);
RedressDatabase *redress_window_get_database   (RedressWindow      *self);
void             redress_window_set_database   (RedressWindow      *self,
                                                RedressDatabase    *database);
void             redress_window_show_problem   (RedressWindow      *self,
                                                const char         *title,
                                                const char         *description);
void             redress_window_add_page       (RedressWindow      *self,
                                                const char         *name,
                                                const char         *title,
                                                const char         *icon_name,
                                                GtkWidget          *page);
void             redress_window_show_page      (RedressWindow      *self,
                                                const char         *name);
void             redress_window_open_case      (RedressWindow      *self,
                                                const char         *case_id);
void             redress_window_add_toast      (RedressWindow      *self,
                                                AdwToast           *toast);
void             redress_window_activate_when_open (RedressWindow  *self,
                                                const char         *action);

void             redress_window_lock              (RedressWindow   *self);
gboolean         redress_window_unlock            (RedressWindow   *self,
                                                   const char      *passphrase,
                                                   GError         **error);
gboolean         redress_window_get_locked        (RedressWindow   *self);

G_END_DECLS
