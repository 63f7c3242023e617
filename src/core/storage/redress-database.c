/* redress-database.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One docket: a SQLCipher database file and an evidence/ folder beside it.
 */

#define G_LOG_DOMAIN "redress-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress-audit-private.h"
#include "redress-change-set.h"
#include "redress-database-private.h"
#include "redress-sqlite-private.h"
#include "redress-evidence-store-private.h"
#include "redress-keys-private.h"
#include "redress-seal-private.h"
#include "redress-util.h"

#define BUSY_TIMEOUT_MS 5000
#define MIGRATIONS_PATH "/io/github/redress/Redress/model/migrations"

struct _RedressDatabase
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  char     *key_spec;         /* what SQLCipher is keyed with (protected memory), or NULL */
  guint8   *data_key;         /* REDRESS_DATA_KEY_LEN bytes (protected memory), or NULL */
  RedressKeyFile *keys;       /* the key file, for a KEY_WRAPPED docket */
  RedressDatabaseKeyKind key_kind;
  char     *actor;
  char     *read_only_reason;
  int       schema_version;
  guint     tx_depth;
  guint     orphans_removed;  /* originals of unfinished intakes removed at open */
  GHashTable *stmt_counts;    /* tests: SQL text -> statements run, or NULL */
  GArray   *pending;          /* PendingChange: rows written and not announced yet */
  GHashTable *id_tables;      /* table -> 1: keyed by a TEXT "id", 2: not */
  GObject  *docket;           /* the RedressDocket of this connection (src/core/redress-docket.c) */
  guint     docket_owned : 1; /* a docket made for a database opened on its own */
  guint     flushing : 1;
  RedressConnection *conn;    /* the seam over db (redress-statement.c) */
  guint     read_only : 1;
  guint     encrypted : 1;
  guint     audit_disabled : 1;
};

G_DEFINE_FINAL_TYPE (RedressDatabase, redress_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

/* A row the update hook saw written, or a change announced by hand with
 * redress_database_emit_changed(), waiting for its commit. */
typedef struct
{
  const char *table;    /* interned */
  gint64      rowid;
  char       *id;       /* by hand: the id given, or NULL */
  guint       level;    /* tx_depth when written; 0 once committed */
  guint       committed : 1;
  guint       by_hand : 1;
} PendingChange;

static void
pending_change_clear (gpointer data)
{
  PendingChange *change = data;

  g_clear_pointer (&change->id, g_free);
}

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (redress-database-error-quark, redress_database_error)

/* A C step that runs inside a migration's transaction, after its SQL. */
typedef gboolean (*MigrationHook) (RedressDatabase *self,
                                   GError         **error);

static gboolean index_custody_seq (RedressDatabase  *self,
                                   GError          **error);

/* C steps by schema version; versions not listed are plain SQL.  Add the
 * hook's prototype to redress-database-private.h. */
static const struct {
  int           version;
  MigrationHook hook;
} migration_hooks[] = {
  { 0, NULL },
  { 3, _redress_audit_install_triggers },
  { 12, index_custody_seq },
};

/* From this version on, every migration regenerates the audit triggers, so the
 * tables and columns it adds are audited too (src/core/records/redress-audit.c). */
#define AUDIT_SCHEMA_VERSION 3

static gboolean exec_on (sqlite3     *db,
                         const char  *sql,
                         GError     **error);

/* Version 12: one custody number per item, so that two writers cannot both
 * append entry n.  Numbers an old log already repeats (every entry of a log
 * from before version 6 is 0) stay out of the index: the log is append-only
 * and its hash chain covers the numbers, so it is not renumbered. */
static gboolean
index_custody_seq (RedressDatabase  *self,
                   GError          **error)
{
  gint64 floor = 0;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT coalesce (max (seq), 0) FROM custody_event c WHERE EXISTS "
                          "(SELECT 1 FROM custody_event d WHERE d.evidence_id = c.evidence_id "
                          "AND d.seq = c.seq AND d.rowid <> c.rowid)", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    floor = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (floor > 0)
    g_warning ("A custody log of %s repeats entry numbers up to %" G_GINT64_FORMAT
               "; those stay out of the unique index", self->path, floor);

  sql = g_strdup_printf ("CREATE UNIQUE INDEX custody_event_seq ON custody_event (evidence_id, seq) "
                         "WHERE seq > %" G_GINT64_FORMAT, floor);
  return exec_on (self->db, sql, error);
}

static void
redress_database_finalize (GObject *object)
{
  RedressDatabase *self = (RedressDatabase *)object;

  redress_database_close (self);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->id_tables, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->key_spec, _redress_secure_free);
  g_clear_pointer (&self->data_key, _redress_secure_free);
  g_clear_pointer (&self->keys, _redress_key_file_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (redress_database_parent_class)->finalize (object);
}

static void
redress_database_class_init (RedressDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = redress_database_finalize;

  /**
   * RedressDatabase::changed:
   * @table: the table that changed ("case_file", "person" ...)
   * @id: (nullable): the row's id, or %NULL when many rows changed
   *
   * Emitted on the main context after a change was committed, so every list
   * and object that shows the row can reload it.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                                   G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * RedressDatabase::committed:
   * @changes: what the commit changed
   *
   * Emitted once after each commit that changed rows, after ::changed for
   * each of its tables.  RedressDocket::changed relays it.
   */
  signals[COMMITTED] = g_signal_new ("committed",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1,
                                     REDRESS_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
redress_database_init (RedressDatabase *self)
{
  self->actor = g_strdup (redress_default_actor ());
  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->id_tables = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_redress_set_sqlite_error_full (GError    **error,
                                int         rc,
                                const char *detail,
                                const char *what)
{
  int primary = rc & 0xff;
  RedressDatabaseError code;

  if (detail == NULL)
    detail = sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_CONSTRAINT:
      code = REDRESS_DATABASE_ERROR_CONFLICT;
      break;
    case SQLITE_FULL:
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("%s: the disk is full. Nothing was saved; free some space and try again."), what);
      return;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      code = REDRESS_DATABASE_ERROR_IO;
      break;
    case SQLITE_READONLY:
      code = REDRESS_DATABASE_ERROR_READ_ONLY;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_BUSY,
                   _("%s: another window or program kept the docket busy. Nothing was saved; "
                     "try again in a moment."), what);
      return;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                   _("%s: the docket file is damaged. Restore it from a backup."), what);
      return;
    default:
      code = REDRESS_DATABASE_ERROR_FAILED;
      break;
    }

  g_set_error (error, REDRESS_DATABASE_ERROR, code, "%s: %s", what, detail);
}

void
_redress_set_sqlite_error (GError    **error,
                           sqlite3    *db,
                           int         rc,
                           const char *what)
{
  _redress_set_sqlite_error_full (error, rc, db != NULL ? sqlite3_errmsg (db) : NULL, what);
}

sqlite3 *
_redress_database_get_handle (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return self->db;
}

