/* redress-composer.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts a submission from the case file, in the structure of the template
 * (data/templates/, domain §2.3): each section's generated fields, then the
 * lawyer's own prose for it.  Everything is read through the model's APIs.
 *
 * Fields a template may name:
 *   authors, victims, representatives, state, facts, violations, remedies,
 *   other_procedures, interim_measures, consent, remedies_sought, annexes,
 *   signature, case_reference, enclosure; and any text column of the case
 *   (summary, best_interests, child_views, outcome, follow_up, findings,
 *   inquiry_sources, inquiry_period, inquiry_places, visit …), printed as
 *   paragraphs, or the phrase empty-FIELD when it is empty.
 *
 * Annexes are the evidence linked to the case, numbered in the order first
 * cited: the facts in chronological order, then the rights violated, then
 * the domestic remedies; evidence linked to none of them comes last; letters
 * (evidence attached to correspondence only) and filed submissions are left
 * out.  Each citation prints "Annex n".
 *
 * The public profile runs every string through a RedressRedactor built from
 * the case's protected people (every party but the representative), and
 * prints ages instead of dates of birth and no contact details.
 */

#define G_LOG_DOMAIN "redress-composer"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "redress-admissibility.h"
#include "redress-case-party.h"
#include "redress-case.h"
#include "redress-case-file.h"
#include "redress-composer.h"
#include "redress-correspondence-register.h"
#include "redress-date.h"
#include "redress-docket.h"
#include "redress-domestic-remedy.h"
#include "redress-draft.h"
#include "redress-evidence-store.h"
#include "redress-fact.h"
#include "redress-other-procedure.h"
#include "redress-person.h"
#include "redress-record.h"
#include "redress-reference.h"
#include "redress-util.h"
#include "redress-violation.h"

extern GResource *_redress_composer_get_resource (void);

typedef struct
{
  RedressCaseParty *party;
  RedressPerson    *person;
  char             *shown_name;   /* the name printed: real, or initials in public */
} Party;

struct _RedressComposition
{
  RedressDatabase   *db;
  RedressReference  *reference;
  RedressTemplate   *tmpl;
  RedressDocument   *doc;
  RedressRedactor   *redactor;
  RedressProfile     profile;
  char              *case_id;
  char              *today;
  RedressCase       *kase;
  GPtrArray         *parties;      /* Party */
  GPtrArray         *facts;        /* RedressRecord */
  GPtrArray         *violations;
  GPtrArray         *remedies;
  GPtrArray         *procedures;
  GHashTable        *cited;        /* target id → GPtrArray of annex numbers (GUINT_TO_POINTER) */
  GPtrArray         *issues;       /* RedressComposerIssue */
  char              *first_fact_date;
};

void
redress_composer_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_resources_register (_redress_composer_get_resource ());
      redress_model_init ();
      g_once_init_leave (&once, 1);
    }
}

void
redress_composer_issue_free (RedressComposerIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->message);
  g_free (issue->field_hint);
  g_free (issue->row_id);
  g_free (issue->section_id);
  g_free (issue);
}

const char *
redress_profile_to_string (RedressProfile profile)
{
  return profile == REDRESS_PROFILE_PUBLIC ? "public" : "committee";
}

gboolean
redress_profile_from_string (const char     *str,
                             RedressProfile *profile)
{
  if (g_strcmp0 (str, "committee") == 0)
    *profile = REDRESS_PROFILE_COMMITTEE;
  else if (g_strcmp0 (str, "public") == 0)
    *profile = REDRESS_PROFILE_PUBLIC;
  else
    return FALSE;
  return TRUE;
}

static void
party_free (gpointer data)
{
  Party *p = data;

  g_clear_object (&p->party);
  g_clear_object (&p->person);
  g_free (p->shown_name);
  g_free (p);
}

static void
add_issue (RedressComposition *self,
           gboolean            blocking,
           const char         *section_id,
           const char         *field_hint,
           const char         *row_id,
           const char         *message)
{
  RedressComposerIssue *issue = g_new0 (RedressComposerIssue, 1);

  issue->message = g_strdup (message);
  issue->field_hint = g_strdup (field_hint);
  issue->row_id = g_strdup (row_id);
  issue->section_id = g_strdup (section_id);
  issue->blocking = blocking;
  g_ptr_array_add (self->issues, issue);
}

static const char *
str (gpointer    record,
     const char *property)
{
  const char *value = redress_record_get_string (REDRESS_RECORD (record), property);

  return value != NULL ? value : "";
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* Text as printed: redacted in the public profile. */
static char *
shown (RedressComposition *self,
       const char         *text)
{
  if (self->profile == REDRESS_PROFILE_PUBLIC)
    return redress_redactor_apply (self->redactor, text);
  return g_strdup (text != NULL ? text : "");
}

static char *
phrase (RedressComposition *self,
        const char         *id)
{
  return redress_template_format (self->tmpl, id, NULL);
}

static char *
date (RedressComposition *self,
      const char         *iso)
{
  return redress_template_format_date (self->tmpl, iso);
}

/* The date in a sentence: "le 3 décembre 2026", "en 2013". */
static char *
date_on (RedressComposition *self,
         const char         *iso)
{
  return redress_template_format_date_on (self->tmpl, iso);
}

/* Adds a block of plain text (redacted when public) with an optional markup tail. */
static void
add_block (RedressComposition *self,
           RedressBlockKind    kind,
           const char         *section_id,
           const char         *plain,
           const char         *markup_tail)
{
  g_autofree char *text = shown (self, plain);
  g_autofree char *escaped = redress_markup_escape (text);
  g_autofree char *markup = g_strconcat (escaped, markup_tail != NULL ? markup_tail : "", NULL);

  redress_document_add (self->doc, kind, section_id, markup);
}

static void
add_paragraphs (RedressComposition *self,
                const char         *section_id,
                const char         *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, lines[i], NULL);
}

/* Loading. */

/* What the composition reads of a list: the rows as they are now. */
static GPtrArray *
list_records (GListModel *model)
{
  GPtrArray *ret;

  ret = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (ret, g_list_model_get_item (model, i));
  return ret;
}

