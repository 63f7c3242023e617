/* redress-export.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export with the leak check.  Every file exported in the public profile is
 * read back as a reader would see it (the PDF's text layer and metadata with
 * poppler, every XML part of the ODT or DOCX with libxml2, which also proves
 * it is well-formed) and searched for every protected name, alias, date of birth
 * and contact line of the case's people; any hit blocks the export and says
 * where.
 */

#define G_LOG_DOMAIN "redress-export"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <poppler.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "redress-docx.h"
#include "redress-export.h"
#include "redress-odt.h"
#include "redress-pdf.h"

G_DEFINE_QUARK (redress-export-error-quark, redress_export_error)

typedef struct
{
  char *where;
  char *text;
} Part;

static void
part_free (gpointer data)
{
  Part *p = data;

  g_free (p->where);
  g_free (p->text);
  g_free (p);
}

static void
add_part (GPtrArray  *parts,
          char       *where,
          char       *text)
{
  Part *p = g_new0 (Part, 1);

  p->where = where;
  /* An empty entry, a page without text: nothing to read, not a NULL. */
  p->text = text != NULL ? text : g_strdup ("");
  g_ptr_array_add (parts, p);
}

gboolean
redress_export_format_from_path (const char          *path,
                                 RedressExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *format = REDRESS_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".odt"))
    *format = REDRESS_EXPORT_ODT;
  else if (g_str_has_suffix (lower, ".docx"))
    *format = REDRESS_EXPORT_DOCX;
  else
    return FALSE;
  return TRUE;
}

const char *
redress_export_format_extension (RedressExportFormat format)
{
  switch (format)
    {
    case REDRESS_EXPORT_ODT:
      return "odt";
    case REDRESS_EXPORT_DOCX:
      return "docx";
    case REDRESS_EXPORT_PDF:
    default:
      return "pdf";
    }
}

GBytes *
redress_export_render (RedressDocument     *doc,
                       RedressExportFormat  format,
                       GError             **error)
{
  if (format == REDRESS_EXPORT_ODT)
    return redress_document_write_odt (doc, error);
  if (format == REDRESS_EXPORT_DOCX)
    return redress_document_write_docx (doc, error);
  return redress_document_write_pdf (doc, error);
}

static void
collect_xml (xmlNode *node,
             GString *out)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (out, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE)
        {
          for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
            {
              xmlChar *value = xmlNodeListGetString (node->doc, attr->children, 1);

              if (value != NULL)
                {
                  g_string_append_c (out, '\n');
                  g_string_append (out, (const char *) value);
                  g_string_append_c (out, '\n');
                  xmlFree (value);
                }
            }
          collect_xml (node->children, out);
          /* Paragraph ends and line breaks separate words. */
          g_string_append_c (out, '\n');
        }
    }
}

static GPtrArray *
extract_parts (GBytes              *bytes,
               RedressExportFormat  format,
               GError             **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (part_free);

  if (format == REDRESS_EXPORT_PDF)
    {
      PopplerDocument *pdf = NULL;
      g_autoptr(GError) local_error = NULL;
      char *fields[6];
      GString *meta = g_string_new (NULL);

      pdf = poppler_document_new_from_bytes (bytes, NULL, &local_error);
      if (pdf == NULL)
        {
          g_set_error (error, REDRESS_EXPORT_ERROR, REDRESS_EXPORT_ERROR_INVALID,
                       _("The PDF written does not read back: %s"), local_error->message);
          g_string_free (meta, TRUE);
          return NULL;
        }
      fields[0] = poppler_document_get_title (pdf);
      fields[1] = poppler_document_get_author (pdf);
      fields[2] = poppler_document_get_subject (pdf);
      fields[3] = poppler_document_get_keywords (pdf);
      fields[4] = poppler_document_get_creator (pdf);
      fields[5] = poppler_document_get_producer (pdf);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          if (fields[i] != NULL)
            g_string_append_printf (meta, "%s\n", fields[i]);
          g_free (fields[i]);
        }
      add_part (parts, g_strdup (_("the PDF’s metadata")), g_string_free (meta, FALSE));
      for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
        {
          PopplerPage *page = poppler_document_get_page (pdf, i);

          if (page == NULL)
            continue;
          add_part (parts, g_strdup_printf (_("page %d"), i + 1), poppler_page_get_text (page));
          g_object_unref (page);
        }
      g_object_unref (pdf);
    }
  else
    {
      g_autoptr(GPtrArray) entries = redress_odt_read_entries (bytes, error);

      if (entries == NULL)
        return NULL;
      for (guint i = 0; i < entries->len; i++)
        {
          RedressZipEntry *e = g_ptr_array_index (entries, i);
          gsize size;
          const char *data = g_bytes_get_data (e->data, &size);
          xmlDocPtr xml;
          GString *text;

          if (!g_str_has_suffix (e->name, ".xml") && !g_str_has_suffix (e->name, ".rels"))
            {
              add_part (parts, g_strdup (e->name), data != NULL ? g_strndup (data, size) : NULL);
              continue;
            }
          xml = xmlReadMemory (data, (int) size, e->name, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                               XML_PARSE_NOWARNING);
          if (xml == NULL)
            {
              g_set_error (error, REDRESS_EXPORT_ERROR, REDRESS_EXPORT_ERROR_INVALID,
                           _("%s in the exported file is not well-formed XML."), e->name);
              return NULL;
            }
          text = g_string_new (NULL);
          collect_xml (xmlDocGetRootElement (xml), text);
          xmlFreeDoc (xml);
          add_part (parts, g_strdup (e->name), g_string_free (text, FALSE));
        }
    }
  return g_steal_pointer (&parts);
}

