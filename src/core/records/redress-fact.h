/* redress-fact.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_FACT (redress_fact_get_type ())

G_DECLARE_FINAL_TYPE (RedressFact, redress_fact, REDRESS, FACT, RedressRecord)

RedressFact *redress_fact_new (const char *case_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
