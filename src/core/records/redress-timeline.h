/* redress-timeline.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

typedef enum
{
  REDRESS_TIMELINE_FACT,
  REDRESS_TIMELINE_EVENT,
  REDRESS_TIMELINE_LETTER,
  REDRESS_TIMELINE_EVIDENCE,
} RedressTimelineKind;

/* One dated entry of a case's timeline. */
typedef struct
{
  char                *date;      /* YYYY-MM-DD */
  char                *end_date;  /* a fact's last day, or NULL */
  RedressTimelineKind  kind;
  char                *source_id; /* the fact, procedural event, letter or evidence item */
  char                *title;
  char                *detail;
} RedressTimelineEntry;

#define REDRESS_TYPE_TIMELINE_ENTRY (redress_timeline_entry_get_type ())
GType                 redress_timeline_entry_get_type (void) G_GNUC_CONST;
RedressTimelineEntry *redress_timeline_entry_copy     (const RedressTimelineEntry *entry) G_GNUC_WARN_UNUSED_RESULT;
void                  redress_timeline_entry_free     (RedressTimelineEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressTimelineEntry, redress_timeline_entry_free)

const char           *redress_timeline_kind_to_string (RedressTimelineKind         kind);
const char           *redress_timeline_kind_get_label (RedressTimelineKind         kind);

GPtrArray            *redress_timeline_list           (RedressDatabase            *db,
                                                       const char                 *case_id,
                                                       GError                    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
