/* redress-reminder-service.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Desktop notifications for deadlines.  Each docket opened since Redress
 * started gets a RedressReminderScheduler (model), which fires each reminder
 * once, at start and then on a timer to the next one; this turns them into
 * GNotifications whose action opens the case.  Redress can also start at
 * login without a window, through the Background portal inside Flatpak, or
 * an XDG autostart entry otherwise.
 */

#define G_LOG_DOMAIN "redress-reminder-service"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <gtk/gtk.h>
#include <libportal/portal.h>

#include "redress-reminder-service.h"
#include "redress-reminders.h"

struct _RedressReminderService
{
  GObject       parent_instance;

  GApplication *application;   /* not owned: the application owns us */
  GSettings    *settings;
  GHashTable   *schedulers;    /* docket path -> RedressReminderScheduler */
  GPtrArray    *pending;       /* RedressReminder, with the docket path in pending_paths */
  GPtrArray    *pending_paths;
  guint         check_id;
  guint         flush_id;
};

/* More reminders than this at once (Redress was closed for weeks) make one
 * summary notification rather than a flood. */
#define MAX_SEPARATE_NOTIFICATIONS 3

G_DEFINE_FINAL_TYPE (RedressReminderService, redress_reminder_service, G_TYPE_OBJECT)

static void
get_offsets (RedressReminderService *self,
             GArray                 *out)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "reminder-offsets");
  gsize n = 0;
  const gint32 *offsets = g_variant_get_fixed_array (value, &n, sizeof (gint32));

  g_array_set_size (out, 0);
  for (gsize i = 0; i < n; i++)
    {
      int o = offsets[i];

      g_array_append_val (out, o);
    }
}

static void
send_reminder (RedressReminderService *self,
               RedressReminder        *reminder,
               const char             *path)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autofree char *title = redress_reminder_dup_title (reminder);
  g_autofree char *body = redress_reminder_dup_body (reminder);
  g_autofree char *id = g_strdup_printf ("deadline-%s", reminder->deadline_id);
  GVariant *target = g_variant_new ("(ss)", path, reminder->case_id);
  GNotificationPriority priority = G_NOTIFICATION_PRIORITY_NORMAL;

  if (reminder->urgent || reminder->days_left <= 0)
    priority = G_NOTIFICATION_PRIORITY_URGENT;
  else if (reminder->days_left <= 7)
    priority = G_NOTIFICATION_PRIORITY_HIGH;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_priority (notification, priority);
  g_notification_set_default_action_and_target_value (notification, "app.open-case", target);
  g_notification_add_button_with_target_value (notification, _("Open Case"), "app.open-case", target);

  /* One notification per deadline: a nearer reminder replaces the last. */
  g_application_send_notification (self->application, id, notification);
}

enum {
  OPEN_CASE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
send_summary (RedressReminderService *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = self->pending->len;
  guint overdue = 0;
  g_autofree char *title = NULL;

  for (guint i = 0; i < n; i++)
    {
      RedressReminder *r = g_ptr_array_index (self->pending, i);

      if (r->days_left < 0)
        overdue++;
      if (i < 5)
        {
          g_autofree char *line = redress_reminder_dup_title (r);

          g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", line);
        }
    }
  if (n > 5)
    g_string_append_printf (body, "\n%s", _("…and more on the Deadlines page"));

  title = g_strdup_printf (ngettext ("%u deadline needs attention", "%u deadlines need attention", n), n);
  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_icon (notification, icon);
  g_notification_set_priority (notification, overdue > 0 ? G_NOTIFICATION_PRIORITY_URGENT
                                                         : G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.activate");
  g_application_send_notification (self->application, "deadlines-summary", notification);
}

static gboolean
flush_cb (gpointer user_data)
{
  RedressReminderService *self = user_data;

  self->flush_id = 0;
  if (self->pending->len > MAX_SEPARATE_NOTIFICATIONS)
    send_summary (self);
  else
    for (guint i = 0; i < self->pending->len; i++)
      send_reminder (self, g_ptr_array_index (self->pending, i), g_ptr_array_index (self->pending_paths, i));
  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->pending_paths, 0);
  return G_SOURCE_REMOVE;
}

/* Reminders that come due together are sent together, once the check that
 * found them is over. */
static void
queue_reminder (RedressReminderService   *self,
                RedressReminder          *reminder,
                RedressReminderScheduler *scheduler)
{
  RedressDatabase *db = redress_reminder_scheduler_get_database (scheduler);

  g_ptr_array_add (self->pending, redress_reminder_copy (reminder));
  g_ptr_array_add (self->pending_paths, g_strdup (redress_database_get_path (db)));
  if (self->flush_id == 0)
    self->flush_id = g_idle_add (flush_cb, self);
}

static void
open_case_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  const char *path = NULL;
  const char *case_id = NULL;

