/* redress-right-picker.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-reference.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_RIGHT_PICKER (redress_right_picker_get_type ())

G_DECLARE_FINAL_TYPE (RedressRightPicker, redress_right_picker, REDRESS, RIGHT_PICKER, AdwWindow)

RedressRightPicker *redress_right_picker_new           (GtkWindow          *parent,
                                                        RedressReference   *reference,
                                                        const char         *state_code);
void                redress_right_picker_set_search    (RedressRightPicker *self,
                                                        const char         *text);
guint               redress_right_picker_get_n_visible (RedressRightPicker *self);
gboolean            redress_right_picker_choose        (RedressRightPicker *self,
                                                        const char         *treaty,
                                                        const char         *article);

char               *redress_right_binding_warning      (RedressReference   *reference,
                                                        const char         *state_code,
                                                        const char         *treaty) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
