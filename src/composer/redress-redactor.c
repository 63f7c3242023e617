/* redress-redactor.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The public profile: every protected person (the child and the family: every
 * party but the representative, whose name the Committee publishes, see
 * domain §6.4) gets consistent initials ("A.B."), and each of their names,
 * aliases, dates of birth and contact details is replaced wherever it occurs.
 * The same list drives the leak check run on every exported file: matching is
 * case-insensitive, on whole words, across line breaks and no-break spaces,
 * after Unicode compatibility normalisation (so a PDF's "ﬁ" ligature is "fi").
 */

#define G_LOG_DOMAIN "redress-redactor"

#include "config.h"

#include <string.h>

#include "redress-redactor.h"

typedef struct
{
  char   *text;         /* the protected string */
  char   *replacement;
  char   *person;       /* the pseudonym of whose it is */
  GRegex *regex;
} Entry;

struct _RedressRedactor
{
  GPtrArray  *entries;     /* Entry, longest first once sorted */
  GPtrArray  *allowed;     /* GRegex: names that stay (the representative's) */
  GPtrArray  *pseudonyms;  /* one per person */
  GHashTable *used;        /* pseudonyms taken */
  gboolean    sorted;
};

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->text);
  g_free (e->replacement);
  g_free (e->person);
  g_clear_pointer (&e->regex, g_regex_unref);
  g_free (e);
}

void
redress_leak_free (RedressLeak *leak)
{
  if (leak == NULL)
    return;
  g_free (leak->protected_text);
  g_free (leak->person);
  g_free (leak->where);
  g_free (leak->context);
  g_free (leak);
}

RedressRedactor *
redress_redactor_new (void)
{
  RedressRedactor *self = g_new0 (RedressRedactor, 1);

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->allowed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  self->pseudonyms = g_ptr_array_new_with_free_func (g_free);
  self->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
redress_redactor_free (RedressRedactor *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->entries);
  g_ptr_array_unref (self->allowed);
  g_ptr_array_unref (self->pseudonyms);
  g_hash_table_unref (self->used);
  g_free (self);
}

static char *
normalize (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_strdup (nfkc != NULL ? nfkc : text);
}

/* A pattern for @text: whole words, any run of spaces between them. */
static GRegex *
build_regex (const char *text)
{
  g_autofree char *norm = normalize (text);
  g_auto(GStrv) words = g_regex_split_simple ("[\\s\\x{00A0}\\x{202F}]+", norm, 0, 0);
  g_autoptr(GString) pattern = g_string_new ("(?<![\\p{L}\\p{N}])");
  gboolean first = TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (*words[i] == '\0')
        continue;
      escaped = g_regex_escape_string (words[i], -1);
      if (!first)
        g_string_append (pattern, "[\\s\\x{00A0}\\x{202F}]+");
      g_string_append (pattern, escaped);
      first = FALSE;
    }
  if (first)
    return NULL;
  g_string_append (pattern, "(?![\\p{L}\\p{N}])");
  return g_regex_new (pattern->str, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
}

static void
add_entry (RedressRedactor *self,
           const char      *text,
           const char      *replacement,
           const char      *person)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  Entry *e;

  if (g_utf8_strlen (stripped, -1) < 2)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    if (g_utf8_collate (((Entry *) g_ptr_array_index (self->entries, i))->text, stripped) == 0)
      return;
  e = g_new0 (Entry, 1);
  e->regex = build_regex (stripped);
  if (e->regex == NULL)
    {
      g_free (e);
      return;
    }
  e->text = g_steal_pointer (&stripped);
  e->replacement = g_strdup (replacement);
  e->person = g_strdup (person);
  g_ptr_array_add (self->entries, e);
  self->sorted = FALSE;
}

static void
append_initial (GString    *out,
                const char *word)
{
  gunichar c = g_utf8_get_char (word);

  if (c == 0)
    return;
  g_string_append_unichar (out, g_unichar_toupper (c));
  g_string_append_c (out, '.');
}

