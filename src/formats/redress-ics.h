/* redress-ics.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) export of deadlines, written with libical.
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

typedef struct
{
  const char *case_id;        /* NULL: the whole docket */
  gboolean    include_names;  /* case title and children's names in events */
  GDateTime  *now;            /* NULL: the system clock */
  const int  *offsets;        /* alarm offsets in days; NULL: the defaults */
  guint       n_offsets;
} RedressIcsOptions;

char     *redress_ics_export         (RedressDatabase          *db,
                                      const RedressIcsOptions  *options,
                                      guint                    *out_n_events,
                                      GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  redress_ics_export_to_file (RedressDatabase          *db,
                                      const RedressIcsOptions  *options,
                                      const char               *path,
                                      guint                    *out_n_events,
                                      GError                  **error);

G_END_DECLS
