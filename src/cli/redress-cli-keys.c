/* redress-cli-keys.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli passphrase | recovery-key | encrypt | restore: the keys of a
 * docket (docs/encryption.md).
 */

#define G_LOG_DOMAIN "redress-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "redress-backup.h"
#include "redress-cli.h"
#include "redress-encrypt.h"
#include "redress-keys.h"

/**
 * redress_cli_write_recovery_key:
 * @out_path: (nullable): a file to write it to (0600), or %NULL for stdout
 *
 * Gives the user the recovery key, once.
 */
gboolean
redress_cli_write_recovery_key (const char  *recovery_key,
                                const char  *out_path,
                                GError     **error)
{
  if (out_path != NULL)
    {
      g_autofree char *line = g_strconcat (recovery_key, "\n", NULL);
      gboolean ok = g_file_set_contents_full (out_path, line, -1,
                                              G_FILE_SET_CONTENTS_CONSISTENT |
                                              G_FILE_SET_CONTENTS_DURABLE, 0600, error);

      memset (line, 0, strlen (line));
      if (ok)
        g_print (_("The recovery key was written to %s. Print it or write it down, keep it apart "
                   "from the computer, then delete that file.\n"), out_path);
      return ok;
    }
  g_print (_("Recovery key (shown only now; write it down or print it and keep it apart from the "
             "computer: it opens the docket if the passphrase is forgotten):\n\n    %s\n\n"),
           recovery_key);
  return TRUE;
}

int
redress_cli_passphrase (RedressCli  *cli,
                        int          argc,
                        char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_file = NULL;
  char *new_passphrase;
  int status = REDRESS_CLI_EXIT_OK;
  gint64 start;
  GOptionEntry entries[] = {
    { "new-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &new_file,
      N_("Read the new passphrase from FILE"), N_("FILE") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return redress_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (new_file == NULL)
    return redress_cli_usage_error (cli, _("give the new passphrase with --new-passphrase-file FILE"));
  if (cli->passphrase == NULL && cli->recovery_key == NULL)
    return redress_cli_usage_error (cli, _("give the old passphrase with --passphrase-file FILE, or "
                                           "the recovery key with --recovery-key-file FILE"));

  new_passphrase = redress_cli_read_secret (new_file, _("passphrase"), &status);
  if (new_passphrase == NULL)
    return status;
  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status) == NULL)
    {
      redress_cli_free_secret (new_passphrase);
      return status;
    }
  start = g_get_monotonic_time ();
  if (!redress_database_change_passphrase (cli->db, new_passphrase, &error))
    {
      redress_cli_free_secret (new_passphrase);
      return redress_cli_fail (cli, error);
    }
  redress_cli_free_secret (new_passphrase);
  g_print (_("The passphrase was changed in %.2f s; the old one no longer opens the docket. The "
             "recovery key still does.\n"),
           (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  return REDRESS_CLI_EXIT_OK;
}

int
redress_cli_recovery_key (RedressCli  *cli,
                          int          argc,
                          char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = REDRESS_CLI_EXIT_OK;
  char *recovery;
  gboolean ok;
  GOptionEntry entries[] = {
    { "recovery-key-out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the new recovery key to FILE instead of printing it"), N_("FILE") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return redress_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);
  if (redress_cli_open_docket (cli, REDRESS_DATABASE_OPEN_DEFAULT, &status) == NULL)
    return status;

  recovery = redress_database_new_recovery_key (cli->db, &error);
  if (recovery == NULL)
    return redress_cli_fail (cli, error);
  ok = redress_cli_write_recovery_key (recovery, out, &error);
  redress_database_free_secret (recovery);
  if (!ok)
    return redress_cli_fail (cli, error);
  g_print (_("The old recovery key no longer opens the docket.\n"));
  return REDRESS_CLI_EXIT_OK;
}

static void
encrypt_progress_cb (double   fraction,
                     gpointer user_data)
{
  gboolean *tty = user_data;

  if (*tty)
    g_printerr ("\r%3d %%", (int) (fraction * 100));
}

int
redress_cli_encrypt (RedressCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_file = NULL;
  g_autofree char *out = NULL;
  char *new_passphrase = NULL;
  char *recovery = NULL;
  const char *old_passphrase = NULL;
  gboolean tty = isatty (fileno (stderr));
  gboolean ok;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "new-passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &new_file,
      N_("Read the new passphrase from FILE (for a docket that is not encrypted, --passphrase-file "
         "gives it too)"), N_("FILE") },
    { "recovery-key-out", 0, 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the recovery key to FILE instead of printing it"), N_("FILE") },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return redress_cli_usage_error (cli, _("unexpected argument “%s”"), argv[1]);

  if (new_file != NULL)
    {
      new_passphrase = redress_cli_read_secret (new_file, _("passphrase"), &status);
      if (new_passphrase == NULL)
        return status;
      old_passphrase = cli->passphrase;
    }
  else if (cli->passphrase != NULL)
    {
      /* A plain docket has no old passphrase: --passphrase-file is the new one.
       * A docket of Redress 0.1 keeps its passphrase. */
      new_passphrase = redress_secret_dup (cli->passphrase);
      {
        g_autoptr(RedressDatabase) probe = redress_database_open (cli->docket_path, NULL,
                                                                  REDRESS_DATABASE_OPEN_READ_ONLY, NULL);

        old_passphrase = probe != NULL ? NULL : cli->passphrase;
      }
    }
  else
    return redress_cli_usage_error (cli, _("give the new passphrase with --new-passphrase-file FILE "
                                           "(or --passphrase-file FILE)"));

  ok = redress_docket_encrypt (cli->docket_path, old_passphrase, new_passphrase, &recovery,
                               encrypt_progress_cb, &tty, NULL, &error);
  if (tty)
    g_printerr ("\n");
  redress_cli_free_secret (new_passphrase);
  if (!ok)
    return redress_cli_fail (cli, error);

  g_print (_("The docket %s is encrypted, with its evidence files. The plaintext copies were "
             "overwritten and removed (on an SSD, the disk may keep old blocks: see the "
             "documentation).\n"), cli->docket_path);
  ok = redress_cli_write_recovery_key (recovery, out, &error);
  redress_database_free_secret (recovery);
  return ok ? REDRESS_CLI_EXIT_OK : redress_cli_fail (cli, error);
}

int
redress_cli_restore (RedressCli  *cli,
                     int          argc,
                     char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  int status = REDRESS_CLI_EXIT_OK;

  if (!redress_cli_parse_options (cli, NULL, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return redress_cli_usage_error (cli, _("give the backup folder and the new docket to make"));

  db = redress_database_restore (argv[1], argv[2], cli->passphrase, cli->recovery_key, NULL, &error);
  if (db == NULL)
    return redress_cli_fail (cli, error);
  redress_database_close (db);
  g_print (_("Restored %s from %s; the database and every evidence file were checked.\n"),
           argv[2], argv[1]);
  return REDRESS_CLI_EXIT_OK;
}
