/* redress-seal.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence at rest in an encrypted docket.  A sealed file is
 *
 *   "RDXSEAL1" | secretstream header (24 bytes) | chunk … | final chunk
 *
 * where every chunk is up to 64 KiB of plaintext encrypted and authenticated
 * by crypto_secretstream_xchacha20poly1305 (17 bytes added), all full but
 * the last, which carries the FINAL tag: a changed byte, a dropped, moved or
 * added chunk and a cut-off file all fail to read.  The stream key is a
 * subkey of the docket's data key; the file name is keyed BLAKE2b of the
 * plaintext's SHA-256 under another subkey, so no name on disk is the hash
 * of the evidence.  No file is ever held whole in memory.
 */

#define G_LOG_DOMAIN "redress-seal"

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

#include "redress-database-private.h"
#include "redress-keys-private.h"
#include "redress-seal-private.h"

#define SEAL_MAGIC     "RDXSEAL1"
#define SEAL_MAGIC_LEN 8
#define CIPHER_CHUNK   (REDRESS_SEAL_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES)

struct _RedressSealKeys
{
  guint8 *stream_key;  /* crypto_secretstream_xchacha20poly1305_KEYBYTES, protected */
  guint8 *name_key;    /* 32 bytes, protected */
};

/* {{{ Keys */

RedressSealKeys *
_redress_seal_keys_new_from (const guint8 *data_key)
{
  RedressSealKeys *keys;

  if (data_key == NULL)
    return NULL;
  keys = g_new0 (RedressSealKeys, 1);
  keys->stream_key = _redress_secure_alloc (crypto_secretstream_xchacha20poly1305_KEYBYTES);
  keys->name_key = _redress_secure_alloc (32);
  _redress_derive_subkey (data_key, "evidence-stream", keys->stream_key,
                          crypto_secretstream_xchacha20poly1305_KEYBYTES);
  _redress_derive_subkey (data_key, "evidence-name", keys->name_key, 32);
  return keys;
}

/* The keys of @db's evidence, or NULL when its evidence is stored plain. */
RedressSealKeys *
_redress_seal_keys_new (RedressDatabase *db)
{
  return _redress_seal_keys_new_from (_redress_database_get_data_key (db));
}

RedressSealKeys *
_redress_seal_keys_copy (const RedressSealKeys *keys)
{
  RedressSealKeys *copy;

  if (keys == NULL)
    return NULL;
  copy = g_new0 (RedressSealKeys, 1);
  copy->stream_key = _redress_secure_alloc (crypto_secretstream_xchacha20poly1305_KEYBYTES);
  copy->name_key = _redress_secure_alloc (32);
  memcpy (copy->stream_key, keys->stream_key, crypto_secretstream_xchacha20poly1305_KEYBYTES);
  memcpy (copy->name_key, keys->name_key, 32);
  return copy;
}

void
_redress_seal_keys_free (RedressSealKeys *keys)
{
  if (keys == NULL)
    return;
  _redress_secure_free (keys->stream_key);
  _redress_secure_free (keys->name_key);
  g_free (keys);
}

char *
_redress_seal_file_name (const RedressSealKeys *keys,
                         const char            *sha256)
{
  guint8 mac[32];
  char hex[65];

  crypto_generichash (mac, sizeof mac, (const guint8 *) sha256, strlen (sha256), keys->name_key, 32);
  sodium_bin2hex (hex, sizeof hex, mac, sizeof mac);
  return g_strconcat (hex, REDRESS_SEAL_SUFFIX, NULL);
}

/* }}} */
/* {{{ Writer */

struct _RedressSealWriter
{
  int     fd;
  crypto_secretstream_xchacha20poly1305_state *state;  /* protected */
  guint8 *plain;   /* one chunk of plaintext waiting, protected */
  gsize   plain_len;
  guint8 *cipher;  /* CIPHER_CHUNK */
};

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          len,
           GError       **error)
{
  gsize off = 0;

  while (off < len)
    {
      gssize w = write (fd, data + off, len - off);

      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                       g_strerror (saved_errno));
          errno = saved_errno;  /* for the caller's message */
          return FALSE;
        }
      off += w;
    }
  return TRUE;
}

