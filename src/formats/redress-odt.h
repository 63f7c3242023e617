/* redress-odt.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "redress-document.h"
#include "redress-zip.h"

G_BEGIN_DECLS

GBytes    *redress_document_write_odt (RedressDocument  *doc,
                                       GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *redress_odt_read_entries   (GBytes           *odt,
                                       GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
