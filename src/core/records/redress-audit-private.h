/* redress-audit-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model layer only: the migration step that (re)generates the audit triggers.
 */

#pragma once

#include "redress-database.h"

G_BEGIN_DECLS

gboolean _redress_audit_install_triggers (RedressDatabase  *self,
                                          GError          **error);
gboolean _redress_audit_drop_triggers    (RedressDatabase  *self,
                                          GError          **error);

G_END_DECLS
