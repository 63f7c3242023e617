/* fuzz-replay.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a fuzz target over every file of the folders it is given (the
 * checked-in corpus and the inputs that once crashed it), without libFuzzer,
 * so the ordinary and sanitizer builds replay them as tests (TAP).
 *
 *   fuzz-replay-TARGET DIR...
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_strdup (name));
      g_autofree char *folder = g_path_get_basename (argv[i]);

      g_ptr_array_sort (names, compare_names);
      for (guint k = 0; k < names->len; k++)
        {
          const char *base = g_ptr_array_index (names, k);
          g_autofree char *test = g_strdup_printf ("/fuzz-replay/%s/%s", folder, base);

          g_test_add_data_func_full (test, g_build_filename (argv[i], base, NULL), replay, g_free);
        }
    }
  return g_test_run ();
}
