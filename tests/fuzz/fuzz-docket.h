/* fuzz-docket.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One scratch docket for the fuzz targets that import into a docket.  Each
 * input runs inside a transaction that is rolled back, so every run starts
 * from the same empty docket and a crash reproduces from its input alone.
 */

#pragma once

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "redress-database.h"
#include "redress-database-private.h"

static RedressDatabase *fuzz_db;
static char *fuzz_dir;

static void
fuzz_docket_remove (void)
{
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *evidence = NULL;

  if (fuzz_dir == NULL)
    return;
  g_clear_object (&fuzz_db);
  path = g_build_filename (fuzz_dir, "fuzz.redress", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  evidence = g_build_filename (fuzz_dir, "evidence", NULL);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (evidence);
  /* Whatever else the model keeps beside a docket. */
  {
    g_autoptr(GDir) d = g_dir_open (fuzz_dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (fuzz_dir, name, NULL);

        g_unlink (child);
      }
  }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

static RedressDatabase *
fuzz_docket (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (fuzz_db != NULL)
    return fuzz_db;
  fuzz_dir = g_dir_make_tmp ("redress-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fuzz_dir, "fuzz.redress", NULL);
  fuzz_db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  atexit (fuzz_docket_remove);
  return fuzz_db;
}

static void
fuzz_begin (void)
{
  g_autoptr(GError) error = NULL;

  if (!_redress_database_begin (fuzz_docket (), &error))
    g_error ("%s", error->message);
}

static void
fuzz_rollback (void)
{
  _redress_database_rollback (fuzz_db);
}
