/* redress-statement.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The storage seam (redress-statement.h) over SQLite.
 */

#define G_LOG_DOMAIN "redress-database"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-sqlite-private.h"

/* Distinct SQL texts kept compiled per connection; text built at run time
 * (a page with its OFFSET, a filter) would otherwise grow the cache without
 * end.  The least recently used idle texts go first. */
#define CACHE_MAX_TEXTS 256

typedef struct
{
  char      *sql;
  GPtrArray *stmts;   /* RedressStatement, in use or idle */
  GList      link;    /* in RedressConnection.lru */
} Pool;

struct _RedressConnection
{
  sqlite3    *db;
  GHashTable *pools;       /* SQL text -> Pool */
  GQueue      lru;         /* Pool, most recently used first */
  guint64     n_executed;
  guint       owns_db : 1;
  /* Called after a write that ran outside a transaction, which SQLite has
   * just committed: the database announces it (redress-database.c). */
  void      (*committed) (gpointer data);
  gpointer    committed_data;
};

struct _RedressStatement
{
  RedressConnection *conn;   /* NULL once the connection is closed */
  Pool         *pool;        /* NULL: finalized when released */
  sqlite3_stmt *stmt;
  int           error_rc;    /* extended result code of the failed step, or SQLITE_OK */
  char         *error_message;
  gint64        changes;
  gint64        last_rowid;
  guint         in_use : 1;
  guint         started : 1;
};

static void
statement_free (RedressStatement *self)
{
  sqlite3_finalize (self->stmt);
  g_free (self->error_message);
  g_free (self);
}

static void
clear_failure (RedressStatement *self)
{
  self->error_rc = SQLITE_OK;
  g_clear_pointer (&self->error_message, g_free);
}

/* Drops a pool: idle statements are finalized, those in use are finalized
 * when they are released. */
static void
pool_free (gpointer data)
{
  Pool *pool = data;

  for (guint i = 0; i < pool->stmts->len; i++)
    {
      RedressStatement *stmt = g_ptr_array_index (pool->stmts, i);

      if (stmt->in_use)
        stmt->pool = NULL;
      else
        statement_free (stmt);
    }
  g_ptr_array_unref (pool->stmts);
  g_free (pool->sql);
  g_free (pool);
}

RedressConnection *
_redress_connection_new (sqlite3  *db,
                         gboolean  owns_db)
{
  RedressConnection *self = g_new0 (RedressConnection, 1);

  self->db = db;
  self->owns_db = owns_db;
  self->pools = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pool_free);
  g_queue_init (&self->lru);
  return self;
}

void
_redress_connection_set_committed_func (RedressConnection *self,
                                        void             (*func) (gpointer data),
                                        gpointer           data)
{
  self->committed = func;
  self->committed_data = data;
}

sqlite3 *
_redress_connection_get_handle (RedressConnection *conn)
{
  return conn->db;
}

/**
 * redress_connection_close:
 *
 * Finalizes the connection's cached statements and, for a reader, closes
 * it.  Statements still held are finalized when they are released; they can
 * no longer be run.
 */
void
redress_connection_close (RedressConnection *conn)
{
  GHashTableIter iter;
  gpointer value;

  if (conn == NULL)
    return;

  g_hash_table_iter_init (&iter, conn->pools);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Pool *pool = value;

      for (guint i = 0; i < pool->stmts->len; i++)
        ((RedressStatement *) g_ptr_array_index (pool->stmts, i))->conn = NULL;
    }
  g_hash_table_unref (conn->pools);
  /* sqlite3_close_v2() waits for statements still held to be finalized. */
  if (conn->owns_db && conn->db != NULL)
    sqlite3_close_v2 (conn->db);
  g_free (conn);
}

/**
 * redress_connection_get_n_executed:
 *
 * For tests and bench/: how many statements were run on @conn (a statement
 * counts once from its first step to its reset).
 */
guint64
redress_connection_get_n_executed (RedressConnection *conn)
{
  g_return_val_if_fail (conn != NULL, 0);

  return conn->n_executed;
}

