/* redress-reminders.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reminder for a deadline is due on each "offset" day before its due date
 * (90, 60, 30 and 7 days by default) and on the day itself.  When several
 * have come due at once (Redress was not running for weeks), only the nearest
 * one is shown.  reminder_fired (migration 0007) records each one shown, keyed
 * by its due date, so an extension arms the reminders again.
 */

#define G_LOG_DOMAIN "redress-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-database-private.h"
#include "redress-date.h"
#include "redress-deadline-rules.h"
#include "redress-reminders.h"
#include "redress-util.h"

/* Longest sleep between two checks.  The timer normally wakes at the next
 * reminder's day, but the monotonic clock stops while the machine is
 * suspended, and the time zone may change; an hour bounds the delay. */
#define MAX_SLEEP_SECONDS 3600

RedressReminder *
redress_reminder_copy (const RedressReminder *reminder)
{
  RedressReminder *copy = g_new0 (RedressReminder, 1);

  copy->deadline_id = g_strdup (reminder->deadline_id);
  copy->case_id = g_strdup (reminder->case_id);
  copy->case_reference = g_strdup (reminder->case_reference);
  copy->what = g_strdup (reminder->what);
  copy->who = g_strdup (reminder->who);
  copy->legal_source = g_strdup (reminder->legal_source);
  copy->due_date = g_strdup (reminder->due_date);
  copy->offset_days = reminder->offset_days;
  copy->days_left = reminder->days_left;
  copy->urgent = reminder->urgent;
  return copy;
}

void
redress_reminder_free (RedressReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->deadline_id);
  g_free (reminder->case_id);
  g_free (reminder->case_reference);
  g_free (reminder->what);
  g_free (reminder->who);
  g_free (reminder->legal_source);
  g_free (reminder->due_date);
  g_free (reminder);
}

G_DEFINE_BOXED_TYPE (RedressReminder, redress_reminder, redress_reminder_copy, redress_reminder_free)

/* Notifications show on a locked screen: the case reference only, never a
 * child's name. */
char *
redress_reminder_dup_title (const RedressReminder *reminder)
{
  int n = reminder->days_left;

  if (n < 0)
    return g_strdup_printf (ngettext ("%s: deadline missed %d day ago",
                                      "%s: deadline missed %d days ago", -n),
                            reminder->case_reference, -n);
  if (n == 0)
    return g_strdup_printf (_("%s: deadline today"), reminder->case_reference);
  return g_strdup_printf (ngettext ("%s: deadline in %d day",
                                    "%s: deadline in %d days", n),
                          reminder->case_reference, n);
}

char *
redress_reminder_dup_body (const RedressReminder *reminder)
{
  GString *body = g_string_new (reminder->what);

  if (reminder->who != NULL && *reminder->who != '\0')
    g_string_append_printf (body, _(" — by the %s"), reminder->who);
  g_string_append_c (body, '\n');
  /* Translators: %s is a date, YYYY-MM-DD */
  g_string_append_printf (body, _("Due %s"), reminder->due_date);
  if (reminder->legal_source != NULL && *reminder->legal_source != '\0')
    g_string_append_printf (body, " (%s)", reminder->legal_source);
  return g_string_free (body, FALSE);
}

/**
 * redress_reminders_offsets_for:
 * @item: an open deadline
 * @offsets: (array length=n_offsets): days before the due date to remind
 *
 * Returns: (transfer full) (element-type int): the offsets that apply to
 *   @item, largest first, ending with 0 (the day itself).  The procedure
 *   engine drops those that fall before the period began: a two-month
 *   deadline gets no 90-day reminder.
 */
GArray *
redress_reminders_offsets_for (RedressAgendaItem *item,
                               const int         *offsets,
                               guint              n_offsets)
{
  GArray *ret = redress_deadline_reminder_offsets (offsets, n_offsets,
                                                   redress_agenda_item_get_trigger_date (item),
                                                   redress_agenda_item_get_due (item));
  int zero = 0;

  g_array_append_val (ret, zero);
  return ret;
}

/* The nearest offset whose day has come, or -1 when none has. */
static int
nearest_offset (GArray *offsets,
                int     days_left)
{
  int ret = -1;

  for (guint i = 0; i < offsets->len; i++)
    {
      int o = g_array_index (offsets, int, i);

      if (o >= days_left)
        ret = o;
    }
  return ret;
}

