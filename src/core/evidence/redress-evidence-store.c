/* redress-evidence-store.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence locker.  Each file is copied into the docket's evidence/ folder
 * as an immutable original named by its SHA-256, hashed while it is copied
 * (one pass) and written atomically: a temporary file in evidence/ made with
 * O_EXCL and held under flock(), fsync, chmod 0400, rename to evidence/ab/abcd…,
 * fsync of the folder.  A kill at any moment leaves either nothing or a
 * complete, correctly named original; stale temporary files (their writer is
 * gone, so their lock is free) are swept when a store is made.
 *
 * In an encrypted docket the originals are sealed (redress-seal.c): the
 * temporary file and the original hold only ciphertext, named by a keyed
 * hash of the SHA-256, and reading decrypts and authenticates chunk by chunk.
 *
 * An intake notes each original it writes in a journal (evidence/.intake-*,
 * held under flock() until its rows are committed), so the originals of an
 * intake that was killed before its commit are removed at the next open.
 *
 * Every intake, view, export, verification, link and edit is a row of the
 * item's custody log, hash-chained per item (QUALITY.md R16, §2.6).
 */

#define G_LOG_DOMAIN "redress-evidence-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <openssl/evp.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress-database-private.h"
#include "redress-evidence-store-private.h"
#include "redress-keys-private.h"
#include "redress-seal-private.h"
#include "redress-util.h"

#define COPY_CHUNK        (1024 * 1024)
#define HEAD_LEN          4096
#define PROGRESS_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)

/* {{{ Enums */

static const char * const targets[] = { "violation", "fact", "remedy", "correspondence" };

/* The table and label of each link target, for checks and custody notes. */
static const struct {
  const char *table;
  const char *label;
} target_info[] = {
  { "violation",       N_("alleged violation") },
  { "fact",            N_("fact") },
  { "domestic_remedy", N_("domestic remedy") },
  { "correspondence",  N_("letter") },
};

/**
 * redress_evidence_kind_guess:
 * @mime_type: (nullable): a MIME type
 *
 * Returns: the kind a file of @mime_type most likely is, for the first guess at intake.
 */
const char *
redress_evidence_kind_guess (const char *mime_type)
{
  if (mime_type == NULL)
    return "other";
  if (g_str_has_prefix (mime_type, "image/"))
    return "photo";
  if (g_str_has_prefix (mime_type, "audio/"))
    return "audio";
  if (g_str_has_prefix (mime_type, "video/"))
    return "video";
  if (g_str_equal (mime_type, "message/rfc822"))
    return "letter";
  if (g_str_equal (mime_type, "application/pdf") ||
      g_str_has_prefix (mime_type, "text/") ||
      g_str_has_prefix (mime_type, "application/vnd.oasis.opendocument.text") ||
      g_str_has_prefix (mime_type, "application/vnd.openxmlformats-officedocument") ||
      g_str_equal (mime_type, "application/msword") ||
      g_str_equal (mime_type, "application/rtf"))
    return "document";
  return "other";
}

const char *
redress_evidence_target_to_string (RedressEvidenceTarget target)
{
  g_return_val_if_fail (target < G_N_ELEMENTS (targets), NULL);

  return targets[target];
}

gboolean
redress_evidence_target_from_string (const char            *str,
                                     RedressEvidenceTarget *target)
{
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_strcmp0 (str, targets[i]) == 0)
      {
        if (target != NULL)
          *target = i;
        return TRUE;
      }
  return FALSE;
}

/* }}} */
/* {{{ Boxed types */

RedressCustodyEvent *
redress_custody_event_copy (const RedressCustodyEvent *event)
{
  RedressCustodyEvent *copy = g_new0 (RedressCustodyEvent, 1);

  copy->id = g_strdup (event->id);
  copy->evidence_id = g_strdup (event->evidence_id);
  copy->seq = event->seq;
  copy->action = g_strdup (event->action);
  copy->actor = g_strdup (event->actor);
  copy->at = g_strdup (event->at);
  copy->note = g_strdup (event->note);
  copy->chain_hash = g_strdup (event->chain_hash);
  return copy;
}

void
redress_custody_event_free (RedressCustodyEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->id);
  g_free (event->evidence_id);
  g_free (event->action);
  g_free (event->actor);
  g_free (event->at);
  g_free (event->note);
  g_free (event->chain_hash);
  g_free (event);
}

G_DEFINE_BOXED_TYPE (RedressCustodyEvent, redress_custody_event,
                     redress_custody_event_copy, redress_custody_event_free)

RedressEvidenceLink *
redress_evidence_link_copy (const RedressEvidenceLink *link)
{
  RedressEvidenceLink *copy = g_new0 (RedressEvidenceLink, 1);

  copy->id = g_strdup (link->id);
  copy->evidence_id = g_strdup (link->evidence_id);
  copy->target = link->target;
  copy->target_id = g_strdup (link->target_id);
  copy->created_at = g_strdup (link->created_at);
  return copy;
}

void
redress_evidence_link_free (RedressEvidenceLink *link)
{
  if (link == NULL)
    return;
  g_free (link->id);
  g_free (link->evidence_id);
  g_free (link->target_id);
  g_free (link->created_at);
  g_free (link);
}

G_DEFINE_BOXED_TYPE (RedressEvidenceLink, redress_evidence_link,
                     redress_evidence_link_copy, redress_evidence_link_free)

static void
problem_free (gpointer data)
{
  RedressEvidenceProblem *p = data;

  g_free (p->evidence_id);
  g_free (p->case_id);
  g_free (p->title);
  g_free (p->expected_sha256);
  g_free (p->actual_sha256);
  g_free (p);
}

static RedressVerifyReport *
verify_report_new (void)
{
  RedressVerifyReport *report = g_atomic_rc_box_new0 (RedressVerifyReport);

  report->problems = g_ptr_array_new_with_free_func (problem_free);
  return report;
}

RedressVerifyReport *
redress_verify_report_ref (RedressVerifyReport *report)
{
  return g_atomic_rc_box_acquire (report);
}

static void
verify_report_clear (gpointer data)
{
  RedressVerifyReport *report = data;

  g_free (report->id);
  g_ptr_array_unref (report->problems);
}

void
redress_verify_report_unref (RedressVerifyReport *report)
{
  g_atomic_rc_box_release_full (report, verify_report_clear);
}

G_DEFINE_BOXED_TYPE (RedressVerifyReport, redress_verify_report,
                     redress_verify_report_ref, redress_verify_report_unref)

/**
 * redress_verify_report_is_clean:
 *
 * Returns: whether every checked original still matched its intake hash.
 */
gboolean
redress_verify_report_is_clean (RedressVerifyReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return report->changed == 0 && report->missing == 0;
}

/* }}} */
/* {{{ RedressEvidenceInfo */

RedressEvidenceInfo *
redress_evidence_info_copy (const RedressEvidenceInfo *info)
{
  RedressEvidenceInfo *copy = g_memdup2 (info, sizeof *info);

  copy->id = g_strdup (info->id);
  copy->case_id = g_strdup (info->case_id);
  copy->sha256 = g_strdup (info->sha256);
  copy->title = g_strdup (info->title);
  copy->description = g_strdup (info->description);
  copy->kind = g_strdup (info->kind);
  copy->shown_date = g_strdup (info->shown_date);
  copy->provenance = g_strdup (info->provenance);
  copy->language = g_strdup (info->language);
  copy->confidentiality = g_strdup (info->confidentiality);
  copy->original_name = g_strdup (info->original_name);
  copy->mime_type = g_strdup (info->mime_type);
  copy->created_at = g_strdup (info->created_at);
  return copy;
}

void
redress_evidence_info_free (RedressEvidenceInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->case_id);
  g_free (info->sha256);
  g_free (info->title);
  g_free (info->description);
  g_free (info->kind);
  g_free (info->shown_date);
  g_free (info->provenance);
  g_free (info->language);
  g_free (info->confidentiality);
  g_free (info->original_name);
  g_free (info->mime_type);
  g_free (info->created_at);
  g_free (info);
}

G_DEFINE_BOXED_TYPE (RedressEvidenceInfo, redress_evidence_info,
                     redress_evidence_info_copy, redress_evidence_info_free)

/* }}} */
/* {{{ Hashing and atomic copies (thread-safe: no database access) */

/* The originals are hashed with libcrypto's SHA-256 as they stream through
 * (intake, verify, export): GLib's GChecksum is 3 to 5 times slower there
 * (bench-evidence, 64 MB: read and verify 210-340 MB/s with libcrypto,
 * 40-70 MB/s with GChecksum; intake 50-73 against 28-31 MB/s), which a
 * docket of videos would feel.  Short texts use GChecksum. */
static char *
digest_to_hex (const unsigned char *md,
               unsigned int         md_len)
{
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc (md_len * 2 + 1);

  for (unsigned int i = 0; i < md_len; i++)
    {
      out[2 * i] = hex[md[i] >> 4];
      out[2 * i + 1] = hex[md[i] & 0xf];
    }
  out[md_len * 2] = '\0';
  return out;
}

char *
_redress_sha256_hex (const void *data,
                     gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

static gboolean
fsync_dir (const char  *dir,
           GError     **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
               _("Could not make the folder “%s” durable on disk: %s"), dir, g_strerror (saved_errno));
  return FALSE;
}

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *name)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                 _("The disk is full: “%s” could not be copied into the evidence folder. "
                   "Nothing was stored; free some space and try again."), name);
  else
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                 _("Could not write “%s” into the evidence folder: %s. Nothing was stored."),
                 name, g_strerror (saved_errno));
}

typedef struct
{
  char    *tmp_path;
  char    *sha256;
  guint64  size;
  guint8   head[HEAD_LEN];
  gsize    head_len;
} Copy;

static void
copy_clear (Copy *copy)
{
  if (copy->tmp_path != NULL)
    g_unlink (copy->tmp_path);
  g_clear_pointer (&copy->tmp_path, g_free);
  g_clear_pointer (&copy->sha256, g_free);
}

/* Copies @in into a new temporary file in @dir, hashing on the way, and makes
 * it durable (fsync) with @mode.  On failure nothing is left behind. */
