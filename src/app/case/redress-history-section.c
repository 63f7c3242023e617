/* redress-history-section.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The procedural events of the case, as recorded.
 */

#define G_LOG_DOMAIN "redress-history-section"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-history-section.h"
#include "redress-l10n.h"
#include "redress-lifecycle.h"

struct _RedressHistorySection
{
  RedressCaseSection parent_instance;

  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (RedressHistorySection, redress_history_section, REDRESS_TYPE_CASE_SECTION)

static void
update_event_row (AdwActionRow  *row,
                  GParamSpec    *pspec,
                  RedressRecord *event)
{
  g_autofree char *occurred = redress_l10n_format_date (redress_record_get_string (event, "occurred-on"));
  g_autoptr(GString) subtitle = g_string_new (occurred);
  const char *letter_ref = redress_record_get_string (event, "letter-ref");
  const char *letter_due = redress_record_get_string (event, "letter-due");
  const char *note = redress_record_get_string (event, "note");
  const char *to_stage = redress_record_get_string (event, "to-stage");

  if (to_stage != NULL && to_stage[0] != '\0')
    g_string_append_printf (subtitle, _(" · now %s"), redress_lifecycle_stage_label (to_stage));
  if (letter_ref != NULL && letter_ref[0] != '\0')
    g_string_append_printf (subtitle, _(" · letter %s"), letter_ref);
  if (letter_due != NULL && letter_due[0] != '\0')
    {
      g_autofree char *when = redress_l10n_format_date (letter_due);

      g_string_append_printf (subtitle, _(" · due %s"), when);
    }
  if (note != NULL && note[0] != '\0')
    g_string_append_printf (subtitle, " · %s", note);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 redress_lifecycle_event_label (redress_record_get_string (event, "event")));
  adw_action_row_set_subtitle (row, subtitle->str);
}

static GListModel *
redress_history_section_get_model (RedressCaseSection *section,
                                   RedressCaseFile    *file)
{
  return redress_case_file_get_events (file);
}

static GtkWidget *
redress_history_section_create_row (RedressCaseSection *section,
                                    RedressRecord      *event)
{
  GtkWidget *row = adw_action_row_new ();

  g_signal_connect_object (event, "notify", G_CALLBACK (update_event_row), row, G_CONNECT_SWAPPED);
  update_event_row (ADW_ACTION_ROW (row), NULL, event);

  return row;
}

static void
redress_history_section_class_init (RedressHistorySectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RedressCaseSectionClass *section_class = REDRESS_CASE_SECTION_CLASS (klass);

  section_class->get_model = redress_history_section_get_model;
  section_class->create_row = redress_history_section_create_row;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-history-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressHistorySection, history_list);
}

static void
redress_history_section_init (RedressHistorySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  redress_case_section_set_list (REDRESS_CASE_SECTION (self), self->history_list, NULL,
                                 _("Nothing recorded yet"));
}
