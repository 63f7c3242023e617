/* redress-case-list.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The docket list: a lazy GListModel of RedressCase.  It never holds every id:
 * it counts the matching rows with SELECT count(*) (in a worker thread, on its
 * own read-only connection), then fetches pages of rows on demand in
 * get_item(), through an index for every sort key (schema 4), and keeps a few
 * pages in an LRU cache.  Rows come from the identity map, so the same case is
 * the same object everywhere.  A change to one case is turned into an exact
 * items-changed from where the row was and where it is now.
 */

#define G_LOG_DOMAIN "redress-case-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-case-list.h"
#include "redress-case.h"
#include "redress-record-private.h"
#include "redress-util.h"

#define PAGE_SIZE 128
#define MAX_PAGES 16

G_DEFINE_ENUM_TYPE (RedressCaseSort, redress_case_sort,
  G_DEFINE_ENUM_VALUE (REDRESS_CASE_SORT_REFERENCE, "reference"),
  G_DEFINE_ENUM_VALUE (REDRESS_CASE_SORT_TITLE, "title"),
  G_DEFINE_ENUM_VALUE (REDRESS_CASE_SORT_STATE, "state"),
  G_DEFINE_ENUM_VALUE (REDRESS_CASE_SORT_KIND, "kind"),
  G_DEFINE_ENUM_VALUE (REDRESS_CASE_SORT_STAGE, "stage"),
  G_DEFINE_ENUM_VALUE (REDRESS_CASE_SORT_NEXT_DEADLINE, "next-deadline"),
  G_DEFINE_ENUM_VALUE (REDRESS_CASE_SORT_UPDATED, "updated"))

/* The first sort term of each key, in the form its index (schema 4 and 1)
 * was made with; the second term is always the unique reference. */
static const char * const sort_terms[] = {
  [REDRESS_CASE_SORT_REFERENCE]     = "reference COLLATE NOCASE",
  [REDRESS_CASE_SORT_TITLE]         = "title COLLATE NOCASE",
  [REDRESS_CASE_SORT_STATE]         = "state_code",
  [REDRESS_CASE_SORT_KIND]          = "kind",
  [REDRESS_CASE_SORT_STAGE]         = "stage",
  [REDRESS_CASE_SORT_NEXT_DEADLINE] = "ifnull (next_deadline, '~')",
  [REDRESS_CASE_SORT_UPDATED]       = "updated_at",
};

/* What the list shows: filters and order.  The list keeps the one in use
 * and a requested one that becomes active when its count is done. */
typedef struct
{
  char            *kind;
  char            *stage;
  char            *state_code;
  char            *today;
  RedressCaseSort  sort_key;
  gboolean         descending;
  gboolean         overdue_only;
  gboolean         without_deadline;
} Query;

/* The values of one case that the query looks at. */
typedef struct
{
  char *kind;
  char *stage;
  char *state_code;
  char *next_deadline;
  char *reference;
  char *title;
  char *updated_at;
} RowKey;

typedef struct
{
  guint      index;
  GPtrArray *items;   /* RedressCase */
} Page;

/* A read-only connection shared by the list and its count workers. */
typedef struct
{
  GMutex             lock;
  RedressConnection *db;
} Reader;

struct _RedressCaseList
{
  GObject          parent_instance;

  RedressDatabase *db;
  Reader          *reader;
  Query            requested;
  Query            active;
  guint            n_items;
  guint            generation;
  GHashTable      *pages;     /* page index -> Page */
  GQueue           lru;       /* Page, most recently used first */

  guint            loading : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RedressCaseList, redress_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_KIND,
  PROP_STAGE,
  PROP_STATE_CODE,
  PROP_OVERDUE_ONLY,
  PROP_WITHOUT_DEADLINE,
  PROP_SORT_KEY,
  PROP_SORT_DESCENDING,
  PROP_TODAY,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->kind, g_free);
  g_clear_pointer (&q->stage, g_free);
  g_clear_pointer (&q->state_code, g_free);
  g_clear_pointer (&q->today, g_free);
}

static void
query_copy (Query       *dest,
            const Query *src)
{
  query_clear (dest);
  *dest = *src;
  dest->kind = g_strdup (src->kind);
  dest->stage = g_strdup (src->stage);
  dest->state_code = g_strdup (src->state_code);
  dest->today = g_strdup (src->today);
}

