/* redress-window-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the application and the tests only.
 */

#pragma once

#include "redress-case-list.h"
#include "redress-window.h"

G_BEGIN_DECLS

void             _redress_window_close_case         (RedressWindow *self);
const char      *_redress_window_get_open_case_id   (RedressWindow *self);
RedressCaseList *_redress_window_get_case_list      (RedressWindow *self);
GtkColumnView   *_redress_window_get_case_view      (RedressWindow *self);
GListModel      *_redress_window_get_search_hits    (RedressWindow *self);
GtkEditable     *_redress_window_get_search_entry   (RedressWindow *self);
const char      *_redress_window_get_docket_view    (RedressWindow *self);
const char      *_redress_window_get_notice         (RedressWindow *self);
const char      *_redress_window_get_content_title  (RedressWindow *self);

G_END_DECLS
