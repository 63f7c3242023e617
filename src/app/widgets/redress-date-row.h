/* redress-date-row.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REDRESS_TYPE_DATE_ROW (redress_date_row_get_type ())

G_DECLARE_FINAL_TYPE (RedressDateRow, redress_date_row, REDRESS, DATE_ROW, AdwEntryRow)

GtkWidget  *redress_date_row_new          (const char     *title,
                                           gboolean        partial);
gboolean    redress_date_row_get_partial  (RedressDateRow *self);
void        redress_date_row_set_partial  (RedressDateRow *self,
                                           gboolean        partial);
char       *redress_date_row_get_iso      (RedressDateRow *self) G_GNUC_WARN_UNUSED_RESULT;
const char *redress_date_row_get_problem  (RedressDateRow *self);
void        redress_date_row_pick         (RedressDateRow *self,
                                           int             year,
                                           int             month,
                                           int             day);

gboolean    redress_date_parse            (const char     *text,
                                           gboolean        partial,
                                           char          **iso,
                                           char          **problem);

G_END_DECLS
