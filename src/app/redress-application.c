/* redress-application.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens dockets (command line, file manager, last used, default), asks for
 * passphrases, and holds the application-wide actions.
 */

#define G_LOG_DOMAIN "redress-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-application.h"
#include "redress-backup.h"
#include "redress-encrypt.h"
#include "redress-keys.h"
#include "redress-database.h"
#include "redress-demo.h"
#include "redress-docket.h"
#include "redress-preferences-window.h"
#include "redress-reminder-service.h"
#include "redress-util.h"
#include "redress-window.h"

struct _RedressApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  RedressReminderService *reminders;
  gboolean        background;  /* started with --background */
  /* --new-communication or --open-docket when no instance ran yet */
  const char     *startup_action;
};

G_DEFINE_FINAL_TYPE (RedressApplication, redress_application, ADW_TYPE_APPLICATION)

static RedressWindow *
get_active_window (RedressApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return REDRESS_IS_WINDOW (window) ? REDRESS_WINDOW (window) : NULL;
}

static void
apply_actor (RedressApplication *self,
             RedressDatabase    *db)
{
  g_autofree char *actor = g_settings_get_string (self->settings, "actor-name");

  g_strstrip (actor);
  redress_database_set_actor (db, *actor != '\0' ? actor : redress_default_actor ());
}

static void
docket_opened (RedressApplication *self,
               RedressWindow      *window,
               RedressDocket      *docket)
{
  RedressDatabase *db = redress_docket_get_database (docket);

  apply_actor (self, db);
  redress_reminder_service_watch (self->reminders, db);
  redress_window_set_docket (window, docket);
  g_settings_set_string (self->settings, "last-docket", redress_database_get_path (db));
  gtk_window_present (GTK_WINDOW (window));
}

/* The passphrase dialog -------------------------------------------------- */

typedef struct
{
  RedressApplication *self;
  RedressWindow      *window;
  char               *path;
  GtkWidget          *entry;
  GtkWidget          *error_label;
} Unlock;

static void
unlock_free (Unlock *unlock)
{
  g_clear_object (&unlock->self);
  g_clear_object (&unlock->window);
  g_clear_pointer (&unlock->path, g_free);
  g_free (unlock);
}

static void
represent_dialog_cb (gpointer data)
{
  g_autoptr(GtkWindow) dialog = data;

  gtk_window_present (dialog);
}

static void
destroy_dialog_cb (gpointer data)
{
  g_autoptr(GtkWindow) dialog = data;

  /* GTK 4.8's GtkPasswordEntry leaves its focus handler on its inner text
   * widget: drop the focus while the entry is still alive. */
  gtk_window_set_focus (dialog, NULL);
  gtk_window_destroy (dialog);
}

static void
unlock_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Unlock           *unlock)
{
  g_autoptr(RedressDocket) docket = NULL;
  g_autoptr(GError) error = NULL;
  const char *passphrase;

  if (g_strcmp0 (response, "unlock") != 0)
    {
      g_idle_add_once (destroy_dialog_cb, g_object_ref (dialog));
      return;
    }

  passphrase = gtk_editable_get_text (GTK_EDITABLE (unlock->entry));
  /* The recovery key (eight groups of four) opens it when the passphrase is forgotten. */
  if (redress_recovery_key_is_well_formed (passphrase))
    docket = redress_docket_open (unlock->path, NULL, passphrase, REDRESS_DATABASE_OPEN_DEFAULT, &error);
  if (docket == NULL)
    {
      g_clear_error (&error);
      docket = redress_docket_open (unlock->path, passphrase, NULL, REDRESS_DATABASE_OPEN_DEFAULT, &error);
    }
  else
    redress_window_add_toast (unlock->window,
                              adw_toast_new (_("Opened with the recovery key. Set a new passphrase now: "
                                               "redress-cli passphrase --recovery-key-file …")));
  if (docket != NULL)
    {
      docket_opened (unlock->self, unlock->window, docket);
      g_idle_add_once (destroy_dialog_cb, g_object_ref (dialog));
      return;
    }

  if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE) ||
      g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE))
    {
      /* AdwMessageDialog hides itself on every response (hide-on-close
       * keeps it alive); show it again, saying why, for the next try. */
      gtk_label_set_text (GTK_LABEL (unlock->error_label), error->message);
      gtk_widget_set_visible (unlock->error_label, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (unlock->entry), "");
      gtk_widget_grab_focus (unlock->entry);
      g_idle_add_once (represent_dialog_cb, g_object_ref (dialog));
      return;
    }

  redress_window_show_problem (unlock->window, _("Docket Could Not Be Opened"), error->message);
  g_idle_add_once (destroy_dialog_cb, g_object_ref (dialog));
}

