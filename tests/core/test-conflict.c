/* test-conflict.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two writers on one docket: two connections (two windows, or the app and
 * another process) and the command line.  A field edited in both is a
 * conflict with both values, who and when, never a silent overwrite; edits of
 * different fields both stay; the same value on both sides is no conflict.
 * Counters (procedural events, custody entries) stay distinct and the custody
 * chain verifies with several writers at once.
 */

#include "config.h"

#include "redress-test-util.h"

#include <string.h>

#include "redress-case.h"
#include "redress-sqlite-private.h"
#include "redress-evidence-store.h"
#include "redress-evidence-store-private.h"
#include "redress-procedure.h"
#include "redress-record.h"
#include "redress-util.h"

typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *mine;    /* "this window" */
  RedressDatabase *theirs;  /* a colleague's window, or another process */
  char            *case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) kase = NULL;

  f->dir = g_dir_make_tmp ("redress-conflict-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->mine = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->theirs = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  redress_database_set_actor (f->mine, "Amal Haddad");
  redress_database_set_actor (f->theirs, "Bruno Costa");

  kase = redress_case_new ("communication", "2026/001");
  g_object_set (kase, "title", "A. v. State", "summary", "First summary", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), f->mine, &error));
  g_assert_no_error (error);
  f->case_id = g_strdup (redress_record_get_id (REDRESS_RECORD (kase)));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->mine);
  g_clear_object (&f->theirs);
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->case_id);
}

/* What the docket file holds, read by a third connection. */
static char *
stored_field (Fixture    *f,
              const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_READ_ONLY, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM case_file WHERE id = ?1", column);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = _redress_database_prepare (db, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, f->case_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static RedressCase *
load (RedressDatabase *db,
      const char      *id)
{
  g_autoptr(GError) error = NULL;
  RedressCase *kase = redress_record_load (db, REDRESS_TYPE_CASE, id, &error);

  g_assert_no_error (error);
  return kase;
}

static void
test_same_field (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RedressCase) mine = load (f->mine, f->case_id);
  g_autoptr(RedressCase) theirs = load (f->theirs, f->case_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RedressConflict *conflict;
  GPtrArray *conflicts;

  g_assert_true (mine != theirs);

  /* Both read "First summary"; the colleague saves first. */
  redress_record_set_string (REDRESS_RECORD (theirs), "summary", "Their summary");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  g_assert_no_error (error);

  redress_record_set_string (REDRESS_RECORD (mine), "summary", "My summary");
  g_assert_false (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT);
  /* The message names the field, the colleague and both values. */
  g_assert_nonnull (strstr (error->message, "Summary"));
  g_assert_nonnull (strstr (error->message, "Bruno Costa"));
  g_assert_nonnull (strstr (error->message, "Their summary"));
  g_assert_nonnull (strstr (error->message, "My summary"));
  g_clear_error (&error);

  conflicts = redress_record_get_conflicts (REDRESS_RECORD (mine));
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (redress_conflict_get_property_name (conflict), ==, "summary");
  g_assert_cmpstr (redress_conflict_get_field_label (conflict), ==, "Summary");
  g_assert_cmpstr (redress_conflict_get_mine (conflict), ==, "My summary");
  g_assert_cmpstr (redress_conflict_get_theirs (conflict), ==, "Their summary");
  g_assert_cmpstr (redress_conflict_get_actor (conflict), ==, "Bruno Costa");
  g_assert_nonnull (redress_conflict_get_changed_at (conflict));

  /* Nothing was overwritten, and my text is still in my record. */
  text = stored_field (f, "summary");
  g_assert_cmpstr (text, ==, "Their summary");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (mine), "summary"), ==, "My summary");

  /* Saving again without choosing is still a conflict. */
  g_assert_false (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT);
  g_clear_error (&error);

  /* Keep mine: written over theirs. */
  redress_record_resolve_conflict (REDRESS_RECORD (mine), "summary", REDRESS_CONFLICT_KEEP_MINE);
  g_assert_null (redress_record_get_conflicts (REDRESS_RECORD (mine)));
  g_assert_true (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_no_error (error);
  text = stored_field (f, "summary");
  g_assert_cmpstr (text, ==, "My summary");
  g_clear_pointer (&text, g_free);

  /* The other way round, and take theirs: my record shows their text. */
  redress_record_set_string (REDRESS_RECORD (theirs), "summary", "Their second summary");
  g_assert_false (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Amal Haddad"));
  g_clear_error (&error);
  redress_record_resolve_conflict (REDRESS_RECORD (theirs), NULL, REDRESS_CONFLICT_TAKE_THEIRS);
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (theirs), "summary"), ==, "My summary");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  g_assert_no_error (error);
  text = stored_field (f, "summary");
  g_assert_cmpstr (text, ==, "My summary");
}

