/* redress-record-row.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item of a case-file list (a person, a violation, a fact, a domestic
 * remedy, another procedure): an expander row whose fields are bound to
 * RedressRecord properties and saved as the user types.  The trash button
 * (or Delete on the row) emits ::delete-requested; the page hides the row
 * and offers Undo before anything is deleted.
 */

#define G_LOG_DOMAIN "redress-record-row"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-date-row.h"
#include "redress-field-bind.h"
#include "redress-record-row.h"
#include "redress-text-area.h"

struct _RedressRecordRow
{
  AdwExpanderRow    parent_instance;

  RedressRecord    *record;
  RedressSaveQueue *queue;
  GHashTable       *fields;   /* property → widget (unowned) */

  /* Template children */
  GtkImage         *status_icon;
  GtkButton        *delete_button;
};

G_DEFINE_FINAL_TYPE (RedressRecordRow, redress_record_row, ADW_TYPE_EXPANDER_ROW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[DELETE_REQUESTED], 0);
}

static void
redress_record_row_dispose (GObject *object)
{
  RedressRecordRow *self = (RedressRecordRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_RECORD_ROW);
  g_clear_object (&self->record);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (redress_record_row_parent_class)->dispose (object);
}

static void
redress_record_row_class_init (RedressRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_record_row_dispose;

  /**
   * RedressRecordRow::delete-requested:
   *
   * The user asked to remove this item.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressRecordRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, RedressRecordRow, delete_button);

  gtk_widget_class_install_action (widget_class, "record-row.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "record-row.delete", NULL);
}

static void
redress_record_row_init (RedressRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* @delete_label names the trash button for screen readers ("Remove person"). */
RedressRecordRow *
redress_record_row_new (RedressRecord    *record,
                        RedressSaveQueue *queue,
                        const char       *delete_label)
{
  RedressRecordRow *self;

  g_return_val_if_fail (REDRESS_IS_RECORD (record), NULL);
  g_return_val_if_fail (REDRESS_IS_SAVE_QUEUE (queue), NULL);

  self = g_object_new (REDRESS_TYPE_RECORD_ROW, NULL);
  self->record = g_object_ref (record);
  self->queue = g_object_ref (queue);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label,
                                  -1);

  return self;
}

RedressRecord *
redress_record_row_get_record (RedressRecordRow *self)
{
  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  return self->record;
}

static void
remember_field (RedressRecordRow *self,
                RedressRecord    *record,
                const char       *property,
                GtkWidget        *widget)
{
  /* Fields of a second record (a party row's person) are found as "type:property". */
  if (record == self->record)
    g_hash_table_replace (self->fields, g_strdup (property), widget);
  else
    g_hash_table_replace (self->fields,
                          g_strconcat (G_OBJECT_TYPE_NAME (record), ":", property, NULL),
                          widget);
}

/* Adds an entry row for a string or date property of @record (NULL: the row's own). */
GtkWidget *
redress_record_row_add_entry (RedressRecordRow *self,
                              RedressRecord    *record,
                              const char       *property,
                              const char       *title)
{
  GtkWidget *row;
  GParamSpec *pspec;

  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  record = record ? record : self->record;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  /* Dates get the date row: the locale's form, a calendar, a message. */
  if (pspec != NULL && (pspec->flags & (REDRESS_PARAM_DATE | REDRESS_PARAM_PARTIAL_DATE)))
    {
      row = redress_date_row_new (title, (pspec->flags & REDRESS_PARAM_PARTIAL_DATE) != 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    }
  else
    {
      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  redress_bind_editable (row, record, property, self->queue);
  remember_field (self, record, property, row);

  return row;
}

GtkWidget *
redress_record_row_add_switch (RedressRecordRow *self,
                               RedressRecord    *record,
                               const char       *property,
                               const char       *title,
                               const char       *subtitle)
{
  GtkWidget *row;
  GtkWidget *toggle;

  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  record = record ? record : self->record;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  redress_bind_switch (GTK_SWITCH (toggle), record, property, self->queue);
  remember_field (self, record, property, toggle);

  return toggle;
}

/* A drop-down: item i shows @labels[i] and stores @values[i]. */
GtkWidget *
redress_record_row_add_choice (RedressRecordRow   *self,
                               RedressRecord      *record,
                               const char         *property,
                               const char         *title,
                               const char * const *values,
                               const char * const *labels)
{
  g_autoptr(GtkStringList) model = NULL;
  GtkWidget *row;

  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  record = record ? record : self->record;
  model = gtk_string_list_new ((const char * const *) labels);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  redress_bind_choice (ADW_COMBO_ROW (row), record, property, values, self->queue);
  remember_field (self, record, property, row);

  return row;
}

/* "Not recorded / Yes / No" for a nullable 0/1 column. */
GtkWidget *
redress_record_row_add_tristate (RedressRecordRow *self,
                                 RedressRecord    *record,
                                 const char       *property,
                                 const char       *title)
{
  GtkWidget *row;

  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  record = record ? record : self->record;
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  redress_bind_tristate (ADW_COMBO_ROW (row), record, property, self->queue);
  remember_field (self, record, property, row);

  return row;
}

/* A read-only row for computed information (an age, a warning). */
GtkWidget *
redress_record_row_add_info (RedressRecordRow *self,
                             const char       *title)
{
  GtkWidget *row;

  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  return row;
}

/* Adds @row (any list row) under the expander; @key finds @focus later
 * with redress_record_row_find_field(). */
void
redress_record_row_add_row (RedressRecordRow *self,
                            const char       *key,
                            GtkWidget        *row,
                            GtkWidget        *focus)
{
  g_return_if_fail (REDRESS_IS_RECORD_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  if (key != NULL)
    g_hash_table_replace (self->fields, g_strdup (key), focus != NULL ? focus : row);
}

/* A multi-line text view for a narrative property (what happened, how a
 * right was violated, an outcome): legal text is more than one line. */
GtkWidget *
redress_record_row_add_text (RedressRecordRow *self,
                             RedressRecord    *record,
                             const char       *property,
                             const char       *title)
{
  GtkWidget *row;
  GtkWidget *area;

  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  record = record ? record : self->record;
  area = redress_text_area_new ();
  redress_text_area_set_title (REDRESS_TEXT_AREA (area), title);
  gtk_widget_set_margin_top (area, 8);
  gtk_widget_set_margin_bottom (area, 10);
  gtk_widget_set_margin_start (area, 12);
  gtk_widget_set_margin_end (area, 12);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), area);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (redress_text_area_get_view (REDRESS_TEXT_AREA (area))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);

  redress_bind_text_area (area, record, property, self->queue);
  remember_field (self, record, property, area);

  return area;
}

/* The widget editing @property, or "TypeName:property" for a second record. */
GtkWidget *
redress_record_row_find_field (RedressRecordRow *self,
                               const char       *property)
{
  g_return_val_if_fail (REDRESS_IS_RECORD_ROW (self), NULL);

  return g_hash_table_lookup (self->fields, property);
}

/* A status icon before the title; never colour alone: @message is the
 * tooltip and the accessible description.  NULL @icon_name hides it. */
void
redress_record_row_set_status (RedressRecordRow *self,
                               const char       *icon_name,
                               const char       *css_class,
                               const char       *message)
{
  g_return_if_fail (REDRESS_IS_RECORD_ROW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");

  if (icon_name == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_icon), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), css_class);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_icon), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), TRUE);
}