static void
ask_passphrase (RedressApplication *self,
                RedressWindow      *window,
                const char         *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  Unlock *unlock;

  redress_window_show_problem (window, _("Locked Docket"),
                               _("Enter the docket's passphrase to open it."));
  gtk_window_present (GTK_WINDOW (window));

  body = g_strdup_printf (_("“%s” is encrypted. Enter its passphrase (or its recovery key) to open it."),
                          basename);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Unlock Docket"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "unlock", _("_Unlock"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unlock",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "unlock");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);

  unlock = g_new0 (Unlock, 1);
  unlock->self = g_object_ref (self);
  unlock->window = g_object_ref (window);
  unlock->path = g_strdup (path);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  unlock->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (unlock->entry), TRUE);
  g_object_set (unlock->entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (unlock->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passphrase"),
                                  -1);
  unlock->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (unlock->error_label), TRUE);
  gtk_widget_add_css_class (unlock->error_label, "error");
  gtk_widget_set_visible (unlock->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), unlock->entry);
  gtk_box_append (GTK_BOX (box), unlock->error_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_data (dialog, "response", G_CALLBACK (unlock_response_cb), unlock,
                         (GClosureNotify) (void (*) (void)) unlock_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (unlock->entry);
}

/* Opening dockets -------------------------------------------------------- */

typedef struct
{
  RedressApplication *self;
  RedressWindow      *window;
  char               *path;
  gboolean            create;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->window);
  g_clear_pointer (&request->path, g_free);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

/* Opening checks the whole file (PRAGMA quick_check), which takes seconds on
 * a large docket: it runs in a worker thread while the window shows that it
 * is opening.  The task has no source object and only the path as its data,
 * and the database has no main-context sources, so no widget or window is
 * ever released in the thread. */
static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  gboolean create = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "redress-create"));
  RedressDocket *docket;
  GError *error = NULL;

  docket = redress_docket_open (path, NULL, NULL, create ? REDRESS_DATABASE_OPEN_CREATE : 0, &error);
  if (docket != NULL)
    g_task_return_pointer (task, docket, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  g_autoptr(RedressDocket) docket = NULL;
  g_autoptr(GError) error = NULL;

  docket = g_task_propagate_pointer (G_TASK (result), &error);

  /* The window was closed, or shows another docket by now. */
  if (gtk_widget_in_destruction (GTK_WIDGET (request->window)) ||
      g_object_get_data (G_OBJECT (request->window), "redress-opening") != request)
    return;
  g_object_set_data (G_OBJECT (request->window), "redress-opening", NULL);

  if (docket != NULL)
    {
      docket_opened (request->self, request->window, docket);
      return;
    }

  if (g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NEEDS_PASSPHRASE) ||
      g_error_matches (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_WRONG_PASSPHRASE))
    {
      ask_passphrase (request->self, request->window, request->path);
      return;
    }

  redress_window_show_problem (request->window, _("Docket Could Not Be Opened"), error->message);
  gtk_window_present (GTK_WINDOW (request->window));
}