static gboolean
copy_to_temp (GInputStream                *in,
              const char                  *dir,
              const char                  *tmp_prefix,
              const char                  *name,
              guint                        mode,
              guint64                      base,
              guint64                      total,
              RedressEvidenceProgressFunc  progress,
              gpointer                     progress_data,
              GCancellable                *cancellable,
              const RedressSealKeys       *seal,
              Copy                        *out,
              GError                     **error)
{
  g_autofree char *tmpl = g_strdup_printf ("%s/%sXXXXXX", dir, tmp_prefix);
  g_autofree guint8 *buf = NULL;
  g_autoptr(RedressSealWriter) writer = NULL;
  EVP_MD_CTX *ctx = NULL;
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  gint64 last_progress = 0;
  int fd;

  memset (out, 0, sizeof *out);

  /* g_mkstemp_full() opens with O_CREAT | O_EXCL. */
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_write_error (error, errno, name);
      return FALSE;
    }
  out->tmp_path = g_strdup (tmpl);
  /* Held until close: a sweep only removes temporary files whose writer died. */
  flock (fd, LOCK_EX);
  if (seal != NULL)
    {
      g_autoptr(GError) seal_error = NULL;

      writer = _redress_seal_writer_new (seal, fd, &seal_error);
      if (writer == NULL)
        {
          set_write_error (error, errno, name);
          close (fd);
          copy_clear (out);
          return FALSE;
        }
    }

  ctx = EVP_MD_CTX_new ();
  if (ctx == NULL || !EVP_DigestInit_ex (ctx, EVP_sha256 (), NULL))
    g_error ("Could not start SHA-256");

  buf = g_malloc (COPY_CHUNK);
  for (;;)
    {
      g_autoptr(GError) read_error = NULL;
      gssize n;
      gssize off = 0;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("Copying “%s” was cancelled. Nothing was stored."), name);
          goto fail;
        }

      n = g_input_stream_read (in, buf, COPY_CHUNK, cancellable, &read_error);
      if (n < 0)
        {
          if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                         _("Copying “%s” was cancelled. Nothing was stored."), name);
          else if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
            g_propagate_error (error, g_steal_pointer (&read_error));
          else
            g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                         _("Could not read “%s”: %s. Nothing was stored."), name, read_error->message);
          goto fail;
        }
      if (n == 0)
        break;

      if (out->head_len < HEAD_LEN)
        {
          gsize take = MIN ((gsize) n, HEAD_LEN - out->head_len);

          memcpy (out->head + out->head_len, buf, take);
          out->head_len += take;
        }

      EVP_DigestUpdate (ctx, buf, n);
      if (writer != NULL)
        {
          g_autoptr(GError) seal_error = NULL;

          if (!_redress_seal_writer_push (writer, buf, n, &seal_error))
            {
              set_write_error (error, errno, name);
              goto fail;
            }
          off = n;
        }
      while (off < n)
        {
          gssize w = write (fd, buf + off, n - off);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              set_write_error (error, errno, name);
              goto fail;
            }
          off += w;
        }
      out->size += n;

      if (progress != NULL)
        {
          gint64 now = g_get_monotonic_time ();

          if (now - last_progress >= PROGRESS_INTERVAL)
            {
              last_progress = now;
              progress (base + out->size, total, progress_data);
            }
        }
    }

  if (writer != NULL)
    {
      g_autoptr(GError) seal_error = NULL;

      if (!_redress_seal_writer_finish (writer, &seal_error))
        {
          set_write_error (error, errno, name);
          goto fail;
        }
    }
  if (fsync (fd) != 0 || fchmod (fd, mode) != 0)
    {
      set_write_error (error, errno, name);
      goto fail;
    }
  if (close (fd) != 0)
    {
      fd = -1;
      set_write_error (error, errno, name);
      goto fail;
    }
  fd = -1;

  EVP_DigestFinal_ex (ctx, md, &md_len);
  EVP_MD_CTX_free (ctx);
  out->sha256 = digest_to_hex (md, md_len);
  memset (buf, 0, COPY_CHUNK);
  if (progress != NULL)
    progress (base + out->size, total, progress_data);
  return TRUE;

fail:
  memset (buf, 0, COPY_CHUNK);
  if (fd >= 0)
    close (fd);
  if (ctx != NULL)
    EVP_MD_CTX_free (ctx);
  copy_clear (out);
  return FALSE;
}

/* The original of @sha256 relative to the evidence folder: "ab/abcd…" (by
 * its hash) when plain, "7f/7f3e….sealed" (by a keyed hash) when sealed. */
static char *
original_relative (const RedressSealKeys *seal,
                   const char            *sha256)
{
  g_autofree char *name = seal != NULL ? _redress_seal_file_name (seal, sha256) : g_strdup (sha256);
  char shard[3] = { name[0], name[1], '\0' };

  return g_build_filename (shard, name, NULL);
}

static char *
original_path (const char            *evidence_dir,
               const RedressSealKeys *seal,
               const char            *sha256)
{
  g_autofree char *rel = original_relative (seal, sha256);

  return g_build_filename (evidence_dir, rel, NULL);
}

/* A stream of the plaintext of a stored original.  Sets *missing when it is
 * not there. */
static GInputStream *
open_stored (const RedressSealKeys  *seal,
             const char             *path,
             gboolean               *missing,
             GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  GInputStream *in;

  *missing = FALSE;
  if (seal != NULL)
    in = _redress_seal_open_read (seal, path, &local_error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      in = G_INPUT_STREAM (g_file_read (file, NULL, &local_error));
    }
  if (in != NULL)
    return in;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    *missing = TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Hashes a stored original (decrypting a sealed one).  Sets *missing when it
 * is not there; a sealed original that fails its authentication gives
 * G_IO_ERROR_INVALID_DATA. */
static char *
hash_original (const char                  *path,
               const RedressSealKeys       *seal,
               guint64                      base,
               guint64                      total,
               RedressEvidenceProgressFunc  progress,
               gpointer                     progress_data,
               GCancellable                *cancellable,
               gboolean                    *missing,
               GError                     **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autofree guint8 *buf = NULL;
  EVP_MD_CTX *ctx;
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  guint64 done = 0;
  gint64 last_progress = 0;
  g_autoptr(GError) local_error = NULL;

  in = open_stored (seal, path, missing, &local_error);
  if (in == NULL)
    {
      if (*missing)
        return NULL;
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                     _("Could not read the stored original “%s”: %s"), path, local_error->message);
      return NULL;
    }

  ctx = EVP_MD_CTX_new ();
  EVP_DigestInit_ex (ctx, EVP_sha256 (), NULL);
  buf = g_malloc (COPY_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (in, buf, COPY_CHUNK, NULL, &local_error);

      if (n < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                         _("Could not read the stored original “%s”: %s"), path, local_error->message);
          memset (buf, 0, COPY_CHUNK);
          EVP_MD_CTX_free (ctx);
          return NULL;
        }
      if (n == 0)
        break;
      EVP_DigestUpdate (ctx, buf, n);
      done += n;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          memset (buf, 0, COPY_CHUNK);
          EVP_MD_CTX_free (ctx);
          return NULL;
        }
      if (progress != NULL && g_get_monotonic_time () - last_progress >= PROGRESS_INTERVAL)
        {
          last_progress = g_get_monotonic_time ();
          progress (base + done, total, progress_data);
        }
    }
  memset (buf, 0, COPY_CHUNK);
  EVP_DigestFinal_ex (ctx, md, &md_len);
  EVP_MD_CTX_free (ctx);
  return digest_to_hex (md, md_len);
}

/* Decrypts the sealed original of @sha256 into a new private copy (see
 * _redress_private_copy_path()), checking its hash on the way.  Thread-safe. */
static char *
decrypt_to_private (const char            *evidence_dir,
                    const RedressSealKeys *seal,
                    const char            *sha256,
                    const char            *original_name,
                    const char            *title,
                    GError               **error)
{
  g_autofree char *src = original_path (evidence_dir, seal, sha256);
  g_autofree char *dest = NULL;
  g_autofree char *dest_dir = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean missing = FALSE;
  Copy copy;

  in = open_stored (seal, src, &missing, &local_error);
  if (in == NULL)
    {
      if (missing)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                     _("The original of “%s” is missing from the evidence folder. Run Verify to "
                       "record it, and restore the folder from a backup."), title);
      else
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The original of “%s” cannot be read: %s. Run Verify, and restore the "
                       "evidence folder from a backup."), title, local_error->message);
      return NULL;
    }
  dest = _redress_private_copy_path (original_name, error);
  if (dest == NULL)
    return NULL;
  dest_dir = g_path_get_dirname (dest);
  if (!copy_to_temp (in, dest_dir, ".part-", title, 0400, 0, 0, NULL, NULL, NULL, NULL, &copy,
                     &local_error))
    {
      g_rmdir (dest_dir);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The original of “%s” has been changed or damaged (%s); it was not opened. "
                       "Run Verify, and restore the evidence folder from a backup."),
                     title, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_strcmp0 (copy.sha256, sha256) != 0 || g_rename (copy.tmp_path, dest) != 0)
    {
      if (g_strcmp0 (copy.sha256, sha256) != 0)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The original of “%s” no longer matches the hash taken at intake; it was "
                       "not opened. Run Verify, and restore the evidence folder from a backup."),
                     title);
      else
        set_write_error (error, errno, title);
      _redress_wipe_file (copy.tmp_path);
      copy_clear (&copy);
      g_rmdir (dest_dir);
      return NULL;
    }
  g_clear_pointer (&copy.tmp_path, g_free);
  g_clear_pointer (&copy.sha256, g_free);
  return g_steal_pointer (&dest);
}

/* For backups and encryption (redress-backup.c, redress-encrypt.c). */
char *
_redress_evidence_original_relative (const RedressSealKeys *seal,
                                     const char            *sha256)
{
  return original_relative (seal, sha256);
}

/* Hashes a stored original; *damaged when a sealed one fails its
 * authentication (then NULL is returned and @error is not set). */
char *
_redress_evidence_hash_stored (const char            *path,
                               const RedressSealKeys *seal,
                               GCancellable          *cancellable,
                               gboolean              *missing,
                               gboolean              *damaged,
                               GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  char *hash = hash_original (path, seal, 0, 0, NULL, NULL, cancellable, missing, &local_error);

  *damaged = hash == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  if (hash == NULL && !*missing && !*damaged)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return hash;
}

/* Copies @src byte for byte to @dest atomically (temporary file, fsync,
 * rename, fsync of the folder), creating @dest's folder. */
gboolean
_redress_evidence_copy_file (const char    *src,
                             const char    *dest,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (src);
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *name = g_path_get_basename (dest);
  g_autoptr(GError) local_error = NULL;
  Copy copy;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_write_error (error, errno, name);
      return FALSE;
    }
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not read “%s”: %s"), src, local_error->message);
      return FALSE;
    }
  if (!copy_to_temp (G_INPUT_STREAM (in), dir, ".tmp-", name, 0400, 0, 0, NULL, NULL, cancellable,
                     NULL, &copy, error))
    return FALSE;
  if (g_rename (copy.tmp_path, dest) != 0)
    {
      set_write_error (error, errno, name);
      copy_clear (&copy);
      return FALSE;
    }
  g_clear_pointer (&copy.tmp_path, g_free);
  g_clear_pointer (&copy.sha256, g_free);
  return fsync_dir (dir, error);
}

/* Seals the plain original at @src into @evidence_dir under @seal's name for
 * @sha256, checking the hash on the way (for the encryption of a docket).
 * Returns the path written, relative to @evidence_dir, in *relative. */
gboolean
_redress_evidence_seal_file (const char            *src,
                             const char            *evidence_dir,
                             const RedressSealKeys *seal,
                             const char            *sha256,
                             const char            *title,
                             char                 **relative,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (src);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *rel = original_relative (seal, sha256);
  g_autofree char *final = g_build_filename (evidence_dir, rel, NULL);
  g_autofree char *shard = g_path_get_dirname (final);
  Copy copy;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("The original of “%s” is missing from the evidence folder, so the docket was "
                     "not encrypted. Run Verify to see what is missing."), title);
      return FALSE;
    }
  if (g_mkdir_with_parents (shard, 0700) != 0)
    {
      set_write_error (error, errno, title);
      return FALSE;
    }
  if (!copy_to_temp (G_INPUT_STREAM (in), evidence_dir, ".tmp-", title, 0400, 0, 0, NULL, NULL,
                     cancellable, seal, &copy, error))
    return FALSE;
  if (g_strcmp0 (copy.sha256, sha256) != 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                   _("The original of “%s” no longer matches the hash taken at intake, so the "
                     "docket was not encrypted. Run Verify and restore the evidence folder from a "
                     "backup."), title);
      copy_clear (&copy);
      return FALSE;
    }
  if (g_rename (copy.tmp_path, final) != 0)
    {
      set_write_error (error, errno, title);
      copy_clear (&copy);
      return FALSE;
    }
  g_clear_pointer (&copy.tmp_path, g_free);
  g_clear_pointer (&copy.sha256, g_free);
  if (!fsync_dir (shard, error))
    return FALSE;
  *relative = g_steal_pointer (&rel);
  return TRUE;
}

