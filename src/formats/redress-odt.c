/* redress-odt.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a RedressDocument as OpenDocument text (ODF 1.2), which LibreOffice
 * and Word open: the zip is written with libarchive, its first entry the
 * uncompressed "mimetype"; the XML with libxml2's text writer.  Headings are
 * real outline headings, lists real lists, and the page footer carries the
 * page number and count as fields.  The metadata name the case reference as
 * the author, never the computer's user name.
 */

#define G_LOG_DOMAIN "redress-odt"

#include "config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "redress-odt.h"
#include "redress-zip.h"

#define MIMETYPE "application/vnd.oasis.opendocument.text"

static const char * const namespaces[][2] = {
  { "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0" },
  { "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0" },
  { "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0" },
  { "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" },
  { "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0" },
  { "xmlns:dc", "http://purl.org/dc/elements/1.1/" },
  { "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" },
};

#define W(call) G_STMT_START { if ((call) < 0) goto fail; } G_STMT_END

static xmlTextWriterPtr
start_document (xmlBufferPtr  buffer,
                const char   *root)
{
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);

  if (w == NULL)
    return NULL;
  xmlTextWriterSetIndent (w, 0);
  if (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL) < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST root) < 0)
    {
      xmlFreeTextWriter (w);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (namespaces); i++)
    xmlTextWriterWriteAttribute (w, BAD_CAST namespaces[i][0], BAD_CAST namespaces[i][1]);
  xmlTextWriterWriteAttribute (w, BAD_CAST "office:version", BAD_CAST "1.2");
  return w;
}

static GBytes *
finish_document (xmlTextWriterPtr w,
                 xmlBufferPtr     buffer)
{
  GBytes *bytes = NULL;

  if (xmlTextWriterEndDocument (w) >= 0)
    {
      xmlFreeTextWriter (w);
      bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
    }
  else
    xmlFreeTextWriter (w);
  xmlBufferFree (buffer);
  return bytes;
}

/* Text with the language's typography; runs of spaces as text:s would be
 * needed only for doubled spaces, which the composer never writes. */
static int
write_runs (xmlTextWriterPtr  w,
            const char       *language,
            const char       *markup)
{
  g_autoptr(GArray) runs = redress_markup_parse_inline (markup);

  for (guint i = 0; i < runs->len; i++)
    {
      const RedressInlineRun *run = &g_array_index (runs, RedressInlineRun, i);
      g_autofree char *typo = redress_typography_apply (language, run->text);
      const char *style = NULL;

      if ((run->flags & REDRESS_INLINE_STRONG) && (run->flags & REDRESS_INLINE_EMPHASIS))
        style = "StrongEmphasis";
      else if (run->flags & REDRESS_INLINE_STRONG)
        style = "Strong_20_Emphasis";
      else if (run->flags & REDRESS_INLINE_EMPHASIS)
        style = "Emphasis";
      if (style != NULL)
        {
          if (xmlTextWriterStartElement (w, BAD_CAST "text:span") < 0 ||
              xmlTextWriterWriteAttribute (w, BAD_CAST "text:style-name", BAD_CAST style) < 0)
            return -1;
        }
      {
        g_auto(GStrv) lines = g_strsplit (typo, "\n", -1);

        for (guint l = 0; lines[l] != NULL; l++)
          {
            if (l > 0 && (xmlTextWriterStartElement (w, BAD_CAST "text:line-break") < 0 ||
                          xmlTextWriterEndElement (w) < 0))
              return -1;
            if (xmlTextWriterWriteString (w, BAD_CAST lines[l]) < 0)
              return -1;
          }
      }
      if (style != NULL && xmlTextWriterEndElement (w) < 0)
        return -1;
    }
  return 0;
}

static int
write_paragraph (xmlTextWriterPtr  w,
                 const char       *style,
                 const char       *language,
                 const char       *markup)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "text:p") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "text:style-name", BAD_CAST style) < 0 ||
      write_runs (w, language, markup) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

