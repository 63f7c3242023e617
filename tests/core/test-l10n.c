/* test-l10n.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Country names from iso-codes in the window's and in a document's language,
 * accent-insensitive search and collation of State names, and dates in the
 * window's language.  Run once with no LANGUAGE (English) and once with each
 * catalogue's LANGUAGE (meson sets it): the expectations follow the language
 * the program's catalogue actually gives.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "redress-l10n.h"
#include "redress-reference.h"
#include "redress-util.h"

static void
test_country_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);
  const RedressStateRecord *es, *us, *kr, *ps, *bo;

  g_assert_no_error (error);
  es = redress_reference_lookup_state (ref, "ES");
  us = redress_reference_lookup_state (ref, "US");
  kr = redress_reference_lookup_state (ref, "KR");
  ps = redress_reference_lookup_state (ref, "PS");
  bo = redress_reference_lookup_state (ref, "BO");
  g_assert_nonnull (es);

  /* English: the States file's own (UN) names. */
  g_assert_cmpstr (redress_reference_get_state_name (ref, es, "en"), ==, "Spain");
  g_assert_cmpstr (redress_reference_get_state_name (ref, kr, "en"), ==, "Republic of Korea");

  if (!g_file_test (ISO_CODES_PREFIX "/share/locale/fr/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes has no French catalogue here");
      return;
    }
  g_assert_cmpstr (redress_reference_get_state_name (ref, es, "fr"), ==, "Espagne");
  g_assert_cmpstr (redress_reference_get_state_name (ref, es, "es"), ==, "España");
  g_assert_cmpstr (redress_reference_get_state_name (ref, es, "fr_CA.UTF-8"), ==, "Espagne");
  g_assert_true (g_str_has_prefix (redress_reference_get_state_name (ref, us, "fr"), "États-Unis"));
  /* Names iso-codes writes inverted read in sentence order. */
  g_assert_cmpstr (redress_reference_get_state_name (ref, kr, "fr"), ==, "République de Corée");
  g_assert_cmpstr (redress_reference_get_state_name (ref, kr, "es"), ==, "República de Corea");
  g_assert_cmpstr (redress_reference_get_state_name (ref, ps, "fr"), ==, "État de Palestine");
  g_assert_cmpstr (redress_reference_get_state_name (ref, bo, "es"), ==, "Estado plurinacional de Bolivia");
  /* A language with no catalogue keeps the English name. */
  g_assert_cmpstr (redress_reference_get_state_name (ref, es, "xx"), ==, "Spain");
}

static gpointer
spanish_name_thread (gpointer data)
{
  RedressReference *ref = data;

  return g_strdup (redress_reference_get_state_name (ref, redress_reference_lookup_state (ref, "DE"), "es"));
}

/* The composer asks for a document's language from its thread, whatever the
 * window speaks, and the window's language stays as it was. */
static void
test_document_language_from_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);
  const char *ui = redress_l10n_ui_language ();
  g_autofree char *name = NULL;
  GThread *thread;

  g_assert_no_error (error);
  if (!g_file_test (ISO_CODES_PREFIX "/share/locale/es/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes has no Spanish catalogue here");
      return;
    }
  thread = g_thread_new ("composer", spanish_name_thread, ref);
  name = g_thread_join (thread);
  g_assert_cmpstr (name, ==, "Alemania");
  g_assert_cmpstr (redress_l10n_ui_language (), ==, ui);
  if (g_str_equal (ui, "fr"))
    g_assert_cmpstr (redress_reference_get_state_name (ref, redress_reference_lookup_state (ref, "DE"), NULL),
                     ==, "Allemagne");
  else if (g_str_equal (ui, "en"))
    g_assert_cmpstr (redress_reference_get_state_name (ref, redress_reference_lookup_state (ref, "DE"), NULL),
                     ==, "Germany");
}

static void
test_fold (void)
{
  g_autofree char *a = redress_l10n_fold ("États-Unis");
  g_autofree char *b = redress_l10n_fold ("PERÚ");
  g_autofree char *c = redress_l10n_fold ("Türkiye");
  g_autofree char *d = redress_l10n_fold ("Côte d’Ivoire");

  g_assert_cmpstr (a, ==, "etats-unis");
  g_assert_cmpstr (b, ==, "peru");
  g_assert_cmpstr (c, ==, "turkiye");
  g_assert_cmpstr (d, ==, "cote d’ivoire");
}

static int
index_of (GPtrArray  *states,
          const char *code)
{
  for (guint i = 0; i < states->len; i++)
    if (g_str_equal (((const RedressStateRecord *) g_ptr_array_index (states, i))->code, code))
      return (int) i;
  return -1;
}

/* Sorted by the name in the language, accents second: in French Égypte (EG)
 * before Espagne (ES) before États-Unis (US) before Éthiopie (ET) before
 * Fidji (FJ), although É sorts after every letter in code point order. */
