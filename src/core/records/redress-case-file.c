/* redress-case-file.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case as it is loaded: the case record and the live lists of its rows
 * (people, facts, violations, remedies, other procedures, events), and what
 * is derived from them once for every reader (the earliest dated fact, the
 * ages at the facts and their warnings).  The lists follow the docket
 * (redress_record_list()); the views bind to them and the aggregate follows
 * them without reading the docket again.
 */

#define G_LOG_DOMAIN "redress-case-file"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case-file.h"
#include "redress-case-party.h"
#include "redress-date.h"
#include "redress-domestic-remedy.h"
#include "redress-fact.h"
#include "redress-other-procedure.h"
#include "redress-procedural-event.h"
#include "redress-record.h"
#include "redress-util.h"
#include "redress-violation.h"

struct _RedressCaseFile
{
  GObject          parent_instance;

  RedressDatabase *db;
  RedressCase     *kase;
  GListModel      *parties;
  GListModel      *facts;
  GListModel      *violations;
  GListModel      *remedies;
  GListModel      *others;
  GListModel      *events;
  GPtrArray       *watched_facts;  /* the facts whose dates are followed */
  GHashTable      *hidden;         /* ids of rows waiting for their deletion */
  char            *earliest;
};

G_DEFINE_FINAL_TYPE (RedressCaseFile, redress_case_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_EARLIEST_FACT_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_earliest (RedressCaseFile *self)
{
  g_autofree char *earliest = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->facts); i++)
    {
      g_autoptr(RedressRecord) fact = g_list_model_get_item (self->facts, i);
      const char *on = redress_record_get_string (fact, "occurred-on");

      if (g_hash_table_contains (self->hidden, redress_record_get_id (fact)))
        continue;
      if (on != NULL && redress_iso_date_is_valid (on) &&
          (earliest == NULL || redress_iso_date_compare (on, earliest) < 0))
        {
          g_free (earliest);
          earliest = g_strdup (on);
        }
    }

  if (g_strcmp0 (earliest, self->earliest) == 0)
    return;
  g_free (self->earliest);
  self->earliest = g_steal_pointer (&earliest);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EARLIEST_FACT_DATE]);
}

static void
unwatch_facts (RedressCaseFile *self)
{
  for (guint i = 0; i < self->watched_facts->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched_facts, i),
                                          update_earliest, self);
  g_ptr_array_set_size (self->watched_facts, 0);
}

static void
facts_changed_cb (RedressCaseFile *self)
{
  unwatch_facts (self);
  for (guint i = 0; i < g_list_model_get_n_items (self->facts); i++)
    {
      GObject *fact = g_list_model_get_item (self->facts, i);

      g_signal_connect_swapped (fact, "notify::occurred-on", G_CALLBACK (update_earliest), self);
      g_ptr_array_add (self->watched_facts, fact);
    }
  update_earliest (self);
}

static void
redress_case_file_dispose (GObject *object)
{
  RedressCaseFile *self = (RedressCaseFile *)object;

  if (self->facts != NULL)
    g_signal_handlers_disconnect_by_data (self->facts, self);
  if (self->watched_facts != NULL)
    unwatch_facts (self);

  g_clear_object (&self->parties);
  g_clear_object (&self->facts);
  g_clear_object (&self->violations);
  g_clear_object (&self->remedies);
  g_clear_object (&self->others);
  g_clear_object (&self->events);
  g_clear_object (&self->kase);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (redress_case_file_parent_class)->dispose (object);
}

static void
redress_case_file_finalize (GObject *object)
{
  RedressCaseFile *self = (RedressCaseFile *)object;

  g_clear_pointer (&self->watched_facts, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->earliest, g_free);

  G_OBJECT_CLASS (redress_case_file_parent_class)->finalize (object);
}

