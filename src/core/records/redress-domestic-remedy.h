/* redress-domestic-remedy.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_DOMESTIC_REMEDY (redress_domestic_remedy_get_type ())

G_DECLARE_FINAL_TYPE (RedressDomesticRemedy, redress_domestic_remedy, REDRESS, DOMESTIC_REMEDY, RedressRecord)

RedressDomesticRemedy *redress_domestic_remedy_new (const char *case_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
