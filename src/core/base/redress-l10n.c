/* redress-l10n.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gettext answers in the process's language only (LANGUAGE, LC_MESSAGES), and
 * changing the locale is not thread-safe.  A draft has its own language, which
 * the composer thread asks for while the window speaks another, so catalogues
 * for a given language are read here directly from their .mo files (the GNU
 * format: a header, then two tables of lengths and offsets).  A catalogue is
 * read once and kept for the life of the process, so the strings returned are
 * never freed.
 */

#define G_LOG_DOMAIN "redress-l10n"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "redress-l10n.h"
#include "redress-util.h"

#define ISO_CODES_LOCALEDIR ISO_CODES_PREFIX "/share/locale"
#define ISO_3166_JSON       ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json"

static GMutex l10n_lock;

/**
 * redress_l10n_get_localedir:
 *
 * The folder of the program's compiled catalogues: $REDRESS_LOCALEDIR when
 * set (an uninstalled run: `make run` and the tests point it at the build
 * tree), else the installed LOCALEDIR.
 */
const char *
redress_l10n_get_localedir (void)
{
  const char *dir = g_getenv ("REDRESS_LOCALEDIR");

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}

/**
 * redress_l10n_bind_textdomain:
 *
 * Binds the program's text domain to redress_l10n_get_localedir() and makes
 * it the default; the GUI and the command line call it first thing.
 */
void
redress_l10n_bind_textdomain (void)
{
  bindtextdomain (GETTEXT_PACKAGE, redress_l10n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * redress_l10n_ui_language:
 *
 * The language the window speaks: the "Language:" of the program's own
 * catalogue that gettext chose, so that country names and dates follow the
 * catalogue actually in use (LANGUAGE=es without a Spanish catalogue gives an
 * English window, and English country names with it).
 *
 * Returns: (transfer none): "fr", "es", "pt_BR" ..., or "en"
 */
const char *
redress_l10n_ui_language (void)
{
  /* gettext of the empty string is the catalogue's header. */
  static const char empty[] = "";
  const char *header = dgettext (GETTEXT_PACKAGE, empty);
  const char *p = header != NULL ? strstr (header, "Language: ") : NULL;
  g_autofree char *lang = NULL;
  gsize n;

  if (p == NULL)
    return "en";
  p += strlen ("Language: ");
  n = strcspn (p, "\n ");
  if (n == 0)
    return "en";
  lang = g_strndup (p, n);
  return g_intern_string (lang);
}

/* .mo files ---------------------------------------------------------------- */

static guint32
read_u32 (const guchar *data,
          gsize         offset,
          gboolean      big_endian)
{
  const guchar *p = data + offset;

  if (big_endian)
    return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* Returns msgid → msgstr (singular forms), or NULL if @path is no catalogue. */
static GHashTable *
read_mo (const char *path)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guchar *data;
  gsize size;
  gboolean big_endian;
  guint32 n, originals, translations;
  GHashTable *table;

  if (file == NULL)
    return NULL;
  data = (const guchar *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    return NULL;
  if (read_u32 (data, 0, FALSE) == 0x950412de)
    big_endian = FALSE;
  else if (read_u32 (data, 0, TRUE) == 0x950412de)
    big_endian = TRUE;
  else
    return NULL;

  n = read_u32 (data, 8, big_endian);
  originals = read_u32 (data, 12, big_endian);
  translations = read_u32 (data, 16, big_endian);
  if ((guint64) originals + 8 * (guint64) n > size || (guint64) translations + 8 * (guint64) n > size)
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = read_u32 (data, originals + 8 * i, big_endian);
      guint32 id_off = read_u32 (data, originals + 8 * i + 4, big_endian);
      guint32 str_len = read_u32 (data, translations + 8 * i, big_endian);
      guint32 str_off = read_u32 (data, translations + 8 * i + 4, big_endian);

      if ((guint64) id_off + id_len >= size || (guint64) str_off + str_len >= size)
        break;
      if (id_len == 0 || str_len == 0)
        continue;   /* the header, or an untranslated entry */
      /* A plural entry holds "singular\0plural": keep the singular of both. */
      g_hash_table_insert (table,
                           g_strndup ((const char *) data + id_off, id_len),
                           g_strndup ((const char *) data + str_off, str_len));
    }
  return table;
}

/* "pt_BR.UTF-8@x" → "pt_BR", "pt". */
static GPtrArray *
language_variants (const char *lang)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = g_strndup (lang, strcspn (lang, ".@"));

  g_ptr_array_add (out, g_strdup (base));
  if (strchr (base, '_') != NULL)
    g_ptr_array_add (out, g_strndup (base, strcspn (base, "_")));
  return out;
}

static GHashTable *
get_catalogue_locked (const char *localedir,
                      const char *domain,
                      const char *lang)
{
  static GHashTable *catalogues;   /* "dir\x1fdomain\x1flang" → table, or the empty table */
  g_autofree char *key = g_strjoin ("\x1f", localedir, domain, lang, NULL);
  GHashTable *table;

  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);

  table = g_hash_table_lookup (catalogues, key);
  if (table == NULL)
    {
      g_autoptr(GPtrArray) variants = language_variants (lang);

      for (guint i = 0; table == NULL && i < variants->len; i++)
        {
          g_autofree char *file = g_strconcat (domain, ".mo", NULL);
          g_autofree char *path = g_build_filename (localedir, (char *) g_ptr_array_index (variants, i),
                                                    "LC_MESSAGES", file, NULL);

          table = read_mo (path);
        }
      if (table == NULL)
        table = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (catalogues, g_steal_pointer (&key), table);
    }
  return table;
}

