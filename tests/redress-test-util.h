/* redress-test-util.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the test programs.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void redress_test_rm_rf (const char *path);

G_END_DECLS