  g_variant_get (parameter, "(&s&s)", &path, &case_id);
  g_signal_emit (user_data, signals[OPEN_CASE], 0, path, case_id);
}

static void
offsets_changed_cb (RedressReminderService *self)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));
  GHashTableIter iter;
  gpointer value;

  get_offsets (self, offsets);
  g_hash_table_iter_init (&iter, self->schedulers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    redress_reminder_scheduler_set_offsets (value, (const int *) (gpointer) offsets->data, offsets->len);
  redress_reminder_service_check_now (self);
}

static void
run_in_background_changed_cb (RedressReminderService *self)
{
  g_autoptr(GError) error = NULL;

  if (!redress_reminder_service_set_autostart (g_settings_get_boolean (self->settings, "run-in-background"),
                                               &error))
    g_warning ("%s", error->message);
}

static void
redress_reminder_service_dispose (GObject *object)
{
  RedressReminderService *self = (RedressReminderService *)object;

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_pointer (&self->schedulers, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_paths, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (redress_reminder_service_parent_class)->dispose (object);
}

static void
redress_reminder_service_class_init (RedressReminderServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = redress_reminder_service_dispose;

  /**
   * RedressReminderService::open-case:
   * @path: the docket's file
   * @case_id: the case
   *
   * The user clicked a reminder: show that case of that docket.
   */
  signals[OPEN_CASE] = g_signal_new ("open-case",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2,
                                     G_TYPE_STRING, G_TYPE_STRING);
}

static void
redress_reminder_service_init (RedressReminderService *self)
{
  self->schedulers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_reminder_free);
  self->pending_paths = g_ptr_array_new_with_free_func (g_free);
}

/**
 * redress_reminder_service_new:
 * @application: the application; it must outlive the service
 *
 * Adds the action "app.open-case" ((ss): docket path, case id) to
 * @application; it emits #RedressReminderService::open-case.
 */
RedressReminderService *
redress_reminder_service_new (GApplication *application)
{
  RedressReminderService *self;
  g_autoptr(GSimpleAction) action = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  self = g_object_new (REDRESS_TYPE_REMINDER_SERVICE, NULL);
  self->application = application;
  self->settings = g_settings_new ("io.github.redress.Redress");
  g_signal_connect_object (self->settings, "changed::reminder-offsets",
                           G_CALLBACK (offsets_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::run-in-background",
                           G_CALLBACK (run_in_background_changed_cb), self, G_CONNECT_SWAPPED);

  action = g_simple_action_new ("open-case", G_VARIANT_TYPE ("(ss)"));
  g_signal_connect_object (action, "activate", G_CALLBACK (open_case_action), self, 0);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));

  return self;
}

static gboolean
check_cb (gpointer user_data)
{
  RedressReminderService *self = user_data;

  self->check_id = 0;
  redress_reminder_service_check_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * redress_reminder_service_watch:
 * @database: a docket just opened
 *
 * Shows the reminders of @database that are due, now and whenever the next
 * one falls due, until Redress quits.  Opening the same docket again replaces
 * the earlier connection.
 */
void
redress_reminder_service_watch (RedressReminderService *self,
                                RedressDatabase        *database)
{
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (int));
  RedressReminderScheduler *scheduler;

  g_return_if_fail (REDRESS_IS_REMINDER_SERVICE (self));
  g_return_if_fail (REDRESS_IS_DATABASE (database));

  scheduler = redress_reminder_scheduler_new (database);
  get_offsets (self, offsets);
  redress_reminder_scheduler_set_offsets (scheduler, (const int *) (gpointer) offsets->data, offsets->len);
  g_signal_connect_object (scheduler, "reminder", G_CALLBACK (queue_reminder), self, G_CONNECT_SWAPPED);
  g_hash_table_replace (self->schedulers, g_strdup (redress_database_get_path (database)), scheduler);

  /* After the window is up. */
  if (self->check_id == 0)
    self->check_id = g_idle_add (check_cb, self);
}

/**
 * redress_reminder_service_check_now:
 *
 * Returns: how many reminders were shown.
 */
