/* test-agenda.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Deadlines page's data: grouping by date with an injected clock (around
 * midnight, month and year ends, leap days), effective due dates, filters,
 * cases with no deadline, and the calendar export record.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redress-test-util.h"
#include "redress-agenda.h"
#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-util.h"

typedef RedressTestDocket Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  redress_test_docket_init (f, "agenda");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&f->db));
  redress_test_docket_clear (f);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  _redress_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

static void
add_case (Fixture    *f,
          const char *id,
          const char *reference,
          const char *state)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO case_file (id, kind, reference, state_code, created_at, updated_at)"
                                          " VALUES ('%s', 'communication', '%s', '%s', redress_now (), redress_now ())",
                                          id, reference, state);
  exec (f, sql);
}

/* NULL dates are written as SQL NULL. */
static void
add_deadline (Fixture    *f,
              const char *id,
              const char *case_id,
              const char *rule,
              const char *computed,
              const char *letter,
              const char *extended,
              const char *status)
{
  g_autofree char *c = computed ? g_strdup_printf ("'%s'", computed) : g_strdup ("NULL");
  g_autofree char *l = letter ? g_strdup_printf ("'%s'", letter) : g_strdup ("NULL");
  g_autofree char *e = extended ? g_strdup_printf ("'%s'", extended) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf ("INSERT INTO deadline (id, case_id, rule_id, rule_pack_version, computed_due,"
                                          " letter_due, extended_due, status, created_at, updated_at)"
                                          " VALUES ('%s', '%s', '%s', 'test', %s, %s, %s, '%s', redress_now (), redress_now ())",
                                          id, case_id, rule, c, l, e, status);
  exec (f, sql);
}

static GDateTime *
clock_at (const char *zone,
          int year, int month, int day, int hour, int minute, double seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, seconds);
}

/* The wall-calendar day is the one in the clock's own zone. */
static void
test_today_from_clock (void)
{
  g_autoptr(GTimeZone) nz = g_time_zone_new_identifier ("Pacific/Auckland");
  g_autoptr(GTimeZone) us = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) utc = clock_at ("UTC", 2026, 3, 31, 11, 30, 0);
  g_autoptr(GDateTime) auckland = g_date_time_to_timezone (utc, nz);
  g_autoptr(GDateTime) la = g_date_time_to_timezone (utc, us);
  g_autofree char *a = redress_agenda_today_from_clock (auckland);
  g_autofree char *l = redress_agenda_today_from_clock (la);
  g_autoptr(GDateTime) before = clock_at ("Europe/Paris", 2026, 4, 30, 23, 59, 59.999);
  g_autoptr(GDateTime) after = g_date_time_add_seconds (before, 0.001);
  g_autofree char *b = redress_agenda_today_from_clock (before);
  g_autofree char *c = redress_agenda_today_from_clock (after);

  g_assert_cmpstr (a, ==, "2026-04-01");
  g_assert_cmpstr (l, ==, "2026-03-31");
  g_assert_cmpstr (b, ==, "2026-04-30");
  g_assert_cmpstr (c, ==, "2026-05-01");
}

static void
test_group_boundaries (void)
{
  /* Around the day itself. */
  g_assert_cmpint (redress_agenda_group_for_due ("2026-03-30", "2026-03-31"), ==, REDRESS_AGENDA_GROUP_OVERDUE);
  g_assert_cmpint (redress_agenda_group_for_due ("2026-03-31", "2026-03-31"), ==, REDRESS_AGENDA_GROUP_TODAY);
  g_assert_cmpint (redress_agenda_group_for_due ("2026-04-01", "2026-03-31"), ==, REDRESS_AGENDA_GROUP_THIS_WEEK);
  /* Month end: 31 January + 7 days is 7 February. */
  g_assert_cmpint (redress_agenda_group_for_due ("2026-02-07", "2026-01-31"), ==, REDRESS_AGENDA_GROUP_THIS_WEEK);
  g_assert_cmpint (redress_agenda_group_for_due ("2026-02-08", "2026-01-31"), ==, REDRESS_AGENDA_GROUP_LATER);
  /* Leap year: 28 February 2028 + 7 days is 6 March (29 February exists). */
  g_assert_cmpint (redress_agenda_group_for_due ("2028-03-06", "2028-02-28"), ==, REDRESS_AGENDA_GROUP_THIS_WEEK);
  g_assert_cmpint (redress_agenda_group_for_due ("2028-03-07", "2028-02-28"), ==, REDRESS_AGENDA_GROUP_LATER);
  g_assert_cmpint (redress_agenda_group_for_due ("2026-03-07", "2026-02-28"), ==, REDRESS_AGENDA_GROUP_THIS_WEEK);
  g_assert_cmpint (redress_agenda_group_for_due ("2026-03-08", "2026-02-28"), ==, REDRESS_AGENDA_GROUP_LATER);
  /* Year end. */
  g_assert_cmpint (redress_agenda_group_for_due ("2027-01-01", "2026-12-31"), ==, REDRESS_AGENDA_GROUP_THIS_WEEK);
  g_assert_cmpint (redress_agenda_group_for_due ("2026-12-30", "2026-12-31"), ==, REDRESS_AGENDA_GROUP_OVERDUE);
  /* No date. */
  g_assert_cmpint (redress_agenda_group_for_due (NULL, "2026-12-31"), ==, REDRESS_AGENDA_GROUP_NO_DATE);
}

