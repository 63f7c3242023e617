/* redress-media.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thumbnails are rendered from the stored original and cached inside the
 * docket (redress_evidence_store_save_thumbnail()), never in the desktop's
 * shared thumbnail cache: they can show a child's face.
 */

#define G_LOG_DOMAIN "redress-media"

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "redress-media.h"

/* poppler-glib 22.12 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static PopplerDocument *
open_pdf (const char  *path,
          GError     **error)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, error);
  PopplerDocument *doc;
  g_autoptr(GError) local_error = NULL;

  if (uri == NULL)
    return NULL;
  doc = poppler_document_new_from_file (uri, NULL, &local_error);
  if (doc == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The PDF cannot be read (it may be damaged or password-protected): %s"),
                 local_error->message);
  return doc;
}

/**
 * redress_media_pdf_page_count:
 *
 * Returns: the number of pages of the PDF at @path, or -1 with @error set.
 */
int
redress_media_pdf_page_count (const char  *path,
                              GError     **error)
{
  g_autoptr(PopplerDocument) doc = open_pdf (path, error);

  return doc != NULL ? poppler_document_get_n_pages (doc) : -1;
}

/* A RedressEvidenceInspectFunc: what the file says beyond its MIME type. */
int
redress_media_inspect (const char *path,
                       const char *mime_type,
                       gpointer    user_data)
{
  if (g_strcmp0 (mime_type, "application/pdf") == 0)
    return redress_media_pdf_page_count (path, NULL);
  return -1;
}

/**
 * redress_media_setup_store:
 *
 * Lets @store count PDF pages at intake.
 */
void
redress_media_setup_store (RedressEvidenceStore *store)
{
  redress_evidence_store_set_inspector (store, redress_media_inspect, NULL);
}

gboolean
redress_media_can_thumbnail (const char *mime_type)
{
  if (mime_type == NULL)
    return FALSE;
  if (g_str_equal (mime_type, "application/pdf"))
    return TRUE;
  if (g_str_has_prefix (mime_type, "image/"))
    {
      g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

      for (GSList *l = formats; l != NULL; l = l->next)
        {
          g_auto(GStrv) types = gdk_pixbuf_format_get_mime_types (l->data);

          if (types != NULL && g_strv_contains ((const char * const *) types, mime_type))
            return TRUE;
        }
    }
  return FALSE;
}

static cairo_status_t
write_png_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_pdf (const char  *path,
            int          size,
            GError     **error)
{
  g_autoptr(PopplerDocument) doc = open_pdf (path, error);
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GByteArray) png = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h, scale;
  cairo_status_t status;

  if (doc == NULL)
    return NULL;
  if (poppler_document_get_n_pages (doc) < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The PDF has no pages."));
      return NULL;
    }
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  if (w <= 0 || h <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The PDF’s first page is empty."));
      return NULL;
    }
  scale = size / MAX (w, h);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (1, (int) ceil (w * scale)),
                                        MAX (1, (int) ceil (h * scale)));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);

  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, write_png_cb, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the thumbnail: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static GBytes *
