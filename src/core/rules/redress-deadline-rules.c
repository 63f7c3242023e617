/* redress-deadline-rules.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule pack: what each deadline of data/deadlines.csv means in code
 * (which events start it, its length, in which stages it stays open, which
 * events fulfil it), joined to the file's words, source and verification.
 */

#define G_LOG_DOMAIN "redress-deadline-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "redress-csv.h"
#include "redress-deadline-rules.h"
#include "redress-util.h"

#define DEADLINES_PATH "/io/github/redress/Redress/model/data/deadlines.csv"

/* Bump when the code below changes what a rule computes; the SHA-256 of the
 * bundled deadlines.csv is appended, so an edited file is a new pack too. */
#define RULE_PACK_CODE_VERSION "op3-2026.2"

#define STRV(...) ((const char * const []) { __VA_ARGS__, NULL })

static RedressDeadlineRule rules[] = {
  /* OP3 art 7(h) [V]: one year from the final domestic decision; counted from
   * the earlier of decision and notification (domain.md §1.1, [U] which one
   * the Committee uses).  Not a lifecycle event: see redress-procedure.c. */
  { "D01", N_("Submit the communication"), "communication", "main", NULL,
    REDRESS_PERIOD_YEARS, 1, FALSE, FALSE, FALSE, FALSE,
    STRV ("INTAKE", "DRAFTING", "READY_TO_FILE"), STRV ("sent_to_ohchr") },
  /* OP3 art 8(2) [V]: six months. */
  { "D02", N_("State observations on admissibility and merits"), "communication", "main",
    STRV ("registered_and_transmitted"),
    REDRESS_PERIOD_MONTHS, 6, FALSE, TRUE, TRUE, FALSE,
    STRV ("AWAITING_STATE_OBSERVATIONS"), STRV ("state_observations_received") },
  /* RoP rule 18 [U] length: two months. */
  { "D03", N_("State request to examine admissibility separately"), "communication", "main",
    STRV ("registered_and_transmitted"),
    REDRESS_PERIOD_MONTHS, 2, FALSE, FALSE, FALSE, FALSE,
    STRV ("AWAITING_STATE_OBSERVATIONS"), STRV ("state_requests_separate_admissibility") },
  /* RoP rule 18; art 10(1): set by the Committee, 2 months a planning default [U]. */
  { "D04", N_("Author’s comments on the State’s observations"), "communication", "main",
    STRV ("state_observations_received", "state_merits_observations_received"),
    REDRESS_PERIOD_MONTHS, 2, TRUE, TRUE, TRUE, FALSE,
    STRV ("AWAITING_AUTHOR_COMMENTS"), STRV ("author_comments_sent") },
  /* RoP rule 18: set by the Committee, no default. */
  { "D05", N_("Further submissions or replies"), "communication", "main",
    STRV ("author_comments_sent", "third_party_intervention_filed"),
    REDRESS_PERIOD_NONE, 0, FALSE, TRUE, TRUE, FALSE,
    STRV ("FURTHER_SUBMISSIONS"), STRV ("exchange_closed") },
  /* RoP rule 22 [U]: six months assumed. */
  { "D06", N_("State merits observations after the admissibility decision"), "communication", "main",
    STRV ("admissibility_decided_separately_admissible"),
    REDRESS_PERIOD_MONTHS, 6, FALSE, TRUE, TRUE, FALSE,
    STRV ("AWAITING_STATE_MERITS_OBSERVATIONS"), STRV ("state_merits_observations_received") },
  /* RoP rule 15: set by the Secretariat's letter. */
  { "D07", N_("Reply to the Secretariat’s request for clarification"), "communication", "main",
    STRV ("secretariat_requests_clarification"),
    REDRESS_PERIOD_NONE, 0, FALSE, TRUE, TRUE, FALSE,
    STRV ("CLARIFICATION_REQUESTED"), STRV ("clarification_sent") },
  /* OP3 art 6 [V]: immediate, urgent. */
  { "D08", N_("Implement the interim measures"), "interim_measures", "interim",
    STRV ("committee_grants"),
    REDRESS_PERIOD_DAYS, 0, FALSE, FALSE, FALSE, TRUE,
    /* A recorded breach keeps the measures in force (and flagged). */
    STRV ("IM_GRANTED", "IM_LIFT_REQUESTED", "IM_BREACH_RECORDED"), STRV ("committee_lifts") },
  /* OP3 art 11(1) [S]; RoP rule 28: six months, also after a friendly settlement. */
  { "D09", N_("State response on follow-up"), "communication", "main",
    STRV ("views_transmitted", "implementation_follow_up_opened"),
    REDRESS_PERIOD_MONTHS, 6, FALSE, TRUE, TRUE, FALSE,
    STRV ("FOLLOW_UP_AWAITING_STATE_RESPONSE"), STRV ("state_follow_up_reply_received") },
  /* RoP rule 28 [U]: set by the Committee, 2 months a planning default. */
  { "D10", N_("Author’s comments on the State’s follow-up reply"), "communication", "main",
    STRV ("state_follow_up_reply_received"),
    REDRESS_PERIOD_MONTHS, 2, TRUE, TRUE, TRUE, FALSE,
    STRV ("FOLLOW_UP_AWAITING_AUTHOR_COMMENTS"), STRV ("author_follow_up_comments_sent") },
  /* OP3 art 13(1) [V]: without delay, no fixed period. */
  { "D11", N_("State observations on the inquiry information"), "inquiry", "main",
    STRV ("state_invited_to_cooperate"),
    REDRESS_PERIOD_NONE, 0, FALSE, TRUE, FALSE, FALSE,
    STRV ("AWAITING_STATE_INITIAL_OBSERVATIONS"), NULL },
  /* OP3 art 13(5) [V]: six months. */
  { "D12", N_("State observations on the inquiry findings"), "inquiry", "main",
    STRV ("findings_transmitted"),
    REDRESS_PERIOD_MONTHS, 6, FALSE, TRUE, FALSE, FALSE,
    STRV ("AWAITING_STATE_OBSERVATIONS_ON_FINDINGS"), STRV ("state_observations_received_or_6_months_elapsed") },
  /* OP3 art 14(1) [V]/[U]: after the six months the Committee may invite. */
  { "D13", N_("Committee may invite a report on inquiry follow-up"), "inquiry", "main",
    STRV ("findings_transmitted"),
    REDRESS_PERIOD_MONTHS, 6, FALSE, FALSE, FALSE, FALSE,
    STRV ("AWAITING_STATE_OBSERVATIONS_ON_FINDINGS", "INQUIRY_CONCLUDED", "SUMMARY_PUBLISHED"),
    STRV ("follow_up_invitation") },
  /* Status rules: no case deadline; used by the reference data. */
  { "D14", N_("OP3 entry into force for a State"), "status", NULL, NULL,
    REDRESS_PERIOD_MONTHS, 3, FALSE, FALSE, FALSE, FALSE, NULL, NULL },
  { "D15", N_("Temporal scope of complaints"), "status", NULL, NULL,
    REDRESS_PERIOD_NONE, 0, FALSE, FALSE, FALSE, FALSE, NULL, NULL },
  { "D16", N_("Art 13(7) opt-out declaration"), "status", NULL, NULL,
    REDRESS_PERIOD_NONE, 0, FALSE, FALSE, FALSE, FALSE, NULL, NULL },
  { "D17", N_("OPSC/OPAC entry into force for a State"), "status", NULL, NULL,
    REDRESS_PERIOD_MONTHS, 1, FALSE, FALSE, FALSE, FALSE, NULL, NULL },
  { "D18", N_("CRC entry into force for a State"), "status", NULL, NULL,
    REDRESS_PERIOD_DAYS, 30, FALSE, FALSE, FALSE, FALSE, NULL, NULL },
};

