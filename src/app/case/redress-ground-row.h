/* redress-ground-row.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-admissibility.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_GROUND_ROW (redress_ground_row_get_type ())

G_DECLARE_FINAL_TYPE (RedressGroundRow, redress_ground_row, REDRESS, GROUND_ROW, AdwActionRow)

GtkWidget           *redress_ground_row_new        (RedressGroundResult *result);
RedressGroundResult *redress_ground_row_get_result (RedressGroundRow    *self);
const char          *redress_ground_get_title      (const char          *ground);

G_END_DECLS
