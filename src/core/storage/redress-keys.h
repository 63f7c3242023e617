/* redress-keys.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Protection at rest: passphrase rules, recovery keys, process hardening.
 * The key design is described in docs/encryption.md.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* OWASP's floor for Argon2id (Password Storage Cheat Sheet): a key file whose
 * passphrase slot is under it is refused by the unit tests. */
#define REDRESS_KDF_OPSLIMIT_FLOOR  3
#define REDRESS_KDF_MEMLIMIT_FLOOR  (64 * 1024 * 1024)

/* A new passphrase has at least this many characters. */
#define REDRESS_PASSPHRASE_MIN_LENGTH 10

typedef enum
{
  REDRESS_PASSPHRASE_TOO_SHORT,
  REDRESS_PASSPHRASE_WEAK,
  REDRESS_PASSPHRASE_FAIR,
  REDRESS_PASSPHRASE_STRONG,
} RedressPassphraseStrength;

void                      redress_harden_process          (void);
RedressPassphraseStrength redress_passphrase_strength     (const char *passphrase);
const char               *redress_passphrase_strength_hint (RedressPassphraseStrength strength);
gboolean                  redress_passphrase_check_new    (const char  *passphrase,
                                                           GError     **error);
char                     *redress_keys_path_for_docket    (const char  *docket_path) G_GNUC_WARN_UNUSED_RESULT;
gboolean                  redress_recovery_key_is_well_formed (const char *text);
char                     *redress_secret_dup              (const char  *secret) G_GNUC_WARN_UNUSED_RESULT;
void                      redress_secret_free             (char        *secret);

G_END_DECLS