/* }}} */
/* {{{ Intake journals */

/* A journal names the originals one intake wrote (or, for an encryption, the
 * plaintext originals to wipe), beside them in evidence/.  Its first line is
 * its kind, its second the docket; it is held under flock() by its writer,
 * so one whose lock is free was left by a process that died. */
struct _RedressJournal
{
  int   fd;
  char *path;
};

void
_redress_journal_close (Journal *j)
{
  if (j == NULL)
    return;
  g_unlink (j->path);
  close (j->fd);
  g_free (j->path);
  g_free (j);
}


Journal *
_redress_journal_open (const char  *evidence_dir,
              const char  *kind,
              const char  *docket_path,
              GError     **error)
{
  g_autofree char *tmpl = g_strdup_printf ("%s/.%s-XXXXXX", evidence_dir, kind);
  g_autofree char *head = g_strdup_printf ("%s\n%s\n", kind, docket_path);
  Journal *j;
  int fd;

  if (g_mkdir_with_parents (evidence_dir, 0700) != 0)
    {
      set_write_error (error, errno, evidence_dir);
      return NULL;
    }
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC | O_APPEND, 0600);
  if (fd < 0)
    {
      set_write_error (error, errno, evidence_dir);
      return NULL;
    }
  flock (fd, LOCK_EX);
  j = g_new0 (Journal, 1);
  j->fd = fd;
  j->path = g_steal_pointer (&tmpl);
  if (write (fd, head, strlen (head)) != (gssize) strlen (head))
    {
      set_write_error (error, errno, evidence_dir);
      _redress_journal_close (j);
      return NULL;
    }
  return j;
}

/* Notes @relative (a path inside evidence/) durably, before it is written. */
gboolean
_redress_journal_note (Journal     *j,
              const char  *relative,
              GError     **error)
{
  g_autofree char *line = g_strconcat (relative, "\n", NULL);

  if (j == NULL)
    return TRUE;
  if (write (j->fd, line, strlen (line)) != (gssize) strlen (line) || fdatasync (j->fd) != 0)
    {
      set_write_error (error, errno, relative);
      return FALSE;
    }
  return TRUE;
}

/* }}} */
/* Everything a worker learns about one file it took in. */
typedef struct
{
  char    *sha256;
  char    *original_name;
  char    *mime_type;
  guint64  size;
  int      page_count;
  gboolean created;  /* this intake wrote the original (it was not there before) */
} Ingest;

static void
ingest_free (gpointer data)
{
  Ingest *ingest = data;

  g_free (ingest->sha256);
  g_free (ingest->original_name);
  g_free (ingest->mime_type);
  g_free (ingest);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ingest, ingest_free)

static char *hash_original (const char                  *path,
                            const RedressSealKeys       *seal,
                            guint64                      base,
                            guint64                      total,
                            RedressEvidenceProgressFunc  progress,
                            gpointer                     progress_data,
                            GCancellable                *cancellable,
                            gboolean                    *missing,
                            GError                     **error);

/* Whether the stored original at @path still hashes to @sha256. */
static gboolean
original_matches (const char            *path,
                  const RedressSealKeys *seal,
                  const char            *sha256)
{
  gboolean missing = FALSE;
  g_autofree char *actual = hash_original (path, seal, 0, 0, NULL, NULL, NULL, &missing, NULL);

  return actual != NULL && g_str_equal (actual, sha256);
}

/* Copies @in into the locker as an original named by its SHA-256.  The same
 * content already there is kept and not written again. */
static Ingest *
ingest_stream (const char                  *evidence_dir,
               const RedressSealKeys       *seal,
               Journal                     *journal,
               const char                  *plain_path,
               GInputStream                *in,
               const char                  *name,
               guint64                      base,
               guint64                      total,
               RedressEvidenceInspectFunc   inspect,
               gpointer                     inspect_data,
               RedressEvidenceProgressFunc  progress,
               gpointer                     progress_data,
               GCancellable                *cancellable,
               GError                     **error)
{
  g_autoptr(Ingest) ingest = g_new0 (Ingest, 1);
  g_autofree char *content_type = NULL;
  g_autofree char *shard = NULL;
  g_autofree char *final = NULL;
  g_autofree char *relative = NULL;
  Copy copy;
  GStatBuf st;
  gboolean uncertain = FALSE;
  gboolean new_shard;

  if (g_mkdir_with_parents (evidence_dir, 0700) != 0)
    {
      set_write_error (error, errno, name);
      return NULL;
    }

  if (!copy_to_temp (in, evidence_dir, ".tmp-", name, 0400, base, total,
                     progress, progress_data, cancellable, seal, &copy, error))
    return NULL;

  relative = original_relative (seal, copy.sha256);
  final = g_build_filename (evidence_dir, relative, NULL);
  shard = g_path_get_dirname (final);

  new_shard = !g_file_test (shard, G_FILE_TEST_IS_DIR);
  if (new_shard && g_mkdir (shard, 0700) != 0 && errno != EEXIST)
    {
      set_write_error (error, errno, name);
      copy_clear (&copy);
      return NULL;
    }
  if (new_shard && !fsync_dir (evidence_dir, error))
    {
      copy_clear (&copy);
      return NULL;
    }

  if (g_lstat (final, &st) == 0 && S_ISREG (st.st_mode) &&
      (seal != NULL || (guint64) st.st_size == copy.size) &&
      original_matches (final, seal, copy.sha256))
    {
      /* Stored once: the same content is already in the locker. */
      g_unlink (copy.tmp_path);
      ingest->created = FALSE;
    }
  else
    {
      /* Absent, or a damaged original of that name: the genuine copy replaces it. */
      if (!_redress_journal_note (journal, relative, error))
        {
          copy_clear (&copy);
          return NULL;
        }
      if (g_rename (copy.tmp_path, final) != 0)
        {
          set_write_error (error, errno, name);
          copy_clear (&copy);
          return NULL;
        }
      if (!fsync_dir (shard, error))
        {
          copy_clear (&copy);
          return NULL;
        }
      ingest->created = TRUE;
    }
  g_clear_pointer (&copy.tmp_path, g_free);

  content_type = g_content_type_guess (name, copy.head, copy.head_len, &uncertain);
  ingest->mime_type = g_content_type_get_mime_type (content_type);
  if (ingest->mime_type == NULL)
    ingest->mime_type = g_strdup ("application/octet-stream");
  ingest->sha256 = g_steal_pointer (&copy.sha256);
  ingest->size = copy.size;
  ingest->original_name = g_strdup (name);
  ingest->page_count = -1;
  if (inspect != NULL && seal == NULL)
    ingest->page_count = inspect (final, ingest->mime_type, inspect_data);
  else if (inspect != NULL && plain_path != NULL)
    ingest->page_count = inspect (plain_path, ingest->mime_type, inspect_data);
  else if (inspect != NULL)
    {
      /* Sealed, from a stream: the inspector reads a private copy. */
      g_autofree char *copy_path = decrypt_to_private (evidence_dir, seal, ingest->sha256, name, name,
                                                       NULL);

      if (copy_path != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (copy_path);

          ingest->page_count = inspect (copy_path, ingest->mime_type, inspect_data);
          _redress_wipe_file (copy_path);
          g_rmdir (dir);
        }
    }

  return g_steal_pointer (&ingest);
}

static Ingest *
ingest_file (const char                  *evidence_dir,
             const RedressSealKeys       *seal,
             Journal                     *journal,
             GFile                       *source,
             guint64                      base,
             guint64                      total,
             RedressEvidenceInspectFunc   inspect,
             gpointer                     inspect_data,
             RedressEvidenceProgressFunc  progress,
             gpointer                     progress_data,
             GCancellable                *cancellable,
             GError                     **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (source);
  g_autofree char *display = g_file_get_parse_name (source);
  g_autofree char *plain_path = g_file_get_path (source);

  in = g_file_read (source, cancellable, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                     _("Could not read “%s”: %s. Nothing was stored."),
                     display, local_error->message);
      return NULL;
    }

  return ingest_stream (evidence_dir, seal, journal, plain_path, G_INPUT_STREAM (in), name, base, total,
                        inspect, inspect_data, progress, progress_data, cancellable, error);
}

static guint64
query_size (GFile        *file,
            GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? (guint64) g_file_info_get_size (info) : 0;
}

/* }}} */
/* {{{ Custody */

static char *
custody_chain_hash (const char *prev_hash,
                    const char *evidence_id,
                    gint64      seq,
                    const char *action,
                    const char *actor,
                    const char *at,
                    const char *note)
{
  g_autofree char *canonical = g_strdup_printf ("%s\n%s\n%" G_GINT64_FORMAT "\n%s\n%s\n%s\n%s",
                                                prev_hash, evidence_id, seq, action, actor, at, note);

  return _redress_sha256_hex (canonical, strlen (canonical));
}

/* Appends one event to @evidence_id's custody log, chained to the one before.
 * The last entry is read and the next one written in one write transaction;
 * the unique index on (evidence_id, seq) refuses a second writer that took the
 * same number, and the append is then tried again on top of the new last entry. */
gboolean
_redress_evidence_add_custody (RedressDatabase  *db,
                               const char       *evidence_id,
                               const char       *action,
                               const char       *note,
                               GError          **error)
{
  const char *actor = redress_database_get_actor (db);
  gboolean outermost = !_redress_database_in_transaction (db);

  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(RedressStatement) last = NULL;
      g_autoptr(RedressStatement) ins = NULL;
      g_autofree char *prev_hash = NULL;
      g_autofree char *at = redress_timestamp_now ();
      g_autofree char *id = redress_uuid_new ();
      g_autofree char *chain = NULL;
      gint64 seq = 1;
      int rc;

      if (!_redress_database_begin (db, error))
        return FALSE;

      last = redress_database_prepare (db,
                                       "SELECT seq, chain_hash FROM custody_event WHERE evidence_id = ?1 "
                                       "ORDER BY seq DESC LIMIT 1", error);
      if (last == NULL)
        goto fail;
      redress_statement_bind_text (last, 1, evidence_id);
      rc = redress_statement_step (last);
      if (rc == REDRESS_STEP_ROW)
        {
          seq = redress_statement_column_int64 (last, 0) + 1;
          prev_hash = g_strdup (redress_statement_column_text (last, 1));
        }
      else if (rc != REDRESS_STEP_DONE)
        {
          redress_statement_set_error (last, error, _("Could not read the custody log"));
          goto fail;
        }

      chain = custody_chain_hash (prev_hash ? prev_hash : "", evidence_id, seq, action, actor, at,
                                  note ? note : "");
      ins = redress_database_prepare (db,
                                      "INSERT INTO custody_event (id, evidence_id, action, actor, at, note, "
                                      "seq, chain_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      if (ins == NULL)
        goto fail;
      redress_statement_bind_text (ins, 1, id);
      redress_statement_bind_text (ins, 2, evidence_id);
      redress_statement_bind_text (ins, 3, action);
      redress_statement_bind_text (ins, 4, actor);
      redress_statement_bind_text (ins, 5, at);
      redress_statement_bind_text (ins, 6, note ? note : "");
      redress_statement_bind_int64 (ins, 7, seq);
      redress_statement_bind_text (ins, 8, chain);
      rc = redress_statement_step (ins);
      if (rc == REDRESS_STEP_DONE)
        return _redress_database_commit (db, error);

      {
        g_autoptr(GError) local = NULL;

        redress_statement_set_error (ins, &local, _("Could not record the custody event"));
        if (outermost && attempt < 5 &&
            (redress_statement_get_constraint (ins) == REDRESS_CONSTRAINT_UNIQUE ||
             g_error_matches (local, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_BUSY)))
          {
            g_clear_pointer (&ins, redress_statement_release);
            g_clear_pointer (&last, redress_statement_release);
            _redress_database_rollback (db);
            continue;
          }
        g_propagate_error (error, g_steal_pointer (&local));
      }
fail:
      _redress_database_rollback (db);
      return FALSE;
    }
}

