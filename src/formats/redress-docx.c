/* redress-docx.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a RedressDocument as Office Open XML (.docx, ECMA-376 transitional)
 * for lawyers whose office runs Word: the package is written with libarchive,
 * the parts with libxml2.  Headings use the built-in Heading 1/2 styles (so
 * Word's navigation pane lists them), lists are real numbered and bulleted
 * lists, and the footer has PAGE and NUMPAGES fields.  The core properties
 * name the case reference as the author, never the computer's user name.
 */

#define G_LOG_DOMAIN "redress-docx"

#include "config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "redress-docx.h"
#include "redress-zip.h"

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"

#define W(call) G_STMT_START { if ((call) < 0) goto fail; } G_STMT_END

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr w;
} Part;

static gboolean
part_start (Part       *part,
            const char *root,
            const char *ns_attr,
            const char *ns)
{
  part->buffer = xmlBufferCreate ();
  part->w = xmlNewTextWriterMemory (part->buffer, 0);
  if (part->w == NULL)
    return FALSE;
  return xmlTextWriterStartDocument (part->w, "1.0", "UTF-8", "yes") >= 0 &&
         xmlTextWriterStartElement (part->w, BAD_CAST root) >= 0 &&
         xmlTextWriterWriteAttribute (part->w, BAD_CAST ns_attr, BAD_CAST ns) >= 0;
}

static GBytes *
part_finish (Part *part)
{
  GBytes *bytes = NULL;

  if (part->w != NULL && xmlTextWriterEndDocument (part->w) >= 0)
    {
      xmlFreeTextWriter (part->w);
      part->w = NULL;
      bytes = g_bytes_new (xmlBufferContent (part->buffer), (gsize) xmlBufferLength (part->buffer));
    }
  g_clear_pointer (&part->w, xmlFreeTextWriter);
  g_clear_pointer (&part->buffer, xmlBufferFree);
  return bytes;
}

static void
part_clear (Part *part)
{
  g_clear_pointer (&part->w, xmlFreeTextWriter);
  g_clear_pointer (&part->buffer, xmlBufferFree);
}

static int
element_attr (xmlTextWriterPtr  w,
              const char       *name,
              const char       *attr,
              const char       *value)
{
  if (xmlTextWriterStartElement (w, BAD_CAST name) < 0)
    return -1;
  if (attr != NULL && xmlTextWriterWriteAttribute (w, BAD_CAST attr, BAD_CAST value) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

/* One run of text; "\n" becomes a line break. */
static int
write_run (xmlTextWriterPtr  w,
           const char       *text,
           RedressInlineFlags flags)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (xmlTextWriterStartElement (w, BAD_CAST "w:r") < 0)
        return -1;
      if (flags != 0)
        {
          if (xmlTextWriterStartElement (w, BAD_CAST "w:rPr") < 0 ||
              ((flags & REDRESS_INLINE_STRONG) && element_attr (w, "w:b", NULL, NULL) < 0) ||
              ((flags & REDRESS_INLINE_EMPHASIS) && element_attr (w, "w:i", NULL, NULL) < 0) ||
              xmlTextWriterEndElement (w) < 0)
            return -1;
        }
      if (i > 0 && element_attr (w, "w:br", NULL, NULL) < 0)
        return -1;
      if (xmlTextWriterStartElement (w, BAD_CAST "w:t") < 0 ||
          xmlTextWriterWriteAttribute (w, BAD_CAST "xml:space", BAD_CAST "preserve") < 0 ||
          xmlTextWriterWriteString (w, BAD_CAST lines[i]) < 0 ||
          xmlTextWriterEndElement (w) < 0 ||
          xmlTextWriterEndElement (w) < 0)
        return -1;
    }
  return 0;
}

static int
write_paragraph (xmlTextWriterPtr  w,
                 const char       *style,
                 int               num_id,
                 const char       *language,
                 const char       *markup)
{
  g_autoptr(GArray) runs = redress_markup_parse_inline (markup);

  if (xmlTextWriterStartElement (w, BAD_CAST "w:p") < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST "w:pPr") < 0 ||
      element_attr (w, "w:pStyle", "w:val", style) < 0)
    return -1;
  if (num_id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%d", num_id);

      if (xmlTextWriterStartElement (w, BAD_CAST "w:numPr") < 0 ||
          element_attr (w, "w:ilvl", "w:val", "0") < 0 ||
          element_attr (w, "w:numId", "w:val", id) < 0 ||
          xmlTextWriterEndElement (w) < 0)
        return -1;
    }
  if (xmlTextWriterEndElement (w) < 0)
    return -1;
  for (guint i = 0; i < runs->len; i++)
    {
      const RedressInlineRun *run = &g_array_index (runs, RedressInlineRun, i);
      g_autofree char *typo = redress_typography_apply (language, run->text);

      if (write_run (w, typo, run->flags) < 0)
        return -1;
    }
  return xmlTextWriterEndElement (w);
}

