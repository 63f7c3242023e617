/* test-reference.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundled ratification data and rights catalogue, OP3 entry into force by
 * art 19, and importing a newer States file.
 */

#include "config.h"

#include <string.h>

#include "procedure-fixture.h"
#include "redress-csv.h"
#include "redress-deadline-rules.h"
#include "redress-reference.h"
#include "redress-sqlite-private.h"

static char *
read_data (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("REDRESS_SRCDIR"), "data", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Data rows: lines that are not empty, minus the header (no field of these
 * files holds a line break). */
static guint
count_rows (const char *name)
{
  g_autofree char *text = read_data (name);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 1; lines[i] != NULL; i++)
    n += *lines[i] != '\0';
  return n;
}

static void
test_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (redress_reference_get_n_states (ref), ==, count_rows ("states.csv"));
  g_assert_cmpuint (redress_reference_get_n_states (ref), ==, 197);
  g_assert_cmpuint (redress_reference_get_n_rights (ref), ==, count_rows ("rights.csv"));
  g_assert_cmpuint (redress_reference_get_n_rights (ref), ==, 73);
  g_assert_cmpuint (redress_deadline_rules_get_n_rules (), ==, count_rows ("deadlines.csv"));
  g_assert_cmpstr (redress_reference_get_origin (ref), ==, "bundled");
  g_assert_cmpstr (redress_reference_get_data_as_of (ref), ==, "2024-09-25");
}

/* Each row's statuses carry their own source date (domain.md §4.1), and the
 * six 2022 signatories of §4.2 are the States whose OP3 status may be stale. */
static void
test_row_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);
  guint stale = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < redress_reference_get_n_states (ref); i++)
    {
      const RedressStateRecord *r = redress_reference_get_state (ref, i);

      if (!r->op3_status_may_be_stale)
        continue;
      stale++;
      g_assert_cmpint (r->status[REDRESS_TREATY_OP3], ==, REDRESS_TREATY_STATUS_SIGNATORY);
      g_assert_true (g_strv_contains ((const char * const[]) { "MA", "MK", "PL", "RO", "SN", "RS", NULL }, r->code));
    }
  g_assert_cmpuint (stale, ==, 6);

  g_assert_cmpstr (redress_reference_lookup_state (ref, "MA")->status_as_of[REDRESS_TREATY_OP3], ==, "2022-05-29");
  g_assert_cmpstr (redress_reference_lookup_state (ref, "DE")->status_as_of[REDRESS_TREATY_OP3], ==, "2024-09-25");
  g_assert_cmpstr (redress_reference_lookup_state (ref, "DE")->status_as_of[REDRESS_TREATY_CRC], ==, "2022-05-29");
  g_assert_cmpstr (redress_reference_lookup_state (ref, "DE")->status_as_of[REDRESS_TREATY_OPSC], ==, "2022-06-13");
  g_assert_cmpstr (redress_reference_lookup_state (ref, "FR")->status_as_of[REDRESS_TREATY_OPSC], ==, "2024-09-25");
  g_assert_cmpstr (redress_reference_lookup_state (ref, "US")->status_as_of[REDRESS_TREATY_OP3], ==, "2022-05-29");
  g_assert_false (redress_reference_lookup_state (ref, "US")->op3_status_may_be_stale);
  g_assert_false (redress_reference_lookup_state (ref, "GH")->op3_status_may_be_stale);
}

static void
test_parties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);
  guint op3_parties = 0, crc_parties = 0;

  for (guint i = 0; i < redress_reference_get_n_states (ref); i++)
    {
      const RedressStateRecord *s = redress_reference_get_state (ref, i);

      op3_parties += s->status[REDRESS_TREATY_OP3] == REDRESS_TREATY_STATUS_PARTY;
      crc_parties += s->status[REDRESS_TREATY_CRC] == REDRESS_TREATY_STATUS_PARTY;
    }
  /* domain.md §4.2: 196 CRC parties; 50 OP3 parties in the file. */
  g_assert_cmpuint (crc_parties, ==, 196);
  g_assert_cmpuint (op3_parties, ==, 50);

  g_assert_cmpint (redress_reference_lookup_state (ref, "US")->status[REDRESS_TREATY_CRC], ==,
                   REDRESS_TREATY_STATUS_SIGNATORY);
  g_assert_cmpint (redress_reference_lookup_state (ref, "ie")->status[REDRESS_TREATY_OPSC], ==,
                   REDRESS_TREATY_STATUS_SIGNATORY);
  g_assert_cmpstr (redress_reference_lookup_state (ref, "BE")->art13_optout, ==, "no");
  g_assert_cmpstr (redress_reference_lookup_state (ref, "DE")->art13_optout, ==, "");
  g_assert_null (redress_reference_lookup_state (ref, "XX"));
  g_assert_null (redress_reference_lookup_state (ref, NULL));
}

