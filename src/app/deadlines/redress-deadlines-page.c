/* redress-deadlines-page.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Deadlines page: every open deadline of the docket in Overdue, Today,
 * This week and Later, the cases with no deadline set, and a month view of
 * the same deadlines.  A row opens its case, marks the deadline done,
 * records an extension or waives it; none of these deletes anything: the
 * procedure engine keeps done and waived deadlines in the case history.
 */

#define G_LOG_DOMAIN "redress-deadlines-page"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-agenda.h"
#include "redress-l10n.h"
#include "redress-deadlines-page.h"
#include "redress-ics.h"
#include "redress-procedure.h"
#include "redress-util.h"

struct _RedressDeadlinesPage
{
  AdwBin            parent_instance;

  RedressDatabase  *database;
  GSettings        *settings;
  char             *today_override;
  char             *today;
  GListModel       *items;
  GListModel       *cases;
  GHashTable       *by_id;          /* deadline id -> RedressAgendaItem */
  GStrv             state_codes;    /* index in state_dropdown - 1 -> code */
  guint             counts[REDRESS_AGENDA_N_GROUPS];
  guint             overdue_count;
  guint             midnight_id;
  guint             reload_id;
  guint             month_id;
  gboolean          stale;          /* a case changed while the page was hidden */
  gboolean          updating_states;

  GtkDropDown      *who_dropdown;
  GtkDropDown      *state_dropdown;
  GtkStringList    *state_list;
  GtkBox           *groups_box;
  GtkStack         *list_stack;
  GtkStack         *view_stack;
  AdwStatusPage    *empty_page;
  GtkCalendar      *calendar;
  GtkLabel         *day_label;
  GtkListBox       *day_list;
};

