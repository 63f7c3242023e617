/* main.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redress-application.h"
#include "redress-keys.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RedressApplication) app = NULL;

  /* No core dump of a process that holds keys and case data. */
  redress_harden_process ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = redress_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
