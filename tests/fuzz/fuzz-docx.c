/* fuzz-docx.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DOCX reader of the leak check (redress_export_extract_text), which
 * reads back every public export: any bytes.
 */

#include "config.h"

#include "fuzz-common.h"
#include "redress-export.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = redress_export_extract_text (bytes, REDRESS_EXPORT_DOCX, &error);

  if ((text == NULL) == (error == NULL))
    abort ();
  return 0;
}
