/* redress-case-section.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the case page's sections (people, violations, facts,
 * remedies, other procedures, history): one list box bound to one live
 * list of the RedressCaseFile.  A row is made once per record and kept
 * while the record is in the list: when the list changes, rows are added
 * for new records and removed for the ones gone, and the others are only
 * moved (sorted by their place in the list), so a row being edited keeps
 * its focus and nothing unchanged is rebuilt.  What a row shows follows its
 * record's properties; the sections read what is derived (ages, the
 * earliest fact) from the case file and compute no rule themselves.
 */

#define G_LOG_DOMAIN "redress-case-section"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case-section.h"
#include "redress-domestic-remedy.h"
#include "redress-fact.h"
#include "redress-link-row.h"
#include "redress-violation.h"

typedef struct
{
  RedressSaveQueue     *queue;
  RedressReference     *reference;
  RedressEvidenceStore *store;
  RedressCaseFile      *file;
  GListModel           *model;
  GtkListBox           *list;
  GtkWidget            *add_button;
  GHashTable           *rows;        /* RedressRecord * -> its row (the list holds it) */
  GHashTable           *positions;   /* RedressRecord * -> position + 1 in the model */
  gulong                items_changed_id;
  gulong                evidence_ids[2];
  gulong                link_ids[3];     /* violation_fact, fact, violation on the database */
  gulong                others_id;       /* the other side's list, for the link labels */
  GListModel           *others;
} RedressCaseSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (RedressCaseSection, redress_case_section, ADW_TYPE_BIN)

enum {
  DELETE_REQUESTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_RECORD_KEY "redress-section-record"

static RedressRecord *
row_record (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_RECORD_KEY);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (user_data);
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (priv->positions, row_record (GTK_WIDGET (a))));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (priv->positions, row_record (GTK_WIDGET (b))));

  return pa < pb ? -1 : pa > pb;
}

static void
row_delete_requested_cb (RedressCaseSection *self,
                         RedressRecordRow   *row)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, row);
}

static void
fill_evidence_links (RedressCaseSection *self,
                     GtkWidget          *row,
                     GPtrArray          *evidence);

static void fill_cross_links (RedressCaseSection *self,
                              GtkWidget          *row,
                              gboolean            reread);

static void
items_changed_cb (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  guint n = g_list_model_get_n_items (priv->model);

  g_hash_table_remove_all (priv->positions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressRecord) record = g_list_model_get_item (priv->model, i);

      g_hash_table_insert (priv->positions, record, GUINT_TO_POINTER (i + 1));
    }

  /* Rows of the records gone. */
  g_hash_table_iter_init (&iter, priv->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (priv->positions, key))
      {
        gtk_list_box_remove (priv->list, value);
        g_hash_table_iter_remove (&iter);
      }

  /* Rows of the new ones. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressRecord) record = g_list_model_get_item (priv->model, i);
      GtkWidget *row;

      if (g_hash_table_contains (priv->rows, record))
        continue;
      row = REDRESS_CASE_SECTION_GET_CLASS (self)->create_row (self, record);
      if (row == NULL)
        continue;
      g_object_set_data_full (G_OBJECT (row), ROW_RECORD_KEY, g_object_ref (record), g_object_unref);
      if (REDRESS_IS_RECORD_ROW (row))
        g_signal_connect_object (row, "delete-requested", G_CALLBACK (row_delete_requested_cb),
                                 self, G_CONNECT_SWAPPED);
      /* A record waiting for its deletion stays out of sight until Undo. */
      gtk_widget_set_visible (row, !redress_case_file_is_hidden (priv->file, redress_record_get_id (record)));
      gtk_list_box_append (priv->list, row);
      g_hash_table_insert (priv->rows, record, row);
      g_ptr_array_add (added, row);
    }

  /* The others only move. */
  gtk_list_box_invalidate_sort (priv->list);

  for (guint i = 0; i < added->len; i++)
    fill_cross_links (self, g_ptr_array_index (added, i), TRUE);

  if (added->len > 0 && priv->store != NULL)
    {
      g_autoptr(GPtrArray) evidence = NULL;

      for (guint i = 0; i < added->len; i++)
        if (g_object_get_data (G_OBJECT (g_ptr_array_index (added, i)), "evidence_link") != NULL)
          {
            if (evidence == NULL)
              evidence = redress_evidence_store_list (priv->store, redress_case_file_get_case_id (priv->file), NULL);
            fill_evidence_links (self, g_ptr_array_index (added, i), evidence);
          }
    }

  if (REDRESS_CASE_SECTION_GET_CLASS (self)->rows_changed != NULL)
    REDRESS_CASE_SECTION_GET_CLASS (self)->rows_changed (self);
}

