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
