/* redress-correspondence.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_CORRESPONDENCE (redress_correspondence_get_type ())

G_DECLARE_FINAL_TYPE (RedressCorrespondence, redress_correspondence, REDRESS, CORRESPONDENCE, RedressRecord)

RedressCorrespondence *redress_correspondence_new (const char *case_id,
                                                   const char *direction) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
