/* test-evidence-cli.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli evidence / correspondence end to end, and the kill loop: a copy
 * into the locker killed at any moment leaves either nothing or a complete,
 * correctly named original (QUALITY.md R6).
 */

#include "config.h"

#include "redress-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "redress-database.h"
#include "redress-evidence-store.h"

typedef struct
{
  char *dir;
  char *docket;
} Fixture;

/* Runs redress-cli on the fixture's docket; returns its exit status. */
static int
cli (Fixture     *f,
     char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("REDRESS_CLI");
  g_autofree char *ignored_out = NULL;
  g_autofree char *ignored_err = NULL;
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (exe);
  g_ptr_array_add (args, (char *) exe);
  g_ptr_array_add (args, (char *) "--docket");
  g_ptr_array_add (args, f->docket);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* Output is always captured, so that it never mixes with the TAP stream. */
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out != NULL ? out : &ignored_out, err != NULL ? err : &ignored_err, &wait_status, &error);
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-evcli-XXXXXX", NULL);
  f->docket = g_build_filename (f->dir, "docket.redress", NULL);
  g_assert_cmpint (cli (f, NULL, NULL, "init", "--no-encryption", NULL), ==, 0);
  g_assert_cmpint (cli (f, NULL, NULL, "demo", "--cases", "30", "--seed", "1", NULL), ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->docket);
}

/* The reference of the first case whose "redress-cli list" line shows @stage
 * (or a kind): the demo docket of seed 1 has cases at every stage used here. */
static char *
case_at_stage (Fixture    *f,
               const char *stage)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (cli (f, &out, NULL, "list", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (lines[i], " ", -1);

      if (strstr (lines[i], stage) != NULL)
        return g_strdup (cols[0]);
    }
  return NULL;
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *content)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  return path;
}

static void
test_add_list_verify (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *ref = case_at_stage (f, "communication");
  g_autofree char *a = write_file (f, "a.txt", "Witness statement of the teacher.");
  g_autofree char *b = write_file (f, "b.txt", "Witness statement of the teacher.");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Witness statement of the teacher.", -1);
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autofree char *original = NULL;
  char shard[3] = { 0 };

  g_assert_nonnull (ref);
  g_assert_cmpint (cli (f, &out, NULL, "evidence", "add", ref, a, b, NULL), ==, 0);
  g_assert_nonnull (strstr (out, sha));
  g_assert_nonnull (strstr (out, "stored once"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (f, &out, NULL, "evidence", "list", ref, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"sha256\""));
  g_assert_nonnull (strstr (out, sha));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (cli (f, &out, NULL, "evidence", "verify", NULL), ==, 0);
  g_clear_pointer (&out, g_free);

  /* An unreadable file: a clear message, a failing exit, nothing stored. */
  g_assert_cmpint (cli (f, NULL, &err, "evidence", "add", ref, "/nonexistent/photo.jpg", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "photo.jpg"));
  g_clear_pointer (&err, g_free);

  /* A deleted original makes verify fail loudly. */
  memcpy (shard, sha, 2);
  original = g_build_filename (evidence, shard, sha, NULL);
  g_assert_cmpint (g_unlink (original), ==, 0);
  g_assert_cmpint (cli (f, &out, &err, "evidence", "verify", ref, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "MISSING"));
  g_assert_nonnull (strstr (out, "1 missing"));
}

static void
test_letter_sets_deadline (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *ref = case_at_stage (f, " AWAITING_STATE_OBSERVATIONS ");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *list = NULL;

  g_assert_nonnull (ref);
  g_assert_cmpint (cli (f, &before, NULL, "show", ref, NULL), ==, 0);
  g_assert_null (strstr (before, "2031-06-22"));

  g_assert_cmpint (cli (f, NULL, &err, "correspondence", "add", ref,
                        "--subject", "Transmission of the State party's observations",
                        "--date", "2031-04-20", "--transit-date", "2031-04-21",
                        "--ref", "G/SO 229/8", "--event", "state_observations_received",
                        "--due", "2031-06-22", NULL), ==, 0);
  g_assert_cmpint (cli (f, &after, NULL, "show", ref, NULL), ==, 0);
  g_assert_nonnull (strstr (after, "2031-06-22"));

  g_assert_cmpint (cli (f, &list, NULL, "correspondence", "list", ref, NULL), ==, 0);
  g_assert_nonnull (strstr (list, "Transmission of the State party's observations"));

  /* A deadline without the event it belongs to is refused with a reason. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (f, NULL, &err, "correspondence", "add", ref, "--date", "2031-05-01",
                        "--due", "2031-07-01", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "procedural event"));
}

static void
test_import_eml (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ref = case_at_stage (f, "communication");
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "eml", "attachments.eml", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "eml", "broken.eml", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  g_assert_cmpint (cli (f, NULL, NULL, "correspondence", "import-eml", ref, good, NULL), ==, 0);
  g_assert_cmpint (cli (f, NULL, &err, "correspondence", "import-eml", ref, bad, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.eml"));
  g_assert_cmpint (cli (f, &out, NULL, "evidence", "list", ref, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "observations"));
}

/* Every original in the store is complete and named by its own hash; returns
 * how many there are, and counts leftover temporary files in *temporary. */
static guint
check_store (const char *evidence,
             guint      *temporary)
{
  g_autoptr(GDir) d = g_dir_open (evidence, 0, NULL);
  const char *name;
  guint originals = 0;

  *temporary = 0;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *sub = g_build_filename (evidence, name, NULL);
      g_autoptr(GDir) d2 = NULL;
      const char *n2;

      /* Temporary copies and the journals of intakes (killed ones included). */
      if (g_str_has_prefix (name, ".tmp-") || g_str_has_prefix (name, ".intake-"))
        {
          (*temporary)++;
          continue;
        }
      g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (strlen (name), ==, 2);
      d2 = g_dir_open (sub, 0, NULL);
      while ((n2 = g_dir_read_name (d2)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub, n2, NULL);
          g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
          g_autofree char *sha = NULL;

          g_assert_nonnull (mapped);
          sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                             (const guchar *) g_mapped_file_get_contents (mapped),
                                             g_mapped_file_get_length (mapped));
          g_assert_cmpstr (n2, ==, sha);
          g_assert_true (g_str_has_prefix (n2, name));
          originals++;
        }
    }
  return originals;
}

