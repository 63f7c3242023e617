/* redress-procedure.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recording events and deriving everything else from them.  The history
 * (procedural_event) is the only truth: the stage of each track and every
 * deadline are recomputed from it whenever it changes, so correcting the
 * date of a past event moves every deadline that depends on it.
 */

#define G_LOG_DOMAIN "redress-procedure"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-database-private.h"
#include "redress-date.h"
#include "redress-deadline-rules.h"
#include "redress-docket.h"
#include "redress-lifecycle.h"
#include "redress-procedure.h"
#include "redress-procedure-private.h"
#include "redress-util.h"

static const char * const tracks[] = { "main", "interim", "protection", NULL };

void
redress_deadline_info_free (RedressDeadlineInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->case_id);
  g_free (info->case_reference);
  g_free (info->rule_id);
  g_free (info->rule_pack_version);
  g_free (info->trigger_event_id);
  g_free (info->trigger_date);
  g_free (info->trigger_date_alt);
  g_free (info->computed_due);
  g_free (info->letter_due);
  g_free (info->extended_due);
  g_free (info->status);
  g_free (info->closed_on);
  g_free (info->closed_by);
  g_free (info->waive_reason);
  g_free (info->breach_on);
  g_free (info);
}

/* The date that counts: an extension, else the letter's date, else the rule's. */
const char *
redress_deadline_info_get_due (const RedressDeadlineInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (info->extended_due != NULL)
    return info->extended_due;
  if (info->letter_due != NULL)
    return info->letter_due;
  return info->computed_due;
}

static char *
dup_column (RedressStatement *stmt,
            int               col)
{
  return g_strdup (redress_statement_column_text (stmt, col));
}

/* Empty text is stored as NULL for optional dates. */
static const char *
null_if_empty (const char *str)
{
  return (str == NULL || *str == '\0') ? NULL : str;
}

/**
 * redress_procedure_find_case:
 * @reference_or_id: the case's reference ("2025/004") or its id
 *
 * Returns: (transfer full): the case's id.
 */
char *
redress_procedure_find_case (RedressDatabase  *db,
                             const char       *reference_or_id,
                             GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  stmt = redress_database_prepare (db,
                                   "SELECT id FROM case_file WHERE id = ?1 OR reference = ?1 "
                                   "UNION ALL SELECT id FROM case_file WHERE reference = ?1 COLLATE NOCASE "
                                   "LIMIT 1",
                                   error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, reference_or_id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return dup_column (stmt, 0);

  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
               _("There is no case “%s” in this docket."), reference_or_id ? reference_or_id : "");
  return NULL;
}

static char *
case_kind (RedressDatabase  *db,
           const char       *case_id,
           GError          **error)
{
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db, "SELECT kind FROM case_file WHERE id = ?", error);

  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return dup_column (stmt, 0);
  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
               _("The case no longer exists."));
  return NULL;
}

static gboolean
strv_has (const char * const *strv,
          const char         *str)
{
  return strv != NULL && g_strv_contains (strv, str);
}

/* One event of the history, in order. */
typedef struct
{
  char *id;
  char *track;
  char *event;
  char *from_stage;
  char *to_stage;
  char *occurred_on;
  char *letter_ref;
  char *letter_due;
  char *extends_rule;
  char *stage_after;     /* derived: the track's stage after this event */
} Event;

static void
event_free (gpointer data)
{
  Event *e = data;

  g_free (e->id);
  g_free (e->track);
  g_free (e->event);
  g_free (e->from_stage);
  g_free (e->to_stage);
  g_free (e->occurred_on);
  g_free (e->letter_ref);
  g_free (e->letter_due);
  g_free (e->extends_rule);
  g_free (e->stage_after);
  g_free (e);
}

static GPtrArray *
load_events (RedressDatabase  *db,
             const char       *case_id,
             GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (event_free);
  int rc;

  stmt = redress_database_prepare (db,
                            "SELECT id, track, event, from_stage, to_stage, occurred_on, letter_ref, "
                            "letter_due, extends_rule FROM procedural_event WHERE case_id = ? "
                            "ORDER BY occurred_on, seq",
                            error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      Event *e = g_new0 (Event, 1);

      e->id = dup_column (stmt, 0);
      e->track = dup_column (stmt, 1);
      e->event = dup_column (stmt, 2);
      e->from_stage = dup_column (stmt, 3);
      e->to_stage = dup_column (stmt, 4);
      e->occurred_on = dup_column (stmt, 5);
      e->letter_ref = dup_column (stmt, 6);
      e->letter_due = dup_column (stmt, 7);
      e->extends_rule = dup_column (stmt, 8);
      g_ptr_array_add (events, e);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the procedural history"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

/* OP3 art 6(1) [V]: interim measures "at any time after the receipt of a
 * communication and before a determination on the merits".  These events ask
 * for or keep measures, so the communication must be before the Committee. */
static const char * const interim_opening_events[] = {
  "author_requests_interim_measures", "committee_grants", "committee_maintains", NULL
};

/* The stages of the main track before the Committee has the communication. */
static const char * const before_receipt_stages[] = { "INTAKE", "DRAFTING", "READY_TO_FILE", NULL };

/* The stages after a determination on the merits, or that end the communication. */
static const char * const after_determination_stages[] = {
  "VIEWS_VIOLATION", "VIEWS_NO_VIOLATION", "DECIDED_INADMISSIBLE", "DISCONTINUED",
  "FRIENDLY_SETTLEMENT_REACHED", "CLOSED_NOT_REGISTERED", "CLOSED_NOT_FILED",
  "FOLLOW_UP_AWAITING_STATE_RESPONSE", "FOLLOW_UP_AWAITING_AUTHOR_COMMENTS", "FOLLOW_UP_DIALOGUE",
  "FOLLOW_UP_CLOSED", NULL
};

/* The main track's stage at the end of the day of events[i]: the stage now,
 * moved on by the main-track events recorded later on the same date. */
static const char *
main_stage_that_day (const char *procedure,
                     const char *current,
                     GPtrArray  *events,
                     guint       i)
{
  RedressLifecycle *lc = redress_lifecycle_get_default ();
  Event *e = g_ptr_array_index (events, i);

  for (guint j = i + 1; j < events->len; j++)
    {
      Event *later = g_ptr_array_index (events, j);
      const RedressTransition *t;

      if (g_strcmp0 (later->occurred_on, e->occurred_on) != 0)
        break;
      if (g_strcmp0 (later->track, "main") != 0)
        continue;
      t = redress_lifecycle_find (lc, procedure, current, later->event);
      if (t != NULL)
        current = t->to_stage;
    }
  return current;
}

static gboolean
check_interim_in_time (const char  *kind,
                       GPtrArray   *events,
                       guint        i,
                       const char  *main_stage,
                       GError     **error)
{
  Event *e = g_ptr_array_index (events, i);
  const char *procedure = redress_lifecycle_procedure_for_track (kind, "main");

  if (g_strcmp0 (e->track, "interim") != 0 || !strv_has (interim_opening_events, e->event))
    return TRUE;
  if (strv_has (before_receipt_stages, main_stage))
    main_stage = main_stage_that_day (procedure, main_stage, events, i);
  if (strv_has (before_receipt_stages, main_stage))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("On %s: “%s” cannot be recorded: the communication is at “%s” and has not reached the "
                     "Committee. Interim measures can be requested and granted only after the Committee has "
                     "received the communication (OP3 art 6(1) [V]); record “%s” first."),
                   e->occurred_on, redress_lifecycle_event_label (e->event),
                   redress_lifecycle_stage_label (main_stage), redress_lifecycle_event_label ("sent_to_ohchr"));
      return FALSE;
    }
  if (strv_has (after_determination_stages, main_stage))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("On %s: “%s” cannot be recorded: the communication is at “%s”. Interim measures are "
                     "possible only before a determination on the merits (OP3 art 6(1) [V])."),
                   e->occurred_on, redress_lifecycle_event_label (e->event),
                   redress_lifecycle_stage_label (main_stage));
      return FALSE;
    }
  return TRUE;
}

