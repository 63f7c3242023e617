/* redress-procedure.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The procedural history of a case, the stages derived from it, and the
 * deadlines the rule pack computes from it.
 */

#pragma once

#include <glib.h>

#include "redress-database.h"

G_BEGIN_DECLS

typedef struct
{
  char     *id;
  char     *case_id;
  char     *case_reference;
  char     *rule_id;
  char     *rule_pack_version;
  char     *trigger_event_id;
  char     *trigger_date;
  char     *trigger_date_alt;  /* D01: the notification date beside the decision date */
  char     *computed_due;
  char     *letter_due;        /* the date printed in the Committee's letter */
  char     *extended_due;      /* the latest extension */
  char     *status;            /* open, done, waived, superseded */
  char     *closed_on;
  char     *closed_by;
  char     *waive_reason;
  gboolean  urgent;
  gboolean  manual;
  gboolean  in_force;          /* D08: interim measures in force, no breach recorded (OP3 art 6) */
  char     *breach_on;         /* D08: the date a non-compliance was recorded, or NULL */
} RedressDeadlineInfo;

void        redress_deadline_info_free              (RedressDeadlineInfo *info);
const char *redress_deadline_info_get_due           (const RedressDeadlineInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressDeadlineInfo, redress_deadline_info_free)

#define REDRESS_EVENT_DEADLINE_EXTENDED "deadline_extended"

char       *redress_procedure_find_case             (RedressDatabase  *db,
                                                     const char       *reference_or_id,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_procedure_record_event          (RedressDatabase  *db,
                                                     const char       *case_id,
                                                     const char       *track,
                                                     const char       *event,
                                                     const char       *occurred_on,
                                                     const char       *letter_ref,
                                                     const char       *letter_due,
                                                     const char       *note,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
char       *redress_procedure_record_extension      (RedressDatabase  *db,
                                                     const char       *case_id,
                                                     const char       *rule_id,
                                                     const char       *occurred_on,
                                                     const char       *letter_ref,
                                                     const char       *new_due,
                                                     const char       *note,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    redress_procedure_correct_event         (RedressDatabase  *db,
                                                     const char       *event_id,
                                                     const char       *occurred_on,
                                                     const char       *letter_ref,
                                                     const char       *letter_due,
                                                     const char       *note,
                                                     GError          **error);
gboolean    redress_procedure_delete_event          (RedressDatabase  *db,
                                                     const char       *event_id,
                                                     GError          **error);
char       *redress_procedure_get_stage             (RedressDatabase  *db,
                                                     const char       *case_id,
                                                     const char       *track,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    redress_procedure_recompute             (RedressDatabase  *db,
                                                     const char       *case_id,
                                                     GError          **error);
gboolean    redress_procedure_recompute_all         (RedressDatabase  *db,
                                                     GError          **error);
gboolean    redress_procedure_ensure_rule_pack      (RedressDatabase  *db,
                                                     GError          **error);
gboolean    redress_procedure_follow_remedies       (RedressDatabase     *db,
                                                     const char * const  *remedy_ids,
                                                     GError             **error);
void        redress_procedure_watch                 (RedressDatabase  *db);
gboolean    redress_procedure_mark_done             (RedressDatabase  *db,
                                                     const char       *deadline_id,
                                                     const char       *done_on,
                                                     const char       *done_by,
                                                     GError          **error);
gboolean    redress_procedure_waive                 (RedressDatabase  *db,
                                                     const char       *deadline_id,
                                                     const char       *reason,
                                                     GError          **error);
gboolean    redress_procedure_reopen                (RedressDatabase  *db,
                                                     const char       *deadline_id,
                                                     GError          **error);
GPtrArray  *redress_procedure_list_deadlines        (RedressDatabase  *db,
                                                     const char       *case_id,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *redress_procedure_list_open_deadlines   (RedressDatabase  *db,
                                                     const char       *from,
                                                     const char       *to,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *redress_procedure_list_overdue          (RedressDatabase  *db,
                                                     const char       *today,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv       redress_procedure_list_cases_without_open_deadline (RedressDatabase *db,
                                                     GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
