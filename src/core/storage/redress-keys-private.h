/* redress-keys-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model layer only: the docket's key file and key buffers.
 */

#pragma once

#include <glib.h>

#include "redress-keys.h"

G_BEGIN_DECLS

#define REDRESS_DATA_KEY_LEN 32

/* Memory from sodium_malloc(): guarded, locked, zeroed when freed. */
gpointer  _redress_secure_alloc  (gsize     len);
char     *_redress_secure_strdup (const char *str);
void      _redress_secure_free   (gpointer  mem);

guint8   *_redress_data_key_new  (void);
char     *_redress_data_key_spec (const guint8 *data_key);
gboolean  _redress_derive_subkey (const guint8 *data_key,
                                  const char   *purpose,
                                  guint8       *out,
                                  gsize         len);

typedef struct _RedressKeyFile RedressKeyFile;

RedressKeyFile *_redress_key_file_new              (void);
RedressKeyFile *_redress_key_file_load             (const char      *path,
                                                    GError         **error);
gboolean        _redress_key_file_save             (RedressKeyFile  *kf,
                                                    const char      *path,
                                                    GError         **error);
void            _redress_key_file_free             (RedressKeyFile  *kf);
guint8         *_redress_key_file_unwrap_passphrase (RedressKeyFile *kf,
                                                    const char      *passphrase,
                                                    GError         **error);
guint8         *_redress_key_file_unwrap_recovery  (RedressKeyFile  *kf,
                                                    const char      *recovery_key,
                                                    GError         **error);
gboolean        _redress_key_file_set_passphrase   (RedressKeyFile  *kf,
                                                    const guint8    *data_key,
                                                    const char      *passphrase,
                                                    GError         **error);
char           *_redress_key_file_set_recovery     (RedressKeyFile  *kf,
                                                    const guint8    *data_key,
                                                    GError         **error);
gboolean        _redress_key_file_has_slot         (RedressKeyFile  *kf,
                                                    const char      *slot);
gboolean        _redress_key_file_get_kdf          (RedressKeyFile  *kf,
                                                    guint64         *opslimit,
                                                    guint64         *memlimit);

gboolean        _redress_write_file_atomically     (const char      *path,
                                                    const void      *data,
                                                    gsize            len,
                                                    guint            mode,
                                                    GError         **error);
gboolean        _redress_fsync_dir                 (const char      *dir,
                                                    GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressKeyFile, _redress_key_file_free)

G_END_DECLS
