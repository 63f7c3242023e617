/* test-composer.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report composer: templates, drafting from the case file, redaction and
 * the leak check, PDF and ODT output read back as a reader sees it (poppler,
 * libarchive, libxml2), missing items, and freezing a submission.
 */

#include "config.h"

#include "redress-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "redress-case-party.h"
#include "redress-case.h"
#include "redress-composer.h"
#include "redress-correspondence-register.h"
#include "redress-database.h"
#include "redress-sqlite-private.h"
#include "redress-demo.h"
#include "redress-domestic-remedy.h"
#include "redress-enums.h"
#include "redress-exchange.h"
#include "redress-draft.h"
#include "redress-evidence-item.h"
#include "redress-evidence-store.h"
#include "redress-export.h"
#include "redress-fact.h"
#include "redress-l10n.h"
#include "redress-lifecycle.h"
#include "redress-odt.h"
#include "redress-pdf.h"
#include "redress-person.h"
#include "redress-procedural-event.h"
#include "redress-reference.h"
#include "redress-procedure.h"
#include "redress-record.h"
#include "redress-case-list.h"
#include "redress-util.h"
#include "redress-violation.h"

#define TODAY "2026-01-15"

typedef struct
{
  char            *dir;
  RedressDatabase *db;
  char            *case_id;
  char            *child_party;
  char            *final_remedy;
  char            *facts[2];
  char            *violation;
  char            *evidence[3];
  char            *sha[3];
} Fixture;

/* What the public version must never contain. */
static const char * const protected_strings[] = {
  "Mariana", "Oliveira", "Tiago", "Mari-Lu", "Rua das Flores 12", "2012-03-04",
  "4 March 2012", "4 mars 2012", "4 de marzo de 2012", NULL
};

static char *
save (RedressDatabase *db,
      gpointer         record)
{
  g_autoptr(GError) error = NULL;
  char *id;

  redress_record_save (record, db, &error);
  g_assert_no_error (error);
  id = g_strdup (redress_record_get_id (record));
  g_object_unref (record);
  return id;
}

static char *
add_person (RedressDatabase *db,
            const char      *given,
            const char      *family,
            const char      *alias,
            const char      *birth,
            const char      *contact)
{
  RedressPerson *p = redress_person_new ();

  g_object_set (p, "given-name", given, "family-name", family, "alias", alias, "birth-date", birth,
                "nationality", "PT", "contact", contact, NULL);
  return save (db, p);
}

static char *
add_party (RedressDatabase *db,
           const char      *case_id,
           const char      *person_id,
           const char      *role,
           int              consent)
{
  RedressCaseParty *p = redress_case_party_new (case_id, person_id, role);

  g_object_set (p, "consent-given", consent, NULL);
  if (consent == 1)
    g_object_set (p, "consent-date", "2025-07-01", "consent-by", "Tiago Oliveira", "consent-disclose-identity", 1,
                  "consent-publication", 0, "child-views", "Mariana wants to go back to her school.", NULL);
  return save (db, p);
}

static char *
add_evidence (RedressEvidenceStore *store,
              const char           *case_id,
              const char           *name,
              const char           *content,
              char                **sha)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (g_strdup (content), -1, g_free);
  g_autoptr(RedressEvidenceInfo) info = redress_evidence_store_add_stream (store, case_id, in, name, "test", NULL,
                                                                          &error);
  RedressEvidenceItem *item;

  g_assert_no_error (error);
  item = redress_record_load (redress_evidence_store_get_database (store), REDRESS_TYPE_EVIDENCE_ITEM, info->id,
                              &error);
  g_assert_no_error (error);
  g_object_set (item, "language", "pt", "shown-date", "2025-05-02", NULL);
  g_free (save (redress_evidence_store_get_database (store), item));
  *sha = g_strdup (info->sha256);
  return g_strdup (info->id);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RedressEvidenceStore) store = NULL;
  RedressCase *c;
  RedressFact *fact;
  RedressViolation *v;
  RedressDomesticRemedy *r;
  g_autofree char *parent = NULL;
  g_autofree char *child = NULL;
  g_autofree char *lawyer = NULL;
  const char *events[][2] = { { "eligibility_checked_ok", "2025-07-02" }, { "draft_approved", "2025-07-10" } };

  f->dir = g_dir_make_tmp ("redress-composer-XXXXXX", NULL);
  path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  c = redress_case_new ("communication", "RDR-2025-000777");
  g_object_set (c, "title", "Mariana Oliveira v. Portugal", "state-code", "PT",
                "remedies-sought", "The author asks for *readmission* and compensation.", NULL);
  f->case_id = save (f->db, c);

  parent = add_person (f->db, "Tiago", "Oliveira", "", "1980", "Rua das Flores 12, Porto");
  child = add_person (f->db, "Mariana", "Oliveira", "Mari-Lu", "2012-03-04", "");
  lawyer = add_person (f->db, "Ana", "Costa", "", NULL, "ana.costa@example.org");
  g_free (add_party (f->db, f->case_id, parent, "author", 1));
  f->child_party = add_party (f->db, f->case_id, child, "victim", 1);
  g_free (add_party (f->db, f->case_id, lawyer, "representative", -1));

  fact = redress_fact_new (f->case_id);
  g_object_set (fact, "occurred-on", "2024-09-02", "description",
                "The school refused to enrol Mariana because she uses a wheelchair.", NULL);
  f->facts[0] = save (f->db, fact);
  fact = redress_fact_new (f->case_id);
  g_object_set (fact, "occurred-on", "2024-10-01", "description",
                "The education board confirmed the refusal; Tiago Oliveira complained.", NULL);
  f->facts[1] = save (f->db, fact);

  v = redress_violation_new (f->case_id);
  g_object_set (v, "treaty", "CRC", "article", "28", "description", "Exclusion from a mainstream school.", NULL);
  f->violation = save (f->db, v);

  /* The facts substantiate the violation (art 7(f)). */
  g_assert_true (redress_violation_set_fact_linked (f->db, f->violation, f->facts[0], TRUE, &error));
  g_assert_true (redress_violation_set_fact_linked (f->db, f->violation, f->facts[1], TRUE, &error));
  g_assert_no_error (error);

  r = redress_domestic_remedy_new (f->case_id);
  g_object_set (r, "forum", "Administrative Court of Porto", "level", "first instance", "filed-on", "2024-11-01",
                "decided-on", "2025-06-01", "notified-on", "2025-06-10", "outcome", "Dismissed", "is-final", TRUE,
                NULL);
  f->final_remedy = save (f->db, r);

  /* Evidence, linked so that the order first cited differs from the order added. */
  store = redress_evidence_store_new (f->db);
  f->evidence[0] = add_evidence (store, f->case_id, "Court judgment.txt", "judgment", &f->sha[0]);
  f->evidence[1] = add_evidence (store, f->case_id, "Board letter.txt", "board letter", &f->sha[1]);
  f->evidence[2] = add_evidence (store, f->case_id, "School refusal of Mariana Oliveira.txt", "refusal", &f->sha[2]);
  redress_evidence_store_link (store, f->evidence[0], REDRESS_EVIDENCE_TARGET_REMEDY, f->final_remedy, &error);
  g_assert_no_error (error);
  redress_evidence_store_link (store, f->evidence[1], REDRESS_EVIDENCE_TARGET_FACT, f->facts[1], &error);
  g_assert_no_error (error);
  redress_evidence_store_link (store, f->evidence[2], REDRESS_EVIDENCE_TARGET_FACT, f->facts[0], &error);
  g_assert_no_error (error);
  redress_evidence_store_link (store, f->evidence[2], REDRESS_EVIDENCE_TARGET_VIOLATION, f->violation, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *id = redress_procedure_record_event (f->db, f->case_id, NULL, events[i][0], events[i][1],
                                                            NULL, NULL, NULL, &error);

      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->db);
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
  g_free (f->child_party);
  g_free (f->final_remedy);
  g_free (f->violation);
  for (guint i = 0; i < 2; i++)
    g_free (f->facts[i]);
  for (guint i = 0; i < 3; i++)
    {
      g_free (f->evidence[i]);
      g_free (f->sha[i]);
    }
}

