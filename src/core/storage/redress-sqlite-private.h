/* redress-sqlite-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite handle and the helpers around it, for src/core/storage and the
 * tests only.  The rest of the model uses redress-statement.h.
 */

#pragma once

#include <sqlite3.h>

#include "redress-database-private.h"

G_BEGIN_DECLS

sqlite3      *_redress_database_get_handle  (RedressDatabase  *self);
sqlite3_stmt *_redress_database_prepare     (RedressDatabase  *self,
                                             const char       *sql,
                                             GError          **error);
gboolean      _redress_database_step_done   (RedressDatabase  *self,
                                             sqlite3_stmt     *stmt,
                                             const char       *what,
                                             GError          **error);
sqlite3      *_redress_database_open_reader (RedressDatabase  *self,
                                             GError          **error);
void          _redress_set_sqlite_error     (GError          **error,
                                             sqlite3          *db,
                                             int               rc,
                                             const char       *what);
void          _redress_set_sqlite_error_full (GError         **error,
                                             int               rc,
                                             const char       *detail,
                                             const char       *what);

/* The implementation of the seam over SQLite (redress-statement.c). */
RedressConnection *_redress_connection_new  (sqlite3          *db,
                                             gboolean          owns_db);
void               _redress_connection_set_committed_func (RedressConnection *self,
                                                           void             (*func) (gpointer data),
                                                           gpointer           data);
sqlite3      *_redress_connection_get_handle (RedressConnection *conn);

/* Column helpers: SQLite text as a (possibly NULL) C string. */
static inline const char *
_redress_column_text (sqlite3_stmt *stmt,
                      int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static inline void
_redress_bind_text_or_null (sqlite3_stmt *stmt,
                            int           idx,
                            const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
