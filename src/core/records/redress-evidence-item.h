/* redress-evidence-item.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-record.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_EVIDENCE_ITEM (redress_evidence_item_get_type ())

G_DECLARE_FINAL_TYPE (RedressEvidenceItem, redress_evidence_item, REDRESS, EVIDENCE_ITEM, RedressRecord)

RedressEvidenceItem *redress_evidence_item_new (const char *case_id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
