/* test-docket.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RedressDocket: every writer (a direct model call, redress-cli event, an
 * import) leaves a case's stage and deadlines as the procedure engine
 * computes them; one commit is one change notification naming every table
 * it touched, a rollback none; a docket has one evidence store.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "procedure-check.h"
#include "redress-case.h"
#include "redress-docket.h"
#include "redress-domestic-remedy.h"
#include "redress-evidence-store-private.h"
#include "redress-exchange.h"
#include "redress-person.h"
#include "redress-record.h"
#include "redress-statement.h"
#include "redress-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  RedressDocket *docket;
  GPtrArray     *changes;   /* RedressChangeSet, one per RedressDocket::changed */
  GHashTable    *per_table; /* table -> RedressDatabase::changed emissions */
} Fixture;

static void
changed_cb (RedressDocket    *docket,
            RedressChangeSet *changes,
            Fixture          *f)
{
  g_ptr_array_add (f->changes, redress_change_set_ref (changes));
}

static void
database_changed_cb (RedressDatabase *db,
                     const char      *table,
                     const char      *id,
                     Fixture         *f)
{
  g_hash_table_insert (f->per_table, (gpointer) g_intern_string (table),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (f->per_table, table)) + 1));
}

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->docket = redress_docket_open (f->path, NULL, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_signal_connect (f->docket, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (redress_docket_get_database (f->docket), "changed", G_CALLBACK (database_changed_cb), f);
}

static void
fixture_close (Fixture *f)
{
  RedressDatabase *db = redress_docket_get_database (f->docket);

  g_signal_handlers_disconnect_by_data (db, f);
  redress_docket_close (f->docket);
  g_assert_finalize_object (g_steal_pointer (&f->docket));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = redress_test_make_tmp_dir ("docket");
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
  f->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_change_set_unref);
  f->per_table = g_hash_table_new (g_str_hash, g_str_equal);
  fixture_open (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->docket != NULL)
    fixture_close (f);
  g_ptr_array_unref (f->changes);
  g_hash_table_unref (f->per_table);
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static RedressDatabase *
db_of (Fixture *f)
{
  return redress_docket_get_database (f->docket);
}

static char *
new_case (RedressDatabase *db,
          const char      *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) case_file = redress_case_new ("communication", reference);

  redress_record_set_string (REDRESS_RECORD (case_file), "state-code", "DE");
  g_assert_true (redress_record_save (REDRESS_RECORD (case_file), db, &error));
  g_assert_no_error (error);
  return g_strdup (redress_record_get_id (REDRESS_RECORD (case_file)));
}

/* A final domestic decision: D01 (OP3 art 7(h)) runs a year from it. */
static RedressDomesticRemedy *
save_remedy (RedressDatabase *db,
             const char      *case_id,
             const char      *decided_on)
{
  g_autoptr(GError) error = NULL;
  RedressDomesticRemedy *remedy = redress_domestic_remedy_new (case_id);

  redress_record_set_string (REDRESS_RECORD (remedy), "forum", "Federal Constitutional Court");
  redress_record_set_string (REDRESS_RECORD (remedy), "decided-on", decided_on);
  redress_record_set_boolean (REDRESS_RECORD (remedy), "is-final", TRUE);
  g_assert_true (redress_record_save (REDRESS_RECORD (remedy), db, &error));
  g_assert_no_error (error);
  return remedy;
}

static void
assert_d01 (const char *snapshot,
            const char *trigger,
            const char *due,
            const char *status)
{
  g_autofree char *line = procedure_check_rule (snapshot, "D01");
  g_autofree char *expected = NULL;

  g_assert_nonnull (line);
  expected = g_strdup_printf ("D01|%s|", trigger);
  g_assert_true (g_str_has_prefix (line, expected));
  g_assert_nonnull (strstr (line, due));
  g_assert_nonnull (strstr (line, status));
}

