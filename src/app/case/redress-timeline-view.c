/* redress-timeline-view.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case's merged timeline (src/core/records/redress-timeline.c): facts, procedural
 * events, letters and dated evidence, oldest first, each with its date and
 * kind.
 */

#define G_LOG_DOMAIN "redress-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-timeline.h"
#include "redress-timeline-view.h"

struct _RedressTimelineView
{
  GtkBox           parent_instance;

  RedressDatabase *db;
  char            *case_id;
  guint            refresh_id;
  guint            n_entries;

  GtkLabel        *alert_label;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (RedressTimelineView, redress_timeline_view, GTK_TYPE_BOX)

static const char *
kind_icon (RedressTimelineKind kind)
{
  switch (kind)
    {
    case REDRESS_TIMELINE_FACT:
      return "text-x-generic-symbolic";
    case REDRESS_TIMELINE_EVENT:
      return "x-office-calendar-symbolic";
    case REDRESS_TIMELINE_LETTER:
      return "mail-unread-symbolic";
    case REDRESS_TIMELINE_EVIDENCE:
    default:
      return "mail-attachment-symbolic";
    }
}

/* All a row shows: a row whose entry has the same key is kept as it is. */
static char *
entry_key (const RedressTimelineEntry *entry)
{
  return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", entry->kind, entry->source_id,
                          entry->date ? entry->date : "", entry->end_date ? entry->end_date : "",
                          entry->title ? entry->title : "", entry->detail ? entry->detail : "");
}

static GtkWidget *
make_row (const RedressTimelineEntry *entry)
{
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *date, *icon;

  gtk_widget_set_name (row, entry->source_id);
  g_object_set_data_full (G_OBJECT (row), "entry-key", entry_key (entry), g_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title ? entry->title : "");
  if (entry->detail != NULL && *entry->detail)
    /* Translators: "Letter · From Committee" */
    subtitle = g_strdup_printf (_("%s · %s"), redress_timeline_kind_get_label (entry->kind), entry->detail);
  else
    subtitle = g_strdup (redress_timeline_kind_get_label (entry->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (entry->end_date != NULL && g_strcmp0 (entry->end_date, entry->date) != 0)
    /* Translators: a period, "2025-11-02 – 2025-12-01" */
    when = g_strdup_printf (_("%s – %s"), entry->date, entry->end_date);
  else
    when = g_strdup (entry->date);
  date = gtk_label_new (when);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_widget_add_css_class (date, "numeric");
  icon = gtk_image_new_from_icon_name (kind_icon (entry->kind));
  gtk_widget_set_tooltip_text (icon, redress_timeline_kind_get_label (entry->kind));
  /* Prefixes go in front of the earlier ones: the date comes first. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), date);
  return row;
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  guint pa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "entry-position"));
  guint pb = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "entry-position"));

  return pa < pb ? -1 : pa > pb;
}

/* Reads the timeline again; the rows of unchanged entries stay, the others
 * are made anew. */
static void
refresh (RedressTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->alert_label), FALSE);

  if (self->db != NULL && self->case_id != NULL)
    entries = redress_timeline_list (self->db, self->case_id, &error);
  if (entries == NULL)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
      self->n_entries = 0;
      if (error != NULL)
        {
          gtk_label_set_label (self->alert_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->alert_label), TRUE);
        }
      return;
    }

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "entry-key") != NULL)
      g_hash_table_insert (rows, g_object_get_data (G_OBJECT (child), "entry-key"), child);

  for (guint i = 0; i < entries->len; i++)
    {
      const RedressTimelineEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *key = entry_key (entry);
      GtkWidget *row = g_hash_table_lookup (rows, key);

      if (row != NULL)
        g_hash_table_remove (rows, key);
      else
        {
          row = make_row (entry);
          gtk_list_box_append (self->list, row);
        }
      g_object_set_data (G_OBJECT (row), "entry-position", GUINT_TO_POINTER (i + 1));
    }

  /* What is left went away or changed. */
  {
    GHashTableIter iter;
    gpointer row;

    g_hash_table_iter_init (&iter, rows);
    while (g_hash_table_iter_next (&iter, NULL, &row))
      gtk_list_box_remove (self->list, row);
  }
  gtk_list_box_invalidate_sort (self->list);
  self->n_entries = entries->len;
}

static gboolean
refresh_idle_cb (gpointer data)
{
  RedressTimelineView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
db_changed_cb (RedressTimelineView *self,
               const char          *table)
{
  static const char * const tables[] = {
    "fact", "procedural_event", "correspondence", "evidence_item",
  };

  if (self->refresh_id != 0 || table == NULL || !g_strv_contains (tables, table))
    return;
  self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
redress_timeline_view_dispose (GObject *object)
{
  RedressTimelineView *self = (RedressTimelineView *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_TIMELINE_VIEW);

  G_OBJECT_CLASS (redress_timeline_view_parent_class)->dispose (object);
}

static void
redress_timeline_view_finalize (GObject *object)
{
  RedressTimelineView *self = (RedressTimelineView *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->case_id, g_free);

  G_OBJECT_CLASS (redress_timeline_view_parent_class)->finalize (object);
}

static void
redress_timeline_view_class_init (RedressTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_timeline_view_dispose;
  object_class->finalize = redress_timeline_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressTimelineView, alert_label);
  gtk_widget_class_bind_template_child (widget_class, RedressTimelineView, list);
}

static void
redress_timeline_view_init (RedressTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_sort_func (self->list, sort_rows, NULL, NULL);
}

GtkWidget *
redress_timeline_view_new (RedressDatabase *db)
{
  RedressTimelineView *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  self = g_object_new (REDRESS_TYPE_TIMELINE_VIEW, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed", G_CALLBACK (db_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * redress_timeline_view_set_case:
 * @case_id: (nullable): the case whose timeline to show
 */
void
redress_timeline_view_set_case (RedressTimelineView *self,
                                const char          *case_id)
{
  g_return_if_fail (REDRESS_IS_TIMELINE_VIEW (self));

  g_free (self->case_id);
  self->case_id = g_strdup (case_id);
  refresh (self);
}

guint
redress_timeline_view_get_n_entries (RedressTimelineView *self)
{
  g_return_val_if_fail (REDRESS_IS_TIMELINE_VIEW (self), 0);

  return self->n_entries;
}
