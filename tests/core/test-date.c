/* test-date.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar arithmetic and the deadline rule pack, table-driven.  The expected
 * dates were worked out independently of the code (Python's calendar module:
 * same day number N months later, clamped to the month's last day).
 */

#include "config.h"

#include <string.h>

#include "redress-csv.h"
#include "redress-database.h"
#include "redress-date.h"
#include "redress-deadline-rules.h"
#include "redress-util.h"

static const struct {
  RedressPeriodUnit unit;
  int               amount;
  const char       *trigger;
  const char       *expected;
} period_cases[] = {
  { REDRESS_PERIOD_MONTHS, 1, "2014-01-31", "2014-02-28" },
  { REDRESS_PERIOD_MONTHS, 2, "2014-01-31", "2014-03-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2014-01-31", "2014-04-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2014-01-31", "2014-07-31" },
  { REDRESS_PERIOD_YEARS, 1, "2014-01-31", "2015-01-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2014-03-31", "2014-04-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2014-03-31", "2014-05-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2014-03-31", "2014-06-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2014-03-31", "2014-09-30" },
  { REDRESS_PERIOD_YEARS, 1, "2014-03-31", "2015-03-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2014-05-31", "2014-06-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2014-05-31", "2014-07-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2014-05-31", "2014-08-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2014-05-31", "2014-11-30" },
  { REDRESS_PERIOD_YEARS, 1, "2014-05-31", "2015-05-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2014-08-31", "2014-09-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2014-08-31", "2014-10-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2014-08-31", "2014-11-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2014-08-31", "2015-02-28" },
  { REDRESS_PERIOD_YEARS, 1, "2014-08-31", "2015-08-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2014-10-31", "2014-11-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2014-10-31", "2014-12-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2014-10-31", "2015-01-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2014-10-31", "2015-04-30" },
  { REDRESS_PERIOD_YEARS, 1, "2014-10-31", "2015-10-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2014-12-31", "2015-01-31" },
  { REDRESS_PERIOD_MONTHS, 2, "2014-12-31", "2015-02-28" },
  { REDRESS_PERIOD_MONTHS, 3, "2014-12-31", "2015-03-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2014-12-31", "2015-06-30" },
  { REDRESS_PERIOD_YEARS, 1, "2014-12-31", "2015-12-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2015-02-28", "2015-03-28" },
  { REDRESS_PERIOD_MONTHS, 2, "2015-02-28", "2015-04-28" },
  { REDRESS_PERIOD_MONTHS, 3, "2015-02-28", "2015-05-28" },
  { REDRESS_PERIOD_MONTHS, 6, "2015-02-28", "2015-08-28" },
  { REDRESS_PERIOD_YEARS, 1, "2015-02-28", "2016-02-28" },
  { REDRESS_PERIOD_MONTHS, 1, "2015-11-30", "2015-12-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2015-11-30", "2016-01-30" },
  { REDRESS_PERIOD_MONTHS, 3, "2015-11-30", "2016-02-29" },
  { REDRESS_PERIOD_MONTHS, 6, "2015-11-30", "2016-05-30" },
  { REDRESS_PERIOD_YEARS, 1, "2015-11-30", "2016-11-30" },
  { REDRESS_PERIOD_MONTHS, 1, "2015-12-31", "2016-01-31" },
  { REDRESS_PERIOD_MONTHS, 2, "2015-12-31", "2016-02-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2015-12-31", "2016-03-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2015-12-31", "2016-06-30" },
  { REDRESS_PERIOD_YEARS, 1, "2015-12-31", "2016-12-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2016-01-29", "2016-02-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2016-01-29", "2016-03-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2016-01-29", "2016-04-29" },
  { REDRESS_PERIOD_MONTHS, 6, "2016-01-29", "2016-07-29" },
  { REDRESS_PERIOD_YEARS, 1, "2016-01-29", "2017-01-29" },
  { REDRESS_PERIOD_MONTHS, 1, "2016-01-30", "2016-02-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2016-01-30", "2016-03-30" },
  { REDRESS_PERIOD_MONTHS, 3, "2016-01-30", "2016-04-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2016-01-30", "2016-07-30" },
  { REDRESS_PERIOD_YEARS, 1, "2016-01-30", "2017-01-30" },
  { REDRESS_PERIOD_MONTHS, 1, "2016-01-31", "2016-02-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2016-01-31", "2016-03-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2016-01-31", "2016-04-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2016-01-31", "2016-07-31" },
  { REDRESS_PERIOD_YEARS, 1, "2016-01-31", "2017-01-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2016-02-29", "2016-03-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2016-02-29", "2016-04-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2016-02-29", "2016-05-29" },
  { REDRESS_PERIOD_MONTHS, 6, "2016-02-29", "2016-08-29" },
  { REDRESS_PERIOD_YEARS, 1, "2016-02-29", "2017-02-28" },
  { REDRESS_PERIOD_MONTHS, 1, "2016-08-29", "2016-09-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2016-08-29", "2016-10-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2016-08-29", "2016-11-29" },
  { REDRESS_PERIOD_MONTHS, 6, "2016-08-29", "2017-02-28" },
  { REDRESS_PERIOD_YEARS, 1, "2016-08-29", "2017-08-29" },
  { REDRESS_PERIOD_MONTHS, 1, "2016-08-30", "2016-09-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2016-08-30", "2016-10-30" },
  { REDRESS_PERIOD_MONTHS, 3, "2016-08-30", "2016-11-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2016-08-30", "2017-02-28" },
  { REDRESS_PERIOD_YEARS, 1, "2016-08-30", "2017-08-30" },
  { REDRESS_PERIOD_MONTHS, 1, "2016-08-31", "2016-09-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2016-08-31", "2016-10-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2016-08-31", "2016-11-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2016-08-31", "2017-02-28" },
  { REDRESS_PERIOD_YEARS, 1, "2016-08-31", "2017-08-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2017-02-28", "2017-03-28" },
  { REDRESS_PERIOD_MONTHS, 2, "2017-02-28", "2017-04-28" },
  { REDRESS_PERIOD_MONTHS, 3, "2017-02-28", "2017-05-28" },
  { REDRESS_PERIOD_MONTHS, 6, "2017-02-28", "2017-08-28" },
  { REDRESS_PERIOD_YEARS, 1, "2017-02-28", "2018-02-28" },
  { REDRESS_PERIOD_MONTHS, 1, "2018-06-15", "2018-07-15" },
  { REDRESS_PERIOD_MONTHS, 2, "2018-06-15", "2018-08-15" },
  { REDRESS_PERIOD_MONTHS, 3, "2018-06-15", "2018-09-15" },
  { REDRESS_PERIOD_MONTHS, 6, "2018-06-15", "2018-12-15" },
  { REDRESS_PERIOD_YEARS, 1, "2018-06-15", "2019-06-15" },
  { REDRESS_PERIOD_MONTHS, 1, "2019-01-01", "2019-02-01" },
  { REDRESS_PERIOD_MONTHS, 2, "2019-01-01", "2019-03-01" },
  { REDRESS_PERIOD_MONTHS, 3, "2019-01-01", "2019-04-01" },
  { REDRESS_PERIOD_MONTHS, 6, "2019-01-01", "2019-07-01" },
  { REDRESS_PERIOD_YEARS, 1, "2019-01-01", "2020-01-01" },
  { REDRESS_PERIOD_MONTHS, 1, "2019-12-31", "2020-01-31" },
  { REDRESS_PERIOD_MONTHS, 2, "2019-12-31", "2020-02-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2019-12-31", "2020-03-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2019-12-31", "2020-06-30" },
  { REDRESS_PERIOD_YEARS, 1, "2019-12-31", "2020-12-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2020-02-29", "2020-03-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2020-02-29", "2020-04-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2020-02-29", "2020-05-29" },
  { REDRESS_PERIOD_MONTHS, 6, "2020-02-29", "2020-08-29" },
  { REDRESS_PERIOD_YEARS, 1, "2020-02-29", "2021-02-28" },
  { REDRESS_PERIOD_MONTHS, 1, "2020-03-31", "2020-04-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2020-03-31", "2020-05-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2020-03-31", "2020-06-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2020-03-31", "2020-09-30" },
  { REDRESS_PERIOD_YEARS, 1, "2020-03-31", "2021-03-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2020-10-31", "2020-11-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2020-10-31", "2020-12-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2020-10-31", "2021-01-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2020-10-31", "2021-04-30" },
  { REDRESS_PERIOD_YEARS, 1, "2020-10-31", "2021-10-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2021-04-30", "2021-05-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2021-04-30", "2021-06-30" },
  { REDRESS_PERIOD_MONTHS, 3, "2021-04-30", "2021-07-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2021-04-30", "2021-10-30" },
  { REDRESS_PERIOD_YEARS, 1, "2021-04-30", "2022-04-30" },
  { REDRESS_PERIOD_MONTHS, 1, "2023-02-28", "2023-03-28" },
  { REDRESS_PERIOD_MONTHS, 2, "2023-02-28", "2023-04-28" },
  { REDRESS_PERIOD_MONTHS, 3, "2023-02-28", "2023-05-28" },
  { REDRESS_PERIOD_MONTHS, 6, "2023-02-28", "2023-08-28" },
  { REDRESS_PERIOD_YEARS, 1, "2023-02-28", "2024-02-28" },
  { REDRESS_PERIOD_MONTHS, 1, "2023-08-31", "2023-09-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2023-08-31", "2023-10-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2023-08-31", "2023-11-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2023-08-31", "2024-02-29" },
  { REDRESS_PERIOD_YEARS, 1, "2023-08-31", "2024-08-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2023-12-29", "2024-01-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2023-12-29", "2024-02-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2023-12-29", "2024-03-29" },
  { REDRESS_PERIOD_MONTHS, 6, "2023-12-29", "2024-06-29" },
  { REDRESS_PERIOD_YEARS, 1, "2023-12-29", "2024-12-29" },
  { REDRESS_PERIOD_MONTHS, 1, "2024-02-29", "2024-03-29" },
  { REDRESS_PERIOD_MONTHS, 2, "2024-02-29", "2024-04-29" },
  { REDRESS_PERIOD_MONTHS, 3, "2024-02-29", "2024-05-29" },
  { REDRESS_PERIOD_MONTHS, 6, "2024-02-29", "2024-08-29" },
  { REDRESS_PERIOD_YEARS, 1, "2024-02-29", "2025-02-28" },
  { REDRESS_PERIOD_MONTHS, 1, "2024-09-30", "2024-10-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2024-09-30", "2024-11-30" },
  { REDRESS_PERIOD_MONTHS, 3, "2024-09-30", "2024-12-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2024-09-30", "2025-03-30" },
  { REDRESS_PERIOD_YEARS, 1, "2024-09-30", "2025-09-30" },
  { REDRESS_PERIOD_MONTHS, 1, "2024-11-30", "2024-12-30" },
  { REDRESS_PERIOD_MONTHS, 2, "2024-11-30", "2025-01-30" },
  { REDRESS_PERIOD_MONTHS, 3, "2024-11-30", "2025-02-28" },
  { REDRESS_PERIOD_MONTHS, 6, "2024-11-30", "2025-05-30" },
  { REDRESS_PERIOD_YEARS, 1, "2024-11-30", "2025-11-30" },
  { REDRESS_PERIOD_MONTHS, 1, "2025-01-31", "2025-02-28" },
  { REDRESS_PERIOD_MONTHS, 2, "2025-01-31", "2025-03-31" },
  { REDRESS_PERIOD_MONTHS, 3, "2025-01-31", "2025-04-30" },
  { REDRESS_PERIOD_MONTHS, 6, "2025-01-31", "2025-07-31" },
  { REDRESS_PERIOD_YEARS, 1, "2025-01-31", "2026-01-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2025-07-31", "2025-08-31" },
  { REDRESS_PERIOD_MONTHS, 2, "2025-07-31", "2025-09-30" },
  { REDRESS_PERIOD_MONTHS, 3, "2025-07-31", "2025-10-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2025-07-31", "2026-01-31" },
  { REDRESS_PERIOD_YEARS, 1, "2025-07-31", "2026-07-31" },
  { REDRESS_PERIOD_MONTHS, 1, "2099-12-31", "2100-01-31" },
  { REDRESS_PERIOD_MONTHS, 2, "2099-12-31", "2100-02-28" },
  { REDRESS_PERIOD_MONTHS, 3, "2099-12-31", "2100-03-31" },
  { REDRESS_PERIOD_MONTHS, 6, "2099-12-31", "2100-06-30" },
  { REDRESS_PERIOD_YEARS, 1, "2099-12-31", "2100-12-31" },
  { REDRESS_PERIOD_MONTHS, -1, "2016-03-31", "2016-02-29" },
  { REDRESS_PERIOD_MONTHS, -1, "2024-03-31", "2024-02-29" },
  { REDRESS_PERIOD_MONTHS, -1, "2023-03-29", "2023-02-28" },
  { REDRESS_PERIOD_MONTHS, -1, "2020-05-31", "2020-04-30" },
  { REDRESS_PERIOD_DAYS, 1, "2020-02-28", "2020-02-29" },
  { REDRESS_PERIOD_DAYS, 1, "2021-02-28", "2021-03-01" },
  { REDRESS_PERIOD_DAYS, 1, "2024-12-31", "2025-01-01" },
  { REDRESS_PERIOD_DAYS, 30, "2023-12-02", "2024-01-01" },
  { REDRESS_PERIOD_DAYS, 30, "2024-01-31", "2024-03-01" },
  { REDRESS_PERIOD_DAYS, 30, "2024-02-01", "2024-03-02" },
  { REDRESS_PERIOD_DAYS, 30, "2023-02-01", "2023-03-03" },
  { REDRESS_PERIOD_DAYS, 30, "2019-12-15", "2020-01-14" },
  { REDRESS_PERIOD_DAYS, 365, "2016-02-29", "2017-02-28" },
  { REDRESS_PERIOD_DAYS, 366, "2016-02-29", "2017-03-01" },
  { REDRESS_PERIOD_DAYS, -1, "2025-03-01", "2025-02-28" },
  { REDRESS_PERIOD_DAYS, -1, "2024-03-01", "2024-02-29" },
  { REDRESS_PERIOD_DAYS, 0, "2024-06-30", "2024-06-30" },
  { REDRESS_PERIOD_DAYS, 7, "2024-12-25", "2025-01-01" },
  { REDRESS_PERIOD_DAYS, 90, "2023-12-25", "2024-03-24" },
  { REDRESS_PERIOD_YEARS, 4, "2016-02-29", "2020-02-29" },
  { REDRESS_PERIOD_YEARS, 2, "2016-02-29", "2018-02-28" },
  { REDRESS_PERIOD_YEARS, 3, "2020-02-29", "2023-02-28" },
  { REDRESS_PERIOD_YEARS, 1, "2012-02-29", "2013-02-28" },
};

