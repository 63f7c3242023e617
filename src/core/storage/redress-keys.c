/* redress-keys.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The docket's key file (NAME.keys beside the database): one random data key,
 * wrapped (XChaCha20-Poly1305, libsodium) once under a key derived from the
 * passphrase with Argon2id and once under the recovery key.  Each wrapped
 * copy is a "slot"; a later slot can wrap the same data key for a team member
 * or a case pack without touching the data.  See docs/encryption.md.
 */

#define G_LOG_DOMAIN "redress-keys"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sodium.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "redress-database.h"
#include "redress-keys-private.h"
#include "redress-util.h"

#define KEY_FILE_GROUP   "Redress Key File"
#define KEY_FILE_VERSION 1
#define SLOT_PREFIX      "Slot "
#define RECOVERY_BYTES   20   /* 160 random bits: 32 base32 characters */
#define RECOVERY_GROUP   4

/* Argon2id parameters of new passphrase slots: OWASP's floor. */
#define KDF_OPSLIMIT REDRESS_KDF_OPSLIMIT_FLOOR
#define KDF_MEMLIMIT REDRESS_KDF_MEMLIMIT_FLOOR

static const char base32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

struct _RedressKeyFile
{
  GKeyFile *kf;
};

/* {{{ Memory */

gpointer
_redress_secure_alloc (gsize len)
{
  gpointer mem;

  redress_model_init ();
  mem = sodium_malloc (len);
  if (mem == NULL)
    g_error ("Could not allocate %" G_GSIZE_FORMAT " bytes of protected memory", len);
  sodium_memzero (mem, len);
  return mem;
}

char *
_redress_secure_strdup (const char *str)
{
  gsize len;
  char *copy;

  if (str == NULL)
    return NULL;
  len = strlen (str);
  copy = _redress_secure_alloc (len + 1);
  memcpy (copy, str, len + 1);
  return copy;
}

/* A copy of a passphrase or recovery key in protected memory (locked, never
 * swapped, zeroed when freed with redress_secret_free()). */
char *
redress_secret_dup (const char *secret)
{
  return _redress_secure_strdup (secret);
}

void
redress_secret_free (char *secret)
{
  _redress_secure_free (secret);
}

void
_redress_secure_free (gpointer mem)
{
  if (mem != NULL)
    sodium_free (mem);
}

guint8 *
_redress_data_key_new (void)
{
  guint8 *key = _redress_secure_alloc (REDRESS_DATA_KEY_LEN);

  randombytes_buf (key, REDRESS_DATA_KEY_LEN);
  return key;
}

/* The raw key as SQLCipher takes it: x'64 hex digits', skipping its own KDF. */
char *
_redress_data_key_spec (const guint8 *data_key)
{
  gsize len = 2 + REDRESS_DATA_KEY_LEN * 2 + 1 + 1;
  char *spec = _redress_secure_alloc (len);

  spec[0] = 'x';
  spec[1] = '\'';
  sodium_bin2hex (spec + 2, REDRESS_DATA_KEY_LEN * 2 + 1, data_key, REDRESS_DATA_KEY_LEN);
  spec[2 + REDRESS_DATA_KEY_LEN * 2] = '\'';
  spec[len - 1] = '\0';
  return spec;
}

/**
 * _redress_derive_subkey:
 * @purpose: what the subkey is for ("evidence-stream", "audit" ...)
 * @out: (out caller-allocates): @len bytes
 * @len: from 16 to 64
 *
 * A key for one purpose, derived from the data key with keyed BLAKE2b, so
 * that no two uses share a key and none of them reveals the data key.
 */
gboolean
_redress_derive_subkey (const guint8 *data_key,
                        const char   *purpose,
                        guint8       *out,
                        gsize         len)
{
  g_autofree char *msg = NULL;

  g_return_val_if_fail (data_key != NULL, FALSE);
  g_return_val_if_fail (purpose != NULL, FALSE);
  g_return_val_if_fail (len >= crypto_generichash_BYTES_MIN && len <= crypto_generichash_BYTES_MAX, FALSE);

  msg = g_strconcat ("redress-subkey-v1:", purpose, NULL);
  return crypto_generichash (out, len, (const guint8 *) msg, strlen (msg),
                             data_key, REDRESS_DATA_KEY_LEN) == 0;
}

