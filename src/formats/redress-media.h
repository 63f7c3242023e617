/* redress-media.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Redress reads inside evidence files: PDF page counts and thumbnails of
 * images and PDF first pages (poppler-glib, gdk-pixbuf), cached in the docket.
 */

#pragma once

#include <gio/gio.h>

#include "redress-evidence-store.h"

G_BEGIN_DECLS

int       redress_media_pdf_page_count     (const char                *path,
                                            GError                   **error);
int       redress_media_inspect            (const char                *path,
                                            const char                *mime_type,
                                            gpointer                   user_data);
void      redress_media_setup_store        (RedressEvidenceStore      *store);
gboolean  redress_media_can_thumbnail      (const char                *mime_type);
GBytes   *redress_media_render_thumbnail   (const char                *path,
                                            const char                *mime_type,
                                            int                        size,
                                            GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes   *redress_media_get_thumbnail      (RedressEvidenceStore      *store,
                                            const RedressEvidenceInfo *info,
                                            int                        size,
                                            GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
void      redress_media_get_thumbnail_async  (RedressEvidenceStore      *store,
                                              const RedressEvidenceInfo *info,
                                              int                        size,
                                              GCancellable              *cancellable,
                                              GAsyncReadyCallback        callback,
                                              gpointer                   user_data);
GBytes   *redress_media_get_thumbnail_finish (RedressEvidenceStore      *store,
                                              GAsyncResult              *result,
                                              GError                   **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