static GBytes *
write_content (RedressDocument *doc)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = start_document (buffer, "office:document-content");
  const char *language = redress_document_get_language (doc);
  RedressBlockKind open_list = REDRESS_BLOCK_PARAGRAPH;
  gboolean in_list = FALSE;

  if (w == NULL)
    {
      xmlBufferFree (buffer);
      return NULL;
    }
  W (xmlTextWriterStartElement (w, BAD_CAST "office:automatic-styles"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "office:body"));
  W (xmlTextWriterStartElement (w, BAD_CAST "office:text"));

  for (guint i = 0; i < redress_document_get_n_blocks (doc); i++)
    {
      const RedressBlock *b = redress_document_get_block (doc, i);
      gboolean is_list = b->kind == REDRESS_BLOCK_BULLET || b->kind == REDRESS_BLOCK_NUMBERED;

      if (in_list && (!is_list || b->kind != open_list))
        {
          W (xmlTextWriterEndElement (w));
          in_list = FALSE;
        }
      if (is_list && !in_list)
        {
          W (xmlTextWriterStartElement (w, BAD_CAST "text:list"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "text:style-name",
                                          BAD_CAST (b->kind == REDRESS_BLOCK_BULLET ? "Bullets" : "Numbers")));
          in_list = TRUE;
          open_list = b->kind;
        }

      switch (b->kind)
        {
        case REDRESS_BLOCK_TITLE:
          W (write_paragraph (w, "Title", language, b->text));
          break;
        case REDRESS_BLOCK_SUBTITLE:
          W (write_paragraph (w, "Subtitle", language, b->text));
          break;
        case REDRESS_BLOCK_REFERENCE:
          W (write_paragraph (w, "Reference", language, b->text));
          break;
        case REDRESS_BLOCK_ADDRESS:
        case REDRESS_BLOCK_LINES:
          {
            g_auto(GStrv) lines = g_strsplit (b->text, "\n", -1);

            W (xmlTextWriterStartElement (w, BAD_CAST "text:p"));
            W (xmlTextWriterWriteAttribute (w, BAD_CAST "text:style-name",
                                            BAD_CAST (b->kind == REDRESS_BLOCK_ADDRESS ? "Address" : "Signature")));
            for (guint l = 0; lines[l] != NULL; l++)
              {
                if (l > 0)
                  {
                    W (xmlTextWriterStartElement (w, BAD_CAST "text:line-break"));
                    W (xmlTextWriterEndElement (w));
                  }
                W (write_runs (w, language, lines[l]));
              }
            W (xmlTextWriterEndElement (w));
          }
          break;
        case REDRESS_BLOCK_HEADING:
        case REDRESS_BLOCK_SUBHEADING:
          W (xmlTextWriterStartElement (w, BAD_CAST "text:h"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "text:style-name",
                                          BAD_CAST (b->kind == REDRESS_BLOCK_HEADING ? "Heading_20_1" : "Heading_20_2")));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "text:outline-level",
                                          BAD_CAST (b->kind == REDRESS_BLOCK_HEADING ? "1" : "2")));
          W (write_runs (w, language, b->text));
          W (xmlTextWriterEndElement (w));
          break;
        case REDRESS_BLOCK_BULLET:
        case REDRESS_BLOCK_NUMBERED:
          W (xmlTextWriterStartElement (w, BAD_CAST "text:list-item"));
          W (write_paragraph (w, "List_20_Paragraph", language, b->text));
          W (xmlTextWriterEndElement (w));
          break;
        case REDRESS_BLOCK_PARAGRAPH:
        default:
          W (write_paragraph (w, "Text_20_body", language, b->text));
          break;
        }
    }
  if (in_list)
    W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));  /* office:text */
  W (xmlTextWriterEndElement (w));  /* office:body */
  return finish_document (w, buffer);