RedressSealWriter *
_redress_seal_writer_new (const RedressSealKeys  *keys,
                          int                     fd,
                          GError                **error)
{
  RedressSealWriter *w = g_new0 (RedressSealWriter, 1);
  guint8 header[SEAL_MAGIC_LEN + crypto_secretstream_xchacha20poly1305_HEADERBYTES];

  w->fd = fd;
  w->state = _redress_secure_alloc (sizeof *w->state);
  w->plain = _redress_secure_alloc (REDRESS_SEAL_CHUNK);
  w->cipher = g_malloc (CIPHER_CHUNK);
  memcpy (header, SEAL_MAGIC, SEAL_MAGIC_LEN);
  crypto_secretstream_xchacha20poly1305_init_push (w->state, header + SEAL_MAGIC_LEN, keys->stream_key);
  if (!write_all (fd, header, sizeof header, error))
    {
      _redress_seal_writer_free (w);
      return NULL;
    }
  return w;
}

static gboolean
flush_chunk (RedressSealWriter  *w,
             guint8              tag,
             GError            **error)
{
  unsigned long long len = 0;

  crypto_secretstream_xchacha20poly1305_push (w->state, w->cipher, &len, w->plain, w->plain_len,
                                              NULL, 0, tag);
  sodium_memzero (w->plain, w->plain_len);
  w->plain_len = 0;
  return write_all (w->fd, w->cipher, len, error);
}

gboolean
_redress_seal_writer_push (RedressSealWriter  *w,
                           const guint8       *data,
                           gsize               len,
                           GError            **error)
{
  while (len > 0)
    {
      gsize take;

      /* A full chunk is only written once more data follows, so that the
       * last one, full or not, can carry the FINAL tag. */
      if (w->plain_len == REDRESS_SEAL_CHUNK && !flush_chunk (w, 0, error))
        return FALSE;
      take = MIN (len, REDRESS_SEAL_CHUNK - w->plain_len);
      memcpy (w->plain + w->plain_len, data, take);
      w->plain_len += take;
      data += take;
      len -= take;
    }
  return TRUE;
}

gboolean
_redress_seal_writer_finish (RedressSealWriter  *w,
                             GError            **error)
{
  return flush_chunk (w, crypto_secretstream_xchacha20poly1305_TAG_FINAL, error);
}

void
_redress_seal_writer_free (RedressSealWriter *w)
{
  if (w == NULL)
    return;
  _redress_secure_free (w->state);
  _redress_secure_free (w->plain);
  g_free (w->cipher);
  g_free (w);
}

/* }}} */
/* {{{ Reader */

#define REDRESS_TYPE_SEAL_INPUT_STREAM (redress_seal_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (RedressSealInputStream, redress_seal_input_stream, REDRESS, SEAL_INPUT_STREAM,
                      GInputStream)

struct _RedressSealInputStream
{
  GInputStream parent_instance;

  int     fd;
  crypto_secretstream_xchacha20poly1305_state *state;
  guint8 *plain;       /* REDRESS_SEAL_CHUNK, protected */
  gsize   plain_len;
  gsize   plain_pos;
  guint8 *cipher;
  guint64 chunk;       /* chunks read so far, for the error */
  gboolean final;
};

G_DEFINE_FINAL_TYPE (RedressSealInputStream, redress_seal_input_stream, G_TYPE_INPUT_STREAM)

static gssize
read_full (int     fd,
           guint8 *buf,
           gsize   len)
{
  gsize off = 0;

  while (off < len)
    {
      gssize n = read (fd, buf + off, len - off);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      off += n;
    }
  return off;
}

static void
set_damaged (GError  **error,
             guint64   chunk)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("the encrypted file fails its authentication at chunk %" G_GUINT64_FORMAT
                 " (it was changed or damaged)"), chunk + 1);
}

