/* redress-right-picker.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A searchable rights catalogue (data/rights.csv, domain.md §5) for the
 * alleged violations of a case.  Final clauses are hidden (domain.md §5:
 * "hide them from the default tag picker").  An OPSC or OPAC article is
 * marked when that Protocol does not bind the respondent State: a
 * communication may only invoke instruments the State is party to
 * (OP3 art 1(2) [V]).  Emits ::right-chosen.
 */

#define G_LOG_DOMAIN "redress-right-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-l10n.h"
#include "redress-right-picker.h"

struct _RedressRightPicker
{
  AdwWindow         parent_instance;

  RedressReference *reference;
  char             *search;
  guint             n_added;

  /* Template children */
  GtkSearchEntry   *search_entry;
  AdwWindowTitle   *window_title;
  GtkListBox       *list_box;
  GtkStack         *stack;
};

G_DEFINE_FINAL_TYPE (RedressRightPicker, redress_right_picker, ADW_TYPE_WINDOW)

enum {
  RIGHT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


/**
 * redress_right_binding_warning:
 *
 * Returns: (nullable): why an article of @treaty may not be invoked against
 *   the State, or %NULL when it binds the State (or no State is chosen).
 */
char *
redress_right_binding_warning (RedressReference *reference,
                               const char       *state_code,
                               const char       *treaty)
{
  const RedressStateRecord *state;
  RedressTreaty t;

  g_return_val_if_fail (REDRESS_IS_REFERENCE (reference), NULL);

  state = redress_reference_lookup_state (reference, state_code);
  if (state == NULL || !redress_treaty_from_string (treaty, &t))
    return NULL;
  if (t != REDRESS_TREATY_OPSC && t != REDRESS_TREATY_OPAC && t != REDRESS_TREATY_CRC)
    return NULL;
  if (state->status[t] == REDRESS_TREATY_STATUS_PARTY)
    return NULL;

  /* Translators: "OPSC does not bind Ireland: only instruments the State is party to may be invoked, OP3 art 1(2)" */
  return g_strdup_printf (_("%s does not bind %s: only instruments the State is party to may be invoked, OP3 art 1(2)"),
                          treaty, redress_reference_get_state_name (reference, state, NULL));
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  RedressRightPicker *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "haystack");

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  return haystack != NULL && strstr (haystack, self->search) != NULL;
}

static void
update_empty (RedressRightPicker *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    redress_right_picker_get_n_visible (self) > 0 ? "list" : "empty");
}

static void
search_changed_cb (RedressRightPicker *self,
                   GtkSearchEntry     *entry)
{
  redress_right_picker_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
row_activated_cb (RedressRightPicker *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list_box)
{
  g_autofree char *added = NULL;

  /* Each row is added once; the picker stays open for the next article. */
  if (g_object_get_data (G_OBJECT (row), "added") != NULL)
    return;
  g_signal_emit (self, signals[RIGHT_CHOSEN], 0,
                 g_object_get_data (G_OBJECT (row), "treaty"),
                 g_object_get_data (G_OBJECT (row), "article"));
  g_object_set_data (G_OBJECT (row), "added", GINT_TO_POINTER (TRUE));
  if (ADW_IS_ACTION_ROW (row))
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (check, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Added"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }
  self->n_added++;
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article added: choose more, or Done",
                                        "%u articles added: choose more, or Done", self->n_added),
                           self->n_added);
  adw_window_title_set_subtitle (self->window_title, added);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_activate_cb (RedressRightPicker *self,
                    GtkSearchEntry     *entry)
{
  /* What is typed now, not what the delayed search has caught up with;
   * nothing matching adds nothing. */
  redress_right_picker_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (self->search == NULL || self->search[0] == '\0')
    return;
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (filter_func (row, self))
        {
          row_activated_cb (self, row, self->list_box);
          return;
        }
    }
}