static char *
initials_of (const char *names)
{
  g_auto(GStrv) words = g_strsplit_set (names != NULL ? names : "", " -", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      append_initial (out, words[i]);
  return g_string_free (out, FALSE);
}

/**
 * redress_redactor_add_person:
 *
 * Protects one person: the full name (both orders), each given and family
 * name, the alias, a date of birth given to the month or day (a bare year is
 * too common a string to protect) and every line of the contact details.
 */
void
redress_redactor_add_person (RedressRedactor *self,
                             const char      *given_name,
                             const char      *family_name,
                             const char      *alias,
                             const char      *birth_date,
                             const char      *contact)
{
  g_autofree char *given_initials = initials_of (given_name);
  g_autofree char *family_initials = initials_of (family_name);
  g_autofree char *pseudonym = g_strconcat (given_initials, family_initials, NULL);
  g_autofree char *full = NULL;
  g_autofree char *reversed = NULL;
  g_auto(GStrv) given_words = NULL;
  g_auto(GStrv) contact_lines = NULL;

  if (*pseudonym == '\0')
    {
      g_free (pseudonym);
      pseudonym = initials_of (alias);
    }
  if (*pseudonym == '\0')
    {
      g_free (pseudonym);
      pseudonym = g_strdup ("X.");
    }
  if (g_hash_table_contains (self->used, pseudonym))
    {
      for (guint n = 2;; n++)
        {
          g_autofree char *candidate = g_strdup_printf ("%s (%u)", pseudonym, n);

          if (!g_hash_table_contains (self->used, candidate))
            {
              g_free (pseudonym);
              pseudonym = g_steal_pointer (&candidate);
              break;
            }
        }
    }
  g_hash_table_add (self->used, g_strdup (pseudonym));
  g_ptr_array_add (self->pseudonyms, g_strdup (pseudonym));

  full = g_strjoin (" ", given_name != NULL ? given_name : "", family_name != NULL ? family_name : "", NULL);
  reversed = g_strjoin (" ", family_name != NULL ? family_name : "", given_name != NULL ? given_name : "", NULL);
  add_entry (self, full, pseudonym, pseudonym);
  add_entry (self, reversed, pseudonym, pseudonym);
  add_entry (self, alias, pseudonym, pseudonym);
  add_entry (self, family_name, *family_initials != '\0' ? family_initials : pseudonym, pseudonym);
  given_words = g_strsplit (given_name != NULL ? given_name : "", " ", -1);
  for (guint i = 0; given_words[i] != NULL; i++)
    {
      g_autofree char *initial = initials_of (given_words[i]);

      add_entry (self, given_words[i], initial, pseudonym);
    }
  if (birth_date != NULL && strlen (birth_date) >= 7)
    add_entry (self, birth_date, "[…]", pseudonym);
  /* The contact details whole, each line, and each part of a line that
   * identifies on its own: a street with its number, an e-mail address, a
   * telephone number (a bare town name is left alone). */
  contact_lines = g_strsplit_set (contact != NULL ? contact : "", "\n;,", -1);
  add_entry (self, contact, "[…]", pseudonym);
  for (guint i = 0; contact_lines[i] != NULL; i++)
    {
      const char *part = g_strstrip (contact_lines[i]);

      if (g_utf8_strlen (part, -1) >= 12 || (g_utf8_strlen (part, -1) >= 4 && strpbrk (part, "0123456789@") != NULL))
        add_entry (self, part, "[…]", pseudonym);
    }
  {
    g_auto(GStrv) lines = g_strsplit (contact != NULL ? contact : "", "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      add_entry (self, lines[i], "[…]", pseudonym);
  }
}

/* Protects one more string of the last person added (a date of birth as a
 * language writes it), or of nobody in particular. */
void
redress_redactor_add_protected (RedressRedactor *self,
                                const char      *text,
                                const char      *replacement)
{
  const char *person = self->pseudonyms->len > 0 ?
    g_ptr_array_index (self->pseudonyms, self->pseudonyms->len - 1) : "";

  add_entry (self, text, replacement != NULL ? replacement : "[…]", person);
}

/**
 * redress_redactor_add_allowed:
 *
 * A string that stays as written even when a protected name is part of it:
 * the representative's name, published by the Committee (domain §6.4), may
 * share a given or family name with the child's family.
 */
void
redress_redactor_add_allowed (RedressRedactor *self,
                              const char      *text)
{
  GRegex *regex;

  if (text == NULL || g_utf8_strlen (text, -1) < 2 || (regex = build_regex (text)) == NULL)
    return;
  g_ptr_array_add (self->allowed, regex);
}

/* @text with every allowed string replaced by "\001n\001" (n its index). */
static char *
mask_allowed (RedressRedactor  *self,
              const char       *text,
              GPtrArray        *found)
{
  char *out = g_strdup (text);

  for (guint i = 0; i < self->allowed->len; i++)
    {
      GRegex *regex = g_ptr_array_index (self->allowed, i);
      g_autoptr(GMatchInfo) match = NULL;

      while (g_regex_match (regex, out, 0, &match))
        {
          int start, end;
          char *next;

          g_match_info_fetch_pos (match, 0, &start, &end);
          g_ptr_array_add (found, g_strndup (out + start, (gsize) (end - start)));
          next = g_strdup_printf ("%.*s\001%u\001%s", start, out, found->len - 1, out + end);
          g_free (out);
          out = next;
          g_clear_pointer (&match, g_match_info_free);
        }
    }
  return out;
}

static char *
unmask_allowed (char      *text,
                GPtrArray *found)
{
  GString *s = g_string_new (text);

  g_free (text);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *token = g_strdup_printf ("\001%u\001", i);

      g_string_replace (s, token, g_ptr_array_index (found, i), 1);
    }
  return g_string_free (s, FALSE);
}

guint
redress_redactor_get_n_people (RedressRedactor *self)
{
  return self->pseudonyms->len;
}

const char *
redress_redactor_get_pseudonym (RedressRedactor *self,
                                guint            person)
{
  g_return_val_if_fail (person < self->pseudonyms->len, NULL);
  return g_ptr_array_index (self->pseudonyms, person);
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;
  glong la = g_utf8_strlen (ea->text, -1);
  glong lb = g_utf8_strlen (eb->text, -1);

  return la != lb ? (lb > la ? 1 : -1) : g_strcmp0 (ea->text, eb->text);
}

static void
ensure_sorted (RedressRedactor *self)
{
  if (!self->sorted)
    g_ptr_array_sort (self->entries, longest_first);
  self->sorted = TRUE;
}

GStrv
redress_redactor_list_protected (RedressRedactor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  ensure_sorted (self);
  for (guint i = 0; i < self->entries->len; i++)
    g_strv_builder_add (builder, ((Entry *) g_ptr_array_index (self->entries, i))->text);
  return g_strv_builder_end (builder);
}

/* Returns: (transfer full): @text with every protected string replaced. */
char *
redress_redactor_apply (RedressRedactor *self,
                        const char      *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  char *out;

  if (text == NULL)
    return g_strdup ("");
  ensure_sorted (self);
  {
    g_autofree char *norm = normalize (text);

    out = mask_allowed (self, norm, found);
  }
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (self->entries, i);
      char *next = g_regex_replace_literal (e->regex, out, -1, 0, e->replacement, 0, NULL);

      if (next != NULL)
        {
          g_free (out);
          out = next;
        }
    }
  return unmask_allowed (out, found);
}

