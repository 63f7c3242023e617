/* redress-person.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person: a child, an author, a representative, a witness.
 */

#define G_LOG_DOMAIN "redress-person"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-person.h"
#include "redress-record-private.h"

struct _RedressPerson
{
  RedressRecord parent_instance;

  char *display_name;
};

G_DEFINE_FINAL_TYPE (RedressPerson, redress_person, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_ALIAS,
  PROP_BIRTH_DATE,
  PROP_SEX_GENDER,
  PROP_NATIONALITY,
  PROP_CONTACT,
  PROP_NOTES,
  PROP_DISPLAY_NAME,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_person_finalize (GObject *object)
{
  RedressPerson *self = (RedressPerson *)object;

  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (redress_person_parent_class)->finalize (object);
}

static void
redress_person_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RedressPerson *self = REDRESS_PERSON (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, redress_person_get_display_name (self));
      break;
    default:
      _redress_record_property_get (object, prop_id, value, pspec);
    }
}

/* display-name follows the names it is made of. */
static void
redress_person_notify (GObject    *object,
                       GParamSpec *pspec)
{
  if (pspec == properties[PROP_GIVEN_NAME] || pspec == properties[PROP_FAMILY_NAME] ||
      pspec == properties[PROP_ALIAS])
    g_object_notify_by_pspec (object, properties[PROP_DISPLAY_NAME]);

  if (G_OBJECT_CLASS (redress_person_parent_class)->notify != NULL)
    G_OBJECT_CLASS (redress_person_parent_class)->notify (object, pspec);
}

static void
redress_person_class_init (RedressPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = redress_person_get_property;
  object_class->set_property = _redress_record_property_set;
  object_class->notify = redress_person_notify;
  object_class->finalize = redress_person_finalize;

  record_class->table_name = "person";
  record_class->list_order = "family_name COLLATE NOCASE, given_name COLLATE NOCASE";

  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", N_("Given name"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FAMILY_NAME] =
    g_param_spec_string ("family-name", N_("Family name"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALIAS] =
    g_param_spec_string ("alias", N_("Alias"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", N_("Date of birth"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_PARTIAL_DATE));
  properties[PROP_SEX_GENDER] =
    g_param_spec_string ("sex-gender", N_("Sex or gender"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NATIONALITY] =
    g_param_spec_string ("nationality", N_("Nationality"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", N_("Contact details"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", N_("Name"), NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_COMPUTED));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_person_init (RedressPerson *self)
{
}

/**
 * redress_person_new:
 *
 * Returns: (transfer full): a new, unsaved person; save it with redress_record_save().
 */
RedressPerson *
redress_person_new (void)
{
  return g_object_new (REDRESS_TYPE_PERSON, NULL);
}

/**
 * redress_person_get_display_name:
 *
 * Returns: the given and family names, else the alias, else a placeholder
 *   saying the person has no name yet.
 */
const char *
redress_person_get_display_name (RedressPerson *self)
{
  RedressRecord *record = REDRESS_RECORD (self);
  const char *given, *family, *alias;
  g_autofree char *name = NULL;

  g_return_val_if_fail (REDRESS_IS_PERSON (self), NULL);

  given = redress_record_get_string (record, "given-name");
  family = redress_record_get_string (record, "family-name");
  alias = redress_record_get_string (record, "alias");
  name = g_strstrip (g_strjoin (" ", given != NULL ? given : "", family != NULL ? family : "", NULL));
  if (*name == '\0' && alias != NULL && *alias != '\0')
    {
      g_free (name);
      name = g_strdup (alias);
    }
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Unnamed person"));
    }

  g_free (self->display_name);
  self->display_name = g_steal_pointer (&name);
  return self->display_name;
}