/* Art 19 [V]: 14 April 2014, or three months after the deposit. */
static void
test_entry_into_force (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);
  static const struct {
    const char *code;
    const char *eif;
    const char *earliest;
    const char *latest;
  } cases[] = {
    { "DE", "2014-04-14", "2014-04-14", "2014-04-14" },  /* deposit 2013-02-28, among the first ten */
    { "IE", "2014-12-24", "2014-12-24", "2014-12-24" },  /* deposit 2014-09-24 */
    { "CH", "2017-07-24", "2017-07-24", "2017-07-24" },  /* deposit 2017-04-24 */
    { "KZ", "2024-05-07", "2024-05-07", "2024-05-07" },
    { "TH", "2014-04-14", "2014-04-14", "2014-04-14" },  /* year only (2012): still exact */
    { "MN", NULL, "2015-04-01", "2016-03-31" },          /* year only (2015): a range */
    { "US", NULL, NULL, NULL },
  };
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RedressStateRecord *s = redress_reference_lookup_state (ref, cases[i].code);

      g_assert_cmpstr (s->op3_eif, ==, cases[i].eif);
      g_assert_cmpstr (s->op3_eif_earliest, ==, cases[i].earliest);
      g_assert_cmpstr (s->op3_eif_latest, ==, cases[i].latest);
    }

  /* Wherever the file lists an entry into force and an exact deposit date,
   * art 19 computes the same date. */
  for (guint i = 0; i < redress_reference_get_n_states (ref); i++)
    {
      const RedressStateRecord *s = redress_reference_get_state (ref, i);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (*s->op3_eif_listed == '\0' || strlen (s->dates[REDRESS_TREATY_OP3]) != 10)
        continue;
      g_assert_true (redress_reference_compute_op3_eif (s->dates[REDRESS_TREATY_OP3], &a, &b));
      g_test_message ("%s deposit %s", s->code, s->dates[REDRESS_TREATY_OP3]);
      g_assert_cmpstr (a, ==, s->op3_eif_listed);
      g_assert_cmpstr (b, ==, s->op3_eif_listed);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 30);
}

static void
test_rights (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);

  g_assert_cmpstr (redress_reference_lookup_right (ref, "CRC", "37(a)")->kind, ==, "right");
  g_assert_cmpstr (redress_reference_lookup_right (ref, "OP3", "6")->kind, ==, "procedural_obligation");
  g_assert_cmpstr (redress_reference_lookup_right (ref, "OPSC", "15")->kind, ==, "final_clause");
  g_assert_null (redress_reference_lookup_right (ref, "CRC", "44"));
  g_assert_null (redress_reference_lookup_right (ref, "ICCPR", "7"));
  g_assert_null (redress_reference_lookup_right (ref, "CRC", "art"));
}

/* data/rights.fr.csv and rights.es.csv translate every article of rights.csv,
 * in the same order, with a title each. */
static void
test_title_files (void)
{
  static const char * const files[] = { "rights.fr.csv", "rights.es.csv" };
  g_autoptr(GError) error = NULL;
  g_autofree char *english_text = read_data ("rights.csv");
  g_autoptr(GPtrArray) english = redress_csv_parse (english_text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (english->len, ==, 74);
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *text = read_data (files[f]);
      g_autoptr(GPtrArray) rows = redress_csv_parse (text, -1, &error);
      GStrv header;

      g_assert_no_error (error);
      header = g_ptr_array_index (rows, 0);
      g_assert_cmpint (redress_csv_column (header, "treaty"), ==, 0);
      g_assert_cmpint (redress_csv_column (header, "article"), ==, 1);
      g_assert_cmpint (redress_csv_column (header, "short_title"), ==, 2);
      g_assert_cmpuint (rows->len, ==, english->len);
      for (guint i = 1; i < rows->len; i++)
        {
          GStrv row = g_ptr_array_index (rows, i);
          GStrv en = g_ptr_array_index (english, i);
          g_autofree char *stripped = NULL;

          g_test_message ("%s line %u", files[f], i + 1);
          g_assert_cmpuint (g_strv_length (row), ==, 3);
          g_assert_cmpstr (row[0], ==, en[0]);
          g_assert_cmpstr (row[1], ==, en[1]);
          stripped = g_strstrip (g_strdup (row[2]));
          g_assert_cmpstr (stripped, !=, "");
          g_assert_cmpstr (stripped, ==, row[2]);
          g_assert_true (g_utf8_validate (row[2], -1, NULL));
        }
    }
}