static void
redress_case_file_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RedressCaseFile *self = REDRESS_CASE_FILE (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;

    case PROP_EARLIEST_FACT_DATE:
      g_value_set_string (value, self->earliest);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_case_file_class_init (RedressCaseFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redress_case_file_dispose;
  object_class->finalize = redress_case_file_finalize;
  object_class->get_property = redress_case_file_get_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, REDRESS_TYPE_CASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * RedressCaseFile:earliest-fact-date:
   *
   * The earliest full date of a fact of the case ("YYYY-MM-DD"), facts
   * waiting for their deletion left out, or %NULL when no fact is dated.
   * The ages at the facts are taken on this date.
   */
  properties[PROP_EARLIEST_FACT_DATE] =
    g_param_spec_string ("earliest-fact-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_case_file_init (RedressCaseFile *self)
{
  self->watched_facts = g_ptr_array_new_with_free_func (g_object_unref);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * redress_case_file_new:
 * @case_id: the case
 *
 * Loads the case and its lists, which then follow the docket.
 *
 * Returns: (transfer full): the case file, or %NULL with @error set.
 */
RedressCaseFile *
redress_case_file_new (RedressDatabase  *db,
                       const char       *case_id,
                       GError          **error)
{
  g_autoptr(RedressCaseFile) self = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  self = g_object_new (REDRESS_TYPE_CASE_FILE, NULL);
  self->db = g_object_ref (db);
  if ((self->kase = redress_record_load (db, REDRESS_TYPE_CASE, case_id, error)) == NULL ||
      (self->parties = redress_record_list (db, REDRESS_TYPE_CASE_PARTY, case_id, error)) == NULL ||
      (self->facts = redress_record_list (db, REDRESS_TYPE_FACT, case_id, error)) == NULL ||
      (self->violations = redress_record_list (db, REDRESS_TYPE_VIOLATION, case_id, error)) == NULL ||
      (self->remedies = redress_record_list (db, REDRESS_TYPE_DOMESTIC_REMEDY, case_id, error)) == NULL ||
      (self->others = redress_record_list (db, REDRESS_TYPE_OTHER_PROCEDURE, case_id, error)) == NULL ||
      (self->events = redress_record_list (db, REDRESS_TYPE_PROCEDURAL_EVENT, case_id, error)) == NULL)
    return NULL;

  g_signal_connect_swapped (self->facts, "items-changed", G_CALLBACK (facts_changed_cb), self);
  facts_changed_cb (self);

  return g_steal_pointer (&self);
}

RedressDatabase *
redress_case_file_get_database (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->db;
}

RedressCase *
redress_case_file_get_case (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->kase;
}

const char *
redress_case_file_get_case_id (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return redress_record_get_id (REDRESS_RECORD (self->kase));
}

/**
 * redress_case_file_get_parties:
 *
 * Returns: (transfer none): the case's #RedressCaseParty rows, live.
 */
GListModel *
redress_case_file_get_parties (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->parties;
}

/**
 * redress_case_file_get_facts:
 *
 * Returns: (transfer none): the case's #RedressFact rows in the order they
 *   happened, live.
 */
GListModel *
redress_case_file_get_facts (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->facts;
}

/**
 * redress_case_file_get_violations:
 *
 * Returns: (transfer none): the case's #RedressViolation rows, live.
 */
GListModel *
redress_case_file_get_violations (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->violations;
}

/**
 * redress_case_file_get_remedies:
 *
 * Returns: (transfer none): the case's #RedressDomesticRemedy rows, live.
 */
GListModel *
redress_case_file_get_remedies (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->remedies;
}

/**
 * redress_case_file_get_other_procedures:
 *
 * Returns: (transfer none): the case's #RedressOtherProcedure rows, live.
 */
GListModel *
redress_case_file_get_other_procedures (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->others;
}

/**
 * redress_case_file_get_events:
 *
 * Returns: (transfer none): the case's #RedressProceduralEvent rows, live.
 */
GListModel *
redress_case_file_get_events (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->events;
}

/**
 * redress_case_file_set_hidden:
 * @id: a row of the case
 * @hidden: whether it waits for its deletion (an Undo is still possible)
 *
 * A hidden row is left out of what is derived, as if it were deleted.
 */
void
redress_case_file_set_hidden (RedressCaseFile *self,
                              const char      *id,
                              gboolean         hidden)
{
  g_return_if_fail (REDRESS_IS_CASE_FILE (self));
  g_return_if_fail (id != NULL);

  if (hidden)
    g_hash_table_add (self->hidden, g_strdup (id));
  else
    g_hash_table_remove (self->hidden, id);
  update_earliest (self);
}

gboolean
redress_case_file_is_hidden (RedressCaseFile *self,
                             const char      *id)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), FALSE);

  return id != NULL && g_hash_table_contains (self->hidden, id);
}

const char *
redress_case_file_get_earliest_fact_date (RedressCaseFile *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);
  return self->earliest;
}

/**
 * redress_case_file_age_at_facts:
 * @birth_date: (nullable): a full or partial date of birth
 * @role: (nullable): the person's role in the case; only an alleged victim
 *   ("victim") is ever %REDRESS_AGE_ADULT or %REDRESS_AGE_MAYBE_ADULT
 * @out_min_age: (out) (optional): the youngest the person may have been
 * @out_max_age: (out) (optional): the oldest
 *
 * The age on the earliest dated fact: an alleged victim must have been a
 * child, under 18 (CRC art 1).
 */
