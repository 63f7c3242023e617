/* redress-cli.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli [--docket PATH] [--passphrase-file FILE] COMMAND ...
 *
 * Exit status: 0 on success, 1 when the command failed, 2 when the command
 * line is wrong.  Errors go to stderr; --json output to stdout is JSON only.
 */

#define G_LOG_DOMAIN "redress-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <unistd.h>

#include "redress-backup.h"
#include "redress-l10n.h"
#include "redress-case-list.h"
#include "redress-case-party.h"
#include "redress-case.h"
#include "redress-cli.h"
#include "redress-database.h"
#include "redress-deadline.h"
#include "redress-docket.h"
#include "redress-demo.h"
#include "redress-evidence-store.h"
#include "redress-exchange.h"
#include "redress-keys.h"
#include "redress-person.h"
#include "redress-procedural-event.h"
#include "redress-record.h"
#include "redress-search.h"
#include "redress-util.h"

static const RedressCliCommand commands[] = {
  { "init",   redress_cli_init,   N_("[--no-encryption] [--recovery-key-out FILE]"), N_("Create a docket, encrypted with the passphrase of --passphrase-file; prints its recovery key once") },
  { "demo",   redress_cli_demo,   N_("[--cases N] [--seed S] [--no-deadlines | --all-deadlines]"), N_("Fill the docket with fictional demonstration cases") },
  { "list",   redress_cli_list,   N_("[--kind KIND] [--json]"), N_("List the cases") },
  { "show",   redress_cli_show,   N_("CASE [--json]"), N_("Show one case (reference or id); --json gives the export format") },
  { "search", redress_cli_search, N_("QUERY [--limit N] [--json]"), N_("Search every case") },
  { "export", redress_cli_export, N_("CASE FILE"), N_("Write one case with everything in it to a JSON file") },
  { "import", redress_cli_import, N_("FILE [--replace]"), N_("Add a case from a JSON file written by export") },
  { "backup", redress_cli_backup, N_("BACKUP"), N_("Write a whole, verified backup (database, key file, every evidence file) to the folder BACKUP") },
  { "restore", redress_cli_restore, N_("BACKUP DOCKET"), N_("Make the docket DOCKET from a backup, checking everything in it") },
  { "verify", redress_cli_verify, N_("[--json]"), N_("Check every page of the docket, every reference between its rows and every evidence file's hash") },
  { "passphrase", redress_cli_passphrase, N_("--new-passphrase-file FILE"), N_("Change the passphrase (give the old one, or --recovery-key-file)") },
  { "recovery-key", redress_cli_recovery_key, N_("[--recovery-key-out FILE]"), N_("Make a new recovery key; the old one stops working") },
  { "encrypt", redress_cli_encrypt, N_("[--new-passphrase-file FILE] [--recovery-key-out FILE]"), N_("Encrypt a docket that is not encrypted (or was encrypted by Redress 0.1), with its evidence") },
  { "evidence", redress_cli_evidence, N_("add CASE FILE… | list CASE | verify [CASE] | custody ITEM | export ITEM FILE | link ITEM KIND ID"), N_("The evidence locker: add files, list them with their SHA-256, re-hash them") },
  { "correspondence", redress_cli_correspondence, N_("add CASE [--event E --due D …] | list CASE | import-eml CASE FILE…"), N_("The correspondence register") },
  { "timeline", redress_cli_timeline, N_("CASE [--json]"), N_("Facts, procedural events, letters and evidence dates in one list") },
  { "check", redress_cli_check, N_("CASE [--today DATE] [--json]"), N_("Admissibility and competence, ground by ground, with citations") },
  { "deadlines", redress_cli_deadlines, N_("[--from DATE] [--to DATE] [--overdue] [--json] [--ics FILE [--case CASE] [--include-names]]"), N_("Open deadlines, by due date") },
  { "set",    redress_cli_set,    N_("CASE FIELD VALUE [--was OLD | --was-empty]"), N_("Change one text field of a case; refused, saying by whom, if it was changed meanwhile") },
  { "event", redress_cli_event, N_("CASE EVENT --date DATE [--letter REF] [--due DATE] [--note TEXT]"), N_("Record a procedural event (deadline_extended with --rule and --due)") },
  { "import-states", redress_cli_import_states, N_("FILE --as-of DATE"), N_("Replace the ratification data with a newer States file") },
  { "compose", redress_cli_compose, N_("CASE --template DOC --lang en|fr|es --profile committee|public --output FILE.pdf|.odt [--check] [--mark-submitted]"), N_("Draft a submission to the Committee from the case file") },
  { NULL }
};

