/* redress-cli-set.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `redress-cli set CASE FIELD VALUE [--was OLD]`: changes one text field of a
 * case.  Only that field is written, guarded by the value read (or by OLD):
 * when someone changed it meanwhile, the command says who, when and both
 * values, writes nothing and exits with 1.
 */

#define G_LOG_DOMAIN "redress-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case.h"
#include "redress-cli.h"

int
redress_cli_set (RedressCli  *cli,
                 int          argc,
                 char       **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) kase = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (REDRESS_TYPE_CASE);
  g_autofree char *case_id = NULL;
  g_autofree char *was = NULL;
  g_autofree char *property = NULL;
  gboolean was_empty = FALSE;
  GParamSpec *pspec;
  int status = REDRESS_CLI_EXIT_OK;
  GOptionEntry entries[] = {
    { "was", 0, 0, G_OPTION_ARG_STRING, &was,
      N_("Change it only if it still reads OLD (what you last saw)"), N_("OLD") },
    { "was-empty", 0, 0, G_OPTION_ARG_NONE, &was_empty,
      N_("Change it only if it is still empty"), NULL },
    { NULL }
  };

  if (!redress_cli_parse_options (cli, entries, FALSE, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return redress_cli_usage_error (cli, _("Give a case, a field and its new text, for example: "
                                           "set 2025/004 summary \"…\""));

  property = g_strdup (argv[2]);
  g_strdelimit (property, "_", '-');
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  if (pspec == NULL || pspec->owner_type != REDRESS_TYPE_CASE ||
      pspec->value_type != G_TYPE_STRING ||
      (pspec->flags & (REDRESS_PARAM_COMPUTED | REDRESS_PARAM_DERIVED)) != 0 ||
      (pspec->flags & G_PARAM_WRITABLE) == 0)
    return redress_cli_usage_error (cli, _("“%s” is not a text field of a case (for example "
                                           "summary, facts, title, remedies-sought)."), argv[2]);

  if (redress_cli_open_docket (cli, 0, &status) == NULL)
    return status;
  case_id = redress_cli_resolve_case (cli, argv[1], &status);
  if (case_id == NULL)
    return status;
  kase = redress_record_load (cli->db, REDRESS_TYPE_CASE, case_id, &error);
  if (kase == NULL)
    return redress_cli_fail (cli, error);

  if (was != NULL || was_empty)
    redress_record_expect_string (REDRESS_RECORD (kase), pspec->name, was != NULL ? was : "");
  redress_record_set_string (REDRESS_RECORD (kase), pspec->name, argv[3]);
  if (!redress_record_save (REDRESS_RECORD (kase), cli->db, &error))
    {
      int failed = redress_cli_fail (cli, error);

      if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT))
        g_printerr (_("To save yours over it, run the command again with --was and its current text.\n"));
      return failed;
    }

  g_print (_("Saved “%s”.\n"), _(g_param_spec_get_nick (pspec)));
  return REDRESS_CLI_EXIT_OK;
}
