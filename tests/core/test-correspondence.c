/* test-correspondence.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redress-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redress-correspondence-register.h"
#include "redress-database.h"
#include "redress-database-private.h"
#include "redress-evidence-store.h"
#include "redress-procedure.h"
#include "redress-timeline.h"
#include "redress-util.h"

typedef struct
{
  char            *dir;
  RedressDatabase *db;
  char            *case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;

  f->dir = g_dir_make_tmp ("redress-corr-XXXXXX", NULL);
  path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->case_id = redress_uuid_new ();
  sql = g_strdup_printf ("INSERT INTO case_file (id, kind, reference, created_at, updated_at) VALUES "
                         "('%s', 'communication', 'C-7', redress_now (), redress_now ())", f->case_id);
  _redress_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->db);
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
}

/* Brings the case to "awaiting the State's observations" (OP3 art 8). */
static void
register_case (Fixture *f)
{
  const char *events[][2] = {
    { "eligibility_checked_ok", "2026-01-05" },
    { "draft_approved", "2026-01-20" },
    { "sent_to_ohchr", "2026-01-22" },
    { "registered_and_transmitted", "2026-02-10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = redress_procedure_record_event (f->db, f->case_id, NULL, events[i][0],
                                                            events[i][1], "", NULL, "", &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }
}

static const RedressDeadlineInfo *
find_open_deadline_with_letter_due (GPtrArray *deadlines)
{
  for (guint i = 0; i < deadlines->len; i++)
    {
      const RedressDeadlineInfo *d = g_ptr_array_index (deadlines, i);

      if (g_strcmp0 (d->status, "open") == 0 && d->letter_due != NULL)
        return d;
    }
  return NULL;
}

static void
test_letter_sets_deadline (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressLetter) letter = redress_letter_new (f->case_id, "in");
  g_autoptr(RedressLetter) back = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *id = NULL;
  const RedressDeadlineInfo *due;

  register_case (f);
  before = redress_procedure_list_deadlines (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_null (find_open_deadline_with_letter_due (before));

  letter->channel = g_strdup ("e-mail");
  letter->letter_date = g_strdup ("2026-08-03");
  letter->transit_date = g_strdup ("2026-08-04");
  letter->subject = g_strdup ("Transmission of the State party's observations");
  letter->committee_ref = g_strdup ("G/SO 229/8 CRC/C/102/D/123/2026");
  letter->reported_event = g_strdup ("state_observations_received");
  letter->stated_due = g_strdup ("2026-10-05");

  id = redress_correspondence_register_add (f->db, letter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);

  back = redress_correspondence_register_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back->event_id);
  g_assert_cmpstr (back->reported_event, ==, "state_observations_received");
  g_assert_cmpstr (back->stated_due, ==, "2026-10-05");
  g_assert_cmpstr (back->committee_ref, ==, "G/SO 229/8 CRC/C/102/D/123/2026");

  after = redress_procedure_list_deadlines (f->db, f->case_id, &error);
  g_assert_no_error (error);
  due = find_open_deadline_with_letter_due (after);
  g_assert_nonnull (due);
  g_assert_cmpstr (due->letter_due, ==, "2026-10-05");
  g_assert_cmpstr (redress_deadline_info_get_due (due), ==, "2026-10-05");
  g_assert_cmpstr (due->trigger_event_id, ==, back->event_id);
}

