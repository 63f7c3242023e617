/* redress-procedure-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model's other writers (the exchange import): deriving a case's
 * procedure inside their own transaction.
 */

#pragma once

#include "redress-database.h"

G_BEGIN_DECLS

gboolean    _redress_procedure_recompute_in_transaction (RedressDatabase  *db,
                                                         const char       *case_id,
                                                         GError          **error);
const char *_redress_procedure_submission_event         (const char       *kind);

G_END_DECLS
