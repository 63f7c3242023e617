/* redress-zip.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Zip files in memory, with libarchive: the ODT and DOCX writers' container,
 * and the reader the export check and the tests open them with.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  GBytes *data;
} RedressZipEntry;

typedef struct _RedressZipWriter RedressZipWriter;

RedressZipWriter *redress_zip_writer_new        (GError           **error);
void              redress_zip_writer_free       (RedressZipWriter  *self);
void              redress_zip_writer_set_stored (RedressZipWriter  *self,
                                                 gboolean           stored);
gboolean          redress_zip_writer_add        (RedressZipWriter  *self,
                                                 const char        *name,
                                                 GBytes            *data,
                                                 gint64             mtime,
                                                 GError           **error);
GByteArray       *redress_zip_writer_finish     (RedressZipWriter  *self,
                                                 GError           **error) G_GNUC_WARN_UNUSED_RESULT;

GPtrArray        *redress_zip_read_entries      (GBytes            *zip,
                                                 GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressZipWriter, redress_zip_writer_free)

G_END_DECLS