static void
query_free (gpointer data)
{
  query_clear (data);
  g_free (data);
}

static void
row_key_clear (RowKey *key)
{
  g_clear_pointer (&key->kind, g_free);
  g_clear_pointer (&key->stage, g_free);
  g_clear_pointer (&key->state_code, g_free);
  g_clear_pointer (&key->next_deadline, g_free);
  g_clear_pointer (&key->reference, g_free);
  g_clear_pointer (&key->title, g_free);
  g_clear_pointer (&key->updated_at, g_free);
}

static Reader *
reader_ref (Reader *reader)
{
  return g_atomic_rc_box_acquire (reader);
}

static void
reader_clear (gpointer data)
{
  Reader *reader = data;

  if (reader->db != NULL)
    redress_connection_close (reader->db);
  g_mutex_clear (&reader->lock);
}

static void
reader_unref (Reader *reader)
{
  g_atomic_rc_box_release_full (reader, reader_clear);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
flush_pages (RedressCaseList *self)
{
  g_queue_clear (&self->lru);
  g_hash_table_remove_all (self->pages);
}

/* " WHERE ..." for @q with named parameters, or "" when nothing is filtered. */
static char *
where_clause (const Query *q,
              const char  *extra)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (q->kind != NULL)
    g_ptr_array_add (terms, (gpointer) "kind = :kind");
  if (q->stage != NULL)
    g_ptr_array_add (terms, (gpointer) "stage = :stage");
  if (q->state_code != NULL)
    g_ptr_array_add (terms, (gpointer) "state_code = :state");
  if (q->overdue_only)
    g_ptr_array_add (terms, (gpointer) "next_deadline < :today");
  if (q->without_deadline)
    g_ptr_array_add (terms, (gpointer) "next_deadline IS NULL");
  if (extra != NULL)
    g_ptr_array_add (terms, (gpointer) extra);
  if (terms->len == 0)
    return g_strdup ("");
  g_ptr_array_add (terms, NULL);
  joined = g_strjoinv (" AND ", (char **) terms->pdata);
  return g_strconcat (" WHERE ", joined, NULL);
}

static char *
order_clause (const Query *q)
{
  const char *dir = q->descending ? " DESC" : "";

  return g_strdup_printf (" ORDER BY %s%s, reference%s", sort_terms[q->sort_key], dir, dir);
}

/* "(first term, reference) < (:k1, :k2)", the rows before a key in @q's order. */
static char *
before_clause (const Query *q)
{
  return g_strdup_printf ("(%s, reference) %s (:k1, :k2)", sort_terms[q->sort_key],
                          q->descending ? ">" : "<");
}

static char *
after_clause (const Query *q)
{
  return g_strdup_printf ("(%s, reference) %s (:k1, :k2)", sort_terms[q->sort_key],
                          q->descending ? "<" : ">");
}

static void
bind_named (RedressStatement *stmt,
            const char       *name,
            const char       *value)
{
  int idx = redress_statement_parameter_index (stmt, name);

  if (idx > 0)
    redress_statement_bind_text (stmt, idx, value);
}

static void
bind_query (RedressStatement *stmt,
            const Query      *q)
{
  bind_named (stmt, ":kind", q->kind);
  bind_named (stmt, ":stage", q->stage);
  bind_named (stmt, ":state", q->state_code);
  bind_named (stmt, ":today", q->today);
}

/* The value a row has for the first sort term of @q. */
static const char *
key_first (const Query  *q,
           const RowKey *key)
{
  switch (q->sort_key)
    {
    case REDRESS_CASE_SORT_REFERENCE:
      return key->reference;
    case REDRESS_CASE_SORT_TITLE:
      return key->title;
    case REDRESS_CASE_SORT_STATE:
      return key->state_code;
    case REDRESS_CASE_SORT_KIND:
      return key->kind;
    case REDRESS_CASE_SORT_STAGE:
      return key->stage;
    case REDRESS_CASE_SORT_NEXT_DEADLINE:
      return key->next_deadline != NULL ? key->next_deadline : "~";
    case REDRESS_CASE_SORT_UPDATED:
    default:
      return key->updated_at;
    }
}

static void
bind_key (RedressStatement *stmt,
          const Query      *q,
          const RowKey     *key)
{
  bind_named (stmt, ":k1", key_first (q, key));
  bind_named (stmt, ":k2", key->reference);
}

