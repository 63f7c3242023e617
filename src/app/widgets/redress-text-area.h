/* redress-text-area.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REDRESS_TYPE_TEXT_AREA (redress_text_area_get_type ())

G_DECLARE_FINAL_TYPE (RedressTextArea, redress_text_area, REDRESS, TEXT_AREA, AdwBin)

GtkWidget  *redress_text_area_new       (void);
const char *redress_text_area_get_title (RedressTextArea *self);
void        redress_text_area_set_title (RedressTextArea *self,
                                         const char      *title);
char       *redress_text_area_get_text  (RedressTextArea *self) G_GNUC_WARN_UNUSED_RESULT;
void        redress_text_area_set_text  (RedressTextArea *self,
                                         const char      *text);
GtkTextView *redress_text_area_get_view (RedressTextArea *self);

G_END_DECLS