static RedressAgendaItem *
find_item (GListModel *list,
           const char *deadline_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RedressAgendaItem) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (redress_agenda_item_get_deadline_id (item), deadline_id) == 0)
        return item;
    }
  return NULL;
}

static void
populate (Fixture *f)
{
  add_case (f, "c1", "CRC/1/2026", "FR");
  add_case (f, "c2", "CRC/2/2026", "ES");
  add_case (f, "c3", "CRC/3/2026", "FR");
  add_case (f, "c4", "CRC/4/2026", "ES");
  /* D02: State party.  The Committee's letter moved it; the letter wins. */
  add_deadline (f, "d-state", "c1", "D02", "2026-06-30", "2026-07-15", NULL, "open");
  /* D04: author.  Extended after the letter: the extension wins. */
  add_deadline (f, "d-author", "c2", "D04", "2026-05-31", "2026-06-01", "2026-06-03", "open");
  /* D01: author, already late. */
  add_deadline (f, "d-late", "c3", "D01", "2026-05-30", NULL, NULL, "open");
  /* D05: no length, no letter date yet. */
  add_deadline (f, "d-nodate", "c3", "D05", NULL, NULL, NULL, "open");
  /* c4: only closed deadlines, so no open one. */
  add_deadline (f, "d-done", "c4", "D04", "2026-05-01", NULL, NULL, "done");
  add_deadline (f, "d-waived", "c4", "D03", "2026-05-02", NULL, NULL, "waived");
}