static void
open_docket_in (RedressApplication *self,
                RedressWindow      *window,
                const char         *path,
                gboolean            create)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = NULL;
  OpenRequest *request;

  request = g_new0 (OpenRequest, 1);
  request->self = g_object_ref (self);
  request->window = g_object_ref (window);
  request->path = g_strdup (path);
  request->create = create;
  g_object_set_data (G_OBJECT (window), "redress-opening", request);

  /* Translators: shown while a docket file is checked and opened. */
  title = g_strdup_printf (_("Opening “%s”…"), name);
  redress_window_show_problem (window, title,
                               _("Redress checks the whole docket file first; a large docket takes a moment."));
  gtk_window_present (GTK_WINDOW (window));

  /* The worker sees only plain data; the request, with its references to
   * widgets, stays with the callback on the main thread. */
  task = g_task_new (NULL, NULL, open_done_cb, request);
  g_task_set_source_tag (task, open_docket_in);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "redress-create", GINT_TO_POINTER (create));
  g_task_run_in_thread (task, open_worker);
}

static RedressWindow *
find_window_for (RedressApplication *self,
                 const char         *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      RedressDatabase *db;
      OpenRequest *request;

      if (!REDRESS_IS_WINDOW (l->data))
        continue;
      db = redress_window_get_database (l->data);
      if (db != NULL && g_strcmp0 (redress_database_get_path (db), path) == 0)
        return l->data;
      /* Still opening it, in a worker. */
      request = g_object_get_data (G_OBJECT (l->data), "redress-opening");
      if (request != NULL && g_strcmp0 (request->path, path) == 0)
        return l->data;
    }

  return NULL;
}

/**
 * redress_application_open_docket:
 * @path: the docket file
 * @create: whether to create it when it does not exist
 *
 * Shows the docket at @path: in the window that already shows it, in the
 * active window when that has no docket, or in a new window.
 */
void
redress_application_open_docket (RedressApplication *self,
                                 const char         *path,
                                 gboolean            create)
{
  RedressWindow *window;

  g_return_if_fail (REDRESS_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if ((window = find_window_for (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  window = get_active_window (self);
  if (window == NULL || redress_window_get_database (window) != NULL)
    window = redress_window_new (self);

  open_docket_in (self, window, path, create);
}

static void
redress_application_activate (GApplication *app)
{
  RedressApplication *self = REDRESS_APPLICATION (app);
  g_autofree char *last = NULL;
  g_autofree char *path = NULL;
  RedressWindow *window;

  if (self->startup_action != NULL)
    {
      const char *action = g_steal_pointer (&self->startup_action);

      g_action_group_activate_action (G_ACTION_GROUP (self), action, NULL);
      return;
    }

  if ((window = get_active_window (self)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* Started at login for the reminders: no window until asked for. */
  if (self->background)
    {
      self->background = FALSE;
      redress_reminder_service_start_background (self->reminders);
      return;
    }

  last = g_settings_get_string (self->settings, "last-docket");
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      redress_application_open_docket (self, last, FALSE);
      return;
    }

  /* First run, or the last docket was moved away: the default docket,
   * created when missing. */
  path = redress_database_get_default_path ();
  redress_application_open_docket (self, path, TRUE);
}

static void
redress_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RedressApplication *self = REDRESS_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        {
          redress_application_open_docket (self, path, FALSE);
        }
      else
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          RedressWindow *window = redress_window_new (self);
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("“%s” is not a local file. Copy the docket to this computer first."),
                                     uri);
          redress_window_show_problem (window, _("Docket Could Not Be Opened"), message);
          gtk_window_present (GTK_WINDOW (window));
        }
    }
}

/* File choosers ---------------------------------------------------------- */

static void
add_docket_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) dockets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (dockets, _("Redress Dockets"));
  gtk_file_filter_add_mime_type (dockets, "application/x-redress-docket");
  gtk_file_filter_add_suffix (dockets, "redress");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, dockets);
  gtk_file_chooser_add_filter (chooser, all);
}