G_DEFINE_FINAL_TYPE (RedressDeadlinesPage, redress_deadlines_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_OVERDUE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_CASE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const RedressAgendaGroup shown_groups[] = {
  REDRESS_AGENDA_GROUP_OVERDUE,
  REDRESS_AGENDA_GROUP_TODAY,
  REDRESS_AGENDA_GROUP_THIS_WEEK,
  REDRESS_AGENDA_GROUP_LATER,
  REDRESS_AGENDA_GROUP_NO_DATE,
};

/* Messages ------------------------------------------------------------------ */

static void
show_message (RedressDeadlinesPage *self,
              const char           *text,
              gboolean              is_error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      /* Toast titles are Pango markup in libadwaita 1.2. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      AdwToast *toast = adw_toast_new (escaped);

      if (is_error)
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  if (!is_error)
    return;

  /* Outside a window with a toast overlay: a plain dialog. */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Deadline Was Not Changed"), text);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows ------------------------------------------------------------------- */

static char *
describe_dates (RedressAgendaItem *item)
{
  const char *due = redress_agenda_item_get_due (item);
  const char *computed = redress_agenda_item_get_computed_due (item);
  const char *letter = redress_agenda_item_get_letter_due (item);
  const char *extended = redress_agenda_item_get_extended_due (item);
  g_autofree char *due_text = NULL;
  g_autofree char *computed_text = NULL;
  g_autofree char *letter_text = NULL;
  GString *s = g_string_new (NULL);
  g_autofree char *start = redress_agenda_item_describe_start (item);

  /* OP3 art 6: measures in force are not a date to meet. */
  if (redress_agenda_item_get_in_force (item))
    {
      g_autofree char *since = redress_l10n_format_date (redress_agenda_item_get_trigger_date (item));

      g_string_append_printf (s, _("In force since %s"), since);
      return g_string_free (s, FALSE);
    }
  if (due == NULL)
    {
      g_string_append (s, _("No due date yet: enter the date in the Committee’s letter"));
      return g_string_free (s, FALSE);
    }
  due_text = redress_l10n_format_date (due);
  computed_text = computed ? redress_l10n_format_date (computed) : g_strdup (_("none"));
  letter_text = letter ? redress_l10n_format_date (letter) : g_strdup (_("none"));

  /* Translators: %s is a date ("3 December 2026") */
  g_string_append_printf (s, _("Due %s"), due_text);
  if (extended != NULL)
    g_string_append_printf (s, _(" (extended; letter %s, computed %s)"), letter_text, computed_text);
  else if (letter != NULL && computed != NULL && g_strcmp0 (letter, computed) != 0)
    g_string_append_printf (s, _(" (letter date; computed %s)"), computed_text);
  /* D01, OP3 art 7(h): both dates and the start-date caveat. */
  if (start != NULL)
    g_string_append_printf (s, "\n%s", start);
  return g_string_free (s, FALSE);
}

static GMenuModel *
create_row_menu (RedressAgendaItem *item,
                 gboolean           with_actions)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  GMenuItem *mi;
  const char *id = redress_agenda_item_get_deadline_id (item);
  const char *case_id = redress_agenda_item_get_case_id (item);

  mi = g_menu_item_new (_("_Open Case"), NULL);
  g_menu_item_set_action_and_target_value (mi, "deadlines.open-case", g_variant_new_string (case_id));
  g_menu_append_item (section, mi);
  g_object_unref (mi);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  if (with_actions)
    {
      section = g_menu_new ();
      mi = g_menu_item_new (_("Mark _Done…"), NULL);
      g_menu_item_set_action_and_target_value (mi, "deadlines.mark-done", g_variant_new_string (id));
      g_menu_append_item (section, mi);
      g_object_unref (mi);
      mi = g_menu_item_new (_("Record _Extension…"), NULL);
      g_menu_item_set_action_and_target_value (mi, "deadlines.extend", g_variant_new_string (id));
      g_menu_append_item (section, mi);
      g_object_unref (mi);
      mi = g_menu_item_new (_("_Waive…"), NULL);
      g_menu_item_set_action_and_target_value (mi, "deadlines.waive", g_variant_new_string (id));
      g_menu_append_item (section, mi);
      g_object_unref (mi);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_object_unref (section);
    }

  section = g_menu_new ();
  mi = g_menu_item_new (_("Export This _Case to Calendar…"), NULL);
  g_menu_item_set_action_and_target_value (mi, "deadlines.export-case", g_variant_new_string (case_id));
  g_menu_append_item (section, mi);
  g_object_unref (mi);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_deadline_row (RedressDeadlinesPage *self,
                     RedressAgendaItem    *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *dates = describe_dates (item);
  g_autofree char *days = redress_agenda_item_describe_days_left (item);
  g_autoptr(GMenuModel) menu = create_row_menu (item, TRUE);
  RedressAgendaActor actor = redress_agenda_item_get_actor (item);
  const char *who = actor != REDRESS_AGENDA_ACTOR_OTHER ? redress_agenda_actor_get_label (actor)
                                                        : redress_agenda_item_get_who (item);
  const char *source = redress_agenda_item_get_legal_source (item);
  GtkWidget *label;
  GtkWidget *button;
  int n = redress_agenda_item_get_days_left (item);

  title = g_strdup_printf ("%s — %s", redress_agenda_item_get_case_reference (item),
                           redress_agenda_item_get_what (item));
  /* Translators: who must act · legal source · due date */
  subtitle = g_strdup_printf (_("%s must act · %s · %s"),
                              *who ? who : _("Someone"),
                              *source ? source : _("no legal source recorded"),
                              dates);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_tooltip_text (row, _("Open the case"));

  if (redress_agenda_item_get_urgent (item))
    {
      label = gtk_label_new (_("Urgent"));
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  label = gtk_label_new (days);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (redress_agenda_item_get_due (item) != NULL)
    {
      if (n < 0)
        gtk_widget_add_css_class (label, "error");
      else if (n <= 7)
        gtk_widget_add_css_class (label, "warning");
      else
        gtk_widget_add_css_class (label, "dim-label");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Actions on this deadline"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actions on this deadline"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "deadlines.open-case");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_string (redress_agenda_item_get_case_id (item)));
  gtk_widget_set_name (row, redress_agenda_item_get_deadline_id (item));

  return row;
}

static GtkWidget *
create_case_row (RedressAgendaCase *c)
{
  GtkWidget *row = adw_action_row_new ();
  const char *stage = redress_agenda_case_get_stage (c);
  const char *state = redress_agenda_case_get_state_code (c);
  g_autofree char *subtitle = NULL;
  GtkWidget *icon;

  subtitle = g_strdup_printf (_("Stage: %s · State: %s"),
                              stage && *stage ? stage : _("not recorded"),
                              state && *state ? state : _("not recorded"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), redress_agenda_case_get_reference (c));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "deadlines.open-case");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_string (redress_agenda_case_get_case_id (c)));
  gtk_widget_set_tooltip_text (row, _("Open the case to record its next procedural step"));
  return row;
}

#define MAX_ROWS_PER_GROUP 200

/* The last row of a group that shows only its first rows. */
static GtkWidget *
create_more_row (guint    hidden,
                 gboolean cases)
{
  g_autofree char *text = NULL;
  GtkWidget *label;
  GtkWidget *row;

  if (cases)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u more case; narrow the list with the filters",
                                         "%u more cases; narrow the list with the filters",
                                         hidden),
                            hidden);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u more deadline; narrow the list with the filters",
                                         "%u more deadlines; narrow the list with the filters",
                                         hidden),
                            hidden);

  label = gtk_label_new (text);
  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

