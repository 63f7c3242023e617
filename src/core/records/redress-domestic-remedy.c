/* redress-domestic-remedy.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A domestic remedy tried, or not pursued for a reason OP3 CRC art 7(e) accepts.
 */

#define G_LOG_DOMAIN "redress-domestic-remedy"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-domestic-remedy.h"
#include "redress-enums.h"
#include "redress-procedure-private.h"
#include "redress-record-private.h"

struct _RedressDomesticRemedy
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressDomesticRemedy, redress_domestic_remedy, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_FORUM,
  PROP_LEVEL,
  PROP_FILED_ON,
  PROP_DECIDED_ON,
  PROP_NOTIFIED_ON,
  PROP_OUTCOME,
  PROP_IS_FINAL,
  PROP_NOT_PURSUED_REASON,
  PROP_NOTES,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* D01 (OP3 art 7(h)) follows the final decision: the case's deadlines are
 * derived in the transaction that writes the remedy. */
static gboolean
redress_domestic_remedy_written (RedressRecord    *record,
                                 RedressDatabase  *db,
                                 GError          **error)
{
  const char *case_id = redress_record_get_string (record, "case-id");

  if (case_id == NULL || *case_id == '\0')
    return TRUE;
  g_autoptr(GError) local = NULL;

  if (_redress_procedure_recompute_in_transaction (db, case_id, &local))
    return TRUE;
  /* A history that no longer replays (an old docket) is refused where it is
   * changed; the remedy itself is saved, and its case is left as it was, as
   * redress_procedure_recompute_all() leaves it.  Nothing was written. */
  if (g_error_matches (local, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static void
redress_domestic_remedy_class_init (RedressDomesticRemedyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "domestic_remedy";
  record_class->written = redress_domestic_remedy_written;
  record_class->list_order = "filed_on IS NULL, filed_on, created_at";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FORUM] =
    g_param_spec_string ("forum", N_("Court or authority"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LEVEL] =
    g_param_spec_string ("level", N_("Level"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILED_ON] =
    g_param_spec_string ("filed-on", N_("Filed on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_DECIDED_ON] =
    g_param_spec_string ("decided-on", N_("Decided on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_NOTIFIED_ON] =
    g_param_spec_string ("notified-on", N_("Notified on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", N_("Outcome"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IS_FINAL] =
    g_param_spec_boolean ("is-final", N_("Final decision"), NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOT_PURSUED_REASON] =
    g_param_spec_string ("not-pursued-reason", N_("Why it was not pursued"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_NOT_PURSUED_REASON], redress_not_pursued_reason_is_valid);
}

static void
redress_domestic_remedy_init (RedressDomesticRemedy *self)
{
}

/**
 * redress_domestic_remedy_new:
 *
 * Returns: (transfer full): a new, unsaved domestic remedy; save it with redress_record_save().
 */
RedressDomesticRemedy *
redress_domestic_remedy_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_DOMESTIC_REMEDY, "case-id", case_id, NULL);
}
