/* redress-composer-page.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"
#include "redress-export.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_COMPOSER_PAGE (redress_composer_page_get_type ())

G_DECLARE_FINAL_TYPE (RedressComposerPage, redress_composer_page, REDRESS, COMPOSER_PAGE, AdwBin)

GtkWidget  *redress_composer_page_new          (void);
void        redress_composer_page_set_database (RedressComposerPage *self,
                                                RedressDatabase     *database);
void        redress_composer_page_set_case     (RedressComposerPage *self,
                                                const char          *case_id);
const char *redress_composer_page_get_case     (RedressComposerPage *self);
guint       redress_composer_page_get_n_pages  (RedressComposerPage *self);
guint       redress_composer_page_get_n_issues (RedressComposerPage *self);
void        redress_composer_page_set_section_text (RedressComposerPage *self,
                                                const char          *section_id,
                                                const char          *text);
void        redress_composer_page_set_options  (RedressComposerPage *self,
                                                const char          *document,
                                                const char          *language,
                                                const char          *profile);
gboolean    redress_composer_page_flush        (RedressComposerPage *self);
GBytes     *redress_composer_page_export       (RedressComposerPage  *self,
                                                RedressExportFormat   format,
                                                GError              **error) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_composer_page_get_preview_text (RedressComposerPage *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