sqlite3_stmt *
_redress_database_prepare (RedressDatabase  *self,
                           const char       *sql,
                           GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _redress_set_sqlite_error (error, self->db, rc, _("Could not read the docket"));
      g_critical ("Could not prepare \"%s\": %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }

  return stmt;
}

/**
 * _redress_database_step_done:
 * @what: the sentence that heads the error, such as "Could not save the draft"
 *
 * Runs a statement that returns no rows (an INSERT, UPDATE or DELETE).
 *
 * Returns: %TRUE when it ran to the end, else %FALSE with @error set.
 */
gboolean
_redress_database_step_done (RedressDatabase  *self,
                             sqlite3_stmt     *stmt,
                             const char       *what,
                             GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      /* A write outside a transaction is committed now. */
      if (self->tx_depth == 0)
        _redress_database_flush_changes (self);
      return TRUE;
    }
  _redress_set_sqlite_error (error, self->db, rc, what);
  return FALSE;
}

static gboolean
exec_on (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      _redress_set_sqlite_error (error, db, rc, _("Could not update the docket"));
      g_debug ("\"%s\" failed: %s", sql, errmsg ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

gboolean
_redress_database_exec (RedressDatabase  *self,
                        const char       *sql,
                        GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  if (!exec_on (self->db, sql, error))
    return FALSE;
  if (self->tx_depth == 0)
    _redress_database_flush_changes (self);
  return TRUE;
}

gboolean
_redress_database_check_writable (RedressDatabase  *self,
                                  GError          **error)
{
  if (self->read_only)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_READ_ONLY,
                   _("This docket is open read-only: %s"),
                   self->read_only_reason ? self->read_only_reason : _("it was opened for reading"));
      return FALSE;
    }
  return TRUE;
}

/**
 * _redress_database_begin:
 *
 * Starts a write transaction, or a savepoint inside the one already open, so
 * that model functions that write can call each other.  Pair every call with
 * _redress_database_commit() or _redress_database_rollback().
 */
gboolean
_redress_database_begin (RedressDatabase  *self,
                         GError          **error)
{
  g_autofree char *sql = NULL;

  if (!_redress_database_check_writable (self, error))
    return FALSE;

  if (self->tx_depth == 0)
    {
      /* Writes made outside a transaction are announced before this one. */
      _redress_database_flush_changes (self);
    }

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT redress_%u", self->tx_depth);

  if (!exec_on (self->db, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

gboolean
_redress_database_commit (RedressDatabase  *self,
                          GError          **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->tx_depth > 0, FALSE);

  if (self->tx_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE redress_%u", self->tx_depth - 1);

  if (!exec_on (self->db, sql, error))
    {
      _redress_database_rollback (self);
      return FALSE;
    }
  /* What a released savepoint wrote belongs to the one around it now. */
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *change = &g_array_index (self->pending, PendingChange, i);

      if (!change->committed && change->level == self->tx_depth)
        change->level--;
    }
  self->tx_depth--;
  if (self->tx_depth == 0)
    _redress_database_flush_changes (self);
  return TRUE;
}

void
_redress_database_rollback (RedressDatabase *self)
{
  g_autofree char *sql = NULL;

  if (self->tx_depth == 0)
    return;

  if (self->tx_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO redress_%u; RELEASE redress_%u",
                           self->tx_depth - 1, self->tx_depth - 1);

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  /* What was written since the savepoint (or the transaction) is undone:
   * nothing of it is announced. */
  for (guint i = self->pending->len; i > 0; i--)
    {
      PendingChange *change = &g_array_index (self->pending, PendingChange, i - 1);

      if (!change->committed && change->level >= self->tx_depth)
        g_array_remove_index (self->pending, i - 1);
    }
  self->tx_depth--;
}


/* Change notification ------------------------------------------------------
 *
 * SQLite's update hook records every row written on the main connection
 * (triggers included), the commit hook marks them committed and the rollback
 * hook (or _redress_database_rollback() for a savepoint) drops them.  Once the
 * outermost transaction is committed, _redress_database_flush_changes()
 * resolves the rows to their ids and announces them: ::changed once per table,
 * then ::committed once with the whole RedressChangeSet. */

static gboolean
table_is_internal (const char *table)
{
  /* The search index and its FTS5 shadow tables follow other tables through
   * triggers; nobody shows them. */
  return g_str_has_prefix (table, "sqlite_") || g_str_has_prefix (table, "search_");
}

static void
update_hook_cb (void          *data,
                int            op,
                const char    *dbname,
                const char    *table,
                sqlite3_int64  rowid)
{
  RedressDatabase *self = data;
  PendingChange change = { 0 };

  if (strcmp (dbname, "main") != 0 || table_is_internal (table))
    return;
  change.table = g_intern_string (table);
  change.rowid = rowid;
  change.level = self->tx_depth;
  g_array_append_val (self->pending, change);
}

static int
commit_hook_cb (void *data)
{
  RedressDatabase *self = data;

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *change = &g_array_index (self->pending, PendingChange, i);

      change->committed = TRUE;
      change->level = 0;
    }
  return 0;
}

static void
rollback_hook_cb (void *data)
{
  RedressDatabase *self = data;

  for (guint i = self->pending->len; i > 0; i--)
    if (!g_array_index (self->pending, PendingChange, i - 1).committed)
      g_array_remove_index (self->pending, i - 1);
}

/* Whether @table's rows are keyed by a TEXT "id" column alone. */
static gboolean
table_has_id (RedressDatabase *self,
              const char      *table)
{
  gpointer known = g_hash_table_lookup (self->id_tables, table);
  char *sql;
  sqlite3_stmt *stmt = NULL;
  gboolean id = FALSE, other_key = FALSE;

  if (known != NULL)
    return GPOINTER_TO_INT (known) == 1;

  sql = sqlite3_mprintf ("PRAGMA table_info (\"%w\")", table);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *name = (const char *) sqlite3_column_text (stmt, 1);
        gboolean pk = sqlite3_column_int (stmt, 5) > 0;

        if (g_strcmp0 (name, "id") == 0 && pk)
          id = TRUE;
        else if (pk)
          other_key = TRUE;
      }
  sqlite3_finalize (stmt);
  sqlite3_free (sql);
  id = id && !other_key;
  g_hash_table_insert (self->id_tables, (gpointer) g_intern_string (table), GINT_TO_POINTER (id ? 1 : 2));
  return id;
}

static char *
id_of_row (RedressDatabase *self,
           const char      *table,
           gint64           rowid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE rowid = ?1", table);
  g_autoptr(RedressStatement) stmt = redress_database_prepare (self, sql, NULL);

  if (stmt == NULL)
    return NULL;
  redress_statement_bind_int64 (stmt, 1, rowid);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return g_strdup (redress_statement_column_text (stmt, 0));
  return NULL;
}

/* Takes the committed changes out of the pending ones, as a change set of
 * ids (NULL when nothing was committed). */