static void
clear_rows (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, priv->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_list_box_remove (priv->list, value);
  g_hash_table_remove_all (priv->rows);
  g_hash_table_remove_all (priv->positions);
}

/* The links between a fact and the violations it supports, or a violation
 * and its facts (art 7(f)): the labels from the other side's live list,
 * the links themselves read again only when @reread (they changed). */
static void
fill_cross_links (RedressCaseSection *self,
                  GtkWidget          *row,
                  gboolean            reread)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  RedressLinkRow *link_row = g_object_get_data (G_OBJECT (row), "violation_fact");
  RedressRecord *record = row_record (row);
  g_auto(GStrv) ids = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean is_violation;

  if (link_row == NULL || priv->others == NULL)
    return;

  is_violation = REDRESS_IS_VIOLATION (record);
  if (reread)
    ids = is_violation
      ? redress_violation_list_fact_ids (redress_case_section_get_database (self), redress_record_get_id (record), NULL)
      : redress_fact_list_violation_ids (redress_case_section_get_database (self), redress_record_get_id (record), NULL);

  items = g_ptr_array_new_with_free_func (g_free);
  redress_link_row_begin (link_row);
  for (guint i = 0; i < g_list_model_get_n_items (priv->others); i++)
    {
      g_autoptr(RedressRecord) other = g_list_model_get_item (priv->others, i);
      const char *id = redress_record_get_id (other);
      g_autofree char *label = NULL;
      gboolean linked;

      if (redress_case_file_is_hidden (priv->file, id))
        continue;
      linked = reread ? (ids != NULL && g_strv_contains ((const char * const *) ids, id))
                      : redress_link_row_is_linked (link_row, id);
      label = is_violation ? redress_case_section_fact_label (other) : redress_case_section_violation_label (other);
      redress_link_row_add (link_row, NULL, id, label, linked);
    }
  redress_link_row_end (link_row);
}

static void
relabel_row_cb (gpointer row,
                gpointer self)
{
  fill_cross_links (self, row, FALSE);
}

static void
reread_row_cb (gpointer row,
               gpointer self)
{
  fill_cross_links (self, row, TRUE);
}

static void
relabel_links_cb (RedressCaseSection *self)
{
  redress_case_section_foreach_row (self, relabel_row_cb, self);
}

static void
reread_links_cb (RedressCaseSection *self)
{
  redress_case_section_foreach_row (self, reread_row_cb, self);
}

/* Shows the rows of the records hidden or shown again since (a deletion
 * waiting for its Undo), and leaves them out of the link menus. */
