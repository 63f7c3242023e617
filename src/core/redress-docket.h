/* redress-docket.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-change-set.h"
#include "redress-database.h"
#include "redress-evidence-store.h"
#include "redress-reference.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_DOCKET (redress_docket_get_type ())

G_DECLARE_FINAL_TYPE (RedressDocket, redress_docket, REDRESS, DOCKET, GObject)

RedressDocket        *redress_docket_open                (const char               *path,
                                                          const char               *passphrase,
                                                          const char               *recovery_key,
                                                          RedressDatabaseOpenFlags  flags,
                                                          GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
void                  redress_docket_open_async          (const char               *path,
                                                          const char               *passphrase,
                                                          const char               *recovery_key,
                                                          RedressDatabaseOpenFlags  flags,
                                                          GCancellable             *cancellable,
                                                          GAsyncReadyCallback       callback,
                                                          gpointer                  user_data);
RedressDocket        *redress_docket_open_finish         (GAsyncResult             *result,
                                                          GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
RedressDocket        *redress_docket_new_for_database    (RedressDatabase          *database) G_GNUC_WARN_UNUSED_RESULT;
RedressDocket        *redress_docket_get_for_database    (RedressDatabase          *database);
RedressDatabase      *redress_docket_get_database        (RedressDocket            *self);
const char           *redress_docket_get_path            (RedressDocket            *self);
RedressReference     *redress_docket_get_reference       (RedressDocket            *self);
RedressEvidenceStore *redress_docket_get_evidence_store  (RedressDocket            *self);
void                  redress_docket_close               (RedressDocket            *self);

G_END_DECLS
