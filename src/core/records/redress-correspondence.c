/* redress-correspondence.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A letter or message to or from the Committee, the State party or others.
 */

#define G_LOG_DOMAIN "redress-correspondence"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-correspondence.h"
#include "redress-enums.h"
#include "redress-record-private.h"

struct _RedressCorrespondence
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressCorrespondence, redress_correspondence, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_DIRECTION,
  PROP_COUNTERPART,
  PROP_CHANNEL,
  PROP_LETTER_DATE,
  PROP_TRANSIT_DATE,
  PROP_SUBJECT,
  PROP_BODY,
  PROP_COMMITTEE_REF,
  PROP_EVENT_ID,
  PROP_STATED_DUE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_correspondence_class_init (RedressCorrespondenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "correspondence";
  record_class->list_order = "COALESCE(letter_date, transit_date) IS NULL, COALESCE(letter_date, transit_date), created_at";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIRECTION] =
    g_param_spec_string ("direction", N_("Direction"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COUNTERPART] =
    g_param_spec_string ("counterpart", N_("Counterpart"), NULL, "committee",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", N_("Channel"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LETTER_DATE] =
    g_param_spec_string ("letter-date", N_("Date of the letter"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_TRANSIT_DATE] =
    g_param_spec_string ("transit-date", N_("Date received or sent"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", N_("Subject"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BODY] =
    g_param_spec_string ("body", N_("Text"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMMITTEE_REF] =
    g_param_spec_string ("committee-ref", N_("Committee reference"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", N_("Procedural event"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATED_DUE] =
    g_param_spec_string ("stated-due", N_("Due date stated"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_DIRECTION], redress_direction_is_valid);
  redress_param_spec_set_choices (properties[PROP_COUNTERPART], redress_counterpart_is_valid);
}

static void
redress_correspondence_init (RedressCorrespondence *self)
{
}

/**
 * redress_correspondence_new:
 *
 * Returns: (transfer full): a new, unsaved correspondence; save it with redress_record_save().
 */
RedressCorrespondence *
redress_correspondence_new (const char *case_id,
                            const char *direction)
{
  return g_object_new (REDRESS_TYPE_CORRESPONDENCE,
                       "case-id", case_id, "direction", direction, NULL);
}
