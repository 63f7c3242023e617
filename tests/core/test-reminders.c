/* test-reminders.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminders fire once per offset, across restarts; an extension arms them
 * again; the scheduler's timer points at the next reminder's day.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redress-test-util.h"
#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-reminders.h"
#include "redress-util.h"

static const int offsets[] = { 90, 60, 30, 7 };

typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *db;
} Fixture;

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (f->db != NULL)
    g_assert_finalize_object (f->db);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-reminders-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = NULL;
  reopen (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  g_assert_finalize_object (f->db);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (evidence);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  _redress_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

/* One case, one D02 deadline due 15 July 2026, triggered six months before. */
static void
populate (Fixture *f)
{
  exec (f, "INSERT INTO case_file (id, kind, reference, title, created_at, updated_at)"
           " VALUES ('c1', 'communication', 'CRC/7/2026', 'Amira Haddad v. Freedonia', redress_now (), redress_now ())");
  exec (f, "INSERT INTO deadline (id, case_id, rule_id, rule_pack_version, trigger_date, computed_due,"
           " status, created_at, updated_at)"
           " VALUES ('d1', 'c1', 'D02', 'test', '2026-01-15', '2026-07-15', 'open', redress_now (), redress_now ())");
}

/* Collects, checks there is exactly @expect_offset (or nothing for -1), and
 * marks it shown. */
static void
fire (Fixture    *f,
      const char *today,
      int         expect_offset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = redress_reminders_collect (f->db, today, offsets, G_N_ELEMENTS (offsets), &error);

  g_assert_no_error (error);
  if (expect_offset < 0)
    {
      g_assert_cmpuint (due->len, ==, 0);
      return;
    }
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (((RedressReminder *) due->pdata[0])->offset_days, ==, expect_offset);
  g_assert_true (redress_reminders_mark_fired (f->db, due->pdata[0], &error));
  g_assert_no_error (error);
}

static void
test_once_per_offset (Fixture       *f,
                      gconstpointer  data)
{
  populate (f);

  fire (f, "2026-04-15", -1);        /* 91 days before: nothing yet */
  fire (f, "2026-04-16", 90);        /* 90 days before */
  fire (f, "2026-04-16", -1);        /* never twice */
  reopen (f);                        /* restart */
  fire (f, "2026-04-16", -1);
  fire (f, "2026-04-17", -1);        /* 89 days: 90 already shown */
  fire (f, "2026-05-16", 60);
  reopen (f);
  fire (f, "2026-05-17", -1);
  /* Redress was not running for weeks: only the nearest reminder shows. */
  fire (f, "2026-07-10", 7);
  fire (f, "2026-07-11", -1);
  fire (f, "2026-07-15", 0);         /* the day itself */
  fire (f, "2026-07-16", -1);        /* not again once overdue */
}

