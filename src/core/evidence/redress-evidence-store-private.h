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
#include "redress-seal-private.h"

G_BEGIN_DECLS

gboolean _redress_evidence_add_custody (RedressDatabase  *db,
                                        const char       *evidence_id,
                                        const char       *action,
                                        const char       *note,
                                        GError          **error);
void     _redress_evidence_store_forget  (RedressEvidenceStore *self,
                                        const char           *sha256);
void     _redress_evidence_sweep_at_open (RedressDatabase *db);
guint    _redress_evidence_store_get_n_instances (void);
RedressEvidenceStore *_redress_evidence_store_new_full (RedressDatabase *db,
                                                        gboolean         hold_db);
char    *_redress_evidence_original_relative (const RedressSealKeys *seal,
                                              const char            *sha256) G_GNUC_WARN_UNUSED_RESULT;
char    *_redress_evidence_hash_stored   (const char            *path,
                                          const RedressSealKeys *seal,
                                          GCancellable          *cancellable,
                                          gboolean              *missing,
                                          gboolean              *damaged,
                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean _redress_evidence_seal_file     (const char            *src,
                                          const char            *evidence_dir,
                                          const RedressSealKeys *seal,
                                          const char            *sha256,
                                          const char            *title,
                                          char                 **relative,
                                          GCancellable          *cancellable,
                                          GError               **error);

/* A journal of the files an intake (kind "intake") wrote or an encryption
 * (kind "wipe") will wipe; see redress-evidence-store.c. */
typedef struct _RedressJournal Journal;
Journal *_redress_journal_open           (const char            *evidence_dir,
                                          const char            *kind,
                                          const char            *docket_path,
                                          GError               **error);
gboolean _redress_journal_note           (Journal               *j,
                                          const char            *relative,
                                          GError               **error);
void     _redress_journal_close          (Journal               *j);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Journal, _redress_journal_close)

gboolean _redress_evidence_copy_file     (const char            *src,
                                          const char            *dest,
                                          GCancellable          *cancellable,
                                          GError               **error);
char    *_redress_sha256_hex           (const void       *data,
                                        gsize             len) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
