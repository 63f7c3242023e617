/* redress-eml.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads an e-mail saved as .eml (RFC 5322 / MIME) with GMime 3: headers, the
 * text body (text/plain, else HTML reduced to text) and every attachment,
 * decoded.  The result is plain data that the model stores.
 */

#define G_LOG_DOMAIN "redress-eml"

#include "config.h"

#include <glib/gi18n.h>
#include <gmime/gmime.h>
#include <string.h>

#include "redress-eml.h"

/* GMime 3.2 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)

static void
ensure_gmime (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_mime_init ();
      g_once_init_leave (&initialized, 1);
    }
}

static void
attachment_free (gpointer data)
{
  RedressEmlAttachment *a = data;

  g_free (a->filename);
  g_free (a->mime_type);
  g_clear_pointer (&a->data, g_bytes_unref);
  g_free (a);
}

void
redress_eml_free (RedressEml *eml)
{
  if (eml == NULL)
    return;
  g_free (eml->subject);
  g_free (eml->from);
  g_free (eml->to);
  g_free (eml->date);
  g_free (eml->message_id);
  g_free (eml->body);
  g_ptr_array_unref (eml->attachments);
  g_free (eml);
}

/* A crude but safe reduction of HTML to text: tags dropped, block ends become
 * new lines, the common entities decoded. */
static char *
html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *tag = NULL;

          if (end == NULL)
            break;
          tag = g_ascii_strdown (p + 1, MIN (end - p - 1, 6));
          if (g_str_has_prefix (tag, "br") || g_str_has_prefix (tag, "/p") ||
              g_str_has_prefix (tag, "/div") || g_str_has_prefix (tag, "/li") ||
              g_str_has_prefix (tag, "/tr") || g_str_has_prefix (tag, "/h"))
            g_string_append_c (out, '\n');
          if (g_str_has_prefix (tag, "style") || g_str_has_prefix (tag, "script"))
            {
              const char *close = strstr (end, g_str_has_prefix (tag, "style") ? "</style" : "</script");

              end = close != NULL ? strchr (close, '>') : NULL;
              if (end == NULL)
                break;
            }
          p = end + 1;
        }
      else if (*p == '&')
        {
          static const struct { const char *name; const char *text; } entities[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
            { "&#39;", "'" }, { "&nbsp;", " " },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
            if (g_str_has_prefix (p, entities[i].name))
              {
                g_string_append (out, entities[i].text);
                p += strlen (entities[i].name);
                done = TRUE;
              }
          if (!done)
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

static GBytes *
decode_part (GMimePart *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  g_autoptr(GMimeStream) mem = NULL;
  GByteArray *array;

  if (content == NULL)
    return g_bytes_new (NULL, 0);
  mem = g_mime_stream_mem_new ();
  g_mime_data_wrapper_write_to_stream (content, mem);
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
  return g_bytes_new (array->data, array->len);
}

/* A file name an attachment can be stored under: no folders, never empty. */
static char *
safe_filename (const char *name,
               const char *mime_type,
               guint       n)
{
  g_autofree char *base = NULL;

  if (name != NULL && *name != '\0')
    {
      base = g_path_get_basename (name);
      g_strdelimit (base, "/\\:", '_');
      if (g_utf8_validate (base, -1, NULL) && *base != '\0' && !g_str_equal (base, ".") &&
          !g_str_equal (base, ".."))
        return g_steal_pointer (&base);
    }

  if (g_strcmp0 (mime_type, "message/rfc822") == 0)
    return g_strdup_printf ("attachment-%u.eml", n);
  if (g_strcmp0 (mime_type, "application/pdf") == 0)
    return g_strdup_printf ("attachment-%u.pdf", n);
  return g_strdup_printf ("attachment-%u", n);
}

typedef struct
{
  RedressEml *eml;
  char       *html;
} Walk;

static void
visit_part_cb (GMimeObject *parent,
               GMimeObject *part,
               gpointer     user_data)
{
  Walk *walk = user_data;
  GMimeContentType *type = g_mime_object_get_content_type (part);
  g_autofree char *mime_type = type != NULL ? g_mime_content_type_get_mime_type (type) : g_strdup ("text/plain");
  RedressEmlAttachment *a;

  if (GMIME_IS_MESSAGE_PART (part))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (part));
      g_autoptr(GMimeStream) mem = g_mime_stream_mem_new ();
      GByteArray *array;
      const char *subject = inner != NULL ? g_mime_message_get_subject (inner) : NULL;
      g_autofree char *name = subject != NULL ? g_strconcat (subject, ".eml", NULL) : NULL;

      if (inner != NULL)
        g_mime_object_write_to_stream (GMIME_OBJECT (inner), NULL, mem);
      array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
      a = g_new0 (RedressEmlAttachment, 1);
      a->mime_type = g_strdup ("message/rfc822");
      a->filename = safe_filename (name, a->mime_type, walk->eml->attachments->len + 1);
      a->data = g_bytes_new (array->data, array->len);
      g_ptr_array_add (walk->eml->attachments, a);
      return;
    }

  if (!GMIME_IS_PART (part))
    return;

  if (!g_mime_part_is_attachment (GMIME_PART (part)) && g_mime_part_get_filename (GMIME_PART (part)) == NULL &&
      GMIME_IS_TEXT_PART (part))
    {
      g_autofree char *text = g_mime_text_part_get_text (GMIME_TEXT_PART (part));

      if (g_str_equal (mime_type, "text/plain") && walk->eml->body == NULL)
        {
          walk->eml->body = g_steal_pointer (&text);
          return;
        }
      if (g_str_equal (mime_type, "text/html") && walk->html == NULL)
        {
          walk->html = g_steal_pointer (&text);
          return;
        }
    }

  a = g_new0 (RedressEmlAttachment, 1);
  a->mime_type = g_strdup (mime_type);
  a->filename = safe_filename (g_mime_part_get_filename (GMIME_PART (part)), mime_type,
                               walk->eml->attachments->len + 1);
  a->data = decode_part (GMIME_PART (part));
  g_ptr_array_add (walk->eml->attachments, a);
}