void
redress_case_section_update_hidden (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (REDRESS_IS_CASE_SECTION (self));

  if (priv->file == NULL)
    return;
  g_hash_table_iter_init (&iter, priv->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_widget_set_visible (value, !redress_case_file_is_hidden (priv->file, redress_record_get_id (key)));
  relabel_links_cb (self);
  if (REDRESS_CASE_SECTION_GET_CLASS (self)->rows_changed != NULL)
    REDRESS_CASE_SECTION_GET_CLASS (self)->rows_changed (self);
}

static void
evidence_changed_cb (RedressCaseSection *self)
{
  redress_case_section_update_evidence_links (self);
}

/**
 * redress_case_section_set_case_file:
 * @file: (nullable): the case, or %NULL for none
 */
void
redress_case_section_set_case_file (RedressCaseSection *self,
                                    RedressCaseFile    *file)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  RedressCaseSectionClass *klass = REDRESS_CASE_SECTION_GET_CLASS (self);

  g_return_if_fail (REDRESS_IS_CASE_SECTION (self));
  g_return_if_fail (file == NULL || REDRESS_IS_CASE_FILE (file));

  if (priv->file == file)
    return;

  if (klass->bind != NULL)
    klass->bind (self, NULL);
  if (priv->model != NULL)
    g_clear_signal_handler (&priv->items_changed_id, priv->model);
  if (priv->file != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (priv->evidence_ids); i++)
        g_clear_signal_handler (&priv->evidence_ids[i], redress_case_file_get_database (priv->file));
      for (guint i = 0; i < G_N_ELEMENTS (priv->link_ids); i++)
        g_clear_signal_handler (&priv->link_ids[i], redress_case_file_get_database (priv->file));
    }
  if (priv->others != NULL)
    g_clear_signal_handler (&priv->others_id, priv->others);
  g_clear_object (&priv->others);
  clear_rows (self);
  g_clear_object (&priv->model);
  g_set_object (&priv->file, file);

  if (file == NULL)
    return;

  priv->model = g_object_ref (klass->get_model (self, file));
  priv->items_changed_id = g_signal_connect_object (priv->model, "items-changed",
                                                    G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  priv->evidence_ids[0] = g_signal_connect_object (redress_case_file_get_database (file), "changed::evidence_item",
                                                   G_CALLBACK (evidence_changed_cb), self, G_CONNECT_SWAPPED);
  priv->evidence_ids[1] = g_signal_connect_object (redress_case_file_get_database (file), "changed::evidence_link",
                                                   G_CALLBACK (evidence_changed_cb), self, G_CONNECT_SWAPPED);
  /* Facts and violations link to each other (art 7(f)). */
  if (priv->model == redress_case_file_get_facts (file) || priv->model == redress_case_file_get_violations (file))
    {
      RedressDatabase *db = redress_case_file_get_database (file);

      priv->others = g_object_ref (priv->model == redress_case_file_get_facts (file)
                                   ? redress_case_file_get_violations (file)
                                   : redress_case_file_get_facts (file));
      priv->others_id = g_signal_connect_object (priv->others, "items-changed",
                                                 G_CALLBACK (relabel_links_cb), self, G_CONNECT_SWAPPED);
      priv->link_ids[0] = g_signal_connect_object (db, "changed::violation_fact",
                                                   G_CALLBACK (reread_links_cb), self, G_CONNECT_SWAPPED);
      priv->link_ids[1] = g_signal_connect_object (db, "changed::fact",
                                                   G_CALLBACK (relabel_links_cb), self, G_CONNECT_SWAPPED);
      priv->link_ids[2] = g_signal_connect_object (db, "changed::violation",
                                                   G_CALLBACK (relabel_links_cb), self, G_CONNECT_SWAPPED);
    }
  items_changed_cb (self);
  if (klass->bind != NULL)
    klass->bind (self, file);
}

RedressCaseFile *
redress_case_section_get_case_file (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);
  return priv->file;
}

RedressSaveQueue *
redress_case_section_get_queue (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);
  return priv->queue;
}

RedressReference *
redress_case_section_get_reference (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);
  return priv->reference;
}

RedressEvidenceStore *
redress_case_section_get_store (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);
  return priv->store;
}

RedressDatabase *
redress_case_section_get_database (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);
  return priv->file != NULL ? redress_case_file_get_database (priv->file) : NULL;
}

/* What the page gives every section: where edits are saved, the reference
 * data (States, rights) and the evidence locker. */
void
redress_case_section_setup (RedressCaseSection   *self,
                            RedressSaveQueue     *queue,
                            RedressReference     *reference,
                            RedressEvidenceStore *store)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_if_fail (REDRESS_IS_CASE_SECTION (self));

  g_set_object (&priv->queue, queue);
  g_set_object (&priv->reference, reference);
  g_set_object (&priv->store, store);
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

void
redress_case_section_set_list (RedressCaseSection *self,
                               GtkListBox         *list,
                               GtkWidget          *add_button,
                               const char         *placeholder)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_if_fail (REDRESS_IS_CASE_SECTION (self));
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  priv->list = list;
  priv->add_button = add_button;
  gtk_list_box_set_sort_func (list, sort_rows, self, NULL);
  if (placeholder != NULL)
    gtk_list_box_set_placeholder (list, make_placeholder (placeholder));
}

GtkListBox *
redress_case_section_get_list (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);
  return priv->list;
}

GtkWidget *
redress_case_section_get_add_button (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);
  return priv->add_button;
}