static RedressChangeSet *
collect_committed (RedressDatabase *self)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, TRUE, sizeof (PendingChange));
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);     /* table -> rows */
  g_autoptr(GHashTable) unresolved = g_hash_table_new (g_str_hash, g_str_equal); /* table -> rows gone */
  g_autoptr(GHashTable) deleted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GArray) audit_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  RedressChangeSet *set;
  GHashTableIter iter;
  gpointer key, value;

  g_array_set_clear_func (taken, pending_change_clear);
  /* One pass: the committed ones move to @taken, the others stay in order. */
  {
    guint kept = 0;

    for (guint i = 0; i < self->pending->len; i++)
      {
        PendingChange *change = &g_array_index (self->pending, PendingChange, i);

        if (change->committed)
          g_array_append_val (taken, *change);
        else
          g_array_index (self->pending, PendingChange, kept++) = *change;
      }
    /* The entries moved keep their strings: shrink without clearing. */
    g_array_set_clear_func (self->pending, NULL);
    g_array_set_size (self->pending, kept);
    g_array_set_clear_func (self->pending, pending_change_clear);
  }
  if (taken->len == 0)
    return NULL;

  set = _redress_change_set_new ();
  for (guint i = 0; i < taken->len; i++)
    {
      PendingChange *change = &g_array_index (taken, PendingChange, i);
      guint n;

      if (change->by_hand)
        {
          _redress_change_set_add (set, change->table, change->id);
          continue;
        }
      if (strcmp (change->table, "audit_log") == 0)
        {
          g_array_append_val (audit_rows, change->rowid);
          continue;
        }
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, change->table)) + 1;
      g_hash_table_insert (counts, (gpointer) change->table, GUINT_TO_POINTER (n));
      if (n > 64 || !table_has_id (self, change->table))
        _redress_change_set_add (set, change->table, NULL);
      else
        {
          g_autofree char *id = id_of_row (self, change->table, change->rowid);

          if (id != NULL)
            _redress_change_set_add (set, change->table, id);
          else
            g_hash_table_insert (unresolved, (gpointer) change->table,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (unresolved,
                                                                                          change->table)) + 1));
        }
    }

  /* A row that is gone was deleted: the audit trail of the same commit names it. */
  if (g_hash_table_size (unresolved) > 0 && audit_rows->len <= 4096)
    {
      for (guint i = 0; i < audit_rows->len; i++)
        {
          g_autoptr(RedressStatement) stmt =
            redress_database_prepare (self,
                                      "SELECT table_name, row_id FROM audit_log "
                                      "WHERE rowid = ?1 AND op = 'delete'", NULL);
          const char *table;
          GHashTable *ids;

          if (stmt == NULL)
            break;
          redress_statement_bind_int64 (stmt, 1, g_array_index (audit_rows, gint64, i));
          if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
            continue;
          table = g_intern_string (redress_statement_column_text (stmt, 0));
          if (!g_hash_table_contains (unresolved, table))
            continue;
          ids = g_hash_table_lookup (deleted, table);
          if (ids == NULL)
            {
              ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (deleted, (gpointer) table, ids);
            }
          g_hash_table_add (ids, g_strdup (redress_statement_column_text (stmt, 1)));
        }
    }
  g_hash_table_iter_init (&iter, unresolved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *ids = g_hash_table_lookup (deleted, key);
      GHashTableIter id_iter;
      gpointer id;

      if (ids == NULL || g_hash_table_size (ids) < GPOINTER_TO_UINT (value))
        {
          _redress_change_set_add (set, key, NULL);
          continue;
        }
      g_hash_table_iter_init (&id_iter, ids);
      while (g_hash_table_iter_next (&id_iter, &id, NULL))
        _redress_change_set_add (set, key, id);
    }

  if (redress_change_set_is_empty (set))
    g_clear_pointer (&set, redress_change_set_unref);
  return set;
}

static void
announce (RedressDatabase  *self,
          RedressChangeSet *set)
{
  const char * const *tables = redress_change_set_get_tables (set);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      const char * const *ids = redress_change_set_get_ids (set, tables[i]);
      const char *id = ids != NULL && ids[0] != NULL && ids[1] == NULL ? ids[0] : NULL;

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (tables[i]), tables[i], id);
    }
  g_signal_emit (self, signals[COMMITTED], 0, set);
}

/**
 * _redress_database_flush_changes:
 *
 * Announces what was committed and not announced yet.  Runs when the
 * outermost transaction is committed and before the next one begins; a
 * listener that writes is announced after the others have run, never inside
 * their emission.
 */
void
_redress_database_flush_changes (RedressDatabase *self)
{
  g_return_if_fail (REDRESS_IS_DATABASE (self));

  if (self->flushing || self->tx_depth > 0 || self->db == NULL)
    return;

  self->flushing = TRUE;
  for (;;)
    {
      g_autoptr(RedressChangeSet) set = collect_committed (self);

      if (set == NULL)
        break;
      announce (self, set);
    }
  self->flushing = FALSE;
}

static void
install_hooks (RedressDatabase *self)
{
  sqlite3_update_hook (self->db, update_hook_cb, self);
  sqlite3_commit_hook (self->db, commit_hook_cb, self);
  sqlite3_rollback_hook (self->db, rollback_hook_cb, self);
}

/* How many originals of intakes that did not finish were removed when the
 * docket was opened (src/core/evidence/redress-evidence-store.c). */
void
_redress_database_add_orphans_removed (RedressDatabase *self,
                                       guint            removed)
{
  self->orphans_removed += removed;
}

guint
_redress_database_get_orphans_removed (RedressDatabase *self)
{
  return self->orphans_removed;
}

/**
 * _redress_database_get_docket:
 *
 * Returns: (transfer none) (nullable): the RedressDocket this connection
 *   belongs to; use redress_docket_get_for_database() instead.
 */
GObject *
_redress_database_get_docket (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return self->docket;
}

/* The docket that opened the database holds it, and is pointed to here
 * without a reference (@owned FALSE); a docket made for a database opened on
 * its own is owned by the database (@owned TRUE) until it is closed. */
void
_redress_database_set_docket (RedressDatabase *self,
                              GObject         *docket,
                              gboolean         owned)
{
  g_return_if_fail (REDRESS_IS_DATABASE (self));

  if (self->docket_owned && self->docket != NULL && self->docket != docket)
    g_object_unref (self->docket);
  self->docket = docket;
  self->docket_owned = docket != NULL && owned;
}

/* Whether a write transaction of the model is open on the main connection. */
gboolean
_redress_database_in_transaction (RedressDatabase *self)
{
  return self->tx_depth > 0;
}

/* The user-defined function redress_actor() lets triggers record who acted. */
static void
actor_func (sqlite3_context  *ctx,
            int               argc,
            sqlite3_value   **argv)
{
  RedressDatabase *self = sqlite3_user_data (ctx);

  sqlite3_result_text (ctx, self->actor, -1, SQLITE_TRANSIENT);
}

/* redress_now(): the UTC timestamp format of the whole schema. */
static void
now_func (sqlite3_context  *ctx,
          int               argc,
          sqlite3_value   **argv)
{
  g_autofree char *now = redress_timestamp_now ();

  sqlite3_result_text (ctx, now, -1, SQLITE_TRANSIENT);
}

