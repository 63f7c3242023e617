/* test-evidence-panel.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drag a file in, see its thumbnail and hash, link it to a violation, verify.
 */

#include "config.h"

#include "redress-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redress-database-private.h"
#include "redress-evidence-panel.h"
#include "redress-evidence-store.h"
#include "redress-util.h"

/* Iterates the main context until @cond holds (P12), with the shared
 * generous timeout. */
static gboolean
wait_until (gboolean (*cond) (gpointer),
            gpointer   data)
{
  return redress_test_wait_for (cond, data);
}

static gboolean
not_busy (gpointer data)
{
  return !redress_evidence_panel_get_busy (data);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Depth-first search for a widget. */
static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_texture (GtkWidget     *widget,
             gconstpointer  unused)
{
  return GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_PAINTABLE &&
         GDK_IS_TEXTURE (gtk_image_get_paintable (GTK_IMAGE (widget)));
}

typedef struct
{
  GtkWidget *row;
} ThumbWait;

static gboolean
thumbnail_shown (gpointer data)
{
  ThumbWait *w = data;

  return find_widget (w->row, has_texture, NULL) != NULL;
}

static gboolean
row_has_subtitle_cb (gpointer data)
{
  GtkWidget **args = data;
  GtkWidget *linked = find_widget (args[0], is_row_titled, "Linked to");

  return linked != NULL && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (linked)), "art 19") != NULL;
}

static void
test_drop_thumbnail_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-panel-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "docket.redress", NULL);
  g_autofree char *photo = g_build_filename (dir, "injury photo.png", NULL);
  g_autofree char *case_id = redress_uuid_new ();
  g_autofree char *violation = redress_uuid_new ();
  g_autofree char *sql = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(RedressDatabase) db = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  g_autoptr(GFile) file = g_file_new_for_path (photo);
  GtkWidget *window, *panel, *row, *hash_row;
  GListModel *controllers;
  GtkDropTarget *target = NULL;
  GdkFileList *file_list;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  gsize len;
  RedressEvidenceInfo *info;
  ThumbWait tw;
  GtkWidget *args[1];

  db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO case_file (id, kind, reference, title, created_at, updated_at) VALUES "
                         "('%s', 'communication', 'C-1', 'A.B. v. Utopia', redress_now (), redress_now ());"
                         "INSERT INTO violation (id, case_id, treaty, article, description, created_at, updated_at) "
                         "VALUES ('%s', '%s', 'CRC', '19', 'Violence in custody', redress_now (), redress_now ())",
                         case_id, violation, case_id);
  _redress_database_exec (db, sql, &error);
  g_assert_no_error (error);

  gdk_pixbuf_fill (pixbuf, 0x8844aaff);
  g_assert_true (gdk_pixbuf_save (pixbuf, photo, "png", &error, NULL));
  g_file_get_contents (photo, &contents, &len, &error);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 700);
  panel = redress_evidence_panel_new (db);
  gtk_widget_set_margin_start (panel, 24);
  gtk_widget_set_margin_end (panel, 24);
  gtk_widget_set_margin_top (panel, 24);
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), panel);
    gtk_window_set_child (GTK_WINDOW (window), scroller);
  }
  redress_evidence_panel_set_case (REDRESS_EVIDENCE_PANEL (panel), case_id);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_until (mapped, panel));

  /* Drop the file on the panel, through its drop target. */
  controllers = gtk_widget_observe_controllers (panel);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (c))
        target = GTK_DROP_TARGET (c);
    }
  g_object_unref (controllers);
  g_assert_nonnull (target);
  files = g_slist_append (files, file);
  file_list = gdk_file_list_new_from_list (files);
  g_slist_free (files);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, file_list);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (wait_until (not_busy, panel));

  /* The item is in the locker, its row shows the full hash and a thumbnail. */
  store = redress_evidence_store_new (db);
  items = redress_evidence_store_list (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  info = g_ptr_array_index (items, 0);
  g_assert_cmpstr (info->sha256, ==, sha);
  g_assert_cmpstr (info->kind, ==, "photo");

  row = find_widget (panel, is_named, info->id);
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  hash_row = find_widget (row, is_row_titled, "SHA-256");
  g_assert_nonnull (hash_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hash_row)), ==, sha);
  tw.row = row;
  g_assert_true (wait_until (thumbnail_shown, &tw));
  g_assert_nonnull (redress_evidence_store_lookup_thumbnail (store, sha, 96));

  /* Link it to the violation, as the menu item does. */
  gtk_widget_activate_action (panel, "evidence.link-violation", "(ss)", info->id, violation);
  links = redress_evidence_store_list_links (store, info->id, &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((RedressEvidenceLink *) g_ptr_array_index (links, 0))->target_id, ==, violation);
  row = find_widget (panel, is_named, info->id);
  args[0] = row;
  g_assert_true (wait_until (row_has_subtitle_cb, args));
  g_assert_nonnull (find_widget (row, is_row_titled, "Linked to"));

  /* Verify the case: clean. */
  redress_evidence_panel_verify (REDRESS_EVIDENCE_PANEL (panel));
  g_assert_true (wait_until (not_busy, panel));

  if (g_getenv ("REDRESS_SCREENSHOT") != NULL)
    {
      row = find_widget (panel, is_named, info->id);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      for (int i = 0; i < 100; i++)
        g_main_context_iteration (NULL, FALSE), g_usleep (10000);
      g_usleep (G_USEC_PER_SEC * atoi (g_getenv ("REDRESS_SCREENSHOT")));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_clear_object (&db);
  redress_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/evidence-panel/drop-thumbnail-link", test_drop_thumbnail_link);

  return g_test_run ();
}