/**
 * redress_case_section_find_row:
 *
 * Returns: (transfer none) (nullable): the row of the record @id
 */
GtkWidget *
redress_case_section_find_row (RedressCaseSection *self,
                               const char         *id)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (REDRESS_IS_CASE_SECTION (self), NULL);

  g_hash_table_iter_init (&iter, priv->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (redress_record_get_id (key), id) == 0)
      return value;
  return NULL;
}

/* Calls @func (row, @user_data) for every row, in the list's order. */
void
redress_case_section_foreach_row (RedressCaseSection *self,
                                  GFunc               func,
                                  gpointer            user_data)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  g_return_if_fail (REDRESS_IS_CASE_SECTION (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (row_record (child) != NULL)
      func (child, user_data);
}

void
redress_case_section_report_error (RedressCaseSection *self,
                                   const GError       *error)
{
  g_return_if_fail (REDRESS_IS_CASE_SECTION (self));

  g_signal_emit (self, signals[FAILED], 0, error);
}

/* Links */

char *
redress_case_section_violation_label (RedressRecord *violation)
{
  const char *treaty = redress_record_get_string (violation, "treaty");
  const char *article = redress_record_get_string (violation, "article");
  const char *paragraph = redress_record_get_string (violation, "paragraph");

  if (paragraph != NULL && paragraph[0] != '\0')
    /* Translators: "CRC art 37(a)" */
    return g_strdup_printf (_("%s art %s%s"), treaty, article, paragraph);
  return g_strdup_printf (_("%s art %s"), treaty, article);
}

char *
redress_case_section_fact_label (RedressRecord *fact)
{
  const char *on = redress_record_get_string (fact, "occurred-on");
  const char *description = redress_record_get_string (fact, "description");
  g_autofree char *text = NULL;

  text = g_strdup (description != NULL && description[0] != '\0' ? description : _("Fact without a description"));
  /* One line in the menu: the first line of the description, shortened. */
  g_strdelimit (text, "\n", ' ');
  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 59);

      g_free (text);
      text = g_strconcat (start, "…", NULL);
    }
  if (on != NULL && on[0] != '\0')
    /* Translators: a fact in a link menu, "2024-03-10: the police questioned him" */
    return g_strdup_printf (_("%s: %s"), on, text);
  return g_steal_pointer (&text);
}

static RedressEvidenceTarget
evidence_target_for (RedressRecord *record)
{
  if (REDRESS_IS_VIOLATION (record))
    return REDRESS_EVIDENCE_TARGET_VIOLATION;
  if (REDRESS_IS_FACT (record))
    return REDRESS_EVIDENCE_TARGET_FACT;
  return REDRESS_EVIDENCE_TARGET_REMEDY;
}

static void
link_toggled_cb (RedressLinkRow *link_row,
                 const char     *id,
                 gboolean        linked,
                 gpointer        user_data)
{
  RedressRecordRow *row = user_data;
  RedressCaseSection *self = g_object_get_data (G_OBJECT (row), "section");
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  RedressRecord *record = redress_record_row_get_record (row);
  const char *kind = g_object_get_data (G_OBJECT (link_row), "link-kind");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  redress_save_queue_flush (priv->queue);
  if (g_strcmp0 (kind, "violation_fact") == 0)
    {
      gboolean is_violation = REDRESS_IS_VIOLATION (record);

      ok = redress_violation_set_fact_linked (redress_case_section_get_database (self),
                                              is_violation ? redress_record_get_id (record) : id,
                                              is_violation ? id : redress_record_get_id (record),
                                              linked, &error);
    }
  else if (linked)
    ok = redress_evidence_store_link (priv->store, id, evidence_target_for (record),
                                      redress_record_get_id (record), &error);
  else
    ok = redress_evidence_store_unlink (priv->store, id, evidence_target_for (record),
                                        redress_record_get_id (record), &error);

  if (!ok)
    {
      redress_case_section_report_error (self, error);
      /* Show the links as they are. */
      reread_links_cb (self);
      redress_case_section_update_evidence_links (self);
    }
}

/* A row of links under @row; "violation_fact" links facts and violations,
 * "evidence_link" evidence items.  The subclass fills the first; the base
 * the second. */