/* Replays the history through the life cycles; fails with the reason when an
 * event is not allowed where it now stands.  Fills stage_after and
 * @out_stages (track → stage). */
static gboolean
replay (const char  *kind,
        GPtrArray   *events,
        GHashTable  *out_stages,
        GError     **error)
{
  RedressLifecycle *lc = redress_lifecycle_get_default ();

  for (guint i = 0; tracks[i] != NULL; i++)
    {
      const char *procedure = redress_lifecycle_procedure_for_track (kind, tracks[i]);

      if (procedure != NULL)
        g_hash_table_insert (out_stages, (char *) tracks[i],
                             g_strdup (redress_lifecycle_initial_stage (procedure)));
    }

  for (guint i = 0; i < events->len; i++)
    {
      Event *e = g_ptr_array_index (events, i);
      const char *procedure = redress_lifecycle_procedure_for_track (kind, e->track);
      const char *current = g_hash_table_lookup (out_stages, e->track);
      const RedressTransition *t;

      if (procedure == NULL || current == NULL)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("An inquiry has no interim measures: OP3 art 6 applies to communications only."));
          return FALSE;
        }

      if (g_strcmp0 (e->event, REDRESS_EVENT_DEADLINE_EXTENDED) == 0)
        {
          e->stage_after = g_strdup (current);
          continue;
        }

      t = redress_lifecycle_check (lc, procedure, current, e->event, error);
      if (t == NULL)
        {
          g_prefix_error (error, _("On %s: "), e->occurred_on);
          return FALSE;
        }
      if (!check_interim_in_time (kind, events, i, g_hash_table_lookup (out_stages, "main"), error))
        return FALSE;
      e->stage_after = g_strdup (t->to_stage);
      g_hash_table_insert (out_stages, e->track, g_strdup (t->to_stage));
    }

  return TRUE;
}

typedef struct
{
  const char *rule_id;
  const char *trigger_event_id;
  char       *trigger_date;
  char       *trigger_date_alt;
  char       *computed_due;
  char       *letter_due;
  char       *extended_due;
  const char *status;
  char       *closed_on;
  char       *closed_by;
  gboolean    urgent;
} Wanted;

static void
wanted_free (gpointer data)
{
  Wanted *w = data;

  g_free (w->trigger_date);
  g_free (w->trigger_date_alt);
  g_free (w->computed_due);
  g_free (w->letter_due);
  g_free (w->extended_due);
  g_free (w->closed_on);
  g_free (w->closed_by);
  g_free (w);
}

/* OP3 art 6(1) [V]: interim measures are requested "before a determination
 * on the merits"; a decision that ends the communication ends them too. */
static const char * const interim_ending_stages[] = {
  "VIEWS_VIOLATION", "VIEWS_NO_VIOLATION", "DECIDED_INADMISSIBLE", "DISCONTINUED",
  "FRIENDLY_SETTLEMENT_REACHED", "CLOSED_NOT_REGISTERED", "CLOSED_NOT_FILED", NULL
};

/* Walks the history after @start on the rule's track: an extension moves the
 * due date, a fulfilling event makes it done, leaving its stages supersedes it. */
static void
settle (const RedressDeadlineRule *rule,
        GPtrArray                 *events,
        guint                      start,
        Wanted                    *w)
{
  w->status = "open";

  for (guint j = start; j < events->len; j++)
    {
      Event *e = g_ptr_array_index (events, j);

      if (g_strcmp0 (rule->track, "interim") == 0 && g_strcmp0 (e->track, "main") == 0 &&
          strv_has (interim_ending_stages, e->stage_after))
        {
          w->status = "superseded";
          w->closed_on = g_strdup (e->occurred_on);
          w->closed_by = g_strdup (*e->letter_ref != '\0' ? e->letter_ref : e->event);
          return;
        }

      if (g_strcmp0 (e->track, rule->track) != 0)
        continue;

      if (g_strcmp0 (e->event, REDRESS_EVENT_DEADLINE_EXTENDED) == 0)
        {
          if (g_strcmp0 (e->extends_rule, rule->id) == 0 && e->letter_due != NULL)
            {
              g_free (w->extended_due);
              w->extended_due = g_strdup (e->letter_due);
            }
          continue;
        }

      if (strv_has (rule->done_events, e->event))
        {
          w->status = "done";
        }
      else if (!strv_has (rule->open_stages, e->stage_after) ||
               (rule->triggers != NULL && strv_has (rule->triggers, e->event)))
        {
          w->status = "superseded";
        }
      else
        continue;

      w->closed_on = g_strdup (e->occurred_on);
      w->closed_by = g_strdup (*e->letter_ref != '\0' ? e->letter_ref : e->event);
      return;
    }
}

/* D01, OP3 art 7(h) [V]: one year from the final domestic decision, counted
 * from the earlier of its date and its notification (domain.md §1.1 [U]). */