/* }}} */
/* {{{ Process hardening */

/**
 * redress_harden_process:
 *
 * No core dump of a process that holds keys and case data: sets
 * RLIMIT_CORE to 0 and the process non-dumpable (which also stops other
 * processes of the user from reading its memory through ptrace).
 */
void
redress_harden_process (void)
{
  struct rlimit none = { 0, 0 };

  if (setrlimit (RLIMIT_CORE, &none) != 0)
    g_warning ("Could not turn core dumps off: %s", g_strerror (errno));
#if !defined(__SANITIZE_ADDRESS__)
  /* LeakSanitizer needs ptrace on its own process, so sanitizer builds keep it. */
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_warning ("Could not make the process non-dumpable: %s", g_strerror (errno));
#endif
  redress_model_init ();
}

/* }}} */
/* {{{ Passphrases */

/**
 * redress_passphrase_strength:
 *
 * A rough hint from the length and the kinds of characters, for the
 * passphrase dialog; not a guarantee.
 */
RedressPassphraseStrength
redress_passphrase_strength (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE, wide = FALSE;
  g_autoptr(GHashTable) distinct = g_hash_table_new (NULL, NULL);
  glong length;
  double pool = 0;
  double bits;

  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    return REDRESS_PASSPHRASE_TOO_SHORT;
  length = g_utf8_strlen (passphrase, -1);
  if (length < REDRESS_PASSPHRASE_MIN_LENGTH)
    return REDRESS_PASSPHRASE_TOO_SHORT;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_hash_table_add (distinct, GUINT_TO_POINTER (c));
      if (c >= 'a' && c <= 'z')
        lower = TRUE;
      else if (c >= 'A' && c <= 'Z')
        upper = TRUE;
      else if (c >= '0' && c <= '9')
        digit = TRUE;
      else if (c < 128)
        other = TRUE;
      else
        wide = TRUE;
    }
  pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0) + (wide ? 100 : 0);
  /* Few distinct characters ("aaaaaaaaaaaa", "abcabcabc") count for less. */
  bits = MIN (length, 3 * (glong) g_hash_table_size (distinct)) * log2 (MAX (pool, 2));
  if (bits < 50)
    return REDRESS_PASSPHRASE_WEAK;
  if (bits < 80)
    return REDRESS_PASSPHRASE_FAIR;
  return REDRESS_PASSPHRASE_STRONG;
}

const char *
redress_passphrase_strength_hint (RedressPassphraseStrength strength)
{
  switch (strength)
    {
    case REDRESS_PASSPHRASE_TOO_SHORT:
      return _("Too short: use at least 10 characters.");
    case REDRESS_PASSPHRASE_WEAK:
      return _("Weak: add words, or mix in other kinds of characters.");
    case REDRESS_PASSPHRASE_FAIR:
      return _("Fair: a few more words would make it strong.");
    case REDRESS_PASSPHRASE_STRONG:
    default:
      return _("Strong.");
    }
}

/* Whether @passphrase may protect a docket; else a sentence that says why not. */
gboolean
redress_passphrase_check_new (const char  *passphrase,
                              GError     **error)
{
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL) ||
      g_utf8_strlen (passphrase, -1) < REDRESS_PASSPHRASE_MIN_LENGTH)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The passphrase is too short: use at least %d characters, for example "
                     "four or five words."), REDRESS_PASSPHRASE_MIN_LENGTH);
      return FALSE;
    }
  return TRUE;
}

/**
 * redress_keys_path_for_docket:
 *
 * Returns: (transfer full): the key file of the docket at @docket_path.
 */
char *
redress_keys_path_for_docket (const char *docket_path)
{
  return g_strconcat (docket_path, ".keys", NULL);
}