RedressAgeStatus
redress_case_file_age_at_facts (RedressCaseFile *self,
                                const char      *birth_date,
                                const char      *role,
                                int             *out_min_age,
                                int             *out_max_age)
{
  int min_age = -1, max_age = -1;
  RedressAgeStatus status;

  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), REDRESS_AGE_NO_BIRTH_DATE);

  if (birth_date == NULL || birth_date[0] == '\0')
    status = REDRESS_AGE_NO_BIRTH_DATE;
  else if (self->earliest == NULL)
    status = REDRESS_AGE_NO_DATED_FACT;
  else if (!redress_age_range_at (birth_date, self->earliest, &min_age, &max_age) || max_age < 0)
    status = REDRESS_AGE_BORN_AFTER_FACTS;
  else if (g_strcmp0 (role, "victim") == 0 && min_age >= 18)
    status = REDRESS_AGE_ADULT;
  else if (g_strcmp0 (role, "victim") == 0 && max_age >= 18)
    status = REDRESS_AGE_MAYBE_ADULT;
  else
    status = REDRESS_AGE_CHILD;
  /* Born in the year of the facts: not yet born, or under one. */
  if (min_age < 0 && max_age >= 0)
    min_age = 0;

  if (out_min_age != NULL)
    *out_min_age = min_age;
  if (out_max_age != NULL)
    *out_max_age = max_age;
  return status;
}

/**
 * redress_case_file_describe_age:
 * @out_warning: (out) (optional) (transfer none): the CRC art 1 warning for
 *   an alleged victim who was or may have been 18 or over, else %NULL
 *
 * Returns: (transfer full): the age at the facts as the user reads it
 *   ("12 years old on 2020-01-31"), or what is missing to know it.
 */
char *
redress_case_file_describe_age (RedressCaseFile  *self,
                                const char       *birth_date,
                                const char       *role,
                                const char      **out_warning)
{
  int min_age, max_age;
  RedressAgeStatus status;
  const char *warning = NULL;
  char *text;

  g_return_val_if_fail (REDRESS_IS_CASE_FILE (self), NULL);

  status = redress_case_file_age_at_facts (self, birth_date, role, &min_age, &max_age);
  switch (status)
    {
    case REDRESS_AGE_NO_BIRTH_DATE:
      text = g_strdup (_("Enter the date of birth to compute the age at the facts"));
      break;
    case REDRESS_AGE_NO_DATED_FACT:
      text = g_strdup (_("Add a dated fact to compute the age at the facts"));
      break;
    case REDRESS_AGE_BORN_AFTER_FACTS:
      text = g_strdup (_("The date of birth is after the facts"));
      break;
    case REDRESS_AGE_ADULT:
    case REDRESS_AGE_MAYBE_ADULT:
    case REDRESS_AGE_CHILD:
    default:
      if (min_age == max_age)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year old on %s",
                                             "%d years old on %s", min_age),
                                min_age, self->earliest);
      else
        /* Translators: an age range from a partial date of birth, "15–16 years old on 2020-01-31" */
        text = g_strdup_printf (_("%d–%d years old on %s"), min_age, max_age, self->earliest);
      break;
    }

  if (status == REDRESS_AGE_ADULT)
    warning = _("18 or over at the facts: not a child under CRC art 1");
  else if (status == REDRESS_AGE_MAYBE_ADULT)
    warning = _("May have been 18 or over at the facts (CRC art 1): complete the date of birth");

  if (out_warning != NULL)
    *out_warning = warning;
  return text;
}

/**
 * redress_committee_ref_is_valid:
 * @text: a Committee reference as typed
 *
 * The Committee numbers a registered communication "N/YYYY", a running
 * number and the year of registration (rules 16-18 of its rules of
 * procedure under OP3); empty is valid (not registered yet).
 */
gboolean
redress_committee_ref_is_valid (const char *text)
{
  return text == NULL || text[0] == '\0' ||
         g_regex_match_simple ("^[1-9][0-9]*/(19|20)[0-9]{2}$", text, 0, 0);
}

/* What to tell the user when redress_committee_ref_is_valid() is FALSE. */
const char *
redress_committee_ref_get_hint (void)
{
  return _("The Committee's reference is its number and the year of registration, e.g. 4/2016; it is saved once it has that form.");
}