/* Writer 1: model calls through the docket, no view open. */
static void
test_writer_model (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = new_case (db_of (f), "DK-1");
  g_autoptr(RedressDomesticRemedy) remedy = save_remedy (db_of (f), case_id, "2024-02-29");
  g_autofree char *snapshot = procedure_check_current (db_of (f), case_id);
  g_autofree char *event_id = NULL;

  assert_d01 (snapshot, "2024-02-29", "2025-02-28", "open");

  /* A later decision moves it; a decision that is not final removes it. */
  redress_record_set_string (REDRESS_RECORD (remedy), "decided-on", "2024-05-15");
  g_assert_true (redress_record_save (REDRESS_RECORD (remedy), db_of (f), &error));
  g_assert_no_error (error);
  g_clear_pointer (&snapshot, g_free);
  snapshot = procedure_check_current (db_of (f), case_id);
  assert_d01 (snapshot, "2024-05-15", "2025-05-15", "open");

  /* Filing fulfils it and moves the stage. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const events[] = { "eligibility_checked_ok", "draft_approved", "sent_to_ohchr" };

      g_clear_pointer (&event_id, g_free);
      event_id = redress_procedure_record_event (db_of (f), case_id, NULL, events[i], "2024-06-03", NULL, NULL,
                                                 NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&snapshot, g_free);
  snapshot = procedure_check_current (db_of (f), case_id);
  g_assert_true (g_str_has_prefix (snapshot, "stage SUBMITTED submitted 2024-06-03\n"));
  assert_d01 (snapshot, "2024-05-15", "2025-05-15", "done");

  redress_record_set_boolean (REDRESS_RECORD (remedy), "is-final", FALSE);
  g_assert_true (redress_record_save (REDRESS_RECORD (remedy), db_of (f), &error));
  g_assert_no_error (error);
  g_clear_pointer (&snapshot, g_free);
  snapshot = procedure_check_current (db_of (f), case_id);
  g_assert_null (procedure_check_rule (snapshot, "D01"));
}

static void
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cli = g_getenv ("REDRESS_CLI");
  int status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("redress-cli failed: %s\n%s", error->message, err);
}

/* Writer 2: redress-cli event, another process. */
static void
test_writer_cli_event (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *case_id = new_case (db_of (f), "DK-2");
  g_autoptr(RedressDomesticRemedy) remedy = save_remedy (db_of (f), case_id, "2024-02-29");
  g_autofree char *snapshot = NULL;

  fixture_close (f);
  run_cli ("--docket", f->path, "event", "DK-2", "eligibility_checked_ok", "--date", "2024-06-01", NULL);
  run_cli ("--docket", f->path, "event", "DK-2", "draft_approved", "--date", "2024-06-02", NULL);
  run_cli ("--docket", f->path, "event", "DK-2", "sent_to_ohchr", "--date", "2024-06-03", NULL);
  fixture_open (f);

  snapshot = procedure_check_current (db_of (f), case_id);
  g_assert_true (g_str_has_prefix (snapshot, "stage SUBMITTED submitted 2024-06-03\n"));
  assert_d01 (snapshot, "2024-02-29", "2025-02-28", "done");
}

/* Writer 3: an import (the exchange format), with a decision date that is
 * not the one of the deadlines exported beside it. */
static void
test_writer_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = new_case (db_of (f), "DK-3");
  g_autoptr(RedressDomesticRemedy) remedy = save_remedy (db_of (f), case_id, "2024-02-29");
  g_autofree char *json = redress_exchange_export_case (db_of (f), case_id, &error);
  g_autofree char *file = g_build_filename (f->dir, "case.json", NULL);
  g_autofree char *imported = NULL;
  g_autofree char *snapshot = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *changed = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"decided_on\": \"2024-02-29\""));
  parts = g_strsplit (json, "\"decided_on\": \"2024-02-29\"", -1);
  changed = g_strjoinv ("\"decided_on\": \"2024-05-15\"", parts);
  g_assert_true (g_file_set_contents (file, changed, -1, &error));

  fixture_close (f);
  g_unlink (f->path);
  fixture_open (f);
  imported = redress_exchange_import_file (db_of (f), file, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);

  snapshot = procedure_check_current (db_of (f), imported);
  assert_d01 (snapshot, "2024-05-15", "2025-05-15", "open");
}

static guint
count_of (Fixture    *f,
          const char *table)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->per_table, table));
}

/* One commit that writes two tables: one RedressDocket::changed naming both,
 * one RedressDatabase::changed per table; a rollback announces nothing. */
