/* redress-record-row.h
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

#define REDRESS_TYPE_RECORD_ROW (redress_record_row_get_type ())

G_DECLARE_FINAL_TYPE (RedressRecordRow, redress_record_row, REDRESS, RECORD_ROW, AdwExpanderRow)

RedressRecordRow *redress_record_row_new          (RedressRecord      *record,
                                                   RedressSaveQueue   *queue,
                                                   const char         *delete_label);
RedressRecord    *redress_record_row_get_record   (RedressRecordRow   *self);
GtkWidget        *redress_record_row_add_entry    (RedressRecordRow   *self,
                                                   RedressRecord      *record,
                                                   const char         *property,
                                                   const char         *title);
GtkWidget        *redress_record_row_add_switch   (RedressRecordRow   *self,
                                                   RedressRecord      *record,
                                                   const char         *property,
                                                   const char         *title,
                                                   const char         *subtitle);
GtkWidget        *redress_record_row_add_choice   (RedressRecordRow   *self,
                                                   RedressRecord      *record,
                                                   const char         *property,
                                                   const char         *title,
                                                   const char * const *values,
                                                   const char * const *labels);
GtkWidget        *redress_record_row_add_tristate (RedressRecordRow   *self,
                                                   RedressRecord      *record,
                                                   const char         *property,
                                                   const char         *title);
GtkWidget        *redress_record_row_add_info     (RedressRecordRow   *self,
                                                   const char         *title);
void              redress_record_row_add_row      (RedressRecordRow   *self,
                                                   const char         *key,
                                                   GtkWidget          *row,
                                                   GtkWidget          *focus);
GtkWidget        *redress_record_row_add_text     (RedressRecordRow   *self,
                                                   RedressRecord      *record,
                                                   const char         *property,
                                                   const char         *title);
GtkWidget        *redress_record_row_find_field   (RedressRecordRow   *self,
                                                   const char         *property);
void              redress_record_row_set_status   (RedressRecordRow   *self,
                                                   const char         *icon_name,
                                                   const char         *css_class,
                                                   const char         *message);

G_END_DECLS
