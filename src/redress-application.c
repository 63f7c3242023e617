/* redress-application.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "redress-application"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-application.h"
#include "redress-database.h"
#include "redress-window.h"

struct _RedressApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressApplication, redress_application, ADW_TYPE_APPLICATION)

static void
open_docket (RedressApplication *self,
             const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  RedressWindow *window;

  db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  window = redress_window_new (self, db, error);
  gtk_window_present (GTK_WINDOW (window));
}

static void
redress_application_activate (GApplication *app)
{
  g_autofree char *path = redress_database_get_default_path ();

  open_docket (REDRESS_APPLICATION (app), path);
}

static void
redress_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        open_docket (REDRESS_APPLICATION (app), path);
    }
}

static void
redress_application_class_init (RedressApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = redress_application_activate;
  app_class->open = redress_application_open;
}

static void
redress_application_init (RedressApplication *self)
{
}

RedressApplication *
redress_application_new (void)
{
  return g_object_new (REDRESS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/redress/Redress",
                       NULL);
}