fail:
  xmlFreeTextWriter (w);
  xmlBufferFree (buffer);
  return NULL;
}

static int
paragraph_style (xmlTextWriterPtr  w,
                 const char       *name,
                 const char       *display,
                 const char * const *paragraph_props,
                 const char * const *text_props)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "style:style") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:name", BAD_CAST name) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:display-name", BAD_CAST display) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:family", BAD_CAST "paragraph") < 0)
    return -1;
  if (g_str_has_prefix (name, "Heading"))
    {
      if (xmlTextWriterWriteAttribute (w, BAD_CAST "style:default-outline-level",
                                       BAD_CAST (g_str_equal (name, "Heading_20_1") ? "1" : "2")) < 0)
        return -1;
    }
  if (paragraph_props != NULL)
    {
      if (xmlTextWriterStartElement (w, BAD_CAST "style:paragraph-properties") < 0)
        return -1;
      for (guint i = 0; paragraph_props[i] != NULL; i += 2)
        if (xmlTextWriterWriteAttribute (w, BAD_CAST paragraph_props[i], BAD_CAST paragraph_props[i + 1]) < 0)
          return -1;
      if (xmlTextWriterEndElement (w) < 0)
        return -1;
    }
  if (text_props != NULL)
    {
      if (xmlTextWriterStartElement (w, BAD_CAST "style:text-properties") < 0)
        return -1;
      for (guint i = 0; text_props[i] != NULL; i += 2)
        if (xmlTextWriterWriteAttribute (w, BAD_CAST text_props[i], BAD_CAST text_props[i + 1]) < 0)
          return -1;
      if (xmlTextWriterEndElement (w) < 0)
        return -1;
    }
  return xmlTextWriterEndElement (w);
}

static int
text_style (xmlTextWriterPtr  w,
            const char       *name,
            const char       *display,
            const char       *weight,
            const char       *font_style)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "style:style") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:name", BAD_CAST name) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:display-name", BAD_CAST display) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:family", BAD_CAST "text") < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST "style:text-properties") < 0)
    return -1;
  if (weight != NULL && xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-weight", BAD_CAST weight) < 0)
    return -1;
  if (font_style != NULL && xmlTextWriterWriteAttribute (w, BAD_CAST "fo:font-style", BAD_CAST font_style) < 0)
    return -1;
  if (xmlTextWriterEndElement (w) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

static int
list_style (xmlTextWriterPtr w,
            gboolean         bullets)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "text:list-style") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "style:name", BAD_CAST (bullets ? "Bullets" : "Numbers")) < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST (bullets ? "text:list-level-style-bullet"
                                                      : "text:list-level-style-number")) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "text:level", BAD_CAST "1") < 0)
    return -1;
  if (bullets)
    {
      if (xmlTextWriterWriteAttribute (w, BAD_CAST "text:bullet-char", BAD_CAST "•") < 0)
        return -1;
    }
  else if (xmlTextWriterWriteAttribute (w, BAD_CAST "style:num-format", BAD_CAST "1") < 0 ||
           xmlTextWriterWriteAttribute (w, BAD_CAST "style:num-suffix", BAD_CAST ".") < 0)
    return -1;
  if (xmlTextWriterStartElement (w, BAD_CAST "style:list-level-properties") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "text:list-level-position-and-space-mode",
                                   BAD_CAST "label-alignment") < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST "style:list-level-label-alignment") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "text:label-followed-by", BAD_CAST "listtab") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "text:list-tab-stop-position", BAD_CAST "0.7cm") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:text-indent", BAD_CAST "-0.6cm") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "fo:margin-left", BAD_CAST "0.7cm") < 0 ||
      xmlTextWriterEndElement (w) < 0 || xmlTextWriterEndElement (w) < 0 ||
      xmlTextWriterEndElement (w) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

