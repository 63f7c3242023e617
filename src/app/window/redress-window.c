/* redress-window.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a sidebar (search, filters, pages) and a content pane (the
 * docket, an open case, or another page) in an AdwLeaflet that folds on
 * narrow screens.
 */

#define G_LOG_DOMAIN "redress-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-case.h"
#include "redress-case-list.h"
#include "redress-case-page.h"
#include "redress-composer-page.h"
#include "redress-deadlines-page.h"
#include "redress-enums.h"
#include "redress-l10n.h"
#include "redress-lifecycle.h"
#include "redress-reference.h"
#include "redress-search.h"
#include "redress-util.h"
#include "redress-l10n.h"
#include "redress-window.h"
#include "redress-window-private.h"

struct _RedressWindow
{
  AdwApplicationWindow  parent_instance;

  RedressDocket        *docket;
  RedressDatabase      *database;      /* the docket's connection */
  GSettings            *settings;
  RedressCaseList      *case_list;
  RedressReference     *reference;
  GtkWidget            *case_page;
  GtkWidget            *deadlines_page;
  GtkWidget            *composer_page;
  char                 *today;
  GPtrArray            *stage_codes;
  GPtrArray            *state_codes;
  int                   probed_column;

  GCancellable         *search_cancellable;
  guint                 search_source;
  guint                 search_generation;
  GListModel           *search_hits;
  char                 *open_case_id;
  /* Asked for before the docket had finished opening (a reminder or a
   * desktop action that started Redress): done once it has. */
  char                 *pending_case_id;
  char                 *pending_action;
  RedressCase          *open_case;     /* its title and reference head the content */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  AdwWindowTitle       *content_title;
  GtkSearchEntry       *search_entry;
  GtkListBox           *pages_list;
  GtkWidget            *filters_box;
  AdwComboRow          *kind_row;
  AdwComboRow          *stage_row;
  AdwComboRow          *state_row;
  GtkSwitch            *overdue_switch;
  GtkSwitch            *no_deadline_switch;
  GtkWidget            *back_button;
  GtkWidget            *search_button;
  GtkWidget            *new_case_button;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkButton            *banner_button;

  /* The lock (Ctrl+L, idle time, session lock). */
  GtkWidget            *locked_content;  /* the window's content while locked, a reference */
  GtkWidget            *lock_page;
  GtkWidget            *lock_entry;
  GtkWidget            *lock_error;
  char                 *unlocked_title;
  gint64                last_activity;
  guint                 idle_check_id;
  guint                 screensaver_sub;
  guint                 logind_sub;
  GDBusConnection      *session_bus;
  GDBusConnection      *system_bus;
  GtkStack             *content_stack;
  GtkStack             *docket_stack;
  GtkColumnView        *case_view;
  GtkListView          *search_view;
  AdwStatusPage        *closed_page;
};

G_DEFINE_FINAL_TYPE (RedressWindow, redress_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_count (RedressWindow *self);

typedef enum
{
  COLUMN_REFERENCE,
  COLUMN_TITLE,
  COLUMN_STATE,
  COLUMN_KIND,
  COLUMN_STAGE,
  COLUMN_DEADLINE,
  COLUMN_UPDATED,
  N_COLUMNS
} Column;

/* Pages in the sidebar --------------------------------------------------- */

static GtkWidget *
create_page_row (const char *name,
                 const char *title,
                 const char *icon_name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return row;
}

/**
 * redress_window_add_page:
 * @name: the page's name, unique in the window
 * @title: the title shown in the sidebar and the header bar
 * @icon_name: a symbolic icon for the sidebar
 * @page: (transfer floating): the page widget
 *
 * Adds a page to the content pane and a row for it to the sidebar.  The
 * docket, the deadlines and the evidence pages are all added this way.
 */
void
redress_window_add_page (RedressWindow *self,
                         const char    *name,
                         const char    *title,
                         const char    *icon_name,
                         GtkWidget     *page)
{
  GtkStackPage *stack_page;

  g_return_if_fail (REDRESS_IS_WINDOW (self));
  g_return_if_fail (name != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (gtk_stack_get_child_by_name (self->content_stack, name) == NULL);

  stack_page = gtk_stack_add_titled (self->content_stack, page, name, title);
  gtk_stack_page_set_icon_name (stack_page, icon_name);
  gtk_list_box_append (self->pages_list, create_page_row (name, title, icon_name));
}

static void
update_header (RedressWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean case_open = g_strcmp0 (page, "case") == 0;
  gboolean on_docket = g_strcmp0 (page, "docket") == 0;
  GtkStackPage *stack_page;

  gtk_widget_set_visible (self->back_button, folded || case_open);
  gtk_widget_set_visible (self->search_button, folded && on_docket);
  /* The filters narrow the docket; other pages have their own. */
  gtk_widget_set_visible (self->filters_box, on_docket || case_open);

  stack_page = gtk_stack_get_page (self->content_stack,
                                   gtk_stack_get_visible_child (self->content_stack));
  if (!case_open && stack_page != NULL)
    {
      adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (stack_page));
      adw_window_title_set_subtitle (self->content_title, NULL);
      if (on_docket)
        update_count (self);
    }
}

static void
leaflet_folded_cb (RedressWindow *self)
{
  GListModel *view_columns = gtk_column_view_get_columns (self->case_view);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* On a narrow screen the docket keeps what identifies a case and what is
   * urgent; the rest is one tap away in the case itself. */
  for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);

      gtk_column_view_column_set_visible (column,
                                          !folded ||
                                          i == COLUMN_REFERENCE ||
                                          i == COLUMN_TITLE ||
                                          i == COLUMN_DEADLINE);
    }

  update_header (self);
}