static gboolean
key_matches (const Query  *q,
             const RowKey *key)
{
  if (q->kind != NULL && g_strcmp0 (q->kind, key->kind) != 0)
    return FALSE;
  if (q->stage != NULL && g_strcmp0 (q->stage, key->stage) != 0)
    return FALSE;
  if (q->state_code != NULL && g_strcmp0 (q->state_code, key->state_code) != 0)
    return FALSE;
  if (q->overdue_only && (key->next_deadline == NULL || q->today == NULL ||
                          strcmp (key->next_deadline, q->today) >= 0))
    return FALSE;
  if (q->without_deadline && key->next_deadline != NULL)
    return FALSE;
  return TRUE;
}

static char *
stored_string (RedressRecord *record,
               const char    *property,
               gboolean       stored)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!stored)
    return g_strdup (redress_record_get_string (record, property));
  if (!_redress_record_get_stored (record, property, &value))
    return NULL;
  return g_value_dup_string (&value);
}

/* The key of a live case: its stored values (the row before the change being
 * signalled) or its current ones. */
static void
row_key_from_record (RowKey        *key,
                     RedressRecord *record,
                     gboolean       stored)
{
  key->kind = stored_string (record, "kind", stored);
  key->stage = stored_string (record, "stage", stored);
  key->state_code = stored_string (record, "state-code", stored);
  key->next_deadline = stored_string (record, "next-deadline", stored);
  key->reference = stored_string (record, "reference", stored);
  key->title = stored_string (record, "title", stored);
  if (stored)
    key->updated_at = stored_string (record, "updated-at", TRUE);
  else
    key->updated_at = g_strdup (redress_record_get_updated_at (record));
}

