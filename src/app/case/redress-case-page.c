/* redress-case-page.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case file editor (issue 4).  One long page of sections bound to the
 * model and saved as the user types (RedressSaveQueue, 500 ms after the
 * last edit; flushed when the case changes or the page goes away), with a
 * side panel for the admissibility check (OP3 art 7) and the open
 * deadlines.  Deletions hide the item and offer Undo; the record is only
 * deleted when the toast goes away.  All data goes through the core (src/core).
 */

#define G_LOG_DOMAIN "redress-case-page"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-admissibility.h"
#include "redress-case.h"
#include "redress-case-file.h"
#include "redress-case-page.h"
#include "redress-case-section.h"
#include "redress-docket.h"
#include "redress-l10n.h"
#include "redress-case-party.h"
#include "redress-date.h"
#include "redress-deadline-rules.h"
#include "redress-domestic-remedy.h"
#include "redress-enums.h"
#include "redress-event-dialog.h"
#include "redress-evidence-panel.h"
#include "redress-evidence-store.h"
#include "redress-facts-section.h"
#include "redress-history-section.h"
#include "redress-letters-panel.h"
#include "redress-timeline-view.h"
#include "redress-fact.h"
#include "redress-field-bind.h"
#include "redress-ground-row.h"
#include "redress-lifecycle.h"
#include "redress-link-row.h"
#include "redress-other-procedure.h"
#include "redress-other-procedures-section.h"
#include "redress-people-section.h"
#include "redress-person.h"
#include "redress-procedural-event.h"
#include "redress-procedure.h"
#include "redress-record-row.h"
#include "redress-reference.h"
#include "redress-remedies-section.h"
#include "redress-right-picker.h"
#include "redress-save-queue.h"
#include "redress-state-picker.h"
#include "redress-text-area.h"
#include "redress-util.h"
#include "redress-violation.h"
#include "redress-violations-section.h"

#define SAVE_DELAY_MS 500

typedef struct _PendingDelete PendingDelete;

struct _RedressCasePage
{
  AdwBin            parent_instance;

  RedressDatabase  *db;
  RedressReference *reference;
  RedressSaveQueue *queue;
  RedressCaseFile  *file;             /* the case and its live lists */
  RedressCase      *case_file;        /* the file's case record */
  RedressEvidenceStore *store;        /* for the evidence links */
  char             *case_id;
  char             *last_save_error;  /* shown once until a save succeeds */
  GHashTable       *hidden_ids;       /* ids deleted but still undoable */
  GPtrArray        *pending;          /* (element-type PendingDelete) */
  GPtrArray        *bindings;         /* of the case's properties to the widgets */
  guint             refresh_id;       /* the side panel's */

  /* Template children */
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  AdwFlap          *flap;
  GtkScrolledWindow *scroller;
  GtkLabel         *heading_label;
  GtkLabel         *stage_label;
  GtkWidget        *record_event_button;
  AdwButtonContent *record_event_content;
  AdwEntryRow      *title_row;
  AdwEntryRow      *reference_row;
  AdwEntryRow      *committee_ref_row;
  AdwComboRow      *in_writing_row;
  GtkLabel         *reference_error_label;
  GtkWidget        *summary_area;
  AdwPreferencesGroup *state_group;
  AdwActionRow     *state_row;
  GtkLabel         *state_name_label;
  AdwActionRow     *state_op3_row;
  GtkImage         *state_op3_icon;
  AdwActionRow     *state_treaties_row;
  AdwActionRow     *state_optout_row;
  RedressCaseSection *people_section;
  RedressCaseSection *violations_section;
  RedressCaseSection *facts_section;
  RedressCaseSection *remedies_section;
  GtkWidget        *remedies_excuse_area;
  GtkWidget        *time_limit_excuse_area;
  RedressCaseSection *other_section;
  GtkWidget        *interim_area;
  GtkWidget        *best_interests_area;
  GtkWidget        *child_views_area;
  GtkWidget        *remedies_sought_area;
  GtkWidget        *inquiry_box;
  GtkWidget        *inquiry_info_area;
  GtkWidget        *inquiry_sources_area;
  AdwEntryRow      *inquiry_period_row;
  AdwEntryRow      *inquiry_places_row;
  GtkWidget        *visit_area;
  GtkWidget        *findings_area;
  GtkWidget        *follow_up_area;
  RedressCaseSection *history_section;
  AdwPreferencesGroup *admissibility_group;
  GtkListBox       *admissibility_list;
  GtkListBox       *deadlines_list;
  GtkWidget        *evidence_panel;   /* RedressEvidencePanel, after the remedies */
  GtkWidget        *letters_panel;    /* RedressLettersPanel, after the evidence */
  GtkWidget        *timeline_view;    /* RedressTimelineView, after the letters */
};

G_DEFINE_FINAL_TYPE (RedressCasePage, redress_case_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _PendingDelete
{
  RedressCasePage *page;      /* unowned; cleared when the page goes */
  GPtrArray       *records;   /* deleted in order: the party, then its person */
  GtkWidget       *row;       /* the hidden row, shown again on Undo */
  AdwToast        *toast;
  gboolean         is_case;
  gboolean         done;
  gboolean         toast_gone;
};

static void schedule_refresh      (RedressCasePage *self);
static void refresh_panel         (RedressCasePage *self);
static void set_hidden            (RedressCasePage *self,
                                   RedressRecord   *record,
                                   gboolean         hidden);
static void commit_pending        (PendingDelete   *pd);

/* Helpers */

static void
show_toast (RedressCasePage *self,
            const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (RedressCasePage *self,
            const GError    *error)
{
  show_toast (self, error->message);
}

/* A record that cannot be saved is retried with every later edit: tell the
 * user once per problem, not at every pause in their typing. */
static void
save_failed_cb (RedressCasePage  *self,
                RedressRecord    *record,
                const GError     *error)
{
  if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_EDIT_CONFLICT))
    {
      redress_save_queue_present_conflict (self->queue, record, GTK_WIDGET (self));
      return;
    }
  if (g_strcmp0 (self->last_save_error, error->message) == 0)
    return;

  g_free (self->last_save_error);
  self->last_save_error = g_strdup (error->message);
  show_error (self, error);
}

static void
saved_cb (RedressCasePage *self,
          RedressRecord   *record)
{
  if (redress_save_queue_get_pending (self->queue) == 0)
    g_clear_pointer (&self->last_save_error, g_free);
}

static GtkWindow *
parent_window (RedressCasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      else
        break;
    }
}

#define N_SECTIONS 6