/* }}} */
/* {{{ RedressEvidenceStore */

struct _RedressEvidenceStore
{
  GObject                     parent_instance;

  RedressDatabase            *db;    /* a weak pointer when not held */
  gboolean                    holds_db;
  char                       *dir;   /* the evidence folder */
  RedressSealKeys            *seal;  /* NULL when originals are stored plain */
  RedressEvidenceInspectFunc  inspect;
  gpointer                    inspect_data;
};

G_DEFINE_FINAL_TYPE (RedressEvidenceStore, redress_evidence_store, G_TYPE_OBJECT)

static void
redress_evidence_store_dispose (GObject *object)
{
  RedressEvidenceStore *self = (RedressEvidenceStore *)object;

  if (self->holds_db)
    g_clear_object (&self->db);
  else if (self->db != NULL)
    g_clear_weak_pointer (&self->db);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->seal, _redress_seal_keys_free);

  G_OBJECT_CLASS (redress_evidence_store_parent_class)->dispose (object);
}

/* How many stores are alive, for the test that a docket has one. */
static gint n_instances;

static void
redress_evidence_store_finalize (GObject *object)
{
  g_atomic_int_dec_and_test (&n_instances);

  G_OBJECT_CLASS (redress_evidence_store_parent_class)->finalize (object);
}

static void
redress_evidence_store_class_init (RedressEvidenceStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redress_evidence_store_dispose;
  object_class->finalize = redress_evidence_store_finalize;
}

static void
redress_evidence_store_init (RedressEvidenceStore *self)
{
  g_atomic_int_inc (&n_instances);
}

guint
_redress_evidence_store_get_n_instances (void)
{
  return (guint) g_atomic_int_get (&n_instances);
}

/**
 * redress_evidence_store_new:
 * @db: an open docket
 *
 * Makes a locker of @db and removes temporary files left by a copy whose
 * process was killed.  The window, the command line and the composer use
 * the docket's one store (redress_docket_get_evidence_store()).
 *
 * Returns: (transfer full): the store.
 */
RedressEvidenceStore *
redress_evidence_store_new (RedressDatabase *db)
{
  return _redress_evidence_store_new_full (db, TRUE);
}

/* @hold_db FALSE: for the docket a database opened on its own owns, which
 * the store must not keep alive (the database owns the docket, which owns
 * the store). */
RedressEvidenceStore *
_redress_evidence_store_new_full (RedressDatabase *db,
                                  gboolean         hold_db)
{
  RedressEvidenceStore *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  self = g_object_new (REDRESS_TYPE_EVIDENCE_STORE, NULL);
  self->holds_db = hold_db;
  if (hold_db)
    self->db = g_object_ref (db);
  else
    g_set_weak_pointer (&self->db, db);
  self->dir = redress_database_get_evidence_dir (db);
  self->seal = _redress_seal_keys_new (db);
  if (!redress_database_get_read_only (db))
    redress_evidence_store_sweep_temporary (self);
  return self;
}

RedressDatabase *
redress_evidence_store_get_database (RedressEvidenceStore *self)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);

  return self->db;
}

/**
 * redress_evidence_store_set_inspector:
 * @func: (nullable): reads the page count of a stored original
 *
 * Lets a library that knows file formats (libredress-media) fill in what the
 * file itself says.  @func runs in worker threads.
 */
void
redress_evidence_store_set_inspector (RedressEvidenceStore       *self,
                                      RedressEvidenceInspectFunc  func,
                                      gpointer                    user_data)
{
  g_return_if_fail (REDRESS_IS_EVIDENCE_STORE (self));

  self->inspect = func;
  self->inspect_data = user_data;
}

/**
 * redress_evidence_store_get_original_path:
 * @sha256: the hash of an original
 *
 * In an encrypted docket the file there is sealed: read it with
 * redress_evidence_store_get_readable_path() or
 * redress_evidence_store_open_original().
 *
 * Returns: (transfer full): where the original with @sha256 is (or would be) stored.
 */
char *
redress_evidence_store_get_original_path (RedressEvidenceStore *self,
                                          const char           *sha256)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  return original_path (self->dir, self->seal, sha256);
}

/**
 * redress_evidence_store_get_encrypted:
 *
 * Returns: whether the originals are stored encrypted (sealed).
 */
gboolean
redress_evidence_store_get_encrypted (RedressEvidenceStore *self)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), FALSE);

  return self->seal != NULL;
}

/**
 * redress_evidence_store_get_readable_path:
 * @sha256: the hash of an original
 * @original_name: (nullable): its file name, for the extension of a copy
 *
 * A path whose content is the plaintext of the original, for a library that
 * reads files (thumbnails, page counts): the original itself when stored
 * plain, else a copy decrypted (and checked against @sha256) into the
 * process's private folder.  Give it back with
 * redress_evidence_store_release_readable_path() as soon as it is read.
 * Thread-safe: it does not use the database.
 *
 * Returns: (transfer full): the path, or %NULL with @error set (a sealed
 *   original that was changed gives %REDRESS_DATABASE_ERROR_CORRUPT).
 */
char *
redress_evidence_store_get_readable_path (RedressEvidenceStore  *self,
                                          const char            *sha256,
                                          const char            *original_name,
                                          GError               **error)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  if (self->seal == NULL)
    return original_path (self->dir, NULL, sha256);
  return decrypt_to_private (self->dir, self->seal, sha256, original_name, original_name, error);
}

/* Keeps a decrypted copy from redress_evidence_store_get_readable_path() for
 * a viewer until the docket closes, which wipes it. */
void
redress_evidence_store_keep_readable_path (RedressEvidenceStore *self,
                                           const char           *path)
{
  g_return_if_fail (REDRESS_IS_EVIDENCE_STORE (self));

  if (self->seal != NULL && path != NULL)
    _redress_private_copy_register (self->db, path);
}

/* Wipes a decrypted copy from redress_evidence_store_get_readable_path(). */
void
redress_evidence_store_release_readable_path (RedressEvidenceStore *self,
                                              const char           *path)
{
  g_autofree char *dir = NULL;

  g_return_if_fail (REDRESS_IS_EVIDENCE_STORE (self));

  if (self->seal == NULL || path == NULL)
    return;
  dir = g_path_get_dirname (path);
  _redress_wipe_file (path);
  g_rmdir (dir);
}

/**
 * redress_evidence_store_sweep_temporary:
 *
 * Removes the temporary files of copies whose process died (a live copy holds
 * a lock on its file, so it is left alone).
 *
 * Returns: how many files were removed.
 */
guint
redress_evidence_store_sweep_temporary (RedressEvidenceStore *self)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), 0);

  dir = redress_database_get_evidence_dir (self->db);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (name, ".tmp-"))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && g_unlink (path) == 0)
        removed++;
      close (fd);
    }

  if (removed > 0)
    g_debug ("Removed %u stale temporary file(s) from %s", removed, dir);
  return removed;
}

/* The original files (relative to evidence/) the docket's rows refer to. */
static GHashTable *
referenced_originals (RedressDatabase       *db,
                      const RedressSealKeys *seal)
{
  g_autoptr(RedressStatement) stmt = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  stmt = redress_database_prepare (db, "SELECT DISTINCT sha256 FROM evidence_item", NULL);
  if (stmt == NULL)
    return NULL;
  while (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    g_hash_table_add (set, original_relative (seal, redress_statement_column_text (stmt, 0)));
  return set;
}

/* Finishes or undoes the journals of @kind that a dead process left for @db:
 * removes the originals of an unrecorded intake, or wipes the plaintext an
 * encryption left.  Returns how many files were removed. */
static guint
sweep_journals (RedressDatabase       *db,
                const char            *dir,
                const RedressSealKeys *seal,
                gboolean               remove)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GHashTable) referenced = NULL;
  const char *name;
  guint removed = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean wipe;
      int fd;

      wipe = g_str_has_prefix (name, ".wipe-");
      if (!wipe && !g_str_has_prefix (name, ".intake-"))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) != 0 || !g_file_get_contents (path, &contents, NULL, NULL))
        {
          close (fd);  /* its writer is alive */
          continue;
        }
      lines = g_strsplit (contents, "\n", -1);
      if (g_strv_length (lines) < 2 || g_strcmp0 (lines[1], redress_database_get_path (db)) != 0)
        {
          close (fd);  /* another docket's, in a shared folder */
          continue;
        }
      if (referenced == NULL)
        referenced = referenced_originals (db, seal);
      for (guint i = 2; lines[i] != NULL && referenced != NULL; i++)
        {
          g_autofree char *file = NULL;

          if (*lines[i] == '\0' || strstr (lines[i], "..") != NULL || g_path_is_absolute (lines[i]))
            continue;
          file = g_build_filename (dir, lines[i], NULL);
          /* An intake's original that no row refers to; a plaintext original an
           * encryption replaced with its sealed copy (only once it is sealed). */
          if (wipe ? seal == NULL : g_hash_table_contains (referenced, lines[i]))
            continue;
          if (!g_file_test (file, G_FILE_TEST_EXISTS))
            continue;
          if (remove && _redress_wipe_file (file))
            removed++;
          else if (!remove)
            removed++;
        }
      if (remove)
        g_unlink (path);
      close (fd);
    }
  return removed;
}

/* At open (for writing): removes what killed intakes and encryptions left. */
void
_redress_evidence_sweep_at_open (RedressDatabase *db)
{
  g_autofree char *dir = redress_database_get_evidence_dir (db);
  g_autoptr(RedressSealKeys) seal = _redress_seal_keys_new (db);
  guint removed = sweep_journals (db, dir, seal, TRUE);

  if (removed > 0)
    g_message ("Removed %u original(s) of an intake that did not finish", removed);
  _redress_database_add_orphans_removed (db, removed);
}

/**
 * redress_evidence_store_count_orphans:
 * @removed: (out) (optional): how many were removed when the docket was opened
 *
 * Returns: how many originals of intakes that did not finish (a killed
 *   process) are still in the evidence folder, with no item referring to
 *   them; they are removed when the docket is next opened for writing.
 */
guint
redress_evidence_store_count_orphans (RedressEvidenceStore *self,
                                      guint                *removed)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), 0);

  if (removed != NULL)
    *removed = _redress_database_get_orphans_removed (self->db);
  return sweep_journals (self->db, self->dir, self->seal, FALSE);
}

/**
 * redress_evidence_store_resolve_case:
 * @id_or_reference: a case's id or its reference ("C-2026-001")
 *
 * Returns: (transfer full): the case's id, or %NULL with @error set.
 */
