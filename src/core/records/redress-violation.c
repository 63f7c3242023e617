/* redress-violation.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An alleged violation of a right under the Convention or one of its protocols.
 */

#define G_LOG_DOMAIN "redress-violation"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-database-private.h"
#include "redress-enums.h"
#include "redress-record-private.h"
#include "redress-violation.h"

struct _RedressViolation
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressViolation, redress_violation, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_TREATY,
  PROP_ARTICLE,
  PROP_PARAGRAPH,
  PROP_DESCRIPTION,
  PROP_CONTINUING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_violation_class_init (RedressViolationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "violation";
  record_class->list_order = "treaty, article, paragraph";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TREATY] =
    g_param_spec_string ("treaty", N_("Treaty"), NULL, "CRC",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARTICLE] =
    g_param_spec_string ("article", N_("Article"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_REQUIRED));
  properties[PROP_PARAGRAPH] =
    g_param_spec_string ("paragraph", N_("Paragraph"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTINUING] =
    g_param_spec_boolean ("continuing", N_("Continuing"), NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_TREATY], redress_treaty_is_valid);
}

static void
redress_violation_init (RedressViolation *self)
{
}

/**
 * redress_violation_new:
 *
 * Returns: (transfer full): a new, unsaved violation; save it with redress_record_save().
 */
RedressViolation *
redress_violation_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_VIOLATION, "case-id", case_id, NULL);
}

/**
 * redress_violation_set_fact_linked:
 * @linked: %TRUE to record that @fact_id supports @violation_id, %FALSE to
 *   remove that link
 *
 * Links or unlinks a fact and an alleged violation of the same case
 * (art 7(f): each violation must rest on facts).  Linking twice or
 * unlinking what is not linked changes nothing and succeeds.
 *
 * Returns: %FALSE with @error set when the two are not of the same case or
 *   the docket cannot be written.
 */
gboolean
redress_violation_set_fact_linked (RedressDatabase  *db,
                                   const char       *violation_id,
                                   const char       *fact_id,
                                   gboolean          linked,
                                   GError          **error)
{
  g_autoptr(RedressStatement) check = NULL;
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (violation_id != NULL && fact_id != NULL, FALSE);

  if (!_redress_database_check_writable (db, error))
    return FALSE;

  check = redress_database_prepare (db,
                                    "SELECT 1 FROM violation v JOIN fact f ON f.case_id = v.case_id "
                                    "WHERE v.id = ?1 AND f.id = ?2", error);
  if (check == NULL)
    return FALSE;
  redress_statement_bind_text (check, 1, violation_id);
  redress_statement_bind_text (check, 2, fact_id);
  if (redress_statement_step (check) != REDRESS_STEP_ROW)
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("The fact and the alleged violation are not of the same case, or one of them was "
                             "deleted."));
      return FALSE;
    }

  stmt = redress_database_prepare (db,
                                   linked
                                     ? "INSERT OR IGNORE INTO violation_fact (violation_id, fact_id) VALUES (?1, ?2)"
                                     : "DELETE FROM violation_fact WHERE violation_id = ?1 AND fact_id = ?2",
                                   error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, violation_id);
  redress_statement_bind_text (stmt, 2, fact_id);
  if (!redress_statement_step_done (stmt, linked ? _("Could not link the fact to the violation")
                                           : _("Could not unlink the fact from the violation"), error))
    return FALSE;

  return TRUE;
}

static GStrv
list_ids (RedressDatabase  *db,
          const char       *sql,
          const char       *id,
          GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  stmt = redress_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_strv_builder_add (builder, redress_statement_column_text (stmt, 0));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the links"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * redress_violation_list_fact_ids:
 *
 * Returns: (transfer full): the ids of the facts supporting @violation_id,
 *   in the order of the facts' dates, or %NULL with @error set.
 */
GStrv
redress_violation_list_fact_ids (RedressDatabase  *db,
                                 const char       *violation_id,
                                 GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (violation_id != NULL, NULL);

  return list_ids (db,
                   "SELECT vf.fact_id FROM violation_fact vf JOIN fact f ON f.id = vf.fact_id "
                   "WHERE vf.violation_id = ?1 ORDER BY f.occurred_on, f.created_at",
                   violation_id, error);
}

/**
 * redress_fact_list_violation_ids:
 *
 * Returns: (transfer full): the ids of the alleged violations @fact_id
 *   supports, or %NULL with @error set.
 */
GStrv
redress_fact_list_violation_ids (RedressDatabase  *db,
                                 const char       *fact_id,
                                 GError          **error)
{
  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (fact_id != NULL, NULL);

  return list_ids (db,
                   "SELECT vf.violation_id FROM violation_fact vf JOIN violation v ON v.id = vf.violation_id "
                   "WHERE vf.fact_id = ?1 ORDER BY v.treaty, v.article, v.paragraph",
                   fact_id, error);
}
