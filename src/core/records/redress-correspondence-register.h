/* redress-correspondence-register.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The correspondence register: letters in and out, their attachments (kept in
 * the evidence locker) and the procedural events they report.
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"
#include "redress-evidence-store.h"

G_BEGIN_DECLS

typedef struct
{
  char  *id;
  char  *case_id;
  char  *direction;          /* "in" or "out" */
  char  *counterpart;        /* committee, state, client, counsel, other */
  char  *channel;            /* e-mail, post, fax, portal ... */
  char  *letter_date;        /* the date on the letter, YYYY-MM-DD */
  char  *transit_date;       /* the date received (in) or sent (out) */
  char  *subject;
  char  *body;
  char  *committee_ref;      /* the Committee's reference, e.g. "CRC/C/…/D/123/2026" */
  char  *sender;
  char  *recipients;
  char  *message_id;         /* of an imported e-mail */
  char  *reported_event;     /* the procedural event the letter reports, or NULL */
  char  *stated_due;         /* the deadline date the letter gives, or NULL */
  char  *event_id;           /* the procedural event recorded for it (read only) */
  char  *source_evidence_id; /* the .eml or scan it was recorded from */
  char  *created_at;
  GStrv  attachment_ids;     /* evidence items attached, in order (read only) */
} RedressLetter;

#define REDRESS_TYPE_LETTER (redress_letter_get_type ())
GType          redress_letter_get_type (void) G_GNUC_CONST;
RedressLetter *redress_letter_new      (const char          *case_id,
                                        const char          *direction) G_GNUC_WARN_UNUSED_RESULT;
RedressLetter *redress_letter_copy     (const RedressLetter *letter) G_GNUC_WARN_UNUSED_RESULT;
void           redress_letter_free     (RedressLetter       *letter);
const char    *redress_letter_get_date (const RedressLetter *letter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressLetter, redress_letter_free)

char          *redress_correspondence_register_add          (RedressDatabase      *db,
                                                             const RedressLetter  *letter,
                                                             GError              **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       redress_correspondence_register_attach       (RedressDatabase      *db,
                                                             const char           *letter_id,
                                                             const char           *evidence_id,
                                                             GError              **error);
RedressLetter *redress_correspondence_register_get          (RedressDatabase      *db,
                                                             const char           *letter_id,
                                                             GError              **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray     *redress_correspondence_register_list         (RedressDatabase      *db,
                                                             const char           *case_id,
                                                             GError              **error) G_GNUC_WARN_UNUSED_RESULT;
char          *redress_correspondence_register_import       (RedressEvidenceStore *store,
                                                             const RedressLetter  *letter,
                                                             GFile                *source,
                                                             const char * const   *attachment_names,
                                                             GBytes * const       *attachment_data,
                                                             guint                 n_attachments,
                                                             GError              **error) G_GNUC_WARN_UNUSED_RESULT;
char          *redress_correspondence_register_find_message (RedressDatabase      *db,
                                                             const char           *case_id,
                                                             const char           *message_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