static void
evict (RedressConnection *conn)
{
  GList *l = conn->lru.tail;

  while (l != NULL && g_hash_table_size (conn->pools) > CACHE_MAX_TEXTS)
    {
      Pool *pool = l->data;
      gboolean busy = FALSE;
      GList *prev = l->prev;

      for (guint i = 0; i < pool->stmts->len && !busy; i++)
        busy = ((RedressStatement *) g_ptr_array_index (pool->stmts, i))->in_use;
      if (!busy)
        {
          g_queue_unlink (&conn->lru, &pool->link);
          g_hash_table_remove (conn->pools, pool->sql);
        }
      l = prev;
    }
}

/**
 * redress_connection_prepare:
 * @sql: one SQL statement; `?`, `?N` or `:name` mark its parameters
 *
 * Gives a statement from the connection's cache, compiling it the first
 * time a text is seen.  Compiling a write statement also compiles every
 * trigger it fires (the audit trail, the search index), so the cache pays.
 * A statement still in use (a nested call with the same text) gets a second
 * copy.  Release it with g_autoptr(RedressStatement) or
 * redress_statement_release().
 *
 * Returns: (transfer full) (nullable): the statement, without bindings.
 */
RedressStatement *
redress_connection_prepare (RedressConnection  *conn,
                            const char         *sql,
                            GError            **error)
{
  RedressStatement *self;
  sqlite3_stmt *stmt = NULL;
  Pool *pool;
  int rc;

  g_return_val_if_fail (conn != NULL, NULL);
  g_return_val_if_fail (conn->db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  pool = g_hash_table_lookup (conn->pools, sql);
  if (pool != NULL)
    {
      g_queue_unlink (&conn->lru, &pool->link);
      g_queue_push_head_link (&conn->lru, &pool->link);
      for (guint i = 0; i < pool->stmts->len; i++)
        {
          self = g_ptr_array_index (pool->stmts, i);
          if (!self->in_use)
            {
              self->in_use = TRUE;
              return self;
            }
        }
    }

  rc = sqlite3_prepare_v2 (conn->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _redress_set_sqlite_error (error, conn->db, rc, _("Could not read the docket"));
      g_critical ("Could not prepare \"%s\": %s", sql, sqlite3_errmsg (conn->db));
      return NULL;
    }

  if (pool == NULL)
    {
      pool = g_new0 (Pool, 1);
      pool->sql = g_strdup (sql);
      pool->stmts = g_ptr_array_new ();
      pool->link.data = pool;
      g_hash_table_insert (conn->pools, pool->sql, pool);
      g_queue_push_head_link (&conn->lru, &pool->link);
    }

  self = g_new0 (RedressStatement, 1);
  self->conn = conn;
  self->pool = pool;
  self->stmt = stmt;
  self->in_use = TRUE;
  g_ptr_array_add (pool->stmts, self);

  evict (conn);
  return self;
}

/**
 * redress_database_prepare:
 *
 * redress_connection_prepare() on the docket's main connection.
 */
RedressStatement *
redress_database_prepare (RedressDatabase  *db,
                          const char       *sql,
                          GError          **error)
{
  RedressConnection *conn = redress_database_get_connection (db);

  g_return_val_if_fail (conn != NULL, NULL);

  return redress_connection_prepare (conn, sql, error);
}

/**
 * redress_statement_reset:
 *
 * Makes the statement ready to run again; the bindings stay, and so does
 * the failure of the last step, until the next one.
 */
void
redress_statement_reset (RedressStatement *self)
{
  g_return_if_fail (self != NULL);

  sqlite3_reset (self->stmt);
  self->started = FALSE;
}

/**
 * redress_statement_release:
 *
 * Gives the statement back to its connection's cache, reset and without
 * bindings (or finalizes it once the connection is closed).
 */
void
redress_statement_release (RedressStatement *self)
{
  if (self == NULL)
    return;

  g_return_if_fail (self->in_use);

  if (self->pool == NULL)
    {
      statement_free (self);
      return;
    }
  redress_statement_reset (self);
  sqlite3_clear_bindings (self->stmt);
  clear_failure (self);
  self->changes = 0;
  self->last_rowid = 0;
  self->in_use = FALSE;
}

int
redress_statement_parameter_index (RedressStatement *self,
                                   const char       *name)
{
  return sqlite3_bind_parameter_index (self->stmt, name);
}

/* Binds @text, copied; NULL binds NULL. */
void
redress_statement_bind_text (RedressStatement *self,
                             int               idx,
                             const char       *text)
{
  if (text == NULL)
    sqlite3_bind_null (self->stmt, idx);
  else
    sqlite3_bind_text (self->stmt, idx, text, -1, SQLITE_TRANSIENT);
}

/* Binds the first @len bytes of @text (all of it when @len is negative). */
void
redress_statement_bind_text_len (RedressStatement *self,
                                 int               idx,
                                 const char       *text,
                                 gssize            len)
{
  if (text == NULL)
    sqlite3_bind_null (self->stmt, idx);
  else
    sqlite3_bind_text64 (self->stmt, idx, text, len < 0 ? strlen (text) : (gsize) len,
                         SQLITE_TRANSIENT, SQLITE_UTF8);
}

void
redress_statement_bind_int64 (RedressStatement *self,
                              int               idx,
                              gint64            value)
{
  sqlite3_bind_int64 (self->stmt, idx, value);
}

void
redress_statement_bind_double (RedressStatement *self,
                               int               idx,
                               double            value)
{
  sqlite3_bind_double (self->stmt, idx, value);
}

void
redress_statement_bind_null (RedressStatement *self,
                             int               idx)
{
  sqlite3_bind_null (self->stmt, idx);
}

void
redress_statement_bind_blob (RedressStatement *self,
                             int               idx,
                             gconstpointer     data,
                             gsize             len)
{
  sqlite3_bind_blob64 (self->stmt, idx, data != NULL ? data : "", len, SQLITE_TRANSIENT);
}

void
redress_statement_clear_bindings (RedressStatement *self)
{
  sqlite3_clear_bindings (self->stmt);
}

/**
 * redress_statement_step:
 *
 * Runs the statement to its next row.  After %REDRESS_STEP_ERROR the
 * statement keeps the failure for redress_statement_set_error().
 */
RedressStep
redress_statement_step (RedressStatement *self)
{
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (self != NULL, REDRESS_STEP_ERROR);

  if (!self->started)
    {
      self->started = TRUE;
      if (self->conn != NULL)
        self->conn->n_executed++;
    }
  clear_failure (self);
  self->changes = 0;

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return REDRESS_STEP_ROW;

  db = sqlite3_db_handle (self->stmt);
  self->started = FALSE;   /* the next step runs it again */
  if (rc == SQLITE_DONE)
    {
      self->changes = sqlite3_changes64 (db);
      self->last_rowid = sqlite3_last_insert_rowid (db);
      if (self->conn != NULL && self->conn->committed != NULL &&
          !sqlite3_stmt_readonly (self->stmt) && sqlite3_get_autocommit (db))
        self->conn->committed (self->conn->committed_data);
      return REDRESS_STEP_DONE;
    }

  self->error_rc = rc;
  self->error_message = g_strdup (sqlite3_errmsg (db));
  return REDRESS_STEP_ERROR;
}

/**
 * redress_statement_step_done:
 * @what: the sentence that heads the error, such as "Could not save the draft"
 *
 * Runs a statement that returns no rows (an INSERT, UPDATE or DELETE).
 *
 * Returns: %TRUE when it ran to the end, else %FALSE with @error set.
 */
gboolean
redress_statement_step_done (RedressStatement  *self,
                             const char        *what,
                             GError           **error)
{
  switch (redress_statement_step (self))
    {
    case REDRESS_STEP_DONE:
      return TRUE;
    case REDRESS_STEP_ROW:
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_FAILED,
                   "%s: %s", what, "the statement returned rows");
      return FALSE;
    case REDRESS_STEP_ERROR:
    default:
      redress_statement_set_error (self, error, what);
      return FALSE;
    }
}