static void
test_reminder_text (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  RedressReminder *r;

  populate (f);
  due = redress_reminders_collect (f->db, "2026-07-08", offsets, G_N_ELEMENTS (offsets), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  r = due->pdata[0];
  g_assert_cmpint (r->days_left, ==, 7);
  g_assert_cmpstr (r->case_id, ==, "c1");
  title = redress_reminder_dup_title (r);
  body = redress_reminder_dup_body (r);
  g_assert_cmpstr (title, ==, "CRC/7/2026: deadline in 7 days");
  g_assert_nonnull (strstr (body, "2026-07-15"));
  g_assert_nonnull (strstr (body, "art 8(2)"));
  /* A notification shows on a locked screen: no name. */
  g_assert_null (strstr (title, "Haddad"));
  g_assert_null (strstr (body, "Haddad"));
}

static void
test_extension_rearms (Fixture       *f,
                       gconstpointer  data)
{
  populate (f);
  fire (f, "2026-07-15", 0);
  fire (f, "2026-07-15", -1);
  /* The Committee extends the deadline by a month. */
  exec (f, "UPDATE deadline SET extended_due = '2026-08-15' WHERE id = 'd1'");
  fire (f, "2026-07-15", 60);        /* 31 days left: nearest reminder is 60 */
  fire (f, "2026-07-16", 30);
  fire (f, "2026-08-15", 0);
}

/* The rule engine drops reminders before the period began: a deadline
 * triggered 40 days before it falls due has no 90 or 60 day reminder. */
static void
test_short_period (Fixture       *f,
                   gconstpointer  data)
{
  populate (f);
  exec (f, "UPDATE deadline SET trigger_date = '2026-06-05' WHERE id = 'd1'");
  fire (f, "2026-06-05", -1);        /* 40 days before */
  fire (f, "2026-06-15", 30);
}

static void
test_closed_deadline_silent (Fixture       *f,
                             gconstpointer  data)
{
  populate (f);
  exec (f, "UPDATE deadline SET status = 'done', closed_on = '2026-07-01' WHERE id = 'd1'");
  fire (f, "2026-07-15", -1);
}

static void
test_next_date (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  populate (f);
  a = redress_reminders_next_date (f->db, "2026-01-20", offsets, G_N_ELEMENTS (offsets), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "2026-04-16");
  b = redress_reminders_next_date (f->db, "2026-07-08", offsets, G_N_ELEMENTS (offsets), &error);
  g_assert_cmpstr (b, ==, "2026-07-15");
  c = redress_reminders_next_date (f->db, "2026-07-15", offsets, G_N_ELEMENTS (offsets), &error);
  g_assert_null (c);
}

typedef struct
{
  GDateTime *now;
  GPtrArray *seen;
} Clock;

static GDateTime *
test_clock (gpointer user_data)
{
  Clock *clock = user_data;

  return g_date_time_ref (clock->now);
}

static void
on_reminder (RedressReminderScheduler *scheduler,
             RedressReminder          *reminder,
             gpointer                  user_data)
{
  Clock *clock = user_data;

  g_ptr_array_add (clock->seen, redress_reminder_copy (reminder));
}

static void
test_scheduler (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Pacific/Auckland");
  Clock clock = { NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) redress_reminder_free) };
  RedressReminderScheduler *scheduler;

  populate (f);
  scheduler = redress_reminder_scheduler_new (f->db);
  redress_reminder_scheduler_set_clock (scheduler, test_clock, &clock, NULL);
  redress_reminder_scheduler_set_offsets (scheduler, offsets, G_N_ELEMENTS (offsets));
  g_signal_connect (scheduler, "reminder", G_CALLBACK (on_reminder), &clock);

  /* 23:30 the evening before the 7-day reminder: the 30-day one, missed
   * while Redress was closed, shows now; the timer wakes just after
   * midnight. */
  clock.now = g_date_time_new (tz, 2026, 7, 7, 23, 30, 0);
  g_assert_cmpuint (redress_reminder_scheduler_check (scheduler), ==, 1);
  g_assert_cmpint (((RedressReminder *) clock.seen->pdata[0])->offset_days, ==, 30);
  g_assert_cmpint (redress_reminder_scheduler_get_wakeup_seconds (scheduler), ==, 30 * 60 + 1);
  g_assert_cmpuint (redress_reminder_scheduler_check (scheduler), ==, 0);

  /* Midnight: the 7-day reminder; the next is a week away, so the timer
   * sleeps its longest, an hour. */
  g_date_time_unref (clock.now);
  clock.now = g_date_time_new (tz, 2026, 7, 8, 0, 0, 1);
  g_assert_cmpuint (redress_reminder_scheduler_check (scheduler), ==, 1);
  g_assert_cmpuint (clock.seen->len, ==, 2);
  g_assert_cmpint (((RedressReminder *) clock.seen->pdata[1])->offset_days, ==, 7);
  g_assert_cmpint (redress_reminder_scheduler_get_wakeup_seconds (scheduler), ==, 3600);
  g_assert_cmpuint (redress_reminder_scheduler_check (scheduler), ==, 0);
  g_assert_finalize_object (scheduler);

  /* A new session (restart) does not show it again. */
  reopen (f);
  scheduler = redress_reminder_scheduler_new (f->db);
  redress_reminder_scheduler_set_clock (scheduler, test_clock, &clock, NULL);
  redress_reminder_scheduler_set_offsets (scheduler, offsets, G_N_ELEMENTS (offsets));
  g_assert_cmpuint (redress_reminder_scheduler_check (scheduler), ==, 0);
  g_assert_finalize_object (scheduler);

  g_date_time_unref (clock.now);
  g_ptr_array_unref (clock.seen);
}

/* A docket opened read-only cannot record reminders, yet shows each one
 * only once in the session. */
static void
test_scheduler_read_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  Clock clock = { NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) redress_reminder_free) };
  RedressReminderScheduler *scheduler;

  populate (f);
  g_assert_finalize_object (f->db);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  scheduler = redress_reminder_scheduler_new (f->db);
  clock.now = g_date_time_new (tz, 2026, 7, 15, 9, 0, 0);
  redress_reminder_scheduler_set_clock (scheduler, test_clock, &clock, NULL);
  g_signal_connect (scheduler, "reminder", G_CALLBACK (on_reminder), &clock);
  g_assert_cmpuint (redress_reminder_scheduler_check (scheduler), ==, 1);
  g_assert_cmpuint (redress_reminder_scheduler_check (scheduler), ==, 0);
  g_assert_finalize_object (scheduler);

  g_date_time_unref (clock.now);
  g_ptr_array_unref (clock.seen);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add ("/reminders/once-per-offset", Fixture, NULL, fixture_setup, test_once_per_offset, fixture_teardown);
  g_test_add ("/reminders/text", Fixture, NULL, fixture_setup, test_reminder_text, fixture_teardown);
  g_test_add ("/reminders/extension-rearms", Fixture, NULL, fixture_setup, test_extension_rearms, fixture_teardown);
  g_test_add ("/reminders/short-period", Fixture, NULL, fixture_setup, test_short_period, fixture_teardown);
  g_test_add ("/reminders/closed-deadline-silent", Fixture, NULL, fixture_setup, test_closed_deadline_silent, fixture_teardown);
  g_test_add ("/reminders/next-date", Fixture, NULL, fixture_setup, test_next_date, fixture_teardown);
  g_test_add ("/reminders/scheduler", Fixture, NULL, fixture_setup, test_scheduler, fixture_teardown);
  g_test_add ("/reminders/scheduler-read-only", Fixture, NULL, fixture_setup, test_scheduler_read_only, fixture_teardown);

  return g_test_run ();
}
