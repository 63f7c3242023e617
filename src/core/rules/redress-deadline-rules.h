/* redress-deadline-rules.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deadline rule pack D01-D18 (data/deadlines.csv, domain.md §3.1).
 */

#pragma once

#include <glib.h>

#include "redress-date.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *id;              /* "D01" */
  const char         *title;           /* translatable (N_), see redress_deadline_rule_get_title() */
  const char         *procedure;       /* communication, interim_measures, inquiry, status */
  const char         *track;           /* main, interim, or NULL for status rules */
  const char * const *triggers;        /* events that start it; NULL: see the rule */
  RedressPeriodUnit   unit;
  int                 amount;
  gboolean            planning_default; /* the length is only a planning default [U] */
  gboolean            letter_applies;  /* a due date printed in the trigger's letter overrides */
  gboolean            extendable;
  gboolean            urgent;
  const char * const *open_stages;     /* the track stages in which it stays open */
  const char * const *done_events;     /* events that fulfil it */
  /* From deadlines.csv. */
  const char         *who;
  const char         *trigger_text;
  const char         *default_length;
  const char         *computation;
  const char         *legal_source;
  const char         *verification;
  const char         *mark;            /* [V], [S], [U] or [V]/[U] */
  const char         *extendable_text;
  const char         *notes;
} RedressDeadlineRule;

const char                *redress_deadline_rules_get_version (void);
guint                      redress_deadline_rules_get_n_rules (void);
const RedressDeadlineRule *redress_deadline_rules_get_rule    (guint        index);
const RedressDeadlineRule *redress_deadline_rules_lookup      (const char  *id);
const char                *redress_deadline_rule_get_title    (const RedressDeadlineRule *rule);
char                      *redress_deadline_rule_get_citation (const RedressDeadlineRule *rule) G_GNUC_WARN_UNUSED_RESULT;
char                      *redress_deadline_rule_compute      (const RedressDeadlineRule *rule,
                                                               const char  *trigger_date) G_GNUC_WARN_UNUSED_RESULT;

char                      *redress_deadline_describe_start_of (const char  *rule_id,
                                                               const char  *trigger_date,
                                                               const char  *trigger_date_alt) G_GNUC_WARN_UNUSED_RESULT;

const int                 *redress_deadline_default_reminder_offsets (guint *n_offsets);
GArray                    *redress_deadline_reminder_offsets  (const int   *offsets,
                                                               guint        n_offsets,
                                                               const char  *trigger_date,
                                                               const char  *due_date) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray                 *redress_deadline_reminder_dates    (const int   *offsets,
                                                               guint        n_offsets,
                                                               const char  *trigger_date,
                                                               const char  *due_date) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