static void
content_page_changed_cb (RedressWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (page, "deadlines") == 0 &&
      redress_deadlines_page_get_database (REDRESS_DEADLINES_PAGE (self->deadlines_page)) != self->database)
    redress_deadlines_page_set_database (REDRESS_DEADLINES_PAGE (self->deadlines_page), self->database);

  /* Keep the sidebar's selection on the page shown; an open case belongs to
   * the docket. */
  if (g_strcmp0 (page, "case") == 0)
    page = "docket";

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->pages_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), page) == 0)
        {
          gtk_list_box_select_row (self->pages_list, GTK_LIST_BOX_ROW (row));
          break;
        }
    }

  update_header (self);
}

void
redress_window_show_page (RedressWindow *self,
                          const char    *name)
{
  g_return_if_fail (REDRESS_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    return;

  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
page_row_activated_cb (RedressWindow *self,
                       GtkListBoxRow *row)
{
  redress_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* Toasts and banners ----------------------------------------------------- */

void
redress_window_add_toast (RedressWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (REDRESS_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_banner (RedressWindow *self)
{
  if (self->database != NULL && redress_database_get_read_only (self->database))
    {
      const char *reason = redress_database_get_read_only_reason (self->database);
      g_autofree char *text = NULL;

      /* Translators: the reason is a sentence such as "the docket file is damaged." */
      text = g_strdup_printf (_("This docket is open read-only: %s"),
                              reason != NULL ? reason : "");
      gtk_label_set_text (self->banner_label, text);
      gtk_button_set_label (self->banner_button, _("_Back Up…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), "app.backup");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->banner_button), _("Save a copy of what can still be read"));
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else if (self->database != NULL &&
           redress_database_get_key_kind (self->database) != REDRESS_DATABASE_KEY_WRAPPED)
    {
      /* Plain, or encrypted by Redress 0.1 (evidence in plaintext, no recovery key). */
      gtk_label_set_text (self->banner_label,
                          redress_database_get_key_kind (self->database) == REDRESS_DATABASE_KEY_NONE
                          ? _("This docket is not encrypted: anyone who gets the file or its evidence "
                              "folder can read every case.")
                          : _("This docket was encrypted by an older Redress: its evidence files are "
                              "not encrypted and it has no recovery key."));
      gtk_button_set_label (self->banner_button, _("_Encrypt…"));
      /* Shown with the docket, not sliding in under the pointer a moment later. */
      gtk_revealer_set_transition_duration (self->banner_revealer, 0);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner_button), "app.encrypt-docket");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->banner_button),
                                   _("Protect the docket and its evidence with a passphrase"));
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
    }
}

/* Actions ---------------------------------------------------------------- */

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RedressWindow *self = REDRESS_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "case") == 0)
    _redress_window_close_case (self);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RedressWindow *self = REDRESS_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "case") == 0)
    _redress_window_close_case (self);
  gtk_stack_set_visible_child_name (self->content_stack, "docket");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RedressWindow *self = REDRESS_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "case") == 0)
    _redress_window_close_case (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RedressWindow *self = REDRESS_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  adw_combo_row_set_selected (self->kind_row, 0);
  adw_combo_row_set_selected (self->stage_row, 0);
  adw_combo_row_set_selected (self->state_row, 0);
  gtk_switch_set_active (self->overdue_switch, FALSE);
  gtk_switch_set_active (self->no_deadline_switch, FALSE);
}

static void search_setup_cb (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             RedressWindow            *self);
static void search_bind_cb  (GtkSignalListItemFactory *factory,
                             GtkListItem              *item,
                             RedressWindow            *self);

/* The docket: a column view over RedressCaseList ------------------------- */


static const struct
{
  const char      *title;
  RedressCaseSort  sort_key;
  int              chars;
  gboolean         expand;
} columns[N_COLUMNS] = {
  [COLUMN_REFERENCE] = { N_("Our Reference"), REDRESS_CASE_SORT_REFERENCE, 15, FALSE },
  [COLUMN_TITLE]     = { N_("Title"), REDRESS_CASE_SORT_TITLE, 40, TRUE },
  [COLUMN_STATE]     = { N_("State"), REDRESS_CASE_SORT_STATE, 12, FALSE },
  [COLUMN_KIND]      = { N_("Kind"), REDRESS_CASE_SORT_KIND, 12, FALSE },
  [COLUMN_STAGE]     = { N_("Stage"), REDRESS_CASE_SORT_STAGE, 18, FALSE },
  [COLUMN_DEADLINE]  = { N_("Next Deadline"), REDRESS_CASE_SORT_NEXT_DEADLINE, 11, FALSE },
  [COLUMN_UPDATED]   = { N_("Updated"), REDRESS_CASE_SORT_UPDATED, 10, FALSE },
};

typedef struct
{
  RedressWindow *window;
  Column         column;
} ColumnData;