/* "Page {n} of {total}" with the numbers as fields. */
static int
write_page_footer (xmlTextWriterPtr  w,
                   RedressDocument  *doc)
{
  g_autofree char *format = redress_document_format_page (doc, 1u << 30, (1u << 30) + 1);
  g_autofree char *n = g_strdup_printf ("%u", 1u << 30);
  g_autofree char *total = g_strdup_printf ("%u", (1u << 30) + 1);
  const char *p = format;

  if (xmlTextWriterStartElement (w, BAD_CAST "text:p") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "text:style-name", BAD_CAST "Footer") < 0)
    return -1;
  while (*p != '\0')
    {
      const char *at_n = strstr (p, n);
      const char *at_total = strstr (p, total);
      const char *next = at_n;
      gboolean is_total = FALSE;

      if (at_total != NULL && (next == NULL || at_total < next))
        {
          next = at_total;
          is_total = TRUE;
        }
      if (next == NULL)
        {
          if (xmlTextWriterWriteString (w, BAD_CAST p) < 0)
            return -1;
          break;
        }
      {
        g_autofree char *before = g_strndup (p, (gsize) (next - p));

        if (xmlTextWriterWriteString (w, BAD_CAST before) < 0 ||
            xmlTextWriterStartElement (w, BAD_CAST (is_total ? "text:page-count" : "text:page-number")) < 0 ||
            (!is_total && xmlTextWriterWriteAttribute (w, BAD_CAST "text:select-page", BAD_CAST "current") < 0) ||
            xmlTextWriterWriteString (w, BAD_CAST "1") < 0 ||
            xmlTextWriterEndElement (w) < 0)
          return -1;
      }
      p = next + strlen (is_total ? total : n);
    }
  return xmlTextWriterEndElement (w);
}

