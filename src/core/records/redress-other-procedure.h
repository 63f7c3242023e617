/* redress-other-procedure.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_OTHER_PROCEDURE (redress_other_procedure_get_type ())

G_DECLARE_FINAL_TYPE (RedressOtherProcedure, redress_other_procedure, REDRESS, OTHER_PROCEDURE, RedressRecord)

RedressOtherProcedure *redress_other_procedure_new (const char *case_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
