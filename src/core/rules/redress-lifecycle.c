/* redress-lifecycle.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stages and events of a communication (main track), its interim measures
 * (OP3 art 6) and protection measures (art 4) tracks, and an inquiry
 * (arts 13-14), from the bundled data/lifecycle.csv.  Each transition carries
 * its legal source and verification mark from that file.
 */

#define G_LOG_DOMAIN "redress-lifecycle"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-csv.h"
#include "redress-database.h"
#include "redress-lifecycle.h"

#define LIFECYCLE_PATH "/io/github/redress/Redress/model/data/lifecycle.csv"

struct _RedressLifecycle
{
  GObject    parent_instance;

  GPtrArray *transitions;
};

G_DEFINE_FINAL_TYPE (RedressLifecycle, redress_lifecycle, G_TYPE_OBJECT)

static const struct {
  const char *id;
  const char *label;
} stage_labels[] = {
  { "INTAKE", N_("Intake") },
  { "DRAFTING", N_("Drafting") },
  { "READY_TO_FILE", N_("Ready to file") },
  { "CLOSED_NOT_FILED", N_("Closed, not filed") },
  { "SUBMITTED", N_("Submitted") },
  { "CLARIFICATION_REQUESTED", N_("Clarification requested") },
  { "CLOSED_NOT_REGISTERED", N_("Closed, not registered") },
  { "AWAITING_STATE_OBSERVATIONS", N_("Awaiting the State’s observations") },
  { "AWAITING_AUTHOR_COMMENTS", N_("Awaiting the author’s comments") },
  { "FURTHER_SUBMISSIONS", N_("Further submissions") },
  { "READY_FOR_CONSIDERATION", N_("Ready for consideration") },
  { "AWAITING_STATE_MERITS_OBSERVATIONS", N_("Awaiting the State’s merits observations") },
  { "FRIENDLY_SETTLEMENT_NEGOTIATION", N_("Friendly settlement talks") },
  { "FRIENDLY_SETTLEMENT_REACHED", N_("Friendly settlement reached") },
  { "DECIDED_INADMISSIBLE", N_("Declared inadmissible") },
  { "DISCONTINUED", N_("Discontinued") },
  { "VIEWS_VIOLATION", N_("Views: violation") },
  { "VIEWS_NO_VIOLATION", N_("Views: no violation") },
  { "FOLLOW_UP_AWAITING_STATE_RESPONSE", N_("Follow-up: awaiting the State’s response") },
  { "FOLLOW_UP_AWAITING_AUTHOR_COMMENTS", N_("Follow-up: awaiting the author’s comments") },
  { "FOLLOW_UP_DIALOGUE", N_("Follow-up dialogue") },
  { "FOLLOW_UP_CLOSED", N_("Follow-up closed") },
  { "NONE", N_("None") },
  { "IM_REQUESTED", N_("Interim measures requested") },
  { "IM_GRANTED", N_("Interim measures granted") },
  { "IM_DENIED", N_("Interim measures declined") },
  { "IM_LIFT_REQUESTED", N_("Lifting of interim measures requested") },
  { "IM_LIFTED", N_("Interim measures lifted") },
  { "IM_BREACH_RECORDED", N_("Breach of interim measures recorded") },
  { "PM_REQUESTED", N_("Protection measures requested") },
  { "PM_REQUESTED_OF_STATE", N_("Protection measures requested of the State") },
  { "PREPARING_INFORMATION", N_("Preparing information") },
  { "INFORMATION_SUBMITTED", N_("Information submitted") },
  { "PRELIMINARY_REVIEW", N_("Preliminary review") },
  { "NOT_PURSUED", N_("Not pursued") },
  { "AWAITING_STATE_INITIAL_OBSERVATIONS", N_("Awaiting the State’s initial observations") },
  { "INQUIRY_UNDER_WAY", N_("Inquiry under way") },
  { "AWAITING_STATE_OBSERVATIONS_ON_FINDINGS", N_("Awaiting the State’s observations on the findings") },
  { "INQUIRY_CONCLUDED", N_("Inquiry concluded") },
  { "SUMMARY_PUBLISHED", N_("Summary published") },
  { "INQUIRY_FOLLOW_UP", N_("Inquiry follow-up") },
  { "CLOSED", N_("Closed") },
  { "INTER_STATE_PENDING", N_("Inter-State matter pending") },
};

