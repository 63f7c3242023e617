/* redress-agenda.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deadline tracker's queries.  The deadlines themselves are computed,
 * closed and extended by the procedure engine (redress-procedure.c); this
 * file only reads them, groups them by date and keeps the record of what was
 * exported to calendars.
 */

#define G_LOG_DOMAIN "redress-agenda"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-agenda.h"
#include "redress-database-private.h"
#include "redress-date.h"
#include "redress-deadline-rules.h"
#include "redress-procedure.h"
#include "redress-util.h"

/* The date a deadline falls due: an extension granted by the Committee wins,
 * then the date printed in the Committee's letter, then the computed default
 * (domain brief, section 3.1: "the letter's due date wins"). */
#define DUE_SQL "COALESCE (d.extended_due, d.letter_due, d.computed_due)"

/* OP3 art 6 [V]: D08 open means the interim measures are in force; only a
 * recorded non-compliance is a breach to flag. */
#define BREACH_SQL \
  "(SELECT min (e.occurred_on) FROM procedural_event e WHERE e.case_id = d.case_id " \
  "AND e.track = 'interim' AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)"
#define IN_FORCE_SQL "(d.rule_id = 'D08' AND d.status = 'open' AND " BREACH_SQL " IS NULL)"

#define ITEM_COLUMNS \
  "d.id, d.case_id, c.reference, c.title, c.state_code, d.rule_id, d.computed_due, d.letter_due, " \
  "d.extended_due, " DUE_SQL ", d.status, d.urgent, d.closed_on, d.closed_by, d.waive_reason, " \
  "d.updated_at, d.trigger_date, " \
  "(SELECT group_concat (trim (p.given_name || ' ' || p.family_name || " \
  "                            CASE WHEN p.alias <> '' THEN ' (' || p.alias || ')' ELSE '' END), ', ') " \
  "   FROM case_party cp JOIN person p ON p.id = cp.person_id " \
  "  WHERE cp.case_id = c.id AND cp.role = 'victim'), " \
  "d.trigger_date_alt, " IN_FORCE_SQL ", CASE d.rule_id WHEN 'D08' THEN " BREACH_SQL " END "

struct _RedressAgendaItem
{
  GObject             parent_instance;

  char               *deadline_id;
  char               *case_id;
  char               *case_reference;
  char               *case_title;
  char               *child_names;
  char               *state_code;
  char               *rule_id;
  char               *what;
  char               *who;
  char               *legal_source;
  char               *computed_due;
  char               *letter_due;
  char               *extended_due;
  char               *due;
  char               *status;
  char               *closed_on;
  char               *closed_by;
  char               *waive_reason;
  char               *updated_at;
  char               *trigger_date;
  char               *trigger_date_alt;
  char               *breach_on;
  char               *today;
  int                 days_left;
  RedressAgendaActor  actor;
  RedressAgendaGroup  group;
  guint               urgent : 1;
  guint               in_force : 1;
};

G_DEFINE_FINAL_TYPE (RedressAgendaItem, redress_agenda_item, G_TYPE_OBJECT)

static void
redress_agenda_item_finalize (GObject *object)
{
  RedressAgendaItem *self = (RedressAgendaItem *)object;

  g_free (self->deadline_id);
  g_free (self->case_id);
  g_free (self->case_reference);
  g_free (self->case_title);
  g_free (self->child_names);
  g_free (self->state_code);
  g_free (self->rule_id);
  g_free (self->what);
  g_free (self->who);
  g_free (self->legal_source);
  g_free (self->computed_due);
  g_free (self->letter_due);
  g_free (self->extended_due);
  g_free (self->due);
  g_free (self->status);
  g_free (self->closed_on);
  g_free (self->closed_by);
  g_free (self->waive_reason);
  g_free (self->updated_at);
  g_free (self->trigger_date);
  g_free (self->trigger_date_alt);
  g_free (self->breach_on);
  g_free (self->today);

  G_OBJECT_CLASS (redress_agenda_item_parent_class)->finalize (object);
}

static void
redress_agenda_item_class_init (RedressAgendaItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = redress_agenda_item_finalize;
}

static void
redress_agenda_item_init (RedressAgendaItem *self)
{
}

#define ITEM_GETTER(field) \
  const char * \
  redress_agenda_item_get_##field (RedressAgendaItem *self) \
  { \
    g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), NULL); \
    return self->field; \
  }

