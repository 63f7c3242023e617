/* redress-link-row.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row that shows what an item of the case file is linked to (the facts
 * that support a violation, the evidence for a fact, ...) and a menu of
 * check buttons to link or unlink any of them, several per opening.  The
 * owner fills it between redress_link_row_begin() and _end() whenever the
 * case changes; when the same items come back only their states change, so
 * an open menu keeps its focus.  Toggling emits ::toggled; nothing is
 * written here.
 */

#define G_LOG_DOMAIN "redress-link-row"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-link-row.h"

typedef struct
{
  char     *group;
  char     *id;
  char     *label;
  gboolean  linked;
} LinkItem;

struct _RedressLinkRow
{
  AdwActionRow  parent_instance;

  char         *none_text;
  char         *nothing_to_link;
  GPtrArray    *items;      /* (element-type LinkItem): shown */
  GPtrArray    *incoming;   /* (element-type LinkItem): between begin and end */
  GHashTable   *checks;     /* id → GtkCheckButton (unowned) */
  gboolean      updating;

  /* Template children */
  GtkMenuButton *menu_button;
  GtkPopover    *popover;
  GtkBox        *items_box;
};

G_DEFINE_FINAL_TYPE (RedressLinkRow, redress_link_row, ADW_TYPE_ACTION_ROW)

enum {
  TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
link_item_free (gpointer data)
{
  LinkItem *item = data;

  g_free (item->group);
  g_free (item->id);
  g_free (item->label);
  g_free (item);
}

static void
update_subtitle (RedressLinkRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      LinkItem *item = g_ptr_array_index (self->items, i);

      if (!item->linked)
        continue;
      if (text->len > 0)
        /* Translators: separates the items a row is linked to */
        g_string_append (text, _("; "));
      g_string_append (text, item->label);
    }

  if (text->len == 0)
    g_string_append (text, self->items->len == 0 ? self->nothing_to_link : self->none_text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text->str);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), self->items->len > 0);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  RedressLinkRow *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "link-id");
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating)
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      LinkItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->id, id) == 0)
        item->linked = active;
    }
  update_subtitle (self);
  g_signal_emit (self, signals[TOGGLED], 0, id, active);
}

