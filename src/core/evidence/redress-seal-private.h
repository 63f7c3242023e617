/* redress-seal-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model layer only: evidence files encrypted at rest ("sealed"),
 * streamed in chunks with libsodium's secretstream (XChaCha20-Poly1305).
 * Thread-safe: nothing here touches the database.
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_SEAL_CHUNK  (64 * 1024)
#define REDRESS_SEAL_SUFFIX ".sealed"

typedef struct _RedressSealKeys RedressSealKeys;

RedressSealKeys *_redress_seal_keys_new        (RedressDatabase       *db);
RedressSealKeys *_redress_seal_keys_new_from   (const guint8          *data_key);
RedressSealKeys *_redress_seal_keys_copy       (const RedressSealKeys *keys);
void             _redress_seal_keys_free       (RedressSealKeys       *keys);
char            *_redress_seal_file_name       (const RedressSealKeys *keys,
                                                const char            *sha256) G_GNUC_WARN_UNUSED_RESULT;

/* Encrypts what is pushed into @fd, chunk by chunk. */
typedef struct _RedressSealWriter RedressSealWriter;

RedressSealWriter *_redress_seal_writer_new    (const RedressSealKeys *keys,
                                                int                    fd,
                                                GError               **error);
gboolean           _redress_seal_writer_push   (RedressSealWriter     *w,
                                                const guint8          *data,
                                                gsize                  len,
                                                GError               **error);
gboolean           _redress_seal_writer_finish (RedressSealWriter     *w,
                                                GError               **error);
void               _redress_seal_writer_free   (RedressSealWriter     *w);

/* A stream of the plaintext of a sealed file; a changed byte, a missing or
 * added chunk fails the read with G_IO_ERROR_INVALID_DATA. */
GInputStream    *_redress_seal_open_read       (const RedressSealKeys *keys,
                                                const char            *path,
                                                GError               **error);

/* The process's private folder for decrypted copies ($XDG_RUNTIME_DIR,
 * 0700, wiped when the docket closes and at the next start). */
char            *_redress_private_copy_path    (const char            *original_name,
                                                GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void             _redress_private_copy_register (RedressDatabase      *db,
                                                const char            *path);
void             _redress_private_copies_wipe  (RedressDatabase       *db);
gboolean         _redress_wipe_file            (const char            *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressSealKeys, _redress_seal_keys_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressSealWriter, _redress_seal_writer_free)

G_END_DECLS
