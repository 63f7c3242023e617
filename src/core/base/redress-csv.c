/* redress-csv.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks;
 * CRLF and LF line ends are both accepted.
 */

#define G_LOG_DOMAIN "redress-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "redress-csv.h"
#include "redress-database.h"
#include "redress-util.h"

static void
end_row (GPtrArray *rows,
         GPtrArray *fields)
{
  /* A line with nothing on it is not a row. */
  if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
}

/**
 * redress_csv_parse:
 * @text: the file's text (UTF-8)
 * @length: its length, or -1 when NUL-terminated
 *
 * Returns: (transfer full): an array of rows, each a %NULL-terminated string
 *   vector; the first row is the header.  %NULL with @error set when the text
 *   is not UTF-8 or a quoted field never ends.
 */
GPtrArray *
redress_csv_parse (const char  *text,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  gboolean in_quotes = FALSE;
  guint line = 1, quote_line = 0;
  gsize i = 0;

  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The file is not UTF-8 text."));
      return NULL;
    }

  /* Skip a byte order mark. */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  for (; i < len; i++)
    {
      char c = text[i];

      if (in_quotes)
        {
          if (c == '"')
            {
              if (i + 1 < len && text[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else
                in_quotes = FALSE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      switch (c)
        {
        case '"':
          in_quotes = TRUE;
          quote_line = line;
          break;
        case ',':
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          break;
        case '\r':
          if (i + 1 < len && text[i + 1] == '\n')
            break;
          G_GNUC_FALLTHROUGH;
        case '\n':
          line++;
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          end_row (rows, fields);
          break;
        default:
          g_string_append_c (field, c);
          break;
        }
    }

  if (in_quotes)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("A quoted field that starts on line %u never ends."), quote_line);
      return NULL;
    }

  if (field->len > 0 || fields->len > 0)
    {
      g_ptr_array_add (fields, g_strdup (field->str));
      end_row (rows, fields);
    }

  return g_steal_pointer (&rows);
}

/* The index of the column called @name in @header, or -1. */
int
redress_csv_column (GStrv       header,
                    const char *name)
{
  for (int i = 0; header != NULL && header[i] != NULL; i++)
    if (g_strcmp0 (header[i], name) == 0)
      return i;
  return -1;
}

/* Parses a CSV file bundled in the model's resources. */
GPtrArray *
redress_csv_load_resource (const char  *path,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  redress_model_init ();
  bytes = g_resources_lookup_data (path, 0, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return redress_csv_parse (data, (gssize) len, error);
}
