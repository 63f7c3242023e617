/* redress-link-row.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REDRESS_TYPE_LINK_ROW (redress_link_row_get_type ())

G_DECLARE_FINAL_TYPE (RedressLinkRow, redress_link_row, REDRESS, LINK_ROW, AdwActionRow)

GtkWidget  *redress_link_row_new         (const char     *title,
                                          const char     *none_text,
                                          const char     *nothing_to_link);
void        redress_link_row_begin       (RedressLinkRow *self);
void        redress_link_row_add         (RedressLinkRow *self,
                                          const char     *group,
                                          const char     *id,
                                          const char     *label,
                                          gboolean        linked);
void        redress_link_row_end         (RedressLinkRow *self);
gboolean    redress_link_row_is_linked   (RedressLinkRow *self,
                                          const char     *id);
guint       redress_link_row_get_n_linked (RedressLinkRow *self);
GtkWidget  *redress_link_row_get_button  (RedressLinkRow *self);
void        redress_link_row_toggle      (RedressLinkRow *self,
                                          const char     *id,
                                          gboolean        linked);

G_END_DECLS