static char *
addresses (InternetAddressList *list)
{
  if (list == NULL || internet_address_list_length (list) == 0)
    return NULL;
  return internet_address_list_to_string (list, NULL, FALSE);
}

static char *
join_nonempty (const char *a,
               const char *b)
{
  if (a == NULL || *a == '\0')
    return g_strdup (b);
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strconcat (a, ", ", b, NULL);
}

/* A message may say "us-ascii" and carry other bytes, or carry bytes of a
 * charset GMime cannot convert: what reaches the docket is always UTF-8
 * (invalid bytes become U+FFFD), never bytes that later break a search,
 * an export or the window. */
static void
make_valid (char **text)
{
  if (*text != NULL && !g_utf8_validate (*text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (*text, -1);

      g_free (*text);
      *text = valid;
    }
}

static RedressEml *
parse_stream (GMimeStream  *stream,
              const char   *name,
              GError      **error)
{
  g_autoptr(GMimeParser) parser = g_mime_parser_new_with_stream (stream);
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(RedressEml) eml = NULL;
  g_autofree char *to = NULL;
  g_autofree char *cc = NULL;
  GDateTime *date;
  Walk walk = { 0 };

  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, NULL);
  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not an e-mail message that can be read."), name);
      return NULL;
    }

  eml = g_new0 (RedressEml, 1);
  eml->attachments = g_ptr_array_new_with_free_func (attachment_free);
  eml->subject = g_strdup (g_mime_message_get_subject (message));
  eml->from = addresses (g_mime_message_get_from (message));
  to = addresses (g_mime_message_get_to (message));
  cc = addresses (g_mime_message_get_cc (message));
  eml->to = join_nonempty (to, cc);
  eml->message_id = g_strdup (g_mime_message_get_message_id (message));
  date = g_mime_message_get_date (message);
  if (date != NULL)
    eml->date = g_date_time_format (date, "%Y-%m-%d");

  /* Without From, Date or Subject it is not a message but some other file. */
  if (eml->from == NULL && eml->date == NULL && eml->subject == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” does not look like an e-mail saved as .eml: it has no From, Date or "
                     "Subject header. Save the message from your mail program with “Save as…” "
                     "and try again."), name);
      return NULL;
    }

  walk.eml = eml;
  if (g_mime_message_get_mime_part (message) != NULL)
    {
      GMimeObject *top = g_mime_message_get_mime_part (message);

      if (GMIME_IS_MULTIPART (top))
        g_mime_multipart_foreach (GMIME_MULTIPART (top), visit_part_cb, &walk);
      else
        visit_part_cb (NULL, top, &walk);
    }
  make_valid (&walk.html);
  if (eml->body == NULL && walk.html != NULL)
    eml->body = html_to_text (walk.html);
  g_free (walk.html);
  if (eml->body == NULL)
    eml->body = g_strdup ("");

  make_valid (&eml->subject);
  make_valid (&eml->from);
  make_valid (&eml->to);
  make_valid (&eml->message_id);
  make_valid (&eml->body);

  return g_steal_pointer (&eml);
}