static gboolean
already_fired (RedressDatabase  *db,
               RedressStatement *stmt,
               const char       *deadline_id,
               int               offset,
               const char       *due,
               gboolean         *out_fired,
               GError          **error)
{
  int rc;

  redress_statement_reset (stmt);
  redress_statement_bind_text (stmt, 1, deadline_id);
  redress_statement_bind_int64 (stmt, 2, offset);
  redress_statement_bind_text (stmt, 3, due);
  rc = redress_statement_step (stmt);
  if (rc != REDRESS_STEP_ROW && rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the reminders"));
      return FALSE;
    }
  *out_fired = rc == REDRESS_STEP_ROW;
  return TRUE;
}

/**
 * redress_reminders_collect:
 * @today: "YYYY-MM-DD"
 * @offsets: (array length=n_offsets): days before the due date to remind
 *
 * Returns: (transfer full) (element-type RedressReminder): the reminders to
 *   show now: for each open deadline, the nearest offset whose day has come
 *   and that was not shown yet for this due date.
 */
GPtrArray *
redress_reminders_collect (RedressDatabase  *db,
                           const char       *today,
                           const int        *offsets,
                           guint             n_offsets,
                           GError          **error)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_reminder_free);
  guint n;

  items = redress_agenda_list_open (db, today, NULL, error);
  if (items == NULL)
    return NULL;
  stmt = redress_database_prepare (db,
                                   "SELECT 1 FROM reminder_fired"
                                   " WHERE deadline_id = ?1 AND offset_days = ?2 AND due_date = ?3",
                                   error);
  if (stmt == NULL)
    return NULL;

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressAgendaItem) item = g_list_model_get_item (items, i);
      const char *due = redress_agenda_item_get_due (item);
      int days_left = redress_agenda_item_get_days_left (item);
      g_autoptr(GArray) sorted = NULL;
      gboolean fired = FALSE;
      RedressReminder *r;
      int offset;

      if (due == NULL)
        continue;
      sorted = redress_reminders_offsets_for (item, offsets, n_offsets);
      offset = nearest_offset (sorted, days_left);
      if (offset < 0)
        continue;
      if (!already_fired (db, stmt, redress_agenda_item_get_deadline_id (item), offset, due,
                          &fired, error))
        return NULL;
      if (fired)
        continue;

      r = g_new0 (RedressReminder, 1);
      r->deadline_id = g_strdup (redress_agenda_item_get_deadline_id (item));
      r->case_id = g_strdup (redress_agenda_item_get_case_id (item));
      r->case_reference = g_strdup (redress_agenda_item_get_case_reference (item));
      r->what = g_strdup (redress_agenda_item_get_what (item));
      r->who = g_strdup (redress_agenda_item_get_who (item));
      r->legal_source = g_strdup (redress_agenda_item_get_legal_source (item));
      r->due_date = g_strdup (due);
      r->offset_days = offset;
      r->days_left = days_left;
      r->urgent = redress_agenda_item_get_urgent (item);
      g_ptr_array_add (ret, r);
    }

  return g_steal_pointer (&ret);
}

/**
 * redress_reminders_mark_fired:
 *
 * Records that @reminder was shown, so it is never shown again for the same
 * due date.
 */
gboolean
redress_reminders_mark_fired (RedressDatabase        *db,
                              const RedressReminder  *reminder,
                              GError                **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *now = redress_timestamp_now ();
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (reminder != NULL, FALSE);

  if (!_redress_database_begin (db, error))
    return FALSE;
  stmt = redress_database_prepare (db,
                                   "INSERT OR IGNORE INTO reminder_fired"
                                   " (deadline_id, offset_days, due_date, fired_at)"
                                   " VALUES (?1, ?2, ?3, ?4)",
                                   error);
  if (stmt == NULL)
    {
      _redress_database_rollback (db);
      return FALSE;
    }
  redress_statement_bind_text (stmt, 1, reminder->deadline_id);
  redress_statement_bind_int64 (stmt, 2, reminder->offset_days);
  redress_statement_bind_text (stmt, 3, reminder->due_date);
  redress_statement_bind_text (stmt, 4, now);
  rc = redress_statement_step (stmt);
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not record the reminder"));
      _redress_database_rollback (db);
      return FALSE;
    }
  if (!_redress_database_commit (db, error))
    return FALSE;
  return TRUE;
}

