/* redress-backup.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole backups of a docket, verified before they count, restores, and the
 * integrity check of an open docket.
 *
 * A backup is one folder, BACKUP/:
 *   docket.redress        the database (same key, one self-contained file)
 *   docket.redress.keys   the key file, when the docket has one
 *   evidence/             every original, copied as stored (sealed in an
 *                         encrypted docket), under the same names
 *   backup.ini            what it is (no case data)
 * written as BACKUP.part-XXXXXX, checked (integrity_check and every
 * evidence hash) and only then renamed into place.  BACKUP/docket.redress
 * opens like any docket, read-only.
 */

#define G_LOG_DOMAIN "redress-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress-backup.h"
#include "redress-sqlite-private.h"
#include "redress-evidence-store-private.h"
#include "redress-keys-private.h"
#include "redress-seal-private.h"
#include "redress-util.h"

#define PAGES_PER_STEP 256
#define BUSY_RETRY_US  (10 * 1000)
/* How long a backup waits for a busy docket (a writer, or a stale -shm
 * beside a read-only file that no reader can recover) before it gives up. */
#define BUSY_GIVE_UP_US (10 * G_USEC_PER_SEC)

#define BACKUP_DOCKET   "docket.redress"
#define BACKUP_MANIFEST "backup.ini"

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not write the backup “%s” to disk: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int
read_user_version (sqlite3 *conn)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (conn, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

/* Opens the copy afresh with the key and checks every page of it. */
static gboolean
verify_copy (const char  *path,
             const char  *passphrase,
             int          expected_version,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *conn = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK && passphrase != NULL && *passphrase != '\0')
    rc = sqlite3_key (conn, passphrase, (int) strlen (passphrase));
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (conn, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      ok = rc == SQLITE_ROW && g_strcmp0 (_redress_column_text (stmt, 0), "ok") == 0 &&
           sqlite3_step (stmt) == SQLITE_DONE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (ok && read_user_version (conn) != expected_version)
    ok = FALSE;
  sqlite3_close_v2 (conn);

  if (!ok)
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                 _("The backup could not be verified: the copy does not read back whole. "
                   "It was not kept; try again, or back up to another disk."));
  return ok;
}

typedef void (*ProgressReport) (double   fraction,
                                gpointer data);

/* Copies the docket that @source reads to @dest_path, through a temporary
 * file in the same folder that replaces @dest_path only once verified. */
static gboolean
backup_connection (sqlite3         *source,
                   const char      *source_path,
                   const char      *passphrase,
                   const char      *dest_path,
                   GCancellable    *cancellable,
                   ProgressReport   report,
                   gpointer         report_data,
                   GError         **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gint64 busy_since;
  int version;
  int fd;
  int rc;

  if (same_file (source_path, dest_path))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("A docket cannot be backed up onto itself. Choose another file."));
      return FALSE;
    }

  version = read_user_version (source);

  tmp_path = g_strconcat (dest_path, ".part-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not write the backup to “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK && passphrase != NULL && *passphrase != '\0')
    rc = sqlite3_key (dest, passphrase, (int) strlen (passphrase));
  if (rc != SQLITE_OK)
    goto sqlite_fail;

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (dest);
      goto sqlite_fail;
    }

  busy_since = 0;
  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          sqlite3_backup_finish (backup);
          sqlite3_close_v2 (dest);
          g_unlink (tmp_path);
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return FALSE;
        }

      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          gint64 now = g_get_monotonic_time ();

          if (busy_since == 0)
            busy_since = now;
          else if (now - busy_since > BUSY_GIVE_UP_US)
            {
              sqlite3_backup_finish (backup);
              sqlite3_close_v2 (dest);
              g_unlink (tmp_path);
              g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                           _("The docket stayed busy for %d seconds, so no backup was made. Close "
                             "other programs that use it; if it is on a read-only disk, copy it "
                             "with its “-shm” and “-wal” files to a writable folder first."),
                           (int) (BUSY_GIVE_UP_US / G_USEC_PER_SEC));
              return FALSE;
            }
          g_usleep (BUSY_RETRY_US);
        }
      else
        {
          busy_since = 0;
          if (report != NULL && sqlite3_backup_pagecount (backup) > 0)
            report (1.0 - (double) sqlite3_backup_remaining (backup) /
                          sqlite3_backup_pagecount (backup),
                    report_data);
        }
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto sqlite_fail;

  /* A backup is one self-contained file: no -wal beside it. */
  rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_fail;
  rc = sqlite3_close_v2 (dest);
  dest = NULL;
  if (rc != SQLITE_OK)
    goto sqlite_fail;

  if (!fsync_path (tmp_path, FALSE, error) ||
      !verify_copy (tmp_path, passphrase, version, error))
    goto fail;

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not write the backup to “%s”: %s"), dest_path,
                   g_strerror (saved_errno));
      goto fail;
    }

  dir = g_path_get_dirname (dest_path);
  if (!fsync_path (dir, TRUE, error))
    return FALSE;

  if (report != NULL)
    report (1.0, report_data);
  return TRUE;