/**
 * redress_l10n_lookup:
 * @localedir: the folder holding LANG/LC_MESSAGES/DOMAIN.mo
 * @domain: the text domain
 * @lang: a language ("fr", "es_AR")
 * @msgid: the untranslated text (for a context, "context\004msgid")
 *
 * Thread-safe; does not depend on or change the process locale.
 *
 * Returns: (transfer none) (nullable): the translation, or NULL when the
 *   catalogue or the entry is missing
 */
const char *
redress_l10n_lookup (const char *localedir,
                     const char *domain,
                     const char *lang,
                     const char *msgid)
{
  const char *found;

  g_return_val_if_fail (localedir != NULL && domain != NULL, NULL);

  if (lang == NULL || msgid == NULL || msgid[0] == '\0')
    return NULL;

  g_mutex_lock (&l10n_lock);
  found = g_hash_table_lookup (get_catalogue_locked (localedir, domain, lang), msgid);
  g_mutex_unlock (&l10n_lock);
  return found;
}

/**
 * redress_l10n_gettext:
 * @lang: (nullable): a language; NULL for the window's
 * @msgid: a string of the program's catalogue
 *
 * Returns: (transfer none): @msgid in @lang, or @msgid itself
 */
const char *
redress_l10n_gettext (const char *lang,
                      const char *msgid)
{
  const char *found;

  if (lang == NULL)
    return _(msgid);
  found = redress_l10n_lookup (redress_l10n_get_localedir (), GETTEXT_PACKAGE, lang, msgid);
  return found != NULL ? found : msgid;
}

/* Country names -------------------------------------------------------------- */

typedef struct
{
  char *name;
  char *official_name;
  char *common_name;
} IsoCountry;

static void
iso_country_free (gpointer data)
{
  IsoCountry *c = data;

  g_free (c->name);
  g_free (c->official_name);
  g_free (c->common_name);
  g_free (c);
}

static char *
member_string (JsonObject *object,
               const char *member)
{
  return json_object_has_member (object, member)
           ? g_strdup (json_object_get_string_member (object, member)) : NULL;
}