/* }}} */
/* {{{ Recovery keys */

static char *
recovery_format (const guint8 *raw)
{
  /* 160 bits are 32 base32 digits, shown in groups of four. */
  char digits[RECOVERY_BYTES * 8 / 5 + 1];
  GString *out;
  guint bits = 0, value = 0, n = 0;
  char *ret;

  for (guint i = 0; i < RECOVERY_BYTES; i++)
    {
      value = (value << 8) | raw[i];
      bits += 8;
      while (bits >= 5)
        {
          digits[n++] = base32_alphabet[(value >> (bits - 5)) & 31];
          bits -= 5;
        }
    }
  digits[n] = '\0';

  out = g_string_sized_new (n + n / RECOVERY_GROUP);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i % RECOVERY_GROUP == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, digits[i]);
    }
  ret = _redress_secure_strdup (out->str);
  sodium_memzero (out->str, out->len);
  sodium_memzero (digits, sizeof digits);
  g_string_free (out, TRUE);
  return ret;
}

/* Reads a recovery key as typed: any case, spaces and dashes anywhere, and
 * 0, 1, 8 for the letters O, I, B they are mistaken for. */
static gboolean
recovery_parse (const char *text,
                guint8     *raw)
{
  guint bits = 0, value = 0, n = 0, digits = 0;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);
      const char *pos;

      if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r')
        continue;
      if (c == '0')
        c = 'O';
      else if (c == '1')
        c = 'I';
      else if (c == '8')
        c = 'B';
      pos = c != '\0' ? strchr (base32_alphabet, c) : NULL;
      if (pos == NULL)
        return FALSE;
      digits++;
      value = (value << 5) | (guint) (pos - base32_alphabet);
      bits += 5;
      if (bits >= 8)
        {
          if (n >= RECOVERY_BYTES)
            return FALSE;
          raw[n++] = (value >> (bits - 8)) & 0xff;
          bits -= 8;
        }
    }
  return digits == RECOVERY_BYTES * 8 / 5 && n == RECOVERY_BYTES;
}

gboolean
redress_recovery_key_is_well_formed (const char *text)
{
  guint8 raw[RECOVERY_BYTES];
  gboolean ok = recovery_parse (text, raw);

  sodium_memzero (raw, sizeof raw);
  return ok;
}

/* }}} */
/* {{{ Atomic files */

gboolean
_redress_fsync_dir (const char  *dir,
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

/* Temporary file beside @path, fsync, rename over @path, fsync the folder:
 * after a crash @path is the old content or the new one. */
gboolean
_redress_write_file_atomically (const char  *path,
                                const void  *data,
                                gsize        len,
                                guint        mode,
                                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = g_strdup_printf ("%s/.%s.tmp-XXXXXX", dir, base);
  const guint8 *p = data;
  gsize off = 0;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    goto fail;
  while (off < len)
    {
      gssize w = write (fd, p + off, len - off);

      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        goto fail_fd;
      off += w;
    }
  if (fsync (fd) != 0)
    goto fail_fd;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail_fd;
    }
  if (g_rename (tmp, path) != 0)
    {
      fd = -1;
      goto fail_fd;
    }
  return _redress_fsync_dir (dir, error);

fail_fd:
  {
    int saved_errno = errno;

    if (fd >= 0)
      close (fd);
    g_unlink (tmp);
    errno = saved_errno;
  }
fail:
  {
    int saved_errno = errno;

    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                 _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  }
  return FALSE;
}

/* }}} */
/* {{{ The key file */

RedressKeyFile *
_redress_key_file_new (void)
{
  RedressKeyFile *kf = g_new0 (RedressKeyFile, 1);
  g_autofree char *id = redress_uuid_new ();

  redress_model_init ();
  kf->kf = g_key_file_new ();
  g_key_file_set_comment (kf->kf, NULL, NULL,
                          " The keys of a Redress docket, each wrapped; none of them is readable\n"
                          " without the passphrase or the recovery key.  Keep this file with the\n"
                          " docket: without it the docket cannot be opened.", NULL);
  g_key_file_set_integer (kf->kf, KEY_FILE_GROUP, "Version", KEY_FILE_VERSION);
  g_key_file_set_string (kf->kf, KEY_FILE_GROUP, "DocketId", id);
  g_key_file_set_string (kf->kf, KEY_FILE_GROUP, "Cipher", "sqlcipher4-raw-key");
  return kf;
}