/* Keep Mine is guarded by the value seen in the conflict: a third change
 * meanwhile is a conflict again. */
static void
test_keep_mine_guarded (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RedressCase) mine = load (f->mine, f->case_id);
  g_autoptr(RedressCase) theirs = load (f->theirs, f->case_id);
  g_autoptr(GError) error = NULL;
  RedressConflict *conflict;

  redress_record_set_string (REDRESS_RECORD (theirs), "facts", "Theirs 1");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  redress_record_set_string (REDRESS_RECORD (mine), "facts", "Mine");
  g_assert_false (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_clear_error (&error);
  redress_record_resolve_conflict (REDRESS_RECORD (mine), "facts", REDRESS_CONFLICT_KEEP_MINE);

  redress_record_set_string (REDRESS_RECORD (theirs), "facts", "Theirs 2");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  g_assert_false (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT);
  conflict = g_ptr_array_index (redress_record_get_conflicts (REDRESS_RECORD (mine)), 0);
  g_assert_cmpstr (redress_conflict_get_theirs (conflict), ==, "Theirs 2");
}

static void
test_different_fields (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RedressCase) mine = load (f->mine, f->case_id);
  g_autoptr(RedressCase) theirs = load (f->theirs, f->case_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *title = NULL;

  redress_record_set_string (REDRESS_RECORD (theirs), "summary", "Their summary");
  redress_record_set_string (REDRESS_RECORD (theirs), "title", "B. v. State");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  g_assert_no_error (error);

  redress_record_set_string (REDRESS_RECORD (mine), "facts", "My facts");
  g_assert_true (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_no_error (error);

  summary = stored_field (f, "summary");
  facts = stored_field (f, "facts");
  title = stored_field (f, "title");
  g_assert_cmpstr (summary, ==, "Their summary");
  g_assert_cmpstr (title, ==, "B. v. State");
  g_assert_cmpstr (facts, ==, "My facts");
  /* Their edits were taken into my record. */
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (mine), "summary"), ==, "Their summary");
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (mine), "title"), ==, "B. v. State");

  /* And the other way: their next save of another field keeps my facts. */
  redress_record_set_string (REDRESS_RECORD (theirs), "outcome", "Pending");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  g_assert_no_error (error);
  g_clear_pointer (&facts, g_free);
  facts = stored_field (f, "facts");
  g_assert_cmpstr (facts, ==, "My facts");
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (theirs), "facts"), ==, "My facts");
}

static void
test_same_value (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RedressCase) mine = load (f->mine, f->case_id);
  g_autoptr(RedressCase) theirs = load (f->theirs, f->case_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  redress_record_set_string (REDRESS_RECORD (theirs), "summary", "Agreed summary");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));
  redress_record_set_string (REDRESS_RECORD (mine), "summary", "Agreed summary");
  g_assert_true (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_no_error (error);
  g_assert_null (redress_record_get_conflicts (REDRESS_RECORD (mine)));
  summary = stored_field (f, "summary");
  g_assert_cmpstr (summary, ==, "Agreed summary");
}

/* A reload of my record (a change signalled on my connection) keeps what I
 * typed and still catches their change at the save. */
static void
test_reload_keeps_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RedressCase) mine = load (f->mine, f->case_id);
  g_autoptr(RedressCase) theirs = load (f->theirs, f->case_id);
  g_autoptr(GError) error = NULL;

  redress_record_set_string (REDRESS_RECORD (theirs), "summary", "Their summary");
  redress_record_set_string (REDRESS_RECORD (theirs), "title", "B. v. State");
  g_assert_true (redress_record_save (REDRESS_RECORD (theirs), f->theirs, &error));

  redress_record_set_string (REDRESS_RECORD (mine), "summary", "Typing…");
  redress_database_emit_changed (f->mine, "case_file", f->case_id);
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (mine), "summary"), ==, "Typing…");
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (mine), "title"), ==, "B. v. State");
  g_assert_false (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT);
}

static int
run_cli (Fixture    *f,
         char      **out,
         char      **err,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("REDRESS_CLI"));
  g_ptr_array_add (args, (char *) "--docket");
  g_ptr_array_add (args, f->path);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
}