/* The due date each rule computes from a trigger; NULL: no fixed length
 * (set by the letter, "without delay", or a status rule with no period). */
static const struct {
  const char *rule;
  const char *trigger;
  const char *expected;
} rule_cases[] = {
{ "D01", "2015-08-31", "2016-08-31" },
  { "D01", "2016-02-29", "2017-02-28" },
  { "D01", "2019-12-31", "2020-12-31" },
  { "D01", "2023-06-30", "2024-06-30" },
  { "D01", "2024-08-31", "2025-08-31" },
  { "D02", "2015-08-31", "2016-02-29" },
  { "D02", "2016-02-29", "2016-08-29" },
  { "D02", "2019-12-31", "2020-06-30" },
  { "D02", "2023-06-30", "2023-12-30" },
  { "D02", "2024-08-31", "2025-02-28" },
  { "D03", "2015-08-31", "2015-10-31" },
  { "D03", "2016-02-29", "2016-04-29" },
  { "D03", "2019-12-31", "2020-02-29" },
  { "D03", "2023-06-30", "2023-08-30" },
  { "D03", "2024-08-31", "2024-10-31" },
  { "D04", "2015-08-31", "2015-10-31" },
  { "D04", "2016-02-29", "2016-04-29" },
  { "D04", "2019-12-31", "2020-02-29" },
  { "D04", "2023-06-30", "2023-08-30" },
  { "D04", "2024-08-31", "2024-10-31" },
  { "D06", "2015-08-31", "2016-02-29" },
  { "D06", "2016-02-29", "2016-08-29" },
  { "D06", "2019-12-31", "2020-06-30" },
  { "D06", "2023-06-30", "2023-12-30" },
  { "D06", "2024-08-31", "2025-02-28" },
  { "D08", "2015-08-31", "2015-08-31" },
  { "D08", "2016-02-29", "2016-02-29" },
  { "D08", "2019-12-31", "2019-12-31" },
  { "D08", "2023-06-30", "2023-06-30" },
  { "D08", "2024-08-31", "2024-08-31" },
  { "D09", "2015-08-31", "2016-02-29" },
  { "D09", "2016-02-29", "2016-08-29" },
  { "D09", "2019-12-31", "2020-06-30" },
  { "D09", "2023-06-30", "2023-12-30" },
  { "D09", "2024-08-31", "2025-02-28" },
  { "D10", "2015-08-31", "2015-10-31" },
  { "D10", "2016-02-29", "2016-04-29" },
  { "D10", "2019-12-31", "2020-02-29" },
  { "D10", "2023-06-30", "2023-08-30" },
  { "D10", "2024-08-31", "2024-10-31" },
  { "D12", "2015-08-31", "2016-02-29" },
  { "D12", "2016-02-29", "2016-08-29" },
  { "D12", "2019-12-31", "2020-06-30" },
  { "D12", "2023-06-30", "2023-12-30" },
  { "D12", "2024-08-31", "2025-02-28" },
  { "D13", "2015-08-31", "2016-02-29" },
  { "D13", "2016-02-29", "2016-08-29" },
  { "D13", "2019-12-31", "2020-06-30" },
  { "D13", "2023-06-30", "2023-12-30" },
  { "D13", "2024-08-31", "2025-02-28" },
  { "D17", "2015-08-31", "2015-09-30" },
  { "D17", "2016-02-29", "2016-03-29" },
  { "D17", "2019-12-31", "2020-01-31" },
  { "D17", "2023-06-30", "2023-07-30" },
  { "D17", "2024-08-31", "2024-09-30" },
  { "D18", "2015-08-31", "2015-09-30" },
  { "D18", "2016-02-29", "2016-03-30" },
  { "D18", "2019-12-31", "2020-01-30" },
  { "D18", "2023-06-30", "2023-07-30" },
  { "D18", "2024-08-31", "2024-09-30" },
  { "D14", "2012-09-25", "2014-04-14" },
  { "D14", "2013-05-29", "2014-04-14" },
  { "D14", "2014-01-14", "2014-04-14" },
  { "D14", "2014-01-13", "2014-04-14" },
  { "D14", "2014-01-15", "2014-04-15" },
  { "D14", "2014-09-24", "2014-12-24" },
  { "D14", "2014-11-30", "2015-02-28" },
  { "D14", "2016-02-04", "2016-05-04" },
  { "D14", "2017-04-24", "2017-07-24" },
  { "D14", "2019-01-29", "2019-04-29" },
  { "D14", "2023-10-03", "2024-01-03" },
  { "D14", "2024-02-07", "2024-05-07" },
  { "D05", "2024-05-31", NULL },
  { "D07", "2024-05-31", NULL },
  { "D11", "2024-05-31", NULL },
  { "D15", "2024-05-31", NULL },
  { "D16", "2024-05-31", NULL },
};