static GtkWidget *
create_section (const char *title,
                guint       count,
                const char *css_class,
                GtkWidget **out_list)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  GtkWidget *badge = gtk_label_new (count_text);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *a11y = g_strdup_printf (ngettext ("%s: %u deadline", "%s: %u deadlines", count),
                                           title, count);

  gtk_widget_add_css_class (label, "heading");
  if (css_class != NULL && count > 0)
    gtk_widget_add_css_class (label, css_class);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (header), badge);
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), create_placeholder (_("None")));

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), list);
  *out_list = list;
  return box;
}

/* Month view --------------------------------------------------------------- */

static void
update_month (RedressDeadlinesPage *self)
{
  g_autoptr(GDateTime) selected = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = g_date_time_format (selected, "%Y-%m-%d");
  g_autofree char *month_prefix = g_date_time_format (selected, "%Y-%m-");
  g_autofree char *heading = NULL;
  g_autofree char *pretty = redress_l10n_format_date (day);
  GtkWidget *child;
  guint n_day = 0;
  guint n;

  gtk_calendar_clear_marks (self->calendar);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_list))) != NULL)
    gtk_list_box_remove (self->day_list, child);

  n = self->items ? g_list_model_get_n_items (self->items) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressAgendaItem) item = g_list_model_get_item (self->items, i);
      const char *due = redress_agenda_item_get_due (item);

      if (due == NULL)
        continue;
      if (g_str_has_prefix (due, month_prefix))
        gtk_calendar_mark_day (self->calendar, (guint) g_ascii_strtoull (due + 8, NULL, 10));
      if (g_strcmp0 (due, day) == 0)
        {
          gtk_list_box_append (self->day_list, create_deadline_row (self, item));
          n_day++;
        }
    }

  heading = g_strdup_printf (ngettext ("%s: %u deadline", "%s: %u deadlines", n_day), pretty, n_day);
  gtk_label_set_label (self->day_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->day_list), n_day > 0);
}

static gboolean
month_cb (gpointer user_data)
{
  RedressDeadlinesPage *self = user_data;

  self->month_id = 0;
  update_month (self);
  return G_SOURCE_REMOVE;
}

/* GtkCalendar notifies the new month before it renumbers its grid: mark the
 * days once it is done. */
static void
queue_month_update (RedressDeadlinesPage *self)
{
  if (self->month_id == 0)
    self->month_id = g_idle_add (month_cb, self);
}

/* Loading ------------------------------------------------------------------- */

static void
set_overdue_count (RedressDeadlinesPage *self,
                   guint                 count)
{
  if (self->overdue_count == count)
    return;
  self->overdue_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_COUNT]);
}

static void
update_state_filter (RedressDeadlinesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_autofree char *current = NULL;
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);
  guint new_selected = 0;
  guint n_old;

  if (self->state_codes != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= g_strv_length (self->state_codes))
    current = g_strdup (self->state_codes[selected - 1]);

  if (self->database != NULL)
    {
      codes = redress_agenda_list_state_codes (self->database, &error);
      if (codes == NULL)
        g_warning ("%s", error->message);
    }
  if (codes == NULL)
    codes = g_new0 (char *, 1);

  if (self->state_codes != NULL && g_strv_equal ((const char * const *) codes,
                                                 (const char * const *) self->state_codes))
    return;

  self->updating_states = TRUE;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->state_list));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    g_ptr_array_add (labels, (gpointer) _("All States"));
    for (guint i = 0; codes[i] != NULL; i++)
      {
        g_ptr_array_add (labels, codes[i]);
        if (g_strcmp0 (codes[i], current) == 0)
          new_selected = i + 1;
      }
    g_ptr_array_add (labels, NULL);
    gtk_string_list_splice (self->state_list, 0, n_old, (const char * const *) labels->pdata);
  }
  g_strfreev (self->state_codes);
  self->state_codes = g_steal_pointer (&codes);
  gtk_drop_down_set_selected (self->state_dropdown, new_selected);
  self->updating_states = FALSE;
}

static void
get_filter (RedressDeadlinesPage *self,
            RedressAgendaFilter  *filter)
{
  guint who = gtk_drop_down_get_selected (self->who_dropdown);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  filter->actor = who == GTK_INVALID_LIST_POSITION ? REDRESS_AGENDA_ACTOR_ANY : (RedressAgendaActor) who;
  filter->state_code = NULL;
  filter->case_id = NULL;
  if (state != GTK_INVALID_LIST_POSITION && state > 0 && self->state_codes != NULL &&
      state <= g_strv_length (self->state_codes))
    filter->state_code = self->state_codes[state - 1];
}

