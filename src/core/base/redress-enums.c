/* redress-enums.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The values the schema's CHECK constraints allow, with their labels.
 */

#define G_LOG_DOMAIN "redress-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-enums.h"

typedef struct
{
  const char *value;
  const char *label;
} Choice;

static gboolean
choice_is_valid (const Choice *choices,
                 guint         n_choices,
                 const char   *value)
{
  if (value == NULL)
    return FALSE;
  for (guint i = 0; i < n_choices; i++)
    if (g_str_equal (choices[i].value, value))
      return TRUE;
  return FALSE;
}

static const char *
choice_get_label (const Choice *choices,
                  guint         n_choices,
                  const char   *value)
{
  if (value == NULL)
    return NULL;
  for (guint i = 0; i < n_choices; i++)
    if (g_str_equal (choices[i].value, value))
      return _(choices[i].label);
  return value;
}

/* Defines the three functions of one enumerated column over its Choice table. */
#define DEFINE_CHOICES(name)                                                   \
  gboolean                                                                     \
  redress_##name##_is_valid (const char *value)                                \
  {                                                                            \
    return choice_is_valid (name##_choices, G_N_ELEMENTS (name##_choices),     \
                            value);                                            \
  }                                                                            \
                                                                               \
  const char *                                                                 \
  redress_##name##_get_label (const char *value)                               \
  {                                                                            \
    return choice_get_label (name##_choices, G_N_ELEMENTS (name##_choices),    \
                             value);                                           \
  }                                                                            \
                                                                               \
  const char * const *                                                         \
  redress_##name##_get_values (void)                                           \
  {                                                                            \
    static const char *values[G_N_ELEMENTS (name##_choices) + 1];              \
                                                                               \
    /* Filled from the end, so a reader that sees values[0] sees them all. */ \
    if (values[0] == NULL)                                                     \
      for (guint i = G_N_ELEMENTS (name##_choices); i > 0; i--)                \
        values[i - 1] = name##_choices[i - 1].value;                           \
    return values;                                                             \
  }

/* case_file.kind: OP3 CRC art 5 (communications) and arts 13-14 (inquiries). */
static const Choice case_kind_choices[] = {
  { "communication", N_("Individual communication") },
  { "inquiry", N_("Inquiry") },
};

DEFINE_CHOICES (case_kind)

/* case_party.role. */
static const Choice role_choices[] = {
  { "author", N_("Author") },
  { "victim", N_("Alleged victim") },
  { "representative", N_("Representative") },
  { "guardian", N_("Parent or guardian") },
  { "witness", N_("Witness") },
  { "perpetrator", N_("Alleged perpetrator") },
  { "other", N_("Other") },
};

DEFINE_CHOICES (role)

/* violation.treaty: the instruments a communication may invoke (OP3 CRC art 5(1)). */
static const Choice treaty_choices[] = {
  { "CRC", N_("Convention on the Rights of the Child") },
  { "OPSC", N_("Optional Protocol on the sale of children, child prostitution and child pornography") },
  { "OPAC", N_("Optional Protocol on the involvement of children in armed conflict") },
  { "OP3", N_("Optional Protocol on a communications procedure") },
};

DEFINE_CHOICES (treaty)

/* correspondence.direction. */
static const Choice direction_choices[] = {
  { "in", N_("Received") },
  { "out", N_("Sent") },
};

DEFINE_CHOICES (direction)

/* correspondence.counterpart. */
static const Choice counterpart_choices[] = {
  { "committee", N_("Committee") },
  { "state", N_("State party") },
  { "client", N_("Client") },
  { "counsel", N_("Counsel") },
  { "other", N_("Other") },
};

DEFINE_CHOICES (counterpart)

/* evidence_item.kind. */
static const Choice evidence_kind_choices[] = {
  { "document", N_("Document") },
  { "photo", N_("Photograph") },
  { "audio", N_("Audio recording") },
  { "video", N_("Video recording") },
  { "medical", N_("Medical record") },
  { "court-decision", N_("Court decision") },
  { "letter", N_("Letter") },
  { "other", N_("Other") },
};

DEFINE_CHOICES (evidence_kind)

/* domestic_remedy.not_pursued_reason: the two exceptions of OP3 CRC art 7(e). */
static const Choice not_pursued_reason_choices[] = {
  { "", N_("Pursued") },
  { "prolonged", N_("Unreasonably prolonged") },
  { "ineffective", N_("Unlikely to bring effective relief") },
};

DEFINE_CHOICES (not_pursued_reason)

/* deadline.status. */
static const Choice deadline_status_choices[] = {
  { "open", N_("Open") },
  { "done", N_("Done") },
  { "waived", N_("Waived") },
  { "superseded", N_("Superseded") },
};

DEFINE_CHOICES (deadline_status)

/* procedural_event.track: interim measures are OP3 CRC art 6, protection art 4. */
static const Choice event_track_choices[] = {
  { "main", N_("Main procedure") },
  { "interim", N_("Interim measures") },
  { "protection", N_("Protection measures") },
};

DEFINE_CHOICES (event_track)