static GBytes *
write_document (RedressDocument *doc,
                guint           *n_numbered_lists)
{
  Part part = { 0 };
  xmlTextWriterPtr w;
  const char *language = redress_document_get_language (doc);
  int numbered_id = 0;
  RedressBlockKind previous = REDRESS_BLOCK_PARAGRAPH;

  if (!part_start (&part, "w:document", "xmlns:w", NS_W))
    goto fail;
  w = part.w;
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:r", BAD_CAST NS_R));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:body"));
  for (guint i = 0; i < redress_document_get_n_blocks (doc); i++)
    {
      const RedressBlock *b = redress_document_get_block (doc, i);
      const char *style = "BodyText";
      int num = 0;

      switch (b->kind)
        {
        case REDRESS_BLOCK_TITLE: style = "Title"; break;
        case REDRESS_BLOCK_SUBTITLE: style = "Subtitle"; break;
        case REDRESS_BLOCK_ADDRESS: style = "Address"; break;
        case REDRESS_BLOCK_REFERENCE: style = "Reference"; break;
        case REDRESS_BLOCK_HEADING: style = "Heading1"; break;
        case REDRESS_BLOCK_SUBHEADING: style = "Heading2"; break;
        case REDRESS_BLOCK_LINES: style = "Signature"; break;
        case REDRESS_BLOCK_BULLET:
          style = "ListParagraph";
          num = 1;
          break;
        case REDRESS_BLOCK_NUMBERED:
          style = "ListParagraph";
          /* Each numbered list starts again at 1: a w:num of its own. */
          if (previous != REDRESS_BLOCK_NUMBERED)
            numbered_id++;
          num = 1 + numbered_id;
          break;
        case REDRESS_BLOCK_PARAGRAPH:
        default:
          break;
        }
      W (write_paragraph (w, style, num, language, b->text));
      previous = b->kind;
    }
  /* A4, margins of 2.5 cm, with the header and footer. */
  W (xmlTextWriterStartElement (w, BAD_CAST "w:sectPr"));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:headerReference"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:type", BAD_CAST "default"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "r:id", BAD_CAST "rIdHeader"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:footerReference"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:type", BAD_CAST "default"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "r:id", BAD_CAST "rIdFooter"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:pgSz"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:w", BAD_CAST "11906"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:h", BAD_CAST "16838"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:pgMar"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:top", BAD_CAST "1418"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:right", BAD_CAST "1418"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:bottom", BAD_CAST "1418"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:left", BAD_CAST "1418"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:header", BAD_CAST "708"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:footer", BAD_CAST "708"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:gutter", BAD_CAST "0"));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  *n_numbered_lists = (guint) numbered_id;
  return part_finish (&part);

fail:
  part_clear (&part);
  return NULL;
}