/* D01, art 7(h): one year from the earlier of decision and notification. */
static const struct {
  const char *decided_on;
  const char *notified_on;
  const char *counted_from;
  const char *expected;
} d01_cases[] = {
{ "2023-03-01", "2023-03-20", "2023-03-01", "2024-03-01" },
  { "2023-03-20", "2023-03-01", "2023-03-01", "2024-03-01" },
  { "2024-02-29", "2024-03-05", "2024-02-29", "2025-02-28" },
  { "2024-03-05", "2024-02-29", "2024-02-29", "2025-02-28" },
  { "2023-12-31", NULL, "2023-12-31", "2024-12-31" },
  { NULL, "2023-12-31", "2023-12-31", "2024-12-31" },
  { "2020-02-29", "2020-02-29", "2020-02-29", "2021-02-28" },
  { "2022-01-31", "2022-02-01", "2022-01-31", "2023-01-31" },
  { "2021-06-30", "2021-07-15", "2021-06-30", "2022-06-30" },
  { "2019-11-30", "2019-12-02", "2019-11-30", "2020-11-30" },
  { "2024-12-31", "2025-01-02", "2024-12-31", "2025-12-31" },
  { "2016-02-28", "2016-02-29", "2016-02-28", "2017-02-28" },
};

static void
test_periods (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      g_autofree char *due = redress_iso_date_add (period_cases[i].trigger, period_cases[i].unit,
                                                   period_cases[i].amount);

      g_test_message ("%s + %d (unit %d)", period_cases[i].trigger, period_cases[i].amount, period_cases[i].unit);
      g_assert_cmpstr (due, ==, period_cases[i].expected);
    }
  g_assert_cmpuint (G_N_ELEMENTS (period_cases), >=, 150);
}