void
_redress_key_file_free (RedressKeyFile *kf)
{
  if (kf == NULL)
    return;
  g_key_file_unref (kf->kf);
  g_free (kf);
}

RedressKeyFile *
_redress_key_file_load (const char  *path,
                        GError     **error)
{
  g_autoptr(RedressKeyFile) kf = g_new0 (RedressKeyFile, 1);
  g_autoptr(GError) local_error = NULL;
  int version;

  redress_model_init ();
  kf->kf = g_key_file_new ();
  if (!g_key_file_load_from_file (kf->kf, path, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_A_DOCKET,
                   _("The key file “%s” of this docket cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  version = g_key_file_get_integer (kf->kf, KEY_FILE_GROUP, "Version", NULL);
  if (version < 1)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_A_DOCKET,
                   _("“%s” is not the key file of a Redress docket."), path);
      return NULL;
    }
  if (version > KEY_FILE_VERSION)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_TOO_NEW,
                   _("The key file of this docket was made by a newer version of Redress. "
                     "Update Redress to open it."));
      return NULL;
    }
  return g_steal_pointer (&kf);
}

gboolean
_redress_key_file_save (RedressKeyFile  *kf,
                        const char      *path,
                        GError         **error)
{
  gsize len = 0;
  g_autofree char *data = g_key_file_to_data (kf->kf, &len, NULL);

  return _redress_write_file_atomically (path, data, len, 0600, error);
}

gboolean
_redress_key_file_has_slot (RedressKeyFile *kf,
                            const char     *slot)
{
  g_autofree char *group = g_strconcat (SLOT_PREFIX, slot, NULL);

  return g_key_file_has_group (kf->kf, group);
}

gboolean
_redress_key_file_get_kdf (RedressKeyFile *kf,
                           guint64        *opslimit,
                           guint64        *memlimit)
{
  const char *group = SLOT_PREFIX "passphrase";

  if (!g_key_file_has_group (kf->kf, group))
    return FALSE;
  *opslimit = g_key_file_get_uint64 (kf->kf, group, "OpsLimit", NULL);
  *memlimit = g_key_file_get_uint64 (kf->kf, group, "MemLimit", NULL);
  return TRUE;
}

/* Binds a wrapped key to its docket and its slot. */
static char *
slot_ad (RedressKeyFile *kf,
         const char     *slot)
{
  g_autofree char *id = g_key_file_get_string (kf->kf, KEY_FILE_GROUP, "DocketId", NULL);

  return g_strdup_printf ("redress-key-slot-v1\n%s\n%s", id ? id : "", slot);
}

static gboolean
bytes_from_key (RedressKeyFile *kf,
                const char     *group,
                const char     *key,
                guint8         *out,
                gsize           len)
{
  g_autofree char *text = g_key_file_get_string (kf->kf, group, key, NULL);
  g_autofree guchar *raw = NULL;
  gsize raw_len = 0;

  if (text == NULL)
    return FALSE;
  raw = g_base64_decode (text, &raw_len);
  if (raw_len != len)
    return FALSE;
  memcpy (out, raw, len);
  return TRUE;
}

static void
bytes_to_key (RedressKeyFile *kf,
              const char     *group,
              const char     *key,
              const guint8   *data,
              gsize           len)
{
  g_autofree char *text = g_base64_encode (data, len);

  g_key_file_set_string (kf->kf, group, key, text);
}

