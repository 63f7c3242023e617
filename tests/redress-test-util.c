/* redress-test-util.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "redress-test-util.h"

/* Removes a test's temporary folder and everything below it (evidence
 * originals are read-only files, which the folder's owner may still unlink). */
void
redress_test_rm_rf (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        redress_test_rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