sqlite_fail:
  {
    g_autofree char *what = g_strdup_printf (_("Could not write the backup to “%s”"), dest_path);

    _redress_set_sqlite_error (error, dest, rc, what);
  }
fail:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  g_unlink (tmp_path);
  return FALSE;
}

/* {{{ Whole backups */

/* What a backup needs of the docket, copied on the caller's thread. */
typedef struct
{
  char            *path;
  char            *key_spec;   /* protected memory, or NULL */
  char            *keys_path;  /* NULL when the docket has no key file */
  char            *evidence_dir;
  RedressSealKeys *seal;
} Source;

static void
source_free (Source *src)
{
  if (src == NULL)
    return;
  g_free (src->path);
  _redress_secure_free (src->key_spec);
  g_free (src->keys_path);
  g_free (src->evidence_dir);
  _redress_seal_keys_free (src->seal);
  g_free (src);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Source, source_free)

static Source *
source_new (RedressDatabase *db)
{
  Source *src = g_new0 (Source, 1);
  g_autofree char *keys = redress_database_get_keys_path (db);

  src->path = g_strdup (redress_database_get_path (db));
  src->key_spec = _redress_secure_strdup (_redress_database_get_passphrase (db));
  if (redress_database_get_key_kind (db) == REDRESS_DATABASE_KEY_WRAPPED)
    src->keys_path = g_steal_pointer (&keys);
  src->evidence_dir = redress_database_get_evidence_dir (db);
  src->seal = _redress_seal_keys_new (db);
  return src;
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

/* Every original the docket refers to, once each. */
static GPtrArray *
list_originals (sqlite3  *conn,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (original_free);
  int rc;

  rc = sqlite3_prepare_v2 (conn, "SELECT sha256, min (title), max (size) FROM evidence_item "
                                 "GROUP BY sha256 ORDER BY sha256", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _redress_set_sqlite_error (error, conn, rc, _("Could not read the evidence list"));
      return NULL;
    }
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
      _redress_set_sqlite_error (error, conn, rc, _("Could not read the evidence list"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        {
          g_chmod (path, 0600);
          g_unlink (path);
        }
    }
  g_rmdir (dir);
}

/* Removes the BACKUP.part-* folders (and files, from older versions) of
 * backups whose process died: their lock is free. */
static void
sweep_stale_parts (const char *dest_path)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *prefix = g_strconcat (base, ".part-", NULL);
  g_autofree char *old_prefix = g_strconcat (base, ".old-", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *lock = NULL;
      int fd;

      if (!g_str_has_prefix (name, prefix) && !g_str_has_prefix (name, old_prefix))
        continue;
      path = g_build_filename (dir, name, NULL);
      lock = g_file_test (path, G_FILE_TEST_IS_DIR) ? g_build_filename (path, ".lock", NULL)
                                                    : g_strdup (path);
      fd = g_open (lock, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);
          continue;
        }
      if (fd >= 0)
        close (fd);
      g_debug ("Removing a stale partial backup");
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
}

/* Checks a backup folder: the database page by page, and every original
 * against its hash.  Reports the first problem. */
static gboolean
verify_backup_dir (const char            *dir,
                   const char            *key_spec,
                   const RedressSealKeys *seal,
                   int                    expected_version,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autofree char *db_path = g_build_filename (dir, BACKUP_DOCKET, NULL);
  g_autofree char *evidence = g_build_filename (dir, "evidence", NULL);
  g_autoptr(GPtrArray) originals = NULL;
  sqlite3 *conn = NULL;

  if (!verify_copy (db_path, key_spec, expected_version, error))
    return FALSE;

  if (sqlite3_open_v2 (db_path, &conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK ||
      (key_spec != NULL && sqlite3_key (conn, key_spec, (int) strlen (key_spec)) != SQLITE_OK))
    {
      sqlite3_close_v2 (conn);
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                   _("The backup could not be verified: its database does not open."));
      return FALSE;
    }
  originals = list_originals (conn, error);
  sqlite3_close_v2 (conn);
  if (originals == NULL)
    return FALSE;

  for (guint i = 0; i < originals->len; i++)
    {
      Original *o = g_ptr_array_index (originals, i);
      g_autofree char *rel = _redress_evidence_original_relative (seal, o->sha256);
      g_autofree char *path = g_build_filename (evidence, rel, NULL);
      g_autofree char *hash = NULL;
      gboolean missing = FALSE, damaged = FALSE;

      hash = _redress_evidence_hash_stored (path, seal, cancellable, &missing, &damaged, error);
      if (hash == NULL && !missing && !damaged)
        return FALSE;
      if (g_strcmp0 (hash, o->sha256) != 0)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                       missing ? _("The backup could not be verified: the original of “%s” is missing from it.")
                               : _("The backup could not be verified: the original of “%s” does not read back whole."),
                       o->title);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_manifest (const char  *dir,
                int          version,
                gboolean     encrypted,
                guint        n_originals,
                GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = g_build_filename (dir, BACKUP_MANIFEST, NULL);
  g_autofree char *now = redress_timestamp_now ();
  g_autofree char *data = NULL;
  gsize len = 0;

  g_key_file_set_integer (kf, "Redress Backup", "Version", 1);
  g_key_file_set_string (kf, "Redress Backup", "Created", now);
  g_key_file_set_integer (kf, "Redress Backup", "SchemaVersion", version);
  g_key_file_set_boolean (kf, "Redress Backup", "Encrypted", encrypted);
  g_key_file_set_integer (kf, "Redress Backup", "Originals", n_originals);
  data = g_key_file_to_data (kf, &len, NULL);
  return _redress_write_file_atomically (path, data, len, 0600, error);
}

/* Whether @path is a backup folder made by Redress (which a new backup may replace). */
static gboolean
is_backup_dir (const char *path)
{
  g_autofree char *manifest = g_build_filename (path, BACKUP_MANIFEST, NULL);

  return g_file_test (path, G_FILE_TEST_IS_DIR) && g_file_test (manifest, G_FILE_TEST_IS_REGULAR);
}

typedef struct
{
  ProgressReport func;
  gpointer       data;
  double         from;
  double         span;
} Scaled;

static void
scaled_report (double   fraction,
               gpointer data)
{
  Scaled *sc = data;

  if (sc->func != NULL)
    sc->func (sc->from + sc->span * fraction, sc->data);
}

static gboolean
backup_whole (sqlite3         *source,
              const Source    *src,
              const char      *dest_path,
              GCancellable    *cancellable,
              ProgressReport   report,
              gpointer         report_data,
              GError         **error)
{
  g_autofree char *parent = g_path_get_dirname (dest_path);
  g_autofree char *part = g_strconcat (dest_path, ".part-XXXXXX", NULL);
  g_autofree char *part_db = NULL;
  g_autofree char *lock = NULL;
  g_autoptr(GPtrArray) originals = NULL;
  guint64 total = 0, done = 0;
  GStatBuf st;
  Scaled sc = { report, report_data, 0, 0 };
  int lock_fd = -1;
  int version = read_user_version (source);

  if (same_file (src->path, dest_path) ||
      (g_stat (dest_path, &st) == 0 && !is_backup_dir (dest_path)))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   same_file (src->path, dest_path)
                   ? _("A docket cannot be backed up onto itself. Choose another file.")
                   : _("“%s” is already there and is not a Redress backup. Choose another name."),
                   dest_path);
      return FALSE;
    }

  sweep_stale_parts (dest_path);
  if (g_mkdir_with_parents (parent, 0700) != 0 || g_mkdtemp_full (part, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not write the backup to “%s”: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Held until the end: a later backup leaves a live one's folder alone. */
  lock = g_build_filename (part, ".lock", NULL);
  lock_fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd >= 0)
    flock (lock_fd, LOCK_EX);

  originals = list_originals (source, error);
  if (originals == NULL)
    goto fail;
  for (guint i = 0; i < originals->len; i++)
    total += ((Original *) g_ptr_array_index (originals, i))->size;

  /* The database first: its share of the bar is its share of the bytes. */
  part_db = g_build_filename (part, BACKUP_DOCKET, NULL);
  {
    guint64 db_size = g_stat (src->path, &st) == 0 ? (guint64) st.st_size : 1;

    sc.span = (double) db_size / (double) (db_size + total);
    if (!backup_connection (source, src->path, src->key_spec, part_db, cancellable,
                            scaled_report, &sc, error))
      goto fail;
    sc.from = sc.span;
    sc.span = 1.0 - sc.from;
  }

  if (src->keys_path != NULL)
    {
      g_autofree char *contents = NULL;
      g_autofree char *keys_dest = g_build_filename (part, BACKUP_DOCKET ".keys", NULL);
      gsize len = 0;
      g_autoptr(GError) local_error = NULL;

      if (!g_file_get_contents (src->keys_path, &contents, &len, &local_error))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                       _("Could not read the docket's key file: %s"), local_error->message);
          goto fail;
        }
      if (!_redress_write_file_atomically (keys_dest, contents, len, 0600, error))
        goto fail;
    }

  for (guint i = 0; i < originals->len; i++)
    {
      Original *o = g_ptr_array_index (originals, i);
      g_autofree char *rel = _redress_evidence_original_relative (src->seal, o->sha256);
      g_autofree char *from = g_build_filename (src->evidence_dir, rel, NULL);
      g_autofree char *to = g_build_filename (part, "evidence", rel, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                       _("The original of “%s” is missing from the evidence folder, so no backup "
                         "was made. Run Verify to see what is missing."), o->title);
          goto fail;
        }
      if (!_redress_evidence_copy_file (from, to, cancellable, error))
        goto fail;
      done += o->size;
      if (total > 0)
        scaled_report ((double) done / (double) total * 0.999, &sc);
    }

  if (!write_manifest (part, version, src->key_spec != NULL, originals->len, error) ||
      !verify_backup_dir (part, src->key_spec, src->seal, version, cancellable, error))
    goto fail;

  /* Swap: an older backup of that name is moved aside, then removed. */
  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *old = g_strconcat (dest_path, ".old-XXXXXX", NULL);

      if (g_mkdtemp_full (old, 0700) == NULL || g_rmdir (old) != 0 || g_rename (dest_path, old) != 0 ||
          g_rename (part, dest_path) != 0)
        {
          int saved_errno = errno;

          if (!g_file_test (dest_path, G_FILE_TEST_EXISTS))
            g_rename (old, dest_path);
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                       _("Could not write the backup to “%s”: %s"), dest_path, g_strerror (saved_errno));
          goto fail;
        }
      remove_tree (old);
    }
  else if (g_rename (part, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not write the backup to “%s”: %s"), dest_path, g_strerror (saved_errno));
      goto fail;
    }
  {
    g_autofree char *moved_lock = g_build_filename (dest_path, ".lock", NULL);

    g_unlink (moved_lock);
  }
  if (lock_fd >= 0)
    close (lock_fd);
  if (!_redress_fsync_dir (parent, error))
    return FALSE;
  if (report != NULL)
    report (1.0, report_data);
  return TRUE;

fail:
  remove_tree (part);
  if (lock_fd >= 0)
    close (lock_fd);
  return FALSE;
}