/**
 * redress_redactor_find_leaks:
 * @where: what @text is ("page 2"), copied into each leak
 * @leaks: (element-type RedressLeak): where to add what is found
 *
 * Searches @text for every protected string.
 */
void
redress_redactor_find_leaks (RedressRedactor *self,
                             const char      *text,
                             const char      *where,
                             GPtrArray       *leaks)
{
  g_autofree char *norm = NULL;

  if (text == NULL)
    return;
  ensure_sorted (self);
  {
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *normalized = normalize (text);

    /* The allowed names are not leaks: mask them out of the search. */
    norm = mask_allowed (self, normalized, found);
  }
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = g_ptr_array_index (self->entries, i);
      g_autoptr(GMatchInfo) match = NULL;
      int start, end;

      if (!g_regex_match (e->regex, norm, 0, &match) ||
          !g_match_info_fetch_pos (match, 0, &start, &end))
        continue;

      {
        RedressLeak *leak = g_new0 (RedressLeak, 1);
        const char *from = g_utf8_find_prev_char (norm, norm + start);
        const char *to = norm + end;
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;

        for (int k = 0; k < 30 && from != NULL && from > norm; k++)
          from = g_utf8_find_prev_char (norm, from);
        if (from == NULL)
          from = norm;
        for (int k = 0; k < 30 && *to != '\0'; k++)
          to = g_utf8_next_char (to);
        before = g_strndup (from, (gsize) (norm + start - from));
        after = g_strndup (norm + end, (gsize) (to - (norm + end)));
        g_strdelimit (before, "\n\t", ' ');
        g_strdelimit (after, "\n\t", ' ');

        leak->protected_text = g_strdup (e->text);
        leak->person = g_strdup (e->person);
        leak->where = g_strdup (where);
        leak->context = g_strdup_printf ("…%s[%s]%s…", before, e->replacement, after);
        g_ptr_array_add (leaks, leak);
      }
    }
}