ITEM_GETTER (deadline_id)
ITEM_GETTER (case_id)
ITEM_GETTER (case_reference)
ITEM_GETTER (case_title)
ITEM_GETTER (child_names)
ITEM_GETTER (state_code)
ITEM_GETTER (rule_id)
ITEM_GETTER (what)
ITEM_GETTER (who)
ITEM_GETTER (legal_source)
ITEM_GETTER (computed_due)
ITEM_GETTER (letter_due)
ITEM_GETTER (extended_due)
ITEM_GETTER (due)
ITEM_GETTER (status)
ITEM_GETTER (closed_on)
ITEM_GETTER (closed_by)
ITEM_GETTER (waive_reason)
ITEM_GETTER (updated_at)
ITEM_GETTER (trigger_date)
ITEM_GETTER (trigger_date_alt)
ITEM_GETTER (breach_on)
ITEM_GETTER (today)

/* D08 (OP3 art 6 [V]): the interim measures are in force and no breach is recorded. */
gboolean
redress_agenda_item_get_in_force (RedressAgendaItem *self)
{
  g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), FALSE);
  return self->in_force;
}

/**
 * redress_agenda_item_describe_start:
 *
 * Returns: (transfer full) (nullable): for D01 (OP3 art 7(h)), the final
 *   decision's date and its notification's, with the "start date [U]"
 *   caveat; %NULL for other rules.
 */
char *
redress_agenda_item_describe_start (RedressAgendaItem *self)
{
  g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), NULL);
  return redress_deadline_describe_start_of (self->rule_id, self->trigger_date, self->trigger_date_alt);
}

gboolean
redress_agenda_item_get_urgent (RedressAgendaItem *self)
{
  g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), FALSE);
  return self->urgent;
}

int
redress_agenda_item_get_days_left (RedressAgendaItem *self)
{
  g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), 0);
  return self->days_left;
}

RedressAgendaActor
redress_agenda_item_get_actor (RedressAgendaItem *self)
{
  g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), REDRESS_AGENDA_ACTOR_OTHER);
  return self->actor;
}

RedressAgendaGroup
redress_agenda_item_get_group (RedressAgendaItem *self)
{
  g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), REDRESS_AGENDA_GROUP_NO_DATE);
  return self->group;
}

/**
 * redress_agenda_item_describe_days_left:
 *
 * Returns: (transfer full): "Due today", "3 days left", "2 days overdue" ...
 *   counted from the "today" the item was loaded for.
 */
char *
redress_agenda_item_describe_days_left (RedressAgendaItem *self)
{
  int n;

  g_return_val_if_fail (REDRESS_IS_AGENDA_ITEM (self), NULL);

  if (self->in_force)
    return g_strdup_printf (_("In force since %s"), self->trigger_date ? self->trigger_date : "");
  if (self->breach_on != NULL)
    return g_strdup_printf (_("Breach recorded on %s"), self->breach_on);
  if (self->due == NULL)
    return g_strdup (_("No due date"));
  n = self->days_left;
  if (n == 0)
    return g_strdup (_("Due today"));
  if (n == 1)
    return g_strdup (_("Due tomorrow"));
  if (n > 0)
    return g_strdup_printf (ngettext ("%d day left", "%d days left", n), n);
  return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -n), -n);
}

struct _RedressAgendaCase
{
  GObject  parent_instance;

  char    *case_id;
  char    *reference;
  char    *stage;
  char    *state_code;
};

G_DEFINE_FINAL_TYPE (RedressAgendaCase, redress_agenda_case, G_TYPE_OBJECT)

static void
redress_agenda_case_finalize (GObject *object)
{
  RedressAgendaCase *self = (RedressAgendaCase *)object;

  g_free (self->case_id);
  g_free (self->reference);
  g_free (self->stage);
  g_free (self->state_code);

  G_OBJECT_CLASS (redress_agenda_case_parent_class)->finalize (object);
}

static void
redress_agenda_case_class_init (RedressAgendaCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = redress_agenda_case_finalize;
}

static void
redress_agenda_case_init (RedressAgendaCase *self)
{
}

