/* test-evidence.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redress-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "redress-database.h"
#include "redress-sqlite-private.h"
#include "redress-evidence-store.h"
#include "redress-util.h"

typedef struct
{
  char                 *dir;
  char                 *path;
  char                 *evidence;
  RedressDatabase      *db;
  RedressEvidenceStore *store;
  char                 *case_id;
  char                 *other_case_id;
} Fixture;

static void
exec_sql (RedressDatabase *db,
          const char      *sql)
{
  g_autoptr(GError) error = NULL;

  _redress_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  f->dir = g_dir_make_tmp ("redress-evidence-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->evidence = redress_database_get_evidence_dir (f->db);
  f->store = redress_evidence_store_new (f->db);
  f->case_id = redress_uuid_new ();
  f->other_case_id = redress_uuid_new ();
  sql = g_strdup_printf ("INSERT INTO case_file (id, kind, reference, created_at, updated_at) VALUES "
                         "('%s', 'communication', 'C-1', redress_now (), redress_now ()),"
                         "('%s', 'communication', 'C-2', redress_now (), redress_now ())",
                         f->case_id, f->other_case_id);
  exec_sql (f->db, sql);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->db);
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->evidence);
  g_free (f->case_id);
  g_free (f->other_case_id);
}

static GFile *
write_source (Fixture    *f,
              const char *name,
              const char *content,
              gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *src_dir = g_build_filename (f->dir, "incoming", NULL);
  g_autofree char *path = g_build_filename (src_dir, name, NULL);

  g_mkdir_with_parents (src_dir, 0700);
  g_file_set_contents (path, content, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Every file under evidence/, as paths relative to it. */
static GPtrArray *
list_store (Fixture *f)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (f->evidence, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *sub = g_build_filename (f->evidence, name, NULL);

      if (g_file_test (sub, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) d2 = g_dir_open (sub, 0, NULL);
          const char *n2;

          while (d2 != NULL && (n2 = g_dir_read_name (d2)) != NULL)
            g_ptr_array_add (files, g_build_filename (name, n2, NULL));
        }
      else
        g_ptr_array_add (files, g_strdup (name));
    }
  return files;
}