static void
test_kill_loop (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ref = case_at_stage (f, "communication");
  g_autofree char *src = g_build_filename (f->dir, "interview.mp4", NULL);
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  gsize len = 24 * 1024 * 1024;
  g_autofree char *content = g_malloc (len);
  guint iterations = g_test_slow () ? 200 : 40;
  guint killed = 0, completed = 0, temporary = 0, originals;
  gint64 full_run_ms;
  gint64 window_ms;
  const char *exe = g_getenv ("REDRESS_CLI");
  GRand *rand = g_rand_new_with_seed (20261128);

  for (gsize i = 0; i < len; i++)
    content[i] = (char) g_rand_int (rand);
  g_assert_true (g_file_set_contents (src, content, len, NULL));

  /* One uninterrupted run sets the range the kills are spread over. */
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_cmpint (cli (f, NULL, NULL, "evidence", "add", ref, src, NULL), ==, 0);
    full_run_ms = MAX (20, (g_get_monotonic_time () - start) / 1000);
    window_ms = full_run_ms * 5 / 4;
  }

  for (guint i = 0; i < iterations; i++)
    {
      const char *argv[] = { exe, "--docket", f->docket, "evidence", "add", ref, src, NULL };
      GPid pid;
      int status = 0;
      int fd;
      guint32 stamp = i + 1;

      /* New content each time, so every run writes a new original. */
      fd = g_open (src, O_WRONLY, 0);
      g_assert_cmpint (pwrite (fd, &stamp, sizeof stamp, 0), ==, sizeof stamp);
      close (fd);

      g_spawn_async (NULL, (char **) argv, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 0, window_ms + 1) * 1000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);
      if (WIFSIGNALED (status))
        killed++;
      else
        {
          /* The machine is faster now than when the run was timed: kill
           * sooner, so the loop keeps landing inside copies whatever the
           * load. */
          completed++;
          window_ms = MAX (1, window_ms * 3 / 4);
        }

      /* At every moment: only complete originals under their own hash. */
      check_store (evidence, &temporary);
    }
  g_test_message ("kill loop: %u runs killed, %u completed (an uninterrupted run takes %" G_GINT64_FORMAT " ms)",
                  killed, completed, full_run_ms);
  g_assert_cmpuint (killed, >, 0);

  /* Opening the locker sweeps what killed copies left; every recorded item
   * has its original, intact. */
  db = redress_database_open (f->docket, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  store = redress_evidence_store_new (db);
  originals = check_store (evidence, &temporary);
  g_assert_cmpuint (temporary, ==, 0);
  report = redress_evidence_store_verify (store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redress_verify_report_is_clean (report));
  /* No original without its item: what killed intakes wrote before their
   * commit was removed at the open. */
  g_assert_cmpuint (report->checked, ==, originals);
  g_test_message ("%u originals stored, %u recorded", originals, report->checked);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/evidence-cli/add-list-verify", Fixture, NULL, fixture_setup, test_add_list_verify, fixture_teardown);
  g_test_add ("/evidence-cli/letter-sets-deadline", Fixture, NULL, fixture_setup, test_letter_sets_deadline, fixture_teardown);
  g_test_add ("/evidence-cli/import-eml", Fixture, NULL, fixture_setup, test_import_eml, fixture_teardown);
  g_test_add ("/evidence-cli/kill-loop", Fixture, NULL, fixture_setup, test_kill_loop, fixture_teardown);

  return g_test_run ();
}
