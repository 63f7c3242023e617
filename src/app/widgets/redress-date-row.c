/* redress-date-row.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry row for a legal date.  It accepts the ISO form the docket keeps
 * (2025-03-10; with :partial, also 2025-03 and 2025, as a date of birth may
 * be known) and a full date written the way the user's locale writes it
 * ("10/03/2025" in France, "3/10/2025" in the United States, month names
 * too), read with GLib's locale rules.  While the text is not a date, the
 * row's title says what is wrong and how to write it (never colour alone);
 * a date read from the locale's form shows how it was read, and becomes
 * ISO when the focus leaves.  A calendar popover picks a day.
 */

#define G_LOG_DOMAIN "redress-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-date-row.h"
#include "redress-util.h"

struct _RedressDateRow
{
  AdwEntryRow  parent_instance;

  char        *title;     /* the row's own title, shown when the text is fine */
  char        *problem;   /* what is wrong with the text, or NULL */
  char        *shown;     /* the title this row last set itself */
  gboolean     partial;
  gboolean     updating;

  /* Template children */
  GtkMenuButton *calendar_button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (RedressDateRow, redress_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_PARTIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text of the ISO shape: digits and dashes only. */
static gboolean
looks_iso (const char *text)
{
  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return strchr (text, '-') != NULL || strlen (text) == 4;
}

/**
 * redress_date_parse:
 * @text: what the user typed
 * @partial: whether YYYY and YYYY-MM are dates too
 * @iso: (out) (optional): the date as YYYY-MM-DD (or YYYY, YYYY-MM), or
 *   %NULL for an empty text
 * @problem: (out) (optional): a sentence saying what is wrong
 *
 * Returns: %TRUE when @text is empty or a date.
 */
gboolean
redress_date_parse (const char  *text,
                    gboolean     partial,
                    char       **iso,
                    char       **problem)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GDate date;

  if (iso != NULL)
    *iso = NULL;
  if (problem != NULL)
    *problem = NULL;

  if (stripped[0] == '\0')
    return TRUE;

  if (looks_iso (stripped))
    {
      if (partial ? redress_partial_date_is_valid (stripped) : redress_iso_date_is_valid (stripped))
        {
          if (iso != NULL)
            *iso = g_steal_pointer (&stripped);
          return TRUE;
        }
      if (problem != NULL)
        *problem = g_strdup (partial
                               ? _("Not a date: write it as 2025-03-10, or 2025-03 or 2025 when only the month or year is known")
                               : _("Not a date: check the month and the day, as in 2025-03-10"));
      return FALSE;
    }

  /* The locale's own way of writing a full date. */
  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  if (g_date_valid (&date) && g_date_get_year (&date) >= 1900 && g_date_get_year (&date) <= 2200)
    {
      if (iso != NULL)
        *iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date));
      return TRUE;
    }

  if (problem != NULL)
    {
      GDate example;
      char written[64] = "";

      /* An example in the locale's form: 10 March 2025 as %x writes it. */
      g_date_clear (&example, 1);
      g_date_set_dmy (&example, 10, G_DATE_MARCH, 2025);
      g_date_strftime (written, sizeof written, "%x", &example);
      *problem = g_strdup_printf (_("Not a date: write it as 2025-03-10 or as %s"), written);
    }
  return FALSE;
}

/* Named explicitly, from the title shown: GTK 4.8 does not give the entry
 * row's text the name of a title set after the row was built. */
static void
update_accessible_name (RedressDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  if (title == NULL || *title == '\0')
    title = self->title;
  if (title != NULL && *title != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
show_state (RedressDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *iso = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *title = NULL;

  g_clear_pointer (&self->problem, g_free);
  if (!redress_date_parse (text, self->partial, &iso, &problem))
    {
      self->problem = g_steal_pointer (&problem);
      /* Translators: a date field's title while its text is wrong: "Date of birth: Not a date: ..." */
      title = g_strdup_printf (_("%s: %s"), self->title ? self->title : "", self->problem);
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->problem, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      if (iso != NULL && g_strcmp0 (iso, g_strstrip (g_strdup (text))) != 0)
        /* Translators: a date typed in the locale's form, and how it was read: "Date: read as 2025-03-10" */
        title = g_strdup_printf (_("%s: read as %s"), self->title ? self->title : "", iso);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID);
    }

  /* Notifications may arrive after this returns (set_text freezes them):
   * title_notify_cb() knows this title by its text. */
  g_free (self->shown);
  self->shown = g_strdup (title != NULL ? title : self->title);
  self->updating = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->shown);
  self->updating = FALSE;
  /* Named explicitly: a title set after the row was built does not reach
   * GTK 4.8's accessible name of the entry. */
  update_accessible_name (self);
}