char *
redress_evidence_store_resolve_case (RedressEvidenceStore  *self,
                                     const char            *id_or_reference,
                                     GError               **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (id_or_reference != NULL, NULL);

  stmt = redress_database_prepare (self->db,
                                   "SELECT id FROM case_file WHERE id = ?1 "
                                   "UNION ALL SELECT id FROM case_file WHERE reference = ?1 COLLATE NOCASE "
                                   "LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, id_or_reference);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return g_strdup (redress_statement_column_text (stmt, 0));

  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
               _("There is no case “%s” in this docket."), id_or_reference);
  return NULL;
}

#define ITEM_COLUMNS "id, case_id, sha256, title, description, kind, shown_date, provenance, " \
                     "language, identifies_child, confidentiality, original_name, mime_type, " \
                     "size, page_count, created_at"

static RedressEvidenceInfo *
item_from_stmt (RedressStatement *stmt)
{
  RedressEvidenceInfo *item = g_new0 (RedressEvidenceInfo, 1);

  item->id = g_strdup (redress_statement_column_text (stmt, 0));
  item->case_id = g_strdup (redress_statement_column_text (stmt, 1));
  item->sha256 = g_strdup (redress_statement_column_text (stmt, 2));
  item->title = g_strdup (redress_statement_column_text (stmt, 3));
  item->description = g_strdup (redress_statement_column_text (stmt, 4));
  item->kind = g_strdup (redress_statement_column_text (stmt, 5));
  item->shown_date = g_strdup (redress_statement_column_text (stmt, 6));
  item->provenance = g_strdup (redress_statement_column_text (stmt, 7));
  item->language = g_strdup (redress_statement_column_text (stmt, 8));
  item->identifies_child = redress_statement_column_type (stmt, 9) == REDRESS_COLUMN_NULL ? -1 : redress_statement_column_int (stmt, 9);
  item->confidentiality = g_strdup (redress_statement_column_text (stmt, 10));
  item->original_name = g_strdup (redress_statement_column_text (stmt, 11));
  item->mime_type = g_strdup (redress_statement_column_text (stmt, 12));
  item->size = redress_statement_column_int64 (stmt, 13);
  item->page_count = redress_statement_column_type (stmt, 14) == REDRESS_COLUMN_NULL ? -1 : redress_statement_column_int (stmt, 14);
  item->created_at = g_strdup (redress_statement_column_text (stmt, 15));
  return item;
}

/**
 * redress_evidence_store_get_info:
 *
 * Returns: (transfer full): the item, or %NULL with @error set.
 */
RedressEvidenceInfo *
redress_evidence_store_get_info (RedressEvidenceStore  *self,
                                 const char            *id,
                                 GError               **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = redress_database_prepare (self->db,
                                   "SELECT " ITEM_COLUMNS " FROM evidence_item WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return item_from_stmt (stmt);

  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
               _("There is no evidence item “%s” in this docket."), id);
  return NULL;
}

static GPtrArray *
list_items (RedressEvidenceStore *self,
            RedressStatement     *stmt,
            GError              **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_evidence_info_free);
  int rc;

  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_ptr_array_add (items, item_from_stmt (stmt));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the evidence list"));
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * redress_evidence_store_list:
 * @case_id: (nullable): a case, or %NULL for the whole docket
 *
 * Returns: (transfer container) (element-type RedressEvidenceInfo): the items,
 *   in the order they were taken in.
 */
GPtrArray *
redress_evidence_store_list (RedressEvidenceStore  *self,
                             const char            *case_id,
                             GError               **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);

  stmt = redress_database_prepare (self->db,
                                   "SELECT " ITEM_COLUMNS " FROM evidence_item "
                                   "WHERE ?1 IS NULL OR case_id = ?1 "
                                   "ORDER BY created_at, rowid", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  return list_items (self, stmt, error);
}

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
}

/* Records an ingested file as an item of @case_id (or finds the item that
 * already holds the same content in that case).  Runs on the main connection. */
static RedressEvidenceInfo *
record_intake (RedressEvidenceStore  *self,
               const char            *case_id,
               const Ingest          *ingest,
               const char            *provenance,
               GError               **error)
{
  g_autoptr(RedressStatement) find = NULL;
  g_autoptr(RedressStatement) ins = NULL;
  g_autoptr(RedressEvidenceInfo) item = NULL;
  g_autofree char *id = NULL;
  g_autofree char *note = NULL;
  g_autofree char *size_text = format_size (ingest->size);
  g_autofree char *now = redress_timestamp_now ();
  g_autofree char *title = NULL;
  gboolean duplicate = FALSE;

  if (!_redress_database_begin (self->db, error))
    return NULL;

  find = redress_database_prepare (self->db,
                                   "SELECT id FROM evidence_item WHERE case_id = ?1 AND sha256 = ?2 "
                                   "ORDER BY created_at LIMIT 1", error);
  if (find == NULL)
    goto fail;
  redress_statement_bind_text (find, 1, case_id);
  redress_statement_bind_text (find, 2, ingest->sha256);
  if (redress_statement_step (find) == REDRESS_STEP_ROW)
    {
      id = g_strdup (redress_statement_column_text (find, 0));
      duplicate = TRUE;
      note = g_strdup_printf (_("Received again as “%s” (%s); the same content is already in the "
                                "case and was stored once. SHA-256 %s."),
                              ingest->original_name, size_text, ingest->sha256);
    }
  else
    {
      {
        g_autoptr(RedressStatement) check = redress_database_prepare (self->db,
                                                                  "SELECT 1 FROM case_file WHERE id = ?1",
                                                                  error);
        if (check == NULL)
          goto fail;
        redress_statement_bind_text (check, 1, case_id);
        if (redress_statement_step (check) != REDRESS_STEP_ROW)
          {
            g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                         _("There is no case “%s” in this docket."), case_id);
            goto fail;
          }
      }

      id = redress_uuid_new ();
      title = g_strdup (ingest->original_name);
      if (strrchr (title, '.') != NULL && strrchr (title, '.') != title)
        *strrchr (title, '.') = '\0';

      ins = redress_database_prepare (self->db,
                                      "INSERT INTO evidence_item (id, case_id, sha256, title, kind, "
                                      "provenance, original_name, mime_type, size, page_count, "
                                      "created_at, updated_at) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
      if (ins == NULL)
        goto fail;
      redress_statement_bind_text (ins, 1, id);
      redress_statement_bind_text (ins, 2, case_id);
      redress_statement_bind_text (ins, 3, ingest->sha256);
      redress_statement_bind_text (ins, 4, title);
      redress_statement_bind_text (ins, 5, redress_evidence_kind_guess (ingest->mime_type));
      redress_statement_bind_text (ins, 6, provenance ? provenance : "");
      redress_statement_bind_text (ins, 7, ingest->original_name);
      redress_statement_bind_text (ins, 8, ingest->mime_type);
      redress_statement_bind_int64 (ins, 9, ingest->size);
      if (ingest->page_count >= 0)
        redress_statement_bind_int64 (ins, 10, ingest->page_count);
      else
        redress_statement_bind_null (ins, 10);
      redress_statement_bind_text (ins, 11, now);
      if (!redress_statement_step_done (ins, _("Could not record the evidence item"), error))
        goto fail;

      note = g_strdup_printf (_("Taken in from “%s” (%s, %s). SHA-256 %s."),
                              ingest->original_name, ingest->mime_type, size_text, ingest->sha256);
    }

  if (!_redress_evidence_add_custody (self->db, id, "intake", note, error))
    goto fail;
  if (!_redress_database_commit (self->db, error))
    return NULL;

  item = redress_evidence_store_get_info (self, id, error);
  if (item != NULL)
    item->duplicate = duplicate;
  return g_steal_pointer (&item);

fail:
  _redress_database_rollback (self->db);
  return NULL;
}

/* Removes the original with @sha256 when no item refers to it (after the
 * intake that wrote it was rolled back). */
void
_redress_evidence_store_forget (RedressEvidenceStore *self,
                                const char           *sha256)
{
  g_autoptr(RedressStatement) stmt = NULL;

  stmt = redress_database_prepare (self->db, "SELECT 1 FROM evidence_item WHERE sha256 = ?1", NULL);
  if (stmt == NULL)
    return;
  redress_statement_bind_text (stmt, 1, sha256);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    {
      g_autofree char *path = redress_evidence_store_get_original_path (self, sha256);

      g_unlink (path);
    }
}

/* Removes originals this batch wrote that no item refers to (after a failure
 * or a cancel), so that nothing from an abandoned intake stays behind. */
static void
forget_unrecorded (RedressEvidenceStore *self,
                   GPtrArray            *ingests)
{
  for (guint i = 0; ingests != NULL && i < ingests->len; i++)
    {
      Ingest *ingest = g_ptr_array_index (ingests, i);

      if (ingest->created)
        _redress_evidence_store_forget (self, ingest->sha256);
    }
}

/**
 * redress_evidence_store_add_file:
 * @case_id: the case the file is evidence in
 * @source: the file to take in
 * @provenance: (nullable): where and from whom it came
 * @progress: (scope call) (nullable): called while copying
 *
 * Copies @source into the locker (hashing it on the way), records it as an
 * item of @case_id and starts its custody log.  The same content added to the
 * same case again gives back the existing item, with
 * the duplicate field set, and a custody note.
 *
 * Returns: (transfer full): the item, or %NULL with @error set; then nothing
 *   was stored.
 */
RedressEvidenceInfo *
redress_evidence_store_add_file (RedressEvidenceStore         *self,
                                 const char                   *case_id,
                                 GFile                        *source,
                                 const char                   *provenance,
                                 RedressEvidenceProgressFunc   progress,
                                 gpointer                      progress_data,
                                 GCancellable                 *cancellable,
                                 GError                      **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) ingests = g_ptr_array_new_with_free_func (ingest_free);
  g_autoptr(Journal) journal = NULL;
  Ingest *ingest;
  RedressEvidenceInfo *item;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);

  if (!_redress_database_check_writable (self->db, error))
    return NULL;

  dir = redress_database_get_evidence_dir (self->db);
  journal = _redress_journal_open (dir, "intake", redress_database_get_path (self->db), error);
  if (journal == NULL)
    return NULL;
  ingest = ingest_file (dir, self->seal, journal, source, 0, query_size (source, cancellable),
                        self->inspect, self->inspect_data, progress, progress_data, cancellable, error);
  if (ingest == NULL)
    return NULL;
  g_ptr_array_add (ingests, ingest);

  item = record_intake (self, case_id, ingest, provenance, error);
  if (item == NULL)
    forget_unrecorded (self, ingests);
  return item;
}

/**
 * redress_evidence_store_add_stream:
 * @name: the file name the content came under (an e-mail attachment's name)
 *
 * Like redress_evidence_store_add_file(), for content that is not a file.
 *
 * Returns: (transfer full): the item, or %NULL with @error set.
 */
RedressEvidenceInfo *
redress_evidence_store_add_stream (RedressEvidenceStore  *self,
                                   const char            *case_id,
                                   GInputStream          *stream,
                                   const char            *name,
                                   const char            *provenance,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) ingests = g_ptr_array_new_with_free_func (ingest_free);
  g_autoptr(Journal) journal = NULL;
  Ingest *ingest;
  RedressEvidenceInfo *item;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!_redress_database_check_writable (self->db, error))
    return NULL;

  dir = redress_database_get_evidence_dir (self->db);
  journal = _redress_journal_open (dir, "intake", redress_database_get_path (self->db), error);
  if (journal == NULL)
    return NULL;
  ingest = ingest_stream (dir, self->seal, journal, NULL, stream, name, 0, 0, self->inspect,
                          self->inspect_data, NULL, NULL, cancellable, error);
  if (ingest == NULL)
    return NULL;
  g_ptr_array_add (ingests, ingest);

  item = record_intake (self, case_id, ingest, provenance, error);
  if (item == NULL)
    forget_unrecorded (self, ingests);
  return item;
}