/* alpha-2 → IsoCountry, from iso-codes' iso_3166-1.json; empty if absent. */
static GHashTable *
get_iso_countries_locked (void)
{
  static GHashTable *countries;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *list;

  if (countries != NULL)
    return countries;

  countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, iso_country_free);
  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, ISO_3166_JSON, &error))
    {
      g_debug ("No iso-codes country list (%s): country names stay in English", error->message);
      return countries;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "3166-1"))
    return countries;
  list = json_object_get_array_member (json_node_get_object (root), "3166-1");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);
      IsoCountry *c;

      if (entry == NULL || !json_object_has_member (entry, "alpha_2") || !json_object_has_member (entry, "name"))
        continue;
      c = g_new0 (IsoCountry, 1);
      c->name = member_string (entry, "name");
      c->official_name = member_string (entry, "official_name");
      c->common_name = member_string (entry, "common_name");
      g_hash_table_insert (countries, member_string (entry, "alpha_2"), c);
    }
  return countries;
}

/* iso-codes writes some names inverted for sorting ("Corée, République de");
 * inside a sentence they read "République de Corée". */
static char *
uninvert (const char *name)
{
  const char *comma = strstr (name, ", ");
  g_autofree char *head = NULL;
  const char *tail;

  if (comma == NULL)
    return g_strdup (name);
  head = g_strndup (name, comma - name);
  tail = comma + 2;
  return g_strconcat (tail, g_str_has_suffix (tail, "'") || g_str_has_suffix (tail, "’") ? "" : " ",
                      head, NULL);
}

static gboolean
is_english (const char *lang)
{
  return lang == NULL || g_str_equal (lang, "C") || g_str_equal (lang, "POSIX") ||
         (g_str_has_prefix (lang, "en") && (lang[2] == '\0' || lang[2] == '_' || lang[2] == '.'));
}

/**
 * redress_l10n_country_name:
 * @code: an ISO 3166-1 alpha-2 code
 * @english_name: the English name from the States file, used for English and
 *   whenever no translation is found
 * @lang: (nullable): "fr", "es" ...; NULL for the window's language
 *
 * The State's name in @lang from the iso_3166-1 catalogue of iso-codes.  Of
 * the names iso-codes knows (the States file's own, the official, the short and
 * the common one) the first translated one is taken, in sentence order
 * ("Corée, République de" becomes "République de Corée").
 *
 * Returns: (transfer none): the name
 */
const char *
redress_l10n_country_name (const char *code,
                           const char *english_name,
                           const char *lang)
{
  static GHashTable *names;   /* "lang\x1fcode\x1fenglish" → name */
  g_autofree char *key = NULL;
  g_autofree char *upper = NULL;
  const char *result;
  IsoCountry *iso;

  g_return_val_if_fail (english_name != NULL, NULL);

  if (lang == NULL)
    lang = redress_l10n_ui_language ();
  if (code == NULL || is_english (lang))
    return english_name;

  key = g_strjoin ("\x1f", lang, code, english_name, NULL);
  g_mutex_lock (&l10n_lock);
  if (names == NULL)
    names = g_hash_table_new (g_str_hash, g_str_equal);
  result = g_hash_table_lookup (names, key);
  if (result != NULL)
    {
      g_mutex_unlock (&l10n_lock);
      return result;
    }

  upper = g_ascii_strup (code, -1);
  iso = g_hash_table_lookup (get_iso_countries_locked (), upper);
  {
    GHashTable *catalogue = get_catalogue_locked (ISO_CODES_LOCALEDIR, "iso_3166-1", lang);
    /* The common name ("Corée du Sud") last: the Committee uses the formal
     * short name ("République de Corée"). */
    const char *candidates[] = { english_name,
                                 iso ? iso->official_name : NULL,
                                 iso ? iso->name : NULL,
                                 iso ? iso->common_name : NULL };
    char *chosen = NULL;

    for (guint i = 0; chosen == NULL && i < G_N_ELEMENTS (candidates); i++)
      {
        const char *t = candidates[i] != NULL ? g_hash_table_lookup (catalogue, candidates[i]) : NULL;

        /* Skip "l'État de Palestine": a name must start a sentence. */
        if (t == NULL || g_unichar_islower (g_utf8_get_char (t)))
          continue;
        chosen = uninvert (t);
      }
    if (chosen == NULL)
      chosen = g_strdup (english_name);
    result = chosen;
    g_hash_table_insert (names, g_steal_pointer (&key), chosen);
  }
  g_mutex_unlock (&l10n_lock);
  return result;
}

