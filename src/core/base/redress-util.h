/* redress-util.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void      redress_model_init           (void);

char     *redress_uuid_new             (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean  redress_is_uuid              (const char *str);
char     *redress_timestamp_now        (void) G_GNUC_WARN_UNUSED_RESULT;

gboolean  redress_iso_date_is_valid    (const char *str);
gboolean  redress_partial_date_is_valid (const char *str);
GDate    *redress_iso_date_parse       (const char *str) G_GNUC_WARN_UNUSED_RESULT;
char     *redress_iso_date_format      (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
char     *redress_iso_date_today       (void) G_GNUC_WARN_UNUSED_RESULT;

const char *redress_default_actor      (void);

G_END_DECLS