static void
rebuild (RedressLinkRow *self)
{
  GtkWidget *child;
  const char *group = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  g_hash_table_remove_all (self->checks);

  for (guint i = 0; i < self->items->len; i++)
    {
      LinkItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *check;

      if (item->group != NULL && g_strcmp0 (item->group, group) != 0)
        {
          GtkWidget *heading = gtk_label_new (item->group);

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, i > 0 ? 6 : 0);
          gtk_box_append (self->items_box, heading);
          group = item->group;
        }

      check = gtk_check_button_new_with_label (item->label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->linked);
      g_object_set_data_full (G_OBJECT (check), "link-id", g_strdup (item->id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_box_append (self->items_box, check);
      g_hash_table_insert (self->checks, g_strdup (item->id), check);
    }
}

static void
redress_link_row_dispose (GObject *object)
{
  RedressLinkRow *self = (RedressLinkRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_LINK_ROW);

  G_OBJECT_CLASS (redress_link_row_parent_class)->dispose (object);
}

static void
redress_link_row_finalize (GObject *object)
{
  RedressLinkRow *self = (RedressLinkRow *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->incoming, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_free (self->none_text);
  g_free (self->nothing_to_link);

  G_OBJECT_CLASS (redress_link_row_parent_class)->finalize (object);
}

static void
redress_link_row_class_init (RedressLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_link_row_dispose;
  object_class->finalize = redress_link_row_finalize;

  /**
   * RedressLinkRow::toggled:
   * @id: the item
   * @linked: whether the user linked or unlinked it
   */
  signals[TOGGLED] =
    g_signal_new ("toggled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-link-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressLinkRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RedressLinkRow, popover);
  gtk_widget_class_bind_template_child (widget_class, RedressLinkRow, items_box);
}

static void
redress_link_row_init (RedressLinkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func (link_item_free);
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * redress_link_row_new:
 * @title: what the row links to, e.g. "Supporting facts"
 * @none_text: the subtitle when nothing is linked yet
 * @nothing_to_link: the subtitle when there is nothing to choose from
 */
GtkWidget *
redress_link_row_new (const char *title,
                      const char *none_text,
                      const char *nothing_to_link)
{
  RedressLinkRow *self = g_object_new (REDRESS_TYPE_LINK_ROW, NULL);
  g_autofree char *button_label = g_strdup_printf (_("Choose: %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  self->none_text = g_strdup (none_text);
  self->nothing_to_link = g_strdup (nothing_to_link);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  update_subtitle (self);

  return GTK_WIDGET (self);
}

/* Starts a new list of items; the shown one stays until _end(). */
void
redress_link_row_begin (RedressLinkRow *self)
{
  g_return_if_fail (REDRESS_IS_LINK_ROW (self));

  g_clear_pointer (&self->incoming, g_ptr_array_unref);
  self->incoming = g_ptr_array_new_with_free_func (link_item_free);
}

/* @group: (nullable): a heading shown above the items of one kind */
void
redress_link_row_add (RedressLinkRow *self,
                      const char     *group,
                      const char     *id,
                      const char     *label,
                      gboolean        linked)
{
  LinkItem *item;

  g_return_if_fail (REDRESS_IS_LINK_ROW (self));
  g_return_if_fail (self->incoming != NULL);
  g_return_if_fail (id != NULL);

  item = g_new0 (LinkItem, 1);
  item->group = g_strdup (group);
  item->id = g_strdup (id);
  item->label = g_strdup (label != NULL ? label : "");
  item->linked = linked;
  g_ptr_array_add (self->incoming, item);
}

void
redress_link_row_end (RedressLinkRow *self)
{
  gboolean same;

  g_return_if_fail (REDRESS_IS_LINK_ROW (self));
  g_return_if_fail (self->incoming != NULL);

  same = self->incoming->len == self->items->len;
  for (guint i = 0; same && i < self->items->len; i++)
    {
      LinkItem *a = g_ptr_array_index (self->items, i);
      LinkItem *b = g_ptr_array_index (self->incoming, i);

      same = g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->label, b->label) == 0 &&
             g_strcmp0 (a->group, b->group) == 0;
    }

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&self->incoming);

  if (same)
    {
      /* Only the states: an open menu keeps its focus. */
      self->updating = TRUE;
      for (guint i = 0; i < self->items->len; i++)
        {
          LinkItem *item = g_ptr_array_index (self->items, i);
          GtkCheckButton *check = g_hash_table_lookup (self->checks, item->id);

          if (check != NULL && gtk_check_button_get_active (check) != item->linked)
            gtk_check_button_set_active (check, item->linked);
        }
      self->updating = FALSE;
    }
  else
    rebuild (self);

  update_subtitle (self);
}

gboolean
redress_link_row_is_linked (RedressLinkRow *self,
                            const char     *id)
{
  g_return_val_if_fail (REDRESS_IS_LINK_ROW (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      LinkItem *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->id, id) == 0)
        return item->linked;
    }
  return FALSE;
}

guint
redress_link_row_get_n_linked (RedressLinkRow *self)
{
  guint n = 0;

  g_return_val_if_fail (REDRESS_IS_LINK_ROW (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    n += ((LinkItem *) g_ptr_array_index (self->items, i))->linked ? 1 : 0;
  return n;
}

/* The menu button: where the focus goes to change the links. */
GtkWidget *
redress_link_row_get_button (RedressLinkRow *self)
{
  g_return_val_if_fail (REDRESS_IS_LINK_ROW (self), NULL);

  return GTK_WIDGET (self->menu_button);
}

/* Toggles @id's check button as a click would (for tests and keyboard paths). */
void
redress_link_row_toggle (RedressLinkRow *self,
                         const char     *id,
                         gboolean        linked)
{
  GtkCheckButton *check;

  g_return_if_fail (REDRESS_IS_LINK_ROW (self));

  check = g_hash_table_lookup (self->checks, id);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, linked);
}
