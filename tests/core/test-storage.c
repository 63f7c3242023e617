/* test-storage.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The docket file itself: migrations from every older schema, passphrases,
 * damaged files, full-text search, the audit trail, backups and checks.
 */

#include "config.h"

#include "redress-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redress-audit.h"
#include "redress-backup.h"
#include "redress-database.h"
#include "redress-sqlite-private.h"
#include "redress-search.h"
#include "redress-util.h"

#define PASSPHRASE "correct horse battery staple"

typedef RedressTestDocket Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  redress_test_docket_init_unopened (f, "storage");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  redress_test_docket_clear (f);
}

static RedressDatabase *
create_docket (const char *path,
               const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  RedressDatabase *db = redress_database_open (path, passphrase, REDRESS_DATABASE_OPEN_CREATE,
                                               &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
exec_ok (RedressDatabase *db,
         const char      *sql)
{
  g_autoptr(GError) error = NULL;

  _redress_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
insert_case (RedressDatabase *db,
             const char      *id,
             const char      *reference,
             const char      *title)
{
  char *sql = sqlite3_mprintf ("INSERT INTO case_file (id, kind, reference, title, created_at, "
                               "updated_at) VALUES (%Q, 'communication', %Q, %Q, redress_now (), "
                               "redress_now ())", id, reference, title);

  exec_ok (db, sql);
  sqlite3_free (sql);
}

static void
insert_person (RedressDatabase *db,
               const char      *id,
               const char      *given,
               const char      *family)
{
  char *sql = sqlite3_mprintf ("INSERT INTO person (id, given_name, family_name, created_at, "
                               "updated_at) VALUES (%Q, %Q, %Q, redress_now (), redress_now ())",
                               id, given, family);

  exec_ok (db, sql);
  sqlite3_free (sql);
}

static void
insert_party (RedressDatabase *db,
              const char      *id,
              const char      *case_id,
              const char      *person_id)
{
  char *sql = sqlite3_mprintf ("INSERT INTO case_party (id, case_id, person_id, role, created_at, "
                               "updated_at) VALUES (%Q, %Q, %Q, 'victim', redress_now (), "
                               "redress_now ())", id, case_id, person_id);

  exec_ok (db, sql);
  sqlite3_free (sql);
}

static void
insert_note (RedressDatabase *db,
             const char      *id,
             const char      *case_id,
             const char      *body)
{
  char *sql = sqlite3_mprintf ("INSERT INTO note (id, case_id, body, created_at, updated_at) "
                               "VALUES (%Q, %Q, %Q, redress_now (), redress_now ())",
                               id, case_id, body);

  exec_ok (db, sql);
  sqlite3_free (sql);
}

static gint64
query_int (RedressDatabase *db,
           const char      *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static GListModel *
search (RedressDatabase *db,
        const char      *query)
{
  g_autoptr(GError) error = NULL;
  GListModel *hits = redress_search_run (db, query, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static guint
count_hits (RedressDatabase *db,
            const char      *query)
{
  g_autoptr(GListModel) hits = search (db, query);

  return g_list_model_get_n_items (hits);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

/* Like memmem(): a file's bytes hold NULs, where g_strstr_len() stops. */
static const char *
find_bytes (const char *haystack,
            gsize       len,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n <= len && i <= len - n; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

static gboolean
file_starts_with (const char *path,
                  const char *prefix)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return len >= strlen (prefix) && memcmp (contents, prefix, strlen (prefix)) == 0;
}

static RedressAuditEntry *
find_entry (GListModel *entries,
            const char *op,
            const char *field)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RedressAuditEntry) e = g_list_model_get_item (entries, i);

      if (g_strcmp0 (redress_audit_entry_get_op (e), op) == 0 &&
          g_strcmp0 (redress_audit_entry_get_field (e), field) == 0)
        return g_steal_pointer (&e);
    }
  return NULL;
}

/* Migrations -------------------------------------------------------------------------------- */

static void
migrate_from (Fixture    *f,
              int         version,
              const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RedressAuditEntry) entry = NULL;
  int latest = redress_database_get_latest_schema_version ();

  g_test_message ("Docket of schema %d, passphrase: %s", version, passphrase ? "yes" : "no");
  redress_test_rm_rf (f->dir);

  db = _redress_database_open_full (f->path, passphrase, REDRESS_DATABASE_OPEN_CREATE, version,
                                    &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_schema_version (db), ==, version);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, version);

  /* Rows as schema 1 knows them, written before the newer schema existed. */
  insert_case (db, "case-1", "RDR-2024-001", "Detention of Yusuf at the border");
  insert_person (db, "person-1", "Yusuf", "Haddad");
  insert_party (db, "party-1", "case-1", "person-1");
  insert_note (db, "note-1", "case-1", "Interview with the school headmistress");
  g_assert_finalize_object (g_steal_pointer (&db));

  db = redress_database_open (f->path, passphrase, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_schema_version (db), ==, latest);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, latest);
  g_assert_false (redress_database_get_read_only (db));

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_file WHERE id = 'case-1' AND "
                                  "title = 'Detention of Yusuf at the border'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE family_name = 'Haddad'"),
                   ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_party"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM note WHERE body LIKE 'Interview%'"), ==, 1);

  /* What was there before the search index existed is found. */
  g_assert_cmpuint (count_hits (db, "detention"), ==, 1);
  g_assert_cmpuint (count_hits (db, "Haddad"), ==, 1);
  g_assert_cmpuint (count_hits (db, "headmistress"), ==, 1);

  /* Changes after the upgrade are audited. */
  exec_ok (db, "UPDATE case_file SET title = 'Detention at the border' WHERE id = 'case-1'");
  audit = redress_audit_list_for_row (db, "case_file", "case-1", &error);
  g_assert_no_error (error);
  entry = find_entry (audit, "update", "title");
  g_assert_nonnull (entry);
  g_assert_cmpstr (redress_audit_entry_get_old_value (entry), ==,
                   "Detention of Yusuf at the border");
  g_assert_cmpstr (redress_audit_entry_get_new_value (entry), ==, "Detention at the border");

  g_assert_finalize_object (g_steal_pointer (&db));
}