static char *
format_updated (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL || *timestamp == '\0')
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);

  {
    g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

    return redress_l10n_format_date_short (day);
  }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ColumnData               *data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  /* The title is what people read: it keeps room before the others do. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription),
                                 data->column == COLUMN_TITLE ? 24 : MIN (columns[data->column].chars, 8));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), columns[data->column].chars);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (inscription, columns[data->column].expand);
  if (data->column == COLUMN_REFERENCE)
    gtk_widget_add_css_class (inscription, "numeric");
  gtk_list_item_set_child (item, inscription);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ColumnData               *data)
{
  RedressWindow *self = data->window;
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  RedressCase *case_file = gtk_list_item_get_item (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;
  gboolean overdue = FALSE;

  if (case_file == NULL)
    return;

  switch (data->column)
    {
    case COLUMN_REFERENCE:
      text = redress_case_get_reference (case_file);
      break;

    case COLUMN_TITLE:
      /* "NAME v. STATE" in order, whatever script the name is in. */
      text = owned = redress_bidi_case_title (redress_case_get_title (case_file));
      break;

    case COLUMN_STATE:
      {
        const char *code = redress_case_get_state_code (case_file);
        const RedressStateRecord *state = NULL;

        if (self->reference != NULL && code != NULL && *code != '\0')
          state = redress_reference_lookup_state (self->reference, code);
        text = state != NULL ? redress_reference_get_state_name (self->reference, state, NULL) : code;
      }
      break;

    case COLUMN_KIND:
      {
        const char *kind = redress_case_get_kind (case_file);

        /* Short forms for a narrow column; the case page says it in full. */
        if (g_strcmp0 (kind, "communication") == 0)
          text = C_("case kind", "Communication");
        else if (g_strcmp0 (kind, "inquiry") == 0)
          text = C_("case kind", "Inquiry");
        else
          text = redress_case_kind_get_label (kind);
      }
      break;

    case COLUMN_STAGE:
      {
        const char *stage = redress_case_get_stage (case_file);

        text = (stage != NULL && *stage != '\0') ? redress_lifecycle_stage_label (stage) : "";
      }
      break;

    case COLUMN_DEADLINE:
      {
        const char *due = redress_case_get_next_deadline (case_file);

        overdue = due != NULL && self->today != NULL && strcmp (due, self->today) < 0;
        text = owned = due != NULL ? redress_l10n_format_date_short (due) : NULL;
      }
      break;

    case COLUMN_UPDATED:
      text = owned = format_updated (redress_record_get_updated_at (REDRESS_RECORD (case_file)));
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (inscription, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (inscription),
                               data->column == COLUMN_TITLE ? redress_case_get_title (case_file) : NULL);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (inscription), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (inscription), "error");
}

/* Which column the view sorts by.  GTK 4.8 has no public getter for it
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10), so the view's
 * sorter is asked to compare two probe objects: it consults the primary
 * column's sorter first, which records itself and answers "smaller"; the
 * view inverts that answer when the column sorts descending. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnData *data = user_data;

  if (data->window->probed_column < 0)
    data->window->probed_column = data->column;

  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (RedressWindow *self,
                        GtkSorterChange change,
                        GtkSorter     *sorter)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  if (self->case_list == NULL)
    return;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  if (self->probed_column < 0)
    return;

  g_object_set (self->case_list,
                "sort-key", columns[self->probed_column].sort_key,
                "sort-descending", order == GTK_ORDERING_LARGER,
                NULL);
}

static void
setup_docket (RedressWindow *self)
{
  GtkSorter *view_sorter;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;
      ColumnData *data = g_new0 (ColumnData, 1);

      data->window = self;
      data->column = i;
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), data);
      g_object_set_data_full (G_OBJECT (factory), "redress-column", data, g_free);

      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, data, NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_append_column (self->case_view, column);
    }

  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (search_setup_cb), self);
    g_signal_connect (factory, "bind", G_CALLBACK (search_bind_cb), self);
    gtk_list_view_set_factory (self->search_view, factory);
  }

  view_sorter = gtk_column_view_get_sorter (self->case_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (view_sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static GtkColumnViewColumn *
get_column (RedressWindow *self,
            Column         index)
{
  g_autoptr(GtkColumnViewColumn) column =
    g_list_model_get_item (gtk_column_view_get_columns (self->case_view), index);

  return column;
}

static gboolean
filters_active (RedressWindow *self)
{
  return adw_combo_row_get_selected (self->kind_row) > 0 ||
         adw_combo_row_get_selected (self->stage_row) > 0 ||
         adw_combo_row_get_selected (self->state_row) > 0 ||
         gtk_switch_get_active (self->overdue_switch) ||
         gtk_switch_get_active (self->no_deadline_switch);
}

/* "50 cases" under the title of the docket. */
static void
update_count (RedressWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = NULL;
  guint n;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "docket") != 0)
    return;

  if (self->case_list == NULL || redress_case_list_get_loading (self->case_list))
    {
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }

  if (query != NULL && *query != '\0' && self->search_hits != NULL)
    {
      n = g_list_model_get_n_items (self->search_hits);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);
    }
  else
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->case_list));
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", n), n);
    }
  adw_window_title_set_subtitle (self->content_title, text);
}

static void
update_docket_view (RedressWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *page;

  if (self->database == NULL)
    page = "closed";
  else if (query != NULL && *query != '\0' && self->search_hits != NULL)
    page = g_list_model_get_n_items (self->search_hits) > 0 ? "search" : "no-results";
  else if (query != NULL && *query != '\0')
    page = gtk_stack_get_visible_child_name (self->docket_stack);   /* wait for the hits */
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->case_list)) > 0 ||
           redress_case_list_get_loading (self->case_list))
    page = "list";
  else if (filters_active (self))
    page = "no-results";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->docket_stack, page);
  /* Search looks at every case; the filters apply to the list only. */
  gtk_widget_set_sensitive (self->filters_box,
                            self->database != NULL && (query == NULL || *query == '\0'));
  update_count (self);
}

static void
case_list_changed_cb (RedressWindow *self)
{
  update_docket_view (self);
}