static char *
chooser_get_path (GtkNativeDialog *native)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
open_response_cb (GtkNativeDialog    *native,
                  int                 response,
                  RedressApplication *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (path = chooser_get_path (native)) != NULL)
    {
      RedressWindow *window = find_window_for (self, path);

      if (window != NULL)
        gtk_window_present (GTK_WINDOW (window));
      else if ((window = get_active_window (self)) != NULL)
        open_docket_in (self, window, path, FALSE);   /* replaces the docket shown */
      else
        redress_application_open_docket (self, path, FALSE);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_docket_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RedressApplication *self = user_data;
  GtkFileChooserNative *native;

  /* From the desktop file with no window yet: the chooser needs one to keep
   * Redress running and to sit on. */
  if (get_active_window (self) == NULL)
    g_application_activate (G_APPLICATION (self));

  native = gtk_file_chooser_native_new (_("Open Docket"),
                                        GTK_WINDOW (get_active_window (self)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  add_docket_filters (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_docket_response_cb (GtkNativeDialog    *native,
                        int                 response,
                        RedressApplication *self)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (path = chooser_get_path (native)) != NULL)
    {
      RedressWindow *window = get_active_window (self);

      if (!g_str_has_suffix (path, ".redress"))
        {
          char *with_suffix = g_strconcat (path, ".redress", NULL);

          g_free (path);
          path = with_suffix;
        }

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Never turn an existing file into a "new" docket. */
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("“%s” already exists. Choose another name for the new docket, "
                                       "or open the existing one."), path);
          if (window != NULL)
            redress_window_add_toast (window, adw_toast_new (message));
        }
      else
        {
          if (window == NULL || redress_window_get_database (window) != NULL)
            window = redress_window_new (self);
          open_docket_in (self, window, path, TRUE);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
new_docket_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  RedressApplication *self = user_data;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("New Docket"),
                                        GTK_WINDOW (get_active_window (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  add_docket_filters (GTK_FILE_CHOOSER (native));
  /* Translators: the suggested file name of a new docket. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Cases.redress"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (new_docket_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Demo docket ------------------------------------------------------------ */

static void
create_demo_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RedressApplication *self = user_data;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "redress-demo", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.redress", NULL);
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  RedressWindow *window = get_active_window (self);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not create the folder %s for the demo docket."), dir);
        }
      else if ((db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error)) != NULL)
        {
          redress_database_set_actor (db, _("Demo"));
          redress_demo_generate (db, REDRESS_DEMO_DEFAULT_SEED, REDRESS_DEMO_DEFAULT_CASES,
                                 NULL, NULL, &error);
        }

      if (error != NULL)
        {
          if (window != NULL)
            redress_window_add_toast (window, adw_toast_new (error->message));
          return;
        }
    }

  if (window == NULL)
    window = redress_window_new (self);
  open_docket_in (self, window, path, FALSE);
}

/* Encrypting a docket ----------------------------------------------------- */

typedef struct
{
  RedressApplication *self;
  RedressWindow      *window;
  char               *path;
  gboolean            legacy;
  GtkWidget          *dialog;
  GtkWidget          *current;   /* the old passphrase of a Redress 0.1 docket */
  GtkWidget          *entry;
  GtkWidget          *confirm;
  GtkWidget          *hint;
  GtkWidget          *progress;
  GCancellable       *cancellable;
  char               *old_passphrase;  /* protected memory */
  char               *new_passphrase;  /* protected memory */
  char               *recovery;        /* protected memory */
  double              fraction;
} Encrypt;

static void
encrypt_free (Encrypt *e)
{
  g_clear_object (&e->self);
  g_clear_object (&e->window);
  g_clear_object (&e->cancellable);
  g_clear_pointer (&e->path, g_free);
  g_clear_pointer (&e->old_passphrase, redress_secret_free);
  g_clear_pointer (&e->new_passphrase, redress_secret_free);
  g_clear_pointer (&e->recovery, redress_secret_free);
  g_free (e);
}

/* The rule and the hint under the entries; the Encrypt button only when they agree. */
static void
encrypt_entries_changed_cb (Encrypt *e)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (e->entry));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (e->confirm));
  RedressPassphraseStrength strength = redress_passphrase_strength (text);
  gboolean ok = strength != REDRESS_PASSPHRASE_TOO_SHORT && g_strcmp0 (text, again) == 0 &&
                (e->current == NULL || *gtk_editable_get_text (GTK_EDITABLE (e->current)) != '\0');

  if (strength != REDRESS_PASSPHRASE_TOO_SHORT && *again != '\0' && g_strcmp0 (text, again) != 0)
    gtk_label_set_text (GTK_LABEL (e->hint), _("The two passphrases differ."));
  else
    gtk_label_set_text (GTK_LABEL (e->hint), redress_passphrase_strength_hint (strength));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (e->dialog), "encrypt", ok);
}

