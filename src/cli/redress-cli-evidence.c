/* redress-cli-evidence.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli evidence add|list|verify|custody|export|link …
 * redress-cli correspondence add|list|import-eml …
 * redress-cli timeline CASE
 */

#define G_LOG_DOMAIN "redress-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "redress-cli.h"
#include "redress-correspondence-register.h"
#include "redress-eml.h"
#include "redress-evidence-store.h"
#include "redress-exchange.h"
#include "redress-media.h"
#include "redress-timeline.h"

static RedressEvidenceStore *
open_store (RedressCli               *cli,
            RedressDatabaseOpenFlags  flags,
            int                      *status)
{
  RedressEvidenceStore *store;

  if (redress_cli_open_docket (cli, flags, status) == NULL)
    return NULL;
  store = g_object_ref (redress_docket_get_evidence_store (cli->docket));
  redress_media_setup_store (store);
  return store;
}

/* Shifts "evidence add …" to "add …" and names the command "evidence add". */
static const char *
shift_action (RedressCli  *cli,
              const char  *group,
              int         *argc,
              char      ***argv)
{
  static char name[64];
  const char *action;

  if (*argc < 2)
    return NULL;
  action = (*argv)[1];
  g_snprintf (name, sizeof name, "%s %s", group, action);
  cli->command = name;
  (*argc)--;
  (*argv)++;
  return action;
}

/* {{{ evidence */

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  const char *name = user_data;

  if (total > 0)
    g_printerr ("\r%s: %3d %%", name, (int) (done * 100 / total));
}

static int
evidence_add (RedressCli  *cli,
              int          argc,
              char       **argv)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_evidence_info_free);
  g_autofree char *provenance = NULL;
  g_autofree char *case_id = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  gboolean tty = isatty (STDERR_FILENO);
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &provenance, N_("Where and from whom the files came"), N_("TEXT") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, TRUE, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return redress_cli_usage_error (cli, _("give a case and at least one file"));

  store = open_store (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status);
  if (store == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      RedressEvidenceInfo *info;

      info = redress_evidence_store_add_file (store, case_id, file, provenance,
                                              tty ? progress_cb : NULL, argv[i], NULL, &error);
      if (tty)
        g_printerr ("\r\033[K");
      if (info == NULL)
        {
          status = redress_cli_fail (cli, error);
          continue;
        }
      g_ptr_array_add (added, info);
      if (cli->json)
        continue;
      if (info->duplicate)
        g_print (_("%s  %s (already in the case: stored once)\n"), info->sha256, argv[i]);
      else
        g_print ("%s  %s\n", info->sha256, argv[i]);
    }

  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_array (w);
      for (guint i = 0; i < added->len; i++)
        {
          RedressEvidenceInfo *e = g_ptr_array_index (added, i);

          redress_json_writer_begin_object (w);
          redress_json_writer_member_string (w, "id", e->id);
          redress_json_writer_member_string (w, "sha256", e->sha256);
          redress_json_writer_member_string (w, "original_name", e->original_name);
          redress_json_writer_key (w, "duplicate");
          redress_json_writer_boolean (w, e->duplicate);
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
    }
  return status;
}

