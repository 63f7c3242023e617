/* redress-ics.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each deadline becomes one all-day VEVENT (DTSTART;VALUE=DATE, DTEND the
 * next day, RFC 5545 section 3.6.1) with a VALARM per reminder offset.  The
 * UID is the deadline's own and never changes; SEQUENCE rises each time the
 * event's content changed since the last export (section 3.8.7.4), so a
 * calendar that imports the file again updates its events instead of
 * adding copies.  Deadlines closed since an earlier export stay in the file,
 * marked done or cancelled, so calendars drop their alarms.
 *
 * Legal dates have no time zone: they go from "YYYY-MM-DD" to a floating
 * DATE value field by field, never through time_t, so no zone can move them.
 */

#define G_LOG_DOMAIN "redress-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "redress-agenda.h"
#include "redress-deadline-rules.h"
#include "redress-ics.h"
#include "redress-reminders.h"
#include "redress-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static struct icaltimetype
ical_date_from_iso (const char *iso,
                    int         add_days)
{
  g_autoptr(GDate) date = redress_iso_date_parse (iso);
  struct icaltimetype t = icaltime_null_date ();

  g_assert (date != NULL);
  if (add_days > 0)
    g_date_add_days (date, (guint) add_days);
  t.year = g_date_get_year (date);
  t.month = g_date_get_month (date);
  t.day = g_date_get_day (date);
  t.is_date = 1;
  return t;
}

static void
add_x_property (icalcomponent *comp,
                const char    *name,
                const char    *value)
{
  icalproperty *prop = icalproperty_new_x (value);

  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (comp, prop);
}

static void
add_alarm (icalcomponent *event,
           int            offset_days,
           const char    *text)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype trigger;

  memset (&trigger, 0, sizeof trigger);
  trigger.time = icaltime_null_time ();
  trigger.duration = icaldurationtype_null_duration ();
  if (offset_days > 0)
    {
      trigger.duration.is_neg = 1;
      trigger.duration.days = (unsigned int) offset_days;
    }
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (text));
  icalcomponent_add_component (event, alarm);
}

static char *
describe_item (RedressAgendaItem *item,
               gboolean           include_names)
{
  GString *s = g_string_new (NULL);
  const char *computed = redress_agenda_item_get_computed_due (item);
  const char *letter = redress_agenda_item_get_letter_due (item);
  const char *extended = redress_agenda_item_get_extended_due (item);
  const char *status = redress_agenda_item_get_status (item);

  g_string_append_printf (s, _("Case: %s"), redress_agenda_item_get_case_reference (item));
  g_string_append_c (s, '\n');
  if (include_names)
    {
      const char *title = redress_agenda_item_get_case_title (item);
      const char *names = redress_agenda_item_get_child_names (item);

      if (title != NULL && *title != '\0')
        {
          g_string_append_printf (s, _("Title: %s"), title);
          g_string_append_c (s, '\n');
        }
      if (names != NULL && *names != '\0')
        {
          g_string_append_printf (s, _("Children: %s"), names);
          g_string_append_c (s, '\n');
        }
    }
  g_string_append_printf (s, _("Due: %s"), redress_agenda_item_get_what (item));
  g_string_append_c (s, '\n');
  if (*redress_agenda_item_get_who (item) != '\0')
    {
      g_string_append_printf (s, _("Who must act: %s"), redress_agenda_item_get_who (item));
      g_string_append_c (s, '\n');
    }
  if (*redress_agenda_item_get_legal_source (item) != '\0')
    {
      g_string_append_printf (s, _("Legal source: %s"), redress_agenda_item_get_legal_source (item));
      g_string_append_c (s, '\n');
    }
  if (computed != NULL)
    {
      g_string_append_printf (s, _("Computed date: %s"), computed);
      g_string_append_c (s, '\n');
    }
  {
    g_autofree char *start = redress_agenda_item_describe_start (item);

    if (start != NULL)
      {
        g_string_append (s, start);
        g_string_append_c (s, '\n');
      }
  }
  if (redress_agenda_item_get_in_force (item))
    {
      g_string_append_printf (s, _("Interim measures in force since %s (OP3 art 6); no breach recorded."),
                              redress_agenda_item_get_trigger_date (item));
      g_string_append_c (s, '\n');
    }
  else if (redress_agenda_item_get_breach_on (item) != NULL)
    {
      g_string_append_printf (s, _("Non-compliance with the interim measures recorded on %s (OP3 art 6)."),
                              redress_agenda_item_get_breach_on (item));
      g_string_append_c (s, '\n');
    }
  if (letter != NULL)
    {
      g_string_append_printf (s, _("Date in the Committee’s letter: %s"), letter);
      g_string_append_c (s, '\n');
    }
  if (extended != NULL)
    {
      g_string_append_printf (s, _("Extended to: %s"), extended);
      g_string_append_c (s, '\n');
    }
  if (g_strcmp0 (status, "done") == 0)
    g_string_append_printf (s, _("Done on %s: %s"),
                            redress_agenda_item_get_closed_on (item) ? redress_agenda_item_get_closed_on (item) : "",
                            redress_agenda_item_get_closed_by (item));
  else if (g_strcmp0 (status, "waived") == 0)
    g_string_append_printf (s, _("Waived: %s"), redress_agenda_item_get_waive_reason (item));
  else if (g_strcmp0 (status, "superseded") == 0)
    g_string_append (s, _("Superseded by a later deadline."));
  g_string_append_printf (s, "\n%s %s", _("Deadline rule"), redress_agenda_item_get_rule_id (item));

  return g_string_free (s, FALSE);
}

