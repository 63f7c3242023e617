/* redress-field-bind.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two-way bindings between case-file widgets and RedressRecord properties.
 * An edit sets the property and schedules the record on the page's save
 * queue (saved ~500 ms after the last keystroke); a change of the record
 * made elsewhere updates the widget.  Date properties are only written when
 * the text is a valid date: until then the field shows the error style and a
 * message, and what was typed stays in the field.
 */

#define G_LOG_DOMAIN "redress-field-bind"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-date-row.h"
#include "redress-field-bind.h"
#include "redress-text-area.h"
#include "redress-util.h"

#define BINDING_KEY "redress-field-binding"

typedef enum
{
  KIND_EDITABLE,
  KIND_TEXT_AREA,
  KIND_SWITCH,
  KIND_CHOICE,
  KIND_TRISTATE,
} BindingKind;

/* Combo position ↔ stored value of a tri-state column (NULL is -1). */
static const int tristate_values[] = { -1, 1, 0 };

typedef struct
{
  BindingKind       kind;
  GtkWidget        *widget;     /* unowned: the binding lives on it */
  RedressRecord    *record;
  char             *property;
  guint             param_flags;
  RedressSaveQueue *queue;
  GStrv             values;     /* KIND_CHOICE */
  gulong            notify_id;
  gboolean          loading;
  char             *tooltip;    /* the widget's own tooltip, restored when valid */
} Binding;

static void
binding_free (gpointer data)
{
  Binding *b = data;

  if (b->record != NULL)
    g_clear_signal_handler (&b->notify_id, b->record);
  g_clear_object (&b->record);
  g_clear_object (&b->queue);
  g_clear_pointer (&b->property, g_free);
  g_clear_pointer (&b->values, g_strfreev);
  g_clear_pointer (&b->tooltip, g_free);
  g_free (b);
}

static gboolean
is_date (Binding *b)
{
  return (b->param_flags & (REDRESS_PARAM_DATE | REDRESS_PARAM_PARTIAL_DATE)) != 0;
}

static gboolean
date_is_valid (Binding    *b,
               const char *text)
{
  if (b->param_flags & REDRESS_PARAM_PARTIAL_DATE)
    return redress_partial_date_is_valid (text);
  return redress_iso_date_is_valid (text);
}