/* {{{ Shared helpers */

int
redress_cli_fail (RedressCli   *cli,
                  const GError *error)
{
  g_printerr ("redress-cli %s: %s\n", cli->command ? cli->command : "", error->message);
  return REDRESS_CLI_EXIT_ERROR;
}

int
redress_cli_usage_error (RedressCli *cli,
                         const char *format,
                         ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("redress-cli %s: %s\n", cli->command ? cli->command : "", msg);
  g_printerr (_("Try “redress-cli %s --help”.\n"), cli->command ? cli->command : "");
  return REDRESS_CLI_EXIT_USAGE;
}

/**
 * redress_cli_open_docket:
 *
 * Opens the docket named on the command line once (redress_docket_open():
 * @cli->docket, and its connection @cli->db); on failure prints why and sets
 * @status.
 */
RedressDatabase *
redress_cli_open_docket (RedressCli               *cli,
                         RedressDatabaseOpenFlags  flags,
                         int                      *status)
{
  g_autoptr(GError) error = NULL;

  if (cli->db != NULL)
    return cli->db;

  /* The docket installs the procedure engine's rules, as the window does. */
  cli->docket = redress_docket_open (cli->docket_path, cli->passphrase, cli->recovery_key, flags, &error);
  cli->db = cli->docket != NULL ? redress_docket_get_database (cli->docket) : NULL;
  if (cli->db == NULL)
    {
      if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE))
        g_printerr (_("redress-cli %s: %s Give it with --passphrase-file FILE (or --recovery-key-file FILE).\n"),
                    cli->command, error->message);
      else
        redress_cli_fail (cli, error);
      *status = REDRESS_CLI_EXIT_ERROR;
      return NULL;
    }
  if (redress_database_get_key_kind (cli->db) == REDRESS_DATABASE_KEY_PASSPHRASE &&
      g_strcmp0 (cli->command, "encrypt") != 0)
    g_printerr (_("Note: this docket was encrypted by an older Redress: its evidence files are not "
                  "encrypted and it has no recovery key. Run “redress-cli encrypt” to upgrade it.\n"));
  return cli->db;
}

/**
 * redress_cli_parse_options:
 * @with_json: add the --json option, stored in @cli->json
 *
 * Parses the options of a subcommand; what is left in @argv are its
 * arguments, argv[0] being the subcommand.  Returns %FALSE and sets @status
 * on a usage error or after printing --help.
 */
gboolean
redress_cli_parse_options (RedressCli    *cli,
                           GOptionEntry  *entries,
                           gboolean       with_json,
                           int           *argc,
                           char        ***argv,
                           int           *status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameter = NULL;
  const RedressCliCommand *command = NULL;
  GOptionEntry json_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print JSON"), NULL },
    { NULL }
  };

  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_strcmp0 (commands[i].name, cli->command) == 0)
      command = &commands[i];

  parameter = g_strdup_printf ("%s %s", cli->command, command ? _(command->args) : "");
  context = g_option_context_new (parameter);
  if (command != NULL)
    g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (with_json)
    g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = redress_cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

char *
redress_cli_resolve_case (RedressCli *cli,
                          const char *reference_or_id,
                          int        *status)
{
  g_autoptr(GError) error = NULL;
  char *id = redress_exchange_resolve_case (cli->db, reference_or_id, &error);

  if (id == NULL)
    *status = redress_cli_fail (cli, error);
  return id;
}

/**
 * redress_cli_read_secret:
 * @what: "passphrase" or "recovery key", for the messages
 *
 * Reads a passphrase or a recovery key from @path (without its final line
 * break) into protected memory.
 *
 * Returns: (transfer full): the secret, to free with redress_cli_free_secret(),
 *   or %NULL with @status set.
 */
char *
redress_cli_read_secret (const char *path,
                         const char *what,
                         int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  char *secret;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      g_printerr (_("redress-cli: could not read the %s file: %s\n"), what, error->message);
      *status = REDRESS_CLI_EXIT_ERROR;
      return NULL;
    }
  /* A file usually ends with a line break that is not part of the secret. */
  while (len > 0 && (contents[len - 1] == '\n' || contents[len - 1] == '\r'))
    contents[--len] = '\0';
  if (len == 0)
    {
      g_printerr (_("redress-cli: the %s file “%s” is empty.\n"), what, path);
      *status = REDRESS_CLI_EXIT_ERROR;
      return NULL;
    }
  secret = redress_secret_dup (contents);
  memset (contents, 0, len);
  return secret;
}

