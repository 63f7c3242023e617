/* bench-case-list.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a docket with N cases and measures the docket list: how long it
 * takes to open (count), to fetch items at random positions and in order,
 * and the resident memory before and after.
 *
 *   bench-case-list [N ...]     (default: 1000 100000 1000000)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "redress-case.h"
#include "redress-case-list.h"
#include "redress-sqlite-private.h"

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static void
fill (RedressDatabase *db,
      guint            n)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);

  g_assert (_redress_database_begin (db, NULL));
  stmt = _redress_database_prepare (db,
                                    "INSERT INTO case_file (id, kind, reference, title, state_code, stage,"
                                    " next_deadline, created_at, updated_at)"
                                    " VALUES (redress_uuid (), ?1, ?2, ?3, ?4, 'registered', ?5, ?6, ?6)",
                                    NULL);
  for (guint i = 0; i < n; i++)
    {
      guint r = (guint) g_rand_int (rand);
      g_autofree char *reference = g_strdup_printf ("R-%08u-%u", r % 100000000, i);
      g_autofree char *title = g_strdup_printf ("Case %u v. State %u", r % 99991, r % 193);
      g_autofree char *due = g_strdup_printf ("2026-%02u-%02u", 1 + r % 12, 1 + r % 28);
      g_autofree char *now = g_strdup_printf ("2025-%02u-%02uT12:00:00.%03uZ", 1 + r % 12, 1 + r % 28,
                                              i % 1000);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, (r % 3) ? "communication" : "inquiry", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, (r % 2) ? "KEN" : "FRA", -1, SQLITE_STATIC);
      /* The derived column is written directly here to fill fast; in the
       * app, triggers on deadline maintain it. */
      if (r % 3 == 0)
        sqlite3_bind_text (stmt, 5, due, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
      g_assert (sqlite3_step (stmt) == SQLITE_DONE);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert (_redress_database_commit (db, NULL));
}

static void
wait_loaded (RedressCaseList *list)
{
  while (redress_case_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
run (guint n)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docket.redress", NULL);
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  static const RedressCaseSort sorts[] = {
    REDRESS_CASE_SORT_REFERENCE, REDRESS_CASE_SORT_TITLE, REDRESS_CASE_SORT_NEXT_DEADLINE,
    REDRESS_CASE_SORT_UPDATED,
  };
  static const char * const sort_names[] = { "reference", "title", "next-deadline", "updated" };
  gint64 t0;
  long rss_before, rss_after;

  db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  fill (db, n);
  printf ("%u cases: filled in %.1f s\n", n, (g_get_monotonic_time () - t0) / 1e6);
  /* What the app does when it closes the docket: planner statistics. */
  _redress_database_exec (db, "ANALYZE", NULL);

  rss_before = rss_kb ();
  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    {
      g_autoptr(RedressCaseList) list = NULL;
      gint64 t_open, t_first, t_random, t_scroll;
      guint n_items;

      t0 = g_get_monotonic_time ();
      list = g_object_new (REDRESS_TYPE_CASE_LIST, "database", db, NULL);
      redress_case_list_set_sort_key (list, sorts[s]);
      wait_loaded (list);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      t_open = g_get_monotonic_time () - t0;
      g_assert (n_items == n);

      t0 = g_get_monotonic_time ();
      g_clear_object (&(GObject *){ g_list_model_get_item (G_LIST_MODEL (list), 0) });
      t_first = g_get_monotonic_time () - t0;

      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < 100; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list),
                                                           (guint) g_rand_int_range (rand, 0, (gint32) n));
          g_assert (item != NULL);
        }
      t_random = g_get_monotonic_time () - t0;

      /* Scrolling: 2,000 rows in order from the middle. */
      t0 = g_get_monotonic_time ();
      for (guint i = n / 2; i < n / 2 + 2000 && i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);
          g_assert (item != NULL);
        }
      t_scroll = g_get_monotonic_time () - t0;

      printf ("  sort %-13s open %7.1f ms  first item %6.2f ms  random get_item mean %6.2f ms"
              "  scroll 2000 rows %7.1f ms\n",
              sort_names[s], t_open / 1e3, t_first / 1e3, t_random / 1e3 / 100, t_scroll / 1e3);
    }
  rss_after = rss_kb ();
  printf ("  RSS after filling %ld kB, after the list runs %ld kB\n", rss_before, rss_after);

  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_autofree char *evidence = g_build_filename (dir, "evidence", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (evidence);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc < 2)
    {
      run (1000);
      run (100000);
      run (1000000);
    }
  for (int i = 1; i < argc; i++)
    run ((guint) g_ascii_strtoull (argv[i], NULL, 10));
  return 0;
}
