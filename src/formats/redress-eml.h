/* redress-eml.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-correspondence-register.h"
#include "redress-evidence-store.h"

G_BEGIN_DECLS

/* One attachment of a message, decoded. */
typedef struct
{
  char   *filename;
  char   *mime_type;
  GBytes *data;
} RedressEmlAttachment;

/* What an e-mail saved as .eml says, as plain data the model can store. */
typedef struct
{
  char      *subject;
  char      *from;
  char      *to;         /* To and Cc, comma-separated */
  char      *date;       /* YYYY-MM-DD in the sender's time zone, or NULL */
  char      *message_id;
  char      *body;       /* the text/plain part, else the HTML part as text */
  GPtrArray *attachments; /* RedressEmlAttachment */
} RedressEml;

RedressEml *redress_eml_parse_file (const char            *path,
                                    GError               **error) G_GNUC_WARN_UNUSED_RESULT;
RedressEml *redress_eml_parse_bytes (GBytes               *bytes,
                                     const char           *name,
                                     GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void        redress_eml_free       (RedressEml            *eml);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressEml, redress_eml_free)

RedressLetter *redress_eml_to_letter (const RedressEml    *eml,
                                      const char          *case_id) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_eml_import     (RedressEvidenceStore  *store,
                                    const char            *case_id,
                                    GFile                 *file,
                                    GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
