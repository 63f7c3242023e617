/* redress-case-party.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person in a role in a case, with the consent they gave.
 */

#define G_LOG_DOMAIN "redress-case-party"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case-party.h"
#include "redress-enums.h"
#include "redress-record-private.h"

struct _RedressCaseParty
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressCaseParty, redress_case_party, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_PERSON_ID,
  PROP_ROLE,
  PROP_CONSENT_GIVEN,
  PROP_CONSENT_DATE,
  PROP_CONSENT_BY,
  PROP_CONSENT_BY_PERSON_ID,
  PROP_CONSENT_FORM,
  PROP_CONSENT_DISCLOSE_IDENTITY,
  PROP_CONSENT_PUBLICATION,
  PROP_NO_CONSENT_JUSTIFICATION,
  PROP_CHILD_VIEWS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_case_party_class_init (RedressCasePartyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "case_party";
  record_class->list_order = "role, created_at";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSON_ID] =
    g_param_spec_string ("person-id", N_("Person"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_string ("role", N_("Role"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONSENT_GIVEN] =
    /* -1: not recorded, 0: no, 1: yes. */
    g_param_spec_int ("consent-given", N_("Consent given"), NULL, -1, 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONSENT_DATE] =
    g_param_spec_string ("consent-date", N_("Date of consent"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_CONSENT_BY] =
    g_param_spec_string ("consent-by", N_("Consent given by"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONSENT_BY_PERSON_ID] =
    /* The person record of whoever gave consent (schema 10), or NULL. */
    g_param_spec_string ("consent-by-person-id", N_("Consent given by"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONSENT_FORM] =
    g_param_spec_string ("consent-form", N_("Form of consent"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONSENT_DISCLOSE_IDENTITY] =
    /* -1: not recorded, 0: no, 1: yes. */
    g_param_spec_int ("consent-disclose-identity", N_("Consent to disclose identity"), NULL, -1, 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONSENT_PUBLICATION] =
    /* -1: not recorded, 0: no, 1: yes. */
    g_param_spec_int ("consent-publication", N_("Consent to publication"), NULL, -1, 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NO_CONSENT_JUSTIFICATION] =
    g_param_spec_string ("no-consent-justification", N_("Why acting without consent is justified"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHILD_VIEWS] =
    g_param_spec_string ("child-views", N_("Views of the child"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_ROLE], redress_role_is_valid);
}

static void
redress_case_party_init (RedressCaseParty *self)
{
}

/**
 * redress_case_party_new:
 *
 * Returns: (transfer full): a new, unsaved case party; save it with redress_record_save().
 */
RedressCaseParty *
redress_case_party_new (const char *case_id,
                        const char *person_id,
                        const char *role)
{
  return g_object_new (REDRESS_TYPE_CASE_PARTY,
                       "case-id", case_id, "person-id", person_id, "role", role,
                       NULL);
}
