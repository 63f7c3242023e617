/* test-records.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "redress-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "redress-case.h"
#include "redress-case-party.h"
#include "redress-correspondence.h"
#include "redress-sqlite-private.h"
#include "redress-deadline.h"
#include "redress-domestic-remedy.h"
#include "redress-enums.h"
#include "redress-evidence-item.h"
#include "redress-fact.h"
#include "redress-note.h"
#include "redress-other-procedure.h"
#include "redress-person.h"
#include "redress-procedural-event.h"
#include "redress-util.h"
#include "redress-violation.h"

typedef RedressTestDocket Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  redress_test_docket_init (f, "records");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  redress_test_docket_clear (f);
}

static gint64
count_rows (RedressDatabase *db,
            const char      *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static const char * const scripts[] = {
  "مريم الحسيني",          /* Arabic */
  "李小龙",                /* Chinese */
  "Анастасия Петрова",     /* Cyrillic */
  "अनन्या शर्मा",            /* Devanagari */
};

/* Values for properties whose column accepts only some strings. */
static const struct {
  const char *type;
  const char *property;
  const char *value;
} choices[] = {
  { "RedressCase", "kind", "inquiry" },
  { "RedressCaseParty", "role", "guardian" },
  { "RedressViolation", "treaty", "OPSC" },
  { "RedressDomesticRemedy", "not-pursued-reason", "prolonged" },
  { "RedressProceduralEvent", "track", "interim" },
  { "RedressDeadline", "status", "done" },
  { "RedressEvidenceItem", "kind", "court-decision" },
  { "RedressEvidenceItem", "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
  { "RedressCorrespondence", "direction", "out" },
  { "RedressCorrespondence", "counterpart", "state" },
};

typedef struct
{
  const char *case_id;
  const char *person_id;
  const char *event_id;
} Ids;

/* Sets every writable column property of @record to a value unlike its
 * default, in several scripts, and returns how many it set. */
static guint
fill_record (RedressRecord *record,
             const Ids     *ids,
             guint          seed)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_set = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      const char *name = pspec->name;
      GType type = G_TYPE_FUNDAMENTAL (pspec->value_type);
      const char *choice = NULL;

      if (!(pspec->flags & G_PARAM_WRITABLE) ||
          (pspec->flags & (REDRESS_PARAM_COMPUTED | REDRESS_PARAM_DERIVED)))
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
        if (g_str_equal (choices[c].type, G_OBJECT_TYPE_NAME (record)) &&
            g_str_equal (choices[c].property, name))
          choice = choices[c].value;

      if (choice != NULL)
        g_object_set (record, name, choice, NULL);
      else if (g_str_equal (name, "case-id"))
        g_object_set (record, name, ids->case_id, NULL);
      else if (g_str_equal (name, "person-id") || g_str_equal (name, "consent-by-person-id"))
        g_object_set (record, name, ids->person_id, NULL);
      else if (g_str_equal (name, "trigger-event-id") || g_str_equal (name, "event-id"))
        g_object_set (record, name, ids->event_id, NULL);
      else if (pspec->flags & REDRESS_PARAM_PARTIAL_DATE)
        g_object_set (record, name, "2011-07", NULL);
      else if (pspec->flags & REDRESS_PARAM_DATE)
        {
          g_autofree char *date = g_strdup_printf ("2023-%02u-%02u", 1 + (i + seed) % 12, 1 + i % 28);

          g_object_set (record, name, date, NULL);
        }
      else if (type == G_TYPE_STRING)
        {
          g_autofree char *text = g_strdup_printf ("%s %s %u", scripts[(i + seed) % G_N_ELEMENTS (scripts)],
                                                   name, seed);

          g_object_set (record, name, text, NULL);
        }
      else if (type == G_TYPE_BOOLEAN)
        g_object_set (record, name, TRUE, NULL);
      else if (type == G_TYPE_INT)
        {
          GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);

          /* Tri-state columns take -1 (not recorded), 0 and 1 in turn. */
          if (ispec->maximum == 1)
            g_object_set (record, name, (int) ((i + seed) % 3) - 1, NULL);
          else
            g_object_set (record, name, 7 + (int) i, NULL);
        }
      else if (type == G_TYPE_INT64)
        g_object_set (record, name, G_GINT64_CONSTANT (123456789012), NULL);
      else
        g_assert_not_reached ();
      n_set++;
    }
  return n_set;
}

