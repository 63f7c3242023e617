/* redress-document.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A composed document: a list of blocks whose text uses the composer's light
 * inline markup (*emphasis*, **strong**, backslash escapes), plus the
 * metadata and the annex list.  The PDF and ODT writers render it. */
typedef enum
{
  REDRESS_BLOCK_TITLE,
  REDRESS_BLOCK_SUBTITLE,
  REDRESS_BLOCK_ADDRESS,     /* lines separated by \n */
  REDRESS_BLOCK_REFERENCE,   /* "Our reference: …" lines, right aligned */
  REDRESS_BLOCK_HEADING,     /* a template section's heading */
  REDRESS_BLOCK_SUBHEADING,  /* "# …" in the lawyer's prose */
  REDRESS_BLOCK_PARAGRAPH,
  REDRESS_BLOCK_BULLET,
  REDRESS_BLOCK_NUMBERED,    /* number in RedressBlock.number */
  REDRESS_BLOCK_LINES,       /* lines kept as written (signature block) */
} RedressBlockKind;

typedef struct
{
  RedressBlockKind  kind;
  char             *text;
  char             *section_id;
  int               number;
} RedressBlock;

typedef struct
{
  guint  number;
  char  *evidence_id;
  char  *title;
  char  *date;       /* as printed */
  char  *language;
  char  *sha256;
} RedressAnnex;

typedef enum
{
  REDRESS_INLINE_EMPHASIS = 1 << 0,
  REDRESS_INLINE_STRONG   = 1 << 1,
} RedressInlineFlags;

typedef struct
{
  char               *text;
  RedressInlineFlags  flags;
} RedressInlineRun;

typedef struct _RedressDocument RedressDocument;

RedressDocument *redress_document_new           (const char        *language) G_GNUC_WARN_UNUSED_RESULT;
RedressDocument *redress_document_ref           (RedressDocument   *self);
void             redress_document_unref         (RedressDocument   *self);

const char      *redress_document_get_language  (RedressDocument   *self);
void             redress_document_set_metadata  (RedressDocument   *self,
                                                 const char        *title,
                                                 const char        *subject,
                                                 const char        *reference,
                                                 const char        *date);
const char      *redress_document_get_title     (RedressDocument   *self);
const char      *redress_document_get_subject   (RedressDocument   *self);
const char      *redress_document_get_reference (RedressDocument   *self);
void             redress_document_set_author    (RedressDocument   *self,
                                                 const char        *author);
const char      *redress_document_get_author    (RedressDocument   *self);
const char      *redress_document_get_date      (RedressDocument   *self);
void             redress_document_set_banner    (RedressDocument   *self,
                                                 const char        *banner);
const char      *redress_document_get_banner    (RedressDocument   *self);
void             redress_document_set_page_format (RedressDocument *self,
                                                 const char        *format);
char            *redress_document_format_page   (RedressDocument   *self,
                                                 guint              page,
                                                 guint              total) G_GNUC_WARN_UNUSED_RESULT;

RedressBlock    *redress_document_add           (RedressDocument   *self,
                                                 RedressBlockKind   kind,
                                                 const char        *section_id,
                                                 const char        *markup);
RedressBlock    *redress_document_add_text      (RedressDocument   *self,
                                                 RedressBlockKind   kind,
                                                 const char        *section_id,
                                                 const char        *plain);
void             redress_document_add_prose     (RedressDocument   *self,
                                                 const char        *section_id,
                                                 const char        *prose);
guint            redress_document_get_n_blocks  (RedressDocument   *self);
const RedressBlock *redress_document_get_block  (RedressDocument   *self,
                                                 guint              index);

void             redress_document_add_annex     (RedressDocument   *self,
                                                 const char        *evidence_id,
                                                 const char        *title,
                                                 const char        *date,
                                                 const char        *language,
                                                 const char        *sha256);
guint            redress_document_get_n_annexes (RedressDocument   *self);
const RedressAnnex *redress_document_get_annex  (RedressDocument   *self,
                                                 guint              index);

char            *redress_document_to_text       (RedressDocument   *self) G_GNUC_WARN_UNUSED_RESULT;

char            *redress_markup_escape          (const char        *plain) G_GNUC_WARN_UNUSED_RESULT;
GArray          *redress_markup_parse_inline    (const char        *markup) G_GNUC_WARN_UNUSED_RESULT;
char            *redress_markup_to_plain        (const char        *markup) G_GNUC_WARN_UNUSED_RESULT;
char            *redress_typography_apply       (const char        *language,
                                                 const char        *text) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressDocument, redress_document_unref)

G_END_DECLS