/**
 * redress_export_extract_text:
 *
 * Returns: (transfer full): the text a reader of the file sees: the PDF's text
 *   layer and metadata, or the text and attributes of every XML part of the
 *   ODT; %NULL with @error set when the file does not read back.
 */
char *
redress_export_extract_text (GBytes              *bytes,
                             RedressExportFormat  format,
                             GError             **error)
{
  g_autoptr(GPtrArray) parts = extract_parts (bytes, format, error);
  GString *out;

  if (parts == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      Part *p = g_ptr_array_index (parts, i);

      g_string_append (out, p->text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/**
 * redress_export_check_leaks:
 * @leaks: (element-type RedressLeak): receives every hit
 *
 * Returns: %FALSE with @error set when the file does not read back; else
 *   %TRUE (look at @leaks).
 */
gboolean
redress_export_check_leaks (RedressRedactor     *redactor,
                            GBytes              *bytes,
                            RedressExportFormat  format,
                            GPtrArray           *leaks,
                            GError             **error)
{
  g_autoptr(GPtrArray) parts = extract_parts (bytes, format, error);

  if (parts == NULL)
    return FALSE;
  for (guint i = 0; i < parts->len; i++)
    {
      Part *p = g_ptr_array_index (parts, i);

      redress_redactor_find_leaks (redactor, p->text, p->where, leaks);
    }
  return TRUE;
}

/**
 * redress_composition_export:
 * @out_leaks: (out) (optional) (transfer full) (element-type RedressLeak):
 *   what the leak check found
 *
 * Renders the composition.  In the public profile the result goes through
 * the leak check, and a hit fails with %REDRESS_EXPORT_ERROR_LEAK: nothing is
 * returned, so nothing can be written.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set.
 */
GBytes *
redress_composition_export (RedressComposition   *composition,
                            RedressExportFormat   format,
                            GPtrArray           **out_leaks,
                            GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) leaks = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_leak_free);

  bytes = redress_export_render (redress_composition_get_document (composition), format, error);
  if (bytes == NULL)
    return NULL;
  if (redress_composition_get_profile (composition) == REDRESS_PROFILE_PUBLIC)
    {
      if (!redress_export_check_leaks (redress_composition_get_redactor (composition), bytes, format,
                                       leaks, error))
        return NULL;
      if (leaks->len > 0)
        {
          GString *where = g_string_new (NULL);

          for (guint i = 0; i < leaks->len && i < 5; i++)
            {
              RedressLeak *leak = g_ptr_array_index (leaks, i);

              g_string_append_printf (where, "\n  %s: %s (%s)", leak->where, leak->context, leak->person);
            }
          {
            g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places",
                                                                   leaks->len), leaks->len);

            g_set_error (error, REDRESS_EXPORT_ERROR, REDRESS_EXPORT_ERROR_LEAK,
                         _("The public version still names a protected person (%s), so it was not "
                           "exported. Remove the name from the text and export again:%s"),
                         count, where->str);
          }
          g_string_free (where, TRUE);
          if (out_leaks != NULL)
            *out_leaks = g_steal_pointer (&leaks);
          return NULL;
        }
    }
  if (out_leaks != NULL)
    *out_leaks = g_steal_pointer (&leaks);
  return g_steal_pointer (&bytes);
}
