/* redress-remedies-section.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-case-section.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_REMEDIES_SECTION (redress_remedies_section_get_type ())

G_DECLARE_FINAL_TYPE (RedressRemediesSection, redress_remedies_section, REDRESS, REMEDIES_SECTION, RedressCaseSection)

G_END_DECLS