static void
filter_changed_cb (RedressWindow *self)
{
  guint kind, stage, state;

  if (self->case_list == NULL)
    return;

  kind = adw_combo_row_get_selected (self->kind_row);
  stage = adw_combo_row_get_selected (self->stage_row);
  state = adw_combo_row_get_selected (self->state_row);

  redress_case_list_set_kind (self->case_list,
                              kind > 0 && kind != GTK_INVALID_LIST_POSITION
                              ? redress_case_kind_get_values ()[kind - 1] : NULL);
  redress_case_list_set_stage (self->case_list,
                               stage > 0 && stage < self->stage_codes->len
                               ? g_ptr_array_index (self->stage_codes, stage) : NULL);
  redress_case_list_set_state_code (self->case_list,
                                    state > 0 && state < self->state_codes->len
                                    ? g_ptr_array_index (self->state_codes, state) : NULL);
  redress_case_list_set_overdue_only (self->case_list, gtk_switch_get_active (self->overdue_switch));
  redress_case_list_set_without_deadline (self->case_list,
                                          gtk_switch_get_active (self->no_deadline_switch));
  update_docket_view (self);
}

static void
populate_filters (RedressWindow *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  RedressLifecycle *lifecycle = redress_lifecycle_get_default ();
  static const char *procedures[] = { "communication", "inquiry" };

  g_ptr_array_set_size (self->stage_codes, 0);
  g_ptr_array_set_size (self->state_codes, 0);

  /* Position 0 of each list is "any". */
  gtk_string_list_append (stages, _("All"));
  g_ptr_array_add (self->stage_codes, NULL);
  for (guint p = 0; p < G_N_ELEMENTS (procedures); p++)
    {
      g_auto(GStrv) codes = redress_lifecycle_list_stages (lifecycle, procedures[p]);

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        {
          gboolean seen = FALSE;

          for (guint j = 1; j < self->stage_codes->len; j++)
            seen |= g_str_equal (g_ptr_array_index (self->stage_codes, j), codes[i]);
          if (seen)
            continue;
          g_ptr_array_add (self->stage_codes, g_strdup (codes[i]));
          gtk_string_list_append (stages, redress_lifecycle_stage_label (codes[i]));
        }
    }

  gtk_string_list_append (states, _("All"));
  g_ptr_array_add (self->state_codes, NULL);
  if (self->reference != NULL)
    {
      g_autoptr(GPtrArray) sorted = redress_reference_dup_states_sorted (self->reference, NULL);

      for (guint i = 0; i < sorted->len; i++)
        {
          const RedressStateRecord *state = g_ptr_array_index (sorted, i);

          g_ptr_array_add (self->state_codes, g_strdup (state->code));
          gtk_string_list_append (states, redress_reference_get_state_name (self->reference, state, NULL));
        }
    }

  g_signal_handlers_block_by_func (self->stage_row, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->state_row, filter_changed_cb, self);
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  adw_combo_row_set_model (self->state_row, G_LIST_MODEL (states));
  g_signal_handlers_unblock_by_func (self->stage_row, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->state_row, filter_changed_cb, self);
}

/* Search as you type ----------------------------------------------------- */

typedef struct
{
  RedressWindow *self;
  guint          generation;
} SearchRequest;

static void
search_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autofree SearchRequest *request = user_data;
  g_autoptr(RedressWindow) self = request->self;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = redress_search_finish (REDRESS_DATABASE (object), result, &error);

  /* A newer search (or a closed docket) made this one pointless. */
  if (request->generation != self->search_generation ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (hits == NULL)
    {
      g_autoptr(GListStore) none = g_list_store_new (REDRESS_TYPE_SEARCH_HIT);

      /* A query FTS5 cannot parse is an ordinary "no results" for the user. */
      g_debug ("Search failed: %s", error->message);
      hits = G_LIST_MODEL (g_steal_pointer (&none));
    }

  g_set_object (&self->search_hits, hits);
  gtk_list_view_set_model (self->search_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (hits))));
  update_docket_view (self);
}

static gboolean
run_search_cb (gpointer user_data)
{
  RedressWindow *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  SearchRequest *request;

  self->search_source = 0;

  if (self->database == NULL || query == NULL || *query == '\0')
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  request = g_new0 (SearchRequest, 1);
  request->self = g_object_ref (self);
  request->generation = self->search_generation;
  redress_search_async (self->database, query, 500, self->search_cancellable,
                        search_ready_cb, request);

  return G_SOURCE_REMOVE;
}

static void
restart_search (RedressWindow *self,
                guint          delay_ms)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->search_generation++;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_handle_id (&self->search_source, g_source_remove);

  if (query == NULL || *query == '\0')
    {
      g_clear_object (&self->search_hits);
      update_docket_view (self);
      return;
    }

  /* Show the docket while the hits come in. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "case") == 0)
    _redress_window_close_case (self);
  gtk_stack_set_visible_child_name (self->content_stack, "docket");

  if (delay_ms == 0)
    run_search_cb (self);
  else
    self->search_source = g_timeout_add (delay_ms, run_search_cb, self);
}

static void
search_changed_cb (RedressWindow *self)
{
  /* GtkSearchEntry already waits 150 ms (its default search-delay) before
   * emitting ::search-changed, so the search starts at once. */
  restart_search (self, 0);
}

