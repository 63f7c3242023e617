/* test-kill-loop.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kills a process writing to a docket at random moments, hundreds of times,
 * and checks after each kill that the docket is whole and holds every case
 * whose commit the writer acknowledged (tests/support/kill-writer.c).
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "redress-database.h"
#include "redress-sqlite-private.h"
#include "redress-util.h"
#include "redress-test-util.h"

#define ITERATIONS 1000
#define ENCRYPTED_ITERATIONS 15
#define MAX_DELAY_MS 40

/* Takes the writer's complete lines: "open", then one case id a commit. */
static void
take_acknowledged (GPtrArray  *lines,
                   GHashTable *acknowledged,
                   guint      *new_ids)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line, "open"))
        continue;
      g_assert_true (redress_is_uuid (line));
      g_hash_table_add (acknowledged, g_strdup (line));
      (*new_ids)++;
    }
  g_ptr_array_set_size (lines, 0);
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
  const char *wanted_env = g_getenv ("REDRESS_KILL_ITERATIONS");
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
  guint waited_for_commit = 0;

  g_assert_true (g_file_test (helper, G_FILE_TEST_IS_EXECUTABLE));
  /* make check-kill KILLS=N: a longer, nightly-style run. */
  if (wanted_env != NULL && passphrase == NULL)
    iterations = (guint) CLAMP (g_ascii_strtoull (wanted_env, NULL, 10), 1, 1000000);

  db = redress_database_open (path, passphrase, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  for (guint i = 0; i < iterations; i++)
    {
      const char *argv[] = { helper, path, passphrase, NULL };
      GPid pid;
      int out_fd;
      int status;
      guint delay_ms = g_test_rand_int_range (0, MAX_DELAY_MS + 1);
      guint wanted = g_test_rand_int_range (0, 8) == 0 ? 0 : g_test_rand_int_range (1, 4);
      guint new_ids = 0;
      g_autoptr(GString) pending = g_string_new (NULL);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Opening (deriving an encrypted docket's key, the quick_check) can
       * take longer than any fixed delay on a loaded machine, and so can a
       * commit: the kill waits for the writer's own word instead.  Most
       * kills come after 1 to 3 acknowledged commits (so they land among
       * writes whatever the load), a few right after "open", each after a
       * further random delay of up to MAX_DELAY_MS. */
      g_assert_cmpuint (redress_test_read_lines (out_fd, 1, pending, lines), ==, 1);
      g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "open");
      if (wanted > 0)
        {
          g_assert_cmpuint (redress_test_read_lines (out_fd, wanted, pending, lines), ==, wanted);
          waited_for_commit++;
        }

      g_usleep (delay_ms * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* Killed, not finished on its own (which would mean it failed). */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      /* The rest of what it printed; a line without its newline was cut
       * short and is no promise. */
      redress_test_read_lines (out_fd, G_MAXUINT, pending, lines);
      close (out_fd);
      take_acknowledged (lines, acknowledged, &new_ids);
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
  /* The loop must have really interrupted writes, or it proves nothing:
   * every kill that waited for a commit came while the writer was writing. */
  g_assert_cmpuint (waited_for_commit, >, 0);
  g_assert_cmpuint (killed_writing, >=, waited_for_commit);
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

/* The schema of a docket, as text: what a finished migration must give. */
static char *
schema_of (RedressDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, "SELECT type || ' ' || name || ' ' || "
                                                            "coalesce (sql, '') FROM sqlite_schema "
                                                            "ORDER BY type, name", &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", _redress_column_text (stmt, 0));
  return g_string_free (out, FALSE);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents_full (to, contents, (gssize) len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

/* Kills a migration (schema OLD_VERSION to the latest) at random moments:
 * the docket is then whole, at the old version, the latest or one between
 * (each version is one transaction), never a mix, and opening it again
 * ends with the schema of an uninterrupted migration (QUALITY.md R21). */
#define OLD_VERSION 3
#define MIGRATION_ITERATIONS 60

static void
test_kill_migration (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-kill-migrate-XXXXXX", NULL);
  g_autofree char *template = g_build_filename (dir, "old.redress", NULL);
  g_autofree char *path = g_build_filename (dir, "docket.redress", NULL);
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "kill-writer", NULL);
  g_autofree char *fresh_schema = NULL;
  g_autoptr(GError) error = NULL;
  RedressDatabase *db;
  guint at_old = 0, at_mid = 0, at_new = 0, completed = 0, failures = 0;
  gint64 window_ms;
  int latest = redress_database_get_latest_schema_version ();

  db = _redress_database_open_full (template, NULL, REDRESS_DATABASE_OPEN_CREATE, OLD_VERSION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_schema_version (db), ==, OLD_VERSION);
  redress_database_close (db);
  g_object_unref (db);
  /* One uncontrolled migration sets the range the kills are spread over. */
  {
    gint64 start = g_get_monotonic_time ();

    copy_file (template, path);
    db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    /* (A migrated docket's SQL text differs from a new one's: ALTER TABLE.) */
    fresh_schema = schema_of (db);
    g_object_unref (db);
    window_ms = MAX (5, (g_get_monotonic_time () - start) / 1000);
  }

  for (guint i = 0; i < MIGRATION_ITERATIONS; i++)
    {
      const char *argv[] = { helper, "--migrate", path, NULL };
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autoptr(GString) pending = g_string_new (NULL);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      GPid pid;
      int out_fd;
      int status;

      g_unlink (wal);
      g_unlink (shm);
      copy_file (template, path);
      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (redress_test_read_lines (out_fd, 1, pending, lines), ==, 1);
      g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "start");
      g_usleep (g_test_rand_int_range (0, (gint32) window_ms + 1) * 1000);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      redress_test_read_lines (out_fd, G_MAXUINT, pending, lines);
      close (out_fd);
      if (lines->len > 1)
        {
          /* It had finished: kill sooner next time, whatever the load. */
          completed++;
          window_ms = MAX (1, window_ms * 3 / 4);
        }

      /* Read-only: the check must not finish the migration itself. */
      db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      {
        g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, "PRAGMA quick_check", &error);
        int version = redress_database_get_schema_version (db);

        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        if (g_strcmp0 (_redress_column_text (stmt, 0), "ok") != 0)
          failures++;
        if (version == OLD_VERSION)
          at_old++;
        else if (version == latest)
          at_new++;
        else if (version > OLD_VERSION && version < latest)
          at_mid++;   /* each version is its own transaction: a whole schema */
        else
          {
            g_test_message ("kill %u: left at schema %d", i, version);
            failures++;
          }
      }
      g_object_unref (db);

      /* Opened again, it ends with exactly the schema of an uninterrupted
       * migration. */
      db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      {
        g_autofree char *schema = schema_of (db);

        if (redress_database_get_read_only (db) || g_strcmp0 (schema, fresh_schema) != 0)
          {
            g_test_message ("kill %u: the resumed migration gives another schema", i);
            failures++;
          }
      }
      g_object_unref (db);
    }
  g_test_message ("%u kills during migration from schema %d: %u left at %d, %u between, %u at %d "
                  "(%u had finished), %u broken", MIGRATION_ITERATIONS, OLD_VERSION, at_old, OLD_VERSION,
                  at_mid, at_new, latest, completed, failures);
  g_assert_cmpuint (failures, ==, 0);
  redress_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add_data_func ("/kill-loop/plain", NULL, test_kill_loop);
  g_test_add_data_func ("/kill-loop/encrypted", "kill loop passphrase", test_kill_loop);
  g_test_add_func ("/kill-loop/migration", test_kill_migration);

  return g_test_run ();
}
