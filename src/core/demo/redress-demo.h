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

typedef enum
{
  REDRESS_DEMO_DEFAULT      = 0,       /* deadlines for every case up to 10,000, else for open cases */
  REDRESS_DEMO_NO_DEADLINES = 1 << 0,  /* leave the procedure engine out: fastest */
  REDRESS_DEMO_ALL_DEADLINES = 1 << 1, /* deadlines for every case, however many */
} RedressDemoFlags;

gboolean redress_demo_generate       (RedressDatabase          *db,
                                      guint32                   seed,
                                      guint                     n_cases,
                                      RedressDemoProgressFunc   progress,
                                      gpointer                  user_data,
                                      GError                  **error);
gboolean redress_demo_generate_full  (RedressDatabase          *db,
                                      guint32                   seed,
                                      guint                     n_cases,
                                      RedressDemoFlags          flags,
                                      RedressDemoProgressFunc   progress,
                                      gpointer                  user_data,
                                      GError                  **error);

G_END_DECLS