static GtkWidget *
passphrase_entry (const char *label)
{
  GtkWidget *entry = gtk_password_entry_new ();

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Encrypt          *e)
{
  if (g_strcmp0 (response, "copy") == 0)
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), e->recovery);
      redress_window_add_toast (e->window, adw_toast_new (_("Recovery key copied")));
      g_idle_add_once (represent_dialog_cb, g_object_ref (dialog));
      return;
    }
  g_idle_add_once (destroy_dialog_cb, g_object_ref (dialog));
  /* Open it again: now it asks for the new passphrase. */
  open_docket_in (e->self, e->window, e->path, FALSE);
  encrypt_free (e);
}

/* The recovery key, shown once. */
static void
show_recovery_key (Encrypt *e)
{
  GtkWidget *dialog;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (e->window), _("Your Recovery Key"),
                                   _("Write it down or print it and keep it away from this computer. "
                                     "It is shown only now; it opens the docket if the passphrase is "
                                     "forgotten."));
  label = gtk_label_new (e->recovery);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-3");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("_Copy"),
                                    "done", _("I Have _Kept It"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "done");
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), e);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
encrypt_progress_idle (gpointer data)
{
  Encrypt *e = data;

  if (e->progress != NULL)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (e->progress), CLAMP (e->fraction, 0, 1));
  return G_SOURCE_REMOVE;
}

static void
encrypt_progress_cb (double   fraction,
                     gpointer data)
{
  Encrypt *e = data;

  e->fraction = fraction;
  g_main_context_invoke (NULL, encrypt_progress_idle, e);
}

static void
encrypt_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Encrypt *e = task_data;
  GError *error = NULL;

  if (redress_docket_encrypt (e->path, e->old_passphrase, e->new_passphrase, &e->recovery,
                              encrypt_progress_cb, e, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
encrypt_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Encrypt *e = user_data;
  g_autoptr(GError) error = NULL;

  g_idle_add_once (destroy_dialog_cb, g_object_ref (e->dialog));
  g_clear_object (&e->dialog);
  e->progress = NULL;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_recovery_key (e);
      return;
    }
  redress_window_add_toast (e->window,
                            adw_toast_new (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                           ? _("Encryption cancelled; the docket is as it was")
                                           : error->message));
  open_docket_in (e->self, e->window, e->path, FALSE);
  encrypt_free (e);
}

static void
encrypt_cancel_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   Encrypt          *e)
{
  g_cancellable_cancel (e->cancellable);
}

static void
encrypt_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Encrypt          *e)
{
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "encrypt") != 0)
    {
      g_idle_add_once (destroy_dialog_cb, g_object_ref (dialog));
      g_clear_object (&e->dialog);
      encrypt_free (e);
      return;
    }

  e->new_passphrase = redress_secret_dup (gtk_editable_get_text (GTK_EDITABLE (e->entry)));
  if (e->current != NULL)
    e->old_passphrase = redress_secret_dup (gtk_editable_get_text (GTK_EDITABLE (e->current)));
  g_idle_add_once (destroy_dialog_cb, g_object_ref (dialog));
  g_clear_object (&e->dialog);

  /* The docket is closed while it is converted, then opened again. */
  if (redress_window_get_docket (e->window) != NULL)
    {
      g_autoptr(RedressDocket) docket = g_object_ref (redress_window_get_docket (e->window));

      redress_window_set_docket (e->window, NULL);
      redress_docket_close (docket);
    }

  e->cancellable = g_cancellable_new ();
  e->dialog = g_object_ref_sink (adw_message_dialog_new (GTK_WINDOW (e->window), _("Encrypting"),
                                                         _("Encrypting the docket and every evidence "
                                                           "file, then checking the copy.")));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (e->dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (e->dialog), "cancel");
  gtk_window_set_hide_on_close (GTK_WINDOW (e->dialog), TRUE);
  e->progress = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Encryption progress"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (e->dialog), e->progress);
  g_signal_connect (e->dialog, "response", G_CALLBACK (encrypt_cancel_cb), e);
  gtk_window_present (GTK_WINDOW (e->dialog));

  task = g_task_new (NULL, e->cancellable, encrypt_done_cb, e);
  g_task_set_task_data (task, e, NULL);
  g_task_run_in_thread (task, encrypt_thread);
}