void
redress_cli_free_secret (char *secret)
{
  redress_secret_free (secret);
}

/* Terminal columns taken by @text: East Asian wide characters take two,
 * combining marks none. */
guint
redress_cli_text_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/**
 * redress_cli_print_table:
 * @headers: the column titles
 * @rows: (element-type GStrv): one string vector per row, as long as @headers
 *
 * Prints aligned columns; the last column is not padded.
 */
void
redress_cli_print_table (const char * const *headers,
                         GPtrArray          *rows)
{
  guint n = g_strv_length ((char **) headers);
  g_autofree guint *widths = g_new0 (guint, n);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n; c++)
    widths[c] = redress_cli_text_width (headers[c]);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n && row[c] != NULL; c++)
        widths[c] = MAX (widths[c], redress_cli_text_width (row[c]));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *row = r == 0 ? headers : g_ptr_array_index (rows, r - 1);
      gboolean ended = FALSE;

      g_string_truncate (line, 0);
      for (guint c = 0; c < n; c++)
        {
          const char *cell = ended ? "" : row[c];

          if (cell == NULL)
            {
              ended = TRUE;
              cell = "";
            }
          g_string_append (line, cell);
          if (c + 1 < n)
            for (guint pad = redress_cli_text_width (cell); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

/* Prints the JSON that @w holds, ending with a newline. */
void
redress_cli_print_json (RedressJsonWriter *w)
{
  g_autofree char *text = redress_json_writer_steal (w);

  fputs (text, stdout);
  if (!g_str_has_suffix (text, "\n"))
    fputc ('\n', stdout);
}

/* }}} */
/* {{{ init, demo */

int
redress_cli_init (RedressCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_out = NULL;
  gboolean encrypt = FALSE;
  gboolean no_encryption = FALSE;
  gboolean existed;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "no-encryption", 0, 0, G_OPTION_ARG_NONE, &no_encryption,
      N_("Make a docket that is not encrypted (anyone with the file can read it)"), NULL },
    { "recovery-key-out", 0, 0, G_OPTION_ARG_FILENAME, &recovery_out,
      N_("Write the recovery key to FILE instead of printing it"), N_("FILE") },
    { "encrypt", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &encrypt,
      N_("Encrypt the new docket (the default)"), NULL },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return redress_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (encrypt && no_encryption)
    return redress_cli_usage_error (cli, _("--encrypt and --no-encryption exclude each other"));

  existed = g_file_test (cli->docket_path, G_FILE_TEST_EXISTS);
  if (!existed && !no_encryption)
    {
      if (cli->passphrase == NULL)
        return redress_cli_usage_error (cli, _("a new docket is encrypted: give its passphrase with "
                                               "--passphrase-file FILE before the command, or "
                                               "--no-encryption after it"));
      if (!redress_passphrase_check_new (cli->passphrase, &error))
        return redress_cli_fail (cli, error);
    }
  if (!existed && no_encryption && cli->passphrase != NULL)
    return redress_cli_usage_error (cli, _("--no-encryption makes a docket without a passphrase: "
                                           "leave out --passphrase-file"));

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_CREATE, &status) == NULL)
    return status;

  if (existed)
    {
      g_print (_("A docket already exists at %s (schema version %d, %s); it was left as it was.\n"),
               cli->docket_path, redress_database_get_schema_version (cli->db),
               redress_database_get_encrypted (cli->db) ? _("encrypted") : _("not encrypted"));
      return REDRESS_CLI_EXIT_OK;
    }

  g_print (_("Created the docket %s (schema version %d, %s).\n"),
           cli->docket_path, redress_database_get_schema_version (cli->db),
           redress_database_get_encrypted (cli->db) ? _("encrypted") : _("not encrypted"));
  if (redress_database_get_key_kind (cli->db) == REDRESS_DATABASE_KEY_WRAPPED)
    {
      char *recovery = redress_database_new_recovery_key (cli->db, &error);

      if (recovery == NULL)
        return redress_cli_fail (cli, error);
      if (!redress_cli_write_recovery_key (recovery, recovery_out, &error))
        {
          redress_database_free_secret (recovery);
          return redress_cli_fail (cli, error);
        }
      redress_database_free_secret (recovery);
    }
  else
    g_printerr (_("Warning: this docket is not encrypted. Anyone who gets the file or its evidence "
                  "folder can read every case. Encrypt it later with “redress-cli encrypt”.\n"));
  return REDRESS_CLI_EXIT_OK;
}

