/* redress-case-page.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_CASE_PAGE (redress_case_page_get_type ())

G_DECLARE_FINAL_TYPE (RedressCasePage, redress_case_page, REDRESS, CASE_PAGE, AdwBin)

GtkWidget  *redress_case_page_new         (RedressDatabase *db);
void        redress_case_page_set_case    (RedressCasePage *self,
                                           const char      *case_id);
const char *redress_case_page_get_case_id (RedressCasePage *self);
gboolean    redress_case_page_flush       (RedressCasePage *self);
void        redress_case_page_delete_case (RedressCasePage *self);
void        redress_case_page_focus_field (RedressCasePage *self,
                                           const char      *field);

G_END_DECLS
