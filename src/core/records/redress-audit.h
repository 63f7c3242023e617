/* redress-audit.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_AUDIT_ENTRY (redress_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (RedressAuditEntry, redress_audit_entry, REDRESS, AUDIT_ENTRY, GObject)

const char *redress_audit_entry_get_id         (RedressAuditEntry *self);
gint64      redress_audit_entry_get_seq        (RedressAuditEntry *self);
const char *redress_audit_entry_get_at         (RedressAuditEntry *self);
const char *redress_audit_entry_get_actor      (RedressAuditEntry *self);
const char *redress_audit_entry_get_table_name (RedressAuditEntry *self);
const char *redress_audit_entry_get_row_id     (RedressAuditEntry *self);
const char *redress_audit_entry_get_field      (RedressAuditEntry *self);
const char *redress_audit_entry_get_old_value  (RedressAuditEntry *self);
const char *redress_audit_entry_get_new_value  (RedressAuditEntry *self);
const char *redress_audit_entry_get_op         (RedressAuditEntry *self);

GListModel *redress_audit_list_for_row         (RedressDatabase   *db,
                                                const char        *table,
                                                const char        *row_id,
                                                GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
