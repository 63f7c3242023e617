/* procedure-check.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a case's stage and deadlines are what the procedure engine
 * computes from its history, whoever wrote it (the writer-path tests).
 */

#pragma once

#include "redress-sqlite-private.h"
#include "redress-procedure.h"

/* The case's stage and every deadline row, as text. */
static inline char *
procedure_check_snapshot (RedressDatabase *db,
                          const char      *case_id)
{
  GString *s = g_string_new (NULL);
  sqlite3_stmt *stmt = _redress_database_prepare (db, "SELECT stage, coalesce (submitted_on, '') FROM case_file "
                                                      "WHERE id = ?1", NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_string_append_printf (s, "stage %s submitted %s\n", _redress_column_text (stmt, 0), _redress_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  stmt = _redress_database_prepare (db,
                                    "SELECT rule_id, coalesce (trigger_date, ''), coalesce (trigger_date_alt, ''), "
                                    "coalesce (computed_due, ''), coalesce (letter_due, ''), "
                                    "coalesce (extended_due, ''), status, coalesce (closed_on, '') "
                                    "FROM deadline WHERE case_id = ?1 ORDER BY rule_id, trigger_date, status",
                                    NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < 8; i++)
        g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", _redress_column_text (stmt, i));
      g_string_append_c (s, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (s, FALSE);
}

/* Asserts that recomputing @case_id from its history changes nothing, and
 * returns the snapshot. */
static inline char *
procedure_check_current (RedressDatabase *db,
                         const char      *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = procedure_check_snapshot (db, case_id);
  char *after;

  g_assert_true (redress_procedure_recompute (db, case_id, &error));
  g_assert_no_error (error);
  after = procedure_check_snapshot (db, case_id);
  g_assert_cmpstr (before, ==, after);
  return after;
}

/* The line of rule @rule in a snapshot, or NULL. */
static inline char *
procedure_check_rule (const char *snapshot,
                      const char *rule)
{
  g_auto(GStrv) lines = g_strsplit (snapshot, "\n", -1);
  g_autofree char *prefix = g_strconcat (rule, "|", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}
