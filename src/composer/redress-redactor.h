/* redress-redactor.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RedressRedactor RedressRedactor;

/* One protected string found where it must not be. */
typedef struct
{
  char *protected_text;  /* what was found */
  char *person;          /* whose it is (the replacement, never the name) */
  char *where;           /* "page 3", "content.xml", "PDF metadata" */
  char *context;         /* the surrounding text, with the hit replaced by its initials */
} RedressLeak;

void             redress_leak_free             (RedressLeak     *leak);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressLeak, redress_leak_free)

RedressRedactor *redress_redactor_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void             redress_redactor_free         (RedressRedactor *self);
void             redress_redactor_add_person   (RedressRedactor *self,
                                                const char      *given_name,
                                                const char      *family_name,
                                                const char      *alias,
                                                const char      *birth_date,
                                                const char      *contact);
void             redress_redactor_add_protected (RedressRedactor *self,
                                                const char      *text,
                                                const char      *replacement);
void             redress_redactor_add_allowed  (RedressRedactor *self,
                                                const char      *text);
const char      *redress_redactor_get_pseudonym (RedressRedactor *self,
                                                guint            person);
guint            redress_redactor_get_n_people (RedressRedactor *self);
GStrv            redress_redactor_list_protected (RedressRedactor *self) G_GNUC_WARN_UNUSED_RESULT;
char            *redress_redactor_apply        (RedressRedactor *self,
                                                const char      *text) G_GNUC_WARN_UNUSED_RESULT;
void             redress_redactor_find_leaks   (RedressRedactor *self,
                                                const char      *text,
                                                const char      *where,
                                                GPtrArray       *leaks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressRedactor, redress_redactor_free)

G_END_DECLS
