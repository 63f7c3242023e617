/* redress-person.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_PERSON (redress_person_get_type ())

G_DECLARE_FINAL_TYPE (RedressPerson, redress_person, REDRESS, PERSON, RedressRecord)

RedressPerson *redress_person_new              (void) G_GNUC_WARN_UNUSED_RESULT;
const char    *redress_person_get_display_name (RedressPerson *self);

G_END_DECLS