/**
 * redress_reminders_next_date:
 * @today: "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): the first day after @today on which a
 *   reminder falls due, or %NULL when no open deadline has one left.
 */
char *
redress_reminders_next_date (RedressDatabase  *db,
                             const char       *today,
                             const int        *offsets,
                             guint             n_offsets,
                             GError          **error)
{
  g_autoptr(GListModel) items = NULL;
  int best = G_MAXINT;
  guint n;

  items = redress_agenda_list_open (db, today, NULL, error);
  if (items == NULL)
    return NULL;

  n = g_list_model_get_n_items (items);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressAgendaItem) item = g_list_model_get_item (items, i);
      int days_left = redress_agenda_item_get_days_left (item);
      g_autoptr(GArray) sorted = NULL;

      if (redress_agenda_item_get_due (item) == NULL)
        continue;
      sorted = redress_reminders_offsets_for (item, offsets, n_offsets);
      /* The day of offset o is (days_left - o) days from today. */
      for (guint j = 0; j < sorted->len; j++)
        {
          int in_days = days_left - g_array_index (sorted, int, j);

          if (in_days > 0 && in_days < best)
            best = in_days;
        }
    }

  if (best == G_MAXINT)
    return NULL;
  return redress_iso_date_add (today, REDRESS_PERIOD_DAYS, best);
}

struct _RedressReminderScheduler
{
  GObject           parent_instance;

  RedressDatabase  *db;
  GArray           *offsets;
  RedressClockFunc  clock;
  gpointer          clock_data;
  GDestroyNotify    clock_destroy;
  guint             timeout_id;
  guint             idle_id;
  gint64            wakeup_seconds;
  GHashTable       *shown;   /* "deadline|offset|due": shown in this session */
};

G_DEFINE_FINAL_TYPE (RedressReminderScheduler, redress_reminder_scheduler, G_TYPE_OBJECT)