/**
 * redress_database_backup:
 * @db: an open docket
 * @dest_path: the backup folder to write; an older backup there is replaced
 *   only when the new one is verified
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called as the copy goes on
 * @progress_data: for @progress
 * @error: a #GError
 *
 * Writes a whole backup of the open docket while it stays open: the
 * database (same key), the key file and every evidence original (sealed in
 * an encrypted docket), into a folder beside @dest_path that is checked (the
 * database page by page, every original against its hash) before it is
 * renamed to @dest_path.  Restore it with redress_database_restore(); its
 * docket.redress also opens, read-only, as it is.
 *
 * Returns: %TRUE when a verified backup is at @dest_path.
 */
gboolean
redress_database_backup (RedressDatabase            *db,
                         const char                 *dest_path,
                         GCancellable               *cancellable,
                         RedressBackupProgressFunc   progress,
                         gpointer                    progress_data,
                         GError                    **error)
{
  g_autoptr(Source) src = NULL;
  sqlite3 *source;
  gboolean ret;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  source = _redress_database_open_reader (db, error);
  if (source == NULL)
    return FALSE;
  src = source_new (db);
  ret = backup_whole (source, src, dest_path, cancellable, progress, progress_data, error);
  sqlite3_close_v2 (source);
  return ret;
}

