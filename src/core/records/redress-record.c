/* redress-record.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of every row type.  Subclasses only declare properties named after
 * their table's columns; loading, saving, validation and the identity map are
 * generic and read the table's columns from PRAGMA table_info.
 */

#define G_LOG_DOMAIN "redress-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-docket-private.h"
#include "redress-record-private.h"
#include "redress-l10n.h"
#include "redress-util.h"

typedef struct
{
  char            *id;
  char            *created_at;
  char            *updated_at;
  GHashTable      *values;   /* GParamSpec * -> GValue *, the current values */
  GHashTable      *stored;   /* the values as last read from or written to the docket */
  char            *stored_updated_at;
  RedressDatabase *db;       /* weak */
  GPtrArray       *conflicts; /* RedressConflict, of the last save that met one */
  GPtrArray       *written;   /* GParamSpec *: just saved, while the change is signalled */
} RedressRecordPrivate;

/* {{{ RedressConflict */

struct _RedressConflict
{
  GObject     parent_instance;

  GParamSpec *pspec;
  char       *label;
  char       *mine;
  char       *theirs;
  char       *actor;
  char       *changed_at;
  GValue      theirs_value;
};

G_DEFINE_FINAL_TYPE (RedressConflict, redress_conflict, G_TYPE_OBJECT)

static void
redress_conflict_finalize (GObject *object)
{
  RedressConflict *self = REDRESS_CONFLICT (object);

  g_free (self->label);
  g_free (self->mine);
  g_free (self->theirs);
  g_free (self->actor);
  g_free (self->changed_at);
  if (G_IS_VALUE (&self->theirs_value))
    g_value_unset (&self->theirs_value);

  G_OBJECT_CLASS (redress_conflict_parent_class)->finalize (object);
}

static void
redress_conflict_class_init (RedressConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = redress_conflict_finalize;
}

static void
redress_conflict_init (RedressConflict *self)
{
}

/** redress_conflict_get_property_name: Returns: the record property ("summary"). */
const char *
redress_conflict_get_property_name (RedressConflict *self)
{
  g_return_val_if_fail (REDRESS_IS_CONFLICT (self), NULL);
  return self->pspec->name;
}

/** redress_conflict_get_field_label: Returns: the field's name as the user knows it. */
const char *
redress_conflict_get_field_label (RedressConflict *self)
{
  g_return_val_if_fail (REDRESS_IS_CONFLICT (self), NULL);
  return self->label;
}

/** redress_conflict_get_mine: Returns: the value being saved, as text. */
const char *
redress_conflict_get_mine (RedressConflict *self)
{
  g_return_val_if_fail (REDRESS_IS_CONFLICT (self), NULL);
  return self->mine;
}

/** redress_conflict_get_theirs: Returns: the value now in the docket, as text. */
const char *
redress_conflict_get_theirs (RedressConflict *self)
{
  g_return_val_if_fail (REDRESS_IS_CONFLICT (self), NULL);
  return self->theirs;
}

/**
 * redress_conflict_get_actor:
 *
 * Returns: (nullable): who made the other change, from the audit trail;
 *   %NULL when the trail does not say.
 */
const char *
redress_conflict_get_actor (RedressConflict *self)
{
  g_return_val_if_fail (REDRESS_IS_CONFLICT (self), NULL);
  return self->actor;
}

/**
 * redress_conflict_get_changed_at:
 *
 * Returns: (nullable): when, as a UTC timestamp: the audit trail's, else
 *   the row's updated-at.
 */
const char *
redress_conflict_get_changed_at (RedressConflict *self)
{
  g_return_val_if_fail (REDRESS_IS_CONFLICT (self), NULL);
  return self->changed_at;
}

static char *
shorten (const char *text)
{
  const glong max_chars = 80;

  if (text == NULL || *text == '\0')
    return g_strdup (_("(empty)"));
  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, max_chars - 1);

    return g_strconcat (head, "…", NULL);
  }
}

static char *
local_time (const char *timestamp)
{
  g_autoptr(GDateTime) utc = timestamp != NULL ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);
  {
    g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d");
    g_autofree char *date = redress_l10n_format_date (iso);
    g_autofree char *time = g_date_time_format (local, "%H:%M");

    /* TRANSLATORS: when a colleague changed a field: a date in words
     * ("3 December 2026") and a time ("18:31") */
    return g_strdup_printf (_("%s at %s"), date, time);
  }
}

/**
 * redress_conflict_describe:
 *
 * Returns: (transfer full): one sentence for the user: which field, who
 *   changed it and when, their value and yours.
 */
char *
redress_conflict_describe (RedressConflict *self)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (REDRESS_IS_CONFLICT (self), NULL);

  mine = shorten (self->mine);
  theirs = shorten (self->theirs);
  when = local_time (self->changed_at);

  if (self->actor != NULL && when != NULL)
    /* TRANSLATORS: field, person, date and time, their text, your text */
    return g_strdup_printf (_("“%s” was changed by %s on %s while you were editing it. "
                              "It now reads “%s”; you wrote “%s”."),
                            self->label, self->actor, when, theirs, mine);
  if (when != NULL)
    return g_strdup_printf (_("“%s” was changed elsewhere on %s while you were editing it. "
                              "It now reads “%s”; you wrote “%s”."),
                            self->label, when, theirs, mine);
  return g_strdup_printf (_("“%s” was changed elsewhere while you were editing it. "
                            "It now reads “%s”; you wrote “%s”."),
                          self->label, theirs, mine);
}

/* }}} */

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RedressRecord, redress_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How one record type maps to its table in one docket. */
typedef struct
{
  GType       type;
  char       *table;
  GPtrArray  *pspecs;     /* mapped properties, in the order of the SELECT after the 3 fixed columns */
  GArray     *nullable;   /* gboolean per pspec: the column accepts NULL */
  GArray     *required;   /* gboolean per pspec: NOT NULL without a default, or flagged required */
  char       *select_sql; /* "SELECT id, created_at, updated_at, ... FROM table" */
} TypeMap;

/* Per docket (RedressDocket owns it): the type maps and the live instances
 * (the identity map). */
struct _RedressRecordState
{
  RedressDatabase *db;
  GHashTable      *maps;   /* GType -> TypeMap */
  GHashTable      *live;   /* id -> RedressRecord (no reference) */
};
typedef RedressRecordState DbState;

static GQuark choices_quark;
/* Guards every DbState: records may be finalized in a worker thread. */
static GRecMutex state_lock;

static void
type_map_free (gpointer data)
{
  TypeMap *map = data;

  g_free (map->table);
  g_ptr_array_unref (map->pspecs);
  g_array_unref (map->nullable);
  g_array_unref (map->required);
  g_free (map->select_sql);
  g_free (map);
}

static void
value_free (gpointer data)
{
  GValue *value = data;

  g_value_unset (value);
  g_free (value);
}

static GHashTable *
values_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, value_free);
}

static void database_changed_cb (RedressDatabase *db,
                                 const char      *table,
                                 const char      *id,
                                 DbState         *state);

void
_redress_record_state_free (RedressRecordState *state)
{
  GHashTableIter iter;
  gpointer value;

  g_signal_handlers_disconnect_by_data (state->db, state);
  g_rec_mutex_lock (&state_lock);
  g_hash_table_iter_init (&iter, state->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RedressRecordPrivate *priv = redress_record_get_instance_private (value);

      priv->db = NULL;
    }
  g_hash_table_unref (state->live);
  g_hash_table_unref (state->maps);
  g_free (state);
  g_rec_mutex_unlock (&state_lock);
}