static gboolean
load_case (RedressComposition  *self,
           GError             **error)
{
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(RedressCaseFile) file = NULL;

  /* The case and its lists, and what is derived from them (the earliest
   * fact, on which the ages are taken), as the case page reads them. */
  file = redress_case_file_new (self->db, self->case_id, error);
  if (file == NULL)
    return FALSE;
  self->kase = g_object_ref (redress_case_file_get_case (file));
  parties = list_records (redress_case_file_get_parties (file));
  self->facts = list_records (redress_case_file_get_facts (file));
  self->violations = list_records (redress_case_file_get_violations (file));
  self->remedies = list_records (redress_case_file_get_remedies (file));
  self->procedures = list_records (redress_case_file_get_other_procedures (file));
  self->first_fact_date = g_strdup (redress_case_file_get_earliest_fact_date (file));

  self->parties = g_ptr_array_new_with_free_func (party_free);
  for (guint i = 0; i < parties->len; i++)
    {
      RedressCaseParty *cp = g_ptr_array_index (parties, i);
      Party *p = g_new0 (Party, 1);

      p->party = g_object_ref (cp);
      p->person = redress_record_load (self->db, REDRESS_TYPE_PERSON, str (cp, "person-id"), error);
      if (p->person == NULL)
        {
          party_free (p);
          return FALSE;
        }
      g_ptr_array_add (self->parties, p);
    }

  /* Protected people: everyone but the representative, once each. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    const char * const languages[] = { "en", "fr", "es" };

    for (guint i = 0; i < self->parties->len; i++)
      {
        Party *p = g_ptr_array_index (self->parties, i);
        const char *person_id = redress_record_get_id (REDRESS_RECORD (p->person));
        const char *birth = str (p->person, "birth-date");

        if (g_strcmp0 (str (p->party, "role"), "representative") == 0 ||
            g_hash_table_contains (seen, person_id))
          continue;
        g_hash_table_add (seen, (gpointer) person_id);
        redress_redactor_add_person (self->redactor, str (p->person, "given-name"),
                                     str (p->person, "family-name"), str (p->person, "alias"),
                                     birth, str (p->person, "contact"));
        /* The date of birth as each language prints it. */
        if (strlen (birth) == 10)
          for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
            {
              g_autoptr(RedressTemplate) t = redress_template_load ("communication", languages[l], NULL);
              g_autofree char *written = t != NULL ? redress_template_format_date (t, birth) : NULL;

              if (written != NULL)
                redress_redactor_add_protected (self->redactor, written, "[…]");
            }
      }
  }

  /* Representatives are named in the published decision (domain §6.4). */
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *p = g_ptr_array_index (self->parties, i);

      if (g_strcmp0 (str (p->party, "role"), "representative") == 0)
        redress_redactor_add_allowed (self->redactor, redress_person_get_display_name (p->person));
    }
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *p = g_ptr_array_index (self->parties, i);

      p->shown_name = shown (self, redress_person_get_display_name (p->person));
    }
  return TRUE;
}

/* Annexes. */

static void
cite (RedressComposition *self,
      const char         *target_id,
      guint               number)
{
  GPtrArray *numbers = g_hash_table_lookup (self->cited, target_id);

  if (numbers == NULL)
    {
      numbers = g_ptr_array_new ();
      g_hash_table_insert (self->cited, g_strdup (target_id), numbers);
    }
  g_ptr_array_add (numbers, GUINT_TO_POINTER (number));
}

static gboolean
number_annexes (RedressComposition  *self,
                GError             **error)
{
  RedressEvidenceStore *store = redress_docket_get_evidence_store (redress_docket_get_for_database (self->db));
  g_autoptr(GPtrArray) items = redress_evidence_store_list (store, self->case_id, error);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GHashTable) by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) numbered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) excluded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GPtrArray *targets[3] = { self->facts, self->violations, self->remedies };

  if (items == NULL)
    return FALSE;
  drafts = redress_draft_list (self->db, self->case_id, error);
  if (drafts == NULL)
    return FALSE;
  for (guint i = 0; i < drafts->len; i++)
    {
      RedressDraftInfo *d = g_ptr_array_index (drafts, i);

      if (d->evidence_id != NULL)
        g_hash_table_add (excluded, d->evidence_id);
    }

  for (guint i = 0; i < items->len; i++)
    {
      RedressEvidenceInfo *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) links = redress_evidence_store_list_links (store, item->id, error);
      gboolean letter_only = links != NULL && links->len > 0;

      if (links == NULL)
        return FALSE;
      for (guint k = 0; k < links->len; k++)
        {
          RedressEvidenceLink *link = g_ptr_array_index (links, k);
          GPtrArray *list;

          if (link->target == REDRESS_EVIDENCE_TARGET_CORRESPONDENCE)
            continue;
          letter_only = FALSE;
          list = g_hash_table_lookup (by_target, link->target_id);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (by_target, g_strdup (link->target_id), list);
            }
          g_ptr_array_add (list, item);
        }
      if (letter_only)
        g_hash_table_add (excluded, item->id);
    }

  /* Attachments of letters are correspondence, not annexes. */
  {
    g_autoptr(GPtrArray) letters = redress_correspondence_register_list (self->db, self->case_id, error);

    if (letters == NULL)
      return FALSE;
    for (guint i = 0; i < letters->len; i++)
      {
        RedressLetter *letter = g_ptr_array_index (letters, i);

        for (guint k = 0; letter->attachment_ids != NULL && letter->attachment_ids[k] != NULL; k++)
          {
            gboolean linked = FALSE;

            for (guint t = 0; t < items->len; t++)
              {
                RedressEvidenceInfo *item = g_ptr_array_index (items, t);

                if (g_strcmp0 (item->id, letter->attachment_ids[k]) == 0)
                  {
                    GHashTableIter iter;
                    gpointer value;

                    g_hash_table_iter_init (&iter, by_target);
                    while (g_hash_table_iter_next (&iter, NULL, &value))
                      linked = linked || g_ptr_array_find (value, item, NULL);
                    if (!linked)
                      g_hash_table_add (excluded, item->id);
                  }
              }
          }
      }
  }

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    for (guint i = 0; i < targets[t]->len; i++)
      {
        const char *target_id = redress_record_get_id (g_ptr_array_index (targets[t], i));
        GPtrArray *list = g_hash_table_lookup (by_target, target_id);

        for (guint k = 0; list != NULL && k < list->len; k++)
          {
            RedressEvidenceInfo *item = g_ptr_array_index (list, k);
            gpointer n;

            if (g_hash_table_contains (excluded, item->id))
              continue;
            if (!g_hash_table_lookup_extended (numbered, item->id, NULL, &n))
              {
                g_ptr_array_add (order, item);
                n = GUINT_TO_POINTER (order->len);
                g_hash_table_insert (numbered, item->id, n);
              }
            cite (self, target_id, GPOINTER_TO_UINT (n));
          }
      }
  for (guint i = 0; i < items->len; i++)
    {
      RedressEvidenceInfo *item = g_ptr_array_index (items, i);

      if (!g_hash_table_contains (numbered, item->id) && !g_hash_table_contains (excluded, item->id))
        {
          g_ptr_array_add (order, item);
          g_hash_table_insert (numbered, item->id, GUINT_TO_POINTER (order->len));
        }
    }

  for (guint i = 0; i < order->len; i++)
    {
      RedressEvidenceInfo *item = g_ptr_array_index (order, i);
      g_autofree char *title = shown (self, empty (item->title) ? item->original_name : item->title);
      g_autofree char *when = date (self, item->shown_date);

      /* The annex line has its own parentheses: "(date not recorded)" goes in bare. */
      if (item->shown_date == NULL && when != NULL && when[0] == '(' && g_str_has_suffix (when, ")"))
        {
          g_autofree char *bare = g_strndup (when + 1, strlen (when) - 2);

          g_free (when);
          when = g_steal_pointer (&bare);
        }
      g_autofree char *lang = empty (item->language) ? phrase (self, "language-unknown")
                                                    : g_strdup (item->language);

      redress_document_add_annex (self->doc, item->id, title, when, lang, item->sha256);
    }
  return TRUE;
}

