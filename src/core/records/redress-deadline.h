/* redress-deadline.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_DEADLINE (redress_deadline_get_type ())

G_DECLARE_FINAL_TYPE (RedressDeadline, redress_deadline, REDRESS, DEADLINE, RedressRecord)

RedressDeadline *redress_deadline_new               (const char      *case_id) G_GNUC_WARN_UNUSED_RESULT;
const char      *redress_deadline_get_effective_due (RedressDeadline *self);
const char      *redress_deadline_get_decided_on    (RedressDeadline *self);
const char      *redress_deadline_get_notified_on   (RedressDeadline *self);
char            *redress_deadline_describe_start    (RedressDeadline *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