static int
style (xmlTextWriterPtr  w,
       const char       *id,
       const char       *name,
       const char       *jc,
       int               space_before,
       int               space_after,
       int               size,
       gboolean          bold,
       gboolean          italic,
       const char       *font,
       int               outline)
{
  g_autofree char *before = g_strdup_printf ("%d", space_before);
  g_autofree char *after = g_strdup_printf ("%d", space_after);
  g_autofree char *sz = g_strdup_printf ("%d", size);
  g_autofree char *level = g_strdup_printf ("%d", outline);

  if (xmlTextWriterStartElement (w, BAD_CAST "w:style") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:type", BAD_CAST "paragraph") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:styleId", BAD_CAST id) < 0 ||
      (g_str_equal (id, "Normal") &&
       xmlTextWriterWriteAttribute (w, BAD_CAST "w:default", BAD_CAST "1") < 0) ||
      element_attr (w, "w:name", "w:val", name) < 0 ||
      (!g_str_equal (id, "Normal") && element_attr (w, "w:basedOn", "w:val", "Normal") < 0) ||
      (outline >= 0 && element_attr (w, "w:qFormat", NULL, NULL) < 0) ||
      xmlTextWriterStartElement (w, BAD_CAST "w:pPr") < 0)
    return -1;
  if (outline >= 0 && element_attr (w, "w:keepNext", NULL, NULL) < 0)
    return -1;
  if (xmlTextWriterStartElement (w, BAD_CAST "w:spacing") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:before", BAD_CAST before) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:after", BAD_CAST after) < 0 ||
      xmlTextWriterEndElement (w) < 0)
    return -1;
  if (jc != NULL && element_attr (w, "w:jc", "w:val", jc) < 0)
    return -1;
  if (outline >= 0 && element_attr (w, "w:outlineLvl", "w:val", level) < 0)
    return -1;
  if (xmlTextWriterEndElement (w) < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST "w:rPr") < 0)
    return -1;
  if (xmlTextWriterStartElement (w, BAD_CAST "w:rFonts") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:ascii", BAD_CAST font) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:hAnsi", BAD_CAST font) < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:cs", BAD_CAST font) < 0 ||
      xmlTextWriterEndElement (w) < 0)
    return -1;
  if ((bold && element_attr (w, "w:b", NULL, NULL) < 0) ||
      (italic && element_attr (w, "w:i", NULL, NULL) < 0) ||
      element_attr (w, "w:sz", "w:val", sz) < 0 ||
      xmlTextWriterEndElement (w) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

static GBytes *
write_styles (RedressDocument *doc)
{
  Part part = { 0 };
  xmlTextWriterPtr w;
  const char *serif = "DejaVu Serif";
  const char *sans = "DejaVu Sans";

  if (!part_start (&part, "w:styles", "xmlns:w", NS_W))
    goto fail;
  w = part.w;
  W (xmlTextWriterStartElement (w, BAD_CAST "w:docDefaults"));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:rPrDefault"));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:rPr"));
  W (element_attr (w, "w:lang", "w:val", redress_document_get_language (doc)));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  W (xmlTextWriterEndElement (w));
  W (style (w, "Normal", "Normal", NULL, 0, 0, 21, FALSE, FALSE, serif, -1));
  W (style (w, "BodyText", "Body Text", "both", 0, 120, 21, FALSE, FALSE, serif, -1));
  W (style (w, "ListParagraph", "List Paragraph", "both", 0, 80, 21, FALSE, FALSE, serif, -1));
  W (style (w, "Title", "Title", "center", 240, 160, 32, TRUE, FALSE, sans, -1));
  W (style (w, "Subtitle", "Subtitle", "center", 0, 360, 21, FALSE, TRUE, sans, -1));
  W (style (w, "Address", "Address", NULL, 0, 240, 21, FALSE, FALSE, serif, -1));
  W (style (w, "Reference", "Reference", "right", 0, 60, 18, FALSE, FALSE, sans, -1));
  W (style (w, "Signature", "Signature", NULL, 120, 0, 21, FALSE, FALSE, serif, -1));
  W (style (w, "Heading1", "heading 1", NULL, 280, 120, 24, TRUE, FALSE, sans, 0));
  W (style (w, "Heading2", "heading 2", NULL, 160, 80, 21, TRUE, FALSE, sans, 1));
  W (style (w, "Header", "header", NULL, 0, 0, 16, TRUE, FALSE, sans, -1));
  W (style (w, "Footer", "footer", "center", 0, 0, 16, FALSE, FALSE, sans, -1));
  return part_finish (&part);

fail:
  part_clear (&part);
  return NULL;
}

static int
abstract_num (xmlTextWriterPtr w,
              const char      *id,
              gboolean         bullet)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "w:abstractNum") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:abstractNumId", BAD_CAST id) < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST "w:lvl") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:ilvl", BAD_CAST "0") < 0 ||
      element_attr (w, "w:start", "w:val", "1") < 0 ||
      element_attr (w, "w:numFmt", "w:val", bullet ? "bullet" : "decimal") < 0 ||
      element_attr (w, "w:lvlText", "w:val", bullet ? "•" : "%1.") < 0 ||
      element_attr (w, "w:lvlJc", "w:val", "left") < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST "w:pPr") < 0 ||
      xmlTextWriterStartElement (w, BAD_CAST "w:ind") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:left", BAD_CAST "397") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:hanging", BAD_CAST "340") < 0 ||
      xmlTextWriterEndElement (w) < 0 || xmlTextWriterEndElement (w) < 0 ||
      xmlTextWriterEndElement (w) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