/* Rows the last run of the statement inserted, changed or deleted (not
 * counting those of triggers). */
gint64
redress_statement_changes (RedressStatement *self)
{
  return self->changes;
}

gint64
redress_statement_last_insert_rowid (RedressStatement *self)
{
  return self->last_rowid;
}

/**
 * redress_statement_set_error:
 * @what: the sentence that heads the message, such as "Could not save the draft"
 *
 * Sets @error from the statement's last failed step: a
 * %REDRESS_DATABASE_ERROR whose code says what kind of failure it was
 * (%REDRESS_DATABASE_ERROR_CONFLICT for a constraint, _BUSY, _READ_ONLY,
 * _CORRUPT, _IO ...).
 */
void
redress_statement_set_error (RedressStatement  *self,
                             GError           **error,
                             const char        *what)
{
  g_return_if_fail (self != NULL);

  if (self->error_rc == SQLITE_OK)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_FAILED,
                   "%s: %s", what, "the statement did not run to the end");
      return;
    }
  _redress_set_sqlite_error_full (error, self->error_rc, self->error_message, what);
}

RedressConstraint
redress_statement_get_constraint (RedressStatement *self)
{
  if ((self->error_rc & 0xff) != SQLITE_CONSTRAINT)
    return REDRESS_CONSTRAINT_NONE;

  switch (self->error_rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_ROWID:
      return REDRESS_CONSTRAINT_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return REDRESS_CONSTRAINT_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_CHECK:
      return REDRESS_CONSTRAINT_CHECK;
    case SQLITE_CONSTRAINT_NOTNULL:
      return REDRESS_CONSTRAINT_NOT_NULL;
    case SQLITE_CONSTRAINT_TRIGGER:
      return REDRESS_CONSTRAINT_TRIGGER;
    default:
      return REDRESS_CONSTRAINT_OTHER;
    }
}