guint
redress_reminder_service_check_now (RedressReminderService *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (REDRESS_IS_REMINDER_SERVICE (self), 0);

  g_hash_table_iter_init (&iter, self->schedulers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += redress_reminder_scheduler_check (value);
  return n;
}

/**
 * redress_reminder_service_start_background:
 *
 * Started at login without a window: opens the last docket for reminders
 * only and keeps Redress running.  A docket locked with a passphrase cannot
 * be read without the user: a notification says so.
 *
 * Returns: %TRUE when reminders are being watched.
 */
gboolean
redress_reminder_service_start_background (RedressReminderService *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autofree char *path = g_settings_get_string (self->settings, "last-docket");

  g_return_val_if_fail (REDRESS_IS_REMINDER_SERVICE (self), FALSE);

  g_application_hold (self->application);

  if (*path == '\0')
    {
      g_free (path);
      path = redress_database_get_default_path ();
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_autoptr(GNotification) notification = NULL;

      if (!g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE))
        {
          g_warning ("Reminders are off: %s", error->message);
          notification = g_notification_new (_("Deadline reminders are off"));
          g_notification_set_body (notification, error->message);
        }
      else
        {
          notification = g_notification_new (_("Deadline reminders are paused"));
          g_notification_set_body (notification,
                                   _("The docket is locked with a passphrase. Open Redress and unlock it to get reminders."));
        }
      g_notification_set_default_action (notification, "app.activate");
      g_application_send_notification (self->application, "reminders-off", notification);
      return FALSE;
    }

  redress_reminder_service_watch (self, db);
  return TRUE;
}

/* Autostart ------------------------------------------------------------------ */

char *
redress_reminder_service_get_autostart_path (void)
{
  g_autofree char *name = g_strconcat (APP_ID, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

static void
portal_request_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean enable = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GNotification) notification = NULL;
  GApplication *application;

  if (xdp_portal_request_background_finish (XDP_PORTAL (source), result, &error) || !enable)
    return;

  /* The user said no, or the desktop has no Background portal: the setting
   * must not claim what is not so. */
  g_debug ("Background portal: %s", error != NULL ? error->message : "refused");
  settings = g_settings_new ("io.github.redress.Redress");
  g_settings_set_boolean (settings, "run-in-background", FALSE);

  if ((application = g_application_get_default ()) == NULL)
    return;
  notification = g_notification_new (_("Redress cannot run in the background"));
  g_notification_set_body (notification,
                           _("The desktop did not allow Redress to start at login. Deadline reminders show only while Redress is open; allow it in the system's Apps settings to get them at any time."));
  g_notification_set_default_action (notification, "app.preferences");
  g_application_send_notification (application, "background-refused", notification);
}

/* Inside Flatpak: the Background portal writes the autostart entry, and tells
 * whether the user allowed it. */
static gboolean
request_background_portal (gboolean   enable,
                           GError   **error)
{
  /* xdp_portal_initable_new() is libportal 0.7; the portal's own errors
   * reach the callback. */
  g_autoptr(XdpPortal) portal = xdp_portal_new ();
  g_autoptr(GPtrArray) commandline = g_ptr_array_new ();
  g_autofree char *reason = g_strdup (_("Show deadline reminders without the window open"));

  g_ptr_array_add (commandline, (gpointer) "redress");
  g_ptr_array_add (commandline, (gpointer) "--background");
  xdp_portal_request_background (portal, NULL, reason, commandline,
                                 enable ? XDP_BACKGROUND_FLAG_AUTOSTART : XDP_BACKGROUND_FLAG_NONE,
                                 NULL, portal_request_cb, GINT_TO_POINTER (enable));
  return TRUE;
}

/**
 * redress_reminder_service_set_autostart:
 * @enable: start Redress in the background at login, or not
 *
 * Returns: %FALSE when the autostart entry could not be written or removed.
 */
gboolean
redress_reminder_service_set_autostart (gboolean   enable,
                                        GError   **error)
{
  g_autofree char *path = redress_reminder_service_get_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *exe = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *contents = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return request_background_portal (enable, error);

  if (!enable)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not remove “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  /* The program running now, so an uninstalled build starts itself. */
  exe = g_file_read_link ("/proc/self/exe", NULL);
  quoted = g_shell_quote (exe ? exe : "redress");
  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=%s\n"
                              "Comment=%s\n"
                              "Exec=%s --background\n"
                              "Icon=%s\n"
                              "NoDisplay=true\n"
                              "X-GNOME-Autostart-enabled=true\n",
                              _("Redress"), _("Deadline reminders"), quoted, APP_ID);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