/* " (Annex 1, Annex 3)" for the evidence linked to @target_id, as markup. */
static char *
citations (RedressComposition *self,
           const char         *target_id)
{
  GPtrArray *numbers = g_hash_table_lookup (self->cited, target_id);
  GString *out;

  if (numbers == NULL || numbers->len == 0)
    return g_strdup ("");
  out = g_string_new (" (");
  for (guint i = 0; i < numbers->len; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_ptr_array_index (numbers, i)));
      g_autofree char *c = redress_template_format (self->tmpl, "annex-cite", "n", n, NULL);
      g_autofree char *escaped = redress_markup_escape (c);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, escaped);
    }
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

/* Fields. */

static char *
state_name (RedressComposition *self,
            const char         *code)
{
  const RedressStateRecord *state = redress_reference_lookup_state (self->reference, code);

  return g_strdup (state != NULL ? redress_reference_get_state_name (self->reference, state,
                                                                     redress_template_get_language (self->tmpl))
                                 : code);
}

static char *
describe_person (RedressComposition *self,
                 Party              *p,
                 gboolean            with_details)
{
  GString *out = g_string_new (NULL);
  const char *birth = str (p->person, "birth-date");
  const char *nationality = str (p->person, "nationality");
  const char *sex = str (p->person, "sex-gender");
  const char *contact = str (p->person, "contact");
  gboolean is_public = self->profile == REDRESS_PROFILE_PUBLIC;

  /* The name is added redacted by the caller; this is the rest. */
  if (with_details && !empty (birth) && !is_public)
    {
      g_autofree char *d = date (self, birth);
      g_autofree char *s = redress_template_format (self->tmpl, strlen (birth) < 10 ? "born-year" : "born",
                                                    "date", d, NULL);

      g_string_append_printf (out, ", %s", s);
    }
  if (with_details && !empty (birth) && self->first_fact_date != NULL)
    {
      int min_age = -1, max_age = -1;

      if (redress_age_range_at (birth, self->first_fact_date, &min_age, &max_age) && min_age >= 0)
        {
          g_autofree char *age = min_age == max_age ? g_strdup_printf ("%d", min_age)
                                                    : g_strdup_printf ("%d–%d", min_age, max_age);
          g_autofree char *s = redress_template_format (self->tmpl, "age-at-facts", "age", age, NULL);

          g_string_append_printf (out, ", %s", s);
        }
    }
  if (!empty (nationality))
    {
      g_autofree char *name = state_name (self, nationality);
      g_autofree char *s = redress_template_format (self->tmpl, "nationality", "nationality", name, NULL);

      g_string_append_printf (out, ", %s", s);
    }
  if (with_details && !empty (sex))
    {
      g_autofree char *s = redress_template_format (self->tmpl, "sex", "sex", sex, NULL);

      g_string_append_printf (out, ", %s", s);
    }
  if (!empty (contact) && !is_public)
    {
      g_auto(GStrv) lines = g_strsplit (contact, "\n", -1);
      g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
      g_auto(GStrv) parts = NULL;
      g_autofree char *flat = NULL;
      g_autofree char *s = NULL;

      /* One line in the document: the address lines and e-mail, comma-separated. */
      for (guint i = 0; lines[i] != NULL; i++)
        if (*g_strstrip (lines[i]) != '\0')
          g_strv_builder_add (kept, lines[i]);
      parts = g_strv_builder_end (kept);
      flat = g_strjoinv (", ", parts);
      s = redress_template_format (self->tmpl, "contact", "contact", flat, NULL);
      g_string_append_printf (out, ", %s", s);
    }
  return g_string_free (out, FALSE);
}

static void
add_people (RedressComposition *self,
            const char         *section_id,
            const char         *field,
            const char         *role,
            gboolean            with_details)
{
  guint n = 0;

  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *p = g_ptr_array_index (self->parties, i);
      g_autofree char *rest = NULL;
      g_autofree char *line = NULL;

      if (g_strcmp0 (str (p->party, "role"), role) != 0)
        continue;
      rest = describe_person (self, p, with_details);
      line = g_strconcat (redress_person_get_display_name (p->person), rest, NULL);
      /* The representative's name is never redacted (domain §6.4). */
      if (g_str_equal (role, "representative"))
        {
          g_autofree char *escaped = redress_markup_escape (line);

          redress_document_add (self->doc, REDRESS_BLOCK_BULLET, section_id, escaped);
        }
      else
        add_block (self, REDRESS_BLOCK_BULLET, section_id, line, NULL);
      n++;
    }
  if (n == 0)
    {
      g_autofree char *key = g_strdup_printf ("empty-%s", field);

      if (redress_template_get_phrase (self->tmpl, key) != NULL)
        add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, redress_template_get_phrase (self->tmpl, key), NULL);
    }
}