static void reload_record (RedressRecord *self,
                           DbState       *state);

static void
reload_all_of_type (DbState *state,
                    GType    type)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_rec_mutex_lock (&state_lock);
  g_hash_table_iter_init (&iter, state->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (G_TYPE_CHECK_INSTANCE_TYPE (value, type))
      g_ptr_array_add (records, g_object_ref (value));
  g_rec_mutex_unlock (&state_lock);

  for (guint i = 0; i < records->len; i++)
    reload_record (g_ptr_array_index (records, i), state);
}

static void
reload_id (DbState    *state,
           GType       type,
           const char *id)
{
  g_autoptr(RedressRecord) record = NULL;

  g_rec_mutex_lock (&state_lock);
  record = g_hash_table_lookup (state->live, id);
  if (record != NULL && G_TYPE_CHECK_INSTANCE_TYPE (record, type))
    g_object_ref (record);
  else
    record = NULL;
  g_rec_mutex_unlock (&state_lock);

  if (record != NULL)
    reload_record (record, state);
}

/* RedressDatabase::changed, connected after every other handler so lists see
 * the values a row had before the change (_redress_record_get_stored()). */
static void
database_changed_cb (RedressDatabase *db,
                     const char      *table,
                     const char      *id,
                     DbState         *state)
{
  g_autoptr(GList) maps = NULL;

  g_rec_mutex_lock (&state_lock);
  maps = g_hash_table_get_values (state->maps);
  g_rec_mutex_unlock (&state_lock);

  for (const GList *l = maps; l != NULL; l = l->next)
    {
      const TypeMap *map = l->data;
      g_autoptr(GTypeClass) klass = g_type_class_ref (map->type);
      RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

      if (g_strcmp0 (map->table, table) == 0)
        {
          if (id != NULL)
            reload_id (state, map->type, id);
          else
            reload_all_of_type (state, map->type);
        }
      else if (record_class->derived_from != NULL &&
               g_strv_contains ((const char * const *) record_class->derived_from, table))
        {
          g_autofree char *sql = NULL;
          g_autoptr(RedressStatement) stmt = NULL;

          if (id == NULL)
            {
              reload_all_of_type (state, map->type);
              continue;
            }

          sql = g_strdup_printf ("SELECT case_id FROM \"%s\" WHERE id = ?1", table);
          stmt = redress_database_prepare (db, sql, NULL);
          if (stmt == NULL)
            continue;
          redress_statement_bind_text (stmt, 1, id);
          if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
            reload_id (state, map->type, redress_statement_column_text (stmt, 0));
          else
            reload_all_of_type (state, map->type);  /* deleted: which case is unknown */
        }
    }
}

/* Made by the docket when it is opened. */
RedressRecordState *
_redress_record_state_new (RedressDatabase *db)
{
  DbState *state = g_new0 (DbState, 1);

  state->db = db;
  state->maps = g_hash_table_new_full (NULL, NULL, NULL, type_map_free);
  state->live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_after (db, "changed", G_CALLBACK (database_changed_cb), state);
  return state;
}

static DbState *
get_state (RedressDatabase *db)
{
  return _redress_docket_get_record_state (redress_docket_get_for_database (db));
}

static char *
column_name (const char *property)
{
  char *name = g_strdup (property);

  g_strdelimit (name, "-", '_');
  return name;
}

static const TypeMap *
get_type_map (RedressDatabase  *db,
              GType             type,
              GError          **error)
{
  DbState *state = get_state (db);
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GHashTable) columns = NULL;   /* name -> flags: 1 nullable, 2 has default */
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *pragma = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GString) select = NULL;
  RedressRecordClass *record_class;
  TypeMap *map;
  guint n_pspecs;

  g_return_val_if_fail (g_type_is_a (type, REDRESS_TYPE_RECORD), NULL);

  g_rec_mutex_lock (&state_lock);
  map = g_hash_table_lookup (state->maps, GSIZE_TO_POINTER (type));
  g_rec_mutex_unlock (&state_lock);
  if (map != NULL)
    return map;

  klass = g_type_class_ref (type);
  record_class = REDRESS_RECORD_CLASS (klass);
  g_return_val_if_fail (record_class->table_name != NULL, NULL);

  pragma = g_strdup_printf ("PRAGMA table_info (\"%s\")", record_class->table_name);
  stmt = redress_database_prepare (db, pragma, error);
  if (stmt == NULL)
    return NULL;
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    {
      guint flags = 0;

      if (redress_statement_column_int (stmt, 3) == 0)
        flags |= 1;
      if (redress_statement_column_type (stmt, 4) != REDRESS_COLUMN_NULL)
        flags |= 2;
      g_hash_table_insert (columns, g_strdup (redress_statement_column_text (stmt, 1)),
                           GUINT_TO_POINTER (flags | 4));
    }
  if (g_hash_table_size (columns) == 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_FAILED,
                   _("The docket has no table “%s”; it may come from an older Redress."),
                   record_class->table_name);
      return NULL;
    }

  map = g_new0 (TypeMap, 1);
  map->type = type;
  map->table = g_strdup (record_class->table_name);
  map->pspecs = g_ptr_array_new ();
  map->nullable = g_array_new (FALSE, FALSE, sizeof (gboolean));
  map->required = g_array_new (FALSE, FALSE, sizeof (gboolean));
  select = g_string_new ("SELECT id, created_at, updated_at");

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_autofree char *column = NULL;
      guint flags;
      gboolean nullable, required;

      if (pspec->owner_type == REDRESS_TYPE_RECORD || (pspec->flags & REDRESS_PARAM_COMPUTED))
        continue;

      column = column_name (pspec->name);
      flags = GPOINTER_TO_UINT (g_hash_table_lookup (columns, column));
      if (flags == 0)
        {
          g_critical ("%s: property “%s” has no column in table %s; flag it REDRESS_PARAM_COMPUTED",
                      g_type_name (type), pspec->name, map->table);
          continue;
        }

      nullable = (flags & 1) != 0;
      required = (pspec->flags & REDRESS_PARAM_REQUIRED) != 0 ||
                 (!nullable && (flags & 2) == 0 && pspec->value_type == G_TYPE_STRING);
      g_ptr_array_add (map->pspecs, pspec);
      g_array_append_val (map->nullable, nullable);
      g_array_append_val (map->required, required);
      g_string_append_printf (select, ", \"%s\"", column);
    }
  g_string_append_printf (select, " FROM \"%s\"", map->table);
  map->select_sql = g_string_free (g_steal_pointer (&select), FALSE);

  g_rec_mutex_lock (&state_lock);
  if (g_hash_table_lookup (state->maps, GSIZE_TO_POINTER (type)) == NULL)
    g_hash_table_insert (state->maps, GSIZE_TO_POINTER (type), map);
  else
    g_clear_pointer (&map, type_map_free);
  map = g_hash_table_lookup (state->maps, GSIZE_TO_POINTER (type));
  g_rec_mutex_unlock (&state_lock);

  return map;
}

/* Reads column @col of @stmt into @value, initialised to @pspec's type. */
static void
value_from_column (GParamSpec       *pspec,
                   RedressStatement *stmt,
                   int               col,
                   GValue           *value)
{
  gboolean is_null = redress_statement_column_type (stmt, col) == REDRESS_COLUMN_NULL;

  g_value_init (value, pspec->value_type);
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, redress_statement_column_text (stmt, col));
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, redress_statement_column_int (stmt, col) != 0);
      break;
    case G_TYPE_INT:
      g_value_set_int (value, is_null ? -1 : redress_statement_column_int (stmt, col));
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, is_null ? -1 : redress_statement_column_int64 (stmt, col));
      break;
    default:
      g_critical ("Property “%s” has a type RedressRecord cannot store", pspec->name);
      g_param_value_set_default (pspec, value);
      break;
    }
}

