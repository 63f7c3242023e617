/* redress-cli-procedure.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli check CASE         admissibility and competence, ground by ground
 * redress-cli deadlines          open deadlines
 * redress-cli event CASE EVENT   record a procedural event
 * redress-cli import-states FILE replace the ratification data
 */

#define G_LOG_DOMAIN "redress-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "redress-admissibility.h"
#include "redress-agenda.h"
#include "redress-cli.h"
#include "redress-deadline-rules.h"
#include "redress-exchange.h"
#include "redress-ics.h"
#include "redress-lifecycle.h"
#include "redress-procedure.h"
#include "redress-reference.h"
#include "redress-util.h"

/* --today, or the calendar date where the user is. */
static gboolean
resolve_today (RedressCli  *cli,
               char       **today,
               int         *status)
{
  if (*today == NULL)
    {
      *today = redress_iso_date_today ();
      return TRUE;
    }
  if (!redress_iso_date_is_valid (*today))
    {
      *status = redress_cli_usage_error (cli, _("--today must be a date written YYYY-MM-DD, not “%s”."), *today);
      return FALSE;
    }
  return TRUE;
}

/* {{{ check */

int
redress_cli_check (RedressCli  *cli,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) reference = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *today = NULL;
  g_autofree char *case_id = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Judge an unsubmitted case at DATE (default: today)"),
      N_("DATE") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, TRUE, &argc, &argv, &status) ||
      !resolve_today (cli, &today, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("Give one case, by its reference or id."));
  if (redress_cli_open_docket (cli, 0, &status) == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;

  reference = g_object_ref (redress_docket_get_reference (cli->docket));
  results = redress_admissibility_evaluate (cli->db, reference, case_id, today, &error);
  if (results == NULL)
    return redress_cli_fail (cli, error);

  if (cli->json)
    {
      RedressJsonWriter *w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_array (w);
      for (guint i = 0; i < results->len; i++)
        {
          RedressGroundResult *r = g_ptr_array_index (results, i);

          redress_json_writer_begin_object (w);
          redress_json_writer_member_string (w, "ground", redress_ground_result_get_ground (r));
          redress_json_writer_member_string (w, "status", redress_ground_status_to_string (redress_ground_result_get_status (r)));
          redress_json_writer_member_string (w, "citation", redress_ground_result_get_citation (r));
          redress_json_writer_member_string (w, "explanation", redress_ground_result_get_explanation (r));
          redress_json_writer_member_string (w, "field", redress_ground_result_get_field_hint (r));
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
      redress_json_writer_free (w);
      return REDRESS_CLI_EXIT_OK;
    }

  {
    static const char *headers[] = { N_("Ground"), N_("Status"), N_("Citation"), NULL };
    const char *translated[] = { _(headers[0]), _(headers[1]), _(headers[2]), NULL };
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    for (guint i = 0; i < results->len; i++)
      {
        RedressGroundResult *r = g_ptr_array_index (results, i);
        char **row = g_new0 (char *, 4);

        row[0] = g_strdup (redress_ground_result_get_ground (r));
        row[1] = g_strdup (redress_ground_status_get_label (redress_ground_result_get_status (r)));
        row[2] = g_strdup (redress_ground_result_get_citation (r));
        g_ptr_array_add (rows, row);
      }
    redress_cli_print_table (translated, rows);
    g_print ("\n");
    for (guint i = 0; i < results->len; i++)
      {
        RedressGroundResult *r = g_ptr_array_index (results, i);

        g_print ("%s: %s\n", redress_ground_result_get_ground (r), redress_ground_result_get_explanation (r));
      }
    g_print ("\n");
    g_print (_("Ratification data as of %s (%s).\n"), redress_reference_get_data_as_of (reference),
             redress_reference_get_origin (reference));
  }
  return REDRESS_CLI_EXIT_OK;
}

/* }}} */
/* {{{ deadlines */

int
redress_cli_deadlines (RedressCli  *cli,
                       int          argc,
                       char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *ics_case = NULL;
  gboolean overdue = FALSE;
  gboolean include_names = FALSE;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics, N_("Also write the deadlines to FILE as an iCalendar (.ics) calendar"), N_("FILE") },
    { "case", 0, 0, G_OPTION_ARG_STRING, &ics_case, N_("With --ics: only the deadlines of CASE"), N_("CASE") },
    { "include-names", 0, 0, G_OPTION_ARG_NONE, &include_names, N_("With --ics: put case titles and children’s names in the events (default: case reference only)"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only deadlines due on or after DATE"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only deadlines due on or before DATE"), N_("DATE") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only deadlines already past"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Count overdue from DATE (default: today)"), N_("DATE") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, TRUE, &argc, &argv, &status) ||
      !resolve_today (cli, &today, &status))
    return status;
  if (argc != 1)
    return redress_cli_usage_error (cli, _("This command takes no arguments."));
  if (redress_cli_open_docket (cli, 0, &status) == NULL)
    return status;

  /* Deadlines made by another rule pack are recomputed first. */
  if (!redress_procedure_ensure_rule_pack (cli->db, &error))
    {
      g_printerr ("redress-cli %s: %s\n", cli->command, error->message);
      g_clear_error (&error);
    }

  if (ics != NULL)
    {
      g_autofree char *case_id = NULL;
      RedressIcsOptions options = { NULL, include_names, NULL, NULL, 0 };
      guint n = 0;

      if (ics_case != NULL && (case_id = redress_cli_resolve_case (cli, ics_case, &status)) == NULL)
        return status;
      options.case_id = case_id;
      if (!redress_ics_export_to_file (cli->db, &options, ics, &n, &error))
        return redress_cli_fail (cli, error);
      g_printerr (ngettext ("%u deadline written to %s\n", "%u deadlines written to %s\n", n), n, ics);
    }
  else if (ics_case != NULL || include_names)
    return redress_cli_usage_error (cli, _("--case and --include-names go with --ics FILE."));

  list = overdue ? redress_procedure_list_overdue (cli->db, today, &error)
                 : redress_procedure_list_open_deadlines (cli->db, from, to, &error);
  if (list == NULL)
    {
      if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID))
        return redress_cli_usage_error (cli, "%s", error->message);
      return redress_cli_fail (cli, error);
    }

  if (cli->json)
    {
      RedressJsonWriter *w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_array (w);
      for (guint i = 0; i < list->len; i++)
        {
          RedressDeadlineInfo *info = g_ptr_array_index (list, i);
          const RedressDeadlineRule *rule = redress_deadline_rules_lookup (info->rule_id);
          g_autofree char *citation = rule ? redress_deadline_rule_get_citation (rule) : NULL;
          const char *due = redress_deadline_info_get_due (info);

          g_autofree char *start = redress_deadline_describe_start_of (info->rule_id, info->trigger_date,
                                                                       info->trigger_date_alt);
          const char *state = info->in_force ? "in_force"
                              : due != NULL && g_strcmp0 (due, today) < 0 ? "overdue" : info->status;

          redress_json_writer_begin_object (w);
          redress_json_writer_member_string (w, "case", info->case_reference);
          redress_json_writer_member_string (w, "rule", info->rule_id);
          redress_json_writer_member_string (w, "due", due);
          redress_json_writer_member_string (w, "computed", info->computed_due);
          /* The letter's date and an extension's are distinct facts, with keys of their own. */
          redress_json_writer_member_string (w, "letter_date", info->letter_due);
          redress_json_writer_member_string (w, "extended_due", info->extended_due);
          redress_json_writer_member_string (w, "trigger_date", info->trigger_date);
          if (g_strcmp0 (info->rule_id, "D01") == 0)
            {
              /* OP3 art 7(h): both dates, and the [U] caveat on which one starts the year. */
              redress_json_writer_member_string (w, "decided_on", info->trigger_date);
              redress_json_writer_member_string (w, "notified_on", info->trigger_date_alt);
              redress_json_writer_member_string (w, "start_note", start);
            }
          if (g_strcmp0 (info->rule_id, "D08") == 0)
            {
              /* OP3 art 6: in force since the grant; only a recorded breach is flagged. */
              redress_json_writer_member_string (w, "in_force_since", info->in_force ? info->trigger_date : NULL);
              redress_json_writer_member_string (w, "breach_on", info->breach_on);
            }
          redress_json_writer_member_string (w, "who", rule ? rule->who : NULL);
          redress_json_writer_member_string (w, "citation", citation);
          redress_json_writer_member_string (w, "status", state);
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
      redress_json_writer_free (w);
      return REDRESS_CLI_EXIT_OK;
    }

  if (list->len == 0)
    {
      g_print (_("No open deadline.\n"));
      return REDRESS_CLI_EXIT_OK;
    }

  {
    const char *headers[] = { _("Due"), _("Case"), _("Rule"), _("What"), _("Who"), _("Computed"), _("Letter"),
                              _("Extended"), _("Citation"), NULL };
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

    for (guint i = 0; i < list->len; i++)
      {
        RedressDeadlineInfo *info = g_ptr_array_index (list, i);
        const RedressDeadlineRule *rule = redress_deadline_rules_lookup (info->rule_id);
        const char *due = redress_deadline_info_get_due (info);
        char **row = g_new0 (char *, 10);
        char *start = redress_deadline_describe_start_of (info->rule_id, info->trigger_date, info->trigger_date_alt);

        if (info->in_force)
          row[0] = g_strdup_printf (_("in force since %s"), info->trigger_date);
        else if (info->breach_on != NULL)
          row[0] = g_strdup_printf (_("breach recorded %s"), info->breach_on);
        else if (due == NULL)
          row[0] = g_strdup (_("date not known"));
        else if (g_strcmp0 (due, today) < 0)
          row[0] = g_strdup_printf (_("%s overdue"), due);
        else
          row[0] = g_strdup (due);
        if (info->urgent && !info->in_force)
          {
            char *urgent = g_strdup_printf (_("%s URGENT"), row[0]);

            g_free (row[0]);
            row[0] = urgent;
          }
        row[1] = g_strdup (info->case_reference);
        row[2] = g_strdup (info->rule_id);
        row[3] = g_strdup (rule ? redress_deadline_rule_get_title (rule) : "");
        row[4] = g_strdup (rule ? redress_agenda_actor_get_label (redress_agenda_actor_from_who (rule->who)) : "");
        row[5] = g_strdup (info->computed_due ? info->computed_due : "—");
        row[6] = g_strdup (info->letter_due ? info->letter_due : "—");
        row[7] = g_strdup (info->extended_due ? info->extended_due : "—");
        row[8] = rule ? redress_deadline_rule_get_citation (rule) : g_strdup ("");
        g_ptr_array_add (rows, row);
        if (start != NULL)
          g_ptr_array_add (notes, g_strdup_printf ("%s %s: %s", info->case_reference, info->rule_id, start));
        g_free (start);
      }
    redress_cli_print_table (headers, rows);
    for (guint i = 0; i < notes->len; i++)
      g_print ("%s\n", (char *) g_ptr_array_index (notes, i));
  }
  return REDRESS_CLI_EXIT_OK;
}