static void
test_migrate_every_version (Fixture       *f,
                            gconstpointer  data)
{
  int latest = redress_database_get_latest_schema_version ();

  g_assert_cmpint (latest, >=, 3);
  for (int version = 1; version < latest; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RedressDatabase) probe = NULL;

      /* Versions may have gaps while migrations land; skip numbers without one. */
      redress_test_rm_rf (f->dir);
      probe = _redress_database_open_full (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, version,
                                           &error);
      g_assert_no_error (error);
      if (redress_database_get_schema_version (probe) != version)
        {
          g_clear_object (&probe);
          redress_test_rm_rf (f->dir);
          continue;
        }
      g_clear_object (&probe);
      migrate_from (f, version, NULL);
    }
  migrate_from (f, 1, PASSPHRASE);
}

/* Passphrases ----------------------------------------------------------------------------- */

static void
test_wrong_passphrase (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RedressDatabase *db = create_docket (f->path, PASSPHRASE);
  RedressDatabase *wrong;

  insert_case (db, "case-1", "RDR-1", "Secret case");
  g_assert_finalize_object (db);

  wrong = redress_database_open (f->path, "not the passphrase", 0, &error);
  g_assert_null (wrong);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE);
  g_assert_null (strstr (error->message, "file is not a database"));
  g_assert_null (strstr (error->message, "file is encrypted"));

  /* The right one still opens it, nothing lost. */
  db = redress_database_open (f->path, PASSPHRASE, 0, NULL);
  g_assert_nonnull (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_file"), ==, 1);
  g_assert_finalize_object (db);
}

static void
test_encrypted_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_path = g_build_filename (f->dir, "plain.redress", NULL);
  RedressDatabase *db = create_docket (f->path, PASSPHRASE);
  RedressDatabase *plain = create_docket (plain_path, NULL);

  g_assert_true (redress_database_get_encrypted (db));
  insert_case (db, "case-1", "RDR-1", "Unmistakable title words");
  g_assert_finalize_object (db);
  g_assert_finalize_object (plain);

  g_assert_false (file_starts_with (f->path, "SQLite format 3"));
  g_assert_true (file_starts_with (plain_path, "SQLite format 3"));
  {
    g_autofree char *contents = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
    g_assert_null (find_bytes (contents, len, "Unmistakable"));
  }

  db = redress_database_open (f->path, NULL, 0, &error);
  g_assert_null (db);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE);
  g_assert_null (strstr (error->message, "file is not a database"));
}

