/* redress-deadline.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deadline of a case.  The procedure engine computes and writes them.
 */

#define G_LOG_DOMAIN "redress-deadline"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-deadline.h"
#include "redress-deadline-rules.h"
#include "redress-enums.h"
#include "redress-record-private.h"

struct _RedressDeadline
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressDeadline, redress_deadline, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_RULE_ID,
  PROP_RULE_PACK_VERSION,
  PROP_TRIGGER_EVENT_ID,
  PROP_TRIGGER_DATE,
  PROP_TRIGGER_DATE_ALT,
  PROP_COMPUTED_DUE,
  PROP_LETTER_DUE,
  PROP_EXTENDED_DUE,
  PROP_STATUS,
  PROP_URGENT,
  PROP_CLOSED_ON,
  PROP_CLOSED_BY,
  PROP_WAIVE_REASON,
  PROP_EFFECTIVE_DUE,
  PROP_DECIDED_ON,
  PROP_NOTIFIED_ON,
  PROP_START_NOTE,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
redress_deadline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RedressDeadline *self = REDRESS_DEADLINE (object);

  switch (prop_id)
    {
    case PROP_EFFECTIVE_DUE:
      g_value_set_string (value, redress_deadline_get_effective_due (self));
      break;
    case PROP_DECIDED_ON:
      g_value_set_string (value, redress_deadline_get_decided_on (self));
      break;
    case PROP_NOTIFIED_ON:
      g_value_set_string (value, redress_deadline_get_notified_on (self));
      break;
    case PROP_START_NOTE:
      g_value_take_string (value, redress_deadline_describe_start (self));
      break;
    default:
      _redress_record_property_get (object, prop_id, value, pspec);
    }
}

/* effective-due follows the three dates it is chosen from. */
static void
redress_deadline_notify (GObject    *object,
                         GParamSpec *pspec)
{
  if (pspec == properties[PROP_COMPUTED_DUE] || pspec == properties[PROP_LETTER_DUE] ||
      pspec == properties[PROP_EXTENDED_DUE])
    g_object_notify_by_pspec (object, properties[PROP_EFFECTIVE_DUE]);
  if (pspec == properties[PROP_TRIGGER_DATE] || pspec == properties[PROP_TRIGGER_DATE_ALT] ||
      pspec == properties[PROP_RULE_ID])
    {
      g_object_notify_by_pspec (object, properties[PROP_DECIDED_ON]);
      g_object_notify_by_pspec (object, properties[PROP_NOTIFIED_ON]);
      g_object_notify_by_pspec (object, properties[PROP_START_NOTE]);
    }

  if (G_OBJECT_CLASS (redress_deadline_parent_class)->notify != NULL)
    G_OBJECT_CLASS (redress_deadline_parent_class)->notify (object, pspec);
}

static void
redress_deadline_class_init (RedressDeadlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = redress_deadline_get_property;
  object_class->set_property = _redress_record_property_set;
  object_class->notify = redress_deadline_notify;

  record_class->table_name = "deadline";
  record_class->list_order = "COALESCE(extended_due, letter_due, computed_due), created_at";

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", N_("Rule"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_REQUIRED));
  properties[PROP_RULE_PACK_VERSION] =
    g_param_spec_string ("rule-pack-version", N_("Rule pack version"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_REQUIRED));
  properties[PROP_TRIGGER_EVENT_ID] =
    g_param_spec_string ("trigger-event-id", N_("Triggering event"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRIGGER_DATE] =
    g_param_spec_string ("trigger-date", N_("Trigger date"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_TRIGGER_DATE_ALT] =
    g_param_spec_string ("trigger-date-alt", N_("Other trigger date"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_COMPUTED_DUE] =
    g_param_spec_string ("computed-due", N_("Computed due date"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_LETTER_DUE] =
    g_param_spec_string ("letter-due", N_("Due date stated in the letter"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_EXTENDED_DUE] =
    g_param_spec_string ("extended-due", N_("Extended due date"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_STATUS] =
    g_param_spec_string ("status", N_("Status"), NULL, "open",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URGENT] =
    g_param_spec_boolean ("urgent", N_("Urgent"), NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", N_("Closed on"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_CLOSED_BY] =
    g_param_spec_string ("closed-by", N_("Closed by"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WAIVE_REASON] =
    g_param_spec_string ("waive-reason", N_("Why it was waived"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_EFFECTIVE_DUE] =
    g_param_spec_string ("effective-due", N_("Due date"), NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_COMPUTED));

  /* D01 (OP3 art 7(h)): the final decision's date and its notification's,
   * both shown (domain.md §1.1), and the sentence with the [U] caveat. */
  properties[PROP_DECIDED_ON] =
    g_param_spec_string ("decided-on", N_("Final decision"), NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_COMPUTED));
  properties[PROP_NOTIFIED_ON] =
    g_param_spec_string ("notified-on", N_("Notified"), NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_COMPUTED));
  properties[PROP_START_NOTE] =
    g_param_spec_string ("start-note", N_("Counted from"), NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_COMPUTED));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_STATUS], redress_deadline_status_is_valid);
}

static void
redress_deadline_init (RedressDeadline *self)
{
}

/**
 * redress_deadline_new:
 *
 * Returns: (transfer full): a new, unsaved deadline; save it with redress_record_save().
 */
RedressDeadline *
redress_deadline_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_DEADLINE, "case-id", case_id, NULL);
}

/**
 * redress_deadline_get_effective_due:
 *
 * Returns: (nullable): the extended due date if granted, else the one stated
 *   in the Committee's letter, else the computed one.
 */
const char *
redress_deadline_get_effective_due (RedressDeadline *self)
{
  static const char * const order[] = { "extended-due", "letter-due", "computed-due" };

  g_return_val_if_fail (REDRESS_IS_DEADLINE (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *due = redress_record_get_string (REDRESS_RECORD (self), order[i]);

      if (due != NULL && *due != '\0')
        return due;
    }
  return NULL;
}

static gboolean
is_d01 (RedressDeadline *self)
{
  return g_strcmp0 (redress_record_get_string (REDRESS_RECORD (self), "rule-id"), "D01") == 0;
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

/**
 * redress_deadline_get_decided_on:
 *
 * Returns: (nullable): for D01 (OP3 art 7(h)), the date of the final domestic
 *   decision; %NULL for other rules or when it is not recorded.
 */
const char *
redress_deadline_get_decided_on (RedressDeadline *self)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINE (self), NULL);
  return is_d01 (self) ? nonempty (redress_record_get_string (REDRESS_RECORD (self), "trigger-date")) : NULL;
}

/**
 * redress_deadline_get_notified_on:
 *
 * Returns: (nullable): for D01, the date the final decision was notified.
 */
const char *
redress_deadline_get_notified_on (RedressDeadline *self)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINE (self), NULL);
  return is_d01 (self) ? nonempty (redress_record_get_string (REDRESS_RECORD (self), "trigger-date-alt")) : NULL;
}

/**
 * redress_deadline_describe_start:
 *
 * Returns: (transfer full) (nullable): for D01, both dates and the "start
 *   date [U]" caveat; %NULL for other rules.
 */
char *
redress_deadline_describe_start (RedressDeadline *self)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINE (self), NULL);
  return redress_deadline_describe_start_of (redress_record_get_string (REDRESS_RECORD (self), "rule-id"),
                                             redress_record_get_string (REDRESS_RECORD (self), "trigger-date"),
                                             redress_record_get_string (REDRESS_RECORD (self), "trigger-date-alt"));
}