/* The command line is a second writer: its `set --was` is refused with the
 * clear message and a failure status when the field changed meanwhile. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RedressCase) mine = load (f->mine, f->case_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *summary = NULL;

  if (g_getenv ("REDRESS_CLI") == NULL)
    {
      g_test_skip ("REDRESS_CLI is not set");
      return;
    }

  /* The app holds an unsaved edit; the command line changes the field. */
  redress_record_set_string (REDRESS_RECORD (mine), "summary", "Typed in the window");
  g_assert_cmpint (run_cli (f, &out, &err, "set", "2026/001", "summary", "Set from the CLI", NULL), ==, 0);
  g_assert_false (redress_record_save (REDRESS_RECORD (mine), f->mine, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Set from the CLI"));
  g_assert_nonnull (strstr (error->message, "Typed in the window"));
  g_assert_nonnull (strstr (error->message, "Test Runner"));  /* REDRESS_ACTOR of the CLI */
  g_clear_error (&error);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The command line expecting what it last saw, which is no longer there. */
  g_assert_cmpint (run_cli (f, &out, &err, "set", "2026/001", "summary", "CLI again",
                            "--was", "First summary", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "Summary"));
  g_assert_nonnull (strstr (err, "Set from the CLI"));
  g_assert_nonnull (strstr (err, "CLI again"));
  summary = stored_field (f, "summary");
  g_assert_cmpstr (summary, ==, "Set from the CLI");
}

/* {{{ Counters */

#define N_WRITERS 4
#define N_EACH    12

typedef struct
{
  const char *path;
  const char *case_id;
  const char *evidence_id;
  guint       failures;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = redress_database_open (w->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);

  if (db == NULL)
    {
      g_printerr ("open: %s\n", error->message);
      w->failures++;
      return NULL;
    }
  for (guint i = 0; i < N_EACH; i++)
    {
      g_autofree char *event = NULL;

      if (!_redress_evidence_add_custody (db, w->evidence_id, "view", "Opened for viewing.", &error))
        {
          g_printerr ("custody: %s\n", error->message);
          g_clear_error (&error);
          w->failures++;
        }
      event = redress_procedure_record_event (db, w->case_id, "main",
                                              "state_requests_separate_admissibility",
                                              "2026-05-01", NULL, NULL, NULL, &error);
      if (event == NULL)
        {
          g_printerr ("event: %s\n", error->message);
          g_clear_error (&error);
          w->failures++;
        }
    }
  return NULL;
}

static gint64
query_int (RedressDatabase *db,
           const char      *sql,
           const char      *arg)
{
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_counters (Fixture       *f,
               gconstpointer  data)
{
  static const char * const history[][2] = {
    { "eligibility_checked_ok", "2026-03-01" },
    { "draft_approved", "2026-03-10" },
    { "sent_to_ohchr", "2026-03-20" },
    { "registered_and_transmitted", "2026-04-15" },
  };
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->mine);
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *source_path = g_build_filename (f->dir, "letter.txt", NULL);
  g_autoptr(GError) error = NULL;
  GThread *threads[N_WRITERS];
  Writer writers[N_WRITERS];
  gint64 before;

  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    {
      g_autofree char *id = redress_procedure_record_event (f->mine, f->case_id, NULL, history[i][0],
                                                            history[i][1], NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (id);
    }
  g_assert_true (g_file_set_contents (source_path, "A letter from the State.", -1, NULL));
  source = g_file_new_for_path (source_path);
  info = redress_evidence_store_add_file (store, f->case_id, source, "test", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  before = query_int (f->mine, "SELECT count (*) FROM custody_event WHERE evidence_id = ?1",
                      info->id);

  for (guint i = 0; i < N_WRITERS; i++)
    {
      writers[i] = (Writer) { f->path, f->case_id, info->id, 0 };
      threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
    }
  for (guint i = 0; i < N_WRITERS; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (writers[i].failures, ==, 0);
    }

  /* Every entry got its own number, and the chain over them verifies. */
  g_assert_cmpint (query_int (f->mine, "SELECT count (*) FROM custody_event WHERE evidence_id = ?1",
                              info->id), ==, before + N_WRITERS * N_EACH);
  g_assert_cmpint (query_int (f->mine, "SELECT count (DISTINCT seq) FROM custody_event WHERE evidence_id = ?1",
                              info->id), ==, before + N_WRITERS * N_EACH);
  g_assert_true (redress_evidence_store_check_custody (store, info->id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f->mine, "SELECT count (*) FROM procedural_event WHERE case_id = ?1",
                              f->case_id), ==, G_N_ELEMENTS (history) + N_WRITERS * N_EACH);
  g_assert_cmpint (query_int (f->mine, "SELECT count (DISTINCT seq) FROM procedural_event WHERE case_id = ?1",
                              f->case_id), ==, G_N_ELEMENTS (history) + N_WRITERS * N_EACH);
  /* And the audit trail's numbers too (its seq is UNIQUE). */
  g_assert_cmpint (query_int (f->mine, "SELECT count (*) - count (DISTINCT seq) FROM audit_log WHERE ?1 IS NOT NULL",
                              "x"), ==, 0);
}

/* The same with processes: command lines started together, each appending
 * a custody entry (an export) and a procedural event to one item and case. */
static void
test_counters_processes (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const history[][2] = {
    { "eligibility_checked_ok", "2026-03-01" },
    { "draft_approved", "2026-03-10" },
    { "sent_to_ohchr", "2026-03-20" },
    { "registered_and_transmitted", "2026-04-15" },
  };
  const guint n = 6;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->mine);
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(GFile) source = NULL;
  g_autofree char *source_path = g_build_filename (f->dir, "letter.txt", NULL);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("REDRESS_CLI");
  gint64 before;

  if (cli == NULL)
    {
      g_test_skip ("REDRESS_CLI is not set");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    {
      g_autofree char *id = redress_procedure_record_event (f->mine, f->case_id, NULL, history[i][0],
                                                            history[i][1], NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (g_file_set_contents (source_path, "A letter from the State.", -1, NULL));
  source = g_file_new_for_path (source_path);
  info = redress_evidence_store_add_file (store, f->case_id, source, "test", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  before = query_int (f->mine, "SELECT count (*) FROM custody_event WHERE evidence_id = ?1", info->id);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/export-%u.txt", f->dir, i);
      const char *export_argv[] = { cli, "--docket", f->path, "evidence", "export", info->id, out, NULL };
      const char *event_argv[] = { cli, "--docket", f->path, "event", "2026/001",
                                   "state_requests_separate_admissibility", "--date", "2026-05-01", NULL };
      GSubprocess *child;

      child = g_subprocess_newv (export_argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
      g_assert_no_error (error);
      g_ptr_array_add (children, child);
      child = g_subprocess_newv (event_argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
      g_assert_no_error (error);
      g_ptr_array_add (children, child);
    }
  for (guint i = 0; i < children->len; i++)
    {
      g_assert_true (g_subprocess_wait_check (g_ptr_array_index (children, i), NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpint (query_int (f->mine, "SELECT count (DISTINCT seq) FROM custody_event WHERE evidence_id = ?1",
                              info->id), ==, before + n);
  g_assert_true (redress_evidence_store_check_custody (store, info->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->mine, "SELECT count (DISTINCT seq) FROM procedural_event WHERE case_id = ?1",
                              f->case_id), ==, G_N_ELEMENTS (history) + n);
}

/* The unique index refuses a duplicate number rather than recording it. */
static void
test_counter_index (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  id = redress_procedure_record_event (f->mine, f->case_id, NULL, "eligibility_checked_ok",
                                       "2026-03-01", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO procedural_event (id, case_id, track, event, occurred_on, seq, "
                         "created_at, updated_at) SELECT '%s-copy', case_id, track, event, occurred_on, "
                         "seq, created_at, updated_at FROM procedural_event WHERE id = '%s'", id, id);
  g_assert_false (_redress_database_exec (f->mine, sql, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add ("/conflict/same-field", Fixture, NULL, fixture_setup, test_same_field, fixture_teardown);
  g_test_add ("/conflict/keep-mine-guarded", Fixture, NULL, fixture_setup, test_keep_mine_guarded, fixture_teardown);
  g_test_add ("/conflict/different-fields", Fixture, NULL, fixture_setup, test_different_fields, fixture_teardown);
  g_test_add ("/conflict/same-value", Fixture, NULL, fixture_setup, test_same_value, fixture_teardown);
  g_test_add ("/conflict/reload-keeps-edit", Fixture, NULL, fixture_setup, test_reload_keeps_edit, fixture_teardown);
  g_test_add ("/conflict/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  g_test_add ("/conflict/counters", Fixture, NULL, fixture_setup, test_counters, fixture_teardown);
  g_test_add ("/conflict/counters-processes", Fixture, NULL, fixture_setup, test_counters_processes, fixture_teardown);
  g_test_add ("/conflict/counter-index", Fixture, NULL, fixture_setup, test_counter_index, fixture_teardown);

  return g_test_run ();
}
