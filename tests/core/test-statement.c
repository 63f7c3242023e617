/* test-statement.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The storage seam (redress-statement.h): the statement cache, binding and
 * columns, and the mapping of failures to REDRESS_DATABASE_ERROR codes.
 */

#include "config.h"

#include "redress-test-util.h"

#include <string.h>

#include "redress-database-private.h"

typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("redress-test-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (_redress_database_exec (f->db,
                                         "CREATE TABLE t (id INTEGER PRIMARY KEY, "
                                         " name TEXT NOT NULL UNIQUE, n INTEGER CHECK (n >= 0), "
                                         " parent INTEGER REFERENCES t (id), x REAL, b BLOB);"
                                         "CREATE TRIGGER t_no_frozen BEFORE UPDATE ON t "
                                         " WHEN old.name = 'frozen' "
                                         " BEGIN SELECT RAISE (ABORT, 'frozen rows stay'); END;",
                                         &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  redress_database_close (f->db);
  g_assert_finalize_object (f->db);
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
insert (RedressDatabase *db,
        const char      *name,
        gint64           n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db, "INSERT INTO t (name, n) VALUES (?, ?)",
                                                               &error);

  g_assert_no_error (error);
  redress_statement_bind_text (stmt, 1, name);
  redress_statement_bind_int64 (stmt, 2, n);
  g_assert_true (redress_statement_step_done (stmt, "insert", &error));
  g_assert_no_error (error);
}

/* Runs @sql, which must fail, and checks the error it gives. */
static void
assert_fails (RedressDatabase   *db,
              const char        *sql,
              int                code,
              RedressConstraint  constraint)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (redress_statement_step (stmt), ==, REDRESS_STEP_ERROR);
  g_assert_cmpint (redress_statement_get_constraint (stmt), ==, constraint);
  /* A reset keeps the failure until the next step. */
  redress_statement_reset (stmt);
  redress_statement_set_error (stmt, &error, "Could not save");
  g_assert_error (error, REDRESS_DATABASE_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "Could not save: "));
  g_assert_cmpstr (redress_statement_get_error_message (stmt), !=, "");
}

static void
test_constraint (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_redress_database_exec (f->db, "PRAGMA foreign_keys = ON", &error));
  insert (f->db, "one", 1);
  insert (f->db, "frozen", 2);

  assert_fails (f->db, "INSERT INTO t (name) VALUES ('one')",
                REDRESS_DATABASE_ERROR_CONFLICT, REDRESS_CONSTRAINT_UNIQUE);
  assert_fails (f->db, "INSERT INTO t (id, name) VALUES (1, 'two')",
                REDRESS_DATABASE_ERROR_CONFLICT, REDRESS_CONSTRAINT_UNIQUE);
  assert_fails (f->db, "INSERT INTO t (name) VALUES (NULL)",
                REDRESS_DATABASE_ERROR_CONFLICT, REDRESS_CONSTRAINT_NOT_NULL);
  assert_fails (f->db, "INSERT INTO t (name, n) VALUES ('three', -1)",
                REDRESS_DATABASE_ERROR_CONFLICT, REDRESS_CONSTRAINT_CHECK);
  assert_fails (f->db, "INSERT INTO t (name, parent) VALUES ('four', 999)",
                REDRESS_DATABASE_ERROR_CONFLICT, REDRESS_CONSTRAINT_FOREIGN_KEY);
  assert_fails (f->db, "UPDATE t SET n = 3 WHERE name = 'frozen'",
                REDRESS_DATABASE_ERROR_CONFLICT, REDRESS_CONSTRAINT_TRIGGER);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) other = NULL;

  other = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* The second connection does not wait for the first one's lock. */
  g_assert_true (_redress_database_exec (other, "PRAGMA busy_timeout = 0", &error));
  g_assert_no_error (error);

  g_assert_true (_redress_database_begin (f->db, &error));
  insert (f->db, "held", 1);
  assert_fails (other, "INSERT INTO t (name) VALUES ('waiting')",
                REDRESS_DATABASE_ERROR_BUSY, REDRESS_CONSTRAINT_NONE);
  g_assert_true (_redress_database_commit (f->db, &error));
  g_assert_no_error (error);

  /* Once the lock is gone, the same statement from the cache runs. */
  insert (other, "waiting", 2);
  redress_database_close (other);
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) reader = NULL;
  g_autoptr(RedressStatement) stmt = NULL;

  insert (f->db, "one", 1);
  reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  assert_fails (reader, "DELETE FROM t", REDRESS_DATABASE_ERROR_READ_ONLY, REDRESS_CONSTRAINT_NONE);

  stmt = redress_database_prepare (reader, "SELECT count(*) FROM t", &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_statement_step (stmt), ==, REDRESS_STEP_ROW);
  g_assert_cmpint (redress_statement_column_int64 (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, redress_statement_release);
  redress_database_close (reader);
  g_assert_finalize_object (g_steal_pointer (&reader));
}