static void
search_activate_cb (RedressWindow *self)
{
  /* Enter: search now, then show the content. */
  restart_search (self, 0);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_stop_cb (RedressWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 RedressWindow            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_item_set_child (item, box);
}

static void
search_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                RedressWindow            *self)
{
  RedressSearchHit *hit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *snippet = gtk_widget_get_next_sibling (title);
  g_autofree char *heading = NULL;
  g_autofree char *markup = NULL;

  heading = g_strdup_printf ("%s — %s",
                             redress_search_hit_get_reference (hit),
                             redress_search_hit_get_title (hit));
  gtk_label_set_text (GTK_LABEL (title), heading);
  markup = redress_search_hit_dup_snippet_markup (hit);
  gtk_label_set_markup (GTK_LABEL (snippet), markup != NULL ? markup : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
}

/* Opening cases ---------------------------------------------------------- */

static void
composer_show_field_cb (RedressWindow *self,
                        const char    *case_id,
                        const char    *field_hint,
                        const char    *row_id)
{
  redress_window_open_case (self, case_id);
  if (self->case_page != NULL && field_hint != NULL)
    redress_case_page_focus_field (REDRESS_CASE_PAGE (self->case_page), field_hint);
}

static void
update_case_title (RedressWindow *self)
{
  const char *title;

  if (self->open_case == NULL)
    return;
  title = redress_case_get_title (self->open_case);
  if (title != NULL && title[0] != '\0')
    {
      /* "NAME v. STATE" keeps its order in either direction. */
      g_autofree char *isolated = redress_bidi_case_title (title);

      adw_window_title_set_title (self->content_title, isolated);
    }
  else
    adw_window_title_set_title (self->content_title, _("Untitled"));
  adw_window_title_set_subtitle (self->content_title, redress_case_get_reference (self->open_case));
}

/* The case page closed its case (deleted, or waiting for the deletion's
 * Undo): the header no longer names it. */
static void
case_page_case_cb (RedressWindow *self)
{
  if (self->case_page == NULL || self->open_case == NULL ||
      redress_case_page_get_case_id (REDRESS_CASE_PAGE (self->case_page)) != NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->open_case, self);
  g_clear_object (&self->open_case);
  adw_window_title_set_title (self->content_title, _("No Case Selected"));
  adw_window_title_set_subtitle (self->content_title, NULL);
}

void
redress_window_open_case (RedressWindow *self,
                          const char    *case_id)
{
  g_return_if_fail (REDRESS_IS_WINDOW (self));
  g_return_if_fail (case_id != NULL);

  if (self->database == NULL || self->case_page == NULL)
    {
      g_free (self->pending_case_id);
      self->pending_case_id = g_strdup (case_id);
      return;
    }

  g_free (self->open_case_id);
  self->open_case_id = g_strdup (case_id);
  redress_case_page_set_case (REDRESS_CASE_PAGE (self->case_page), case_id);
  redress_composer_page_set_case (REDRESS_COMPOSER_PAGE (self->composer_page), case_id);

  if (self->open_case != NULL)
    g_signal_handlers_disconnect_by_data (self->open_case, self);
  g_clear_object (&self->open_case);
  self->open_case = redress_record_load (self->database, REDRESS_TYPE_CASE, case_id, NULL);
  if (self->open_case != NULL)
    {
      /* A rename in the case page shows in the header at once. */
      g_signal_connect_object (self->open_case, "notify::title", G_CALLBACK (update_case_title), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->open_case, "notify::reference", G_CALLBACK (update_case_title), self,
                               G_CONNECT_SWAPPED);
      update_case_title (self);
    }

  gtk_stack_set_visible_child_name (self->content_stack, "case");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
_redress_window_close_case (RedressWindow *self)
{
  g_clear_pointer (&self->open_case_id, g_free);
  if (self->case_page != NULL)
    redress_case_page_set_case (REDRESS_CASE_PAGE (self->case_page), NULL);
  if (self->open_case != NULL)
    g_signal_handlers_disconnect_by_data (self->open_case, self);
  g_clear_object (&self->open_case);
  adw_window_title_set_subtitle (self->content_title, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "docket");
}

static void
case_view_activate_cb (RedressWindow *self,
                       guint          position)
{
  g_autoptr(RedressCase) case_file = NULL;

  case_file = g_list_model_get_item (G_LIST_MODEL (self->case_list), position);
  if (case_file != NULL)
    redress_window_open_case (self, redress_record_get_id (REDRESS_RECORD (case_file)));
}

static void
search_view_activate_cb (RedressWindow *self,
                         guint          position)
{
  g_autoptr(RedressSearchHit) hit = NULL;

  if (self->search_hits == NULL)
    return;

  hit = g_list_model_get_item (self->search_hits, position);
  if (hit != NULL)
    redress_window_open_case (self, redress_search_hit_get_case_id (hit));
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RedressWindow *self = REDRESS_WINDOW (widget);
  gboolean inquiry = g_str_equal (action_name, "win.new-inquiry");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;

  /* A provisional reference, unique per second; the caseworker replaces it
   * with the organisation's own in the case file. */
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *reference = NULL;
      g_autoptr(RedressCase) case_file = NULL;

      /* Translators: prefixes of provisional case references. */
      reference = attempt == 0
        ? g_strdup_printf ("%s-%s", inquiry ? _("INQ") : _("COM"), stamp)
        : g_strdup_printf ("%s-%s-%u", inquiry ? _("INQ") : _("COM"), stamp, attempt + 1);
      case_file = redress_case_new (inquiry ? "inquiry" : "communication", reference);
      redress_record_set_string (REDRESS_RECORD (case_file), "stage",
                                 redress_lifecycle_initial_stage (inquiry ? "inquiry" : "communication"));

      g_clear_error (&error);
      if (redress_record_save (REDRESS_RECORD (case_file), self->database, &error))
        {
          g_autofree char *message = g_strdup_printf (inquiry ? _("Inquiry %s created")
                                                              : _("Communication %s created"),
                                                      reference);

          redress_window_add_toast (self, adw_toast_new (message));
          if (self->case_page != NULL)
            redress_window_open_case (self, redress_record_get_id (REDRESS_RECORD (case_file)));
          return;
        }

      if (!g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT))
        break;
    }

  redress_window_add_toast (self, adw_toast_new (error->message));
}