static gboolean
author_is_victim (RedressComposition *self)
{
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *a = g_ptr_array_index (self->parties, i);

      if (g_strcmp0 (str (a->party, "role"), "author") != 0)
        continue;
      for (guint k = 0; k < self->parties->len; k++)
        {
          Party *v = g_ptr_array_index (self->parties, k);

          if (g_strcmp0 (str (v->party, "role"), "victim") == 0 &&
              g_strcmp0 (str (v->party, "person-id"), str (a->party, "person-id")) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static char *
treaty_name (RedressComposition *self,
             const char         *treaty)
{
  g_autofree char *key = g_strdup_printf ("treaty-%s", treaty);

  if (redress_template_get_phrase (self->tmpl, key) != NULL)
    return phrase (self, key);
  return g_strdup (treaty);
}

static void
field_state (RedressComposition *self,
             const char         *section_id)
{
  const char *code = redress_case_get_state_code (self->kase);
  const RedressStateRecord *state = empty (code) ? NULL : redress_reference_lookup_state (self->reference, code);
  g_autofree char *line = NULL;
  g_autoptr(GString) instruments = g_string_new (NULL);
  const char *state_label;

  if (state == NULL)
    {
      g_autofree char *p = phrase (self, "state-unknown");

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
      return;
    }
  state_label = redress_reference_get_state_name (self->reference, state, redress_template_get_language (self->tmpl));
  {
    g_autofree char *op3 = date_on (self, state->dates[REDRESS_TREATY_OP3]);
    g_autofree char *eif = date_on (self, state->op3_eif != NULL ? state->op3_eif : state->op3_eif_listed);

    line = redress_template_format (self->tmpl, "state-party", "state", state_label, "op3_date", op3,
                                    "eif", eif, NULL);
    add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, line, NULL);
  }
  for (RedressTreaty t = REDRESS_TREATY_CRC; t < REDRESS_TREATY_OP3; t++)
    if (state->status[t] == REDRESS_TREATY_STATUS_PARTY)
      {
        g_autofree char *name = treaty_name (self, redress_treaty_to_string (t));

        if (instruments->len > 0)
          g_string_append (instruments, "; ");
        g_string_append (instruments, name);
      }
  if (instruments->len > 0)
    {
      g_autofree char *s = redress_template_format (self->tmpl, "state-instruments", "state", state_label,
                                                    "instruments", instruments->str, NULL);

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, s, NULL);
    }
}

static void
field_facts (RedressComposition *self,
             const char         *section_id)
{
  const char *narrative = str (self->kase, "facts");

  if (!empty (narrative))
    add_paragraphs (self, section_id, narrative);
  for (guint i = 0; i < self->facts->len; i++)
    {
      RedressRecord *fact = g_ptr_array_index (self->facts, i);
      g_autofree char *when = date (self, str (fact, "occurred-on"));
      g_autofree char *line = NULL;
      g_autofree char *tail = citations (self, redress_record_get_id (fact));

      if (!empty (str (fact, "occurred-until")))
        {
          g_autofree char *until = date (self, str (fact, "occurred-until"));
          char *range = g_strdup_printf ("%s – %s", when, until);

          g_free (when);
          when = range;
        }
      line = redress_template_format (self->tmpl, "fact-dated", "date", when,
                                      "text", str (fact, "description"), NULL);
      if (redress_record_get_boolean (fact, "continuing"))
        {
          g_autofree char *c = phrase (self, "fact-continuing");
          char *joined = g_strconcat (line, " ", c, NULL);

          g_free (line);
          line = joined;
        }
      add_block (self, REDRESS_BLOCK_NUMBERED, section_id, line, tail);
    }
  if (self->facts->len == 0 && empty (narrative))
    {
      g_autofree char *p = phrase (self, "empty-facts");

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
    }
}

static void
field_violations (RedressComposition *self,
                  const char         *section_id)
{
  for (guint i = 0; i < self->violations->len; i++)
    {
      RedressRecord *v = g_ptr_array_index (self->violations, i);
      const char *treaty = str (v, "treaty");
      const char *article = str (v, "article");
      const char *paragraph = str (v, "paragraph");
      const RedressRightRecord *right = redress_reference_lookup_right (self->reference, treaty, article);
      g_autofree char *tname = treaty_name (self, treaty);
      g_autofree char *ref = NULL;
      g_autofree char *line = NULL;
      g_autofree char *tail = citations (self, redress_record_get_id (v));
      g_autofree char *strong = NULL;
      const char *title = "";

      if (right == NULL && g_str_equal (treaty, "OP3"))
        right = redress_reference_lookup_right (self->reference, "OPIC", article);
      if (!empty (paragraph))
        {
          /* Paragraphs are kept as cited, "(2)" or "(2)(b)": written right
           * after the article, "article 12(2)", so parentheses balance. */
          g_autofree char *cited = paragraph[0] == '(' ? g_strdup (paragraph)
                                                       : g_strdup_printf ("(%s)", paragraph);
          g_autofree char *with = g_strconcat (article, cited, NULL);

          ref = redress_template_format (self->tmpl, "article-ref", "treaty", tname, "article", with, NULL);
        }
      else
        ref = redress_template_format (self->tmpl, "article-ref", "treaty", tname, "article", article, NULL);
      /* The article's title in the document's language (data/rights.LANG.csv). */
      if (right != NULL)
        title = redress_reference_get_right_title (self->reference, right, redress_template_get_language (self->tmpl));
      line = redress_template_format (self->tmpl, "violation", "article", ref,
                                      "title", title, NULL);
      {
        g_autofree char *escaped = redress_markup_escape (line);

        strong = g_strdup_printf ("**%s**", escaped);
      }
      /* The explanation goes inside the list item, on a line of its own. */
      {
        g_autofree char *description = shown (self, str (v, "description"));
        g_autofree char *escaped = redress_markup_escape (description);
        g_autofree char *item = NULL;

        if (*escaped != '\0' || *tail != '\0')
          item = g_strconcat (strong, "\n", escaped, *escaped != '\0' ? tail : g_strchug (tail), NULL);
        else
          item = g_strdup (strong);
        redress_document_add (self->doc, REDRESS_BLOCK_BULLET, section_id, item);
      }
    }
  if (self->violations->len == 0)
    {
      g_autofree char *p = phrase (self, "empty-violations");

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
    }
}

static void
field_remedies (RedressComposition *self,
                const char         *section_id)
{
  RedressRecord *final = NULL;

  for (guint i = 0; i < self->remedies->len; i++)
    {
      RedressRecord *r = g_ptr_array_index (self->remedies, i);
      g_autofree char *filed = date_on (self, str (r, "filed-on"));
      g_autofree char *decided = date_on (self, str (r, "decided-on"));
      g_autofree char *notified = date_on (self, str (r, "notified-on"));
      g_autofree char *line = NULL;
      g_autofree char *tail = citations (self, redress_record_get_id (r));
      const char *reason = str (r, "not-pursued-reason");
      GString *text;

      line = redress_template_format (self->tmpl, "remedy", "forum", str (r, "forum"),
                                      "level", str (r, "level"), "filed", filed, "decided", decided,
                                      "notified", notified, "outcome", str (r, "outcome"), NULL);
      text = g_string_new (line);
      if (redress_record_get_boolean (r, "is-final"))
        {
          g_autofree char *p = phrase (self, "remedy-final");

          g_string_append_printf (text, " %s", p);
          final = r;
        }
      if (!empty (reason))
        {
          g_autofree char *key = g_strdup_printf ("remedy-%s", reason);
          g_autofree char *p = phrase (self, key);

          g_string_append_printf (text, " %s", p);
        }
      add_block (self, REDRESS_BLOCK_NUMBERED, section_id, text->str, tail);
      g_string_free (text, TRUE);
    }
  if (final != NULL)
    {
      g_autofree char *decided = date_on (self, str (final, "decided-on"));
      g_autofree char *notified = date_on (self, str (final, "notified-on"));
      g_autofree char *line = redress_template_format (self->tmpl, "final-decision-date", "decided", decided,
                                                       "notified", notified, NULL);

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, line, NULL);
    }
  if (self->remedies->len == 0)
    {
      g_autofree char *p = phrase (self, "empty-remedies");

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
    }
  add_paragraphs (self, section_id, str (self->kase, "remedies-excuse"));
  add_paragraphs (self, section_id, str (self->kase, "time-limit-excuse"));
}

