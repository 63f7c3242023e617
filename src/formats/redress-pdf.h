/* redress-pdf.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "redress-document.h"

G_BEGIN_DECLS

/* A4 in PostScript points. */
#define REDRESS_PAGE_WIDTH  595.276
#define REDRESS_PAGE_HEIGHT 841.890

typedef struct _RedressPages RedressPages;

RedressPages *redress_pages_new        (RedressDocument  *doc) G_GNUC_WARN_UNUSED_RESULT;
void          redress_pages_free       (RedressPages     *self);
guint         redress_pages_get_n_pages (RedressPages    *self);
guint         redress_pages_get_block_page (RedressPages *self,
                                            guint         index);
void          redress_pages_draw       (RedressPages     *self,
                                        cairo_t          *cr,
                                        guint             page);
GBytes       *redress_pages_write_pdf  (RedressPages     *self,
                                        GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes       *redress_document_write_pdf (RedressDocument *doc,
                                        GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressPages, redress_pages_free)

G_END_DECLS
