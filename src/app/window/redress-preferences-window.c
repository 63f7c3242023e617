/* redress-preferences-window.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redress-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "redress-preferences-window.h"

#define MAX_OFFSET_DAYS 3650

struct _RedressPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  AdwEntryRow          *actor_row;
  AdwEntryRow          *offsets_row;
  GtkLabel             *offsets_error;
  GtkSwitch            *background_switch;
  GtkSwitch            *names_switch;
};

G_DEFINE_FINAL_TYPE (RedressPreferencesWindow, redress_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static int
compare_desc (gconstpointer a,
              gconstpointer b)
{
  return *(const gint32 *)b - *(const gint32 *)a;
}

/**
 * redress_parse_reminder_offsets:
 * @text: days separated by commas or spaces, e.g. "90, 60, 30, 7"
 *
 * Returns: (transfer full): an "ai" of distinct days, largest first, or
 *   %NULL with @error set to a message for the caseworker.
 */
GVariant *
redress_parse_reminder_offsets (const char  *text,
                                GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint32));

  g_return_val_if_fail (text != NULL, NULL);

  parts = g_strsplit_set (text, ", ;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 value;
      gint32 day;
      gboolean seen = FALSE;

      if (*parts[i] == '\0')
        continue;

      if (!g_ascii_string_to_signed (parts[i], 10, 0, MAX_OFFSET_DAYS, &value, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a number of days from 0 to %d."), parts[i], MAX_OFFSET_DAYS);
          return NULL;
        }

      day = (gint32) value;
      for (guint j = 0; j < days->len; j++)
        seen |= g_array_index (days, gint32, j) == day;
      if (!seen)
        g_array_append_val (days, day);
    }

  g_array_sort (days, compare_desc);

  return g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, days->data, days->len,
                                                        sizeof (gint32)));
}

/**
 * redress_format_reminder_offsets:
 * @offsets: an "ai"
 *
 * Returns: (transfer full): the days as "90, 60, 30, 7"
 */
char *
redress_format_reminder_offsets (GVariant *offsets)
{
  GString *str = g_string_new (NULL);
  const gint32 *days;
  gsize n = 0;

  g_return_val_if_fail (g_variant_is_of_type (offsets, G_VARIANT_TYPE ("ai")), NULL);

  days = g_variant_get_fixed_array (offsets, &n, sizeof (gint32));
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (str, i == 0 ? "%d" : ", %d", days[i]);

  return g_string_free (str, FALSE);
}

static void
actor_apply_cb (RedressPreferencesWindow *self)
{
  g_autofree char *actor = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_row)));

  g_strstrip (actor);
  g_settings_set_string (self->settings, "actor-name", actor);
}

static void
offsets_changed_cb (RedressPreferencesWindow *self)
{
  g_autoptr(GVariant) offsets = NULL;
  g_autoptr(GError) error = NULL;

  offsets = redress_parse_reminder_offsets (gtk_editable_get_text (GTK_EDITABLE (self->offsets_row)),
                                            &error);
  if (offsets == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->offsets_row), "error");
      gtk_label_set_text (self->offsets_error, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->offsets_row), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->offsets_error), offsets == NULL);
}

static void
offsets_apply_cb (RedressPreferencesWindow *self)
{
  g_autoptr(GVariant) offsets = NULL;
  g_autofree char *text = NULL;

  offsets = redress_parse_reminder_offsets (gtk_editable_get_text (GTK_EDITABLE (self->offsets_row)),
                                            NULL);
  if (offsets == NULL)
    return;   /* the row already says what is wrong; the setting keeps its value */

  g_settings_set_value (self->settings, "reminder-offsets", offsets);
  text = redress_format_reminder_offsets (offsets);
  gtk_editable_set_text (GTK_EDITABLE (self->offsets_row), text);
}

static void
redress_preferences_window_dispose (GObject *object)
{
  RedressPreferencesWindow *self = (RedressPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (redress_preferences_window_parent_class)->dispose (object);
}

static void
redress_preferences_window_class_init (RedressPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressPreferencesWindow, actor_row);
  gtk_widget_class_bind_template_child (widget_class, RedressPreferencesWindow, offsets_row);
  gtk_widget_class_bind_template_child (widget_class, RedressPreferencesWindow, offsets_error);
  gtk_widget_class_bind_template_child (widget_class, RedressPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, RedressPreferencesWindow, names_switch);
  gtk_widget_class_bind_template_callback (widget_class, actor_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, offsets_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, offsets_apply_cb);
}

static void
redress_preferences_window_init (RedressPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RedressPreferencesWindow *
redress_preferences_window_new (GSettings *settings)
{
  RedressPreferencesWindow *self;
  g_autofree char *actor = NULL;
  g_autofree char *offsets_text = NULL;
  g_autoptr(GVariant) offsets = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (REDRESS_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  actor = g_settings_get_string (settings, "actor-name");
  gtk_editable_set_text (GTK_EDITABLE (self->actor_row), actor);

  offsets = g_settings_get_value (settings, "reminder-offsets");
  offsets_text = redress_format_reminder_offsets (offsets);
  gtk_editable_set_text (GTK_EDITABLE (self->offsets_row), offsets_text);

  /* The application writes or removes the login entry when this changes. */
  g_settings_bind (settings, "run-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "calendar-include-names", self->names_switch, "active", G_SETTINGS_BIND_DEFAULT);

  return self;
}
