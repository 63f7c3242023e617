/* redress-encrypt.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-backup.h"
#include "redress-database.h"

G_BEGIN_DECLS

gboolean redress_docket_encrypt (const char                 *path,
                                 const char                 *old_passphrase,
                                 const char                 *new_passphrase,
                                 char                      **recovery_key,
                                 RedressBackupProgressFunc   progress,
                                 gpointer                    progress_data,
                                 GCancellable               *cancellable,
                                 GError                    **error);

G_END_DECLS