static void
test_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      const RedressDeadlineRule *rule = redress_deadline_rules_lookup (rule_cases[i].rule);
      g_autofree char *due = NULL;

      g_assert_nonnull (rule);
      due = redress_deadline_rule_compute (rule, rule_cases[i].trigger);
      g_test_message ("%s from %s", rule_cases[i].rule, rule_cases[i].trigger);
      g_assert_cmpstr (due, ==, rule_cases[i].expected);
    }
}

static void
test_d01 (void)
{
  const RedressDeadlineRule *rule = redress_deadline_rules_lookup ("D01");

  for (guint i = 0; i < G_N_ELEMENTS (d01_cases); i++)
    {
      const char *from = redress_iso_date_min (d01_cases[i].decided_on, d01_cases[i].notified_on);
      g_autofree char *due = redress_deadline_rule_compute (rule, from);

      g_assert_cmpstr (from, ==, d01_cases[i].counted_from);
      g_assert_cmpstr (due, ==, d01_cases[i].expected);
    }
  g_assert_false (rule->extendable);
  g_assert_cmpstr (rule->legal_source, ==, "OP3 art 7(h)");
  g_assert_cmpstr (rule->mark, ==, "[V]");
}

/* Every expected date of the tables, recomputed by GLib's own calendar
 * (g_date_add_months clamps to the month's last day, as domain.md §3.1 asks),
 * and every case deadline rule with a length has rows of its own. */
