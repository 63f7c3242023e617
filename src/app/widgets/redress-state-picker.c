/* redress-state-picker.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A searchable list of States for the respondent State of a case.  Each row
 * shows what decides whether a case can go ahead: OP3 party status and its
 * entry into force (art 1(3), arts 19-20), the CRC/OPSC/OPAC status
 * (art 1(2)) and the art 13(7) inquiry opt-out.  Emits ::state-chosen.
 */

#define G_LOG_DOMAIN "redress-state-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-l10n.h"
#include "redress-state-picker.h"

struct _RedressStatePicker
{
  AdwWindow         parent_instance;

  RedressReference *reference;
  char             *search;
  GListStore       *store;       /* (element-type StateItem) */
  GtkCustomFilter  *filter;
  GtkFilterListModel *filtered;

  /* Template children */
  GtkSearchEntry   *search_entry;
  GtkListView      *list_view;
  GtkLabel         *as_of_label;
  GtkStack         *stack;
};

G_DEFINE_FINAL_TYPE (RedressStatePicker, redress_state_picker, ADW_TYPE_WINDOW)

enum {
  STATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
status_label (RedressTreatyStatus status)
{
  switch (status)
    {
    case REDRESS_TREATY_STATUS_PARTY:     return _("party");
    case REDRESS_TREATY_STATUS_SIGNATORY: return _("signatory");
    case REDRESS_TREATY_STATUS_NONE:      return _("not a party");
    case REDRESS_TREATY_STATUS_UNKNOWN:
    default:                              return _("unknown");
    }
}

char *
redress_state_describe_op3 (const RedressStateRecord *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  if (state->status[REDRESS_TREATY_OP3] == REDRESS_TREATY_STATUS_PARTY)
    {
      if (state->op3_eif != NULL && state->op3_eif[0] != '\0')
        {
          g_autofree char *since = redress_l10n_format_date (state->op3_eif);

          /* Translators: OP3 = the Optional Protocol on a communications procedure */
          return g_strdup_printf (_("OP3 party, in force since %s"), since);
        }
      if (state->op3_eif_earliest != NULL && state->op3_eif_latest != NULL)
        {
          g_autofree char *earliest = redress_l10n_format_date (state->op3_eif_earliest);
          g_autofree char *latest = redress_l10n_format_date (state->op3_eif_latest);

          return g_strdup_printf (_("OP3 party, in force between %s and %s"), earliest, latest);
        }
      return g_strdup (_("OP3 party, entry into force not known"));
    }

  return g_strdup_printf (_("OP3: %s — no communication can be brought, art 1(3)"),
                          status_label (state->status[REDRESS_TREATY_OP3]));
}

char *
redress_state_describe_treaties (const RedressStateRecord *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  return g_strdup_printf (_("CRC: %s · OPSC: %s · OPAC: %s"),
                          status_label (state->status[REDRESS_TREATY_CRC]),
                          status_label (state->status[REDRESS_TREATY_OPSC]),
                          status_label (state->status[REDRESS_TREATY_OPAC]));
}

char *
redress_state_describe_optout (const RedressStateRecord *state)
{
  g_return_val_if_fail (state != NULL, NULL);

  if (g_strcmp0 (state->art13_optout, "yes") == 0)
    return g_strdup (_("Opted out of inquiries, art 13(7)"));
  if (g_strcmp0 (state->art13_optout, "no") == 0)
    return g_strdup (_("No opt-out: inquiries possible, art 13(7)"));
  return g_strdup (_("Opt-out not verified, art 13(7)"));
}

/* One State of the list.  Rows are made only for what is on screen (a
 * GtkListView), so the picker opens at once. */
#define STATE_TYPE_ITEM (state_item_get_type ())
G_DECLARE_FINAL_TYPE (StateItem, state_item, STATE, ITEM, GObject)

struct _StateItem
{
  GObject                   parent_instance;
  const RedressStateRecord *state;     /* owned by the picker's reference */
  char                     *name;
  char                     *haystack;  /* folded names and code */
  gboolean                  current;
};

G_DEFINE_FINAL_TYPE (StateItem, state_item, G_TYPE_OBJECT)

static void
state_item_finalize (GObject *object)
{
  StateItem *self = STATE_ITEM (object);

  g_free (self->name);
  g_free (self->haystack);
  G_OBJECT_CLASS (state_item_parent_class)->finalize (object);
}

static void
state_item_class_init (StateItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = state_item_finalize;
}

static void
state_item_init (StateItem *self)
{
}

static void
load_states (RedressStatePicker *self,
             const char         *current_code)
{
  /* Sorted by the locale's collation of the names in the window's language. */
  g_autoptr(GPtrArray) states = redress_reference_dup_states_sorted (self->reference, NULL);

  for (guint i = 0; i < states->len; i++)
    {
      const RedressStateRecord *state = g_ptr_array_index (states, i);
      g_autoptr(StateItem) item = g_object_new (STATE_TYPE_ITEM, NULL);
      g_autofree char *names = NULL;

      item->state = state;
      item->name = g_strdup (redress_reference_get_state_name (self->reference, state, NULL));
      /* The name in the window's language, the English one and the code, with
       * case and accents folded: "etats", "United" and "US" all find the US. */
      names = g_strjoin (" ", item->name, state->name, state->code, NULL);
      item->haystack = redress_l10n_fold (names);
      item->current = g_strcmp0 (state->code, current_code) == 0;
      g_list_store_append (self->store, item);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              RedressStatePicker       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *current = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), current);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "current", current);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             RedressStatePicker       *self)
{
  StateItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = g_object_get_data (G_OBJECT (box), "icon");
  gboolean party = item->state->status[REDRESS_TREATY_OP3] == REDRESS_TREATY_STATUS_PARTY;
  g_autofree char *op3 = redress_state_describe_op3 (item->state);
  g_autofree char *treaties = redress_state_describe_treaties (item->state);
  g_autofree char *optout = redress_state_describe_optout (item->state);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s · %s", op3, treaties, optout);
  g_autofree char *label = g_strdup_printf ("%s. %s", item->name, op3);

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "title"), item->name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "current"), item->current);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), party ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, party ? "warning" : "success");
  gtk_widget_add_css_class (icon, party ? "success" : "warning");
  gtk_widget_set_tooltip_text (icon, op3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  RedressStatePicker *self = user_data;
  StateItem *item = object;

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  return strstr (item->haystack, self->search) != NULL;
}