static void
field_other_procedures (RedressComposition *self,
                        const char         *section_id)
{
  for (guint i = 0; i < self->procedures->len; i++)
    {
      RedressRecord *p = g_ptr_array_index (self->procedures, i);
      g_autofree char *line = redress_template_format (self->tmpl, "other-procedure", "body", str (p, "body"),
                                                       "reference", str (p, "reference"),
                                                       "status", str (p, "status"), NULL);

      add_block (self, REDRESS_BLOCK_BULLET, section_id, line, NULL);
      add_paragraphs (self, section_id, str (p, "notes"));
    }
  if (self->procedures->len == 0)
    {
      g_autofree char *p = phrase (self, "empty-other_procedures");

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
    }
}

static void
field_consent (RedressComposition *self,
               const char         *section_id)
{
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *p = g_ptr_array_index (self->parties, i);
      RedressRecord *cp = REDRESS_RECORD (p->party);
      int given = redress_record_get_int (cp, "consent-given");
      int disclose = redress_record_get_int (cp, "consent-disclose-identity");
      int publish = redress_record_get_int (cp, "consent-publication");
      const char *name = redress_person_get_display_name (p->person);
      g_autofree char *when = date_on (self, str (cp, "consent-date"));
      g_autofree char *line = NULL;

      const char *by = str (cp, "consent-by");
      const char *by_id = str (cp, "consent-by-person-id");

      if (g_strcmp0 (str (cp, "role"), "victim") != 0)
        continue;
      /* Consent given by a person of the case (schema 10): their name as it is now. */
      for (guint j = 0; !empty (by_id) && j < self->parties->len; j++)
        {
          Party *q = g_ptr_array_index (self->parties, j);

          if (g_strcmp0 (redress_record_get_id (REDRESS_RECORD (q->person)), by_id) == 0)
            by = redress_person_get_display_name (q->person);
        }
      if (given == 1)
        line = redress_template_format (self->tmpl, "consent-given", "child", name, "date", when,
                                        "by", by, NULL);
      else if (!empty (str (cp, "no-consent-justification")))
        line = redress_template_format (self->tmpl, "consent-justified", "child", name,
                                        "justification", str (cp, "no-consent-justification"), NULL);
      else
        line = redress_template_format (self->tmpl, "consent-missing", "child", name, NULL);
      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, line, NULL);
      if (disclose >= 0)
        {
          g_autofree char *s = redress_template_format (self->tmpl, disclose ? "disclose-yes" : "disclose-no",
                                                        "child", name, NULL);

          add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, s, NULL);
        }
      if (publish >= 0)
        {
          g_autofree char *s = redress_template_format (self->tmpl, publish ? "publish-yes" : "publish-no",
                                                        "child", name, NULL);

          add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, s, NULL);
        }
      if (!empty (str (cp, "child-views")))
        {
          g_autofree char *s = redress_template_format (self->tmpl, "child-views", "child", name,
                                                        "views", str (cp, "child-views"), NULL);

          add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, s, NULL);
        }
    }
}

static void
field_annexes (RedressComposition *self,
               const char         *section_id)
{
  guint n = redress_document_get_n_annexes (self->doc);

  for (guint i = 0; i < n; i++)
    {
      const RedressAnnex *a = redress_document_get_annex (self->doc, i);
      g_autofree char *num = g_strdup_printf ("%u", a->number);
      g_autofree char *line = redress_template_format (self->tmpl, "annex", "n", num, "title", a->title,
                                                       "date", a->date, "language", a->language,
                                                       "sha256", a->sha256, NULL);
      g_autofree char *escaped = redress_markup_escape (line);

      /* Titles are already redacted. */
      redress_document_add (self->doc, REDRESS_BLOCK_BULLET, section_id, escaped);
    }
  if (n == 0)
    {
      g_autofree char *p = phrase (self, "empty-annexes");

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
    }
}