static char *pack_version;

static const char *
mark_for (const char *verification)
{
  if (strstr (verification, "secondary") != NULL)
    return "[S]";
  if (g_str_has_prefix (verification, "verified"))
    return "[V]";
  if (g_str_has_prefix (verification, "partly verified"))
    return "[V]/[U]";
  return "[U]";
}

/* Joins the bundled deadlines.csv to the table above, once. */
static void
ensure_loaded (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *sha = NULL;
      GStrv header;
      int cols[10];
      static const char * const names[] = {
        "deadline_id", "who", "trigger_event", "default_length", "computation",
        "legal_source", "verification", "extendable", "notes", "what_is_due",
      };

      redress_model_init ();
      bytes = g_resources_lookup_data (DEADLINES_PATH, 0, &error);
      if (bytes == NULL)
        g_error ("The bundled deadlines.csv is missing: %s", error->message);
      rows = redress_csv_parse (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
      if (rows == NULL)
        g_error ("The bundled deadlines.csv is unreadable: %s", error->message);
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      pack_version = g_strdup_printf ("%s+%.8s", RULE_PACK_CODE_VERSION, sha);

      header = g_ptr_array_index (rows, 0);
      for (guint c = 0; c < G_N_ELEMENTS (names); c++)
        {
          cols[c] = redress_csv_column (header, names[c]);
          g_assert (cols[c] >= 0);
        }

      for (guint i = 1; i < rows->len; i++)
        {
          GStrv row = g_ptr_array_index (rows, i);
          guint n = g_strv_length (row);

          for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
            {
              RedressDeadlineRule *rule = &rules[r];
#define CELL(c) ((guint) cols[c] < n ? g_strdup (row[cols[c]]) : g_strdup (""))

              if (g_strcmp0 (rule->id, row[cols[0]]) != 0)
                continue;
              rule->who = CELL (1);
              rule->trigger_text = CELL (2);
              rule->default_length = CELL (3);
              rule->computation = CELL (4);
              rule->legal_source = CELL (5);
              rule->verification = CELL (6);
              rule->mark = mark_for (rule->verification);
              rule->extendable_text = CELL (7);
              rule->notes = CELL (8);
#undef CELL
            }
        }

      for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
        if (rules[r].legal_source == NULL)
          g_error ("Deadline rule %s is not in the bundled deadlines.csv", rules[r].id);

      g_once_init_leave (&initialized, 1);
    }
}

