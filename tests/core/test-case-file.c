/* test-case-file.c: the loaded case file and what is derived from it.
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redress-test-util.h"

#include "redress-case.h"
#include "redress-case-file.h"
#include "redress-case-party.h"
#include "redress-database-private.h"
#include "redress-fact.h"
#include "redress-person.h"
#include "redress-record.h"

typedef struct
{
  RedressTestDocket docket;
  RedressDatabase  *db;       /* docket.db */
  char             *case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "RD-2020-001");

  redress_test_docket_init (&f->docket, "case-file");
  f->db = f->docket.db;
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  f->case_id = g_strdup (redress_record_get_id (REDRESS_RECORD (kase)));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  f->db = NULL;
  g_assert_finalize_object (g_steal_pointer (&f->docket.db));
  redress_test_docket_clear (&f->docket);
  g_free (f->case_id);
}

static RedressFact *
add_fact (Fixture    *f,
          const char *on)
{
  g_autoptr(GError) error = NULL;
  RedressFact *fact = redress_fact_new (f->case_id);

  redress_record_set_string (REDRESS_RECORD (fact), "occurred-on", on);
  redress_record_set_string (REDRESS_RECORD (fact), "description", "What happened");
  g_assert_true (redress_record_save (REDRESS_RECORD (fact), f->db, &error));
  g_assert_no_error (error);
  return fact;
}

static gboolean
earliest_is (RedressCaseFile *file,
             const char      *date)
{
  return g_strcmp0 (redress_case_file_get_earliest_fact_date (file), date) == 0;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* The earliest date of a fact: undated and hidden facts left out, and it follows saves without the caller asking. */
static void
test_earliest_fact (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCaseFile) file = redress_case_file_new (f->db, f->case_id, &error);
  g_autoptr(RedressFact) a = NULL;
  g_autoptr(RedressFact) b = NULL;
  g_autoptr(RedressFact) undated = NULL;
  guint notified = 0;

  g_assert_no_error (error);
  g_assert_null (redress_case_file_get_earliest_fact_date (file));
  g_signal_connect_swapped (file, "notify::earliest-fact-date", G_CALLBACK (count_cb), &notified);

  a = add_fact (f, "2021-06-01");
  g_assert_true (earliest_is (file, "2021-06-01"));
  g_assert_cmpuint (notified, ==, 1);
  /* An undated fact. */
  undated = add_fact (f, NULL);
  g_assert_true (earliest_is (file, "2021-06-01"));
  g_assert_cmpuint (notified, ==, 1);
  b = add_fact (f, "2020-03-15");
  g_assert_true (earliest_is (file, "2020-03-15"));
  g_assert_cmpuint (g_list_model_get_n_items (redress_case_file_get_facts (file)), ==, 3);

  /* A date typed into a fact already listed. */
  redress_record_set_string (REDRESS_RECORD (a), "occurred-on", "2018-01-02");
  g_assert_true (redress_record_save (REDRESS_RECORD (a), f->db, &error));
  g_assert_true (earliest_is (file, "2018-01-02"));

  /* A fact waiting for its deletion no longer counts; Undo brings it back. */
  redress_case_file_set_hidden (file, redress_record_get_id (REDRESS_RECORD (a)), TRUE);
  g_assert_true (earliest_is (file, "2020-03-15"));
  redress_case_file_set_hidden (file, redress_record_get_id (REDRESS_RECORD (a)), FALSE);
  g_assert_true (earliest_is (file, "2018-01-02"));

  g_assert_true (redress_record_delete (REDRESS_RECORD (a), f->db, &error));
  g_assert_true (earliest_is (file, "2020-03-15"));
}

/* Ages at the earliest fact; only an alleged victim must have been a child
 * (CRC art 1), and a partial date of birth may leave it open. */
