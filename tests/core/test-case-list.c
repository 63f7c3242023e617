/* test-case-list.c
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
#include "redress-case-list.h"
#include "redress-sqlite-private.h"
#include "redress-deadline.h"
#include "redress-util.h"

/* The list's page size: a position just past the first page. */
#define PAGE_SIZE_PROBE 128

typedef RedressTestDocket Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  redress_test_docket_init (f, "case-list");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  redress_test_docket_clear (f);
}

static const char * const states[] = { "KEN", "FRA", "BRA", "IND", "UKR" };
static const char * const stages[] = { "draft", "submitted", "registered", "views-adopted" };
static const char * const words[] = { "Alpha", "beta", "Gamma", "delta", "Эхо", "नदी", "山" };

/* Fills @n cases in one transaction, as an import would: mixed-case
 * references, repeated titles, a third of them with an open deadline. */
static void
fill (RedressDatabase *db,
      guint            n)
{
  g_autoptr(sqlite3_stmt) kase = NULL;
  g_autoptr(sqlite3_stmt) deadline = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_assert_true (_redress_database_begin (db, NULL));
  kase = _redress_database_prepare (db,
                                    "INSERT INTO case_file (id, kind, reference, title, state_code, stage,"
                                    " created_at, updated_at) VALUES (redress_uuid (), ?1, ?2, ?3, ?4, ?5,"
                                    " ?6, ?6) RETURNING id", NULL);
  deadline = _redress_database_prepare (db,
                                        "INSERT INTO deadline (id, case_id, rule_id, rule_pack_version,"
                                        " computed_due, letter_due, status, created_at, updated_at)"
                                        " VALUES (redress_uuid (), ?1, 'D01', '1', ?2, ?3, ?4,"
                                        " redress_now (), redress_now ())", NULL);
  for (guint i = 0; i < n; i++)
    {
      guint r = (guint) g_rand_int_range (rand, 0, 1000000);
      g_autofree char *reference = g_strdup_printf ("%c-%06u-%u", (r & 1) ? 'a' : 'A', r, i);
      g_autofree char *title = g_strdup_printf ("%s %u", words[r % G_N_ELEMENTS (words)], r % 50);
      g_autofree char *updated = g_strdup_printf ("2024-%02u-%02uT10:00:00.%03uZ", 1 + r % 12,
                                                  1 + r % 28, i % 1000);

      sqlite3_reset (kase);
      sqlite3_bind_text (kase, 1, (r % 3) ? "communication" : "inquiry", -1, SQLITE_STATIC);
      sqlite3_bind_text (kase, 2, reference, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (kase, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (kase, 4, states[r % G_N_ELEMENTS (states)], -1, SQLITE_STATIC);
      sqlite3_bind_text (kase, 5, stages[(r / 7) % G_N_ELEMENTS (stages)], -1, SQLITE_STATIC);
      sqlite3_bind_text (kase, 6, updated, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (kase), ==, SQLITE_ROW);

      if (i % 3 == 0)
        {
          g_autofree char *id = g_strdup (_redress_column_text (kase, 0));
          g_autofree char *due = g_strdup_printf ("2025-%02u-%02u", 1 + (r / 3) % 12, 1 + (r / 5) % 28);
          g_autofree char *later = g_strdup_printf ("2026-%02u-01", 1 + r % 12);

          g_assert_cmpint (sqlite3_step (kase), ==, SQLITE_DONE);
          /* An open deadline, and a done one that must not count. */
          sqlite3_reset (deadline);
          sqlite3_bind_text (deadline, 1, id, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (deadline, 2, due, -1, SQLITE_TRANSIENT);
          if (r % 2)
            sqlite3_bind_text (deadline, 3, later, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (deadline, 3);
          sqlite3_bind_text (deadline, 4, "open", -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (deadline), ==, SQLITE_DONE);
          sqlite3_reset (deadline);
          sqlite3_bind_text (deadline, 2, "2000-01-01", -1, SQLITE_STATIC);
          sqlite3_bind_null (deadline, 3);
          sqlite3_bind_text (deadline, 4, "done", -1, SQLITE_STATIC);
          g_assert_cmpint (sqlite3_step (deadline), ==, SQLITE_DONE);
        }
      else
        g_assert_cmpint (sqlite3_step (kase), ==, SQLITE_DONE);
    }
  g_clear_pointer (&kase, sqlite3_finalize);
  g_clear_pointer (&deadline, sqlite3_finalize);
  g_assert_true (_redress_database_commit (db, NULL));
}

typedef struct
{
  char *id, *reference, *title, *state_code, *kind, *stage, *next_deadline, *updated_at;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->id);
  g_free (row->reference);
  g_free (row->title);
  g_free (row->state_code);
  g_free (row->kind);
  g_free (row->stage);
  g_free (row->next_deadline);
  g_free (row->updated_at);
  g_free (row);
}

/* Every case, read without ORDER BY, with its next deadline computed here
 * from the deadlines rather than taken from the derived column. */
static GPtrArray *
read_rows (RedressDatabase *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) due = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

  stmt = _redress_database_prepare (db, "SELECT id, reference, title, state_code, kind, stage,"
                                        " updated_at FROM case_file", NULL);
  due = _redress_database_prepare (db, "SELECT COALESCE (extended_due, letter_due, computed_due)"
                                       " FROM deadline WHERE case_id = ?1 AND status = 'open'", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->id = g_strdup (_redress_column_text (stmt, 0));
      row->reference = g_strdup (_redress_column_text (stmt, 1));
      row->title = g_strdup (_redress_column_text (stmt, 2));
      row->state_code = g_strdup (_redress_column_text (stmt, 3));
      row->kind = g_strdup (_redress_column_text (stmt, 4));
      row->stage = g_strdup (_redress_column_text (stmt, 5));
      row->updated_at = g_strdup (_redress_column_text (stmt, 6));
      sqlite3_reset (due);
      sqlite3_bind_text (due, 1, row->id, -1, SQLITE_STATIC);
      while (sqlite3_step (due) == SQLITE_ROW)
        {
          const char *d = _redress_column_text (due, 0);

          if (row->next_deadline == NULL || strcmp (d, row->next_deadline) < 0)
            {
              g_free (row->next_deadline);
              row->next_deadline = g_strdup (d);
            }
        }
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static RedressCaseSort sort_key;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = *(Row * const *) a;
  const Row *rb = *(Row * const *) b;
  int cmp = 0;

  switch (sort_key)
    {
    case REDRESS_CASE_SORT_REFERENCE:
      cmp = g_ascii_strcasecmp (ra->reference, rb->reference);
      break;
    case REDRESS_CASE_SORT_TITLE:
      cmp = g_ascii_strcasecmp (ra->title, rb->title);
      break;
    case REDRESS_CASE_SORT_STATE:
      cmp = strcmp (ra->state_code, rb->state_code);
      break;
    case REDRESS_CASE_SORT_KIND:
      cmp = strcmp (ra->kind, rb->kind);
      break;
    case REDRESS_CASE_SORT_STAGE:
      cmp = strcmp (ra->stage, rb->stage);
      break;
    case REDRESS_CASE_SORT_NEXT_DEADLINE:
      if ((ra->next_deadline == NULL) != (rb->next_deadline == NULL))
        cmp = ra->next_deadline == NULL ? 1 : -1;
      else if (ra->next_deadline != NULL)
        cmp = strcmp (ra->next_deadline, rb->next_deadline);
      break;
    case REDRESS_CASE_SORT_UPDATED:
      cmp = strcmp (ra->updated_at, rb->updated_at);
      break;
    default:
      g_assert_not_reached ();
    }
  return cmp != 0 ? cmp : strcmp (ra->reference, rb->reference);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_loaded (RedressCaseList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (redress_case_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static void
assert_item (RedressCaseList *list,
             guint            position,
             const Row       *row)
{
  g_autoptr(RedressCase) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (item);
  if (g_strcmp0 (redress_record_get_id (REDRESS_RECORD (item)), row->id) != 0)
    g_error ("position %u: %s, expected %s", position, redress_case_get_reference (item),
             row->reference);
}

static void
check_orders (Fixture *f,
              guint    n,
              gboolean every_item)
{
  g_autoptr(RedressCaseList) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  fill (f->db, n);
  rows = read_rows (f->db);
  list = redress_case_list_new (f->db);
  g_assert_cmpuint (rows->len, ==, n);

  g_assert_true (redress_case_list_get_loading (list));
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), G_MAXUINT));

  for (sort_key = REDRESS_CASE_SORT_REFERENCE; sort_key <= REDRESS_CASE_SORT_UPDATED; sort_key++)
    for (int descending = 0; descending <= 1; descending++)
      {
        redress_case_list_set_sort_key (list, sort_key);
        redress_case_list_set_sort_descending (list, descending);
        wait_loaded (list);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

        g_ptr_array_sort (rows, compare_rows);
        if (descending)
          for (guint i = 0; i < n / 2; i++)
            {
              gpointer tmp = rows->pdata[i];

              rows->pdata[i] = rows->pdata[n - 1 - i];
              rows->pdata[n - 1 - i] = tmp;
            }

        if (every_item)
          for (guint i = 0; i < n; i++)
            assert_item (list, i, g_ptr_array_index (rows, i));
        else
          {
            guint fixed[] = { 0, 1, PAGE_SIZE_PROBE, n / 2, n - 2, n - 1 };

            for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
              assert_item (list, fixed[i], g_ptr_array_index (rows, fixed[i]));
            /* Random jumps, then a stretch read in order across pages. */
            for (guint i = 0; i < 200; i++)
              {
                guint pos = (guint) g_rand_int_range (rand, 0, (gint32) n);

                assert_item (list, pos, g_ptr_array_index (rows, pos));
              }
            for (guint i = n / 3; i < n / 3 + 600; i++)
              assert_item (list, i, g_ptr_array_index (rows, i));
          }
      }
}

static void
test_order_1k (Fixture       *f,
               gconstpointer  data)
{
  check_orders (f, 1000, TRUE);
}

static void
test_order_20k (Fixture       *f,
                gconstpointer  data)
{
  check_orders (f, 20000, FALSE);
}

static guint
count_matching (GPtrArray  *rows,
                const char *kind,
                const char *state,
                const char *stage,
                const char *overdue_before,
                gboolean    without)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = g_ptr_array_index (rows, i);

      if ((kind == NULL || g_str_equal (kind, row->kind)) &&
          (state == NULL || g_str_equal (state, row->state_code)) &&
          (stage == NULL || g_str_equal (stage, row->stage)) &&
          (overdue_before == NULL || (row->next_deadline != NULL &&
                                      strcmp (row->next_deadline, overdue_before) < 0)) &&
          (!without || row->next_deadline == NULL))
        n++;
    }
  return n;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(RedressCaseList) list = redress_case_list_new (f->db);
  g_autoptr(GPtrArray) rows = NULL;
  guint n, expected;

  fill (f->db, 3000);
  rows = read_rows (f->db);
  redress_case_list_reload (list);
  wait_loaded (list);

  redress_case_list_set_kind (list, "inquiry");
  redress_case_list_set_state_code (list, "KEN");
  wait_loaded (list);
  expected = count_matching (rows, "inquiry", "KEN", NULL, NULL, FALSE);
  g_assert_cmpuint (expected, >, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, expected);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressCase) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (redress_case_get_kind (item), ==, "inquiry");
      g_assert_cmpstr (redress_case_get_state_code (item), ==, "KEN");
    }

  redress_case_list_set_kind (list, NULL);
  redress_case_list_set_state_code (list, NULL);
  redress_case_list_set_stage (list, "registered");
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==,
                    count_matching (rows, NULL, NULL, "registered", NULL, FALSE));

  redress_case_list_set_stage (list, NULL);
  redress_case_list_set_today (list, "2025-06-15");
  redress_case_list_set_overdue_only (list, TRUE);
  wait_loaded (list);
  expected = count_matching (rows, NULL, NULL, NULL, "2025-06-15", FALSE);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(RedressCase) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (redress_case_get_next_deadline (item), <, "2025-06-15");
    }

  redress_case_list_set_overdue_only (list, FALSE);
  redress_case_list_set_without_deadline (list, TRUE);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2000);
  g_assert_cmpuint (count_matching (rows, NULL, NULL, NULL, NULL, TRUE), ==, 2000);
}