static void
changed_cb (RedressDateRow *self)
{
  show_state (self);
}

/* Leaving the field writes a locale-form date as ISO, so the reading is plain. */
static void
focus_leave_cb (RedressDateRow *self)
{
  g_autofree char *iso = redress_date_row_get_iso (self);

  if (iso != NULL && g_strcmp0 (iso, gtk_editable_get_text (GTK_EDITABLE (self))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), iso);
}

static void
title_notify_cb (RedressDateRow *self)
{
  update_accessible_name (self);
  if (self->updating ||
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), self->shown) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
  show_state (self);
}

static void
popover_show_cb (RedressDateRow *self)
{
  g_autofree char *iso = redress_date_row_get_iso (self);
  g_autoptr(GDateTime) when = NULL;

  if (iso != NULL && strlen (iso) == 10)
    {
      g_autofree char *stamp = g_strconcat (iso, "T12:00:00Z", NULL);

      when = g_date_time_new_from_iso8601 (stamp, NULL);
    }
  if (when == NULL)
    when = g_date_time_new_now_local ();
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->updating = FALSE;
}

static void
day_selected_cb (RedressDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (self->updating)
    return;
  when = gtk_calendar_get_date (self->calendar);
  redress_date_row_pick (self, g_date_time_get_year (when), g_date_time_get_month (when),
                         g_date_time_get_day_of_month (when));
  gtk_popover_popdown (self->popover);
}

static void
redress_date_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RedressDateRow *self = REDRESS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTIAL:
      g_value_set_boolean (value, self->partial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_date_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RedressDateRow *self = REDRESS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_PARTIAL:
      redress_date_row_set_partial (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_date_row_dispose (GObject *object)
{
  RedressDateRow *self = (RedressDateRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_DATE_ROW);

  G_OBJECT_CLASS (redress_date_row_parent_class)->dispose (object);
}

static void
redress_date_row_finalize (GObject *object)
{
  RedressDateRow *self = (RedressDateRow *)object;

  g_free (self->title);
  g_free (self->problem);
  g_free (self->shown);

  G_OBJECT_CLASS (redress_date_row_parent_class)->finalize (object);
}

static void
redress_date_row_class_init (RedressDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = redress_date_row_get_property;
  object_class->set_property = redress_date_row_set_property;
  object_class->dispose = redress_date_row_dispose;
  object_class->finalize = redress_date_row_finalize;

  /**
   * RedressDateRow:partial:
   *
   * Whether a year (2008) or a month (2008-06) alone is a date.
   */
  properties[PROP_PARTIAL] =
    g_param_spec_boolean ("partial", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, RedressDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, RedressDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
redress_date_row_init (RedressDateRow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_notify_cb), NULL);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
redress_date_row_new (const char *title,
                      gboolean    partial)
{
  return g_object_new (REDRESS_TYPE_DATE_ROW, "title", title, "partial", partial, NULL);
}

gboolean
redress_date_row_get_partial (RedressDateRow *self)
{
  g_return_val_if_fail (REDRESS_IS_DATE_ROW (self), FALSE);

  return self->partial;
}

void
redress_date_row_set_partial (RedressDateRow *self,
                              gboolean        partial)
{
  g_return_if_fail (REDRESS_IS_DATE_ROW (self));

  partial = !!partial;
  if (self->partial == partial)
    return;
  self->partial = partial;
  show_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIAL]);
}

/* The text as ISO, or NULL when it is empty or not a date. */
char *
redress_date_row_get_iso (RedressDateRow *self)
{
  char *iso = NULL;

  g_return_val_if_fail (REDRESS_IS_DATE_ROW (self), NULL);

  redress_date_parse (gtk_editable_get_text (GTK_EDITABLE (self)), self->partial, &iso, NULL);
  return iso;
}

/* What is wrong with the text, or NULL when it is empty or a date. */
const char *
redress_date_row_get_problem (RedressDateRow *self)
{
  g_return_val_if_fail (REDRESS_IS_DATE_ROW (self), NULL);

  return self->problem;
}

/* Puts a day in the field, as the calendar does. */
void
redress_date_row_pick (RedressDateRow *self,
                       int             year,
                       int             month,
                       int             day)
{
  g_autofree char *iso = NULL;

  g_return_if_fail (REDRESS_IS_DATE_ROW (self));

  iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  gtk_editable_set_text (GTK_EDITABLE (self), iso);
}