static void
clear_groups (RedressDeadlinesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void schedule_midnight (RedressDeadlinesPage *self);

void
redress_deadlines_page_reload (RedressDeadlinesPage *self)
{
  g_autoptr(GError) error = NULL;
  RedressAgendaFilter filter;
  GtkWidget *lists[REDRESS_AGENDA_N_GROUPS] = { NULL, };
  GtkWidget *cases_list = NULL;
  gboolean read_only;
  guint n;

  g_return_if_fail (REDRESS_IS_DEADLINES_PAGE (self));

  self->stale = FALSE;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->items);
  g_clear_object (&self->cases);
  g_hash_table_remove_all (self->by_id);
  memset (self->counts, 0, sizeof self->counts);
  clear_groups (self);

  g_free (self->today);
  self->today = self->today_override ? g_strdup (self->today_override) : redress_iso_date_today ();
  schedule_midnight (self);

  read_only = self->database == NULL || redress_database_get_read_only (self->database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.mark-done", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.extend", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.waive", !read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.export", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deadlines.export-case", self->database != NULL);

  if (self->database == NULL)
    {
      set_overdue_count (self, 0);
      adw_status_page_set_title (self->empty_page, _("No Docket Open"));
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      update_state_filter (self);
      queue_month_update (self);
      return;
    }

  update_state_filter (self);
  get_filter (self, &filter);
  self->items = redress_agenda_list_open (self->database, self->today, &filter, &error);
  if (self->items != NULL)
    self->cases = redress_agenda_list_cases_without_deadline (self->database, &filter, &error);
  if (self->items == NULL || self->cases == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Deadlines Could Not Be Read"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      queue_month_update (self);
      return;
    }

  /* The sidebar counts every overdue deadline, whatever the filters. */
  set_overdue_count (self, redress_agenda_count_overdue (self->database, self->today, NULL));
  redress_agenda_count_groups (self->items, self->counts);

  for (guint g = 0; g < G_N_ELEMENTS (shown_groups); g++)
    {
      RedressAgendaGroup group = shown_groups[g];

      if (group == REDRESS_AGENDA_GROUP_NO_DATE && self->counts[group] == 0)
        continue;
      gtk_box_append (self->groups_box,
                      create_section (redress_agenda_group_get_title (group), self->counts[group],
                                      group == REDRESS_AGENDA_GROUP_OVERDUE ? "error" :
                                      group == REDRESS_AGENDA_GROUP_TODAY ? "warning" : NULL,
                                      &lists[group]));
    }
  gtk_box_append (self->groups_box,
                  create_section (_("Cases with no deadline set"),
                                  g_list_model_get_n_items (self->cases), "warning", &cases_list));

  /* A large docket can have tens of thousands of open deadlines: each group
   * shows its first rows by date and says how many more the filters hide. */
  {
    guint shown[REDRESS_AGENDA_N_GROUPS] = { 0 };

    n = g_list_model_get_n_items (self->items);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RedressAgendaItem) item = g_list_model_get_item (self->items, i);
        RedressAgendaGroup group = redress_agenda_item_get_group (item);

        g_hash_table_insert (self->by_id, g_strdup (redress_agenda_item_get_deadline_id (item)),
                             g_object_ref (item));
        if (shown[group]++ < MAX_ROWS_PER_GROUP)
          gtk_list_box_append (GTK_LIST_BOX (lists[group]), create_deadline_row (self, item));
      }
    for (guint g = 0; g < G_N_ELEMENTS (shown); g++)
      if (shown[g] > MAX_ROWS_PER_GROUP && lists[g] != NULL)
        gtk_list_box_append (GTK_LIST_BOX (lists[g]), create_more_row (shown[g] - MAX_ROWS_PER_GROUP, FALSE));
  }
  n = g_list_model_get_n_items (self->cases);
  for (guint i = 0; i < MIN (n, MAX_ROWS_PER_GROUP); i++)
    {
      g_autoptr(RedressAgendaCase) c = g_list_model_get_item (self->cases, i);

      gtk_list_box_append (GTK_LIST_BOX (cases_list), create_case_row (c));
    }
  if (n > MAX_ROWS_PER_GROUP)
    gtk_list_box_append (GTK_LIST_BOX (cases_list), create_more_row (n - MAX_ROWS_PER_GROUP, TRUE));

  if (g_list_model_get_n_items (self->items) == 0 && g_list_model_get_n_items (self->cases) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Open Deadlines"));
      adw_status_page_set_description (self->empty_page,
                                       _("Deadlines appear here as the procedural history of each case is recorded."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "groups");

  queue_month_update (self);
}

static gboolean
reload_cb (gpointer user_data)
{
  RedressDeadlinesPage *self = user_data;

  self->reload_id = 0;
  redress_deadlines_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (RedressDeadlinesPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_cb, self);
}

/* A deadline changes the list and the overdue count at once.  A case
 * edited elsewhere (its title, its State) changes what the rows say and the
 * filters: read again when the page is shown, but not at every keystroke
 * saved on the case page; its deadlines, if it went, change the count now. */
static void
database_changed_cb (RedressDeadlinesPage *self,
                     const char           *table,
                     const char           *id)
{
  if (g_strcmp0 (table, "deadline") == 0 ||
      (g_strcmp0 (table, "case_file") == 0 && gtk_widget_get_mapped (GTK_WIDGET (self))))
    queue_reload (self);
  else if (g_strcmp0 (table, "case_file") == 0)
    {
      self->stale = TRUE;
      if (self->database != NULL && self->today != NULL)
        set_overdue_count (self, redress_agenda_count_overdue (self->database, self->today, NULL));
    }
}

static void
redress_deadlines_page_map (GtkWidget *widget)
{
  RedressDeadlinesPage *self = REDRESS_DEADLINES_PAGE (widget);

  GTK_WIDGET_CLASS (redress_deadlines_page_parent_class)->map (widget);
  if (self->stale)
    redress_deadlines_page_reload (self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  RedressDeadlinesPage *self = user_data;

  self->midnight_id = 0;
  redress_deadlines_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Days left change at midnight: reload then.  The timer is re-armed at most
 * an hour ahead, as the monotonic clock stops during suspend. */
static void
schedule_midnight (RedressDeadlinesPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  gint64 seconds;

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->today_override != NULL || self->database == NULL)
    return;
  now = g_date_time_new_now_local ();
  start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  tomorrow = g_date_time_add_days (start, 1);
  seconds = g_date_time_difference (tomorrow, now) / G_TIME_SPAN_SECOND + 1;
  self->midnight_id = g_timeout_add_seconds ((guint) CLAMP (seconds, 1, 3600), midnight_cb, self);
}

/* Dialogs ------------------------------------------------------------------- */

typedef enum
{
  EDIT_MARK_DONE,
  EDIT_EXTEND,
  EDIT_WAIVE,
} EditKind;

typedef struct
{
  RedressDeadlinesPage *self;
  RedressAgendaItem    *item;
  EditKind              kind;
  AdwMessageDialog     *dialog;
  AdwEntryRow          *entries[3];
  GtkLabel             *problem;
} EditData;

static void
edit_data_free (EditData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->item);
  g_free (data);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return row ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The reason the input cannot be saved yet, or NULL. */
static const char *
edit_problem (EditData *data)
{
  const char *a = entry_text (data->entries[0]);
  const char *b = entry_text (data->entries[1]);
  const char *c = entry_text (data->entries[2]);

  switch (data->kind)
    {
    case EDIT_MARK_DONE:
      if (is_blank (a))
        return _("Name the letter or event that fulfilled the deadline.");
      if (!redress_iso_date_is_valid (b))
        return _("Write the date as YYYY-MM-DD, for example 2026-05-31.");
      return NULL;
    case EDIT_EXTEND:
      if (!redress_iso_date_is_valid (a))
        return _("Write the new due date as YYYY-MM-DD, for example 2026-05-31.");
      if (is_blank (b))
        return _("Give the reference of the letter that granted the extension.");
      if (!redress_iso_date_is_valid (c))
        return _("Write the date of the letter as YYYY-MM-DD.");
      return NULL;
    case EDIT_WAIVE:
    default:
      if (is_blank (a))
        return _("Say why the deadline no longer applies.");
      return NULL;
    }
}

static void
edit_changed_cb (EditData *data)
{
  const char *problem = edit_problem (data);

  adw_message_dialog_set_response_enabled (data->dialog, "apply", problem == NULL);
  gtk_label_set_label (data->problem, problem ? problem : "");
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  EditData         *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *event_id = NULL;
  RedressDeadlinesPage *self = data->self;
  const char *id = redress_agenda_item_get_deadline_id (data->item);
  g_autofree char *a = g_strstrip (g_strdup (entry_text (data->entries[0])));
  g_autofree char *b = data->entries[1] ? g_strstrip (g_strdup (entry_text (data->entries[1]))) : NULL;
  g_autofree char *c = data->entries[2] ? g_strstrip (g_strdup (entry_text (data->entries[2]))) : NULL;
  gboolean ok = FALSE;
  const char *done_text = NULL;

  if (g_strcmp0 (response, "apply") != 0 || self->database == NULL)
    return;

  switch (data->kind)
    {
    case EDIT_MARK_DONE:
      ok = redress_procedure_mark_done (self->database, id, b, a, &error);
      done_text = _("Deadline marked done; it stays in the case history");
      break;
    case EDIT_EXTEND:
      event_id = redress_procedure_record_extension (self->database,
                                                     redress_agenda_item_get_case_id (data->item),
                                                     redress_agenda_item_get_rule_id (data->item),
                                                     c, b, a, NULL, &error);
      ok = event_id != NULL;
      done_text = _("Extension recorded");
      break;
    case EDIT_WAIVE:
    default:
      ok = redress_procedure_waive (self->database, id, a, &error);
      done_text = _("Deadline waived; it stays in the case history");
      break;
    }

  if (!ok)
    show_message (self, error->message, TRUE);
  else
    show_message (self, done_text, FALSE);
  redress_deadlines_page_reload (self);
}

static AdwEntryRow *
add_entry (GtkListBox *list,
           const char *title,
           const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (list, GTK_WIDGET (row));
  return row;
}

static void
open_edit_dialog (RedressDeadlinesPage *self,
                  const char           *deadline_id,
                  EditKind              kind)
{
  RedressAgendaItem *item = g_hash_table_lookup (self->by_id, deadline_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *box;
  GtkWidget *list;
  EditData *data;
  const char *heading;
  const char *apply;

  if (item == NULL)
    return;

  data = g_new0 (EditData, 1);
  data->self = g_object_ref (self);
  data->item = g_object_ref (item);
  data->kind = kind;

  body = g_strdup_printf ("%s — %s\n%s", redress_agenda_item_get_case_reference (item),
                          redress_agenda_item_get_what (item),
                          redress_agenda_item_get_legal_source (item));
  switch (kind)
    {
    case EDIT_MARK_DONE:
      heading = _("Mark Deadline Done");
      apply = _("Mark _Done");
      break;
    case EDIT_EXTEND:
      heading = _("Record Extension");
      apply = _("_Record");
      break;
    case EDIT_WAIVE:
    default:
      heading = _("Waive Deadline");
      apply = _("_Waive");
      break;
    }

  data->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             heading, body));
  adw_message_dialog_add_responses (data->dialog, "cancel", _("_Cancel"), "apply", apply, NULL);
  adw_message_dialog_set_response_appearance (data->dialog, "apply",
                                              kind == EDIT_WAIVE ? ADW_RESPONSE_DESTRUCTIVE
                                                                 : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (data->dialog, "apply");
  adw_message_dialog_set_close_response (data->dialog, "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  switch (kind)
    {
    case EDIT_MARK_DONE:
      data->entries[0] = add_entry (GTK_LIST_BOX (list), _("Fulfilled by (letter or event)"), NULL);
      data->entries[1] = add_entry (GTK_LIST_BOX (list), _("Date done (YYYY-MM-DD)"), self->today);
      break;
    case EDIT_EXTEND:
      data->entries[0] = add_entry (GTK_LIST_BOX (list), _("New due date (YYYY-MM-DD)"),
                                    redress_agenda_item_get_due (item));
      data->entries[1] = add_entry (GTK_LIST_BOX (list), _("Reference of the Committee’s letter"), NULL);
      data->entries[2] = add_entry (GTK_LIST_BOX (list), _("Date of the letter (YYYY-MM-DD)"), self->today);
      break;
    case EDIT_WAIVE:
    default:
      data->entries[0] = add_entry (GTK_LIST_BOX (list), _("Reason"), NULL);
      break;
    }

  data->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->problem, TRUE);
  gtk_label_set_xalign (data->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (data->problem), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->problem));
  adw_message_dialog_set_extra_child (data->dialog, box);

  for (guint i = 0; i < G_N_ELEMENTS (data->entries); i++)
    if (data->entries[i] != NULL)
      g_signal_connect_swapped (data->entries[i], "changed", G_CALLBACK (edit_changed_cb), data);
  edit_changed_cb (data);

  g_signal_connect_data (data->dialog, "response", G_CALLBACK (edit_response_cb), data,
                         (GClosureNotify) (void (*) (void)) edit_data_free, 0);
  gtk_window_present (GTK_WINDOW (data->dialog));
}

/* Actions ------------------------------------------------------------------- */

static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_CASE], 0, g_variant_get_string (parameter, NULL));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RedressDeadlinesPage *self = REDRESS_DEADLINES_PAGE (widget);
  EditKind kind = EDIT_WAIVE;

  if (g_str_equal (action_name, "deadlines.mark-done"))
    kind = EDIT_MARK_DONE;
  else if (g_str_equal (action_name, "deadlines.extend"))
    kind = EDIT_EXTEND;
  open_edit_dialog (self, g_variant_get_string (parameter, NULL), kind);
}

