/* redress-database.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-change-set.h"

G_BEGIN_DECLS

#define REDRESS_DATABASE_ERROR (redress_database_error_quark ())

typedef enum
{
  REDRESS_DATABASE_ERROR_FAILED,
  REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE,  /* encrypted, and no passphrase was given */
  REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE,  /* the passphrase does not open it */
  REDRESS_DATABASE_ERROR_NOT_A_DOCKET,      /* not a database at all, or unreadable */
  REDRESS_DATABASE_ERROR_CORRUPT,           /* damaged beyond opening, even read-only */
  REDRESS_DATABASE_ERROR_READ_ONLY,         /* a write was attempted on a read-only docket */
  REDRESS_DATABASE_ERROR_TOO_NEW,           /* made by a newer Redress */
  REDRESS_DATABASE_ERROR_NOT_FOUND,         /* no such row */
  REDRESS_DATABASE_ERROR_INVALID,           /* a value the model refuses (bad date, bad enum) */
  REDRESS_DATABASE_ERROR_CONFLICT,          /* a constraint: duplicate reference, row still in use */
  REDRESS_DATABASE_ERROR_IO,                /* disk full, permission denied ... */
  REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY, /* the recovery key does not open it */
  REDRESS_DATABASE_ERROR_EDIT_CONFLICT,     /* a field was changed elsewhere since it was read
                                             * (redress_record_get_conflicts()) */
  REDRESS_DATABASE_ERROR_BUSY,              /* another connection held the docket too long */
} RedressDatabaseError;

/* How the docket's data is protected at rest (docs/encryption.md). */
typedef enum
{
  REDRESS_DATABASE_KEY_NONE,        /* not encrypted */
  REDRESS_DATABASE_KEY_PASSPHRASE,  /* SQLCipher keyed with the passphrase itself (Redress 0.1):
                                     * no recovery key, evidence not encrypted; upgrade offered */
  REDRESS_DATABASE_KEY_WRAPPED,     /* a random data key, wrapped in the key file beside it */
} RedressDatabaseKeyKind;

typedef enum
{
  REDRESS_DATABASE_OPEN_DEFAULT   = 0,
  REDRESS_DATABASE_OPEN_CREATE    = 1 << 0,  /* create the file when it does not exist */
  REDRESS_DATABASE_OPEN_READ_ONLY = 1 << 1,  /* never write, never migrate */
} RedressDatabaseOpenFlags;

#define REDRESS_TYPE_DATABASE (redress_database_get_type ())

G_DECLARE_FINAL_TYPE (RedressDatabase, redress_database, REDRESS, DATABASE, GObject)

GQuark           redress_database_error_quark          (void);

RedressDatabase *redress_database_open                 (const char               *path,
                                                        const char               *passphrase,
                                                        RedressDatabaseOpenFlags  flags,
                                                        GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
RedressDatabase *redress_database_open_with_recovery_key (const char             *path,
                                                        const char               *recovery_key,
                                                        RedressDatabaseOpenFlags  flags,
                                                        GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
char            *redress_database_get_default_path     (void) G_GNUC_WARN_UNUSED_RESULT;
const char      *redress_database_get_path             (RedressDatabase          *self);
char            *redress_database_get_evidence_dir     (RedressDatabase          *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean         redress_database_get_read_only        (RedressDatabase          *self);
const char      *redress_database_get_read_only_reason (RedressDatabase          *self);
gboolean         redress_database_get_encrypted        (RedressDatabase          *self);
RedressDatabaseKeyKind redress_database_get_key_kind   (RedressDatabase          *self);
char            *redress_database_get_keys_path        (RedressDatabase          *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean         redress_database_has_recovery_key     (RedressDatabase          *self);
gboolean         redress_database_check_passphrase     (RedressDatabase          *self,
                                                        const char               *passphrase,
                                                        GError                  **error);
gboolean         redress_database_check_recovery_key   (RedressDatabase          *self,
                                                        const char               *recovery_key,
                                                        GError                  **error);
gboolean         redress_database_change_passphrase    (RedressDatabase          *self,
                                                        const char               *new_passphrase,
                                                        GError                  **error);
char            *redress_database_new_recovery_key     (RedressDatabase          *self,
                                                        GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
void             redress_database_free_secret          (char                     *secret);
gboolean         redress_database_get_kdf_parameters   (RedressDatabase          *self,
                                                        guint64                  *opslimit,
                                                        guint64                  *memlimit);
int              redress_database_get_schema_version   (RedressDatabase          *self);
int              redress_database_get_latest_schema_version (void);
const char      *redress_database_get_actor            (RedressDatabase          *self);
void             redress_database_set_actor            (RedressDatabase          *self,
                                                        const char               *actor);
void             redress_database_set_audit_enabled    (RedressDatabase          *self,
                                                        gboolean                  enabled);
gboolean         redress_database_get_audit_enabled    (RedressDatabase          *self);
void             redress_database_emit_changed         (RedressDatabase          *self,
                                                        const char               *table,
                                                        const char               *id);
void             redress_database_close                (RedressDatabase          *self);

G_END_DECLS
