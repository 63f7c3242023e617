/* redress-template.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composer's templates: data files (data/templates/DOCUMENT.LANG.xml,
 * described in data/templates/README.md) compiled into the composer's
 * GResource, so the program never reads files outside its tree.  Every
 * language of a document has the same sections and phrases.
 */

#define G_LOG_DOMAIN "redress-template"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "redress-template.h"
#include "redress-util.h"

#define TEMPLATES_PATH "/io/github/redress/Redress/composer/templates"

struct _RedressTemplate
{
  gatomicrefcount  ref_count;
  char            *document;
  char            *language;
  char            *event;
  char            *title;
  char            *subtitle;
  char            *addressee;
  GPtrArray       *sections;   /* RedressTemplateSection */
  GHashTable      *phrases;    /* id → text */
  GPtrArray       *phrase_ids; /* in file order */
};

G_DEFINE_QUARK (redress-template-error-quark, redress_template_error)

static const char * const documents[] = {
  "communication", "comments", "follow-up", "inquiry", "cover-letter", NULL
};

static const char * const languages[] = { "en", "fr", "es", NULL };

const char * const *
redress_template_get_documents (void)
{
  return documents;
}

const char * const *
redress_template_get_languages (void)
{
  return languages;
}

gboolean
redress_template_document_is_valid (const char *document)
{
  return document != NULL && g_strv_contains (documents, document);
}

static void
section_free (gpointer data)
{
  RedressTemplateSection *s = data;

  g_free (s->id);
  g_free (s->heading);
  g_free (s->intro);
  g_strfreev (s->fields);
  g_free (s);
}

/* Parsing. */

typedef struct
{
  RedressTemplate        *tmpl;
  RedressTemplateSection *section;
  GPtrArray              *fields;
  GString                *text;
  char                   *phrase_id;
  gboolean                in_text;
} Parser;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Parser *p = user_data;
  const char *parent = NULL;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  if (stack->next != NULL)
    parent = stack->next->data;

  if (g_str_equal (element, "template"))
    {
      p->tmpl->document = g_strdup (attribute (names, values, "document"));
      p->tmpl->language = g_strdup (attribute (names, values, "lang"));
      p->tmpl->event = g_strdup (attribute (names, values, "event"));
      if (p->tmpl->document == NULL || p->tmpl->language == NULL)
        g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                             _("<template> needs document and lang attributes"));
    }
  else if (g_str_equal (element, "section") && g_strcmp0 (parent, "template") == 0)
    {
      const char *id = attribute (names, values, "id");

      if (id == NULL)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                               _("<section> needs an id"));
          return;
        }
      p->section = g_new0 (RedressTemplateSection, 1);
      p->section->id = g_strdup (id);
      p->section->required = g_strcmp0 (attribute (names, values, "required"), "true") == 0;
      p->fields = g_ptr_array_new ();
    }
  else if (g_str_equal (element, "field") && p->section != NULL)
    {
      const char *name = attribute (names, values, "name");

      if (name == NULL)
        g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                             _("<field> needs a name"));
      else
        g_ptr_array_add (p->fields, g_strdup (name));
    }
  else if (g_str_equal (element, "editable") && p->section != NULL)
    p->section->editable = TRUE;
  else if (g_str_equal (element, "phrase"))
    {
      const char *id = attribute (names, values, "id");

      if (id == NULL)
        {
          g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_MISSING_ATTRIBUTE,
                               _("<phrase> needs an id"));
          return;
        }
      p->phrase_id = g_strdup (id);
      p->in_text = TRUE;
      g_string_truncate (p->text, 0);
    }
  else if (g_str_equal (element, "title") || g_str_equal (element, "subtitle") ||
           g_str_equal (element, "addressee") || g_str_equal (element, "heading") ||
           g_str_equal (element, "intro"))
    {
      p->in_text = TRUE;
      g_string_truncate (p->text, 0);
    }
  else
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                 _("unknown element <%s>"), element);
}