static void
set_docket (RedressWindow *self,
            RedressDocket *docket)
{
  RedressDatabase *database = docket != NULL ? redress_docket_get_database (docket) : NULL;
  g_autofree char *docket_name = NULL;
  GtkWidget *page;

  self->search_generation++;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_handle_id (&self->search_source, g_source_remove);
  g_clear_object (&self->search_hits);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "case") == 0)
    _redress_window_close_case (self);

  if (self->case_list != NULL)
    g_signal_handlers_disconnect_by_data (self->case_list, self);
  gtk_column_view_set_model (self->case_view, NULL);
  g_clear_object (&self->case_list);
  g_clear_object (&self->reference);

  /* Pages built for the previous docket go with it. */
  while ((page = gtk_stack_get_child_by_name (self->content_stack, "case")) != NULL)
    gtk_stack_remove (self->content_stack, page);
  self->case_page = NULL;

  g_set_object (&self->docket, docket);
  g_set_object (&self->database, database);
  g_clear_pointer (&self->today, g_free);
  /* The deadlines page builds one row per open deadline: it gets the docket
   * when it is first shown, so a large docket opens at once. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "deadlines") == 0 || database == NULL)
    redress_deadlines_page_set_database (REDRESS_DEADLINES_PAGE (self->deadlines_page), database);
  redress_composer_page_set_database (REDRESS_COMPOSER_PAGE (self->composer_page), database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-communication",
                                 database != NULL && !redress_database_get_read_only (database));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-inquiry",
                                 database != NULL && !redress_database_get_read_only (database));
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), database != NULL);

  if (database == NULL)
    {
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Redress"));
      update_banner (self);
      update_docket_view (self);
      return;
    }

  self->today = redress_iso_date_today ();
  /* Loaded once by the docket (the bundled names when its own copy is unusable). */
  self->reference = g_object_ref (redress_docket_get_reference (docket));
  populate_filters (self);

  self->case_list = redress_case_list_new (database);
  redress_case_list_set_sort_key (self->case_list, REDRESS_CASE_SORT_NEXT_DEADLINE);
  redress_case_list_set_sort_descending (self->case_list, FALSE);
  g_signal_connect_object (self->case_list, "items-changed",
                           G_CALLBACK (case_list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_list, "notify::loading",
                           G_CALLBACK (case_list_changed_cb), self, G_CONNECT_SWAPPED);
  filter_changed_cb (self);
  {
    GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->case_list)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_single_selection_set_can_unselect (selection, TRUE);
    gtk_column_view_set_model (self->case_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  gtk_column_view_sort_by_column (self->case_view, get_column (self, COLUMN_DEADLINE),
                                  GTK_SORT_ASCENDING);

  self->case_page = redress_case_page_new (database);
  gtk_stack_add_named (self->content_stack, self->case_page, "case");
  g_signal_connect_object (self->case_page, "notify::case-id", G_CALLBACK (case_page_case_cb), self,
                           G_CONNECT_SWAPPED);

  docket_name = g_path_get_basename (redress_database_get_path (database));
  if (g_str_has_suffix (docket_name, ".redress"))
    docket_name[strlen (docket_name) - strlen (".redress")] = '\0';
  adw_window_title_set_subtitle (self->sidebar_title, docket_name);
  {
    g_autofree char *title = g_strdup_printf (_("%s — Redress"), docket_name);

    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  update_banner (self);
  update_docket_view (self);

  if (self->pending_case_id != NULL)
    {
      g_autofree char *case_id = g_steal_pointer (&self->pending_case_id);

      redress_window_open_case (self, case_id);
    }
  if (self->pending_action != NULL)
    {
      g_autofree char *action = g_steal_pointer (&self->pending_action);

      gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
    }
}

/**
 * redress_window_activate_when_open:
 * @action: a window action, such as "win.new-communication"
 *
 * Activates @action now if the window shows a docket, or as soon as the
 * docket being opened is shown.
 */
void
redress_window_activate_when_open (RedressWindow *self,
                                   const char    *action)
{
  g_return_if_fail (REDRESS_IS_WINDOW (self));
  g_return_if_fail (action != NULL);

  if (self->database != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
      return;
    }
  g_free (self->pending_action);
  self->pending_action = g_strdup (action);
}

/* For the application and the tests ------------------------------------- */

/* For tests: the title above the content (the open case's). */
const char *
_redress_window_get_content_title (RedressWindow *self)
{
  return adw_window_title_get_title (self->content_title);
}

const char *
_redress_window_get_open_case_id (RedressWindow *self)
{
  return self->open_case_id;
}

RedressCaseList *
_redress_window_get_case_list (RedressWindow *self)
{
  return self->case_list;
}

GtkColumnView *
_redress_window_get_case_view (RedressWindow *self)
{
  return self->case_view;
}

GListModel *
_redress_window_get_search_hits (RedressWindow *self)
{
  return self->search_hits;
}

GtkEditable *
_redress_window_get_search_entry (RedressWindow *self)
{
  return GTK_EDITABLE (self->search_entry);
}

/* The read-only notice, or NULL when none is shown. */
const char *
_redress_window_get_notice (RedressWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;

  return gtk_label_get_text (self->banner_label);
}

const char *
_redress_window_get_docket_view (RedressWindow *self)
{
  return gtk_stack_get_visible_child_name (self->docket_stack);
}


/* GObject ---------------------------------------------------------------- */

static void teardown_lock (RedressWindow *self);

static void
redress_window_dispose (GObject *object)
{
  RedressWindow *self = (RedressWindow *)object;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->search_source, g_source_remove);
  /* The template's content back in the window, so that it goes with it. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (self->locked_content != NULL)
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->locked_content);
  teardown_lock (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_WINDOW);

  g_clear_object (&self->search_hits);
  g_clear_object (&self->case_list);
  g_clear_object (&self->reference);
  g_clear_object (&self->database);
  g_clear_object (&self->docket);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->stage_codes, g_ptr_array_unref);
  g_clear_pointer (&self->state_codes, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->open_case_id, g_free);
  g_clear_pointer (&self->pending_case_id, g_free);
  g_clear_pointer (&self->pending_action, g_free);
  if (self->open_case != NULL)
    g_signal_handlers_disconnect_by_data (self->open_case, self);
  g_clear_object (&self->open_case);

  G_OBJECT_CLASS (redress_window_parent_class)->dispose (object);
}

/* The lock ---------------------------------------------------------------- */

static void
lock_unlock_cb (RedressWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->lock_entry));

  if (!redress_window_unlock (self, text, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->lock_error), error->message);
      gtk_widget_set_visible (self->lock_error, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->lock_entry), "");
      gtk_widget_grab_focus (self->lock_entry);
    }
}

