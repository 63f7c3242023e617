/* redress-reference.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reference data: States with their CRC, OPSC, OPAC and OP3 ratifications, and
 * the rights catalogue (domain.md §4-5).
 */

#pragma once

#include <glib-object.h>

#include "redress-database.h"

G_BEGIN_DECLS

typedef enum
{
  REDRESS_TREATY_CRC,
  REDRESS_TREATY_OPSC,
  REDRESS_TREATY_OPAC,
  REDRESS_TREATY_OP3,
  REDRESS_N_TREATIES
} RedressTreaty;

typedef enum
{
  REDRESS_TREATY_STATUS_UNKNOWN,
  REDRESS_TREATY_STATUS_NONE,
  REDRESS_TREATY_STATUS_SIGNATORY,
  REDRESS_TREATY_STATUS_PARTY,
} RedressTreatyStatus;

/* One row of states.csv.  Dates may be partial ("2015"); empty is "" never NULL. */
typedef struct
{
  char                *code;                   /* ISO 3166-1 alpha-2 */
  char                *name;
  char                *dates[REDRESS_N_TREATIES];
  RedressTreatyStatus  status[REDRESS_N_TREATIES];
  char                *art13_optout;           /* "yes", "no" or "" (not verified) */
  char                *op3_eif_listed;         /* the file's op3_entry_into_force column */
  char                *op3_eif;                /* exact entry into force, or NULL */
  char                *op3_eif_earliest;       /* range when only the deposit year is known */
  char                *op3_eif_latest;
  char                *sources;
  /* The date each status column describes: a cell taken from the mid-2022
   * extract (sources "…:WPDL-2022") is as of that extract, not of the file. */
  char                *status_as_of[REDRESS_N_TREATIES];
  /* domain.md §4.2: two OP3 parties are missing from the data; they joined
   * after mid-2022 and come after "Monaco" in the UNTC table.  TRUE for a
   * State there whose OP3 status (signatory) comes from the 2022 extract. */
  gboolean             op3_status_may_be_stale;
} RedressStateRecord;

typedef struct
{
  char *treaty;        /* CRC, OPSC, OPAC, OPIC */
  char *article;
  char *short_title;
  char *kind;          /* right, general_principle, final_clause ... */
} RedressRightRecord;

#define REDRESS_TYPE_REFERENCE (redress_reference_get_type ())

G_DECLARE_FINAL_TYPE (RedressReference, redress_reference, REDRESS, REFERENCE, GObject)

RedressReference         *redress_reference_new_bundled      (GError           **error) G_GNUC_WARN_UNUSED_RESULT;
RedressReference         *redress_reference_load             (RedressDatabase   *db,
                                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
const char               *redress_reference_get_data_as_of   (RedressReference  *self);
const char               *redress_reference_get_origin       (RedressReference  *self);
guint                     redress_reference_get_n_states     (RedressReference  *self);
const RedressStateRecord *redress_reference_get_state        (RedressReference  *self,
                                                              guint              index);
const RedressStateRecord *redress_reference_lookup_state     (RedressReference  *self,
                                                              const char        *code);
const char               *redress_reference_get_state_name   (RedressReference  *self,
                                                              const RedressStateRecord *state,
                                                              const char        *lang);
GPtrArray                *redress_reference_dup_states_sorted (RedressReference *self,
                                                              const char        *lang) G_GNUC_WARN_UNUSED_RESULT;
guint                     redress_reference_get_n_rights     (RedressReference  *self);
const RedressRightRecord *redress_reference_get_right        (RedressReference  *self,
                                                              guint              index);
const RedressRightRecord *redress_reference_lookup_right     (RedressReference  *self,
                                                              const char        *treaty,
                                                              const char        *article);
const char               *redress_reference_get_right_title  (RedressReference  *self,
                                                              const RedressRightRecord *right,
                                                              const char        *lang);

const char               *redress_treaty_to_string           (RedressTreaty      treaty);
gboolean                  redress_treaty_from_string         (const char        *str,
                                                              RedressTreaty     *out);
const char               *redress_treaty_status_to_string    (RedressTreatyStatus status);

gboolean                  redress_reference_compute_op3_eif  (const char        *deposit,
                                                              char             **out_earliest,
                                                              char             **out_latest);

gboolean                  redress_reference_import_states    (RedressDatabase   *db,
                                                              const char        *text,
                                                              gssize             length,
                                                              const char        *source_name,
                                                              const char        *as_of,
                                                              GError           **error);

typedef enum
{
  REDRESS_REFERENCE_IMPORT_DEFAULT     = 0,
  /* The new file may leave out States the docket knows (they become unknown). */
  REDRESS_REFERENCE_IMPORT_REPLACE_ALL = 1 << 0,
} RedressReferenceImportFlags;

gboolean                  redress_reference_import_states_full (RedressDatabase            *db,
                                                                const char                 *text,
                                                                gssize                      length,
                                                                const char                 *source_name,
                                                                const char                 *as_of,
                                                                RedressReferenceImportFlags flags,
                                                                GError                    **error);

G_END_DECLS
