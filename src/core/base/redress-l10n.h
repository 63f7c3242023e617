/* redress-l10n.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The languages of the window and of documents: which language the window
 * speaks, catalogues read for another language without touching the process
 * locale (a French draft while the window is English), country names from
 * iso-codes, dates as the window's language writes them, and folding and
 * collation for searching and sorting names.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        redress_l10n_bind_textdomain (void);
const char *redress_l10n_get_localedir   (void);
const char *redress_l10n_ui_language     (void);

const char *redress_l10n_lookup          (const char *localedir,
                                          const char *domain,
                                          const char *lang,
                                          const char *msgid);
const char *redress_l10n_gettext         (const char *lang,
                                          const char *msgid);

const char *redress_l10n_country_name    (const char *code,
                                          const char *english_name,
                                          const char *lang);

char       *redress_l10n_fold            (const char *text) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_l10n_collate_key     (const char *text) G_GNUC_WARN_UNUSED_RESULT;

char       *redress_l10n_format_date     (const char *iso) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_l10n_format_date_short (const char *iso) G_GNUC_WARN_UNUSED_RESULT;

char       *redress_bidi_isolate         (const char *text) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_bidi_case_title      (const char *title) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
