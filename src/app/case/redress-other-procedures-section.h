/* redress-other-procedures-section.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-case-section.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_OTHER_PROCEDURES_SECTION (redress_other_procedures_section_get_type ())

G_DECLARE_FINAL_TYPE (RedressOtherProceduresSection, redress_other_procedures_section, REDRESS, OTHER_PROCEDURES_SECTION, RedressCaseSection)

G_END_DECLS
