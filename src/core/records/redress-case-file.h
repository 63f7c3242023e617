/* redress-case-file.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-case.h"
#include "redress-database.h"

G_BEGIN_DECLS

/* What the age of a person at the facts is known to be (CRC art 1). */
typedef enum
{
  REDRESS_AGE_NO_BIRTH_DATE,
  REDRESS_AGE_NO_DATED_FACT,
  REDRESS_AGE_BORN_AFTER_FACTS,
  REDRESS_AGE_CHILD,            /* under 18 at the earliest fact */
  REDRESS_AGE_MAYBE_ADULT,      /* a partial date of birth allows 18 or over */
  REDRESS_AGE_ADULT,            /* 18 or over */
} RedressAgeStatus;

#define REDRESS_TYPE_CASE_FILE (redress_case_file_get_type ())

G_DECLARE_FINAL_TYPE (RedressCaseFile, redress_case_file, REDRESS, CASE_FILE, GObject)

RedressCaseFile *redress_case_file_new                (RedressDatabase  *db,
                                                       const char       *case_id,
                                                       GError          **error) G_GNUC_WARN_UNUSED_RESULT;
RedressDatabase *redress_case_file_get_database       (RedressCaseFile  *self);
RedressCase     *redress_case_file_get_case           (RedressCaseFile  *self);
const char      *redress_case_file_get_case_id        (RedressCaseFile  *self);

GListModel      *redress_case_file_get_parties        (RedressCaseFile  *self);
GListModel      *redress_case_file_get_facts          (RedressCaseFile  *self);
GListModel      *redress_case_file_get_violations     (RedressCaseFile  *self);
GListModel      *redress_case_file_get_remedies       (RedressCaseFile  *self);
GListModel      *redress_case_file_get_other_procedures (RedressCaseFile *self);
GListModel      *redress_case_file_get_events         (RedressCaseFile  *self);

void             redress_case_file_set_hidden         (RedressCaseFile  *self,
                                                       const char       *id,
                                                       gboolean          hidden);
gboolean         redress_case_file_is_hidden          (RedressCaseFile  *self,
                                                       const char       *id);

const char      *redress_case_file_get_earliest_fact_date (RedressCaseFile *self);
RedressAgeStatus redress_case_file_age_at_facts       (RedressCaseFile  *self,
                                                       const char       *birth_date,
                                                       const char       *role,
                                                       int              *out_min_age,
                                                       int              *out_max_age);
char            *redress_case_file_describe_age       (RedressCaseFile  *self,
                                                       const char       *birth_date,
                                                       const char       *role,
                                                       const char      **out_warning);

gboolean         redress_committee_ref_is_valid       (const char       *text);
const char      *redress_committee_ref_get_hint       (void);

G_END_DECLS