static char *
independent_sha256 (const char *data,
                    gssize      len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static guint
count_custody (Fixture    *f,
               const char *evidence_id,
               const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = redress_evidence_store_list_custody (f->store, evidence_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      RedressCustodyEvent *e = g_ptr_array_index (events, i);

      g_assert_cmpstr (e->actor, ==, "Test Runner");
      if (g_strcmp0 (e->action, action) == 0)
        n++;
    }
  return n;
}

static void
test_add_hash_dedup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *content = "Medical report of 3 March 2025: bruises on both arms.\n";
  g_autoptr(GFile) a = write_source (f, "report.txt", content, -1);
  g_autoptr(GFile) b = write_source (f, "copy of report.txt", content, -1);
  g_autoptr(RedressEvidenceInfo) first = NULL;
  g_autoptr(RedressEvidenceInfo) second = NULL;
  g_autoptr(RedressEvidenceInfo) other_case = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *expect = independent_sha256 (content, strlen (content));
  g_autofree char *stored = NULL;
  g_autofree char *stored_content = NULL;
  GStatBuf st;

  first = redress_evidence_store_add_file (f->store, f->case_id, a, "Dr Okafor, clinic", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->sha256, ==, expect);
  g_assert_false (first->duplicate);
  g_assert_cmpuint (first->size, ==, strlen (content));
  g_assert_cmpstr (first->mime_type, ==, "text/plain");
  g_assert_cmpstr (first->kind, ==, "document");
  g_assert_cmpstr (first->title, ==, "report");
  g_assert_cmpstr (first->original_name, ==, "report.txt");
  g_assert_cmpstr (first->provenance, ==, "Dr Okafor, clinic");

  /* Stored under evidence/ab/abcd…, read-only, byte for byte. */
  stored = redress_evidence_store_get_original_path (f->store, first->sha256);
  g_assert_true (g_str_has_prefix (stored, f->evidence));
  g_assert_true (g_str_has_suffix (stored, expect));
  g_assert_cmpint (g_stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0400);
  g_file_get_contents (stored, &stored_content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored_content, ==, content);

  /* The same content again: one item, one file, a second intake event. */
  second = redress_evidence_store_add_file (f->store, f->case_id, b, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (second->duplicate);
  g_assert_cmpstr (second->id, ==, first->id);
  g_assert_cmpuint (count_custody (f, first->id, "intake"), ==, 2);

  /* In another case it is a new item over the same stored original. */
  other_case = redress_evidence_store_add_file (f->store, f->other_case_id, b, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (other_case->duplicate);
  g_assert_cmpstr (other_case->id, !=, first->id);
  g_assert_cmpstr (other_case->sha256, ==, first->sha256);

  files = list_store (f);
  g_assert_cmpuint (files->len, ==, 1);

  listed = redress_evidence_store_list (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = redress_evidence_store_list (f->store, NULL, &error);
  g_assert_cmpuint (listed->len, ==, 2);
}

static void
test_bad_sources (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/photo-of-child.jpg");
  g_autoptr(GFile) ok = write_source (f, "a.txt", "abc", -1);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GPtrArray) files = NULL;
  RedressEvidenceInfo *info;

  info = redress_evidence_store_add_file (f->store, f->case_id, missing, NULL, NULL, NULL, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "photo-of-child.jpg"));
  g_assert_nonnull (strstr (error->message, "Nothing was stored"));
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  info = redress_evidence_store_add_file (f->store, f->case_id, ok, NULL, NULL, NULL, cancelled, &error);
  g_assert_null (info);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A case that does not exist: the copy is undone too. */
  info = redress_evidence_store_add_file (f->store, "no-such-case", ok, NULL, NULL, NULL, NULL, &error);
  g_assert_null (info);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  files = list_store (f);
  g_assert_cmpuint (files->len, ==, 0);
}

/* A write that fails half-way (file size limit: the same path as a full disk)
 * leaves nothing in the store and says so. */
static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *big = g_malloc0 (3 * 1024 * 1024);
      g_autoptr(GFile) src = NULL;
      g_autoptr(GPtrArray) files = NULL;
      struct rlimit rl = { 1024 * 1024, 1024 * 1024 };
      RedressEvidenceInfo *info;

      memset (big, 'x', 3 * 1024 * 1024);
      src = write_source (f, "interview.wav", big, 3 * 1024 * 1024);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);

      info = redress_evidence_store_add_file (f->store, f->case_id, src, NULL, NULL, NULL, NULL, &error);
      g_assert_null (info);
      g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "interview.wav"));
      g_assert_nonnull (strstr (error->message, "Nothing was stored"));
      files = list_store (f);
      g_assert_cmpuint (files->len, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
flip_byte (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  gsize len;

  g_chmod (path, 0600);
  g_file_get_contents (path, &content, &len, &error);
  g_assert_no_error (error);
  content[len / 2] ^= 0x01;
  g_file_set_contents (path, content, len, &error);
  g_assert_no_error (error);
}

static void
test_verify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) a = write_source (f, "photo.jpg", "\xff\xd8\xff\xe0 not really a photo", -1);
  g_autoptr(GFile) b = write_source (f, "decision.txt", "The court dismissed the appeal.", -1);
  g_autoptr(GFile) c = write_source (f, "letter.txt", "Dear counsel, ...", -1);
  g_autoptr(RedressEvidenceInfo) ia = NULL;
  g_autoptr(RedressEvidenceInfo) ib = NULL;
  g_autoptr(RedressEvidenceInfo) ic = NULL;
  g_autoptr(RedressVerifyReport) clean = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "out.jpg", NULL);
  g_autoptr(GFile) dest_file = g_file_new_for_path (dest);

  ia = redress_evidence_store_add_file (f->store, f->case_id, a, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ib = redress_evidence_store_add_file (f->store, f->case_id, b, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ic = redress_evidence_store_add_file (f->store, f->other_case_id, c, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  clean = redress_evidence_store_verify (f->store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redress_verify_report_is_clean (clean));
  g_assert_cmpuint (clean->checked, ==, 3);
  g_assert_cmpuint (clean->intact, ==, 3);

  path_a = redress_evidence_store_get_original_path (f->store, ia->sha256);
  path_b = redress_evidence_store_get_original_path (f->store, ib->sha256);
  flip_byte (path_a);
  g_assert_cmpint (g_unlink (path_b), ==, 0);

  report = redress_evidence_store_verify (f->store, f->case_id, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (redress_verify_report_is_clean (report));
  g_assert_cmpuint (report->checked, ==, 2);
  g_assert_cmpuint (report->changed, ==, 1);
  g_assert_cmpuint (report->missing, ==, 1);
  g_assert_cmpuint (report->problems->len, ==, 2);
  for (guint i = 0; i < report->problems->len; i++)
    {
      RedressEvidenceProblem *p = g_ptr_array_index (report->problems, i);

      if (p->state == REDRESS_EVIDENCE_STATE_CHANGED)
        {
          g_assert_cmpstr (p->evidence_id, ==, ia->id);
          g_assert_cmpstr (p->actual_sha256, !=, ia->sha256);
        }
      else
        {
          g_assert_cmpint (p->state, ==, REDRESS_EVIDENCE_STATE_MISSING);
          g_assert_cmpstr (p->evidence_id, ==, ib->id);
          g_assert_null (p->actual_sha256);
        }
    }

  /* Recorded: a verify event on each item and the run itself. */
  g_assert_cmpuint (count_custody (f, ia->id, "verify"), ==, 2);
  g_assert_cmpuint (count_custody (f, ib->id, "verify"), ==, 2);
  g_assert_cmpuint (count_custody (f, ic->id, "verify"), ==, 1);
  stmt = _redress_database_prepare (f->db,
                                    "SELECT changed, missing FROM evidence_verification "
                                    "WHERE case_id = ?1", &error);
  sqlite3_bind_text (stmt, 1, f->case_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);

  /* A changed original is not exported. */
  g_assert_false (redress_evidence_store_export (f->store, ia->id, dest_file, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Adding the genuine file again restores the damaged original. */
  g_clear_pointer (&ia, redress_evidence_info_free);
  ia = redress_evidence_store_add_file (f->store, f->case_id, a, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, redress_verify_report_unref);
  report = redress_evidence_store_verify (f->store, f->case_id, NULL, NULL, NULL, NULL, &error);
  g_assert_cmpuint (report->changed, ==, 0);
  g_assert_cmpuint (report->missing, ==, 1);
}

static void
test_custody (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) src = write_source (f, "statement.txt", "I saw the guard hit him.", -1);
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autofree char *viewed = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "exported statement.txt", NULL);
  g_autoptr(GFile) dest_file = g_file_new_for_path (dest);
  g_autofree char *violation = redress_uuid_new ();
  g_autofree char *foreign = redress_uuid_new ();
  g_autofree char *sql = NULL;
  g_autofree char *exported = NULL;
  const char * const expected[] = { "intake", "view", "export", "link", "verify", "unlink" };

  sql = g_strdup_printf ("INSERT INTO violation (id, case_id, treaty, article, created_at, updated_at) VALUES "
                         "('%s', '%s', 'CRC', '37', redress_now (), redress_now ()),"
                         "('%s', '%s', 'CRC', '19', redress_now (), redress_now ())",
                         violation, f->case_id, foreign, f->other_case_id);
  exec_sql (f->db, sql);

  info = redress_evidence_store_add_file (f->store, f->case_id, src, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  viewed = redress_evidence_store_open_original (f->store, info->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (viewed, G_FILE_TEST_IS_REGULAR));

  g_assert_true (redress_evidence_store_export (f->store, info->id, dest_file, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (dest, &exported, NULL, &error);
  g_assert_cmpstr (exported, ==, "I saw the guard hit him.");

  g_assert_true (redress_evidence_store_link (f->store, info->id, REDRESS_EVIDENCE_TARGET_VIOLATION,
                                              violation, &error));
  g_assert_no_error (error);
  /* Linking twice is harmless and not logged twice. */
  g_assert_true (redress_evidence_store_link (f->store, info->id, REDRESS_EVIDENCE_TARGET_VIOLATION,
                                              violation, &error));
  /* Evidence is linked only within its case. */
  g_assert_false (redress_evidence_store_link (f->store, info->id, REDRESS_EVIDENCE_TARGET_VIOLATION,
                                               foreign, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  linked = redress_evidence_store_list_linked (f->store, REDRESS_EVIDENCE_TARGET_VIOLATION, violation, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpstr (((RedressEvidenceInfo *) g_ptr_array_index (linked, 0))->id, ==, info->id);
  links = redress_evidence_store_list_links (f->store, info->id, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (((RedressEvidenceLink *) g_ptr_array_index (links, 0))->target, ==,
                   REDRESS_EVIDENCE_TARGET_VIOLATION);

  {
    g_autoptr(RedressVerifyReport) report = redress_evidence_store_verify (f->store, NULL, info->id,
                                                                           NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->checked, ==, 1);
  }
  g_assert_true (redress_evidence_store_unlink (f->store, info->id, REDRESS_EVIDENCE_TARGET_VIOLATION,
                                                violation, &error));

  events = redress_evidence_store_list_custody (f->store, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < events->len; i++)
    {
      RedressCustodyEvent *e = g_ptr_array_index (events, i);

      g_assert_cmpstr (e->action, ==, expected[i]);
      g_assert_cmpint (e->seq, ==, i + 1);
      g_assert_cmpstr (e->actor, ==, "Test Runner");
    }
  g_assert_nonnull (strstr (((RedressCustodyEvent *) g_ptr_array_index (events, 2))->note, dest));

  /* The log cannot be edited or pruned. */
  g_assert_true (redress_evidence_store_check_custody (f->store, info->id, &error));
  g_assert_no_error (error);
  g_assert_false (_redress_database_exec (f->db, "UPDATE custody_event SET note = 'nothing happened'", &error));
  g_clear_error (&error);
  g_assert_false (_redress_database_exec (f->db, "DELETE FROM custody_event", &error));
  g_clear_error (&error);
  g_assert_false (_redress_database_exec (f->db, "UPDATE evidence_item SET sha256 = "
                                          "'0000000000000000000000000000000000000000000000000000000000000000'",
                                          &error));
  g_clear_error (&error);

  /* An edit made around Redress (triggers dropped) breaks the chain. */
  exec_sql (f->db, "DROP TRIGGER custody_event_no_update");
  exec_sql (f->db, "UPDATE custody_event SET actor = 'Someone else' WHERE action = 'export'");
  g_assert_false (redress_evidence_store_check_custody (f->store, info->id, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "entry 3"));
  g_clear_error (&error);

  /* Deleting the case takes its evidence and their logs with it. */
  sql = (g_free (sql), g_strdup_printf ("DELETE FROM case_file WHERE id = '%s'", f->case_id));
  exec_sql (f->db, sql);
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *items;
  GError    *error;
  guint      progress_calls;
  guint64    last_done;
  guint64    last_total;
  GCancellable *cancel_at_progress;
} AsyncState;

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  AsyncState *s = user_data;

  g_assert_cmpuint (done, >=, s->last_done);
  s->progress_calls++;
  s->last_done = done;
  s->last_total = total;
  if (s->cancel_at_progress != NULL)
    g_cancellable_cancel (s->cancel_at_progress);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *s = user_data;

  s->items = redress_evidence_store_add_files_finish (REDRESS_EVIDENCE_STORE (object), result, &s->error);
  g_main_loop_quit (s->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  gsize big_len = 48 * 1024 * 1024;
  g_autofree char *big = g_malloc (big_len);
  g_autoptr(GFile) small = write_source (f, "note.txt", "small", -1);
  g_autoptr(GFile) large = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  AsyncState s = { 0 };
  GFile *sources[2];

  for (gsize i = 0; i < big_len; i++)
    big[i] = (char) (i * 131 + (i >> 13));
  large = write_source (f, "video.mp4", big, big_len);
  sources[0] = small;
  sources[1] = large;

  /* Cancelled part-way: nothing of the batch is kept, not even the small file
   * that was already copied. */
  s.loop = g_main_loop_new (NULL, FALSE);
  s.cancel_at_progress = cancellable;
  redress_evidence_store_add_files_async (f->store, f->case_id, sources, 2, progress_cb, &s, NULL,
                                          cancellable, added_cb, &s);
  g_main_loop_run (s.loop);
  g_assert_null (s.items);
  g_assert_error (s.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&s.error);
  files = list_store (f);
  g_assert_cmpuint (files->len, ==, 0);
  listed = redress_evidence_store_list (f->store, f->case_id, NULL);
  g_assert_cmpuint (listed->len, ==, 0);

  /* Again, to the end. */
  s.cancel_at_progress = NULL;
  s.progress_calls = 0;
  s.last_done = 0;
  redress_evidence_store_add_files_async (f->store, f->case_id, sources, 2, progress_cb, &s, NULL,
                                          NULL, added_cb, &s);
  g_main_loop_run (s.loop);
  g_assert_no_error (s.error);
  g_assert_cmpuint (s.items->len, ==, 2);
  g_assert_cmpuint (((RedressEvidenceInfo *) g_ptr_array_index (s.items, 1))->size, ==, big_len);
  {
    g_autofree char *expect = independent_sha256 (big, big_len);

    g_assert_cmpstr (((RedressEvidenceInfo *) g_ptr_array_index (s.items, 1))->sha256, ==, expect);
  }
  /* Progress events are delivered on the main context as they arrive. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (s.progress_calls, >=, 1);
  g_assert_cmpuint (s.last_done, ==, big_len + 5);
  g_assert_cmpuint (s.last_total, ==, big_len + 5);
  g_ptr_array_unref (s.items);
  g_main_loop_unref (s.loop);
}

static void
test_stale_temporary (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *stale = g_build_filename (f->evidence, ".tmp-ABC123", NULL);
  g_autoptr(GPtrArray) files = NULL;

  g_file_set_contents (stale, "half a file", -1, NULL);
  g_assert_cmpuint (redress_evidence_store_sweep_temporary (f->store), ==, 1);
  files = list_store (f);
  g_assert_cmpuint (files->len, ==, 0);
}

static void
test_thumbnail_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG fake", 9);
  g_autoptr(GBytes) back = NULL;
  const char *sha = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  g_assert_null (redress_evidence_store_lookup_thumbnail (f->store, sha, 128));
  g_assert_true (redress_evidence_store_save_thumbnail (f->store, sha, 128, png, &error));
  g_assert_no_error (error);
  back = redress_evidence_store_lookup_thumbnail (f->store, sha, 128);
  g_assert_true (g_bytes_equal (back, png));

  /* Kept out of the append-only audit log (it can show a child's face). */
  {
    g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (f->db,
                                                              "SELECT count(*) FROM audit_log "
                                                              "WHERE table_name = 'evidence_thumbnail'", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    g_assert_true (redress_database_get_audit_enabled (f->db));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/evidence/add-hash-dedup", test_add_hash_dedup);
  ADD ("/evidence/bad-sources", test_bad_sources);
  ADD ("/evidence/write-failure", test_write_failure);
  ADD ("/evidence/verify", test_verify);
  ADD ("/evidence/custody", test_custody);
  ADD ("/evidence/async", test_async);
  ADD ("/evidence/stale-temporary", test_stale_temporary);
  ADD ("/evidence/thumbnail-cache", test_thumbnail_cache);
#undef ADD

  return g_test_run ();
}