static int
evidence_list (RedressCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, TRUE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("give one case"));

  store = open_store (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;
  items = redress_evidence_store_list (store, case_id, &error);
  if (items == NULL)
    return redress_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_array (w);
      for (guint i = 0; i < items->len; i++)
        {
          RedressEvidenceInfo *e = g_ptr_array_index (items, i);

          redress_json_writer_begin_object (w);
          redress_json_writer_member_string (w, "id", e->id);
          redress_json_writer_member_string (w, "sha256", e->sha256);
          redress_json_writer_member_string (w, "title", e->title);
          redress_json_writer_member_string (w, "description", e->description);
          redress_json_writer_member_string (w, "kind", e->kind);
          redress_json_writer_member_string (w, "shown_date", e->shown_date);
          redress_json_writer_member_string (w, "provenance", e->provenance);
          redress_json_writer_member_string (w, "language", e->language);
          redress_json_writer_key (w, "identifies_child");
          if (e->identifies_child < 0)
            redress_json_writer_null (w);
          else
            redress_json_writer_boolean (w, e->identifies_child);
          redress_json_writer_member_string (w, "confidentiality", e->confidentiality);
          redress_json_writer_member_string (w, "original_name", e->original_name);
          redress_json_writer_member_string (w, "mime_type", e->mime_type);
          redress_json_writer_key (w, "size");
          redress_json_writer_int (w, e->size);
          redress_json_writer_key (w, "page_count");
          if (e->page_count < 0)
            redress_json_writer_null (w);
          else
            redress_json_writer_int (w, e->page_count);
          redress_json_writer_member_string (w, "created_at", e->created_at);
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
    }
  else
    {
      const char *headers[] = { _("SHA-256"), _("Kind"), _("Size"), _("Title"), NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < items->len; i++)
        {
          RedressEvidenceInfo *e = g_ptr_array_index (items, i);
          char **row = g_new0 (char *, 5);

          row[0] = g_strdup (e->sha256);
          row[1] = g_strdup (e->kind);
          row[2] = g_format_size (e->size);
          row[3] = g_strdup (e->title);
          g_ptr_array_add (rows, row);
        }
      redress_cli_print_table (headers, rows);
    }
  return REDRESS_CLI_EXIT_OK;
}

static const char *
state_word (RedressEvidenceState state)
{
  switch (state)
    {
    case REDRESS_EVIDENCE_STATE_CHANGED:
      return "changed";
    case REDRESS_EVIDENCE_STATE_MISSING:
      return "missing";
    case REDRESS_EVIDENCE_STATE_INTACT:
    default:
      return "intact";
    }
}

static int
evidence_verify (RedressCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, TRUE, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return redress_cli_usage_error (cli, _("give at most one case"));

  store = open_store (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status);
  if (store == NULL)
    return status;
  if (argc == 2)
    {
      case_id = redress_cli_resolve_case (cli, argv[1], &status);
      if (case_id == NULL)
        return status;
    }

  report = redress_evidence_store_verify (store, case_id, NULL, NULL, NULL, NULL, &error);
  if (report == NULL)
    return redress_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_object (w);
      redress_json_writer_key (w, "ok");
      redress_json_writer_boolean (w, redress_verify_report_is_clean (report));
      redress_json_writer_key (w, "checked");
      redress_json_writer_int (w, report->checked);
      redress_json_writer_key (w, "intact");
      redress_json_writer_int (w, report->intact);
      redress_json_writer_key (w, "changed");
      redress_json_writer_int (w, report->changed);
      redress_json_writer_key (w, "missing");
      redress_json_writer_int (w, report->missing);
      redress_json_writer_key (w, "problems");
      redress_json_writer_begin_array (w);
      for (guint i = 0; i < report->problems->len; i++)
        {
          RedressEvidenceProblem *p = g_ptr_array_index (report->problems, i);

          redress_json_writer_begin_object (w);
          redress_json_writer_member_string (w, "id", p->evidence_id);
          redress_json_writer_member_string (w, "title", p->title);
          redress_json_writer_member_string (w, "state", state_word (p->state));
          redress_json_writer_member_string (w, "expected_sha256", p->expected_sha256);
          redress_json_writer_member_string (w, "actual_sha256", p->actual_sha256);
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_json_writer_end_object (w);
      redress_cli_print_json (w);
    }
  else
    {
      for (guint i = 0; i < report->problems->len; i++)
        {
          RedressEvidenceProblem *p = g_ptr_array_index (report->problems, i);

          if (p->state == REDRESS_EVIDENCE_STATE_CHANGED)
            g_printerr (_("CHANGED  “%s” (%s): the stored original no longer matches the hash taken at "
                          "intake (%s).\n"), p->title, p->evidence_id, p->expected_sha256);
          else
            g_printerr (_("MISSING  “%s” (%s): the stored original is not in the evidence folder.\n"),
                        p->title, p->evidence_id);
        }
      g_print (ngettext ("%u evidence file checked: %u intact, %u changed, %u missing.\n",
                         "%u evidence files checked: %u intact, %u changed, %u missing.\n",
                         report->checked),
               report->checked, report->intact, report->changed, report->missing);
      if (!redress_verify_report_is_clean (report))
        g_printerr (_("Evidence has been altered or lost. Restore the evidence folder from a backup; "
                      "the finding is recorded in each item’s custody log.\n"));
    }

  return redress_verify_report_is_clean (report) ? REDRESS_CLI_EXIT_OK : REDRESS_CLI_EXIT_ERROR;
}