static GtkWidget *
build_lock_page (RedressWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Unlock"));

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Redress"), NULL));
  gtk_box_append (GTK_BOX (toolbar), header);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-lock-screen-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Docket Locked"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Enter the docket's passphrase to go on where you were."));
  gtk_widget_set_vexpand (status, TRUE);
  self->lock_entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->lock_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  g_signal_connect_swapped (self->lock_entry, "activate", G_CALLBACK (lock_unlock_cb), self);
  self->lock_error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->lock_error), TRUE);
  gtk_widget_add_css_class (self->lock_error, "error");
  gtk_widget_set_visible (self->lock_error, FALSE);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (lock_unlock_cb), self);
  gtk_widget_set_size_request (box, 300, -1);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), self->lock_entry);
  gtk_box_append (GTK_BOX (box), self->lock_error);
  gtk_box_append (GTK_BOX (box), button);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), box);
  gtk_box_append (GTK_BOX (toolbar), status);
  return toolbar;
}

static void
empty_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_text (GTK_LABEL (widget), "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    empty_labels (child);
}

gboolean
redress_window_get_locked (RedressWindow *self)
{
  g_return_val_if_fail (REDRESS_IS_WINDOW (self), FALSE);

  return self->locked_content != NULL;
}

/**
 * redress_window_lock:
 *
 * Hides everything of the docket behind a lock page (the content is kept,
 * unsaved text included, but out of the window) and takes the docket's name
 * out of the window title.  Only an open docket locks.
 */
void
redress_window_lock (RedressWindow *self)
{
  g_return_if_fail (REDRESS_IS_WINDOW (self));

  if (self->locked_content != NULL || self->database == NULL)
    return;
  /* Dialogs of the window may show case data too. */
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      gtk_widget_set_visible (l->data, FALSE);
  self->locked_content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  /* A tooltip last shown (a case's title) stays in its hidden window: empty it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkTooltipWindow"))
      empty_labels (child);
  self->unlocked_title = g_strdup (gtk_window_get_title (GTK_WINDOW (self)));
  if (self->lock_page == NULL)
    self->lock_page = g_object_ref_sink (build_lock_page (self));
  gtk_label_set_text (GTK_LABEL (self->lock_error), "");
  gtk_widget_set_visible (self->lock_error, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->lock_entry), "");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->lock_page);
  gtk_window_set_title (GTK_WINDOW (self), _("Redress — Locked"));
  gtk_widget_grab_focus (self->lock_entry);
}

/**
 * redress_window_unlock:
 * @passphrase: (nullable): the docket's passphrase (ignored for a plain docket)
 *
 * Returns: %TRUE when the window shows the docket again, as it was.
 */
gboolean
redress_window_unlock (RedressWindow  *self,
                       const char     *passphrase,
                       GError        **error)
{
  g_return_val_if_fail (REDRESS_IS_WINDOW (self), FALSE);

  if (self->locked_content == NULL)
    return TRUE;
  if (self->database != NULL && redress_database_get_encrypted (self->database) &&
      !redress_database_check_passphrase (self->database, passphrase, error))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->lock_entry), "");
  /* GTK 4.8's GtkPasswordEntry leaves its focus handler on its inner text
   * widget: drop the focus before the entry leaves the window. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), self->locked_content);
  g_clear_object (&self->locked_content);
  gtk_window_set_title (GTK_WINDOW (self), self->unlocked_title);
  g_clear_pointer (&self->unlocked_title, g_free);
  self->last_activity = g_get_monotonic_time ();
  return TRUE;
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  redress_window_lock (REDRESS_WINDOW (widget));
}

static gboolean
activity_cb (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             RedressWindow            *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_KEY_PRESS || type == GDK_MOTION_NOTIFY || type == GDK_BUTTON_PRESS ||
      type == GDK_SCROLL || type == GDK_TOUCH_BEGIN)
    self->last_activity = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static gboolean
idle_check_cb (gpointer data)
{
  RedressWindow *self = data;
  int after = g_settings_get_int (self->settings, "lock-after-seconds");

  if (after > 0 && self->locked_content == NULL && self->database != NULL &&
      g_get_monotonic_time () - self->last_activity >= (gint64) after * G_USEC_PER_SEC)
    redress_window_lock (self);
  return G_SOURCE_CONTINUE;
}

/* org.gnome.ScreenSaver ActiveChanged (true), logind's Session.Lock. */
static void
session_locked_cb (GDBusConnection *connection,
                   const char      *sender,
                   const char      *path,
                   const char      *interface,
                   const char      *signal,
                   GVariant        *parameters,
                   gpointer         user_data)
{
  RedressWindow *self = user_data;

  if (g_str_equal (signal, "ActiveChanged"))
    {
      gboolean active = FALSE;

      if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
        g_variant_get (parameters, "(b)", &active);
      if (!active)
        return;
    }
  redress_window_lock (self);
}