static const char *
signer (RedressComposition *self)
{
  const char * const roles[] = { "representative", "author" };

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    for (guint i = 0; i < self->parties->len; i++)
      {
        Party *p = g_ptr_array_index (self->parties, i);

        if (g_strcmp0 (str (p->party, "role"), roles[r]) == 0)
          return redress_person_get_display_name (p->person);
      }
  return "";
}

static void
field_signature (RedressComposition *self,
                 const char         *section_id)
{
  g_autofree char *today = date (self, self->today);
  const char *who = signer (self);
  g_autofree char *line = NULL;
  gboolean representative = FALSE;

  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *p = g_ptr_array_index (self->parties, i);

      representative = representative || g_strcmp0 (str (p->party, "role"), "representative") == 0;
    }
  line = redress_template_format (self->tmpl, "signature", "date", today, "signer", who, NULL);
  if (representative)
    {
      g_autofree char *escaped = redress_markup_escape (line);

      redress_document_add (self->doc, REDRESS_BLOCK_LINES, section_id, escaped);
    }
  else
    add_block (self, REDRESS_BLOCK_LINES, section_id, line, NULL);
}

static void
field_case_reference (RedressComposition *self,
                      const char         *section_id)
{
  const char *committee_ref = str (self->kase, "committee-ref");
  g_autofree char *ours = redress_template_format (self->tmpl, "our-reference", "reference",
                                                   redress_case_get_reference (self->kase), NULL);
  g_autofree char *title = redress_template_format (self->tmpl, "case-title", "title",
                                                    redress_case_get_title (self->kase), NULL);

  /* A case title is free text that may name anyone: the public version
   * leaves it out. */
  if (self->profile != REDRESS_PROFILE_PUBLIC)
    add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, title, NULL);
  if (!empty (committee_ref))
    {
      g_autofree char *theirs = redress_template_format (self->tmpl, "committee-reference", "reference",
                                                         committee_ref, NULL);

      add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, theirs, NULL);
    }
  add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, ours, NULL);
}

static void
field_enclosure (RedressComposition *self,
                 const char         *section_id)
{
  g_autoptr(RedressTemplate) communication = redress_template_load ("communication",
                                                                    redress_template_get_language (self->tmpl),
                                                                    NULL);
  g_autofree char *n = g_strdup_printf ("%u", redress_document_get_n_annexes (self->doc));
  g_autofree char *line = redress_template_format (self->tmpl, "enclosure", "document",
                                                   communication != NULL ?
                                                   redress_template_get_title (communication) : "",
                                                   "n", n, NULL);

  add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, line, NULL);
}

/* A text column of the case, by its field name ("follow_up" → "follow-up"). */
static gboolean
field_case_text (RedressComposition *self,
                 const char         *section_id,
                 const char         *field)
{
  g_autofree char *property = g_strdelimit (g_strdup (field), "_", '-');
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->kase), property);
  g_autofree char *key = NULL;
  const char *text;

  if (pspec == NULL || pspec->value_type != G_TYPE_STRING)
    return FALSE;
  text = str (self->kase, property);
  if (!empty (text))
    add_paragraphs (self, section_id, text);
  else
    {
      key = g_strdup_printf ("empty-%s", field);
      if (redress_template_get_phrase (self->tmpl, key) != NULL)
        {
          g_autofree char *p = phrase (self, key);

          add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
        }
    }
  return TRUE;
}

static void
add_field (RedressComposition *self,
           const char         *section_id,
           const char         *field)
{
  if (g_str_equal (field, "authors"))
    {
      add_people (self, section_id, field, "author", TRUE);
      if (g_str_equal (redress_template_get_document (self->tmpl), "communication"))
        {
          g_autofree char *p = phrase (self, author_is_victim (self) ? "on-own-behalf" : "on-behalf");

          add_block (self, REDRESS_BLOCK_PARAGRAPH, section_id, p, NULL);
        }
    }
  else if (g_str_equal (field, "victims"))
    add_people (self, section_id, field, "victim", TRUE);
  else if (g_str_equal (field, "representatives"))
    add_people (self, section_id, field, "representative", FALSE);
  else if (g_str_equal (field, "state"))
    field_state (self, section_id);
  else if (g_str_equal (field, "facts"))
    field_facts (self, section_id);
  else if (g_str_equal (field, "violations"))
    field_violations (self, section_id);
  else if (g_str_equal (field, "remedies"))
    field_remedies (self, section_id);
  else if (g_str_equal (field, "other_procedures"))
    field_other_procedures (self, section_id);
  else if (g_str_equal (field, "consent"))
    field_consent (self, section_id);
  else if (g_str_equal (field, "annexes"))
    field_annexes (self, section_id);
  else if (g_str_equal (field, "signature"))
    field_signature (self, section_id);
  else if (g_str_equal (field, "case_reference"))
    field_case_reference (self, section_id);
  else if (g_str_equal (field, "enclosure"))
    field_enclosure (self, section_id);
  else if (!field_case_text (self, section_id, field))
    g_critical ("Template %s.%s names an unknown field “%s”", redress_template_get_document (self->tmpl),
                redress_template_get_language (self->tmpl), field);
}

/* What is missing or inconsistent. */