static void
get_sections (RedressCasePage    *self,
              RedressCaseSection *out[N_SECTIONS])
{
  out[0] = self->people_section;
  out[1] = self->violations_section;
  out[2] = self->facts_section;
  out[3] = self->remedies_section;
  out[4] = self->other_section;
  out[5] = self->history_section;
}

/* A record waiting for its deletion is out of sight and out of what is
 * derived (the earliest fact, the link menus) until Undo. */
static void
set_hidden (RedressCasePage *self,
            RedressRecord   *record,
            gboolean         hidden)
{
  const char *id = redress_record_get_id (record);

  if (hidden)
    g_hash_table_add (self->hidden_ids, g_strdup (id));
  else
    g_hash_table_remove (self->hidden_ids, id);
  if (self->file != NULL)
    redress_case_file_set_hidden (self->file, id, hidden);
}

static void
update_hidden (RedressCasePage *self)
{
  RedressCaseSection *all[N_SECTIONS];

  get_sections (self, all);
  for (guint i = 0; i < N_SECTIONS; i++)
    redress_case_section_update_hidden (all[i]);
}

static GtkWidget *
make_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* Undo */

static void
pending_delete_free (gpointer data)
{
  PendingDelete *pd = data;

  if (pd->toast != NULL)
    g_signal_handlers_disconnect_by_data (pd->toast, pd);
  g_clear_pointer (&pd->records, g_ptr_array_unref);
  g_clear_object (&pd->row);
  g_clear_object (&pd->toast);
  g_free (pd);
}

static void
toast_undo_cb (AdwToast      *toast,
               PendingDelete *pd)
{
  RedressCasePage *self = pd->page;
  g_autoptr(GtkWidget) row = NULL;
  g_autofree char *case_id = NULL;

  if (pd->done || self == NULL)
    return;

  pd->done = TRUE;
  for (guint i = 0; i < pd->records->len; i++)
    set_hidden (self, g_ptr_array_index (pd->records, i), FALSE);

  if (pd->is_case)
    case_id = g_strdup (redress_record_get_id (g_ptr_array_index (pd->records, 0)));
  else if (pd->row != NULL)
    row = g_object_ref (pd->row);

  /* Frees @pd. */
  g_ptr_array_remove (self->pending, pd);

  if (case_id != NULL)
    redress_case_page_set_case (self, case_id);
  else
    {
      update_hidden (self);
      if (row != NULL && gtk_widget_get_parent (row) != NULL && gtk_widget_get_visible (row))
        gtk_widget_grab_focus (row);
      schedule_refresh (self);
    }
}

static void
toast_dismissed_cb (AdwToast      *toast,
                    PendingDelete *pd)
{
  pd->toast_gone = TRUE;
  if (!pd->done && pd->page != NULL)
    commit_pending (pd);
}

/* Deletes for good what @pd hid. */
static void
commit_pending (PendingDelete *pd)
{
  RedressCasePage *self = pd->page;

  if (pd->done || self == NULL)
    return;
  pd->done = TRUE;

  for (guint i = 0; i < pd->records->len; i++)
    {
      RedressRecord *record = g_ptr_array_index (pd->records, i);
      g_autoptr(GError) error = NULL;

      if (!redress_record_delete (record, self->db, &error))
        {
          /* A person still named in another case stays in the docket. */
          if (!(i > 0 && REDRESS_IS_PERSON (record) &&
                g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT)))
            show_error (self, error);
        }
      set_hidden (self, record, FALSE);
    }

  /* The rows of what was deleted went with their records; a record that
   * could not be deleted shows again. */
  g_ptr_array_remove (self->pending, pd);
  update_hidden (self);
  schedule_refresh (self);
}

static void
commit_all_pending (RedressCasePage *self)
{
  while (self->pending->len > 0)
    {
      PendingDelete *pd = g_ptr_array_index (self->pending, 0);

      if (pd->done)
        g_ptr_array_remove_index (self->pending, 0);
      else
        commit_pending (pd);
    }
}

/* Hides @row and its @records, and offers Undo; the records are deleted
 * when the toast is dismissed or times out. */
static void
request_delete (RedressCasePage *self,
                GtkWidget       *row,
                GPtrArray       *records,
                const char      *message,
                gboolean         is_case)
{
  PendingDelete *pd = g_new0 (PendingDelete, 1);

  pd->page = self;
  pd->records = g_ptr_array_ref (records);
  pd->row = row ? g_object_ref (row) : NULL;
  pd->is_case = is_case;

  for (guint i = 0; i < records->len; i++)
    {
      RedressRecord *record = g_ptr_array_index (records, i);

      redress_save_queue_forget (self->queue, record);
      set_hidden (self, record, TRUE);
    }

  if (row != NULL)
    update_hidden (self);

  pd->toast = adw_toast_new (message);
  adw_toast_set_button_label (pd->toast, _("_Undo"));
  g_signal_connect (pd->toast, "button-clicked", G_CALLBACK (toast_undo_cb), pd);
  g_signal_connect (pd->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pd);

  g_ptr_array_add (self->pending, pd);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (pd->toast));
}

static void
row_delete_requested_cb (RedressCasePage    *self,
                         RedressRecordRow   *row,
                         RedressCaseSection *section)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  RedressRecord *record = redress_record_row_get_record (row);
  RedressRecord *person = g_object_get_data (G_OBJECT (row), "person");
  const char *message;

  g_ptr_array_add (records, g_object_ref (record));
  if (person != NULL)
    g_ptr_array_add (records, g_object_ref (person));

  if (REDRESS_IS_CASE_PARTY (record))
    message = _("Person removed from the case");
  else if (REDRESS_IS_VIOLATION (record))
    message = _("Violation removed");
  else if (REDRESS_IS_DOMESTIC_REMEDY (record))
    message = _("Domestic remedy removed");
  else if (REDRESS_IS_FACT (record))
    message = _("Fact removed");
  else
    message = _("Procedure removed");

  request_delete (self, GTK_WIDGET (row), records, message, FALSE);
}

/* Refreshing what is computed */

static void
update_heading (RedressCasePage *self)
{
  const char *title = redress_case_get_title (self->case_file);
  const char *stage = redress_case_get_stage (self->case_file);
  const char *kind = redress_case_get_kind (self->case_file);
  g_autofree char *line = NULL;
  g_autofree char *shown = redress_bidi_case_title (title);
  /* The title is the user's text inside our line: isolated, it keeps its own
   * direction and leaves the line's alone. */
  g_autofree char *isolated = redress_bidi_isolate (shown);

  /* The window shows the title; the page leads with where the case stands. */
  gtk_label_set_label (self->heading_label,
                       stage && stage[0] ? redress_lifecycle_stage_label (stage) : _("Not started"));
  line = g_strdup_printf (_("%s · %s · %s"),
                          redress_case_kind_get_label (kind),
                          redress_case_get_reference (self->case_file),
                          title && title[0] ? isolated : _("Untitled"));
  gtk_label_set_label (self->stage_label, line);
}