#define CASE_GETTER(field) \
  const char * \
  redress_agenda_case_get_##field (RedressAgendaCase *self) \
  { \
    g_return_val_if_fail (REDRESS_IS_AGENDA_CASE (self), NULL); \
    return self->field; \
  }

CASE_GETTER (case_id)
CASE_GETTER (reference)
CASE_GETTER (stage)
CASE_GETTER (state_code)

/**
 * redress_agenda_today_from_clock:
 * @now: the clock's reading, in the user's time zone
 *
 * Returns: (transfer full): the calendar date of @now in its own time zone.
 *   Legal dates carry no zone: the day on the user's wall calendar is the one
 *   that counts.
 */
char *
redress_agenda_today_from_clock (GDateTime *now)
{
  g_return_val_if_fail (now != NULL, NULL);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_time_get_year (now),
                          g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

/**
 * redress_agenda_group_for_due:
 * @due: (nullable): the due date
 * @today: today's date
 *
 * Returns: the agenda group: overdue before @today, today, this week from
 *   tomorrow to seven days ahead, later after that.
 */
RedressAgendaGroup
redress_agenda_group_for_due (const char *due,
                              const char *today)
{
  int days;

  if (due == NULL || !redress_iso_date_days_between (today, due, &days))
    return REDRESS_AGENDA_GROUP_NO_DATE;
  if (days < 0)
    return REDRESS_AGENDA_GROUP_OVERDUE;
  if (days == 0)
    return REDRESS_AGENDA_GROUP_TODAY;
  if (days <= 7)
    return REDRESS_AGENDA_GROUP_THIS_WEEK;
  return REDRESS_AGENDA_GROUP_LATER;
}

const char *
redress_agenda_group_get_title (RedressAgendaGroup group)
{
  switch (group)
    {
    case REDRESS_AGENDA_GROUP_OVERDUE:
      return _("Overdue");
    case REDRESS_AGENDA_GROUP_TODAY:
      return _("Today");
    case REDRESS_AGENDA_GROUP_THIS_WEEK:
      return _("This week");
    case REDRESS_AGENDA_GROUP_LATER:
      return _("Later");
    case REDRESS_AGENDA_GROUP_NO_DATE:
      return _("No due date");
    case REDRESS_AGENDA_N_GROUPS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* deadlines.csv says "author", "State party", "Committee (may)", "either
 * party", "depositary", "author/app". */
RedressAgendaActor
redress_agenda_actor_from_who (const char *who)
{
  g_autofree char *lower = NULL;

  if (who == NULL || *who == '\0')
    return REDRESS_AGENDA_ACTOR_OTHER;
  lower = g_ascii_strdown (who, -1);
  if (g_str_has_prefix (lower, "author"))
    return REDRESS_AGENDA_ACTOR_AUTHOR;
  if (g_str_has_prefix (lower, "state"))
    return REDRESS_AGENDA_ACTOR_STATE;
  if (g_str_has_prefix (lower, "committee"))
    return REDRESS_AGENDA_ACTOR_COMMITTEE;
  return REDRESS_AGENDA_ACTOR_OTHER;
}

const char *
redress_agenda_actor_get_label (RedressAgendaActor actor)
{
  switch (actor)
    {
    case REDRESS_AGENDA_ACTOR_ANY:
      return _("Anyone");
    case REDRESS_AGENDA_ACTOR_AUTHOR:
      return _("Author");
    case REDRESS_AGENDA_ACTOR_STATE:
      return _("State party");
    case REDRESS_AGENDA_ACTOR_COMMITTEE:
      return _("Committee");
    case REDRESS_AGENDA_ACTOR_OTHER:
    default:
      return _("Other");
    }
}

static char *
dup_column (RedressStatement *stmt,
            int               col)
{
  return g_strdup (redress_statement_column_text (stmt, col));
}

static RedressAgendaItem *
item_from_row (RedressStatement *stmt,
               const char       *today)
{
  RedressAgendaItem *self = g_object_new (REDRESS_TYPE_AGENDA_ITEM, NULL);
  const RedressDeadlineRule *rule;

  self->deadline_id = dup_column (stmt, 0);
  self->case_id = dup_column (stmt, 1);
  self->case_reference = dup_column (stmt, 2);
  self->case_title = dup_column (stmt, 3);
  self->state_code = dup_column (stmt, 4);
  self->rule_id = dup_column (stmt, 5);
  self->computed_due = dup_column (stmt, 6);
  self->letter_due = dup_column (stmt, 7);
  self->extended_due = dup_column (stmt, 8);
  self->due = dup_column (stmt, 9);
  self->status = dup_column (stmt, 10);
  self->urgent = redress_statement_column_int (stmt, 11) != 0;
  self->closed_on = dup_column (stmt, 12);
  self->closed_by = dup_column (stmt, 13);
  self->waive_reason = dup_column (stmt, 14);
  self->updated_at = dup_column (stmt, 15);
  self->trigger_date = dup_column (stmt, 16);
  self->child_names = g_strdup (redress_statement_column_text (stmt, 17) ? redress_statement_column_text (stmt, 17) : "");
  self->trigger_date_alt = dup_column (stmt, 18);
  self->in_force = redress_statement_column_int (stmt, 19) != 0;
  self->breach_on = dup_column (stmt, 20);
  self->today = g_strdup (today);

  rule = redress_deadline_rules_lookup (self->rule_id);
  if (rule != NULL)
    {
      self->what = g_strdup (redress_deadline_rule_get_title (rule));
      self->who = g_strdup (rule->who);
      self->legal_source = redress_deadline_rule_get_citation (rule);
    }
  else
    {
      /* A rule from a newer rule pack: show its id rather than nothing. */
      self->what = g_strdup (self->rule_id);
      self->who = g_strdup ("");
      self->legal_source = g_strdup ("");
    }
  self->actor = redress_agenda_actor_from_who (self->who);

  if (self->due == NULL || !redress_iso_date_days_between (today, self->due, &self->days_left))
    self->days_left = 0;
  /* Measures in force are not overdue: they have no date to meet. */
  self->group = self->in_force ? REDRESS_AGENDA_GROUP_NO_DATE : redress_agenda_group_for_due (self->due, today);

  return self;
}

static gboolean
check_today (const char  *today,
             GError     **error)
{
  if (!redress_iso_date_is_valid (today))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not a date; write it as YYYY-MM-DD."), today ? today : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
item_matches (RedressAgendaItem         *item,
              const RedressAgendaFilter *filter)
{
  return filter == NULL ||
         filter->actor == REDRESS_AGENDA_ACTOR_ANY ||
         filter->actor == item->actor;
}

static GListModel *
run_item_query (RedressDatabase            *db,
                const char                 *sql,
                const char                 *today,
                const RedressAgendaFilter  *filter,
                GError                    **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  if (!check_today (today, error))
    return NULL;

  stmt = redress_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, filter && filter->state_code ? filter->state_code : "");
  redress_statement_bind_text (stmt, 2, filter && filter->case_id ? filter->case_id : "");

  store = g_list_store_new (REDRESS_TYPE_AGENDA_ITEM);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      g_autoptr(RedressAgendaItem) item = item_from_row (stmt, today);

      if (item_matches (item, filter))
        g_list_store_append (store, item);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the deadlines"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * redress_agenda_list_open:
 * @today: "YYYY-MM-DD", the day the agenda is drawn for
 * @filter: (nullable): who must act, which State, which case
 *
 * Returns: (transfer full): the open deadlines, earliest due first; those
 *   with no due date come last.
 */
GListModel *
redress_agenda_list_open (RedressDatabase            *db,
                          const char                 *today,
                          const RedressAgendaFilter  *filter,
                          GError                    **error)
{
  static const char sql[] =
    "SELECT " ITEM_COLUMNS
    "  FROM deadline d JOIN case_file c ON c.id = d.case_id"
    " WHERE d.status = 'open'"
    "   AND (?1 = '' OR c.state_code = ?1)"
    "   AND (?2 = '' OR d.case_id = ?2)"
    " ORDER BY " DUE_SQL " IS NULL, " DUE_SQL ", c.reference COLLATE NOCASE, d.rule_id";

  return run_item_query (db, sql, today, filter, error);
}

/**
 * redress_agenda_list_history:
 * @case_id: the case
 *
 * Returns: (transfer full): every deadline of the case, open, done, waived
 *   or superseded, so nothing disappears without a trace.
 */
GListModel *
redress_agenda_list_history (RedressDatabase  *db,
                             const char       *case_id,
                             const char       *today,
                             GError          **error)
{
  static const char sql[] =
    "SELECT " ITEM_COLUMNS
    "  FROM deadline d JOIN case_file c ON c.id = d.case_id"
    " WHERE (?1 = '' OR c.state_code = ?1) AND d.case_id = ?2"
    " ORDER BY " DUE_SQL " IS NULL, " DUE_SQL ", d.created_at";
  RedressAgendaFilter filter = { REDRESS_AGENDA_ACTOR_ANY, NULL, case_id };

  g_return_val_if_fail (case_id != NULL, NULL);

  return run_item_query (db, sql, today, &filter, error);
}

/**
 * redress_agenda_list_for_export:
 * @case_id: (nullable): one case, or %NULL for the whole docket
 *
 * Returns: (transfer full): what a calendar export holds: every open
 *   deadline with a due date, and every closed one that an earlier export
 *   put in a calendar, so that the calendar can mark it cancelled.
 */
GListModel *
redress_agenda_list_for_export (RedressDatabase  *db,
                                const char       *case_id,
                                const char       *today,
                                GError          **error)
{
  static const char sql[] =
    "SELECT " ITEM_COLUMNS
    "  FROM deadline d JOIN case_file c ON c.id = d.case_id"
    " WHERE (?1 = '' OR c.state_code = ?1) AND (?2 = '' OR d.case_id = ?2)"
    "   AND " DUE_SQL " IS NOT NULL"
    "   AND (d.status = 'open' OR EXISTS (SELECT 1 FROM ics_export x WHERE x.deadline_id = d.id))"
    " ORDER BY " DUE_SQL ", c.reference COLLATE NOCASE, d.rule_id";
  RedressAgendaFilter filter = { REDRESS_AGENDA_ACTOR_ANY, NULL, case_id };

  return run_item_query (db, sql, today, &filter, error);
}

/**
 * redress_agenda_list_cases_without_deadline:
 * @filter: (nullable): only its State is used
 *
 * Returns: (transfer full): the cases still going with no open deadline
 *   (as the procedure engine defines them): nothing will remind anyone about
 *   them.
 */
GListModel *
redress_agenda_list_cases_without_deadline (RedressDatabase            *db,
                                            const RedressAgendaFilter  *filter,
                                            GError                    **error)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  const char *state = filter && filter->state_code ? filter->state_code : "";

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  ids = redress_procedure_list_cases_without_open_deadline (db, error);
  if (ids == NULL)
    return NULL;
  stmt = redress_database_prepare (db,
                                   "SELECT c.reference, c.stage, c.state_code FROM case_file c"
                                   " WHERE c.id = ?1 AND (?2 = '' OR c.state_code = ?2)",
                                   error);
  if (stmt == NULL)
    return NULL;

  store = g_list_store_new (REDRESS_TYPE_AGENDA_CASE);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(RedressAgendaCase) item = NULL;
      int rc;

      redress_statement_reset (stmt);
      redress_statement_bind_text (stmt, 1, ids[i]);
      redress_statement_bind_text (stmt, 2, state);
      rc = redress_statement_step (stmt);
      if (rc == REDRESS_STEP_DONE)
        continue;
      if (rc != REDRESS_STEP_ROW)
        {
          redress_statement_set_error (stmt, error, _("Could not read the cases"));
          return NULL;
        }
      item = g_object_new (REDRESS_TYPE_AGENDA_CASE, NULL);
      item->case_id = g_strdup (ids[i]);
      item->reference = dup_column (stmt, 0);
      item->stage = dup_column (stmt, 1);
      item->state_code = dup_column (stmt, 2);
      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * redress_agenda_list_state_codes:
 *
 * Returns: (transfer full): the States that have at least one case, sorted.
 */
GStrv
redress_agenda_list_state_codes (RedressDatabase  *db,
                                 GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = redress_database_prepare (db,
                                   "SELECT DISTINCT state_code FROM case_file"
                                   " WHERE state_code <> '' ORDER BY state_code",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_strv_builder_add (builder, redress_statement_column_text (stmt, 0));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the cases"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * redress_agenda_count_overdue:
 *
 * Returns: how many open deadlines fell due before @today (0 on error).
 */
guint
redress_agenda_count_overdue (RedressDatabase  *db,
                              const char       *today,
                              GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  if (!check_today (today, error))
    return 0;
  stmt = redress_database_prepare (db,
                                   "SELECT count(*) FROM deadline d"
                                   " WHERE d.status = 'open' AND " DUE_SQL " < ?1 AND NOT " IN_FORCE_SQL,
                                   error);
  if (stmt == NULL)
    return 0;
  redress_statement_bind_text (stmt, 1, today);
  rc = redress_statement_step (stmt);
  if (rc != REDRESS_STEP_ROW)
    {
      redress_statement_set_error (stmt, error, _("Could not read the deadlines"));
      return 0;
    }
  return (guint) redress_statement_column_int64 (stmt, 0);
}

/**
 * redress_agenda_count_groups:
 * @items: a list of #RedressAgendaItem
 * @counts: (out caller-allocates): filled with the number of items per group
 *
 * Returns: %TRUE when any item is overdue.
 */
gboolean
redress_agenda_count_groups (GListModel *items,
                             guint       counts[REDRESS_AGENDA_N_GROUPS])
{
  guint n = g_list_model_get_n_items (items);

  memset (counts, 0, sizeof (guint) * REDRESS_AGENDA_N_GROUPS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressAgendaItem) item = g_list_model_get_item (items, i);

      counts[item->group]++;
    }
  return counts[REDRESS_AGENDA_GROUP_OVERDUE] > 0;
}

/**
 * redress_agenda_record_export:
 * @deadline_id: the deadline written to a calendar
 * @content_hash: a digest of everything in its event but DTSTAMP and SEQUENCE
 * @out_uid: (out) (transfer full): the event's UID, the same at every export
 * @out_sequence: (out): its SEQUENCE, raised by one each time the content
 *   changed since the last export
 *
 * Records that the deadline was exported.
 */
gboolean
redress_agenda_record_export (RedressDatabase  *db,
                              const char       *deadline_id,
                              const char       *content_hash,
                              char            **out_uid,
                              int              *out_sequence,
                              GError          **error)
{
  g_autoptr(RedressStatement) select = NULL;
  g_autoptr(RedressStatement) write = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *now = redress_timestamp_now ();
  int sequence = 0;
  gboolean changed = TRUE;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (deadline_id != NULL && content_hash != NULL, FALSE);

  if (!_redress_database_begin (db, error))
    return FALSE;

  select = redress_database_prepare (db,
                                     "SELECT uid, sequence, content_hash FROM ics_export"
                                     " WHERE deadline_id = ?1",
                                     error);
  if (select == NULL)
    goto fail;
  redress_statement_bind_text (select, 1, deadline_id);
  rc = redress_statement_step (select);
  if (rc == REDRESS_STEP_ROW)
    {
      uid = dup_column (select, 0);
      sequence = redress_statement_column_int (select, 1);
      changed = g_strcmp0 (redress_statement_column_text (select, 2), content_hash) != 0;
      if (changed)
        sequence++;
    }
  else if (rc == REDRESS_STEP_DONE)
    {
      /* The deadline's own UUID: unique, and it never changes. */
      uid = g_strdup_printf ("%s@deadline.redress.invalid", deadline_id);
    }
  else
    {
      redress_statement_set_error (select, error, _("Could not read the calendar export record"));
      goto fail;
    }

  if (changed)
    {
      write = redress_database_prepare (db,
                                        "INSERT INTO ics_export (deadline_id, uid, sequence, content_hash, exported_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5)"
                                        " ON CONFLICT (deadline_id) DO UPDATE SET"
                                        "   sequence = excluded.sequence, content_hash = excluded.content_hash,"
                                        "   exported_at = excluded.exported_at",
                                        error);
      if (write == NULL)
        goto fail;
      redress_statement_bind_text (write, 1, deadline_id);
      redress_statement_bind_text (write, 2, uid);
      redress_statement_bind_int64 (write, 3, sequence);
      redress_statement_bind_text (write, 4, content_hash);
      redress_statement_bind_text (write, 5, now);
      rc = redress_statement_step (write);
      if (rc != REDRESS_STEP_DONE)
        {
          redress_statement_set_error (write, error, _("Could not record the calendar export"));
          goto fail;
        }
    }

  if (!_redress_database_commit (db, error))
    return FALSE;

  if (out_uid != NULL)
    *out_uid = g_steal_pointer (&uid);
  if (out_sequence != NULL)
    *out_sequence = sequence;
  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}