/* Progress from a worker, delivered on the caller's main context. */
typedef struct
{
  GMainContext                *context;
  RedressEvidenceProgressFunc  func;
  gpointer                     data;
  GDestroyNotify               notify;
} Progress;

static Progress *
progress_new (RedressEvidenceProgressFunc func,
              gpointer                    data,
              GDestroyNotify              notify)
{
  Progress *p = g_atomic_rc_box_new0 (Progress);

  p->context = g_main_context_ref_thread_default ();
  p->func = func;
  p->data = data;
  p->notify = notify;
  return p;
}

static void
progress_clear (gpointer data)
{
  Progress *p = data;

  if (p->notify != NULL)
    p->notify (p->data);
  g_main_context_unref (p->context);
}

static void
progress_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_clear);
}

typedef struct
{
  Progress *progress;
  guint64   done;
  guint64   total;
} ProgressTick;

static void
progress_tick_free (gpointer data)
{
  ProgressTick *tick = data;

  progress_unref (tick->progress);
  g_free (tick);
}

static gboolean
progress_tick_cb (gpointer data)
{
  ProgressTick *tick = data;

  tick->progress->func (tick->done, tick->total, tick->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_from_thread (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  Progress *p = user_data;
  ProgressTick *tick;

  if (p == NULL || p->func == NULL)
    return;
  tick = g_new0 (ProgressTick, 1);
  tick->progress = g_atomic_rc_box_acquire (p);
  tick->done = done;
  tick->total = total;
  g_main_context_invoke_full (p->context, G_PRIORITY_DEFAULT, progress_tick_cb, tick, progress_tick_free);
}

typedef struct
{
  char                       *evidence_dir;
  RedressSealKeys            *seal;
  Journal                    *journal;
  GPtrArray                  *sources;   /* GFile */
  GPtrArray                  *ingests;   /* Ingest, filled by the worker */
  RedressEvidenceInspectFunc  inspect;
  gpointer                    inspect_data;
  Progress                   *progress;
  char                       *case_id;
} AddFilesData;

static void
add_files_data_free (gpointer data)
{
  AddFilesData *d = data;

  g_free (d->evidence_dir);
  _redress_seal_keys_free (d->seal);
  _redress_journal_close (d->journal);
  g_ptr_array_unref (d->sources);
  g_ptr_array_unref (d->ingests);
  g_clear_pointer (&d->progress, progress_unref);
  g_free (d->case_id);
  g_free (d);
}

static void
add_files_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AddFilesData *d = task_data;
  g_autofree guint64 *sizes = g_new0 (guint64, d->sources->len);
  guint64 total = 0;
  guint64 base = 0;

  for (guint i = 0; i < d->sources->len; i++)
    {
      sizes[i] = query_size (g_ptr_array_index (d->sources, i), cancellable);
      total += sizes[i];
    }

  for (guint i = 0; i < d->sources->len; i++)
    {
      GError *error = NULL;
      Ingest *ingest;

      ingest = ingest_file (d->evidence_dir, d->seal, d->journal, g_ptr_array_index (d->sources, i),
                            base, total,
                            d->inspect, d->inspect_data, progress_from_thread, d->progress,
                            cancellable, &error);
      if (ingest == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (d->ingests, ingest);
      base += sizes[i];
    }

  g_task_return_boolean (task, TRUE);
}

/* The worker has no source object (it may drop its last reference in the
 * thread); the outer task holds the store and finishes on the main context. */
static void
add_files_worker_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  RedressEvidenceStore *self = g_task_get_source_object (outer);
  AddFilesData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_evidence_info_free);
  /* The intake journal goes when this returns: recorded, or forgotten. */
  g_autoptr(Journal) journal = g_steal_pointer (&d->journal);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      forget_unrecorded (self, d->ingests);
      if (d->sources->len > 1 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("None of the %u files was added. "), d->sources->len);
      g_task_return_error (outer, error);
      return;
    }

  if (!_redress_database_begin (self->db, &error))
    {
      forget_unrecorded (self, d->ingests);
      g_task_return_error (outer, error);
      return;
    }
  for (guint i = 0; i < d->ingests->len; i++)
    {
      RedressEvidenceInfo *item = record_intake (self, d->case_id, g_ptr_array_index (d->ingests, i),
                                                 NULL, &error);

      if (item == NULL)
        {
          _redress_database_rollback (self->db);
          forget_unrecorded (self, d->ingests);
          g_task_return_error (outer, error);
          return;
        }
      g_ptr_array_add (items, item);
    }
  if (!_redress_database_commit (self->db, &error))
    {
      forget_unrecorded (self, d->ingests);
      g_task_return_error (outer, error);
      return;
    }

  g_task_return_pointer (outer, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * redress_evidence_store_add_files_async:
 * @sources: (array length=n_sources): the files to take in
 * @progress: (scope notified) (nullable): bytes copied of all files, on this thread's main context
 *
 * Copies and hashes @sources in a thread, then records them all, or none:
 * when one cannot be read, the disk fills or @cancellable is cancelled,
 * nothing of the batch is kept.
 */
void
redress_evidence_store_add_files_async (RedressEvidenceStore         *self,
                                        const char                   *case_id,
                                        GFile                       **sources,
                                        guint                         n_sources,
                                        RedressEvidenceProgressFunc   progress,
                                        gpointer                      progress_data,
                                        GDestroyNotify                progress_notify,
                                        GCancellable                 *cancellable,
                                        GAsyncReadyCallback           callback,
                                        gpointer                      user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;
  AddFilesData *d;

  g_return_if_fail (REDRESS_IS_EVIDENCE_STORE (self));
  g_return_if_fail (case_id != NULL);
  g_return_if_fail (sources != NULL || n_sources == 0);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, redress_evidence_store_add_files_async);

  if (!_redress_database_check_writable (self->db, &error))
    {
      if (progress_notify != NULL)
        progress_notify (progress_data);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  d = g_new0 (AddFilesData, 1);
  d->evidence_dir = redress_database_get_evidence_dir (self->db);
  d->seal = _redress_seal_keys_copy (self->seal);

  d->sources = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_sources; i++)
    g_ptr_array_add (d->sources, g_object_ref (sources[i]));
  d->ingests = g_ptr_array_new_with_free_func (ingest_free);
  d->inspect = self->inspect;
  d->inspect_data = self->inspect_data;
  d->progress = progress_new (progress, progress_data, progress_notify);
  d->case_id = g_strdup (case_id);
  /* Held until the rows are committed: the worker's task data outlives the outer callback. */
  d->journal = _redress_journal_open (d->evidence_dir, "intake", redress_database_get_path (self->db), &error);
  if (d->journal == NULL)
    {
      add_files_data_free (d);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  worker = g_task_new (NULL, cancellable, add_files_worker_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (worker, add_files_worker);
  g_task_set_task_data (worker, d, add_files_data_free);
  g_task_run_in_thread (worker, add_files_worker);
}

/**
 * redress_evidence_store_add_files_finish:
 *
 * Returns: (transfer container) (element-type RedressEvidenceInfo): the items, in
 *   the order of the sources, or %NULL with @error set.
 */
GPtrArray *
redress_evidence_store_add_files_finish (RedressEvidenceStore  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* {{{ Metadata, custody, viewing and export */

/**
 * redress_evidence_store_list_custody:
 *
 * Returns: (transfer container) (element-type RedressCustodyEvent): the item's
 *   custody log, oldest first.
 */
GPtrArray *
redress_evidence_store_list_custody (RedressEvidenceStore  *self,
                                     const char            *evidence_id,
                                     GError               **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_custody_event_free);
  int rc;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (evidence_id != NULL, NULL);

  stmt = redress_database_prepare (self->db,
                                   "SELECT id, evidence_id, seq, action, actor, at, note, chain_hash "
                                   "FROM custody_event WHERE evidence_id = ?1 ORDER BY seq, at", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, evidence_id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      RedressCustodyEvent *e = g_new0 (RedressCustodyEvent, 1);

      e->id = g_strdup (redress_statement_column_text (stmt, 0));
      e->evidence_id = g_strdup (redress_statement_column_text (stmt, 1));
      e->seq = redress_statement_column_int64 (stmt, 2);
      e->action = g_strdup (redress_statement_column_text (stmt, 3));
      e->actor = g_strdup (redress_statement_column_text (stmt, 4));
      e->at = g_strdup (redress_statement_column_text (stmt, 5));
      e->note = g_strdup (redress_statement_column_text (stmt, 6));
      e->chain_hash = g_strdup (redress_statement_column_text (stmt, 7));
      g_ptr_array_add (events, e);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the custody log"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/**
 * redress_evidence_store_check_custody:
 *
 * Recomputes the hash chain of an item's custody log.
 *
 * Returns: %TRUE when no entry was changed, removed or inserted outside
 *   Redress; else %FALSE with @error saying where the chain breaks.
 */
gboolean
redress_evidence_store_check_custody (RedressEvidenceStore  *self,
                                      const char            *evidence_id,
                                      GError               **error)
{
  g_autoptr(GPtrArray) events = NULL;
  const char *prev = "";

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), FALSE);

  events = redress_evidence_store_list_custody (self, evidence_id, error);
  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      RedressCustodyEvent *e = g_ptr_array_index (events, i);
      g_autofree char *expect = custody_chain_hash (prev, e->evidence_id, e->seq, e->action,
                                                    e->actor, e->at, e->note);

      if (e->seq != (gint64) i + 1 || g_strcmp0 (expect, e->chain_hash) != 0)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                       _("The custody log of this item was altered outside Redress at entry %u (%s)."),
                       i + 1, e->at);
          return FALSE;
        }
      prev = e->chain_hash;
    }
  return TRUE;
}

/**
 * redress_evidence_store_open_original:
 *
 * Records that the original is being viewed and gives its path (the file is
 * read-only; open it in another application from there).
 *
 * Returns: (transfer full): the stored original's path, or %NULL with @error set.
 */
char *
redress_evidence_store_open_original (RedressEvidenceStore  *self,
                                      const char            *evidence_id,
                                      GError               **error)
{
  g_autoptr(RedressEvidenceInfo) item = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);

  item = redress_evidence_store_get_info (self, evidence_id, error);
  if (item == NULL)
    return NULL;
  path = redress_evidence_store_get_original_path (self, item->sha256);
  if (self->seal != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Sealed: a checked, decrypted copy in the private folder, wiped when
       * the docket closes. */
      g_clear_pointer (&path, g_free);
      path = decrypt_to_private (self->dir, self->seal, item->sha256, item->original_name,
                                 item->title, error);
      if (path == NULL)
        return NULL;
      _redress_private_copy_register (self->db, path);
    }
  else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("The original of “%s” is missing from the evidence folder. Run Verify to "
                     "record it, and restore the folder from a backup."), item->title);
      return NULL;
    }
  if (!redress_database_get_read_only (self->db) &&
      !_redress_evidence_add_custody (self->db, item->id, "view", _("Opened for viewing."), error))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * redress_evidence_store_export:
 * @destination: the file to write (it is replaced atomically)
 *
 * Copies the original out, checking on the way that it still matches its
 * intake hash; a changed original is not exported (QUALITY.md R16).  Records
 * an "export" custody event naming the destination.
 */
