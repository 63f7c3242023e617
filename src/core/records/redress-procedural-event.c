/* redress-procedural-event.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One step of a case's procedural history.  The procedure engine writes them.
 */

#define G_LOG_DOMAIN "redress-procedural-event"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-enums.h"
#include "redress-procedural-event.h"
#include "redress-record-private.h"

struct _RedressProceduralEvent
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressProceduralEvent, redress_procedural_event, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_TRACK,
  PROP_EVENT,
  PROP_FROM_STAGE,
  PROP_TO_STAGE,
  PROP_OCCURRED_ON,
  PROP_LETTER_REF,
  PROP_LETTER_DUE,
  PROP_NOTE,
  PROP_SEQ,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_procedural_event_class_init (RedressProceduralEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "procedural_event";
  record_class->list_order = "occurred_on, seq";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRACK] =
    g_param_spec_string ("track", N_("Track"), NULL, "main",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EVENT] =
    g_param_spec_string ("event", N_("Event"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_REQUIRED));
  properties[PROP_FROM_STAGE] =
    g_param_spec_string ("from-stage", N_("From stage"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TO_STAGE] =
    g_param_spec_string ("to-stage", N_("To stage"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OCCURRED_ON] =
    g_param_spec_string ("occurred-on", N_("Occurred on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE | REDRESS_PARAM_REQUIRED));
  properties[PROP_LETTER_REF] =
    g_param_spec_string ("letter-ref", N_("Letter reference"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LETTER_DUE] =
    g_param_spec_string ("letter-due", N_("Due date stated in the letter"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_NOTE] =
    g_param_spec_string ("note", N_("Note"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEQ] =
    g_param_spec_int ("seq", N_("Sequence"), NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_TRACK], redress_event_track_is_valid);
}

static void
redress_procedural_event_init (RedressProceduralEvent *self)
{
}

/**
 * redress_procedural_event_new:
 *
 * Returns: (transfer full): a new, unsaved procedural event; save it with redress_record_save().
 */
RedressProceduralEvent *
redress_procedural_event_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_PROCEDURAL_EVENT, "case-id", case_id, NULL);
}