/* Whitespace of any kind (line ends, no-break spaces) as one space. */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
without_spaces (const char *text)
{
  g_autofree char *s = squash (text);
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static RedressComposition *
compose (Fixture        *f,
         const char     *document,
         const char     *language,
         RedressProfile  profile,
         GHashTable     *prose)
{
  g_autoptr(GError) error = NULL;
  RedressComposition *c = redress_composer_compose (f->db, f->case_id, document, language, profile, prose, TODAY,
                                                    &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static char *
export_text (RedressComposition  *c,
             RedressExportFormat  format,
             GBytes             **out_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = redress_composition_export (c, format, NULL, &error);
  char *text;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  text = redress_export_extract_text (bytes, format, &error);
  g_assert_no_error (error);
  if (out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);
  return text;
}

/* Every language of a document has the same sections, fields and phrases. */
static void
test_templates_consistent (void)
{
  const char * const *documents = redress_template_get_documents ();

  redress_composer_init ();
  for (guint d = 0; documents[d] != NULL; d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RedressTemplate) en = redress_template_load (documents[d], "en", &error);
      g_auto(GStrv) en_phrases = NULL;

      g_assert_no_error (error);
      en_phrases = redress_template_list_phrases (en);
      g_assert_cmpuint (redress_template_get_n_sections (en), >, 3);
      for (guint l = 1; l < 3; l++)
        {
          const char *lang = redress_template_get_languages ()[l];
          g_autoptr(RedressTemplate) t = redress_template_load (documents[d], lang, &error);
          g_auto(GStrv) phrases = NULL;

          g_assert_no_error (error);
          g_assert_cmpstr (redress_template_get_event (t), ==, redress_template_get_event (en));
          g_assert_cmpstr (redress_template_get_title (t), !=, redress_template_get_title (en));
          g_assert_cmpuint (redress_template_get_n_sections (t), ==, redress_template_get_n_sections (en));
          for (guint s = 0; s < redress_template_get_n_sections (en); s++)
            {
              const RedressTemplateSection *a = redress_template_get_section (en, s);
              const RedressTemplateSection *b = redress_template_get_section (t, s);

              g_assert_cmpstr (a->id, ==, b->id);
              g_assert_true (g_strv_equal ((const char * const *) a->fields, (const char * const *) b->fields));
              g_assert_cmpint (a->editable, ==, b->editable);
              g_assert_cmpint (a->required, ==, b->required);
              g_assert_cmpint (a->intro != NULL, ==, b->intro != NULL);
            }
          phrases = redress_template_list_phrases (t);
          g_assert_true (g_strv_equal ((const char * const *) en_phrases, (const char * const *) phrases));
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RedressTemplate) t = redress_template_load ("petition", "en", &error);

    g_assert_error (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_NOT_FOUND);
    g_assert_null (t);
    g_clear_error (&error);
    g_assert_null (redress_template_load ("communication", "de", &error));
    g_assert_error (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (redress_template_parse ("<template document='x' lang='en'><title>T</title><bogus/></template>",
                                           -1, &error));
    g_assert_error (error, REDRESS_TEMPLATE_ERROR, REDRESS_TEMPLATE_ERROR_INVALID);
  }
}

static void
test_dates_and_typography (void)
{
  g_autoptr(RedressTemplate) fr = NULL;
  g_autoptr(RedressTemplate) es = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *typo = NULL;
  g_autoptr(GArray) runs = NULL;

  redress_composer_init ();
  fr = redress_template_load ("communication", "fr", NULL);
  es = redress_template_load ("communication", "es", NULL);
  a = redress_template_format_date (fr, "2019-02-01");
  b = redress_template_format_date (es, "2019-02-01");
  c = redress_template_format_date (fr, NULL);
  g_assert_cmpstr (a, ==, "1er février 2019");
  g_assert_cmpstr (b, ==, "1 de febrero de 2019");
  g_assert_cmpstr (c, ==, "(date non enregistrée)");

  typo = redress_typography_apply ("fr", "Issue : rejet ; appel? « oui »");
  g_assert_cmpstr (typo, ==, "Issue\u00A0: rejet\u202F; appel\u202F? «\u00A0oui\u00A0»");

  runs = redress_markup_parse_inline ("plain *em* and **strong** 5 * 3 \\*x\\*");
  g_assert_cmpuint (runs->len, ==, 5);
  g_assert_cmpstr (g_array_index (runs, RedressInlineRun, 1).text, ==, "em");
  g_assert_cmpint (g_array_index (runs, RedressInlineRun, 1).flags, ==, REDRESS_INLINE_EMPHASIS);
  g_assert_cmpstr (g_array_index (runs, RedressInlineRun, 3).text, ==, "strong");
  g_assert_cmpint (g_array_index (runs, RedressInlineRun, 3).flags, ==, REDRESS_INLINE_STRONG);
  g_assert_cmpstr (g_array_index (runs, RedressInlineRun, 4).text, ==, " 5 * 3 *x*");
}

/* Each template renders in all three languages; the PDF's text has every
 * section heading and the annex list, and the ODT reads back. */
static void
test_every_template_renders (Fixture       *f,
                             gconstpointer  data)
{
  const char * const *documents = redress_template_get_documents ();
  const char * const *languages = redress_template_get_languages ();

  for (guint d = 0; documents[d] != NULL; d++)
    for (guint l = 0; languages[l] != NULL; l++)
      {
        g_autoptr(RedressComposition) c = compose (f, documents[d], languages[l], REDRESS_PROFILE_COMMITTEE, NULL);
        RedressTemplate *t = redress_composition_get_template (c);
        g_autofree char *pdf = export_text (c, REDRESS_EXPORT_PDF, NULL);
        g_autofree char *odt = export_text (c, REDRESS_EXPORT_ODT, NULL);
        g_autofree char *docx = export_text (c, REDRESS_EXPORT_DOCX, NULL);
        g_autofree char *pdf_flat = squash (pdf);
        g_autofree char *odt_flat = squash (odt);
        g_autofree char *docx_flat = squash (docx);
        g_autofree char *pdf_bare = without_spaces (pdf);

        for (guint s = 0; s < redress_template_get_n_sections (t); s++)
          {
            g_autofree char *heading = squash (redress_template_get_section (t, s)->heading);

            g_assert_nonnull (strstr (pdf_flat, heading));
            g_assert_nonnull (strstr (odt_flat, heading));
            g_assert_nonnull (strstr (docx_flat, heading));
          }
        /* Full identities in the version for the Committee. */
        g_assert_nonnull (strstr (pdf_flat, "RDR-2025-000777"));
        if (redress_template_find_section (t, "annexes") != NULL)
          for (guint i = 0; i < 3; i++)
            {
              g_autofree char *n = g_strdup_printf ("%u", i + 1);
              g_autofree char *cite = redress_template_format (t, "annex-cite", "n", n, NULL);

              g_assert_nonnull (strstr (pdf_bare, f->sha[i]));
              g_autofree char *folded_cite = g_utf8_casefold (cite, -1);
              g_autofree char *folded_pdf = g_utf8_casefold (pdf_flat, -1);

              /* Cited in the text or listed in the index ("Annexe 1 : …"). */
              g_assert_nonnull (strstr (folded_pdf, folded_cite));
            }
      }
}

/* The communication in French: facts in order with their annexes, the
 * article titles, the page numbers, metadata from the case. */
static void
test_communication_content (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RedressComposition) c = compose (f, "communication", "fr", REDRESS_PROFILE_COMMITTEE, NULL);
  RedressDocument *doc = redress_composition_get_document (c);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = export_text (c, REDRESS_EXPORT_PDF, &bytes);
  g_autofree char *flat = squash (text);
  g_autofree char *doc_text = redress_document_to_text (doc);
  const char *refusal, *board;

  /* Annexes numbered in the order first cited: the first fact's evidence is
   * Annex 1, the second fact's Annex 2, the remedy's Annex 3. */
  g_assert_cmpuint (redress_document_get_n_annexes (doc), ==, 3);
  g_assert_cmpstr (redress_document_get_annex (doc, 0)->evidence_id, ==, f->evidence[2]);
  g_assert_cmpstr (redress_document_get_annex (doc, 1)->evidence_id, ==, f->evidence[1]);
  g_assert_cmpstr (redress_document_get_annex (doc, 2)->evidence_id, ==, f->evidence[0]);
  g_assert_cmpstr (redress_document_get_annex (doc, 0)->date, ==, "2 mai 2025");
  refusal = strstr (doc_text, "2 septembre 2024 : The school refused to enrol Mariana");
  board = strstr (doc_text, "1er octobre 2024 : The education board");
  g_assert_nonnull (refusal);
  g_assert_nonnull (board);
  g_assert_true (refusal < board);
  g_assert_nonnull (strstr (refusal, "wheelchair. (annexe 1)"));
  g_assert_nonnull (strstr (doc_text, "Convention relative aux droits de l’enfant, article 28 : Éducation : accès, "
                                      "enseignement primaire gratuit"));
  g_assert_nonnull (strstr (doc_text, "La décision interne définitive a été rendue le 1er juin 2025"));
  g_assert_nonnull (strstr (doc_text, "Mariana Oliveira, né(e) le 4 mars 2012, âgé(e) de 12 ans"));

  g_assert_nonnull (strstr (flat, "CONFIDENTIEL"));
  g_assert_nonnull (strstr (flat, "Page 1 sur "));
  g_assert_nonnull (strstr (flat, "Page 2 sur "));
  g_assert_nonnull (strstr (flat, "Annexe 1 : School refusal of Mariana Oliveira"));
  g_assert_nonnull (strstr (flat, "readmission"));

  /* Metadata: the case, never the computer's user name. */
  g_assert_nonnull (strstr (text, "RDR-2025-000777"));
  g_assert_null (strstr (text, g_get_user_name ()));
  g_assert_null (strstr (text, g_get_real_name ()));
  g_assert_cmpstr (redress_document_get_reference (doc), ==, "RDR-2025-000777");
  g_assert_cmpstr (redress_document_get_title (doc), ==, "Communication au Comité des droits de l’enfant");
}

/* The rights invoked carry their article's title in the document's language
 * (data/rights.LANG.csv), in the text and in every export. */
static void
test_article_titles (Fixture       *f,
                     gconstpointer  data)
{
  static const struct
  {
    const char *language;
    const char *title;
  } expected[] = {
    { "fr", "Éducation : accès, enseignement primaire gratuit, discipline scolaire respectueuse de la dignité" },
    { "es", "Educación: acceso, enseñanza primaria gratuita, disciplina escolar compatible con la dignidad" },
    { "en", "Education: access, free primary schooling, dignity in school discipline" },
  };
  const char *english = expected[G_N_ELEMENTS (expected) - 1].title;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RedressComposition) c = compose (f, "communication", expected[i].language,
                                                 REDRESS_PROFILE_COMMITTEE, NULL);
      g_autofree char *doc_text = redress_document_to_text (redress_composition_get_document (c));
      g_autofree char *pdf = export_text (c, REDRESS_EXPORT_PDF, NULL);
      g_autofree char *docx = export_text (c, REDRESS_EXPORT_DOCX, NULL);
      g_autofree char *pdf_flat = squash (pdf);
      g_autofree char *docx_flat = squash (docx);
      g_autofree char *pdf_head = g_strndup (expected[i].title, strchr (expected[i].title, ',') - expected[i].title);

      g_test_message ("communication in %s", expected[i].language);
      g_assert_nonnull (strstr (doc_text, expected[i].title));
      /* A page break may fall inside the title in the PDF: its head only. */
      g_assert_nonnull (strstr (pdf_flat, pdf_head));
      g_assert_nonnull (strstr (docx_flat, expected[i].title));
      if (expected[i].title != english)
        {
          g_assert_null (strstr (doc_text, english));
          g_assert_null (strstr (pdf_flat, "Education: access"));
          g_assert_null (strstr (docx_flat, english));
        }
    }
}