static void
check_case (RedressComposition *self)
{
  const char *document = redress_template_get_document (self->tmpl);
  gboolean communication = g_str_equal (document, "communication");
  gboolean has_author = FALSE, has_victim = FALSE;
  gboolean has_final = FALSE;

  if (empty (redress_case_get_state_code (self->kase)))
    add_issue (self, TRUE, "state", "case_file.state_code", NULL,
               _("No State party is recorded for the case."));

  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *p = g_ptr_array_index (self->parties, i);
      const char *role = str (p->party, "role");
      const char *party_id = redress_record_get_id (REDRESS_RECORD (p->party));
      g_autofree char *msg = NULL;

      has_author = has_author || g_str_equal (role, "author");
      if (!g_str_equal (role, "victim"))
        continue;
      has_victim = TRUE;
      if (redress_record_get_int (REDRESS_RECORD (p->party), "consent-given") != 1 &&
          empty (str (p->party, "no-consent-justification")))
        {
          /* Art 5(2) OP3: acting on behalf of a child needs consent or a justification. */
          msg = g_strdup_printf (_("%s, an alleged victim, has no consent record and no reason for "
                                   "acting without consent (art 5(2))."), p->shown_name);
          add_issue (self, communication, "consent", "case_party.consent_given", party_id, msg);
          g_clear_pointer (&msg, g_free);
        }
      if (empty (str (p->person, "birth-date")))
        {
          msg = g_strdup_printf (_("%s, an alleged victim, has no date of birth: the Committee needs "
                                   "the child’s age at the time of the facts."), p->shown_name);
          add_issue (self, FALSE, "victims", "person.birth_date",
                     redress_record_get_id (REDRESS_RECORD (p->person)), msg);
        }
    }
  if (communication && !has_author)
    add_issue (self, TRUE, "author", "case_party.role", NULL, _("No author is recorded for the case."));
  if (communication && !has_victim)
    add_issue (self, TRUE, "victims", "case_party.role", NULL,
               _("No alleged victim is recorded for the case."));

  if (communication || g_str_equal (document, "inquiry"))
    {
      if (self->facts->len == 0)
        add_issue (self, TRUE, "facts", "fact.description", NULL, _("No facts are recorded."));
      for (guint i = 0; i < self->facts->len; i++)
        {
          RedressRecord *f = g_ptr_array_index (self->facts, i);

          if (empty (str (f, "occurred-on")))
            add_issue (self, FALSE, "facts", "fact.occurred_on", redress_record_get_id (f),
                       _("A fact has no date: the facts must be set out in chronological order."));
        }
      if (self->violations->len == 0)
        add_issue (self, TRUE, "violations", "violation.article", NULL,
                   _("No right violated is recorded."));
      for (guint i = 0; i < self->violations->len; i++)
        {
          RedressRecord *v = g_ptr_array_index (self->violations, i);
          g_autofree char *msg = NULL;

          g_auto(GStrv) fact_ids = NULL;
          gboolean cited = g_hash_table_contains (self->cited, redress_record_get_id (v));

          /* Evidence of a fact that supports the violation substantiates it too. */
          fact_ids = cited ? NULL : redress_violation_list_fact_ids (self->db, redress_record_get_id (v), NULL);
          for (guint j = 0; fact_ids != NULL && fact_ids[j] != NULL && !cited; j++)
            cited = g_hash_table_contains (self->cited, fact_ids[j]);
          if (cited)
            continue;
          /* Art 7(f): a claim must be sufficiently substantiated. */
          msg = g_strdup_printf (_("No evidence is linked to the alleged violation of %s article %s "
                                   "(art 7(f): substantiation)."), str (v, "treaty"), str (v, "article"));
          add_issue (self, FALSE, "violations", "evidence_link.target_id", redress_record_get_id (v), msg);
        }
    }

  if (communication)
    {
      for (guint i = 0; i < self->remedies->len; i++)
        {
          RedressRecord *r = g_ptr_array_index (self->remedies, i);

          if (!redress_record_get_boolean (r, "is-final"))
            continue;
          has_final = TRUE;
          if (empty (str (r, "decided-on")))
            add_issue (self, TRUE, "remedies", "domestic_remedy.decided_on", redress_record_get_id (r),
                       _("The final domestic decision has no date: the one-year limit of art 7(h) "
                         "runs from it."));
          if (empty (str (r, "notified-on")))
            add_issue (self, FALSE, "remedies", "domestic_remedy.notified_on", redress_record_get_id (r),
                       _("The final domestic decision has no date of notification."));
        }
      if (!has_final && empty (str (self->kase, "remedies-excuse")))
        add_issue (self, TRUE, "remedies", "domestic_remedy.is_final", NULL,
                   _("No final domestic decision is recorded and no reason is given why domestic "
                     "remedies were not exhausted (art 7(e))."));

      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) grounds = redress_admissibility_evaluate (self->db, self->reference,
                                                                       self->case_id, self->today, &error);

        for (guint i = 0; grounds != NULL && i < grounds->len; i++)
          {
            RedressGroundResult *g = g_ptr_array_index (grounds, i);
            g_autofree char *msg = NULL;

            if (redress_ground_result_get_status (g) != REDRESS_GROUND_FAIL)
              continue;
            msg = g_strdup_printf (_("Admissibility (%s): %s"), redress_ground_result_get_citation (g),
                                   redress_ground_result_get_explanation (g));
            add_issue (self, TRUE, NULL, redress_ground_result_get_field_hint (g), NULL, msg);
          }
        if (grounds == NULL)
          g_debug ("Admissibility not evaluated: %s", error->message);
      }
    }

  if (g_str_equal (document, "comments") || g_str_equal (document, "follow-up"))
    if (empty (str (self->kase, "committee-ref")))
      add_issue (self, FALSE, "reference", "case_file.committee_ref", NULL,
                 _("The Committee’s reference for the communication is not recorded."));
  if (g_str_equal (document, "inquiry"))
    {
      if (empty (str (self->kase, "inquiry-sources")))
        add_issue (self, FALSE, "information", "case_file.inquiry_sources", NULL,
                   _("The sources of the information are not recorded."));
      if (empty (str (self->kase, "inquiry-period")))
        add_issue (self, FALSE, "information", "case_file.inquiry_period", NULL,
                   _("The period the information covers is not recorded."));
    }
}

/* Composition. */

void
redress_composition_free (RedressComposition *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->reference);
  g_clear_pointer (&self->tmpl, redress_template_unref);
  g_clear_pointer (&self->doc, redress_document_unref);
  g_clear_pointer (&self->redactor, redress_redactor_free);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->facts, g_ptr_array_unref);
  g_clear_pointer (&self->violations, g_ptr_array_unref);
  g_clear_pointer (&self->remedies, g_ptr_array_unref);
  g_clear_pointer (&self->procedures, g_ptr_array_unref);
  g_clear_pointer (&self->cited, g_hash_table_unref);
  g_clear_pointer (&self->issues, g_ptr_array_unref);
  g_clear_object (&self->db);
  g_free (self->case_id);
  g_free (self->today);
  g_free (self->first_fact_date);
  g_free (self);
}

/**
 * redress_composer_compose:
 * @case_id: the case
 * @document: one of redress_template_get_documents()
 * @language: "en", "fr" or "es"
 * @prose: (nullable): section id → the lawyer's text (light markup), as
 *   redress_draft_get_sections() gives it
 * @today: the date of the document, YYYY-MM-DD
 *
 * Returns: (transfer full): the composed document with its issues, or %NULL
 *   with @error set.
 */