/* Searching and sorting ------------------------------------------------------ */

/**
 * redress_l10n_fold:
 * @text: UTF-8 text
 *
 * @text case-folded and without its accents, for matching what a user types
 * ("etats" finds "États-Unis", "peru" finds "Perú").
 *
 * Returns: (transfer full): the folded text
 */
char *
redress_l10n_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_steal_pointer (&folded);
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK &&
          g_unichar_type (c) != G_UNICODE_ENCLOSING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * redress_l10n_collate_key:
 * @text: UTF-8 text
 *
 * A key that sorts names as the locale's collation does, accents second:
 * "Égypte" with the E's even where the locale is C.
 *
 * Returns: (transfer full): a key for strcmp()
 */
char *
redress_l10n_collate_key (const char *text)
{
  g_autofree char *folded = redress_l10n_fold (text);
  g_autofree char *primary = g_utf8_collate_key (folded, -1);
  g_autofree char *secondary = g_utf8_collate_key (text != NULL ? text : "", -1);

  return g_strconcat (primary, "\001", secondary, NULL);
}

/* Dates ------------------------------------------------------------------ */

/* TRUE when LC_TIME is a real locale in the window's language, so GLib's own
 * formats (nl_langinfo) speak the same language as the window. */
static gboolean
time_locale_matches_ui (void)
{
  const char *lc_time = setlocale (LC_TIME, NULL);
  const char *ui = redress_l10n_ui_language ();
  gsize n = strcspn (ui, "_.@");

  if (lc_time == NULL || g_str_equal (lc_time, "C") || g_str_equal (lc_time, "POSIX") ||
      g_str_has_prefix (lc_time, "C."))
    return FALSE;
  return strncmp (lc_time, ui, n) == 0 && (lc_time[n] == '_' || lc_time[n] == '.' || lc_time[n] == '\0');
}

static const char *
month_name (int month)
{
  static const char * const months[] = {
    NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
    NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
    NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
    NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month name", months[month - 1]);
}

/**
 * redress_l10n_format_date:
 * @iso: a legal date "YYYY-MM-DD", or a partial one "YYYY-MM" or "YYYY"
 *
 * The date as the window's language writes it: with GLib's formats of the
 * locale when LC_TIME is a locale of that language ("%x"), else with the
 * catalogue's own pattern and month names ("3 décembre 2026",
 * "3 de diciembre de 2026").  A partial date stays partial ("décembre 2026",
 * "2013"), never a day.
 *
 * Returns: (transfer full): the date, or @iso itself when it is not a date
 */
char *
redress_l10n_format_date (const char *iso)
{
  int y = 0, m = 0, d = 0;
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;

  if (iso == NULL || !redress_partial_date_is_valid (iso))
    return g_strdup (iso != NULL ? iso : "");

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) < 1)
    return g_strdup (iso);
  year = g_strdup_printf ("%d", y);
  if (m < 1 || m > 12)
    return g_steal_pointer (&year);

  if (time_locale_matches_ui ())
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, d > 0 ? d : 1, 0, 0, 0);

      if (dt != NULL)
        return g_date_time_format (dt, d > 0 ? "%x" : "%OB %Y");
    }

  if (d == 0)
    /* Translators: a month and year in the window, e.g. "December 2026":
     * %1$s the month's name, %2$s the year. */
    return g_strdup_printf (C_("date", "%1$s %2$s"), month_name (m), year);

  day = g_strdup_printf ("%d", d);
  /* Translators: a date in the window, e.g. "3 December 2026": %1$s the day,
   * %2$s the month's name, %3$s the year.  Use your language's order
   * ("3 de diciembre de 2026"); never put the month before the day where your
   * language does not. */
  return g_strdup_printf (C_("date", "%1$s %2$s %3$s"), day, month_name (m), year);
}