static void
update_state (RedressCasePage *self)
{
  const char *code = redress_case_get_state_code (self->case_file);
  const RedressStateRecord *state = redress_reference_lookup_state (self->reference, code);
  g_autofree char *as_of = NULL;

  {
    g_autofree char *when = redress_l10n_format_date (redress_reference_get_data_as_of (self->reference));

    as_of = g_strdup_printf (_("Ratification data as of %s"),
                             redress_reference_get_data_as_of (self->reference) ? when : _("an unknown date"));
  }
  adw_preferences_group_set_description (self->state_group, as_of);

  gtk_widget_set_visible (GTK_WIDGET (self->state_op3_row), state != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->state_treaties_row), state != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->state_optout_row), state != NULL);

  if (state == NULL)
    {
      gtk_label_set_label (self->state_name_label, _("Not chosen"));
      adw_action_row_set_subtitle (self->state_row, _("Choose the State the case is brought against"));
      return;
    }

  {
    g_autofree char *op3 = redress_state_describe_op3 (state);
    g_autofree char *treaties = redress_state_describe_treaties (state);
    g_autofree char *optout = redress_state_describe_optout (state);
    gboolean party = state->status[REDRESS_TREATY_OP3] == REDRESS_TREATY_STATUS_PARTY;

    gtk_label_set_label (self->state_name_label, redress_reference_get_state_name (self->reference, state, NULL));
    adw_action_row_set_subtitle (self->state_row, NULL);
    adw_action_row_set_subtitle (self->state_op3_row, op3);
    gtk_image_set_from_icon_name (self->state_op3_icon, party ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_op3_icon), party ? "warning" : "success");
    gtk_widget_add_css_class (GTK_WIDGET (self->state_op3_icon), party ? "success" : "warning");
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_op3_icon),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, party ? _("Party") : _("Not a party"),
                                    -1);
    adw_action_row_set_subtitle (self->state_treaties_row, treaties);
    adw_action_row_set_subtitle (self->state_optout_row, optout);
  }
}

static void
update_deadlines (RedressCasePage *self)
{
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = redress_iso_date_today ();

  clear_list (self->deadlines_list);
  deadlines = redress_procedure_list_deadlines (self->db, self->case_id, &error);
  if (deadlines == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < deadlines->len; i++)
    {
      const RedressDeadlineInfo *info = g_ptr_array_index (deadlines, i);
      const RedressDeadlineRule *rule = redress_deadline_rules_lookup (info->rule_id);
      const char *due = redress_deadline_info_get_due (info);
      g_autofree char *citation = rule ? redress_deadline_rule_get_citation (rule) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *left = NULL;
      g_autofree char *due_text = due ? redress_l10n_format_date (due) : NULL;
      GtkWidget *row;
      GtkWidget *label;
      int days;

      if (g_strcmp0 (info->status, "open") != 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rule ? redress_deadline_rule_get_title (rule) : info->rule_id);
      {
        g_autofree char *start = redress_deadline_describe_start_of (info->rule_id, info->trigger_date,
                                                                     info->trigger_date_alt);
        g_autofree char *since_date = info->in_force ? redress_l10n_format_date (info->trigger_date) : NULL;
        g_autofree char *since = info->in_force ? g_strdup_printf (_("in force since %s"), since_date) : NULL;

        /* D01 shows the decision and notification dates (OP3 art 7(h)); D08 in force is not overdue (art 6). */
        subtitle = g_strdup_printf (start != NULL ? _("Due %s · %s\n%s") : _("Due %s · %s"),
                                    since ? since : due ? due_text : _("no date yet"),
                                    citation ? citation : info->rule_id, start);
        if (info->in_force)
          due = NULL;
      }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (due != NULL && redress_iso_date_days_between (today, due, &days))
        {
          if (days < 0)
            left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days), -days);
          else if (days == 0)
            left = g_strdup (_("Today"));
          else
            left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);

          label = gtk_label_new (left);
          gtk_widget_add_css_class (label, "caption");
          if (days < 0)
            gtk_widget_add_css_class (label, "error");
          else if (days <= 7)
            gtk_widget_add_css_class (label, "warning");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }

      if (info->urgent || (due != NULL && redress_iso_date_compare (due, today) < 0))
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Urgent"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }

      gtk_list_box_append (self->deadlines_list, row);
    }
}

static void
ground_jump_cb (RedressCasePage *self,
                const char      *field_hint)
{
  redress_case_page_focus_field (self, field_hint);
}

static int
ground_rank (RedressGroundResult *result)
{
  switch (redress_ground_result_get_status (result))
    {
    case REDRESS_GROUND_FAIL:           return 0;
    case REDRESS_GROUND_NEEDS_ARGUMENT: return 1;
    case REDRESS_GROUND_UNKNOWN:        return 2;
    case REDRESS_GROUND_PASS:
    default:                            return 3;
    }
}

static int
compare_grounds (gconstpointer a,
                 gconstpointer b)
{
  RedressGroundResult *ra = *(RedressGroundResult **) a;
  RedressGroundResult *rb = *(RedressGroundResult **) b;

  return ground_rank (ra) - ground_rank (rb);
}

static gboolean
same_grounds (GtkListBox *list,
              GPtrArray  *results)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      RedressGroundResult *shown, *result;

      if (!REDRESS_IS_GROUND_ROW (child))
        continue;
      if (i >= results->len)
        return FALSE;
      shown = redress_ground_row_get_result (REDRESS_GROUND_ROW (child));
      result = g_ptr_array_index (results, i++);
      if (g_strcmp0 (redress_ground_result_get_ground (shown), redress_ground_result_get_ground (result)) != 0 ||
          redress_ground_result_get_status (shown) != redress_ground_result_get_status (result) ||
          g_strcmp0 (redress_ground_result_get_explanation (shown), redress_ground_result_get_explanation (result)) != 0 ||
          g_strcmp0 (redress_ground_result_get_citation (shown), redress_ground_result_get_citation (result)) != 0 ||
          g_strcmp0 (redress_ground_result_get_field_hint (shown), redress_ground_result_get_field_hint (result)) != 0)
        return FALSE;
    }
  return i == results->len;
}