RedressComposition *
redress_composer_compose (RedressDatabase  *db,
                          const char       *case_id,
                          const char       *document,
                          const char       *language,
                          RedressProfile    profile,
                          GHashTable       *prose,
                          const char       *today,
                          GError          **error)
{
  g_autoptr(RedressComposition) self = g_new0 (RedressComposition, 1);
  g_autofree char *subject = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  redress_composer_init ();

  self->db = g_object_ref (db);
  self->profile = profile;
  self->case_id = g_strdup (case_id);
  self->today = g_strdup (today != NULL ? today : "");
  self->redactor = redress_redactor_new ();
  self->cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_composer_issue_free);

  if (!redress_iso_date_is_valid (self->today))
    {
      g_free (self->today);
      self->today = redress_iso_date_today ();
    }
  self->tmpl = redress_template_load (document, language, error);
  if (self->tmpl == NULL)
    return NULL;
  self->reference = g_object_ref (redress_docket_get_reference (redress_docket_get_for_database (db)));
  if (!load_case (self, error))
    return NULL;

  self->doc = redress_document_new (language);
  if (!number_annexes (self, error))
    return NULL;

  if (profile == REDRESS_PROFILE_PUBLIC)
    subject = g_strdup (redress_case_get_reference (self->kase));
  else
    subject = g_strdup_printf ("%s — %s", redress_case_get_reference (self->kase),
                               redress_case_get_title (self->kase));
  redress_document_set_metadata (self->doc, redress_template_get_title (self->tmpl), subject,
                                 redress_case_get_reference (self->kase), self->today);
  /* The representative signs and is the Author; a victim or author never is
   * (the public profile keeps their names out of the metadata too). */
  for (guint i = 0; i < self->parties->len; i++)
    {
      Party *p = g_ptr_array_index (self->parties, i);

      if (g_strcmp0 (str (p->party, "role"), "representative") == 0)
        {
          redress_document_set_author (self->doc, redress_person_get_display_name (p->person));
          break;
        }
    }
  {
    g_autofree char *banner = phrase (self, profile == REDRESS_PROFILE_PUBLIC ? "public-banner" : "confidential");
    g_autofree char *page = g_strdup (redress_template_get_phrase (self->tmpl, "page"));

    redress_document_set_banner (self->doc, banner);
    if (page != NULL)
      redress_document_set_page_format (self->doc, page);
  }

  /* The first page. */
  redress_document_add_text (self->doc, REDRESS_BLOCK_TITLE, NULL, redress_template_get_title (self->tmpl));
  if (!empty (redress_template_get_subtitle (self->tmpl)))
    redress_document_add_text (self->doc, REDRESS_BLOCK_SUBTITLE, NULL,
                               redress_template_get_subtitle (self->tmpl));
  if (profile == REDRESS_PROFILE_PUBLIC)
    {
      g_autofree char *p = phrase (self, "public-version");

      redress_document_add_text (self->doc, REDRESS_BLOCK_REFERENCE, NULL, p);
    }
  if (!empty (redress_template_get_addressee (self->tmpl)))
    redress_document_add_text (self->doc, REDRESS_BLOCK_ADDRESS, NULL,
                               redress_template_get_addressee (self->tmpl));
  {
    g_autofree char *ours = redress_template_format (self->tmpl, "our-reference", "reference",
                                                     redress_case_get_reference (self->kase), NULL);
    const char *committee_ref = str (self->kase, "committee-ref");

    redress_document_add_text (self->doc, REDRESS_BLOCK_REFERENCE, NULL, ours);
    if (!empty (committee_ref))
      {
        g_autofree char *theirs = redress_template_format (self->tmpl, "committee-reference", "reference",
                                                           committee_ref, NULL);

        redress_document_add_text (self->doc, REDRESS_BLOCK_REFERENCE, NULL, theirs);
      }
  }

  for (guint i = 0; i < redress_template_get_n_sections (self->tmpl); i++)
    {
      const RedressTemplateSection *section = redress_template_get_section (self->tmpl, i);
      const char *own = prose != NULL ? g_hash_table_lookup (prose, section->id) : NULL;

      redress_document_add_text (self->doc, REDRESS_BLOCK_HEADING, section->id, section->heading);
      if (!empty (section->intro))
        add_block (self, REDRESS_BLOCK_PARAGRAPH, section->id, section->intro, NULL);
      for (guint f = 0; section->fields[f] != NULL; f++)
        add_field (self, section->id, section->fields[f]);
      if (section->editable && !empty (own))
        {
          if (profile == REDRESS_PROFILE_PUBLIC)
            {
              g_autofree char *redacted = redress_redactor_apply (self->redactor, own);

              redress_document_add_prose (self->doc, section->id, redacted);
            }
          else
            redress_document_add_prose (self->doc, section->id, own);
        }
    }

  check_case (self);
  return g_steal_pointer (&self);
}

RedressDocument *
redress_composition_get_document (RedressComposition *self)
{
  return self->doc;
}

RedressTemplate *
redress_composition_get_template (RedressComposition *self)
{
  return self->tmpl;
}

RedressRedactor *
redress_composition_get_redactor (RedressComposition *self)
{
  return self->redactor;
}

RedressProfile
redress_composition_get_profile (RedressComposition *self)
{
  return self->profile;
}

/* Returns: (transfer none) (element-type RedressComposerIssue): what is missing. */
GPtrArray *
redress_composition_get_issues (RedressComposition *self)
{
  return self->issues;
}

gboolean
redress_composition_has_blocking_issues (RedressComposition *self)
{
  for (guint i = 0; i < self->issues->len; i++)
    if (((RedressComposerIssue *) g_ptr_array_index (self->issues, i))->blocking)
      return TRUE;
  return FALSE;
}

const char *
redress_composition_get_case_id (RedressComposition *self)
{
  return self->case_id;
}

/* "RDR-2026-000001 communication fr.pdf"; "… public" for the public profile. */
char *
redress_composition_suggest_file_name (RedressComposition *self,
                                       const char         *extension)
{
  return g_strdup_printf ("%s %s %s%s.%s", redress_case_get_reference (self->kase),
                          redress_template_get_document (self->tmpl),
                          redress_template_get_language (self->tmpl),
                          self->profile == REDRESS_PROFILE_PUBLIC ? " public" : "", extension);
}
