/* redress-cli-compose.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli compose CASE --template communication|comments|follow-up|inquiry|cover-letter
 *   --lang en|fr|es --profile committee|public --output FILE.pdf|.odt|.docx
 *   [--date DATE] [--check] [--mark-submitted [--sent-on DATE] [--channel C]]
 *
 * Drafts the document from the case file (with the lawyer's prose saved in the
 * case's open draft of that document, if any), prints what is missing, writes
 * the file (the public profile only after the leak check passes) and, with
 * --mark-submitted, freezes exactly those bytes as the filed submission.
 */

#define G_LOG_DOMAIN "redress-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-cli.h"
#include "redress-composer.h"
#include "redress-draft.h"
#include "redress-evidence-store.h"
#include "redress-export.h"
#include "redress-util.h"

static void
print_issues (RedressComposition *composition)
{
  GPtrArray *issues = redress_composition_get_issues (composition);

  for (guint i = 0; i < issues->len; i++)
    {
      RedressComposerIssue *issue = g_ptr_array_index (issues, i);

      /* TRANSLATORS: "missing" blocks filing; "check" is a warning. */
      g_printerr ("%s %s [%s]\n", issue->blocking ? _("missing:") : _("check:"), issue->message,
                  issue->field_hint != NULL ? issue->field_hint : "");
    }
}

int
redress_cli_compose (RedressCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *language = NULL;
  g_autofree char *profile_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *today = NULL;
  g_autofree char *sent_on = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *case_id = NULL;
  gboolean check = FALSE;
  gboolean mark_submitted = FALSE;
  g_autoptr(RedressDraftInfo) draft = NULL;
  g_autoptr(GHashTable) prose = NULL;
  g_autoptr(RedressComposition) composition = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) leaks = NULL;
  RedressProfile profile = REDRESS_PROFILE_COMMITTEE;
  RedressExportFormat format = REDRESS_EXPORT_PDF;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &document,
      N_("communication, comments, follow-up, inquiry or cover-letter (default communication)"), N_("DOCUMENT") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language, N_("en, fr or es (default en)"), N_("LANG") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_name,
      N_("committee (full identities) or public (initials; checked for leaks)"), N_("PROFILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write, .pdf, .odt or .docx"), N_("FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &today, N_("The date of the document (default today)"), N_("DATE") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, N_("Only list what is missing or inconsistent"), NULL },
    { "mark-submitted", 0, 0, G_OPTION_ARG_NONE, &mark_submitted,
      N_("Freeze the file written as the submission filed, with its letter and procedural event"), NULL },
    { "sent-on", 0, 0, G_OPTION_ARG_STRING, &sent_on, N_("With --mark-submitted: the date sent (default the document's date)"),
      N_("DATE") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel, N_("With --mark-submitted: email, post … (default email)"),
      N_("CHANNEL") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("Give one case, for example: compose RDR-2026-000001 --lang fr "
                                           "--output communication.pdf"));
  if (document == NULL)
    document = g_strdup ("communication");
  if (language == NULL)
    language = g_strdup ("en");
  if (!redress_template_document_is_valid (document))
    return redress_cli_usage_error (cli, _("“%s” is not a document: use communication, comments, follow-up, "
                                           "inquiry or cover-letter."), document);
  if (!redress_draft_language_is_valid (language))
    return redress_cli_usage_error (cli, _("“%s” is not a language of the composer: use en, fr or es."), language);
  if (profile_name != NULL && !redress_profile_from_string (profile_name, &profile))
    return redress_cli_usage_error (cli, _("“%s” is not a profile: use committee or public."), profile_name);
  if (today != NULL && !redress_iso_date_is_valid (today))
    return redress_cli_usage_error (cli, _("“%s” is not a date: use YYYY-MM-DD."), today);
  if (sent_on != NULL && !redress_iso_date_is_valid (sent_on))
    return redress_cli_usage_error (cli, _("“%s” is not a date: use YYYY-MM-DD."), sent_on);
  if (!check && output == NULL)
    return redress_cli_usage_error (cli, _("Say where to write the document with --output FILE.pdf, FILE.odt or "
                                           "FILE.docx."));
  if (output != NULL && !redress_export_format_from_path (output, &format))
    return redress_cli_usage_error (cli, _("The output file must end in .pdf, .odt or .docx."));
  if (mark_submitted && profile == REDRESS_PROFILE_PUBLIC)
    return redress_cli_usage_error (cli, _("Only the version for the Committee is filed: mark a committee "
                                           "profile document as submitted."));
  if (today == NULL)
    today = redress_iso_date_today ();

  if (redress_cli_open_docket (cli, 0, &status) == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;

  /* The lawyer's prose comes from the case's open draft of this document. */
  draft = redress_draft_find_open (cli->db, case_id, document, &error);
  if (error != NULL)
    return redress_cli_fail (cli, error);
  if (draft != NULL)
    {
      prose = redress_draft_get_sections (cli->db, draft->id, &error);
      if (prose == NULL)
        return redress_cli_fail (cli, error);
    }

  composition = redress_composer_compose (cli->db, case_id, document, language, profile, prose, today, &error);
  if (composition == NULL)
    return redress_cli_fail (cli, error);
  print_issues (composition);
  if (check)
    return redress_composition_has_blocking_issues (composition) ? REDRESS_CLI_EXIT_ERROR : REDRESS_CLI_EXIT_OK;

  bytes = redress_composition_export (composition, format, &leaks, &error);
  if (bytes == NULL)
    return redress_cli_fail (cli, error);
  /* Readable by its owner only (0600): a submission names the child. */
  if (!g_file_set_contents_full (output, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return redress_cli_fail (cli, error);
  if (profile == REDRESS_PROFILE_PUBLIC)
    g_print (_("Leak check passed: none of the protected names, dates of birth or contact details is in %s.\n"),
             output);
  g_print (_("Wrote %s.\n"), output);

  if (mark_submitted)
    {
      RedressEvidenceStore *store = redress_docket_get_evidence_store (cli->docket);
      g_autoptr(RedressDraftInfo) frozen = NULL;
      g_autofree char *name = redress_composition_suggest_file_name (composition,
                                                                     redress_export_format_extension (format));
      RedressTemplate *tmpl = redress_composition_get_template (composition);
      RedressSubmission submission = { 0 };

      if (redress_composition_has_blocking_issues (composition))
        g_printerr (_("Warning: the case file still has missing items (listed above).\n"));
      if (draft == NULL)
        {
          g_autofree char *id = redress_draft_create (cli->db, case_id, document, language,
                                                      redress_profile_to_string (profile), &error);

          if (id == NULL || (draft = redress_draft_get (cli->db, id, &error)) == NULL)
            return redress_cli_fail (cli, error);
        }
      else if (!redress_draft_set_options (cli->db, draft->id, language, redress_profile_to_string (profile),
                                           &error))
        return redress_cli_fail (cli, error);

      submission.bytes = bytes;
      submission.file_name = name;
      submission.sent_on = sent_on != NULL ? sent_on : today;
      submission.channel = channel;
      submission.subject = redress_template_get_title (tmpl);
      submission.event = redress_template_get_event (tmpl);
      frozen = redress_draft_mark_submitted (store, draft->id, &submission, &error);
      if (frozen == NULL)
        return redress_cli_fail (cli, error);
      g_print (_("Marked as submitted on %s: %s, SHA-256 %s.\n"), submission.sent_on, frozen->frozen_name,
               frozen->frozen_sha256);
      if (frozen->event_id != NULL)
        g_print (_("Recorded the procedural event “%s”.\n"), submission.event);
    }
  return REDRESS_CLI_EXIT_OK;
}
