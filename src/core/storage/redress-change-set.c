/* redress-change-set.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The change set of one commit, as RedressDatabase collects it from SQLite's
 * update hook (src/core/storage/redress-database.c) and RedressDocket::changed
 * announces it.
 */

#include "config.h"

#include <string.h>

#include "redress-change-set.h"

/* More rows than this of one table in one commit: the ids are not listed and
 * a listener reloads the whole table (an import, the demo generator). */
#define MAX_IDS 64

typedef struct
{
  GPtrArray  *ids;      /* NULL-terminated; NULL when the rows are not known */
  GHashTable *seen;     /* the same ids, to add each once */
} TableChanges;

struct _RedressChangeSet
{
  gatomicrefcount  ref_count;
  GHashTable      *tables;   /* interned table name -> TableChanges */
  GPtrArray       *names;    /* sorted, NULL-terminated; built on demand */
};

G_DEFINE_BOXED_TYPE (RedressChangeSet, redress_change_set, redress_change_set_ref, redress_change_set_unref)

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
table_changes_free (gpointer data)
{
  TableChanges *tc = data;

  g_clear_pointer (&tc->ids, g_ptr_array_unref);
  g_clear_pointer (&tc->seen, g_hash_table_unref);
  g_free (tc);
}

RedressChangeSet *
_redress_change_set_new (void)
{
  RedressChangeSet *self = g_new0 (RedressChangeSet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_changes_free);
  return self;
}

RedressChangeSet *
redress_change_set_ref (RedressChangeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
redress_change_set_unref (RedressChangeSet *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->tables);
      g_clear_pointer (&self->names, g_ptr_array_unref);
      g_free (self);
    }
}

/**
 * _redress_change_set_add:
 * @table: a table
 * @id: (nullable): the id of the row that changed, or %NULL when which rows
 *   changed is not known
 *
 * Adds a change.  Once a table has a change of unknown rows, its ids are no
 * longer listed.
 */
void
_redress_change_set_add (RedressChangeSet *self,
                         const char       *table,
                         const char       *id)
{
  const char *name = g_intern_string (table);
  TableChanges *tc = g_hash_table_lookup (self->tables, name);

  if (tc == NULL)
    {
      tc = g_new0 (TableChanges, 1);
      tc->ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (tc->ids, NULL);
      tc->seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (self->tables, (gpointer) name, tc);
      g_clear_pointer (&self->names, g_ptr_array_unref);
    }
  if (tc->ids == NULL)
    return;
  if (id == NULL || tc->ids->len > MAX_IDS)
    {
      g_clear_pointer (&tc->ids, g_ptr_array_unref);
      g_clear_pointer (&tc->seen, g_hash_table_unref);
      return;
    }
  if (g_hash_table_contains (tc->seen, id))
    return;
  g_ptr_array_index (tc->ids, tc->ids->len - 1) = g_strdup (id);
  g_hash_table_add (tc->seen, g_ptr_array_index (tc->ids, tc->ids->len - 1));
  g_ptr_array_add (tc->ids, NULL);
}

gboolean
redress_change_set_is_empty (RedressChangeSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return g_hash_table_size (self->tables) == 0;
}

/**
 * redress_change_set_has_table:
 *
 * Returns: whether rows of @table changed.
 */
gboolean
redress_change_set_has_table (RedressChangeSet *self,
                              const char       *table)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  return g_hash_table_contains (self->tables, table);
}

/**
 * redress_change_set_has_any:
 * @tables: a %NULL-terminated list of tables
 *
 * Returns: whether rows of any of @tables changed.
 */
gboolean
redress_change_set_has_any (RedressChangeSet   *self,
                            const char * const *tables)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (g_hash_table_contains (self->tables, tables[i]))
      return TRUE;
  return FALSE;
}

/**
 * redress_change_set_get_tables:
 *
 * Returns: (transfer none) (array zero-terminated=1): the tables that
 *   changed, sorted by name.
 */
const char * const *
redress_change_set_get_tables (RedressChangeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->names == NULL)
    {
      GHashTableIter iter;
      gpointer key;

      self->names = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, self->tables);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (self->names, key);
      g_ptr_array_sort (self->names, compare_names);
      g_ptr_array_add (self->names, NULL);
    }
  return (const char * const *) self->names->pdata;
}

/**
 * redress_change_set_get_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the ids of
 *   the rows of @table that changed, or %NULL when @table did not change or
 *   which of its rows changed is not known (many rows, or rows without an
 *   id column).
 */
const char * const *
redress_change_set_get_ids (RedressChangeSet *self,
                            const char       *table)
{
  TableChanges *tc;

  g_return_val_if_fail (self != NULL, NULL);

  tc = g_hash_table_lookup (self->tables, table);
  if (tc == NULL || tc->ids == NULL)
    return NULL;
  return (const char * const *) tc->ids->pdata;
}

/**
 * redress_change_set_contains:
 * @id: (nullable): a row's id, or %NULL for any row
 *
 * Returns: whether the row @id of @table (any row when @id is %NULL) may
 *   have changed: %TRUE too when the table changed and its rows are not known.
 */
gboolean
redress_change_set_contains (RedressChangeSet *self,
                             const char       *table,
                             const char       *id)
{
  TableChanges *tc;

  g_return_val_if_fail (self != NULL, FALSE);

  tc = g_hash_table_lookup (self->tables, table);
  if (tc == NULL)
    return FALSE;
  if (id == NULL || tc->ids == NULL)
    return TRUE;
  return g_hash_table_contains (tc->seen, id);
}
