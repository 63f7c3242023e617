/* redress-export.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "redress-composer.h"

G_BEGIN_DECLS

#define REDRESS_EXPORT_ERROR (redress_export_error_quark ())

typedef enum
{
  REDRESS_EXPORT_ERROR_FAILED,
  REDRESS_EXPORT_ERROR_LEAK,     /* a protected string is in a public document */
  REDRESS_EXPORT_ERROR_INVALID,  /* the output does not read back */
} RedressExportError;

typedef enum
{
  REDRESS_EXPORT_PDF,
  REDRESS_EXPORT_ODT,
  REDRESS_EXPORT_DOCX,
} RedressExportFormat;

GQuark      redress_export_error_quark    (void);
gboolean    redress_export_format_from_path (const char          *path,
                                           RedressExportFormat *format);
const char *redress_export_format_extension (RedressExportFormat format);
GBytes     *redress_export_render         (RedressDocument     *doc,
                                           RedressExportFormat  format,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_export_extract_text   (GBytes              *bytes,
                                           RedressExportFormat  format,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    redress_export_check_leaks    (RedressRedactor     *redactor,
                                           GBytes              *bytes,
                                           RedressExportFormat  format,
                                           GPtrArray           *leaks,
                                           GError             **error);
GBytes     *redress_composition_export    (RedressComposition  *composition,
                                           RedressExportFormat  format,
                                           GPtrArray          **out_leaks,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