static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  gboolean *tty = user_data;

  if (*tty)
    g_printerr ("\r%u/%u", done, total);
}

int
redress_cli_demo (RedressCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  int n_cases = REDRESS_DEMO_DEFAULT_CASES;
  int seed = REDRESS_DEMO_DEFAULT_SEED;
  int status = REDRESS_CLI_EXIT_OK;
  gboolean tty = isatty (fileno (stderr));
  gboolean no_deadlines = FALSE;
  gboolean all_deadlines = FALSE;
  gint64 start;
  GOptionEntry entries[] = {
    { "cases", 'n', 0, G_OPTION_ARG_INT, &n_cases, N_("How many cases to make (default 50)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("The same seed makes the same docket (default 1)"), N_("S") },
    { "no-deadlines", 0, 0, G_OPTION_ARG_NONE, &no_deadlines,
      N_("Do not compute deadlines (fastest; by default they are computed for every case up to 10,000 cases, else for open cases)"), NULL },
    { "all-deadlines", 0, 0, G_OPTION_ARG_NONE, &all_deadlines,
      N_("Compute deadlines for every case, however many"), NULL },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return redress_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (n_cases < 1)
    return redress_cli_usage_error (cli, _("--cases must be at least 1"));
  if (seed < 0)
    return redress_cli_usage_error (cli, _("--seed must not be negative"));
  if (no_deadlines && all_deadlines)
    return redress_cli_usage_error (cli, _("--no-deadlines and --all-deadlines exclude each other"));

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_CREATE, &status) == NULL)
    return status;

  start = g_get_monotonic_time ();
  if (!redress_demo_generate_full (cli->db, (guint32) seed, (guint) n_cases,
                                   no_deadlines ? REDRESS_DEMO_NO_DEADLINES
                                   : all_deadlines ? REDRESS_DEMO_ALL_DEADLINES : REDRESS_DEMO_DEFAULT,
                                   demo_progress_cb, &tty, &error))
    {
      if (tty)
        g_printerr ("\n");
      return redress_cli_fail (cli, error);
    }
  if (tty)
    g_printerr ("\n");

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Made %d fictional case (seed %d) in %.1f s.\n",
                        "Made %d fictional cases (seed %d) in %.1f s.\n", (gulong) n_cases),
           n_cases, seed, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  return REDRESS_CLI_EXIT_OK;
}

/* }}} */
/* {{{ list, show, search */

