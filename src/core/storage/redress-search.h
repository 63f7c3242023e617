/* redress-search.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_SEARCH_HIT (redress_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (RedressSearchHit, redress_search_hit, REDRESS, SEARCH_HIT, GObject)

const char *redress_search_hit_get_case_id          (RedressSearchHit  *self);
const char *redress_search_hit_get_reference        (RedressSearchHit  *self);
const char *redress_search_hit_get_title            (RedressSearchHit  *self);
const char *redress_search_hit_get_snippet          (RedressSearchHit  *self);
char       *redress_search_hit_dup_snippet_markup   (RedressSearchHit  *self) G_GNUC_WARN_UNUSED_RESULT;
double      redress_search_hit_get_rank             (RedressSearchHit  *self);
const char *redress_search_hit_get_source           (RedressSearchHit  *self);

char       *redress_search_build_match              (const char        *query) G_GNUC_WARN_UNUSED_RESULT;

void        redress_search_async                    (RedressDatabase   *db,
                                                     const char        *query,
                                                     guint              limit,
                                                     GCancellable      *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer           user_data);
GListModel *redress_search_finish                   (RedressDatabase   *db,
                                                     GAsyncResult      *result,
                                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GListModel *redress_search_run                      (RedressDatabase   *db,
                                                     const char        *query,
                                                     guint              limit,
                                                     GCancellable      *cancellable,
                                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
