/* redress-text-area.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A titled, multi-line text field styled as a card, for the long free-text
 * parts of a case file (summary, best interests, the child's views ...).
 * Emits ::changed when the user edits the text; set_text() does not.
 */

#define G_LOG_DOMAIN "redress-text-area"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-text-area.h"

struct _RedressTextArea
{
  AdwBin         parent_instance;

  char          *title;
  gboolean       loading;

  /* Template children */
  GtkLabel      *title_label;
  GtkTextView   *text_view;
};

G_DEFINE_FINAL_TYPE (RedressTextArea, redress_text_area, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
buffer_changed_cb (RedressTextArea *self,
                   GtkTextBuffer   *buffer)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
redress_text_area_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (REDRESS_TEXT_AREA (widget)->text_view));
}

static void
redress_text_area_dispose (GObject *object)
{
  RedressTextArea *self = (RedressTextArea *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_TEXT_AREA);

  G_OBJECT_CLASS (redress_text_area_parent_class)->dispose (object);
}

static void
redress_text_area_finalize (GObject *object)
{
  RedressTextArea *self = (RedressTextArea *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (redress_text_area_parent_class)->finalize (object);
}

static void
redress_text_area_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RedressTextArea *self = REDRESS_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_text_area_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RedressTextArea *self = REDRESS_TEXT_AREA (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      redress_text_area_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_text_area_class_init (RedressTextAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_text_area_dispose;
  object_class->finalize = redress_text_area_finalize;
  object_class->get_property = redress_text_area_get_property;
  object_class->set_property = redress_text_area_set_property;

  widget_class->grab_focus = redress_text_area_grab_focus;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RedressTextArea::changed:
   *
   * The user edited the text.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-text-area.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressTextArea, title_label);
  gtk_widget_class_bind_template_child (widget_class, RedressTextArea, text_view);
}

static void
redress_text_area_init (RedressTextArea *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
redress_text_area_new (void)
{
  return g_object_new (REDRESS_TYPE_TEXT_AREA, NULL);
}

const char *
redress_text_area_get_title (RedressTextArea *self)
{
  g_return_val_if_fail (REDRESS_IS_TEXT_AREA (self), NULL);

  return self->title;
}

void
redress_text_area_set_title (RedressTextArea *self,
                             const char      *title)
{
  g_return_if_fail (REDRESS_IS_TEXT_AREA (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_label_set_label (self->title_label, title ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * redress_text_area_get_text:
 *
 * Returns: (transfer full): the whole text
 */
char *
redress_text_area_get_text (RedressTextArea *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (REDRESS_IS_TEXT_AREA (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Replaces the text without emitting ::changed.  Text the user is typing is
 * left alone when it already matches (a save echoing back). */
void
redress_text_area_set_text (RedressTextArea *self,
                            const char      *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (REDRESS_IS_TEXT_AREA (self));

  current = redress_text_area_get_text (self);
  if (g_strcmp0 (current, text ? text : "") == 0)
    return;

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
  self->loading = FALSE;
}

GtkTextView *
redress_text_area_get_view (RedressTextArea *self)
{
  g_return_val_if_fail (REDRESS_IS_TEXT_AREA (self), NULL);

  return self->text_view;
}
