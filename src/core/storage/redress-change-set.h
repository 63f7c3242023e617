/* redress-change-set.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REDRESS_TYPE_CHANGE_SET (redress_change_set_get_type ())

/* What one commit changed: the tables, and in each the ids of the rows when
 * they are known.  Immutable once announced. */
typedef struct _RedressChangeSet RedressChangeSet;

GType               redress_change_set_get_type   (void) G_GNUC_CONST;
RedressChangeSet   *redress_change_set_ref        (RedressChangeSet *self);
void                redress_change_set_unref      (RedressChangeSet *self);
gboolean            redress_change_set_is_empty   (RedressChangeSet *self);
gboolean            redress_change_set_has_table  (RedressChangeSet *self,
                                                   const char       *table);
gboolean            redress_change_set_has_any    (RedressChangeSet *self,
                                                   const char * const *tables);
const char * const *redress_change_set_get_tables (RedressChangeSet *self);
const char * const *redress_change_set_get_ids    (RedressChangeSet *self,
                                                   const char       *table);
gboolean            redress_change_set_contains   (RedressChangeSet *self,
                                                   const char       *table,
                                                   const char       *id);

/* For the storage layer, which collects them. */
RedressChangeSet   *_redress_change_set_new       (void);
void                _redress_change_set_add       (RedressChangeSet *self,
                                                   const char       *table,
                                                   const char       *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressChangeSet, redress_change_set_unref)

G_END_DECLS