/* The current value of @pspec, or its default when it was never set. */
static const GValue *
peek_value (RedressRecord *self,
            GParamSpec    *pspec)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  GValue *value = g_hash_table_lookup (priv->values, pspec);

  if (value == NULL)
    {
      value = g_new0 (GValue, 1);
      g_value_init (value, pspec->value_type);
      g_param_value_set_default (pspec, value);
      g_hash_table_insert (priv->values, pspec, value);
    }
  return value;
}

static void
bind_value (RedressStatement *stmt,
            int               idx,
            const GValue     *value,
            gboolean          nullable)
{
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_STRING:
      {
        const char *str = g_value_get_string (value);

        if (str == NULL || *str == '\0')
          {
            if (nullable)
              redress_statement_bind_null (stmt, idx);
            else
              redress_statement_bind_text_len (stmt, idx, "", 0);
          }
        else
          redress_statement_bind_text (stmt, idx, str);
      }
      break;
    case G_TYPE_BOOLEAN:
      redress_statement_bind_int64 (stmt, idx, g_value_get_boolean (value) ? 1 : 0);
      break;
    case G_TYPE_INT:
      if (nullable && g_value_get_int (value) < 0)
        redress_statement_bind_null (stmt, idx);
      else
        redress_statement_bind_int64 (stmt, idx, g_value_get_int (value));
      break;
    case G_TYPE_INT64:
      if (nullable && g_value_get_int64 (value) < 0)
        redress_statement_bind_null (stmt, idx);
      else
        redress_statement_bind_int64 (stmt, idx, g_value_get_int64 (value));
      break;
    default:
      redress_statement_bind_null (stmt, idx);
      break;
    }
}

static const char *
field_label (GParamSpec *pspec)
{
  return _(g_param_spec_get_nick (pspec));
}

static void
set_private_string (RedressRecord *self,
                    char         **field,
                    const char    *value,
                    int            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Whether the value of @pspec was changed on @self since it was read (or
 * last saved): an edit not yet in the docket. */
static gboolean
is_dirty (RedressRecord *self,
          GParamSpec    *pspec)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  const GValue *stored, *value;

  if (priv->stored == NULL || (pspec->flags & REDRESS_PARAM_DERIVED))
    return FALSE;
  if (priv->written != NULL && g_ptr_array_find (priv->written, pspec, NULL))
    return FALSE;
  if ((value = g_hash_table_lookup (priv->values, pspec)) == NULL)
    return FALSE;
  if ((stored = g_hash_table_lookup (priv->stored, pspec)) == NULL)
    return FALSE;
  return g_param_values_cmp (pspec, stored, value) != 0;
}

static GValue *
value_dup (const GValue *value)
{
  GValue *copy = g_new0 (GValue, 1);

  g_value_init (copy, G_VALUE_TYPE (value));
  g_value_copy (value, copy);
  return copy;
}

/* Takes the row at @stmt (from the type map's SELECT) into @self, notifying
 * the properties that changed, and records it as stored.  A field edited on
 * @self and not yet saved keeps the edit and the value it was read with, so
 * that saving it can tell whether someone else changed it meanwhile; when the
 * row now holds the edit itself, the edit is simply no longer pending. */
static void
apply_row (RedressRecord    *self,
           const TypeMap    *map,
           RedressStatement *stmt,
           gboolean          notify)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  g_autoptr(GHashTable) stored = values_new ();

  if (notify)
    g_object_freeze_notify (G_OBJECT (self));

  set_private_string (self, &priv->created_at, redress_statement_column_text (stmt, 1), PROP_CREATED_AT);
  set_private_string (self, &priv->updated_at, redress_statement_column_text (stmt, 2), PROP_UPDATED_AT);

  for (guint i = 0; i < map->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (map->pspecs, i);
      GValue *value = g_new0 (GValue, 1);
      const GValue *old;

      value_from_column (pspec, stmt, 3 + (int) i, value);
      old = g_hash_table_lookup (priv->values, pspec);
      if (old != NULL && is_dirty (self, pspec) && g_param_values_cmp (pspec, old, value) != 0)
        {
          /* An unsaved edit: keep it, and the value it was made on. */
          g_hash_table_insert (stored, pspec,
                               value_dup (g_hash_table_lookup (priv->stored, pspec)));
          value_free (value);
          continue;
        }
      g_hash_table_insert (stored, pspec, value_dup (value));

      if (old != NULL && g_param_values_cmp (pspec, old, value) == 0)
        {
          value_free (value);
          continue;
        }
      g_hash_table_insert (priv->values, pspec, value);
      if (notify)
        g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }

  g_clear_pointer (&priv->stored, g_hash_table_unref);
  priv->stored = g_steal_pointer (&stored);
  g_free (priv->stored_updated_at);
  priv->stored_updated_at = g_strdup (priv->updated_at);

  if (notify)
    g_object_thaw_notify (G_OBJECT (self));
}

static void
reload_record (RedressRecord *self,
               DbState       *state)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  const TypeMap *map;
  g_autofree char *sql = NULL;
  g_autoptr(RedressStatement) stmt = NULL;

  if (priv->id == NULL || (map = get_type_map (state->db, G_OBJECT_TYPE (self), NULL)) == NULL)
    return;

  sql = g_strconcat (map->select_sql, " WHERE id = ?1", NULL);
  stmt = redress_database_prepare (state->db, sql, NULL);
  if (stmt == NULL)
    return;
  redress_statement_bind_text (stmt, 1, priv->id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    apply_row (self, map, stmt, TRUE);
}

static void
register_live (RedressRecord   *self,
               RedressDatabase *db)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  DbState *state = get_state (db);

  g_rec_mutex_lock (&state_lock);
  if (priv->db == NULL)
    {
      priv->db = db;
      g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &priv->db);
    }
  g_hash_table_replace (state->live, g_strdup (priv->id), self);
  g_rec_mutex_unlock (&state_lock);
}

static void
unregister_live (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  DbState *state;

  g_rec_mutex_lock (&state_lock);
  if (priv->db != NULL && priv->id != NULL &&
      (state = _redress_docket_peek_record_state (priv->db)) != NULL &&
      g_hash_table_lookup (state->live, priv->id) == self)
    g_hash_table_remove (state->live, priv->id);
  g_rec_mutex_unlock (&state_lock);
}

static void
redress_record_finalize (GObject *object)
{
  RedressRecord *self = (RedressRecord *)object;
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  unregister_live (self);
  g_rec_mutex_lock (&state_lock);
  if (priv->db != NULL)
    g_object_remove_weak_pointer (G_OBJECT (priv->db), (gpointer *) &priv->db);
  priv->db = NULL;
  g_rec_mutex_unlock (&state_lock);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->updated_at, g_free);
  g_clear_pointer (&priv->values, g_hash_table_unref);
  g_clear_pointer (&priv->stored, g_hash_table_unref);
  g_clear_pointer (&priv->stored_updated_at, g_free);
  g_clear_pointer (&priv->conflicts, g_ptr_array_unref);
  g_clear_pointer (&priv->written, g_ptr_array_unref);

  G_OBJECT_CLASS (redress_record_parent_class)->finalize (object);
}