gboolean
redress_evidence_store_export (RedressEvidenceStore  *self,
                               const char            *evidence_id,
                               GFile                 *destination,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_autoptr(RedressEvidenceInfo) item = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dest_dir = NULL;
  g_autofree char *dest_path = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) local_error = NULL;
  Copy copy;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  item = redress_evidence_store_get_info (self, evidence_id, error);
  if (item == NULL)
    return FALSE;

  parent = g_file_get_parent (destination);
  dest_dir = parent != NULL ? g_file_get_path (parent) : NULL;
  dest_path = g_file_get_path (destination);
  if (dest_dir == NULL || dest_path == NULL)
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("Evidence can only be exported to a local folder."));
      return FALSE;
    }

  src = redress_evidence_store_get_original_path (self, item->sha256);
  {
    gboolean missing = FALSE;

    in = open_stored (self->seal, src, &missing, &local_error);
    if (in == NULL && missing)
      {
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                     _("The original of “%s” is missing from the evidence folder; nothing was exported."),
                     item->title);
        return FALSE;
      }
    if (in == NULL)
      {
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The original of “%s” cannot be read (%s); nothing was exported. Run Verify "
                       "and restore the evidence folder from a backup."), item->title, local_error->message);
        return FALSE;
      }
  }

  if (!copy_to_temp (in, dest_dir, ".redress-export-", item->original_name, 0600,
                     0, item->size, NULL, NULL, cancellable, NULL, &copy, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                     _("The original of “%s” has been changed or damaged (%s); it was not exported. "
                       "Run Verify and restore the evidence folder from a backup."),
                     item->title, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_strcmp0 (copy.sha256, item->sha256) != 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                   _("The original of “%s” no longer matches the hash taken at intake; it was not "
                     "exported. Run Verify and restore the evidence folder from a backup."),
                   item->title);
      copy_clear (&copy);
      return FALSE;
    }
  if (g_rename (copy.tmp_path, dest_path) != 0)
    {
      set_write_error (error, errno, item->original_name);
      copy_clear (&copy);
      return FALSE;
    }
  g_clear_pointer (&copy.tmp_path, g_free);
  g_clear_pointer (&copy.sha256, g_free);
  if (!fsync_dir (dest_dir, error))
    return FALSE;

  note = g_strdup_printf (_("Exported to “%s”; the copy matched SHA-256 %s."), dest_path, item->sha256);
  if (!_redress_evidence_add_custody (self->db, item->id, "export", note, error))
    return FALSE;
  return TRUE;
}

/* }}} */
/* {{{ Links */

/* What the custody log calls each kind of target (SQL giving a short label). */
static const char * const target_label_sql[] = {
  "treaty || ' art. ' || article || CASE WHEN paragraph = '' THEN '' ELSE '(' || paragraph || ')' END",
  "coalesce (occurred_on || ' ', '') || substr (description, 1, 60)",
  "trim (forum || ' ' || level)",
  "coalesce (letter_date || ' ', '') || subject",
};

/* Checks that @target_id exists and belongs to @case_id; gives its label. */
static gboolean
check_target (RedressEvidenceStore   *self,
              RedressEvidenceTarget   target,
              const char             *target_id,
              const char             *case_id,
              char                  **label,
              GError                **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT case_id, %s FROM %s WHERE id = ?1",
                                          target_label_sql[target], target_info[target].table);
  g_autoptr(RedressStatement) stmt = redress_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, target_id);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no %s “%s” in this docket."), _(target_info[target].label), target_id);
      return FALSE;
    }
  if (g_strcmp0 (redress_statement_column_text (stmt, 0), case_id) != 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The evidence and the %s belong to different cases; link evidence only within "
                     "its own case."), _(target_info[target].label));
      return FALSE;
    }
  if (label != NULL)
    *label = g_strdup (redress_statement_column_text (stmt, 1));
  return TRUE;
}

/**
 * redress_evidence_store_link:
 * @target: what @target_id is
 *
 * Links an item to an alleged violation, a fact, a domestic remedy or a
 * letter of the same case (the composer numbers linked items as annexes).
 * Linking twice is harmless.  Records a "link" custody event.
 */
gboolean
redress_evidence_store_link (RedressEvidenceStore   *self,
                             const char             *evidence_id,
                             RedressEvidenceTarget   target,
                             const char             *target_id,
                             GError                **error)
{
  g_autoptr(RedressEvidenceInfo) item = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *id = redress_uuid_new ();
  g_autofree char *now = redress_timestamp_now ();
  g_autofree char *note = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (target < G_N_ELEMENTS (targets), FALSE);
  g_return_val_if_fail (target_id != NULL, FALSE);

  item = redress_evidence_store_get_info (self, evidence_id, error);
  if (item == NULL)
    return FALSE;
  if (!check_target (self, target, target_id, item->case_id, &label, error))
    return FALSE;

  if (!_redress_database_begin (self->db, error))
    return FALSE;
  stmt = redress_database_prepare (self->db,
                                   "INSERT INTO evidence_link (id, evidence_id, target_kind, target_id, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5) "
                                   "ON CONFLICT (evidence_id, target_kind, target_id) DO NOTHING", error);
  if (stmt == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, id);
  redress_statement_bind_text (stmt, 2, evidence_id);
  redress_statement_bind_text (stmt, 3, targets[target]);
  redress_statement_bind_text (stmt, 4, target_id);
  redress_statement_bind_text (stmt, 5, now);
  if (!redress_statement_step_done (stmt, _("Could not link the evidence"), error))
    goto fail;
  if (redress_statement_changes (stmt) == 0)
    {
      _redress_database_rollback (self->db);
      return TRUE;
    }

  note = g_strdup_printf (_("Linked to %s “%s” (%s)."), _(target_info[target].label),
                          label != NULL ? label : "", target_id);
  if (!_redress_evidence_add_custody (self->db, evidence_id, "link", note, error))
    goto fail;
  if (!_redress_database_commit (self->db, error))
    return FALSE;
  return TRUE;

fail:
  _redress_database_rollback (self->db);
  return FALSE;
}

/**
 * redress_evidence_store_unlink:
 *
 * Removes a link; records an "unlink" custody event.
 */
gboolean
redress_evidence_store_unlink (RedressEvidenceStore   *self,
                               const char             *evidence_id,
                               RedressEvidenceTarget   target,
                               const char             *target_id,
                               GError                **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (target < G_N_ELEMENTS (targets), FALSE);

  if (!_redress_database_begin (self->db, error))
    return FALSE;
  stmt = redress_database_prepare (self->db,
                                   "DELETE FROM evidence_link WHERE evidence_id = ?1 AND target_kind = ?2 "
                                   "AND target_id = ?3", error);
  if (stmt == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, evidence_id);
  redress_statement_bind_text (stmt, 2, targets[target]);
  redress_statement_bind_text (stmt, 3, target_id);
  if (!redress_statement_step_done (stmt, _("Could not remove the link"), error))
    goto fail;
  if (redress_statement_changes (stmt) == 0)
    {
      _redress_database_rollback (self->db);
      return TRUE;
    }
  note = g_strdup_printf (_("Link to %s %s removed."), _(target_info[target].label), target_id);
  if (!_redress_evidence_add_custody (self->db, evidence_id, "unlink", note, error))
    goto fail;
  if (!_redress_database_commit (self->db, error))
    return FALSE;
  return TRUE;

fail:
  _redress_database_rollback (self->db);
  return FALSE;
}

/**
 * redress_evidence_store_list_links:
 *
 * Returns: (transfer container) (element-type RedressEvidenceLink): what the item is linked to.
 */
GPtrArray *
redress_evidence_store_list_links (RedressEvidenceStore  *self,
                                   const char            *evidence_id,
                                   GError               **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_evidence_link_free);
  int rc;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);

  stmt = redress_database_prepare (self->db,
                                   "SELECT id, evidence_id, target_kind, target_id, created_at "
                                   "FROM evidence_link WHERE evidence_id = ?1 ORDER BY created_at, rowid",
                                   error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, evidence_id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      RedressEvidenceLink *link = g_new0 (RedressEvidenceLink, 1);

      link->id = g_strdup (redress_statement_column_text (stmt, 0));
      link->evidence_id = g_strdup (redress_statement_column_text (stmt, 1));
      redress_evidence_target_from_string (redress_statement_column_text (stmt, 2), &link->target);
      link->target_id = g_strdup (redress_statement_column_text (stmt, 3));
      link->created_at = g_strdup (redress_statement_column_text (stmt, 4));
      g_ptr_array_add (links, link);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the evidence links"));
      return NULL;
    }
  return g_steal_pointer (&links);
}

/**
 * redress_evidence_store_list_linked:
 *
 * Returns: (transfer container) (element-type RedressEvidenceInfo): the items
 *   linked to @target_id, in the order they were linked (the annex order).
 */
GPtrArray *
redress_evidence_store_list_linked (RedressEvidenceStore   *self,
                                    RedressEvidenceTarget   target,
                                    const char             *target_id,
                                    GError                **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (target < G_N_ELEMENTS (targets), NULL);

  stmt = redress_database_prepare (self->db,
                                   "SELECT e.id, e.case_id, e.sha256, e.title, e.description, e.kind, "
                                   "e.shown_date, e.provenance, e.language, e.identifies_child, "
                                   "e.confidentiality, e.original_name, e.mime_type, e.size, "
                                   "e.page_count, e.created_at "
                                   "FROM evidence_link l JOIN evidence_item e ON e.id = l.evidence_id "
                                   "WHERE l.target_kind = ?1 AND l.target_id = ?2 "
                                   "ORDER BY l.created_at, l.rowid", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, targets[target]);
  redress_statement_bind_text (stmt, 2, target_id);
  return list_items (self, stmt, error);
}

/* }}} */
/* {{{ Verification */

typedef struct
{
  char                 *evidence_id;
  char                 *case_id;
  char                 *title;
  char                 *sha256;
  guint64               size;
  char                 *actual;  /* filled by the worker */
  RedressEvidenceState  state;
  gboolean              damaged; /* sealed, and fails its authentication */
} VerifyTarget;

static void
verify_target_free (gpointer data)
{
  VerifyTarget *t = data;

  g_free (t->evidence_id);
  g_free (t->case_id);
  g_free (t->title);
  g_free (t->sha256);
  g_free (t->actual);
  g_free (t);
}

typedef struct
{
  char      *evidence_dir;
  RedressSealKeys *seal;
  char      *case_id;
  char      *evidence_id;
  char      *started_at;
  GPtrArray *targets;  /* VerifyTarget */
  Progress  *progress;
} VerifyData;

static void
verify_data_free (gpointer data)
{
  VerifyData *d = data;

  g_free (d->evidence_dir);
  _redress_seal_keys_free (d->seal);
  g_free (d->case_id);
  g_free (d->evidence_id);
  g_free (d->started_at);
  g_ptr_array_unref (d->targets);
  g_clear_pointer (&d->progress, progress_unref);
  g_free (d);
}

