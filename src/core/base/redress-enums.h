/* redress-enums.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The enumerated columns of the schema, stored as strings.  For each:
 * _is_valid() checks a value, _get_label() gives its translated label (or the
 * value itself when unknown), _get_values() the NULL-terminated list of values
 * in display order.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean            redress_case_kind_is_valid   (const char *value);
const char         *redress_case_kind_get_label  (const char *value);
const char * const *redress_case_kind_get_values (void);

gboolean            redress_role_is_valid   (const char *value);
const char         *redress_role_get_label  (const char *value);
const char * const *redress_role_get_values (void);

gboolean            redress_treaty_is_valid   (const char *value);
const char         *redress_treaty_get_label  (const char *value);
const char * const *redress_treaty_get_values (void);

gboolean            redress_direction_is_valid   (const char *value);
const char         *redress_direction_get_label  (const char *value);
const char * const *redress_direction_get_values (void);

gboolean            redress_counterpart_is_valid   (const char *value);
const char         *redress_counterpart_get_label  (const char *value);
const char * const *redress_counterpart_get_values (void);

gboolean            redress_evidence_kind_is_valid   (const char *value);
const char         *redress_evidence_kind_get_label  (const char *value);
const char * const *redress_evidence_kind_get_values (void);

gboolean            redress_not_pursued_reason_is_valid   (const char *value);
const char         *redress_not_pursued_reason_get_label  (const char *value);
const char * const *redress_not_pursued_reason_get_values (void);

gboolean            redress_deadline_status_is_valid   (const char *value);
const char         *redress_deadline_status_get_label  (const char *value);
const char * const *redress_deadline_status_get_values (void);

gboolean            redress_event_track_is_valid   (const char *value);
const char         *redress_event_track_get_label  (const char *value);
const char * const *redress_event_track_get_values (void);

G_END_DECLS