/* }}} */
/* {{{ event */

int
redress_cli_event (RedressCli  *cli,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *due = NULL;
  g_autofree char *note = NULL;
  g_autofree char *track = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *stage = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When it happened (the letter's date)"), N_("DATE") },
    { "letter", 0, 0, G_OPTION_ARG_STRING, &letter, N_("The reference of the letter that reported it"), N_("REF") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("A due date printed in that letter"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { "track", 0, 0, G_OPTION_ARG_STRING, &track, N_("main, interim or protection (default: from the event)"),
      N_("TRACK") },
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("For deadline_extended: the deadline extended (D02 …)"),
      N_("RULE") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return redress_cli_usage_error (cli, _("Give a case and an event, for example: event 2025/004 "
                                           "registered_and_transmitted --date 2025-03-01"));
  if (date == NULL)
    return redress_cli_usage_error (cli, _("Give the event's date with --date YYYY-MM-DD."));
  if (redress_cli_open_docket (cli, 0, &status) == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;

  if (g_strcmp0 (argv[2], REDRESS_EVENT_DEADLINE_EXTENDED) == 0)
    {
      if (rule == NULL || due == NULL)
        return redress_cli_usage_error (cli, _("An extension needs --rule (the deadline, D02 …) and --due "
                                               "(the new date in the letter)."));
      event_id = redress_procedure_record_extension (cli->db, case_id, rule, date, letter, due, note, &error);
      if (event_id == NULL)
        return redress_cli_fail (cli, error);
      g_print (_("Deadline %s extended to %s.\n"), rule, due);
      return REDRESS_CLI_EXIT_OK;
    }

  event_id = redress_procedure_record_event (cli->db, case_id, track, argv[2], date, letter, due, note, &error);
  if (event_id == NULL)
    return redress_cli_fail (cli, error);

  stage = redress_procedure_get_stage (cli->db, case_id, "main", &error);
  g_print (_("Recorded “%s” on %s.\n"), redress_lifecycle_event_label (argv[2]), date);
  if (stage != NULL)
    g_print (_("The case is at “%s”.\n"), redress_lifecycle_stage_label (stage));

  {
    g_autoptr(GPtrArray) list = redress_procedure_list_deadlines (cli->db, case_id, NULL);

    for (guint i = 0; list != NULL && i < list->len; i++)
      {
        RedressDeadlineInfo *info = g_ptr_array_index (list, i);
        const RedressDeadlineRule *r = redress_deadline_rules_lookup (info->rule_id);
        const char *when = redress_deadline_info_get_due (info);

        if (g_strcmp0 (info->trigger_event_id, event_id) != 0)
          continue;
        g_print (_("New deadline %s, %s: %s (%s).\n"), info->rule_id, r ? redress_deadline_rule_get_title (r) : "",
                 when ? when : _("date set by the Committee’s letter"), r ? r->legal_source : "");
      }
  }
  return REDRESS_CLI_EXIT_OK;
}

/* }}} */
/* {{{ import-states */

int
redress_cli_import_states (RedressCli  *cli,
                           int          argc,
                           char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) reference = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gsize len;
  gboolean replace_all = FALSE;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("The “status as at” date of the new data"), N_("DATE") },
    { "replace-all", 0, 0, G_OPTION_ARG_NONE, &replace_all,
      N_("Accept a file that leaves out States the docket knows"), NULL },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 2 || as_of == NULL)
    return redress_cli_usage_error (cli, _("Give the States file and the date its data describes: "
                                           "import-states FILE --as-of YYYY-MM-DD [--replace-all]"));
  if (!g_file_get_contents (argv[1], &text, &len, &error))
    return redress_cli_fail (cli, error);
  if (redress_cli_open_docket (cli, 0, &status) == NULL)
    return status;

  name = g_path_get_basename (argv[1]);
  if (!redress_reference_import_states_full (cli->db, text, (gssize) len, name, as_of,
                                             replace_all ? REDRESS_REFERENCE_IMPORT_REPLACE_ALL
                                                         : REDRESS_REFERENCE_IMPORT_DEFAULT,
                                             &error))
    return redress_cli_fail (cli, error);
  /* The docket loads the States again after the import. */
  reference = g_object_ref (redress_docket_get_reference (cli->docket));
  g_print (_("Imported %u States; ratification data as of %s.\n"), redress_reference_get_n_states (reference),
           redress_reference_get_data_as_of (reference));
  return REDRESS_CLI_EXIT_OK;
}

/* }}} */
