/* fuzz-exchange.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case exchange import (redress-cli import, the window's Import): any
 * bytes, as read from a file someone sent.
 */

#include "config.h"

#include "fuzz-docket.h"
#include "redress-exchange.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  fuzz_docket ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (size > G_MAXINT)
    return 0;
  fuzz_begin ();
  id = redress_exchange_import (fuzz_db, (const char *) data, (gssize) size, 0, &error);
  /* Either a case or a message, never both, never neither. */
  if ((id == NULL) == (error == NULL) || (error != NULL && error->message[0] == '\0'))
    abort ();
  fuzz_rollback ();
  return 0;
}
