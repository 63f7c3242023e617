/* redress-evidence-details.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_EVIDENCE_DETAILS (redress_evidence_details_get_type ())

G_DECLARE_FINAL_TYPE (RedressEvidenceDetails, redress_evidence_details, REDRESS, EVIDENCE_DETAILS, AdwWindow)

RedressEvidenceDetails *redress_evidence_details_new       (GtkWindow              *parent,
                                                            RedressDatabase        *db,
                                                            const char             *evidence_id,
                                                            GError                **error);
GtkWidget              *redress_evidence_details_get_field (RedressEvidenceDetails *self,
                                                            const char             *property);
gboolean                redress_evidence_details_flush     (RedressEvidenceDetails *self);

G_END_DECLS