/* A damaged file ---------------------------------------------------------------------------- */

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  const char *passphrase = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  RedressDatabase *db = create_docket (f->path, passphrase);
  gint64 page, page_size, n_pages;
  GLogLevelFlags old_fatal;
  gsize len;

  exec_ok (db, "BEGIN");
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("case-%u", i);
      g_autofree char *ref = g_strdup_printf ("RDR-%05u", i);
      g_autofree char *title = g_strdup_printf ("Case number %u about the right to education "
                                                "of children held in detention", i);

      insert_case (db, id, ref, title);
    }
  exec_ok (db, "COMMIT");

  page_size = query_int (db, "PRAGMA page_size");
  g_assert_finalize_object (db);

  /* Closing checkpointed the write-ahead log: everything is in the file. */
  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpint ((gint64) len % page_size, ==, 0);
  n_pages = len / page_size;
  if (passphrase == NULL)
    {
      /* The page that holds the row of case 200, in the middle of the table. */
      const char *row = find_bytes (contents, len, "Case number 200 about");

      g_assert_nonnull (row);
      page = (row - contents) / page_size + 1;
    }
  else
    {
      page = n_pages / 2;
    }
  g_test_message ("Damaging page %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT, page, n_pages);
  g_assert_cmpint (page, >, 1);
  g_assert_cmpint (page, <, n_pages);
  memset (contents + (page - 1) * page_size, 0xA5, 200);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
  before = file_checksum (f->path);

  /* The docket logs a warning when it finds damage; here that is expected. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  db = redress_database_open (f->path, passphrase, 0, &error);
  g_log_set_always_fatal (old_fatal);
  if (db == NULL)
    {
      g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
      g_assert_null (strstr (error->message, "malformed"));
    }
  else
    {
      g_autoptr(GError) write_error = NULL;
      g_autoptr(GError) exec_error = NULL;
      g_autoptr(GError) verify_error = NULL;
      g_autofree char *report = NULL;

      g_assert_no_error (error);
      g_assert_true (redress_database_get_read_only (db));
      g_assert_nonnull (strstr (redress_database_get_read_only_reason (db), "damaged"));

      g_assert_false (_redress_database_begin (db, &write_error));
      g_assert_error (write_error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_READ_ONLY);
      g_assert_false (_redress_database_exec (db, "DELETE FROM case_file", &exec_error));
      g_assert_nonnull (exec_error);
      g_assert_false (redress_database_verify (db, &report, &verify_error));
      g_assert_error (verify_error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
      g_assert_nonnull (report);
      g_assert_cmpstr (report, !=, "");
      redress_database_close (db);
      g_assert_finalize_object (db);
    }

  after = file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Search ---------------------------------------------------------------------------------- */

static void
test_search_ranking (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(RedressSearchHit) first = NULL;
  g_autoptr(RedressSearchHit) second = NULL;
  g_autofree char *markup = NULL;
  RedressDatabase *db = create_docket (f->path, NULL);

  insert_case (db, "case-note", "RDR-2", "Access to health care");
  insert_note (db, "note-1", "case-note", "The family travelled from Zanzibar by boat in June, "
                                          "then waited three weeks for the hearing");
  insert_case (db, "case-title", "RDR-1", "Zanzibar custody hearing");
  insert_case (db, "case-none", "RDR-3", "Nothing to do with it");

  hits = search (db, "zanzibar");
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  first = g_list_model_get_item (hits, 0);
  second = g_list_model_get_item (hits, 1);
  g_assert_cmpstr (redress_search_hit_get_case_id (first), ==, "case-title");
  g_assert_cmpstr (redress_search_hit_get_source (first), ==, "case");
  g_assert_cmpstr (redress_search_hit_get_reference (first), ==, "RDR-1");
  g_assert_cmpstr (redress_search_hit_get_title (first), ==, "Zanzibar custody hearing");
  g_assert_cmpstr (redress_search_hit_get_case_id (second), ==, "case-note");
  g_assert_cmpstr (redress_search_hit_get_source (second), ==, "note");
  g_assert_cmpfloat (redress_search_hit_get_rank (first), <, redress_search_hit_get_rank (second));
  g_assert_nonnull (strstr (redress_search_hit_get_snippet (second), "Zanzibar"));
  markup = redress_search_hit_dup_snippet_markup (second);
  g_assert_nonnull (strstr (markup, "<b>Zanzibar</b>"));

  /* One hit per case even when several of its rows match. */
  insert_note (db, "note-2", "case-title", "Zanzibar again");
  g_assert_cmpuint (count_hits (db, "zanzibar"), ==, 2);

  /* Typing: the last word is a prefix; all words must match. */
  g_assert_cmpuint (count_hits (db, "zanz"), ==, 2);
  g_assert_cmpuint (count_hits (db, "zanz "), ==, 0);
  g_assert_cmpuint (count_hits (db, "zanzibar custody"), ==, 1);
  g_assert_cmpuint (count_hits (db, "rdr-3"), ==, 1);

  /* Diacritics do not matter. */
  insert_note (db, "note-3", "case-none", "Hearing in Zürich");
  g_assert_cmpuint (count_hits (db, "zurich"), ==, 1);
  g_assert_cmpuint (count_hits (db, "ZÜRICH"), ==, 1);

  /* Nothing to search for, and FTS5 syntax, are not errors. */
  g_assert_cmpuint (count_hits (db, ""), ==, 0);
  g_assert_cmpuint (count_hits (db, "   "), ==, 0);
  g_assert_cmpuint (count_hits (db, "\"\" * - ( ) :"), ==, 0);
  g_assert_cmpuint (count_hits (db, "zanzibar AND OR NOT"), ==, 0);
  g_assert_cmpuint (count_hits (db, "body:zanzibar"), ==, 0);
  g_assert_cmpuint (count_hits (db, "\"zanzibar"), ==, 2);
  g_assert_cmpuint (count_hits (db, "NEAR(zanzibar"), ==, 0);

  g_assert_finalize_object (db);
}

/* A case is found when the words of the query are spread over its fields:
 * the child's name in a party row, a word of the facts in a fact row. */
static void
test_search_whole_case (Fixture       *f,
                        gconstpointer  data)
{
  RedressDatabase *db = create_docket (f->path, NULL);

  insert_case (db, "case-1", "RDR-1", "First case");
  insert_case (db, "case-2", "RDR-2", "Second case");
  insert_person (db, "person-1", "Lucía", "Ruiz");
  insert_person (db, "person-2", "Omar", "Haddad");
  insert_party (db, "party-1", "case-1", "person-1");
  insert_party (db, "party-2", "case-2", "person-2");
  exec_ok (db, "INSERT INTO fact (id, case_id, description, place, created_at, updated_at) "
               "VALUES ('fact-1', 'case-1', 'Expelled from school without a hearing', 'Madrid', "
               "redress_now (), redress_now ())");
  exec_ok (db, "INSERT INTO fact (id, case_id, description, place, created_at, updated_at) "
               "VALUES ('fact-2', 'case-2', 'Expelled from the shelter', 'Ceuta', redress_now (), "
               "redress_now ())");

  /* The name and a word of the facts: only the case that has both. */
  g_assert_cmpuint (count_hits (db, "lucia expelled"), ==, 1);
  g_assert_cmpuint (count_hits (db, "ruiz hearing madrid"), ==, 1);
  g_assert_cmpuint (count_hits (db, "expelled"), ==, 2);
  /* Each term must be somewhere in the case; the last one as a prefix. */
  g_assert_cmpuint (count_hits (db, "haddad hearing"), ==, 0);
  g_assert_cmpuint (count_hits (db, "haddad shel"), ==, 1);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) hits = redress_search_run (db, "expelled omar", 0, NULL, &error);
    g_autoptr(RedressSearchHit) hit = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
    hit = g_list_model_get_item (hits, 0);
    g_assert_cmpstr (redress_search_hit_get_case_id (hit), ==, "case-2");
  }

  g_assert_finalize_object (db);
}

