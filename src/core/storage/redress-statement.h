/* redress-statement.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The storage seam: the only way the model outside src/core/storage talks
 * to the database.  It is SQL text based and small enough to be written a
 * second time over libpq (docs/design.md, "The storage seam"):
 *
 *  - a RedressConnection is one connection (the docket's main one, from
 *    redress_database_get_connection(), or a read-only one for a worker
 *    thread, from redress_database_open_reader());
 *  - redress_database_prepare() / redress_connection_prepare() give a
 *    RedressStatement from the connection's statement cache.  Parameters are
 *    `?`, `?N` or `:name` (a server backend rewrites them to `$n`); they are
 *    bound by index from 1.  Text is always copied, NULL text binds NULL;
 *  - redress_statement_step() gives ROW, DONE or ERROR; after ERROR the
 *    statement keeps the failure, which redress_statement_set_error()
 *    reports as a GError in REDRESS_DATABASE_ERROR (busy, constraint,
 *    corrupt, read-only ... each have their code) under a heading of the
 *    caller's, and redress_statement_get_constraint() names the kind of
 *    constraint that refused a write;
 *  - g_autoptr(RedressStatement) gives the statement back at the end of the
 *    scope: it is reset, its bindings cleared, and it waits in the cache for
 *    the next call with the same text;
 *  - transactions are _redress_database_begin() (BEGIN IMMEDIATE, or a
 *    savepoint inside an open one), _redress_database_commit() and
 *    _redress_database_rollback(), declared in redress-database-private.h.
 *
 * Custom SQL functions, triggers' helpers, full-text search and everything
 * else that needs the SQLite API itself stays in src/core/storage.
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

typedef struct _RedressConnection RedressConnection;
typedef struct _RedressStatement  RedressStatement;

typedef enum
{
  REDRESS_STEP_ERROR,   /* failed: see redress_statement_set_error() */
  REDRESS_STEP_ROW,     /* a row is ready for the column getters */
  REDRESS_STEP_DONE,    /* ran to the end */
} RedressStep;

typedef enum
{
  REDRESS_COLUMN_NULL,
  REDRESS_COLUMN_INTEGER,
  REDRESS_COLUMN_REAL,
  REDRESS_COLUMN_TEXT,
  REDRESS_COLUMN_BLOB,
} RedressColumnType;

/* Which constraint refused the last step of a statement. */
typedef enum
{
  REDRESS_CONSTRAINT_NONE,         /* the step did not fail on a constraint */
  REDRESS_CONSTRAINT_UNIQUE,       /* a unique index or the primary key */
  REDRESS_CONSTRAINT_FOREIGN_KEY,
  REDRESS_CONSTRAINT_CHECK,
  REDRESS_CONSTRAINT_NOT_NULL,
  REDRESS_CONSTRAINT_TRIGGER,      /* a trigger refused the change (RAISE) */
  REDRESS_CONSTRAINT_OTHER,
} RedressConstraint;

/* Connections */
RedressConnection *redress_database_get_connection   (RedressDatabase    *db);
RedressConnection *redress_database_open_reader      (RedressDatabase    *db,
                                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;
void               redress_connection_close          (RedressConnection  *conn);
guint64            redress_connection_get_n_executed (RedressConnection  *conn);

RedressStatement  *redress_connection_prepare        (RedressConnection  *conn,
                                                      const char         *sql,
                                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;
RedressStatement  *redress_database_prepare          (RedressDatabase    *db,
                                                      const char         *sql,
                                                      GError            **error) G_GNUC_WARN_UNUSED_RESULT;
void               redress_statement_release         (RedressStatement   *stmt);

/* Parameters, from 1 */
int                redress_statement_parameter_index (RedressStatement   *stmt,
                                                      const char         *name);
void               redress_statement_bind_text       (RedressStatement   *stmt,
                                                      int                 idx,
                                                      const char         *text);
void               redress_statement_bind_text_len   (RedressStatement   *stmt,
                                                      int                 idx,
                                                      const char         *text,
                                                      gssize              len);
void               redress_statement_bind_int64      (RedressStatement   *stmt,
                                                      int                 idx,
                                                      gint64              value);
void               redress_statement_bind_double     (RedressStatement   *stmt,
                                                      int                 idx,
                                                      double              value);
void               redress_statement_bind_null       (RedressStatement   *stmt,
                                                      int                 idx);
void               redress_statement_bind_blob       (RedressStatement   *stmt,
                                                      int                 idx,
                                                      gconstpointer       data,
                                                      gsize               len);
void               redress_statement_clear_bindings  (RedressStatement   *stmt);

/* Running */
RedressStep        redress_statement_step            (RedressStatement   *stmt);
gboolean           redress_statement_step_done       (RedressStatement   *stmt,
                                                      const char         *what,
                                                      GError            **error);
void               redress_statement_reset           (RedressStatement   *stmt);
gint64             redress_statement_changes         (RedressStatement   *stmt);
gint64             redress_statement_last_insert_rowid (RedressStatement *stmt);

/* Errors of the last step */
void               redress_statement_set_error       (RedressStatement   *stmt,
                                                      GError            **error,
                                                      const char         *what);
RedressConstraint  redress_statement_get_constraint  (RedressStatement   *stmt);
const char        *redress_statement_get_error_message (RedressStatement *stmt);

/* Columns of the current row, from 0 */
int                redress_statement_column_count    (RedressStatement   *stmt);
RedressColumnType  redress_statement_column_type     (RedressStatement   *stmt,
                                                      int                 col);
const char        *redress_statement_column_text     (RedressStatement   *stmt,
                                                      int                 col);
int                redress_statement_column_int      (RedressStatement   *stmt,
                                                      int                 col);
gint64             redress_statement_column_int64    (RedressStatement   *stmt,
                                                      int                 col);
double             redress_statement_column_double   (RedressStatement   *stmt,
                                                      int                 col);
gconstpointer      redress_statement_column_blob     (RedressStatement   *stmt,
                                                      int                 col);
int                redress_statement_column_bytes    (RedressStatement   *stmt,
                                                      int                 col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressStatement, redress_statement_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressConnection, redress_connection_close)

G_END_DECLS