static gboolean
want_d01 (RedressDatabase  *db,
          const char       *case_id,
          GPtrArray        *events,
          GPtrArray        *wanted,
          GError          **error)
{
  const RedressDeadlineRule *rule = redress_deadline_rules_lookup ("D01");
  g_autoptr(RedressStatement) stmt = NULL;
  Wanted *w;
  const char *start;
  int rc;

  /* The latest final decision ends the exhaustion of remedies. */
  stmt = redress_database_prepare (db,
                            "SELECT decided_on, notified_on FROM domestic_remedy "
                            "WHERE case_id = ? AND is_final = 1 "
                            "AND (decided_on IS NOT NULL OR notified_on IS NOT NULL) "
                            "ORDER BY min (coalesce (decided_on, notified_on), "
                            "coalesce (notified_on, decided_on)) DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, case_id);
  rc = redress_statement_step (stmt);
  if (rc == REDRESS_STEP_DONE)
    return TRUE;
  if (rc != REDRESS_STEP_ROW)
    {
      redress_statement_set_error (stmt, error, _("Could not read the domestic remedies"));
      return FALSE;
    }

  w = g_new0 (Wanted, 1);
  w->rule_id = rule->id;
  w->trigger_date = dup_column (stmt, 0);
  w->trigger_date_alt = dup_column (stmt, 1);
  start = redress_iso_date_min (w->trigger_date, w->trigger_date_alt);
  w->computed_due = redress_deadline_rule_compute (rule, start);
  g_ptr_array_add (wanted, w);

  /* Still open while the communication is being prepared; sending it is done. */
  w->status = "open";
  for (guint j = 0; j < events->len; j++)
    {
      Event *e = g_ptr_array_index (events, j);

      if (g_strcmp0 (e->track, "main") != 0 || g_strcmp0 (e->event, REDRESS_EVENT_DEADLINE_EXTENDED) == 0)
        continue;
      if (strv_has (rule->done_events, e->event))
        w->status = "done";
      else if (!strv_has (rule->open_stages, e->stage_after))
        w->status = "superseded";
      else
        continue;
      w->closed_on = g_strdup (e->occurred_on);
      w->closed_by = g_strdup (*e->letter_ref != '\0' ? e->letter_ref : e->event);
      break;
    }
  return TRUE;
}

static void
want_from_events (const char *kind,
                  GPtrArray  *events,
                  GPtrArray  *wanted)
{
  for (guint r = 0; r < redress_deadline_rules_get_n_rules (); r++)
    {
      const RedressDeadlineRule *rule = redress_deadline_rules_get_rule (r);
      const char *procedure;

      if (rule->triggers == NULL || rule->track == NULL)
        continue;
      procedure = redress_lifecycle_procedure_for_track (kind, rule->track);
      if (g_strcmp0 (procedure, rule->procedure) != 0)
        continue;

      for (guint i = 0; i < events->len; i++)
        {
          Event *e = g_ptr_array_index (events, i);
          Wanted *w;

          if (g_strcmp0 (e->track, rule->track) != 0 || !strv_has (rule->triggers, e->event) ||
              !strv_has (rule->open_stages, e->stage_after))
            continue;

          w = g_new0 (Wanted, 1);
          w->rule_id = rule->id;
          w->trigger_event_id = e->id;
          w->trigger_date = g_strdup (e->occurred_on);
          w->computed_due = redress_deadline_rule_compute (rule, e->occurred_on);
          if (rule->letter_applies)
            w->letter_due = g_strdup (e->letter_due);
          w->urgent = rule->urgent;
          settle (rule, events, i + 1, w);
          g_ptr_array_add (wanted, w);
        }
    }
}

static gboolean
write_deadlines (RedressDatabase  *db,
                 const char       *case_id,
                 GPtrArray        *wanted,
                 GError          **error)
{
  g_autoptr(RedressStatement) sel = NULL;
  g_autoptr(RedressStatement) upd = NULL;
  g_autoptr(RedressStatement) ins = NULL;
  g_autoptr(RedressStatement) del = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *now = redress_timestamp_now ();
  const char *version = redress_deadline_rules_get_version ();
  int rc;

  sel = redress_database_prepare (db,
                           "SELECT id FROM deadline WHERE case_id = ?1 AND rule_id = ?2 "
                           "AND trigger_event_id IS ?3 ORDER BY created_at LIMIT 1",
                           error);
  upd = redress_database_prepare (db,
                           "UPDATE deadline SET rule_pack_version = ?2, trigger_date = ?3, "
                           "trigger_date_alt = ?4, computed_due = ?5, letter_due = ?6, extended_due = ?7, "
                           "urgent = ?8, "
                           "status = CASE manual WHEN 1 THEN status ELSE ?9 END, "
                           "closed_on = CASE manual WHEN 1 THEN closed_on ELSE ?10 END, "
                           "closed_by = CASE manual WHEN 1 THEN closed_by ELSE ?11 END, "
                           "updated_at = ?12 WHERE id = ?1 AND "
                           "(rule_pack_version IS NOT ?2 OR trigger_date IS NOT ?3 OR "
                           "trigger_date_alt IS NOT ?4 OR computed_due IS NOT ?5 OR letter_due IS NOT ?6 OR "
                           "extended_due IS NOT ?7 OR urgent IS NOT ?8 OR (manual = 0 AND "
                           "(status IS NOT ?9 OR closed_on IS NOT ?10 OR closed_by IS NOT ?11)))",
                           error);
  ins = redress_database_prepare (db,
                           "INSERT INTO deadline (id, case_id, rule_id, rule_pack_version, trigger_event_id, "
                           "trigger_date, trigger_date_alt, computed_due, letter_due, extended_due, status, "
                           "urgent, closed_on, closed_by, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                           error);
  if (sel == NULL || upd == NULL || ins == NULL)
    return FALSE;

  for (guint i = 0; i < wanted->len; i++)
    {
      Wanted *w = g_ptr_array_index (wanted, i);
      g_autofree char *id = NULL;

      redress_statement_reset (sel);
      redress_statement_bind_text (sel, 1, case_id);
      redress_statement_bind_text (sel, 2, w->rule_id);
      redress_statement_bind_text (sel, 3, w->trigger_event_id);
      rc = redress_statement_step (sel);
      if (rc == REDRESS_STEP_ROW)
        {
          id = dup_column (sel, 0);
          redress_statement_reset (upd);
          redress_statement_bind_text (upd, 1, id);
          redress_statement_bind_text (upd, 2, version);
          redress_statement_bind_text (upd, 3, w->trigger_date);
          redress_statement_bind_text (upd, 4, w->trigger_date_alt);
          redress_statement_bind_text (upd, 5, w->computed_due);
          redress_statement_bind_text (upd, 6, w->letter_due);
          redress_statement_bind_text (upd, 7, w->extended_due);
          redress_statement_bind_int64 (upd, 8, w->urgent ? 1 : 0);
          redress_statement_bind_text (upd, 9, w->status);
          redress_statement_bind_text (upd, 10, w->closed_on);
          redress_statement_bind_text (upd, 11, w->closed_by ? w->closed_by : "");
          redress_statement_bind_text (upd, 12, now);
          if (!redress_statement_step_done (upd, _("Could not update the docket"), error))
            return FALSE;
        }
      else if (rc == REDRESS_STEP_DONE)
        {
          id = redress_uuid_new ();
          redress_statement_reset (ins);
          redress_statement_bind_text (ins, 1, id);
          redress_statement_bind_text (ins, 2, case_id);
          redress_statement_bind_text (ins, 3, w->rule_id);
          redress_statement_bind_text (ins, 4, version);
          redress_statement_bind_text (ins, 5, w->trigger_event_id);
          redress_statement_bind_text (ins, 6, w->trigger_date);
          redress_statement_bind_text (ins, 7, w->trigger_date_alt);
          redress_statement_bind_text (ins, 8, w->computed_due);
          redress_statement_bind_text (ins, 9, w->letter_due);
          redress_statement_bind_text (ins, 10, w->extended_due);
          redress_statement_bind_text (ins, 11, w->status);
          redress_statement_bind_int64 (ins, 12, w->urgent ? 1 : 0);
          redress_statement_bind_text (ins, 13, w->closed_on);
          redress_statement_bind_text (ins, 14, w->closed_by ? w->closed_by : "");
          redress_statement_bind_text (ins, 15, now);
          if (!redress_statement_step_done (ins, _("Could not update the docket"), error))
            return FALSE;
        }
      else
        {
          redress_statement_set_error (sel, error, _("Could not read the deadlines"));
          return FALSE;
        }
      g_hash_table_add (kept, g_steal_pointer (&id));
    }

  /* Deadlines whose trigger is gone from the history go with it. */
  {
    g_autoptr(RedressStatement) all = redress_database_prepare (db, "SELECT id FROM deadline WHERE case_id = ?", error);
    g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);

    if (all == NULL)
      return FALSE;
    redress_statement_bind_text (all, 1, case_id);
    while (redress_statement_step (all) == REDRESS_STEP_ROW)
      if (!g_hash_table_contains (kept, redress_statement_column_text (all, 0)))
        g_ptr_array_add (gone, dup_column (all, 0));

    del = redress_database_prepare (db, "DELETE FROM deadline WHERE id = ?", error);
    if (del == NULL)
      return FALSE;
    for (guint i = 0; i < gone->len; i++)
      {
        redress_statement_reset (del);
        redress_statement_bind_text (del, 1, g_ptr_array_index (gone, i));
        if (!redress_statement_step_done (del, _("Could not update the docket"), error))
          return FALSE;
      }
  }

  return TRUE;
}

/* The date of the first submission event of the main track, or NULL. */
static const char *
submission_date (const char *kind,
                 GPtrArray  *events)
{
  const char *event = _redress_procedure_submission_event (kind);

  for (guint i = 0; i < events->len; i++)
    {
      Event *e = g_ptr_array_index (events, i);

      if (g_strcmp0 (e->track, "main") == 0 && g_strcmp0 (e->event, event) == 0)
        return e->occurred_on;
    }
  return NULL;
}

/* The work of redress_procedure_recompute(), inside the caller's transaction. */
static gboolean
recompute_in_transaction (RedressDatabase  *db,
                          const char       *case_id,
                          GError          **error)
{
  g_autofree char *kind = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) stages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (wanted_free);
  g_autoptr(RedressStatement) upd_event = NULL;
  g_autoptr(RedressStatement) upd_case = NULL;
  g_autofree char *now = redress_timestamp_now ();

  kind = case_kind (db, case_id, error);
  if (kind == NULL)
    return FALSE;
  events = load_events (db, case_id, error);
  if (events == NULL)
    return FALSE;
  if (!replay (kind, events, stages, error))
    return FALSE;

  /* Keep each event's recorded move in step with the replay. */
  upd_event = redress_database_prepare (db,
                                 "UPDATE procedural_event SET from_stage = ?2, to_stage = ?3, updated_at = ?4 "
                                 "WHERE id = ?1 AND (from_stage IS NOT ?2 OR to_stage IS NOT ?3)",
                                 error);
  if (upd_event == NULL)
    return FALSE;
  {
    g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; tracks[i] != NULL; i++)
      {
        const char *procedure = redress_lifecycle_procedure_for_track (kind, tracks[i]);

        if (procedure != NULL)
          g_hash_table_insert (before, (char *) tracks[i], (char *) redress_lifecycle_initial_stage (procedure));
      }
    for (guint i = 0; i < events->len; i++)
      {
        Event *e = g_ptr_array_index (events, i);
        const char *from = g_hash_table_lookup (before, e->track);

        redress_statement_reset (upd_event);
        redress_statement_bind_text (upd_event, 1, e->id);
        redress_statement_bind_text (upd_event, 2, from);
        redress_statement_bind_text (upd_event, 3, e->stage_after);
        redress_statement_bind_text (upd_event, 4, now);
        if (!redress_statement_step_done (upd_event, _("Could not update the docket"), error))
          return FALSE;
        g_hash_table_insert (before, e->track, e->stage_after);
      }
  }

  if (g_strcmp0 (kind, "communication") == 0 && !want_d01 (db, case_id, events, wanted, error))
    return FALSE;
  want_from_events (kind, events, wanted);
  if (!write_deadlines (db, case_id, wanted, error))
    return FALSE;

  /* One source of truth for the date of submission: the history's event
   * (OP3 art 5, RoP rule 13 for a communication; art 13(1) for an inquiry).
   * case_file.submitted_on is kept in step with it, like the stage. */
  upd_case = redress_database_prepare (db,
                                "UPDATE case_file SET stage = ?2, submitted_on = ?4, updated_at = ?3 "
                                "WHERE id = ?1 AND (stage IS NOT ?2 OR submitted_on IS NOT ?4)",
                                error);
  if (upd_case == NULL)
    return FALSE;
  redress_statement_bind_text (upd_case, 1, case_id);
  redress_statement_bind_text (upd_case, 2, g_hash_table_lookup (stages, "main"));
  redress_statement_bind_text (upd_case, 3, now);
  redress_statement_bind_text (upd_case, 4, submission_date (kind, events));
  return redress_statement_step_done (upd_case, _("Could not update the docket"), error);
}

