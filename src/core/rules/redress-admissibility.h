/* redress-admissibility.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Competence and admissibility of a communication (OP3 arts 1, 5, 7, 20) and
 * the preconditions of an inquiry (arts 13(7), 20), ground by ground.
 */

#pragma once

#include <glib-object.h>

#include "redress-database.h"
#include "redress-reference.h"

G_BEGIN_DECLS

typedef enum
{
  REDRESS_GROUND_PASS,
  REDRESS_GROUND_FAIL,
  REDRESS_GROUND_NEEDS_ARGUMENT,
  REDRESS_GROUND_UNKNOWN,
} RedressGroundStatus;

#define REDRESS_TYPE_GROUND_STATUS (redress_ground_status_get_type ())
GType redress_ground_status_get_type (void) G_GNUC_CONST;

#define REDRESS_TYPE_GROUND_RESULT (redress_ground_result_get_type ())

G_DECLARE_FINAL_TYPE (RedressGroundResult, redress_ground_result, REDRESS, GROUND_RESULT, GObject)

RedressGroundResult *redress_ground_result_new             (const char          *ground,
                                                            RedressGroundStatus  status,
                                                            const char          *citation,
                                                            const char          *explanation,
                                                            const char          *field_hint) G_GNUC_WARN_UNUSED_RESULT;
const char          *redress_ground_result_get_ground      (RedressGroundResult *self);
RedressGroundStatus  redress_ground_result_get_status      (RedressGroundResult *self);
const char          *redress_ground_result_get_citation    (RedressGroundResult *self);
const char          *redress_ground_result_get_explanation (RedressGroundResult *self);
const char          *redress_ground_result_get_field_hint  (RedressGroundResult *self);

const char          *redress_ground_status_to_string       (RedressGroundStatus  status);
const char          *redress_ground_status_get_label       (RedressGroundStatus  status);

GPtrArray           *redress_admissibility_evaluate        (RedressDatabase     *db,
                                                            RedressReference    *reference,
                                                            const char          *case_id,
                                                            const char          *today,
                                                            GError             **error) G_GNUC_WARN_UNUSED_RESULT;
RedressGroundResult *redress_admissibility_find            (GPtrArray           *results,
                                                            const char          *ground);

G_END_DECLS
