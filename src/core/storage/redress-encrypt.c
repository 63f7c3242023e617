/* redress-encrypt.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Encrypting a docket that is plain (or keyed with its passphrase by Redress
 * 0.1): an encrypted copy of the database under a new data key
 * (sqlcipher_export), every original sealed beside the plain ones, all of it
 * verified; then the key file, a journal of the plaintext to wipe, the
 * atomic swap of the database file, and the wipe.  A failure or a cancel
 * before the swap leaves the docket as it was; a kill at any point is
 * finished or undone when the docket is next opened (redress-database.c,
 * the journals of redress-evidence-store.c).
 */

#define G_LOG_DOMAIN "redress-encrypt"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redress-sqlite-private.h"
#include "redress-encrypt.h"
#include "redress-evidence-store-private.h"
#include "redress-keys-private.h"
#include "redress-seal-private.h"

static const char * const counted_tables[] = {
  "case_file", "person", "case_party", "evidence_item", "custody_event", "audit_log", "note",
};

static gint64
count_rows (sqlite3    *conn,
            const char *schema,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\".\"%s\"", schema, table);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
exec_sql (sqlite3     *conn,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (conn, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _redress_set_sqlite_error (error, conn, rc, _("Could not make the encrypted copy"));
      return FALSE;
    }
  return TRUE;
}

/* The encrypted copy of the open docket, at @tmp_path, keyed with @spec. */
static gboolean
export_encrypted (RedressDatabase  *db,
                  const char       *tmp_path,
                  const char       *spec,
                  GError          **error)
{
  sqlite3 *conn = _redress_database_get_handle (db);
  g_autoptr(sqlite3_stmt) attach = NULL;
  g_autofree char *set_version = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (conn, "ATTACH DATABASE ?1 AS redress_enc KEY ?2", -1, &attach, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (attach, 1, tmp_path, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (attach, 2, spec, -1, SQLITE_STATIC);
      rc = sqlite3_step (attach) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (conn);
    }
  if (rc != SQLITE_OK)
    {
      _redress_set_sqlite_error (error, conn, rc, _("Could not make the encrypted copy"));
      return FALSE;
    }
  g_clear_pointer (&attach, sqlite3_finalize);

  set_version = g_strdup_printf ("PRAGMA redress_enc.user_version = %d",
                                 redress_database_get_schema_version (db));
  ok = exec_sql (conn, "SELECT sqlcipher_export ('redress_enc')", error) &&
       exec_sql (conn, set_version, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (counted_tables); i++)
    if (count_rows (conn, "main", counted_tables[i]) != count_rows (conn, "redress_enc", counted_tables[i]))
      {
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The encrypted copy does not hold every row of “%s”; the docket was not "
                       "encrypted."), counted_tables[i]);
        ok = FALSE;
      }
  sqlite3_exec (conn, "DETACH DATABASE redress_enc", NULL, NULL, NULL);
  return ok;
}

/* Opens the copy afresh with its key and checks every page of it. */
static gboolean
check_copy (const char  *path,
            const char  *spec,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *conn = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL) == SQLITE_OK &&
      sqlite3_key (conn, spec, (int) strlen (spec)) == SQLITE_OK &&
      sqlite3_prepare_v2 (conn, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (conn);
  if (!ok)
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                 _("The encrypted copy does not read back whole; the docket was not encrypted."));
  return ok;
}

typedef struct
{
  char    *sha256;
  char    *title;
  guint64  size;
} Original;

static void
original_free (gpointer data)
{
  Original *o = data;

  g_free (o->sha256);
  g_free (o->title);
  g_free (o);
}