static gboolean
wait_for_list (RedressCaseList *list)
{
  while (redress_case_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

int
redress_cli_list (RedressCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autoptr(RedressCaseList) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(RedressJsonWriter) w = NULL;
  g_autofree char *kind = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  guint n;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("Only communications or only inquiries"),
      N_("communication|inquiry") },
    { NULL }
  };
  const char * const headers[] = { _("Reference"), _("Kind"), _("State"), _("Stage"), _("Title"), NULL };

  if (!redress_cli_parse_options (cli, entries, TRUE, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return redress_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (kind != NULL && g_strcmp0 (kind, "communication") != 0 && g_strcmp0 (kind, "inquiry") != 0)
    return redress_cli_usage_error (cli, _("--kind must be “communication” or “inquiry”, not “%s”"),
                                    kind);

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;

  list = redress_case_list_new (cli->db);
  if (kind != NULL)
    redress_case_list_set_kind (list, kind);
  redress_case_list_set_sort_key (list, REDRESS_CASE_SORT_REFERENCE);
  redress_case_list_reload (list);
  wait_for_list (list);

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (cli->json)
    {
      w = redress_json_writer_new (TRUE);
      redress_json_writer_begin_array (w);
    }
  else
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressCase) c = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (cli->json)
        {
          redress_json_writer_begin_object (w);
          redress_json_writer_key (w, "id");
          redress_json_writer_string (w, redress_record_get_id (REDRESS_RECORD (c)));
          redress_json_writer_key (w, "reference");
          redress_json_writer_string (w, redress_case_get_reference (c));
          redress_json_writer_key (w, "title");
          redress_json_writer_string (w, redress_case_get_title (c));
          redress_json_writer_key (w, "kind");
          redress_json_writer_string (w, redress_case_get_kind (c));
          redress_json_writer_key (w, "state");
          redress_json_writer_string (w, redress_case_get_state_code (c));
          redress_json_writer_key (w, "stage");
          redress_json_writer_string (w, redress_case_get_stage (c));
          redress_json_writer_key (w, "next_deadline");
          if (redress_case_get_next_deadline (c) != NULL)
            redress_json_writer_string (w, redress_case_get_next_deadline (c));
          else
            redress_json_writer_null (w);
          redress_json_writer_end_object (w);
        }
      else
        {
          char **row = g_new0 (char *, 6);

          row[0] = g_strdup (redress_case_get_reference (c));
          row[1] = g_strdup (redress_case_get_kind (c));
          row[2] = g_strdup (redress_case_get_state_code (c));
          row[3] = g_strdup (redress_case_get_stage (c));
          row[4] = g_strdup (redress_case_get_title (c));
          g_ptr_array_add (rows, row);
        }
    }

  if (cli->json)
    {
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
    }
  else if (n == 0)
    g_print (_("The docket has no cases.\n"));
  else
    redress_cli_print_table (headers, rows);
  return REDRESS_CLI_EXIT_OK;
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static void
print_field (const char *label,
             const char *value)
{
  guint width = redress_cli_text_width (label);

  g_print ("%s", label);
  for (guint i = width; i < 16; i++)
    g_print (" ");
  g_print ("%s\n", or_dash (value));
}

int
redress_cli_show (RedressCli  *cli,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(RedressCase) c = NULL;
  g_autoptr(GListModel) parties = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListModel) deadlines = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, TRUE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("give one case: its reference or its id"));

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;
  id = redress_cli_resolve_case (cli, argv[1], &status);
  if (id == NULL)
    return status;

  if (cli->json)
    {
      g_autofree char *json = redress_exchange_export_case (cli->db, id, &error);

      if (json == NULL)
        return redress_cli_fail (cli, error);
      fputs (json, stdout);
      return REDRESS_CLI_EXIT_OK;
    }

  c = redress_record_load (cli->db, REDRESS_TYPE_CASE, id, &error);
  if (c == NULL)
    return redress_cli_fail (cli, error);
  parties = redress_record_list (cli->db, REDRESS_TYPE_CASE_PARTY, id, &error);
  if (parties == NULL)
    return redress_cli_fail (cli, error);
  events = redress_record_list (cli->db, REDRESS_TYPE_PROCEDURAL_EVENT, id, &error);
  if (events == NULL)
    return redress_cli_fail (cli, error);
  deadlines = redress_record_list (cli->db, REDRESS_TYPE_DEADLINE, id, &error);
  if (deadlines == NULL)
    return redress_cli_fail (cli, error);

  print_field (_("Reference"), redress_case_get_reference (c));
  print_field (_("Title"), redress_case_get_title (c));
  print_field (_("Kind"), redress_case_get_kind (c));
  print_field (_("State"), redress_case_get_state_code (c));
  print_field (_("Stage"), redress_case_get_stage (c));
  print_field (_("Committee ref."), redress_record_get_string (REDRESS_RECORD (c), "committee-ref"));
  print_field (_("Opened"), redress_record_get_string (REDRESS_RECORD (c), "opened-on"));
  print_field (_("Submitted"), redress_record_get_string (REDRESS_RECORD (c), "submitted-on"));
  print_field (_("Next deadline"), redress_case_get_next_deadline (c));
  print_field (_("Id"), id);

  if (g_list_model_get_n_items (parties) > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char * const headers[] = { _("Role"), _("Name"), _("Consent"), NULL };

      g_print ("\n");
      for (guint i = 0; i < g_list_model_get_n_items (parties); i++)
        {
          g_autoptr(RedressRecord) party = g_list_model_get_item (parties, i);
          const char *person_id = redress_record_get_string (party, "person-id");
          g_autoptr(RedressPerson) person = redress_record_load (cli->db, REDRESS_TYPE_PERSON,
                                                                 person_id, NULL);
          char **row = g_new0 (char *, 4);
          const char *consent_date = redress_record_get_string (party, "consent-date");

          row[0] = g_strdup (redress_record_get_string (party, "role"));
          row[1] = g_strdup (person ? redress_person_get_display_name (person) : person_id);
          row[2] = g_strdup (or_dash (consent_date));
          g_ptr_array_add (rows, row);
        }
      redress_cli_print_table (headers, rows);
    }

  if (g_list_model_get_n_items (events) > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char * const headers[] = { _("Date"), _("Event"), _("New stage"), NULL };

      g_print ("\n");
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(RedressRecord) event = g_list_model_get_item (events, i);
          char **row = g_new0 (char *, 4);

          row[0] = g_strdup (redress_record_get_string (event, "occurred-on"));
          row[1] = g_strdup (redress_record_get_string (event, "event"));
          row[2] = g_strdup (or_dash (redress_record_get_string (event, "to-stage")));
          g_ptr_array_add (rows, row);
        }
      redress_cli_print_table (headers, rows);
    }

  if (g_list_model_get_n_items (deadlines) > 0)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char * const headers[] = { _("Due"), _("Rule"), _("Status"), NULL };

      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

      g_print ("\n");
      for (guint i = 0; i < g_list_model_get_n_items (deadlines); i++)
        {
          g_autoptr(RedressDeadline) deadline = g_list_model_get_item (deadlines, i);
          char **row = g_new0 (char *, 4);
          char *start = redress_deadline_describe_start (deadline);

          row[0] = g_strdup (or_dash (redress_deadline_get_effective_due (deadline)));
          row[1] = g_strdup (redress_record_get_string (REDRESS_RECORD (deadline), "rule-id"));
          row[2] = g_strdup (redress_record_get_string (REDRESS_RECORD (deadline), "status"));
          g_ptr_array_add (rows, row);
          /* D01, OP3 art 7(h): both dates behind it, with the [U] caveat. */
          if (start != NULL)
            g_ptr_array_add (notes, g_strdup_printf ("%s: %s", row[1], start));
          g_free (start);
        }
      redress_cli_print_table (headers, rows);
      for (guint i = 0; i < notes->len; i++)
        g_print ("%s\n", (char *) g_ptr_array_index (notes, i));
    }
  return REDRESS_CLI_EXIT_OK;
}