static void
test_search_updates (Fixture       *f,
                     gconstpointer  data)
{
  RedressDatabase *db = create_docket (f->path, NULL);

  insert_case (db, "case-1", "RDR-1", "First case");
  insert_case (db, "case-2", "RDR-2", "Second case");
  insert_person (db, "person-1", "Amina", "Okonkwo");
  insert_party (db, "party-1", "case-1", "person-1");
  insert_party (db, "party-2", "case-2", "person-1");
  insert_note (db, "note-1", "case-1", "Hospital records requested");
  exec_ok (db, "INSERT INTO correspondence (id, case_id, direction, subject, body, created_at, "
               "updated_at) VALUES ('letter-1', 'case-2', 'in', 'Registration', 'Your "
               "communication was registered', redress_now (), redress_now ())");
  exec_ok (db, "INSERT INTO evidence_item (id, case_id, sha256, title, description, created_at, "
               "updated_at) VALUES ('ev-1', 'case-1', printf ('%064d', 0), 'Birth certificate', "
               "'Issued in Mombasa', redress_now (), redress_now ())");
  exec_ok (db, "INSERT INTO fact (id, case_id, description, place, created_at, updated_at) "
               "VALUES ('fact-1', 'case-2', 'Expelled from school', 'Kisumu', redress_now (), "
               "redress_now ())");

  g_assert_cmpuint (count_hits (db, "okonkwo"), ==, 2);
  g_assert_cmpuint (count_hits (db, "registered"), ==, 1);
  g_assert_cmpuint (count_hits (db, "mombasa"), ==, 1);
  g_assert_cmpuint (count_hits (db, "kisumu"), ==, 1);

  /* A renamed person is found by the new name in every case, not the old. */
  exec_ok (db, "UPDATE person SET family_name = 'Mwangi' WHERE id = 'person-1'");
  g_assert_cmpuint (count_hits (db, "okonkwo"), ==, 0);
  g_assert_cmpuint (count_hits (db, "mwangi"), ==, 2);
  exec_ok (db, "UPDATE person SET alias = 'Mimi' WHERE id = 'person-1'");
  g_assert_cmpuint (count_hits (db, "mimi"), ==, 2);

  /* Taking a party off a case takes the name off that case. */
  exec_ok (db, "DELETE FROM case_party WHERE id = 'party-2'");
  g_assert_cmpuint (count_hits (db, "mwangi"), ==, 1);

  /* Edited and changed rows. */
  exec_ok (db, "UPDATE note SET body = 'School records requested' WHERE id = 'note-1'");
  g_assert_cmpuint (count_hits (db, "hospital"), ==, 0);
  g_assert_cmpuint (count_hits (db, "school records"), ==, 1);
  exec_ok (db, "UPDATE case_file SET title = 'Renamed matter', summary = 'Boarding school' "
               "WHERE id = 'case-2'");
  g_assert_cmpuint (count_hits (db, "second"), ==, 0);
  g_assert_cmpuint (count_hits (db, "renamed"), ==, 1);
  g_assert_cmpuint (count_hits (db, "boarding"), ==, 1);

  /* A deleted case is gone, with everything it held. */
  exec_ok (db, "DELETE FROM case_file WHERE id = 'case-1'");
  g_assert_cmpuint (count_hits (db, "mwangi"), ==, 0);
  g_assert_cmpuint (count_hits (db, "mombasa"), ==, 0);
  g_assert_cmpuint (count_hits (db, "school records"), ==, 0);
  g_assert_cmpuint (count_hits (db, "first"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index WHERE case_id = 'case-1'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_source WHERE case_id = 'case-1'"),
                   ==, 0);
  g_assert_cmpuint (count_hits (db, "kisumu"), ==, 1);

  g_assert_finalize_object (db);
}

typedef struct
{
  GListModel *hits;
  GError     *error;
  gboolean    done;
} AsyncResult;

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->hits = redress_search_finish (REDRESS_DATABASE (object), result, &r->error);
  r->done = TRUE;
}

