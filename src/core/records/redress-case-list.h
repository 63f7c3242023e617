/* redress-case-list.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

/* The order of the docket list; ties are broken by reference. */
typedef enum
{
  REDRESS_CASE_SORT_REFERENCE,
  REDRESS_CASE_SORT_TITLE,
  REDRESS_CASE_SORT_STATE,
  REDRESS_CASE_SORT_KIND,
  REDRESS_CASE_SORT_STAGE,
  REDRESS_CASE_SORT_NEXT_DEADLINE,  /* cases without an open deadline come last */
  REDRESS_CASE_SORT_UPDATED,
} RedressCaseSort;

#define REDRESS_TYPE_CASE_SORT (redress_case_sort_get_type ())
GType redress_case_sort_get_type (void) G_GNUC_CONST;

#define REDRESS_TYPE_CASE_LIST (redress_case_list_get_type ())

G_DECLARE_FINAL_TYPE (RedressCaseList, redress_case_list, REDRESS, CASE_LIST, GObject)

RedressCaseList *redress_case_list_new                  (RedressDatabase *db) G_GNUC_WARN_UNUSED_RESULT;
RedressDatabase *redress_case_list_get_database         (RedressCaseList *self);
const char      *redress_case_list_get_kind             (RedressCaseList *self);
void             redress_case_list_set_kind             (RedressCaseList *self,
                                                         const char      *kind);
const char      *redress_case_list_get_stage            (RedressCaseList *self);
void             redress_case_list_set_stage            (RedressCaseList *self,
                                                         const char      *stage);
const char      *redress_case_list_get_state_code       (RedressCaseList *self);
void             redress_case_list_set_state_code       (RedressCaseList *self,
                                                         const char      *state_code);
gboolean         redress_case_list_get_overdue_only     (RedressCaseList *self);
void             redress_case_list_set_overdue_only     (RedressCaseList *self,
                                                         gboolean         overdue_only);
gboolean         redress_case_list_get_without_deadline (RedressCaseList *self);
void             redress_case_list_set_without_deadline (RedressCaseList *self,
                                                         gboolean         without_deadline);
RedressCaseSort  redress_case_list_get_sort_key         (RedressCaseList *self);
void             redress_case_list_set_sort_key         (RedressCaseList *self,
                                                         RedressCaseSort  sort_key);
gboolean         redress_case_list_get_sort_descending  (RedressCaseList *self);
void             redress_case_list_set_sort_descending  (RedressCaseList *self,
                                                         gboolean         sort_descending);
const char      *redress_case_list_get_today            (RedressCaseList *self);
void             redress_case_list_set_today            (RedressCaseList *self,
                                                         const char      *today);
gboolean         redress_case_list_get_loading          (RedressCaseList *self);
void             redress_case_list_reload               (RedressCaseList *self);

G_END_DECLS