typedef struct
{
  RedressDeadlinesPage *self;
  char                 *case_id;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->self);
  g_free (data->case_id);
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    ExportData      *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  RedressDeadlinesPage *self = data->self;
  RedressIcsOptions options = { NULL, };
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT && self->database != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  if (path != NULL)
    {
      options.case_id = data->case_id;
      options.include_names = g_settings_get_boolean (self->settings, "calendar-include-names");
      if (!redress_ics_export_to_file (self->database, &options, path, &n, &error))
        show_message (self, error->message, TRUE);
      else
        {
          g_autofree char *text = g_strdup_printf (ngettext ("%u deadline exported to the calendar file",
                                                             "%u deadlines exported to the calendar file", n), n);

          show_message (self, text, FALSE);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_data_free (data);
}

static void
start_export (RedressDeadlinesPage *self,
              const char           *case_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ExportData *data;

  if (self->database == NULL)
    return;

  if (case_id != NULL)
    {
      const char *reference = NULL;
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->by_id);
      while (reference == NULL && g_hash_table_iter_next (&iter, NULL, &value))
        if (g_strcmp0 (redress_agenda_item_get_case_id (value), case_id) == 0)
          reference = redress_agenda_item_get_case_reference (value);
      name = g_strdup_printf ("%s.ics", reference ? reference : _("case"));
      g_strdelimit (name, "/\\:", '-');
    }
  else
    name = g_strdup (_("deadlines.ics"));

  chooser = gtk_file_chooser_native_new (case_id ? _("Export the Case’s Deadlines") : _("Export Deadlines"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->case_id = g_strdup (case_id);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_export (REDRESS_DEADLINES_PAGE (widget),
                parameter ? g_variant_get_string (parameter, NULL) : NULL);
}

/* GObject ------------------------------------------------------------------- */

static void
filter_changed_cb (RedressDeadlinesPage *self)
{
  if (!self->updating_states)
    redress_deadlines_page_reload (self);
}

static void
redress_deadlines_page_dispose (GObject *object)
{
  RedressDeadlinesPage *self = (RedressDeadlinesPage *)object;

  redress_deadlines_page_set_database (self, NULL);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->month_id, g_source_remove);
  g_clear_object (&self->items);
  g_clear_object (&self->cases);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_DEADLINES_PAGE);

  G_OBJECT_CLASS (redress_deadlines_page_parent_class)->dispose (object);
}