static void
stop_search_cb (RedressRightPicker *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
redress_right_picker_dispose (GObject *object)
{
  RedressRightPicker *self = (RedressRightPicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_RIGHT_PICKER);
  g_clear_object (&self->reference);

  G_OBJECT_CLASS (redress_right_picker_parent_class)->dispose (object);
}

static void
redress_right_picker_finalize (GObject *object)
{
  RedressRightPicker *self = (RedressRightPicker *)object;

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (redress_right_picker_parent_class)->finalize (object);
}

static void
redress_right_picker_class_init (RedressRightPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_right_picker_dispose;
  object_class->finalize = redress_right_picker_finalize;

  /**
   * RedressRightPicker::right-chosen:
   * @treaty: "CRC", "OPSC", "OPAC" or "OP3"
   * @article: the article number
   */
  signals[RIGHT_CHOSEN] =
    g_signal_new ("right-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-right-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressRightPicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, RedressRightPicker, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, RedressRightPicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, RedressRightPicker, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
redress_right_picker_init (RedressRightPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
}

static void
add_right (RedressRightPicker       *self,
           const RedressRightRecord *right,
           const char               *state_code)
{
  RedressTreaty t;
  const char *treaty;
  g_autofree char *title = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *haystack = NULL;
  const char *local_title;
  GtkWidget *row;

  if (!redress_treaty_from_string (right->treaty, &t))
    return;
  treaty = redress_treaty_to_string (t);

  /* Translators: "CRC art 3" */
  title = g_strdup_printf (_("%s art %s"), treaty, right->article);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The title in the user's language; searching finds it in English too. */
  local_title = redress_reference_get_right_title (self->reference, right, redress_l10n_ui_language ());
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), local_title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  warning = redress_right_binding_warning (self->reference, state_code, treaty);
  if (warning != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (_("Not binding"));

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_tooltip_text (row, warning);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, warning,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  g_object_set_data_full (G_OBJECT (row), "treaty", g_strdup (treaty), g_free);
  g_object_set_data_full (G_OBJECT (row), "article", g_strdup (right->article), g_free);
  haystack = g_strconcat (title, " ", right->treaty, " ", right->short_title, " ", local_title, NULL);
  g_object_set_data_full (G_OBJECT (row), "haystack", g_utf8_casefold (haystack, -1), g_free);
  gtk_list_box_append (self->list_box, row);
}

RedressRightPicker *
redress_right_picker_new (GtkWindow        *parent,
                          RedressReference *reference,
                          const char       *state_code)
{
  RedressRightPicker *self;
  guint n_rights;

  g_return_val_if_fail (REDRESS_IS_REFERENCE (reference), NULL);

  self = g_object_new (REDRESS_TYPE_RIGHT_PICKER,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->reference = g_object_ref (reference);

  /* The catalogue, instrument by instrument in article order. */
  n_rights = redress_reference_get_n_rights (reference);
  for (guint i = 0; i < n_rights; i++)
    {
      const RedressRightRecord *right = redress_reference_get_right (reference, i);

      if (g_strcmp0 (right->kind, "final_clause") != 0)
        add_right (self, right, state_code);
    }

  update_empty (self);

  return self;
}

void
redress_right_picker_set_search (RedressRightPicker *self,
                                 const char         *text)
{
  g_return_if_fail (REDRESS_IS_RIGHT_PICKER (self));

  g_free (self->search);
  self->search = text ? g_utf8_casefold (text, -1) : NULL;
  gtk_list_box_invalidate_filter (self->list_box);
  update_empty (self);
}

guint
redress_right_picker_get_n_visible (RedressRightPicker *self)
{
  guint n = 0;

  g_return_val_if_fail (REDRESS_IS_RIGHT_PICKER (self), 0);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (filter_func (row, self))
        n++;
    }

  return n;
}

gboolean
redress_right_picker_choose (RedressRightPicker *self,
                             const char         *treaty,
                             const char         *article)
{
  g_return_val_if_fail (REDRESS_IS_RIGHT_PICKER (self), FALSE);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "treaty"), treaty) == 0 &&
          g_strcmp0 (g_object_get_data (G_OBJECT (row), "article"), article) == 0)
        {
          row_activated_cb (self, row, self->list_box);
          return TRUE;
        }
    }
}
