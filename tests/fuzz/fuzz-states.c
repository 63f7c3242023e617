/* fuzz-states.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The States CSV import (redress-cli import-states): any bytes.
 */

#include "config.h"

#include "fuzz-docket.h"
#include "redress-reference.h"

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
  gboolean ok;

  if (size > G_MAXINT)
    return 0;
  fuzz_begin ();
  ok = redress_reference_import_states (fuzz_db, (const char *) data, (gssize) size, "fuzz.csv",
                                        "2026-01-01", &error);
  if (ok == (error != NULL))
    abort ();
  if (ok)
    {
      /* What was accepted reads back. */
      g_autoptr(RedressReference) ref = redress_reference_load (fuzz_db, &error);

      if (ref == NULL || redress_reference_get_n_states (ref) == 0)
        abort ();
    }
  fuzz_rollback ();
  return 0;
}