static void
wait_for (gboolean *flag)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_search_async (Fixture       *f,
                   gconstpointer  data)
{
  RedressDatabase *db = create_docket (f->path, PASSPHRASE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult r1 = { 0 }, r2 = { 0 }, r3 = { 0 };

  insert_case (db, "case-1", "RDR-1", "Asylum hearing");
  insert_case (db, "case-2", "RDR-2", "Asylum appeal");

  redress_search_async (db, "asyl", 10, NULL, search_done_cb, &r1);
  g_assert_false (r1.done);
  wait_for (&r1.done);
  g_assert_no_error (r1.error);
  g_assert_cmpuint (g_list_model_get_n_items (r1.hits), ==, 2);

  /* A change committed on the main connection shows in the next search. */
  insert_case (db, "case-3", "RDR-3", "Asylum for a minor");
  redress_search_async (db, "asylum", 1, NULL, search_done_cb, &r2);
  wait_for (&r2.done);
  g_assert_no_error (r2.error);
  g_assert_cmpuint (g_list_model_get_n_items (r2.hits), ==, 1);
  g_clear_object (&r2.hits);
  r2.done = FALSE;
  redress_search_async (db, "asylum", 0, NULL, search_done_cb, &r2);
  wait_for (&r2.done);
  g_assert_cmpuint (g_list_model_get_n_items (r2.hits), ==, 3);

  g_cancellable_cancel (cancellable);
  redress_search_async (db, "asylum", 10, cancellable, search_done_cb, &r3);
  wait_for (&r3.done);
  g_assert_error (r3.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (r3.hits);

  g_clear_object (&r1.hits);
  g_clear_object (&r2.hits);
  g_clear_error (&r3.error);
  g_assert_finalize_object (db);
}

/* Audit ----------------------------------------------------------------------------------- */

static void
test_audit_trail (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(RedressAuditEntry) inserted = NULL;
  g_autoptr(RedressAuditEntry) updated = NULL;
  g_autoptr(RedressAuditEntry) deleted = NULL;
  RedressDatabase *db = create_docket (f->path, NULL);

  g_assert_cmpstr (redress_database_get_actor (db), ==, "Test Runner");
  insert_case (db, "case-1", "RDR-1", "Audited case");
  insert_note (db, "note-1", "case-1", "First version");
  exec_ok (db, "UPDATE note SET body = 'Second version', updated_at = redress_now () "
               "WHERE id = 'note-1'");
  exec_ok (db, "DELETE FROM note WHERE id = 'note-1'");

  entries = redress_audit_list_for_row (db, "note", "note-1", &error);
  g_assert_no_error (error);

  inserted = find_entry (entries, "insert", "body");
  g_assert_nonnull (inserted);
  g_assert_null (redress_audit_entry_get_old_value (inserted));
  g_assert_cmpstr (redress_audit_entry_get_new_value (inserted), ==, "First version");
  g_assert_cmpstr (redress_audit_entry_get_actor (inserted), ==, "Test Runner");
  g_assert_cmpstr (redress_audit_entry_get_table_name (inserted), ==, "note");
  g_assert_cmpstr (redress_audit_entry_get_row_id (inserted), ==, "note-1");
  g_assert_true (g_str_has_suffix (redress_audit_entry_get_at (inserted), "Z"));
  g_assert_true (redress_is_uuid (redress_audit_entry_get_id (inserted)));

  updated = find_entry (entries, "update", "body");
  g_assert_nonnull (updated);
  g_assert_cmpstr (redress_audit_entry_get_old_value (updated), ==, "First version");
  g_assert_cmpstr (redress_audit_entry_get_new_value (updated), ==, "Second version");
  g_assert_cmpint (redress_audit_entry_get_seq (updated), >,
                   redress_audit_entry_get_seq (inserted));
  /* Only what changed is recorded for an update. */
  g_assert_null (find_entry (entries, "update", "case_id"));
  g_assert_null (find_entry (entries, "update", "updated_at"));

  deleted = find_entry (entries, "delete", "body");
  g_assert_nonnull (deleted);
  g_assert_cmpstr (redress_audit_entry_get_old_value (deleted), ==, "Second version");
  g_assert_null (redress_audit_entry_get_new_value (deleted));
  g_assert_cmpint (redress_audit_entry_get_seq (deleted), >,
                   redress_audit_entry_get_seq (updated));

  /* The actor is whoever the docket says acts now. */
  redress_database_set_actor (db, "Second Lawyer");
  exec_ok (db, "UPDATE case_file SET title = 'Renamed' WHERE id = 'case-1'");
  g_clear_object (&entries);
  entries = redress_audit_list_for_row (db, "case_file", "case-1", &error);
  g_assert_no_error (error);
  g_clear_object (&updated);
  updated = find_entry (entries, "update", "title");
  g_assert_cmpstr (redress_audit_entry_get_actor (updated), ==, "Second Lawyer");

  /* Tables with a composite key name the row by its parts. */
  exec_ok (db, "INSERT INTO violation (id, case_id, treaty, article, created_at, updated_at) "
               "VALUES ('v-1', 'case-1', 'CRC', '37', redress_now (), redress_now ())");
  exec_ok (db, "INSERT INTO fact (id, case_id, created_at, updated_at) "
               "VALUES ('f-1', 'case-1', redress_now (), redress_now ())");
  exec_ok (db, "INSERT INTO violation_fact (violation_id, fact_id) VALUES ('v-1', 'f-1')");
  g_clear_object (&entries);
  entries = redress_audit_list_for_row (db, "violation_fact", "v-1/f-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);

  g_assert_finalize_object (db);
}

static void
test_audit_append_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) update_error = NULL;
  g_autoptr(GError) delete_error = NULL;
  RedressDatabase *db = create_docket (f->path, NULL);
  gint64 n;

  insert_case (db, "case-1", "RDR-1", "Case");
  n = query_int (db, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (n, >, 0);

  g_assert_false (_redress_database_exec (db, "UPDATE audit_log SET actor = 'Someone else'",
                                          &update_error));
  g_assert_nonnull (update_error);
  g_assert_false (_redress_database_exec (db, "DELETE FROM audit_log", &delete_error));
  g_assert_nonnull (delete_error);

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log"), ==, n);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE actor = 'Test Runner'"),
                   ==, n);
  g_assert_finalize_object (db);
}