static void
assert_same_columns (RedressRecord *a,
                     RedressRecord *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_assert_cmpstr (redress_record_get_id (a), ==, redress_record_get_id (b));
  g_assert_cmpstr (redress_record_get_created_at (a), ==, redress_record_get_created_at (b));
  g_assert_cmpstr (redress_record_get_updated_at (a), ==, redress_record_get_updated_at (b));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (a), pspecs[i]->name, &va);
      g_object_get_property (G_OBJECT (b), pspecs[i]->name, &vb);
      sa = g_strdup_value_contents (&va);
      sb = g_strdup_value_contents (&vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        g_error ("%s:%s differs after reloading: %s != %s", G_OBJECT_TYPE_NAME (a),
                 pspecs[i]->name, sa, sb);
    }
}

static void
save_ok (gpointer         record,
         RedressDatabase *db)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (redress_record_save (record, db, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "R-1");
  g_autoptr(RedressPerson) person = redress_person_new ();
  g_autoptr(RedressProceduralEvent) event = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RedressDatabase) db2 = NULL;
  g_autoptr(GError) error = NULL;
  GType types[] = {
    REDRESS_TYPE_CASE_PARTY, REDRESS_TYPE_VIOLATION, REDRESS_TYPE_FACT,
    REDRESS_TYPE_DOMESTIC_REMEDY, REDRESS_TYPE_OTHER_PROCEDURE, REDRESS_TYPE_DEADLINE,
    REDRESS_TYPE_EVIDENCE_ITEM, REDRESS_TYPE_CORRESPONDENCE, REDRESS_TYPE_NOTE,
  };
  Ids ids = { 0 };

  g_assert_false (redress_record_is_saved (REDRESS_RECORD (person)));
  g_assert_cmpuint (fill_record (REDRESS_RECORD (person), &ids, 0), ==, 8);
  g_object_set (person, "given-name", "مريم", "family-name", "الحسيني", NULL);
  save_ok (person, f->db);
  g_assert_true (redress_is_uuid (redress_record_get_id (REDRESS_RECORD (person))));
  g_assert_nonnull (redress_record_get_created_at (REDRESS_RECORD (person)));
  g_assert_cmpstr (redress_person_get_display_name (person), ==, "مريم الحسيني");

  g_assert_cmpuint (fill_record (REDRESS_RECORD (kase), &ids, 1), >=, 24);
  g_object_set (kase, "reference", "R-1", "title", "李小龙 诉 某国", NULL);
  save_ok (kase, f->db);
  ids.case_id = redress_record_get_id (REDRESS_RECORD (kase));
  ids.person_id = redress_record_get_id (REDRESS_RECORD (person));

  event = g_object_new (REDRESS_TYPE_PROCEDURAL_EVENT, NULL);
  fill_record (REDRESS_RECORD (event), &ids, 2);
  save_ok (event, f->db);
  ids.event_id = redress_record_get_id (REDRESS_RECORD (event));

  g_ptr_array_add (records, g_object_ref (person));
  g_ptr_array_add (records, g_object_ref (kase));
  g_ptr_array_add (records, g_object_ref (event));
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      RedressRecord *record = g_object_new (types[i], NULL);

      g_assert_cmpuint (fill_record (record, &ids, 3 + i), >, 1);
      save_ok (record, f->db);
      g_ptr_array_add (records, record);
    }

  /* A fresh database object has its own identity map: everything is read
   * back from the file. */
  db2 = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      RedressRecord *record = g_ptr_array_index (records, i);
      g_autoptr(RedressRecord) loaded = NULL;

      loaded = redress_record_load (db2, G_OBJECT_TYPE (record), redress_record_get_id (record), &error);
      g_assert_no_error (error);
      g_assert_true (loaded != record);
      assert_same_columns (record, loaded);
    }

  /* The case's derived columns followed the deadline and the party. */
  {
    g_autoptr(RedressCase) again = redress_record_load (db2, REDRESS_TYPE_CASE, ids.case_id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (redress_case_get_party_count (again), ==, 1);
    /* The only deadline is "done", so the case has no open one. */
    g_assert_null (redress_case_get_next_deadline (again));
    g_assert_cmpstr (redress_case_get_title (again), ==, "李小龙 诉 某国");
  }
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "V-1");
  g_autoptr(RedressCase) dup = redress_case_new ("inquiry", "V-1");
  g_autoptr(RedressPerson) person = redress_person_new ();
  g_autoptr(RedressCaseParty) party = NULL;
  g_autoptr(RedressFact) fact = NULL;
  g_autoptr(GError) error = NULL;

  /* A date that does not exist. */
  g_object_set (kase, "opened-on", "2023-02-30", NULL);
  g_assert_false (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Opened on"));
  g_assert_nonnull (strstr (error->message, "2023-02-30"));
  g_assert_false (redress_record_is_saved (REDRESS_RECORD (kase)));
  g_assert_cmpint (count_rows (f->db, "case_file"), ==, 0);
  g_clear_error (&error);

  /* No reference. */
  g_object_set (kase, "opened-on", "2023-02-28", "reference", "", NULL);
  g_assert_false (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reference"));
  g_clear_error (&error);

  /* A kind the schema does not know. */
  g_object_set (kase, "reference", "V-1", "kind", "petition", NULL);
  g_assert_false (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Kind"));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->db, "case_file"), ==, 0);

  g_object_set (kase, "kind", "communication", NULL);
  save_ok (kase, f->db);

  /* The same reference twice. */
  g_assert_false (redress_record_save (REDRESS_RECORD (dup), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "V-1"));
  g_assert_nonnull (strstr (error->message, "Reference"));
  g_assert_false (redress_record_is_saved (REDRESS_RECORD (dup)));
  g_assert_cmpint (count_rows (f->db, "case_file"), ==, 1);
  g_clear_error (&error);

  /* A partial date of birth is fine; a thirteenth month is not. */
  g_object_set (person, "birth-date", "2011-13", NULL);
  g_assert_false (redress_record_save (REDRESS_RECORD (person), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date of birth"));
  g_clear_error (&error);
  g_object_set (person, "birth-date", "2011", NULL);
  save_ok (person, f->db);

  /* A party needs a role from the list. */
  party = redress_case_party_new (redress_record_get_id (REDRESS_RECORD (kase)),
                                  redress_record_get_id (REDRESS_RECORD (person)), "friend");
  g_assert_false (redress_record_save (REDRESS_RECORD (party), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Role"));
  g_clear_error (&error);
  g_object_set (party, "role", "victim", NULL);
  save_ok (party, f->db);
  g_assert_cmpint (count_rows (f->db, "case_party"), ==, 1);

  /* A person who is party to a case cannot be deleted. */
  g_assert_false (redress_record_delete (REDRESS_RECORD (person), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_assert_cmpint (count_rows (f->db, "person"), ==, 1);
  g_clear_error (&error);

  /* A fact of a case that does not exist. */
  fact = redress_fact_new ("00000000-0000-4000-8000-000000000000");
  g_assert_false (redress_record_save (REDRESS_RECORD (fact), f->db, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_assert_cmpint (count_rows (f->db, "fact"), ==, 0);

  /* Labels are translatable sentences, and unknown values show as they are. */
  g_assert_cmpstr (redress_role_get_label ("guardian"), ==, "Parent or guardian");
  g_assert_cmpstr (redress_role_get_label ("stranger"), ==, "stranger");
  g_assert_true (redress_not_pursued_reason_is_valid (""));
  g_assert_false (redress_treaty_is_valid ("ICCPR"));
  g_assert_cmpstr (redress_evidence_kind_get_values ()[5], ==, "court-decision");
}

typedef struct
{
  GPtrArray *names;
} Notes;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Notes      *notes)
{
  g_ptr_array_add (notes->names, g_strdup (pspec->name));
}

static gboolean
notified (Notes      *notes,
          const char *name)
{
  for (guint i = 0; i < notes->names->len; i++)
    if (g_str_equal (g_ptr_array_index (notes->names, i), name))
      return TRUE;
  return FALSE;
}

static void
test_identity_map (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "I-1");
  g_autoptr(RedressCase) a = NULL;
  g_autoptr(RedressCase) b = NULL;
  g_autoptr(RedressDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Notes notes = { g_ptr_array_new_with_free_func (g_free) };
  const char *id;

  save_ok (kase, f->db);
  id = redress_record_get_id (REDRESS_RECORD (kase));

  a = redress_record_load (f->db, REDRESS_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  b = redress_record_load (f->db, REDRESS_TYPE_CASE, id, &error);
  g_assert_true (a == kase);
  g_assert_true (b == kase);

  /* Another writer (the procedure engine writes SQL) changes the row and
   * says so: the live object reloads and notifies only what changed. */
  g_signal_connect (a, "notify", G_CALLBACK (notify_cb), &notes);
  stmt = _redress_database_prepare (f->db, "UPDATE case_file SET stage = 'registered' WHERE id = ?1", NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  redress_database_emit_changed (f->db, "case_file", id);
  g_assert_cmpstr (redress_case_get_stage (a), ==, "registered");
  g_assert_true (notified (&notes, "stage"));
  g_assert_false (notified (&notes, "title"));
  g_assert_false (notified (&notes, "reference"));
  g_ptr_array_set_size (notes.names, 0);

  /* A deadline saved for the case moves its next deadline. */
  deadline = redress_deadline_new (id);
  g_object_set (deadline, "rule-id", "D01", "rule-pack-version", "1", "computed-due", "2031-05-01", NULL);
  save_ok (deadline, f->db);
  g_assert_cmpstr (redress_case_get_next_deadline (a), ==, "2031-05-01");
  g_assert_true (notified (&notes, "next-deadline"));
  g_assert_false (notified (&notes, "stage"));
  g_ptr_array_set_size (notes.names, 0);

  g_object_set (deadline, "letter-due", "2031-04-15", NULL);
  g_assert_cmpstr (redress_deadline_get_effective_due (deadline), ==, "2031-04-15");
  save_ok (deadline, f->db);
  g_assert_cmpstr (redress_case_get_next_deadline (a), ==, "2031-04-15");

  g_object_set (deadline, "status", "done", NULL);
  save_ok (deadline, f->db);
  g_assert_null (redress_case_get_next_deadline (a));

  /* A person's display name follows their names. */
  {
    g_autoptr(RedressPerson) p = redress_person_new ();
    Notes pn = { g_ptr_array_new_with_free_func (g_free) };

    g_assert_cmpstr (redress_person_get_display_name (p), ==, "Unnamed person");
    g_object_set (p, "alias", "Anu", NULL);
    g_assert_cmpstr (redress_person_get_display_name (p), ==, "Anu");
    g_signal_connect (p, "notify", G_CALLBACK (notify_cb), &pn);
    g_object_set (p, "given-name", "अनन्या", NULL);
    g_assert_true (notified (&pn, "display-name"));
    g_assert_cmpstr (redress_person_get_display_name (p), ==, "अनन्या");
    g_ptr_array_unref (pn.names);
  }

  g_signal_handlers_disconnect_by_data (a, &notes);
  g_ptr_array_unref (notes.names);
}

static void
test_child_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "L-1");
  g_autoptr(GListModel) facts = NULL;
  g_autoptr(GError) error = NULL;
  const char *dates[] = { "2022-03-01", "2020-01-15", "2021-07-30" };
  const char *id;

  save_ok (kase, f->db);
  id = redress_record_get_id (REDRESS_RECORD (kase));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(RedressFact) fact = redress_fact_new (id);

      g_object_set (fact, "occurred-on", dates[i], "description", dates[i], NULL);
      save_ok (fact, f->db);
    }

  facts = redress_record_list (f->db, REDRESS_TYPE_FACT, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 3);
  {
    g_autoptr(RedressRecord) first = g_list_model_get_item (facts, 0);
    g_autoptr(RedressRecord) last = g_list_model_get_item (facts, 2);

    g_assert_cmpstr (redress_record_get_string (first, "occurred-on"), ==, "2020-01-15");
    g_assert_cmpstr (redress_record_get_string (last, "occurred-on"), ==, "2022-03-01");

    /* The list follows changes: a new fact lands in date order, a deleted
     * one goes. */
    {
      g_autoptr(RedressFact) fact = redress_fact_new (id);

      g_object_set (fact, "occurred-on", "2020-06-01", NULL);
      save_ok (fact, f->db);
      g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 4);
      {
        g_autoptr(RedressRecord) second = g_list_model_get_item (facts, 1);

        g_assert_true (second == REDRESS_RECORD (fact));
      }
    }
    g_assert_true (redress_record_delete (first, f->db, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 3);
  }

  /* Deleting the case deletes its facts. */
  g_assert_true (redress_record_delete (REDRESS_RECORD (kase), f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "fact"), ==, 0);
  g_assert_null (redress_record_load (f->db, REDRESS_TYPE_CASE, id, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND);
}

/* Facts substantiate violations (art 7(f)): linked once, listed from both
 * sides, unlinked, never across cases; in_writing (art 7(b)) is a tristate. */
static void
test_violation_facts (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "VF-1");
  g_autoptr(RedressCase) other = redress_case_new ("communication", "VF-2");
  g_autoptr(RedressViolation) violation = NULL;
  g_autoptr(RedressFact) early = NULL;
  g_autoptr(RedressFact) late = NULL;
  g_autoptr(RedressFact) foreign = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  const char *vid;

  save_ok (kase, f->db);
  save_ok (other, f->db);
  violation = redress_violation_new (redress_record_get_id (REDRESS_RECORD (kase)));
  g_object_set (violation, "article", "12", NULL);
  save_ok (violation, f->db);
  vid = redress_record_get_id (REDRESS_RECORD (violation));
  late = redress_fact_new (redress_record_get_id (REDRESS_RECORD (kase)));
  g_object_set (late, "occurred-on", "2024-05-01", NULL);
  save_ok (late, f->db);
  early = redress_fact_new (redress_record_get_id (REDRESS_RECORD (kase)));
  g_object_set (early, "occurred-on", "2023-01-01", NULL);
  save_ok (early, f->db);
  foreign = redress_fact_new (redress_record_get_id (REDRESS_RECORD (other)));
  save_ok (foreign, f->db);

  g_assert_true (redress_violation_set_fact_linked (f->db, vid, redress_record_get_id (REDRESS_RECORD (late)),
                                                    TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (redress_violation_set_fact_linked (f->db, vid, redress_record_get_id (REDRESS_RECORD (early)),
                                                    TRUE, &error));
  /* Twice is once. */
  g_assert_true (redress_violation_set_fact_linked (f->db, vid, redress_record_get_id (REDRESS_RECORD (early)),
                                                    TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "violation_fact"), ==, 2);

  ids = redress_violation_list_fact_ids (f->db, vid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, redress_record_get_id (REDRESS_RECORD (early)));
  g_clear_pointer (&ids, g_strfreev);
  ids = redress_fact_list_violation_ids (f->db, redress_record_get_id (REDRESS_RECORD (late)), &error);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, vid);
  g_clear_pointer (&ids, g_strfreev);

  /* A fact of another case cannot support this violation. */
  g_assert_false (redress_violation_set_fact_linked (f->db, vid, redress_record_get_id (REDRESS_RECORD (foreign)),
                                                     TRUE, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (redress_violation_set_fact_linked (f->db, vid, redress_record_get_id (REDRESS_RECORD (late)),
                                                    FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "violation_fact"), ==, 1);

  /* In writing: not recorded, then yes, round-tripped through the file. */
  g_assert_cmpint (redress_record_get_int (REDRESS_RECORD (kase), "in-writing"), ==, -1);
  redress_record_set_int (REDRESS_RECORD (kase), "in-writing", 1);
  save_ok (kase, f->db);
  {
    g_autoptr(RedressDatabase) reader = redress_database_open (f->path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
    g_autoptr(RedressRecord) again = NULL;

    g_assert_no_error (error);
    again = redress_record_load (reader, REDRESS_TYPE_CASE, redress_record_get_id (REDRESS_RECORD (kase)), &error);
    g_assert_no_error (error);
    g_assert_cmpint (redress_record_get_int (again, "in-writing"), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/records/round-trip", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/records/validation", Fixture, NULL, fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/records/identity-map", Fixture, NULL, fixture_setup, test_identity_map, fixture_teardown);
  g_test_add ("/records/child-list", Fixture, NULL, fixture_setup, test_child_list, fixture_teardown);
  g_test_add ("/records/violation-facts", Fixture, NULL, fixture_setup, test_violation_facts, fixture_teardown);

  return g_test_run ();
}