static GBytes *
write_numbering (guint n_numbered_lists)
{
  Part part = { 0 };
  xmlTextWriterPtr w;

  if (!part_start (&part, "w:numbering", "xmlns:w", NS_W))
    goto fail;
  w = part.w;
  W (abstract_num (w, "0", TRUE));
  W (abstract_num (w, "1", FALSE));
  /* numId 1: bullets; 2 … n+1: one per numbered list, restarting at 1. */
  for (guint i = 0; i <= n_numbered_lists; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i + 1);

      W (xmlTextWriterStartElement (w, BAD_CAST "w:num"));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:numId", BAD_CAST id));
      W (element_attr (w, "w:abstractNumId", "w:val", i == 0 ? "0" : "1"));
      if (i > 0)
        {
          W (xmlTextWriterStartElement (w, BAD_CAST "w:lvlOverride"));
          W (xmlTextWriterWriteAttribute (w, BAD_CAST "w:ilvl", BAD_CAST "0"));
          W (element_attr (w, "w:startOverride", "w:val", "1"));
          W (xmlTextWriterEndElement (w));
        }
      W (xmlTextWriterEndElement (w));
    }
  return part_finish (&part);

fail:
  part_clear (&part);
  return NULL;
}

static int
field (xmlTextWriterPtr  w,
       const char       *instruction)
{
  if (xmlTextWriterStartElement (w, BAD_CAST "w:fldSimple") < 0 ||
      xmlTextWriterWriteAttribute (w, BAD_CAST "w:instr", BAD_CAST instruction) < 0 ||
      write_run (w, "1", 0) < 0)
    return -1;
  return xmlTextWriterEndElement (w);
}

static GBytes *
write_header_footer (RedressDocument *doc,
                     gboolean         header)
{
  Part part = { 0 };
  xmlTextWriterPtr w;

  if (!part_start (&part, header ? "w:hdr" : "w:ftr", "xmlns:w", NS_W))
    goto fail;
  w = part.w;
  W (xmlTextWriterStartElement (w, BAD_CAST "w:p"));
  W (xmlTextWriterStartElement (w, BAD_CAST "w:pPr"));
  W (element_attr (w, "w:pStyle", "w:val", header ? "Header" : "Footer"));
  W (xmlTextWriterEndElement (w));
  if (header)
    {
      g_autofree char *line = g_strdup_printf ("%s — %s", redress_document_get_banner (doc),
                                               redress_document_get_reference (doc));
      g_autofree char *typo = redress_typography_apply (redress_document_get_language (doc), line);

      W (write_run (w, typo, 0));
    }
  else
    {
      /* "Page {n} of {total}" with PAGE and NUMPAGES fields. */
      g_autofree char *format = redress_document_format_page (doc, 1u << 30, (1u << 30) + 1);
      g_autofree char *n = g_strdup_printf ("%u", 1u << 30);
      g_autofree char *total = g_strdup_printf ("%u", (1u << 30) + 1);
      const char *p = format;

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
              W (write_run (w, p, 0));
              break;
            }
          {
            g_autofree char *before = g_strndup (p, (gsize) (next - p));

            if (*before != '\0')
              W (write_run (w, before, 0));
            W (field (w, is_total ? " NUMPAGES " : " PAGE "));
          }
          p = next + strlen (is_total ? total : n);
        }
    }
  W (xmlTextWriterEndElement (w));
  return part_finish (&part);

fail:
  part_clear (&part);
  return NULL;
}

