/* redress-document.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composed document, independent of the output format.  The lawyer's
 * prose uses a light markup that a text field can hold:
 *
 *   # A sub-heading
 *   - a bullet            1. a numbered item
 *   a paragraph with *emphasis* and **strong** text; \* is a plain star
 *
 * Each line is one block; blank lines are ignored.
 */

#define G_LOG_DOMAIN "redress-document"

#include "config.h"

#include <string.h>

#include "redress-document.h"

struct _RedressDocument
{
  gatomicrefcount  ref_count;
  char            *language;
  char            *title;
  char            *subject;
  char            *reference;
  char            *author;
  char            *date;
  char            *banner;
  char            *page_format;
  GPtrArray       *blocks;   /* RedressBlock */
  GPtrArray       *annexes;  /* RedressAnnex */
};

static void
block_free (gpointer data)
{
  RedressBlock *b = data;

  g_free (b->text);
  g_free (b->section_id);
  g_free (b);
}

static void
annex_free (gpointer data)
{
  RedressAnnex *a = data;

  g_free (a->evidence_id);
  g_free (a->title);
  g_free (a->date);
  g_free (a->language);
  g_free (a->sha256);
  g_free (a);
}

RedressDocument *
redress_document_new (const char *language)
{
  RedressDocument *self = g_new0 (RedressDocument, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->language = g_strdup (language != NULL ? language : "en");
  self->title = g_strdup ("");
  self->subject = g_strdup ("");
  self->reference = g_strdup ("");
  self->date = g_strdup ("");
  self->banner = g_strdup ("");
  self->page_format = g_strdup ("{n} / {total}");
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->annexes = g_ptr_array_new_with_free_func (annex_free);
  return self;
}

RedressDocument *
redress_document_ref (RedressDocument *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
redress_document_unref (RedressDocument *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->language);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->reference);
  g_free (self->author);
  g_free (self->date);
  g_free (self->banner);
  g_free (self->page_format);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->annexes);
  g_free (self);
}

const char *
redress_document_get_language (RedressDocument *self)
{
  return self->language;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

/**
 * redress_document_set_metadata:
 * @title: the document's title (PDF Title, ODT dc:title)
 * @subject: what it is about (PDF Subject)
 * @reference: the case reference, also the document's author in the metadata:
 *   never the computer's user name
 * @date: "YYYY-MM-DD", the date of the document
 */
void
redress_document_set_metadata (RedressDocument *self,
                               const char      *title,
                               const char      *subject,
                               const char      *reference,
                               const char      *date)
{
  set_string (&self->title, title);
  set_string (&self->subject, subject);
  set_string (&self->reference, reference);
  set_string (&self->date, date);
}

const char *
redress_document_get_title (RedressDocument *self)
{
  return self->title;
}

const char *
redress_document_get_subject (RedressDocument *self)
{
  return self->subject;
}

const char *
redress_document_get_reference (RedressDocument *self)
{
  return self->reference;
}

/**
 * redress_document_set_author:
 * @author: (nullable): who signs the document (the representative), for the
 *   Author metadata; %NULL leaves the case reference there
 */
void
redress_document_set_author (RedressDocument *self,
                             const char      *author)
{
  set_string (&self->author, author);
}

/* The Author metadata: the signing representative, else the case reference,
 * never the computer's user name. */
const char *
redress_document_get_author (RedressDocument *self)
{
  return self->author != NULL && self->author[0] != '\0' ? self->author : self->reference;
}

const char *
redress_document_get_date (RedressDocument *self)
{
  return self->date;
}

/* The line printed at the top of every page ("CONFIDENTIAL"). */
void
redress_document_set_banner (RedressDocument *self,
                             const char      *banner)
{
  set_string (&self->banner, banner);
}

const char *
redress_document_get_banner (RedressDocument *self)
{
  return self->banner;
}

/* The page footer, with {n} and {total}. */
void
redress_document_set_page_format (RedressDocument *self,
                                  const char      *format)
{
  set_string (&self->page_format, format);
}

char *
redress_document_format_page (RedressDocument *self,
                              guint            page,
                              guint            total)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  g_autofree char *t = g_strdup_printf ("%u", total);
  GString *s = g_string_new (self->page_format);

  g_string_replace (s, "{n}", n, 0);
  g_string_replace (s, "{total}", t, 0);
  return g_string_free (s, FALSE);
}