static void
encrypt_docket_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  RedressApplication *self = user_data;
  RedressWindow *window = get_active_window (self);
  RedressDatabase *db = window != NULL ? redress_window_get_database (window) : NULL;
  GtkWidget *box;
  Encrypt *e;

  if (db == NULL || redress_database_get_read_only (db) ||
      redress_database_get_key_kind (db) == REDRESS_DATABASE_KEY_WRAPPED)
    return;

  e = g_new0 (Encrypt, 1);
  e->self = g_object_ref (self);
  e->window = g_object_ref (window);
  e->path = g_strdup (redress_database_get_path (db));
  e->legacy = redress_database_get_key_kind (db) == REDRESS_DATABASE_KEY_PASSPHRASE;

  e->dialog = g_object_ref_sink (adw_message_dialog_new (
      GTK_WINDOW (window), _("Encrypt This Docket"),
      _("A passphrase keeps every case and evidence file unreadable on this computer's disk, so a "
        "lost or seized laptop gives nothing away.")));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (e->legacy)
    {
      e->current = passphrase_entry (_("Current passphrase"));
      gtk_box_append (GTK_BOX (box), e->current);
      g_signal_connect_swapped (e->current, "changed", G_CALLBACK (encrypt_entries_changed_cb), e);
    }
  e->entry = passphrase_entry (_("New passphrase (at least 10 characters)"));
  e->confirm = passphrase_entry (_("The same passphrase again"));
  e->hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (e->hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (e->hint), 0);
  gtk_widget_add_css_class (e->hint, "dim-label");
  gtk_box_append (GTK_BOX (box), e->entry);
  gtk_box_append (GTK_BOX (box), e->confirm);
  gtk_box_append (GTK_BOX (box), e->hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (e->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (e->dialog),
                                    "cancel", _("_Cancel"),
                                    "encrypt", _("_Encrypt"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (e->dialog), "encrypt",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (e->dialog), "cancel");
  g_signal_connect_swapped (e->entry, "changed", G_CALLBACK (encrypt_entries_changed_cb), e);
  g_signal_connect_swapped (e->confirm, "changed", G_CALLBACK (encrypt_entries_changed_cb), e);
  encrypt_entries_changed_cb (e);
  g_signal_connect (e->dialog, "response", G_CALLBACK (encrypt_response_cb), e);
  gtk_window_present (GTK_WINDOW (e->dialog));
  gtk_widget_grab_focus (e->current != NULL ? e->current : e->entry);
}

/* Backup ----------------------------------------------------------------- */

typedef struct
{
  RedressWindow *window;
  GtkWidget     *dialog;
  GtkWidget     *progress;
  GCancellable  *cancellable;
  char          *path;
} Backup;

static void
backup_free (Backup *backup)
{
  g_clear_object (&backup->window);
  g_clear_object (&backup->cancellable);
  g_clear_pointer (&backup->path, g_free);
  g_free (backup);
}

static void
backup_progress_cb (double   fraction,
                    gpointer user_data)
{
  GtkWidget *progress = user_data;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (progress), CLAMP (fraction, 0.0, 1.0));
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Backup *backup = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (redress_database_backup_finish (REDRESS_DATABASE (object), result, &error))
    {
      g_autofree char *name = g_path_get_basename (backup->path);

      message = g_strdup_printf (_("Backup saved to “%s” and verified"), name);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      message = g_strdup (_("Backup cancelled; nothing was written"));
    }
  else
    {
      message = g_strdup (error->message);
    }

  redress_window_add_toast (backup->window, adw_toast_new (message));
  g_signal_handlers_disconnect_by_data (backup->dialog, backup);
  gtk_window_destroy (GTK_WINDOW (backup->dialog));
  g_object_unref (backup->dialog);
  backup_free (backup);
}

