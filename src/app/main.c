/* main.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "redress-application.h"
#include "redress-l10n.h"
#include "redress-keys.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RedressApplication) app = NULL;

  /* No core dump of a process that holds keys and case data. */
  redress_harden_process ();
  redress_l10n_bind_textdomain ();

  app = redress_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