static const struct {
  const char *id;
  const char *label;
} event_labels[] = {
  { "eligibility_checked_ok", N_("Eligibility checked") },
  { "eligibility_failed", N_("Eligibility failed") },
  { "draft_approved", N_("Draft approved") },
  { "sent_to_ohchr", N_("Sent to OHCHR") },
  { "secretariat_requests_clarification", N_("Secretariat requests clarification") },
  { "clarification_sent", N_("Clarification sent") },
  { "no_reply_or_file_closed", N_("File closed without registration") },
  { "registered_and_transmitted", N_("Registered and transmitted to the State") },
  { "declared_inadmissible_without_transmission", N_("Declared inadmissible without transmission") },
  { "state_requests_separate_admissibility", N_("State asks for a separate admissibility decision") },
  { "state_observations_received", N_("State observations received") },
  { "state_fails_to_reply_after_reminders", N_("State did not reply after reminders") },
  { "author_comments_sent", N_("Author’s comments sent") },
  { "author_fails_to_reply", N_("Author did not reply") },
  { "exchange_closed", N_("Exchange of submissions closed") },
  { "third_party_intervention_filed", N_("Third-party intervention filed") },
  { "admissibility_decided_separately_admissible", N_("Declared admissible (separate decision)") },
  { "state_merits_observations_received", N_("State merits observations received") },
  { "oral_hearing_held", N_("Oral hearing held") },
  { "friendly_settlement_talks_opened", N_("Friendly settlement talks opened") },
  { "settlement_agreed", N_("Friendly settlement agreed") },
  { "talks_failed", N_("Friendly settlement talks failed") },
  { "implementation_follow_up_opened", N_("Follow-up of the settlement opened") },
  { "author_withdraws_or_matter_moot", N_("Withdrawn or moot") },
  { "decision_inadmissible", N_("Declared inadmissible") },
  { "views_violation", N_("Views adopted: violation") },
  { "views_no_violation", N_("Views adopted: no violation") },
  { "views_transmitted", N_("Views transmitted") },
  { "state_follow_up_reply_received", N_("State follow-up reply received") },
  { "author_follow_up_comments_sent", N_("Author’s follow-up comments sent") },
  { "further_info_requested_incl_periodic_report", N_("Further follow-up information requested") },
  { "follow_up_closed", N_("Follow-up closed") },
  { "author_requests_interim_measures", N_("Interim measures requested") },
  { "committee_grants", N_("Committee grants interim measures") },
  { "committee_declines", N_("Committee declines interim measures") },
  { "state_asks_to_lift", N_("State asks to lift interim measures") },
  { "committee_lifts", N_("Committee lifts interim measures") },
  { "committee_maintains", N_("Committee maintains interim measures") },
  { "state_non_compliance_reported", N_("State non-compliance reported") },
  { "reprisal_reported", N_("Reprisal reported") },
  { "committee_requests_state_action", N_("Committee asks the State to protect") },
  { "information_sent", N_("Information sent") },
  { "reliability_assessed", N_("Reliability assessed") },
  { "not_reliable_or_not_grave_systematic", N_("Not reliable, or not grave or systematic") },
  { "state_invited_to_cooperate", N_("State invited to cooperate") },
  { "members_designated", N_("Members designated") },
  { "visit_consented_and_held", N_("Visit held with the State’s consent") },
  { "findings_transmitted", N_("Findings transmitted") },
  { "state_observations_received_or_6_months_elapsed", N_("State observations received, or six months passed") },
  { "summary_included_in_report", N_("Summary included in the report") },
  { "follow_up_invitation", N_("State invited to report follow-up") },
  { "communication_lodged", N_("Inter-State communication lodged") },
  { "deadline_extended", N_("Deadline extended") },
};

/* Stages before the communication reaches the Committee: nothing there can be
 * discontinued under RoP rule 26, which acts on a communication before it. */
static const char * const pre_filing_stages[] = { "INTAKE", "DRAFTING", "READY_TO_FILE", NULL };

/* After a determination (Views, or an agreed friendly settlement) the
 * communication is no longer pending: discontinuance (RoP rule 26) no longer
 * applies, and the follow-up of art 11(1) runs until it is closed. */