static char *
summarize_item (RedressAgendaItem *item,
                gboolean           include_names)
{
  const char *status = redress_agenda_item_get_status (item);
  const char *title = redress_agenda_item_get_case_title (item);
  g_autofree char *who = NULL;

  if (include_names && title != NULL && *title != '\0')
    who = g_strdup_printf ("%s (%s)", redress_agenda_item_get_case_reference (item), title);
  else
    who = g_strdup (redress_agenda_item_get_case_reference (item));

  if (g_strcmp0 (status, "done") == 0)
    /* Translators: a calendar event title: case reference, what was due */
    return g_strdup_printf (_("Done — %s: %s"), who, redress_agenda_item_get_what (item));
  if (g_strcmp0 (status, "open") != 0)
    return g_strdup_printf (_("Cancelled — %s: %s"), who, redress_agenda_item_get_what (item));
  if (redress_agenda_item_get_urgent (item))
    return g_strdup_printf (_("URGENT — %s: %s"), who, redress_agenda_item_get_what (item));
  /* Translators: a calendar event title: case reference, what is due */
  return g_strdup_printf (_("%s: %s"), who, redress_agenda_item_get_what (item));
}

/* The event without UID, DTSTAMP and SEQUENCE: what the content hash covers. */
static icalcomponent *
build_event (RedressAgendaItem *item,
             const RedressIcsOptions *options,
             const int         *offsets,
             guint              n_offsets)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  const char *due = redress_agenda_item_get_due (item);
  const char *status = redress_agenda_item_get_status (item);
  g_autofree char *summary = summarize_item (item, options->include_names);
  g_autofree char *description = describe_item (item, options->include_names);
  gboolean open = g_strcmp0 (status, "open") == 0;

  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date_from_iso (due, 0)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date_from_iso (due, 1)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_categories ("Redress"));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event, icalproperty_new_class (ICAL_CLASS_CONFIDENTIAL));
  icalcomponent_add_property (event,
                              icalproperty_new_status (g_strcmp0 (status, "done") == 0 || open
                                                       ? ICAL_STATUS_CONFIRMED
                                                       : ICAL_STATUS_CANCELLED));
  if (redress_agenda_item_get_urgent (item))
    icalcomponent_add_property (event, icalproperty_new_priority (1));
  add_x_property (event, "X-REDRESS-DEADLINE-RULE", redress_agenda_item_get_rule_id (item));
  add_x_property (event, "X-REDRESS-STATUS", status);

  if (open)
    {
      g_autoptr(GArray) kept = redress_reminders_offsets_for (item, offsets, n_offsets);

      /* The same days as the desktop reminders, the day itself last. */
      for (guint i = 0; i < kept->len; i++)
        add_alarm (event, g_array_index (kept, int, i), summary);
    }

  return event;
}