static GBytes *
write_styles (RedressDocument *doc)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = start_document (buffer, "office:document-styles");
  const char * const body_text[] = { "style:font-name", "DejaVu Serif", "fo:font-size", "10.5pt",
                                     "fo:language", redress_document_get_language (doc), NULL };
  const char * const justify[] = { "fo:text-align", "justify", "fo:margin-bottom", "0.2cm",
                                   "fo:line-height", "115%", NULL };
  const char * const centre[] = { "fo:text-align", "center", "fo:margin-bottom", "0.3cm", NULL };
  const char * const right[] = { "fo:text-align", "end", "fo:margin-bottom", "0.1cm", NULL };
  const char * const plain[] = { "fo:margin-bottom", "0.4cm", NULL };
  const char * const heading_para[] = { "fo:margin-top", "0.5cm", "fo:margin-bottom", "0.2cm",
                                        "fo:keep-with-next", "always", NULL };
  const char * const title_text[] = { "style:font-name", "DejaVu Sans", "fo:font-size", "16pt",
                                      "fo:font-weight", "bold", NULL };
  const char * const subtitle_text[] = { "style:font-name", "DejaVu Sans", "fo:font-size", "10.5pt",
                                         "fo:font-style", "italic", NULL };
  const char * const sans_small[] = { "style:font-name", "DejaVu Sans", "fo:font-size", "9pt", NULL };
  const char * const h1_text[] = { "style:font-name", "DejaVu Sans", "fo:font-size", "12pt",
                                   "fo:font-weight", "bold", NULL };
  const char * const h2_text[] = { "style:font-name", "DejaVu Sans", "fo:font-size", "10.5pt",
                                   "fo:font-weight", "bold", NULL };
  const char * const footer_para[] = { "fo:text-align", "center", NULL };
  const char * const header_para[] = { "fo:text-align", "start", NULL };

  if (w == NULL)
    {
      xmlBufferFree (buffer);
      return NULL;
    }
  W (xmlTextWriterStartElement (w, BAD_CAST "office:font-face-decls"));
  for (guint i = 0; i < 2; i++)
    {
      const char *font = i == 0 ? "DejaVu Serif" : "DejaVu Sans";

      W (xmlTextWriterStartElement (w, BAD_CAST "style:font-face"));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "style:name", BAD_CAST font));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "svg:font-family", BAD_CAST font));
      W (xmlTextWriterEndElement (w));
    }
  W (xmlTextWriterEndElement (w));

  W (xmlTextWriterStartElement (w, BAD_CAST "office:styles"));
  W (paragraph_style (w, "Standard", "Standard", NULL, body_text));
  W (paragraph_style (w, "Text_20_body", "Text body", justify, body_text));
  W (paragraph_style (w, "List_20_Paragraph", "List Paragraph", justify, body_text));
  W (paragraph_style (w, "Title", "Title", centre, title_text));
  W (paragraph_style (w, "Subtitle", "Subtitle", centre, subtitle_text));
  W (paragraph_style (w, "Reference", "Reference", right, sans_small));
  W (paragraph_style (w, "Address", "Address", plain, body_text));
  W (paragraph_style (w, "Signature", "Signature", plain, body_text));
  W (paragraph_style (w, "Heading_20_1", "Heading 1", heading_para, h1_text));
  W (paragraph_style (w, "Heading_20_2", "Heading 2", heading_para, h2_text));
  W (paragraph_style (w, "Header", "Header", header_para, sans_small));
  W (paragraph_style (w, "Footer", "Footer", footer_para, sans_small));
  W (text_style (w, "Emphasis", "Emphasis", NULL, "italic"));
  W (text_style (w, "Strong_20_Emphasis", "Strong Emphasis", "bold", NULL));
  W (text_style (w, "StrongEmphasis", "Strong Emphasis Italic", "bold", "italic"));
  W (list_style (w, TRUE));
  W (list_style (w, FALSE));
  W (xmlTextWriterEndElement (w));

  W (xmlTextWriterStartElement (w, BAD_CAST "office:automatic-styles"));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:page-layout"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "style:name", BAD_CAST "A4"));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:page-layout-properties"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:page-width", BAD_CAST "21cm"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:page-height", BAD_CAST "29.7cm"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:margin-top", BAD_CAST "1.3cm"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:margin-bottom", BAD_CAST "1.3cm"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:margin-left", BAD_CAST "2.5cm"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:margin-right", BAD_CAST "2.5cm"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:header-style"));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:header-footer-properties"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:min-height", BAD_CAST "0.8cm"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:margin-bottom", BAD_CAST "0.5cm"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:footer-style"));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:header-footer-properties"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:min-height", BAD_CAST "0.8cm"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "fo:margin-top", BAD_CAST "0.5cm"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));

  W (xmlTextWriterStartElement (w, BAD_CAST "office:master-styles"));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:master-page"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "style:name", BAD_CAST "Standard"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "style:page-layout-name", BAD_CAST "A4"));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:header"));
  {
    g_autofree char *line = g_strdup_printf ("%s — %s", redress_document_get_banner (doc),
                                             redress_document_get_reference (doc));
    g_autofree char *escaped = redress_markup_escape (line);

    W (write_paragraph (w, "Header", redress_document_get_language (doc), escaped));
  }
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "style:footer"));
  W (write_page_footer (w, doc));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  return finish_document (w, buffer);

fail:
  xmlFreeTextWriter (w);
  xmlBufferFree (buffer);
  return NULL;
}

static GBytes *
write_meta (RedressDocument *doc)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = start_document (buffer, "office:document-meta");
  g_autofree char *stamp = g_strdup_printf ("%sT00:00:00", redress_document_get_date (doc));

  if (w == NULL)
    {
      xmlBufferFree (buffer);
      return NULL;
    }
  W (xmlTextWriterStartElement (w, BAD_CAST "office:meta"));
  W (xmlTextWriterWriteElement (w, BAD_CAST "meta:generator", BAD_CAST "Redress/" PACKAGE_VERSION));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST redress_document_get_title (doc)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:subject", BAD_CAST redress_document_get_subject (doc)));
  /* The author is the signing representative or the case, never the computer's user name. */
  W (xmlTextWriterWriteElement (w, BAD_CAST "meta:initial-creator", BAD_CAST redress_document_get_author (doc)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:creator", BAD_CAST redress_document_get_author (doc)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:language", BAD_CAST redress_document_get_language (doc)));
  if (*redress_document_get_date (doc) != '\0')
    {
      W (xmlTextWriterWriteElement (w, BAD_CAST "meta:creation-date", BAD_CAST stamp));
      W (xmlTextWriterWriteElement (w, BAD_CAST "dc:date", BAD_CAST stamp));
    }
  W (xmlTextWriterEndElement (w));
  return finish_document (w, buffer);