static void
test_bad_letters (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressLetter) letter = redress_letter_new (f->case_id, "sideways");
  g_autoptr(GPtrArray) letters = NULL;
  char *id;

  id = redress_correspondence_register_add (f->db, letter, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (letter->direction);
  letter->direction = g_strdup ("in");
  letter->letter_date = g_strdup ("3 August 2026");
  id = redress_correspondence_register_add (f->db, letter, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3 August 2026"));
  g_clear_error (&error);

  /* A deadline without the event that sets it. */
  g_free (letter->letter_date);
  letter->letter_date = g_strdup ("2026-08-03");
  letter->stated_due = g_strdup ("2026-10-05");
  id = redress_correspondence_register_add (f->db, letter, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* An event the procedure does not allow now: nothing is registered. */
  letter->reported_event = g_strdup ("views_violation");
  id = redress_correspondence_register_add (f->db, letter, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  letters = redress_correspondence_register_list (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 0);
}

static void
test_attachments_and_timeline (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autoptr(RedressLetter) letter = redress_letter_new (f->case_id, "out");
  g_autoptr(RedressLetter) back = NULL;
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data ("Annex 1: school report", -1, NULL);
  g_autoptr(RedressEvidenceInfo) annex = NULL;
  g_autoptr(GPtrArray) custody = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autofree char *id = NULL;
  g_autofree char *sql = NULL;
  const char *expect[][3] = {
    { "2025-11-02", "fact", NULL },
    { "2026-01-05", "event", NULL },
    { "2026-01-15", "evidence", "School report" },
    { "2026-01-20", "event", NULL },
    { "2026-01-22", "event", NULL },
    { "2026-01-22", "letter", "Submission of the communication" },
    { "2026-02-10", "event", NULL },
  };

  annex = redress_evidence_store_add_stream (store, f->case_id, in, "school-report.txt", "The school", NULL, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("UPDATE evidence_item SET title = 'School report', shown_date = '2026-01-15' "
                         "WHERE id = '%s';"
                         "INSERT INTO fact (id, case_id, occurred_on, description, created_at, updated_at) "
                         "VALUES (redress_uuid (), '%s', '2025-11-02', 'Removed from school', redress_now (), redress_now ());"
                         "INSERT INTO fact (id, case_id, description, created_at, updated_at) "
                         "VALUES (redress_uuid (), '%s', 'Undated fact', redress_now (), redress_now ());",
                         annex->id, f->case_id, f->case_id);
  _redress_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
  register_case (f);

  letter->counterpart = (g_free (letter->counterpart), g_strdup ("committee"));
  letter->channel = g_strdup ("e-mail");
  letter->letter_date = g_strdup ("2026-01-22");
  letter->subject = g_strdup ("Submission of the communication");
  id = redress_correspondence_register_add (f->db, letter, &error);
  g_assert_no_error (error);
  g_assert_true (redress_correspondence_register_attach (f->db, id, annex->id, &error));
  g_assert_no_error (error);

  back = redress_correspondence_register_get (f->db, id, &error);
  g_assert_cmpuint (g_strv_length (back->attachment_ids), ==, 1);
  g_assert_cmpstr (back->attachment_ids[0], ==, annex->id);
  custody = redress_evidence_store_list_custody (store, annex->id, &error);
  g_assert_cmpuint (custody->len, ==, 2);
  g_assert_cmpstr (((RedressCustodyEvent *) g_ptr_array_index (custody, 1))->action, ==, "link");

  letters = redress_correspondence_register_list (f->db, f->case_id, &error);
  g_assert_cmpuint (letters->len, ==, 1);

  timeline = redress_timeline_list (f->db, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < timeline->len; i++)
    {
      RedressTimelineEntry *e = g_ptr_array_index (timeline, i);

      g_assert_cmpstr (e->date, ==, expect[i][0]);
      g_assert_cmpstr (redress_timeline_kind_to_string (e->kind), ==, expect[i][1]);
      if (expect[i][2] != NULL)
        g_assert_cmpstr (e->title, ==, expect[i][2]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/correspondence/letter-sets-deadline", Fixture, NULL, fixture_setup,
              test_letter_sets_deadline, fixture_teardown);
  g_test_add ("/correspondence/bad-letters", Fixture, NULL, fixture_setup,
              test_bad_letters, fixture_teardown);
  g_test_add ("/correspondence/attachments-and-timeline", Fixture, NULL, fixture_setup,
              test_attachments_and_timeline, fixture_teardown);

  return g_test_run ();
}