/* "op3-2026.1+1a2b3c4d": recorded on every deadline the pack computes. */
const char *
redress_deadline_rules_get_version (void)
{
  ensure_loaded ();
  return pack_version;
}

guint
redress_deadline_rules_get_n_rules (void)
{
  return G_N_ELEMENTS (rules);
}

const RedressDeadlineRule *
redress_deadline_rules_get_rule (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (rules), NULL);
  ensure_loaded ();
  return &rules[index];
}

const RedressDeadlineRule *
redress_deadline_rules_lookup (const char *id)
{
  ensure_loaded ();
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    if (g_strcmp0 (rules[r].id, id) == 0)
      return &rules[r];
  return NULL;
}

const char *
redress_deadline_rule_get_title (const RedressDeadlineRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _(rule->title);
}

/* "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" */
char *
redress_deadline_rule_get_citation (const RedressDeadlineRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  ensure_loaded ();
  return g_strdup_printf ("%s %s", rule->legal_source, rule->mark);
}

/**
 * redress_deadline_rule_compute:
 * @rule: a rule
 * @trigger_date: the date of the trigger
 *
 * Returns: (transfer full) (nullable): the due date by the rule's own length,
 *   or %NULL when it has none (only the letter's date counts).
 */
char *
redress_deadline_rule_compute (const RedressDeadlineRule *rule,
                               const char                *trigger_date)
{
  g_return_val_if_fail (rule != NULL, NULL);

  if (rule->unit == REDRESS_PERIOD_NONE)
    return NULL;
  if (g_strcmp0 (rule->id, "D14") == 0)
    {
      /* OP3 art 19 [V]: never before 14 April 2014. */
      g_autofree char *due = redress_iso_date_add (trigger_date, rule->unit, rule->amount);

      return due ? g_strdup (redress_iso_date_max (due, "2014-04-14")) : NULL;
    }
  return redress_iso_date_add (trigger_date, rule->unit, rule->amount);
}