static void
test_audit_disabled (Fixture       *f,
                     gconstpointer  data)
{
  RedressDatabase *db = create_docket (f->path, NULL);

  g_assert_true (redress_database_get_audit_enabled (db));
  redress_database_set_audit_enabled (db, FALSE);
  insert_case (db, "case-1", "RDR-1", "Demo case");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log"), ==, 0);
  /* Search keeps working with the audit off. */
  g_assert_cmpuint (count_hits (db, "demo"), ==, 1);

  redress_database_set_audit_enabled (db, TRUE);
  exec_ok (db, "UPDATE case_file SET title = 'Real case' WHERE id = 'case-1'");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_finalize_object (db);
}

/* Backup and verify ------------------------------------------------------------------------- */

typedef struct
{
  double   last;
  guint    calls;
  gboolean monotonic;
  gboolean destroyed;
  gboolean done;
  gboolean ok;
  GError  *error;
} BackupState;

static void
backup_progress_cb (double   fraction,
                    gpointer user_data)
{
  BackupState *s = user_data;

  if (fraction < s->last)
    s->monotonic = FALSE;
  s->last = fraction;
  s->calls++;
}

static void
backup_state_destroy (gpointer data)
{
  BackupState *s = data;

  s->destroyed = TRUE;
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BackupState *s = user_data;

  s->ok = redress_database_backup_finish (REDRESS_DATABASE (object), result, &s->error);
  s->done = TRUE;
}

