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

  /* Template children */
  GtkSearchEntry   *search_entry;
  GtkListBox       *list_box;
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

static GtkWidget *
create_row (RedressStatePicker       *self,
            const RedressStateRecord *state)
{
  g_autofree char *op3 = redress_state_describe_op3 (state);
  g_autofree char *treaties = redress_state_describe_treaties (state);
  g_autofree char *optout = redress_state_describe_optout (state);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s · %s", op3, treaties, optout);
  const char *name = redress_reference_get_state_name (self->reference, state, NULL);
  g_autofree char *names = g_strjoin (" ", name, state->name, state->code, NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (state->status[REDRESS_TREATY_OP3] == REDRESS_TREATY_STATUS_PARTY)
    {
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  gtk_widget_set_tooltip_text (icon, op3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (state->code), g_free);
  /* The name in the window's language, the English one and the code, with
   * case and accents folded: "etats", "United" and "US" all find the US. */
  g_object_set_data_full (G_OBJECT (row), "haystack",
                          redress_l10n_fold (names),
                          g_free);
  return row;
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  RedressStatePicker *self = user_data;
  const char *haystack = g_object_get_data (G_OBJECT (row), "haystack");

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  return haystack != NULL && strstr (haystack, self->search) != NULL;
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
row_activated_cb (RedressStatePicker *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list_box)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  g_signal_emit (self, signals[STATE_CHOSEN], 0, code);
  gtk_window_close (GTK_WINDOW (self));
}

static void
search_activate_cb (RedressStatePicker *self,
                    GtkSearchEntry     *entry)
{
  /* Enter in the search field picks the first match. */
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        {
          row_activated_cb (self, row, self->list_box);
          return;
        }
    }
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
  gtk_widget_class_bind_template_child (widget_class, RedressStatePicker, list_box);
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
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
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
                       NULL);
  self->reference = g_object_ref (reference);

  states = redress_reference_dup_states_sorted (reference, NULL);
  for (guint i = 0; i < states->len; i++)
    {
      const RedressStateRecord *state = g_ptr_array_index (states, i);
      GtkWidget *row = create_row (self, state);

      gtk_list_box_append (self->list_box, row);
      if (g_strcmp0 (state->code, current_code) == 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("object-select-symbolic"));
    }

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
  g_return_if_fail (REDRESS_IS_STATE_PICKER (self));

  g_free (self->search);
  self->search = text ? redress_l10n_fold (text) : NULL;
  gtk_list_box_invalidate_filter (self->list_box);
  update_empty (self);
}

guint
redress_state_picker_get_n_visible (RedressStatePicker *self)
{
  guint n = 0;

  g_return_val_if_fail (REDRESS_IS_STATE_PICKER (self), 0);

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

/* Chooses @code as if its row had been activated; FALSE if no such State. */
gboolean
redress_state_picker_choose (RedressStatePicker *self,
                             const char         *code)
{
  g_return_val_if_fail (REDRESS_IS_STATE_PICKER (self), FALSE);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "code"), code) == 0)
        {
          row_activated_cb (self, row, self->list_box);
          return TRUE;
        }
    }
}