/**
 * _redress_procedure_recompute_in_transaction:
 *
 * Derives the stages, the date of submission and the deadlines of a case
 * from its history inside the caller's transaction (an import, a merge).  An
 * impossible history fails with a message naming the event and its date.
 */
gboolean
_redress_procedure_recompute_in_transaction (RedressDatabase  *db,
                                             const char       *case_id,
                                             GError          **error)
{
  return recompute_in_transaction (db, case_id, error);
}

/**
 * _redress_procedure_submission_event:
 *
 * Returns: the event whose date is the date of submission for a case of @kind.
 */
const char *
_redress_procedure_submission_event (const char *kind)
{
  return g_strcmp0 (kind, "inquiry") == 0 ? "information_sent" : "sent_to_ohchr";
}

/**
 * redress_procedure_recompute:
 *
 * Derives the stages and deadlines of one case from its history and its
 * domestic remedies (D01).  Call it after changing a final domestic decision.
 */
gboolean
redress_procedure_recompute (RedressDatabase  *db,
                             const char       *case_id,
                             GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);

  if (!_redress_database_begin (db, error))
    return FALSE;
  if (!recompute_in_transaction (db, case_id, error))
    {
      _redress_database_rollback (db);
      return FALSE;
    }
  if (!_redress_database_commit (db, error))
    return FALSE;
  return TRUE;
}

