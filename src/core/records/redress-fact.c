/* redress-fact.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fact of a case, dated where the date is known.
 */

#define G_LOG_DOMAIN "redress-fact"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-fact.h"
#include "redress-record-private.h"

struct _RedressFact
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressFact, redress_fact, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_OCCURRED_ON,
  PROP_OCCURRED_UNTIL,
  PROP_PLACE,
  PROP_DESCRIPTION,
  PROP_CONTINUING,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_fact_class_init (RedressFactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "fact";
  record_class->list_order = "occurred_on IS NULL, occurred_on, created_at";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OCCURRED_ON] =
    g_param_spec_string ("occurred-on", N_("Occurred on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_OCCURRED_UNTIL] =
    g_param_spec_string ("occurred-until", N_("Occurred until"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_PLACE] =
    g_param_spec_string ("place", N_("Place"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTINUING] =
    g_param_spec_boolean ("continuing", N_("Continuing"), NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_fact_init (RedressFact *self)
{
}

/**
 * redress_fact_new:
 *
 * Returns: (transfer full): a new, unsaved fact; save it with redress_record_save().
 */
RedressFact *
redress_fact_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_FACT, "case-id", case_id, NULL);
}
