/* redress-csv.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *redress_csv_parse           (const char  *text,
                                        gssize       length,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
int        redress_csv_column          (GStrv        header,
                                        const char  *name);
GPtrArray *redress_csv_load_resource   (const char  *path,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