static void
fill_docket (RedressDatabase *db,
             guint            n)
{
  exec_ok (db, "BEGIN");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("case-%u", i);
      g_autofree char *ref = g_strdup_printf ("RDR-%05u", i);
      g_autofree char *note = g_strdup_printf ("note-%u", i);

      insert_case (db, id, ref, "Backed up case");
      insert_note (db, note, id, "A note long enough to fill some pages of the docket file");
    }
  exec_ok (db, "COMMIT");
}

static void
no_part_files_left (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".part-"));
}

static void
test_backup_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  const char *passphrase = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (f->dir, "backup.redress", NULL);
  g_autofree char *dest_db = g_build_filename (dest, "docket.redress", NULL);
  g_autofree char *report = NULL;
  BackupState sync_state = { .last = 0, .monotonic = TRUE };
  BackupState async_state = { .last = 0, .monotonic = TRUE };
  RedressDatabase *db = create_docket (f->path, passphrase);
  RedressDatabase *copy;

  fill_docket (db, 300);
  g_assert_true (redress_database_verify (db, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);

  g_assert_true (redress_database_backup (db, dest, NULL, backup_progress_cb, &sync_state,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sync_state.calls, >, 0);
  g_assert_true (sync_state.monotonic);
  g_assert_cmpfloat (sync_state.last, ==, 1.0);
  g_assert_cmpint (file_starts_with (dest_db, "SQLite format 3"), ==, passphrase == NULL);
  no_part_files_left (f->dir);

  /* The docket stays usable while and after it is copied. */
  insert_case (db, "case-after", "RDR-AFTER", "Added after the first backup");

  /* The async copy replaces the older backup. */
  redress_database_backup_async (db, dest, NULL, backup_progress_cb, &async_state,
                                 backup_state_destroy, backup_done_cb, &async_state);
  wait_for (&async_state.done);
  g_assert_no_error (async_state.error);
  g_assert_true (async_state.ok);
  g_assert_cmpuint (async_state.calls, >, 0);
  g_assert_true (async_state.monotonic);
  g_assert_cmpfloat (async_state.last, ==, 1.0);
  while (!async_state.destroyed)
    g_main_context_iteration (NULL, TRUE);
  no_part_files_left (f->dir);
  g_assert_finalize_object (db);

  copy = redress_database_open (dest_db, passphrase, REDRESS_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM case_file"), ==, 301);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM note"), ==, 300);
  g_assert_cmpint (redress_database_get_schema_version (copy), ==,
                   redress_database_get_latest_schema_version ());
  g_assert_cmpuint (count_hits (copy, "after"), ==, 1);
  g_assert_true (redress_database_verify (copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (copy);

  if (passphrase != NULL)
    {
      copy = redress_database_open (dest_db, "wrong", 0, &error);
      g_assert_null (copy);
      g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE);
    }
}

static void
test_backup_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) self_error = NULL;
  g_autoptr(GError) cancel_error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *dest = g_build_filename (blocker, "backup.redress", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.redress", NULL);
  RedressDatabase *db = create_docket (f->path, NULL);

  insert_case (db, "case-1", "RDR-1", "Case");
  g_assert_true (g_file_set_contents (blocker, "a file where a folder should be", -1, NULL));

  g_assert_false (redress_database_backup (db, dest, NULL, NULL, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, dest));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));

  g_assert_false (redress_database_backup (db, f->path, NULL, NULL, NULL, &self_error));
  g_assert_error (self_error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);

  g_cancellable_cancel (cancellable);
  g_assert_false (redress_database_backup (db, other, cancellable, NULL, NULL, &cancel_error));
  g_assert_error (cancel_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  no_part_files_left (f->dir);

  /* Nothing happened to the docket. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_file"), ==, 1);
  g_assert_finalize_object (db);
}

static void
test_verify_finds_broken_reference (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  RedressDatabase *db = create_docket (f->path, NULL);

  insert_case (db, "case-1", "RDR-1", "Case");
  g_assert_true (redress_database_verify (db, &report, &error));
  g_assert_no_error (error);
  g_clear_pointer (&report, g_free);

  exec_ok (db, "PRAGMA foreign_keys = OFF");
  insert_note (db, "note-1", "no-such-case", "Orphan");
  exec_ok (db, "PRAGMA foreign_keys = ON");

  g_assert_false (redress_database_verify (db, &report, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (report, "note"));
  g_assert_nonnull (strstr (report, "case_file"));
  g_assert_finalize_object (db);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add ("/storage/migrate/every-version", Fixture, NULL, fixture_setup,
              test_migrate_every_version, fixture_teardown);
  g_test_add ("/storage/passphrase/wrong", Fixture, NULL, fixture_setup,
              test_wrong_passphrase, fixture_teardown);
  g_test_add ("/storage/passphrase/encrypted-file", Fixture, NULL, fixture_setup,
              test_encrypted_file, fixture_teardown);
  g_test_add ("/storage/corrupt/plain", Fixture, NULL, fixture_setup,
              test_corrupt, fixture_teardown);
  g_test_add ("/storage/corrupt/encrypted", Fixture, PASSPHRASE, fixture_setup,
              test_corrupt, fixture_teardown);
  g_test_add ("/storage/search/ranking", Fixture, NULL, fixture_setup,
              test_search_ranking, fixture_teardown);
  g_test_add ("/storage/search/whole-case", Fixture, NULL, fixture_setup,
              test_search_whole_case, fixture_teardown);
  g_test_add ("/storage/search/updates", Fixture, NULL, fixture_setup,
              test_search_updates, fixture_teardown);
  g_test_add ("/storage/search/async", Fixture, NULL, fixture_setup,
              test_search_async, fixture_teardown);
  g_test_add ("/storage/audit/trail", Fixture, NULL, fixture_setup,
              test_audit_trail, fixture_teardown);
  g_test_add ("/storage/audit/append-only", Fixture, NULL, fixture_setup,
              test_audit_append_only, fixture_teardown);
  g_test_add ("/storage/audit/disabled", Fixture, NULL, fixture_setup,
              test_audit_disabled, fixture_teardown);
  g_test_add ("/storage/backup/plain", Fixture, NULL, fixture_setup,
              test_backup_round_trip, fixture_teardown);
  g_test_add ("/storage/backup/encrypted", Fixture, PASSPHRASE, fixture_setup,
              test_backup_round_trip, fixture_teardown);
  g_test_add ("/storage/backup/unwritable", Fixture, NULL, fixture_setup,
              test_backup_unwritable, fixture_teardown);
  g_test_add ("/storage/verify/broken-reference", Fixture, NULL, fixture_setup,
              test_verify_finds_broken_reference, fixture_teardown);

  return g_test_run ();
}
