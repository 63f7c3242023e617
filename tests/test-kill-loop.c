/* test-kill-loop.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kills a process writing to a docket at random moments, hundreds of times,
 * and checks after each kill that the docket is whole and holds every case
 * whose commit the writer acknowledged (tests/kill-writer.c).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-util.h"

#define ITERATIONS 200
#define ENCRYPTED_ITERATIONS 15
#define MIN_DELAY_MS 5
#define MAX_DELAY_MS 300

/* Reads what the killed writer printed; a line without its newline was cut
 * short and is no promise. */
static void
read_acknowledged (int         fd,
                   GHashTable *acknowledged,
                   guint      *new_ids)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char buf[4096];
  ssize_t n;
  char **lines;
  guint n_lines;

  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (out, buf, n);
    }

  lines = g_strsplit (out->str, "\n", -1);
  n_lines = g_strv_length (lines);
  /* The last piece follows the last newline: empty, or a partial line. */
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      if (g_str_equal (lines[i], "open"))
        continue;
      g_assert_true (redress_is_uuid (lines[i]));
      g_hash_table_add (acknowledged, g_strdup (lines[i]));
      (*new_ids)++;
    }
  g_strfreev (lines);
}

typedef struct
{
  guint integrity_failures;
  guint lost;
  guint acknowledged;
  guint present;
} Outcome;

static void
check_docket (const char *path,
              const char *passphrase,
              GHashTable *acknowledged,
              Outcome    *outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  db = redress_database_open (path, passphrase, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (redress_database_get_read_only (db))
    {
      g_test_message ("Docket damaged after a kill: %s", redress_database_get_read_only_reason (db));
      outcome->integrity_failures++;
    }

  stmt = _redress_database_prepare (db, "PRAGMA quick_check", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (g_strcmp0 (_redress_column_text (stmt, 0), "ok") != 0)
    {
      g_test_message ("quick_check: %s", _redress_column_text (stmt, 0));
      outcome->integrity_failures++;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _redress_database_prepare (db, "SELECT id FROM case_file", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (present, g_strdup (_redress_column_text (stmt, 0)));

  g_hash_table_iter_init (&iter, acknowledged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      {
        g_test_message ("Acknowledged case %s is missing", (const char *) key);
        outcome->lost++;
      }
  outcome->acknowledged = g_hash_table_size (acknowledged);
  outcome->present = g_hash_table_size (present);
}

static void
test_kill_loop (gconstpointer data)
{
  const char *passphrase = data;
  guint iterations = passphrase != NULL ? ENCRYPTED_ITERATIONS : ITERATIONS;
  g_autofree char *dir = g_dir_make_tmp ("redress-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docket.redress", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "kill-writer", NULL);
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr(GError) error = NULL;
  RedressDatabase *db;
  Outcome outcome = { 0 };
  guint killed_writing = 0;

  g_assert_true (g_file_test (helper, G_FILE_TEST_IS_EXECUTABLE));

  db = redress_database_open (path, passphrase, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  for (guint i = 0; i < iterations; i++)
    {
      const char *argv[] = { helper, path, passphrase, NULL };
      GPid pid;
      int out_fd;
      int status;
      guint delay_ms = g_test_rand_int_range (MIN_DELAY_MS, MAX_DELAY_MS + 1);
      guint new_ids = 0;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Opening (deriving an encrypted docket's key, the quick_check) can
       * take longer than most delays on a loaded machine: start the clock
       * when the writer has the docket open, so the kill lands in writes. */
        {
          char open_line[5];
          gsize got = 0;

          while (got < sizeof open_line)
            {
              ssize_t n = read (out_fd, open_line + got, sizeof open_line - got);

              if (n < 0 && errno == EINTR)
                continue;
              g_assert_cmpint (n, >, 0);
              got += n;
            }
          g_assert_cmpmem (open_line, 5, "open\n", 5);
        }

      g_usleep (delay_ms * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* Killed, not finished on its own (which would mean it failed). */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      read_acknowledged (out_fd, acknowledged, &new_ids);
      close (out_fd);
      if (new_ids > 0)
        killed_writing++;

      check_docket (path, passphrase, acknowledged, &outcome);
    }

  g_test_message ("%u kills (%u after at least one commit), %u commits acknowledged, %u cases "
                  "in the docket: %u integrity failures, %u acknowledged commits lost",
                  iterations, killed_writing, outcome.acknowledged, outcome.present,
                  outcome.integrity_failures, outcome.lost);
  g_assert_cmpuint (outcome.integrity_failures, ==, 0);
  g_assert_cmpuint (outcome.lost, ==, 0);
  /* The loop must have really interrupted writes, or it proves nothing. */
  g_assert_cmpuint (killed_writing, >, iterations / 2);
  g_assert_cmpuint (outcome.acknowledged, >, 0);

  {
    g_autoptr(GFile) file = g_file_new_for_path (dir);
    g_autoptr(GFileEnumerator) e = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                              0, NULL, NULL);
    GFileInfo *info;

    while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, g_file_info_get_name (info), NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          g_rmdir (child);
        else
          g_unlink (child);
        g_object_unref (info);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/kill-loop/plain", NULL, test_kill_loop);
  g_test_add_data_func ("/kill-loop/encrypted", "kill loop passphrase", test_kill_loop);

  return g_test_run ();
}
