/* redress-violation.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_VIOLATION (redress_violation_get_type ())

G_DECLARE_FINAL_TYPE (RedressViolation, redress_violation, REDRESS, VIOLATION, RedressRecord)

RedressViolation *redress_violation_new             (const char       *case_id) G_GNUC_WARN_UNUSED_RESULT;
gboolean          redress_violation_set_fact_linked (RedressDatabase  *db,
                                                     const char       *violation_id,
                                                     const char       *fact_id,
                                                     gboolean          linked,
                                                     GError          **error);
GStrv             redress_violation_list_fact_ids   (RedressDatabase  *db,
                                                     const char       *violation_id,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv             redress_fact_list_violation_ids   (RedressDatabase  *db,
                                                     const char       *fact_id,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