/**
 * redress_l10n_format_date_short:
 * @iso: a legal date "YYYY-MM-DD", or a partial one "YYYY-MM" or "YYYY"
 *
 * The date in digits for a narrow column: "%x" of the locale when LC_TIME is
 * a locale of the window's language, else the catalogue's pattern: ISO 8601
 * in English ("2026-12-03"), day first in French and Spanish ("03/12/2026").
 *
 * Returns: (transfer full): the date, or @iso itself when it is not a date
 */
char *
redress_l10n_format_date_short (const char *iso)
{
  int y = 0, m = 0, d = 0;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;

  if (iso == NULL || !redress_partial_date_is_valid (iso))
    return g_strdup (iso != NULL ? iso : "");
  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) < 1)
    return g_strdup (iso);
  year = g_strdup_printf ("%04d", y);
  if (m < 1 || m > 12)
    return g_steal_pointer (&year);
  month = g_strdup_printf ("%02d", m);

  if (d > 0 && time_locale_matches_ui ())
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, d, 0, 0, 0);

      if (dt != NULL)
        return g_date_time_format (dt, "%x");
    }

  if (d == 0)
    /* Translators: a month in digits for a narrow column: %1$s the month
     * (two digits), %2$s the year; "%1$s/%2$s" gives 12/2026. */
    return g_strdup_printf (C_("short date", "%2$s-%1$s"), month, year);
  day = g_strdup_printf ("%02d", d);
  /* Translators: a date in digits for a narrow column: %1$s the day, %2$s the
   * month, %3$s the year (two, two and four digits).  English keeps ISO 8601
   * (2026-12-03), which no reader takes month first; "%1$s/%2$s/%3$s" gives
   * 03/12/2026. */
  return g_strdup_printf (C_("short date", "%3$s-%2$s-%1$s"), day, month, year);
}

/* Bidirectional text ----------------------------------------------------- */

/**
 * redress_bidi_isolate:
 * @text: (nullable): user text of any direction
 *
 * @text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so that a
 * name in Arabic inside a Latin line ("ليلى العلي v. Denmark") keeps its own
 * direction and does not reorder what is around it.
 *
 * Returns: (transfer full): the isolated text
 */
char *
redress_bidi_isolate (const char *text)
{
  return g_strconcat ("\u2068", text != NULL ? text : "", "\u2069", NULL);
}

/**
 * redress_bidi_case_title:
 * @title: (nullable): a case title, often "NAME v. STATE"
 *
 * Pango takes a label's direction from its first strong letter, even inside
 * an isolate, so "ليلى العلي v. Denmark" is laid out right-to-left and reads
 * "Denmark .v ليلى العلي".  A title in the Committee's form "NAME v. STATE"
 * gets each party isolated (FSI … PDI) and a LEFT-TO-RIGHT MARK for the
 * "v." that joins them; any other title keeps its own direction.
 *
 * Returns: (transfer full): the text to show
 */
char *
redress_bidi_case_title (const char *title)
{
  const char *v;

  if (title == NULL)
    return g_strdup ("");
  v = strstr (title, " v. ");
  if (v == NULL || v == title || v[4] == '\0')
    return g_strdup (title);
  {
    g_autofree char *left = g_strndup (title, v - title);

    return g_strconcat ("\u200e\u2068", left, "\u2069 v. \u2068", v + 4, "\u2069", NULL);
  }
}