static void
update_empty (RedressStatePicker *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    redress_state_picker_get_n_visible (self) > 0 ? "list" : "empty");
}

static void
search_changed_cb (RedressStatePicker *self,
                   GtkSearchEntry     *entry)
{
  redress_state_picker_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
choose_item (RedressStatePicker *self,
             StateItem          *item)
{
  g_signal_emit (self, signals[STATE_CHOSEN], 0, item->state->code);
  gtk_window_close (GTK_WINDOW (self));
}

static void
row_activated_cb (RedressStatePicker *self,
                  guint               position,
                  GtkListView        *list_view)
{
  g_autoptr(StateItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    choose_item (self, item);
}

/* Enter in the search field picks the first match of what is typed now
 * (the search may not have caught up with the last keystroke yet), and
 * nothing when nothing matches. */
static void
search_activate_cb (RedressStatePicker *self,
                    GtkSearchEntry     *entry)
{
  g_autoptr(StateItem) item = NULL;

  redress_state_picker_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  if (item != NULL)
    choose_item (self, item);
  else
    gtk_widget_error_bell (GTK_WIDGET (entry));
}

static void
stop_search_cb (RedressStatePicker *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
redress_state_picker_dispose (GObject *object)
{
  RedressStatePicker *self = (RedressStatePicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_STATE_PICKER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_object (&self->reference);

  G_OBJECT_CLASS (redress_state_picker_parent_class)->dispose (object);
}

static void
redress_state_picker_finalize (GObject *object)
{
  RedressStatePicker *self = (RedressStatePicker *)object;

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (redress_state_picker_parent_class)->finalize (object);
}

static void
redress_state_picker_class_init (RedressStatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_state_picker_dispose;
  object_class->finalize = redress_state_picker_finalize;

  /**
   * RedressStatePicker::state-chosen:
   * @code: the ISO 3166-1 alpha-2 code of the State
   */
  signals[STATE_CHOSEN] =
    g_signal_new ("state-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-state-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressStatePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RedressStatePicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, RedressStatePicker, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, RedressStatePicker, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
redress_state_picker_init (RedressStatePicker *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (STATE_TYPE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);

  /* Typing anywhere in the picker goes to the search: nothing typed while
   * it opens is lost. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

RedressStatePicker *
redress_state_picker_new (GtkWindow        *parent,
                          RedressReference *reference,
                          const char       *current_code)
{
  RedressStatePicker *self;
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *as_of = NULL;

  g_return_val_if_fail (REDRESS_IS_REFERENCE (reference), NULL);

  self = g_object_new (REDRESS_TYPE_STATE_PICKER,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->reference = g_object_ref (reference);
  load_states (self, current_code);

  {
    g_autofree char *when = redress_l10n_format_date (redress_reference_get_data_as_of (reference));

    as_of = g_strdup_printf (_("Ratification data as of %s"),
                             redress_reference_get_data_as_of (reference) ? when : _("an unknown date"));
  }
  gtk_label_set_label (self->as_of_label, as_of);
  update_empty (self);

  return self;
}

void
redress_state_picker_set_search (RedressStatePicker *self,
                                 const char         *text)
{
  g_autofree char *search = NULL;

  g_return_if_fail (REDRESS_IS_STATE_PICKER (self));

  search = text ? redress_l10n_fold (text) : NULL;
  if (g_strcmp0 (search, self->search) == 0)
    return;
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

guint
redress_state_picker_get_n_visible (RedressStatePicker *self)
{
  g_return_val_if_fail (REDRESS_IS_STATE_PICKER (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/* Chooses @code as if its row had been activated; FALSE if no such State. */
gboolean
redress_state_picker_choose (RedressStatePicker *self,
                             const char         *code)
{
  g_return_val_if_fail (REDRESS_IS_STATE_PICKER (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr(StateItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (item->state->code, code) == 0)
        {
          choose_item (self, item);
          return TRUE;
        }
    }
  return FALSE;
}

/* For tests: the search field. */
GtkWidget *
redress_state_picker_get_search_entry (RedressStatePicker *self)
{
  g_return_val_if_fail (REDRESS_IS_STATE_PICKER (self), NULL);

  return GTK_WIDGET (self->search_entry);
}
