/* redress-evidence-details.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The details of one evidence item: title, description, kind, the date the
 * document bears, provenance, language, whether it identifies the child and
 * how confidential it is.  Bound to the item's record and saved as typed
 * (RedressSaveQueue); the file and its hash are never touched.  A window of
 * its own, so the evidence list can refresh behind it without taking the
 * focus from what is being typed.
 */

#define G_LOG_DOMAIN "redress-evidence-details"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-date-row.h"
#include "redress-enums.h"
#include "redress-evidence-details.h"
#include "redress-evidence-item.h"
#include "redress-field-bind.h"
#include "redress-save-queue.h"
#include "redress-text-area.h"

#define SAVE_DELAY_MS 500

struct _RedressEvidenceDetails
{
  AdwWindow         parent_instance;

  RedressDatabase  *db;
  RedressRecord    *item;
  RedressSaveQueue *queue;

  /* Template children */
  AdwWindowTitle   *window_title;
  AdwEntryRow      *title_row;
  AdwComboRow      *kind_row;
  RedressDateRow   *date_row;
  AdwEntryRow      *provenance_row;
  AdwEntryRow      *language_row;
  RedressTextArea  *description_area;
  AdwComboRow      *identifies_row;
  AdwComboRow      *confidentiality_row;
};

G_DEFINE_FINAL_TYPE (RedressEvidenceDetails, redress_evidence_details, ADW_TYPE_WINDOW)

/* evidence_item.confidentiality: free text in the schema; these are offered. */
static const char * const confidentiality_values[] = { "confidential", "restricted", "public", NULL };

static gboolean
close_request_cb (RedressEvidenceDetails *self)
{
  redress_evidence_details_flush (self);
  return FALSE;
}

static void
redress_evidence_details_dispose (GObject *object)
{
  RedressEvidenceDetails *self = (RedressEvidenceDetails *)object;

  if (self->queue != NULL)
    redress_save_queue_flush (self->queue);
  gtk_widget_dispose_template (GTK_WIDGET (self), REDRESS_TYPE_EVIDENCE_DETAILS);
  g_clear_object (&self->queue);
  g_clear_object (&self->item);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (redress_evidence_details_parent_class)->dispose (object);
}

static void
redress_evidence_details_class_init (RedressEvidenceDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = redress_evidence_details_dispose;

  g_type_ensure (REDRESS_TYPE_DATE_ROW);
  g_type_ensure (REDRESS_TYPE_TEXT_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-evidence-details.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, window_title);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, date_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, provenance_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, language_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, description_area);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, identifies_row);
  gtk_widget_class_bind_template_child (widget_class, RedressEvidenceDetails, confidentiality_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
redress_evidence_details_init (RedressEvidenceDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/**
 * redress_evidence_details_new:
 * @evidence_id: the item to edit
 *
 * Returns: (transfer floating): the window, or %NULL with @error set when the
 *   item cannot be read.
 */
RedressEvidenceDetails *
redress_evidence_details_new (GtkWindow        *parent,
                              RedressDatabase  *db,
                              const char       *evidence_id,
                              GError          **error)
{
  RedressEvidenceDetails *self;
  g_autoptr(RedressRecord) item = NULL;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  const char * const *kind_values = redress_evidence_kind_get_values ();
  const char *name;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (evidence_id != NULL, NULL);

  item = redress_record_load (db, REDRESS_TYPE_EVIDENCE_ITEM, evidence_id, error);
  if (item == NULL)
    return NULL;

  self = g_object_new (REDRESS_TYPE_EVIDENCE_DETAILS,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->db = g_object_ref (db);
  self->item = g_steal_pointer (&item);
  self->queue = redress_save_queue_new (db, SAVE_DELAY_MS);

  name = redress_record_get_string (self->item, "original-name");
  adw_window_title_set_subtitle (self->window_title, name);

  for (guint i = 0; kind_values[i] != NULL; i++)
    gtk_string_list_append (kinds, redress_evidence_kind_get_label (kind_values[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_string_list_append (levels, _("Confidential: the Committee only"));
  gtk_string_list_append (levels, _("Restricted: the Committee and the State"));
  gtk_string_list_append (levels, _("May be made public"));
  adw_combo_row_set_model (self->confidentiality_row, G_LIST_MODEL (levels));

  redress_bind_editable (GTK_WIDGET (self->title_row), self->item, "title", self->queue);
  redress_bind_choice (self->kind_row, self->item, "kind", kind_values, self->queue);
  redress_bind_editable (GTK_WIDGET (self->date_row), self->item, "shown-date", self->queue);
  redress_bind_editable (GTK_WIDGET (self->provenance_row), self->item, "provenance", self->queue);
  redress_bind_editable (GTK_WIDGET (self->language_row), self->item, "language", self->queue);
  redress_bind_text_area (GTK_WIDGET (self->description_area), self->item, "description", self->queue);
  redress_bind_tristate (self->identifies_row, self->item, "identifies-child", self->queue);
  redress_bind_choice (self->confidentiality_row, self->item, "confidentiality", confidentiality_values,
                       self->queue);

  return self;
}

/* The widget editing @property ("title", "shown-date", ...), for tests. */
GtkWidget *
redress_evidence_details_get_field (RedressEvidenceDetails *self,
                                    const char             *property)
{
  static const struct { const char *property; gsize offset; } fields[] = {
    { "title", G_STRUCT_OFFSET (RedressEvidenceDetails, title_row) },
    { "kind", G_STRUCT_OFFSET (RedressEvidenceDetails, kind_row) },
    { "shown-date", G_STRUCT_OFFSET (RedressEvidenceDetails, date_row) },
    { "provenance", G_STRUCT_OFFSET (RedressEvidenceDetails, provenance_row) },
    { "language", G_STRUCT_OFFSET (RedressEvidenceDetails, language_row) },
    { "description", G_STRUCT_OFFSET (RedressEvidenceDetails, description_area) },
    { "identifies-child", G_STRUCT_OFFSET (RedressEvidenceDetails, identifies_row) },
    { "confidentiality", G_STRUCT_OFFSET (RedressEvidenceDetails, confidentiality_row) },
  };

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_DETAILS (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].property, property) == 0)
      return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
  return NULL;
}

/* Saves what is typed now; FALSE (and the error shown) when it cannot. */
gboolean
redress_evidence_details_flush (RedressEvidenceDetails *self)
{
  g_return_val_if_fail (REDRESS_IS_EVIDENCE_DETAILS (self), FALSE);

  return self->queue == NULL || redress_save_queue_flush (self->queue);
}
