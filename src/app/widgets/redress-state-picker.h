/* redress-state-picker.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-reference.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_STATE_PICKER (redress_state_picker_get_type ())

G_DECLARE_FINAL_TYPE (RedressStatePicker, redress_state_picker, REDRESS, STATE_PICKER, AdwWindow)

RedressStatePicker *redress_state_picker_new              (GtkWindow                *parent,
                                                           RedressReference         *reference,
                                                           const char               *current_code);
void                redress_state_picker_set_search       (RedressStatePicker       *self,
                                                           const char               *text);
guint               redress_state_picker_get_n_visible    (RedressStatePicker       *self);
GtkWidget          *redress_state_picker_get_search_entry (RedressStatePicker       *self);
gboolean            redress_state_picker_choose           (RedressStatePicker       *self,
                                                           const char               *code);

char               *redress_state_describe_op3            (const RedressStateRecord *state) G_GNUC_WARN_UNUSED_RESULT;
char               *redress_state_describe_treaties       (const RedressStateRecord *state) G_GNUC_WARN_UNUSED_RESULT;
char               *redress_state_describe_optout         (const RedressStateRecord *state) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
