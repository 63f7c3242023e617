/* test-admissibility.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every ground both ways: a communication that passes everything, and one
 * change at a time that makes a ground fail, need an argument or be unknown.
 */

#include "config.h"

#include <string.h>

#include "procedure-fixture.h"
#include "redress-admissibility.h"
#include "redress-demo.h"
#include "redress-reference.h"

#define TODAY "2024-07-01"

static const char * const communication_grounds[] = {
  "art1.3", "art1.2", "art5", "7a", "7b", "7c", "7d", "7e", "7f", "7g", "7h", "art20", "age", NULL
};

/* $C is replaced by the quoted id of the good communication. */
static const struct {
  const char          *name;
  const char          *sql;
  const char          *ground;
  RedressGroundStatus  expected;
  const char          *citation_part;
} cases[] = {
  { "art1.3-not-party", "UPDATE case_file SET state_code = 'US' WHERE id = $C",
    "art1.3", REDRESS_GROUND_FAIL, "OP3 art 1(3)" },
  { "art1.3-signatory", "UPDATE case_file SET state_code = 'GH' WHERE id = $C",
    "art1.3", REDRESS_GROUND_FAIL, "OP3 art 1(3)" },
  { "art1.3-before-eif", "UPDATE case_file SET state_code = 'KZ', submitted_on = '2024-03-01' WHERE id = $C",
    "art1.3", REDRESS_GROUND_FAIL, "art 19" },
  { "art1.3-no-state", "UPDATE case_file SET state_code = '' WHERE id = $C",
    "art1.3", REDRESS_GROUND_UNKNOWN, "OP3 art 1(3)" },
  { "art1.3-year-only", "UPDATE case_file SET state_code = 'MN', submitted_on = '2015-06-01' WHERE id = $C",
    "art1.3", REDRESS_GROUND_UNKNOWN, "OP3 art 1(3)" },
  { "art1.3-year-only-later", "UPDATE case_file SET state_code = 'MN' WHERE id = $C",
    "art1.3", REDRESS_GROUND_PASS, "OP3 art 1(3)" },
  { "art1.2-opsc-not-party",
    "UPDATE case_file SET state_code = 'IE' WHERE id = $C; UPDATE violation SET treaty = 'OPSC' WHERE case_id = $C",
    "art1.2", REDRESS_GROUND_FAIL, "OP3 art 1(2)" },
  { "art1.2-opsc-party", "UPDATE violation SET treaty = 'OPSC' WHERE case_id = $C",
    "art1.2", REDRESS_GROUND_PASS, "OP3 art 1(2)" },
  { "art1.2-opac-unknown",
    "UPDATE case_file SET state_code = 'PS' WHERE id = $C; UPDATE violation SET treaty = 'OPAC' WHERE case_id = $C",
    "art1.2", REDRESS_GROUND_UNKNOWN, "OP3 art 1(2)" },
  { "art5-no-victim", "DELETE FROM case_party WHERE case_id = $C AND role = 'victim'",
    "art5", REDRESS_GROUND_FAIL, "OP3 art 5" },
  { "art5-no-author", "DELETE FROM case_party WHERE case_id = $C AND role = 'author'",
    "art5", REDRESS_GROUND_FAIL, "OP3 art 5" },
  { "art5-refused", "UPDATE case_party SET consent_given = 0 WHERE case_id = $C AND role = 'victim'",
    "art5", REDRESS_GROUND_FAIL, "OP3 art 5" },
  { "art5-justified",
    "UPDATE case_party SET consent_given = 0, no_consent_justification = 'The child is three years old.' "
    "WHERE case_id = $C AND role = 'victim'",
    "art5", REDRESS_GROUND_NEEDS_ARGUMENT, "art 5(1)-(2)" },
  { "art5-not-recorded", "UPDATE case_party SET consent_given = NULL WHERE case_id = $C AND role = 'victim'",
    "art5", REDRESS_GROUND_UNKNOWN, "OP3 art 5" },
  { "art5-victim-is-author",
    "UPDATE case_party SET consent_given = NULL WHERE case_id = $C AND role = 'victim';"
    "UPDATE case_party SET person_id = (SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim') "
    "WHERE case_id = $C AND role = 'author'",
    "art5", REDRESS_GROUND_PASS, "OP3 art 5" },
  { "7a-nameless",
    "UPDATE person SET given_name = '', family_name = '', alias = 'X' WHERE id IN "
    "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim')",
    "7a", REDRESS_GROUND_FAIL, "OP3 art 7(a)" },
  { "7a-no-disclosure",
    "UPDATE case_party SET consent_disclose_identity = 0 WHERE case_id = $C AND role = 'victim'",
    "7a", REDRESS_GROUND_FAIL, "OP3 art 7(a)" },
  { "7a-disclosure-unknown",
    "UPDATE case_party SET consent_disclose_identity = NULL WHERE case_id = $C AND role = 'victim'",
    "7a", REDRESS_GROUND_UNKNOWN, "OP3 art 7(a)" },
  { "7b-oral", "UPDATE case_file SET in_writing = 0 WHERE id = $C", "7b", REDRESS_GROUND_FAIL, "OP3 art 7(b)" },
  { "7b-unknown", "UPDATE case_file SET in_writing = NULL WHERE id = $C",
    "7b", REDRESS_GROUND_UNKNOWN, "OP3 art 7(b)" },
  { "7c-no-such-article", "UPDATE violation SET article = '99' WHERE case_id = $C AND article = '37'",
    "7c", REDRESS_GROUND_FAIL, "OP3 art 7(c)" },
  { "7c-final-clause",
    "UPDATE violation SET treaty = 'OPSC', article = '15' WHERE case_id = $C AND article = '37'",
    "7c", REDRESS_GROUND_FAIL, "OP3 art 7(c)" },
  { "7c-general-measure-alone", "UPDATE violation SET article = '4' WHERE case_id = $C",
    "7c", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 7(c)" },
  { "7c-paragraph-path", "UPDATE violation SET article = '37(a)' WHERE case_id = $C AND article = '37'",
    "7c", REDRESS_GROUND_PASS, "OP3 art 7(c)" },
  { "7d-same-matter", "INSERT INTO other_procedure (id, case_id, body, same_matter, created_at, updated_at) "
                      "VALUES ('op1', $C, 'European Court of Human Rights', 1, 'x', 'x')",
    "7d", REDRESS_GROUND_FAIL, "OP3 art 7(d)" },
  { "7d-not-assessed", "INSERT INTO other_procedure (id, case_id, body, same_matter, created_at, updated_at) "
                       "VALUES ('op1', $C, 'Human Rights Committee', NULL, 'x', 'x')",
    "7d", REDRESS_GROUND_UNKNOWN, "OP3 art 7(d)" },
  { "7d-other-matter", "INSERT INTO other_procedure (id, case_id, body, same_matter, created_at, updated_at) "
                       "VALUES ('op1', $C, 'Human Rights Committee', 0, 'x', 'x')",
    "7d", REDRESS_GROUND_PASS, "OP3 art 7(d)" },
  { "7e-no-remedy", "DELETE FROM domestic_remedy WHERE case_id = $C", "7e", REDRESS_GROUND_FAIL, "OP3 art 7(e)" },
  { "7e-pending", "UPDATE domestic_remedy SET is_final = 0 WHERE case_id = $C",
    "7e", REDRESS_GROUND_FAIL, "OP3 art 7(e)" },
  { "7e-excused",
    "DELETE FROM domestic_remedy WHERE case_id = $C;"
    "UPDATE case_file SET remedies_excuse = 'No remedy against the deportation order has suspensive effect.' "
    "WHERE id = $C",
    "7e", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 7(e)" },
  { "7e-not-pursued-ineffective",
    "UPDATE domestic_remedy SET is_final = 0, not_pursued_reason = 'ineffective' WHERE case_id = $C",
    "7e", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 7(e)" },
  { "7f-unlinked", "DELETE FROM violation_fact WHERE violation_id IN "
                   "(SELECT id FROM violation WHERE case_id = $C AND article = '37')",
    "7f", REDRESS_GROUND_FAIL, "OP3 art 7(f)" },
  { "7g-before-eif", "UPDATE case_file SET state_code = 'IE' WHERE id = $C;"
                     "UPDATE fact SET occurred_on = '2014-06-01' WHERE case_id = $C",
    "7g", REDRESS_GROUND_FAIL, "OP3 art 7(g)" },
  { "7g-continuing", "UPDATE case_file SET state_code = 'IE' WHERE id = $C;"
                     "UPDATE fact SET occurred_on = '2014-06-01', continuing = 1 WHERE case_id = $C",
    "7g", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 7(g)" },
  { "7g-continued-until", "UPDATE case_file SET state_code = 'IE' WHERE id = $C;"
                          "UPDATE fact SET occurred_on = '2014-06-01', occurred_until = '2015-03-01' WHERE case_id = $C",
    "7g", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 7(g)" },
  { "7g-undated", "UPDATE fact SET occurred_on = NULL WHERE case_id = $C",
    "7g", REDRESS_GROUND_UNKNOWN, "OP3 art 7(g)" },
  { "7g-on-eif-day", "UPDATE case_file SET state_code = 'IE' WHERE id = $C;"
                     "UPDATE fact SET occurred_on = '2014-12-24' WHERE case_id = $C",
    "7g", REDRESS_GROUND_PASS, "OP3 art 7(g)" },
  { "7h-thirteen-months", "UPDATE case_file SET submitted_on = '2025-02-10' WHERE id = $C",
    "7h", REDRESS_GROUND_FAIL, "OP3 art 7(h)" },
  { "7h-only-from-notification", "UPDATE case_file SET submitted_on = '2025-01-15' WHERE id = $C",
    "7h", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 7(h)" },
  { "7h-last-day", "UPDATE case_file SET submitted_on = '2025-01-10' WHERE id = $C",
    "7h", REDRESS_GROUND_PASS, "OP3 art 7(h)" },
  { "7h-excused", "UPDATE case_file SET submitted_on = '2025-06-01', "
                  "time_limit_excuse = 'The family was detained without access to counsel.' WHERE id = $C",
    "7h", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 7(h)" },
  { "7h-not-submitted-in-time", "UPDATE case_file SET submitted_on = NULL WHERE id = $C",
    "7h", REDRESS_GROUND_PASS, "OP3 art 7(h)" },
  { "7h-no-decision", "DELETE FROM domestic_remedy WHERE case_id = $C",
    "7h", REDRESS_GROUND_UNKNOWN, "OP3 art 7(h)" },
  { "art20-before-eif", "UPDATE case_file SET state_code = 'IE' WHERE id = $C;"
                        "UPDATE fact SET occurred_on = '2014-06-01' WHERE case_id = $C",
    "art20", REDRESS_GROUND_FAIL, "OP3 art 20" },
  { "art20-continuing-violation", "UPDATE case_file SET state_code = 'IE' WHERE id = $C;"
                                  "UPDATE fact SET occurred_on = '2014-06-01' WHERE case_id = $C;"
                                  "UPDATE violation SET continuing = 1 WHERE case_id = $C",
    "art20", REDRESS_GROUND_NEEDS_ARGUMENT, "OP3 art 20" },
  { "art20-no-facts", "DELETE FROM violation_fact", "art20", REDRESS_GROUND_UNKNOWN, "OP3 art 20" },
  { "age-adult", "UPDATE person SET birth_date = '1990-01-01' WHERE id IN "
                 "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim')",
    "age", REDRESS_GROUND_FAIL, "CRC art 1" },
  { "age-turned-18-that-day", "UPDATE person SET birth_date = '2005-02-01' WHERE id IN "
                              "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim')",
    "age", REDRESS_GROUND_FAIL, "CRC art 1" },
  { "age-day-before-18", "UPDATE person SET birth_date = '2005-02-02' WHERE id IN "
                         "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim')",
    "age", REDRESS_GROUND_PASS, "CRC art 1" },
  { "age-year-only-straddles", "UPDATE person SET birth_date = '2005' WHERE id IN "
                               "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim')",
    "age", REDRESS_GROUND_UNKNOWN, "CRC art 1" },
  { "age-year-only-child", "UPDATE person SET birth_date = '2009' WHERE id IN "
                           "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim')",
    "age", REDRESS_GROUND_PASS, "CRC art 1" },
  { "age-no-birth-date", "UPDATE person SET birth_date = NULL WHERE id IN "
                         "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim')",
    "age", REDRESS_GROUND_UNKNOWN, "CRC art 1" },
};

static GPtrArray *
evaluate (Docket     *d,
          const char *case_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = redress_admissibility_evaluate (d->db, NULL, case_id, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static void
assert_ground (GPtrArray           *results,
               const char          *ground,
               RedressGroundStatus  expected,
               const char          *citation_part)
{
  RedressGroundResult *r = redress_admissibility_find (results, ground);

  g_assert_nonnull (r);
  g_test_message ("%s: %s — %s (%s)", ground, redress_ground_status_to_string (redress_ground_result_get_status (r)),
                  redress_ground_result_get_explanation (r), redress_ground_result_get_citation (r));
  g_assert_cmpstr (redress_ground_status_to_string (redress_ground_result_get_status (r)), ==,
                   redress_ground_status_to_string (expected));
  g_assert_nonnull (strstr (redress_ground_result_get_citation (r), citation_part));
  g_assert_true (strstr (redress_ground_result_get_citation (r), "[V]") != NULL ||
                 strstr (redress_ground_result_get_citation (r), "[S]") != NULL ||
                 strstr (redress_ground_result_get_citation (r), "[U]") != NULL);
  g_assert_cmpuint (strlen (redress_ground_result_get_explanation (r)), >, 20);
  g_assert_nonnull (redress_ground_result_get_field_hint (r));
}

static void
test_good (Docket        *d,
           gconstpointer  data)
{
  g_autofree char *case_id = docket_good_communication (d, "2024/001");
  g_autoptr(GPtrArray) results = evaluate (d, case_id);

  g_assert_cmpuint (results->len, ==, g_strv_length ((GStrv) communication_grounds));
  for (guint i = 0; communication_grounds[i] != NULL; i++)
    assert_ground (results, communication_grounds[i], REDRESS_GROUND_PASS, "");

  /* Status-based grounds say which data they used. */
  g_assert_nonnull (strstr (redress_ground_result_get_explanation (redress_admissibility_find (results, "art1.3")),
                            "2024-09-25"));
  g_assert_nonnull (strstr (redress_ground_result_get_explanation (redress_admissibility_find (results, "art1.3")),
                            "2014-04-14"));
}

static void
test_case (Docket        *d,
           gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *case_id = docket_good_communication (d, "2024/001");
  g_autofree char *quoted = g_strdup_printf ("'%s'", case_id);
  g_autoptr(GString) sql = g_string_new (cases[i].sql);
  g_autoptr(GPtrArray) results = NULL;

  g_string_replace (sql, "$C", quoted, 0);
  docket_exec (d, "%s", sql->str);
  results = evaluate (d, case_id);
  assert_ground (results, cases[i].ground, cases[i].expected, cases[i].citation_part);
}

static void
test_inquiry (Docket        *d,
              gconstpointer  data)
{
  g_autofree char *be = docket_case (d, "inquiry", "INQ/BE", "BE", NULL);
  g_autofree char *de = docket_case (d, "inquiry", "INQ/DE", "DE", NULL);
  g_autofree char *us = docket_case (d, "inquiry", "INQ/US", "US", NULL);
  g_autofree char *f1 = docket_fact (d, be, "2019-01-01", NULL, FALSE);
  g_autofree char *f2 = docket_fact (d, de, "2013-01-01", NULL, FALSE);
  g_autoptr(GPtrArray) r_be = evaluate (d, be);
  g_autoptr(GPtrArray) r_de = evaluate (d, de);
  g_autoptr(GPtrArray) r_us = evaluate (d, us);

  assert_ground (r_be, "art1.3", REDRESS_GROUND_PASS, "OP3 art 1(3)");
  assert_ground (r_be, "13.7", REDRESS_GROUND_PASS, "OP3 art 13(7)");
  assert_ground (r_be, "art20", REDRESS_GROUND_PASS, "OP3 art 20");
  g_assert_null (redress_admissibility_find (r_be, "7e"));

  /* Not verified is unknown, never pass. */
  assert_ground (r_de, "13.7", REDRESS_GROUND_UNKNOWN, "OP3 art 13(7)");
  assert_ground (r_de, "art20", REDRESS_GROUND_FAIL, "OP3 art 20");

  assert_ground (r_us, "art1.3", REDRESS_GROUND_FAIL, "OP3 art 1(3)");
}

static void
test_inquiry_opt_out_imported (Docket        *d,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *de = docket_case (d, "inquiry", "INQ/DE", "DE", NULL);
  g_autoptr(GPtrArray) results = NULL;

  redress_model_init ();
  bytes = g_resources_lookup_data ("/io/github/redress/Redress/model/data/states.csv", 0, &error);
  g_assert_no_error (error);
  csv = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (csv, "DE,Germany,1992,2009,2004,2013-02-28,,", "DE,Germany,1992,2009,2004,2013-02-28,yes,", 1), ==, 1);
  g_assert_true (redress_reference_import_states (d->db, csv->str, (gssize) csv->len, "states-2026.csv",
                                                  "2026-10-01", &error));
  g_assert_no_error (error);

  results = evaluate (d, de);
  assert_ground (results, "13.7", REDRESS_GROUND_FAIL, "OP3 art 13(7)");
  g_assert_nonnull (strstr (redress_ground_result_get_explanation (redress_admissibility_find (results, "13.7")),
                            "2026-10-01"));
}

static void
test_bad_today (Docket        *d,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_good_communication (d, "2024/001");
  g_autoptr(GPtrArray) results = redress_admissibility_evaluate (d->db, NULL, case_id, "01/07/2024", &error);

  g_assert_null (results);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  results = redress_admissibility_evaluate (d->db, NULL, "no-such-case", TODAY, &error);
  g_assert_null (results);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND);
}

/* The demo docket's data is complete except where the ratification data
 * itself is (art 13(7) opt-outs are mostly unverified): nothing else may be
 * unknown. */
static void
test_demo_docket (Docket        *d,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(RedressReference) ref = NULL;
  guint communications = 0, inquiries = 0;

  g_assert_true (redress_demo_generate (d->db, 7, 60, NULL, NULL, &error));
  g_assert_no_error (error);
  ref = redress_reference_load (d->db, &error);
  g_assert_no_error (error);

  stmt = _redress_database_prepare (d->db, "SELECT id, kind, reference, state_code FROM case_file", &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const RedressStateRecord *state = redress_reference_lookup_state (ref, (const char *) sqlite3_column_text (stmt, 3));
      g_autoptr(GPtrArray) results = redress_admissibility_evaluate (d->db, ref,
                                                                     (const char *) sqlite3_column_text (stmt, 0),
                                                                     TODAY, &error);

      g_assert_no_error (error);
      communications += g_strcmp0 (kind, "communication") == 0;
      inquiries += g_strcmp0 (kind, "inquiry") == 0;
      for (guint i = 0; i < results->len; i++)
        {
          RedressGroundResult *r = g_ptr_array_index (results, i);

          if (redress_ground_result_get_status (r) != REDRESS_GROUND_UNKNOWN)
            continue;
          g_test_message ("%s %s: %s", sqlite3_column_text (stmt, 2), redress_ground_result_get_ground (r),
                          redress_ground_result_get_explanation (r));
          /* The only unknown allowed: an opt-out the data does not give. */
          g_assert_cmpstr (redress_ground_result_get_ground (r), ==, "13.7");
          g_assert_nonnull (state);
          g_assert_cmpstr (state->art13_optout, ==, "");
        }
    }
  g_assert_cmpuint (communications, >, 20);
  g_assert_cmpuint (inquiries, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/admissibility/good-communication-passes", Docket, NULL, docket_setup, test_good, docket_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/admissibility/%s", cases[i].name);

      g_test_add (path, Docket, GUINT_TO_POINTER (i), docket_setup, test_case, docket_teardown);
    }
  g_test_add ("/admissibility/inquiry", Docket, NULL, docket_setup, test_inquiry, docket_teardown);
  g_test_add ("/admissibility/inquiry-opt-out-imported", Docket, NULL, docket_setup,
              test_inquiry_opt_out_imported, docket_teardown);
  g_test_add ("/admissibility/demo-docket", Docket, NULL, docket_setup, test_demo_docket, docket_teardown);
  g_test_add ("/admissibility/bad-input", Docket, NULL, docket_setup, test_bad_today, docket_teardown);

  return g_test_run ();
}
