/* redress-record.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

/* Flags of a subclass's GParamSpecs that tell RedressRecord how the property
 * maps to its table.  A property without REDRESS_PARAM_COMPUTED whose name,
 * with '-' turned into '_', is a column of the table is loaded and saved. */
#define REDRESS_PARAM_COMPUTED     (1 << (G_PARAM_USER_SHIFT + 0)) /* not a column: never loaded nor saved */
#define REDRESS_PARAM_DERIVED      (1 << (G_PARAM_USER_SHIFT + 1)) /* a column the database maintains: loaded, never saved */
#define REDRESS_PARAM_DATE         (1 << (G_PARAM_USER_SHIFT + 2)) /* "YYYY-MM-DD" or NULL */
#define REDRESS_PARAM_PARTIAL_DATE (1 << (G_PARAM_USER_SHIFT + 3)) /* "YYYY", "YYYY-MM", "YYYY-MM-DD" or NULL */
#define REDRESS_PARAM_REQUIRED     (1 << (G_PARAM_USER_SHIFT + 4)) /* must not be NULL or empty */

/* Validates the string value of an enumerated column (see redress-enums.h). */
typedef gboolean (*RedressChoiceValidFunc) (const char *value);

#define REDRESS_TYPE_RECORD (redress_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (RedressRecord, redress_record, REDRESS, RECORD, GObject)

struct _RedressRecordClass
{
  GObjectClass parent_class;

  /* The table the rows live in, set in class_init. */
  const char          *table_name;
  /* The ORDER BY clause of redress_record_list(), e.g. "occurred_on, created_at". */
  const char          *list_order;
  /* NULL-terminated tables whose rows carry a case_id equal to this record's
   * id and whose changes change this record's derived properties. */
  const char * const  *derived_from;

  /* Checks beyond the generic ones (required, dates, choices); %NULL for none. */
  gboolean           (*validate) (RedressRecord  *self,
                                  GError        **error);
  /* Runs inside the transaction that saves or deletes the row, after the
   * write: what the row feeds (a case's deadlines) is derived in the same
   * transaction.  Failing rolls the write back.  %NULL for none. */
  gboolean           (*written)  (RedressRecord    *self,
                                  RedressDatabase  *db,
                                  GError          **error);

  /*< private >*/
  gpointer padding[7];
};

/* A field of a record that another window or process changed since it was
 * read, to a value other than the one being saved (redress_record_save()
 * fails with REDRESS_DATABASE_ERROR_EDIT_CONFLICT). */
#define REDRESS_TYPE_CONFLICT (redress_conflict_get_type ())

G_DECLARE_FINAL_TYPE (RedressConflict, redress_conflict, REDRESS, CONFLICT, GObject)

const char   *redress_conflict_get_property_name (RedressConflict *self);
const char   *redress_conflict_get_field_label   (RedressConflict *self);
const char   *redress_conflict_get_mine          (RedressConflict *self);
const char   *redress_conflict_get_theirs        (RedressConflict *self);
const char   *redress_conflict_get_actor         (RedressConflict *self);
const char   *redress_conflict_get_changed_at    (RedressConflict *self);
char         *redress_conflict_describe          (RedressConflict *self) G_GNUC_WARN_UNUSED_RESULT;

typedef enum
{
  REDRESS_CONFLICT_KEEP_MINE,    /* save my value over theirs (guarded by theirs) */
  REDRESS_CONFLICT_TAKE_THEIRS,  /* drop my value, show theirs */
} RedressConflictChoice;

void          redress_param_spec_set_choices (GParamSpec              *pspec,
                                              RedressChoiceValidFunc   is_valid);

const char   *redress_record_get_id          (RedressRecord   *self);
const char   *redress_record_get_created_at  (RedressRecord   *self);
const char   *redress_record_get_updated_at  (RedressRecord   *self);
gboolean      redress_record_is_saved        (RedressRecord   *self);
RedressDatabase *redress_record_get_database (RedressRecord   *self);

/* Typed access by property name, for code that does not want GValues.  The
 * setters notify only when the value changes. */
const char   *redress_record_get_string      (RedressRecord   *self,
                                              const char      *property);
void          redress_record_set_string      (RedressRecord   *self,
                                              const char      *property,
                                              const char      *value);
gboolean      redress_record_get_boolean     (RedressRecord   *self,
                                              const char      *property);
void          redress_record_set_boolean     (RedressRecord   *self,
                                              const char      *property,
                                              gboolean         value);
int           redress_record_get_int         (RedressRecord   *self,
                                              const char      *property);
void          redress_record_set_int         (RedressRecord   *self,
                                              const char      *property,
                                              int              value);
gint64        redress_record_get_int64       (RedressRecord   *self,
                                              const char      *property);
void          redress_record_set_int64       (RedressRecord   *self,
                                              const char      *property,
                                              gint64           value);

GPtrArray    *redress_record_get_conflicts   (RedressRecord   *self);
void          redress_record_resolve_conflict (RedressRecord   *self,
                                              const char      *property,
                                              RedressConflictChoice choice);
void          redress_record_expect_string   (RedressRecord   *self,
                                              const char      *property,
                                              const char      *value);

gpointer      redress_record_load            (RedressDatabase *db,
                                              GType            type,
                                              const char      *id,
                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      redress_record_save            (RedressRecord   *record,
                                              RedressDatabase *db,
                                              GError         **error);
gboolean      redress_record_delete          (RedressRecord   *record,
                                              RedressDatabase *db,
                                              GError         **error);
GListModel   *redress_record_list            (RedressDatabase *db,
                                              GType            type,
                                              const char      *case_id,
                                              GError         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
