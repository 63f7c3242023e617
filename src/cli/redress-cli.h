/* redress-cli.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the subcommands of redress-cli share.  A subcommand in its own file
 * (src/cli/redress-cli-NAME.c) declares its function below and adds one line to
 * the command table in src/cli/redress-cli.c.
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"
#include "redress-docket.h"
#include "redress-exchange.h"

G_BEGIN_DECLS

#define REDRESS_CLI_EXIT_OK    0
#define REDRESS_CLI_EXIT_ERROR 1  /* the command failed */
#define REDRESS_CLI_EXIT_USAGE 2  /* the command line is wrong */

typedef struct
{
  char            *docket_path;  /* --docket, or the user's default docket */
  char            *passphrase;   /* from --passphrase-file, or NULL (protected memory) */
  char            *recovery_key; /* from --recovery-key-file, or NULL (protected memory) */
  RedressDocket   *docket;       /* opened by redress_cli_open_docket() */
  RedressDatabase *db;           /* its connection */
  const char      *command;      /* the subcommand's name */
  gboolean         json;         /* --json was given to the subcommand */
} RedressCli;

/* argv[0] is the subcommand's name; returns an exit status. */
typedef int (*RedressCliFunc) (RedressCli  *cli,
                               int          argc,
                               char       **argv);

typedef struct
{
  const char     *name;
  RedressCliFunc  func;
  const char     *args;     /* e.g. "CASE FILE", translatable (N_) */
  const char     *summary;  /* one line, translatable (N_) */
} RedressCliCommand;

RedressDatabase *redress_cli_open_docket    (RedressCli          *cli,
                                             RedressDatabaseOpenFlags flags,
                                             int                 *status);
gboolean         redress_cli_parse_options  (RedressCli          *cli,
                                             GOptionEntry        *entries,
                                             gboolean             with_json,
                                             int                 *argc,
                                             char              ***argv,
                                             int                 *status);
int              redress_cli_fail           (RedressCli          *cli,
                                             const GError        *error);
int              redress_cli_usage_error    (RedressCli          *cli,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (2, 3);
void             redress_cli_print_json     (RedressJsonWriter   *w);
char            *redress_cli_resolve_case   (RedressCli          *cli,
                                             const char          *reference_or_id,
                                             int                 *status) G_GNUC_WARN_UNUSED_RESULT;
guint            redress_cli_text_width     (const char          *text);
char            *redress_cli_read_secret    (const char          *path,
                                             const char          *what,
                                             int                 *status) G_GNUC_WARN_UNUSED_RESULT;
void             redress_cli_free_secret    (char                *secret);
void             redress_cli_print_table    (const char * const  *headers,
                                             GPtrArray           *rows);

/* Commands defined in src/cli/redress-cli.c. */
int redress_cli_init    (RedressCli *cli, int argc, char **argv);
int redress_cli_demo    (RedressCli *cli, int argc, char **argv);
int redress_cli_list    (RedressCli *cli, int argc, char **argv);
int redress_cli_show    (RedressCli *cli, int argc, char **argv);
int redress_cli_set     (RedressCli *cli, int argc, char **argv);  /* redress-cli-set.c */
int redress_cli_search  (RedressCli *cli, int argc, char **argv);
int redress_cli_export  (RedressCli *cli, int argc, char **argv);
int redress_cli_import  (RedressCli *cli, int argc, char **argv);
int redress_cli_backup  (RedressCli *cli, int argc, char **argv);
int redress_cli_verify  (RedressCli *cli, int argc, char **argv);

/* Commands defined in other files: add yours here. */
int redress_cli_evidence       (RedressCli *cli, int argc, char **argv);  /* redress-cli-evidence.c */
int redress_cli_correspondence (RedressCli *cli, int argc, char **argv);  /* redress-cli-evidence.c */
int redress_cli_timeline       (RedressCli *cli, int argc, char **argv);  /* redress-cli-evidence.c */
int redress_cli_check          (RedressCli *cli, int argc, char **argv);  /* redress-cli-procedure.c */
int redress_cli_deadlines      (RedressCli *cli, int argc, char **argv);  /* redress-cli-procedure.c */
int redress_cli_event          (RedressCli *cli, int argc, char **argv);  /* redress-cli-procedure.c */
int redress_cli_import_states  (RedressCli *cli, int argc, char **argv);  /* redress-cli-procedure.c */
int redress_cli_compose        (RedressCli *cli, int argc, char **argv);  /* redress-cli-compose.c */
int redress_cli_passphrase     (RedressCli *cli, int argc, char **argv);  /* redress-cli-keys.c */
int redress_cli_recovery_key   (RedressCli *cli, int argc, char **argv);  /* redress-cli-keys.c */
int redress_cli_encrypt        (RedressCli *cli, int argc, char **argv);  /* redress-cli-keys.c */
int redress_cli_restore        (RedressCli *cli, int argc, char **argv);  /* redress-cli-keys.c */
gboolean redress_cli_write_recovery_key (const char *recovery_key,
                                         const char *out_path,
                                         GError    **error);              /* redress-cli-keys.c */

G_END_DECLS