static void
redress_deadlines_page_finalize (GObject *object)
{
  RedressDeadlinesPage *self = (RedressDeadlinesPage *)object;

  g_free (self->today_override);
  g_free (self->today);
  g_strfreev (self->state_codes);

  G_OBJECT_CLASS (redress_deadlines_page_parent_class)->finalize (object);
}

static void
redress_deadlines_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RedressDeadlinesPage *self = REDRESS_DEADLINES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_OVERDUE_COUNT:
      g_value_set_uint (value, self->overdue_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_deadlines_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RedressDeadlinesPage *self = REDRESS_DEADLINES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      redress_deadlines_page_set_database (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_deadlines_page_class_init (RedressDeadlinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_deadlines_page_dispose;
  GTK_WIDGET_CLASS (klass)->map = redress_deadlines_page_map;
  object_class->finalize = redress_deadlines_page_finalize;
  object_class->get_property = redress_deadlines_page_get_property;
  object_class->set_property = redress_deadlines_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, REDRESS_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RedressDeadlinesPage:overdue-count:
   *
   * How many open deadlines are overdue, whatever the filters: the sidebar
   * shows it.
   */
  properties[PROP_OVERDUE_COUNT] =
    g_param_spec_uint ("overdue-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RedressDeadlinesPage::open-case:
   * @case_id: the case to open
   */
  signals[OPEN_CASE] = g_signal_new ("open-case",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1,
                                     G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-deadlines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, who_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, state_list);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, RedressDeadlinesPage, day_list);

  gtk_widget_class_install_action (widget_class, "deadlines.open-case", "s", open_case_action);
  gtk_widget_class_install_action (widget_class, "deadlines.mark-done", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "deadlines.extend", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "deadlines.waive", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "deadlines.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "deadlines.export-case", "s", export_action);
}

/* GtkCalendar 4.8 gives its arrow buttons an icon and nothing else, so a
 * screen reader calls them "button".  They come in this order in its header:
 * previous month, next month, previous year, next year. */
static void
label_calendar_arrows (GtkWidget *widget,
                       guint     *n_buttons)
{
  static const char *labels[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && *n_buttons < G_N_ELEMENTS (labels))
        {
          const char *label = _(labels[(*n_buttons)++]);

          gtk_widget_set_tooltip_text (child, label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
      else
        label_calendar_arrows (child, n_buttons);
    }
}

static void
redress_deadlines_page_init (RedressDeadlinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* ui/style.css marks the days with a deadline. */
  gtk_widget_add_css_class (GTK_WIDGET (self->calendar), "deadlines");
  {
    guint n_buttons = 0;

    label_calendar_arrows (GTK_WIDGET (self->calendar), &n_buttons);
  }

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->settings = g_settings_new ("io.github.redress.Redress");

  g_signal_connect_swapped (self->who_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->calendar, "notify::day", G_CALLBACK (queue_month_update), self);
  g_signal_connect_swapped (self->calendar, "notify::month", G_CALLBACK (queue_month_update), self);
  g_signal_connect_swapped (self->calendar, "notify::year", G_CALLBACK (queue_month_update), self);

  redress_deadlines_page_reload (self);
}

GtkWidget *
redress_deadlines_page_new (void)
{
  return g_object_new (REDRESS_TYPE_DEADLINES_PAGE, NULL);
}

RedressDatabase *
redress_deadlines_page_get_database (RedressDeadlinesPage *self)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINES_PAGE (self), NULL);

  return self->database;
}

void
redress_deadlines_page_set_database (RedressDeadlinesPage *self,
                                     RedressDatabase      *database)
{
  g_return_if_fail (REDRESS_IS_DEADLINES_PAGE (self));
  g_return_if_fail (database == NULL || REDRESS_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_swapped (database, "changed", G_CALLBACK (database_changed_cb), self);

  /* Dispose runs with the template children gone. */
  if (self->groups_box != NULL)
    redress_deadlines_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * redress_deadlines_page_set_today:
 * @today: (nullable): "YYYY-MM-DD", or %NULL for the system clock
 *
 * Draws the agenda for another day (tests, and "what will be due" views).
 */
void
redress_deadlines_page_set_today (RedressDeadlinesPage *self,
                                  const char           *today)
{
  g_return_if_fail (REDRESS_IS_DEADLINES_PAGE (self));
  g_return_if_fail (today == NULL || redress_iso_date_is_valid (today));

  g_free (self->today_override);
  self->today_override = g_strdup (today);
  if (today != NULL)
    {
      g_autoptr(GDate) date = redress_iso_date_parse (today);
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                       g_date_get_day (date), 12, 0, 0);

      gtk_calendar_select_day (self->calendar, dt);
    }
  redress_deadlines_page_reload (self);
}

const char *
redress_deadlines_page_get_today (RedressDeadlinesPage *self)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINES_PAGE (self), NULL);

  return self->today;
}

guint
redress_deadlines_page_get_overdue_count (RedressDeadlinesPage *self)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINES_PAGE (self), 0);

  return self->overdue_count;
}