int
redress_cli_search (RedressCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autofree char *query = NULL;
  int limit = 50;
  int status = REDRESS_CLI_EXIT_OK;
  guint n;
  GOptionEntry entries[] = {
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default 50)"), N_("N") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, TRUE, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return redress_cli_usage_error (cli, _("give the words to search for"));
  if (limit < 1)
    return redress_cli_usage_error (cli, _("--limit must be at least 1"));

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;

  query = g_strjoinv (" ", argv + 1);
  hits = redress_search_run (cli->db, query, (guint) limit, NULL, &error);
  if (hits == NULL)
    return redress_cli_fail (cli, error);

  n = g_list_model_get_n_items (hits);
  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_array (w);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RedressSearchHit) hit = g_list_model_get_item (hits, i);

          redress_json_writer_begin_object (w);
          redress_json_writer_key (w, "case_id");
          redress_json_writer_string (w, redress_search_hit_get_case_id (hit));
          redress_json_writer_key (w, "reference");
          redress_json_writer_string (w, redress_search_hit_get_reference (hit));
          redress_json_writer_key (w, "title");
          redress_json_writer_string (w, redress_search_hit_get_title (hit));
          redress_json_writer_key (w, "source");
          redress_json_writer_string (w, redress_search_hit_get_source (hit));
          redress_json_writer_key (w, "snippet");
          redress_json_writer_string (w, redress_search_hit_get_snippet (hit));
          redress_json_writer_end_object (w);
        }
      redress_json_writer_end_array (w);
      redress_cli_print_json (w);
    }
  else if (n == 0)
    g_print (_("Nothing matches “%s”.\n"), query);
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char * const headers[] = { _("Reference"), _("Found in"), _("Title"), _("Text"), NULL };

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RedressSearchHit) hit = g_list_model_get_item (hits, i);
          char **row = g_new0 (char *, 5);

          row[0] = g_strdup (redress_search_hit_get_reference (hit));
          row[1] = g_strdup (redress_search_hit_get_source (hit));
          row[2] = g_strdup (redress_search_hit_get_title (hit));
          row[3] = g_strdelimit (g_strdup (redress_search_hit_get_snippet (hit)), "\n\t", ' ');
          g_ptr_array_add (rows, row);
        }
      redress_cli_print_table (headers, rows);
    }
  return REDRESS_CLI_EXIT_OK;
}

/* }}} */
/* {{{ export, import */

