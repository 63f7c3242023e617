/* redress-timeline.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One chronological list per case: facts, procedural events, letters and the
 * dates evidence shows.  Entries without a date are left out.
 */

#define G_LOG_DOMAIN "redress-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-database-private.h"
#include "redress-enums.h"
#include "redress-lifecycle.h"
#include "redress-timeline.h"

RedressTimelineEntry *
redress_timeline_entry_copy (const RedressTimelineEntry *entry)
{
  RedressTimelineEntry *copy = g_new0 (RedressTimelineEntry, 1);

  copy->date = g_strdup (entry->date);
  copy->end_date = g_strdup (entry->end_date);
  copy->kind = entry->kind;
  copy->source_id = g_strdup (entry->source_id);
  copy->title = g_strdup (entry->title);
  copy->detail = g_strdup (entry->detail);
  return copy;
}

void
redress_timeline_entry_free (RedressTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->end_date);
  g_free (entry->source_id);
  g_free (entry->title);
  g_free (entry->detail);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (RedressTimelineEntry, redress_timeline_entry,
                     redress_timeline_entry_copy, redress_timeline_entry_free)

static const struct {
  const char *nick;
  const char *label;
} kinds[] = {
  [REDRESS_TIMELINE_FACT]     = { "fact",     N_("Fact") },
  [REDRESS_TIMELINE_EVENT]    = { "event",    N_("Procedure") },
  [REDRESS_TIMELINE_LETTER]   = { "letter",   N_("Letter") },
  [REDRESS_TIMELINE_EVIDENCE] = { "evidence", N_("Evidence") },
};

const char *
redress_timeline_kind_to_string (RedressTimelineKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return kinds[kind].nick;
}

const char *
redress_timeline_kind_get_label (RedressTimelineKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);

  return _(kinds[kind].label);
}

/**
 * redress_timeline_list:
 * @case_id: the case
 *
 * Returns: (transfer container) (element-type RedressTimelineEntry): the
 *   case's dated entries, oldest first; on the same day facts come first,
 *   then procedural events, letters and evidence.
 */
GPtrArray *
redress_timeline_list (RedressDatabase  *db,
                       const char       *case_id,
                       GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_timeline_entry_free);
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  stmt = redress_database_prepare (db,
   "SELECT occurred_on, occurred_until, 0, id, description, place, created_at, 0 FROM fact "
   "  WHERE case_id = ?1 AND occurred_on IS NOT NULL "
   "UNION ALL "
   "SELECT occurred_on, NULL, 1, id, event, "
   "       trim (letter_ref || CASE WHEN letter_due IS NULL THEN '' ELSE ' → ' || letter_due END "
   "             || ' ' || note), created_at, seq FROM procedural_event "
   "  WHERE case_id = ?1 "
   "UNION ALL "
   "SELECT coalesce (letter_date, transit_date), NULL, 2, id, subject, "
   "       direction || ' ' || counterpart, created_at, 0 FROM correspondence "
   "  WHERE case_id = ?1 AND coalesce (letter_date, transit_date) IS NOT NULL "
   "UNION ALL "
   "SELECT shown_date, NULL, 3, id, title, kind, created_at, 0 FROM evidence_item "
   "  WHERE case_id = ?1 AND shown_date IS NOT NULL "
   "ORDER BY 1, 3, 8, 7", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);

  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      RedressTimelineEntry *e = g_new0 (RedressTimelineEntry, 1);

      e->date = g_strdup (redress_statement_column_text (stmt, 0));
      e->end_date = g_strdup (redress_statement_column_text (stmt, 1));
      e->kind = redress_statement_column_int (stmt, 2);
      e->source_id = g_strdup (redress_statement_column_text (stmt, 3));
      if (e->kind == REDRESS_TIMELINE_EVENT)
        e->title = g_strdup (redress_lifecycle_event_label (redress_statement_column_text (stmt, 4)));
      else
        e->title = g_strdup (redress_statement_column_text (stmt, 4));
      if (e->kind == REDRESS_TIMELINE_LETTER && redress_statement_column_text (stmt, 5) != NULL)
        {
          /* "in committee" → "Received · Committee", in the window's language. */
          g_auto(GStrv) parts = g_strsplit (redress_statement_column_text (stmt, 5), " ", 2);

          e->detail = parts[0] != NULL && parts[1] != NULL
                        ? g_strdup_printf (_("%s · %s"), redress_direction_get_label (parts[0]),
                                           redress_counterpart_get_label (parts[1]))
                        : g_strdup (redress_statement_column_text (stmt, 5));
        }
      else if (e->kind == REDRESS_TIMELINE_EVIDENCE && redress_statement_column_text (stmt, 5) != NULL)
        e->detail = g_strdup (redress_evidence_kind_get_label (redress_statement_column_text (stmt, 5)));
      else
        e->detail = g_strdup (redress_statement_column_text (stmt, 5));
      g_ptr_array_add (entries, e);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the case’s timeline"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}