static void
update_admissibility (RedressCasePage *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = redress_iso_date_today ();
  g_autofree char *summary = NULL;
  gboolean results_shown = FALSE;
  guint n_fail = 0, n_open = 0;

  results = redress_admissibility_evaluate (self->db, self->reference, self->case_id, today, &error);
  if (results == NULL)
    {
      clear_list (self->admissibility_list);
      show_error (self, error);
      return;
    }

  /* What needs attention first: fails, then arguments to make, then unknowns. */
  g_ptr_array_sort (results, compare_grounds);

  /* The same findings keep their rows. */
  if (!same_grounds (self->admissibility_list, results))
    clear_list (self->admissibility_list);
  else
    results_shown = TRUE;

  for (guint i = 0; i < results->len; i++)
    {
      RedressGroundResult *result = g_ptr_array_index (results, i);
      GtkWidget *row;

      if (results_shown)
        {
          switch (redress_ground_result_get_status (result))
            {
            case REDRESS_GROUND_FAIL:
              n_fail++;
              break;
            case REDRESS_GROUND_NEEDS_ARGUMENT:
            case REDRESS_GROUND_UNKNOWN:
              n_open++;
              break;
            case REDRESS_GROUND_PASS:
            default:
              break;
            }
          continue;
        }
      row = redress_ground_row_new (result);

      switch (redress_ground_result_get_status (result))
        {
        case REDRESS_GROUND_FAIL:
          n_fail++;
          break;
        case REDRESS_GROUND_NEEDS_ARGUMENT:
        case REDRESS_GROUND_UNKNOWN:
          n_open++;
          break;
        case REDRESS_GROUND_PASS:
        default:
          break;
        }

      g_signal_connect_object (row, "jump", G_CALLBACK (ground_jump_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->admissibility_list, row);
    }

  if (n_fail > 0 || n_open > 0)
    {
      g_autofree char *fails = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ground fails",
                                                             "%u grounds fail", n_fail), n_fail);
      g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to complete",
                                                            "%u to complete", n_open), n_open);

      if (n_fail == 0)
        summary = g_strdup_printf (_("No ground fails · %s"), open);
      else if (n_open == 0)
        summary = g_steal_pointer (&fails);
      else
        /* Translators: "2 grounds fail · 3 to complete" */
        summary = g_strdup_printf (_("%s · %s"), fails, open);
    }
  else
    summary = g_strdup (_("Every ground passes on what the file holds now"));
  adw_preferences_group_set_description (self->admissibility_group, summary);
}

/* Communications and inquiries (art 13) show different parts of the file. */
static gboolean
not_inquiry_transform (GBinding     *binding,
                       const GValue *from,
                       GValue       *to,
                       gpointer      invert)
{
  gboolean inquiry = g_strcmp0 (g_value_get_string (from), "inquiry") == 0;

  g_value_set_boolean (to, invert ? inquiry : !inquiry);
  return TRUE;
}

static void
bind_kind (RedressCasePage *self)
{
  GtkWidget *communication_only[] = {
    GTK_WIDGET (self->committee_ref_row), GTK_WIDGET (self->remedies_section), self->remedies_excuse_area,
    self->time_limit_excuse_area, GTK_WIDGET (self->other_section), self->interim_area,
    self->remedies_sought_area,
  };

  for (guint i = 0; i < G_N_ELEMENTS (communication_only); i++)
    g_ptr_array_add (self->bindings,
                     g_object_ref (g_object_bind_property_full (self->case_file, "kind",
                                                                communication_only[i], "visible",
                                                                G_BINDING_SYNC_CREATE,
                                                                not_inquiry_transform, NULL, NULL, NULL)));
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property_full (self->case_file, "kind", self->inquiry_box, "visible",
                                                              G_BINDING_SYNC_CREATE, not_inquiry_transform, NULL,
                                                              GINT_TO_POINTER (TRUE), NULL)));
}

/* The side panel: what the rules say of the file as saved. */
static void
refresh_panel (RedressCasePage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->case_file == NULL)
    return;

  update_deadlines (self);
  update_admissibility (self);
}

static void
refresh_cb (gpointer user_data)
{
  RedressCasePage *self = user_data;

  self->refresh_id = 0;
  refresh_panel (self);
}

static void
schedule_refresh (RedressCasePage *self)
{
  if (self->refresh_id == 0 && self->case_file != NULL)
    self->refresh_id = g_idle_add_once (refresh_cb, self);
}

/* Tables the page does not show: a commit that changed only these leaves it
 * as it is (viewing evidence adds custody, exporting deadlines records it).
 * The sections follow their own lists; only the side panel reads the file
 * again, and not for the evidence locker's own bookkeeping. */
static const char * const unshown_tables[] = {
  "audit_log", "custody_event", "docket_meta", "draft", "draft_section", "evidence_link",
  "evidence_thumbnail", "ics_export", "note", "reminder_fired", NULL
};

/* RedressDocket::changed: once per commit. */
static void
docket_changed_cb (RedressCasePage  *self,
                   RedressChangeSet *changes)
{
  const char * const *tables = redress_change_set_get_tables (changes);

  for (guint i = 0; tables[i] != NULL; i++)
    if (!g_strv_contains (unshown_tables, tables[i]))
      {
        schedule_refresh (self);
        return;
      }
}

/* The Committee's reference */

static void
committee_ref_changed_cb (RedressCasePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->committee_ref_row));

  if (self->case_file == NULL)
    return;

  if (!redress_committee_ref_is_valid (text))
    {
      const char *message = redress_committee_ref_get_hint ();

      gtk_widget_add_css_class (GTK_WIDGET (self->committee_ref_row), "error");
      gtk_label_set_label (self->reference_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->reference_error_label), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->committee_ref_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->committee_ref_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->reference_error_label), FALSE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->committee_ref_row),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (g_strcmp0 (redress_record_get_string (REDRESS_RECORD (self->case_file), "committee-ref"), text) != 0)
    {
      redress_record_set_string (REDRESS_RECORD (self->case_file), "committee-ref", text);
      redress_save_queue_schedule (self->queue, REDRESS_RECORD (self->case_file));
    }
}

/* Actions */

static void
state_chosen_cb (RedressCasePage *self,
                 const char      *code)
{
  if (self->case_file == NULL)
    return;

  redress_record_set_string (REDRESS_RECORD (self->case_file), "state-code", code);
  redress_save_queue_schedule (self->queue, REDRESS_RECORD (self->case_file));
  redress_save_queue_flush (self->queue);
  refresh_panel (self);
}