static void
set_invalid (Binding    *b,
             const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (b->widget, "error");
      gtk_widget_set_tooltip_text (b->widget, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (b->widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (b->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else if (gtk_widget_has_css_class (b->widget, "error"))
    {
      gtk_widget_remove_css_class (b->widget, "error");
      gtk_widget_set_tooltip_text (b->widget, b->tooltip);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (b->widget),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (b->widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
load_widget (Binding *b)
{
  b->loading = TRUE;

  switch (b->kind)
    {
    case KIND_EDITABLE:
      {
        const char *value = redress_record_get_string (b->record, b->property);
        const char *text = gtk_editable_get_text (GTK_EDITABLE (b->widget));
        g_autofree char *iso = REDRESS_IS_DATE_ROW (b->widget)
                                 ? redress_date_row_get_iso (REDRESS_DATE_ROW (b->widget)) : NULL;

        /* An invalid value being typed was not stored: keep the text; a
         * date typed in the locale's form that reads as the value too. */
        if (g_strcmp0 (text, value ? value : "") != 0 &&
            (iso == NULL || g_strcmp0 (iso, value) != 0) &&
            !gtk_widget_has_css_class (b->widget, "error"))
          gtk_editable_set_text (GTK_EDITABLE (b->widget), value ? value : "");
      }
      break;

    case KIND_TEXT_AREA:
      redress_text_area_set_text (REDRESS_TEXT_AREA (b->widget),
                                  redress_record_get_string (b->record, b->property));
      break;

    case KIND_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (b->widget),
                             redress_record_get_boolean (b->record, b->property));
      break;

    case KIND_CHOICE:
      {
        const char *value = redress_record_get_string (b->record, b->property);
        guint pos = 0;

        for (guint i = 0; b->values[i] != NULL; i++)
          if (g_strcmp0 (b->values[i], value ? value : "") == 0)
            pos = i;
        adw_combo_row_set_selected (ADW_COMBO_ROW (b->widget), pos);
      }
      break;

    case KIND_TRISTATE:
      {
        int value = redress_record_get_int (b->record, b->property);
        guint pos = 0;

        for (guint i = 0; i < G_N_ELEMENTS (tristate_values); i++)
          if (tristate_values[i] == value)
            pos = i;
        adw_combo_row_set_selected (ADW_COMBO_ROW (b->widget), pos);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  b->loading = FALSE;
}

static void
record_notify_cb (RedressRecord *record,
                  GParamSpec    *pspec,
                  Binding       *b)
{
  if (!b->loading)
    load_widget (b);
}

static void
store_widget (Binding *b)
{
  if (b->loading)
    return;

  b->loading = TRUE;

  switch (b->kind)
    {
    case KIND_EDITABLE:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (b->widget));
        g_autofree char *iso = NULL;

        /* A date row reads the locale's form too and says what is wrong. */
        if (REDRESS_IS_DATE_ROW (b->widget))
          {
            RedressDateRow *row = REDRESS_DATE_ROW (b->widget);

            if (redress_date_row_get_problem (row) != NULL)
              {
                set_invalid (b, redress_date_row_get_problem (row));
                b->loading = FALSE;
                return;
              }
            iso = redress_date_row_get_iso (row);
            text = iso != NULL ? iso : "";
          }
        if (is_date (b) && text[0] != '\0' && !date_is_valid (b, text))
          {
            set_invalid (b, (b->param_flags & REDRESS_PARAM_PARTIAL_DATE)
                              ? _("Enter a date as YYYY-MM-DD, YYYY-MM or YYYY; it is saved once it is valid")
                              : _("Enter a date as YYYY-MM-DD; it is saved once it is valid"));
            b->loading = FALSE;
            return;
          }
        if ((b->param_flags & REDRESS_PARAM_REQUIRED) && text[0] == '\0')
          {
            set_invalid (b, _("This field cannot be empty; the last value is kept until you enter one"));
            b->loading = FALSE;
            return;
          }
        set_invalid (b, NULL);
        redress_record_set_string (b->record, b->property,
                                   (is_date (b) && text[0] == '\0') ? NULL : text);
      }
      break;

    case KIND_TEXT_AREA:
      {
        g_autofree char *text = redress_text_area_get_text (REDRESS_TEXT_AREA (b->widget));

        redress_record_set_string (b->record, b->property, text);
      }
      break;

    case KIND_SWITCH:
      redress_record_set_boolean (b->record, b->property,
                                  gtk_switch_get_active (GTK_SWITCH (b->widget)));
      break;

    case KIND_CHOICE:
      {
        guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (b->widget));

        if (pos < g_strv_length (b->values))
          redress_record_set_string (b->record, b->property, b->values[pos]);
      }
      break;

    case KIND_TRISTATE:
      {
        guint pos = adw_combo_row_get_selected (ADW_COMBO_ROW (b->widget));

        if (pos < G_N_ELEMENTS (tristate_values))
          redress_record_set_int (b->record, b->property, tristate_values[pos]);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  b->loading = FALSE;

  redress_save_queue_schedule (b->queue, b->record);
}

static void
widget_changed_cb (Binding *b)
{
  store_widget (b);
}

static Binding *
binding_new (BindingKind       kind,
             GtkWidget        *widget,
             RedressRecord    *record,
             const char       *property,
             RedressSaveQueue *queue)
{
  GParamSpec *pspec;
  g_autofree char *detailed = NULL;
  Binding *b;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (REDRESS_IS_RECORD (record), NULL);
  g_return_val_if_fail (REDRESS_IS_SAVE_QUEUE (queue), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  /* Rebinding a widget (a row reused for another record) drops the old one. */
  redress_bind_unbind (widget);

  b = g_new0 (Binding, 1);
  b->kind = kind;
  b->widget = widget;
  b->record = g_object_ref (record);
  b->property = g_strdup (property);
  b->param_flags = pspec->flags;
  b->queue = g_object_ref (queue);
  b->tooltip = g_strdup (gtk_widget_get_tooltip_text (widget));

  detailed = g_strconcat ("notify::", property, NULL);
  b->notify_id = g_signal_connect (record, detailed, G_CALLBACK (record_notify_cb), b);

  g_object_set_data_full (G_OBJECT (widget), BINDING_KEY, b, binding_free);

  return b;
}

void
redress_bind_editable (GtkWidget        *widget,
                       RedressRecord    *record,
                       const char       *property,
                       RedressSaveQueue *queue)
{
  Binding *b = binding_new (KIND_EDITABLE, widget, record, property, queue);

  g_return_if_fail (GTK_IS_EDITABLE (widget));

  if (b == NULL)
    return;
  load_widget (b);
  g_signal_connect_swapped (widget, "changed", G_CALLBACK (widget_changed_cb), b);
}

void
redress_bind_text_area (GtkWidget        *area,
                        RedressRecord    *record,
                        const char       *property,
                        RedressSaveQueue *queue)
{
  Binding *b = binding_new (KIND_TEXT_AREA, area, record, property, queue);

  if (b == NULL)
    return;
  load_widget (b);
  g_signal_connect_swapped (area, "changed", G_CALLBACK (widget_changed_cb), b);
}

void
redress_bind_switch (GtkSwitch        *toggle,
                     RedressRecord    *record,
                     const char       *property,
                     RedressSaveQueue *queue)
{
  Binding *b = binding_new (KIND_SWITCH, GTK_WIDGET (toggle), record, property, queue);

  if (b == NULL)
    return;
  load_widget (b);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (widget_changed_cb), b);
}

/* @values[i] is the stored value of the combo row's item i. */
void
redress_bind_choice (AdwComboRow        *row,
                     RedressRecord      *record,
                     const char         *property,
                     const char * const *values,
                     RedressSaveQueue   *queue)
{
  Binding *b = binding_new (KIND_CHOICE, GTK_WIDGET (row), record, property, queue);

  if (b == NULL)
    return;
  b->values = g_strdupv ((char **) values);
  load_widget (b);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (widget_changed_cb), b);
}

/* A "Not recorded / Yes / No" combo row for a nullable 0/1 column. */
void
redress_bind_tristate (AdwComboRow      *row,
                       RedressRecord    *record,
                       const char       *property,
                       RedressSaveQueue *queue)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  Binding *b;

  gtk_string_list_append (model, _("Not recorded"));
  gtk_string_list_append (model, _("Yes"));
  gtk_string_list_append (model, _("No"));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));

  b = binding_new (KIND_TRISTATE, GTK_WIDGET (row), record, property, queue);
  if (b == NULL)
    return;
  load_widget (b);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (widget_changed_cb), b);
}

void
redress_bind_unbind (GtkWidget *widget)
{
  Binding *b = g_object_get_data (G_OBJECT (widget), BINDING_KEY);

  if (b == NULL)
    return;

  g_signal_handlers_disconnect_by_data (widget, b);
  g_object_set_data (G_OBJECT (widget), BINDING_KEY, NULL);
}