static void
uuid_func (sqlite3_context  *ctx,
           int               argc,
           sqlite3_value   **argv)
{
  g_autofree char *uuid = redress_uuid_new ();

  sqlite3_result_text (ctx, uuid, -1, SQLITE_TRANSIENT);
}

/* redress_audit_enabled(): the audit triggers fire only when it is true. */
static void
audit_enabled_func (sqlite3_context  *ctx,
                    int               argc,
                    sqlite3_value   **argv)
{
  RedressDatabase *self = sqlite3_user_data (ctx);

  sqlite3_result_int (ctx, !self->audit_disabled);
}

static void
register_functions (RedressDatabase *self,
                    sqlite3         *db)
{
  sqlite3_create_function (db, "redress_audit_enabled", 0, SQLITE_UTF8, self, audit_enabled_func,
                           NULL, NULL);
  sqlite3_create_function (db, "redress_actor", 0, SQLITE_UTF8, self, actor_func, NULL, NULL);
  sqlite3_create_function (db, "redress_now", 0, SQLITE_UTF8, NULL, now_func, NULL, NULL);
  sqlite3_create_function (db, "redress_uuid", 0, SQLITE_UTF8, NULL, uuid_func, NULL, NULL);
}

static gboolean
file_starts_with_sqlite_header (const char *path)
{
  char buf[16] = { 0 };
  FILE *fp = g_fopen (path, "rb");
  gboolean ret;

  if (fp == NULL)
    return FALSE;
  ret = fread (buf, 1, sizeof buf, fp) == sizeof buf && memcmp (buf, "SQLite format 3", 16) == 0;
  fclose (fp);
  return ret;
}

/* Opens the raw connection and applies the key; checks that the key reads. */
/* Nothing can be written where the docket is: read-only media, a folder or
 * file without the right to write (SQLite needs the folder too, for the
 * -wal and -shm files). */
static gboolean
on_read_only_media (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0;
}

static sqlite3 *
open_connection (const char  *path,
                 const char  *passphrase,
                 gboolean     raw_key,
                 gboolean     read_only,
                 gboolean     create,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW;
  g_autofree char *uri = NULL;
  int rc;

  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only)
    flags |= SQLITE_OPEN_CREATE;

  /* A WAL docket closed cleanly has no -shm, which read-only media cannot
   * create: opened as immutable (nothing else can change it there), it
   * reads as it was left. */
  if (read_only && g_file_test (path, G_FILE_TEST_EXISTS) && on_read_only_media (path))
    {
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

      uri = g_strconcat ("file:", escaped, "?immutable=1", NULL);
      flags |= SQLITE_OPEN_URI;
    }

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CANTOPEN && !g_file_test (path, G_FILE_TEST_EXISTS))
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                     _("There is no docket at “%s”."), path);
      else
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                     _("Could not open the docket “%s”: %s"), path,
                     db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  /* SQLCipher logs a failed decryption to stderr whatever its log level; a
   * wrong passphrase is reported by the error below, in words the user can
   * act on.  REDRESS_SQLCIPHER_LOG=1 keeps its log for debugging. */
  if (g_getenv ("REDRESS_SQLCIPHER_LOG") == NULL)
    sqlite3_exec (db, "PRAGMA cipher_log = '/dev/null'", NULL, NULL, NULL);
  /* SQLCipher wipes (and locks) every allocation it frees: keys, decrypted
   * pages.  It costs a system call per allocation, so the test suite, which
   * opens thousands of dockets on a shared machine, turns it off with
   * REDRESS_CIPHER_MEMORY_SECURITY=0 (docs/encryption.md). */
  if (g_strcmp0 (g_getenv ("REDRESS_CIPHER_MEMORY_SECURITY"), "0") != 0)
    sqlite3_exec (db, "PRAGMA cipher_memory_security = ON", NULL, NULL, NULL);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (passphrase != NULL && *passphrase != '\0')
    {
      rc = sqlite3_key (db, passphrase, (int) strlen (passphrase));
      if (rc != SQLITE_OK)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_FAILED,
                       _("Could not apply the passphrase: %s"), sqlite3_errmsg (db));
          sqlite3_close_v2 (db);
          return NULL;
        }
    }

  /* The first read is where a wrong key or a foreign file shows. */
  rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;
      gboolean plain = file_starts_with_sqlite_header (path);

      if (primary == SQLITE_NOTADB && raw_key && !plain)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The docket “%s” does not match its key file, or it is damaged. Restore "
                       "both from a backup."), path);
      else if (primary == SQLITE_NOTADB && passphrase != NULL && *passphrase != '\0' && !plain)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE,
                     _("The passphrase is not right for this docket. Check it and try again."));
      else if (primary == SQLITE_NOTADB && passphrase != NULL && *passphrase != '\0' && plain)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE,
                     _("This docket is not encrypted; open it without a passphrase."));
      else if (primary == SQLITE_NOTADB && !plain)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE,
                     _("“%s” is encrypted or is not a Redress docket. Enter its passphrase to open it."),
                     path);
      else if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The docket “%s” is damaged and cannot be opened. Restore it from a backup."),
                     path);
      else
        _redress_set_sqlite_error (error, db, rc, _("Could not read the docket"));
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

/* A docket (user_version set and the case table there), or a file with no
 * schema at all (an empty file, or one created but never migrated). */
