/* redress-reminders.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deadline reminders: which are due on a given day, the record of those
 * already shown (so none is shown twice, across restarts too), and a
 * scheduler that wakes up when the next one falls due.
 */

#pragma once

#include <gio/gio.h>

#include "redress-agenda.h"
#include "redress-database.h"

G_BEGIN_DECLS

typedef struct
{
  char     *deadline_id;
  char     *case_id;
  char     *case_reference;
  char     *what;
  char     *who;
  char     *legal_source;
  char     *due_date;
  int       offset_days;   /* 0: on the day, or overdue */
  int       days_left;     /* negative when overdue */
  gboolean  urgent;
} RedressReminder;

#define REDRESS_TYPE_REMINDER (redress_reminder_get_type ())

GType            redress_reminder_get_type     (void) G_GNUC_CONST;
RedressReminder *redress_reminder_copy         (const RedressReminder *reminder);
void             redress_reminder_free         (RedressReminder       *reminder);
char            *redress_reminder_dup_title    (const RedressReminder *reminder) G_GNUC_WARN_UNUSED_RESULT;
char            *redress_reminder_dup_body     (const RedressReminder *reminder) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressReminder, redress_reminder_free)

GArray    *redress_reminders_offsets_for (RedressAgendaItem      *item,
                                          const int              *offsets,
                                          guint                   n_offsets) G_GNUC_WARN_UNUSED_RESULT;

GPtrArray *redress_reminders_collect     (RedressDatabase        *db,
                                          const char             *today,
                                          const int              *offsets,
                                          guint                   n_offsets,
                                          GError                **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   redress_reminders_mark_fired  (RedressDatabase        *db,
                                          const RedressReminder  *reminder,
                                          GError                **error);
char      *redress_reminders_next_date   (RedressDatabase        *db,
                                          const char             *today,
                                          const int              *offsets,
                                          guint                   n_offsets,
                                          GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* Returns the clock's current reading in the user's time zone. */
typedef GDateTime *(*RedressClockFunc) (gpointer user_data);

#define REDRESS_TYPE_REMINDER_SCHEDULER (redress_reminder_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (RedressReminderScheduler, redress_reminder_scheduler, REDRESS, REMINDER_SCHEDULER, GObject)

RedressReminderScheduler *redress_reminder_scheduler_new         (RedressDatabase          *db);
RedressDatabase          *redress_reminder_scheduler_get_database (RedressReminderScheduler *self);
void                      redress_reminder_scheduler_set_clock   (RedressReminderScheduler *self,
                                                                  RedressClockFunc          func,
                                                                  gpointer                  user_data,
                                                                  GDestroyNotify            destroy);
void                      redress_reminder_scheduler_set_offsets (RedressReminderScheduler *self,
                                                                  const int                *offsets,
                                                                  guint                     n_offsets);
guint                     redress_reminder_scheduler_check       (RedressReminderScheduler *self);
gint64                    redress_reminder_scheduler_get_wakeup_seconds (RedressReminderScheduler *self);

G_END_DECLS
