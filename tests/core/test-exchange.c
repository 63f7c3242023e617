/* test-exchange.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export and import of one case (docs/export-format.md).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redress-database.h"
#include "redress-demo.h"
#include "redress-exchange.h"
#include "redress-person.h"
#include "redress-record.h"
#include "redress-test-util.h"

#define CASE_ID    "6f1c2a54-0a8e-4c57-9d41-2b8f3c7e9a01"
#define CHILD_ID   "0b7d3e52-6c1f-4f0a-8e29-5a4d1c3b7e02"
#define MOTHER_ID  "1c8e4f63-7d2a-4a1b-9f3a-6b5e2d4c8f03"
#define VIOL_ID    "2d9f5a74-8e3b-4b2c-8a4b-7c6f3e5d9a04"
#define FACT_ID    "3e0a6b85-9f4c-4c3d-9b5c-8d7a4f6e0b05"
#define EVENT_ID   "4f1b7c96-0a5d-4d4e-8c6d-9e8b5a7f1c06"
#define EVID_ID    "5a2c8da7-1b6e-4e5f-9d7e-0f9c6b8a2d07"
#define LETTER_ID  "6b3d9eb8-2c7f-4f6a-8e8f-1a0d7c9b3e08"

/* A case with something in every list, written by hand (not in the
 * exporter's own layout) so that the importer reads what people write. */
static const char *base_json =
  "{ \"format\": \"redress-case\", \"version\": 1,\n"
  "  \"people\": [\n"
  "    { \"id\": \"" CHILD_ID "\", \"given_name\": \"Zoë \\\"Zizi\\\"\", \"family_name\": \"Ngô\",\n"
  "      \"alias\": \"Z.N.\", \"birth_date\": \"2012-03\", \"notes\": \"line one\\nline two\\t\\u00e9\" },\n"
  "    { \"id\": \"" MOTHER_ID "\", \"given_name\": \"مريم\", \"family_name\": \"Ngô\" }\n"
  "  ],\n"
  "  \"case\": {\n"
  "    \"id\": \"" CASE_ID "\", \"kind\": \"communication\", \"reference\": \"EX-2024-001\",\n"
  "    \"title\": \"Z.N. v. Spain\", \"state_code\": \"ES\", \"stage\": \"SUBMITTED\",\n"
  "    \"opened_on\": \"2024-01-10\", \"submitted_on\": \"2024-03-01\",\n"
  "    \"created_at\": \"2024-01-10T09:00:00.000Z\", \"updated_at\": \"2024-03-01T10:00:00.000Z\",\n"
  "    \"parties\": [\n"
  "      { \"id\": \"7c4e0fc9-3d8a-4a7b-9f90-2b1e8d0c4f09\", \"person_id\": \"" MOTHER_ID "\",\n"
  "        \"role\": \"author\", \"consent_given\": true, \"consent_date\": \"2024-01-12\" },\n"
  "      { \"id\": \"8d5f1ad0-4e9b-4b8c-8a01-3c2f9e1d5a10\", \"person_id\": \"" CHILD_ID "\",\n"
  "        \"role\": \"victim\", \"consent_given\": null, \"child_views\": \"Wants to stay.\" }\n"
  "    ],\n"
  "    \"violations\": [ { \"id\": \"" VIOL_ID "\", \"treaty\": \"CRC\", \"article\": \"3\",\n"
  "                        \"continuing\": false } ],\n"
  "    \"facts\": [ { \"id\": \"" FACT_ID "\", \"occurred_on\": \"2023-05-02\",\n"
  "                   \"description\": \"Age assessed by X-ray.\" } ],\n"
  "    \"violation_facts\": [ { \"violation_id\": \"" VIOL_ID "\", \"fact_id\": \"" FACT_ID "\" } ],\n"
  "    \"remedies\": [ { \"id\": \"9e6a2be1-5f0c-4c9d-9b12-4d3a0f2e6b11\", \"forum\": \"Juzgado\",\n"
  "                      \"decided_on\": \"2023-11-20\", \"notified_on\": \"2023-11-28\",\n"
  "                      \"is_final\": true } ],\n"
  "    \"other_procedures\": [ { \"id\": \"af7b3cf2-6a1d-4dae-8c23-5e4b1a3f7c12\",\n"
  "                              \"body\": \"ECtHR\", \"same_matter\": false } ],\n"
  "    \"events\": [ { \"id\": \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c41\", \"event\": \"eligibility_checked_ok\",\n"
  "                    \"occurred_on\": \"2024-01-15\", \"seq\": 0 },\n"
  "                  { \"id\": \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c42\", \"event\": \"draft_approved\",\n"
  "                    \"occurred_on\": \"2024-02-20\", \"seq\": 0 },\n"
  "                  { \"id\": \"" EVENT_ID "\", \"event\": \"sent_to_ohchr\",\n"
  "                    \"from_stage\": \"READY_TO_FILE\", \"to_stage\": \"SUBMITTED\",\n"
  "                    \"occurred_on\": \"2024-03-01\", \"seq\": 0 } ],\n"
  "    \"deadlines\": [ { \"id\": \"b08c4d03-7b2e-4ebf-9d34-6f5c2b4a8d13\", \"rule_id\": \"D01\",\n"
  "                       \"rule_pack_version\": \"1\", \"trigger_event_id\": \"" EVENT_ID "\",\n"
  "                       \"computed_due\": \"2024-11-20\", \"status\": \"done\" } ],\n"
  "    \"evidence\": [ { \"id\": \"" EVID_ID "\",\n"
  "                      \"sha256\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\n"
  "                      \"title\": \"Decision\", \"kind\": \"court-decision\", \"size\": 1234,\n"
  "                      \"page_count\": null,\n"
  "                      \"links\": [ { \"id\": \"c19d5e14-8c3f-4fc0-8e45-7a6d3c5b9e14\",\n"
  "                                     \"target_kind\": \"fact\", \"target_id\": \"" FACT_ID "\" } ] } ],\n"
  "    \"correspondence\": [ { \"id\": \"" LETTER_ID "\", \"direction\": \"out\",\n"
  "                            \"letter_date\": \"2024-03-01\", \"subject\": \"Submission\",\n"
  "                            \"event_id\": \"" EVENT_ID "\" } ],\n"
  "    \"notes\": [ { \"id\": \"d2ae6f25-9d4a-4ad1-9f56-8b7e4d6c0f15\", \"body\": \"Call the school.\" } ],\n"
  "    \"drafts\": [ { \"id\": \"e3bf7036-0e5b-4be2-8a67-9c8f5e7d1a16\", \"document\": \"communication\",\n"
  "                    \"language\": \"fr\", \"frozen_at\": \"2024-03-01T08:00:00.000Z\",\n"
  "                    \"event_id\": \"" EVENT_ID "\",\n"
  "                    \"sections\": [ { \"section_id\": \"facts\", \"body\": \"Les faits.\" } ] } ]\n"
  "  }\n"
  "}\n";