/* The database's own words for the last failure ("UNIQUE constraint failed:
 * person.name"), for the log and for parsing what a constraint names; never
 * for the user's eyes. */
const char *
redress_statement_get_error_message (RedressStatement *self)
{
  return self->error_message != NULL ? self->error_message : "";
}

int
redress_statement_column_count (RedressStatement *self)
{
  return sqlite3_column_count (self->stmt);
}

RedressColumnType
redress_statement_column_type (RedressStatement *self,
                               int               col)
{
  switch (sqlite3_column_type (self->stmt, col))
    {
    case SQLITE_INTEGER:
      return REDRESS_COLUMN_INTEGER;
    case SQLITE_FLOAT:
      return REDRESS_COLUMN_REAL;
    case SQLITE_TEXT:
      return REDRESS_COLUMN_TEXT;
    case SQLITE_BLOB:
      return REDRESS_COLUMN_BLOB;
    case SQLITE_NULL:
    default:
      return REDRESS_COLUMN_NULL;
    }
}

/* The column as UTF-8 text, valid until the next step or reset; NULL for NULL. */
const char *
redress_statement_column_text (RedressStatement *self,
                               int               col)
{
  return (const char *) sqlite3_column_text (self->stmt, col);
}

int
redress_statement_column_int (RedressStatement *self,
                              int               col)
{
  return sqlite3_column_int (self->stmt, col);
}

gint64
redress_statement_column_int64 (RedressStatement *self,
                                int               col)
{
  return sqlite3_column_int64 (self->stmt, col);
}

double
redress_statement_column_double (RedressStatement *self,
                                 int               col)
{
  return sqlite3_column_double (self->stmt, col);
}

gconstpointer
redress_statement_column_blob (RedressStatement *self,
                               int               col)
{
  return sqlite3_column_blob (self->stmt, col);
}

/* The size in bytes of a text or blob column (call it after the getter). */
int
redress_statement_column_bytes (RedressStatement *self,
                                int               col)
{
  return sqlite3_column_bytes (self->stmt, col);
}