static gboolean
set_meta (RedressDatabase  *db,
          const char       *key,
          const char       *value,
          GError          **error)
{
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db,
                                                           "INSERT INTO docket_meta (key, value) VALUES (?, ?) "
                                                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                                           error);

  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, key);
  redress_statement_bind_text (stmt, 2, value);
  return redress_statement_step_done (stmt, _("Could not update the docket"), error);
}

/**
 * redress_procedure_recompute_all:
 *
 * Recomputes every case, and records the rule pack version that did it.  A
 * case whose history no longer replays is left as it was and named in @error.
 */
gboolean
redress_procedure_recompute_all (RedressDatabase  *db,
                                 GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) failed = g_string_new (NULL);

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  stmt = redress_database_prepare (db, "SELECT id, reference FROM case_file ORDER BY reference", error);
  if (stmt == NULL)
    return FALSE;
  while (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    {
      g_ptr_array_add (ids, dup_column (stmt, 0));
      g_ptr_array_add (ids, dup_column (stmt, 1));
    }

  if (!_redress_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i += 2)
    {
      g_autoptr(GError) local = NULL;

      if (!_redress_database_begin (db, error))
        goto fail;
      if (!recompute_in_transaction (db, g_ptr_array_index (ids, i), &local))
        {
          _redress_database_rollback (db);
          g_string_append_printf (failed, "%s%s (%s)", failed->len ? "; " : "",
                                  (char *) g_ptr_array_index (ids, i + 1), local->message);
          continue;
        }
      if (!_redress_database_commit (db, error))
        goto fail;
    }
  if (!set_meta (db, "rule_pack_version", redress_deadline_rules_get_version (), error))
    goto fail;
  if (!_redress_database_commit (db, error))
    return FALSE;

  if (failed->len > 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("Some cases could not be recomputed: %s"), failed->str);
      return FALSE;
    }
  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

/**
 * redress_procedure_ensure_rule_pack:
 *
 * Recomputes every deadline when the docket's deadlines were made by another
 * rule pack than this one.  Does nothing on a read-only docket.
 */
gboolean
redress_procedure_ensure_rule_pack (RedressDatabase  *db,
                                    GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  const char *version = redress_deadline_rules_get_version ();
  gboolean current = FALSE;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  if (redress_database_get_read_only (db))
    return TRUE;

  stmt = redress_database_prepare (db,
                                   "SELECT (SELECT value FROM docket_meta WHERE key = 'rule_pack_version') = ?1 "
                                   "AND NOT EXISTS (SELECT 1 FROM deadline WHERE rule_pack_version != ?1)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, version);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    current = redress_statement_column_int (stmt, 0) == 1;
  if (current)
    return TRUE;
  return redress_procedure_recompute_all (db, error);
}

/**
 * redress_procedure_follow_remedies:
 * @remedy_ids: (nullable) (array zero-terminated=1): the domestic remedies
 *   that changed, or %NULL when which is not known
 *
 * Keeps D01 (art 7(h)) in step with the domestic remedies: recomputes the
 * cases of @remedy_ids (every case when a remedy is gone or not known).  The
 * docket runs it after every commit that changed a domestic remedy, whoever
 * the writer.
 */
gboolean
redress_procedure_follow_remedies (RedressDatabase     *db,
                                   const char * const  *remedy_ids,
                                   GError             **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  if (redress_database_get_read_only (db))
    return TRUE;

  for (guint i = 0; remedy_ids != NULL && remedy_ids[i] != NULL; i++)
    {
      g_autoptr(RedressStatement) stmt = redress_database_prepare (db,
                                                              "SELECT case_id FROM domestic_remedy WHERE id = ?",
                                                              error);
      char *case_id;

      if (stmt == NULL)
        return FALSE;
      redress_statement_bind_text (stmt, 1, remedy_ids[i]);
      if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
        return redress_procedure_recompute_all (db, error);  /* deleted: which case is unknown */
      case_id = dup_column (stmt, 0);
      if (g_ptr_array_find_with_equal_func (cases, case_id, g_str_equal, NULL))
        g_free (case_id);
      else
        g_ptr_array_add (cases, case_id);
    }
  if (remedy_ids == NULL)
    return redress_procedure_recompute_all (db, error);

  for (guint i = 0; i < cases->len; i++)
    if (!redress_procedure_recompute (db, g_ptr_array_index (cases, i), error))
      return FALSE;
  return TRUE;
}

/**
 * redress_procedure_watch:
 *
 * Kept for older callers: the docket follows the domestic remedies from the
 * moment it is opened (redress_procedure_follow_remedies()); this makes sure
 * @db has its docket.
 */
void
redress_procedure_watch (RedressDatabase *db)
{
  g_return_if_fail (REDRESS_IS_DATABASE (db));

  (void) redress_docket_get_for_database (db);
}

static gboolean
check_date (const char  *date,
            const char  *what,
            gboolean     required,
            GError     **error)
{
  if ((date == NULL || *date == '\0') && !required)
    return TRUE;
  if (!redress_iso_date_is_valid (date))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   /* Translators: %s is "the event's date", "the due date in the letter" ... */
                   _("%s must be a calendar date written YYYY-MM-DD, not “%s”."), what, date ? date : "");
      return FALSE;
    }
  return TRUE;
}

/* Which track of a case an event belongs to. */
static const char *
track_for_event (const char *kind,
                 const char *event)
{
  RedressLifecycle *lc = redress_lifecycle_get_default ();

  for (guint i = 0; tracks[i] != NULL; i++)
    {
      const char *procedure = redress_lifecycle_procedure_for_track (kind, tracks[i]);

      if (procedure != NULL && redress_lifecycle_has_event (lc, procedure, event))
        return tracks[i];
    }
  return NULL;
}

