/* redress-database-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model layer only: the SQLite handle and helpers around it.
 */

#pragma once

#include <sqlite3.h>

#include "redress-database.h"

G_BEGIN_DECLS

sqlite3      *_redress_database_get_handle  (RedressDatabase  *self);
sqlite3_stmt *_redress_database_prepare     (RedressDatabase  *self,
                                             const char       *sql,
                                             GError          **error);
/* A statement borrowed from the database's cache; see _redress_database_prepare_cached(). */
typedef sqlite3_stmt RedressStmt;

RedressStmt  *_redress_database_prepare_cached (RedressDatabase *self,
                                             const char       *sql,
                                             GError          **error);
gboolean      _redress_database_step_done   (RedressDatabase  *self,
                                             sqlite3_stmt     *stmt,
                                             const char       *what,
                                             GError          **error);
gboolean      _redress_database_exec        (RedressDatabase  *self,
                                             const char       *sql,
                                             GError          **error);
gboolean      _redress_database_begin       (RedressDatabase  *self,
                                             GError          **error);
gboolean      _redress_database_commit      (RedressDatabase  *self,
                                             GError          **error);
void          _redress_database_rollback    (RedressDatabase  *self);
gboolean      _redress_database_in_transaction (RedressDatabase *self);
gboolean      _redress_database_check_writable (RedressDatabase *self,
                                             GError          **error);
sqlite3      *_redress_database_open_reader (RedressDatabase  *self,
                                             GError          **error);
void          _redress_set_sqlite_error     (GError          **error,
                                             sqlite3          *db,
                                             int               rc,
                                             const char       *what);
gboolean      _redress_database_migrate_to  (RedressDatabase  *self,
                                             int               version,
                                             GError          **error);
RedressDatabase *_redress_database_open_full (const char       *path,
                                             const char       *passphrase,
                                             RedressDatabaseOpenFlags flags,
                                             int               version,
                                             GError          **error);
void          _redress_database_flush_changes (RedressDatabase *self);
void          _redress_database_add_orphans_removed (RedressDatabase *self,
                                             guint             removed);
guint         _redress_database_get_orphans_removed (RedressDatabase *self);
GObject      *_redress_database_get_docket  (RedressDatabase  *self);
void          _redress_database_set_docket  (RedressDatabase  *self,
                                             GObject          *docket,
                                             gboolean          owned);
const char   *_redress_database_get_passphrase (RedressDatabase *self);
const guint8 *_redress_database_get_data_key (RedressDatabase *self);
gboolean      _redress_database_derive_subkey (RedressDatabase *self,
                                             const char       *purpose,
                                             guint8           *out,
                                             gsize             len);

/* Tests only: counts the statements run on the main connection. */
void          _redress_database_count_statements (RedressDatabase *self,
                                             gboolean          enable);
guint         _redress_database_get_statement_count (RedressDatabase *self,
                                             const char       *matching);

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

/* Gives a cached statement back: resets it so it is no longer busy. */
static inline void
_redress_stmt_release (RedressStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressStmt, _redress_stmt_release)

G_END_DECLS