GtkWidget *
redress_case_section_add_link_row (RedressCaseSection *self,
                                   RedressRecordRow   *row,
                                   const char         *kind,
                                   const char         *title,
                                   const char         *none_text,
                                   const char         *nothing_to_link)
{
  GtkWidget *link_row = redress_link_row_new (title, none_text, nothing_to_link);

  g_object_set_data (G_OBJECT (row), "section", self);
  g_object_set_data_full (G_OBJECT (link_row), "link-kind", g_strdup (kind), g_free);
  g_object_set_data (G_OBJECT (row), kind, link_row);
  redress_record_row_add_row (row, kind, link_row, redress_link_row_get_button (REDRESS_LINK_ROW (link_row)));
  g_signal_connect_object (link_row, "toggled", G_CALLBACK (link_toggled_cb), row, 0);

  return link_row;
}

static void
fill_evidence_links (RedressCaseSection *self,
                     GtkWidget          *row,
                     GPtrArray          *evidence)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  RedressLinkRow *link_row = g_object_get_data (G_OBJECT (row), "evidence_link");
  RedressRecord *record = row_record (row);
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GHashTable) linked_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (link_row == NULL)
    return;

  linked = redress_evidence_store_list_linked (priv->store, evidence_target_for (record),
                                               redress_record_get_id (record), NULL);
  for (guint i = 0; linked != NULL && i < linked->len; i++)
    g_hash_table_add (linked_ids, ((RedressEvidenceInfo *) g_ptr_array_index (linked, i))->id);

  redress_link_row_begin (link_row);
  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      RedressEvidenceInfo *info = g_ptr_array_index (evidence, i);
      const char *label = info->title != NULL && info->title[0] != '\0' ? info->title : info->original_name;

      redress_link_row_add (link_row, NULL, info->id, label, g_hash_table_contains (linked_ids, info->id));
    }
  redress_link_row_end (link_row);
}

static void
fill_evidence_links_cb (gpointer row,
                        gpointer user_data)
{
  gpointer *args = user_data;

  fill_evidence_links (args[0], row, args[1]);
}

/* Reads the evidence of the case and its links to the rows again. */
void
redress_case_section_update_evidence_links (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);
  g_autoptr(GPtrArray) evidence = NULL;
  gboolean any = FALSE;

  g_return_if_fail (REDRESS_IS_CASE_SECTION (self));

  if (priv->file == NULL || priv->store == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->list));
       child != NULL && !any; child = gtk_widget_get_next_sibling (child))
    any = g_object_get_data (G_OBJECT (child), "evidence_link") != NULL;
  if (!any)
    return;

  evidence = redress_evidence_store_list (priv->store, redress_case_file_get_case_id (priv->file), NULL);
  redress_case_section_foreach_row (self, fill_evidence_links_cb, (gpointer[]) { self, evidence });
}

/* GObject */

static void
redress_case_section_dispose (GObject *object)
{
  RedressCaseSection *self = (RedressCaseSection *)object;
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  if (priv->list != NULL)
    redress_case_section_set_case_file (self, NULL);
  priv->list = NULL;
  priv->add_button = NULL;
  g_clear_object (&priv->queue);
  g_clear_object (&priv->reference);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (redress_case_section_parent_class)->dispose (object);
}

static void
redress_case_section_finalize (GObject *object)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (REDRESS_CASE_SECTION (object));

  g_clear_pointer (&priv->rows, g_hash_table_unref);
  g_clear_pointer (&priv->positions, g_hash_table_unref);

  G_OBJECT_CLASS (redress_case_section_parent_class)->finalize (object);
}

static void
redress_case_section_class_init (RedressCaseSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = redress_case_section_dispose;
  object_class->finalize = redress_case_section_finalize;

  /**
   * RedressCaseSection::delete-requested:
   * @row: the row whose record the user asked to remove
   */
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested",
                                            G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, REDRESS_TYPE_RECORD_ROW);
  /**
   * RedressCaseSection::failed:
   * @error: what could not be done, for the user
   */
  signals[FAILED] = g_signal_new ("failed",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
redress_case_section_init (RedressCaseSection *self)
{
  RedressCaseSectionPrivate *priv = redress_case_section_get_instance_private (self);

  priv->rows = g_hash_table_new (NULL, NULL);
  priv->positions = g_hash_table_new (NULL, NULL);
}