static void
setup_lock (RedressWindow *self)
{
  GtkEventController *legacy = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (activity_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
  self->last_activity = g_get_monotonic_time ();
  self->idle_check_id = g_timeout_add_seconds (1, idle_check_cb, self);

  self->session_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (self->session_bus != NULL)
    self->screensaver_sub = g_dbus_connection_signal_subscribe (self->session_bus, NULL,
                                                                "org.gnome.ScreenSaver", "ActiveChanged",
                                                                "/org/gnome/ScreenSaver", NULL,
                                                                G_DBUS_SIGNAL_FLAGS_NONE,
                                                                session_locked_cb, self, NULL);
  /* The system bus may be missing (a container, a test): then only idle time and Ctrl+L. */
  if (g_getenv ("REDRESS_NO_SYSTEM_BUS") == NULL)
    self->system_bus = g_bus_get_sync (G_BUS_TYPE_SYSTEM, NULL, NULL);
  if (self->system_bus != NULL)
    self->logind_sub = g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                                           "org.freedesktop.login1.Session", "Lock",
                                                           NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                           session_locked_cb, self, NULL);
}

static void
teardown_lock (RedressWindow *self)
{
  g_clear_handle_id (&self->idle_check_id, g_source_remove);
  if (self->session_bus != NULL && self->screensaver_sub != 0)
    g_dbus_connection_signal_unsubscribe (self->session_bus, self->screensaver_sub);
  if (self->system_bus != NULL && self->logind_sub != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->logind_sub);
  self->screensaver_sub = self->logind_sub = 0;
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);
  g_clear_object (&self->locked_content);
  g_clear_object (&self->lock_page);
  g_clear_pointer (&self->unlocked_title, g_free);
}

static void
redress_window_class_init (RedressWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, pages_list);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, filters_box);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, stage_row);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, state_row);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, no_deadline_switch);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, new_case_button);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, docket_stack);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, search_view);
  gtk_widget_class_bind_template_child (widget_class, RedressWindow, closed_page);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.new-communication", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.new-inquiry", NULL, new_case_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-communication", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-inquiry", NULL);
}

static void
redress_window_init (RedressWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stage_codes = g_ptr_array_new_with_free_func (g_free);
  self->state_codes = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new ("io.github.redress.Redress");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  gtk_list_box_append (self->pages_list, create_page_row ("docket", _("Docket"), "view-list-symbolic"));

  /* Further pages: each is a widget that shows the docket set on it. */
  self->deadlines_page = redress_deadlines_page_new ();
  g_signal_connect_object (self->deadlines_page, "open-case",
                           G_CALLBACK (redress_window_open_case), self, G_CONNECT_SWAPPED);
  redress_window_add_page (self, "deadlines", _("Deadlines"), "alarm-symbolic", self->deadlines_page);
  /* The number of overdue deadlines beside the page's name in the sidebar. */
  gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_last_child (GTK_WIDGET (self->pages_list))))),
                  redress_deadlines_page_create_badge (REDRESS_DEADLINES_PAGE (self->deadlines_page)));
  /* The report composer; its missing items lead to the case file's fields. */
  self->composer_page = redress_composer_page_new ();
  g_signal_connect_object (self->composer_page, "show-field",
                           G_CALLBACK (composer_show_field_cb), self, G_CONNECT_SWAPPED);
  redress_window_add_page (self, "composer", _("Composer"), "document-edit-symbolic", self->composer_page);

  setup_docket (self);
  set_docket (self, NULL);
  content_page_changed_cb (self);
  setup_lock (self);
}

RedressWindow *
redress_window_new (RedressApplication *application)
{
  return g_object_new (REDRESS_TYPE_WINDOW, "application", application, NULL);
}

RedressDatabase *
redress_window_get_database (RedressWindow *self)
{
  g_return_val_if_fail (REDRESS_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * redress_window_set_database:
 * @database: (nullable): an open database, or %NULL for none
 *
 * Shows the docket of @database (redress_docket_new_for_database()).
 */
void
redress_window_set_database (RedressWindow   *self,
                             RedressDatabase *database)
{
  g_autoptr(RedressDocket) docket = NULL;

  g_return_if_fail (REDRESS_IS_WINDOW (self));
  g_return_if_fail (!database || REDRESS_IS_DATABASE (database));

  if (database != NULL)
    docket = redress_docket_new_for_database (database);
  set_docket (self, docket);
}

/**
 * redress_window_get_docket:
 *
 * Returns: (transfer none) (nullable): the docket the window shows.
 */
RedressDocket *
redress_window_get_docket (RedressWindow *self)
{
  g_return_val_if_fail (REDRESS_IS_WINDOW (self), NULL);

  return self->docket;
}

/**
 * redress_window_set_docket:
 * @docket: (nullable): an open docket, or %NULL for none
 *
 * Shows @docket: its cases, its deadlines, its composer.
 */
void
redress_window_set_docket (RedressWindow *self,
                           RedressDocket *docket)
{
  g_return_if_fail (REDRESS_IS_WINDOW (self));
  g_return_if_fail (!docket || REDRESS_IS_DOCKET (docket));

  set_docket (self, docket);
}

/**
 * redress_window_show_problem:
 * @title: a short headline ("Locked Docket")
 * @description: (nullable): what happened and what to do
 *
 * Shows that no docket could be opened in this window.
 */
void
redress_window_show_problem (RedressWindow *self,
                             const char    *title,
                             const char    *description)
{
  g_return_if_fail (REDRESS_IS_WINDOW (self));

  set_docket (self, NULL);
  adw_status_page_set_title (self->closed_page, title);
  adw_status_page_set_description (self->closed_page, description);
}
