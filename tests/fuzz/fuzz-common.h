/* fuzz-common.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every fuzz target shares: a GLib warning or critical is a finding,
 * so it aborts (libFuzzer catches SIGABRT and keeps the input; it does not
 * catch the SIGTRAP of G_DEBUG=fatal-criticals).
 */

#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
fuzz_log_handler (const char     *domain,
                  GLogLevelFlags  level,
                  const char     *message,
                  gpointer        data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      fprintf (stderr, "%s: %s\n", domain ? domain : "", message);
      abort ();
    }
}

static void
fuzz_common_init (void)
{
  g_log_set_default_handler (fuzz_log_handler, NULL);
}
