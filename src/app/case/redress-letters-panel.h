/* redress-letters-panel.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_LETTERS_PANEL (redress_letters_panel_get_type ())

G_DECLARE_FINAL_TYPE (RedressLettersPanel, redress_letters_panel, REDRESS, LETTERS_PANEL, GtkBox)

GtkWidget  *redress_letters_panel_new         (RedressDatabase     *db);
void        redress_letters_panel_set_case    (RedressLettersPanel *self,
                                               const char          *case_id);
gboolean    redress_letters_panel_import_file (RedressLettersPanel *self,
                                               GFile               *file);
const char *redress_letters_panel_get_alert   (RedressLettersPanel *self);

G_END_DECLS
