/* redress-case-party.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_CASE_PARTY (redress_case_party_get_type ())

G_DECLARE_FINAL_TYPE (RedressCaseParty, redress_case_party, REDRESS, CASE_PARTY, RedressRecord)

RedressCaseParty *redress_case_party_new (const char *case_id,
                                          const char *person_id,
                                          const char *role) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