static void
test_cross_check (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      GDate date;
      char buf[16];

      if (period_cases[i].trigger == NULL || !redress_iso_date_is_valid (period_cases[i].trigger))
        continue;
      g_date_clear (&date, 1);
      g_date_set_parse (&date, period_cases[i].trigger);
      g_assert_true (g_date_valid (&date));
      int n = period_cases[i].amount;

      if (period_cases[i].expected == NULL)
        continue;
      switch (period_cases[i].unit)
        {
        case REDRESS_PERIOD_DAYS:
          n >= 0 ? g_date_add_days (&date, (guint) n) : g_date_subtract_days (&date, (guint) -n);
          break;
        case REDRESS_PERIOD_MONTHS:
          n >= 0 ? g_date_add_months (&date, (guint) n) : g_date_subtract_months (&date, (guint) -n);
          break;
        case REDRESS_PERIOD_YEARS:
          n >= 0 ? g_date_add_years (&date, (guint) n) : g_date_subtract_years (&date, (guint) -n);
          break;
        case REDRESS_PERIOD_NONE:
        default:
          continue;
        }
      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
      g_assert_cmpstr (buf, ==, period_cases[i].expected);
    }

  for (guint r = 0; r < redress_deadline_rules_get_n_rules (); r++)
    {
      const RedressDeadlineRule *rule = redress_deadline_rules_get_rule (r);
      guint rows = 0;

      if (rule->track == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
        rows += g_strcmp0 (rule_cases[i].rule, rule->id) == 0;
      g_test_message ("%s: %u rows", rule->id, rows);
      g_assert_cmpuint (rows, >=, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (d01_cases); i++)
    {
      const char *from = redress_iso_date_min (d01_cases[i].decided_on, d01_cases[i].notified_on);

      g_assert_cmpstr (from, ==, d01_cases[i].counted_from);
      g_assert_true (from == d01_cases[i].decided_on || from == d01_cases[i].notified_on);
    }
}

static void
test_invalid (void)
{
  g_autofree char *a = redress_iso_date_add ("2023-02-29", REDRESS_PERIOD_MONTHS, 1);
  g_autofree char *b = redress_iso_date_add ("not a date", REDRESS_PERIOD_DAYS, 1);
  g_autofree char *c = redress_iso_date_add ("2024-01-01", REDRESS_PERIOD_NONE, 1);
  int days = 0;

  g_assert_null (a);
  g_assert_null (b);
  g_assert_null (c);
  g_assert_false (redress_iso_date_days_between ("2024-13-01", "2024-01-01", &days));
  g_assert_true (redress_iso_date_days_between ("2024-02-28", "2024-03-01", &days));
  g_assert_cmpint (days, ==, 2);
  g_assert_true (redress_iso_date_days_between ("2023-03-01", "2023-02-28", &days));
  g_assert_cmpint (days, ==, -1);
}

static void
test_partial_and_age (void)
{
  static const struct {
    const char *birth;
    const char *on;
    int         min_age;
    int         max_age;
  } cases[] = {
    { "2008-05-10", "2026-05-09", 17, 17 },
    { "2008-05-10", "2026-05-10", 18, 18 },
    { "2008", "2026-06-30", 17, 18 },
    { "2008", "2027-01-01", 18, 19 },
    { "2008", "2025-12-31", 17, 17 },
    { "2008-02", "2026-02-15", 17, 18 },
    { "2008-02", "2026-03-01", 18, 18 },
    { "2008-02-29", "2026-02-28", 17, 17 },
    { "2008-02-29", "2026-03-01", 18, 18 },
    { "2010-12", "2020-12-31", 10, 10 },
  };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  int lo, hi;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (redress_age_range_at (cases[i].birth, cases[i].on, &lo, &hi));
      g_test_message ("%s on %s", cases[i].birth, cases[i].on);
      g_assert_cmpint (lo, ==, cases[i].min_age);
      g_assert_cmpint (hi, ==, cases[i].max_age);
    }
  g_assert_false (redress_age_range_at (NULL, "2020-01-01", &lo, &hi));
  g_assert_false (redress_age_range_at ("2010-13", "2020-01-01", &lo, &hi));

  g_assert_true (redress_partial_date_range ("2024-02", &first, &last));
  g_assert_cmpstr (first, ==, "2024-02-01");
  g_assert_cmpstr (last, ==, "2024-02-29");
}