static void
redress_record_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RedressRecord *self = REDRESS_RECORD (object);
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_record_class_init (RedressRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = redress_record_finalize;
  object_class->get_property = redress_record_get_property;

  choices_quark = g_quark_from_static_string ("redress-record-choices");

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_record_init (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  priv->values = values_new ();
}

/**
 * _redress_record_property_get:
 *
 * The get_property of subclasses for their column properties.
 */
void
_redress_record_property_get (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  g_value_copy (peek_value (REDRESS_RECORD (object), pspec), value);
}

/**
 * _redress_record_property_set:
 *
 * The set_property of subclasses: stores the value and notifies when it
 * changed (the properties are G_PARAM_EXPLICIT_NOTIFY).
 */
void
_redress_record_property_set (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RedressRecord *self = REDRESS_RECORD (object);
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  GValue *copy;

  if (g_param_values_cmp (pspec, peek_value (self, pspec), value) == 0)
    return;

  copy = g_new0 (GValue, 1);
  g_value_init (copy, pspec->value_type);
  g_value_copy (value, copy);
  g_hash_table_insert (priv->values, pspec, copy);
  g_object_notify_by_pspec (object, pspec);
}

/**
 * redress_param_spec_set_choices:
 * @pspec: a string property of a record class
 * @is_valid: tells the values the column accepts (see redress-enums.h)
 *
 * Makes redress_record_save() refuse values @is_valid rejects.
 */
void
redress_param_spec_set_choices (GParamSpec             *pspec,
                                RedressChoiceValidFunc  is_valid)
{
  g_return_if_fail (G_IS_PARAM_SPEC_STRING (pspec));

  if (choices_quark == 0)
    choices_quark = g_quark_from_static_string ("redress-record-choices");
  g_param_spec_set_qdata (pspec, choices_quark, (gpointer) is_valid);
}

const char *
redress_record_get_id (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_RECORD (self), NULL);

  return priv->id;
}

const char *
redress_record_get_created_at (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_RECORD (self), NULL);

  return priv->created_at;
}

const char *
redress_record_get_updated_at (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_RECORD (self), NULL);

  return priv->updated_at;
}

/**
 * redress_record_is_saved:
 *
 * Returns: whether the record has a row in a docket (it was loaded or saved).
 */
gboolean
redress_record_is_saved (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_RECORD (self), FALSE);

  return priv->id != NULL;
}

/**
 * redress_record_get_database:
 *
 * Returns: (transfer none) (nullable): the docket the record was loaded from
 *   or saved to, while it is open.
 */
RedressDatabase *
redress_record_get_database (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_RECORD (self), NULL);

  return priv->db;
}

static GParamSpec *
find_column_pspec (RedressRecord *self,
                   const char    *property,
                   GType          fundamental)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  if (pspec == NULL || pspec->owner_type == REDRESS_TYPE_RECORD ||
      (pspec->flags & REDRESS_PARAM_COMPUTED) != 0 ||
      G_TYPE_FUNDAMENTAL (pspec->value_type) != fundamental)
    {
      g_critical ("%s has no %s column property “%s”", G_OBJECT_TYPE_NAME (self),
                  g_type_name (fundamental), property);
      return NULL;
    }
  return pspec;
}

/**
 * redress_record_get_conflicts:
 *
 * The fields the last redress_record_save() of @self could not write
 * because someone else changed them meanwhile
 * (REDRESS_DATABASE_ERROR_EDIT_CONFLICT).  A successful save clears them.
 *
 * Returns: (transfer none) (nullable) (element-type RedressConflict): the
 *   conflicts, or %NULL when there are none.
 */
GPtrArray *
redress_record_get_conflicts (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_RECORD (self), NULL);

  return priv->conflicts != NULL && priv->conflicts->len > 0 ? priv->conflicts : NULL;
}

/**
 * redress_record_resolve_conflict:
 * @property: (nullable): the field of a conflict, or %NULL for every one
 * @choice: keep my value (the next save writes it over theirs, guarded by
 *   theirs: a third change meanwhile is a conflict again) or take theirs
 *
 * Settles conflicts of the last save.  Nothing is written: save again.
 */
void
redress_record_resolve_conflict (RedressRecord         *self,
                                 const char            *property,
                                 RedressConflictChoice  choice)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  g_return_if_fail (REDRESS_IS_RECORD (self));

  if (priv->conflicts == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint k = priv->conflicts->len; k > 0; k--)
    {
      RedressConflict *conflict = g_ptr_array_index (priv->conflicts, k - 1);
      GParamSpec *pspec = conflict->pspec;

      if (property != NULL && g_strcmp0 (property, pspec->name) != 0)
        continue;

      if (priv->stored != NULL)
        g_hash_table_insert (priv->stored, pspec, value_dup (&conflict->theirs_value));
      if (choice == REDRESS_CONFLICT_TAKE_THEIRS &&
          g_param_values_cmp (pspec, peek_value (self, pspec), &conflict->theirs_value) != 0)
        {
          g_hash_table_insert (priv->values, pspec, value_dup (&conflict->theirs_value));
          g_object_notify_by_pspec (G_OBJECT (self), pspec);
        }
      g_ptr_array_remove_index (priv->conflicts, k - 1);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * redress_record_expect_string:
 * @property: a string column property
 * @value: (nullable): the value the caller last saw in the docket
 *
 * Makes the next save of @property guarded by @value instead of the value
 * @self was read with: if the docket no longer holds @value, the save is a
 * conflict.  For a writer that knows what it is replacing (the command
 * line's `set --was`).
 */
void
redress_record_expect_string (RedressRecord *self,
                              const char    *property,
                              const char    *value)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  GParamSpec *pspec;
  GValue *stored;

  g_return_if_fail (REDRESS_IS_RECORD (self));
  g_return_if_fail (priv->stored != NULL);

  if ((pspec = find_column_pspec (self, property, G_TYPE_STRING)) == NULL)
    return;
  stored = g_new0 (GValue, 1);
  g_value_init (stored, pspec->value_type);
  g_value_set_string (stored, value);
  g_hash_table_insert (priv->stored, pspec, stored);
}

/**
 * redress_record_get_string:
 * @property: the name of a string column property
 *
 * Returns: (nullable): its value, owned by @self.
 */
const char *
redress_record_get_string (RedressRecord *self,
                           const char    *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (REDRESS_IS_RECORD (self), NULL);

  if (g_str_equal (property, "id"))
    return redress_record_get_id (self);
  if ((pspec = find_column_pspec (self, property, G_TYPE_STRING)) == NULL)
    return NULL;
  return g_value_get_string (peek_value (self, pspec));
}

void
redress_record_set_string (RedressRecord *self,
                           const char    *property,
                           const char    *value)
{
  g_return_if_fail (REDRESS_IS_RECORD (self));

  g_object_set (self, property, value, NULL);
}

gboolean
redress_record_get_boolean (RedressRecord *self,
                            const char    *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (REDRESS_IS_RECORD (self), FALSE);

  if ((pspec = find_column_pspec (self, property, G_TYPE_BOOLEAN)) == NULL)
    return FALSE;
  return g_value_get_boolean (peek_value (self, pspec));
}

void
redress_record_set_boolean (RedressRecord *self,
                            const char    *property,
                            gboolean       value)
{
  g_return_if_fail (REDRESS_IS_RECORD (self));

  g_object_set (self, property, !!value, NULL);
}

int
redress_record_get_int (RedressRecord *self,
                        const char    *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (REDRESS_IS_RECORD (self), -1);

  if ((pspec = find_column_pspec (self, property, G_TYPE_INT)) == NULL)
    return -1;
  return g_value_get_int (peek_value (self, pspec));
}

void
redress_record_set_int (RedressRecord *self,
                        const char    *property,
                        int            value)
{
  g_return_if_fail (REDRESS_IS_RECORD (self));

  g_object_set (self, property, value, NULL);
}

gint64
redress_record_get_int64 (RedressRecord *self,
                          const char    *property)
{
  GParamSpec *pspec;

  g_return_val_if_fail (REDRESS_IS_RECORD (self), -1);

  if ((pspec = find_column_pspec (self, property, G_TYPE_INT64)) == NULL)
    return -1;
  return g_value_get_int64 (peek_value (self, pspec));
}

void
redress_record_set_int64 (RedressRecord *self,
                          const char    *property,
                          gint64         value)
{
  g_return_if_fail (REDRESS_IS_RECORD (self));

  g_object_set (self, property, value, NULL);
}

/**
 * _redress_record_select_sql:
 *
 * Returns: "SELECT id, created_at, updated_at, <mapped columns> FROM <table>",
 *   whose rows _redress_record_from_row() reads.
 */
char *
_redress_record_select_sql (RedressDatabase  *db,
                            GType             type,
                            GError          **error)
{
  const TypeMap *map = get_type_map (db, type, error);

  return map != NULL ? g_strdup (map->select_sql) : NULL;
}

/**
 * _redress_record_from_row:
 * @stmt: a row of _redress_record_select_sql()
 *
 * Returns: (transfer full): the live instance of the row's id when there is
 *   one (kept current by RedressDatabase::changed), else a new one.
 */
gpointer
_redress_record_from_row (RedressDatabase  *db,
                          GType             type,
                          RedressStatement *stmt)
{
  DbState *state = get_state (db);
  const TypeMap *map = get_type_map (db, type, NULL);
  const char *id = redress_statement_column_text (stmt, 0);
  RedressRecord *self;
  RedressRecordPrivate *priv;

  g_return_val_if_fail (map != NULL && id != NULL, NULL);

  g_rec_mutex_lock (&state_lock);
  self = g_hash_table_lookup (state->live, id);
  if (self != NULL && G_TYPE_CHECK_INSTANCE_TYPE (self, type))
    {
      g_object_ref (self);
      g_rec_mutex_unlock (&state_lock);
      return self;
    }
  g_rec_mutex_unlock (&state_lock);

  self = g_object_new (type, NULL);
  priv = redress_record_get_instance_private (self);
  priv->id = g_strdup (id);
  apply_row (self, map, stmt, FALSE);
  register_live (self, db);

  return self;
}

/**
 * _redress_record_peek:
 *
 * Returns: (transfer none) (nullable): the live instance of @id, if any.
 */
RedressRecord *
_redress_record_peek (RedressDatabase *db,
                      GType            type,
                      const char      *id)
{
  DbState *state = get_state (db);
  RedressRecord *self;

  g_rec_mutex_lock (&state_lock);
  self = g_hash_table_lookup (state->live, id);
  g_rec_mutex_unlock (&state_lock);

  return self != NULL && G_TYPE_CHECK_INSTANCE_TYPE (self, type) ? self : NULL;
}

/**
 * _redress_record_was_stored:
 *
 * Returns: whether the docket held a row for @self before the change being
 *   signalled (FALSE while a new record's RedressDatabase::changed runs).
 */
gboolean
_redress_record_was_stored (RedressRecord *self)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);

  return priv->stored != NULL;
}