enum {
  REMINDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
redress_reminder_scheduler_dispose (GObject *object)
{
  RedressReminderScheduler *self = (RedressReminderScheduler *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->db != NULL)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock_destroy = NULL;
  self->clock_data = NULL;
  self->clock = NULL;

  G_OBJECT_CLASS (redress_reminder_scheduler_parent_class)->dispose (object);
}

static void
redress_reminder_scheduler_finalize (GObject *object)
{
  RedressReminderScheduler *self = (RedressReminderScheduler *)object;

  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (redress_reminder_scheduler_parent_class)->finalize (object);
}

static void
redress_reminder_scheduler_class_init (RedressReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redress_reminder_scheduler_dispose;
  object_class->finalize = redress_reminder_scheduler_finalize;

  /**
   * RedressReminderScheduler::reminder:
   * @reminder: the reminder to show
   *
   * Emitted once for each reminder that has come due; after the handlers
   * ran, the reminder is recorded as shown.
   */
  signals[REMINDER] = g_signal_new ("reminder",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1,
                                    REDRESS_TYPE_REMINDER | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
redress_reminder_scheduler_init (RedressReminderScheduler *self)
{
  guint n_defaults;
  const int *defaults = redress_deadline_default_reminder_offsets (&n_defaults);

  self->offsets = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_vals (self->offsets, defaults, n_defaults);
  self->wakeup_seconds = -1;
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static GDateTime *
scheduler_now (RedressReminderScheduler *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_date_time_new_now_local ();
}

static gboolean
on_timeout (gpointer user_data)
{
  RedressReminderScheduler *self = user_data;

  self->timeout_id = 0;
  redress_reminder_scheduler_check (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_idle (gpointer user_data)
{
  RedressReminderScheduler *self = user_data;

  self->idle_id = 0;
  redress_reminder_scheduler_check (self);
  return G_SOURCE_REMOVE;
}

/* A deadline was added, closed or moved: check again once the change is
 * complete. */
static void
on_database_changed (RedressDatabase *db,
                     const char      *table,
                     const char      *id,
                     gpointer         user_data)
{
  RedressReminderScheduler *self = user_data;

  if (self->idle_id == 0)
    self->idle_id = g_idle_add (on_idle, self);
}

RedressReminderScheduler *
redress_reminder_scheduler_new (RedressDatabase *db)
{
  RedressReminderScheduler *self;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  self = g_object_new (REDRESS_TYPE_REMINDER_SCHEDULER, NULL);
  self->db = g_object_ref (db);
  g_signal_connect (db, "changed::deadline", G_CALLBACK (on_database_changed), self);
  return self;
}

RedressDatabase *
redress_reminder_scheduler_get_database (RedressReminderScheduler *self)
{
  g_return_val_if_fail (REDRESS_IS_REMINDER_SCHEDULER (self), NULL);

  return self->db;
}

/**
 * redress_reminder_scheduler_set_clock:
 * @func: (nullable): the clock, or %NULL for the system clock
 *
 * Replaces the clock, for tests.
 */
void
redress_reminder_scheduler_set_clock (RedressReminderScheduler *self,
                                      RedressClockFunc          func,
                                      gpointer                  user_data,
                                      GDestroyNotify            destroy)
{
  g_return_if_fail (REDRESS_IS_REMINDER_SCHEDULER (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  self->clock = func;
  self->clock_data = user_data;
  self->clock_destroy = destroy;
}

void
redress_reminder_scheduler_set_offsets (RedressReminderScheduler *self,
                                        const int                *offsets,
                                        guint                     n_offsets)
{
  g_return_if_fail (REDRESS_IS_REMINDER_SCHEDULER (self));

  g_array_set_size (self->offsets, 0);
  g_array_append_vals (self->offsets, offsets, n_offsets);
}

static void
arm_timer (RedressReminderScheduler *self,
           GDateTime                *now,
           const char               *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  gint64 seconds = MAX_SLEEP_SECONDS;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  next = redress_reminders_next_date (self->db, today,
                                      (const int *) (gpointer) self->offsets->data,
                                      self->offsets->len, &error);
  if (error != NULL)
    g_warning ("Could not plan the next reminder: %s", error->message);

  if (next != NULL)
    {
      g_autoptr(GDate) date = redress_iso_date_parse (next);
      g_autoptr(GDateTime) midnight = NULL;

      /* The first second of that day on the user's wall clock. */
      midnight = g_date_time_new (g_date_time_get_timezone (now),
                                  g_date_get_year (date), g_date_get_month (date),
                                  g_date_get_day (date), 0, 0, 0);
      if (midnight != NULL)
        seconds = MIN (seconds, g_date_time_difference (midnight, now) / G_TIME_SPAN_SECOND + 1);
    }

  self->wakeup_seconds = MAX (seconds, 1);
  self->timeout_id = g_timeout_add_seconds ((guint) self->wakeup_seconds, on_timeout, self);
}

/**
 * redress_reminder_scheduler_check:
 *
 * Emits #RedressReminderScheduler::reminder for each reminder due now,
 * records them, and sets the timer for the next one.
 *
 * Returns: how many reminders were emitted.
 */
guint
redress_reminder_scheduler_check (RedressReminderScheduler *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *today = NULL;
  guint fired = 0;

  g_return_val_if_fail (REDRESS_IS_REMINDER_SCHEDULER (self), 0);

  now = scheduler_now (self);
  today = redress_agenda_today_from_clock (now);

  due = redress_reminders_collect (self->db, today,
                                   (const int *) (gpointer) self->offsets->data,
                                   self->offsets->len, &error);
  if (due == NULL)
    g_warning ("Could not check the reminders: %s", error->message);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      const RedressReminder *r = g_ptr_array_index (due, i);
      g_autoptr(GError) mark_error = NULL;
      char *key = g_strdup_printf ("%s|%d|%s", r->deadline_id, r->offset_days, r->due_date);

      /* A docket opened read-only cannot record the reminder: remember it
       * for this session so it still shows only once. */
      if (!g_hash_table_add (self->shown, key))
        continue;
      if (!redress_reminders_mark_fired (self->db, r, &mark_error) &&
          !g_error_matches (mark_error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_READ_ONLY))
        g_warning ("Could not record a reminder: %s", mark_error->message);
      g_signal_emit (self, signals[REMINDER], 0, r);
      fired++;
    }

  arm_timer (self, now, today);
  return fired;
}

/**
 * redress_reminder_scheduler_get_wakeup_seconds:
 *
 * Returns: the delay the timer was last set to, or -1 before the first check.
 */
gint64
redress_reminder_scheduler_get_wakeup_seconds (RedressReminderScheduler *self)
{
  g_return_val_if_fail (REDRESS_IS_REMINDER_SCHEDULER (self), -1);

  return self->wakeup_seconds;
}