static gboolean
is_docket_or_empty (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db,
                          "SELECT (SELECT user_version FROM pragma_user_version) = 0 AND "
                          "       NOT EXISTS (SELECT 1 FROM sqlite_schema) "
                          "    OR (SELECT user_version FROM pragma_user_version) > 0 AND "
                          "       EXISTS (SELECT 1 FROM sqlite_schema "
                          "               WHERE type = 'table' AND name = 'case_file')",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* Returns NULL when the check passes, else the first problem it found. */
static char *
run_quick_check (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return g_strdup (sqlite3_errmsg (db));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return g_strdup (sqlite3_errmsg (db));
  if (g_strcmp0 (_redress_column_text (stmt, 0), "ok") != 0)
    return g_strdup (_redress_column_text (stmt, 0));

  return NULL;
}

static int
read_user_version (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

typedef struct
{
  int   version;
  char *path;
} Migration;

static void
migration_free (gpointer data)
{
  Migration *m = data;

  g_free (m->path);
  g_free (m);
}

static int
migration_compare (gconstpointer a,
                   gconstpointer b)
{
  const Migration *ma = *(Migration * const *)a;
  const Migration *mb = *(Migration * const *)b;

  return ma->version - mb->version;
}

/* The migrations bundled in the model's resources, in version order. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = NULL;
  GPtrArray *ret = g_ptr_array_new_with_free_func (migration_free);

  redress_model_init ();
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      Migration *m;
      guint64 v;

      if (!g_str_has_suffix (names[i], ".sql") || !g_ascii_isdigit (names[i][0]))
        continue;
      v = g_ascii_strtoull (names[i], NULL, 10);
      m = g_new0 (Migration, 1);
      m->version = (int) v;
      m->path = g_strconcat (MIGRATIONS_PATH "/", names[i], NULL);
      g_ptr_array_add (ret, m);
    }
  g_ptr_array_sort (ret, migration_compare);

  return ret;
}

int
redress_database_get_latest_schema_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  if (migrations->len == 0)
    return 0;
  return ((Migration *) g_ptr_array_index (migrations, migrations->len - 1))->version;
}

static gboolean
apply_migration (RedressDatabase  *self,
                 const Migration  *m,
                 GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  gsize len;

  bytes = g_resources_lookup_data (m->path, 0, error);
  if (bytes == NULL)
    return FALSE;
  {
    const char *data = g_bytes_get_data (bytes, &len);

    sql = g_strndup (data, len);
  }

  if (!exec_on (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Audit triggers name columns, which would stop a migration dropping one. */
  if (m->version > AUDIT_SCHEMA_VERSION && !_redress_audit_drop_triggers (self, error))
    goto fail;

  if (!exec_on (self->db, sql, error))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (migration_hooks); i++)
    if (migration_hooks[i].version == m->version && migration_hooks[i].hook != NULL &&
        !migration_hooks[i].hook (self, error))
      goto fail;

  if (m->version > AUDIT_SCHEMA_VERSION && !_redress_audit_install_triggers (self, error))
    goto fail;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", m->version);
  if (!exec_on (self->db, set_version, error))
    goto fail;

  if (!exec_on (self->db, "COMMIT", error))
    goto fail;

  self->schema_version = m->version;
  g_debug ("Migrated %s to schema version %d", self->path, m->version);
  return TRUE;

fail:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_prefix_error (error, _("Could not upgrade the docket to version %d: "), m->version);
  return FALSE;
}

/* Applies every bundled migration above the current version and up to
 * @version (or all of them when @version is -1), each in one transaction. */
gboolean
_redress_database_migrate_to (RedressDatabase  *self,
                              int               version,
                              GError          **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  for (guint i = 0; i < migrations->len; i++)
    {
      const Migration *m = g_ptr_array_index (migrations, i);

      if (m->version <= self->schema_version)
        continue;
      if (version >= 0 && m->version > version)
        break;
      if (!apply_migration (self, m, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_pragmas (RedressDatabase  *self,
             GError          **error)
{
  /* WAL with synchronous=FULL: a commit that returned survives a power loss.
   * secure_delete overwrites deleted content; foreign keys keep the file whole. */
  return exec_on (self->db,
                  "PRAGMA foreign_keys = ON;"
                  "PRAGMA secure_delete = ON;"
                  "PRAGMA journal_mode = WAL;"
                  "PRAGMA synchronous = FULL;"
                  "PRAGMA temp_store = MEMORY;",
                  error);
}

/**
 * redress_database_open:
 * @path: the docket's database file
 * @passphrase: (nullable): the passphrase of an encrypted docket; when
 *   creating, a non-empty passphrase makes the new docket encrypted: a random
 *   data key wrapped under the passphrase in the key file beside it (add a
 *   recovery key with redress_database_new_recovery_key())
 * @flags: #RedressDatabaseOpenFlags
 * @error: a #GError
 *
 * Opens a docket.  A damaged docket is opened read-only, with a reason the
 * views show; nothing is written to it.  A wrong passphrase, an encrypted
 * docket without one, or a file that is not a docket give a clear error.
 *
 * Returns: (transfer full): the database, or %NULL with @error set.
 */
RedressDatabase *
redress_database_open (const char                *path,
                       const char                *passphrase,
                       RedressDatabaseOpenFlags   flags,
                       GError                   **error)
{
  return _redress_database_open_full (path, passphrase, flags, -1, error);
}

static RedressDatabase *open_with (const char                *path,
                                   const char                *passphrase,
                                   const char                *recovery_key,
                                   RedressDatabaseOpenFlags   flags,
                                   int                        version,
                                   GError                   **error);

/**
 * redress_database_open_with_recovery_key:
 * @recovery_key: the key shown when the docket was made (groups of four)
 *
 * Opens an encrypted docket whose passphrase is forgotten; then set a new
 * one with redress_database_change_passphrase().
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 *   (%REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY when it does not fit).
 */
RedressDatabase *
redress_database_open_with_recovery_key (const char                *path,
                                         const char                *recovery_key,
                                         RedressDatabaseOpenFlags   flags,
                                         GError                   **error)
{
  g_return_val_if_fail (recovery_key != NULL, NULL);

  return open_with (path, NULL, recovery_key, flags & ~REDRESS_DATABASE_OPEN_CREATE, -1, error);
}

/* redress_database_open(), migrating only up to schema @version (-1: all).
 * Tests use it to make dockets of an older version. */
RedressDatabase *
_redress_database_open_full (const char                *path,
                             const char                *passphrase,
                             RedressDatabaseOpenFlags   flags,
                             int                        version,
                             GError                   **error)
{
  return open_with (path, passphrase, NULL, flags, version, error);
}

static gboolean
file_is_empty (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0;
}

/* Works out the key of the docket at @path: a new data key for a new
 * encrypted docket (its key file is written before the database), the one
 * unwrapped from the key file, or the passphrase itself for a docket of
 * Redress 0.1.  Leaves self->key_spec NULL for a plain docket. */
static gboolean
resolve_key (RedressDatabase  *self,
             const char       *passphrase,
             const char       *recovery_key,
             gboolean          fresh,
             gboolean          read_only,
             GError          **error)
{
  g_autofree char *keys_path = redress_keys_path_for_docket (self->path);
  gboolean has_passphrase = passphrase != NULL && *passphrase != '\0';

  if (fresh)
    {
      g_autoptr(RedressKeyFile) kf = NULL;

      if (!has_passphrase)
        {
          self->key_kind = REDRESS_DATABASE_KEY_NONE;
          return TRUE;
        }
      kf = _redress_key_file_new ();
      self->data_key = _redress_data_key_new ();
      if (!_redress_key_file_set_passphrase (kf, self->data_key, passphrase, error) ||
          !_redress_key_file_save (kf, keys_path, error))
        return FALSE;
      self->keys = g_steal_pointer (&kf);
      self->key_spec = _redress_data_key_spec (self->data_key);
      self->key_kind = REDRESS_DATABASE_KEY_WRAPPED;
      return TRUE;
    }

  if (file_starts_with_sqlite_header (self->path))
    {
      /* A plain docket.  A key file beside it is what an encryption that
       * did not finish left behind (it is written before the swap). */
      if (g_file_test (keys_path, G_FILE_TEST_EXISTS) && !read_only)
        {
          g_message ("Removing the key file of an encryption that did not finish");
          g_unlink (keys_path);
        }
      if (recovery_key != NULL)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY,
                       _("This docket is not encrypted; open it without a recovery key."));
          return FALSE;
        }
      if (has_passphrase)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE,
                       _("This docket is not encrypted; open it without a passphrase."));
          return FALSE;
        }
      self->key_kind = REDRESS_DATABASE_KEY_NONE;
      return TRUE;
    }

  if (g_file_test (keys_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RedressKeyFile) kf = _redress_key_file_load (keys_path, error);

      if (kf == NULL)
        return FALSE;
      if (recovery_key != NULL)
        self->data_key = _redress_key_file_unwrap_recovery (kf, recovery_key, error);
      else if (has_passphrase)
        self->data_key = _redress_key_file_unwrap_passphrase (kf, passphrase, error);
      else
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE,
                       _("“%s” is encrypted. Enter its passphrase to open it."), self->path);
          return FALSE;
        }
      if (self->data_key == NULL)
        return FALSE;
      self->keys = g_steal_pointer (&kf);
      self->key_spec = _redress_data_key_spec (self->data_key);
      self->key_kind = REDRESS_DATABASE_KEY_WRAPPED;
      return TRUE;
    }

  if (recovery_key != NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY,
                   _("This docket has no recovery key (it was made by an older Redress, or its "
                     "key file “%s” is missing). Open it with its passphrase."), keys_path);
      return FALSE;
    }
  /* Encrypted by Redress 0.1 with the passphrase itself, or not a docket:
   * open_connection() tells which. */
  self->key_spec = has_passphrase ? _redress_secure_strdup (passphrase) : NULL;
  self->key_kind = has_passphrase ? REDRESS_DATABASE_KEY_PASSPHRASE : REDRESS_DATABASE_KEY_NONE;
  return TRUE;
}