/* The key of a case as its row is now; FALSE when there is no such row. */
static gboolean
row_key_from_database (RedressCaseList *self,
                       const char      *id,
                       RowKey          *key)
{
  g_autoptr(RedressStatement) stmt = NULL;

  stmt = redress_database_prepare (self->db,
                                   "SELECT kind, stage, state_code, next_deadline, reference,"
                                   " title, updated_at FROM case_file WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, id);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    return FALSE;
  key->kind = g_strdup (redress_statement_column_text (stmt, 0));
  key->stage = g_strdup (redress_statement_column_text (stmt, 1));
  key->state_code = g_strdup (redress_statement_column_text (stmt, 2));
  key->next_deadline = g_strdup (redress_statement_column_text (stmt, 3));
  key->reference = g_strdup (redress_statement_column_text (stmt, 4));
  key->title = g_strdup (redress_statement_column_text (stmt, 5));
  key->updated_at = g_strdup (redress_statement_column_text (stmt, 6));
  return TRUE;
}

static gint64
count_rows (RedressConnection     *db,
            const Query *q,
            const char  *extra,
            const RowKey *key,
            const char  *exclude_id)
{
  g_autofree char *where = where_clause (q, extra);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM case_file", where, NULL);
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((stmt = redress_connection_prepare (db, sql, &local_error)) == NULL)
    {
      g_message ("Could not count the cases: %s", local_error->message);
      return -1;
    }
  bind_query (stmt, q);
  if (key != NULL)
    bind_key (stmt, q, key);
  bind_named (stmt, ":exclude", exclude_id);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    {
      g_message ("Could not count the cases: %s", redress_statement_get_error_message (stmt));
      return -1;
    }
  return redress_statement_column_int64 (stmt, 0);
}

/* Where a row with @key is (or was) in the active order, not counting itself. */
static gint64
position_of (RedressCaseList *self,
             const RowKey    *key,
             const char      *id)
{
  g_autofree char *before = before_clause (&self->active);
  g_autofree char *extra = g_strconcat (before, " AND id != :exclude", NULL);

  return count_rows (redress_database_get_connection (self->db), &self->active, extra, key, id);
}

static void
set_loading (RedressCaseList *self,
             gboolean         loading)
{
  if (self->loading == !!loading)
    return;
  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
replace_all (RedressCaseList *self,
             guint            n_items)
{
  guint old = self->n_items;

  flush_pages (self);
  self->n_items = n_items;
  if (old != 0 || n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, n_items);
  if (old != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

typedef struct
{
  Reader *reader;
  char   *path;
  Query  *query;
  guint   generation;
} Count;

static void
count_free (gpointer data)
{
  Count *count = data;

  reader_unref (count->reader);
  query_free (count->query);
  g_free (count);
}

static void
count_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Count *count = task_data;
  gint64 n;

  /* Runs in a thread: touches only @task_data. */
  g_mutex_lock (&count->reader->lock);
  n = count->reader->db != NULL ? count_rows (count->reader->db, count->query, NULL, NULL, NULL) : -1;
  g_mutex_unlock (&count->reader->lock);

  if (n < 0)
    g_task_return_new_error (task, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_FAILED,
                             _("Could not count the cases of the docket."));
  else
    g_task_return_int (task, n);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RedressCaseList) self = user_data;
  Count *count = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_task_propagate_int (G_TASK (result), &error);

  /* A newer reload was started while this one ran; let that one win. */
  if (count->generation != self->generation || self->db == NULL)
    return;

  set_loading (self, FALSE);
  query_copy (&self->active, count->query);
  if (error != NULL)
    {
      g_warning ("%s", error->message);
      n = 0;
    }
  replace_all (self, (guint) n);
}

/**
 * redress_case_list_reload:
 *
 * Counts the matching cases again in a worker thread and then replaces the
 * whole list; the filters and the order take effect then.  Setting a filter
 * or the order reloads by itself.
 */
void
redress_case_list_reload (RedressCaseList *self)
{
  g_autoptr(GTask) task = NULL;
  Count *count;

  g_return_if_fail (REDRESS_IS_CASE_LIST (self));

  if (self->db == NULL)
    return;

  if (self->reader->db == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_mutex_lock (&self->reader->lock);
      self->reader->db = redress_database_open_reader (self->db, &error);
      g_mutex_unlock (&self->reader->lock);
      if (self->reader->db == NULL)
        g_warning ("Could not open a reader on the docket: %s", error->message);
    }

  count = g_new0 (Count, 1);
  count->reader = reader_ref (self->reader);
  count->query = g_new0 (Query, 1);
  query_copy (count->query, &self->requested);
  count->generation = ++self->generation;

  set_loading (self, TRUE);

  /* No source object: the task may be released in the worker thread, and
   * the list must only be released on the main thread. */
  task = g_task_new (NULL, NULL, count_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, redress_case_list_reload);
  g_task_set_task_data (task, count, count_free);
  g_task_run_in_thread (task, count_worker);
}

/* Applies one changed case as an exact items-changed, or reloads. */
static void
case_changed (RedressCaseList *self,
              const char      *id)
{
  RedressRecord *live = _redress_record_peek (self->db, REDRESS_TYPE_CASE, id);
  RowKey old_key = { 0 }, new_key = { 0 };
  gboolean old_known, old_member = FALSE, new_member;
  gint64 old_pos = -1, new_pos = -1, n;

  old_known = live != NULL;
  if (live != NULL && _redress_record_was_stored (live))
    {
      row_key_from_record (&old_key, live, TRUE);
      old_member = key_matches (&self->active, &old_key);
    }

  new_member = row_key_from_database (self, id, &new_key) && key_matches (&self->active, &new_key);
  n = count_rows (redress_database_get_connection (self->db), &self->active, NULL, NULL, NULL);
  if (n < 0)
    goto reset;

  if (!old_known)
    {
      /* Not alive anywhere, so its old values are unknown: only an insertion
       * or a change that leaves it out can be placed exactly. */
      if (n == (gint64) self->n_items + 1 && new_member)
        old_member = FALSE;
      else if (n == (gint64) self->n_items && !new_member)
        goto done;
      else
        goto reset;
    }

  if (n != (gint64) self->n_items - old_member + new_member)
    goto reset;
  if (old_member && (old_pos = position_of (self, &old_key, id)) < 0)
    goto reset;
  if (new_member && (new_pos = position_of (self, &new_key, id)) < 0)
    goto reset;

  flush_pages (self);
  self->n_items = (guint) n;
  if (old_member && new_member)
    {
      if (old_pos != new_pos)
        {
          guint first = (guint) MIN (old_pos, new_pos);
          guint span = (guint) (MAX (old_pos, new_pos) - first + 1);

          g_list_model_items_changed (G_LIST_MODEL (self), first, span, span);
        }
    }
  else if (old_member)
    g_list_model_items_changed (G_LIST_MODEL (self), (guint) old_pos, 1, 0);
  else if (new_member)
    g_list_model_items_changed (G_LIST_MODEL (self), (guint) new_pos, 0, 1);
  if (old_member != new_member)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  goto done;

reset:
  replace_all (self, n < 0 ? 0 : (guint) n);
done:
  row_key_clear (&old_key);
  row_key_clear (&new_key);
}

static void
database_changed_cb (RedressCaseList *self,
                     const char      *table,
                     const char      *id,
                     RedressDatabase *db)
{
  g_autofree char *case_id = NULL;

  if (self->loading || id == NULL)
    {
      redress_case_list_reload (self);
      return;
    }

  if (g_str_equal (table, "case_file"))
    case_id = g_strdup (id);
  else
    {
      g_autofree char *sql = NULL;
      g_autoptr(RedressStatement) stmt = NULL;

      /* Deadlines and parties change only derived columns; positions move
       * only when the order or a filter looks at the next deadline. */
      if (self->active.sort_key != REDRESS_CASE_SORT_NEXT_DEADLINE &&
          !self->active.overdue_only && !self->active.without_deadline)
        return;

      sql = g_strdup_printf ("SELECT case_id FROM \"%s\" WHERE id = ?1", table);
      if ((stmt = redress_database_prepare (db, sql, NULL)) == NULL)
        return;
      redress_statement_bind_text (stmt, 1, id);
      if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
        {
          redress_case_list_reload (self);
          return;
        }
      case_id = g_strdup (redress_statement_column_text (stmt, 0));
    }

  case_changed (self, case_id);
}

static Page *
fetch_page (RedressCaseList *self,
            guint            index)
{
  g_autofree char *select = NULL;
  g_autofree char *where = NULL;
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  RowKey key = { 0 };
  Page *prev = index > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index - 1)) : NULL;
  Page *page;
  int rc;

  if ((select = _redress_record_select_sql (self->db, REDRESS_TYPE_CASE, NULL)) == NULL)
    return NULL;

  /* Reading on from the page before is a keyset seek, not an OFFSET scan. */
  if (prev != NULL && prev->items->len == PAGE_SIZE)
    {
      after = after_clause (&self->active);
      row_key_from_record (&key, g_ptr_array_index (prev->items, PAGE_SIZE - 1), FALSE);
    }
  where = where_clause (&self->active, after);
  order = order_clause (&self->active);
  sql = g_strdup_printf ("%s%s%s LIMIT %d OFFSET %u", select, where, order, PAGE_SIZE,
                         after != NULL ? 0 : index * PAGE_SIZE);

  stmt = redress_database_prepare (self->db, sql, NULL);
  if (stmt == NULL)
    {
      row_key_clear (&key);
      return NULL;
    }
  bind_query (stmt, &self->active);
  if (after != NULL)
    bind_key (stmt, &self->active, &key);
  row_key_clear (&key);

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_ptr_array_add (page->items, _redress_record_from_row (self->db, REDRESS_TYPE_CASE, stmt));
  if (rc != REDRESS_STEP_DONE)
    g_message ("Could not read cases: %s", redress_statement_get_error_message (stmt));

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head (&self->lru, page);
  while (self->lru.length > MAX_PAGES)
    {
      Page *oldest = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->pages, GUINT_TO_POINTER (oldest->index));
    }

  return page;
}