fail:
  xmlFreeTextWriter (w);
  xmlBufferFree (buffer);
  return NULL;
}

static GBytes *
write_manifest (void)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);
  const char * const files[][2] = {
    { "/", MIMETYPE },
    { "content.xml", "text/xml" },
    { "styles.xml", "text/xml" },
    { "meta.xml", "text/xml" },
  };

  if (w == NULL)
    {
      xmlBufferFree (buffer);
      return NULL;
    }
  W (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL));
  W (xmlTextWriterStartElement (w, BAD_CAST "manifest:manifest"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:manifest",
                                  BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "manifest:version", BAD_CAST "1.2"));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      W (xmlTextWriterStartElement (w, BAD_CAST "manifest:file-entry"));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "manifest:full-path", BAD_CAST files[i][0]));
      if (i == 0)
        W (xmlTextWriterWriteAttribute (w, BAD_CAST "manifest:version", BAD_CAST "1.2"));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "manifest:media-type", BAD_CAST files[i][1]));
      W (xmlTextWriterEndElement (w));
    }
  return finish_document (w, buffer);

fail:
  xmlFreeTextWriter (w);
  xmlBufferFree (buffer);
  return NULL;
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8 | (guint32) p[2] << 16 | (guint32) p[3] << 24;
}

static guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] | p[1] << 8);
}