static const char * const determined_stages[] = {
  "VIEWS_VIOLATION", "VIEWS_NO_VIOLATION", "FRIENDLY_SETTLEMENT_REACHED",
  "FOLLOW_UP_AWAITING_STATE_RESPONSE", "FOLLOW_UP_AWAITING_AUTHOR_COMMENTS", "FOLLOW_UP_DIALOGUE", NULL
};

static void
transition_free (gpointer data)
{
  RedressTransition *t = data;

  g_free (t->procedure);
  g_strfreev (t->from_stages);
  g_free (t->event);
  g_free (t->to_stage);
  g_free (t->source);
  g_free (t->verification);
  g_free (t->mark);
  g_free (t->notes);
  g_free (t);
}

static void
redress_lifecycle_finalize (GObject *object)
{
  RedressLifecycle *self = (RedressLifecycle *)object;

  g_clear_pointer (&self->transitions, g_ptr_array_unref);

  G_OBJECT_CLASS (redress_lifecycle_parent_class)->finalize (object);
}

static void
redress_lifecycle_class_init (RedressLifecycleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = redress_lifecycle_finalize;
}

static void
redress_lifecycle_init (RedressLifecycle *self)
{
  self->transitions = g_ptr_array_new_with_free_func (transition_free);
}

/* The domain brief's marks, from the file's verification words. */
static char *
mark_for (const char *verification)
{
  if (strstr (verification, "secondary") != NULL)
    return g_strdup ("[S]");
  if (g_str_has_prefix (verification, "verified"))
    return g_strdup ("[V]");
  if (g_str_has_prefix (verification, "partly verified"))
    return g_strdup ("[V]/[U]");
  if (g_str_has_prefix (verification, "app-internal"))
    return g_strdup ("app");
  return g_strdup ("[U]");
}

/**
 * redress_lifecycle_get_default:
 *
 * Returns: (transfer none): the life cycles bundled with Redress.
 */
RedressLifecycle *
redress_lifecycle_get_default (void)
{
  static RedressLifecycle *instance;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = redress_csv_load_resource (LIFECYCLE_PATH, &error);
      RedressLifecycle *self = g_object_new (REDRESS_TYPE_LIFECYCLE, NULL);
      GStrv header;
      int cp, cf, ce, ct, cs, cv, cn;

      if (rows == NULL)
        g_error ("The bundled lifecycle.csv is unreadable: %s", error->message);
      header = g_ptr_array_index (rows, 0);
      cp = redress_csv_column (header, "procedure");
      cf = redress_csv_column (header, "from_state");
      ce = redress_csv_column (header, "event");
      ct = redress_csv_column (header, "to_state");
      cs = redress_csv_column (header, "legal_source");
      cv = redress_csv_column (header, "verification");
      cn = redress_csv_column (header, "notes");
      g_assert (cp >= 0 && cf >= 0 && ce >= 0 && ct >= 0 && cs >= 0 && cv >= 0 && cn >= 0);

      for (guint i = 1; i < rows->len; i++)
        {
          GStrv row = g_ptr_array_index (rows, i);
          RedressTransition *t;

          g_assert (g_strv_length (row) > (guint) cn);
          t = g_new0 (RedressTransition, 1);
          t->procedure = g_strdup (row[cp]);
          t->from_stages = g_strsplit (row[cf], "|", -1);
          t->event = g_strdup (row[ce]);
          t->to_stage = g_strdup (row[ct]);
          t->source = g_strdup (row[cs]);
          t->verification = g_strdup (row[cv]);
          t->mark = mark_for (row[cv]);
          t->notes = g_strdup (row[cn]);
          g_ptr_array_add (self->transitions, t);
        }

      instance = self;
      g_once_init_leave (&initialized, 1);
    }

  return instance;
}

guint
redress_lifecycle_get_n_transitions (RedressLifecycle *self)
{
  g_return_val_if_fail (REDRESS_IS_LIFECYCLE (self), 0);
  return self->transitions->len;
}

const RedressTransition *
redress_lifecycle_get_transition (RedressLifecycle *self,
                                  guint             index)
{
  g_return_val_if_fail (REDRESS_IS_LIFECYCLE (self), NULL);
  g_return_val_if_fail (index < self->transitions->len, NULL);
  return g_ptr_array_index (self->transitions, index);
}

/**
 * redress_lifecycle_procedure_for_track:
 * @case_kind: "communication" or "inquiry"
 * @track: "main", "interim" or "protection"
 *
 * Returns: (nullable): the procedure of lifecycle.csv that a track of a case
 *   follows, or %NULL when that case has no such track (interim measures,
 *   OP3 art 6, exist only for communications).
 */