static char *
hash_component (icalcomponent *comp)
{
  char *text = icalcomponent_as_ical_string_r (comp);
  char *ret = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  icalmemory_free_buffer (text);
  return ret;
}

/**
 * redress_ics_export:
 * @options: which deadlines, and whether names may appear
 * @out_n_events: (out) (optional): how many events the calendar holds
 *
 * Builds the calendar and records the export (UID, SEQUENCE) in the docket.
 *
 * Returns: (transfer full): the iCalendar text, CRLF line ends.
 */
char *
redress_ics_export (RedressDatabase          *db,
                    const RedressIcsOptions  *options,
                    guint                    *out_n_events,
                    GError                  **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) now_utc = NULL;
  g_autofree char *today = NULL;
  struct icaltimetype stamp;
  const int *offsets;
  guint n_offsets;
  char *text;
  char *ret;
  guint n;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  now = options->now != NULL ? g_date_time_ref (options->now) : g_date_time_new_now_local ();
  now_utc = g_date_time_to_utc (now);
  today = redress_agenda_today_from_clock (now);
  if (options->offsets != NULL)
    {
      offsets = options->offsets;
      n_offsets = options->n_offsets;
    }
  else
    offsets = redress_deadline_default_reminder_offsets (&n_offsets);

  items = redress_agenda_list_for_export (db, options->case_id, today, error);
  if (items == NULL)
    return NULL;

  stamp = icaltime_null_time ();
  stamp.year = g_date_time_get_year (now_utc);
  stamp.month = g_date_time_get_month (now_utc);
  stamp.day = g_date_time_get_day_of_month (now_utc);
  stamp.hour = g_date_time_get_hour (now_utc);
  stamp.minute = g_date_time_get_minute (now_utc);
  stamp.second = g_date_time_get_second (now_utc);
  stamp.zone = icaltimezone_get_utc_timezone ();

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Redress//Redress " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  add_x_property (calendar, "X-WR-CALNAME", _("Redress deadlines"));

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressAgendaItem) item = g_list_model_get_item (items, i);
      icalcomponent *event = build_event (item, options, offsets, n_offsets);
      g_autofree char *hash = hash_component (event);
      g_autofree char *uid = NULL;
      int sequence = 0;

      if (!redress_agenda_record_export (db, redress_agenda_item_get_deadline_id (item), hash,
                                         &uid, &sequence, error))
        {
          icalcomponent_free (event);
          return NULL;
        }
      icalcomponent_add_property (event, icalproperty_new_uid (uid));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
      icalcomponent_add_property (event, icalproperty_new_sequence (sequence));
      icalcomponent_add_component (calendar, event);
    }

  if (out_n_events != NULL)
    *out_n_events = n;

  text = icalcomponent_as_ical_string_r (calendar);
  ret = g_strdup (text);
  icalmemory_free_buffer (text);
  return ret;
}

/**
 * redress_ics_export_to_file:
 * @path: where to write; an existing file is replaced atomically
 *
 * Like redress_ics_export(), then writes the calendar to @path.
 */
gboolean
redress_ics_export_to_file (RedressDatabase          *db,
                            const RedressIcsOptions  *options,
                            const char               *path,
                            guint                    *out_n_events,
                            GError                  **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = redress_ics_export (db, options, out_n_events, error);
  if (text == NULL)
    return FALSE;

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_IO,
                   _("Could not write the calendar file: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
