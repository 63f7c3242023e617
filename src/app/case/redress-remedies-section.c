/* redress-remedies-section.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every court or authority seized, art 7(e), with its evidence.
 */

#define G_LOG_DOMAIN "redress-remedies-section"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-enums.h"
#include "redress-remedies-section.h"

struct _RedressRemediesSection
{
  RedressCaseSection parent_instance;

  GtkListBox *remedies_list;
  GtkWidget  *add_remedy_button;
};

G_DEFINE_FINAL_TYPE (RedressRemediesSection, redress_remedies_section, REDRESS_TYPE_CASE_SECTION)

static void
update_remedy_row (RedressRecordRow *row)
{
  RedressRecord *remedy = redress_record_row_get_record (row);
  const char *forum = redress_record_get_string (remedy, "forum");
  const char *decided = redress_record_get_string (remedy, "decided-on");
  const char *reason = redress_record_get_string (remedy, "not-pursued-reason");
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 forum && forum[0] ? forum : _("New domestic remedy"));
  if (reason != NULL && reason[0] != '\0')
    subtitle = g_strdup (redress_not_pursued_reason_get_label (reason));
  else if (decided != NULL)
    subtitle = g_strdup_printf (redress_record_get_boolean (remedy, "is-final")
                                  ? _("Final decision on %s") : _("Decided on %s"),
                                decided);
  else
    subtitle = g_strdup (_("Pending"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static GListModel *
redress_remedies_section_get_model (RedressCaseSection *section,
                                    RedressCaseFile    *file)
{
  return redress_case_file_get_remedies (file);
}

static GtkWidget *
redress_remedies_section_create_row (RedressCaseSection *section,
                                     RedressRecord      *remedy)
{
  RedressRecordRow *row = redress_record_row_new (remedy, redress_case_section_get_queue (section),
                                                  _("Remove domestic remedy"));
  const char * const *values = redress_not_pursued_reason_get_values ();
  g_autofree const char **labels = g_new0 (const char *, g_strv_length ((char **) values) + 1);

  for (guint i = 0; values[i] != NULL; i++)
    labels[i] = values[i][0] ? redress_not_pursued_reason_get_label (values[i]) : _("Not applicable: pursued");

  redress_record_row_add_entry (row, NULL, "forum", _("Court or authority"));
  redress_record_row_add_entry (row, NULL, "level", _("Level or instance"));
  redress_record_row_add_entry (row, NULL, "filed-on", _("Filed on"));
  redress_record_row_add_entry (row, NULL, "decided-on", _("Decided on"));
  redress_record_row_add_entry (row, NULL, "notified-on", _("Notified on"));
  redress_record_row_add_text (row, NULL, "outcome", _("Outcome"));
  redress_record_row_add_switch (row, NULL, "is-final", _("Final decision"),
                                 _("No further domestic appeal, art 7(e)"));
  redress_record_row_add_choice (row, NULL, "not-pursued-reason", _("Not pursued because"),
                                 values, labels);
  redress_record_row_add_text (row, NULL, "notes", _("Notes"));
  redress_case_section_add_link_row (section, row, "evidence_link", _("Evidence"),
                                     _("No evidence linked"), _("No evidence in the locker yet"));
  g_signal_connect_object (remedy, "notify", G_CALLBACK (update_remedy_row), row, G_CONNECT_SWAPPED);
  update_remedy_row (row);

  return GTK_WIDGET (row);
}

static void
redress_remedies_section_class_init (RedressRemediesSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RedressCaseSectionClass *section_class = REDRESS_CASE_SECTION_CLASS (klass);

  section_class->get_model = redress_remedies_section_get_model;
  section_class->create_row = redress_remedies_section_create_row;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-remedies-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressRemediesSection, remedies_list);
  gtk_widget_class_bind_template_child (widget_class, RedressRemediesSection, add_remedy_button);
}

static void
redress_remedies_section_init (RedressRemediesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  redress_case_section_set_list (REDRESS_CASE_SECTION (self), self->remedies_list, self->add_remedy_button,
                                 _("No domestic remedy yet"));
}