typedef struct
{
  guint position, removed, added, calls;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static guint
position_of (RedressCaseList *list,
             RedressCase     *kase)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(RedressCase) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item == kase)
        return i;
    }
  return G_MAXUINT;
}

static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RedressCaseList) list = redress_case_list_new (f->db);
  g_autoptr(RedressCase) kase = NULL;
  g_autoptr(RedressCase) first = NULL;
  g_autoptr(RedressDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;
  Change change = { 0 };
  guint pos;

  fill (f->db, 1000);
  redress_case_list_reload (list);
  wait_loaded (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);

  /* References are "a-NNNNNN-i" / "A-NNNNNN-i"; "A-5" sorts among them. */
  kase = redress_case_new ("communication", "A-5");
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1001);
  pos = position_of (list, kase);
  g_assert_cmpuint (pos, ==, change.position);
  g_assert_cmpuint (pos, >, 0);
  g_assert_cmpuint (pos, <, 1000);

  /* Renaming moves it: one change covering the old and new places. */
  g_object_set (kase, "reference", "0-first", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, pos + 1);
  g_assert_cmpuint (change.added, ==, pos + 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == kase);

  /* A change that does not move it emits nothing; the object notifies. */
  g_object_set (kase, "title", "Новое название", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  g_assert_cmpuint (change.calls, ==, 2);

  /* Sorted by next deadline, a new deadline moves the case up from the end. */
  redress_case_list_set_sort_key (list, REDRESS_CASE_SORT_NEXT_DEADLINE);
  wait_loaded (list);
  change.calls = 0;
  pos = position_of (list, kase);
  g_assert_cmpuint (pos, >=, 334);
  deadline = redress_deadline_new (redress_record_get_id (REDRESS_RECORD (kase)));
  g_object_set (deadline, "rule-id", "D01", "rule-pack-version", "1",
                "computed-due", "2001-01-01", NULL);
  g_assert_true (redress_record_save (REDRESS_RECORD (deadline), f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, pos + 1);
  g_assert_cmpuint (position_of (list, kase), ==, 0);

  /* Deleting removes exactly its row. */
  redress_case_list_set_sort_key (list, REDRESS_CASE_SORT_REFERENCE);
  wait_loaded (list);
  change.calls = 0;
  g_assert_true (redress_record_delete (REDRESS_RECORD (kase), f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);

  /* A case filtered out changes nothing in the list. */
  redress_case_list_set_kind (list, "inquiry");
  wait_loaded (list);
  change.calls = 0;
  {
    g_autoptr(RedressCase) other = redress_case_new ("communication", "B-1");

    g_assert_true (redress_record_save (REDRESS_RECORD (other), f->db, &error));
    g_assert_cmpuint (change.calls, ==, 0);
  }
  g_signal_handlers_disconnect_by_data (list, &change);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/case-list/order-1k", Fixture, NULL, fixture_setup, test_order_1k, fixture_teardown);
  g_test_add ("/case-list/order-20k", Fixture, NULL, fixture_setup, test_order_20k, fixture_teardown);
  g_test_add ("/case-list/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/case-list/items-changed", Fixture, NULL, fixture_setup, test_items_changed,
              fixture_teardown);

  return g_test_run ();
}
