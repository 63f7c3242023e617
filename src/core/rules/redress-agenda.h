/* redress-agenda.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deadline tracker's view of the docket: open deadlines grouped by how
 * soon they fall due, cases with no deadline set, and the record of calendar
 * exports.  Every function that depends on the date takes "today" (an ISO
 * date) or "now" from the caller, so tests can move the clock.
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

typedef enum
{
  REDRESS_AGENDA_GROUP_OVERDUE,
  REDRESS_AGENDA_GROUP_TODAY,
  REDRESS_AGENDA_GROUP_THIS_WEEK,   /* tomorrow to today + 7 days */
  REDRESS_AGENDA_GROUP_LATER,
  REDRESS_AGENDA_GROUP_NO_DATE,     /* open, but no due date could be computed */
  REDRESS_AGENDA_N_GROUPS
} RedressAgendaGroup;

/* Who must act, as the rule pack says it (deadlines.csv, column "who"). */
typedef enum
{
  REDRESS_AGENDA_ACTOR_ANY = 0,     /* in a filter: everyone */
  REDRESS_AGENDA_ACTOR_AUTHOR,
  REDRESS_AGENDA_ACTOR_STATE,
  REDRESS_AGENDA_ACTOR_COMMITTEE,
  REDRESS_AGENDA_ACTOR_OTHER,       /* either party, depositary ... */
} RedressAgendaActor;

#define REDRESS_TYPE_AGENDA_ITEM (redress_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (RedressAgendaItem, redress_agenda_item, REDRESS, AGENDA_ITEM, GObject)

const char         *redress_agenda_item_get_deadline_id    (RedressAgendaItem *self);
const char         *redress_agenda_item_get_case_id        (RedressAgendaItem *self);
const char         *redress_agenda_item_get_case_reference (RedressAgendaItem *self);
const char         *redress_agenda_item_get_case_title     (RedressAgendaItem *self);
const char         *redress_agenda_item_get_child_names    (RedressAgendaItem *self);
const char         *redress_agenda_item_get_state_code     (RedressAgendaItem *self);
const char         *redress_agenda_item_get_rule_id        (RedressAgendaItem *self);
const char         *redress_agenda_item_get_what           (RedressAgendaItem *self);
const char         *redress_agenda_item_get_who            (RedressAgendaItem *self);
RedressAgendaActor  redress_agenda_item_get_actor          (RedressAgendaItem *self);
const char         *redress_agenda_item_get_legal_source   (RedressAgendaItem *self);
const char         *redress_agenda_item_get_computed_due   (RedressAgendaItem *self);
const char         *redress_agenda_item_get_letter_due     (RedressAgendaItem *self);
const char         *redress_agenda_item_get_extended_due   (RedressAgendaItem *self);
const char         *redress_agenda_item_get_due            (RedressAgendaItem *self);
const char         *redress_agenda_item_get_status         (RedressAgendaItem *self);
gboolean            redress_agenda_item_get_urgent         (RedressAgendaItem *self);
const char         *redress_agenda_item_get_closed_on      (RedressAgendaItem *self);
const char         *redress_agenda_item_get_closed_by      (RedressAgendaItem *self);
const char         *redress_agenda_item_get_waive_reason   (RedressAgendaItem *self);
const char         *redress_agenda_item_get_updated_at     (RedressAgendaItem *self);
const char         *redress_agenda_item_get_trigger_date   (RedressAgendaItem *self);
const char         *redress_agenda_item_get_trigger_date_alt (RedressAgendaItem *self);
const char         *redress_agenda_item_get_breach_on      (RedressAgendaItem *self);
gboolean            redress_agenda_item_get_in_force       (RedressAgendaItem *self);
char               *redress_agenda_item_describe_start     (RedressAgendaItem *self) G_GNUC_WARN_UNUSED_RESULT;
const char         *redress_agenda_item_get_today          (RedressAgendaItem *self);
int                 redress_agenda_item_get_days_left      (RedressAgendaItem *self);
RedressAgendaGroup  redress_agenda_item_get_group          (RedressAgendaItem *self);
char               *redress_agenda_item_describe_days_left (RedressAgendaItem *self) G_GNUC_WARN_UNUSED_RESULT;

typedef struct
{
  RedressAgendaActor  actor;        /* REDRESS_AGENDA_ACTOR_ANY for all */
  const char         *state_code;   /* NULL or "" for all States */
  const char         *case_id;      /* NULL or "" for all cases */
} RedressAgendaFilter;

#define REDRESS_TYPE_AGENDA_CASE (redress_agenda_case_get_type ())

G_DECLARE_FINAL_TYPE (RedressAgendaCase, redress_agenda_case, REDRESS, AGENDA_CASE, GObject)

const char *redress_agenda_case_get_case_id    (RedressAgendaCase *self);
const char *redress_agenda_case_get_reference  (RedressAgendaCase *self);
const char *redress_agenda_case_get_stage      (RedressAgendaCase *self);
const char *redress_agenda_case_get_state_code (RedressAgendaCase *self);

/* Date helpers.  @today is "YYYY-MM-DD". */
char               *redress_agenda_today_from_clock    (GDateTime   *now) G_GNUC_WARN_UNUSED_RESULT;
RedressAgendaGroup  redress_agenda_group_for_due       (const char  *due,
                                                        const char  *today);
const char         *redress_agenda_group_get_title     (RedressAgendaGroup group);
RedressAgendaActor  redress_agenda_actor_from_who      (const char  *who);
const char         *redress_agenda_actor_get_label     (RedressAgendaActor actor);

/* Queries.  Each returns a GListStore of RedressAgendaItem (or
 * RedressAgendaCase), sorted by due date then case reference. */
GListModel *redress_agenda_list_open           (RedressDatabase            *db,
                                                const char                 *today,
                                                const RedressAgendaFilter  *filter,
                                                GError                    **error) G_GNUC_WARN_UNUSED_RESULT;
GListModel *redress_agenda_list_history        (RedressDatabase            *db,
                                                const char                 *case_id,
                                                const char                 *today,
                                                GError                    **error) G_GNUC_WARN_UNUSED_RESULT;
GListModel *redress_agenda_list_for_export     (RedressDatabase            *db,
                                                const char                 *case_id,
                                                const char                 *today,
                                                GError                    **error) G_GNUC_WARN_UNUSED_RESULT;
GListModel *redress_agenda_list_cases_without_deadline (RedressDatabase    *db,
                                                const RedressAgendaFilter  *filter,
                                                GError                    **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv       redress_agenda_list_state_codes    (RedressDatabase            *db,
                                                GError                    **error) G_GNUC_WARN_UNUSED_RESULT;
guint       redress_agenda_count_overdue       (RedressDatabase            *db,
                                                const char                 *today,
                                                GError                    **error);
gboolean    redress_agenda_count_groups        (GListModel                 *items,
                                                guint                       counts[REDRESS_AGENDA_N_GROUPS]);

/* Calendar export bookkeeping (RFC 5545 UID and SEQUENCE). */
gboolean    redress_agenda_record_export       (RedressDatabase            *db,
                                                const char                 *deadline_id,
                                                const char                 *content_hash,
                                                char                      **out_uid,
                                                int                        *out_sequence,
                                                GError                    **error);

G_END_DECLS
