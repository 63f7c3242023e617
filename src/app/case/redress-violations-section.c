/* redress-violations-section.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The alleged violations, each resting on facts (art 7(f)) and evidence;
 * a right that does not bind the respondent State is flagged (the warning
 * comes from the reference data, redress_right_binding_warning()).
 */

#define G_LOG_DOMAIN "redress-violations-section"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-l10n.h"
#include "redress-right-picker.h"
#include "redress-violations-section.h"

struct _RedressViolationsSection
{
  RedressCaseSection parent_instance;

  GtkListBox *violations_list;
  GtkWidget  *add_violation_button;
  RedressCase *kase;
};

G_DEFINE_FINAL_TYPE (RedressViolationsSection, redress_violations_section, REDRESS_TYPE_CASE_SECTION)

static void
update_violation_row (RedressRecordRow *row)
{
  RedressCaseSection *section = g_object_get_data (G_OBJECT (row), "section");
  RedressReference *reference = redress_case_section_get_reference (section);
  RedressCaseFile *file = redress_case_section_get_case_file (section);
  RedressRecord *violation = redress_record_row_get_record (row);
  const char *treaty = redress_record_get_string (violation, "treaty");
  const char *article = redress_record_get_string (violation, "article");
  const RedressRightRecord *right = redress_reference_lookup_right (reference, treaty, article);
  g_autofree char *title = NULL;
  g_autofree char *warning = NULL;

  title = redress_case_section_violation_label (violation);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  warning = file != NULL
    ? redress_right_binding_warning (reference, redress_case_get_state_code (redress_case_file_get_case (file)), treaty)
    : NULL;
  if (warning != NULL)
    {
      redress_record_row_set_status (row, "dialog-warning-symbolic", "warning", warning);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), warning);
    }
  else
    {
      redress_record_row_set_status (row, NULL, NULL, NULL);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                     right != NULL
                                     ? redress_reference_get_right_title (reference, right,
                                                                          redress_l10n_ui_language ())
                                     : "");
    }
}

static void
update_row_cb (gpointer row,
               gpointer user_data)
{
  update_violation_row (row);
}

/* The binding warnings follow the respondent State. */
static void
state_changed_cb (RedressViolationsSection *self)
{
  redress_case_section_foreach_row (REDRESS_CASE_SECTION (self), update_row_cb, NULL);
}

static GListModel *
redress_violations_section_get_model (RedressCaseSection *section,
                                      RedressCaseFile    *file)
{
  return redress_case_file_get_violations (file);
}

static GtkWidget *
redress_violations_section_create_row (RedressCaseSection *section,
                                       RedressRecord      *violation)
{
  RedressRecordRow *row = redress_record_row_new (violation, redress_case_section_get_queue (section),
                                                  _("Remove violation"));

  g_object_set_data (G_OBJECT (row), "section", section);
  redress_record_row_add_entry (row, NULL, "paragraph", _("Paragraph, e.g. (2)(b)"));
  redress_record_row_add_text (row, NULL, "description", _("How it was violated"));
  redress_record_row_add_switch (row, NULL, "continuing", _("Continuing violation"),
                                 _("It went on after OP3 entered into force, art 7(g)"));
  redress_case_section_add_link_row (section, row, "violation_fact", _("Supporting facts, art 7(f)"),
                                     _("No fact linked yet: each alleged violation must rest on facts"),
                                     _("Add the facts first, then link them here"));
  redress_case_section_add_link_row (section, row, "evidence_link", _("Evidence"),
                                     _("No evidence linked"), _("No evidence in the locker yet"));
  g_signal_connect_object (violation, "notify::paragraph", G_CALLBACK (update_violation_row), row, G_CONNECT_SWAPPED);
  update_violation_row (row);

  return GTK_WIDGET (row);
}

static void
redress_violations_section_bind (RedressCaseSection *section,
                                 RedressCaseFile    *file)
{
  RedressViolationsSection *self = REDRESS_VIOLATIONS_SECTION (section);

  if (self->kase != NULL)
    g_signal_handlers_disconnect_by_data (self->kase, self);
  g_clear_object (&self->kase);
  if (file == NULL)
    return;

  self->kase = g_object_ref (redress_case_file_get_case (file));
  g_signal_connect_object (self->kase, "notify::state-code", G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
redress_violations_section_dispose (GObject *object)
{
  RedressViolationsSection *self = REDRESS_VIOLATIONS_SECTION (object);

  G_OBJECT_CLASS (redress_violations_section_parent_class)->dispose (object);
  g_clear_object (&self->kase);
}

static void
redress_violations_section_class_init (RedressViolationsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RedressCaseSectionClass *section_class = REDRESS_CASE_SECTION_CLASS (klass);

  object_class->dispose = redress_violations_section_dispose;

  section_class->get_model = redress_violations_section_get_model;
  section_class->create_row = redress_violations_section_create_row;
  section_class->bind = redress_violations_section_bind;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-violations-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressViolationsSection, violations_list);
  gtk_widget_class_bind_template_child (widget_class, RedressViolationsSection, add_violation_button);
}

static void
redress_violations_section_init (RedressViolationsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  redress_case_section_set_list (REDRESS_CASE_SECTION (self), self->violations_list, self->add_violation_button,
                                 _("No alleged violation yet"));
}