static GType
redress_case_list_get_item_type (GListModel *model)
{
  return REDRESS_TYPE_CASE;
}

static guint
redress_case_list_get_n_items (GListModel *model)
{
  return REDRESS_CASE_LIST (model)->n_items;
}

/* What a view shows for a row that cannot be read (a damaged page of the
 * docket, or a case deleted an instant before the change signal): views must
 * never get NULL for a position below n-items. */
static gpointer
unreadable_case (guint position)
{
  g_autofree char *reference = g_strdup_printf ("#%u", position + 1);

  return g_object_new (REDRESS_TYPE_CASE,
                       "kind", "communication",
                       "reference", reference,
                       "title", _("This case cannot be read from the docket"),
                       NULL);
}

static gpointer
redress_case_list_get_item (GListModel *model,
                            guint       position)
{
  RedressCaseList *self = REDRESS_CASE_LIST (model);
  guint index = position / PAGE_SIZE;
  Page *page;

  if (position >= self->n_items || self->db == NULL)
    return NULL;

  if ((page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index))) != NULL)
    {
      g_queue_remove (&self->lru, page);
      g_queue_push_head (&self->lru, page);
    }
  else if ((page = fetch_page (self, index)) == NULL)
    return unreadable_case (position);

  if (position % PAGE_SIZE >= page->items->len)
    {
      /* Unreadable, or deleted behind the list's back (the change signal
       * will fix that). */
      g_message ("Case %u of the list cannot be read", position);
      return unreadable_case (position);
    }

  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = redress_case_list_get_item_type;
  iface->get_n_items = redress_case_list_get_n_items;
  iface->get_item = redress_case_list_get_item;
}