RedressBlock *
redress_document_add (RedressDocument  *self,
                      RedressBlockKind  kind,
                      const char       *section_id,
                      const char       *markup)
{
  RedressBlock *b = g_new0 (RedressBlock, 1);

  b->kind = kind;
  b->text = g_strdup (markup != NULL ? markup : "");
  b->section_id = g_strdup (section_id);
  if (kind == REDRESS_BLOCK_NUMBERED)
    {
      RedressBlock *prev = self->blocks->len > 0 ?
        g_ptr_array_index (self->blocks, self->blocks->len - 1) : NULL;

      b->number = prev != NULL && prev->kind == REDRESS_BLOCK_NUMBERED ? prev->number + 1 : 1;
    }
  g_ptr_array_add (self->blocks, b);
  return b;
}

RedressBlock *
redress_document_add_text (RedressDocument  *self,
                           RedressBlockKind  kind,
                           const char       *section_id,
                           const char       *plain)
{
  g_autofree char *markup = redress_markup_escape (plain);

  return redress_document_add (self, kind, section_id, markup);
}

static gboolean
numbered_prefix (const char  *line,
                 const char **rest)
{
  const char *p = line;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == line || p - line > 3 || (*p != '.' && *p != ')') || p[1] != ' ')
    return FALSE;
  *rest = p + 2;
  return TRUE;
}

/**
 * redress_document_add_prose:
 * @prose: the lawyer's text in the light markup
 *
 * Adds one block per non-blank line: "# " a sub-heading, "- " or "* " a
 * bullet, "1. " a numbered item, anything else a paragraph.
 */
void
redress_document_add_prose (RedressDocument *self,
                            const char      *section_id,
                            const char      *prose)
{
  g_auto(GStrv) lines = NULL;

  if (prose == NULL)
    return;
  lines = g_strsplit (prose, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *rest;

      if (*line == '\0')
        continue;
      if (g_str_has_prefix (line, "# "))
        redress_document_add (self, REDRESS_BLOCK_SUBHEADING, section_id, g_strchug (line + 2));
      else if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* "))
        redress_document_add (self, REDRESS_BLOCK_BULLET, section_id, g_strchug (line + 2));
      else if (numbered_prefix (line, &rest))
        redress_document_add (self, REDRESS_BLOCK_NUMBERED, section_id, rest);
      else
        redress_document_add (self, REDRESS_BLOCK_PARAGRAPH, section_id, line);
    }
}

guint
redress_document_get_n_blocks (RedressDocument *self)
{
  return self->blocks->len;
}

