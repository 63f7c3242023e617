/* redress-procedural-event.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_PROCEDURAL_EVENT (redress_procedural_event_get_type ())

G_DECLARE_FINAL_TYPE (RedressProceduralEvent, redress_procedural_event, REDRESS, PROCEDURAL_EVENT, RedressRecord)

RedressProceduralEvent *redress_procedural_event_new (const char *case_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