static char *
insert_event (RedressDatabase  *db,
              const char       *case_id,
              const char       *track,
              const char       *event,
              const char       *occurred_on,
              const char       *letter_ref,
              const char       *letter_due,
              const char       *note,
              const char       *extends_rule,
              GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *id = redress_uuid_new ();
  g_autofree char *now = redress_timestamp_now ();

  stmt = redress_database_prepare (db,
                            "INSERT INTO procedural_event (id, case_id, track, event, occurred_on, letter_ref, "
                            "letter_due, note, extends_rule, seq, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                            "(SELECT coalesce (max (seq), 0) + 1 FROM procedural_event WHERE case_id = ?2), "
                            "?10, ?10)",
                            error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, id);
  redress_statement_bind_text (stmt, 2, case_id);
  redress_statement_bind_text (stmt, 3, track);
  redress_statement_bind_text (stmt, 4, event);
  redress_statement_bind_text (stmt, 5, occurred_on);
  redress_statement_bind_text (stmt, 6, letter_ref ? letter_ref : "");
  redress_statement_bind_text (stmt, 7, null_if_empty (letter_due));
  redress_statement_bind_text (stmt, 8, note ? note : "");
  redress_statement_bind_text (stmt, 9, extends_rule ? extends_rule : "");
  redress_statement_bind_text (stmt, 10, now);
  if (!redress_statement_step_done (stmt, _("Could not update the docket"), error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * redress_procedure_record_event:
 * @case_id: the case
 * @track: (nullable): "main", "interim" or "protection"; %NULL finds it from @event
 * @event: an event of lifecycle.csv ("registered_and_transmitted" ...)
 * @occurred_on: its date, YYYY-MM-DD
 * @letter_ref: (nullable): the reference of the letter that reported it
 * @letter_due: (nullable): a due date printed in that letter
 * @note: (nullable): free text
 *
 * Records the event where its date puts it in the history, and moves the
 * case.  A move the procedure does not allow is refused and nothing changes.
 *
 * Returns: (transfer full): the new event's id.
 */
char *
redress_procedure_record_event (RedressDatabase  *db,
                                const char       *case_id,
                                const char       *track,
                                const char       *event,
                                const char       *occurred_on,
                                const char       *letter_ref,
                                const char       *letter_due,
                                const char       *note,
                                GError          **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  if (!check_date (occurred_on, _("The event’s date"), TRUE, error) ||
      !check_date (letter_due, _("The due date in the letter"), FALSE, error))
    return NULL;
  if (g_strcmp0 (event, REDRESS_EVENT_DEADLINE_EXTENDED) == 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("Record an extension with the deadline it extends and the new due date."));
      return NULL;
    }

  kind = case_kind (db, case_id, error);
  if (kind == NULL)
    return NULL;

  if (track == NULL)
    {
      track = track_for_event (kind, event);
      if (track == NULL)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       g_strcmp0 (kind, "inquiry") == 0
                       ? _("“%s” is not an event of an inquiry (OP3 arts 13–14).")
                       : _("“%s” is not an event of a communication, its interim measures or its protection measures."),
                       event);
          return NULL;
        }
    }
  else if (redress_lifecycle_procedure_for_track (kind, track) == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("An inquiry has no interim measures: OP3 art 6 applies to communications only."));
      return NULL;
    }

  if (!_redress_database_begin (db, error))
    return NULL;
  id = insert_event (db, case_id, track, event, occurred_on, letter_ref, letter_due, note, NULL, error);
  if (id == NULL || !recompute_in_transaction (db, case_id, error))
    {
      _redress_database_rollback (db);
      return NULL;
    }
  if (!_redress_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&id);
}

static RedressDeadlineInfo *
read_info (RedressStatement *stmt)
{
  RedressDeadlineInfo *info = g_new0 (RedressDeadlineInfo, 1);

  info->id = dup_column (stmt, 0);
  info->case_id = dup_column (stmt, 1);
  info->case_reference = dup_column (stmt, 2);
  info->rule_id = dup_column (stmt, 3);
  info->rule_pack_version = dup_column (stmt, 4);
  info->trigger_event_id = dup_column (stmt, 5);
  info->trigger_date = dup_column (stmt, 6);
  info->trigger_date_alt = dup_column (stmt, 7);
  info->computed_due = dup_column (stmt, 8);
  info->letter_due = dup_column (stmt, 9);
  info->extended_due = dup_column (stmt, 10);
  info->status = dup_column (stmt, 11);
  info->closed_on = dup_column (stmt, 12);
  info->closed_by = dup_column (stmt, 13);
  info->waive_reason = dup_column (stmt, 14);
  info->urgent = redress_statement_column_int (stmt, 15) != 0;
  info->manual = redress_statement_column_int (stmt, 16) != 0;
  info->in_force = redress_statement_column_int (stmt, 17) != 0;
  info->breach_on = dup_column (stmt, 18);
  return info;
}

/* OP3 art 6 [V]: interim measures in force (D08 open) are not a breach; only
 * a recorded non-compliance is. */
#define DEADLINE_BREACH_ON \
  "(SELECT min (e.occurred_on) FROM procedural_event e WHERE e.case_id = d.case_id " \
  "AND e.track = 'interim' AND e.event = 'state_non_compliance_reported' AND e.occurred_on >= d.trigger_date)"
#define DEADLINE_IN_FORCE \
  "(d.rule_id = 'D08' AND d.status = 'open' AND " DEADLINE_BREACH_ON " IS NULL)"
#define DEADLINE_COLUMNS \
  "d.id, d.case_id, c.reference, d.rule_id, d.rule_pack_version, d.trigger_event_id, d.trigger_date, " \
  "d.trigger_date_alt, d.computed_due, d.letter_due, d.extended_due, d.status, d.closed_on, d.closed_by, " \
  "d.waive_reason, d.urgent, d.manual, " DEADLINE_IN_FORCE ", " \
  "CASE d.rule_id WHEN 'D08' THEN " DEADLINE_BREACH_ON " END"
#define DEADLINE_DUE "coalesce (d.extended_due, d.letter_due, d.computed_due)"

static GPtrArray *
query_deadlines (RedressDatabase  *db,
                 const char       *sql,
                 const char       *a,
                 const char       *b,
                 GError          **error)
{
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db, sql, error);
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_deadline_info_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, a);
  redress_statement_bind_text (stmt, 2, b);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_ptr_array_add (ret, read_info (stmt));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the deadlines"));
      return NULL;
    }
  return g_steal_pointer (&ret);
}