static void
replace (char **field,
         char **text)
{
  g_free (*field);
  *field = g_steal_pointer (text);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Parser *p = user_data;
  char *text = g_strdup (p->text->str);

  p->in_text = FALSE;
  if (g_str_equal (element, "title"))
    replace (&p->tmpl->title, &text);
  else if (g_str_equal (element, "subtitle"))
    replace (&p->tmpl->subtitle, &text);
  else if (g_str_equal (element, "addressee"))
    replace (&p->tmpl->addressee, &text);
  else if (g_str_equal (element, "heading") && p->section != NULL)
    replace (&p->section->heading, &text);
  else if (g_str_equal (element, "intro") && p->section != NULL)
    replace (&p->section->intro, &text);
  else if (g_str_equal (element, "phrase"))
    {
      if (g_hash_table_contains (p->tmpl->phrases, p->phrase_id))
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     _("phrase “%s” is defined twice"), p->phrase_id);
      else
        {
          g_ptr_array_add (p->tmpl->phrase_ids, g_strdup (p->phrase_id));
          g_hash_table_insert (p->tmpl->phrases, g_steal_pointer (&p->phrase_id),
                               g_steal_pointer (&text));
        }
      g_clear_pointer (&p->phrase_id, g_free);
    }
  else if (g_str_equal (element, "section") && p->section != NULL)
    {
      if (p->section->heading == NULL)
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                     _("section “%s” has no heading"), p->section->id);
      g_ptr_array_add (p->fields, NULL);
      p->section->fields = (GStrv) g_ptr_array_free (g_steal_pointer (&p->fields), FALSE);
      g_ptr_array_add (p->tmpl->sections, g_steal_pointer (&p->section));
    }
  g_free (text);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Parser *p = user_data;

  if (p->in_text)
    g_string_append_len (p->text, text, (gssize) length);
}

RedressTemplate *
redress_template_parse (const char  *text,
                        gssize       length,
                        GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text_cb, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(RedressTemplate) tmpl = g_new0 (RedressTemplate, 1);
  g_autoptr(GError) local_error = NULL;
  Parser p = { 0 };

  g_atomic_ref_count_init (&tmpl->ref_count);
  tmpl->sections = g_ptr_array_new_with_free_func (section_free);
  tmpl->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  tmpl->phrase_ids = g_ptr_array_new_with_free_func (g_free);
  p.tmpl = tmpl;
  p.text = g_string_new (NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &p, NULL);
  if (!g_markup_parse_context_parse (context, text, length, &local_error) ||
      !g_markup_parse_context_end_parse (context, &local_error))
    {
      g_set_error (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_INVALID,
                   _("The template is damaged: %s"), local_error->message);
      g_string_free (p.text, TRUE);
      g_clear_pointer (&p.section, section_free);
      g_clear_pointer (&p.fields, g_ptr_array_unref);
      g_free (p.phrase_id);
      return NULL;
    }
  g_string_free (p.text, TRUE);
  if (tmpl->document == NULL || tmpl->title == NULL)
    {
      g_set_error_literal (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_INVALID,
                           _("The template is damaged: it has no document name or no title."));
      return NULL;
    }
  return g_steal_pointer (&tmpl);
}

/**
 * redress_template_load:
 * @document: one of redress_template_get_documents()
 * @language: "en", "fr" or "es"
 *
 * Returns: (transfer full): the bundled template, or %NULL with @error set.
 */
RedressTemplate *
redress_template_load (const char  *document,
                       const char  *language,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!redress_template_document_is_valid (document))
    {
      g_set_error (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_NOT_FOUND,
                   _("“%s” is not a document the composer knows: use communication, comments, "
                     "follow-up, inquiry or cover-letter."), document != NULL ? document : "");
      return NULL;
    }
  if (language == NULL || !g_strv_contains (languages, language))
    {
      g_set_error (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_NOT_FOUND,
                   _("“%s” is not a language of the composer: use en, fr or es."),
                   language != NULL ? language : "");
      return NULL;
    }
  path = g_strdup_printf (TEMPLATES_PATH "/%s.%s.xml", document, language);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_NOT_FOUND,
                   _("The template for “%s” in “%s” is missing from this build."), document, language);
      return NULL;
    }
  return redress_template_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 error);
}

RedressTemplate *
redress_template_ref (RedressTemplate *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
redress_template_unref (RedressTemplate *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->document);
  g_free (self->language);
  g_free (self->event);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->addressee);
  g_ptr_array_unref (self->sections);
  g_hash_table_unref (self->phrases);
  g_ptr_array_unref (self->phrase_ids);
  g_free (self);
}

const char *
redress_template_get_document (RedressTemplate *self)
{
  return self->document;
}

const char *
redress_template_get_language (RedressTemplate *self)
{
  return self->language;
}

const char *
redress_template_get_title (RedressTemplate *self)
{
  return self->title;
}

const char *
redress_template_get_subtitle (RedressTemplate *self)
{
  return self->subtitle;
}

const char *
redress_template_get_addressee (RedressTemplate *self)
{
  return self->addressee;
}