static int
evidence_custody (RedressCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) chain_error = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  gboolean chain_ok;

  if (!redress_cli_parse_options (cli, NULL, TRUE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("give one evidence item id"));

  store = open_store (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status);
  if (store == NULL)
    return status;
  events = redress_evidence_store_list_custody (store, argv[1], &error);
  if (events == NULL)
    return redress_cli_fail (cli, error);
  chain_ok = redress_evidence_store_check_custody (store, argv[1], &chain_error);

  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_object (w);
      redress_json_writer_key (w, "chain_ok");
      redress_json_writer_boolean (w, chain_ok);
      redress_json_writer_key (w, "events");
      redress_json_writer_begin_array (w);
      for (guint i = 0; i < events->len; i++)
        {
          RedressCustodyEvent *e = g_ptr_array_index (events, i);

          redress_json_writer_begin_object (w);
          redress_json_writer_key (w, "seq");
          redress_json_writer_int (w, e->seq);
          redress_json_writer_member_string (w, "at", e->at);
          redress_json_writer_member_string (w, "actor", e->actor);
          redress_json_writer_member_string (w, "action", e->action);
          redress_json_writer_member_string (w, "note", e->note);
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_json_writer_end_object (w);
      redress_cli_print_json (w);
    }
  else
    {
      for (guint i = 0; i < events->len; i++)
        {
          RedressCustodyEvent *e = g_ptr_array_index (events, i);

          g_print ("%s  %-7s  %s  %s\n", e->at, e->action, e->actor, e->note);
        }
    }
  if (!chain_ok)
    return redress_cli_fail (cli, chain_error);
  return REDRESS_CLI_EXIT_OK;
}

static int
evidence_export (RedressCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dest = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return redress_cli_usage_error (cli, _("give an evidence item id and a file to write"));

  store = open_store (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status);
  if (store == NULL)
    return status;
  dest = g_file_new_for_commandline_arg (argv[2]);
  if (!redress_evidence_store_export (store, argv[1], dest, NULL, &error))
    return redress_cli_fail (cli, error);
  return REDRESS_CLI_EXIT_OK;
}

static int
evidence_link (RedressCli  *cli,
               int          argc,
               char       **argv)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RedressEvidenceTarget target;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 4 || !redress_evidence_target_from_string (argv[2], &target))
    return redress_cli_usage_error (cli, _("give an evidence item id, one of violation, fact, remedy or "
                                           "correspondence, and its id"));

  store = open_store (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status);
  if (store == NULL)
    return status;
  if (!redress_evidence_store_link (store, argv[1], target, argv[3], &error))
    return redress_cli_fail (cli, error);
  return REDRESS_CLI_EXIT_OK;
}

int
redress_cli_evidence (RedressCli  *cli,
                      int          argc,
                      char       **argv)
{
  const char *action = shift_action (cli, "evidence", &argc, &argv);

  if (g_strcmp0 (action, "add") == 0)
    return evidence_add (cli, argc, argv);
  if (g_strcmp0 (action, "list") == 0)
    return evidence_list (cli, argc, argv);
  if (g_strcmp0 (action, "verify") == 0)
    return evidence_verify (cli, argc, argv);
  if (g_strcmp0 (action, "custody") == 0)
    return evidence_custody (cli, argc, argv);
  if (g_strcmp0 (action, "export") == 0)
    return evidence_export (cli, argc, argv);
  if (g_strcmp0 (action, "link") == 0)
    return evidence_link (cli, argc, argv);

  cli->command = "evidence";
  return redress_cli_usage_error (cli, _("say what to do: add, list, verify, custody, export or link"));
}

/* }}} */
/* {{{ correspondence */