static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  const char *sql = "SELECT name, n FROM t WHERE n >= ? ORDER BY n";
  g_autoptr(GError) error = NULL;
  RedressConnection *conn = redress_database_get_connection (f->db);
  RedressStatement *first;
  RedressStatement *again;
  RedressStatement *nested;
  guint64 executed;

  insert (f->db, "one", 1);
  insert (f->db, "two", 2);

  first = redress_database_prepare (f->db, sql, &error);
  g_assert_no_error (error);
  redress_statement_bind_int64 (first, 1, 2);
  executed = redress_connection_get_n_executed (conn);
  g_assert_cmpint (redress_statement_step (first), ==, REDRESS_STEP_ROW);
  g_assert_cmpstr (redress_statement_column_text (first, 0), ==, "two");
  g_assert_cmpuint (redress_connection_get_n_executed (conn), ==, executed + 1);

  /* Still in use: the same text gets a copy of its own. */
  nested = redress_database_prepare (f->db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (nested != first);
  redress_statement_release (nested);

  /* Given back in the middle of its rows, it comes back reset and unbound:
   * the NULL parameter matches no row. */
  redress_statement_release (first);
  again = redress_database_prepare (f->db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == first || again == nested);
  g_assert_cmpint (redress_statement_step (again), ==, REDRESS_STEP_DONE);
  redress_statement_reset (again);
  redress_statement_bind_int64 (again, 1, 0);
  g_assert_cmpint (redress_statement_step (again), ==, REDRESS_STEP_ROW);
  g_assert_cmpstr (redress_statement_column_text (again, 0), ==, "one");
  g_assert_cmpint (redress_statement_step (again), ==, REDRESS_STEP_ROW);
  g_assert_cmpint (redress_statement_column_int (again, 1), ==, 2);
  g_assert_cmpint (redress_statement_step (again), ==, REDRESS_STEP_DONE);
  redress_statement_release (again);

  /* Many texts built at run time do not grow the cache without end, and a
   * statement held meanwhile survives. */
  first = redress_database_prepare (f->db, sql, &error);
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *text = g_strdup_printf ("SELECT %u", i);
      g_autoptr(RedressStatement) stmt = redress_database_prepare (f->db, text, &error);

      g_assert_no_error (error);
      g_assert_cmpint (redress_statement_step (stmt), ==, REDRESS_STEP_ROW);
      g_assert_cmpint (redress_statement_column_int (stmt, 0), ==, i);
    }
  redress_statement_bind_int64 (first, 1, 1);
  g_assert_cmpint (redress_statement_step (first), ==, REDRESS_STEP_ROW);
  redress_statement_release (first);
}