static GPtrArray *
list_originals (RedressDatabase  *db,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (original_free);
  int rc;

  stmt = _redress_database_prepare (db, "SELECT sha256, min (title), max (size) FROM evidence_item "
                                        "GROUP BY sha256 ORDER BY sha256", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Original *o = g_new0 (Original, 1);

      o->sha256 = g_strdup (_redress_column_text (stmt, 0));
      o->title = g_strdup (_redress_column_text (stmt, 1));
      o->size = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (list, o);
    }
  if (rc != SQLITE_DONE)
    {
      _redress_set_sqlite_error (error, _redress_database_get_handle (db), rc,
                                 _("Could not read the evidence list"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static void
remove_sealed (const char *evidence_dir,
               GPtrArray  *written)
{
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *path = g_build_filename (evidence_dir, g_ptr_array_index (written, i), NULL);

      g_chmod (path, 0600);
      g_unlink (path);
    }
}

/**
 * redress_docket_encrypt:
 * @path: a docket that is not open anywhere else
 * @old_passphrase: (nullable): its passphrase when Redress 0.1 encrypted it
 * @new_passphrase: the passphrase of the encrypted docket
 * @recovery_key: (out) (optional): the new recovery key, to show once; free
 *   it with redress_database_free_secret()
 * @progress: (nullable) (scope call): fraction done
 * @cancellable: (nullable): cancels until the swap
 *
 * Encrypts a docket in place: the database under a new random data key
 * (wrapped in the key file under @new_passphrase and a new recovery key)
 * and every evidence original sealed.  The plaintext originals are
 * overwritten with zeros and removed once the encrypted docket is in place
 * (on an SSD old blocks may survive: see docs/encryption.md).
 *
 * Returns: %TRUE when the docket at @path is encrypted and verified.
 */
gboolean
redress_docket_encrypt (const char                 *path,
                        const char                 *old_passphrase,
                        const char                 *new_passphrase,
                        char                      **recovery_key,
                        RedressBackupProgressFunc   progress,
                        gpointer                    progress_data,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(RedressKeyFile) kf = NULL;
  g_autoptr(RedressSealKeys) seal = NULL;
  g_autoptr(GPtrArray) originals = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Journal) intake = NULL;
  g_autoptr(Journal) wipe = NULL;
  g_autoptr(RedressDatabase) check = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp_path = g_strdup_printf ("%s/.%s.encrypt-XXXXXX", dir, base);
  g_autofree char *keys_path = redress_keys_path_for_docket (path);
  g_autofree char *evidence_dir = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  guint8 *data_key = NULL;
  char *spec = NULL;
  char *recovery = NULL;
  guint64 total = 0, done = 0;
  gboolean keys_written = FALSE;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!redress_passphrase_check_new (new_passphrase, error))
    return FALSE;

  db = redress_database_open (path, old_passphrase, REDRESS_DATABASE_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  if (redress_database_get_read_only (db))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_READ_ONLY,
                   _("This docket cannot be changed (%s), so it was not encrypted."),
                   redress_database_get_read_only_reason (db));
      return FALSE;
    }
  if (redress_database_get_key_kind (db) == REDRESS_DATABASE_KEY_WRAPPED)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("This docket is already encrypted."));
      return FALSE;
    }
  evidence_dir = redress_database_get_evidence_dir (db);

  originals = list_originals (db, error);
  if (originals == NULL)
    return FALSE;
  for (guint i = 0; i < originals->len; i++)
    total += ((Original *) g_ptr_array_index (originals, i))->size;

  data_key = _redress_data_key_new ();
  spec = _redress_data_key_spec (data_key);
  seal = _redress_seal_keys_new_from (data_key);

  /* 1. The database, encrypted under the data key, beside the docket. */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not write beside the docket: %s"), g_strerror (errno));
      goto fail;
    }
  close (fd);
  if (!export_encrypted (db, tmp_path, spec, error) || !check_copy (tmp_path, spec, error))
    goto fail;
  if (progress != NULL)
    progress (total > 0 ? 0.1 : 0.9, progress_data);

  /* 2. Every original sealed beside the plain one; noted in an intake
   * journal so that a kill before the swap removes them at the next open. */
  intake = _redress_journal_open (evidence_dir, "intake", path, error);
  if (intake == NULL)
    goto fail;
  for (guint i = 0; i < originals->len; i++)
    {
      Original *o = g_ptr_array_index (originals, i);
      g_autofree char *rel = _redress_evidence_original_relative (seal, o->sha256);
      g_autofree char *src = NULL;
      char *written_rel = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      {
        char shard[3] = { o->sha256[0], o->sha256[1], '\0' };

        src = g_build_filename (evidence_dir, shard, o->sha256, NULL);
      }
      if (!_redress_journal_note (intake, rel, error) ||
          !_redress_evidence_seal_file (src, evidence_dir, seal, o->sha256, o->title, &written_rel,
                                        cancellable, error))
        goto fail;
      g_ptr_array_add (written, written_rel);
      done += o->size;
      if (progress != NULL)
        progress (0.1 + 0.8 * (double) done / (double) total, progress_data);
    }

  /* 3. Every sealed original reads back whole. */
  for (guint i = 0; i < originals->len; i++)
    {
      Original *o = g_ptr_array_index (originals, i);
      g_autofree char *sealed = g_build_filename (evidence_dir, g_ptr_array_index (written, i), NULL);
      g_autofree char *hash = NULL;
      gboolean missing = FALSE, damaged = FALSE;

      hash = _redress_evidence_hash_stored (sealed, seal, cancellable, &missing, &damaged, error);
      if (g_strcmp0 (hash, o->sha256) != 0)
        {
          if (hash != NULL || missing || damaged)
            g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                         _("The encrypted copy of “%s” does not read back whole; the docket was "
                           "not encrypted."), o->title);
          goto fail;
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;

  /* 4. The key file, then the journal of the plaintext to wipe. */
  kf = _redress_key_file_new ();
  if (!_redress_key_file_set_passphrase (kf, data_key, new_passphrase, error))
    goto fail;
  recovery = _redress_key_file_set_recovery (kf, data_key, error);
  if (recovery == NULL || !_redress_key_file_save (kf, keys_path, error))
    goto fail;
  keys_written = TRUE;
  wipe = _redress_journal_open (evidence_dir, "wipe", path, error);
  if (wipe == NULL)
    goto fail;
  for (guint i = 0; i < originals->len; i++)
    {
      Original *o = g_ptr_array_index (originals, i);
      char shard[3] = { o->sha256[0], o->sha256[1], '\0' };
      g_autofree char *rel = g_build_filename (shard, o->sha256, NULL);

      if (!_redress_journal_note (wipe, rel, error))
        goto fail;
    }

  /* 5. The swap.  The plain database is closed (its WAL checkpointed). */
  redress_database_close (db);
  g_clear_object (&db);
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (tmp_path, path) != 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not put the encrypted docket in place: %s"), g_strerror (errno));
      goto fail;
    }
  g_clear_pointer (&tmp_path, g_free);
  /* From here on the docket is encrypted: what follows is finished at the
   * next open if it is interrupted. */
  {
    g_autoptr(GError) sync_error = NULL;

    if (!_redress_fsync_dir (dir, &sync_error))
      g_warning ("%s", sync_error->message);
  }

  /* 6. The plaintext originals, overwritten and removed. */
  for (guint i = 0; i < originals->len; i++)
    {
      Original *o = g_ptr_array_index (originals, i);
      char shard[3] = { o->sha256[0], o->sha256[1], '\0' };
      g_autofree char *plain = g_build_filename (evidence_dir, shard, o->sha256, NULL);

      _redress_wipe_file (plain);
    }
  g_clear_pointer (&wipe, _redress_journal_close);
  g_clear_pointer (&intake, _redress_journal_close);

  /* 7. It opens with the new passphrase. */
  check = redress_database_open (path, new_passphrase, REDRESS_DATABASE_OPEN_DEFAULT, error);
  if (check == NULL)
    goto after_swap_fail;
  redress_database_close (check);

  if (progress != NULL)
    progress (1.0, progress_data);
  if (recovery_key != NULL)
    *recovery_key = g_steal_pointer (&recovery);
  _redress_secure_free (recovery);
  _redress_secure_free (spec);
  _redress_secure_free (data_key);
  g_debug ("Encrypted a docket");
  return TRUE;

fail:
  /* Before the swap: the docket is as it was. */
  if (db != NULL)
    sqlite3_exec (_redress_database_get_handle (db), "DETACH DATABASE redress_enc", NULL, NULL, NULL);
  if (tmp_path != NULL)
    g_unlink (tmp_path);
  if (evidence_dir != NULL)
    remove_sealed (evidence_dir, written);
  if (keys_written)
    g_unlink (keys_path);
  g_clear_pointer (&wipe, _redress_journal_close);
  g_clear_pointer (&intake, _redress_journal_close);
after_swap_fail:
  _redress_secure_free (recovery);
  _redress_secure_free (spec);
  _redress_secure_free (data_key);
  return FALSE;
}