static VerifyData *
verify_prepare (RedressEvidenceStore  *self,
                const char            *case_id,
                const char            *evidence_id,
                GError               **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  VerifyData *d;
  int rc;

  stmt = redress_database_prepare (self->db,
                                   "SELECT id, case_id, title, sha256, size FROM evidence_item "
                                   "WHERE (?1 IS NULL OR case_id = ?1) AND (?2 IS NULL OR id = ?2) "
                                   "ORDER BY sha256, created_at", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  redress_statement_bind_text (stmt, 2, evidence_id);

  d = g_new0 (VerifyData, 1);
  d->evidence_dir = redress_database_get_evidence_dir (self->db);
  d->seal = _redress_seal_keys_copy (self->seal);
  d->case_id = g_strdup (case_id);
  d->evidence_id = g_strdup (evidence_id);
  d->started_at = redress_timestamp_now ();
  d->targets = g_ptr_array_new_with_free_func (verify_target_free);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      VerifyTarget *t = g_new0 (VerifyTarget, 1);

      t->evidence_id = g_strdup (redress_statement_column_text (stmt, 0));
      t->case_id = g_strdup (redress_statement_column_text (stmt, 1));
      t->title = g_strdup (redress_statement_column_text (stmt, 2));
      t->sha256 = g_strdup (redress_statement_column_text (stmt, 3));
      t->size = redress_statement_column_int64 (stmt, 4);
      g_ptr_array_add (d->targets, t);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the evidence list"));
      verify_data_free (d);
      return NULL;
    }
  if (evidence_id != NULL && d->targets->len == 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no evidence item “%s” in this docket."), evidence_id);
      verify_data_free (d);
      return NULL;
    }
  return d;
}

/* Re-hashes every target's original (each distinct original once).  No database access. */
static gboolean
verify_hash_all (VerifyData                   *d,
                 RedressEvidenceProgressFunc   progress,
                 gpointer                      progress_data,
                 GCancellable                 *cancellable,
                 GError                      **error)
{
  guint64 total = 0;
  guint64 base = 0;
  VerifyTarget *prev = NULL;

  for (guint i = 0; i < d->targets->len; i++)
    {
      VerifyTarget *t = g_ptr_array_index (d->targets, i);

      if (i == 0 || g_strcmp0 (t->sha256, ((VerifyTarget *) g_ptr_array_index (d->targets, i - 1))->sha256) != 0)
        total += t->size;
    }

  for (guint i = 0; i < d->targets->len; i++)
    {
      VerifyTarget *t = g_ptr_array_index (d->targets, i);
      g_autofree char *path = NULL;
      gboolean missing = FALSE;

      /* Targets are sorted by hash: items sharing an original share the result. */
      if (prev != NULL && g_strcmp0 (prev->sha256, t->sha256) == 0)
        {
          t->state = prev->state;
          t->damaged = prev->damaged;
          t->actual = g_strdup (prev->actual);
          continue;
        }

      path = original_path (d->evidence_dir, d->seal, t->sha256);
      {
        g_autoptr(GError) local_error = NULL;

        t->actual = hash_original (path, d->seal, base, total, progress, progress_data, cancellable,
                                   &missing, &local_error);
        /* A sealed original that fails its authentication was changed. */
        if (t->actual == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
          t->damaged = TRUE;
        else if (t->actual == NULL && !missing)
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
      }
      if (missing)
        t->state = REDRESS_EVIDENCE_STATE_MISSING;
      else if (t->damaged || g_strcmp0 (t->actual, t->sha256) != 0)
        t->state = REDRESS_EVIDENCE_STATE_CHANGED;
      else
        t->state = REDRESS_EVIDENCE_STATE_INTACT;
      base += t->size;
      prev = t;
    }
  if (progress != NULL)
    progress (total, total, progress_data);
  return TRUE;
}

/* Records the results (custody events and one verification row) and builds the report. */
static RedressVerifyReport *
verify_record (RedressEvidenceStore  *self,
               VerifyData            *d,
               GError               **error)
{
  g_autoptr(RedressVerifyReport) report = verify_report_new ();
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *finished = NULL;
  gboolean write = !redress_database_get_read_only (self->db);

  report->id = redress_uuid_new ();

  if (write && !_redress_database_begin (self->db, error))
    return NULL;

  for (guint i = 0; i < d->targets->len; i++)
    {
      VerifyTarget *t = g_ptr_array_index (d->targets, i);
      g_autofree char *note = NULL;

      report->checked++;
      switch (t->state)
        {
        case REDRESS_EVIDENCE_STATE_INTACT:
          report->intact++;
          note = g_strdup_printf (_("Verified: the original matches SHA-256 %s."), t->sha256);
          break;
        case REDRESS_EVIDENCE_STATE_CHANGED:
          report->changed++;
          if (t->damaged)
            note = g_strdup_printf (_("CHANGED: the encrypted original fails its authentication "
                                      "(it was changed or damaged); expected SHA-256 %s."), t->sha256);
          else
            note = g_strdup_printf (_("CHANGED: the original no longer matches its intake hash "
                                      "(expected %s, found %s)."), t->sha256, t->actual);
          break;
        case REDRESS_EVIDENCE_STATE_MISSING:
        default:
          report->missing++;
          note = g_strdup_printf (_("MISSING: the original (SHA-256 %s) is not in the evidence folder."),
                                  t->sha256);
          break;
        }

      if (t->state != REDRESS_EVIDENCE_STATE_INTACT)
        {
          RedressEvidenceProblem *p = g_new0 (RedressEvidenceProblem, 1);

          p->evidence_id = g_strdup (t->evidence_id);
          p->case_id = g_strdup (t->case_id);
          p->title = g_strdup (t->title);
          p->expected_sha256 = g_strdup (t->sha256);
          p->actual_sha256 = g_strdup (t->actual);
          p->state = t->state;
          g_ptr_array_add (report->problems, p);
        }

      if (write && !_redress_evidence_add_custody (self->db, t->evidence_id, "verify", note, error))
        goto fail;
    }

  if (!write)
    return g_steal_pointer (&report);

  finished = redress_timestamp_now ();
  stmt = redress_database_prepare (self->db,
                                   "INSERT INTO evidence_verification (id, case_id, evidence_id, actor, "
                                   "started_at, finished_at, checked, intact, changed, missing) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, report->id);
  redress_statement_bind_text (stmt, 2, d->case_id);
  redress_statement_bind_text (stmt, 3, d->evidence_id);
  redress_statement_bind_text (stmt, 4, redress_database_get_actor (self->db));
  redress_statement_bind_text (stmt, 5, d->started_at);
  redress_statement_bind_text (stmt, 6, finished);
  redress_statement_bind_int64 (stmt, 7, report->checked);
  redress_statement_bind_int64 (stmt, 8, report->intact);
  redress_statement_bind_int64 (stmt, 9, report->changed);
  redress_statement_bind_int64 (stmt, 10, report->missing);
  if (!redress_statement_step_done (stmt, _("Could not record the verification"), error))
    goto fail;
  if (!_redress_database_commit (self->db, error))
    return NULL;

  return g_steal_pointer (&report);

fail:
  _redress_database_rollback (self->db);
  return NULL;
}

/**
 * redress_evidence_store_verify:
 * @case_id: (nullable): one case, or %NULL for the whole docket
 * @evidence_id: (nullable): one item, or %NULL for all of them
 * @progress: (scope call) (nullable): bytes hashed so far
 *
 * Re-hashes the originals and compares them with the hashes taken at intake.
 * Each item gets a "verify" custody event and the run is recorded.  A changed
 * or missing original does not make this fail: look at the report.
 *
 * Returns: (transfer full): the report, or %NULL with @error set.
 */
RedressVerifyReport *
redress_evidence_store_verify (RedressEvidenceStore         *self,
                               const char                   *case_id,
                               const char                   *evidence_id,
                               RedressEvidenceProgressFunc   progress,
                               gpointer                      progress_data,
                               GCancellable                 *cancellable,
                               GError                      **error)
{
  VerifyData *d;
  RedressVerifyReport *report = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);

  d = verify_prepare (self, case_id, evidence_id, error);
  if (d == NULL)
    return NULL;
  if (verify_hash_all (d, progress, progress_data, cancellable, error))
    report = verify_record (self, d, error);
  verify_data_free (d);
  return report;
}

static void
verify_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VerifyData *d = task_data;
  GError *error = NULL;

  if (verify_hash_all (d, progress_from_thread, d->progress, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
verify_worker_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  RedressEvidenceStore *self = g_task_get_source_object (outer);
  VerifyData *d = g_task_get_task_data (G_TASK (result));
  RedressVerifyReport *report;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  report = verify_record (self, d, &error);
  if (report == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, report, (GDestroyNotify) redress_verify_report_unref);
}

/**
 * redress_evidence_store_verify_async:
 * @progress: (scope notified) (nullable): bytes hashed so far, on this thread's main context
 *
 * redress_evidence_store_verify() with the hashing in a thread.
 */
void
redress_evidence_store_verify_async (RedressEvidenceStore         *self,
                                     const char                   *case_id,
                                     const char                   *evidence_id,
                                     RedressEvidenceProgressFunc   progress,
                                     gpointer                      progress_data,
                                     GDestroyNotify                progress_notify,
                                     GCancellable                 *cancellable,
                                     GAsyncReadyCallback           callback,
                                     gpointer                      user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  VerifyData *d;

  g_return_if_fail (REDRESS_IS_EVIDENCE_STORE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, redress_evidence_store_verify_async);

  d = verify_prepare (self, case_id, evidence_id, &error);
  if (d == NULL)
    {
      if (progress_notify != NULL)
        progress_notify (progress_data);
      g_task_return_error (outer, error);
      return;
    }
  d->progress = progress_new (progress, progress_data, progress_notify);

  worker = g_task_new (NULL, cancellable, verify_worker_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (worker, verify_worker);
  g_task_set_task_data (worker, d, verify_data_free);
  g_task_run_in_thread (worker, verify_worker);
}

/**
 * redress_evidence_store_verify_finish:
 *
 * Returns: (transfer full): the report, or %NULL with @error set.
 */
RedressVerifyReport *
redress_evidence_store_verify_finish (RedressEvidenceStore  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* {{{ Thumbnails */

/**
 * redress_evidence_store_lookup_thumbnail:
 * @size: the longest side in pixels
 *
 * Returns: (transfer full) (nullable): the cached PNG, or %NULL.
 */
GBytes *
redress_evidence_store_lookup_thumbnail (RedressEvidenceStore *self,
                                         const char           *sha256,
                                         int                   size)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = redress_database_prepare (self->db,
                                   "SELECT png FROM evidence_thumbnail WHERE sha256 = ?1 AND size = ?2",
                                   NULL);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, sha256);
  redress_statement_bind_int64 (stmt, 2, size);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    return NULL;
  return g_bytes_new (redress_statement_column_blob (stmt, 0), redress_statement_column_bytes (stmt, 0));
}

/**
 * redress_evidence_store_save_thumbnail:
 * @png: the thumbnail as PNG
 *
 * Caches a thumbnail inside the docket (never in the desktop's shared cache:
 * it can show a child's face).
 */
gboolean
redress_evidence_store_save_thumbnail (RedressEvidenceStore  *self,
                                       const char            *sha256,
                                       int                    size,
                                       GBytes                *png,
                                       GError               **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *now = redress_timestamp_now ();
  gsize len;
  gconstpointer data;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, FALSE);
  g_return_val_if_fail (png != NULL, FALSE);

  if (!_redress_database_check_writable (self->db, error))
    return FALSE;
  stmt = redress_database_prepare (self->db,
                                   "INSERT OR REPLACE INTO evidence_thumbnail (sha256, size, png, created_at) "
                                   "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (png, &len);
  redress_statement_bind_text (stmt, 1, sha256);
  redress_statement_bind_int64 (stmt, 2, size);
  redress_statement_bind_blob (stmt, 3, data, len);
  redress_statement_bind_text (stmt, 4, now);

  /* A thumbnail is a cache derived from the original, not an edit: its table
   * has no audit triggers (redress-audit.c). */
  return redress_statement_step_done (stmt, _("Could not save the thumbnail"), error);
}

/* }}} */