/**
 * _redress_record_get_stored:
 * @value: an uninitialised GValue
 *
 * Reads the value @property had in the docket before the change being
 * signalled; lists use it to find where a row was.
 *
 * Returns: %FALSE when the record was never stored.
 */
gboolean
_redress_record_get_stored (RedressRecord *self,
                            const char    *property,
                            GValue        *value)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (self);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
  const GValue *stored;

  if (priv->stored == NULL || pspec == NULL)
    return FALSE;

  g_value_init (value, pspec->value_type);
  if (pspec == properties[PROP_UPDATED_AT])
    g_value_set_string (value, priv->stored_updated_at);
  else if ((stored = g_hash_table_lookup (priv->stored, pspec)) != NULL)
    g_value_copy (stored, value);
  else
    g_param_value_set_default (pspec, value);
  return TRUE;
}

/**
 * redress_record_load:
 * @type: a subtype of #RedressRecord
 * @id: the row's id
 *
 * Loads a row.  While an instance of @id is alive, every load returns it, and
 * a change to its row saved anywhere updates it.
 *
 * Returns: (transfer full) (type RedressRecord): the record, or %NULL with
 *   @error set (REDRESS_DATABASE_ERROR_NOT_FOUND when there is no such row).
 */
gpointer
redress_record_load (RedressDatabase  *db,
                     GType             type,
                     const char       *id,
                     GError          **error)
{
  const TypeMap *map;
  g_autofree char *sql = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  RedressRecord *live;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_type_is_a (type, REDRESS_TYPE_RECORD), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((live = _redress_record_peek (db, type, id)) != NULL)
    return g_object_ref (live);

  if ((map = get_type_map (db, type, error)) == NULL)
    return NULL;

  sql = g_strconcat (map->select_sql, " WHERE id = ?1", NULL);
  if ((stmt = redress_database_prepare (db, sql, error)) == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, id);
  rc = redress_statement_step (stmt);
  if (rc == REDRESS_STEP_ROW)
    return _redress_record_from_row (db, type, stmt);
  if (rc == REDRESS_STEP_DONE)
    g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                 _("The entry you asked for is not in this docket; it may have been deleted."));
  else
    redress_statement_set_error (stmt, error, _("Could not read the docket"));
  return NULL;
}

static gboolean
validate (RedressRecord  *self,
          const TypeMap  *map,
          GError        **error)
{
  RedressRecordClass *klass = REDRESS_RECORD_GET_CLASS (self);

  for (guint i = 0; i < map->pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (map->pspecs, i);
      const GValue *value = peek_value (self, pspec);
      RedressChoiceValidFunc is_valid;
      const char *str;

      if ((pspec->flags & REDRESS_PARAM_DERIVED) || !G_VALUE_HOLDS_STRING (value))
        continue;

      str = g_value_get_string (value);
      is_valid = (RedressChoiceValidFunc) g_param_spec_get_qdata (pspec, choices_quark);

      if (g_array_index (map->required, gboolean, i) && (str == NULL || *str == '\0'))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("“%s” is required. Nothing was saved."), field_label (pspec));
          return FALSE;
        }
      if (str == NULL || *str == '\0')
        {
          if (is_valid != NULL && !is_valid (""))
            {
              g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("“%s” is required. Nothing was saved."), field_label (pspec));
              return FALSE;
            }
          continue;
        }
      if ((pspec->flags & REDRESS_PARAM_DATE) && !redress_iso_date_is_valid (str))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("“%s” is not a valid date for “%s”. Write it as YYYY-MM-DD, for "
                         "example 2024-03-31. Nothing was saved."), str, field_label (pspec));
          return FALSE;
        }
      if ((pspec->flags & REDRESS_PARAM_PARTIAL_DATE) && !redress_partial_date_is_valid (str))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("“%s” is not a valid date for “%s”. Write it as YYYY, YYYY-MM or "
                         "YYYY-MM-DD. Nothing was saved."), str, field_label (pspec));
          return FALSE;
        }
      if (is_valid != NULL && !is_valid (str))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("“%s” is not one of the values “%s” can take. Nothing was saved."),
                       str, field_label (pspec));
          return FALSE;
        }
    }

  if (klass->validate != NULL && !klass->validate (self, error))
    return FALSE;

  return TRUE;
}