static void
assert_no_protected (const char *text,
                     const char *what)
{
  g_autofree char *flat = squash (text);
  g_autofree char *folded = g_utf8_casefold (flat, -1);

  for (guint i = 0; protected_strings[i] != NULL; i++)
    {
      g_autofree char *needle = g_utf8_casefold (protected_strings[i], -1);

      if (strstr (folded, needle) != NULL)
        g_error ("%s contains the protected “%s”", what, protected_strings[i]);
    }
}

/* The public profile: initials everywhere, and the leak check catches a name
 * that gets through. */
static void
test_public_profile (Fixture       *f,
                     gconstpointer  data)
{
  const char * const *languages = redress_template_get_languages ();
  g_autoptr(GHashTable) prose = g_hash_table_new (g_str_hash, g_str_equal);

  /* The lawyer's own prose names the child too. */
  g_hash_table_insert (prose, "facts", "Mariana Oliveira (called *Mari-Lu* at home) lives at Rua das Flores 12.");

  for (guint l = 0; languages[l] != NULL; l++)
    {
      g_autoptr(RedressComposition) c = compose (f, "communication", languages[l], REDRESS_PROFILE_PUBLIC, prose);
      g_autoptr(GBytes) pdf_bytes = NULL;
      g_autofree char *pdf = export_text (c, REDRESS_EXPORT_PDF, &pdf_bytes);
      g_autofree char *odt = export_text (c, REDRESS_EXPORT_ODT, NULL);
      g_autofree char *docx = export_text (c, REDRESS_EXPORT_DOCX, NULL);
      g_autofree char *flat = squash (pdf);

      assert_no_protected (pdf, "the public PDF");
      assert_no_protected (odt, "the public ODT");
      assert_no_protected (docx, "the public DOCX");
      /* Consistent initials, and the representative keeps her name (domain §6.4). */
      g_assert_nonnull (strstr (flat, "M.O."));
      g_assert_nonnull (strstr (flat, "T.O."));
      g_assert_nonnull (strstr (flat, "Ana Costa"));
      g_assert_nonnull (strstr (flat, "School refusal of M.O."));
    }

  /* The case title is free text: the public version leaves it out. */
  {
    g_autoptr(RedressComposition) c = compose (f, "follow-up", "en", REDRESS_PROFILE_PUBLIC, NULL);
    g_autofree char *pdf = export_text (c, REDRESS_EXPORT_PDF, NULL);

    g_assert_null (strstr (pdf, "v. Portugal"));
    g_assert_nonnull (strstr (pdf, "RDR-2025-000777"));
  }

  /* A name slipped into the document after redaction is caught, in the PDF
   * and in the ODT, and the export is refused. */
  {
    g_autoptr(RedressComposition) c = compose (f, "communication", "en", REDRESS_PROFILE_PUBLIC, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) leaks = NULL;
    g_autoptr(GBytes) bytes = NULL;
    RedressLeak *leak;

    redress_document_add_text (redress_composition_get_document (c), REDRESS_BLOCK_PARAGRAPH, "facts",
                               "As her father Tiago said,");
    bytes = redress_composition_export (c, REDRESS_EXPORT_PDF, &leaks, &error);
    g_assert_error (error, REDRESS_EXPORT_ERROR, REDRESS_EXPORT_ERROR_LEAK);
    g_assert_null (bytes);
    g_assert_cmpuint (leaks->len, ==, 1);
    leak = g_ptr_array_index (leaks, 0);
    g_assert_cmpstr (leak->protected_text, ==, "Tiago");
    g_assert_cmpstr (leak->person, ==, "T.O.");
    g_assert_true (g_str_has_prefix (leak->where, "page "));
    g_assert_null (strstr (error->message, "Tiago"));
    g_clear_error (&error);
    g_clear_pointer (&leaks, g_ptr_array_unref);

    bytes = redress_composition_export (c, REDRESS_EXPORT_ODT, &leaks, &error);
    g_assert_error (error, REDRESS_EXPORT_ERROR, REDRESS_EXPORT_ERROR_LEAK);
    g_assert_cmpuint (leaks->len, ==, 1);
    g_assert_cmpstr (((RedressLeak *) g_ptr_array_index (leaks, 0))->where, ==, "content.xml");
    g_clear_error (&error);
    g_clear_pointer (&leaks, g_ptr_array_unref);

    bytes = redress_composition_export (c, REDRESS_EXPORT_DOCX, &leaks, &error);
    g_assert_error (error, REDRESS_EXPORT_ERROR, REDRESS_EXPORT_ERROR_LEAK);
    g_assert_cmpuint (leaks->len, ==, 1);
    g_assert_cmpstr (((RedressLeak *) g_ptr_array_index (leaks, 0))->where, ==, "word/document.xml");
  }

  /* A date of birth written out in the metadata is caught as well. */
  {
    g_autoptr(RedressComposition) c = compose (f, "communication", "es", REDRESS_PROFILE_PUBLIC, NULL);
    g_autoptr(GPtrArray) leaks = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_leak_free);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    RedressDocument *doc = redress_composition_get_document (c);

    redress_document_set_metadata (doc, "Nacida el 4 de marzo de 2012", "", "RDR-2025-000777", TODAY);
    bytes = redress_export_render (doc, REDRESS_EXPORT_PDF, &error);
    g_assert_no_error (error);
    g_assert_true (redress_export_check_leaks (redress_composition_get_redactor (c), bytes, REDRESS_EXPORT_PDF,
                                               leaks, &error));
    g_assert_cmpuint (leaks->len, ==, 1);
    g_assert_cmpstr (((RedressLeak *) g_ptr_array_index (leaks, 0))->where, ==, "the PDF’s metadata");
  }
}

