/* redress-record-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model layer only: building records from rows, and the identity map.
 */

#pragma once

#include "redress-database-private.h"
#include "redress-record.h"

G_BEGIN_DECLS

char          *_redress_record_select_sql   (RedressDatabase  *db,
                                             GType             type,
                                             GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gpointer       _redress_record_from_row     (RedressDatabase  *db,
                                             GType             type,
                                             RedressStatement *stmt) G_GNUC_WARN_UNUSED_RESULT;
RedressRecord *_redress_record_peek         (RedressDatabase  *db,
                                             GType             type,
                                             const char       *id);
gboolean       _redress_record_get_stored   (RedressRecord    *self,
                                             const char       *property,
                                             GValue           *value);
gboolean       _redress_record_was_stored   (RedressRecord    *self);

/* get_property / set_property of subclasses for their column properties. */
void           _redress_record_property_get (GObject          *object,
                                             guint             prop_id,
                                             GValue           *value,
                                             GParamSpec       *pspec);
void           _redress_record_property_set (GObject          *object,
                                             guint             prop_id,
                                             const GValue     *value,
                                             GParamSpec       *pspec);

G_END_DECLS