/* Turns a failed step into a sentence a caseworker can act on. */
static void
set_write_error (GError          **error,
                 RedressRecord    *self,
                 const TypeMap    *map,
                 RedressStatement *stmt,
                 gboolean          deleting)
{
  const char *msg = redress_statement_get_error_message (stmt);
  RedressConstraint constraint = redress_statement_get_constraint (stmt);

  switch (constraint)
    {
    case REDRESS_CONSTRAINT_UNIQUE:
      {
        const char *cols = strstr (msg, ": ");
        g_auto(GStrv) parts = g_strsplit (cols != NULL ? cols + 2 : "", ", ", -1);
        g_autoptr(GString) labels = g_string_new (NULL);
        const char *value = NULL;

        for (guint i = 0; parts[i] != NULL; i++)
          {
            const char *dot = strchr (parts[i], '.');
            g_autofree char *prop = g_strdup (dot != NULL ? dot + 1 : parts[i]);
            GParamSpec *pspec;

            g_strdelimit (prop, "_", '-');
            pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), prop);
            if (labels->len > 0)
              g_string_append (labels, ", ");
            g_string_append (labels, pspec != NULL ? field_label (pspec) : prop);
            if (pspec != NULL && G_TYPE_FUNDAMENTAL (pspec->value_type) == G_TYPE_STRING)
              value = g_value_get_string (peek_value (self, pspec));
          }
        if (g_strv_length (parts) == 1 && value != NULL)
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                       _("Another entry already has “%s” as its %s. Choose a different one; "
                         "nothing was saved."), value, labels->str);
        else
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                       _("The same entry is already recorded (same %s). Nothing was saved."),
                       labels->str);
      }
      break;
    case REDRESS_CONSTRAINT_FOREIGN_KEY:
      if (deleting)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                     _("This entry is still used elsewhere in the docket (for example a "
                       "person who is a party to a case), so it was not deleted."));
      else
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                     _("An entry this one refers to is no longer in the docket. Nothing was "
                       "saved."));
      break;
    case REDRESS_CONSTRAINT_TRIGGER:
    case REDRESS_CONSTRAINT_CHECK:
    case REDRESS_CONSTRAINT_NOT_NULL:
      g_set_error (error, REDRESS_DATABASE_ERROR,
                   constraint == REDRESS_CONSTRAINT_TRIGGER ? REDRESS_DATABASE_ERROR_CONFLICT
                                                            : REDRESS_DATABASE_ERROR_INVALID,
                   _("The docket refused the change (%s). Nothing was saved."), msg);
      break;
    case REDRESS_CONSTRAINT_NONE:
    case REDRESS_CONSTRAINT_OTHER:
    default:
      redress_statement_set_error (stmt, error,
                                   deleting ? _("Could not delete") : _("Could not save"));
      break;
    }
}

/* The value of @pspec as the user reads it, for a conflict's message. */
static char *
value_text (GParamSpec   *pspec,
            const GValue *value)
{
  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_STRING:
      return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
    case G_TYPE_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? _("yes") : _("no"));
    case G_TYPE_INT:
      return g_value_get_int (value) < 0 ? g_strdup ("")
                                         : g_strdup_printf ("%d", g_value_get_int (value));
    case G_TYPE_INT64:
      return g_value_get_int64 (value) < 0
               ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    default:
      return g_strdup ("");
    }
}

/* Who last changed @column of the row, and when, from the audit trail. */
static void
last_change (RedressDatabase  *db,
             const char       *table,
             const char       *id,
             const char       *column,
             char            **actor,
             char            **at)
{
  g_autoptr(RedressStatement) stmt = NULL;

  stmt = redress_database_prepare (db,
                                   "SELECT actor, at FROM audit_log "
                                   "WHERE table_name = ?1 AND row_id = ?2 AND field = ?3 "
                                   "ORDER BY seq DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return;
  redress_statement_bind_text (stmt, 1, table);
  redress_statement_bind_text (stmt, 2, id);
  redress_statement_bind_text (stmt, 3, column);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    {
      *actor = g_strdup (redress_statement_column_text (stmt, 0));
      *at = g_strdup (redress_statement_column_text (stmt, 1));
    }
}

/* Writes the columns of @dirty (indices into map->pspecs) and updated-at.
 * @guarded: only where each still holds the value it was read with.
 * Returns: the step's result; *@changes the rows it changed. */
static int
run_update (RedressRecord   *record,
            RedressDatabase *db,
            const TypeMap   *map,
            GArray          *dirty,
            const char      *now,
            gboolean         guarded,
            int             *changes,
            GError         **error)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  g_string_append_printf (sql, "UPDATE \"%s\" SET updated_at = ?2", map->table);
  for (guint k = 0; k < dirty->len; k++)
    {
      GParamSpec *pspec = g_ptr_array_index (map->pspecs, g_array_index (dirty, guint, k));
      g_autofree char *column = column_name (pspec->name);

      g_string_append_printf (sql, ", \"%s\" = ?%u", column, k + 3);
    }
  g_string_append (sql, " WHERE id = ?1");
  for (guint k = 0; guarded && k < dirty->len; k++)
    {
      GParamSpec *pspec = g_ptr_array_index (map->pspecs, g_array_index (dirty, guint, k));
      g_autofree char *column = column_name (pspec->name);

      g_string_append_printf (sql, " AND \"%s\" IS ?%u", column, k + 3 + dirty->len);
    }

  if ((stmt = redress_database_prepare (db, sql->str, error)) == NULL)
    return REDRESS_STEP_ERROR;
  redress_statement_bind_text (stmt, 1, priv->id);
  redress_statement_bind_text (stmt, 2, now);
  for (guint k = 0; k < dirty->len; k++)
    {
      guint i = g_array_index (dirty, guint, k);
      GParamSpec *pspec = g_ptr_array_index (map->pspecs, i);
      gboolean nullable = g_array_index (map->nullable, gboolean, i);

      bind_value (stmt, (int) (k + 3), peek_value (record, pspec), nullable);
      if (guarded)
        bind_value (stmt, (int) (k + 3 + dirty->len),
                    g_hash_table_lookup (priv->stored, pspec), nullable);
    }
  rc = redress_statement_step (stmt);
  *changes = rc == REDRESS_STEP_DONE ? redress_statement_changes (stmt) : 0;
  if (rc != REDRESS_STEP_DONE)
    set_write_error (error, record, map, stmt, FALSE);
  return rc;
}

/* After a guarded update changed nothing: reads the row as it is now, inside
 * the write transaction, and tells the edits someone else overwrote
 * meanwhile (conflicts) from those they left alone or made too.  Fields the
 * other side changed that @record did not are taken into @record.
 * Returns: %FALSE with @error set when the row is gone or there is a
 * conflict; then @record's conflicts say which. */
