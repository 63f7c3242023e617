/* redress-other-procedures-section.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same matter before another international body, art 7(d).
 */

#define G_LOG_DOMAIN "redress-other-procedures-section"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-other-procedures-section.h"

struct _RedressOtherProceduresSection
{
  RedressCaseSection parent_instance;

  GtkListBox *other_list;
  GtkWidget  *add_other_button;
};

G_DEFINE_FINAL_TYPE (RedressOtherProceduresSection, redress_other_procedures_section, REDRESS_TYPE_CASE_SECTION)

static void
update_other_row (RedressRecordRow *row)
{
  RedressRecord *other = redress_record_row_get_record (row);
  const char *body = redress_record_get_string (other, "body");
  const char *status = redress_record_get_string (other, "status");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 body && body[0] ? body : _("New procedure"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), status ? status : "");
  if (redress_record_get_int (other, "same-matter") == 1)
    redress_record_row_set_status (row, "dialog-warning-symbolic", "warning",
                                   _("The same matter before another international procedure makes the communication inadmissible, art 7(d)"));
  else
    redress_record_row_set_status (row, NULL, NULL, NULL);
}

static GListModel *
redress_other_procedures_section_get_model (RedressCaseSection *section,
                                            RedressCaseFile    *file)
{
  return redress_case_file_get_other_procedures (file);
}

static GtkWidget *
redress_other_procedures_section_create_row (RedressCaseSection *section,
                                             RedressRecord      *other)
{
  RedressRecordRow *row = redress_record_row_new (other, redress_case_section_get_queue (section),
                                                  _("Remove procedure"));

  redress_record_row_add_entry (row, NULL, "body", _("Body, e.g. European Court of Human Rights"));
  redress_record_row_add_entry (row, NULL, "reference", _("Reference"));
  redress_record_row_add_entry (row, NULL, "status", _("Status"));
  redress_record_row_add_tristate (row, NULL, "same-matter", _("Same matter, art 7(d)"));
  redress_record_row_add_entry (row, NULL, "submitted-on", _("Submitted on"));
  redress_record_row_add_entry (row, NULL, "decided-on", _("Decided on"));
  redress_record_row_add_text (row, NULL, "notes", _("Notes"));
  g_signal_connect_object (other, "notify", G_CALLBACK (update_other_row), row, G_CONNECT_SWAPPED);
  update_other_row (row);

  return GTK_WIDGET (row);
}

static void
redress_other_procedures_section_class_init (RedressOtherProceduresSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RedressCaseSectionClass *section_class = REDRESS_CASE_SECTION_CLASS (klass);

  section_class->get_model = redress_other_procedures_section_get_model;
  section_class->create_row = redress_other_procedures_section_create_row;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/redress/Redress/redress-other-procedures-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressOtherProceduresSection, other_list);
  gtk_widget_class_bind_template_child (widget_class, RedressOtherProceduresSection, add_other_button);
}

static void
redress_other_procedures_section_init (RedressOtherProceduresSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  redress_case_section_set_list (REDRESS_CASE_SECTION (self), self->other_list, self->add_other_button,
                                 _("None recorded"));
}