static void
test_one_notification_per_commit (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) case_file = redress_case_new ("communication", "DK-4");
  g_autoptr(RedressPerson) person = redress_person_new ();
  g_autoptr(RedressPerson) other = redress_person_new ();
  RedressChangeSet *changes;
  const char * const *ids;

  g_ptr_array_set_size (f->changes, 0);
  g_hash_table_remove_all (f->per_table);

  g_assert_true (_redress_database_begin (db_of (f), &error));
  g_assert_true (redress_record_save (REDRESS_RECORD (case_file), db_of (f), &error));
  redress_record_set_string (REDRESS_RECORD (person), "given-name", "Amal");
  g_assert_true (redress_record_save (REDRESS_RECORD (person), db_of (f), &error));
  redress_record_set_string (REDRESS_RECORD (other), "given-name", "Bo");
  g_assert_true (redress_record_save (REDRESS_RECORD (other), db_of (f), &error));
  g_assert_no_error (error);
  /* Nothing is announced before the commit. */
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_true (_redress_database_commit (db_of (f), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (f->changes->len, ==, 1);
  changes = g_ptr_array_index (f->changes, 0);
  g_assert_true (redress_change_set_has_table (changes, "case_file"));
  g_assert_true (redress_change_set_has_table (changes, "person"));
  g_assert_true (redress_change_set_contains (changes, "case_file", redress_record_get_id (REDRESS_RECORD (case_file))));
  ids = redress_change_set_get_ids (changes, "person");
  g_assert_nonnull (ids);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  g_assert_true (g_strv_contains (ids, redress_record_get_id (REDRESS_RECORD (person))));
  g_assert_true (g_strv_contains (ids, redress_record_get_id (REDRESS_RECORD (other))));
  /* Once per table, not once per call. */
  g_assert_cmpuint (count_of (f, "case_file"), ==, 1);
  g_assert_cmpuint (count_of (f, "person"), ==, 1);

  /* A single save outside a transaction: one notification too. */
  g_ptr_array_set_size (f->changes, 0);
  g_hash_table_remove_all (f->per_table);
  redress_record_set_string (REDRESS_RECORD (person), "family-name", "Haddad");
  g_assert_true (redress_record_save (REDRESS_RECORD (person), db_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpuint (count_of (f, "person"), ==, 1);
  g_assert_cmpstr (redress_change_set_get_ids (g_ptr_array_index (f->changes, 0), "person")[0], ==,
                   redress_record_get_id (REDRESS_RECORD (person)));

  /* Deleted rows are named too. */
  g_ptr_array_set_size (f->changes, 0);
  g_assert_true (redress_record_delete (REDRESS_RECORD (other), db_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_true (redress_change_set_contains (g_ptr_array_index (f->changes, 0), "person",
                                              redress_record_get_id (REDRESS_RECORD (other))));
  g_assert_nonnull (redress_change_set_get_ids (g_ptr_array_index (f->changes, 0), "person"));

  /* Rolled back: nothing changed, nothing is announced. */
  g_ptr_array_set_size (f->changes, 0);
  g_hash_table_remove_all (f->per_table);
  g_assert_true (_redress_database_begin (db_of (f), &error));
  g_assert_true (_redress_database_exec (db_of (f), "UPDATE person SET notes = 'x'", &error));
  g_assert_true (_redress_database_exec (db_of (f), "UPDATE case_file SET summary = 'y'", &error));
  _redress_database_rollback (db_of (f));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (f->per_table), ==, 0);

  /* A savepoint rolled back inside a commit: only what stayed is named. */
  g_assert_true (_redress_database_begin (db_of (f), &error));
  g_assert_true (_redress_database_exec (db_of (f), "UPDATE person SET notes = 'kept'", &error));
  g_assert_true (_redress_database_begin (db_of (f), &error));
  g_assert_true (_redress_database_exec (db_of (f), "UPDATE case_file SET summary = 'undone'", &error));
  _redress_database_rollback (db_of (f));
  g_assert_true (_redress_database_commit (db_of (f), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_true (redress_change_set_has_table (g_ptr_array_index (f->changes, 0), "person"));
  g_assert_false (redress_change_set_has_table (g_ptr_array_index (f->changes, 0), "case_file"));

  /* A write through the statement interface outside a transaction (as the
   * links between facts and violations are made) is announced as it
   * completes; a read is not. */
  g_ptr_array_set_size (f->changes, 0);
  {
    g_autoptr(RedressStatement) stmt = redress_database_prepare (db_of (f), "UPDATE person SET notes = 'direct'",
                                                                 &error);

    g_assert_no_error (error);
    g_assert_true (redress_statement_step_done (stmt, "update", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_true (redress_change_set_has_table (g_ptr_array_index (f->changes, 0), "person"));
  {
    g_autoptr(RedressStatement) stmt = redress_database_prepare (db_of (f), "SELECT count(*) FROM person", &error);

    g_assert_cmpint (redress_statement_step (stmt), ==, REDRESS_STEP_ROW);
  }
  g_assert_cmpuint (f->changes->len, ==, 1);
}

/* The window, the composer and the command line take the docket's one store. */
static void
test_one_evidence_store (Fixture       *f,
                         gconstpointer  data)
{
  guint before = _redress_evidence_store_get_n_instances ();
  RedressEvidenceStore *store = redress_docket_get_evidence_store (f->docket);
  g_autoptr(RedressDocket) again = redress_docket_new_for_database (db_of (f));

  /* redress_docket_open() made it. */
  g_assert_cmpuint (before, ==, 1);
  g_assert_nonnull (store);
  g_assert_true (redress_docket_get_evidence_store (f->docket) == store);
  g_assert_true (again == f->docket);
  g_assert_true (redress_docket_get_for_database (db_of (f)) == f->docket);
  g_assert_true (redress_docket_get_evidence_store (redress_docket_get_for_database (db_of (f))) == store);
  g_assert_true (redress_evidence_store_get_database (store) == db_of (f));
  g_assert_cmpuint (_redress_evidence_store_get_n_instances (), ==, 1);
  g_assert_true (redress_docket_get_reference (f->docket) == redress_docket_get_reference (f->docket));

  g_clear_object (&again);
  fixture_close (f);
  g_assert_cmpuint (_redress_evidence_store_get_n_instances (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add ("/docket/writer/model", Fixture, NULL, fixture_set_up, test_writer_model, fixture_tear_down);
  g_test_add ("/docket/writer/cli-event", Fixture, NULL, fixture_set_up, test_writer_cli_event, fixture_tear_down);
  g_test_add ("/docket/writer/import", Fixture, NULL, fixture_set_up, test_writer_import, fixture_tear_down);
  g_test_add ("/docket/changed/one-per-commit", Fixture, NULL, fixture_set_up, test_one_notification_per_commit,
              fixture_tear_down);
  g_test_add ("/docket/one-evidence-store", Fixture, NULL, fixture_set_up, test_one_evidence_store,
              fixture_tear_down);

  return g_test_run ();
}
