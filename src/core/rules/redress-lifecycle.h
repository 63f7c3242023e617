/* redress-lifecycle.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The procedural life cycles of OP3 (data/lifecycle.csv, domain.md §3).
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char  *procedure;      /* communication, interim_measures, protection_measures, inquiry, inter_state */
  GStrv  from_stages;    /* one or more; "ANY_OPEN_STATE" stands for every open stage */
  char  *event;
  char  *to_stage;
  char  *source;         /* "OP3 art 8; RoP rules 16 18" */
  char  *verification;   /* the file's words */
  char  *mark;           /* [V], [S], [U], [V]/[U] or "app" */
  char  *notes;
} RedressTransition;

#define REDRESS_TYPE_LIFECYCLE (redress_lifecycle_get_type ())

G_DECLARE_FINAL_TYPE (RedressLifecycle, redress_lifecycle, REDRESS, LIFECYCLE, GObject)

RedressLifecycle        *redress_lifecycle_get_default        (void);
guint                    redress_lifecycle_get_n_transitions  (RedressLifecycle  *self);
const RedressTransition *redress_lifecycle_get_transition     (RedressLifecycle  *self,
                                                               guint              index);
const char              *redress_lifecycle_procedure_for_track (const char       *case_kind,
                                                               const char        *track);
const char              *redress_lifecycle_initial_stage      (const char        *procedure);
gboolean                 redress_lifecycle_is_terminal        (RedressLifecycle  *self,
                                                               const char        *procedure,
                                                               const char        *stage);
gboolean                 redress_lifecycle_is_open            (RedressLifecycle  *self,
                                                               const char        *procedure,
                                                               const char        *stage);
const RedressTransition *redress_lifecycle_find               (RedressLifecycle  *self,
                                                               const char        *procedure,
                                                               const char        *from_stage,
                                                               const char        *event);
const RedressTransition *redress_lifecycle_check              (RedressLifecycle  *self,
                                                               const char        *procedure,
                                                               const char        *from_stage,
                                                               const char        *event,
                                                               GError           **error);
GPtrArray               *redress_lifecycle_allowed_events     (RedressLifecycle  *self,
                                                               const char        *procedure,
                                                               const char        *stage) G_GNUC_WARN_UNUSED_RESULT;
gboolean                 redress_lifecycle_has_event          (RedressLifecycle  *self,
                                                               const char        *procedure,
                                                               const char        *event);
GStrv                    redress_lifecycle_list_stages        (RedressLifecycle  *self,
                                                               const char        *procedure) G_GNUC_WARN_UNUSED_RESULT;
const char              *redress_lifecycle_stage_label        (const char        *stage);
const char              *redress_lifecycle_event_label        (const char        *event);

G_END_DECLS
