/* redress-search.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full-text search over the search_index FTS5 table (migrations/0002-search.sql):
 * one hit per case, the best-ranked of its rows, ranked by bm25.
 */

#define G_LOG_DOMAIN "redress-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-database-private.h"
#include "redress-docket-private.h"
#include "redress-sqlite-private.h"
#include "redress-search.h"

/* Markers FTS5's snippet() puts around matched terms; never in user text
 * the hit shows (redress_search_hit_get_snippet() strips them). */
#define MATCH_START '\001'
#define MATCH_END   '\002'

/* A match in a case's title or reference counts for more than one in a note:
 * bm25 is negative, better is lower, so a larger weight ranks higher. */
static const char search_head_sql[] =
  "WITH h AS MATERIALIZED ("
  "  SELECT case_id, source, "
  "         bm25 (search_index) * CASE source "
  "                                 WHEN 'case' THEN 4.0 "
  "                                 WHEN 'party' THEN 2.0 "
  "                                 WHEN 'case-text' THEN 1.5 "
  "                                 ELSE 1.0 END AS r, "
  "         snippet (search_index, 3, char (1), char (2), '…', 12) AS snip "
  "    FROM search_index WHERE search_index MATCH ?1) "
  "SELECT h.case_id, c.reference, c.title, h.source, h.snip, min (h.r) AS best "
  "  FROM h JOIN case_file AS c ON c.id = h.case_id ";
static const char search_tail_sql[] =
  " GROUP BY h.case_id "
  " ORDER BY best, c.reference "
  " LIMIT ?2";

/* The quoted terms of a MATCH expression from redress_search_build_match(),
 * each with its prefix star: "child" "lea"* gives "child" and "lea"*. */
static GPtrArray *
split_match (const char *match)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *p = match;

  while (*p != '\0')
    {
      const char *start;

      while (*p == ' ')
        p++;
      if (*p != '"')
        break;
      start = p++;
      while (*p != '\0' && !(p[0] == '"' && p[1] != '"'))
        p += p[0] == '"' ? 2 : 1;
      if (*p == '"')
        p++;
      if (*p == '*')
        p++;
      g_ptr_array_add (terms, g_strndup (start, p - start));
    }
  return terms;
}

#define DEFAULT_LIMIT 50

struct _RedressSearchHit
{
  GObject  parent_instance;

  char    *case_id;
  char    *reference;
  char    *title;
  char    *raw_snippet;  /* with MATCH_START / MATCH_END */
  char    *snippet;
  char    *source;
  double   rank;
};