static void
put32 (guint8  *p,
       guint32  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

static void
put16 (guint8  *p,
       guint16  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
}

/* ODF 1.2 part 3, 3.3: the "mimetype" entry "shall not use an 'extra field'
 * in its header", so its text sits at byte 38 where file-type sniffers look.
 * libarchive always adds extra fields (timestamps, owner) and streams with a
 * data descriptor; rewrite that first local header: no extra field, the CRC
 * in the header, no descriptor, and shift every later offset.  Returns FALSE
 * (and leaves @zip alone) for any layout it does not expect. */
static gboolean
tidy_mimetype_entry (GByteArray *zip)
{
  guint8 *d = zip->data;
  gsize len = zip->len;
  guint16 flags, name_len, extra_len;
  guint32 size, crc, cd_offset, cd_size;
  gsize data_start, entry_end, removed, eocd, descriptor = 0;
  g_autoptr(GByteArray) out = NULL;

  if (len < 30 || get32 (d) != 0x04034b50)
    return FALSE;
  flags = get16 (d + 6);
  crc = get32 (d + 14);
  size = get32 (d + 22);
  name_len = get16 (d + 26);
  extra_len = get16 (d + 28);
  data_start = 30 + (gsize) name_len + extra_len;
  if (get16 (d + 8) != 0 || data_start + size > len)
    return FALSE;
  entry_end = data_start + size;
  if (flags & 0x08)
    {
      if (entry_end + 16 > len || get32 (d + entry_end) != 0x08074b50)
        return FALSE;
      crc = get32 (d + entry_end + 4);
      descriptor = 16;
    }
  for (eocd = len - 22;; eocd--)
    {
      if (get32 (d + eocd) == 0x06054b50)
        break;
      if (eocd == 0)
        return FALSE;
    }
  cd_size = get32 (d + eocd + 12);
  cd_offset = get32 (d + eocd + 16);
  if ((gsize) cd_offset + cd_size > eocd || cd_offset < entry_end + descriptor)
    return FALSE;
  removed = extra_len + descriptor;

  out = g_byte_array_sized_new ((guint) (len - removed));
  g_byte_array_append (out, d, 30 + name_len);
  put16 (out->data + 6, flags & ~0x08);
  put32 (out->data + 14, crc);
  put32 (out->data + 18, size);
  put32 (out->data + 22, size);
  put16 (out->data + 28, 0);
  g_byte_array_append (out, d + data_start, size);
  g_byte_array_append (out, d + entry_end + descriptor, (guint) (len - entry_end - descriptor));

  /* The central directory moved back by @removed bytes. */
  for (gsize p = cd_offset - removed; p + 46 <= eocd - removed;)
    {
      guint8 *c = out->data + p;
      guint32 offset;

      if (get32 (c) != 0x02014b50)
        return FALSE;
      offset = get32 (c + 42);
      if (offset == 0)
        put16 (c + 8, get16 (c + 8) & ~0x08);
      else
        put32 (c + 42, offset - (guint32) removed);
      p += 46 + (gsize) get16 (c + 28) + get16 (c + 30) + get16 (c + 32);
    }
  put32 (out->data + eocd - removed + 16, cd_offset - (guint32) removed);

  g_byte_array_set_size (zip, 0);
  g_byte_array_append (zip, out->data, out->len);
  return TRUE;
}

/**
 * redress_document_write_odt:
 *
 * Returns: (transfer full): the .odt file, or %NULL with @error set.
 */
GBytes *
redress_document_write_odt (RedressDocument  *doc,
                            GError          **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GBytes) mimetype = g_bytes_new_static (MIMETYPE, strlen (MIMETYPE));
  g_autoptr(GBytes) content = write_content (doc);
  g_autoptr(GBytes) styles = write_styles (doc);
  g_autoptr(GBytes) meta = write_meta (doc);
  g_autoptr(GBytes) manifest = write_manifest ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(RedressZipWriter) zip = NULL;
  g_autoptr(GError) local = NULL;
  gint64 mtime = 0;
  gboolean ok = FALSE;

  if (content == NULL || styles == NULL || meta == NULL || manifest == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write the OpenDocument file’s XML."));
      return NULL;
    }
  {
    g_autofree char *stamp = g_strdup_printf ("%sT00:00:00Z", redress_document_get_date (doc));

    when = g_date_time_new_from_iso8601 (stamp, NULL);
    if (when != NULL)
      mtime = g_date_time_to_unix (when);
  }

  /* ODF: "mimetype" first, stored, so the file type can be read at a fixed offset. */
  zip = redress_zip_writer_new (&local);
  if (zip != NULL)
    {
      redress_zip_writer_set_stored (zip, TRUE);
      ok = redress_zip_writer_add (zip, "mimetype", mimetype, mtime, &local);
      redress_zip_writer_set_stored (zip, FALSE);
      ok = ok && redress_zip_writer_add (zip, "content.xml", content, mtime, &local) &&
           redress_zip_writer_add (zip, "styles.xml", styles, mtime, &local) &&
           redress_zip_writer_add (zip, "meta.xml", meta, mtime, &local) &&
           redress_zip_writer_add (zip, "META-INF/manifest.xml", manifest, mtime, &local) &&
           (out = redress_zip_writer_finish (zip, &local)) != NULL;
    }
  if (zip == NULL || !ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the OpenDocument file: %s"),
                   local->message);
      return NULL;
    }
  if (!tidy_mimetype_entry (out))
    g_debug ("The zip's first entry kept libarchive's extra fields");
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * redress_odt_read_entries:
 *
 * Returns: (transfer full) (element-type RedressZipEntry): the zip's
 *   entries in order.
 */
GPtrArray *
redress_odt_read_entries (GBytes  *odt,
                          GError **error)
{
  return redress_zip_read_entries (odt, error);
}
