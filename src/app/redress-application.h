/* redress-application.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define REDRESS_TYPE_APPLICATION (redress_application_get_type ())

G_DECLARE_FINAL_TYPE (RedressApplication, redress_application, REDRESS, APPLICATION, AdwApplication)

RedressApplication *redress_application_new         (void);
void                redress_application_open_docket (RedressApplication *self,
                                                     const char         *path,
                                                     gboolean            create);

G_END_DECLS