render_image (const char  *path,
              int          size,
              GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GError) local_error = NULL;
  gchar *buffer = NULL;
  gsize len = 0;

  pixbuf = gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, &local_error);
  if (pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The image cannot be read: %s"),
                   local_error->message);
      return NULL;
    }
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (!gdk_pixbuf_save_to_buffer (oriented, &buffer, &len, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (buffer, len);
}

/**
 * redress_media_render_thumbnail:
 * @size: the longest side, in pixels
 *
 * Renders a PNG thumbnail of an image or of a PDF's first page.  Thread-safe.
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set.
 */
GBytes *
redress_media_render_thumbnail (const char  *path,
                                const char  *mime_type,
                                int          size,
                                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (size > 0, NULL);

  if (g_strcmp0 (mime_type, "application/pdf") == 0)
    return render_pdf (path, size, error);
  if (redress_media_can_thumbnail (mime_type))
    return render_image (path, size, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("There is no preview for files of type %s."), mime_type ? mime_type : "?");
  return NULL;
}

/**
 * redress_media_get_thumbnail:
 *
 * The cached thumbnail of @info, rendered and cached first when needed.
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set.
 */
GBytes *
redress_media_get_thumbnail (RedressEvidenceStore      *store,
                             const RedressEvidenceInfo *info,
                             int                        size,
                             GError                   **error)
{
  g_autofree char *path = NULL;
  GBytes *png;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (store), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  png = redress_evidence_store_lookup_thumbnail (store, info->sha256, size);
  if (png != NULL)
    return png;

  path = redress_evidence_store_get_readable_path (store, info->sha256, info->original_name, error);
  if (path == NULL)
    return NULL;
  png = redress_media_render_thumbnail (path, info->mime_type, size, error);
  redress_evidence_store_release_readable_path (store, path);
  if (png != NULL && !redress_database_get_read_only (redress_evidence_store_get_database (store)))
    redress_evidence_store_save_thumbnail (store, info->sha256, size, png, NULL);
  return png;
}

typedef struct
{
  RedressEvidenceStore *store;
  char *original_name;
  char *mime_type;
  char *sha256;
  int   size;
} ThumbData;

static void
thumb_data_free (gpointer data)
{
  ThumbData *d = data;

  g_clear_object (&d->store);
  g_free (d->original_name);
  g_free (d->mime_type);
  g_free (d->sha256);
  g_free (d);
}

static void
thumb_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ThumbData *d = task_data;
  GError *error = NULL;
  GBytes *png = NULL;
  /* A sealed original is decrypted into the private folder and wiped at once. */
  g_autofree char *path = redress_evidence_store_get_readable_path (d->store, d->sha256,
                                                                    d->original_name, &error);

  if (path != NULL)
    {
      png = redress_media_render_thumbnail (path, d->mime_type, d->size, &error);
      redress_evidence_store_release_readable_path (d->store, path);
    }

  if (png == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);
}

/* Renders in a thread with no source object; the outer task, holding the
 * store, caches the result on the main context. */
static void
thumb_worker_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  RedressEvidenceStore *store = g_task_get_source_object (outer);
  ThumbData *d = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GBytes *png = g_task_propagate_pointer (G_TASK (result), &error);

  if (png == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  if (!redress_database_get_read_only (redress_evidence_store_get_database (store)))
    redress_evidence_store_save_thumbnail (store, d->sha256, d->size, png, NULL);
  g_task_return_pointer (outer, png, (GDestroyNotify) g_bytes_unref);
}

void
redress_media_get_thumbnail_async (RedressEvidenceStore      *store,
                                   const RedressEvidenceInfo *info,
                                   int                        size,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) worker = NULL;
  GBytes *cached;
  ThumbData *d;

  g_return_if_fail (REDRESS_IS_EVIDENCE_STORE (store));
  g_return_if_fail (info != NULL);

  outer = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (outer, redress_media_get_thumbnail_async);

  cached = redress_evidence_store_lookup_thumbnail (store, info->sha256, size);
  if (cached != NULL)
    {
      g_task_return_pointer (outer, cached, (GDestroyNotify) g_bytes_unref);
      return;
    }

  d = g_new0 (ThumbData, 1);
  d->store = g_object_ref (store);
  d->original_name = g_strdup (info->original_name);
  d->mime_type = g_strdup (info->mime_type);
  d->sha256 = g_strdup (info->sha256);
  d->size = size;
  worker = g_task_new (NULL, cancellable, thumb_worker_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (worker, thumb_worker);
  g_task_set_task_data (worker, d, thumb_data_free);
  g_task_run_in_thread (worker, thumb_worker);
}

GBytes *
redress_media_get_thumbnail_finish (RedressEvidenceStore  *store,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