static RedressDatabase *
open_with (const char                *path,
           const char                *passphrase,
           const char                *recovery_key,
           RedressDatabaseOpenFlags   flags,
           int                        version,
           GError                   **error)
{
  g_autoptr(RedressDatabase) self = NULL;
  g_autofree char *problem = NULL;
  gboolean read_only = (flags & REDRESS_DATABASE_OPEN_READ_ONLY) != 0;
  gboolean create = (flags & REDRESS_DATABASE_OPEN_CREATE) != 0;
  gboolean raw;
  gboolean exists;
  int latest;

  g_return_val_if_fail (path != NULL, NULL);

  redress_model_init ();

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && !create)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("There is no docket at “%s”."), path);
      return NULL;
    }
  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_A_DOCKET,
                   _("“%s” is a folder, not a docket file."), path);
      return NULL;
    }
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (!exists && !read_only)
    {
      /* The docket is readable by its owner only; SQLite gives its -wal and
       * -shm the same mode. */
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not create the docket “%s”: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      if (fd >= 0)
        close (fd);
    }

  self = g_object_new (REDRESS_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (exists && !read_only && on_read_only_media (path))
    {
      read_only = TRUE;
      self->read_only_reason = g_strdup (_("the docket is on read-only media or in a folder you "
                                           "cannot write to. Copy it somewhere you can write to "
                                           "change it."));
    }


  if (!resolve_key (self, passphrase, recovery_key,
                    create && !read_only && (!exists || file_is_empty (path)), read_only, error))
    return NULL;
  self->encrypted = self->key_spec != NULL;
  raw = self->key_kind == REDRESS_DATABASE_KEY_WRAPPED;

  {
    g_autoptr(GError) local_error = NULL;

    self->db = open_connection (path, self->key_spec, raw, read_only, create, &local_error);
    if (self->db == NULL && raw && passphrase != NULL && *passphrase != '\0' &&
        g_error_matches (local_error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT))
      {
        /* An encryption of a Redress 0.1 docket that stopped before its swap
         * left the new key file beside the old database, still keyed with
         * its passphrase. */
        self->db = open_connection (path, passphrase, FALSE, read_only, FALSE, NULL);
        if (self->db != NULL)
          {
            g_autofree char *keys_path = redress_keys_path_for_docket (path);

            g_message ("Removing the key file of an encryption that did not finish");
            if (!read_only)
              g_unlink (keys_path);
            g_clear_pointer (&self->key_spec, _redress_secure_free);
            g_clear_pointer (&self->data_key, _redress_secure_free);
            g_clear_pointer (&self->keys, _redress_key_file_free);
            self->key_spec = _redress_secure_strdup (passphrase);
            self->key_kind = REDRESS_DATABASE_KEY_PASSPHRASE;
            raw = FALSE;
          }
      }
    if (self->db == NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  }

  register_functions (self, self->db);

  /* Another program's SQLite file: refused before anything is written to
   * it (the WAL switch, the migrations). */
  if (exists && !is_docket_or_empty (self->db))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_A_DOCKET,
                   _("“%s” is a database of another program, not a Redress docket. It was not "
                     "changed."), path);
      return NULL;
    }

  problem = run_quick_check (self->db);
  if (problem != NULL && !read_only)
    {
      /* Damaged: reopen without the right to write anything to it. */
      g_message ("quick_check of %s failed: %s", path, problem);
      sqlite3_close_v2 (g_steal_pointer (&self->db));
      self->db = open_connection (path, self->key_spec, raw, TRUE, FALSE, error);
      if (self->db == NULL)
        return NULL;
      register_functions (self, self->db);
      read_only = TRUE;
      g_free (self->read_only_reason);
      self->read_only_reason = g_strdup (_("the docket file is damaged. Nothing will be written to "
                                           "it; copy what you need and restore it from a backup."));
    }
  else if (problem != NULL)
    {
      g_free (self->read_only_reason);
      self->read_only_reason = g_strdup (_("the docket file is damaged."));
    }

  self->read_only = read_only;
  if (read_only)
    {
      if (self->read_only_reason == NULL)
        self->read_only_reason = g_strdup (_("it was opened for reading only."));
      exec_on (self->db, "PRAGMA query_only = ON", NULL);
    }

  self->schema_version = read_user_version (self->db);
  latest = redress_database_get_latest_schema_version ();
  if (self->schema_version > latest)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_TOO_NEW,
                   _("This docket was made by a newer version of Redress (schema %d; this version "
                     "knows up to %d). Update Redress to open it."),
                   self->schema_version, latest);
      return NULL;
    }

  if (!read_only)
    {
      if (!set_pragmas (self, error))
        return NULL;
      if (!_redress_database_migrate_to (self, version, error))
        return NULL;
    }
  else
    {
      exec_on (self->db, "PRAGMA foreign_keys = ON", NULL);
    }

  if (!read_only)
    {
      g_autofree char *evidence = redress_database_get_evidence_dir (self);

      if (g_mkdir_with_parents (evidence, 0700) != 0)
        g_warning ("Could not create %s: %s", evidence, g_strerror (errno));
      else
        _redress_evidence_sweep_at_open (self);
    }

  install_hooks (self);
  return g_steal_pointer (&self);
}

/**
 * _redress_database_open_reader:
 *
 * Opens a second, read-only connection to the same docket with the same key,
 * for work in a thread (search, list reloads).  WAL lets it read next to the
 * main connection's writes.
 *
 * Returns: (transfer full): a connection to close with sqlite3_close_v2().
 */
