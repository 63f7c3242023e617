/* test-ui.c: every .ui file in the application's resources is parsed and
 * every template is instantiated, on the platform the test runs on.
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing checks .ui files against the version floor at build time: a widget
 * or property newer than GTK 4.8 / libadwaita 1.2 only fails when the template
 * is instantiated.  This test does that for each one.
 */

#include "config.h"
#include "redress-test-util.h"

#include <adwaita.h>
#include <string.h>

#include "redress-application.h"

#define RESOURCE_ROOT "/io/github/redress/Redress"

static void
collect_ui_files (const char *path,
                  GPtrArray  *out)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_ui_files (child, out);
      else if (g_str_has_suffix (children[i], ".ui"))
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

/* The class of a <template>, or NULL for a plain builder file. */
static char *
template_class (const char *xml)
{
  const char *start = strstr (xml, "<template class=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("<template class=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

/* Shows @window until it is on screen and drawn, then closes it. */
static void
show_and_close (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (redress_test_wait_for ((RedressTestCondition) gtk_widget_get_mapped, window));
  redress_test_flush_main_context ();
  gtk_window_destroy (window);
}

static void
test_ui_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *class_name = NULL;
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  const char *xml;
  GSList *objects;
  GType type;
  GObject *object;

  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  xml = g_bytes_get_data (bytes, NULL);

  class_name = template_class (xml);
  if (class_name == NULL)
    {
      /* A plain builder file (the shortcuts window): every object builds. */
      g_assert_true (gtk_builder_add_from_resource (builder, path, &error));
      g_assert_no_error (error);
      objects = gtk_builder_get_objects (builder);
      g_assert_nonnull (objects);
      for (GSList *l = objects; l != NULL; l = l->next)
        {
          if (GTK_IS_WINDOW (l->data))
            {
              show_and_close (GTK_WINDOW (l->data));
            }
        }
      g_slist_free (objects);
      return;
    }

  if (g_str_equal (class_name, "GtkListItem"))
    {
      /* A list item factory template: GtkBuilderListItemFactory parses it
       * when a view sets up its first row. */
      g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_resource (NULL, path);
      g_autoptr(GtkStringList) strings = gtk_string_list_new ((const char *[]) { "a", NULL });
      GtkWidget *window = gtk_window_new ();
      GtkWidget *view;

      view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (strings)))),
                                g_object_ref (factory));
      gtk_window_set_child (GTK_WINDOW (window), view);
      show_and_close (GTK_WINDOW (window));
      return;
    }

  /* The class is found by name like GtkBuilder does (its _get_type
   * function), so a template whose class is not built in fails here. */
  type = gtk_builder_get_type_from_name (builder, class_name);
  g_assert_true (type != G_TYPE_INVALID);
  g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));

  object = g_object_new (type, NULL);
  if (GTK_IS_WINDOW (object))
    {
      show_and_close (GTK_WINDOW (object));
    }
  else
    {
      GtkWidget *window = gtk_window_new ();

      if (GTK_IS_LIST_BOX_ROW (object))
        {
          /* Rows only work inside a list. */
          GtkWidget *list = gtk_list_box_new ();

          gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (object));
          gtk_window_set_child (GTK_WINDOW (window), list);
        }
      else
        {
          gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (object));
        }
      show_and_close (GTK_WINDOW (window));
    }
}

static void
test_all_templates_found (gconstpointer data)
{
  GPtrArray *files = (GPtrArray *) data;
  gboolean window = FALSE, preferences = FALSE, shortcuts = FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      window |= g_str_equal (path, RESOURCE_ROOT "/redress-window.ui");
      preferences |= g_str_equal (path, RESOURCE_ROOT "/redress-preferences-window.ui");
      shortcuts |= g_str_equal (path, RESOURCE_ROOT "/gtk/help-overlay.ui");
    }

  g_assert_true (window);
  g_assert_true (preferences);
  g_assert_true (shortcuts);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RedressApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Templates such as the main window expect an application (actions,
   * style.css, the shortcuts window). */
  app = redress_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  collect_ui_files (RESOURCE_ROOT "/", files);
  g_ptr_array_sort (files, compare_paths);

  g_test_add_data_func ("/ui/all-templates-found", files, test_all_templates_found);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *name = g_strconcat ("/ui/parse", path + strlen (RESOURCE_ROOT), NULL);

      g_test_add_data_func (name, path, test_ui_file);
    }

  ret = g_test_run ();

  return ret;
}
