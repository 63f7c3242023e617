/* redress-audit.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit trail: triggers generated from each table's columns write one
 * audit_log row per changed field, and RedressAuditEntry reads them back.
 */

#define G_LOG_DOMAIN "redress-audit"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-audit.h"
#include "redress-audit-private.h"
#include "redress-database-private.h"

/* Tables whose changes are not audited: the log itself, the search index's
 * bookkeeping, which the search triggers derive from audited tables, and the
 * thumbnail cache, derived from the evidence originals (an append-only log
 * must not keep pictures of children).  Virtual tables, their shadow tables
 * and sqlite_* tables are skipped by type. */
static const char * const unaudited_tables[] = {
  "audit_log",
  "search_source",
  "evidence_thumbnail",
};

/* Timestamps are not fields a person edits; `at` already says when. */
static const char * const unaudited_update_columns[] = {
  "updated_at",
};

#define TRIGGER_PREFIX "redress_audit_"

struct _RedressAuditEntry
{
  GObject  parent_instance;

  char    *id;
  gint64   seq;
  char    *at;
  char    *actor;
  char    *table_name;
  char    *row_id;
  char    *field;
  char    *old_value;
  char    *new_value;
  char    *op;
};

G_DEFINE_FINAL_TYPE (RedressAuditEntry, redress_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SEQ,
  PROP_AT,
  PROP_ACTOR,
  PROP_TABLE_NAME,
  PROP_ROW_ID,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_OP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redress_audit_entry_finalize (GObject *object)
{
  RedressAuditEntry *self = (RedressAuditEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->table_name, g_free);
  g_clear_pointer (&self->row_id, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);
  g_clear_pointer (&self->op, g_free);

  G_OBJECT_CLASS (redress_audit_entry_parent_class)->finalize (object);
}

static void
redress_audit_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RedressAuditEntry *self = REDRESS_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_TABLE_NAME:
      g_value_set_string (value, self->table_name);
      break;
    case PROP_ROW_ID:
      g_value_set_string (value, self->row_id);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case PROP_OP:
      g_value_set_string (value, self->op);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_audit_entry_class_init (RedressAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const struct {
    guint       prop;
    const char *name;
  } strings[] = {
    { PROP_ID, "id" },
    { PROP_AT, "at" },
    { PROP_ACTOR, "actor" },
    { PROP_TABLE_NAME, "table-name" },
    { PROP_ROW_ID, "row-id" },
    { PROP_FIELD, "field" },
    { PROP_OLD_VALUE, "old-value" },
    { PROP_NEW_VALUE, "new-value" },
    { PROP_OP, "op" },
  };

  object_class->finalize = redress_audit_entry_finalize;
  object_class->get_property = redress_audit_entry_get_property;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    properties[strings[i].prop] =
      g_param_spec_string (strings[i].name, NULL, NULL,
                           NULL,
                           (G_PARAM_READABLE |
                            G_PARAM_STATIC_STRINGS));

  properties[PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_audit_entry_init (RedressAuditEntry *self)
{
}

/* The row's unique id. */
const char *
redress_audit_entry_get_id (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->id;
}

/* The order in which changes were made, over the whole docket. */
gint64
redress_audit_entry_get_seq (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), 0);
  return self->seq;
}

/* The UTC timestamp of the change. */
const char *
redress_audit_entry_get_at (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

const char *
redress_audit_entry_get_actor (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

const char *
redress_audit_entry_get_table_name (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->table_name;
}

const char *
redress_audit_entry_get_row_id (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->row_id;
}

/* The column, or %NULL for an entry about the whole row. */
const char *
redress_audit_entry_get_field (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->field;
}

/* The value before the change, or %NULL (insert, or it had none). */
const char *
redress_audit_entry_get_old_value (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->old_value;
}

/* The value after the change, or %NULL (delete, or it was cleared). */
const char *
redress_audit_entry_get_new_value (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->new_value;
}

/* "insert", "update" or "delete". */
const char *
redress_audit_entry_get_op (RedressAuditEntry *self)
{
  g_return_val_if_fail (REDRESS_IS_AUDIT_ENTRY (self), NULL);
  return self->op;
}

/**
 * redress_audit_list_for_row:
 * @db: an open docket
 * @table: a table name ("case_file", "note" ...)
 * @row_id: the row's id
 * @error: a #GError
 *
 * Reads the audit trail of one row, oldest change first.
 *
 * Returns: (transfer full): a #GListModel of #RedressAuditEntry, or %NULL
 *   with @error set.
 */
GListModel *
redress_audit_list_for_row (RedressDatabase  *db,
                            const char       *table,
                            const char       *row_id,
                            GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GListStore) store = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row_id != NULL, NULL);

  stmt = redress_database_prepare (db,
                                   "SELECT id, seq, at, actor, table_name, row_id, field, "
                                   "       old_value, new_value, op "
                                   "  FROM audit_log WHERE table_name = ?1 AND row_id = ?2 "
                                   " ORDER BY seq",
                                   error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, table);
  redress_statement_bind_text (stmt, 2, row_id);

  store = g_list_store_new (REDRESS_TYPE_AUDIT_ENTRY);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      g_autoptr(RedressAuditEntry) entry = g_object_new (REDRESS_TYPE_AUDIT_ENTRY, NULL);

      entry->id = g_strdup (redress_statement_column_text (stmt, 0));
      entry->seq = redress_statement_column_int64 (stmt, 1);
      entry->at = g_strdup (redress_statement_column_text (stmt, 2));
      entry->actor = g_strdup (redress_statement_column_text (stmt, 3));
      entry->table_name = g_strdup (redress_statement_column_text (stmt, 4));
      entry->row_id = g_strdup (redress_statement_column_text (stmt, 5));
      entry->field = g_strdup (redress_statement_column_text (stmt, 6));
      entry->old_value = g_strdup (redress_statement_column_text (stmt, 7));
      entry->new_value = g_strdup (redress_statement_column_text (stmt, 8));
      entry->op = g_strdup (redress_statement_column_text (stmt, 9));
      g_list_store_append (store, entry);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the audit trail"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Trigger generation ----------------------------------------------------------------------- */

static char *
quote_ident (const char *name)
{
  GString *s = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static char *
quote_literal (const char *text)
{
  GString *s = g_string_new ("'");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (s, '\'');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
  return g_string_free (s, FALSE);
}

static gboolean
in_list (const char         *name,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
step_error (RedressStatement  *stmt,
            GError           **error)
{
  redress_statement_set_error (stmt, error, _("Could not set up the audit trail"));
  return FALSE;
}

/**
 * _redress_audit_drop_triggers:
 *
 * Drops every generated audit trigger.  A migration that renames or drops a
 * column calls it first, then _redress_audit_install_triggers().
 */
gboolean
_redress_audit_drop_triggers (RedressDatabase  *self,
                              GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = redress_database_prepare (self,
                                   "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                                   "AND substr (name, 1, length ('" TRIGGER_PREFIX "')) = "
                                   "'" TRIGGER_PREFIX "'",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_ptr_array_add (names, g_strdup (redress_statement_column_text (stmt, 0)));
  if (rc != REDRESS_STEP_DONE)
    return step_error (stmt, error);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *quoted = quote_ident (g_ptr_array_index (names, i));
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER %s", quoted);

      if (!_redress_database_exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char *name;
  int   pk;
} Column;

static void
column_free (gpointer data)
{
  Column *c = data;

  g_free (c->name);
  g_free (c);
}

static int
column_pk_compare (gconstpointer a,
                   gconstpointer b)
{
  const Column *ca = *(Column * const *)a;
  const Column *cb = *(Column * const *)b;

  return ca->pk - cb->pk;
}

static GPtrArray *
list_columns (RedressDatabase  *self,
              const char       *table,
              GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (column_free);
  int rc;

  stmt = redress_database_prepare (self, "SELECT name, pk FROM pragma_table_info (?1)", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, table);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      Column *c = g_new0 (Column, 1);

      c->name = g_strdup (redress_statement_column_text (stmt, 0));
      c->pk = redress_statement_column_int (stmt, 1);
      g_ptr_array_add (columns, c);
    }
  if (rc != REDRESS_STEP_DONE)
    {
      step_error (stmt, error);
      return NULL;
    }

  return g_steal_pointer (&columns);
}

/* The expression naming the row in audit_log.row_id: the primary key, its
 * parts joined by "/" when it has several, or the rowid when it has none. */
static char *
row_id_expression (GPtrArray  *columns,
                   const char *ref)
{
  g_autoptr(GPtrArray) pk = g_ptr_array_new ();
  GString *s;

  for (guint i = 0; i < columns->len; i++)
    {
      Column *c = g_ptr_array_index (columns, i);

      if (c->pk > 0)
        g_ptr_array_add (pk, c);
    }
  if (pk->len == 0)
    return g_strdup_printf ("CAST (%s.rowid AS TEXT)", ref);

  g_ptr_array_sort (pk, column_pk_compare);
  s = g_string_new ("coalesce (");
  for (guint i = 0; i < pk->len; i++)
    {
      Column *c = g_ptr_array_index (pk, i);
      g_autofree char *quoted = quote_ident (c->name);

      if (i > 0)
        g_string_append (s, " || '/' || ");
      g_string_append_printf (s, "CAST (%s.%s AS TEXT)", ref, quoted);
    }
  g_string_append (s, ", '')");
  return g_string_free (s, FALSE);
}

static char *
build_trigger (const char *table,
               GPtrArray  *columns,
               const char *op)
{
  g_autofree char *qtable = quote_ident (table);
  g_autofree char *ltable = quote_literal (table);
  g_autofree char *trigger_name = g_strdup_printf (TRIGGER_PREFIX "%s_%s", table, op);
  g_autofree char *qtrigger = quote_ident (trigger_name);
  gboolean is_delete = g_str_equal (op, "delete");
  gboolean is_update = g_str_equal (op, "update");
  g_autofree char *row_id = row_id_expression (columns, is_delete ? "old" : "new");
  GString *s = g_string_new (NULL);
  guint statements = 0;

  g_string_append_printf (s,
                          "CREATE TRIGGER %s AFTER %s ON %s WHEN redress_audit_enabled ()\n"
                          "BEGIN\n",
                          qtrigger, is_delete ? "DELETE" : is_update ? "UPDATE" : "INSERT",
                          qtable);

  for (guint i = 0; i < columns->len; i++)
    {
      Column *c = g_ptr_array_index (columns, i);
      g_autofree char *qcol = quote_ident (c->name);
      g_autofree char *lcol = quote_literal (c->name);
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;
      g_autofree char *condition = NULL;

      if (is_update && in_list (c->name, unaudited_update_columns,
                                G_N_ELEMENTS (unaudited_update_columns)))
        continue;

      old_value = is_update || is_delete ? g_strdup_printf ("old.%s", qcol) : g_strdup ("NULL");
      new_value = is_delete ? g_strdup ("NULL") : g_strdup_printf ("new.%s", qcol);
      if (is_update)
        condition = g_strdup_printf ("old.%s IS NOT new.%s", qcol, qcol);
      else  /* An empty text says no more than a missing one. */
        condition = g_strdup_printf ("%s.%s IS NOT NULL AND %s.%s IS NOT ''",
                                     is_delete ? "old" : "new", qcol,
                                     is_delete ? "old" : "new", qcol);

      g_string_append_printf (s,
                              "  INSERT INTO audit_log (id, seq, at, actor, table_name, row_id,\n"
                              "                         field, old_value, new_value, op)\n"
                              "    SELECT redress_uuid (),\n"
                              "           (SELECT coalesce (max (seq), 0) + 1 FROM audit_log),\n"
                              "           redress_now (), redress_actor (), %s, %s,\n"
                              "           %s, %s, %s, '%s'\n"
                              "     WHERE %s;\n",
                              ltable, row_id, lcol, old_value, new_value, op, condition);
      statements++;
    }
  g_string_append (s, "END;\n");

  if (statements == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/**
 * _redress_audit_install_triggers:
 * @self: a docket, inside a migration's transaction
 *
 * (Re)generates the AFTER INSERT, UPDATE and DELETE audit triggers of every
 * table from its current columns.  Schema version 3 runs it; any later
 * migration that adds a table or a column lists it again in migration_hooks[]
 * so the new columns are audited too.
 */
gboolean
_redress_audit_install_triggers (RedressDatabase  *self,
                                 GError          **error)
{
  static const char * const ops[] = { "insert", "update", "delete" };
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (self), FALSE);

  if (!_redress_audit_drop_triggers (self, error))
    return FALSE;

  stmt = redress_database_prepare (self,
                                   "SELECT name FROM pragma_table_list "
                                   " WHERE schema = 'main' AND type = 'table' "
                                   "   AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                                   " ORDER BY name",
                                   error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      const char *name = redress_statement_column_text (stmt, 0);

      if (!in_list (name, unaudited_tables, G_N_ELEMENTS (unaudited_tables)))
        g_ptr_array_add (tables, g_strdup (name));
    }
  if (rc != REDRESS_STEP_DONE)
    return step_error (stmt, error);
  g_clear_pointer (&stmt, redress_statement_release);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GPtrArray) columns = list_columns (self, table, error);

      if (columns == NULL)
        return FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (ops); j++)
        {
          g_autofree char *sql = build_trigger (table, columns, ops[j]);

          if (sql != NULL && !_redress_database_exec (self, sql, error))
            return FALSE;
        }
    }

  return TRUE;
}