static gboolean
next_chunk (RedressSealInputStream  *self,
            GError                 **error)
{
  unsigned long long len = 0;
  guint8 tag = 0;
  gssize n;

  n = read_full (self->fd, self->cipher, CIPHER_CHUNK);
  if (n < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (n < (gssize) crypto_secretstream_xchacha20poly1305_ABYTES ||
      crypto_secretstream_xchacha20poly1305_pull (self->state, self->plain, &len, &tag,
                                                  self->cipher, n, NULL, 0) != 0)
    {
      /* n == 0: cut off before its final chunk. */
      set_damaged (error, self->chunk);
      return FALSE;
    }
  if (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL && n < (gssize) CIPHER_CHUNK)
    {
      set_damaged (error, self->chunk);
      return FALSE;
    }
  self->chunk++;
  self->plain_len = len;
  self->plain_pos = 0;
  if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
    {
      guint8 extra;

      /* Nothing may follow the final chunk. */
      if (read_full (self->fd, &extra, 1) != 0)
        {
          set_damaged (error, self->chunk);
          return FALSE;
        }
      self->final = TRUE;
    }
  return TRUE;
}

static gssize
redress_seal_input_stream_read (GInputStream  *stream,
                                void          *buffer,
                                gsize          count,
                                GCancellable  *cancellable,
                                GError       **error)
{
  RedressSealInputStream *self = REDRESS_SEAL_INPUT_STREAM (stream);
  gsize take;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  while (self->plain_pos == self->plain_len)
    {
      if (self->final)
        return 0;
      if (!next_chunk (self, error))
        return -1;
    }
  take = MIN (count, self->plain_len - self->plain_pos);
  memcpy (buffer, self->plain + self->plain_pos, take);
  self->plain_pos += take;
  return take;
}

static gboolean
redress_seal_input_stream_close (GInputStream  *stream,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  RedressSealInputStream *self = REDRESS_SEAL_INPUT_STREAM (stream);

  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  return TRUE;
}

static void
redress_seal_input_stream_finalize (GObject *object)
{
  RedressSealInputStream *self = REDRESS_SEAL_INPUT_STREAM (object);

  if (self->fd >= 0)
    close (self->fd);
  _redress_secure_free (self->state);
  _redress_secure_free (self->plain);
  g_free (self->cipher);

  G_OBJECT_CLASS (redress_seal_input_stream_parent_class)->finalize (object);
}

static void
redress_seal_input_stream_class_init (RedressSealInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = redress_seal_input_stream_finalize;
  stream_class->read_fn = redress_seal_input_stream_read;
  stream_class->close_fn = redress_seal_input_stream_close;
}

static void
redress_seal_input_stream_init (RedressSealInputStream *self)
{
  self->fd = -1;
}

/**
 * _redress_seal_open_read:
 *
 * Returns: (transfer full): the plaintext of the sealed file at @path, or
 *   %NULL with @error set (G_IO_ERROR_NOT_FOUND when it is not there,
 *   G_IO_ERROR_INVALID_DATA when it is not a sealed file of this docket).
 */
GInputStream *
_redress_seal_open_read (const RedressSealKeys  *keys,
                         const char             *path,
                         GError                **error)
{
  g_autoptr(RedressSealInputStream) self = NULL;
  guint8 header[SEAL_MAGIC_LEN + crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      return NULL;
    }
  self = g_object_new (REDRESS_TYPE_SEAL_INPUT_STREAM, NULL);
  self->fd = fd;
  self->state = _redress_secure_alloc (sizeof *self->state);
  self->plain = _redress_secure_alloc (REDRESS_SEAL_CHUNK);
  self->cipher = g_malloc (CIPHER_CHUNK);
  if (read_full (fd, header, sizeof header) != sizeof header ||
      memcmp (header, SEAL_MAGIC, SEAL_MAGIC_LEN) != 0 ||
      crypto_secretstream_xchacha20poly1305_init_pull (self->state, header + SEAL_MAGIC_LEN,
                                                       keys->stream_key) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("the encrypted file's header is damaged"));
      return NULL;
    }
  return G_INPUT_STREAM (g_steal_pointer (&self));
}

/* }}} */
/* {{{ Private copies */

G_LOCK_DEFINE_STATIC (private_copies);
static char *session_dir;        /* $XDG_RUNTIME_DIR/redress/session-XXXXXX */
static int session_lock_fd = -1; /* held while the process lives */
static GHashTable *copies;       /* path -> RedressDatabase * (not a reference) */

/* Overwrites a file with zeros before unlinking it (on an SSD or a
 * copy-on-write file system old blocks may survive: see docs/encryption.md). */
gboolean
_redress_wipe_file (const char *path)
{
  GStatBuf st;
  int fd;

  if (g_lstat (path, &st) != 0)
    return FALSE;
  if (S_ISREG (st.st_mode))
    {
      g_chmod (path, 0600);
      fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd >= 0)
        {
          static const guint8 zeros[64 * 1024];
          off_t left = st.st_size;

          while (left > 0)
            {
              gssize w = write (fd, zeros, MIN ((off_t) sizeof zeros, left));

              if (w < 0 && errno == EINTR)
                continue;
              if (w <= 0)
                break;
              left -= w;
            }
          fsync (fd);
          close (fd);
        }
    }
  return g_unlink (path) == 0;
}

static void
wipe_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        wipe_tree (path);
      else
        _redress_wipe_file (path);
    }
  g_rmdir (dir);
}

static const char *
runtime_base (void)
{
  const char *runtime = g_getenv ("XDG_RUNTIME_DIR");

  /* Never the cache folder, which g_get_user_runtime_dir() falls back to:
   * it is on disk and often backed up. */
  if (runtime != NULL && g_file_test (runtime, G_FILE_TEST_IS_DIR))
    return runtime;
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    return "/dev/shm";
  return g_get_tmp_dir ();
}

