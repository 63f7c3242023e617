/* redress-letter-dialog.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_LETTER_DIALOG (redress_letter_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RedressLetterDialog, redress_letter_dialog, REDRESS, LETTER_DIALOG, AdwWindow)

RedressLetterDialog *redress_letter_dialog_new          (GtkWindow           *parent,
                                                         RedressDatabase     *db,
                                                         const char          *case_id,
                                                         const char          *case_kind);
guint                redress_letter_dialog_get_n_events (RedressLetterDialog *self);
gboolean             redress_letter_dialog_select_event (RedressLetterDialog *self,
                                                         const char          *event);
gboolean             redress_letter_dialog_save         (RedressLetterDialog *self);
const char          *redress_letter_dialog_get_error    (RedressLetterDialog *self);

G_END_DECLS