/**
 * redress_eml_parse_bytes:
 * @name: what to call the message in error messages (its file name)
 *
 * Returns: (transfer full): the message, or %NULL with @error set when it is
 *   not an e-mail.
 */
RedressEml *
redress_eml_parse_bytes (GBytes      *bytes,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(GMimeStream) stream = NULL;
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  ensure_gmime ();
  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is empty."), name);
      return NULL;
    }
  stream = g_mime_stream_mem_new_with_buffer ((const char *) data, len);
  return parse_stream (stream, name, error);
}

/**
 * redress_eml_parse_file:
 *
 * Returns: (transfer full): the message, or %NULL with @error set.
 */
RedressEml *
redress_eml_parse_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read “%s”: %s"),
                   name, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  return redress_eml_parse_bytes (bytes, name, error);
}

/* The counterpart an address most likely is. */
static const char *
guess_counterpart (const char *from)
{
  g_autofree char *lower = from != NULL ? g_ascii_strdown (from, -1) : NULL;

  if (lower != NULL && (strstr (lower, "ohchr.org") != NULL || strstr (lower, "@un.org") != NULL))
    return "committee";
  return "other";
}

/**
 * redress_eml_to_letter:
 *
 * Returns: (transfer full): an incoming letter of @case_id with what the
 *   message says (attachments are stored separately).
 */
RedressLetter *
redress_eml_to_letter (const RedressEml *eml,
                       const char       *case_id)
{
  RedressLetter *letter = redress_letter_new (case_id, "in");

  g_free (letter->counterpart);
  letter->counterpart = g_strdup (guess_counterpart (eml->from));
  letter->channel = g_strdup ("e-mail");
  letter->letter_date = g_strdup (eml->date);
  letter->transit_date = g_strdup (eml->date);
  letter->subject = g_strdup (eml->subject);
  letter->body = g_strdup (eml->body);
  letter->sender = g_strdup (eml->from);
  letter->recipients = g_strdup (eml->to);
  letter->message_id = g_strdup (eml->message_id);
  return letter;
}

/**
 * redress_eml_import:
 * @file: an .eml file
 *
 * Registers the message as an incoming letter of @case_id, keeping the .eml
 * itself and every attachment in the evidence locker.
 *
 * Returns: (transfer full): the letter's id, or %NULL with @error set; then
 *   nothing was recorded.
 */
char *
redress_eml_import (RedressEvidenceStore  *store,
                    const char            *case_id,
                    GFile                 *file,
                    GError               **error)
{
  g_autofree char *path = NULL;
  g_autoptr(RedressEml) eml = NULL;
  g_autoptr(RedressLetter) letter = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) data = g_ptr_array_new ();

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only e-mails saved in a local folder can be imported."));
      return NULL;
    }
  eml = redress_eml_parse_file (path, error);
  if (eml == NULL)
    return NULL;

  letter = redress_eml_to_letter (eml, case_id);
  for (guint i = 0; i < eml->attachments->len; i++)
    {
      RedressEmlAttachment *a = g_ptr_array_index (eml->attachments, i);

      g_ptr_array_add (names, a->filename);
      g_ptr_array_add (data, a->data);
    }

  return redress_correspondence_register_import (store, letter, file,
                                                 (const char * const *) names->pdata,
                                                 (GBytes * const *) data->pdata,
                                                 eml->attachments->len, error);
}
