/* redress-cli.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli [--docket PATH] [--passphrase-file FILE] COMMAND ...
 */

#define G_LOG_DOMAIN "redress-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "redress-database.h"
#include "redress-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autofree char *docket = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *passphrase = NULL;
  GOptionEntry entries[] = {
    { "docket", 'd', 0, G_OPTION_ARG_FILENAME, &docket, N_("The docket file (default: the user's docket)"), N_("PATH") },
    { "passphrase-file", 'p', 0, G_OPTION_ARG_FILENAME, &passphrase_file, N_("Read the docket's passphrase from FILE"), N_("FILE") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGS…]"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return 2;
    }

  if (argc < 2)
    {
      g_printerr (_("redress-cli: no command given; try --help\n"));
      return 2;
    }

  if (docket == NULL)
    docket = redress_database_get_default_path ();

  if (passphrase_file != NULL)
    {
      if (!g_file_get_contents (passphrase_file, &passphrase, NULL, &error))
        {
          g_printerr ("redress-cli: %s\n", error->message);
          return 1;
        }
      g_strchomp (passphrase);
    }

  db = redress_database_open (docket, passphrase,
                              g_strcmp0 (argv[1], "init") == 0 ? REDRESS_DATABASE_OPEN_CREATE : 0,
                              &error);
  if (db == NULL)
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return 1;
    }

  if (g_strcmp0 (argv[1], "init") == 0)
    {
      g_print (_("Docket ready at %s (schema version %d)\n"), docket,
               redress_database_get_schema_version (db));
      return 0;
    }

  g_printerr (_("redress-cli: unknown command “%s”\n"), argv[1]);
  return 2;
}