static GBytes *
write_core (RedressDocument *doc)
{
  Part part = { 0 };
  xmlTextWriterPtr w;
  g_autofree char *stamp = g_strdup_printf ("%sT00:00:00Z", redress_document_get_date (doc));

  if (!part_start (&part, "cp:coreProperties", "xmlns:cp",
                   "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"))
    goto fail;
  w = part.w;
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:dc", BAD_CAST "http://purl.org/dc/elements/1.1/"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:dcterms", BAD_CAST "http://purl.org/dc/terms/"));
  W (xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance"));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:title", BAD_CAST redress_document_get_title (doc)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:subject", BAD_CAST redress_document_get_subject (doc)));
  /* The author is the signing representative or the case, never the computer's user name. */
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:creator", BAD_CAST redress_document_get_author (doc)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "cp:lastModifiedBy", BAD_CAST redress_document_get_reference (doc)));
  W (xmlTextWriterWriteElement (w, BAD_CAST "dc:language", BAD_CAST redress_document_get_language (doc)));
  if (*redress_document_get_date (doc) != '\0')
    {
      W (xmlTextWriterStartElement (w, BAD_CAST "dcterms:created"));
      W (xmlTextWriterWriteAttribute (w, BAD_CAST "xsi:type", BAD_CAST "dcterms:W3CDTF"));
      W (xmlTextWriterWriteString (w, BAD_CAST stamp));
      W (xmlTextWriterEndElement (w));
    }
  return part_finish (&part);

fail:
  part_clear (&part);
  return NULL;
}

static GBytes *
write_relationships (const char * const (*rels)[3],
                     guint              n)
{
  Part part = { 0 };

  if (!part_start (&part, "Relationships", "xmlns", NS_REL))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      W (xmlTextWriterStartElement (part.w, BAD_CAST "Relationship"));
      W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "Id", BAD_CAST rels[i][0]));
      W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "Type", BAD_CAST rels[i][1]));
      W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "Target", BAD_CAST rels[i][2]));
      W (xmlTextWriterEndElement (part.w));
    }
  return part_finish (&part);

fail:
  part_clear (&part);
  return NULL;
}

static GBytes *
write_content_types (void)
{
  Part part = { 0 };
  const char * const overrides[][2] = {
    { "/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
    { "/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml" },
    { "/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml" },
    { "/word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml" },
    { "/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
  };

  if (!part_start (&part, "Types", "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"))
    goto fail;
  W (xmlTextWriterStartElement (part.w, BAD_CAST "Default"));
  W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "Extension", BAD_CAST "rels"));
  W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "ContentType",
                                  BAD_CAST "application/vnd.openxmlformats-package.relationships+xml"));
  W (xmlTextWriterEndElement (part.w));
  W (xmlTextWriterStartElement (part.w, BAD_CAST "Default"));
  W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "Extension", BAD_CAST "xml"));
  W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "ContentType", BAD_CAST "application/xml"));
  W (xmlTextWriterEndElement (part.w));
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      W (xmlTextWriterStartElement (part.w, BAD_CAST "Override"));
      W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "PartName", BAD_CAST overrides[i][0]));
      W (xmlTextWriterWriteAttribute (part.w, BAD_CAST "ContentType", BAD_CAST overrides[i][1]));
      W (xmlTextWriterEndElement (part.w));
    }
  return part_finish (&part);

fail:
  part_clear (&part);
  return NULL;
}

/**
 * redress_document_write_docx:
 *
 * Returns: (transfer full): the .docx file, or %NULL with @error set.
 */
GBytes *
redress_document_write_docx (RedressDocument  *doc,
                             GError          **error)
{
  static const char * const package_rels[][3] = {
    { "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
      "word/document.xml" },
    { "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
      "docProps/core.xml" },
  };
  static const char * const document_rels[][3] = {
    { "rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml" },
    { "rIdNumbering", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering",
      "numbering.xml" },
    { "rIdHeader", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header", "header1.xml" },
    { "rIdFooter", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer1.xml" },
  };
  g_autoptr(RedressZipWriter) zip = NULL;
  g_autoptr(GError) local = NULL;
  GByteArray *bytes = NULL;
  guint n_lists = 0;
  GBytes *parts[9];
  const char *names[9] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
    "word/styles.xml", "word/numbering.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml"
  };
  gboolean ok = TRUE;

  parts[2] = write_document (doc, &n_lists);
  parts[0] = write_content_types ();
  parts[1] = write_relationships (package_rels, G_N_ELEMENTS (package_rels));
  parts[3] = write_relationships (document_rels, G_N_ELEMENTS (document_rels));
  parts[4] = write_styles (doc);
  parts[5] = write_numbering (n_lists);
  parts[6] = write_header_footer (doc, TRUE);
  parts[7] = write_header_footer (doc, FALSE);
  parts[8] = write_core (doc);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    ok = ok && parts[i] != NULL;
  if (!ok)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the Word document’s XML."));
      goto out;
    }

  zip = redress_zip_writer_new (&local);
  ok = zip != NULL;
  for (guint i = 0; ok && i < G_N_ELEMENTS (parts); i++)
    ok = redress_zip_writer_add (zip, names[i], parts[i], -1, &local);
  ok = ok && (bytes = redress_zip_writer_finish (zip, &local)) != NULL;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the Word document: %s"),
                 local->message);

out:
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_clear_pointer (&parts[i], g_bytes_unref);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (bytes);
}
