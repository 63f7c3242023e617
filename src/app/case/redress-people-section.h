/* redress-people-section.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "redress-case-section.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_PEOPLE_SECTION (redress_people_section_get_type ())

G_DECLARE_FINAL_TYPE (RedressPeopleSection, redress_people_section, REDRESS, PEOPLE_SECTION, RedressCaseSection)

G_END_DECLS