static void
test_reminders (void)
{
  static const struct {
    const char *trigger;
    const char *due;
    const char *expected;  /* reminder dates, comma-separated */
  } cases[] = {
    { "2024-01-15", "2025-01-15", "2024-10-17,2024-11-16,2024-12-16,2025-01-08" },  /* D01: 90/60/30/7 */
    { "2024-01-31", "2024-07-31", "2024-05-02,2024-06-01,2024-07-01,2024-07-24" },  /* six months */
    { "2024-03-31", "2024-05-31", "2024-04-01,2024-05-01,2024-05-24" },             /* two months: no 90 */
    { "2024-05-01", "2024-05-31", "2024-05-24" },                                   /* one month: only 7 */
    { "2024-05-30", "2024-05-31", "" },                                             /* one day: none */
    { "2024-05-31", "2024-05-31", "" },                                             /* D08 immediate */
    { NULL, "2024-05-31", "2024-03-02,2024-04-01,2024-05-01,2024-05-24" },          /* no trigger: all */
  };
  guint n;
  const int *offsets = redress_deadline_default_reminder_offsets (&n);
  static const int custom[] = { 14, 3, 45 };

  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) dates = redress_deadline_reminder_dates (offsets, n, cases[i].trigger, cases[i].due);
      g_autofree char *joined = NULL;

      g_ptr_array_add (dates, NULL);
      joined = g_strjoinv (",", (char **) dates->pdata);
      g_assert_cmpstr (joined, ==, cases[i].expected);
    }

  {
    g_autoptr(GArray) kept = redress_deadline_reminder_offsets (custom, G_N_ELEMENTS (custom),
                                                                "2024-04-01", "2024-05-01");

    g_assert_cmpuint (kept->len, ==, 2);
    g_assert_cmpint (g_array_index (kept, int, 0), ==, 14);
    g_assert_cmpint (g_array_index (kept, int, 1), ==, 3);
  }
}

