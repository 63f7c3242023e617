/* test-database.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redress-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-util.h"

typedef RedressTestDocket Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  redress_test_docket_init_unopened (f, "test");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  redress_test_docket_clear (f);
}

static void
test_create_plain (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autofree char *evidence = NULL;

  db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_false (redress_database_get_read_only (db));
  g_assert_false (redress_database_get_encrypted (db));
  g_assert_cmpint (redress_database_get_schema_version (db), ==,
                   redress_database_get_latest_schema_version ());
  g_assert_cmpint (redress_database_get_schema_version (db), >=, 1);

  evidence = redress_database_get_evidence_dir (db);
  g_assert_true (g_file_test (evidence, G_FILE_TEST_IS_DIR));

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_missing_without_create (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RedressDatabase *db = redress_database_open (f->path, NULL, 0, &error);

  g_assert_null (db);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add ("/database/create-plain", Fixture, NULL, fixture_setup, test_create_plain, fixture_teardown);
  g_test_add ("/database/missing-without-create", Fixture, NULL, fixture_setup, test_missing_without_create, fixture_teardown);

  return g_test_run ();
}