static void
test_age_at_facts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCaseFile) file = redress_case_file_new (f->db, f->case_id, &error);
  g_autoptr(RedressFact) fact = NULL;
  g_autofree char *text = NULL;
  const char *warning = NULL;
  int min_age, max_age;

  g_assert_no_error (error);
  g_assert_cmpint (redress_case_file_age_at_facts (file, NULL, "victim", NULL, NULL), ==, REDRESS_AGE_NO_BIRTH_DATE);
  g_assert_cmpint (redress_case_file_age_at_facts (file, "2005-01-01", "victim", NULL, NULL), ==,
                   REDRESS_AGE_NO_DATED_FACT);

  fact = add_fact (f, "2020-06-30");
  g_assert_cmpint (redress_case_file_age_at_facts (file, "2008-07-01", "victim", &min_age, &max_age), ==,
                   REDRESS_AGE_CHILD);
  g_assert_cmpint (min_age, ==, 11);
  g_assert_cmpint (max_age, ==, 11);
  text = redress_case_file_describe_age (file, "2008-07-01", "victim", &warning);
  g_assert_cmpstr (text, ==, "11 years old on 2020-06-30");
  g_assert_null (warning);
  g_clear_pointer (&text, g_free);

  /* 18 on the day of the facts. */
  g_assert_cmpint (redress_case_file_age_at_facts (file, "2002-06-30", "victim", NULL, NULL), ==, REDRESS_AGE_ADULT);
  text = redress_case_file_describe_age (file, "2002-06-30", "victim", &warning);
  g_assert_nonnull (warning);
  g_clear_pointer (&text, g_free);
  /* The same person as the author is not flagged. */
  g_assert_cmpint (redress_case_file_age_at_facts (file, "2002-06-30", "author", NULL, NULL), ==, REDRESS_AGE_CHILD);

  /* Born in 2002: 17 or 18 on 2020-06-30. */
  g_assert_cmpint (redress_case_file_age_at_facts (file, "2002", "victim", &min_age, &max_age), ==,
                   REDRESS_AGE_MAYBE_ADULT);
  g_assert_cmpint (min_age, ==, 17);
  g_assert_cmpint (max_age, ==, 18);
  text = redress_case_file_describe_age (file, "2002", "victim", &warning);
  g_assert_cmpstr (text, ==, "17–18 years old on 2020-06-30");
  g_assert_nonnull (warning);
  g_clear_pointer (&text, g_free);

  g_assert_cmpint (redress_case_file_age_at_facts (file, "2021-01-01", "victim", NULL, NULL), ==,
                   REDRESS_AGE_BORN_AFTER_FACTS);
}

/* The Committee's number N/YYYY (rules 16-18); empty until registration. */
static void
test_committee_ref (void)
{
  g_assert_true (redress_committee_ref_is_valid (""));
  g_assert_true (redress_committee_ref_is_valid (NULL));
  g_assert_true (redress_committee_ref_is_valid ("4/2016"));
  g_assert_true (redress_committee_ref_is_valid ("104/2019"));
  g_assert_false (redress_committee_ref_is_valid ("4-2016"));
  g_assert_false (redress_committee_ref_is_valid ("0/2016"));
  g_assert_false (redress_committee_ref_is_valid ("4/16"));
  g_assert_false (redress_committee_ref_is_valid ("4/2016 "));
  g_assert_nonnull (redress_committee_ref_get_hint ());
}

/* Loading a case file reads each list once; what is derived is read from
 * the lists, not from the docket again. */
static void
test_loads_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCaseFile) file = NULL;
  g_autoptr(RedressFact) fact = add_fact (f, "2020-06-30");

  _redress_database_count_statements (f->db, TRUE);
  file = redress_case_file_new (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (_redress_database_get_statement_count (f->db, "FROM \"fact\""), ==, 1);
  g_assert_cmpuint (_redress_database_get_statement_count (f->db, "FROM \"case_party\""), ==, 1);

  for (guint i = 0; i < 10; i++)
    redress_case_file_age_at_facts (file, "2008-07-01", "victim", NULL, NULL);
  g_assert_cmpstr (redress_case_file_get_earliest_fact_date (file), ==, "2020-06-30");
  g_assert_cmpuint (_redress_database_get_statement_count (f->db, "FROM \"fact\""), ==, 1);
  _redress_database_count_statements (f->db, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  redress_test_init (&argc, &argv);

  g_test_add ("/case-file/earliest-fact", Fixture, NULL, fixture_setup, test_earliest_fact, fixture_teardown);
  g_test_add ("/case-file/age-at-facts", Fixture, NULL, fixture_setup, test_age_at_facts, fixture_teardown);
  g_test_add ("/case-file/loads-once", Fixture, NULL, fixture_setup, test_loads_once, fixture_teardown);
  g_test_add_func ("/case-file/committee-ref", test_committee_ref);

  return g_test_run ();
}
