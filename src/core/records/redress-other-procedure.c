/* redress-other-procedure.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another international procedure that examined the same matter (OP3 CRC art 7(d)).
 */

#define G_LOG_DOMAIN "redress-other-procedure"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-other-procedure.h"
#include "redress-record-private.h"

struct _RedressOtherProcedure
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressOtherProcedure, redress_other_procedure, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_BODY,
  PROP_REFERENCE,
  PROP_STATUS,
  PROP_SAME_MATTER,
  PROP_SUBMITTED_ON,
  PROP_DECIDED_ON,
  PROP_NOTES,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_other_procedure_class_init (RedressOtherProcedureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "other_procedure";
  record_class->list_order = "submitted_on IS NULL, submitted_on, created_at";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BODY] =
    g_param_spec_string ("body", N_("Body"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", N_("Reference"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", N_("Status"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SAME_MATTER] =
    /* -1: not recorded, 0: no, 1: yes. */
    g_param_spec_int ("same-matter", N_("Same matter"), NULL, -1, 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBMITTED_ON] =
    g_param_spec_string ("submitted-on", N_("Submitted on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_DECIDED_ON] =
    g_param_spec_string ("decided-on", N_("Decided on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_other_procedure_init (RedressOtherProcedure *self)
{
}

/**
 * redress_other_procedure_new:
 *
 * Returns: (transfer full): a new, unsaved other procedure; save it with redress_record_save().
 */
RedressOtherProcedure *
redress_other_procedure_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_OTHER_PROCEDURE, "case-id", case_id, NULL);
}