static void
choose_state_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  RedressStatePicker *picker;

  if (self->case_file == NULL)
    return;

  picker = redress_state_picker_new (parent_window (self), self->reference,
                                     redress_case_get_state_code (self->case_file));
  g_signal_connect_object (picker, "state-chosen", G_CALLBACK (state_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

/* Opens the new item's row (its section made it when the record was saved)
 * and puts the cursor in its first field. */
static void
reveal_new_row (RedressCasePage    *self,
                RedressCaseSection *section,
                RedressRecord      *record)
{
  GtkWidget *row;
  GtkWidget *first;

  refresh_panel (self);
  row = redress_case_section_find_row (section, redress_record_get_id (record));
  if (row == NULL || !REDRESS_IS_RECORD_ROW (row))
    return;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  first = redress_record_row_find_field (REDRESS_RECORD_ROW (row), "RedressPerson:given-name");
  if (first == NULL)
    first = redress_record_row_find_field (REDRESS_RECORD_ROW (row), "paragraph");
  if (first == NULL)
    first = redress_record_row_find_field (REDRESS_RECORD_ROW (row), "occurred-on");
  if (first == NULL)
    first = redress_record_row_find_field (REDRESS_RECORD_ROW (row), "forum");
  if (first == NULL)
    first = redress_record_row_find_field (REDRESS_RECORD_ROW (row), "body");
  gtk_widget_grab_focus (first ? first : row);
}

static gboolean
save_new (RedressCasePage *self,
          RedressRecord   *record)
{
  g_autoptr(GError) error = NULL;

  redress_save_queue_flush (self->queue);
  if (!redress_record_save (record, self->db, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_party (RedressCasePage *self,
           const char      *role)
{
  g_autoptr(RedressPerson) person = NULL;
  g_autoptr(RedressCaseParty) party = NULL;

  if (self->case_file == NULL || !redress_role_is_valid (role))
    return;

  person = redress_person_new ();
  if (!save_new (self, REDRESS_RECORD (person)))
    return;
  party = redress_case_party_new (self->case_id, redress_record_get_id (REDRESS_RECORD (person)), role);
  if (!save_new (self, REDRESS_RECORD (party)))
    {
      redress_record_delete (REDRESS_RECORD (person), self->db, NULL);
      return;
    }

  reveal_new_row (self, self->people_section, REDRESS_RECORD (party));
}

/* case.add-person: a new alleged victim (the most common first entry). */
static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  add_party (REDRESS_CASE_PAGE (widget), "victim");
}

/* case.add-party ROLE: a new person in ROLE. */
static void
add_party_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  add_party (REDRESS_CASE_PAGE (widget), g_variant_get_string (param, NULL));
}

/* case.add-existing-party (PERSON-ID, ROLE): a person already in the docket
 * (the child's parent as author, a representative of other cases) in one
 * more role; the same person may hold several roles in a case. */
static void
add_existing_party_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  g_autoptr(RedressCaseParty) party = NULL;
  const char *person_id, *role;

  if (self->case_file == NULL)
    return;
  g_variant_get (param, "(&s&s)", &person_id, &role);
  if (!redress_role_is_valid (role))
    return;
  party = redress_case_party_new (self->case_id, person_id, role);
  if (save_new (self, REDRESS_RECORD (party)))
    reveal_new_row (self, self->people_section, REDRESS_RECORD (party));
}

static void
existing_person_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             RedressCasePage  *self)
{
  GtkDropDown *people = g_object_get_data (G_OBJECT (dialog), "people");
  GtkDropDown *roles = g_object_get_data (G_OBJECT (dialog), "roles");
  GStrv ids = g_object_get_data (G_OBJECT (dialog), "person-ids");
  guint person = gtk_drop_down_get_selected (people);
  guint role = gtk_drop_down_get_selected (roles);

  if (g_strcmp0 (response, "add") != 0 || person >= g_strv_length (ids) ||
      role >= g_strv_length ((char **) redress_role_get_values ()))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "case.add-existing-party", "(ss)",
                              ids[person], redress_role_get_values ()[role]);
}

