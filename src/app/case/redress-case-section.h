/* redress-case-section.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "redress-case-file.h"
#include "redress-evidence-store.h"
#include "redress-record.h"
#include "redress-record-row.h"
#include "redress-reference.h"
#include "redress-save-queue.h"

G_BEGIN_DECLS

#define REDRESS_TYPE_CASE_SECTION (redress_case_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (RedressCaseSection, redress_case_section, REDRESS, CASE_SECTION, AdwBin)

struct _RedressCaseSectionClass
{
  AdwBinClass parent_class;

  /* The live list the section shows, one row per item. */
  GListModel *(*get_model)  (RedressCaseSection *self,
                             RedressCaseFile    *file);
  /* A new row for @record. */
  GtkWidget  *(*create_row) (RedressCaseSection *self,
                             RedressRecord      *record);
  /* The case file was set (or cleared, @file %NULL): follow what the rows
   * derive from beyond their own record.  %NULL for nothing. */
  void        (*bind)       (RedressCaseSection *self,
                             RedressCaseFile    *file);
  /* The set of rows changed (rows added, removed or moved). */
  void        (*rows_changed) (RedressCaseSection *self);

  /*< private >*/
  gpointer padding[4];
};

void                 redress_case_section_setup          (RedressCaseSection   *self,
                                                          RedressSaveQueue     *queue,
                                                          RedressReference     *reference,
                                                          RedressEvidenceStore *store);
void                 redress_case_section_set_case_file  (RedressCaseSection   *self,
                                                          RedressCaseFile      *file);
RedressCaseFile     *redress_case_section_get_case_file  (RedressCaseSection   *self);
RedressSaveQueue    *redress_case_section_get_queue      (RedressCaseSection   *self);
RedressReference    *redress_case_section_get_reference  (RedressCaseSection   *self);
RedressEvidenceStore *redress_case_section_get_store     (RedressCaseSection   *self);
RedressDatabase     *redress_case_section_get_database   (RedressCaseSection   *self);

/* For the subclasses' init: the list box the rows go in, the button that
 * adds to it (focused when the list is empty) and what an empty list says. */
void                 redress_case_section_set_list       (RedressCaseSection   *self,
                                                          GtkListBox           *list,
                                                          GtkWidget            *add_button,
                                                          const char           *placeholder);
GtkListBox          *redress_case_section_get_list       (RedressCaseSection   *self);
GtkWidget           *redress_case_section_get_add_button (RedressCaseSection   *self);
GtkWidget           *redress_case_section_find_row       (RedressCaseSection   *self,
                                                          const char           *id);
void                 redress_case_section_foreach_row    (RedressCaseSection   *self,
                                                          GFunc                 func,
                                                          gpointer              user_data);
void                 redress_case_section_update_hidden  (RedressCaseSection   *self);
void                 redress_case_section_report_error   (RedressCaseSection   *self,
                                                          const GError         *error);

/* Links: "violation_fact" (art 7(f)) or "evidence_link" rows under @row. */
GtkWidget           *redress_case_section_add_link_row   (RedressCaseSection   *self,
                                                          RedressRecordRow     *row,
                                                          const char           *kind,
                                                          const char           *title,
                                                          const char           *none_text,
                                                          const char           *nothing_to_link);
void                 redress_case_section_update_evidence_links (RedressCaseSection *self);

char                *redress_case_section_fact_label     (RedressRecord        *fact);
char                *redress_case_section_violation_label (RedressRecord       *violation);

G_END_DECLS
