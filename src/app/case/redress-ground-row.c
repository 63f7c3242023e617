/* redress-ground-row.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One admissibility ground in the case page's side panel: its status as an
 * icon, a colour and a word (never colour alone), the model's explanation
 * and citation, and a button that moves the focus to the field that would
 * change the result (::jump).
 */

#define G_LOG_DOMAIN "redress-ground-row"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-ground-row.h"

struct _RedressGroundRow
{
  AdwActionRow         parent_instance;

  RedressGroundResult *result;

  /* Template children */
  GtkImage            *status_icon;
  GtkLabel            *status_label;
  GtkButton           *jump_button;
};

G_DEFINE_FINAL_TYPE (RedressGroundRow, redress_ground_row, ADW_TYPE_ACTION_ROW)

enum {
  JUMP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The grounds redress_admissibility_evaluate() reports, in words. */
const char *
redress_ground_get_title (const char *ground)
{
  static const struct { const char *ground; const char *title; } titles[] = {
    { "art1.3", N_("State party to OP3") },
    { "art1.2", N_("Rights binding on the State") },
    { "art5", N_("Author and consent") },
    { "7a", N_("Not anonymous") },
    { "7b", N_("In writing") },
    { "7c", N_("Compatible with the Convention") },
    { "7d", N_("Not before another procedure") },
    { "7e", N_("Domestic remedies exhausted") },
    { "7f", N_("Substantiated") },
    { "7g", N_("Facts after entry into force") },
    { "art20", N_("Temporal scope") },
    { "7h", N_("Submitted within one year") },
    { "13.7", N_("Inquiry competence") },
    { "age", N_("A child at the facts") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].ground, ground) == 0)
      return _(titles[i].title);

  return ground;
}

static void
jump_clicked_cb (RedressGroundRow *self)
{
  g_signal_emit (self, signals[JUMP], 0, redress_ground_result_get_field_hint (self->result));
}

static void
redress_ground_row_dispose (GObject *object)
{
  RedressGroundRow *self = (RedressGroundRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_GROUND_ROW);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (redress_ground_row_parent_class)->dispose (object);
}

static void
redress_ground_row_class_init (RedressGroundRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_ground_row_dispose;

  /**
   * RedressGroundRow::jump:
   * @field_hint: "table.column" of the field that decides the ground
   */
  signals[JUMP] =
    g_signal_new ("jump",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-ground-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressGroundRow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, RedressGroundRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RedressGroundRow, jump_button);
  gtk_widget_class_bind_template_callback (widget_class, jump_clicked_cb);
}

static void
redress_ground_row_init (RedressGroundRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
redress_ground_row_new (RedressGroundResult *result)
{
  RedressGroundRow *self;
  RedressGroundStatus status;
  const char *icon_name;
  const char *css_class;
  const char *label;
  const char *hint;
  g_autofree char *jump_label = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (REDRESS_IS_GROUND_RESULT (result), NULL);

  self = g_object_new (REDRESS_TYPE_GROUND_ROW, NULL);
  self->result = g_object_ref (result);
  status = redress_ground_result_get_status (result);
  label = redress_ground_status_get_label (status);

  switch (status)
    {
    case REDRESS_GROUND_PASS:
      icon_name = "emblem-ok-symbolic";
      css_class = "success";
      break;
    case REDRESS_GROUND_FAIL:
      icon_name = "dialog-error-symbolic";
      css_class = "error";
      break;
    case REDRESS_GROUND_NEEDS_ARGUMENT:
      icon_name = "dialog-warning-symbolic";
      css_class = "warning";
      break;
    case REDRESS_GROUND_UNKNOWN:
    default:
      icon_name = "dialog-question-symbolic";
      css_class = "dim-label";
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 redress_ground_get_title (redress_ground_result_get_ground (result)));
  /* The citation on a line of its own under the explanation (markup). */
  {
    g_autofree char *explanation = g_markup_escape_text (redress_ground_result_get_explanation (result), -1);
    g_autofree char *citation = g_markup_escape_text (redress_ground_result_get_citation (result), -1);
    g_autofree char *subtitle = g_strdup_printf ("%s\n<small>%s</small>", explanation, citation);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  }
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), css_class);
  gtk_label_set_label (self->status_label, label);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css_class);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  description = g_strdup_printf ("%s. %s (%s)", label,
                                 redress_ground_result_get_explanation (result),
                                 redress_ground_result_get_citation (result));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  hint = redress_ground_result_get_field_hint (result);
  gtk_widget_set_visible (GTK_WIDGET (self->jump_button), hint != NULL && hint[0] != '\0');
  /* Translators: the accessible name of the button next to a ground, "Go to the field for Substantiated" */
  jump_label = g_strdup_printf (_("Go to the field for “%s”"),
                                redress_ground_get_title (redress_ground_result_get_ground (result)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->jump_button), jump_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->jump_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, jump_label, -1);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self),
                                         gtk_widget_get_visible (GTK_WIDGET (self->jump_button))
                                           ? GTK_WIDGET (self->jump_button) : NULL);

  return GTK_WIDGET (self);
}

RedressGroundResult *
redress_ground_row_get_result (RedressGroundRow *self)
{
  g_return_val_if_fail (REDRESS_IS_GROUND_ROW (self), NULL);

  return self->result;
}