const RedressBlock *
redress_document_get_block (RedressDocument *self,
                            guint            index)
{
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

void
redress_document_add_annex (RedressDocument *self,
                            const char      *evidence_id,
                            const char      *title,
                            const char      *date,
                            const char      *language,
                            const char      *sha256)
{
  RedressAnnex *a = g_new0 (RedressAnnex, 1);

  a->number = self->annexes->len + 1;
  a->evidence_id = g_strdup (evidence_id);
  a->title = g_strdup (title);
  a->date = g_strdup (date);
  a->language = g_strdup (language);
  a->sha256 = g_strdup (sha256);
  g_ptr_array_add (self->annexes, a);
}

guint
redress_document_get_n_annexes (RedressDocument *self)
{
  return self->annexes->len;
}

const RedressAnnex *
redress_document_get_annex (RedressDocument *self,
                            guint            index)
{
  g_return_val_if_fail (index < self->annexes->len, NULL);
  return g_ptr_array_index (self->annexes, index);
}

/* The whole document as plain text, one block a line (for previews and checks). */
char *
redress_document_to_text (RedressDocument *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const RedressBlock *b = g_ptr_array_index (self->blocks, i);
      g_autofree char *plain = redress_markup_to_plain (b->text);

      if (b->kind == REDRESS_BLOCK_BULLET)
        g_string_append (out, "• ");
      else if (b->kind == REDRESS_BLOCK_NUMBERED)
        g_string_append_printf (out, "%d. ", b->number);
      g_string_append (out, plain);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Inline markup. */

char *
redress_markup_escape (const char *plain)
{
  GString *out;

  if (plain == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (plain) + 8);
  for (const char *p = plain; *p != '\0'; p++)
    {
      if (*p == '*' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
flush_run (GArray             *runs,
           GString            *text,
           RedressInlineFlags  flags)
{
  RedressInlineRun run;

  if (text->len == 0)
    return;
  run.text = g_strdup (text->str);
  run.flags = flags;
  g_array_append_val (runs, run);
  g_string_truncate (text, 0);
}

static void
run_clear (gpointer data)
{
  RedressInlineRun *run = data;

  g_free (run->text);
}

/* Whether a marker of @len stars at @p closes later in the text. */
static gboolean
has_closing (const char *p,
             gsize       len)
{
  const char *q = p + len;

  if (*q == '\0' || *q == ' ' || *q == '*')
    return FALSE;
  for (q = q + 1; *q != '\0'; q++)
    {
      if (*q == '\\' && q[1] != '\0')
        {
          q++;
          continue;
        }
      if (*q == '*' && q[-1] != ' ' && strncmp (q, "**", len) == 0)
        {
          if (len == 1 && q[1] == '*')
            {
              q++;
              continue;
            }
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * redress_markup_parse_inline:
 *
 * Returns: (transfer full) (element-type RedressInlineRun): the runs of text
 *   with their emphasis.
 */
GArray *
redress_markup_parse_inline (const char *markup)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (RedressInlineRun));
  g_autoptr(GString) text = g_string_new (NULL);
  RedressInlineFlags flags = 0;

  g_array_set_clear_func (runs, run_clear);
  if (markup == NULL)
    return runs;
  for (const char *p = markup; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (text, *++p);
          continue;
        }
      if (p[0] == '*' && p[1] == '*' &&
          ((flags & REDRESS_INLINE_STRONG) || has_closing (p, 2)))
        {
          flush_run (runs, text, flags);
          flags ^= REDRESS_INLINE_STRONG;
          p++;
          continue;
        }
      if (p[0] == '*' && ((flags & REDRESS_INLINE_EMPHASIS) || has_closing (p, 1)))
        {
          flush_run (runs, text, flags);
          flags ^= REDRESS_INLINE_EMPHASIS;
          continue;
        }
      g_string_append_c (text, *p);
    }
  flush_run (runs, text, flags);
  return runs;
}

char *
redress_markup_to_plain (const char *markup)
{
  g_autoptr(GArray) runs = redress_markup_parse_inline (markup);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    g_string_append (out, g_array_index (runs, RedressInlineRun, i).text);
  return g_string_free (out, FALSE);
}

/**
 * redress_typography_apply:
 *
 * French typography: a space before ; ? ! becomes a narrow no-break space
 * (U+202F), and one is added where the space is missing; before : and inside
 * « » a no-break space (U+00A0), so the mark never starts a line.  Other languages are returned as they are.
 */
char *
redress_typography_apply (const char *language,
                          const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (g_strcmp0 (language, "fr") != 0)
    return g_strdup (text);
  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' && (p[1] == ';' || p[1] == '?' || p[1] == '!'))
        g_string_append (out, "\u202F");
      else if ((*p == ';' || *p == '?' || *p == '!') && p > text && !g_ascii_isspace (p[-1]) &&
               (p[1] == ' ' || p[1] == '\0' || p[1] == '\n'))
        {
          /* "décision ; recours": the space was missing. */
          g_string_append (out, "\u202F");
          g_string_append_c (out, *p);
        }
      else if (*p == ' ' && (p[1] == ':' || g_str_has_prefix (p + 1, "»")))
        g_string_append (out, "\u00A0");
      else if (*p == ' ' && (gsize) (p - text) >= strlen ("«") && g_str_has_prefix (p - strlen ("«"), "«"))
        g_string_append (out, "\u00A0");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
