/* test-encryption.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Protection at rest: the key design's floor, the recovery drill, tampered
 * evidence, backup and restore, encrypting a plain docket and one of Redress
 * 0.1, and a canary sweep of everything a session leaves on disk.
 */

#include "config.h"
#define _GNU_SOURCE

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "redress-backup.h"
#include "redress-sqlite-private.h"
#include "redress-encrypt.h"
#include "redress-evidence-store.h"
#include "redress-keys.h"
#include "redress-test-util.h"

#define PASSPHRASE     "correct horse battery staple"
#define NEW_PASSPHRASE "a different passphrase, also long"

/* Unique strings that must never be found on disk in plaintext. */
#define CANARY_NAME     "Zqvxlimbrantha"
#define CANARY_FAMILY   "Oxwercumbelt"
#define CANARY_ADDRESS  "17 Quillfeather Yarrowgate"
#define CANARY_MEDICAL  "xylohepatic fibrodysplasia"
#define CANARY_DOB      "2009-11-27"
#define CANARY_FILE     "canary-attachment-Vbnqoprstu"
#define CANARY_PNG      "canary-png-Hjkwertyzx"
#define CANARY_JPEG     "canary-jpeg-Mnbvcqazws"
#define CANARY_SEARCH   "canary-search-Plmoknijbu"

