/* redress-demo.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fictional docket for demonstrations, tests and measurements.
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_DEMO_DEFAULT_CASES 50
#define REDRESS_DEMO_DEFAULT_SEED  1

/* Called now and then while cases are written. */
typedef void (*RedressDemoProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

gboolean redress_demo_generate (RedressDatabase          *db,
                                guint32                   seed,
                                guint                     n_cases,
                                RedressDemoProgressFunc   progress,
                                gpointer                  user_data,
                                GError                  **error);

G_END_DECLS
