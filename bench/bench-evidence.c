/* bench-evidence.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence throughput, plain docket against encrypted (sealed originals):
 * intake (copy, hash, seal, fsync) and read (decrypt, authenticate, hash:
 * what verify and export do), in MB/s.  Also the time to unlock an
 * encrypted docket (Argon2id) and to change its passphrase.
 *
 *   bench-evidence [MB]   (default 256)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sqlite3.h>

#include "redress-sqlite-private.h"
#include "redress-evidence-store.h"

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static void
run (const char *dir,
     const char *passphrase,
     GFile      *source,
     double      mb)
{
  g_autofree char *path = g_build_filename (dir, passphrase ? "enc.redress" : "plain.redress", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  gint64 start;
  double add_s, read_s;

  db = redress_database_open (path, passphrase, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  _redress_database_exec (db, "INSERT INTO case_file (id, kind, reference, title, created_at, updated_at) "
                              "VALUES ('c', 'communication', 'B-1', 'Bench', redress_now (), redress_now ())",
                          &error);
  g_assert_no_error (error);
  store = redress_evidence_store_new (db);

  start = g_get_monotonic_time ();
  info = redress_evidence_store_add_file (store, "c", source, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  add_s = seconds_since (start);

  start = g_get_monotonic_time ();
  report = redress_evidence_store_verify (store, NULL, info->id, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redress_verify_report_is_clean (report));
  read_s = seconds_since (start);

  printf ("%-10s add %7.1f MB/s (%.2f s)   read+verify %7.1f MB/s (%.2f s)\n",
          passphrase ? "encrypted" : "plain", mb / add_s, add_s, mb / read_s, read_s);

  if (passphrase != NULL)
    {
      g_clear_object (&store);
      g_clear_object (&db);
      start = g_get_monotonic_time ();
      db = redress_database_open (path, passphrase, 0, &error);
      g_assert_no_error (error);
      printf ("unlock (Argon2id t=3, m=64 MiB) and open: %.3f s\n", seconds_since (start));
      start = g_get_monotonic_time ();
      g_assert_true (redress_database_change_passphrase (db, "another long passphrase", &error));
      printf ("passphrase change (key file only, whatever the size): %.3f s\n", seconds_since (start));
    }
}

int
main (int   argc,
      char *argv[])
{
  guint mb = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 256;
  g_autofree char *dir = g_dir_make_tmp ("redress-bench-XXXXXX", NULL);
  g_autofree char *src_path = g_build_filename (dir, "video.bin", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (src_path);
  g_autofree char *cmd = NULL;
  FILE *fp;
  guint8 *block = g_malloc (1024 * 1024);

  /* Incompressible content, written once and read from the page cache. */
  for (gsize i = 0; i < 1024 * 1024; i++)
    block[i] = (guint8) g_random_int ();
  fp = fopen (src_path, "wb");
  for (guint i = 0; i < mb; i++)
    {
      block[i % 1024] ^= 0x5a;
      fwrite (block, 1, 1024 * 1024, fp);
    }
  fclose (fp);
  g_free (block);

  {
    g_autofree char *load = NULL;

    g_file_get_contents ("/proc/loadavg", &load, NULL, NULL);
    printf ("Evidence throughput, one %u MB file, %u cores, load %.5s\n", mb, g_get_num_processors (),
            load != NULL ? load : "?");
  }
  run (dir, NULL, source, mb);
  run (dir, "bench passphrase, long enough", source, mb);

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  return system (cmd) == 0 ? 0 : 1;
}