static const char * const canaries[] = {
  CANARY_NAME, CANARY_FAMILY, CANARY_ADDRESS, CANARY_MEDICAL, CANARY_DOB, CANARY_FILE,
  CANARY_PNG, CANARY_JPEG, CANARY_SEARCH, NULL
};

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("redress-crypt-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "docket.redress", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
exec_ok (RedressDatabase *db,
         const char      *sql)
{
  g_autoptr(GError) error = NULL;

  _redress_database_exec (db, sql, &error);
  g_assert_no_error (error);
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

static char *
query_text (RedressDatabase *db,
            const char      *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* A case whose child's name, date of birth, address and a medical term are canaries. */
static void
add_canary_case (RedressDatabase *db)
{
  exec_ok (db, "INSERT INTO case_file (id, kind, reference, title, facts, created_at, updated_at) "
               "VALUES ('case-1', 'communication', 'RDR-CANARY', 'Case of " CANARY_NAME "', "
               "'Diagnosed with " CANARY_MEDICAL "; " CANARY_SEARCH ".', redress_now (), redress_now ())");
  exec_ok (db, "INSERT INTO person (id, given_name, family_name, birth_date, contact, created_at, "
               "updated_at) VALUES ('person-1', '" CANARY_NAME "', '" CANARY_FAMILY "', '" CANARY_DOB
               "', '" CANARY_ADDRESS "', redress_now (), redress_now ())");
  exec_ok (db, "INSERT INTO case_party (id, case_id, person_id, role, created_at, updated_at) "
               "VALUES ('party-1', 'case-1', 'person-1', 'victim', redress_now (), redress_now ())");
}

static GFile *
write_source (const char *dir,
              const char *name,
              const char *contents,
              gsize       len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return g_file_new_for_path (path);
}

static char *
big_contents (gsize len)
{
  char *buf = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    buf[i] = (char) (i * 31 + (i >> 11));
  memcpy (buf + len / 2, CANARY_FILE, strlen (CANARY_FILE));
  return buf;
}

/* {{{ KDF floor */

static void
test_kdf_floor (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *keys = redress_keys_path_for_docket (f->path);
  g_autofree char *kdf = NULL;
  guint64 ops = 0, mem = 0;
  gint64 start;
  GStatBuf st;

  db = redress_database_open (f->path, PASSPHRASE, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_key_kind (db), ==, REDRESS_DATABASE_KEY_WRAPPED);
  g_assert_true (redress_database_get_kdf_parameters (db, &ops, &mem));
  g_assert_cmpuint (ops, >=, REDRESS_KDF_OPSLIMIT_FLOOR);
  g_assert_cmpuint (mem, >=, REDRESS_KDF_MEMLIMIT_FLOOR);
  g_clear_object (&db);

  /* What is stored on disk, read independently of the model. */
  g_assert_true (g_key_file_load_from_file (kf, keys, 0, &error));
  g_assert_no_error (error);
  kdf = g_key_file_get_string (kf, "Slot passphrase", "Kdf", NULL);
  g_assert_cmpstr (kdf, ==, "argon2id13");
  g_assert_cmpuint (g_key_file_get_uint64 (kf, "Slot passphrase", "OpsLimit", NULL), >=, 3);
  g_assert_cmpuint (g_key_file_get_uint64 (kf, "Slot passphrase", "MemLimit", NULL), >=,
                    64 * 1024 * 1024);
  g_assert_cmpint (g_stat (keys, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  /* The database is not SQLite's plain format and the key file has no key in clear. */
  {
    g_autofree char *head = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (f->path, &head, &len, NULL));
    g_assert_cmpuint (len, >, 16);
    g_assert_false (memcmp (head, "SQLite format 3", 15) == 0);
  }

  start = g_get_monotonic_time ();
  db = redress_database_open (f->path, PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  g_test_message ("KDF Argon2id t=%" G_GUINT64_FORMAT " m=%" G_GUINT64_FORMAT " MiB; unlock and open "
                  "took %.3f s", ops, mem / (1024 * 1024),
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
}

/* }}} */
/* {{{ Recovery drill */

static GBytes *
file_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

static void
test_recovery_drill (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keys = redress_keys_path_for_docket (f->path);
  g_autofree char *home = g_build_filename (f->dir, "new-home", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  RedressDatabase *db;
  char *recovery;
  g_autofree char *wrong = NULL;

  db = redress_database_open (f->path, PASSPHRASE, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_canary_case (db);
  g_assert_false (redress_database_has_recovery_key (db));
  recovery = redress_database_new_recovery_key (db, &error);
  g_assert_no_error (error);
  g_assert_true (redress_database_has_recovery_key (db));
  g_assert_true (redress_recovery_key_is_well_formed (recovery));
  /* Eight groups of four. */
  g_assert_cmpuint (strlen (recovery), ==, 39);
  g_assert_finalize_object (db);

  /* The passphrase is forgotten, the keyring is gone, HOME is new. */
  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);

  /* A wrong recovery key opens nothing and changes nothing. */
  before = file_bytes (keys);
  wrong = g_strdup (recovery);
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  db = redress_database_open_with_recovery_key (f->path, wrong, 0, &error);
  g_assert_null (db);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY);
  g_clear_error (&error);
  db = redress_database_open_with_recovery_key (f->path, "not a key", 0, &error);
  g_assert_null (db);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY);
  g_clear_error (&error);
  after = file_bytes (keys);
  g_assert_true (g_bytes_equal (before, after));

  /* The recovery key opens it every time, typed in lower case with spaces too. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *typed = i % 2 == 0 ? g_strdup (recovery)
                                          : g_strdelimit (g_ascii_strdown (recovery, -1), "-", ' ');

      db = redress_database_open_with_recovery_key (f->path, typed, REDRESS_DATABASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE given_name = '" CANARY_NAME "'"),
                       ==, 1);
      g_assert_finalize_object (db);
    }

  /* Then the user sets a new passphrase: the old one fails, the new one works. */
  db = redress_database_open_with_recovery_key (f->path, recovery, 0, &error);
  g_assert_no_error (error);
  g_assert_false (redress_database_change_passphrase (db, "short", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_true (redress_database_change_passphrase (db, NEW_PASSPHRASE, &error));
    g_assert_no_error (error);
    g_test_message ("Passphrase change took %.3f s",
                    (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  }
  g_assert_true (redress_database_check_passphrase (db, NEW_PASSPHRASE, NULL));
  g_assert_false (redress_database_check_passphrase (db, PASSPHRASE, NULL));
  g_assert_true (redress_database_check_recovery_key (db, recovery, NULL));
  g_assert_finalize_object (db);

  db = redress_database_open (f->path, PASSPHRASE, 0, &error);
  g_assert_null (db);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  db = redress_database_open (f->path, NEW_PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_file"), ==, 1);

  /* A new recovery key: the old one stops working. */
  {
    char *second = redress_database_new_recovery_key (db, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (second, !=, recovery);
    g_assert_false (redress_database_check_recovery_key (db, recovery, NULL));
    g_assert_true (redress_database_check_recovery_key (db, second, NULL));
    redress_database_free_secret (second);
  }
  g_assert_finalize_object (db);
  db = redress_database_open_with_recovery_key (f->path, recovery, 0, &error);
  g_assert_null (db);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_RECOVERY_KEY);
  redress_database_free_secret (recovery);
}

/* }}} */
/* {{{ Evidence sealed, tamper */

static guint
count_files_containing (const char *dir,
                        const char *needle,
                        guint      *scanned);

static void
assert_no_sha_names (const char *dir,
                     const char *sha256)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_null (strstr (name, sha256));
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_no_sha_names (path, sha256);
    }
}

static char *
find_sealed (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          char *found = find_sealed (path);

          if (found != NULL)
            return found;
        }
      else if (g_str_has_suffix (name, ".sealed"))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static void
test_tamper (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *evidence = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *content = big_contents (300 * 1024);
  guint scanned = 0;
  int fd;
  guint8 byte;

  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  db = redress_database_open (f->path, PASSPHRASE, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_canary_case (db);
  store = redress_evidence_store_new (db);
  g_assert_true (redress_evidence_store_get_encrypted (store));
  src = write_source (outside, "medical-report.bin", content, 300 * 1024);
  info = redress_evidence_store_add_file (store, "case-1", src, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Nothing on disk names or shows the evidence. */
  evidence = redress_database_get_evidence_dir (db);
  assert_no_sha_names (evidence, info->sha256);
  g_assert_cmpuint (count_files_containing (evidence, CANARY_FILE, &scanned), ==, 0);
  g_assert_cmpuint (scanned, >, 0);

  /* Intact: it verifies and exports byte for byte. */
  report = redress_evidence_store_verify (store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redress_verify_report_is_clean (report));
  g_clear_pointer (&report, redress_verify_report_unref);
  exported = g_build_filename (outside, "exported.bin", NULL);
  dest = g_file_new_for_path (exported);
  g_assert_true (redress_evidence_store_export (store, info->id, dest, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *back = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (exported, &back, &len, NULL));
    g_assert_cmpmem (back, len, content, 300 * 1024);
  }
  g_unlink (exported);

  /* One flipped byte in the middle of the second chunk. */
  sealed = find_sealed (evidence);
  g_assert_nonnull (sealed);
  g_chmod (sealed, 0600);
  fd = g_open (sealed, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pread (fd, &byte, 1, 100 * 1024), ==, 1);
  byte ^= 0x01;
  g_assert_cmpint (pwrite (fd, &byte, 1, 100 * 1024), ==, 1);
  close (fd);

  report = redress_evidence_store_verify (store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (redress_verify_report_is_clean (report));
  g_assert_cmpuint (report->changed, ==, 1);
  {
    RedressEvidenceProblem *p = g_ptr_array_index (report->problems, 0);

    g_assert_cmpstr (p->title, ==, info->title);
    g_assert_cmpint (p->state, ==, REDRESS_EVIDENCE_STATE_CHANGED);
  }

  /* The export is refused, naming the item, and leaves nothing. */
  g_assert_false (redress_evidence_store_export (store, info->id, dest, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, info->title));
  g_clear_error (&error);
  g_assert_false (g_file_test (exported, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GDir) d = g_dir_open (outside, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".redress-export-"));
  }
  /* And so is opening it. */
  g_assert_null (redress_evidence_store_open_original (store, info->id, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, info->title));
}

/* }}} */
/* {{{ Backup and restore */

static char *
audit_digest (RedressDatabase *db)
{
  return query_text (db, "SELECT count(*) || ':' || coalesce (group_concat (seq || at || actor || "
                         "table_name || row_id || coalesce (field, '') || coalesce (old_value, '') || "
                         "coalesce (new_value, '') || op, '|'), '') "
                         "FROM (SELECT * FROM audit_log ORDER BY seq)");
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  const char *passphrase = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup", NULL);
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *restored_path = g_build_filename (f->dir, "restored", "docket.redress", NULL);
  g_autofree char *evidence = NULL;
  g_autofree char *audit_before = NULL;
  g_autofree char *audit_after = NULL;
  g_autofree char *content = big_contents (200 * 1024);
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressEvidenceInfo) a = NULL;
  g_autoptr(RedressEvidenceInfo) b = NULL;
  g_autoptr(GFile) src_a = NULL;
  g_autoptr(GFile) src_b = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  RedressDatabase *db;
  gint64 cases;

  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  db = redress_database_open (f->path, passphrase, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_canary_case (db);
  store = redress_evidence_store_new (db);
  src_a = write_source (outside, "statement.txt", "The child said " CANARY_NAME, -1);
  src_b = write_source (outside, "video.bin", content, 200 * 1024);
  a = redress_evidence_store_add_file (store, "case-1", src_a, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  b = redress_evidence_store_add_file (store, "case-1", src_b, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  cases = query_int (db, "SELECT count(*) FROM case_file");
  audit_before = audit_digest (db);

  g_assert_true (redress_database_backup (db, backup, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_DIR));
  if (passphrase != NULL)
    {
      guint scanned = 0;

      g_assert_cmpuint (count_files_containing (backup, CANARY_NAME, &scanned), ==, 0);
      g_assert_cmpuint (count_files_containing (backup, CANARY_FILE, &scanned), ==, 0);
    }
  g_clear_object (&store);
  redress_database_close (db);
  g_assert_finalize_object (db);

  /* The docket is lost: its file, key file and evidence. */
  evidence = g_build_filename (f->dir, "evidence", NULL);
  {
    g_autofree char *keys = redress_keys_path_for_docket (f->path);

    g_unlink (f->path);
    g_unlink (keys);
    redress_test_rm_rf (evidence);
  }

  db = redress_database_restore (backup, restored_path, passphrase, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM case_file"), ==, cases);
  audit_after = audit_digest (db);
  g_assert_cmpstr (audit_after, ==, audit_before);
  store = redress_evidence_store_new (db);
  report = redress_evidence_store_verify (store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redress_verify_report_is_clean (report));
  g_assert_cmpuint (report->checked, ==, 2);
  {
    g_autofree char *out = g_build_filename (outside, "back.bin", NULL);
    g_autoptr(GFile) dest = g_file_new_for_path (out);
    g_autofree char *back = NULL;
    gsize len = 0;

    g_assert_true (redress_evidence_store_export (store, b->id, dest, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (out, &back, &len, NULL));
    g_assert_cmpmem (back, len, content, 200 * 1024);
  }
  g_clear_object (&store);
  g_assert_finalize_object (db);

  /* A restore over an existing docket is refused. */
  g_assert_null (redress_database_restore (backup, restored_path, passphrase, NULL, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* A damaged backup is refused, and leaves nothing. */
  {
    g_autofree char *sealed = passphrase != NULL ? find_sealed (backup) : NULL;
    g_autofree char *other = g_build_filename (f->dir, "other", "docket.redress", NULL);

    if (sealed != NULL)
      {
        int fd;
        guint8 byte = 0;

        g_chmod (sealed, 0600);
        fd = g_open (sealed, O_RDWR, 0);
        g_assert_cmpint (pread (fd, &byte, 1, 40), ==, 1);
        byte ^= 0x80;
        g_assert_cmpint (pwrite (fd, &byte, 1, 40), ==, 1);
        close (fd);
        g_assert_null (redress_database_restore (backup, other, passphrase, NULL, NULL, &error));
        g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CORRUPT);
        g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
      }
  }
}

/* }}} */
/* {{{ Encrypting a plain docket, and one of Redress 0.1 */

static void
test_encrypt_plain (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *evidence = g_build_filename (f->dir, "evidence", NULL);
  g_autofree char *content = big_contents (150 * 1024);
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(RedressVerifyReport) report = NULL;
  g_autoptr(GFile) src = NULL;
  g_autofree char *audit_before = NULL;
  g_autofree char *audit_after = NULL;
  char *recovery = NULL;
  RedressDatabase *db;
  guint scanned = 0;

  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_key_kind (db), ==, REDRESS_DATABASE_KEY_NONE);
  add_canary_case (db);
  store = redress_evidence_store_new (db);
  g_assert_false (redress_evidence_store_get_encrypted (store));
  src = write_source (outside, "report.bin", content, 150 * 1024);
  info = redress_evidence_store_add_file (store, "case-1", src, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Plain docket: plain evidence, as before. */
  g_assert_cmpuint (count_files_containing (evidence, CANARY_FILE, &scanned), ==, 1);
  audit_before = audit_digest (db);
  g_clear_object (&store);
  g_assert_finalize_object (db);

  g_assert_false (redress_docket_encrypt (f->path, NULL, "short", NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (redress_docket_encrypt (f->path, NULL, PASSPHRASE, &recovery, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (redress_recovery_key_is_well_formed (recovery));

  /* Nothing in plaintext is left: database, evidence, names. */
  g_assert_cmpuint (count_files_containing (f->dir, CANARY_FILE, &scanned), ==, 1);  /* outside/ */
  g_assert_cmpuint (count_files_containing (evidence, CANARY_FILE, &scanned), ==, 0);
  g_assert_cmpuint (count_files_containing (evidence, CANARY_NAME, &scanned), ==, 0);
  g_assert_cmpuint (count_files_containing (f->path, CANARY_NAME, &scanned), ==, 0);
  assert_no_sha_names (evidence, info->sha256);

  db = redress_database_open (f->path, NULL, 0, &error);
  g_assert_null (db);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE);
  g_clear_error (&error);
  db = redress_database_open_with_recovery_key (f->path, recovery, 0, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  db = redress_database_open (f->path, PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_key_kind (db), ==, REDRESS_DATABASE_KEY_WRAPPED);
  audit_after = audit_digest (db);
  g_assert_cmpstr (audit_after, ==, audit_before);
  store = redress_evidence_store_new (db);
  report = redress_evidence_store_verify (store, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (redress_verify_report_is_clean (report));
  g_assert_cmpuint (report->checked, ==, 1);
  /* Search still works on the encrypted copy. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_index WHERE search_index MATCH '\""
                                  CANARY_SEARCH "\"'"), ==, 1);
  redress_database_free_secret (recovery);

  /* Encrypting again is refused. */
  g_clear_object (&store);
  g_assert_finalize_object (db);
  g_assert_false (redress_docket_encrypt (f->path, PASSPHRASE, PASSPHRASE, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
}

static void
test_encrypt_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *keys = redress_keys_path_for_docket (f->path);
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(GFile) src = NULL;
  RedressDatabase *db;

  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  db = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  add_canary_case (db);
  store = redress_evidence_store_new (db);
  src = write_source (outside, "a.txt", CANARY_FILE, -1);
  info = redress_evidence_store_add_file (store, "case-1", src, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_finalize_object (db);

  /* Cancelled: the docket is as it was, plain, with its evidence. */
  g_cancellable_cancel (cancellable);
  g_assert_false (redress_docket_encrypt (f->path, NULL, PASSPHRASE, NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (keys, G_FILE_TEST_EXISTS));
  db = redress_database_open (f->path, NULL, 0, &error);
  g_assert_no_error (error);
  store = redress_evidence_store_new (db);
  {
    g_autoptr(RedressVerifyReport) report = redress_evidence_store_verify (store, NULL, NULL, NULL, NULL,
                                                                           NULL, &error);

    g_assert_no_error (error);
    g_assert_true (redress_verify_report_is_clean (report));
  }
  {
    g_autofree char *evidence = redress_database_get_evidence_dir (db);
    g_autofree char *sealed = find_sealed (evidence);

    g_assert_null (sealed);
  }
  g_clear_object (&store);
  g_assert_finalize_object (db);
}

static void
test_encrypt_legacy (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RedressDatabase *db;
  sqlite3 *raw = NULL;
  char *recovery = NULL;

  /* A docket of Redress 0.1: SQLCipher keyed with the passphrase itself. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_key (raw, PASSPHRASE, strlen (PASSPHRASE)), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE probe (x); DROP TABLE probe;", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (raw);

  db = redress_database_open (f->path, PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_key_kind (db), ==, REDRESS_DATABASE_KEY_PASSPHRASE);
  g_assert_true (redress_database_get_encrypted (db));
  g_assert_true (redress_database_check_passphrase (db, PASSPHRASE, NULL));
  g_assert_false (redress_database_change_passphrase (db, NEW_PASSPHRASE, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  add_canary_case (db);
  g_assert_finalize_object (db);

  g_assert_true (redress_docket_encrypt (f->path, PASSPHRASE, NEW_PASSPHRASE, &recovery, NULL, NULL,
                                         NULL, &error));
  g_assert_no_error (error);
  db = redress_database_open (f->path, NEW_PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redress_database_get_key_kind (db), ==, REDRESS_DATABASE_KEY_WRAPPED);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_finalize_object (db);
  redress_database_free_secret (recovery);
}

/* }}} */
/* {{{ Canary sweep */

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

  if (mapped == NULL || g_mapped_file_get_length (mapped) == 0)
    return FALSE;
  return memmem (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped),
                 needle, strlen (needle)) != NULL;
}

/* Like grep -a -r -F -l NEEDLE PATH | wc -l. */
static guint
count_files_containing (const char *path,
                        const char *needle,
                        guint      *scanned)
{
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint hits = 0;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return 0;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      (*scanned)++;
      if (file_contains (path, needle))
        {
          g_test_message ("“%s” found in %s", needle, path);
          return 1;
        }
      return 0;
    }
  d = g_dir_open (path, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      hits += count_files_containing (child, needle, scanned);
    }
  return hits;
}

static int
run_cli (char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("REDRESS_CLI"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  /* Every debug message on: none may hold the passphrase or case data. */
  envp = g_environ_setenv (g_get_environ (), "G_MESSAGES_DEBUG", "all", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, out, &err, &status,
                &error);
  g_assert_no_error (error);
  /* Nothing of the case, and no passphrase, in what a log would keep. */
  for (guint i = 0; canaries[i] != NULL; i++)
    g_assert_null (err != NULL ? strstr (err, canaries[i]) : NULL);
  g_assert_null (err != NULL ? strstr (err, PASSPHRASE) : NULL);
  g_assert_null (*out != NULL ? strstr (*out, PASSPHRASE) : NULL);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_canary_sweep (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_build_filename (f->dir, "home", NULL);
  g_autofree char *runtime = g_build_filename (f->dir, "runtime", NULL);
  g_autofree char *tmp = g_build_filename (f->dir, "tmp", NULL);
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *docket_dir = g_build_filename (f->dir, "dockets", NULL);
  g_autofree char *docket = g_build_filename (docket_dir, "cases.redress", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "backup", NULL);
  g_autofree char *pass = g_build_filename (outside, "pass", NULL);
  g_autofree char *recovery_file = g_build_filename (outside, "recovery", NULL);
  g_autofree char *txt = g_build_filename (outside, "statement.txt", NULL);
  g_autofree char *png = g_build_filename (outside, "photo.png", NULL);
  g_autofree char *jpg = g_build_filename (outside, "scan.jpg", NULL);
  g_autofree char *exported = g_build_filename (outside, "exported.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *item = NULL;
  const char * const swept[] = { docket_dir, backup, home, runtime, tmp, NULL };
  RedressDatabase *db;
  guint scanned = 0;
  guint hits = 0;

  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (g_mkdir_with_parents (swept[i], 0700), ==, 0);
  g_assert_cmpint (g_rmdir (backup), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_setenv ("TMPDIR", tmp, TRUE);

  g_assert_true (g_file_set_contents (pass, PASSPHRASE "\n", -1, NULL));
  g_assert_true (g_file_set_contents (txt, "Statement of " CANARY_NAME " " CANARY_FILE, -1, NULL));
  g_assert_true (g_file_set_contents (png, "\x89PNG\r\n\x1a\n tEXt " CANARY_PNG, -1, NULL));
  g_assert_true (g_file_set_contents (jpg, "\xff\xd8\xff\xe0 JFIF " CANARY_JPEG, -1, NULL));

  /* An encrypted docket from the command line; the recovery key to a file. */
  g_assert_cmpint (run_cli (&out, "--docket", docket, "--passphrase-file", pass, "init",
                            "--recovery-key-out", recovery_file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "encrypted"));
  g_clear_pointer (&out, g_free);

  /* The case (the model's API: the command line has no case editor). */
  db = redress_database_open (docket, PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  add_canary_case (db);
  g_assert_finalize_object (db);

  g_assert_cmpint (run_cli (&out, "--docket", docket, "--passphrase-file", pass, "evidence", "add",
                            "RDR-CANARY", txt, png, jpg, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "--passphrase-file", pass, "search",
                            CANARY_SEARCH, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "RDR-CANARY"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "--passphrase-file", pass, "evidence", "list",
                            "RDR-CANARY", "--json", NULL), ==, 0);
  {
    const char *p = strstr (out, "\"id\"");

    g_assert_nonnull (p);
    p = strchr (p + 4, '"');
    item = g_strndup (p + 1, strchr (p + 1, '"') - p - 1);
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "--passphrase-file", pass, "evidence", "export",
                            item, exported, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "--passphrase-file", pass, "backup", backup, NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "--passphrase-file", pass, "verify", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "--recovery-key-file", recovery_file, "list",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "RDR-CANARY"));
  g_clear_pointer (&out, g_free);
  /* The docket opened with evidence viewed through the model: a private
   * copy that is wiped at close. */
  db = redress_database_open (docket, PASSPHRASE, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (db);
    g_autofree char *viewed = redress_evidence_store_open_original (store, item, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (viewed, runtime));
    g_assert_true (file_contains (viewed, CANARY_NAME) || file_contains (viewed, CANARY_PNG) ||
                   file_contains (viewed, CANARY_JPEG));
  }
  redress_database_close (db);
  g_assert_finalize_object (db);

  /* The exported file holds what the user asked for. */
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));

  for (guint i = 0; swept[i] != NULL; i++)
    for (guint c = 0; canaries[c] != NULL; c++)
      hits += count_files_containing (swept[i], canaries[c], &scanned);
  g_test_message ("Canary sweep: %u canaries over %u file reads (%u files), %u hits",
                  g_strv_length ((char **) canaries), scanned,
                  scanned / g_strv_length ((char **) canaries), hits);
  g_assert_cmpuint (hits, ==, 0);
  g_assert_cmpuint (scanned, >, 0);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First: the process's private folder is made under the XDG_RUNTIME_DIR it sets. */
  g_test_add ("/encryption/canary-sweep-cli", Fixture, NULL, fixture_setup, test_canary_sweep,
              fixture_teardown);
  g_test_add ("/encryption/kdf-floor", Fixture, NULL, fixture_setup, test_kdf_floor, fixture_teardown);
  g_test_add ("/encryption/recovery-drill", Fixture, NULL, fixture_setup, test_recovery_drill,
              fixture_teardown);
  g_test_add ("/encryption/tamper", Fixture, NULL, fixture_setup, test_tamper, fixture_teardown);
  g_test_add ("/encryption/backup-restore/encrypted", Fixture, PASSPHRASE, fixture_setup,
              test_backup_restore, fixture_teardown);
  g_test_add ("/encryption/backup-restore/plain", Fixture, NULL, fixture_setup, test_backup_restore,
              fixture_teardown);
  g_test_add ("/encryption/encrypt/plain", Fixture, NULL, fixture_setup, test_encrypt_plain,
              fixture_teardown);
  g_test_add ("/encryption/encrypt/cancelled", Fixture, NULL, fixture_setup, test_encrypt_cancelled,
              fixture_teardown);
  g_test_add ("/encryption/encrypt/legacy", Fixture, NULL, fixture_setup, test_encrypt_legacy,
              fixture_teardown);

  return g_test_run ();
}
