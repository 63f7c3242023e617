/* redress-field-bind.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-record.h"
#include "redress-save-queue.h"

G_BEGIN_DECLS

void redress_bind_editable  (GtkWidget        *widget,
                             RedressRecord    *record,
                             const char       *property,
                             RedressSaveQueue *queue);
void redress_bind_text_area (GtkWidget        *area,
                             RedressRecord    *record,
                             const char       *property,
                             RedressSaveQueue *queue);
void redress_bind_switch    (GtkSwitch        *toggle,
                             RedressRecord    *record,
                             const char       *property,
                             RedressSaveQueue *queue);
void redress_bind_choice    (AdwComboRow      *row,
                             RedressRecord    *record,
                             const char       *property,
                             const char * const *values,
                             RedressSaveQueue *queue);
void redress_bind_tristate  (AdwComboRow      *row,
                             RedressRecord    *record,
                             const char       *property,
                             RedressSaveQueue *queue);
void redress_bind_unbind    (GtkWidget        *widget);

G_END_DECLS