static void
test_values (Fixture       *f,
             gconstpointer  data)
{
  static const guint8 blob[] = { 0, 1, 2, 0xff };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressStatement) ins = NULL;
  g_autoptr(RedressStatement) sel = NULL;

  ins = redress_database_prepare (f->db, "INSERT INTO t (name, n, x, b) VALUES (:name, ?2, ?3, ?4)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_statement_parameter_index (ins, ":name"), ==, 1);
  redress_statement_bind_text_len (ins, 1, "abcdef", 3);
  redress_statement_bind_null (ins, 2);
  redress_statement_bind_double (ins, 3, 2.5);
  redress_statement_bind_blob (ins, 4, blob, sizeof blob);
  g_assert_true (redress_statement_step_done (ins, "insert", &error));
  g_assert_cmpint (redress_statement_changes (ins), ==, 1);
  g_assert_cmpint (redress_statement_last_insert_rowid (ins), ==, 1);

  sel = redress_database_prepare (f->db, "SELECT name, n, x, b, id FROM t", &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_statement_step (sel), ==, REDRESS_STEP_ROW);
  g_assert_cmpint (redress_statement_column_count (sel), ==, 5);
  g_assert_cmpint (redress_statement_column_type (sel, 0), ==, REDRESS_COLUMN_TEXT);
  g_assert_cmpstr (redress_statement_column_text (sel, 0), ==, "abc");
  g_assert_cmpint (redress_statement_column_type (sel, 1), ==, REDRESS_COLUMN_NULL);
  g_assert_null (redress_statement_column_text (sel, 1));
  g_assert_cmpint (redress_statement_column_type (sel, 2), ==, REDRESS_COLUMN_REAL);
  g_assert_cmpfloat (redress_statement_column_double (sel, 2), ==, 2.5);
  g_assert_cmpint (redress_statement_column_type (sel, 3), ==, REDRESS_COLUMN_BLOB);
  g_assert_cmpmem (redress_statement_column_blob (sel, 3), redress_statement_column_bytes (sel, 3),
                   blob, sizeof blob);
  g_assert_cmpint (redress_statement_column_type (sel, 4), ==, REDRESS_COLUMN_INTEGER);
  g_assert_cmpint (redress_statement_step (sel), ==, REDRESS_STEP_DONE);

  /* An UPDATE that matches nothing changes no row. */
  g_clear_pointer (&ins, redress_statement_release);
  ins = redress_database_prepare (f->db, "UPDATE t SET n = 1 WHERE id = 42", &error);
  g_assert_true (redress_statement_step_done (ins, "update", &error));
  g_assert_cmpint (redress_statement_changes (ins), ==, 0);
}

static void
test_reader (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressConnection) reader = NULL;
  g_autoptr(RedressStatement) stmt = NULL;

  insert (f->db, "one", 1);
  reader = redress_database_open_reader (f->db, &error);
  g_assert_no_error (error);
  stmt = redress_connection_prepare (reader, "SELECT name FROM t", &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_statement_step (stmt), ==, REDRESS_STEP_ROW);
  g_assert_cmpstr (redress_statement_column_text (stmt, 0), ==, "one");
  g_assert_cmpuint (redress_connection_get_n_executed (reader), ==, 1);

  /* Closing the connection first leaves the statement to be released. */
  redress_connection_close (g_steal_pointer (&reader));
  g_clear_pointer (&stmt, redress_statement_release);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/statement/error/constraint", Fixture, NULL, fixture_setup, test_constraint,
              fixture_teardown);
  g_test_add ("/statement/error/busy", Fixture, NULL, fixture_setup, test_busy, fixture_teardown);
  g_test_add ("/statement/error/read-only", Fixture, NULL, fixture_setup, test_read_only,
              fixture_teardown);
  g_test_add ("/statement/cache", Fixture, NULL, fixture_setup, test_cache, fixture_teardown);
  g_test_add ("/statement/values", Fixture, NULL, fixture_setup, test_values, fixture_teardown);
  g_test_add ("/statement/reader", Fixture, NULL, fixture_setup, test_reader, fixture_teardown);

  return g_test_run ();
}