/* The procedural event that filing this document is (lifecycle.csv), or NULL. */
const char *
redress_template_get_event (RedressTemplate *self)
{
  return self->event;
}

guint
redress_template_get_n_sections (RedressTemplate *self)
{
  return self->sections->len;
}

const RedressTemplateSection *
redress_template_get_section (RedressTemplate *self,
                              guint            index)
{
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

const RedressTemplateSection *
redress_template_find_section (RedressTemplate *self,
                               const char      *id)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      const RedressTemplateSection *s = g_ptr_array_index (self->sections, i);

      if (g_strcmp0 (s->id, id) == 0)
        return s;
    }
  return NULL;
}

GStrv
redress_template_list_phrases (RedressTemplate *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->phrase_ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->phrase_ids, i));
  return g_strv_builder_end (builder);
}

const char *
redress_template_get_phrase (RedressTemplate *self,
                             const char      *id)
{
  return g_hash_table_lookup (self->phrases, id);
}

/**
 * redress_template_format:
 * @phrase_id: the phrase
 * @...: pairs of placeholder name and value (%NULL values are empty), then %NULL
 *
 * Returns: (transfer full): the phrase with each `{name}` replaced; an unknown
 *   phrase gives its id (and a warning), so a gap in a template is visible.
 */
char *
redress_template_format (RedressTemplate *self,
                         const char      *phrase_id,
                         ...)
{
  const char *phrase = redress_template_get_phrase (self, phrase_id);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out;
  va_list args;
  const char *key;

  if (phrase == NULL)
    {
      g_warning ("Template %s.%s has no phrase “%s”", self->document, self->language, phrase_id);
      return g_strdup (phrase_id);
    }

  va_start (args, phrase_id);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_hash_table_insert (values, (gpointer) key, (gpointer) (value != NULL ? value : ""));
    }
  va_end (args);

  out = g_string_sized_new (strlen (phrase) + 64);
  for (const char *p = phrase; *p != '\0'; p++)
    {
      const char *end;

      if (*p == '{' && (end = strchr (p, '}')) != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, (gsize) (end - p - 1));
          const char *value = g_hash_table_lookup (values, name);

          if (value != NULL)
            {
              g_string_append (out, value);
              p = end;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * redress_template_format_date:
 * @iso: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
 *
 * Returns: (transfer full): the date as the template's language writes it
 *   ("1 February 2019", "1er février 2019", "1 de febrero de 2019"), or the
 *   phrase `date-unknown` when @iso is empty or not a date.
 */
char *
redress_template_format_date (RedressTemplate *self,
                              const char      *iso)
{
  g_auto(GStrv) months = NULL;
  const char *month_names = redress_template_get_phrase (self, "months");
  int y = 0, m = 0, d = 0;
  g_autofree char *year = NULL;
  g_autofree char *day = NULL;

  if (iso == NULL || !redress_partial_date_is_valid (iso))
    return redress_template_format (self, "date-unknown", NULL);

  if (month_names != NULL)
    months = g_strsplit (month_names, "|", -1);
  sscanf (iso, "%d-%d-%d", &y, &m, &d);
  year = g_strdup_printf ("%d", y);
  if (m < 1 || m > 12 || months == NULL || g_strv_length (months) != 12)
    return g_steal_pointer (&year);
  if (d == 0)
    return redress_template_format (self, "date-month", "month", months[m - 1], "year", year, NULL);
  if (d == 1)
    day = redress_template_format (self, "day-1", NULL);
  else
    day = g_strdup_printf ("%d", d);
  return redress_template_format (self, "date", "day", day, "month", months[m - 1], "year", year, NULL);
}

/**
 * redress_template_format_date_on:
 * @iso: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
 *
 * The date with the preposition the language puts before it in a sentence:
 * the phrase `date-on` for a day ("on 3 December 2026", "le 3 décembre 2026",
 * "el 3 de diciembre de 2026") and `date-in` for a month or a year ("in 2013",
 * "en 2013"), so that a year is never read as a day.  An unknown date is the
 * phrase `date-unknown` alone.
 *
 * Returns: (transfer full): the words for a sentence
 */
char *
redress_template_format_date_on (RedressTemplate *self,
                                 const char      *iso)
{
  g_autofree char *written = redress_template_format_date (self, iso);

  if (iso == NULL || !redress_partial_date_is_valid (iso))
    return g_steal_pointer (&written);
  return redress_template_format (self, strlen (iso) == 10 ? "date-on" : "date-in", "date", written, NULL);
}