static void
backup_cancel_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Backup           *backup)
{
  g_cancellable_cancel (backup->cancellable);
}

static gboolean
backup_close_request_cb (GtkWindow *dialog,
                         Backup    *backup)
{
  /* The dialog goes away when the copy has stopped, not before. */
  g_cancellable_cancel (backup->cancellable);
  return TRUE;
}

static void
start_backup (RedressWindow *window,
              const char    *path)
{
  RedressDatabase *db = redress_window_get_database (window);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  Backup *backup;

  backup = g_new0 (Backup, 1);
  backup->window = g_object_ref (window);
  backup->cancellable = g_cancellable_new ();
  backup->path = g_strdup (path);

  body = g_strdup_printf (_("Copying the docket to “%s” and checking the copy."), name);
  backup->dialog = g_object_ref_sink (adw_message_dialog_new (GTK_WINDOW (window), _("Backing Up"), body));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (backup->dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (backup->dialog), "cancel");
  backup->progress = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (backup->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backup progress"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (backup->dialog), backup->progress);
  g_signal_connect (backup->dialog, "response", G_CALLBACK (backup_cancel_cb), backup);
  g_signal_connect (backup->dialog, "close-request", G_CALLBACK (backup_close_request_cb), backup);
  gtk_window_present (GTK_WINDOW (backup->dialog));

  redress_database_backup_async (db, path, backup->cancellable,
                                 backup_progress_cb, g_object_ref (backup->progress), g_object_unref,
                                 backup_done_cb, backup);
}

static void
backup_response_cb (GtkNativeDialog *native,
                    int              response,
                    RedressWindow   *window)
{
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (path = chooser_get_path (native)) != NULL)
    {
      if (redress_window_get_database (window) != NULL &&
          g_strcmp0 (path, redress_database_get_path (redress_window_get_database (window))) == 0)
        redress_window_add_toast (window,
                                  adw_toast_new (_("A docket cannot be backed up onto itself. Choose another file.")));
      else if (redress_window_get_database (window) != NULL)
        start_backup (window, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (window);
}

static void
backup_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  RedressApplication *self = user_data;
  RedressWindow *window = get_active_window (self);
  GtkFileChooserNative *native;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  RedressDatabase *db;

  if (window == NULL || (db = redress_window_get_database (window)) == NULL)
    return;

  base = g_path_get_basename (redress_database_get_path (db));
  if (g_str_has_suffix (base, ".redress"))
    base[strlen (base) - strlen (".redress")] = '\0';
  /* Translators: the suggested file name of a backup: docket name and date. */
  name = g_strdup_printf (_("%s backup %s.redress"), base, stamp);

  native = gtk_file_chooser_native_new (_("Back Up Docket"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Back Up"), _("_Cancel"));
  add_docket_filters (GTK_FILE_CHOOSER (native));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (backup_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Other actions ---------------------------------------------------------- */

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RedressApplication *self = user_data;
  RedressPreferencesWindow *prefs = redress_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (get_active_window (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* The user guide (help/C/index.page), shown by Yelp. */
static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  RedressApplication *self = user_data;

  gtk_show_uri (GTK_WINDOW (get_active_window (self)), "help:redress", GDK_CURRENT_TIME);
}

/* The desktop file's "New Communication": the docket opened last, and a new
 * communication in it as soon as it is shown. */
static void
new_communication_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  RedressApplication *self = user_data;
  RedressWindow *window;

  g_application_activate (G_APPLICATION (self));
  if ((window = get_active_window (self)) != NULL)
    redress_window_activate_when_open (window, "win.new-communication");
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  RedressApplication *self = user_data;
  static const char *developers[] = { "The Redress developers", NULL };

  adw_show_about_window (GTK_WINDOW (get_active_window (self)),
                         "application-name", _("Redress"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Redress developers"),
                         "developers", developers,
                         "comments", _("Prepare and follow complaints to the UN Committee on the "
                                       "Rights of the Child under the third Optional Protocol "
                                       "(OP3 CRC)."),
                         "website", "https://github.com/redress/redress",
                         "issue-url", "https://github.com/redress/redress/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Redress developers",
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  RedressApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its size and lets pages finish their saves. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static void
actor_changed_cb (RedressApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (REDRESS_IS_WINDOW (l->data) && redress_window_get_database (l->data) != NULL)
        apply_actor (self, redress_window_get_database (l->data));
    }
}

static const GActionEntry app_actions[] = {
  { "new-docket", new_docket_action },
  { "open-docket", open_docket_action },
  { "create-demo", create_demo_action },
  { "backup", backup_action },
  { "new-communication", new_communication_action },
  { "encrypt-docket", encrypt_docket_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* A reminder was clicked: the window showing that docket, or a new one. */
static void
reminder_open_case_cb (RedressApplication *self,
                       const char         *path,
                       const char         *case_id)
{
  RedressWindow *window = find_window_for (self, path);

  /* Opens at once without a passphrase; otherwise the unlock dialog shows. */
  if (window == NULL)
    {
      redress_application_open_docket (self, path, FALSE);
      window = find_window_for (self, path);
    }
  if (window == NULL)
    return;
  redress_window_open_case (window, case_id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
redress_application_startup (GApplication *app)
{
  RedressApplication *self = REDRESS_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open-docket", { "<Control>o", NULL } },
    { "app.backup", { "<Control><Shift>s", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (redress_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  self->settings = g_settings_new ("io.github.redress.Redress");
  self->reminders = redress_reminder_service_new (app);
  g_signal_connect_object (self->reminders, "open-case",
                           G_CALLBACK (reminder_open_case_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::actor-name",
                           G_CALLBACK (actor_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
redress_application_dispose (GObject *object)
{
  RedressApplication *self = REDRESS_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (redress_application_parent_class)->dispose (object);
}

/* --background: the login autostart entry.  When Redress already runs it has
 * nothing to do; otherwise this instance starts with no window. */
static int
redress_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("redress: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
      REDRESS_APPLICATION (app)->background = TRUE;
    }

  /* The desktop file's actions, for launchers that do not use D-Bus
   * activation: the running instance does it, or this one once started. */
  for (guint i = 0; i < 2; i++)
    {
      static const char *const actions[] = { "new-communication", "open-docket" };

      if (g_variant_dict_contains (options, actions[i]))
        {
          g_autoptr(GError) error = NULL;

          if (!g_application_register (app, NULL, &error))
            {
              g_printerr ("redress: %s\n", error->message);
              return 1;
            }
          if (g_application_get_is_remote (app))
            {
              g_action_group_activate_action (G_ACTION_GROUP (app), actions[i], NULL);
              return 0;
            }
          REDRESS_APPLICATION (app)->startup_action = actions[i];
        }
    }
  return -1;
}

static void
redress_application_class_init (RedressApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = redress_application_dispose;
  app_class->startup = redress_application_startup;
  app_class->activate = redress_application_activate;
  app_class->open = redress_application_open;
  app_class->handle_local_options = redress_application_handle_local_options;
}

static void
redress_application_init (RedressApplication *self)
{
  redress_model_init ();
  g_application_add_main_option (G_APPLICATION (self), "background", 0, 0, G_OPTION_ARG_NONE,
                                 _("Start without a window, to show deadline reminders"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "new-communication", 0, 0, G_OPTION_ARG_NONE,
                                 _("Start a new communication in the docket opened last"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "open-docket", 0, 0, G_OPTION_ARG_NONE,
                                 _("Choose a docket to open"), NULL);
}

RedressApplication *
redress_application_new (void)
{
  return g_object_new (REDRESS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* One resource path for both the stable and .Devel ids. */
                       "resource-base-path", "/io/github/redress/Redress",
                       NULL);
}