static void
test_sorted_states (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressReference) ref = redress_reference_new_bundled (&error);
  g_autoptr(GPtrArray) en = NULL;
  g_autoptr(GPtrArray) fr = NULL;

  g_assert_no_error (error);
  en = redress_reference_dup_states_sorted (ref, "en");
  g_assert_cmpuint (en->len, ==, redress_reference_get_n_states (ref));
  g_assert_cmpint (index_of (en, "AT"), <, index_of (en, "DE"));      /* Austria < Germany */

  if (!g_file_test (ISO_CODES_PREFIX "/share/locale/fr/LC_MESSAGES/iso_3166-1.mo", G_FILE_TEST_EXISTS))
    return;
  fr = redress_reference_dup_states_sorted (ref, "fr");
  g_assert_cmpint (index_of (fr, "EG"), <, index_of (fr, "ES"));
  g_assert_cmpint (index_of (fr, "ES"), <, index_of (fr, "US"));
  g_assert_cmpint (index_of (fr, "US"), <, index_of (fr, "ET"));
  g_assert_cmpint (index_of (fr, "ET"), <, index_of (fr, "FJ"));
  g_assert_cmpint (index_of (fr, "DE"), <, index_of (fr, "AT"));      /* Allemagne < Autriche */
}

static void
test_dates (void)
{
  const char *ui = redress_l10n_ui_language ();
  g_autofree char *full = redress_l10n_format_date ("2026-12-03");
  g_autofree char *month = redress_l10n_format_date ("2026-12");
  g_autofree char *year = redress_l10n_format_date ("2013");
  g_autofree char *bad = redress_l10n_format_date ("not a date");
  g_autofree char *short_full = redress_l10n_format_date_short ("2026-12-03");
  g_autofree char *short_month = redress_l10n_format_date_short ("2026-12");
  g_autofree char *short_year = redress_l10n_format_date_short ("2013");

  g_assert_cmpstr (year, ==, "2013");
  g_assert_cmpstr (short_year, ==, "2013");
  g_assert_cmpstr (bad, ==, "not a date");
  if (g_str_equal (ui, "fr"))
    {
      g_assert_cmpstr (full, ==, "3 décembre 2026");
      g_assert_cmpstr (month, ==, "décembre 2026");
      g_assert_cmpstr (short_full, ==, "03/12/2026");
      g_assert_cmpstr (short_month, ==, "12/2026");
    }
  else if (g_str_equal (ui, "es"))
    {
      g_assert_cmpstr (full, ==, "3 de diciembre de 2026");
      g_assert_cmpstr (month, ==, "diciembre de 2026");
      g_assert_cmpstr (short_full, ==, "03/12/2026");
      g_assert_cmpstr (short_month, ==, "12/2026");
    }
  else if (g_str_equal (ui, "en"))
    {
      g_assert_cmpstr (full, ==, "3 December 2026");
      g_assert_cmpstr (month, ==, "December 2026");
      g_assert_cmpstr (short_full, ==, "2026-12-03");
      g_assert_cmpstr (short_month, ==, "2026-12");
    }
}

/* LANGUAGE=fr (or es) with a catalogue in the build tree: the window speaks
 * it, which an uninstalled run depends on. */
static void
test_ui_language (void)
{
  const char *wanted = g_getenv ("REDRESS_TEST_LANGUAGE");

  if (wanted == NULL)
    g_assert_cmpstr (redress_l10n_ui_language (), ==, "en");
  else
    g_assert_cmpstr (redress_l10n_ui_language (), ==, wanted);
}

static void
test_bidi (void)
{
  g_autofree char *iso = redress_bidi_isolate ("ليلى العلي");
  g_autofree char *mixed = redress_bidi_case_title ("ليلى العلي v. Denmark");
  g_autofree char *latin = redress_bidi_case_title ("Inquiry: forced evictions (Belgium)");
  g_autofree char *arabic = redress_bidi_case_title ("ليلى العلي ضد الدنمارك");

  g_assert_cmpstr (iso, ==, "\u2068ليلى العلي\u2069");
  g_assert_cmpstr (mixed, ==, "\u200e\u2068ليلى العلي\u2069 v. \u2068Denmark\u2069");
  g_assert_cmpstr (latin, ==, "Inquiry: forced evictions (Belgium)");
  g_assert_cmpstr (arabic, ==, "ليلى العلي ضد الدنمارك");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  redress_l10n_bind_textdomain ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/l10n/ui-language", test_ui_language);
  g_test_add_func ("/l10n/country-names", test_country_names);
  g_test_add_func ("/l10n/document-language-from-thread", test_document_language_from_thread);
  g_test_add_func ("/l10n/fold", test_fold);
  g_test_add_func ("/l10n/sorted-states", test_sorted_states);
  g_test_add_func ("/l10n/dates", test_dates);
  g_test_add_func ("/l10n/bidi", test_bidi);

  return g_test_run ();
}