/* Wraps the data key under @kek into @slot (replacing what was there). */
static void
wrap_into_slot (RedressKeyFile *kf,
                const char     *slot,
                const guint8   *kek,
                const guint8   *data_key)
{
  g_autofree char *group = g_strconcat (SLOT_PREFIX, slot, NULL);
  g_autofree char *ad = slot_ad (kf, slot);
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  guint8 wrapped[REDRESS_DATA_KEY_LEN + crypto_aead_xchacha20poly1305_ietf_ABYTES];
  unsigned long long wrapped_len = 0;

  randombytes_buf (nonce, sizeof nonce);
  crypto_aead_xchacha20poly1305_ietf_encrypt (wrapped, &wrapped_len, data_key, REDRESS_DATA_KEY_LEN,
                                              (const guint8 *) ad, strlen (ad), NULL, nonce, kek);
  g_key_file_set_string (kf->kf, group, "Wrap", "xchacha20poly1305-ietf");
  bytes_to_key (kf, group, "Nonce", nonce, sizeof nonce);
  bytes_to_key (kf, group, "WrappedKey", wrapped, wrapped_len);
}

static guint8 *
unwrap_slot (RedressKeyFile *kf,
             const char     *slot,
             const guint8   *kek)
{
  g_autofree char *group = g_strconcat (SLOT_PREFIX, slot, NULL);
  g_autofree char *ad = slot_ad (kf, slot);
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  guint8 wrapped[REDRESS_DATA_KEY_LEN + crypto_aead_xchacha20poly1305_ietf_ABYTES];
  guint8 *data_key;
  unsigned long long len = 0;

  if (!bytes_from_key (kf, group, "Nonce", nonce, sizeof nonce) ||
      !bytes_from_key (kf, group, "WrappedKey", wrapped, sizeof wrapped))
    return NULL;
  data_key = _redress_secure_alloc (REDRESS_DATA_KEY_LEN);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (data_key, &len, NULL, wrapped, sizeof wrapped,
                                                  (const guint8 *) ad, strlen (ad), nonce, kek) != 0 ||
      len != REDRESS_DATA_KEY_LEN)
    {
      _redress_secure_free (data_key);
      return NULL;
    }
  return data_key;
}

static guint8 *
passphrase_kek (const char   *passphrase,
                const guint8 *salt,
                guint64       opslimit,
                guint64       memlimit)
{
  guint8 *kek = _redress_secure_alloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

  if (crypto_pwhash (kek, crypto_aead_xchacha20poly1305_ietf_KEYBYTES, passphrase, strlen (passphrase),
                     salt, opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      /* Out of memory for Argon2id. */
      _redress_secure_free (kek);
      return NULL;
    }
  return kek;
}

gboolean
_redress_key_file_set_passphrase (RedressKeyFile  *kf,
                                  const guint8    *data_key,
                                  const char      *passphrase,
                                  GError         **error)
{
  const char *group = SLOT_PREFIX "passphrase";
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 *kek;

  randombytes_buf (salt, sizeof salt);
  kek = passphrase_kek (passphrase, salt, KDF_OPSLIMIT, KDF_MEMLIMIT);
  if (kek == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_FAILED,
                   _("There is not enough memory to protect the passphrase (Argon2id needs %d MiB)."),
                   KDF_MEMLIMIT / (1024 * 1024));
      return FALSE;
    }
  g_key_file_remove_group (kf->kf, group, NULL);
  g_key_file_set_string (kf->kf, group, "Type", "passphrase");
  g_key_file_set_string (kf->kf, group, "Kdf", "argon2id13");
  g_key_file_set_uint64 (kf->kf, group, "OpsLimit", KDF_OPSLIMIT);
  g_key_file_set_uint64 (kf->kf, group, "MemLimit", KDF_MEMLIMIT);
  bytes_to_key (kf, group, "Salt", salt, sizeof salt);
  wrap_into_slot (kf, "passphrase", kek, data_key);
  _redress_secure_free (kek);
  return TRUE;
}