G_DEFINE_FINAL_TYPE (RedressSearchHit, redress_search_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_RANK,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redress_search_hit_finalize (GObject *object)
{
  RedressSearchHit *self = (RedressSearchHit *)object;

  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->raw_snippet, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (redress_search_hit_parent_class)->finalize (object);
}

static void
redress_search_hit_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RedressSearchHit *self = REDRESS_SEARCH_HIT (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    case PROP_RANK:
      g_value_set_double (value, self->rank);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_search_hit_class_init (RedressSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = redress_search_hit_finalize;
  object_class->get_property = redress_search_hit_get_property;

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * RedressSearchHit:rank:
   *
   * The weighted bm25 score of the best row of the case: lower is better,
   * as with FTS5's own rank.
   */
  properties[PROP_RANK] =
    g_param_spec_double ("rank", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * RedressSearchHit:source:
   *
   * Where the best match was: "case" (title, reference), "case-text",
   * "party", "note", "correspondence", "evidence" or "fact".
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_search_hit_init (RedressSearchHit *self)
{
}

static char *
strip_markers (const char *raw)
{
  GString *s = g_string_new (NULL);

  for (const char *p = raw; p != NULL && *p != '\0'; p++)
    if (*p != MATCH_START && *p != MATCH_END)
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

const char *
redress_search_hit_get_case_id (RedressSearchHit *self)
{
  g_return_val_if_fail (REDRESS_IS_SEARCH_HIT (self), NULL);
  return self->case_id;
}

const char *
redress_search_hit_get_reference (RedressSearchHit *self)
{
  g_return_val_if_fail (REDRESS_IS_SEARCH_HIT (self), NULL);
  return self->reference;
}

const char *
redress_search_hit_get_title (RedressSearchHit *self)
{
  g_return_val_if_fail (REDRESS_IS_SEARCH_HIT (self), NULL);
  return self->title;
}

/* The text around the match, plain. */
const char *
redress_search_hit_get_snippet (RedressSearchHit *self)
{
  g_return_val_if_fail (REDRESS_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

/**
 * redress_search_hit_dup_snippet_markup:
 *
 * Returns: (transfer full): the snippet as escaped Pango/GMarkup text with
 *   the matched terms in <b></b>.
 */
char *
redress_search_hit_dup_snippet_markup (RedressSearchHit *self)
{
  GString *s;
  const char *p;

  g_return_val_if_fail (REDRESS_IS_SEARCH_HIT (self), NULL);

  s = g_string_new (NULL);
  p = self->raw_snippet != NULL ? self->raw_snippet : "";
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *escaped = NULL;

      while (*end != '\0' && *end != MATCH_START && *end != MATCH_END)
        end++;
      escaped = g_markup_escape_text (p, end - p);
      g_string_append (s, escaped);
      if (*end == MATCH_START)
        g_string_append (s, "<b>");
      else if (*end == MATCH_END)
        g_string_append (s, "</b>");
      p = *end != '\0' ? end + 1 : end;
    }
  return g_string_free (s, FALSE);
}

double
redress_search_hit_get_rank (RedressSearchHit *self)
{
  g_return_val_if_fail (REDRESS_IS_SEARCH_HIT (self), 0.0);
  return self->rank;
}

const char *
redress_search_hit_get_source (RedressSearchHit *self)
{
  g_return_val_if_fail (REDRESS_IS_SEARCH_HIT (self), NULL);
  return self->source;
}

static gboolean
has_word_character (const char *term)
{
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * redress_search_build_match:
 * @query: what the user typed
 *
 * Turns free text into an FTS5 query that cannot be a syntax error: every
 * term is quoted (so AND, NOT, "-", "*", ":" and quotes mean nothing
 * special), all terms must match, and the last term matches as a prefix
 * unless the query ends in a space, so results follow typing.
 *
 * Returns: (transfer full) (nullable): the MATCH expression, or %NULL when
 *   @query holds nothing to search for.
 */
char *
redress_search_build_match (const char *query)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  GString *match;
  const char *p;
  gboolean trailing_space = FALSE;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return NULL;

  p = query;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_ptr_array_add (terms, g_strndup (start, p - start));
    }
  if (*query != '\0')
    {
      const char *last = g_utf8_find_prev_char (query, query + strlen (query));

      trailing_space = last != NULL && g_unichar_isspace (g_utf8_get_char (last));
    }

  match = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = g_ptr_array_index (terms, i);

      if (!has_word_character (term))
        continue;
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *q = term; *q != '\0'; q++)
        {
          if (*q == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *q);
        }
      g_string_append_c (match, '"');
      if (i == terms->len - 1 && !trailing_space)
        g_string_append_c (match, '*');
    }

  if (match->len == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }
  return g_string_free (match, FALSE);
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* Runs the search on @conn, from any thread. */
static GListModel *
search_on (sqlite3       *conn,
           const char    *match,
           guint          limit,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (REDRESS_TYPE_SEARCH_HIT);
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *any_match = NULL;
  int rc;

  if (match == NULL)
    return G_LIST_MODEL (g_steal_pointer (&store));

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* A case matches as a whole: each term may be in another of its rows (the
   * child's name in a party row, a word of the facts in a fact row).  Rows
   * matching any term are ranked; a case is kept when it has every term. */
  terms = split_match (match);
  sql = g_string_new (search_head_sql);
  if (terms->len > 1)
    {
      g_autoptr(GString) any = g_string_new (NULL);

      for (guint i = 0; i < terms->len; i++)
        {
          g_string_append_printf (any, "%s%s", i > 0 ? " OR " : "", (char *) g_ptr_array_index (terms, i));
          g_string_append_printf (sql, "%s h.case_id IN (SELECT case_id FROM search_index "
                                       "WHERE search_index MATCH ?%u)",
                                  i == 0 ? " WHERE" : " AND", i + 3);
        }
      any_match = g_string_free (g_steal_pointer (&any), FALSE);
    }
  g_string_append (sql, search_tail_sql);

  rc = sqlite3_prepare_v2 (conn, sql->str, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _redress_set_sqlite_error (error, conn, rc, _("Could not search the docket"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, any_match != NULL ? any_match : match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) MIN (limit, G_MAXINT) : DEFAULT_LIMIT);
  for (guint i = 0; terms->len > 1 && i < terms->len; i++)
    sqlite3_bind_text (stmt, (int) i + 3, g_ptr_array_index (terms, i), -1, SQLITE_TRANSIENT);

  if (cancellable != NULL)
    sqlite3_progress_handler (conn, 1000, progress_cb, cancellable);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RedressSearchHit) hit = g_object_new (REDRESS_TYPE_SEARCH_HIT, NULL);

      hit->case_id = g_strdup (_redress_column_text (stmt, 0));
      hit->reference = g_strdup (_redress_column_text (stmt, 1));
      hit->title = g_strdup (_redress_column_text (stmt, 2));
      hit->source = g_strdup (_redress_column_text (stmt, 3));
      hit->raw_snippet = g_strdup (_redress_column_text (stmt, 4));
      hit->snippet = strip_markers (hit->raw_snippet);
      hit->rank = sqlite3_column_double (stmt, 5);
      g_list_store_append (store, hit);
    }

  if (cancellable != NULL)
    sqlite3_progress_handler (conn, 0, NULL, NULL);

  if (rc == SQLITE_INTERRUPT || g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was cancelled."));
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      _redress_set_sqlite_error (error, conn, rc, _("Could not search the docket"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * redress_search_run:
 * @db: an open docket
 * @query: what the user typed
 * @limit: the most cases to return, or 0 for the default (50)
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Searches on the calling thread, with the main connection (the command
 * line's way).  The GUI uses redress_search_async().
 *
 * Returns: (transfer full): a #GListModel of #RedressSearchHit, best first;
 *   empty for an empty query.
 */
GListModel *
redress_search_run (RedressDatabase  *db,
                    const char       *query,
                    guint             limit,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  match = redress_search_build_match (query);
  return search_on (_redress_database_get_handle (db), match, limit, cancellable, error);
}

/* One read-only connection per docket is kept for searches, since opening an
 * encrypted one derives the key again (a noticeable pause while typing).
 * The docket owns it. */
struct _RedressSearchReader
{
  GMutex   mutex;
  sqlite3 *idle;
};
typedef RedressSearchReader ReaderCache;

RedressSearchReader *
_redress_search_reader_new (void)
{
  ReaderCache *cache = g_new0 (ReaderCache, 1);

  g_mutex_init (&cache->mutex);
  return cache;
}

void
_redress_search_reader_free (RedressSearchReader *cache)
{
  if (cache->idle != NULL)
    sqlite3_close_v2 (cache->idle);
  g_mutex_clear (&cache->mutex);
  g_free (cache);
}

typedef struct
{
  RedressDatabase *db;     /* not owned: the outer task holds it until the worker is done */
  GObject         *docket; /* owns the cache */
  ReaderCache     *cache;
  char            *match;
  guint            limit;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *sd = data;

  g_clear_object (&sd->docket);
  g_free (sd->match);
  g_free (sd);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *sd = task_data;
  GError *error = NULL;
  GListModel *hits;
  sqlite3 *conn;

  g_mutex_lock (&sd->cache->mutex);
  conn = g_steal_pointer (&sd->cache->idle);
  g_mutex_unlock (&sd->cache->mutex);

  if (conn == NULL)
    conn = _redress_database_open_reader (sd->db, &error);
  if (conn == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  hits = search_on (conn, sd->match, sd->limit, cancellable, &error);

  g_mutex_lock (&sd->cache->mutex);
  if (sd->cache->idle == NULL)
    sd->cache->idle = g_steal_pointer (&conn);
  g_mutex_unlock (&sd->cache->mutex);
  if (conn != NULL)
    sqlite3_close_v2 (conn);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, g_object_unref);
}

static void
search_thread_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;
  GListModel *hits;

  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (hits == NULL)
    g_task_return_error (outer, error);
  else
    g_task_return_pointer (outer, hits, g_object_unref);
}

/**
 * redress_search_async:
 * @db: an open docket
 * @query: what the user typed (see redress_search_build_match())
 * @limit: the most cases to return, or 0 for the default (50)
 * @cancellable: (nullable): cancel it when a newer query supersedes this one
 * @callback: called on the calling thread's main context when done
 * @user_data: for @callback
 *
 * Searches the docket in a worker thread on a read-only connection of its
 * own, so the main loop never waits.  One hit per case, best rank first.
 */
void
redress_search_async (RedressDatabase     *db,
                      const char          *query,
                      guint                limit,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) worker = NULL;
  SearchData *sd;

  g_return_if_fail (REDRESS_IS_DATABASE (db));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (outer, redress_search_async);

  sd = g_new0 (SearchData, 1);
  sd->db = db;
  sd->docket = g_object_ref (G_OBJECT (redress_docket_get_for_database (db)));
  sd->cache = _redress_docket_get_search_reader (REDRESS_DOCKET (sd->docket));
  sd->match = redress_search_build_match (query);
  sd->limit = limit;

  if (sd->match == NULL)
    {
      search_data_free (sd);
      g_task_return_pointer (outer, g_list_store_new (REDRESS_TYPE_SEARCH_HIT), g_object_unref);
      return;
    }

  /* The worker task has no source object: its last reference may drop in the
   * thread, and the docket must be finalized on the main thread. */
  worker = g_task_new (NULL, cancellable, search_thread_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (worker, redress_search_async);
  g_task_set_task_data (worker, sd, search_data_free);
  g_task_run_in_thread (worker, search_thread);
}

/**
 * redress_search_finish:
 *
 * Returns: (transfer full): a #GListModel of #RedressSearchHit, or %NULL
 *   with @error set (%G_IO_ERROR_CANCELLED when cancelled).
 */
GListModel *
redress_search_finish (RedressDatabase  *db,
                       GAsyncResult     *result,
                       GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_task_is_valid (result, db), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