static void
write_letter_json (RedressJsonWriter   *w,
                   const RedressLetter *l)
{
  redress_json_writer_begin_object (w);
  redress_json_writer_member_string (w, "id", l->id);
  redress_json_writer_member_string (w, "direction", l->direction);
  redress_json_writer_member_string (w, "counterpart", l->counterpart);
  redress_json_writer_member_string (w, "channel", l->channel);
  redress_json_writer_member_string (w, "letter_date", l->letter_date);
  redress_json_writer_member_string (w, "transit_date", l->transit_date);
  redress_json_writer_member_string (w, "subject", l->subject);
  redress_json_writer_member_string (w, "body", l->body);
  redress_json_writer_member_string (w, "committee_ref", l->committee_ref);
  redress_json_writer_member_string (w, "sender", l->sender);
  redress_json_writer_member_string (w, "recipients", l->recipients);
  redress_json_writer_member_string (w, "message_id", l->message_id);
  redress_json_writer_member_string (w, "reported_event", l->reported_event);
  redress_json_writer_member_string (w, "stated_due", l->stated_due);
  redress_json_writer_member_string (w, "event_id", l->event_id);
  redress_json_writer_member_string (w, "source_evidence_id", l->source_evidence_id);
  redress_json_writer_key (w, "attachments");
  redress_json_writer_begin_array (w);
  for (guint i = 0; l->attachment_ids != NULL && l->attachment_ids[i] != NULL; i++)
    redress_json_writer_string (w, l->attachment_ids[i]);
  redress_json_writer_end_array (w);
  redress_json_writer_end_object (w);
}

static int
correspondence_add (RedressCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressLetter) letter = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *counterpart = NULL;
  g_auto(GStrv) attach = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  RedressLetter l = { 0 };
  GOptionEntry entries[] = {
    { "direction", 0, 0, G_OPTION_ARG_STRING, &direction, N_("in (received) or out (sent); default in"), N_("DIR") },
    { "counterpart", 0, 0, G_OPTION_ARG_STRING, &counterpart, N_("committee, state, client, counsel or other; default committee"), N_("WHO") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &l.channel, N_("e-mail, post, fax …"), N_("HOW") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &l.letter_date, N_("The date on the letter"), N_("YYYY-MM-DD") },
    { "transit-date", 0, 0, G_OPTION_ARG_STRING, &l.transit_date, N_("The date received or sent"), N_("YYYY-MM-DD") },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &l.subject, N_("Subject"), N_("TEXT") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &l.body, N_("Summary or text"), N_("TEXT") },
    { "ref", 0, 0, G_OPTION_ARG_STRING, &l.committee_ref, N_("The Committee's reference"), N_("REF") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &l.reported_event, N_("The procedural event the letter reports"), N_("EVENT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &l.stated_due, N_("The deadline the letter gives"), N_("YYYY-MM-DD") },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attach, N_("Attach a file (kept in the evidence locker); repeatable"), N_("FILE") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, TRUE, &argc, &argv, &status))
    goto out;
  if (argc != 2)
    {
      status = redress_cli_usage_error (cli, _("give one case"));
      goto out;
    }

  store = open_store (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status);
  if (store == NULL)
    goto out;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    goto out;

  letter = redress_letter_new (case_id, direction ? direction : "in");
  if (counterpart != NULL)
    {
      g_free (letter->counterpart);
      letter->counterpart = g_strdup (counterpart);
    }
  letter->channel = g_steal_pointer (&l.channel);
  letter->letter_date = g_steal_pointer (&l.letter_date);
  letter->transit_date = g_steal_pointer (&l.transit_date);
  letter->subject = g_steal_pointer (&l.subject);
  letter->body = g_steal_pointer (&l.body);
  letter->committee_ref = g_steal_pointer (&l.committee_ref);
  letter->reported_event = g_steal_pointer (&l.reported_event);
  letter->stated_due = g_steal_pointer (&l.stated_due);

  if (attach != NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) data = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

      for (guint i = 0; attach[i] != NULL; i++)
        {
          g_autoptr(GMappedFile) mapped = g_mapped_file_new (attach[i], FALSE, &error);

          if (mapped == NULL)
            {
              status = redress_cli_fail (cli, error);
              goto out;
            }
          g_ptr_array_add (names, g_path_get_basename (attach[i]));
          g_ptr_array_add (data, g_mapped_file_get_bytes (mapped));
        }
      id = redress_correspondence_register_import (store, letter, NULL,
                                                   (const char * const *) names->pdata,
                                                   (GBytes * const *) data->pdata, names->len, &error);
    }
  else
    id = redress_correspondence_register_add (cli->db, letter, &error);

  if (id == NULL)
    {
      status = redress_cli_fail (cli, error);
      goto out;
    }
  g_print ("%s\n", id);

out:
  g_free (l.channel);
  g_free (l.letter_date);
  g_free (l.transit_date);
  g_free (l.subject);
  g_free (l.body);
  g_free (l.committee_ref);
  g_free (l.reported_event);
  g_free (l.stated_due);
  return status;
}

