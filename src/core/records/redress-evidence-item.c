/* redress-evidence-item.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A piece of evidence; its original is stored by its SHA-256 in the evidence folder.
 */

#define G_LOG_DOMAIN "redress-evidence-item"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-enums.h"
#include "redress-evidence-item.h"
#include "redress-record-private.h"
#include "redress-util.h"
#include <string.h>

struct _RedressEvidenceItem
{
  RedressRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (RedressEvidenceItem, redress_evidence_item, REDRESS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_SHA256,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_KIND,
  PROP_SHOWN_DATE,
  PROP_PROVENANCE,
  PROP_LANGUAGE,
  PROP_IDENTIFIES_CHILD,
  PROP_CONFIDENTIALITY,
  PROP_ORIGINAL_NAME,
  PROP_MIME_TYPE,
  PROP_SIZE,
  PROP_PAGE_COUNT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static gboolean
redress_evidence_item_validate (RedressRecord  *record,
                                GError        **error)
{
  const char *sha = redress_record_get_string (record, "sha256");

  for (guint i = 0; sha != NULL && sha[i] != '\0'; i++)
    if (!g_ascii_isxdigit (sha[i]))
      sha = NULL;
  if (sha == NULL || strlen (sha) != 64)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” must be a SHA-256 digest of 64 hexadecimal digits. Nothing was saved."),
                   _("Fingerprint"));
      return FALSE;
    }
  return TRUE;
}

static void
redress_evidence_item_class_init (RedressEvidenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  RedressRecordClass *record_class = REDRESS_RECORD_CLASS (klass);

  object_class->get_property = _redress_record_property_get;
  object_class->set_property = _redress_record_property_set;

  record_class->table_name = "evidence_item";
  record_class->list_order = "shown_date IS NULL, shown_date, created_at";
  record_class->validate = redress_evidence_item_validate;

  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", N_("Case"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", N_("Fingerprint"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_REQUIRED));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", N_("Title"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", N_("Kind"), NULL, "other",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOWN_DATE] =
    g_param_spec_string ("shown-date", N_("Date shown"), NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS | REDRESS_PARAM_DATE));
  properties[PROP_PROVENANCE] =
    g_param_spec_string ("provenance", N_("Provenance"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", N_("Language"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IDENTIFIES_CHILD] =
    /* -1: not recorded, 0: no, 1: yes. */
    g_param_spec_int ("identifies-child", N_("Identifies the child"), NULL, -1, 1, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONFIDENTIALITY] =
    g_param_spec_string ("confidentiality", N_("Confidentiality"), NULL, "confidential",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORIGINAL_NAME] =
    g_param_spec_string ("original-name", N_("Original file name"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", N_("File type"), NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", N_("Size"), NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE_COUNT] =
    g_param_spec_int ("page-count", N_("Pages"), NULL, -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  redress_param_spec_set_choices (properties[PROP_KIND], redress_evidence_kind_is_valid);
}

static void
redress_evidence_item_init (RedressEvidenceItem *self)
{
}

/**
 * redress_evidence_item_new:
 *
 * Returns: (transfer full): a new, unsaved evidence item; save it with redress_record_save().
 */
RedressEvidenceItem *
redress_evidence_item_new (const char *case_id)
{
  return g_object_new (REDRESS_TYPE_EVIDENCE_ITEM, "case-id", case_id, NULL);
}
