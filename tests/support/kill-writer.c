/* kill-writer.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helper of test-kill-loop: writes cases to a docket through the model, in
 * a loop, until it is killed.  It prints each case's id on stdout only after
 * the commit returned, so every line printed is a promise the docket must keep.
 * Its first line, "open", says the docket is open and writes begin.
 *
 *   kill-writer DOCKET [PASSPHRASE]
 *   kill-writer --migrate DOCKET
 *
 * With --migrate it prints "start", opens (and so migrates) an older
 * docket to the latest schema, prints "done" and waits to be killed.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "redress-database.h"
#include "redress-sqlite-private.h"
#include "redress-util.h"

static gboolean
write_case (RedressDatabase  *db,
            guint             n,
            GError          **error)
{
  g_autofree char *id = redress_uuid_new ();
  g_autofree char *note_id = redress_uuid_new ();
  g_autoptr(sqlite3_stmt) insert_case = NULL;
  g_autoptr(sqlite3_stmt) insert_note = NULL;
  g_autofree char *title = g_strdup_printf ("Case %u written by process %d", n, (int) getpid ());
  g_autofree char *line = NULL;

  if (!_redress_database_begin (db, error))
    return FALSE;

  insert_case = _redress_database_prepare (db,
                                           "INSERT INTO case_file (id, kind, reference, title, "
                                           "summary, created_at, updated_at) "
                                           "VALUES (?1, 'communication', ?1, ?2, "
                                           "'Written by the kill loop', redress_now (), "
                                           "redress_now ())",
                                           error);
  insert_note = _redress_database_prepare (db,
                                           "INSERT INTO note (id, case_id, body, created_at, "
                                           "updated_at) VALUES (?1, ?2, ?3, redress_now (), "
                                           "redress_now ())",
                                           error);
  if (insert_case == NULL || insert_note == NULL)
    goto fail;

  sqlite3_bind_text (insert_case, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert_case, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert_note, 1, note_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert_note, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert_note, 3, title, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (insert_case) != SQLITE_DONE || sqlite3_step (insert_note) != SQLITE_DONE)
    {
      _redress_set_sqlite_error (error, _redress_database_get_handle (db),
                                 sqlite3_errcode (_redress_database_get_handle (db)),
                                 "Could not write a case");
      goto fail;
    }
  g_clear_pointer (&insert_case, sqlite3_finalize);
  g_clear_pointer (&insert_note, sqlite3_finalize);

  if (!_redress_database_commit (db, error))
    return FALSE;

  /* Acknowledge only now: one write(2) of the whole line. */
  line = g_strdup_printf ("%s\n", id);
  if (write (STDOUT_FILENO, line, strlen (line)) < 0)
    return FALSE;
  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DOCKET [PASSPHRASE]\n", argv[0]);
      return 2;
    }

  if (g_str_equal (argv[1], "--migrate") && argc > 2)
    {
      if (write (STDOUT_FILENO, "start\n", 6) != 6)
        return 1;
      db = redress_database_open (argv[2], NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
      if (db == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (write (STDOUT_FILENO, "done\n", 5) != 5)
        return 1;
      for (;;)
        pause ();
    }

  db = redress_database_open (argv[1], argc > 2 ? argv[2] : NULL, REDRESS_DATABASE_OPEN_DEFAULT,
                              &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Tells the test the docket is open (the key derived, the file checked). */
  if (write (STDOUT_FILENO, "open\n", 5) != 5)
    return 1;

  for (guint n = 0; ; n++)
    {
      if (!write_case (db, n, &error))
        {
          g_printerr ("%s\n", error != NULL ? error->message : "write failed");
          return 1;
        }
    }

  return 0;
}
