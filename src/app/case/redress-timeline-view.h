/* redress-timeline-view.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_TIMELINE_VIEW (redress_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (RedressTimelineView, redress_timeline_view, REDRESS, TIMELINE_VIEW, GtkBox)

GtkWidget *redress_timeline_view_new      (RedressDatabase     *db);
void       redress_timeline_view_set_case (RedressTimelineView *self,
                                           const char          *case_id);
guint      redress_timeline_view_get_n_entries (RedressTimelineView *self);

G_END_DECLS
