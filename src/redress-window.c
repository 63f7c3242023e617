/* redress-window.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redress-window"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-window.h"

struct _RedressWindow
{
  AdwApplicationWindow  parent_instance;

  RedressDatabase      *database;

  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (RedressWindow, redress_window, ADW_TYPE_APPLICATION_WINDOW)

static void
redress_window_dispose (GObject *object)
{
  RedressWindow *self = (RedressWindow *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (redress_window_parent_class)->dispose (object);
}

static void
redress_window_class_init (RedressWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, status_page);
}

static void
redress_window_init (RedressWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RedressWindow *
redress_window_new (RedressApplication *application,
                    RedressDatabase    *database,
                    const GError       *open_error)
{
  RedressWindow *self = g_object_new (REDRESS_TYPE_WINDOW, "application", application, NULL);

  g_set_object (&self->database, database);
  if (open_error != NULL)
    adw_status_page_set_description (self->status_page, open_error->message);

  return self;
}