static void
test_rule_pack (void)
{
  const char *version = redress_deadline_rules_get_version ();

  g_assert_true (g_str_has_prefix (version, "op3-"));
  g_assert_cmpuint (redress_deadline_rules_get_n_rules (), ==, 18);
  for (guint i = 0; i < redress_deadline_rules_get_n_rules (); i++)
    {
      const RedressDeadlineRule *rule = redress_deadline_rules_get_rule (i);
      g_autofree char *citation = redress_deadline_rule_get_citation (rule);
      g_autofree char *id = g_strdup_printf ("D%02u", i + 1);

      g_assert_cmpstr (rule->id, ==, id);
      g_assert_nonnull (rule->who);
      g_assert_true (*rule->legal_source != '\0');
      g_assert_true (g_str_has_suffix (citation, "]"));
      g_assert_nonnull (strstr ("[V] [S] [U] [V]/[U]", rule->mark));
    }
  g_assert_true (redress_deadline_rules_lookup ("D08")->urgent);
  g_assert_cmpstr (redress_deadline_rules_lookup ("D04")->mark, ==, "[V]/[U]");
  g_assert_cmpstr (redress_deadline_rules_lookup ("D18")->mark, ==, "[U]");
  g_assert_cmpstr (redress_deadline_rules_lookup ("D09")->mark, ==, "[S]");
  g_assert_null (redress_deadline_rules_lookup ("D19"));
}