/* The ODT is a zip whose first entry is the uncompressed "mimetype" with no
 * extra field (ODF 1.2 part 3, 3.3), and whose XML is well-formed. */
static void
test_odt_package (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(RedressComposition) c = compose (f, "communication", "fr", REDRESS_PROFILE_COMMITTEE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = redress_composition_export (c, REDRESS_EXPORT_ODT, NULL, &error);
  g_autoptr(GPtrArray) entries = NULL;
  const guint8 *d;
  gsize size;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  d = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 100);
  g_assert_cmpmem (d, 4, "PK\003\004", 4);
  g_assert_cmpuint (d[8] | d[9] << 8, ==, 0);      /* stored */
  g_assert_cmpuint (d[28] | d[29] << 8, ==, 0);    /* no extra field */
  g_assert_cmpmem (d + 30, 8, "mimetype", 8);
  g_assert_cmpmem (d + 38, 39, "application/vnd.oasis.opendocument.text", 39);

  entries = redress_odt_read_entries (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpstr (((RedressZipEntry *) g_ptr_array_index (entries, 0))->name, ==, "mimetype");
  g_assert_cmpstr (((RedressZipEntry *) g_ptr_array_index (entries, 4))->name, ==, "META-INF/manifest.xml");
  text = redress_export_extract_text (bytes, REDRESS_EXPORT_ODT, &error);
  g_assert_no_error (error);
  {
    GBytes *styles = ((RedressZipEntry *) g_ptr_array_index (entries, 2))->data;
    g_autofree char *xml = g_strndup (g_bytes_get_data (styles, NULL), g_bytes_get_size (styles));

    /* The footer's page number and count are fields. */
    g_assert_nonnull (strstr (xml, "Page <text:page-number text:select-page=\"current\">1</text:page-number> sur "
                                   "<text:page-count>1</text:page-count>"));
  }
  g_assert_nonnull (strstr (text, "5. Exposé des faits"));

  /* A damaged file is reported, not read. */
  {
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, size / 2);
    g_autofree char *none = redress_export_extract_text (cut, REDRESS_EXPORT_ODT, &error);

    g_assert_null (none);
    g_assert_nonnull (error);
  }
}

/* The DOCX: every part Word needs, well-formed, headings as Heading 1, the
 * footer's page fields, the case as author. */
