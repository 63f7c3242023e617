/* redress-zip.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A zip written into memory with libarchive (deflated unless set stored,
 * mode 0644, no block padding), and read back entry by entry.  The messages
 * are libarchive's; the writers say which document they were writing.
 */

#define G_LOG_DOMAIN "redress-zip"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "redress-zip.h"

struct _RedressZipWriter
{
  struct archive *archive;
  GByteArray     *out;
};

static int
open_cb (struct archive *a,
         void           *data)
{
  return ARCHIVE_OK;
}

static la_ssize_t
write_cb (struct archive *a,
          void           *data,
          const void     *buffer,
          size_t          length)
{
  g_byte_array_append (data, buffer, (guint) length);
  return (la_ssize_t) length;
}

static int
close_cb (struct archive *a,
          void           *data)
{
  return ARCHIVE_OK;
}

static void
set_archive_error (GError         **error,
                   struct archive  *a,
                   const char      *fallback)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       archive_error_string (a) != NULL ? archive_error_string (a) : fallback);
}

/**
 * redress_zip_writer_new:
 *
 * Returns: (transfer full): a writer of a zip in memory, deflating, or %NULL
 *   with @error set.
 */
RedressZipWriter *
redress_zip_writer_new (GError **error)
{
  g_autoptr(RedressZipWriter) self = g_new0 (RedressZipWriter, 1);

  self->out = g_byte_array_new ();
  self->archive = archive_write_new ();
  archive_write_set_format_zip (self->archive);
  archive_write_set_bytes_per_block (self->archive, 0);
  archive_write_zip_set_compression_deflate (self->archive);
  if (archive_write_open (self->archive, self->out, open_cb, write_cb, close_cb) != ARCHIVE_OK)
    {
      set_archive_error (error, self->archive, "");
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
redress_zip_writer_free (RedressZipWriter *self)
{
  if (self == NULL)
    return;
  if (self->archive != NULL)
    archive_write_free (self->archive);
  g_clear_pointer (&self->out, g_byte_array_unref);
  g_free (self);
}

/* The entries added from now on are stored (%TRUE) or deflated. */
void
redress_zip_writer_set_stored (RedressZipWriter *self,
                               gboolean          stored)
{
  if (stored)
    archive_write_zip_set_compression_store (self->archive);
  else
    archive_write_zip_set_compression_deflate (self->archive);
}

/* Adds a file @name holding @data; @mtime is a Unix time, or -1 for none. */
gboolean
redress_zip_writer_add (RedressZipWriter  *self,
                        const char        *name,
                        GBytes            *data,
                        gint64             mtime,
                        GError           **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const void *bytes = g_bytes_get_data (data, &size);
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  if (mtime >= 0)
    archive_entry_set_mtime (entry, (time_t) mtime, 0);
  ok = archive_write_header (self->archive, entry) == ARCHIVE_OK &&
       archive_write_data (self->archive, bytes, size) == (la_ssize_t) size &&
       archive_write_finish_entry (self->archive) == ARCHIVE_OK;
  archive_entry_free (entry);
  if (!ok)
    set_archive_error (error, self->archive, name);
  return ok;
}

/**
 * redress_zip_writer_finish:
 *
 * Closes the zip.
 *
 * Returns: (transfer full): its bytes, or %NULL with @error set.
 */
GByteArray *
redress_zip_writer_finish (RedressZipWriter  *self,
                           GError           **error)
{
  if (archive_write_close (self->archive) != ARCHIVE_OK)
    {
      set_archive_error (error, self->archive, "");
      return NULL;
    }
  return g_steal_pointer (&self->out);
}

static void
entry_free (gpointer data)
{
  RedressZipEntry *e = data;

  g_free (e->name);
  g_clear_pointer (&e->data, g_bytes_unref);
  g_free (e);
}

/**
 * redress_zip_read_entries:
 *
 * Returns: (transfer full) (element-type RedressZipEntry): the zip's
 *   entries in order.
 */
GPtrArray *
redress_zip_read_entries (GBytes  *zip,
                          GError **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func (entry_free);
  gsize size;
  const void *data = g_bytes_get_data (zip, &size);
  int rc;

  archive_read_support_format_zip (a);
  if (archive_read_open_memory (a, data, size) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Not a zip file: %s"),
                   archive_error_string (a));
      archive_read_free (a);
      return NULL;
    }
  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) content = g_byte_array_new ();
      char buffer[8192];
      la_ssize_t n;
      RedressZipEntry *e;

      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        g_byte_array_append (content, (const guint8 *) buffer, (guint) n);
      if (n < 0)
        {
          rc = ARCHIVE_FATAL;
          break;
        }
      e = g_new0 (RedressZipEntry, 1);
      e->name = g_strdup (archive_entry_pathname (entry));
      e->data = g_byte_array_free_to_bytes (g_steal_pointer (&content));
      g_ptr_array_add (ret, e);
    }
  if (rc != ARCHIVE_EOF)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The zip file is damaged: %s"),
                   archive_error_string (a) != NULL ? archive_error_string (a) : "");
      archive_read_free (a);
      return NULL;
    }
  archive_read_free (a);
  return g_steal_pointer (&ret);
}