/* Article titles in the language of the document, English otherwise. */
static void
test_right_titles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);
  const RedressRightRecord *crc3, *crc12, *opic6;

  g_assert_no_error (error);
  crc3 = redress_reference_lookup_right (ref, "CRC", "3");
  crc12 = redress_reference_lookup_right (ref, "CRC", "12");
  opic6 = redress_reference_lookup_right (ref, "OP3", "6");

  g_assert_cmpstr (redress_reference_get_right_title (ref, crc3, "en"), ==, crc3->short_title);
  g_assert_true (g_str_has_prefix (redress_reference_get_right_title (ref, crc3, "fr"),
                                   "Intérêt supérieur de l’enfant"));
  g_assert_true (g_str_has_prefix (redress_reference_get_right_title (ref, crc3, "es"),
                                   "Interés superior del niño"));
  g_assert_nonnull (strstr (redress_reference_get_right_title (ref, crc12, "fr"), "droit d’être entendu"));
  g_assert_nonnull (strstr (redress_reference_get_right_title (ref, crc12, "es"), "a ser escuchado"));
  g_assert_cmpstr (redress_reference_get_right_title (ref, opic6, "es"), ==,
                   "Cumplimiento de las medidas provisionales solicitadas por el Comité");
  g_assert_cmpstr (redress_reference_get_right_title (ref, opic6, "fr"), ==,
                   "Respect des mesures provisoires demandées par le Comité");
  /* A locale name picks its language. */
  g_assert_cmpstr (redress_reference_get_right_title (ref, opic6, "fr_BE.UTF-8"), ==,
                   redress_reference_get_right_title (ref, opic6, "fr"));
  /* Unknown languages and none fall back to English. */
  g_assert_cmpstr (redress_reference_get_right_title (ref, crc3, "de"), ==, crc3->short_title);
  g_assert_cmpstr (redress_reference_get_right_title (ref, crc3, "fra"), ==, crc3->short_title);
  g_assert_cmpstr (redress_reference_get_right_title (ref, crc3, NULL), ==, crc3->short_title);

  /* Every article has its translated title, never the English one. */
  for (guint i = 0; i < redress_reference_get_n_rights (ref); i++)
    {
      const RedressRightRecord *r = redress_reference_get_right (ref, i);

      g_assert_cmpstr (redress_reference_get_right_title (ref, r, "fr"), !=, r->short_title);
      g_assert_cmpstr (redress_reference_get_right_title (ref, r, "es"), !=, r->short_title);
    }
}

static guint
count_imports (Docket *d)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (d->db, "SELECT count(*) FROM ref_data_import", &error);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return (guint) sqlite3_column_int (stmt, 0);
}

static void
test_import (Docket        *d,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_data ("states.csv");
  g_autoptr(GString) csv = g_string_new (text);
  g_autoptr(RedressReference) before = redress_reference_load (d->db, &error);
  g_autoptr(RedressReference) after = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  static const struct {
    const char *from;
    const char *to;
    const char *message;
  } bad[] = {
    { "iso3166_alpha2,", "code,", "iso3166_alpha2" },
    { "\nDE,Germany,", "\nDEU,Germany,", "DEU" },
    { "\nFR,France,", "\nDE,France,", "appears twice" },
    { ",party,party,party,party,2014-04-14,", ",party,party,party,maybe,2014-04-14,", "maybe" },
    { "2013-02-28,,party", "28.02.2013,,party", "28.02.2013" },
    { "2014-05-30,no,", "2014-05-30,nope,", "nope" },
    { "2014-08-30,crc", "30/08/2014,crc", "30/08/2014" },
  };

  g_assert_no_error (error);
  g_assert_cmpstr (redress_reference_get_origin (before), ==, "bundled");

  /* Every bad file is refused with the line, and records nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) broken = g_string_new (text);

      g_assert_cmpuint (g_string_replace (broken, bad[i].from, bad[i].to, 1), ==, 1);
      g_assert_false (redress_reference_import_states (d->db, broken->str, -1, "bad.csv", "2026-10-01", &error));
      g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_clear_error (&error);
    }
  g_assert_false (redress_reference_import_states (d->db, text, -1, "ok.csv", "October 2026", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_imports (d), ==, 0);

  /* Mongolia's exact date becomes known. */
  g_assert_cmpuint (g_string_replace (csv, "MN,Mongolia,1990,2003,2004,2015,", "MN,Mongolia,1990,2003,2004,2015-06-08,", 1),
                    ==, 1);
  g_assert_true (redress_reference_import_states (d->db, csv->str, (gssize) csv->len, "states-2026-10.csv",
                                                  "2026-10-01", &error));
  g_assert_no_error (error);
  after = redress_reference_load (d->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redress_reference_get_data_as_of (after), ==, "2026-10-01");
  g_assert_true (g_str_has_prefix (redress_reference_get_origin (after), "imported "));
  g_assert_cmpstr (redress_reference_lookup_state (after, "MN")->op3_eif, ==, "2015-09-08");
  g_assert_cmpuint (redress_reference_get_n_states (after), ==, 197);

  stmt = _redress_database_prepare (d->db,
                                    "SELECT actor, source_name, rows, previous_as_of, new_as_of, length (sha256) "
                                    "FROM ref_data_import", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Test Runner");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "states-2026-10.csv");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 197);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "2024-09-25");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "2026-10-01");
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reference/counts", test_counts);
  g_test_add_func ("/reference/parties", test_parties);
  g_test_add_func ("/reference/row-dates", test_row_dates);
  g_test_add_func ("/reference/entry-into-force", test_entry_into_force);
  g_test_add_func ("/reference/rights", test_rights);
  g_test_add_func ("/reference/title-files", test_title_files);
  g_test_add_func ("/reference/right-titles", test_right_titles);
  g_test_add ("/reference/import", Docket, NULL, docket_setup, test_import, docket_teardown);

  return g_test_run ();
}