static RedressDeadlineInfo *
get_deadline (RedressDatabase  *db,
              const char       *deadline_id,
              GError          **error)
{
  g_autoptr(GPtrArray) found = query_deadlines (db,
                                                "SELECT " DEADLINE_COLUMNS " FROM deadline d "
                                                "JOIN case_file c ON c.id = d.case_id WHERE d.id = ?1",
                                                deadline_id, NULL, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("The deadline no longer exists."));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * redress_procedure_record_extension:
 * @rule_id: the deadline rule extended ("D02")
 * @occurred_on: the date of the letter granting the extension
 * @new_due: the new due date printed in it
 *
 * An extension is an event of its own, with its letter; the deadline keeps
 * its computed date and shows the extended one beside it.
 */
char *
redress_procedure_record_extension (RedressDatabase  *db,
                                    const char       *case_id,
                                    const char       *rule_id,
                                    const char       *occurred_on,
                                    const char       *letter_ref,
                                    const char       *new_due,
                                    const char       *note,
                                    GError          **error)
{
  const RedressDeadlineRule *rule;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *id = NULL;
  g_autofree char *citation = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  if (!check_date (occurred_on, _("The date of the letter"), TRUE, error) ||
      !check_date (new_due, _("The new due date"), TRUE, error))
    return NULL;

  rule = redress_deadline_rules_lookup (rule_id);
  if (rule == NULL || rule->track == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not a deadline of a case (D01–D13)."), rule_id ? rule_id : "");
      return NULL;
    }
  citation = redress_deadline_rule_get_citation (rule);
  if (!rule->extendable)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("%s (%s) cannot be extended (%s). %s"), rule->id,
                   redress_deadline_rule_get_title (rule), citation,
                   g_strcmp0 (rule->id, "D01") == 0
                   ? _("A late communication is admissible only if the author shows it could not be submitted in time: record that as the time-limit excuse.")
                   : "");
      return NULL;
    }

  stmt = redress_database_prepare (db,
                                   "SELECT 1 FROM deadline WHERE case_id = ? AND rule_id = ? AND status = 'open'",
                                   error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  redress_statement_bind_text (stmt, 2, rule->id);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The case has no open deadline %s (%s) to extend."), rule->id,
                   redress_deadline_rule_get_title (rule));
      return NULL;
    }

  if (!_redress_database_begin (db, error))
    return NULL;
  id = insert_event (db, case_id, rule->track, REDRESS_EVENT_DEADLINE_EXTENDED, occurred_on, letter_ref,
                     new_due, note, rule->id, error);
  if (id == NULL || !recompute_in_transaction (db, case_id, error))
    {
      _redress_database_rollback (db);
      return NULL;
    }
  if (!_redress_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&id);
}

static char *
event_case (RedressDatabase  *db,
            const char       *event_id,
            GError          **error)
{
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db,
                                                           "SELECT case_id FROM procedural_event WHERE id = ?",
                                                           error);

  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, event_id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return dup_column (stmt, 0);
  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
               _("The event no longer exists."));
  return NULL;
}

/**
 * redress_procedure_correct_event:
 * @occurred_on: the corrected date
 * @letter_ref: (nullable): %NULL keeps the recorded reference
 * @letter_due: (nullable): %NULL keeps the recorded date, "" clears it
 * @note: (nullable): %NULL keeps the recorded note
 *
 * Corrects a past event and recomputes everything that depends on it.  A
 * correction that would make the history impossible is refused.
 */
gboolean
redress_procedure_correct_event (RedressDatabase  *db,
                                 const char       *event_id,
                                 const char       *occurred_on,
                                 const char       *letter_ref,
                                 const char       *letter_due,
                                 const char       *note,
                                 GError          **error)
{
  g_autofree char *case_id = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *now = redress_timestamp_now ();

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  if (!check_date (occurred_on, _("The event’s date"), TRUE, error) ||
      !check_date (letter_due, _("The due date in the letter"), FALSE, error))
    return FALSE;
  case_id = event_case (db, event_id, error);
  if (case_id == NULL)
    return FALSE;

  if (!_redress_database_begin (db, error))
    return FALSE;
  stmt = redress_database_prepare (db,
                                   "UPDATE procedural_event SET occurred_on = ?2, "
                                   "letter_ref = coalesce (?3, letter_ref), "
                                   "letter_due = CASE WHEN ?4 IS NULL THEN letter_due WHEN ?4 = '' THEN NULL ELSE ?4 END, "
                                   "note = coalesce (?5, note), updated_at = ?6 WHERE id = ?1",
                                   error);
  if (stmt == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, event_id);
  redress_statement_bind_text (stmt, 2, occurred_on);
  redress_statement_bind_text (stmt, 3, letter_ref);
  redress_statement_bind_text (stmt, 4, letter_due);
  redress_statement_bind_text (stmt, 5, note);
  redress_statement_bind_text (stmt, 6, now);
  if (!redress_statement_step_done (stmt, _("Could not update the docket"), error))
    goto fail;
  if (!recompute_in_transaction (db, case_id, error))
    {
      g_prefix_error (error, _("This correction would make the history impossible. "));
      goto fail;
    }
  if (!_redress_database_commit (db, error))
    return FALSE;

  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

/**
 * redress_procedure_delete_event:
 *
 * Removes an event recorded by mistake, with the deadlines it started.  Refused
 * when later events depend on it.
 */
gboolean
redress_procedure_delete_event (RedressDatabase  *db,
                                const char       *event_id,
                                GError          **error)
{
  g_autofree char *case_id = NULL;
  g_autoptr(RedressStatement) del_deadlines = NULL;
  g_autoptr(RedressStatement) del_event = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  case_id = event_case (db, event_id, error);
  if (case_id == NULL)
    return FALSE;

  if (!_redress_database_begin (db, error))
    return FALSE;
  del_deadlines = redress_database_prepare (db, "DELETE FROM deadline WHERE trigger_event_id = ?", error);
  del_event = redress_database_prepare (db, "DELETE FROM procedural_event WHERE id = ?", error);
  if (del_deadlines == NULL || del_event == NULL)
    goto fail;
  redress_statement_bind_text (del_deadlines, 1, event_id);
  redress_statement_bind_text (del_event, 1, event_id);
  if (!redress_statement_step_done (del_deadlines, _("Could not update the docket"), error) || !redress_statement_step_done (del_event,
                                                                                                                                 _("Could not update the docket"),
                                                                                                                                 error))
    goto fail;
  if (!recompute_in_transaction (db, case_id, error))
    {
      g_prefix_error (error, _("Later events depend on this one. "));
      goto fail;
    }
  if (!_redress_database_commit (db, error))
    return FALSE;

  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

/**
 * redress_procedure_get_stage:
 * @track: "main", "interim" or "protection"
 *
 * Returns: (transfer full): the track's current stage, derived from the history.
 */
char *
redress_procedure_get_stage (RedressDatabase  *db,
                             const char       *case_id,
                             const char       *track,
                             GError          **error)
{
  g_autofree char *kind = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) stages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *stage;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  kind = case_kind (db, case_id, error);
  if (kind == NULL)
    return NULL;
  events = load_events (db, case_id, error);
  if (events == NULL || !replay (kind, events, stages, error))
    return NULL;
  stage = g_hash_table_lookup (stages, track);
  if (stage == NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("An inquiry has no interim measures: OP3 art 6 applies to communications only."));
      return NULL;
    }
  return g_strdup (stage);
}