const char *
redress_lifecycle_procedure_for_track (const char *case_kind,
                                       const char *track)
{
  gboolean inquiry = g_strcmp0 (case_kind, "inquiry") == 0;

  if (!inquiry && g_strcmp0 (case_kind, "communication") != 0)
    return NULL;
  if (g_strcmp0 (track, "main") == 0)
    return inquiry ? "inquiry" : "communication";
  if (g_strcmp0 (track, "interim") == 0)
    return inquiry ? NULL : "interim_measures";
  /* Art 4 protects everyone who communicates or cooperates with the Committee,
   * inquiries included. */
  if (g_strcmp0 (track, "protection") == 0)
    return "protection_measures";
  return NULL;
}

const char *
redress_lifecycle_initial_stage (const char *procedure)
{
  if (g_strcmp0 (procedure, "communication") == 0)
    return "INTAKE";
  if (g_strcmp0 (procedure, "inquiry") == 0)
    return "PREPARING_INFORMATION";
  if (g_strcmp0 (procedure, "interim_measures") == 0 ||
      g_strcmp0 (procedure, "protection_measures") == 0 ||
      g_strcmp0 (procedure, "inter_state") == 0)
    return "NONE";
  return NULL;
}

static gboolean
has_explicit_exit (RedressLifecycle *self,
                   const char       *procedure,
                   const char       *stage)
{
  for (guint i = 0; i < self->transitions->len; i++)
    {
      const RedressTransition *t = g_ptr_array_index (self->transitions, i);

      if (g_strcmp0 (t->procedure, procedure) == 0 &&
          g_strv_contains ((const char * const *) t->from_stages, stage))
        return TRUE;
    }
  return FALSE;
}

/* A stage no event leaves: the case is closed on that track. */
gboolean
redress_lifecycle_is_terminal (RedressLifecycle *self,
                               const char       *procedure,
                               const char       *stage)
{
  g_return_val_if_fail (REDRESS_IS_LIFECYCLE (self), FALSE);
  return !has_explicit_exit (self, procedure, stage);
}

/* "ANY_OPEN_STATE" of lifecycle.csv: pending before the Committee: filed,
 * not closed, and not yet determined (Views, friendly settlement). */
gboolean
redress_lifecycle_is_open (RedressLifecycle *self,
                           const char       *procedure,
                           const char       *stage)
{
  g_return_val_if_fail (REDRESS_IS_LIFECYCLE (self), FALSE);

  if (g_strcmp0 (procedure, "communication") == 0 &&
      (g_strv_contains (pre_filing_stages, stage) || g_strv_contains (determined_stages, stage)))
    return FALSE;
  return has_explicit_exit (self, procedure, stage);
}

static gboolean
transition_applies (RedressLifecycle        *self,
                    const RedressTransition *t,
                    const char              *procedure,
                    const char              *from_stage)
{
  if (g_strcmp0 (t->procedure, procedure) != 0)
    return FALSE;
  if (g_strv_contains ((const char * const *) t->from_stages, from_stage))
    return TRUE;
  return g_strv_contains ((const char * const *) t->from_stages, "ANY_OPEN_STATE") &&
         redress_lifecycle_is_open (self, procedure, from_stage);
}

/**
 * redress_lifecycle_find:
 *
 * Returns: (nullable): the transition @event makes from @from_stage, or %NULL
 *   when the procedure does not allow it.
 */
const RedressTransition *
redress_lifecycle_find (RedressLifecycle *self,
                        const char       *procedure,
                        const char       *from_stage,
                        const char       *event)
{
  g_return_val_if_fail (REDRESS_IS_LIFECYCLE (self), NULL);

  for (guint i = 0; i < self->transitions->len; i++)
    {
      const RedressTransition *t = g_ptr_array_index (self->transitions, i);

      if (g_strcmp0 (t->event, event) == 0 && transition_applies (self, t, procedure, from_stage))
        return t;
    }
  return NULL;
}

