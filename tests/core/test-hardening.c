/* test-hardening.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Defects found by hand under bad input and odd media, each kept fixed:
 * init on another program's SQLite file, a docket on read-only media, a
 * States file with an unknown code or fewer States, NUL, byte-order marks
 * and huge values in an imported case, and the mode of what we create.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress-case.h"
#include "redress-database.h"
#include "redress-sqlite-private.h"
#include "redress-demo.h"
#include "redress-exchange.h"
#include "redress-record.h"
#include "redress-reference.h"
#include "redress-test-util.h"

typedef RedressTestDocket Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  redress_test_docket_init_unopened (f, "hardening");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  redress_test_docket_clear (f);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static int
run_cli (const char  *docket,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list ap;

  g_ptr_array_add (argv, (char *) g_getenv ("REDRESS_CLI"));
  g_ptr_array_add (argv, (char *) "--docket");
  g_ptr_array_add (argv, (char *) docket);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  return status;
}

/* `init` on another program's SQLite file: refused, the file unchanged. */
static void
test_init_refuses_foreign (Fixture       *f,
                           gconstpointer  data)
{
  sqlite3 *other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  int status;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE song (title TEXT); INSERT INTO song VALUES ('x');"
                                        "PRAGMA user_version = 9", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  before = file_sha256 (f->path);

  status = run_cli (f->path, &err, "init", NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "not a Redress docket"));
  after = file_sha256 (f->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_A_DOCKET);
  g_assert_null (db);
  g_clear_pointer (&after, g_free);
  after = file_sha256 (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* A docket closed cleanly (no -wal, no -shm) on read-only media opens
 * read-only, says why, and shows its cases. */
static void
test_read_only_media (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "RO-1");
  g_autofree char *ro = g_build_filename (f->dir, "media", NULL);
  g_autofree char *src = g_build_filename (f->dir, "src", NULL);
  g_autofree char *path = g_build_filename (src, "docket.redress", NULL);
  g_autofree char *ro_path = g_build_filename (ro, "docket.redress", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean mounted = FALSE;

  g_assert_cmpint (g_mkdir (src, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
  db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), db, &error));
  g_assert_no_error (error);
  redress_database_close (db);
  g_clear_object (&db);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));

  if (geteuid () == 0)
    {
      /* root may write anything: only a read-only mount says no. */
      if (mount (src, ro, "none", MS_BIND, NULL) != 0 ||
          mount (src, ro, "none", MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
        {
          umount (ro);
          g_test_skip ("cannot make a read-only mount here");
          return;
        }
      mounted = TRUE;
    }
  else
    {
      g_clear_pointer (&ro_path, g_free);
      ro_path = g_strdup (path);
      g_assert_cmpint (g_chmod (path, 0400), ==, 0);
      g_assert_cmpint (g_chmod (src, 0500), ==, 0);
    }

  db = redress_database_open (ro_path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (redress_database_get_read_only (db));
  g_assert_nonnull (strstr (redress_database_get_read_only_reason (db), "read-only media"));
  stmt = _redress_database_prepare (db, "SELECT count(*) FROM case_file", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* Nothing can be written, with a message that says why. */
  g_clear_object (&kase);
  kase = redress_case_new ("communication", "RO-2");
  g_assert_false (redress_record_save (REDRESS_RECORD (kase), db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);
  redress_database_close (db);
  g_clear_object (&db);

  if (mounted)
    g_assert_cmpint (umount (ro), ==, 0);
  else
    g_chmod (src, 0700);
}

static RedressDatabase *
demo_docket (Fixture *f,
             guint    n_cases)
{
  g_autoptr(GError) error = NULL;
  RedressDatabase *db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  if (n_cases > 0)
    {
      redress_demo_generate (db, 3, n_cases, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return db;
}

static guint
count_rows (RedressDatabase *db,
            const char      *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint) sqlite3_column_int (stmt, 0);
}

/* An unknown code, or a file that would drop States, changes nothing. */
static void
test_import_states_validates (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RedressDatabase) db = demo_docket (f, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = g_resources_lookup_data ("/io/github/redress/Redress/model/data/states.csv", 0, &error);
  g_autoptr(GString) csv = NULL;
  g_autoptr(GString) bom = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) ten = g_string_new (NULL);
  g_autoptr(RedressReference) ref = NULL;
  guint n_states;

  g_assert_no_error (error);
  csv = g_string_new_len (g_bytes_get_data (bundled, NULL), (gssize) g_bytes_get_size (bundled));
  lines = g_strsplit (csv->str, "\n", -1);
  ref = redress_reference_load (db, &error);
  n_states = redress_reference_get_n_states (ref);
  g_assert_cmpuint (n_states, >, 150);

  /* ZZ is no State. */
  {
    g_autoptr(GString) zz = g_string_new (csv->str);

    g_string_append (zz, zz->str[zz->len - 1] == '\n' ? "" : "\n");
    g_string_append_printf (zz, "ZZ%s\n", strchr (lines[1], ','));
    g_assert_false (redress_reference_import_states (db, zz->str, -1, "zz.csv", "2026-10-01", &error));
    g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“ZZ”"));
    g_clear_error (&error);
  }

  /* Ten rows would drop the other States: refused without --replace-all. */
  for (guint i = 0; i <= 10 && lines[i] != NULL; i++)
    g_string_append_printf (ten, "%s\n", lines[i]);
  g_assert_false (redress_reference_import_states (db, ten->str, -1, "ten.csv", "2026-10-01", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--replace-all"));
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM ref_data_import"), ==, 0);
  g_clear_object (&ref);
  ref = redress_reference_load (db, &error);
  g_assert_cmpuint (redress_reference_get_n_states (ref), ==, n_states);

  /* A NUL is refused with where it is; a byte-order mark is no problem. */
  {
    g_autoptr(GString) nul = g_string_new_len (csv->str, (gssize) csv->len);

    nul->str[40] = '\0';
    g_assert_false (redress_reference_import_states (db, nul->str, (gssize) nul->len, "nul.csv", "2026-10-01",
                                                     &error));
    g_assert_nonnull (strstr (error->message, "NUL byte at byte 41"));
    g_clear_error (&error);
  }
  bom = g_string_new ("\xef\xbb\xbf");
  g_string_append_len (bom, csv->str, (gssize) csv->len);
  g_assert_true (redress_reference_import_states (db, bom->str, (gssize) bom->len, "bom.csv", "2026-10-01",
                                                  &error));
  g_assert_no_error (error);

  /* Asked for, the ten rows replace the list. */
  g_assert_true (redress_reference_import_states_full (db, ten->str, -1, "ten.csv", "2026-10-02",
                                                       REDRESS_REFERENCE_IMPORT_REPLACE_ALL, &error));
  g_assert_no_error (error);
  g_clear_object (&ref);
  ref = redress_reference_load (db, &error);
  g_assert_cmpuint (redress_reference_get_n_states (ref), ==, 10);
}

static char *
first_case_json (RedressDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, "SELECT id FROM case_file ORDER BY id LIMIT 1",
                                                            &error);
  char *json;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  json = redress_exchange_export_case (db, (const char *) sqlite3_column_text (stmt, 0), &error);
  g_assert_no_error (error);
  return json;
}

/* NUL, a byte-order mark and huge values in an imported case. */
static void
test_import_json_bad_text (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RedressDatabase) db = demo_docket (f, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = first_case_json (db);
  g_autofree char *id = NULL;
  const char *title_key = "\"title\": \"";
  char *title = strstr (json, title_key);
  guint before = count_rows (db, "SELECT count(*) FROM case_file");

  g_assert_nonnull (title);

  /* \u0000 in a field: named, not silently emptied. */
  {
    g_autoptr(GString) s = g_string_new (json);

    g_string_insert (s, (title - json) + strlen (title_key), "A\\u0000B");
    id = redress_exchange_import (db, s->str, -1, REDRESS_EXCHANGE_IMPORT_REPLACE, &error);
    g_assert_null (id);
    g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "case.title: contains a NUL character"));
    g_clear_error (&error);
  }

  /* A raw NUL byte: where it is. */
  {
    g_autoptr(GString) s = g_string_new (json);

    s->str[10] = '\0';
    id = redress_exchange_import (db, s->str, (gssize) s->len, REDRESS_EXCHANGE_IMPORT_REPLACE, &error);
    g_assert_null (id);
    g_assert_nonnull (strstr (error->message, "NUL byte at byte 11"));
    g_clear_error (&error);
  }

  /* A byte-order mark: imported as without it. */
  {
    g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", json, NULL);

    id = redress_exchange_import (db, with_bom, -1, REDRESS_EXCHANGE_IMPORT_REPLACE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (id);
    g_clear_pointer (&id, g_free);
  }

  /* A 2 MB field is refused by name, a 20 MB file at once. */
  {
    g_autoptr(GString) s = g_string_new (json);
    g_autofree char *big = g_malloc (2 * 1024 * 1024 + 1);
    gint64 start;

    memset (big, 'x', 2 * 1024 * 1024);
    big[2 * 1024 * 1024] = '\0';
    g_string_insert (s, (title - json) + strlen (title_key), big);
    id = redress_exchange_import (db, s->str, -1, REDRESS_EXCHANGE_IMPORT_REPLACE, &error);
    g_assert_null (id);
    g_assert_nonnull (strstr (error->message, "case.title: is too long"));
    g_clear_error (&error);

    while (s->len < 20 * 1024 * 1024)
      g_string_insert (s, (title - json) + strlen (title_key), big);
    start = g_get_monotonic_time ();
    id = redress_exchange_import (db, s->str, (gssize) s->len, REDRESS_EXCHANGE_IMPORT_REPLACE, &error);
    g_assert_null (id);
    g_assert_nonnull (strstr (error->message, "too large"));
    g_test_message ("a 20 MB file refused in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
    g_clear_error (&error);
  }
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM case_file"), ==, before);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* What we create holds a child's data: readable by its owner only. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "M-1");
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autofree char *json = g_build_filename (f->dir, "case.json", NULL);
  g_autofree char *err = NULL;
  mode_t old = umask (022);

  db = demo_docket (f, 0);
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), db, &error));
  g_assert_no_error (error);
  g_assert_cmphex (mode_of (f->path), ==, 0600);
  g_assert_cmphex (mode_of (wal), ==, 0600);
  g_assert_cmphex (mode_of (shm), ==, 0600);
  g_assert_cmphex (mode_of (evidence), ==, 0700);
  g_assert_true (redress_exchange_export_to_file (db, redress_record_get_id (REDRESS_RECORD (kase)), json, &error));
  g_assert_no_error (error);
  g_assert_cmphex (mode_of (json), ==, 0600);
  redress_database_close (db);
  g_clear_object (&db);

  for (guint i = 0; i < 3; i++)
    {
      const char *ext[] = { "pdf", "odt", "docx" };
      g_autofree char *out = g_strdup_printf ("%s/letter.%s", f->dir, ext[i]);
      int status = run_cli (f->path, &err, "compose", "M-1", "--template", "cover-letter", "--output", out, NULL);

      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_cmphex (mode_of (out), ==, 0600);
      g_clear_pointer (&err, g_free);
    }
  umask (old);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add ("/hardening/init-refuses-foreign", Fixture, NULL, fixture_set_up, test_init_refuses_foreign, fixture_tear_down);
  g_test_add ("/hardening/read-only-media", Fixture, NULL, fixture_set_up, test_read_only_media, fixture_tear_down);
  g_test_add ("/hardening/import-states-validates", Fixture, NULL, fixture_set_up, test_import_states_validates, fixture_tear_down);
  g_test_add ("/hardening/import-json-bad-text", Fixture, NULL, fixture_set_up, test_import_json_bad_text, fixture_tear_down);
  g_test_add ("/hardening/modes", Fixture, NULL, fixture_set_up, test_modes, fixture_tear_down);

  return g_test_run ();
}