static void
test_list_open (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  guint counts[REDRESS_AGENDA_N_GROUPS];
  RedressAgendaItem *item;
  g_autofree char *days = NULL;

  populate (f);
  /* Today: 31 May 2026, last day of the month. */
  list = redress_agenda_list_open (f->db, "2026-05-31", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);

  /* Earliest first; no date last. */
  item = g_list_model_get_item (list, 0);
  g_assert_cmpstr (redress_agenda_item_get_deadline_id (item), ==, "d-late");
  g_assert_cmpint (redress_agenda_item_get_group (item), ==, REDRESS_AGENDA_GROUP_OVERDUE);
  g_assert_cmpint (redress_agenda_item_get_days_left (item), ==, -1);
  days = redress_agenda_item_describe_days_left (item);
  g_assert_cmpstr (days, ==, "1 day overdue");
  g_assert_cmpint (redress_agenda_item_get_actor (item), ==, REDRESS_AGENDA_ACTOR_AUTHOR);
  g_assert_nonnull (strstr (redress_agenda_item_get_legal_source (item), "art 7(h)"));
  g_object_unref (item);

  item = find_item (list, "d-author");
  g_assert_cmpstr (redress_agenda_item_get_due (item), ==, "2026-06-03");
  g_assert_cmpstr (redress_agenda_item_get_computed_due (item), ==, "2026-05-31");
  g_assert_cmpstr (redress_agenda_item_get_letter_due (item), ==, "2026-06-01");
  g_assert_cmpint (redress_agenda_item_get_days_left (item), ==, 3);
  g_assert_cmpint (redress_agenda_item_get_group (item), ==, REDRESS_AGENDA_GROUP_THIS_WEEK);

  item = find_item (list, "d-state");
  g_assert_cmpstr (redress_agenda_item_get_due (item), ==, "2026-07-15");
  g_assert_cmpint (redress_agenda_item_get_group (item), ==, REDRESS_AGENDA_GROUP_LATER);
  g_assert_cmpint (redress_agenda_item_get_actor (item), ==, REDRESS_AGENDA_ACTOR_STATE);
  g_assert_cmpstr (redress_agenda_item_get_state_code (item), ==, "FR");

  item = g_list_model_get_item (list, 3);
  g_assert_cmpstr (redress_agenda_item_get_deadline_id (item), ==, "d-nodate");
  g_assert_cmpint (redress_agenda_item_get_group (item), ==, REDRESS_AGENDA_GROUP_NO_DATE);
  g_object_unref (item);

  g_assert_true (redress_agenda_count_groups (list, counts));
  g_assert_cmpuint (counts[REDRESS_AGENDA_GROUP_OVERDUE], ==, 1);
  g_assert_cmpuint (counts[REDRESS_AGENDA_GROUP_TODAY], ==, 0);
  g_assert_cmpuint (counts[REDRESS_AGENDA_GROUP_THIS_WEEK], ==, 1);
  g_assert_cmpuint (counts[REDRESS_AGENDA_GROUP_LATER], ==, 1);
  g_assert_cmpuint (counts[REDRESS_AGENDA_GROUP_NO_DATE], ==, 1);
  g_assert_cmpuint (redress_agenda_count_overdue (f->db, "2026-05-31", &error), ==, 1);
  g_assert_no_error (error);

  /* One minute later it is 1 June: the 30 May deadline is two days late,
   * nothing is due today, and the extension is two days away. */
  g_clear_object (&list);
  list = redress_agenda_list_open (f->db, "2026-06-01", NULL, &error);
  g_assert_no_error (error);
  item = find_item (list, "d-author");
  g_assert_cmpint (redress_agenda_item_get_days_left (item), ==, 2);
  item = find_item (list, "d-late");
  g_assert_cmpint (redress_agenda_item_get_days_left (item), ==, -2);

  /* On 3 June the extended deadline is due today. */
  g_clear_object (&list);
  list = redress_agenda_list_open (f->db, "2026-06-03", NULL, &error);
  item = find_item (list, "d-author");
  g_assert_cmpint (redress_agenda_item_get_group (item), ==, REDRESS_AGENDA_GROUP_TODAY);
  g_free (days);
  days = redress_agenda_item_describe_days_left (item);
  g_assert_cmpstr (days, ==, "Due today");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) cases = NULL;
  g_auto(GStrv) states = NULL;
  RedressAgendaFilter filter = { REDRESS_AGENDA_ACTOR_STATE, NULL, NULL };
  g_autoptr(RedressAgendaCase) c = NULL;

  populate (f);

  list = redress_agenda_list_open (f->db, "2026-05-31", &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_nonnull (find_item (list, "d-state"));

  g_clear_object (&list);
  filter.actor = REDRESS_AGENDA_ACTOR_AUTHOR;
  filter.state_code = "ES";
  list = redress_agenda_list_open (f->db, "2026-05-31", &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_nonnull (find_item (list, "d-author"));

  g_clear_object (&list);
  filter.actor = REDRESS_AGENDA_ACTOR_ANY;
  filter.state_code = "FR";
  list = redress_agenda_list_open (f->db, "2026-05-31", &filter, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_null (find_item (list, "d-author"));

  /* Done and waived deadlines leave the agenda but stay in the history. */
  history = redress_agenda_list_history (f->db, "c4", "2026-05-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  g_assert_cmpstr (redress_agenda_item_get_status (find_item (history, "d-done")), ==, "done");
  g_assert_cmpstr (redress_agenda_item_get_status (find_item (history, "d-waived")), ==, "waived");

  /* c4 is the only case with no open deadline. */
  cases = redress_agenda_list_cases_without_deadline (f->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  c = g_list_model_get_item (cases, 0);
  g_assert_cmpstr (redress_agenda_case_get_reference (c), ==, "CRC/4/2026");

  /* A case at a closing stage does not need a deadline. */
  exec (f, "UPDATE case_file SET stage = 'CLOSED_NOT_FILED' WHERE id = 'c4'");
  g_clear_object (&cases);
  cases = redress_agenda_list_cases_without_deadline (f->db, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 0);

  states = redress_agenda_list_state_codes (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (states), ==, 2);
  g_assert_cmpstr (states[0], ==, "ES");
  g_assert_cmpstr (states[1], ==, "FR");
}

static void
test_bad_today (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = redress_agenda_list_open (f->db, "2026-02-30", NULL, &error);

  g_assert_null (list);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
}

static void
test_record_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uid1 = NULL;
  g_autofree char *uid2 = NULL;
  g_autofree char *uid3 = NULL;
  int seq = -1;

  populate (f);
  g_assert_true (redress_agenda_record_export (f->db, "d-state", "hash-a", &uid1, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seq, ==, 0);
  g_assert_true (g_str_has_prefix (uid1, "d-state@"));

  /* Same content: same UID, same SEQUENCE. */
  g_assert_true (redress_agenda_record_export (f->db, "d-state", "hash-a", &uid2, &seq, &error));
  g_assert_cmpstr (uid1, ==, uid2);
  g_assert_cmpint (seq, ==, 0);

  /* Changed content: same UID, SEQUENCE one higher. */
  g_assert_true (redress_agenda_record_export (f->db, "d-state", "hash-b", &uid3, &seq, &error));
  g_assert_cmpstr (uid1, ==, uid3);
  g_assert_cmpint (seq, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add_func ("/agenda/today-from-clock", test_today_from_clock);
  g_test_add_func ("/agenda/group-boundaries", test_group_boundaries);
  g_test_add ("/agenda/list-open", Fixture, NULL, fixture_setup, test_list_open, fixture_teardown);
  g_test_add ("/agenda/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/agenda/bad-today", Fixture, NULL, fixture_setup, test_bad_today, fixture_teardown);
  g_test_add ("/agenda/record-export", Fixture, NULL, fixture_setup, test_record_export, fixture_teardown);

  return g_test_run ();
}
