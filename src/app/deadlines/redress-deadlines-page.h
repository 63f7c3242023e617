/* redress-deadlines-page.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_DEADLINES_PAGE (redress_deadlines_page_get_type ())

G_DECLARE_FINAL_TYPE (RedressDeadlinesPage, redress_deadlines_page, REDRESS, DEADLINES_PAGE, AdwBin)

GtkWidget       *redress_deadlines_page_new               (void);
RedressDatabase *redress_deadlines_page_get_database      (RedressDeadlinesPage *self);
void             redress_deadlines_page_set_database      (RedressDeadlinesPage *self,
                                                           RedressDatabase      *database);
const char      *redress_deadlines_page_get_today         (RedressDeadlinesPage *self);
void             redress_deadlines_page_set_today         (RedressDeadlinesPage *self,
                                                           const char           *today);
guint            redress_deadlines_page_get_overdue_count (RedressDeadlinesPage *self);
guint            redress_deadlines_page_get_group_count   (RedressDeadlinesPage *self,
                                                           guint                 group);
guint            redress_deadlines_page_get_no_deadline_count (RedressDeadlinesPage *self);
void             redress_deadlines_page_reload            (RedressDeadlinesPage *self);
GtkWidget       *redress_deadlines_page_create_badge      (RedressDeadlinesPage *self);

G_END_DECLS
