/* redress-case.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_CASE (redress_case_get_type ())

G_DECLARE_FINAL_TYPE (RedressCase, redress_case, REDRESS, CASE, RedressRecord)

RedressCase *redress_case_new               (const char  *kind,
                                         const char  *reference) G_GNUC_WARN_UNUSED_RESULT;
const char  *redress_case_get_kind          (RedressCase *self);
const char  *redress_case_get_reference     (RedressCase *self);
const char  *redress_case_get_title         (RedressCase *self);
const char  *redress_case_get_state_code    (RedressCase *self);
const char  *redress_case_get_stage         (RedressCase *self);
const char  *redress_case_get_next_deadline (RedressCase *self);
int          redress_case_get_party_count   (RedressCase *self);

G_END_DECLS