static int
correspondence_list (RedressCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autofree char *case_id = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, TRUE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("give one case"));
  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;
  letters = redress_correspondence_register_list (cli->db, case_id, &error);
  if (letters == NULL)
    return redress_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_array (w);
      for (guint i = 0; i < letters->len; i++)
        write_letter_json (w, g_ptr_array_index (letters, i));
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
    }
  else
    {
      const char *headers[] = { _("Date"), _("Direction"), _("Counterpart"), _("Due"), _("Subject"), NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < letters->len; i++)
        {
          RedressLetter *l = g_ptr_array_index (letters, i);
          char **row = g_new0 (char *, 6);

          row[0] = g_strdup (redress_letter_get_date (l) ? redress_letter_get_date (l) : "");
          row[1] = g_strdup (l->direction);
          row[2] = g_strdup (l->counterpart);
          row[3] = g_strdup (l->stated_due ? l->stated_due : "");
          row[4] = g_strdup (l->subject);
          g_ptr_array_add (rows, row);
        }
      redress_cli_print_table (headers, rows);
    }
  return REDRESS_CLI_EXIT_OK;
}

static int
correspondence_import_eml (RedressCli  *cli,
                           int          argc,
                           char       **argv)
{
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autofree char *case_id = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, FALSE, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return redress_cli_usage_error (cli, _("give a case and at least one .eml file"));

  store = open_store (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status);
  if (store == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autofree char *id = redress_eml_import (store, case_id, file, &error);

      if (id == NULL)
        status = redress_cli_fail (cli, error);
      else
        g_print ("%s  %s\n", id, argv[i]);
    }
  return status;
}

int
redress_cli_correspondence (RedressCli  *cli,
                            int          argc,
                            char       **argv)
{
  const char *action = shift_action (cli, "correspondence", &argc, &argv);

  if (g_strcmp0 (action, "add") == 0)
    return correspondence_add (cli, argc, argv);
  if (g_strcmp0 (action, "list") == 0)
    return correspondence_list (cli, argc, argv);
  if (g_strcmp0 (action, "import-eml") == 0)
    return correspondence_import_eml (cli, argc, argv);

  cli->command = "correspondence";
  return redress_cli_usage_error (cli, _("say what to do: add, list or import-eml"));
}

/* }}} */
/* {{{ timeline */

int
redress_cli_timeline (RedressCli  *cli,
                      int          argc,
                      char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *case_id = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, TRUE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("give one case"));
  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;
  entries = redress_timeline_list (cli->db, case_id, &error);
  if (entries == NULL)
    return redress_cli_fail (cli, error);

  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_array (w);
      for (guint i = 0; i < entries->len; i++)
        {
          RedressTimelineEntry *e = g_ptr_array_index (entries, i);

          redress_json_writer_begin_object (w);
          redress_json_writer_member_string (w, "date", e->date);
          redress_json_writer_member_string (w, "end_date", e->end_date);
          redress_json_writer_member_string (w, "kind", redress_timeline_kind_to_string (e->kind));
          redress_json_writer_member_string (w, "id", e->source_id);
          redress_json_writer_member_string (w, "title", e->title);
          redress_json_writer_member_string (w, "detail", e->detail);
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
    }
  else
    {
      const char *headers[] = { _("Date"), _("What"), _("Entry"), NULL };
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < entries->len; i++)
        {
          RedressTimelineEntry *e = g_ptr_array_index (entries, i);
          char **row = g_new0 (char *, 4);

          row[0] = g_strdup (e->date);
          row[1] = g_strdup (redress_timeline_kind_get_label (e->kind));
          row[2] = g_strdup (e->title);
          g_ptr_array_add (rows, row);
        }
      redress_cli_print_table (headers, rows);
    }
  return REDRESS_CLI_EXIT_OK;
}

/* }}} */