static void
add_existing_person_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  g_autoptr(GListModel) persons = NULL;
  g_autoptr(GListModel) parties = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GHashTable) in_case = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char * const *role_values = redress_role_get_values ();
  GtkWidget *dialog, *box, *people_dropdown, *roles_dropdown, *label;

  if (self->case_file == NULL)
    return;

  persons = redress_record_list (self->db, REDRESS_TYPE_PERSON, NULL, &error);
  if (persons == NULL)
    {
      show_error (self, error);
      return;
    }
  /* The people of this case first: they are the usual second role. */
  parties = redress_record_list (self->db, REDRESS_TYPE_CASE_PARTY, self->case_id, NULL);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (persons); i++)
      {
        g_autoptr(RedressPerson) person = g_list_model_get_item (persons, i);
        const char *id = redress_record_get_id (REDRESS_RECORD (person));
        const char *name = redress_person_get_display_name (person);
        gboolean here = FALSE;

        for (guint j = 0; parties != NULL && j < g_list_model_get_n_items (parties); j++)
          {
            g_autoptr(RedressRecord) party = g_list_model_get_item (parties, j);

            here |= g_strcmp0 (redress_record_get_string (party, "person-id"), id) == 0;
          }
        if (here != (pass == 0) || name == NULL || name[0] == '\0')
          continue;
        if (here)
          {
            /* Translators: a person already in this case, in the "Existing Person" list */
            g_autofree char *label_text = g_strdup_printf (_("%s (in this case)"), name);

            gtk_string_list_append (names, label_text);
          }
        else
          gtk_string_list_append (names, name);
        g_strv_builder_add (ids, id);
      }

  if (g_list_model_get_n_items (G_LIST_MODEL (names)) == 0)
    {
      show_toast (self, _("No named person in the docket yet: add a new person instead."));
      return;
    }
  for (guint i = 0; role_values[i] != NULL; i++)
    gtk_string_list_append (roles, redress_role_get_label (role_values[i]));

  dialog = adw_message_dialog_new (parent_window (self), _("Add an Existing Person"),
                                   _("The same person can hold several roles, such as a parent who is "
                                     "the author and gives consent for the child."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Person"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  people_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (people_dropdown), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), people_dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (people_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Person"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), people_dropdown);
  label = gtk_label_new_with_mnemonic (_("_Role in this case"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  roles_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), roles_dropdown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (roles_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Role in this case"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), roles_dropdown);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "people", people_dropdown);
  g_object_set_data (G_OBJECT (dialog), "roles", roles_dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "person-ids", g_strv_builder_end (ids), (GDestroyNotify) g_strfreev);
  g_signal_connect_object (dialog, "response", G_CALLBACK (existing_person_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
right_chosen_cb (RedressCasePage *self,
                 const char      *treaty,
                 const char      *article)
{
  g_autoptr(RedressViolation) violation = NULL;

  if (self->case_file == NULL)
    return;

  violation = redress_violation_new (self->case_id);
  redress_record_set_string (REDRESS_RECORD (violation), "treaty", treaty);
  redress_record_set_string (REDRESS_RECORD (violation), "article", article);
  if (save_new (self, REDRESS_RECORD (violation)))
    reveal_new_row (self, self->violations_section, REDRESS_RECORD (violation));
}

static void
add_violation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  RedressRightPicker *picker;

  if (self->case_file == NULL)
    return;

  picker = redress_right_picker_new (parent_window (self), self->reference,
                                     redress_case_get_state_code (self->case_file));
  g_signal_connect_object (picker, "right-chosen", G_CALLBACK (right_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
add_fact_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  g_autoptr(RedressFact) fact = NULL;

  if (self->case_file == NULL)
    return;

  fact = redress_fact_new (self->case_id);
  if (save_new (self, REDRESS_RECORD (fact)))
    reveal_new_row (self, self->facts_section, REDRESS_RECORD (fact));
}

static void
add_remedy_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  g_autoptr(RedressDomesticRemedy) remedy = NULL;

  if (self->case_file == NULL)
    return;

  remedy = redress_domestic_remedy_new (self->case_id);
  if (save_new (self, REDRESS_RECORD (remedy)))
    reveal_new_row (self, self->remedies_section, REDRESS_RECORD (remedy));
}

static void
add_other_procedure_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  g_autoptr(RedressOtherProcedure) other = NULL;

  if (self->case_file == NULL)
    return;

  other = redress_other_procedure_new (self->case_id);
  if (save_new (self, REDRESS_RECORD (other)))
    reveal_new_row (self, self->other_section, REDRESS_RECORD (other));
}

static void
event_recorded_cb (RedressCasePage *self,
                   const char      *event_id)
{
  refresh_panel (self);
  show_toast (self, _("Event recorded"));
}

static void
record_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);
  RedressEventDialog *dialog;

  if (self->case_file == NULL || !gtk_widget_get_mapped (widget))
    return;

  redress_save_queue_flush (self->queue);
  dialog = redress_event_dialog_new (parent_window (self), self->db, self->case_id,
                                     redress_case_get_kind (self->case_file));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (event_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  redress_case_page_delete_case (REDRESS_CASE_PAGE (widget));
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (widget);

  if (!gtk_widget_get_mapped (widget))
    return;
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Narrow: the Record Event button keeps only its icon (and its tooltip). */
static void
flap_folded_cb (RedressCasePage *self)
{
  adw_button_content_set_label (self->record_event_content,
                                adw_flap_get_folded (self->flap) ? "" : _("_Record Event"));
}

static void
update_actions (RedressCasePage *self)
{
  static const char * const actions[] = {
    "case.choose-state", "case.add-person", "case.add-party", "case.add-existing-person",
    "case.add-existing-party", "case.add-violation", "case.add-fact",
    "case.add-remedy", "case.add-other-procedure", "case.record-event", "case.delete",
  };
  gboolean has_case = self->case_file != NULL;
  gboolean writable = has_case && !redress_database_get_read_only (self->db);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], writable);
}

/* GObject */

static void
redress_case_page_unmap (GtkWidget *widget)
{
  redress_case_page_flush (REDRESS_CASE_PAGE (widget));

  GTK_WIDGET_CLASS (redress_case_page_parent_class)->unmap (widget);
}

static void
redress_case_page_dispose (GObject *object)
{
  RedressCasePage *self = (RedressCasePage *)object;

  if (self->queue != NULL)
    redress_save_queue_flush (self->queue);
  if (self->pending != NULL)
    commit_all_pending (self);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_CASE_PAGE);
  self->toast_overlay = NULL;

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->case_file);
  g_clear_object (&self->file);
  g_clear_object (&self->queue);
  g_clear_object (&self->reference);
  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (redress_case_page_parent_class)->dispose (object);
}

static void
redress_case_page_finalize (GObject *object)
{
  RedressCasePage *self = (RedressCasePage *)object;

  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->last_save_error, g_free);
  g_clear_pointer (&self->hidden_ids, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (redress_case_page_parent_class)->finalize (object);
}

static void
redress_case_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_case_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RedressCasePage *self = REDRESS_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      redress_case_page_set_case (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_case_page_class_init (RedressCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_case_page_dispose;
  object_class->finalize = redress_case_page_finalize;
  object_class->get_property = redress_case_page_get_property;
  object_class->set_property = redress_case_page_set_property;

  widget_class->unmap = redress_case_page_unmap;

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (REDRESS_TYPE_TEXT_AREA);
  g_type_ensure (REDRESS_TYPE_PEOPLE_SECTION);
  g_type_ensure (REDRESS_TYPE_VIOLATIONS_SECTION);
  g_type_ensure (REDRESS_TYPE_FACTS_SECTION);
  g_type_ensure (REDRESS_TYPE_REMEDIES_SECTION);
  g_type_ensure (REDRESS_TYPE_OTHER_PROCEDURES_SECTION);
  g_type_ensure (REDRESS_TYPE_HISTORY_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, flap);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, in_writing_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, record_event_button);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, record_event_content);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, committee_ref_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, reference_error_label);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, summary_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, state_group);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, state_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, state_name_label);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, state_op3_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, state_op3_icon);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, state_treaties_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, state_optout_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, remedies_excuse_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, time_limit_excuse_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, interim_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, best_interests_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, child_views_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, remedies_sought_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, inquiry_box);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, inquiry_info_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, inquiry_sources_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, inquiry_period_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, inquiry_places_row);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, visit_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, findings_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, follow_up_area);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, people_section);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, violations_section);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, facts_section);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, remedies_section);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, other_section);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, history_section);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, admissibility_group);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, admissibility_list);
  gtk_widget_class_bind_template_child (widget_class, RedressCasePage, deadlines_list);

  gtk_widget_class_install_action (widget_class, "case.choose-state", NULL, choose_state_action);
  gtk_widget_class_install_action (widget_class, "case.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "case.add-party", "s", add_party_action);
  gtk_widget_class_install_action (widget_class, "case.add-existing-person", NULL, add_existing_person_action);
  gtk_widget_class_install_action (widget_class, "case.add-existing-party", "(ss)", add_existing_party_action);
  gtk_widget_class_install_action (widget_class, "case.add-violation", NULL, add_violation_action);
  gtk_widget_class_install_action (widget_class, "case.add-fact", NULL, add_fact_action);
  gtk_widget_class_install_action (widget_class, "case.add-remedy", NULL, add_remedy_action);
  gtk_widget_class_install_action (widget_class, "case.add-other-procedure", NULL, add_other_procedure_action);
  gtk_widget_class_install_action (widget_class, "case.record-event", NULL, record_event_action);
  gtk_widget_class_install_action (widget_class, "case.delete", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "case.toggle-panel", NULL, toggle_panel_action);

}

