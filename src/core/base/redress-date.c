/* redress-date.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "N months" is the same day number N months later, clamped to the last day
 * of that month (domain.md §3.1, [U] as a computation rule; the periods
 * themselves are cited per rule in redress-deadline-rules.c).  One year from
 * 29 February lands on 28 February.
 */

#define G_LOG_DOMAIN "redress-date"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "redress-date.h"
#include "redress-util.h"

/**
 * redress_date_add_months:
 * @date: a valid date
 * @months: how many months to add (may be negative)
 *
 * Returns: (transfer full): the same day number @months months later, or the
 *   last day of that month when it is shorter.
 */
GDate *
redress_date_add_months (const GDate *date,
                         int          months)
{
  int y, m, d, total;
  guint8 last;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  y = g_date_get_year (date);
  m = g_date_get_month (date);
  d = g_date_get_day (date);
  total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  last = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
  if (d > last)
    d = last;

  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

/**
 * redress_iso_date_add:
 * @iso: a date "YYYY-MM-DD"
 * @unit: the unit of @amount
 * @amount: how many units
 *
 * Returns: (transfer full) (nullable): the date @amount units after @iso, or
 *   %NULL when @iso is not a date or @unit is %REDRESS_PERIOD_NONE.
 */
char *
redress_iso_date_add (const char        *iso,
                      RedressPeriodUnit  unit,
                      int                amount)
{
  g_autoptr(GDate) date = redress_iso_date_parse (iso);
  g_autoptr(GDate) result = NULL;

  if (date == NULL)
    return NULL;

  switch (unit)
    {
    case REDRESS_PERIOD_DAYS:
      result = g_date_copy (date);
      if (amount >= 0)
        g_date_add_days (result, (guint) amount);
      else
        g_date_subtract_days (result, (guint) -amount);
      break;
    case REDRESS_PERIOD_MONTHS:
      result = redress_date_add_months (date, amount);
      break;
    case REDRESS_PERIOD_YEARS:
      result = redress_date_add_months (date, amount * 12);
      break;
    case REDRESS_PERIOD_NONE:
    default:
      return NULL;
    }

  return redress_iso_date_format (result);
}

/* ISO dates compare as text; NULL sorts first. */
int
redress_iso_date_compare (const char *a,
                          const char *b)
{
  int r = g_strcmp0 (a, b);

  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

/**
 * redress_iso_date_days_between:
 *
 * Sets @out_days to the number of days from @from to @to (negative when @to
 * is earlier).  Returns %FALSE when either is not a date.
 */
gboolean
redress_iso_date_days_between (const char *from,
                               const char *to,
                               int        *out_days)
{
  g_autoptr(GDate) a = redress_iso_date_parse (from);
  g_autoptr(GDate) b = redress_iso_date_parse (to);

  if (a == NULL || b == NULL)
    return FALSE;
  *out_days = g_date_days_between (a, b);
  return TRUE;
}

/* The earlier of two dates; a NULL or empty one is ignored. */
const char *
redress_iso_date_min (const char *a,
                      const char *b)
{
  if (a == NULL || *a == '\0')
    return (b != NULL && *b != '\0') ? b : NULL;
  if (b == NULL || *b == '\0')
    return a;
  return strcmp (a, b) <= 0 ? a : b;
}

const char *
redress_iso_date_max (const char *a,
                      const char *b)
{
  if (a == NULL || *a == '\0')
    return (b != NULL && *b != '\0') ? b : NULL;
  if (b == NULL || *b == '\0')
    return a;
  return strcmp (a, b) >= 0 ? a : b;
}

/**
 * redress_partial_date_range:
 * @partial: "YYYY", "YYYY-MM" or "YYYY-MM-DD"
 *
 * The first and the last calendar day @partial may stand for.
 */
gboolean
redress_partial_date_range (const char  *partial,
                            char       **out_earliest,
                            char       **out_latest)
{
  gsize len;
  guint y, m;
  guint8 last;

  if (!redress_partial_date_is_valid (partial))
    return FALSE;

  len = strlen (partial);
  if (len == 10)
    {
      *out_earliest = g_strdup (partial);
      *out_latest = g_strdup (partial);
      return TRUE;
    }

  y = (guint) g_ascii_strtoull (partial, NULL, 10);
  if (len == 4)
    {
      *out_earliest = g_strdup_printf ("%04u-01-01", y);
      *out_latest = g_strdup_printf ("%04u-12-31", y);
      return TRUE;
    }

  m = (guint) g_ascii_strtoull (partial + 5, NULL, 10);
  last = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
  *out_earliest = g_strdup_printf ("%04u-%02u-01", y, m);
  *out_latest = g_strdup_printf ("%04u-%02u-%02u", y, m, (guint) last);
  return TRUE;
}

static int
age_on (const char *birth,
        const char *on)
{
  int age = atoi (on) - atoi (birth);

  /* Not yet had this year's birthday: compare "MM-DD". */
  if (strcmp (on + 5, birth + 5) < 0)
    age--;
  return age;
}

/**
 * redress_age_range_at:
 * @birth_partial: a full or partial date of birth
 * @on: the date at which the age is wanted
 *
 * A partial date of birth gives a range: @out_min_age for someone born on its
 * last possible day, @out_max_age for its first.  A person born on 29 February
 * turns one year older on 1 March in common years.
 */
gboolean
redress_age_range_at (const char *birth_partial,
                      const char *on,
                      int        *out_min_age,
                      int        *out_max_age)
{
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;

  if (!redress_iso_date_is_valid (on) ||
      !redress_partial_date_range (birth_partial, &earliest, &latest))
    return FALSE;

  *out_min_age = age_on (latest, on);
  *out_max_age = age_on (earliest, on);
  return TRUE;
}