/**
 * redress_database_restore:
 * @backup_path: a backup folder from redress_database_backup()
 * @docket_path: the new docket to make (it must not exist yet); its
 *   evidence goes into the evidence/ folder beside it
 * @passphrase: (nullable): the passphrase the backup was made under
 * @recovery_key: (nullable): or its recovery key
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Checks the backup whole (the database page by page, every original
 * against its hash), copies it into place and opens the result.
 *
 * Returns: (transfer full): the restored docket, open, or %NULL with @error
 *   set; then nothing was left at @docket_path.
 */
RedressDatabase *
redress_database_restore (const char    *backup_path,
                          const char    *docket_path,
                          const char    *passphrase,
                          const char    *recovery_key,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *backup_db = g_build_filename (backup_path, BACKUP_DOCKET, NULL);
  g_autofree char *backup_keys = g_build_filename (backup_path, BACKUP_DOCKET ".keys", NULL);
  g_autofree char *backup_evidence = g_build_filename (backup_path, "evidence", NULL);
  g_autofree char *keys_dest = redress_keys_path_for_docket (docket_path);
  g_autofree char *dest_dir = g_path_get_dirname (docket_path);
  g_autofree char *evidence_dest = g_build_filename (dest_dir, "evidence", NULL);
  g_autoptr(RedressDatabase) probe = NULL;
  g_autoptr(Source) src = NULL;
  g_autoptr(GPtrArray) originals = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  RedressDatabase *restored;
  int version;

  g_return_val_if_fail (backup_path != NULL && docket_path != NULL, NULL);

  if (!is_backup_dir (backup_path))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_A_DOCKET,
                   _("“%s” is not a Redress backup (a folder with docket.redress and backup.ini)."),
                   backup_path);
      return NULL;
    }
  if (g_file_test (docket_path, G_FILE_TEST_EXISTS) || g_file_test (keys_dest, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                   _("There is already a docket at “%s”. Restore to a new name."), docket_path);
      return NULL;
    }

  /* Opening the backup checks the credentials; then everything is checked. */
  probe = recovery_key != NULL
          ? redress_database_open_with_recovery_key (backup_db, recovery_key, REDRESS_DATABASE_OPEN_READ_ONLY, error)
          : redress_database_open (backup_db, passphrase, REDRESS_DATABASE_OPEN_READ_ONLY, error);
  if (probe == NULL)
    return NULL;
  src = source_new (probe);
  version = redress_database_get_schema_version (probe);
  {
    sqlite3 *conn = _redress_database_get_handle (probe);

    originals = list_originals (conn, error);
  }
  if (originals == NULL ||
      !verify_backup_dir (backup_path, src->key_spec, src->seal, version, cancellable, error))
    return NULL;
  g_clear_object (&probe);

  if (g_mkdir_with_parents (dest_dir, 0700) != 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dest_dir, g_strerror (errno));
      return NULL;
    }

  /* The originals first, then the key file, then the database: a docket
   * file at @docket_path means the restore got that far. */
  for (guint i = 0; i < originals->len; i++)
    {
      Original *o = g_ptr_array_index (originals, i);
      g_autofree char *rel = _redress_evidence_original_relative (src->seal, o->sha256);
      g_autofree char *from = g_build_filename (backup_evidence, rel, NULL);
      g_autofree char *to = g_build_filename (evidence_dest, rel, NULL);

      if (g_file_test (to, G_FILE_TEST_EXISTS))
        continue;  /* the same content, under the same key: already there */
      if (!_redress_evidence_copy_file (from, to, cancellable, error))
        goto fail;
      g_ptr_array_add (written, g_steal_pointer (&to));
    }
  if (g_file_test (backup_keys, G_FILE_TEST_EXISTS))
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (backup_keys, &contents, &len, error) ||
          !_redress_write_file_atomically (keys_dest, contents, len, 0600, error))
        goto fail;
    }
  /* One self-contained file (journal_mode DELETE), copied in chunks. */
  if (!_redress_evidence_copy_file (backup_db, docket_path, cancellable, error))
    goto fail;
  g_chmod (docket_path, 0600);

  restored = recovery_key != NULL
             ? redress_database_open_with_recovery_key (docket_path, recovery_key, 0, error)
             : redress_database_open (docket_path, passphrase, 0, error);
  if (restored == NULL)
    goto fail;
  return restored;