sqlite3 *
_redress_database_open_reader (RedressDatabase  *self,
                               GError          **error)
{
  sqlite3 *db;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  db = open_connection (self->path, self->key_spec, self->key_kind == REDRESS_DATABASE_KEY_WRAPPED,
                        TRUE, FALSE, error);
  if (db != NULL)
    {
      register_functions (self, db);
      exec_on (db, "PRAGMA query_only = ON", NULL);
    }
  return db;
}

/* A write through the statement interface outside a transaction is
 * committed as it completes: announce it, as _redress_database_step_done()
 * does for the raw statements of storage. */
static void
connection_committed_cb (gpointer data)
{
  RedressDatabase *self = data;

  if (self->tx_depth == 0)
    _redress_database_flush_changes (self);
}

/**
 * redress_database_get_connection:
 *
 * Returns: (transfer none) (nullable): the docket's main connection, for
 *   redress_connection_prepare(); %NULL once the docket is closed.
 */
RedressConnection *
redress_database_get_connection (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  if (self->conn != NULL && _redress_connection_get_handle (self->conn) != self->db)
    g_clear_pointer (&self->conn, redress_connection_close);
  if (self->conn == NULL && self->db != NULL)
    {
      self->conn = _redress_connection_new (self->db, FALSE);
      _redress_connection_set_committed_func (self->conn, connection_committed_cb, self);
    }
  return self->conn;
}

/**
 * redress_database_open_reader:
 *
 * A read-only connection of its own for a worker thread (see
 * _redress_database_open_reader()); one thread at a time uses it.
 *
 * Returns: (transfer full): the connection, to close with
 *   redress_connection_close().
 */
RedressConnection *
redress_database_open_reader (RedressDatabase  *self,
                              GError          **error)
{
  sqlite3 *db = _redress_database_open_reader (self, error);

  return db != NULL ? _redress_connection_new (db, TRUE) : NULL;
}

/**
 * redress_database_get_default_path:
 *
 * Returns: (transfer full): the default docket, in the user's data folder.
 */
char *
redress_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "redress", "docket.redress", NULL);
}

const char *
redress_database_get_path (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * redress_database_get_evidence_dir:
 *
 * Returns: (transfer full): the evidence/ folder beside the database file.
 */
char *
redress_database_get_evidence_dir (RedressDatabase *self)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  dir = g_path_get_dirname (self->path);
  return g_build_filename (dir, "evidence", NULL);
}

gboolean
redress_database_get_read_only (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), TRUE);

  return self->read_only;
}

const char *
redress_database_get_read_only_reason (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return self->read_only ? self->read_only_reason : NULL;
}

gboolean
redress_database_get_encrypted (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  return self->encrypted;
}

int
redress_database_get_schema_version (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), -1);

  return self->schema_version;
}

const char *
redress_database_get_actor (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return self->actor;
}

/**
 * redress_database_set_audit_enabled:
 * @enabled: %FALSE to stop recording changes in the audit trail
 *
 * Turns the audit trail of this connection on or off (it is on by default).
 * Only bulk generation of demonstration dockets turns it off.
 */
void
redress_database_set_audit_enabled (RedressDatabase *self,
                                    gboolean         enabled)
{
  g_return_if_fail (REDRESS_IS_DATABASE (self));

  self->audit_disabled = !enabled;
}

gboolean
redress_database_get_audit_enabled (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  return !self->audit_disabled;
}

/* What SQLCipher is keyed with (the raw data key as x'…', or the passphrase
 * of a Redress 0.1 docket), for a copy with the same key; NULL when plain. */
const char *
_redress_database_get_passphrase (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return self->key_spec;
}

/* The docket's data key (REDRESS_DATA_KEY_LEN bytes), or NULL when it has none. */
const guint8 *
_redress_database_get_data_key (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return self->data_key;
}

/**
 * _redress_database_derive_subkey:
 * @purpose: a name for what the key is for, such as "audit"
 * @out: (out caller-allocates): @len bytes
 * @len: from 16 to 64
 *
 * A secret of the docket for one purpose (keying an HMAC, the evidence
 * streams, file names), derived from the data key with keyed BLAKE2b, so no
 * two purposes share a key and none of them reveals the data key.
 *
 * Returns: %FALSE when the docket has no data key (a plain docket, or one of
 *   Redress 0.1 keyed with its passphrase); @out is then zeroed.
 */
gboolean
_redress_database_derive_subkey (RedressDatabase *self,
                                 const char      *purpose,
                                 guint8          *out,
                                 gsize            len)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  if (self->data_key == NULL)
    {
      memset (out, 0, len);
      return FALSE;
    }
  return _redress_derive_subkey (self->data_key, purpose, out, len);
}

RedressDatabaseKeyKind
redress_database_get_key_kind (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), REDRESS_DATABASE_KEY_NONE);

  return self->key_kind;
}

/**
 * redress_database_get_keys_path:
 *
 * Returns: (transfer full): the key file beside the docket (it exists only
 *   for a %REDRESS_DATABASE_KEY_WRAPPED docket).
 */
char *
redress_database_get_keys_path (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  return redress_keys_path_for_docket (self->path);
}

gboolean
redress_database_has_recovery_key (RedressDatabase *self)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  return self->keys != NULL && _redress_key_file_has_slot (self->keys, "recovery");
}

/**
 * redress_database_get_kdf_parameters:
 * @opslimit: (out): Argon2id passes
 * @memlimit: (out): Argon2id memory, in bytes
 *
 * Returns: %FALSE when the docket has no passphrase slot.
 */
gboolean
redress_database_get_kdf_parameters (RedressDatabase *self,
                                     guint64         *opslimit,
                                     guint64         *memlimit)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  return self->keys != NULL && _redress_key_file_get_kdf (self->keys, opslimit, memlimit);
}

static gboolean
check_wrapped (RedressDatabase  *self,
               GError          **error)
{
  if (self->key_kind == REDRESS_DATABASE_KEY_WRAPPED)
    return _redress_database_check_writable (self, error);
  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
               self->key_kind == REDRESS_DATABASE_KEY_NONE
               ? _("This docket is not encrypted. Encrypt it first.")
               : _("This docket was encrypted by an older Redress. Encrypt it again to get a "
                   "recovery key and a passphrase that can be changed."));
  return FALSE;
}

/* Whether @secret unwraps the same data key the docket is open with. */
static gboolean
unwrapped_matches (RedressDatabase *self,
                   guint8          *key)
{
  gboolean same;

  if (key == NULL)
    return FALSE;
  same = sodium_memcmp (key, self->data_key, REDRESS_DATA_KEY_LEN) == 0;
  _redress_secure_free (key);
  return same;
}

/**
 * redress_database_check_passphrase:
 *
 * Checks @passphrase against the docket's key file (to unlock a locked
 * window, or before a change).  Takes as long as opening (Argon2id).
 */