static void
redress_case_list_dispose (GObject *object)
{
  RedressCaseList *self = (RedressCaseList *)object;

  flush_pages (self);
  if (self->db != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->db, self);
      g_clear_object (&self->db);
    }

  G_OBJECT_CLASS (redress_case_list_parent_class)->dispose (object);
}

static void
redress_case_list_finalize (GObject *object)
{
  RedressCaseList *self = (RedressCaseList *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->reader, reader_unref);
  query_clear (&self->requested);
  query_clear (&self->active);

  G_OBJECT_CLASS (redress_case_list_parent_class)->finalize (object);
}

static void
redress_case_list_constructed (GObject *object)
{
  RedressCaseList *self = (RedressCaseList *)object;
  static const char * const tables[] = { "case_file", "deadline", "case_party" };

  G_OBJECT_CLASS (redress_case_list_parent_class)->constructed (object);

  g_return_if_fail (self->db != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

      g_signal_connect_object (self->db, signal, G_CALLBACK (database_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  redress_case_list_reload (self);
}

static void
redress_case_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RedressCaseList *self = REDRESS_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->requested.kind);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->requested.stage);
      break;
    case PROP_STATE_CODE:
      g_value_set_string (value, self->requested.state_code);
      break;
    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->requested.overdue_only);
      break;
    case PROP_WITHOUT_DEADLINE:
      g_value_set_boolean (value, self->requested.without_deadline);
      break;
    case PROP_SORT_KEY:
      g_value_set_enum (value, self->requested.sort_key);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->requested.descending);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->requested.today);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_case_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RedressCaseList *self = REDRESS_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;
    case PROP_KIND:
      redress_case_list_set_kind (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      redress_case_list_set_stage (self, g_value_get_string (value));
      break;
    case PROP_STATE_CODE:
      redress_case_list_set_state_code (self, g_value_get_string (value));
      break;
    case PROP_OVERDUE_ONLY:
      redress_case_list_set_overdue_only (self, g_value_get_boolean (value));
      break;
    case PROP_WITHOUT_DEADLINE:
      redress_case_list_set_without_deadline (self, g_value_get_boolean (value));
      break;
    case PROP_SORT_KEY:
      redress_case_list_set_sort_key (self, g_value_get_enum (value));
      break;
    case PROP_SORT_DESCENDING:
      redress_case_list_set_sort_descending (self, g_value_get_boolean (value));
      break;
    case PROP_TODAY:
      redress_case_list_set_today (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_case_list_class_init (RedressCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = redress_case_list_constructed;
  object_class->dispose = redress_case_list_dispose;
  object_class->finalize = redress_case_list_finalize;
  object_class->get_property = redress_case_list_get_property;
  object_class->set_property = redress_case_list_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, REDRESS_TYPE_DATABASE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* NULL: any kind, stage or State. */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, rw);
  properties[PROP_STAGE] = g_param_spec_string ("stage", NULL, NULL, NULL, rw);
  properties[PROP_STATE_CODE] = g_param_spec_string ("state-code", NULL, NULL, NULL, rw);
  properties[PROP_OVERDUE_ONLY] = g_param_spec_boolean ("overdue-only", NULL, NULL, FALSE, rw);
  properties[PROP_WITHOUT_DEADLINE] =
    g_param_spec_boolean ("without-deadline", NULL, NULL, FALSE, rw);
  properties[PROP_SORT_KEY] =
    g_param_spec_enum ("sort-key", NULL, NULL, REDRESS_TYPE_CASE_SORT,
                       REDRESS_CASE_SORT_REFERENCE, rw);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE, rw);
  /* The date "overdue" is measured against; today unless set (tests). */
  properties[PROP_TODAY] = g_param_spec_string ("today", NULL, NULL, NULL, rw);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_case_list_init (RedressCaseList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  g_queue_init (&self->lru);
  self->reader = g_atomic_rc_box_new0 (Reader);
  g_mutex_init (&self->reader->lock);
  self->requested.today = redress_iso_date_today ();
  self->active.today = g_strdup (self->requested.today);
}

/**
 * redress_case_list_new:
 * @db: the docket
 *
 * The list starts empty and loading; it fills in when the count is done.
 *
 * Returns: (transfer full): the cases of @db, sorted by reference.
 */
RedressCaseList *
redress_case_list_new (RedressDatabase *db)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  return g_object_new (REDRESS_TYPE_CASE_LIST, "database", db, NULL);
}

