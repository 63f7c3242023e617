/* redress-template.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define REDRESS_TEMPLATE_ERROR (redress_template_error_quark ())

typedef enum
{
  REDRESS_TEMPLATE_ERROR_NOT_FOUND,  /* no such document or language */
  REDRESS_TEMPLATE_ERROR_INVALID,    /* the file is not a valid template */
} RedressTemplateError;

typedef struct
{
  char     *id;
  char     *heading;
  char     *intro;      /* or NULL */
  GStrv     fields;     /* names of generated fields, in order */
  gboolean  editable;   /* has a place for the lawyer's own prose */
  gboolean  required;
} RedressTemplateSection;

typedef struct _RedressTemplate RedressTemplate;

GQuark                        redress_template_error_quark  (void);
const char * const           *redress_template_get_documents (void);
const char * const           *redress_template_get_languages (void);
gboolean                      redress_template_document_is_valid (const char *document);

RedressTemplate              *redress_template_load          (const char       *document,
                                                              const char       *language,
                                                              GError          **error) G_GNUC_WARN_UNUSED_RESULT;
RedressTemplate              *redress_template_parse         (const char       *text,
                                                              gssize            length,
                                                              GError          **error) G_GNUC_WARN_UNUSED_RESULT;
RedressTemplate              *redress_template_ref           (RedressTemplate  *self);
void                          redress_template_unref         (RedressTemplate  *self);

const char                   *redress_template_get_document  (RedressTemplate  *self);
const char                   *redress_template_get_language  (RedressTemplate  *self);
const char                   *redress_template_get_title     (RedressTemplate  *self);
const char                   *redress_template_get_subtitle  (RedressTemplate  *self);
const char                   *redress_template_get_addressee (RedressTemplate  *self);
const char                   *redress_template_get_event     (RedressTemplate  *self);
guint                         redress_template_get_n_sections (RedressTemplate *self);
const RedressTemplateSection *redress_template_get_section   (RedressTemplate  *self,
                                                              guint             index);
const RedressTemplateSection *redress_template_find_section  (RedressTemplate  *self,
                                                              const char       *id);
GStrv                         redress_template_list_phrases  (RedressTemplate  *self) G_GNUC_WARN_UNUSED_RESULT;
const char                   *redress_template_get_phrase    (RedressTemplate  *self,
                                                              const char       *id);
char                         *redress_template_format        (RedressTemplate  *self,
                                                              const char       *phrase_id,
                                                              ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;
char                         *redress_template_format_date_on (RedressTemplate *self,
                                                              const char       *iso) G_GNUC_WARN_UNUSED_RESULT;
char                         *redress_template_format_date   (RedressTemplate  *self,
                                                              const char       *iso) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressTemplate, redress_template_unref)

G_END_DECLS
