/* redress-docket.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hub of an open docket (the role GcalContext plays in GNOME Calendar):
 * it owns the connection and what every writer and reader of it shares — the
 * identity map of records, the search reader, the reference data loaded
 * once, one evidence store — and installs the procedure engine's rules at
 * open, so that the window, the command line, an import and a direct model
 * call all get the same behaviour.  RedressDocket::changed tells once per
 * commit which tables and rows changed.
 */

#define G_LOG_DOMAIN "redress-docket"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-database-private.h"
#include "redress-docket-private.h"
#include "redress-evidence-store-private.h"
#include "redress-keys-private.h"
#include "redress-procedure.h"

struct _RedressDocket
{
  GObject               parent_instance;

  RedressDatabase      *database;
  gboolean              holds_database;  /* FALSE: made for a database opened on its own, which owns it */
  GMutex                lock;            /* the lazily made members, from worker threads too */
  RedressRecordState   *records;
  RedressSearchReader  *search;
  RedressReference     *reference;
  RedressEvidenceStore *evidence;
  guint                 recomputing : 1;
};

G_DEFINE_FINAL_TYPE (RedressDocket, redress_docket, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_REFERENCE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GMutex docket_lock;   /* making the docket of a database opened on its own */

static void
detach (RedressDocket *self)
{
  if (self->database == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_pointer (&self->records, _redress_record_state_free);
  if (_redress_database_get_docket (self->database) == G_OBJECT (self))
    _redress_database_set_docket (self->database, NULL, FALSE);
  if (self->holds_database)
    g_object_unref (self->database);
  self->database = NULL;
}

static void
redress_docket_dispose (GObject *object)
{
  RedressDocket *self = (RedressDocket *)object;

  /* The store holds the database: it goes first. */
  g_clear_object (&self->evidence);
  detach (self);

  G_OBJECT_CLASS (redress_docket_parent_class)->dispose (object);
}

static void
redress_docket_finalize (GObject *object)
{
  RedressDocket *self = (RedressDocket *)object;

  g_clear_pointer (&self->search, _redress_search_reader_free);
  g_clear_object (&self->reference);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (redress_docket_parent_class)->finalize (object);
}

static void
redress_docket_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RedressDocket *self = REDRESS_DOCKET (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_REFERENCE:
      g_value_set_object (value, redress_docket_get_reference (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_docket_class_init (RedressDocketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redress_docket_dispose;
  object_class->finalize = redress_docket_finalize;
  object_class->get_property = redress_docket_get_property;

  /**
   * RedressDocket:database:
   *
   * The connection.  Model functions take it; it knows its docket
   * (redress_docket_get_for_database()).
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, REDRESS_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * RedressDocket:reference:
   *
   * The States and rights: the States file last imported into the docket, or
   * the bundled one.  Loaded once, and again after an import of States.
   */
  properties[PROP_REFERENCE] =
    g_param_spec_object ("reference", NULL, NULL, REDRESS_TYPE_REFERENCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RedressDocket::changed:
   * @changes: the tables, and the rows when known, that the commit changed
   *
   * Emitted once after each commit on the docket's connection, by whichever
   * writer (window, command line, import, a model call), after the
   * procedure engine's rules and the identity map have followed it.  A
   * rule's own writes are the next emission.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1,
                                   REDRESS_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
redress_docket_init (RedressDocket *self)
{
  g_mutex_init (&self->lock);
}

/* The procedure engine follows every commit: D01 (OP3 art 7(h)) runs from
 * the final domestic decision, so a change to the domestic remedies, by
 * whoever made it, recomputes the case's deadlines. */
static void
follow_procedure (RedressDocket    *self,
                  RedressChangeSet *changes)
{
  g_autoptr(GError) error = NULL;

  if (self->recomputing || redress_database_get_read_only (self->database) ||
      !redress_change_set_has_table (changes, "domestic_remedy"))
    return;

  self->recomputing = TRUE;
  if (!redress_procedure_follow_remedies (self->database,
                                          redress_change_set_get_ids (changes, "domestic_remedy"),
                                          &error))
    {
      /* A history the procedure does not allow (written by hand, or by an
       * older Redress) keeps its deadlines; the case page says why. */
      if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID))
        g_message ("Deadlines not recomputed after a change of domestic remedies: %s", error->message);
      else
        g_warning ("Could not recompute the deadlines after a change of domestic remedies: %s", error->message);
    }
  self->recomputing = FALSE;
}

static void
committed_cb (RedressDatabase  *database,
              RedressChangeSet *changes,
              RedressDocket    *self)
{
  g_autoptr(RedressDocket) hold = g_object_ref (self);

  if (redress_change_set_has_table (changes, "ref_data_import"))
    {
      g_mutex_lock (&self->lock);
      g_clear_object (&self->reference);
      g_mutex_unlock (&self->lock);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
    }
  follow_procedure (self, changes);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

static RedressDocket *
docket_new (RedressDatabase *database,
            gboolean         holds_database)
{
  RedressDocket *self = g_object_new (REDRESS_TYPE_DOCKET, NULL);

  self->database = holds_database ? g_object_ref (database) : database;
  self->holds_database = holds_database;
  self->search = _redress_search_reader_new ();
  _redress_database_set_docket (database, G_OBJECT (self), !holds_database);
  self->records = _redress_record_state_new (database);
  g_signal_connect (database, "committed", G_CALLBACK (committed_cb), self);
  return self;
}

/**
 * redress_docket_new_for_database:
 * @database: an open database
 *
 * The docket of @database, held by the caller from now on: a database opened
 * on its own (redress_database_open()) becomes a docket's here.
 *
 * Returns: (transfer full): the docket.
 */
RedressDocket *
redress_docket_new_for_database (RedressDatabase *database)
{
  RedressDocket *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (database), NULL);

  g_mutex_lock (&docket_lock);
  self = (RedressDocket *) _redress_database_get_docket (database);
  if (self != NULL && !self->holds_database)
    {
      /* The database's own docket: the caller takes the database's reference. */
      self->database = g_object_ref (database);
      self->holds_database = TRUE;
      _redress_database_set_docket (database, G_OBJECT (self), FALSE);
    }
  else if (self != NULL)
    g_object_ref (self);
  else
    self = docket_new (database, TRUE);
  g_mutex_unlock (&docket_lock);
  return self;
}

/**
 * redress_docket_get_for_database:
 * @database: an open database
 *
 * The docket @database belongs to, for code that was given only the
 * database.  A database opened on its own (tests, backup, encryption) gets
 * its docket the first time it is asked for: that one lives as long as the
 * database and goes with redress_database_close().
 *
 * Returns: (transfer none): the docket.
 */
RedressDocket *
redress_docket_get_for_database (RedressDatabase *database)
{
  RedressDocket *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (database), NULL);

  self = (RedressDocket *) _redress_database_get_docket (database);
  if (self != NULL)
    return self;

  g_mutex_lock (&docket_lock);
  self = (RedressDocket *) _redress_database_get_docket (database);
  if (self == NULL)
    self = docket_new (database, FALSE);
  g_mutex_unlock (&docket_lock);
  return self;
}

/**
 * redress_docket_open:
 * @path: the docket file
 * @passphrase: (nullable): the passphrase of an encrypted docket
 * @recovery_key: (nullable): its recovery key instead (the passphrase is then ignored)
 *
 * Opens the docket at @path (redress_database_open(): key, checks,
 * migrations), installs the procedure engine's rules, loads its reference
 * data and makes its evidence store.
 *
 * Returns: (transfer full): the docket, or %NULL with @error set
 *   (REDRESS_DATABASE_ERROR).
 */
RedressDocket *
redress_docket_open (const char                *path,
                     const char                *passphrase,
                     const char                *recovery_key,
                     RedressDatabaseOpenFlags   flags,
                     GError                   **error)
{
  g_autoptr(RedressDatabase) database = NULL;
  g_autoptr(RedressDocket) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (recovery_key != NULL)
    database = redress_database_open_with_recovery_key (path, recovery_key, flags, error);
  else
    database = redress_database_open (path, passphrase, flags, error);
  if (database == NULL)
    return NULL;

  self = redress_docket_new_for_database (database);
  (void) redress_docket_get_reference (self);
  (void) redress_docket_get_evidence_store (self);
  return g_steal_pointer (&self);
}

typedef struct
{
  char                     *path;
  char                     *passphrase;    /* protected memory */
  char                     *recovery_key;  /* protected memory */
  RedressDatabaseOpenFlags  flags;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *od = data;

  g_free (od->path);
  g_clear_pointer (&od->passphrase, redress_database_free_secret);
  g_clear_pointer (&od->recovery_key, redress_database_free_secret);
  g_free (od);
}

static char *
dup_secret (const char *secret)
{
  gsize len;
  char *copy;

  if (secret == NULL)
    return NULL;
  len = strlen (secret);
  copy = _redress_secure_alloc (len + 1);
  memcpy (copy, secret, len + 1);
  return copy;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *od = task_data;
  GError *error = NULL;
  RedressDocket *docket;

  docket = redress_docket_open (od->path, od->passphrase, od->recovery_key, od->flags, &error);
  if (docket != NULL)
    g_task_return_pointer (task, docket, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * redress_docket_open_async:
 *
 * redress_docket_open() in a worker thread: opening checks the whole file
 * (PRAGMA quick_check), which takes seconds on a large docket.  The secrets
 * are copied into protected memory and wiped when done.
 */
void
redress_docket_open_async (const char               *path,
                           const char               *passphrase,
                           const char               *recovery_key,
                           RedressDatabaseOpenFlags  flags,
                           GCancellable             *cancellable,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *od;

  g_return_if_fail (path != NULL);

  od = g_new0 (OpenData, 1);
  od->path = g_strdup (path);
  od->passphrase = dup_secret (passphrase);
  od->recovery_key = dup_secret (recovery_key);
  od->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, redress_docket_open_async);
  g_task_set_task_data (task, od, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

RedressDocket *
redress_docket_open_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * redress_docket_get_database:
 *
 * Returns: (transfer none): the connection, %NULL once closed.
 */
RedressDatabase *
redress_docket_get_database (RedressDocket *self)
{
  g_return_val_if_fail (REDRESS_IS_DOCKET (self), NULL);

  return self->database;
}

const char *
redress_docket_get_path (RedressDocket *self)
{
  g_return_val_if_fail (REDRESS_IS_DOCKET (self), NULL);

  return self->database != NULL ? redress_database_get_path (self->database) : NULL;
}

/**
 * redress_docket_get_reference:
 *
 * The States and rights of the docket, loaded once (again after an import
 * of States).  Unreadable imported data falls back to the bundled data with
 * a warning.
 *
 * Returns: (transfer none): the reference data.
 */
RedressReference *
redress_docket_get_reference (RedressDocket *self)
{
  RedressReference *reference;

  g_return_val_if_fail (REDRESS_IS_DOCKET (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->reference == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->database != NULL)
        self->reference = redress_reference_load (self->database, &error);
      if (self->reference == NULL)
        {
          if (error != NULL)
            g_warning ("Docket reference data unreadable, using the bundled data: %s", error->message);
          g_clear_error (&error);
          self->reference = redress_reference_new_bundled (&error);
          if (self->reference == NULL)
            g_critical ("The bundled reference data is unreadable: %s", error->message);
        }
    }
  reference = self->reference;
  g_mutex_unlock (&self->lock);
  return reference;
}

/**
 * redress_docket_get_evidence_store:
 *
 * The docket's one evidence locker, made the first time it is asked for
 * (removing the temporary files a killed copy left, once).
 *
 * Returns: (transfer none): the store.
 */
RedressEvidenceStore *
redress_docket_get_evidence_store (RedressDocket *self)
{
  RedressEvidenceStore *store;

  g_return_val_if_fail (REDRESS_IS_DOCKET (self), NULL);
  g_return_val_if_fail (self->database != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (self->evidence == NULL)
    self->evidence = _redress_evidence_store_new_full (self->database, self->holds_database);
  store = self->evidence;
  g_mutex_unlock (&self->lock);
  return store;
}

/**
 * redress_docket_close:
 *
 * Closes the connection (redress_database_close(): wipes the keys and the
 * copies decrypted for viewing); the docket can no longer be used.
 */
void
redress_docket_close (RedressDocket *self)
{
  g_autoptr(RedressDatabase) database = NULL;

  g_return_if_fail (REDRESS_IS_DOCKET (self));

  if (self->database == NULL)
    return;
  database = g_object_ref (self->database);
  g_clear_object (&self->evidence);
  detach (self);
  redress_database_close (database);
}

RedressRecordState *
_redress_docket_get_record_state (RedressDocket *self)
{
  return self->records;
}

RedressSearchReader *
_redress_docket_get_search_reader (RedressDocket *self)
{
  return self->search;
}

/* The identity map of @db if it has a docket, without making one. */
RedressRecordState *
_redress_docket_peek_record_state (RedressDatabase *db)
{
  RedressDocket *self = (RedressDocket *) _redress_database_get_docket (db);

  return self != NULL ? self->records : NULL;
}