fail:
  g_unlink (docket_path);
  g_unlink (keys_dest);
  for (guint i = 0; i < written->len; i++)
    {
      g_chmod (g_ptr_array_index (written, i), 0600);
      g_unlink (g_ptr_array_index (written, i));
    }
  return NULL;
}

/* }}} */

/* The async variant: progress crosses to the caller's context. */

typedef struct
{
  RedressBackupProgressFunc  func;
  gpointer                   data;
  GDestroyNotify             destroy;
  GMainContext              *context;
  double                     last;
} Progress;

static void
progress_clear (gpointer data)
{
  Progress *p = data;

  if (p->destroy != NULL)
    p->destroy (p->data);
  g_main_context_unref (p->context);
}

typedef struct
{
  Progress *progress;  /* a reference */
  double    fraction;
} ProgressUpdate;

static gboolean
progress_update_cb (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress->func (update->fraction, update->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_atomic_rc_box_release_full (update->progress, progress_clear);
  g_free (update);
}

static void
progress_report_in_thread (double   fraction,
                           gpointer data)
{
  Progress *p = data;
  ProgressUpdate *update;

  /* Whole percents are enough for a progress bar. */
  if (fraction < 1.0 && fraction - p->last < 0.01)
    return;
  p->last = fraction;

  update = g_new0 (ProgressUpdate, 1);
  update->progress = g_atomic_rc_box_acquire (p);
  update->fraction = fraction;
  g_main_context_invoke_full (p->context, G_PRIORITY_DEFAULT, progress_update_cb, update,
                              progress_update_free);
}

typedef struct
{
  RedressDatabase *db;        /* not owned: the outer task holds it */
  Source          *source;
  char            *dest_path;
  Progress        *progress;  /* a reference, or NULL */
} BackupData;

static void
backup_data_free (gpointer data)
{
  BackupData *bd = data;

  g_free (bd->dest_path);
  source_free (bd->source);
  if (bd->progress != NULL)
    g_atomic_rc_box_release_full (bd->progress, progress_clear);
  g_free (bd);
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupData *bd = task_data;
  GError *error = NULL;
  sqlite3 *source;
  gboolean ok;

  source = _redress_database_open_reader (bd->db, &error);
  if (source == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ok = backup_whole (source, bd->source, bd->dest_path, cancellable,
                     bd->progress != NULL ? progress_report_in_thread : NULL, bd->progress,
                     &error);
  sqlite3_close_v2 (source);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
backup_thread_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/**
 * redress_database_backup_async:
 * @db: an open docket
 * @dest_path: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called on the caller's main context as pages are copied
 * @progress_data: for @progress
 * @progress_data_destroy: (nullable): frees @progress_data when no more calls come
 * @callback: called when the copy is written and verified, or failed
 * @user_data: for @callback
 *
 * redress_database_backup() in a worker thread, on a connection of its own.
 */
void
redress_database_backup_async (RedressDatabase            *db,
                               const char                 *dest_path,
                               GCancellable               *cancellable,
                               RedressBackupProgressFunc   progress,
                               gpointer                    progress_data,
                               GDestroyNotify              progress_data_destroy,
                               GAsyncReadyCallback         callback,
                               gpointer                    user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) worker = NULL;
  BackupData *bd;

  g_return_if_fail (REDRESS_IS_DATABASE (db));
  g_return_if_fail (dest_path != NULL);

  outer = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (outer, redress_database_backup_async);

  bd = g_new0 (BackupData, 1);
  bd->db = db;
  bd->source = source_new (db);
  bd->dest_path = g_strdup (dest_path);
  if (progress != NULL)
    {
      bd->progress = g_atomic_rc_box_new0 (Progress);
      bd->progress->func = progress;
      bd->progress->data = progress_data;
      bd->progress->destroy = progress_data_destroy;
      bd->progress->context = g_main_context_ref_thread_default ();
      bd->progress->last = -1.0;
    }
  else if (progress_data_destroy != NULL)
    {
      progress_data_destroy (progress_data);
    }

  /* No source object on the worker: see redress_search_async(). */
  worker = g_task_new (NULL, cancellable, backup_thread_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (worker, redress_database_backup_async);
  g_task_set_task_data (worker, bd, backup_data_free);
  g_task_run_in_thread (worker, backup_thread);
}

gboolean
redress_database_backup_finish (RedressDatabase  *db,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A check that stops on a damaged page found a problem; other errors are
 * failures to check at all. */
static gboolean
check_step_done (sqlite3   *conn,
                 int        rc,
                 GString   *text,
                 guint     *problems,
                 GError   **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_string_append_printf (text, _("A damaged part of the file stopped the check: %s\n"),
                              sqlite3_errmsg (conn));
      (*problems)++;
      return TRUE;
    }
  _redress_set_sqlite_error (error, conn, rc, _("Could not check the docket"));
  return FALSE;
}

/**
 * redress_database_verify:
 * @db: an open docket
 * @report: (out) (optional) (transfer full): what was found, one problem a line
 * @error: a #GError
 *
 * Checks every page of the docket (PRAGMA integrity_check) and every
 * reference between its rows (PRAGMA foreign_key_check).
 *
 * Returns: %TRUE when the docket is whole; %FALSE with @error set
 *   (%REDRESS_DATABASE_ERROR_CORRUPT when problems were found).
 */
gboolean
redress_database_verify (RedressDatabase  *db,
                         char            **report,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3 *conn;
  guint problems = 0;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  conn = _redress_database_get_handle (db);

  stmt = _redress_database_prepare (db, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = _redress_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      g_string_append_printf (text, "%s\n", line);
      problems++;
    }
  if (!check_step_done (conn, rc, text, &problems, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _redress_database_prepare (db, "PRAGMA foreign_key_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* TRANSLATORS: a row of a table refers to a row that no longer exists. */
      g_string_append_printf (text, _("Row %lld of “%s” refers to a missing row of “%s”.\n"),
                              (long long) sqlite3_column_int64 (stmt, 1),
                              _redress_column_text (stmt, 0), _redress_column_text (stmt, 2));
      problems++;
    }
  if (!check_step_done (conn, rc, text, &problems, error))
    return FALSE;

  if (problems == 0)
    g_string_append (text, _("No problems found.\n"));

  if (report != NULL)
    *report = g_strdup (text->str);

  if (problems > 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The docket has %u problem. Restore it from a backup.",
                                "The docket has %u problems. Restore it from a backup.",
                                problems),
                   problems);
      return FALSE;
    }
  return TRUE;
}