guint
redress_deadlines_page_get_group_count (RedressDeadlinesPage *self,
                                        guint                 group)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINES_PAGE (self), 0);
  g_return_val_if_fail (group < REDRESS_AGENDA_N_GROUPS, 0);

  return self->counts[group];
}

static void
update_badge (GtkLabel             *badge,
              GParamSpec           *pspec,
              RedressDeadlinesPage *self)
{
  g_autofree char *text = g_strdup_printf ("%u", self->overdue_count);
  g_autofree char *a11y = g_strdup_printf (ngettext ("%u deadline overdue", "%u deadlines overdue",
                                                     self->overdue_count),
                                           self->overdue_count);

  gtk_label_set_label (badge, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge), a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_visible (GTK_WIDGET (badge), self->overdue_count > 0);
}

/**
 * redress_deadlines_page_create_badge:
 *
 * Returns: (transfer floating): a label that shows how many deadlines are
 *   overdue, hidden when none is, for the page's row in the sidebar.
 */
GtkWidget *
redress_deadlines_page_create_badge (RedressDeadlinesPage *self)
{
  GtkWidget *badge = gtk_label_new (NULL);

  g_return_val_if_fail (REDRESS_IS_DEADLINES_PAGE (self), NULL);

  gtk_widget_set_hexpand (badge, TRUE);
  gtk_widget_set_halign (badge, GTK_ALIGN_END);
  gtk_widget_add_css_class (badge, "error");
  gtk_widget_add_css_class (badge, "heading");
  gtk_widget_add_css_class (badge, "numeric");
  g_signal_connect_object (self, "notify::overdue-count", G_CALLBACK (update_badge), badge, G_CONNECT_SWAPPED);
  update_badge (GTK_LABEL (badge), NULL, self);
  return badge;
}

guint
redress_deadlines_page_get_no_deadline_count (RedressDeadlinesPage *self)
{
  g_return_val_if_fail (REDRESS_IS_DEADLINES_PAGE (self), 0);

  return self->cases ? g_list_model_get_n_items (self->cases) : 0;
}