typedef struct
{
  char            *dir;
  RedressDatabase *a;
  RedressDatabase *b;
} Fixture;

static RedressDatabase *
open_docket (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  RedressDatabase *db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("redress-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->a = open_docket (fixture, "a.redress");
  fixture->b = open_docket (fixture, "b.redress");
}


static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  redress_database_close (fixture->a);
  redress_database_close (fixture->b);
  g_clear_object (&fixture->a);
  g_clear_object (&fixture->b);
  redress_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static char *
import_ok (RedressDatabase *db,
           const char      *json)
{
  g_autoptr(GError) error = NULL;
  char *id = redress_exchange_import (db, json, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static char *
export_ok (RedressDatabase *db,
           const char      *id)
{
  g_autoptr(GError) error = NULL;
  char *json = redress_exchange_export_case (db, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  return json;
}

/* Everything written by hand comes back out, and an export imported into
 * another docket exports to the very same text. */
static void
test_round_trip_everything (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *id = import_ok (fixture->a, base_json);
  g_autofree char *first = NULL;
  g_autofree char *id_b = NULL;
  g_autofree char *second = NULL;
  g_autoptr(RedressPerson) child = NULL;

  g_assert_cmpstr (id, ==, CASE_ID);
  first = export_ok (fixture->a, id);

  /* Every list is there, with the values given and the defaults filled in. */
  g_assert_true (g_str_has_prefix (first, "{\n  \"format\": \"redress-case\",\n  \"version\": 1,"));
  g_assert_nonnull (strstr (first, "\"given_name\": \"Zoë \\\"Zizi\\\"\""));
  g_assert_nonnull (strstr (first, "\"notes\": \"line one\\nline two\\té\""));
  g_assert_nonnull (strstr (first, "\"given_name\": \"مريم\""));
  g_assert_nonnull (strstr (first, "\"role\": \"victim\""));
  g_assert_nonnull (strstr (first, "\"consent_given\": null"));
  g_assert_nonnull (strstr (first, "\"consent_given\": true"));
  g_assert_nonnull (strstr (first, "\"is_final\": true"));
  g_assert_nonnull (strstr (first, "\"violation_facts\": [\n"));
  g_assert_nonnull (strstr (first, "\"rule_id\": \"D01\""));
  /* The file's D01 row named a wrong trigger: the deadline is derived from the
   * final decision instead (OP3 art 7(h)), both its dates kept. */
  g_assert_null (strstr (first, "\"trigger_event_id\": \"" EVENT_ID "\""));
  g_assert_nonnull (strstr (first, "\"trigger_date_alt\": \"2023-11-28\""));
  g_assert_nonnull (strstr (first, "\"stage\": \"SUBMITTED\""));
  g_assert_nonnull (strstr (first, "\"target_id\": \"" FACT_ID "\""));
  g_assert_nonnull (strstr (first, "\"size\": 1234"));
  g_assert_nonnull (strstr (first, "\"track\": \"main\""));
  g_assert_nonnull (strstr (first, "\"body\": \"Call the school.\""));
  /* A frozen draft comes back frozen, with its sections. */
  g_assert_nonnull (strstr (first, "\"frozen_at\": \"2024-03-01T08:00:00.000Z\""));
  g_assert_nonnull (strstr (first, "\"section_id\": \"facts\""));
  g_assert_nonnull (strstr (first, "\"created_at\": \"2024-01-10T09:00:00.000Z\""));

  child = redress_record_load (fixture->a, REDRESS_TYPE_PERSON, CHILD_ID, NULL);
  g_assert_nonnull (child);
  g_assert_cmpstr (redress_record_get_string (REDRESS_RECORD (child), "alias"), ==, "Z.N.");

  id_b = import_ok (fixture->b, first);
  g_assert_cmpstr (id_b, ==, CASE_ID);
  second = export_ok (fixture->b, id_b);
  g_assert_cmpstr (first, ==, second);
}

/* The generated docket goes through export and import unchanged, case by case. */
static void
test_round_trip_demo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint found = 0;

  g_assert_true (redress_demo_generate (fixture->a, 11, 25, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint n = 1; n <= 25; n++)
    {
      g_autofree char *id = NULL;
      g_autofree char *first = NULL;
      g_autofree char *id_b = NULL;
      g_autofree char *second = NULL;
      g_autofree char *suffix = g_strdup_printf ("-%06u", n);
      /* The reference carries the year the case was opened; try them all. */
      for (int year = 2014; year <= 2026 && id == NULL; year++)
        {
          g_autofree char *reference = g_strdup_printf ("RDR-%d%s", year, suffix);

          id = redress_exchange_resolve_case (fixture->a, reference, NULL);
        }
      g_assert_nonnull (id);
      found++;

      first = export_ok (fixture->a, id);
      g_assert_nonnull (strstr (first, "\"parties\": [\n"));
      id_b = import_ok (fixture->b, first);
      second = export_ok (fixture->b, id_b);
      g_assert_cmpstr (first, ==, second);

      if (n == 1)
        {
          /* Through a file, as the command line does it. */
          path = g_build_filename (fixture->dir, "case.json", NULL);
          g_assert_true (redress_exchange_export_to_file (fixture->a, id, path, &error));
          g_assert_no_error (error);
        }
    }
  g_assert_cmpuint (found, ==, 25);
}

static void
assert_refused (Fixture    *fixture,
                const char *json,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressPerson) person = NULL;
  g_autofree char *id = redress_exchange_import (fixture->a, json, -1,
                                                 REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);

  g_assert_null (id);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” not in the message “%s”", expected, error->message);

  /* Nothing of the file is in the docket. */
  id = redress_exchange_resolve_case (fixture->a, "EX-2024-001", NULL);
  g_assert_null (id);
  person = redress_record_load (fixture->a, REDRESS_TYPE_PERSON, CHILD_ID, NULL);
  g_assert_null (person);
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoin (to, parts[0], parts[1], NULL);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *truncated = g_strndup (base_json, strlen (base_json) / 2);
  g_autofree char *wrong_type = replace (base_json, "\"continuing\": false", "\"continuing\": \"no\"");
  g_autofree char *bad_date = replace (base_json, "\"occurred_on\": \"2023-05-02\"",
                                       "\"occurred_on\": \"2023-02-30\"");
  g_autofree char *bad_role = replace (base_json, "\"role\": \"victim\"", "\"role\": \"vicitm\"");
  g_autofree char *dangling = replace (base_json, "\"person_id\": \"" CHILD_ID "\"",
                                       "\"person_id\": \"ffffffff-1111-4222-8333-444444444444\"");
  g_autofree char *missing = replace (base_json, "\"article\": \"3\",", "");
  g_autofree char *unknown = replace (base_json, "\"body\": \"Call the school.\"",
                                      "\"bdy\": \"Call the school.\"");
  g_autofree char *newer = replace (base_json, "\"version\": 1", "\"version\": 7");

  assert_refused (fixture, truncated, "not valid JSON");
  assert_refused (fixture, "{ \"format\": \"redress-case\", \"version\": 1, } ", "line 1, column");
  assert_refused (fixture, wrong_type, "case.violations[0].continuing: expected true or false, found text");
  assert_refused (fixture, bad_date, "case.facts[0].occurred_on: “2023-02-30” is not a calendar date");
  assert_refused (fixture, bad_role,
                  "case.parties[1].role: “vicitm” is not one of author, victim, representative");
  assert_refused (fixture, dangling,
                  "case.parties[1].person_id: “ffffffff-1111-4222-8333-444444444444” is not the id of "
                  "any entry of “people”");
  assert_refused (fixture, missing, "case.violations[0].article: this field is required");
  assert_refused (fixture, unknown, "case.notes[0].bdy: unknown field");
  assert_refused (fixture, newer, "newer Redress");
  assert_refused (fixture, "[1, 2]", "not a Redress case file");
}

/* A clash found only while writing rolls the whole import back. */
static void
test_clash_rolls_back (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = import_ok (fixture->a, base_json);
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clash = NULL;
  g_autofree char *step1 = NULL;
  g_autofree char *step2 = NULL;
  g_autofree char *step3 = NULL;

  /* Another case (new id, reference, people) that reuses the fact's id. */
  step1 = replace (base_json, "\"id\": \"" CASE_ID "\"",
                   "\"id\": \"aaaaaaaa-1111-4222-8333-444444444444\"");
  step2 = replace (step1, "EX-2024-001", "EX-2024-002");
  step3 = replace (step2, "\"id\": \"" VIOL_ID "\"", "\"id\": \"bbbbbbbb-1111-4222-8333-444444444444\"");
  clash = replace (step3, "\"violation_id\": \"" VIOL_ID "\"",
                   "\"violation_id\": \"bbbbbbbb-1111-4222-8333-444444444444\"");

  other = redress_exchange_import (fixture->a, clash, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);
  g_assert_null (other);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_clear_error (&error);
  other = redress_exchange_resolve_case (fixture->a, "EX-2024-002", NULL);
  g_assert_null (other);
  other = redress_exchange_resolve_case (fixture->a, "aaaaaaaa-1111-4222-8333-444444444444", NULL);
  g_assert_null (other);
}

/* The same case twice: refused, unless the caller asks to replace it. */
static void
test_existing_case (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = import_ok (fixture->a, base_json);
  g_autofree char *again = NULL;
  g_autofree char *changed = replace (base_json, "\"Call the school.\"", "\"Call the new school.\"");
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  again = redress_exchange_import (fixture->a, changed, -1, REDRESS_EXCHANGE_IMPORT_DEFAULT, &error);
  g_assert_null (again);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "EX-2024-001"));
  g_assert_nonnull (strstr (error->message, "replace"));
  g_clear_error (&error);
  json = export_ok (fixture->a, id);
  g_assert_nonnull (strstr (json, "\"Call the school.\""));
  g_clear_pointer (&json, g_free);

  again = redress_exchange_import (fixture->a, changed, -1, REDRESS_EXCHANGE_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, CASE_ID);
  json = export_ok (fixture->a, id);
  g_assert_nonnull (strstr (json, "\"Call the new school.\""));
}

static void
test_resolve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = import_ok (fixture->a, base_json);
  g_autofree char *by_ref = redress_exchange_resolve_case (fixture->a, "ex-2024-001", NULL);
  g_autofree char *by_id = redress_exchange_resolve_case (fixture->a, CASE_ID, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *none = redress_exchange_resolve_case (fixture->a, "NOPE-1", &error);

  g_assert_cmpstr (by_ref, ==, CASE_ID);
  g_assert_cmpstr (by_id, ==, CASE_ID);
  g_assert_null (none);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NOPE-1"));
}

static void
test_json_escape (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  redress_json_escape_string (out, "a\"b\\c\n\r\t\b\f\x01/é");
  g_assert_cmpstr (out->str, ==, "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001/é\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/json-escape", test_json_escape);
  g_test_add ("/exchange/round-trip-everything", Fixture, NULL, fixture_setup,
              test_round_trip_everything, fixture_teardown);
  g_test_add ("/exchange/round-trip-demo", Fixture, NULL, fixture_setup,
              test_round_trip_demo, fixture_teardown);
  g_test_add ("/exchange/bad-files", Fixture, NULL, fixture_setup, test_bad_files, fixture_teardown);
  g_test_add ("/exchange/clash-rolls-back", Fixture, NULL, fixture_setup, test_clash_rolls_back,
              fixture_teardown);
  g_test_add ("/exchange/existing-case", Fixture, NULL, fixture_setup, test_existing_case,
              fixture_teardown);
  g_test_add ("/exchange/resolve", Fixture, NULL, fixture_setup, test_resolve, fixture_teardown);

  return g_test_run ();
}