gboolean
redress_lifecycle_has_event (RedressLifecycle *self,
                             const char       *procedure,
                             const char       *event)
{
  g_return_val_if_fail (REDRESS_IS_LIFECYCLE (self), FALSE);

  for (guint i = 0; i < self->transitions->len; i++)
    {
      const RedressTransition *t = g_ptr_array_index (self->transitions, i);

      if (g_strcmp0 (t->procedure, procedure) == 0 && g_strcmp0 (t->event, event) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * redress_lifecycle_check:
 *
 * Like redress_lifecycle_find(), but a refused move sets @error to a sentence
 * that says why: the stages the event is allowed from, and its source.
 */
const RedressTransition *
redress_lifecycle_check (RedressLifecycle  *self,
                         const char        *procedure,
                         const char        *from_stage,
                         const char        *event,
                         GError           **error)
{
  const RedressTransition *found = redress_lifecycle_find (self, procedure, from_stage, event);
  g_autoptr(GString) allowed = NULL;
  const char *source = NULL;

  if (found != NULL)
    return found;

  if (!redress_lifecycle_has_event (self, procedure, event))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not an event of this procedure."), event);
      return NULL;
    }

  allowed = g_string_new (NULL);
  for (guint i = 0; i < self->transitions->len; i++)
    {
      const RedressTransition *t = g_ptr_array_index (self->transitions, i);

      if (g_strcmp0 (t->procedure, procedure) != 0 || g_strcmp0 (t->event, event) != 0)
        continue;
      source = t->source;
      for (guint j = 0; t->from_stages[j] != NULL; j++)
        {
          const char *label = g_strcmp0 (t->from_stages[j], "ANY_OPEN_STATE") == 0
                              ? _("any stage while the communication is pending before the Committee (filed, before Views)")
                              : redress_lifecycle_stage_label (t->from_stages[j]);

          if (allowed->len > 0)
            g_string_append (allowed, _(", "));
          g_string_append_printf (allowed, "“%s”", label);
        }
    }

  if (source != NULL && *source != '\0')
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                 _("“%s” cannot be recorded while the case is at “%s”: the procedure (%s) allows it only from %s."),
                 redress_lifecycle_event_label (event), redress_lifecycle_stage_label (from_stage),
                 source, allowed->str);
  else
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                 _("“%s” cannot be recorded while the case is at “%s”: it is allowed only from %s."),
                 redress_lifecycle_event_label (event), redress_lifecycle_stage_label (from_stage),
                 allowed->str);
  return NULL;
}

/**
 * redress_lifecycle_allowed_events:
 *
 * Returns: (transfer container) (element-type RedressTransition): the moves
 *   allowed from @stage.
 */
GPtrArray *
redress_lifecycle_allowed_events (RedressLifecycle *self,
                                  const char       *procedure,
                                  const char       *stage)
{
  GPtrArray *ret = g_ptr_array_new ();

  g_return_val_if_fail (REDRESS_IS_LIFECYCLE (self), ret);

  for (guint i = 0; i < self->transitions->len; i++)
    {
      RedressTransition *t = g_ptr_array_index (self->transitions, i);

      if (transition_applies (self, t, procedure, stage))
        g_ptr_array_add (ret, t);
    }
  return ret;
}

/* Every stage named in @procedure, "ANY_OPEN_STATE" left out. */
GStrv
redress_lifecycle_list_stages (RedressLifecycle *self,
                               const char       *procedure)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->transitions->len; i++)
    {
      const RedressTransition *t = g_ptr_array_index (self->transitions, i);

      if (g_strcmp0 (t->procedure, procedure) != 0)
        continue;
      for (guint j = 0; t->from_stages[j] != NULL; j++)
        if (g_strcmp0 (t->from_stages[j], "ANY_OPEN_STATE") != 0 &&
            g_hash_table_add (seen, t->from_stages[j]))
          g_strv_builder_add (builder, t->from_stages[j]);
      if (g_hash_table_add (seen, t->to_stage))
        g_strv_builder_add (builder, t->to_stage);
    }
  return g_strv_builder_end (builder);
}

/* A translated name for a stage; the identifier itself when it has none. */
const char *
redress_lifecycle_stage_label (const char *stage)
{
  for (guint i = 0; i < G_N_ELEMENTS (stage_labels); i++)
    if (g_strcmp0 (stage_labels[i].id, stage) == 0)
      return _(stage_labels[i].label);
  return stage;
}

const char *
redress_lifecycle_event_label (const char *event)
{
  for (guint i = 0; i < G_N_ELEMENTS (event_labels); i++)
    if (g_strcmp0 (event_labels[i].id, event) == 0)
      return _(event_labels[i].label);
  return event;
}