static void
test_docx_package (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RedressComposition) c = compose (f, "communication", "en", REDRESS_PROFILE_COMMITTEE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = redress_composition_export (c, REDRESS_EXPORT_DOCX, NULL, &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = NULL;
  const char *document;

  g_assert_no_error (error);
  entries = redress_odt_read_entries (bytes, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      RedressZipEntry *e = g_ptr_array_index (entries, i);

      g_hash_table_insert (parts, g_strdup (e->name),
                           g_strndup (g_bytes_get_data (e->data, NULL), g_bytes_get_size (e->data)));
    }
  g_assert_cmpstr (((RedressZipEntry *) g_ptr_array_index (entries, 0))->name, ==, "[Content_Types].xml");
  g_assert_true (g_hash_table_contains (parts, "_rels/.rels"));
  g_assert_true (g_hash_table_contains (parts, "word/_rels/document.xml.rels"));
  document = g_hash_table_lookup (parts, "word/document.xml");
  g_assert_nonnull (strstr (document, "<w:pStyle w:val=\"Heading1\"/>"));
  g_assert_nonnull (strstr (document, "<w:numId w:val=\"1\"/>"));
  g_assert_nonnull (strstr (g_hash_table_lookup (parts, "word/footer1.xml"), "w:instr=\" NUMPAGES \""));
  g_assert_nonnull (strstr (g_hash_table_lookup (parts, "docProps/core.xml"),
                            "<dc:creator>Ana Costa</dc:creator>"));
  text = redress_export_extract_text (bytes, REDRESS_EXPORT_DOCX, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "5. Facts of the case"));
}

static gboolean
has_issue (GPtrArray  *issues,
           const char *field_hint,
           const char *row_id,
           gboolean    blocking)
{
  for (guint i = 0; i < issues->len; i++)
    {
      RedressComposerIssue *issue = g_ptr_array_index (issues, i);

      if (g_strcmp0 (issue->field_hint, field_hint) == 0 && g_strcmp0 (issue->row_id, row_id) == 0 &&
          issue->blocking == blocking)
        return TRUE;
    }
  return FALSE;
}