static void
test_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GStrv row;

  rows = redress_csv_parse ("a,b,c\r\n1,\"x, \"\"quoted\"\"\",3\n\n\"multi\nline\",,\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row[1], ==, "x, \"quoted\"");
  g_assert_cmpstr (row[2], ==, "3");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[0], ==, "multi\nline");
  g_assert_cmpstr (row[1], ==, "");
  g_assert_cmpuint (g_strv_length (row), ==, 3);
  g_assert_cmpint (redress_csv_column (g_ptr_array_index (rows, 0), "c"), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = redress_csv_parse ("a,b\n\"never ends,1\n", -1, &error);
  g_assert_null (rows);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  rows = redress_csv_parse ("a\n\xff\n", -1, &error);
  g_assert_null (rows);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/periods", test_periods);
  g_test_add_func ("/date/rules", test_rules);
  g_test_add_func ("/date/d01-decision-or-notification", test_d01);
  g_test_add_func ("/date/cross-check", test_cross_check);
  g_test_add_func ("/date/invalid", test_invalid);
  g_test_add_func ("/date/partial-and-age", test_partial_and_age);
  g_test_add_func ("/date/reminders", test_reminders);
  g_test_add_func ("/date/rule-pack", test_rule_pack);
  g_test_add_func ("/date/csv", test_csv);

  return g_test_run ();
}
