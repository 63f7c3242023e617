/* redress-composer.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"
#include "redress-document.h"
#include "redress-redactor.h"
#include "redress-template.h"

G_BEGIN_DECLS

typedef enum
{
  REDRESS_PROFILE_COMMITTEE,  /* full identities, marked confidential */
  REDRESS_PROFILE_PUBLIC,     /* children and family by initials, no addresses or dates of birth */
} RedressProfile;

/* Something missing or inconsistent in the case file, with the field to fix. */
typedef struct
{
  char     *message;     /* a full sentence */
  char     *field_hint;  /* "table.column", as RedressGroundResult's */
  char     *row_id;      /* the row concerned, or NULL for the case itself */
  char     *section_id;  /* the template section it affects, or NULL */
  gboolean  blocking;    /* the Committee would reject or send back the document */
} RedressComposerIssue;

void        redress_composer_issue_free (RedressComposerIssue *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressComposerIssue, redress_composer_issue_free)

const char *redress_profile_to_string   (RedressProfile  profile);
gboolean    redress_profile_from_string (const char     *str,
                                         RedressProfile *profile);

typedef struct _RedressComposition RedressComposition;

void                redress_composer_init   (void);
RedressComposition *redress_composer_compose (RedressDatabase  *db,
                                              const char       *case_id,
                                              const char       *document,
                                              const char       *language,
                                              RedressProfile    profile,
                                              GHashTable       *prose,
                                              const char       *today,
                                              GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void                redress_composition_free           (RedressComposition *self);
RedressDocument    *redress_composition_get_document   (RedressComposition *self);
RedressTemplate    *redress_composition_get_template   (RedressComposition *self);
RedressRedactor    *redress_composition_get_redactor   (RedressComposition *self);
RedressProfile      redress_composition_get_profile    (RedressComposition *self);
GPtrArray          *redress_composition_get_issues     (RedressComposition *self);
gboolean            redress_composition_has_blocking_issues (RedressComposition *self);
const char         *redress_composition_get_case_id    (RedressComposition *self);
char               *redress_composition_suggest_file_name (RedressComposition *self,
                                                       const char         *extension) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressComposition, redress_composition_free)

G_END_DECLS