guint8 *
_redress_key_file_unwrap_passphrase (RedressKeyFile  *kf,
                                     const char      *passphrase,
                                     GError         **error)
{
  const char *group = SLOT_PREFIX "passphrase";
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint64 opslimit = 0, memlimit = 0;
  guint8 *kek;
  guint8 *data_key;
  g_autofree char *kdf = g_key_file_get_string (kf->kf, group, "Kdf", NULL);

  if (g_strcmp0 (kdf, "argon2id13") != 0 || !_redress_key_file_get_kdf (kf, &opslimit, &memlimit) ||
      !bytes_from_key (kf, group, "Salt", salt, sizeof salt) ||
      opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_MAX ||
      memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > G_GUINT64_CONSTANT (4) * 1024 * 1024 * 1024)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_A_DOCKET,
                   _("The key file of this docket has no usable passphrase. Open it with the "
                     "recovery key."));
      return NULL;
    }
  kek = passphrase_kek (passphrase, salt, opslimit, memlimit);
  if (kek == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_FAILED,
                   _("There is not enough memory to check the passphrase."));
      return NULL;
    }
  data_key = unwrap_slot (kf, "passphrase", kek);
  _redress_secure_free (kek);
  if (data_key == NULL)
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE,
                 _("The passphrase is not right for this docket. Check it and try again."));
  return data_key;
}

static guint8 *
recovery_kek (const guint8 *raw,
              const guint8 *salt)
{
  guint8 *kek = _redress_secure_alloc (crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  guint8 msg[19 + crypto_pwhash_SALTBYTES];

  /* 160 random bits need no slow KDF; keyed BLAKE2b binds them to the salt. */
  memcpy (msg, "redress-recovery-v1", 19);
  memcpy (msg + 19, salt, crypto_pwhash_SALTBYTES);
  crypto_generichash (kek, crypto_aead_xchacha20poly1305_ietf_KEYBYTES, msg, sizeof msg,
                      raw, RECOVERY_BYTES);
  return kek;
}

char *
_redress_key_file_set_recovery (RedressKeyFile  *kf,
                                const guint8    *data_key,
                                GError         **error)
{
  const char *group = SLOT_PREFIX "recovery";
  guint8 *raw = _redress_secure_alloc (RECOVERY_BYTES);
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 *kek;
  char *text;

  randombytes_buf (raw, RECOVERY_BYTES);
  randombytes_buf (salt, sizeof salt);
  kek = recovery_kek (raw, salt);
  g_key_file_remove_group (kf->kf, group, NULL);
  g_key_file_set_string (kf->kf, group, "Type", "recovery");
  g_key_file_set_string (kf->kf, group, "Kdf", "blake2b-keyed");
  bytes_to_key (kf, group, "Salt", salt, sizeof salt);
  wrap_into_slot (kf, "recovery", kek, data_key);
  text = recovery_format (raw);
  _redress_secure_free (kek);
  _redress_secure_free (raw);
  return text;
}

guint8 *
_redress_key_file_unwrap_recovery (RedressKeyFile  *kf,
                                   const char      *recovery_key,
                                   GError         **error)
{
  const char *group = SLOT_PREFIX "recovery";
  guint8 *raw = _redress_secure_alloc (RECOVERY_BYTES);
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 *kek;
  guint8 *data_key = NULL;

  if (!g_key_file_has_group (kf->kf, group) || !bytes_from_key (kf, group, "Salt", salt, sizeof salt))
    {
      _redress_secure_free (raw);
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY,
                   _("This docket has no recovery key. Open it with its passphrase."));
      return NULL;
    }
  if (!recovery_parse (recovery_key, raw))
    {
      _redress_secure_free (raw);
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY,
                   _("That is not a recovery key: it has 32 letters and digits in groups of four, "
                     "such as ABCD-EFGH-…"));
      return NULL;
    }
  kek = recovery_kek (raw, salt);
  data_key = unwrap_slot (kf, "recovery", kek);
  _redress_secure_free (kek);
  _redress_secure_free (raw);
  if (data_key == NULL)
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY,
                 _("The recovery key is not right for this docket. Check each group and try again."));
  return data_key;
}

/* }}} */