static gboolean
set_status (RedressDatabase  *db,
            const char       *deadline_id,
            const char       *sql,
            const char       *a,
            const char       *b,
            GError          **error)
{
  g_autoptr(RedressDeadlineInfo) info = get_deadline (db, deadline_id, error);
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *now = redress_timestamp_now ();

  if (info == NULL || !_redress_database_begin (db, error))
    return FALSE;
  stmt = redress_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, deadline_id);
  redress_statement_bind_text (stmt, 2, a);
  redress_statement_bind_text (stmt, 3, b);
  redress_statement_bind_text (stmt, 4, now);
  if (!redress_statement_step_done (stmt, _("Could not update the docket"), error))
    goto fail;
  /* Reopening hands the status back to the history. */
  if (!recompute_in_transaction (db, info->case_id, error))
    goto fail;
  if (!_redress_database_commit (db, error))
    return FALSE;
  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

/* Marks a deadline fulfilled by hand (a reply sent outside the recorded events). */
gboolean
redress_procedure_mark_done (RedressDatabase  *db,
                             const char       *deadline_id,
                             const char       *done_on,
                             const char       *done_by,
                             GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  if (!check_date (done_on, _("The date it was done"), TRUE, error))
    return FALSE;
  return set_status (db, deadline_id,
                     "UPDATE deadline SET status = 'done', manual = 1, closed_on = ?2, "
                     "closed_by = coalesce (?3, ''), updated_at = ?4 WHERE id = ?1",
                     done_on, done_by, error);
}

gboolean
redress_procedure_waive (RedressDatabase  *db,
                         const char       *deadline_id,
                         const char       *reason,
                         GError          **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("Say why the deadline no longer applies."));
      return FALSE;
    }
  return set_status (db, deadline_id,
                     "UPDATE deadline SET status = 'waived', manual = 1, waive_reason = ?2, "
                     "closed_on = NULL, closed_by = coalesce (?3, ''), updated_at = ?4 WHERE id = ?1",
                     reason, NULL, error);
}

gboolean
redress_procedure_reopen (RedressDatabase  *db,
                          const char       *deadline_id,
                          GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  return set_status (db, deadline_id,
                     "UPDATE deadline SET status = 'open', manual = 0, waive_reason = '', closed_on = NULL, "
                     "closed_by = '', updated_at = ?4 WHERE id = ?1 AND ?2 IS NULL AND ?3 IS NULL",
                     NULL, NULL, error);
}

/**
 * redress_procedure_list_deadlines:
 * @case_id: (nullable): one case, or %NULL for all
 *
 * Returns: (transfer full) (element-type RedressDeadlineInfo): every deadline,
 *   whatever its status, by due date.
 */
GPtrArray *
redress_procedure_list_deadlines (RedressDatabase  *db,
                                  const char       *case_id,
                                  GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  return query_deadlines (db,
                          "SELECT " DEADLINE_COLUMNS " FROM deadline d JOIN case_file c ON c.id = d.case_id "
                          "WHERE ?1 IS NULL OR d.case_id = ?1 "
                          "ORDER BY " DEADLINE_DUE " IS NULL, " DEADLINE_DUE ", c.reference, d.rule_id",
                          case_id, NULL, error);
}

/**
 * redress_procedure_list_open_deadlines:
 * @from: (nullable): first due date, inclusive
 * @to: (nullable): last due date, inclusive
 *
 * Open deadlines by due date.  With neither bound, those whose date is not
 * known yet (set by a letter not recorded) come last.
 */
GPtrArray *
redress_procedure_list_open_deadlines (RedressDatabase  *db,
                                       const char       *from,
                                       const char       *to,
                                       GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  if (!check_date (from, _("The first date"), FALSE, error) || !check_date (to, _("The last date"), FALSE, error))
    return NULL;
  return query_deadlines (db,
                          "SELECT " DEADLINE_COLUMNS " FROM deadline d JOIN case_file c ON c.id = d.case_id "
                          "WHERE d.status = 'open' AND (?1 IS NULL OR " DEADLINE_DUE " >= ?1) "
                          "AND (?2 IS NULL OR " DEADLINE_DUE " <= ?2) "
                          "ORDER BY " DEADLINE_DUE " IS NULL, " DEADLINE_DUE ", d.urgent DESC, c.reference, d.rule_id",
                          null_if_empty (from), null_if_empty (to), error);
}

/* Open deadlines due before @today. */
GPtrArray *
redress_procedure_list_overdue (RedressDatabase  *db,
                                const char       *today,
                                GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  if (!check_date (today, _("Today’s date"), TRUE, error))
    return NULL;
  return query_deadlines (db,
                          "SELECT " DEADLINE_COLUMNS " FROM deadline d JOIN case_file c ON c.id = d.case_id "
                          "WHERE d.status = 'open' AND " DEADLINE_DUE " < ?1 AND NOT " DEADLINE_IN_FORCE " "
                          "ORDER BY " DEADLINE_DUE ", c.reference, d.rule_id",
                          today, NULL, error);
}

/**
 * redress_procedure_list_cases_without_open_deadline:
 *
 * Returns: (transfer full): the ids of the cases that are still going (their
 *   main track is not at a closing stage) but have no open deadline at all.
 */
GStrv
redress_procedure_list_cases_without_open_deadline (RedressDatabase  *db,
                                                    GError          **error)
{
  RedressLifecycle *lc = redress_lifecycle_get_default ();
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  stmt = redress_database_prepare (db,
                                   "SELECT c.id, c.kind, c.stage FROM case_file c WHERE NOT EXISTS "
                                   "(SELECT 1 FROM deadline d WHERE d.case_id = c.id AND d.status = 'open') "
                                   "ORDER BY c.reference",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      const char *kind = redress_statement_column_text (stmt, 1);
      const char *stage = redress_statement_column_text (stmt, 2);
      const char *procedure = redress_lifecycle_procedure_for_track (kind, "main");

      if (stage == NULL || *stage == '\0')
        stage = redress_lifecycle_initial_stage (procedure);
      if (procedure != NULL && redress_lifecycle_is_terminal (lc, procedure, stage))
        continue;
      g_strv_builder_add (builder, redress_statement_column_text (stmt, 0));
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the cases"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}