/* Removes the folders of processes that died without wiping them. */
static void
sweep_stale_sessions (const char *base)
{
  g_autoptr(GDir) d = g_dir_open (base, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *dir = NULL;
      g_autofree char *lock = NULL;
      int fd;

      if (!g_str_has_prefix (name, "session-"))
        continue;
      dir = g_build_filename (base, name, NULL);
      if (session_dir != NULL && g_str_equal (dir, session_dir))
        continue;
      lock = g_build_filename (dir, ".lock", NULL);
      fd = g_open (lock, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) != 0)
        {
          close (fd);
          continue;  /* a live process */
        }
      if (fd >= 0)
        close (fd);
      wipe_tree (dir);
    }
}

static const char *
ensure_session_dir (GError **error)
{
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *lock = NULL;

  if (session_dir != NULL && g_file_test (session_dir, G_FILE_TEST_IS_DIR))
    return session_dir;
  /* Made afresh when something removed it (a cleaner of the runtime folder). */
  g_clear_pointer (&session_dir, g_free);
  if (session_lock_fd >= 0)
    close (session_lock_fd);
  session_lock_fd = -1;

  base = g_build_filename (runtime_base (), "redress", NULL);
  if (g_mkdir_with_parents (base, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not make a private folder for opened evidence: %s"), g_strerror (saved_errno));
      return NULL;
    }
  g_chmod (base, 0700);
  tmpl = g_build_filename (base, "session-XXXXXX", NULL);
  if (g_mkdtemp_full (tmpl, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not make a private folder for opened evidence: %s"), g_strerror (saved_errno));
      return NULL;
    }
  lock = g_build_filename (tmpl, ".lock", NULL);
  session_lock_fd = g_open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (session_lock_fd >= 0)
    flock (session_lock_fd, LOCK_EX);
  session_dir = g_steal_pointer (&tmpl);
  sweep_stale_sessions (base);
  return session_dir;
}

/**
 * _redress_private_copy_path:
 * @original_name: (nullable): the evidence's file name, for its extension only
 *
 * A new path in the process's private folder (0700, in $XDG_RUNTIME_DIR,
 * which is memory on most systems) for a decrypted copy.  The name says
 * nothing of the case: "item-N.EXT" in a random folder.
 */
char *
_redress_private_copy_path (const char  *original_name,
                            GError     **error)
{
  static guint counter;
  const char *dir;
  const char *dot = original_name != NULL ? strrchr (original_name, '.') : NULL;
  g_autofree char *ext = NULL;
  g_autofree char *sub = NULL;
  char *path;

  G_LOCK (private_copies);
  dir = ensure_session_dir (error);
  if (dir == NULL)
    {
      G_UNLOCK (private_copies);
      return NULL;
    }
  sub = g_build_filename (dir, "XXXXXX", NULL);
  if (g_mkdtemp_full (sub, 0700) == NULL)
    {
      G_UNLOCK (private_copies);
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not make a private folder for opened evidence: %s"), g_strerror (errno));
      return NULL;
    }
  counter++;
  /* Only a short, plain extension: the viewer needs it, the name must not tell. */
  if (dot != NULL && strlen (dot) <= 6 && dot[1] != '\0')
    {
      gboolean plain = TRUE;

      for (const char *p = dot + 1; *p != '\0'; p++)
        plain = plain && g_ascii_isalnum (*p);
      if (plain)
        ext = g_ascii_strdown (dot, -1);
    }
  path = g_strdup_printf ("%s/item-%u%s", sub, counter, ext != NULL ? ext : "");
  G_UNLOCK (private_copies);
  return path;
}

/* Keeps @path until @db closes (or the process ends), then wipes it. */
void
_redress_private_copy_register (RedressDatabase *db,
                                const char      *path)
{
  G_LOCK (private_copies);
  if (copies == NULL)
    copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (copies, g_strdup (path), db);
  G_UNLOCK (private_copies);
}

/* Wipes the decrypted copies made for @db (all of them when @db is NULL). */
void
_redress_private_copies_wipe (RedressDatabase *db)
{
  GHashTableIter iter;
  gpointer key, value;

  G_LOCK (private_copies);
  if (copies != NULL)
    {
      g_hash_table_iter_init (&iter, copies);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (db == NULL || value == db)
          {
            g_autofree char *parent = g_path_get_dirname (key);

            _redress_wipe_file (key);
            g_rmdir (parent);
            g_hash_table_iter_remove (&iter);
          }
    }
  G_UNLOCK (private_copies);
}

/* }}} */
