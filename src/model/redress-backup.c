/* redress-backup.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Online backups of a docket's database file, verified before they count,
 * and the integrity check of an open docket.
 *
 * A backup holds the database only: the files of the evidence/ folder beside
 * it are not copied (their hashes are in the database, so a restored docket
 * can tell which files are missing or changed).
 */

#define G_LOG_DOMAIN "redress-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress-backup.h"
#include "redress-database-private.h"

#define PAGES_PER_STEP 256
#define BUSY_RETRY_US  (10 * 1000)

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
        g_usleep (BUSY_RETRY_US);
      else if (report != NULL && sqlite3_backup_pagecount (backup) > 0)
        report (1.0 - (double) sqlite3_backup_remaining (backup) /
                      sqlite3_backup_pagecount (backup),
                report_data);
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

/**
 * redress_database_backup:
 * @db: an open docket
 * @dest_path: the file to write; replaced only when the new copy is verified
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable) (scope call): called as pages are copied
 * @progress_data: for @progress
 * @error: a #GError
 *
 * Copies the open docket's database, with the same passphrase, while it
 * stays open.  The copy is written to a temporary file beside @dest_path,
 * reopened with the key and checked page by page (PRAGMA integrity_check)
 * before it is renamed to @dest_path.  Evidence files are not included.
 *
 * Returns: %TRUE when a verified copy is at @dest_path.
 */
gboolean
redress_database_backup (RedressDatabase            *db,
                         const char                 *dest_path,
                         GCancellable               *cancellable,
                         RedressBackupProgressFunc   progress,
                         gpointer                    progress_data,
                         GError                    **error)
{
  sqlite3 *source;
  gboolean ret;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  source = _redress_database_open_reader (db, error);
  if (source == NULL)
    return FALSE;
  ret = backup_connection (source, redress_database_get_path (db),
                           _redress_database_get_passphrase (db), dest_path,
                           cancellable, progress, progress_data, error);
  sqlite3_close_v2 (source);
  return ret;
}

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
  char            *dest_path;
  Progress        *progress;  /* a reference, or NULL */
} BackupData;

static void
backup_data_free (gpointer data)
{
  BackupData *bd = data;

  g_free (bd->dest_path);
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
  ok = backup_connection (source, redress_database_get_path (bd->db),
                          _redress_database_get_passphrase (bd->db), bd->dest_path, cancellable,
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
