/* redress-note.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A free note on a case.
 */

#define G_LOG_DOMAIN "redress-note"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-note.h"
#include "redress-record-private.h"

struct _RedressNote
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressNote, redress_note, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_BODY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_note_class_init (RedressNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "note";
  record_class->list_order = "created_at";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BODY] =
    g_param_spec_string ("body", N_("Note"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_note_init (RedressNote *self)
{
}

/**
 * redress_note_new:
 *
 * Returns: (transfer full): a new, unsaved note; save it with redress_record_save().
 */
RedressNote *
redress_note_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_NOTE, "case-id", case_id, NULL);
}
