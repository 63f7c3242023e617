/* redress-evidence-panel.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-case-file.h"

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_EVIDENCE_PANEL (redress_evidence_panel_get_type ())

G_DECLARE_FINAL_TYPE (RedressEvidencePanel, redress_evidence_panel, REDRESS, EVIDENCE_PANEL, GtkBox)

GtkWidget  *redress_evidence_panel_new       (RedressDatabase      *db);
void        redress_evidence_panel_set_case  (RedressEvidencePanel *self,
                                              const char           *case_id);
void        redress_evidence_panel_set_case_file (RedressEvidencePanel *self,
                                              RedressCaseFile      *file);
const char *redress_evidence_panel_get_case_id (RedressEvidencePanel *self);
void        redress_evidence_panel_add_files (RedressEvidencePanel *self,
                                              GFile               **files,
                                              guint                 n_files);
void        redress_evidence_panel_verify    (RedressEvidencePanel *self);
gboolean    redress_evidence_panel_get_busy  (RedressEvidencePanel *self);

G_END_DECLS
