/* redress-note.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_NOTE (redress_note_get_type ())

G_DECLARE_FINAL_TYPE (RedressNote, redress_note, REDRESS, NOTE, RedressRecord)

RedressNote *redress_note_new (const char *case_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