int
redress_cli_export (RedressCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return redress_cli_usage_error (cli, _("give the case (reference or id) and the file to write"));

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;
  id = redress_cli_resolve_case (cli, argv[1], &status);
  if (id == NULL)
    return status;
  if (!redress_exchange_export_to_file (cli->db, id, argv[2], &error))
    return redress_cli_fail (cli, error);

  g_print (_("Exported %s to %s.\n"), argv[1], argv[2]);
  return REDRESS_CLI_EXIT_OK;
}

int
redress_cli_import (RedressCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(RedressCase) c = NULL;
  gboolean replace = FALSE;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Overwrite the case in the docket that has the same id"), NULL },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("give the file to import"));

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status) == NULL)
    return status;
  id = redress_exchange_import_file (cli->db, argv[1],
                                     replace ? REDRESS_EXCHANGE_IMPORT_REPLACE
                                             : REDRESS_EXCHANGE_IMPORT_DEFAULT,
                                     &error);
  if (id == NULL)
    {
      redress_cli_fail (cli, error);
      if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT) && !replace)
        g_printerr (_("To overwrite a case already in the docket with the file, add --replace.\n"));
      return REDRESS_CLI_EXIT_ERROR;
    }

  c = redress_record_load (cli->db, REDRESS_TYPE_CASE, id, NULL);
  g_print (_("Imported the case %s (%s).\n"), c ? redress_case_get_reference (c) : id, id);
  return REDRESS_CLI_EXIT_OK;
}

/* {{{ backup, verify */

int
redress_cli_backup (RedressCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return redress_cli_usage_error (cli, _("give the folder to write the backup to"));

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;
  if (!redress_database_backup (cli->db, argv[1], NULL, NULL, NULL, &error))
    return redress_cli_fail (cli, error);

  g_print (_("Backed up %s to %s: the database, its key file and every evidence file, verified.\n"),
           cli->docket_path, argv[1]);
  if (!redress_database_get_encrypted (cli->db))
    g_printerr (_("Warning: the docket is not encrypted, so neither is its backup.\n"));
  return REDRESS_CLI_EXIT_OK;
}

int
redress_cli_verify (RedressCli  *cli,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  gboolean ok;

  if (!redress_cli_parse_options (cli, NULL, TRUE, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return redress_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);

  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_READ_ONLY, &status) == NULL)
    return status;
  ok = redress_database_verify (cli->db, &report, &error);
  if (ok)
    {
      /* Every evidence file, re-hashed (read-only: nothing is recorded). */
      RedressEvidenceStore *store = redress_docket_get_evidence_store (cli->docket);
      g_autoptr(RedressVerifyReport) evidence = NULL;
      g_autoptr(GString) text = g_string_new (report);

      evidence = redress_evidence_store_verify (store, NULL, NULL, NULL, NULL, NULL, &error);
      ok = evidence != NULL;
      if (evidence != NULL)
        {
          guint removed = 0;
          guint orphans = redress_evidence_store_count_orphans (store, &removed);

          for (guint i = 0; i < evidence->problems->len; i++)
            {
              RedressEvidenceProblem *p = g_ptr_array_index (evidence->problems, i);

              g_string_append_printf (text, p->state == REDRESS_EVIDENCE_STATE_MISSING
                                      ? _("The evidence file of “%s” (%s) is missing.\n")
                                      : _("The evidence file of “%s” (%s) was changed or damaged.\n"),
                                      p->title, p->evidence_id);
            }
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%u evidence file checked against its hash.\n",
                                                     "%u evidence files checked against their hashes.\n",
                                                     evidence->checked),
                                  evidence->checked);
          if (orphans > 0)
            g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                       "%u file of an interrupted intake has no item; "
                                                       "it is removed when the docket is next opened "
                                                       "for writing.\n",
                                                       "%u files of an interrupted intake have no item; "
                                                       "they are removed when the docket is next opened "
                                                       "for writing.\n", orphans),
                                    orphans);
          if (removed > 0)
            g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                       "%u file of an interrupted intake was removed.\n",
                                                       "%u files of an interrupted intake were removed.\n",
                                                       removed),
                                    removed);
          if (!redress_verify_report_is_clean (evidence))
            {
              ok = FALSE;
              g_set_error (&error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT,
                           _("Evidence has been altered or lost. Restore the evidence folder from "
                             "a backup."));
            }
        }
      g_free (report);
      report = g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (cli->json)
    {
      g_autoptr(RedressJsonWriter) w = redress_json_writer_new (TRUE);

      redress_json_writer_begin_object (w);
      redress_json_writer_key (w, "ok");
      redress_json_writer_boolean (w, ok);
      redress_json_writer_key (w, "report");
      redress_json_writer_string (w, report != NULL ? report : "");
      redress_json_writer_key (w, "error");
      if (ok)
        redress_json_writer_null (w);
      else
        redress_json_writer_string (w, error->message);
      redress_json_writer_end_object (w);
      redress_cli_print_json (w);
    }
  else if (ok)
    {
      g_print ("%s", report);
      g_print (_("The docket %s is whole: every page, every reference between rows and every "
                 "evidence file checked.\n"), cli->docket_path);
    }
  else
    {
      if (report != NULL && *report != '\0')
        g_printerr ("%s\n", report);
      redress_cli_fail (cli, error);
    }
  return ok ? REDRESS_CLI_EXIT_OK : REDRESS_CLI_EXIT_ERROR;
}