RedressDatabase *
redress_case_list_get_database (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), NULL);

  return self->db;
}

static void
set_filter_string (RedressCaseList *self,
                   char           **field,
                   const char      *value,
                   int              prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (self->db != NULL)
    redress_case_list_reload (self);
}

static void
set_filter_boolean (RedressCaseList *self,
                    gboolean        *field,
                    gboolean         value,
                    int              prop)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  if (self->db != NULL)
    redress_case_list_reload (self);
}

const char *
redress_case_list_get_kind (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), NULL);

  return self->requested.kind;
}

void
redress_case_list_set_kind (RedressCaseList *self,
                            const char      *kind)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));

  set_filter_string (self, &self->requested.kind, kind, PROP_KIND);
}

const char *
redress_case_list_get_stage (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), NULL);

  return self->requested.stage;
}

void
redress_case_list_set_stage (RedressCaseList *self,
                             const char      *stage)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));

  set_filter_string (self, &self->requested.stage, stage, PROP_STAGE);
}

const char *
redress_case_list_get_state_code (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), NULL);

  return self->requested.state_code;
}

void
redress_case_list_set_state_code (RedressCaseList *self,
                                  const char      *state_code)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));

  set_filter_string (self, &self->requested.state_code, state_code, PROP_STATE_CODE);
}

gboolean
redress_case_list_get_overdue_only (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), FALSE);

  return self->requested.overdue_only;
}

void
redress_case_list_set_overdue_only (RedressCaseList *self,
                                    gboolean         overdue_only)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));

  set_filter_boolean (self, &self->requested.overdue_only, overdue_only, PROP_OVERDUE_ONLY);
}

gboolean
redress_case_list_get_without_deadline (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), FALSE);

  return self->requested.without_deadline;
}

void
redress_case_list_set_without_deadline (RedressCaseList *self,
                                        gboolean         without_deadline)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));

  set_filter_boolean (self, &self->requested.without_deadline, without_deadline,
                      PROP_WITHOUT_DEADLINE);
}

RedressCaseSort
redress_case_list_get_sort_key (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), REDRESS_CASE_SORT_REFERENCE);

  return self->requested.sort_key;
}

void
redress_case_list_set_sort_key (RedressCaseList *self,
                                RedressCaseSort  sort_key)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));
  g_return_if_fail (sort_key <= REDRESS_CASE_SORT_UPDATED);

  if (self->requested.sort_key == sort_key)
    return;
  self->requested.sort_key = sort_key;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_KEY]);
  if (self->db != NULL)
    redress_case_list_reload (self);
}

gboolean
redress_case_list_get_sort_descending (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), FALSE);

  return self->requested.descending;
}

void
redress_case_list_set_sort_descending (RedressCaseList *self,
                                       gboolean         sort_descending)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));

  set_filter_boolean (self, &self->requested.descending, sort_descending,
                      PROP_SORT_DESCENDING);
}

const char *
redress_case_list_get_today (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), NULL);

  return self->requested.today;
}

void
redress_case_list_set_today (RedressCaseList *self,
                             const char      *today)
{
  g_return_if_fail (REDRESS_IS_CASE_LIST (self));
  g_return_if_fail (today == NULL || redress_iso_date_is_valid (today));

  if (today == NULL)
    {
      g_autofree char *now = redress_iso_date_today ();

      set_filter_string (self, &self->requested.today, now, PROP_TODAY);
    }
  else
    set_filter_string (self, &self->requested.today, today, PROP_TODAY);
}

gboolean
redress_case_list_get_loading (RedressCaseList *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_LIST (self), FALSE);

  return self->loading;
}
