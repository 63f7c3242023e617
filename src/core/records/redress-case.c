/* redress-case.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case file: an individual communication or an inquiry under OP3 CRC.
 */

#define G_LOG_DOMAIN "redress-case"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case.h"
#include "redress-enums.h"
#include "redress-record-private.h"

struct _RedressCase
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressCase, redress_case, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_REFERENCE,
  PROP_TITLE,
  PROP_COMMITTEE_REF,
  PROP_STATE_CODE,
  PROP_STAGE,
  PROP_OPENED_ON,
  PROP_CLOSED_ON,
  PROP_SUMMARY,
  PROP_FACTS,
  PROP_BEST_INTERESTS,
  PROP_CHILD_VIEWS,
  PROP_INTERIM_MEASURES,
  PROP_REMEDIES_SOUGHT,
  PROP_OUTCOME,
  PROP_FOLLOW_UP,
  PROP_INQUIRY_SOURCES,
  PROP_INQUIRY_PERIOD,
  PROP_INQUIRY_PLACES,
  PROP_VISIT,
  PROP_FINDINGS,
  PROP_REMEDIES_EXCUSE,
  PROP_TIME_LIMIT_EXCUSE,
  PROP_SUBMITTED_ON,
  PROP_IN_WRITING,
  PROP_NEXT_DEADLINE,
  PROP_PARTY_COUNT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static const char * const derived_from[] = { "deadline", "case_party", NULL };

static void
redress_case_class_init (RedressCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "case_file";
  record_class->list_order = "reference COLLATE NOCASE";
  record_class->derived_from = derived_from;

  properties[PROP_KIND] =
    g_param_spec_string ("kind", N_("Kind"), NULL, "communication",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", N_("Reference"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_REQUIRED));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("Title"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMMITTEE_REF] =
    g_param_spec_string ("committee-ref", N_("Committee reference"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE_CODE] =
    g_param_spec_string ("state-code", N_("State party"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", N_("Stage"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OPENED_ON] =
    g_param_spec_string ("opened-on", N_("Opened on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", N_("Closed on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", N_("Summary"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FACTS] =
    g_param_spec_string ("facts", N_("Facts"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BEST_INTERESTS] =
    g_param_spec_string ("best-interests", N_("Best interests of the child"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHILD_VIEWS] =
    g_param_spec_string ("child-views", N_("Views of the child"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INTERIM_MEASURES] =
    g_param_spec_string ("interim-measures", N_("Interim measures"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REMEDIES_SOUGHT] =
    g_param_spec_string ("remedies-sought", N_("Remedies sought"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", N_("Outcome"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOLLOW_UP] =
    g_param_spec_string ("follow-up", N_("Follow-up"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INQUIRY_SOURCES] =
    g_param_spec_string ("inquiry-sources", N_("Sources of the information"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INQUIRY_PERIOD] =
    g_param_spec_string ("inquiry-period", N_("Period covered"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_INQUIRY_PLACES] =
    g_param_spec_string ("inquiry-places", N_("Places"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VISIT] =
    g_param_spec_string ("visit", N_("Visit"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FINDINGS] =
    g_param_spec_string ("findings", N_("Findings"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REMEDIES_EXCUSE] =
    g_param_spec_string ("remedies-excuse", N_("Why domestic remedies were not exhausted"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME_LIMIT_EXCUSE] =
    g_param_spec_string ("time-limit-excuse", N_("Why the communication was not submitted within one year"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBMITTED_ON] =
    g_param_spec_string ("submitted-on", N_("Submitted on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  /* Art 7(b): -1 not recorded, 0 no, 1 submitted as a written, signed document. */
  properties[PROP_IN_WRITING] =
    g_param_spec_int ("in-writing", N_("In writing"), NULL, -1, 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NEXT_DEADLINE] =
    g_param_spec_string ("next-deadline", N_("Next deadline"), NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DERIVED));
  properties[PROP_PARTY_COUNT] =
    g_param_spec_int ("party-count", N_("Parties"), NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DERIVED));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_KIND], redress_case_kind_is_valid);
}

static void
redress_case_init (RedressCase *self)
{
}

/**
 * redress_case_new:
 *
 * Returns: (transfer full): a new, unsaved case file; save it with redress_record_save().
 */
RedressCase *
redress_case_new (const char *kind,
                  const char *reference)
{
  return g_object_new (REDRESS_TYPE_CASE, "kind", kind, "reference", reference, NULL);
}

const char *
redress_case_get_kind (RedressCase *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE (self), NULL);

  return redress_record_get_string (REDRESS_RECORD (self), "kind");
}

const char *
redress_case_get_reference (RedressCase *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE (self), NULL);

  return redress_record_get_string (REDRESS_RECORD (self), "reference");
}

const char *
redress_case_get_title (RedressCase *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE (self), NULL);

  return redress_record_get_string (REDRESS_RECORD (self), "title");
}

const char *
redress_case_get_state_code (RedressCase *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE (self), NULL);

  return redress_record_get_string (REDRESS_RECORD (self), "state-code");
}

const char *
redress_case_get_stage (RedressCase *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE (self), NULL);

  return redress_record_get_string (REDRESS_RECORD (self), "stage");
}

/**
 * redress_case_get_next_deadline:
 *
 * Returns: (nullable): the earliest due date (extended, else stated in a
 *   letter, else computed) of the case's open deadlines, or %NULL.
 */
const char *
redress_case_get_next_deadline (RedressCase *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE (self), NULL);

  return redress_record_get_string (REDRESS_RECORD (self), "next-deadline");
}

/**
 * redress_case_get_party_count:
 *
 * Returns: how many parties (people in a role) the case has.
 */
int
redress_case_get_party_count (RedressCase *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE (self), 0);

  return redress_record_get_int (REDRESS_RECORD (self), "party-count");
}
