/* redress-evidence-store-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model layer only: custody records written by other model files.
 */

#pragma once

#include "redress-evidence-store.h"

G_BEGIN_DECLS

gboolean _redress_evidence_add_custody (RedressDatabase  *db,
                                        const char       *evidence_id,
                                        const char       *action,
                                        const char       *note,
                                        GError          **error);
void     _redress_evidence_store_forget  (RedressEvidenceStore *self,
                                        const char           *sha256);
char    *_redress_sha256_hex           (const void       *data,
                                        gsize             len) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
