/* redress-backup.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

/**
 * RedressBackupProgressFunc:
 * @fraction: how much is copied, from 0.0 to 1.0
 * @user_data: the data given with the function
 *
 * Reports the progress of a backup.  The async variant calls it on the
 * caller's main context.
 */
typedef void (*RedressBackupProgressFunc) (double   fraction,
                                           gpointer user_data);

gboolean redress_database_backup         (RedressDatabase           *db,
                                          const char                *dest_path,
                                          GCancellable              *cancellable,
                                          RedressBackupProgressFunc  progress,
                                          gpointer                   progress_data,
                                          GError                   **error);
void     redress_database_backup_async   (RedressDatabase           *db,
                                          const char                *dest_path,
                                          GCancellable              *cancellable,
                                          RedressBackupProgressFunc  progress,
                                          gpointer                   progress_data,
                                          GDestroyNotify             progress_data_destroy,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data);
gboolean redress_database_backup_finish  (RedressDatabase           *db,
                                          GAsyncResult              *result,
                                          GError                   **error);
RedressDatabase *redress_database_restore (const char               *backup_path,
                                          const char                *docket_path,
                                          const char                *passphrase,
                                          const char                *recovery_key,
                                          GCancellable              *cancellable,
                                          GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean redress_database_verify         (RedressDatabase           *db,
                                          char                     **report,
                                          GError                   **error);

G_END_DECLS