gboolean
redress_database_check_passphrase (RedressDatabase  *self,
                                   const char       *passphrase,
                                   GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  if (self->key_kind == REDRESS_DATABASE_KEY_PASSPHRASE)
    {
      if (passphrase != NULL && g_strcmp0 (passphrase, self->key_spec) == 0)
        return TRUE;
    }
  else if (self->keys != NULL && passphrase != NULL &&
           unwrapped_matches (self, _redress_key_file_unwrap_passphrase (self->keys, passphrase,
                                                                         &local_error)))
    return TRUE;

  if (local_error != NULL &&
      !g_error_matches (local_error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE,
                 _("The passphrase is not right for this docket. Check it and try again."));
  return FALSE;
}

gboolean
redress_database_check_recovery_key (RedressDatabase  *self,
                                     const char       *recovery_key,
                                     GError          **error)
{
  guint8 *key;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  if (self->keys == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY,
                   _("This docket has no recovery key."));
      return FALSE;
    }
  key = _redress_key_file_unwrap_recovery (self->keys, recovery_key, error);
  if (key == NULL)
    return FALSE;
  if (unwrapped_matches (self, key))
    return TRUE;
  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY,
               _("The recovery key is not right for this docket. Check each group and try again."));
  return FALSE;
}

/**
 * redress_database_change_passphrase:
 *
 * Wraps the data key under @new_passphrase and rewrites the key file
 * atomically; the data is not re-encrypted, so it takes the time of one key
 * derivation whatever the docket's size.  The old passphrase no longer opens
 * the docket; the recovery key still does.  Callers ask for the old
 * passphrase (or the recovery key) first.
 */
gboolean
redress_database_change_passphrase (RedressDatabase  *self,
                                    const char       *new_passphrase,
                                    GError          **error)
{
  g_autofree char *keys_path = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  if (!check_wrapped (self, error) || !redress_passphrase_check_new (new_passphrase, error))
    return FALSE;
  keys_path = redress_keys_path_for_docket (self->path);
  if (!_redress_key_file_set_passphrase (self->keys, self->data_key, new_passphrase, error) ||
      !_redress_key_file_save (self->keys, keys_path, error))
    return FALSE;
  g_debug ("The passphrase of a docket was changed");
  return TRUE;
}

/**
 * redress_database_new_recovery_key:
 *
 * Makes a new recovery key (the old one no longer opens the docket) and
 * saves it, wrapped, in the key file.
 *
 * Returns: (transfer full): the recovery key to show the user once; free it
 *   with redress_database_free_secret().
 */
char *
redress_database_new_recovery_key (RedressDatabase  *self,
                                   GError          **error)
{
  g_autofree char *keys_path = NULL;
  char *text;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), NULL);

  if (!check_wrapped (self, error))
    return NULL;
  keys_path = redress_keys_path_for_docket (self->path);
  text = _redress_key_file_set_recovery (self->keys, self->data_key, error);
  if (text == NULL)
    return NULL;
  if (!_redress_key_file_save (self->keys, keys_path, error))
    {
      _redress_secure_free (text);
      return NULL;
    }
  return text;
}

/* Frees a recovery key from redress_database_new_recovery_key(), wiping it. */
void
redress_database_free_secret (char *secret)
{
  _redress_secure_free (secret);
}

void
redress_database_set_actor (RedressDatabase *self,
                            const char      *actor)
{
  g_return_if_fail (REDRESS_IS_DATABASE (self));
  g_return_if_fail (actor != NULL);

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

/**
 * redress_database_emit_changed:
 * @table: the table whose rows changed
 * @id: (nullable): the row, or %NULL for many rows
 *
 * Announces a change that SQLite's update hook cannot see.  Every row
 * written on the connection is announced without it, once per commit
 * (::changed per table, then ::committed), so model code never calls this
 * after its own writes; a call inside a transaction joins its change set.
 */
void
redress_database_emit_changed (RedressDatabase *self,
                               const char      *table,
                               const char      *id)
{
  PendingChange change = { 0 };

  g_return_if_fail (REDRESS_IS_DATABASE (self));
  g_return_if_fail (table != NULL);

  /* Writes outside a transaction first. */
  _redress_database_flush_changes (self);

  change.table = g_intern_string (table);
  change.id = g_strdup (id);
  change.by_hand = TRUE;
  change.level = self->tx_depth;
  change.committed = self->tx_depth == 0;
  g_array_append_val (self->pending, change);
  _redress_database_flush_changes (self);
}

void
redress_database_close (RedressDatabase *self)
{
  g_return_if_fail (REDRESS_IS_DATABASE (self));

  /* A docket made for this database alone goes with it. */
  if (self->docket_owned && self->docket != NULL)
    {
      GObject *docket = g_steal_pointer (&self->docket);

      self->docket_owned = FALSE;
      g_object_unref (docket);
    }
  g_clear_pointer (&self->stmt_counts, g_hash_table_unref);
  g_clear_pointer (&self->conn, redress_connection_close);
  if (self->db != NULL)
    {
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  /* Closing the docket wipes its keys from memory and the copies of its
   * evidence decrypted for viewing. */
  _redress_private_copies_wipe (self);
  g_clear_pointer (&self->key_spec, _redress_secure_free);
  g_clear_pointer (&self->data_key, _redress_secure_free);
}

/* Statement counts, for the tests that check what an edit re-reads. */

static int
count_statement_cb (unsigned  type,
                    void     *data,
                    void     *stmt,
                    void     *sql)
{
  RedressDatabase *self = data;
  const char *text = sql;

  if (type == SQLITE_TRACE_STMT && self->stmt_counts != NULL && text != NULL)
    {
      gpointer count = g_hash_table_lookup (self->stmt_counts, text);

      if (count == NULL)
        g_hash_table_insert (self->stmt_counts, g_strdup (text), GUINT_TO_POINTER (1));
      else
        g_hash_table_replace (self->stmt_counts, g_strdup (text),
                              GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
  return 0;
}

/**
 * _redress_database_count_statements:
 * @enable: start (from zero) or stop counting
 *
 * Counts every statement run on the main connection by its SQL text (a
 * trigger's statements as "-- TRIGGER name"), for the tests.
 */
void
_redress_database_count_statements (RedressDatabase *self,
                                    gboolean         enable)
{
  g_return_if_fail (REDRESS_IS_DATABASE (self));

  g_clear_pointer (&self->stmt_counts, g_hash_table_unref);
  if (enable)
    self->stmt_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (self->db != NULL)
    sqlite3_trace_v2 (self->db, enable ? SQLITE_TRACE_STMT : 0,
                      enable ? count_statement_cb : NULL, self);
}

/**
 * _redress_database_get_statement_count:
 * @matching: (nullable): a piece of SQL text, e.g. "FROM fact "; %NULL for all
 *
 * Returns: how many statements whose text holds @matching ran since
 *   counting started.
 */
guint
_redress_database_get_statement_count (RedressDatabase *self,
                                       const char      *matching)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), 0);

  if (self->stmt_counts == NULL)
    return 0;
  g_hash_table_iter_init (&iter, self->stmt_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (matching == NULL || strstr (key, matching) != NULL)
      n += GPOINTER_TO_UINT (value);
  return n;
}
