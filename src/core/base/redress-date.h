/* redress-date.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar arithmetic on legal dates ("YYYY-MM-DD", no time zone).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  REDRESS_PERIOD_NONE,    /* no fixed length ("set by the Committee", "without delay") */
  REDRESS_PERIOD_DAYS,
  REDRESS_PERIOD_MONTHS,
  REDRESS_PERIOD_YEARS,
} RedressPeriodUnit;

GDate    *redress_date_add_months        (const GDate       *date,
                                          int                months) G_GNUC_WARN_UNUSED_RESULT;
char     *redress_iso_date_add           (const char        *iso,
                                          RedressPeriodUnit  unit,
                                          int                amount) G_GNUC_WARN_UNUSED_RESULT;
int       redress_iso_date_compare       (const char        *a,
                                          const char        *b);
gboolean  redress_iso_date_days_between  (const char        *from,
                                          const char        *to,
                                          int               *out_days);
const char *redress_iso_date_min         (const char        *a,
                                          const char        *b);
const char *redress_iso_date_max         (const char        *a,
                                          const char        *b);
gboolean  redress_partial_date_range     (const char        *partial,
                                          char             **out_earliest,
                                          char             **out_latest);
gboolean  redress_age_range_at           (const char        *birth_partial,
                                          const char        *on,
                                          int               *out_min_age,
                                          int               *out_max_age);

G_END_DECLS