static gboolean
check_row (RedressRecord    *record,
           RedressDatabase  *db,
           const TypeMap    *map,
           GArray           *dirty,
           GError          **error)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (record);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = g_strconcat (map->select_sql, " WHERE id = ?1", NULL);
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GString) message = NULL;
  int rc;

  if ((stmt = redress_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, priv->id);
  rc = redress_statement_step (stmt);
  if (rc == REDRESS_STEP_DONE)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("This entry was deleted from the docket in the meantime, so your "
                     "changes could not be saved."));
      return FALSE;
    }
  if (rc != REDRESS_STEP_ROW)
    {
      redress_statement_set_error (stmt, error, _("Could not read the docket"));
      return FALSE;
    }

  for (guint k = 0; k < dirty->len; k++)
    {
      guint i = g_array_index (dirty, guint, k);
      GParamSpec *pspec = g_ptr_array_index (map->pspecs, i);
      const GValue *mine = peek_value (record, pspec);
      const GValue *base = g_hash_table_lookup (priv->stored, pspec);
      g_auto(GValue) theirs = G_VALUE_INIT;
      g_autofree char *column = NULL;
      RedressConflict *conflict;

      value_from_column (pspec, stmt, 3 + (int) i, &theirs);
      if (g_param_values_cmp (pspec, &theirs, mine) == 0 ||
          (base != NULL && g_param_values_cmp (pspec, &theirs, base) == 0))
        continue;  /* they wrote the same, or left it alone */

      column = column_name (pspec->name);
      conflict = g_object_new (REDRESS_TYPE_CONFLICT, NULL);
      conflict->pspec = pspec;
      conflict->label = g_strdup (field_label (pspec));
      conflict->mine = value_text (pspec, mine);
      conflict->theirs = value_text (pspec, &theirs);
      g_value_init (&conflict->theirs_value, pspec->value_type);
      g_value_copy (&theirs, &conflict->theirs_value);
      last_change (db, map->table, priv->id, column, &conflict->actor, &conflict->changed_at);
      if (conflict->changed_at == NULL)
        conflict->changed_at = g_strdup (redress_statement_column_text (stmt, 2));
      g_ptr_array_add (conflicts, conflict);
    }

  /* Take in what the other side changed; unsaved edits stay (apply_row). */
  apply_row (record, map, stmt, TRUE);

  if (conflicts->len == 0)
    return TRUE;

  message = g_string_new (NULL);
  for (guint k = 0; k < conflicts->len; k++)
    {
      g_autofree char *sentence = redress_conflict_describe (g_ptr_array_index (conflicts, k));

      g_string_append_printf (message, "%s ", sentence);
    }
  g_string_append (message, _("Your version was not saved."));
  g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT,
                       message->str);
  g_clear_pointer (&priv->conflicts, g_ptr_array_unref);
  priv->conflicts = g_steal_pointer (&conflicts);
  return FALSE;
}

/**
 * redress_record_save:
 * @record: a record, new or loaded from @db
 * @db: the docket
 *
 * Validates @record and inserts or updates its row in one transaction.  A new
 * record gets its id and created-at.  A loaded one writes only the fields
 * changed since it was read (or last saved), and updated-at, each guarded by
 * the value it was read with: a field someone else (another window, the
 * command line) changed meanwhile to another value gives
 * REDRESS_DATABASE_ERROR_EDIT_CONFLICT, whose message names the field, who
 * changed it and when, and both values; redress_record_get_conflicts() has
 * them, redress_record_resolve_conflict() settles them.  Fields the other
 * side changed and @record did not are taken into @record, so edits of
 * different fields both stay.  Invalid values give
 * REDRESS_DATABASE_ERROR_INVALID naming the field, a duplicate unique value
 * REDRESS_DATABASE_ERROR_CONFLICT; on any error nothing is written.
 *
 * Returns: whether the row was saved.
 */
gboolean
redress_record_save (RedressRecord    *record,
                     RedressDatabase  *db,
                     GError          **error)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (record);
  const TypeMap *map;
  g_autoptr(GString) sql = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *now = NULL;
  g_autofree char *new_id = NULL;
  gboolean is_new;
  int idx = 1;
  int rc;

  g_return_val_if_fail (REDRESS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (priv->db == NULL || priv->db == db, FALSE);

  if (!_redress_database_check_writable (db, error))
    return FALSE;
  if ((map = get_type_map (db, G_OBJECT_TYPE (record), error)) == NULL)
    return FALSE;
  if (!validate (record, map, error))
    return FALSE;

  is_new = priv->id == NULL;
  now = redress_timestamp_now ();

  if (!_redress_database_begin (db, error))
    return FALSE;

  if (is_new)
    {
      g_autoptr(GString) params = g_string_new ("?1, ?2, ?2");

      sql = g_string_new (NULL);
      new_id = redress_uuid_new ();
      g_string_append_printf (sql, "INSERT INTO \"%s\" (id, created_at, updated_at", map->table);
      for (guint i = 0; i < map->pspecs->len; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (map->pspecs, i);
          g_autofree char *column = NULL;

          if (pspec->flags & REDRESS_PARAM_DERIVED)
            continue;
          column = column_name (pspec->name);
          g_string_append_printf (sql, ", \"%s\"", column);
          g_string_append_printf (params, ", ?%u", i + 3);
        }
      g_string_append_printf (sql, ") VALUES (%s)", params->str);

      if ((stmt = redress_database_prepare (db, sql->str, error)) == NULL)
        {
          _redress_database_rollback (db);
          return FALSE;
        }
      redress_statement_bind_text (stmt, idx++, new_id);
      redress_statement_bind_text (stmt, idx++, now);
      for (guint i = 0; i < map->pspecs->len; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (map->pspecs, i);

          if (pspec->flags & REDRESS_PARAM_DERIVED)
            continue;
          bind_value (stmt, (int) i + 3, peek_value (record, pspec),
                      g_array_index (map->nullable, gboolean, i));
        }

      rc = redress_statement_step (stmt);
      if (rc != REDRESS_STEP_DONE)
        {
          set_write_error (error, record, map, stmt, FALSE);
          g_clear_pointer (&stmt, redress_statement_release);
          _redress_database_rollback (db);
          return FALSE;
        }
      g_clear_pointer (&stmt, redress_statement_release);
    }
  else
    {
      int changes = 0;

      for (guint i = 0; i < map->pspecs->len; i++)
        if (is_dirty (record, g_ptr_array_index (map->pspecs, i)))
          g_array_append_val (dirty, i);

      if (dirty->len == 0)
        {
          /* Nothing to write; the row must still be there. */
          g_autofree char *exists = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE id = ?1",
                                                     map->table);

          if ((stmt = redress_database_prepare (db, exists, error)) == NULL)
            {
              _redress_database_rollback (db);
              return FALSE;
            }
          redress_statement_bind_text (stmt, 1, priv->id);
          rc = redress_statement_step (stmt);
          g_clear_pointer (&stmt, redress_statement_release);
          changes = rc == REDRESS_STEP_ROW ? 1 : 0;
        }
      else if (run_update (record, db, map, dirty, now, TRUE, &changes, error) != REDRESS_STEP_DONE)
        {
          _redress_database_rollback (db);
          return FALSE;
        }

      if (changes == 0)
        {
          /* Changed or deleted meanwhile.  The write lock is held from here
           * to the commit, so once the row is read no one else can change it. */
          g_object_freeze_notify (G_OBJECT (record));
          if (!check_row (record, db, map, dirty, error) ||
              (dirty->len > 0 &&
               run_update (record, db, map, dirty, now, FALSE, &changes, error) != REDRESS_STEP_DONE))
            {
              _redress_database_rollback (db);
              g_object_thaw_notify (G_OBJECT (record));
              return FALSE;
            }
          g_object_thaw_notify (G_OBJECT (record));
        }
    }

  if (REDRESS_RECORD_GET_CLASS (record)->written != NULL &&
      !REDRESS_RECORD_GET_CLASS (record)->written (record, db, error))
    {
      _redress_database_rollback (db);
      return FALSE;
    }
  /* The commit announces the row: a new record is in the identity map by
   * then, so that lists take this instance and it is reloaded as stored. */
  if (is_new)
    {
      priv->id = g_steal_pointer (&new_id);
      register_live (record, db);
    }
  if (!_redress_database_commit (db, error))
    {
      if (is_new)
        {
          unregister_live (record);
          g_clear_pointer (&priv->id, g_free);
        }
      return FALSE;
    }

  g_clear_pointer (&priv->conflicts, g_ptr_array_unref);
  /* What was written is what the docket holds: the reload below takes the
   * row's (normalised) values instead of keeping them as unsaved edits,
   * while lists still find the row by its stored (old) values. */
  g_clear_pointer (&priv->written, g_ptr_array_unref);
  priv->written = g_ptr_array_new ();
  for (guint k = 0; k < dirty->len; k++)
    g_ptr_array_add (priv->written, g_ptr_array_index (map->pspecs, g_array_index (dirty, guint, k)));

  g_object_freeze_notify (G_OBJECT (record));
  if (is_new)
    {
      g_object_notify_by_pspec (G_OBJECT (record), properties[PROP_ID]);
      set_private_string (record, &priv->created_at, now, PROP_CREATED_AT);
    }
  if (is_new || dirty->len > 0)
    set_private_string (record, &priv->updated_at, now, PROP_UPDATED_AT);
  g_object_thaw_notify (G_OBJECT (record));

  /* The commit announced the row: the identity map's handler ran last and
   * reloaded @record from it (normalised values, derived columns) and
   * recorded them as stored. */

  for (guint k = 0; priv->stored != NULL && priv->written != NULL && k < priv->written->len; k++)
    {
      GParamSpec *pspec = g_ptr_array_index (priv->written, k);

      if (!g_hash_table_contains (priv->stored, pspec) ||
          g_param_values_cmp (pspec, g_hash_table_lookup (priv->stored, pspec),
                              peek_value (record, pspec)) != 0)
        g_hash_table_insert (priv->stored, pspec, value_dup (peek_value (record, pspec)));
    }
  g_clear_pointer (&priv->written, g_ptr_array_unref);

  return TRUE;
}

