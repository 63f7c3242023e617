/* redress-draft.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"
#include "redress-evidence-store.h"

G_BEGIN_DECLS

/* A document the composer is writing for a case, and, once it is marked as
 * submitted, what was filed. */
typedef struct
{
  char *id;
  char *case_id;
  char *document;           /* communication, comments, follow-up, inquiry, cover-letter */
  char *language;           /* en, fr, es */
  char *profile;            /* committee, public */
  char *frozen_at;          /* when it was marked as submitted, or NULL */
  char *frozen_sha256;      /* SHA-256 of the bytes filed */
  char *frozen_name;        /* the file name they were filed under */
  char *evidence_id;        /* the locker item holding them */
  char *correspondence_id;  /* the outgoing letter */
  char *event_id;           /* the procedural event recorded */
  char *created_at;
  char *updated_at;
} RedressDraftInfo;

#define REDRESS_TYPE_DRAFT_INFO (redress_draft_info_get_type ())
GType             redress_draft_info_get_type (void) G_GNUC_CONST;
RedressDraftInfo *redress_draft_info_copy     (const RedressDraftInfo *info) G_GNUC_WARN_UNUSED_RESULT;
void              redress_draft_info_free     (RedressDraftInfo       *info);
gboolean          redress_draft_info_is_frozen (const RedressDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressDraftInfo, redress_draft_info_free)

/* What marking a draft as submitted sends and records. */
typedef struct
{
  GBytes     *bytes;      /* the exact file sent */
  const char *file_name;  /* e.g. "RDR-2026-000001 communication fr.pdf" */
  const char *sent_on;    /* YYYY-MM-DD */
  const char *channel;    /* e-mail, post, portal … */
  const char *subject;    /* the outgoing letter's subject */
  const char *event;      /* the procedural event the filing is, e.g. "sent_to_ohchr" */
} RedressSubmission;

gboolean          redress_draft_language_is_valid (const char       *language);
gboolean          redress_draft_profile_is_valid  (const char       *profile);

char             *redress_draft_create        (RedressDatabase  *db,
                                               const char       *case_id,
                                               const char       *document,
                                               const char       *language,
                                               const char       *profile,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
RedressDraftInfo *redress_draft_get           (RedressDatabase  *db,
                                               const char       *draft_id,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *redress_draft_list          (RedressDatabase  *db,
                                               const char       *case_id,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
RedressDraftInfo *redress_draft_find_open     (RedressDatabase  *db,
                                               const char       *case_id,
                                               const char       *document,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          redress_draft_set_options   (RedressDatabase  *db,
                                               const char       *draft_id,
                                               const char       *language,
                                               const char       *profile,
                                               GError          **error);
gboolean          redress_draft_set_section   (RedressDatabase  *db,
                                               const char       *draft_id,
                                               const char       *section_id,
                                               const char       *body,
                                               GError          **error);
GHashTable       *redress_draft_get_sections  (RedressDatabase  *db,
                                               const char       *draft_id,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          redress_draft_delete        (RedressDatabase  *db,
                                               const char       *draft_id,
                                               GError          **error);
RedressDraftInfo *redress_draft_mark_submitted (RedressEvidenceStore    *store,
                                                const char              *draft_id,
                                                const RedressSubmission *submission,
                                                GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