/* }}} */
/* {{{ main */

static char *
describe_commands (void)
{
  GString *s = g_string_new (_("Commands:"));
  guint width = 0;

  for (guint i = 0; commands[i].name != NULL; i++)
    width = MAX (width, (guint) strlen (commands[i].name));
  for (guint i = 0; commands[i].name != NULL; i++)
    g_string_append_printf (s, "\n  %-*s  %s", (int) width, commands[i].name, _(commands[i].summary));
  g_string_append (s, "\n\n");
  g_string_append (s, _("CASE is a case's reference or its id. “redress-cli COMMAND --help” "
                        "describes a command."));
  return g_string_free (s, FALSE);
}

static void
cli_clear (RedressCli *cli)
{
  cli->db = NULL;
  g_clear_object (&cli->docket);
  g_clear_pointer (&cli->docket_path, g_free);
  g_clear_pointer (&cli->passphrase, redress_cli_free_secret);
  g_clear_pointer (&cli->recovery_key, redress_cli_free_secret);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *recovery_file = NULL;
  g_autofree char *description = NULL;
  RedressCli cli = { 0 };
  const RedressCliCommand *command = NULL;
  int status;
  GOptionEntry entries[] = {
    { "docket", 'd', 0, G_OPTION_ARG_FILENAME, &cli.docket_path, N_("The docket file (default: the user's docket)"), N_("PATH") },
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file, N_("Read the docket's passphrase from FILE"), N_("FILE") },
    { "recovery-key-file", 0, 0, G_OPTION_ARG_FILENAME, &recovery_file, N_("Open the docket with the recovery key in FILE (when the passphrase is forgotten)"), N_("FILE") },
    { NULL }
  };

  /* No core dump of a process that holds keys and case data. */
  redress_harden_process ();
  setlocale (LC_ALL, "");
  redress_l10n_bind_textdomain ();

  description = describe_commands ();
  context = g_option_context_new (_("COMMAND [ARGS…]"));
  g_option_context_set_summary (context, _("Work with a Redress docket from the command line."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      status = REDRESS_CLI_EXIT_USAGE;
      goto out;
    }

  if (argc < 2)
    {
      g_printerr (_("redress-cli: no command given; try “redress-cli --help”.\n"));
      status = REDRESS_CLI_EXIT_USAGE;
      goto out;
    }

  if (g_strcmp0 (argv[1], "help") == 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      status = REDRESS_CLI_EXIT_OK;
      goto out;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_strcmp0 (commands[i].name, argv[1]) == 0)
      command = &commands[i];
  if (command == NULL)
    {
      g_printerr (_("redress-cli: unknown command “%s”; try “redress-cli --help”.\n"), argv[1]);
      status = REDRESS_CLI_EXIT_USAGE;
      goto out;
    }

  if (cli.docket_path == NULL)
    cli.docket_path = redress_database_get_default_path ();

  if (passphrase_file != NULL &&
      (cli.passphrase = redress_cli_read_secret (passphrase_file, _("passphrase"), &status)) == NULL)
    {
      cli_clear (&cli);
      return status;
    }
  if (recovery_file != NULL &&
      (cli.recovery_key = redress_cli_read_secret (recovery_file, _("recovery key"), &status)) == NULL)
    {
      cli_clear (&cli);
      return status;
    }

  cli.command = command->name;
  status = command->func (&cli, argc - 1, argv + 1);

  if (cli.docket != NULL)
    redress_docket_close (cli.docket);
out:
  cli_clear (&cli);
  return status;
}

/* }}} */