/* domain.md §8 (Deadline): reminders 90, 60, 30 and 7 days before. */
static const int default_offsets[] = { 90, 60, 30, 7 };

const int *
redress_deadline_default_reminder_offsets (guint *n_offsets)
{
  *n_offsets = G_N_ELEMENTS (default_offsets);
  return default_offsets;
}

/**
 * redress_deadline_reminder_offsets:
 * @offsets: days before the due date (the user's setting, or the defaults)
 * @trigger_date: (nullable): when the period started
 *
 * Returns: (transfer full) (element-type int): the offsets that fall after the
 *   trigger, largest first: a two-month deadline gets no 90-day reminder.
 */
GArray *
redress_deadline_reminder_offsets (const int  *offsets,
                                   guint       n_offsets,
                                   const char *trigger_date,
                                   const char *due_date)
{
  GArray *ret = g_array_new (FALSE, FALSE, sizeof (int));
  int span = G_MAXINT;

  if (trigger_date != NULL && due_date != NULL &&
      !redress_iso_date_days_between (trigger_date, due_date, &span))
    span = G_MAXINT;

  for (guint i = 0; i < n_offsets; i++)
    if (offsets[i] > 0 && offsets[i] < span)
      g_array_append_val (ret, offsets[i]);
  for (guint i = 1; i < ret->len; i++)
    for (guint j = i; j > 0 && g_array_index (ret, int, j - 1) < g_array_index (ret, int, j); j--)
      {
        int tmp = g_array_index (ret, int, j);

        g_array_index (ret, int, j) = g_array_index (ret, int, j - 1);
        g_array_index (ret, int, j - 1) = tmp;
      }
  return ret;
}

/* The reminder dates themselves, earliest first. */
GPtrArray *
redress_deadline_reminder_dates (const int  *offsets,
                                 guint       n_offsets,
                                 const char *trigger_date,
                                 const char *due_date)
{
  g_autoptr(GArray) kept = redress_deadline_reminder_offsets (offsets, n_offsets, trigger_date, due_date);
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < kept->len; i++)
    {
      char *date = redress_iso_date_add (due_date, REDRESS_PERIOD_DAYS, -g_array_index (kept, int, i));

      if (date != NULL)
        g_ptr_array_add (ret, date);
    }
  return ret;
}

/**
 * redress_deadline_describe_start_of:
 * @rule_id: the deadline's rule ("D01")
 * @trigger_date: (nullable): its trigger date (D01: the final decision's date)
 * @trigger_date_alt: (nullable): D01: the date the decision was notified
 *
 * D01 (OP3 art 7(h) [V]) is counted from the earlier of the final decision
 * and its notification; domain.md §1.1 asks to show both, with the caveat
 * that which one starts the year is not verified [U].
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for other rules.
 */
char *
redress_deadline_describe_start_of (const char *rule_id,
                                 const char *trigger_date,
                                 const char *trigger_date_alt)
{
  if (g_strcmp0 (rule_id, "D01") != 0)
    return NULL;
  return g_strdup_printf (_("Final decision %s, notified %s; counted from the earlier of the two "
                            "(start date [U]: whether the Committee counts from the decision or its "
                            "notification is not verified)."),
                          trigger_date != NULL && *trigger_date != '\0' ? trigger_date : _("(date not recorded)"),
                          trigger_date_alt != NULL && *trigger_date_alt != '\0' ? trigger_date_alt
                                                                              : _("(date not recorded)"));
}
