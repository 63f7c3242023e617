/* redress-test-util.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

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

char *
redress_test_make_tmp_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("redress-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
redress_test_docket_init_unopened (RedressTestDocket *docket,
                                   const char        *name)
{
  docket->dir = redress_test_make_tmp_dir (name);
  docket->path = g_build_filename (docket->dir, "docket.redress", NULL);
  docket->db = NULL;
}

void
redress_test_docket_init (RedressTestDocket *docket,
                          const char        *name)
{
  g_autoptr(GError) error = NULL;

  redress_test_docket_init_unopened (docket, name);
  docket->db = redress_database_open (docket->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (docket->db);
}

void
redress_test_docket_clear (RedressTestDocket *docket)
{
  g_clear_object (&docket->db);
  if (docket->dir != NULL)
    redress_test_rm_rf (docket->dir);
  g_clear_pointer (&docket->dir, g_free);
  g_clear_pointer (&docket->path, g_free);
}

guint
redress_test_timeout_ms (void)
{
  const char *env = g_getenv ("REDRESS_TEST_TIMEOUT");
  guint64 seconds = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 0;

  return (guint) (seconds > 0 ? MIN (seconds, 3600) : 60) * 1000;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

guint
redress_test_tick_add (void)
{
  return g_timeout_add (10, tick_cb, NULL);
}

gboolean
redress_test_wait_for (RedressTestCondition cond,
                       gpointer             data)
{
  gint64 end = g_get_monotonic_time () + (gint64) redress_test_timeout_ms () * 1000;
  guint tick = redress_test_tick_add ();
  gboolean ok;

  while (!(ok = cond (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);

  return ok;
}

void
redress_test_flush_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

guint
redress_test_read_lines (int        fd,
                         guint      n,
                         GString   *pending,
                         GPtrArray *lines)
{
  gint64 end = g_get_monotonic_time () + (gint64) redress_test_timeout_ms () * 1000;
  guint got = 0;

  while (got < n)
    {
      char *nl;
      char buf[4096];
      GPollFD pfd = { fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
      gint64 left = (end - g_get_monotonic_time ()) / 1000;
      ssize_t r;

      while (got < n && (nl = memchr (pending->str, '\n', pending->len)) != NULL)
        {
          g_ptr_array_add (lines, g_strndup (pending->str, nl - pending->str));
          g_string_erase (pending, 0, nl - pending->str + 1);
          got++;
        }
      if (got >= n || left <= 0)
        break;
      if (g_poll (&pfd, 1, (gint) MIN (left, G_MAXINT)) <= 0)
        continue;
      r = read (fd, buf, sizeof buf);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        break;
      g_string_append_len (pending, buf, r);
    }
  return got;
}

static char *isolated_home;

static void
remove_isolated_home (void)
{
  if (isolated_home != NULL)
    redress_test_rm_rf (isolated_home);
  g_clear_pointer (&isolated_home, g_free);
}

void
redress_test_init (int    *argc,
                   char ***argv)
{
  static const char * const vars[][2] = {
    { "HOME", "" }, { "XDG_DATA_HOME", ".local/share" }, { "XDG_CONFIG_HOME", ".config" },
    { "XDG_CACHE_HOME", ".cache" }, { "XDG_STATE_HOME", ".local/state" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };

  isolated_home = g_dir_make_tmp ("redress-test-home-XXXXXX", NULL);
  g_assert_nonnull (isolated_home);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (isolated_home, vars[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i][0], dir, TRUE);
    }
  g_unsetenv ("XDG_DATA_DIRS");
  g_unsetenv ("XDG_CONFIG_DIRS");
  atexit (remove_isolated_home);
  g_test_init (argc, argv, NULL);
}
