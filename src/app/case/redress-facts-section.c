/* redress-facts-section.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts of the case in the order they happened, each linked to the
 * violations it supports (art 7(f)) and to its evidence.
 */

#define G_LOG_DOMAIN "redress-facts-section"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-facts-section.h"

struct _RedressFactsSection
{
  RedressCaseSection parent_instance;

  GtkListBox *facts_list;
  GtkWidget  *add_fact_button;
};

G_DEFINE_FINAL_TYPE (RedressFactsSection, redress_facts_section, REDRESS_TYPE_CASE_SECTION)

static void
update_fact_row (RedressRecordRow *row)
{
  RedressRecord *fact = redress_record_row_get_record (row);
  const char *on = redress_record_get_string (fact, "occurred-on");
  const char *place = redress_record_get_string (fact, "place");
  const char *description = redress_record_get_string (fact, "description");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 description && description[0] ? description : _("New fact"));
  if (on != NULL && place != NULL && place[0] != '\0')
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), on, place);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), on ? on : _("No date yet"));
}

static GListModel *
redress_facts_section_get_model (RedressCaseSection *section,
                                 RedressCaseFile    *file)
{
  return redress_case_file_get_facts (file);
}

static GtkWidget *
redress_facts_section_create_row (RedressCaseSection *section,
                                  RedressRecord      *fact)
{
  RedressRecordRow *row = redress_record_row_new (fact, redress_case_section_get_queue (section), _("Remove fact"));

  redress_record_row_add_entry (row, NULL, "occurred-on", _("Date"));
  redress_record_row_add_entry (row, NULL, "occurred-until", _("Until"));
  redress_record_row_add_entry (row, NULL, "place", _("Place"));
  redress_record_row_add_text (row, NULL, "description", _("What happened"));
  redress_record_row_add_switch (row, NULL, "continuing", _("Continuing"),
                                 _("The situation still goes on"));
  redress_case_section_add_link_row (section, row, "violation_fact", _("Violations it supports"),
                                     _("Not linked to any alleged violation yet"),
                                     _("Add the alleged violations first, then link them here"));
  redress_case_section_add_link_row (section, row, "evidence_link", _("Evidence"),
                                     _("No evidence linked"), _("No evidence in the locker yet"));
  g_signal_connect_object (fact, "notify", G_CALLBACK (update_fact_row), row, G_CONNECT_SWAPPED);
  update_fact_row (row);

  return GTK_WIDGET (row);
}

static void
redress_facts_section_class_init (RedressFactsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RedressCaseSectionClass *section_class = REDRESS_CASE_SECTION_CLASS (klass);

  section_class->get_model = redress_facts_section_get_model;
  section_class->create_row = redress_facts_section_create_row;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-facts-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressFactsSection, facts_list);
  gtk_widget_class_bind_template_child (widget_class, RedressFactsSection, add_fact_button);
}

static void
redress_facts_section_init (RedressFactsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  redress_case_section_set_list (REDRESS_CASE_SECTION (self), self->facts_list, self->add_fact_button,
                                 _("No facts yet"));
}