static void
test_missing_items (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RedressRecord *remedy;
  RedressRecord *party;

  {
    g_autoptr(RedressComposition) c = compose (f, "communication", "en", REDRESS_PROFILE_COMMITTEE, NULL);

    GPtrArray *issues = redress_composition_get_issues (c);

    for (guint i = 0; i < issues->len; i++)
      g_test_message ("issue: %s", ((RedressComposerIssue *) g_ptr_array_index (issues, i))->message);
    /* Complete, but the violation has evidence and the facts have dates: nothing blocks. */
    g_assert_false (redress_composition_has_blocking_issues (c));
  }

  remedy = redress_record_load (f->db, REDRESS_TYPE_DOMESTIC_REMEDY, f->final_remedy, &error);
  g_assert_no_error (error);
  g_object_set (remedy, "decided-on", NULL, NULL);
  redress_record_save (remedy, f->db, &error);
  g_assert_no_error (error);
  g_object_unref (remedy);
  party = redress_record_load (f->db, REDRESS_TYPE_CASE_PARTY, f->child_party, &error);
  g_assert_no_error (error);
  g_object_set (party, "consent-given", -1, NULL);
  redress_record_save (party, f->db, &error);
  g_assert_no_error (error);
  g_object_unref (party);

  {
    g_autoptr(RedressComposition) c = compose (f, "communication", "en", REDRESS_PROFILE_COMMITTEE, NULL);
    GPtrArray *issues = redress_composition_get_issues (c);

    g_assert_true (has_issue (issues, "domestic_remedy.decided_on", f->final_remedy, TRUE));
    g_assert_true (has_issue (issues, "case_party.consent_given", f->child_party, TRUE));
    g_assert_true (redress_composition_has_blocking_issues (c));
  }

  /* Two years later the art 7(h) ground fails: an admissibility issue, with its field. */
  {
    g_autoptr(RedressComposition) c = redress_composer_compose (f->db, f->case_id, "communication", "en",
                                                                REDRESS_PROFILE_COMMITTEE, NULL, "2028-01-01",
                                                                &error);
    GPtrArray *issues;
    gboolean found = FALSE;

    g_assert_no_error (error);
    issues = redress_composition_get_issues (c);
    for (guint i = 0; i < issues->len; i++)
      {
        RedressComposerIssue *issue = g_ptr_array_index (issues, i);

        found = found || (issue->blocking && strstr (issue->message, "7(h)") != NULL && issue->field_hint != NULL);
      }
    g_assert_true (found);
  }

  /* The public list of issues names nobody. */
  {
    g_autoptr(RedressComposition) c = compose (f, "communication", "en", REDRESS_PROFILE_PUBLIC, NULL);
    GPtrArray *issues = redress_composition_get_issues (c);

    for (guint i = 0; i < issues->len; i++)
      assert_no_protected (((RedressComposerIssue *) g_ptr_array_index (issues, i))->message, "an issue");
  }
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = redress_draft_create (f->db, f->case_id, "communication", "en", "committee", &error);
  g_autoptr(GHashTable) sections = NULL;
  g_autoptr(RedressDraftInfo) open = NULL;

  g_assert_no_error (error);
  g_assert_true (redress_draft_set_section (f->db, id, "facts", "# Context\n- first\n1. numbered", &error));
  g_assert_no_error (error);
  g_assert_true (redress_draft_set_options (f->db, id, "es", "public", &error));
  g_assert_no_error (error);
  /* Switching language keeps the prose. */
  sections = redress_draft_get_sections (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (sections, "facts"), ==, "# Context\n- first\n1. numbered");
  open = redress_draft_find_open (f->db, f->case_id, "communication", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (open->language, ==, "es");
  g_assert_cmpstr (open->profile, ==, "public");

  g_assert_null (redress_draft_create (f->db, f->case_id, "communication", "de", "committee", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (redress_draft_set_options (f->db, id, "en", "press", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* The prose goes into the document as headings, lists and paragraphs. */
  {
    g_autoptr(RedressComposition) c = compose (f, "communication", "es", REDRESS_PROFILE_COMMITTEE, sections);
    RedressDocument *doc = redress_composition_get_document (c);
    gboolean sub = FALSE, bullet = FALSE, numbered = FALSE;

    for (guint i = 0; i < redress_document_get_n_blocks (doc); i++)
      {
        const RedressBlock *b = redress_document_get_block (doc, i);

        sub = sub || (b->kind == REDRESS_BLOCK_SUBHEADING && g_str_equal (b->text, "Context"));
        bullet = bullet || (b->kind == REDRESS_BLOCK_BULLET && g_str_equal (b->text, "first"));
        numbered = numbered || (b->kind == REDRESS_BLOCK_NUMBERED && g_str_equal (b->text, "numbered") &&
                                g_strcmp0 (b->section_id, "facts") == 0);
      }
    g_assert_true (sub && bullet && numbered);
  }
}

/* The names of the case's recorded events, in order. */
static GPtrArray *
redress_record_list_events_for_test (Fixture *f)
{
  g_autoptr(GListModel) events = redress_record_list (f->db, REDRESS_TYPE_PROCEDURAL_EVENT, f->case_id, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(RedressRecord) event = g_list_model_get_item (events, i);

      g_ptr_array_add (names, g_strdup (redress_record_get_string (event, "event")));
    }
  return names;
}

static guint
count_letters (Fixture *f)
{
  g_autoptr(GPtrArray) letters = redress_correspondence_register_list (f->db, f->case_id, NULL);

  return letters->len;
}

/* Marking as submitted freezes the bytes with their hash, registers the
 * letter and records the event; a frozen draft never changes. */
static void
test_mark_submitted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autofree char *id = redress_draft_create (f->db, f->case_id, "communication", "fr", "committee", &error);
  g_autoptr(RedressComposition) c = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RedressDraftInfo) frozen = NULL;
  g_autoptr(RedressLetter) letter = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *stored = NULL;
  gsize stored_len;
  RedressSubmission s = { 0 };

  g_assert_no_error (error);
  redress_draft_set_section (f->db, id, "facts", "Texte de l’avocate.", &error);
  g_assert_no_error (error);
  c = compose (f, "communication", "fr", REDRESS_PROFILE_COMMITTEE, NULL);
  bytes = redress_composition_export (c, REDRESS_EXPORT_PDF, NULL, &error);
  g_assert_no_error (error);

  s.bytes = bytes;
  s.file_name = "RDR-2025-000777 communication fr.pdf";
  s.sent_on = "2025-07-20";
  s.subject = "Communication";
  s.event = redress_template_get_event (redress_composition_get_template (c));
  g_assert_cmpstr (s.event, ==, "sent_to_ohchr");

  frozen = redress_draft_mark_submitted (store, id, &s, &error);
  g_assert_no_error (error);
  g_assert_true (redress_draft_info_is_frozen (frozen));
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (frozen->frozen_sha256, ==, sha);
  g_assert_nonnull (frozen->event_id);

  /* The exact bytes are in the locker. */
  path = redress_evidence_store_get_original_path (store, sha);
  g_assert_true (g_file_get_contents (path, &stored, &stored_len, &error));
  g_assert_cmpmem (stored, stored_len, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* The outgoing letter, with the file attached and the event it reports. */
  letter = redress_correspondence_register_get (f->db, frozen->correspondence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (letter->direction, ==, "out");
  g_assert_cmpstr (letter->counterpart, ==, "committee");
  g_assert_cmpstr (letter->event_id, ==, frozen->event_id);
  g_assert_true (g_strv_contains ((const char * const *) letter->attachment_ids, frozen->evidence_id));
  stage = redress_procedure_get_stage (f->db, f->case_id, "main", &error);
  g_assert_cmpstr (stage, ==, "SUBMITTED");

  /* Frozen: no change, no second filing, no deletion. */
  g_assert_false (redress_draft_set_section (f->db, id, "facts", "Autre texte", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (redress_draft_set_options (f->db, id, "en", "committee", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (redress_draft_delete (f->db, id, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (redress_draft_mark_submitted (store, id, &s, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  {
    g_autoptr(GHashTable) sections = redress_draft_get_sections (f->db, id, &error);

    g_assert_cmpstr (g_hash_table_lookup (sections, "facts"), ==, "Texte de l’avocate.");
  }
  /* The filed document is not one of its own annexes. */
  {
    g_autoptr(RedressComposition) again = compose (f, "communication", "fr", REDRESS_PROFILE_COMMITTEE, NULL);

    g_assert_cmpuint (redress_document_get_n_annexes (redress_composition_get_document (again)), ==, 3);
  }
}

/* When the procedure refuses the filing (the case is already submitted),
 * nothing is recorded. */
static void
test_mark_submitted_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autofree char *first = redress_draft_create (f->db, f->case_id, "communication", "en", "committee", &error);
  g_autofree char *second = redress_draft_create (f->db, f->case_id, "communication", "en", "committee", &error);
  g_autoptr(GBytes) one = g_bytes_new_static ("%PDF-1 one", 10);
  g_autoptr(GBytes) two = g_bytes_new_static ("%PDF-1 two", 10);
  g_autoptr(RedressDraftInfo) frozen = NULL;
  g_autoptr(RedressDraftInfo) still = NULL;
  g_autoptr(GPtrArray) items = NULL;
  RedressSubmission s = { 0 };
  guint letters;

  s.file_name = "one.pdf";
  s.sent_on = "2025-07-20";
  s.event = "sent_to_ohchr";
  s.bytes = one;
  frozen = redress_draft_mark_submitted (store, first, &s, &error);
  g_assert_no_error (error);
  letters = count_letters (f);

  s.file_name = "two.pdf";
  s.bytes = two;
  g_assert_null (redress_draft_mark_submitted (store, second, &s, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_letters (f), ==, letters);
  still = redress_draft_get (f->db, second, &error);
  g_assert_false (redress_draft_info_is_frozen (still));
  items = redress_evidence_store_list (store, f->case_id, &error);
  g_assert_cmpuint (items->len, ==, 4);  /* three annexes and the first filing */

  s.sent_on = "20/07/2025";
  g_assert_null (redress_draft_mark_submitted (store, second, &s, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
}

/* Mark as Submitted and Record Event are one path: "Sent to OHCHR" recorded
 * first through Record Event is the event the filing attaches to; a case
 * still at intake has the internal steps recorded before its filing. */
static void
test_mark_submitted_after_event (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autofree char *id = redress_draft_create (f->db, f->case_id, "communication", "en", "committee", &error);
  g_autofree char *event_id = NULL;
  g_autofree char *stage = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1 filed", 12);
  g_autoptr(RedressDraftInfo) frozen = NULL;
  g_autoptr(RedressLetter) letter = NULL;
  g_autoptr(GPtrArray) events = NULL;
  RedressSubmission s = { 0 };
  guint n_sent = 0;

  g_assert_no_error (error);
  event_id = redress_procedure_record_event (f->db, f->case_id, "main", "sent_to_ohchr", "2025-07-18", NULL, NULL,
                                             NULL, &error);
  g_assert_no_error (error);

  s.bytes = bytes;
  s.file_name = "filed.pdf";
  s.sent_on = "2025-07-20";
  s.event = "sent_to_ohchr";
  frozen = redress_draft_mark_submitted (store, id, &s, &error);
  g_assert_no_error (error);
  g_assert_nonnull (frozen);
  g_assert_cmpstr (frozen->event_id, ==, event_id);

  letter = redress_correspondence_register_get (f->db, frozen->correspondence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (letter->event_id, ==, event_id);
  g_assert_cmpstr (letter->letter_date, ==, "2025-07-18");

  /* Recorded once, still submitted. */
  events = redress_record_list_events_for_test (f);
  for (guint i = 0; i < events->len; i++)
    n_sent += g_str_equal (g_ptr_array_index (events, i), "sent_to_ohchr");
  g_assert_cmpuint (n_sent, ==, 1);
  stage = redress_procedure_get_stage (f->db, f->case_id, "main", &error);
  g_assert_cmpstr (stage, ==, "SUBMITTED");
}

static void
test_mark_submitted_from_intake (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEvidenceStore) store = redress_evidence_store_new (f->db);
  g_autoptr(RedressCase) kase = redress_case_new ("communication", "RDR-2025-000778");
  g_autofree char *id = NULL;
  g_autofree char *stage = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1 intake", 13);
  g_autoptr(RedressDraftInfo) frozen = NULL;
  RedressSubmission s = { 0 };

  g_assert_true (redress_record_save (REDRESS_RECORD (kase), f->db, &error));
  g_assert_no_error (error);
  id = redress_draft_create (f->db, redress_record_get_id (REDRESS_RECORD (kase)), "communication", "en",
                             "committee", &error);
  g_assert_no_error (error);

  s.bytes = bytes;
  s.file_name = "intake.pdf";
  s.sent_on = "2025-07-20";
  s.event = "sent_to_ohchr";
  frozen = redress_draft_mark_submitted (store, id, &s, &error);
  g_assert_no_error (error);
  g_assert_nonnull (frozen->event_id);
  stage = redress_procedure_get_stage (f->db, redress_record_get_id (REDRESS_RECORD (kase)), "main", &error);
  g_assert_cmpstr (stage, ==, "SUBMITTED");
}

/* Typography: a paragraph follows its article ("article 28(1)"), never in
 * doubled or unbalanced parentheses; an undated annex has one pair; the
 * representative is the Author; no page holds only the signature. */
static void
test_typography (Fixture       *f,
                 gconstpointer  data)
{
  const char *languages[] = { "en", "fr", "es" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressRecord) v = redress_record_load (f->db, REDRESS_TYPE_VIOLATION, f->violation, &error);

  g_assert_no_error (error);
  redress_record_set_string (v, "paragraph", "(1)");
  g_assert_true (redress_record_save (v, f->db, &error));
  g_assert_no_error (error);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(RedressComposition) c = compose (f, "communication", languages[l], REDRESS_PROFILE_COMMITTEE, NULL);
      RedressDocument *doc = redress_composition_get_document (c);
      g_autofree char *text = redress_document_to_text (doc);

      g_assert_nonnull (strstr (text, "28(1)"));
      g_assert_null (strstr (text, "(("));
      /* French and Spanish write lettered subparagraphs "7 h)", so only
       * English must balance throughout. */
      if (g_str_equal (languages[l], "en"))
        {
          int open = 0, close = 0;

          for (const char *p = text; *p != '\0'; p++)
            open += *p == '(', close += *p == ')';
          g_assert_cmpint (open, ==, close);
        }
      g_assert_null (strstr (text, "(1))"));
      g_assert_cmpstr (redress_document_get_author (doc), ==, "Ana Costa");
    }

  /* However long the text before it, the signature never starts the last
   * page alone. */
  for (guint n = 1; n < 90; n += 3)
    {
      g_autoptr(RedressDocument) doc = redress_document_new ("en");
      RedressPages *pages;
      guint last, sig;

      for (guint i = 0; i < n; i++)
        redress_document_add (doc, REDRESS_BLOCK_PARAGRAPH, "facts",
                              "A paragraph of the facts, long enough to take two or three lines of the page "
                              "when it is laid out in the body font at the width of the text block.");
      redress_document_add (doc, REDRESS_BLOCK_HEADING, "signature", "Signature");
      redress_document_add (doc, REDRESS_BLOCK_LINES, "signature", "Done at Madrid\nAna Costa");
      pages = redress_pages_new (doc);
      last = redress_pages_get_n_pages (pages) - 1;
      sig = redress_document_get_n_blocks (doc) - 1;
      if (last > 0 && redress_pages_get_block_page (pages, sig) == last)
        g_assert_cmpuint (redress_pages_get_block_page (pages, sig - 2), ==, last);
      redress_pages_free (pages);
    }
}

static int
run_cli (char       **out,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("REDRESS_CLI");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text, &stderr_text,
                &wait_status, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_strconcat (stdout_text, stderr_text, NULL);
  if (!g_spawn_check_wait_status (wait_status, &error))
    return error->code;
  return 0;
}

static char *
read_back (const char          *path,
           RedressExportFormat  format,
           GBytes             **out_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  text = redress_export_extract_text (bytes, format, &error);
  g_assert_no_error (error);
  if (out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);
  return text;
}

/* redress-cli compose, end to end: French PDF and ODT, a public version with
 * no name of the family in it, bad arguments refused, and the filing. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *docket = g_build_filename (f->dir, "docket.redress", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "communication.pdf", NULL);
  g_autofree char *odt = g_build_filename (f->dir, "public.odt", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "communication.doc", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  RedressDraftInfo *frozen;

  g_assert_cmpint (run_cli (&out, "--docket", docket, "compose", "RDR-2025-000777", "--template", "communication",
                            "--lang", "fr", "--profile", "committee", "--date", TODAY, "--output", pdf, NULL), ==, 0);
  text = read_back (pdf, REDRESS_EXPORT_PDF, NULL);
  g_assert_nonnull (strstr (text, "Exposé des faits"));
  g_assert_nonnull (strstr (text, "Mariana Oliveira"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, "--docket", docket, "compose", "RDR-2025-000777", "--lang", "es", "--profile",
                            "public", "--output", odt, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Leak check passed"));
  text = read_back (odt, REDRESS_EXPORT_ODT, NULL);
  assert_no_protected (text, "the public ODT from the command line");
  g_assert_nonnull (strstr (text, "5. Exposición de los hechos"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, "--docket", docket, "compose", "RDR-2025-000777", "--lang", "de", "--output", pdf,
                            NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "compose", "RDR-2025-000777", "--output", bad, NULL), ==, 2);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, "--docket", docket, "compose", "RDR-2025-000777", "--profile", "public",
                            "--mark-submitted", "--output", pdf, NULL), ==, 2);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, "--docket", docket, "compose", "RDR-2025-000777", "--lang", "fr", "--date", TODAY,
                            "--output", pdf, "--mark-submitted", "--sent-on", "2025-07-21", NULL), ==, 0);
  text = read_back (pdf, REDRESS_EXPORT_PDF, &bytes);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_nonnull (strstr (out, sha));
  drafts = redress_draft_list (f->db, f->case_id, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);
  frozen = g_ptr_array_index (drafts, 0);
  g_assert_true (redress_draft_info_is_frozen (frozen));
  g_assert_cmpstr (frozen->frozen_sha256, ==, sha);
  g_assert_cmpstr (frozen->frozen_name, ==, "RDR-2025-000777 communication fr.pdf");
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Every case of the demonstration docket composes and renders, in public too. */
static void
test_demo_docket (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-composer-demo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.redress", NULL);
  g_autoptr(RedressDatabase) db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_autoptr(RedressCaseList) list = NULL;
  guint n;

  g_assert_no_error (error);
  redress_demo_generate (db, 1, 12, NULL, NULL, &error);
  g_assert_no_error (error);
  list = redress_case_list_new (db);
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    guint tick = g_timeout_add (10, tick_cb, NULL);

    while (redress_case_list_get_loading (list))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
    g_source_remove (tick);
  }
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 12);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RedressCase) kase = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *id = redress_record_get_id (REDRESS_RECORD (kase));
      const char *document = g_str_equal (redress_case_get_kind (kase), "inquiry") ? "inquiry" : "communication";
      g_autoptr(RedressComposition) c = redress_composer_compose (db, id, document, i % 2 ? "fr" : "es",
                                                                  REDRESS_PROFILE_PUBLIC, NULL, TODAY, &error);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GBytes) odt = NULL;

      g_assert_no_error (error);
      pdf = redress_composition_export (c, REDRESS_EXPORT_PDF, NULL, &error);
      g_assert_no_error (error);
      odt = redress_composition_export (c, REDRESS_EXPORT_ODT, NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&list);
  redress_database_close (db);
  g_clear_object (&db);
  redress_test_rm_rf (dir);
}

/* Every string value of the case's export: its own free text, which a draft
 * quotes as the lawyer wrote it, in whatever language. */
static void
collect_strings (JsonNode  *node,
                 GPtrArray *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (out, squash (json_node_get_string (node)));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        collect_strings (l->data, out);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GList) elements = json_array_get_elements (json_node_get_array (node));

      for (GList *l = elements; l != NULL; l = l->next)
        collect_strings (l->data, out);
    }
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

/* @word in @text, not inside a longer word ("Jordan" is not in "Jordania"). */
static gboolean
has_word (const char *text,
          const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean starts = p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean ends = p[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + n));

      if (starts && ends)
        return TRUE;
    }
  return FALSE;
}

/* An English text the draft in @lang must not contain: @english, unless the
 * language writes it the same way. */
static void
add_english (GHashTable *english,
             const char *text,
             const char *translated,
             const char *what)
{
  if (text != NULL && text[0] != '\0' && g_strcmp0 (text, translated) != 0)
    g_hash_table_insert (english, g_strdup (text), g_strdup (what));
}

/* A French or a Spanish draft of a demo case names no State in English and
 * uses no English stage name or choice label; only the case's own free text
 * (here English, as the demo writes it) stays as written. */
static void
test_drafts_in_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-composer-lang-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.redress", NULL);
  g_autoptr(RedressDatabase) db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_autoptr(RedressReference) ref = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char * const langs[] = { "fr", "es" };
  guint checked = 0;

  g_assert_no_error (error);
  redress_demo_generate (db, 1, 12, NULL, NULL, &error);
  g_assert_no_error (error);
  ref = redress_reference_new_bundled (&error);
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (_redress_database_get_handle (db),
                                         "SELECT id FROM case_file WHERE kind = 'communication' ORDER BY reference",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    sqlite3_finalize (stmt);
  }
  g_assert_cmpuint (ids->len, >, 0);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      const char *lang = langs[l];
      g_autoptr(GHashTable) english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_auto(GStrv) stages = NULL;
      const char * const *(*value_lists[]) (void) = {
        redress_case_kind_get_values, redress_role_get_values, redress_treaty_get_values,
        redress_direction_get_values, redress_counterpart_get_values, redress_evidence_kind_get_values,
        redress_not_pursued_reason_get_values, redress_deadline_status_get_values,
        redress_event_track_get_values,
      };
      const char *(*label_funcs[]) (const char *) = {
        redress_case_kind_get_label, redress_role_get_label, redress_treaty_get_label,
        redress_direction_get_label, redress_counterpart_get_label, redress_evidence_kind_get_label,
        redress_not_pursued_reason_get_label, redress_deadline_status_get_label,
        redress_event_track_get_label,
      };

      if (redress_l10n_lookup (redress_l10n_get_localedir (), GETTEXT_PACKAGE, lang, "Intake") == NULL)
        g_test_message ("no %s catalogue in the build: stage and choice labels are not checked", lang);

      for (guint i = 0; i < redress_reference_get_n_states (ref); i++)
        {
          const RedressStateRecord *state = redress_reference_get_state (ref, i);

          add_english (english, state->name, redress_reference_get_state_name (ref, state, lang), "State");
        }
      /* The window is English here: the labels are the msgids. */
      stages = redress_lifecycle_list_stages (redress_lifecycle_get_default (), "communication");
      for (guint i = 0; stages != NULL && stages[i] != NULL; i++)
        {
          const char *label = redress_lifecycle_stage_label (stages[i]);

          add_english (english, label, redress_l10n_gettext (lang, label), "stage");
        }
      for (guint k = 0; k < G_N_ELEMENTS (value_lists); k++)
        for (const char * const *v = value_lists[k] (); v != NULL && *v != NULL; v++)
          {
            const char *label = label_funcs[k] (*v);

            add_english (english, label, redress_l10n_gettext (lang, label), "choice label");
          }
      g_assert_cmpstr (redress_reference_get_state_name (ref, redress_reference_lookup_state (ref, "ES"), lang),
                       !=, "Spain");

      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          g_autoptr(RedressComposition) c = redress_composer_compose (db, id, "communication", lang,
                                                                      REDRESS_PROFILE_COMMITTEE, NULL, TODAY, &error);
          g_autofree char *raw = NULL;
          g_autofree char *squashed = NULL;
          g_autofree char *json = redress_exchange_export_case (db, id, &error);
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GString) text = NULL;
          GHashTableIter iter;
          gpointer key, value;

          g_assert_no_error (error);
          raw = export_text (c, REDRESS_EXPORT_PDF, NULL);
          squashed = squash (raw);
          text = g_string_new (squashed);
          g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
          g_assert_no_error (error);
          collect_strings (json_parser_get_root (parser), own);
          /* The case's own words out, longest first ("v. Spain" is in the title). */
          g_ptr_array_sort (own, longest_first);
          for (guint j = 0; j < own->len; j++)
            if (strlen (g_ptr_array_index (own, j)) >= 3)
              g_string_replace (text, g_ptr_array_index (own, j), " ", 0);

          g_hash_table_iter_init (&iter, english);
          while (g_hash_table_iter_next (&iter, &key, &value))
            if (has_word (text->str, key))
              g_error ("The %s draft of %s has the English %s “%s”:\n%s", lang, id, (const char *) value,
                       (const char *) key, text->str);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 2 * ids->len);

  redress_database_close (db);
  g_clear_object (&db);
  redress_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  redress_composer_init ();

  g_test_add_func ("/composer/templates", test_templates_consistent);
  g_test_add_func ("/composer/dates-typography", test_dates_and_typography);
  g_test_add ("/composer/every-template", Fixture, NULL, fixture_setup, test_every_template_renders, fixture_teardown);
  g_test_add ("/composer/communication", Fixture, NULL, fixture_setup, test_communication_content, fixture_teardown);
  g_test_add ("/composer/article-titles", Fixture, NULL, fixture_setup, test_article_titles, fixture_teardown);
  g_test_add ("/composer/public", Fixture, NULL, fixture_setup, test_public_profile, fixture_teardown);
  g_test_add ("/composer/odt", Fixture, NULL, fixture_setup, test_odt_package, fixture_teardown);
  g_test_add ("/composer/docx", Fixture, NULL, fixture_setup, test_docx_package, fixture_teardown);
  g_test_add ("/composer/missing", Fixture, NULL, fixture_setup, test_missing_items, fixture_teardown);
  g_test_add ("/composer/drafts", Fixture, NULL, fixture_setup, test_drafts, fixture_teardown);
  g_test_add ("/composer/submit", Fixture, NULL, fixture_setup, test_mark_submitted, fixture_teardown);
  g_test_add ("/composer/typography", Fixture, NULL, fixture_setup, test_typography, fixture_teardown);
  g_test_add ("/composer/submit-after-event", Fixture, NULL, fixture_setup, test_mark_submitted_after_event,
              fixture_teardown);
  g_test_add ("/composer/submit-from-intake", Fixture, NULL, fixture_setup, test_mark_submitted_from_intake,
              fixture_teardown);
  g_test_add ("/composer/submit-refused", Fixture, NULL, fixture_setup, test_mark_submitted_refused,
              fixture_teardown);
  g_test_add ("/composer/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  g_test_add_func ("/composer/demo-docket", test_demo_docket);
  g_test_add_func ("/composer/drafts-in-language", test_drafts_in_language);
  return g_test_run ();
}