static void
redress_case_page_init (RedressCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template's root: not bound, so dispose_template() leaves it to AdwBin. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  self->hidden_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func (pending_delete_free);
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_list_box_set_placeholder (self->admissibility_list, make_placeholder (_("Open a communication to check it")));
  gtk_list_box_set_placeholder (self->deadlines_list, make_placeholder (_("No open deadline")));

  g_signal_connect_swapped (self->committee_ref_row, "changed", G_CALLBACK (committee_ref_changed_cb), self);
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self);

  /* F9 and Ctrl+E work wherever the focus is in the window. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F9, 0),
                                                            gtk_named_action_new ("case.toggle-panel")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("case.record-event")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  update_actions (self);
}

GtkWidget *
redress_case_page_new (RedressDatabase *db)
{
  RedressCasePage *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  self = g_object_new (REDRESS_TYPE_CASE_PAGE, NULL);
  self->db = g_object_ref (db);
  self->queue = redress_save_queue_new (db, SAVE_DELAY_MS);
  g_signal_connect_object (self->queue, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);

  self->reference = g_object_ref (redress_docket_get_reference (redress_docket_get_for_database (db)));

  self->store = g_object_ref (redress_docket_get_evidence_store (redress_docket_get_for_database (db)));
  {
    RedressCaseSection *all[N_SECTIONS];

    get_sections (self, all);
    for (guint i = 0; i < N_SECTIONS; i++)
      {
        redress_case_section_setup (all[i], self->queue, self->reference, self->store);
        g_signal_connect_object (all[i], "delete-requested", G_CALLBACK (row_delete_requested_cb),
                                 self, G_CONNECT_SWAPPED);
        g_signal_connect_object (all[i], "failed", G_CALLBACK (show_error), self, G_CONNECT_SWAPPED);
      }
  }

  self->evidence_panel = redress_evidence_panel_new (db);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->time_limit_excuse_area)),
                              self->evidence_panel, self->time_limit_excuse_area);
  self->letters_panel = redress_letters_panel_new (db);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->evidence_panel)),
                              self->letters_panel, self->evidence_panel);
  self->timeline_view = redress_timeline_view_new (db);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->letters_panel)),
                              self->timeline_view, self->letters_panel);

  /* The docket runs the procedure engine's rules (D01 follows the domestic
   * remedies) for every writer; the page redraws once per commit. */
  g_signal_connect_object (redress_docket_get_for_database (db), "changed", G_CALLBACK (docket_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

static void
bind_case_fields (RedressCasePage *self)
{
  RedressRecord *record = REDRESS_RECORD (self->case_file);
  const char *committee_ref = redress_record_get_string (record, "committee-ref");

  redress_bind_editable (GTK_WIDGET (self->title_row), record, "title", self->queue);
  redress_bind_editable (GTK_WIDGET (self->reference_row), record, "reference", self->queue);
  gtk_editable_set_text (GTK_EDITABLE (self->committee_ref_row), committee_ref ? committee_ref : "");
  redress_bind_tristate (self->in_writing_row, record, "in-writing", self->queue);
  redress_bind_text_area (self->summary_area, record, "summary", self->queue);
  redress_bind_text_area (self->remedies_excuse_area, record, "remedies-excuse", self->queue);
  redress_bind_text_area (self->time_limit_excuse_area, record, "time-limit-excuse", self->queue);
  redress_bind_text_area (self->interim_area, record, "interim-measures", self->queue);
  redress_bind_text_area (self->best_interests_area, record, "best-interests", self->queue);
  redress_bind_text_area (self->child_views_area, record, "child-views", self->queue);
  redress_bind_text_area (self->remedies_sought_area, record, "remedies-sought", self->queue);
  redress_bind_text_area (self->inquiry_info_area, record, "facts", self->queue);
  redress_bind_text_area (self->inquiry_sources_area, record, "inquiry-sources", self->queue);
  redress_bind_editable (GTK_WIDGET (self->inquiry_period_row), record, "inquiry-period", self->queue);
  redress_bind_editable (GTK_WIDGET (self->inquiry_places_row), record, "inquiry-places", self->queue);
  redress_bind_text_area (self->visit_area, record, "visit", self->queue);
  redress_bind_text_area (self->findings_area, record, "findings", self->queue);
  redress_bind_text_area (self->follow_up_area, record, "follow-up", self->queue);

  /* What the page shows of the case follows its properties. */
  g_signal_connect_object (self->case_file, "notify::title", G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_file, "notify::reference", G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_file, "notify::stage", G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_file, "notify::kind", G_CALLBACK (update_heading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_file, "notify::state-code", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  bind_kind (self);
  update_heading (self);
  update_state (self);
}

/**
 * redress_case_page_set_case:
 * @case_id: (nullable): the case to show, or %NULL for none
 *
 * Saves what was typed in the previous case first.
 */
void
redress_case_page_set_case (RedressCasePage *self,
                            const char      *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressCaseFile) file = NULL;

  g_return_if_fail (REDRESS_IS_CASE_PAGE (self));

  /* Pending deletions keep their Undo toast across a change of case. */
  redress_save_queue_flush (self->queue);

  if (self->case_file != NULL)
    g_signal_handlers_disconnect_by_data (self->case_file, self);
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
  g_clear_object (&self->case_file);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  /* A case waiting for its deletion stays closed until Undo. */
  if (case_id != NULL && !g_hash_table_contains (self->hidden_ids, case_id))
    {
      file = redress_case_file_new (self->db, case_id, &error);
      if (file == NULL)
        show_error (self, error);
    }
  if (file != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      /* Deletions waiting for their Undo stay hidden in the case reopened. */
      g_hash_table_iter_init (&iter, self->hidden_ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        redress_case_file_set_hidden (file, id, TRUE);
    }

  g_set_object (&self->file, file);
  {
    RedressCaseSection *all[N_SECTIONS];

    get_sections (self, all);
    for (guint i = 0; i < N_SECTIONS; i++)
      redress_case_section_set_case_file (all[i], file);
  }
  clear_list (self->admissibility_list);
  clear_list (self->deadlines_list);

  if (file != NULL)
    {
      self->case_file = g_object_ref (redress_case_file_get_case (file));
      self->case_id = g_strdup (case_id);
      bind_case_fields (self);
      refresh_panel (self);
      gtk_stack_set_visible_child_name (self->stack, "case");
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  redress_evidence_panel_set_case_file (REDRESS_EVIDENCE_PANEL (self->evidence_panel), self->file);
  redress_letters_panel_set_case (REDRESS_LETTERS_PANEL (self->letters_panel), self->case_id);
  redress_timeline_view_set_case (REDRESS_TIMELINE_VIEW (self->timeline_view), self->case_id);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

const char *
redress_case_page_get_case_id (RedressCasePage *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_PAGE (self), NULL);

  return self->case_id;
}

/* Writes what is still waiting for the typing pause; FALSE if it failed
 * (the user was told, and the edits stay queued). */
gboolean
redress_case_page_flush (RedressCasePage *self)
{
  g_return_val_if_fail (REDRESS_IS_CASE_PAGE (self), FALSE);

  return self->queue == NULL || redress_save_queue_flush (self->queue);
}

/* Hides the case and deletes it when the Undo toast goes away. */
void
redress_case_page_delete_case (RedressCasePage *self)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *message = NULL;

  g_return_if_fail (REDRESS_IS_CASE_PAGE (self));

  if (self->case_file == NULL)
    return;

  redress_save_queue_flush (self->queue);

  g_ptr_array_add (records, g_object_ref (self->case_file));
  message = g_strdup_printf (_("Case %s deleted"), redress_case_get_reference (self->case_file));
  redress_case_page_set_case (self, NULL);
  request_delete (self, NULL, records, message, TRUE);
}

static GtkWidget *
list_for_table (RedressCasePage *self,
                const char      *table,
                GtkWidget      **add_button)
{
  static const struct { const char *table; gsize section; } lists[] = {
    { "case_party", G_STRUCT_OFFSET (RedressCasePage, people_section) },
    { "person", G_STRUCT_OFFSET (RedressCasePage, people_section) },
    { "violation", G_STRUCT_OFFSET (RedressCasePage, violations_section) },
    { "violation_fact", G_STRUCT_OFFSET (RedressCasePage, violations_section) },
    { "fact", G_STRUCT_OFFSET (RedressCasePage, facts_section) },
    { "domestic_remedy", G_STRUCT_OFFSET (RedressCasePage, remedies_section) },
    { "other_procedure", G_STRUCT_OFFSET (RedressCasePage, other_section) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].table, table) == 0)
      {
        RedressCaseSection *section = G_STRUCT_MEMBER (RedressCaseSection *, self, lists[i].section);

        *add_button = redress_case_section_get_add_button (section);
        return GTK_WIDGET (redress_case_section_get_list (section));
      }

  return NULL;
}

/**
 * redress_case_page_focus_field:
 * @field: a field hint, "table.column" or "table" (see RedressGroundResult)
 *
 * Moves the keyboard focus to the widget that edits @field: a case field,
 * the field in the first item of a list (opening it), or the list's Add
 * button when the list is empty.
 */
void
redress_case_page_focus_field (RedressCasePage *self,
                               const char      *field)
{
  static const struct { const char *column; gsize offset; } case_fields[] = {
    { "title", G_STRUCT_OFFSET (RedressCasePage, title_row) },
    { "reference", G_STRUCT_OFFSET (RedressCasePage, reference_row) },
    { "committee_ref", G_STRUCT_OFFSET (RedressCasePage, committee_ref_row) },
    { "summary", G_STRUCT_OFFSET (RedressCasePage, summary_area) },
    { "in_writing", G_STRUCT_OFFSET (RedressCasePage, in_writing_row) },
    { "state_code", G_STRUCT_OFFSET (RedressCasePage, state_row) },
    { "remedies_excuse", G_STRUCT_OFFSET (RedressCasePage, remedies_excuse_area) },
    { "time_limit_excuse", G_STRUCT_OFFSET (RedressCasePage, time_limit_excuse_area) },
    { "submitted_on", G_STRUCT_OFFSET (RedressCasePage, record_event_button) },
    { "stage", G_STRUCT_OFFSET (RedressCasePage, record_event_button) },
    { "interim_measures", G_STRUCT_OFFSET (RedressCasePage, interim_area) },
    { "best_interests", G_STRUCT_OFFSET (RedressCasePage, best_interests_area) },
    { "child_views", G_STRUCT_OFFSET (RedressCasePage, child_views_area) },
    { "facts", G_STRUCT_OFFSET (RedressCasePage, inquiry_info_area) },
  };
  g_auto(GStrv) parts = NULL;
  GtkWidget *target = NULL;

  g_return_if_fail (REDRESS_IS_CASE_PAGE (self));

  if (field == NULL || self->case_file == NULL)
    return;

  parts = g_strsplit (field, ".", 2);

  if (g_strcmp0 (parts[0], "case_file") == 0)
    {
      for (guint i = 0; parts[1] != NULL && i < G_N_ELEMENTS (case_fields); i++)
        if (g_strcmp0 (case_fields[i].column, parts[1]) == 0)
          target = G_STRUCT_MEMBER (GtkWidget *, self, case_fields[i].offset);
    }
  else
    {
      GtkWidget *add_button = NULL;
      GtkWidget *list = list_for_table (self, parts[0], &add_button);

      if (list == NULL)
        return;

      target = add_button;

      /* Art 7(f): the first violation that no fact supports, at its links. */
      if (g_strcmp0 (parts[0], "violation_fact") == 0)
        {
          for (GtkWidget *child = gtk_widget_get_first_child (list);
               child != NULL; child = gtk_widget_get_next_sibling (child))
            {
              RedressLinkRow *link_row;

              if (!REDRESS_IS_RECORD_ROW (child) || !gtk_widget_get_visible (child))
                continue;
              link_row = g_object_get_data (G_OBJECT (child), "violation_fact");
              if (target == add_button || redress_link_row_get_n_linked (link_row) == 0)
                {
                  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child), TRUE);
                  target = redress_link_row_get_button (link_row);
                  if (redress_link_row_get_n_linked (link_row) == 0)
                    break;
                }
            }
          list = NULL;
        }

      for (GtkWidget *child = list ? gtk_widget_get_first_child (list) : NULL;
           child != NULL; child = gtk_widget_get_next_sibling (child))
        if (REDRESS_IS_RECORD_ROW (child) && gtk_widget_get_visible (child))
          {
            RedressRecordRow *row = REDRESS_RECORD_ROW (child);
            g_autofree char *property = NULL;
            GtkWidget *widget = NULL;

            target = child;
            if (parts[1] != NULL)
              {
                property = g_strdelimit (g_strdup (parts[1]), "_", '-');
                if (g_strcmp0 (parts[0], "person") == 0)
                  {
                    g_autofree char *key = g_strconcat ("RedressPerson:", property, NULL);

                    widget = redress_record_row_find_field (row, key);
                  }
                else
                  widget = redress_record_row_find_field (row, property);
              }
            if (widget != NULL)
              {
                adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
                target = widget;
              }
            break;
          }
    }

  if (target == NULL)
    return;

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (target);
}