/**
 * redress_record_delete:
 * @record: a saved record
 *
 * Deletes the row of @record (and, through the schema, what hangs off it).
 * A person still party to a case gives REDRESS_DATABASE_ERROR_CONFLICT.
 *
 * Returns: whether the row was deleted.
 */
gboolean
redress_record_delete (RedressRecord    *record,
                       RedressDatabase  *db,
                       GError          **error)
{
  RedressRecordPrivate *priv = redress_record_get_instance_private (record);
  g_autoptr(RedressRecord) hold = NULL;
  const TypeMap *map;
  g_autofree char *sql = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (priv->id != NULL, FALSE);

  if (!_redress_database_check_writable (db, error))
    return FALSE;
  if ((map = get_type_map (db, G_OBJECT_TYPE (record), error)) == NULL)
    return FALSE;
  if (!_redress_database_begin (db, error))
    return FALSE;

  sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", map->table);
  if ((stmt = redress_database_prepare (db, sql, error)) == NULL)
    {
      _redress_database_rollback (db);
      return FALSE;
    }
  redress_statement_bind_text (stmt, 1, priv->id);
  rc = redress_statement_step (stmt);
  if (rc != REDRESS_STEP_DONE)
    {
      set_write_error (error, record, map, stmt, TRUE);
      g_clear_pointer (&stmt, redress_statement_release);
      _redress_database_rollback (db);
      return FALSE;
    }
  g_clear_pointer (&stmt, redress_statement_release);
  if (REDRESS_RECORD_GET_CLASS (record)->written != NULL &&
      !REDRESS_RECORD_GET_CLASS (record)->written (record, db, error))
    {
      _redress_database_rollback (db);
      return FALSE;
    }
  if (!_redress_database_commit (db, error))
    return FALSE;

  /* Lists find where the row was from its stored values, so those stay
   * until every handler has run. */
  hold = g_object_ref (record);
  unregister_live (record);
  g_clear_pointer (&priv->stored, g_hash_table_unref);

  return TRUE;
}

/* Keeps a list of redress_record_list() in step with its table. */
typedef struct
{
  GWeakRef         store;
  RedressDatabase *db;   /* weak */
  GType            type;
  char            *case_id;
  char            *sql;
  gulong           handler;
} ListWatch;

static void
list_watch_free (gpointer data)
{
  ListWatch *watch = data;

  if (watch->db != NULL)
    {
      g_clear_signal_handler (&watch->handler, watch->db);
      g_object_remove_weak_pointer (G_OBJECT (watch->db), (gpointer *) &watch->db);
    }
  g_weak_ref_clear (&watch->store);
  g_free (watch->case_id);
  g_free (watch->sql);
  g_free (watch);
}

static GPtrArray *
query_list (ListWatch  *watch,
            GError    **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if ((stmt = redress_database_prepare (watch->db, watch->sql, error)) == NULL)
    return NULL;
  if (watch->case_id != NULL)
    redress_statement_bind_text (stmt, 1, watch->case_id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_ptr_array_add (items, _redress_record_from_row (watch->db, watch->type, stmt));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the docket"));
      return NULL;
    }
  return g_steal_pointer (&items);
}

static void
list_table_changed_cb (RedressDatabase *db,
                       const char      *table,
                       const char      *id,
                       ListWatch       *watch)
{
  g_autoptr(GListStore) store = g_weak_ref_get (&watch->store);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old, prefix = 0, suffix = 0;

  if (store == NULL)
    return;
  if ((items = query_list (watch, &error)) == NULL)
    {
      g_warning ("Could not refresh a list of %s: %s", table, error->message);
      return;
    }

  /* Replace only the span that differs, so views keep their rows. */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  while (prefix < n_old && prefix < items->len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), prefix);

      if (item != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < items->len - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), n_old - 1 - suffix);

      if (item != g_ptr_array_index (items, items->len - 1 - suffix))
        break;
      suffix++;
    }
  if (prefix == n_old && prefix == items->len)
    return;
  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       items->pdata + prefix, items->len - prefix - suffix);
}

/**
 * redress_record_list:
 * @type: a subtype of #RedressRecord whose table has a case_id column
 * @case_id: (nullable): the case, or %NULL for every row of the table
 *
 * Lists rows in the order of the class's list_order.  The list follows
 * later changes of the table saved anywhere.
 *
 * Returns: (transfer full): a #GListModel of @type, or %NULL with @error set.
 */
GListModel *
redress_record_list (RedressDatabase  *db,
                     GType             type,
                     const char       *case_id,
                     GError          **error)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const TypeMap *map;
  ListWatch *watch;
  g_autofree char *detailed = NULL;
  const char *order;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_type_is_a (type, REDRESS_TYPE_RECORD), NULL);

  if ((map = get_type_map (db, type, error)) == NULL)
    return NULL;
  klass = g_type_class_ref (type);
  order = REDRESS_RECORD_CLASS (klass)->list_order;

  watch = g_new0 (ListWatch, 1);
  watch->db = db;
  g_object_add_weak_pointer (G_OBJECT (db), (gpointer *) &watch->db);
  watch->type = type;
  watch->case_id = g_strdup (case_id);
  watch->sql = g_strdup_printf ("%s%s ORDER BY %s%sid", map->select_sql,
                                case_id != NULL ? " WHERE case_id = ?1" : "",
                                order != NULL ? order : "", order != NULL ? ", " : "");

  if ((items = query_list (watch, error)) == NULL)
    {
      list_watch_free (watch);
      return NULL;
    }

  store = g_list_store_new (type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  g_weak_ref_init (&watch->store, store);
  detailed = g_strconcat ("changed::", map->table, NULL);
  watch->handler = g_signal_connect (db, detailed, G_CALLBACK (list_table_changed_cb), watch);
  g_object_set_data_full (G_OBJECT (store), "redress-record-list-watch", watch, list_watch_free);

  return G_LIST_MODEL (g_steal_pointer (&store));
}
