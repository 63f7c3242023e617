/* redress-reference.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * States and the rights catalogue, from the bundled data/ files or from a
 * newer states file the user imported into the docket.
 */

#define G_LOG_DOMAIN "redress-reference"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-csv.h"
#include "redress-database-private.h"
#include "redress-date.h"
#include "redress-l10n.h"
#include "redress-reference.h"
#include "redress-util.h"

#define DATA_PATH "/io/github/redress/Redress/model/data/"

/* The "status as at" date of the bundled states.csv: the UN Treaty Collection
 * snapshot it was built from is later than the 25 September 2024 signature it
 * lists (domain.md §4.1, source S1 [V]).  Year-only cells come from a 2022
 * extract (S15 [S]). */
#define BUNDLED_STATES_AS_OF "2024-09-25"

/* OP3 art 19(1) [V] S5, S1: in force on 14 April 2014, three months after the
 * tenth instrument. */
#define OP3_FIRST_ENTRY_INTO_FORCE "2014-04-14"

static const char * const state_columns[] = {
  "iso3166_alpha2", "name", "crc", "opsc", "opac", "op3", "op3_art13_optout",
  "crc_status", "opsc_status", "opac_status", "op3_status", "op3_entry_into_force", "sources",
};

enum {
  COL_CODE, COL_NAME, COL_CRC, COL_OPSC, COL_OPAC, COL_OP3, COL_OPTOUT,
  COL_CRC_STATUS, COL_OPSC_STATUS, COL_OPAC_STATUS, COL_OP3_STATUS, COL_EIF, COL_SOURCES,
  N_STATE_COLUMNS
};

struct _RedressReference
{
  GObject     parent_instance;

  GPtrArray  *states;        /* RedressStateRecord */
  GHashTable *states_by_code;
  GPtrArray  *rights;        /* RedressRightRecord */
  char       *data_as_of;
  char       *origin;
};

G_DEFINE_FINAL_TYPE (RedressReference, redress_reference, G_TYPE_OBJECT)

static void
state_record_free (gpointer data)
{
  RedressStateRecord *r = data;

  g_free (r->code);
  g_free (r->name);
  for (guint i = 0; i < REDRESS_N_TREATIES; i++)
    g_free (r->dates[i]);
  g_free (r->art13_optout);
  g_free (r->op3_eif_listed);
  g_free (r->op3_eif);
  g_free (r->op3_eif_earliest);
  g_free (r->op3_eif_latest);
  g_free (r->sources);
  for (guint t = 0; t < REDRESS_N_TREATIES; t++)
    g_free (r->status_as_of[t]);
  g_free (r);
}

static void
right_record_free (gpointer data)
{
  RedressRightRecord *r = data;

  g_free (r->treaty);
  g_free (r->article);
  g_free (r->short_title);
  g_free (r->kind);
  g_free (r);
}

static void
redress_reference_finalize (GObject *object)
{
  RedressReference *self = (RedressReference *)object;

  g_clear_pointer (&self->states_by_code, g_hash_table_unref);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->rights, g_ptr_array_unref);
  g_clear_pointer (&self->data_as_of, g_free);
  g_clear_pointer (&self->origin, g_free);

  G_OBJECT_CLASS (redress_reference_parent_class)->finalize (object);
}

static void
redress_reference_class_init (RedressReferenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = redress_reference_finalize;
}

static void
redress_reference_init (RedressReference *self)
{
  self->states = g_ptr_array_new_with_free_func (state_record_free);
  self->states_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->rights = g_ptr_array_new_with_free_func (right_record_free);
}

const char *
redress_treaty_to_string (RedressTreaty treaty)
{
  static const char * const names[] = { "CRC", "OPSC", "OPAC", "OP3" };

  g_return_val_if_fail (treaty < REDRESS_N_TREATIES, NULL);
  return names[treaty];
}

gboolean
redress_treaty_from_string (const char    *str,
                            RedressTreaty *out)
{
  for (guint i = 0; i < REDRESS_N_TREATIES; i++)
    if (g_strcmp0 (str, redress_treaty_to_string (i)) == 0)
      {
        *out = i;
        return TRUE;
      }
  /* rights.csv calls the communications protocol "OPIC". */
  if (g_strcmp0 (str, "OPIC") == 0)
    {
      *out = REDRESS_TREATY_OP3;
      return TRUE;
    }
  return FALSE;
}

const char *
redress_treaty_status_to_string (RedressTreatyStatus status)
{
  switch (status)
    {
    case REDRESS_TREATY_STATUS_PARTY:
      return "party";
    case REDRESS_TREATY_STATUS_SIGNATORY:
      return "signatory";
    case REDRESS_TREATY_STATUS_NONE:
      return "none";
    case REDRESS_TREATY_STATUS_UNKNOWN:
    default:
      return "unknown";
    }
}

static gboolean
parse_status (const char          *str,
              RedressTreatyStatus *out)
{
  for (RedressTreatyStatus s = REDRESS_TREATY_STATUS_UNKNOWN; s <= REDRESS_TREATY_STATUS_PARTY; s++)
    if (g_strcmp0 (str, redress_treaty_status_to_string (s)) == 0)
      {
        *out = s;
        return TRUE;
      }
  return FALSE;
}

/**
 * redress_reference_compute_op3_eif:
 * @deposit: the date of deposit of ratification or accession, possibly only a year
 *
 * OP3 art 19 [V]: max (14 April 2014, deposit + 3 months).  With a year-only
 * deposit the result is a range; both ends are equal when the date is exact.
 *
 * Returns: %FALSE when @deposit is not a date.
 */
gboolean
redress_reference_compute_op3_eif (const char  *deposit,
                                   char       **out_earliest,
                                   char       **out_latest)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (deposit == NULL || !redress_partial_date_range (deposit, &first, &last))
    return FALSE;

  a = redress_iso_date_add (first, REDRESS_PERIOD_MONTHS, 3);
  b = redress_iso_date_add (last, REDRESS_PERIOD_MONTHS, 3);
  *out_earliest = g_strdup (redress_iso_date_max (a, OP3_FIRST_ENTRY_INTO_FORCE));
  *out_latest = g_strdup (redress_iso_date_max (b, OP3_FIRST_ENTRY_INTO_FORCE));
  return TRUE;
}

static gboolean
valid_optional_date (const char *str)
{
  return *str == '\0' || redress_partial_date_is_valid (str);
}

/* Parses and checks states.csv text; every message names the line. */
static gboolean
load_states (RedressReference  *self,
             const char        *text,
             gssize             length,
             GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  GStrv header;
  int map[N_STATE_COLUMNS];

  rows = redress_csv_parse (text, length, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len < 2)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The States file has no rows."));
      return FALSE;
    }

  header = g_ptr_array_index (rows, 0);
  for (guint c = 0; c < N_STATE_COLUMNS; c++)
    {
      map[c] = redress_csv_column (header, state_columns[c]);
      if (map[c] < 0)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("The States file has no column “%s”; it must have the columns of the bundled states.csv."),
                       state_columns[c]);
          return FALSE;
        }
    }

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      guint n = g_strv_length (row);
      RedressStateRecord *r;
      const char *cell[N_STATE_COLUMNS];
      guint line = i + 1;

      for (guint c = 0; c < N_STATE_COLUMNS; c++)
        cell[c] = (guint) map[c] < n ? row[map[c]] : "";

      if (strlen (cell[COL_CODE]) != 2 || !g_ascii_isupper (cell[COL_CODE][0]) ||
          !g_ascii_isupper (cell[COL_CODE][1]))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("Row %u of the States file: “%s” is not a two-letter country code."),
                       line, cell[COL_CODE]);
          return FALSE;
        }
      if (g_hash_table_contains (self->states_by_code, cell[COL_CODE]))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("Row %u of the States file: the code “%s” appears twice."),
                       line, cell[COL_CODE]);
          return FALSE;
        }

      r = g_new0 (RedressStateRecord, 1);
      g_ptr_array_add (self->states, r);
      r->code = g_strdup (cell[COL_CODE]);
      r->name = g_strdup (cell[COL_NAME]);
      r->art13_optout = g_strdup (cell[COL_OPTOUT]);
      r->op3_eif_listed = g_strdup (cell[COL_EIF]);
      r->sources = g_strdup (cell[COL_SOURCES]);
      g_hash_table_insert (self->states_by_code, r->code, r);

      for (guint t = 0; t < REDRESS_N_TREATIES; t++)
        {
          const char *date = cell[COL_CRC + t];
          const char *status = cell[COL_CRC_STATUS + t];

          if (!valid_optional_date (date))
            {
              g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("Row %u of the States file: “%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)."),
                           line, date);
              return FALSE;
            }
          if (!parse_status (status, &r->status[t]))
            {
              g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("Row %u of the States file: the status “%s” is not one of party, signatory, none or unknown."),
                           line, status);
              return FALSE;
            }
          r->dates[t] = g_strdup (date);
        }

      if (*r->art13_optout != '\0' && g_strcmp0 (r->art13_optout, "yes") != 0 &&
          g_strcmp0 (r->art13_optout, "no") != 0)
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("Row %u of the States file: the art 13(7) opt-out must be “yes”, “no” or empty, not “%s”."),
                       line, r->art13_optout);
          return FALSE;
        }
      if (*r->op3_eif_listed != '\0' && !redress_iso_date_is_valid (r->op3_eif_listed))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("Row %u of the States file: the OP3 entry into force “%s” is not a date (YYYY-MM-DD)."),
                       line, r->op3_eif_listed);
          return FALSE;
        }

      /* Entry into force: the file's value where it gives one (it records
       * verified dates such as the first ten States), else art 19. */
      if (r->status[REDRESS_TREATY_OP3] == REDRESS_TREATY_STATUS_PARTY)
        {
          if (*r->op3_eif_listed != '\0')
            {
              r->op3_eif = g_strdup (r->op3_eif_listed);
              r->op3_eif_earliest = g_strdup (r->op3_eif_listed);
              r->op3_eif_latest = g_strdup (r->op3_eif_listed);
            }
          else if (redress_reference_compute_op3_eif (r->dates[REDRESS_TREATY_OP3],
                                                      &r->op3_eif_earliest, &r->op3_eif_latest) &&
                   g_strcmp0 (r->op3_eif_earliest, r->op3_eif_latest) == 0)
            r->op3_eif = g_strdup (r->op3_eif_earliest);
        }
    }

  return TRUE;
}

static gboolean
load_rights (RedressReference  *self,
             GError           **error)
{
  g_autoptr(GPtrArray) rows = redress_csv_load_resource (DATA_PATH "rights.csv", error);
  GStrv header;
  int ct, ca, cs, ck;

  if (rows == NULL)
    return FALSE;
  header = g_ptr_array_index (rows, 0);
  ct = redress_csv_column (header, "treaty");
  ca = redress_csv_column (header, "article");
  cs = redress_csv_column (header, "short_title");
  ck = redress_csv_column (header, "kind");
  g_return_val_if_fail (ct >= 0 && ca >= 0 && cs >= 0 && ck >= 0, FALSE);

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      RedressRightRecord *r;

      if (g_strv_length (row) <= (guint) MAX (MAX (ct, ca), MAX (cs, ck)))
        continue;
      r = g_new0 (RedressRightRecord, 1);
      r->treaty = g_strdup (row[ct]);
      r->article = g_strdup (row[ca]);
      r->short_title = g_strdup (row[cs]);
      r->kind = g_strdup (row[ck]);
      g_ptr_array_add (self->rights, r);
    }
  return TRUE;
}

/* The source date of the mid-2022 secondary extract (domain.md §4.1, S15):
 * the OPSC file is dated 13 June 2022, the others 29 May 2022. */
static const char *
extract_date (RedressTreaty t)
{
  return t == REDRESS_TREATY_OPSC ? "2022-06-13" : "2022-05-29";
}

/* Whether the sources cell says the status of @t comes from the 2022 extract. */
static gboolean
from_2022_extract (const char    *sources,
                   RedressTreaty  t)
{
  static const char * const prefixes[] = { "crc:", "opsc:", "opac:", "op3:" };
  g_auto(GStrv) parts = g_strsplit (sources != NULL ? sources : "", ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *p = g_strstrip (parts[i]);

      if (g_str_has_prefix (p, prefixes[t]))
        return g_str_has_prefix (g_strstrip ((char *) p + strlen (prefixes[t])), "WPDL-2022");
    }
  return FALSE;
}

/* Per row and treaty, the date its status describes, once the file's "as
 * of" date is known; and the §4.2 staleness of the OP3 status. */
static void
set_row_dates (RedressReference *self)
{
  for (guint i = 0; i < self->states->len; i++)
    {
      RedressStateRecord *r = g_ptr_array_index (self->states, i);

      for (guint t = 0; t < REDRESS_N_TREATIES; t++)
        {
          const char *as_of = self->data_as_of;

          if (from_2022_extract (r->sources, t) && strcmp (extract_date (t), as_of) < 0)
            as_of = extract_date (t);
          g_free (r->status_as_of[t]);
          r->status_as_of[t] = g_strdup (as_of);
        }
      r->op3_status_may_be_stale = from_2022_extract (r->sources, REDRESS_TREATY_OP3) &&
                                   r->status[REDRESS_TREATY_OP3] == REDRESS_TREATY_STATUS_SIGNATORY &&
                                   g_utf8_collate (r->name, "Monaco") > 0 &&
                                   strcmp (extract_date (REDRESS_TREATY_OP3), self->data_as_of) < 0;
    }
}

/**
 * redress_reference_new_bundled:
 *
 * Returns: (transfer full): the reference data shipped with Redress.
 */
RedressReference *
redress_reference_new_bundled (GError **error)
{
  g_autoptr(RedressReference) self = g_object_new (REDRESS_TYPE_REFERENCE, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  redress_model_init ();
  bytes = g_resources_lookup_data (DATA_PATH "states.csv", 0, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!load_states (self, data, (gssize) len, error) || !load_rights (self, error))
    return NULL;
  self->data_as_of = g_strdup (BUNDLED_STATES_AS_OF);
  self->origin = g_strdup ("bundled");
  set_row_dates (self);
  return g_steal_pointer (&self);
}

/**
 * redress_reference_load:
 * @db: an open docket
 *
 * Returns: (transfer full): the States file last imported into @db, or the
 *   bundled one when none was.
 */
RedressReference *
redress_reference_load (RedressDatabase  *db,
                        GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(RedressReference) self = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  stmt = redress_database_prepare (db,
                                   "SELECT content, new_as_of, imported_at FROM ref_data_import "
                                   "WHERE dataset = 'states' ORDER BY imported_at DESC, rowid DESC LIMIT 1",
                                   error);
  if (stmt == NULL)
    return NULL;
  rc = redress_statement_step (stmt);
  if (rc == REDRESS_STEP_DONE)
    return redress_reference_new_bundled (error);
  if (rc != REDRESS_STEP_ROW)
    {
      redress_statement_set_error (stmt, error, _("Could not read the imported reference data"));
      return NULL;
    }

  self = g_object_new (REDRESS_TYPE_REFERENCE, NULL);
  if (!load_states (self, redress_statement_column_text (stmt, 0), -1, error) || !load_rights (self, error))
    {
      g_prefix_error (error, _("The imported States file in this docket is unusable: "));
      return NULL;
    }
  self->data_as_of = g_strdup (redress_statement_column_text (stmt, 1));
  self->origin = g_strdup_printf ("imported %.10s", redress_statement_column_text (stmt, 2));
  set_row_dates (self);
  return g_steal_pointer (&self);
}

/* "YYYY-MM-DD": the date the ratification data describes. */
const char *
redress_reference_get_data_as_of (RedressReference *self)
{
  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  return self->data_as_of;
}

/* "bundled", or "imported YYYY-MM-DD". */
const char *
redress_reference_get_origin (RedressReference *self)
{
  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  return self->origin;
}

guint
redress_reference_get_n_states (RedressReference *self)
{
  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), 0);
  return self->states->len;
}

const RedressStateRecord *
redress_reference_get_state (RedressReference *self,
                             guint             index)
{
  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (index < self->states->len, NULL);
  return g_ptr_array_index (self->states, index);
}

const RedressStateRecord *
redress_reference_lookup_state (RedressReference *self,
                                const char       *code)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  if (code == NULL)
    return NULL;
  upper = g_ascii_strup (code, -1);
  return g_hash_table_lookup (self->states_by_code, upper);
}

/**
 * redress_reference_get_state_name:
 * @state: a State of @self
 * @lang: (nullable): the language of a document ("fr", "es"), or NULL for
 *   the window's language
 *
 * The State's name in @lang, from iso-codes (redress_l10n_country_name()):
 * "Espagne", "España".  The States file's English name for English and for a
 * State iso-codes does not translate.  Safe from any thread.
 *
 * Returns: (transfer none): the name
 */
const char *
redress_reference_get_state_name (RedressReference         *self,
                                  const RedressStateRecord *state,
                                  const char               *lang)
{
  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  return redress_l10n_country_name (state->code, state->name, lang);
}

typedef struct
{
  const RedressStateRecord *state;
  char                     *key;
} SortEntry;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortEntry *x = a;
  const SortEntry *y = b;

  return strcmp (x->key, y->key);
}

/**
 * redress_reference_dup_states_sorted:
 * @lang: (nullable): as for redress_reference_get_state_name()
 *
 * The States in the order of their names in @lang, by the locale's collation
 * (redress_l10n_collate_key(): accents second).
 *
 * Returns: (transfer container) (element-type RedressStateRecord): the
 *   States, owned by @self
 */
GPtrArray *
redress_reference_dup_states_sorted (RedressReference *self,
                                     const char       *lang)
{
  g_autoptr(GArray) entries = NULL;
  GPtrArray *out;

  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);

  entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), self->states->len);
  for (guint i = 0; i < self->states->len; i++)
    {
      const RedressStateRecord *state = g_ptr_array_index (self->states, i);
      SortEntry e = { state, redress_l10n_collate_key (redress_reference_get_state_name (self, state, lang)) };

      g_array_append_val (entries, e);
    }
  g_array_sort (entries, sort_entry_compare);

  out = g_ptr_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *e = &g_array_index (entries, SortEntry, i);

      g_ptr_array_add (out, (gpointer) e->state);
      g_free (e->key);
    }
  return out;
}

guint
redress_reference_get_n_rights (RedressReference *self)
{
  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), 0);
  return self->rights->len;
}

/**
 * redress_reference_get_right:
 * @index: from 0 to redress_reference_get_n_rights() - 1
 *
 * Returns: (transfer none): the right at @index, in the catalogue's order
 *   (by treaty, then by article).
 */
const RedressRightRecord *
redress_reference_get_right (RedressReference *self,
                             guint             index)
{
  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (index < self->rights->len, NULL);

  return g_ptr_array_index (self->rights, index);
}

/* @article may carry a paragraph path ("37(a)"): only its number is matched. */
const RedressRightRecord *
redress_reference_lookup_right (RedressReference *self,
                                const char       *treaty,
                                const char       *article)
{
  RedressTreaty t, rt;
  guint64 number;
  char *end = NULL;

  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  if (!redress_treaty_from_string (treaty, &t) || article == NULL)
    return NULL;
  number = g_ascii_strtoull (article, &end, 10);
  if (end == article)
    return NULL;

  for (guint i = 0; i < self->rights->len; i++)
    {
      RedressRightRecord *r = g_ptr_array_index (self->rights, i);

      if (redress_treaty_from_string (r->treaty, &rt) && rt == t &&
          g_ascii_strtoull (r->article, NULL, 10) == number)
        return r;
    }
  return NULL;
}

/* Translated short titles, data/rights.LANG.csv: one table per language
 * (treaty "\x1f" article → title), read from the bundled resource once for
 * the whole program. */
static const char * const title_languages[] = { "fr", "es" };

static GHashTable *
load_titles (const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf (DATA_PATH "rights.%s.csv", lang);
  g_autoptr(GPtrArray) rows = redress_csv_load_resource (path, &error);
  GHashTable *titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GStrv header;
  int ct, ca, cs;

  if (rows == NULL || rows->len == 0)
    {
      g_warning ("Cannot read the %s article titles: %s", lang,
                 error != NULL ? error->message : "empty file");
      return titles;
    }
  header = g_ptr_array_index (rows, 0);
  ct = redress_csv_column (header, "treaty");
  ca = redress_csv_column (header, "article");
  cs = redress_csv_column (header, "short_title");
  if (ct < 0 || ca < 0 || cs < 0)
    {
      g_warning ("The %s article titles lack the treaty, article or short_title column", lang);
      return titles;
    }
  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);

      if (g_strv_length (row) <= (guint) MAX (MAX (ct, ca), cs) || *row[cs] == '\0')
        continue;
      g_hash_table_insert (titles, g_strconcat (row[ct], "\x1f", row[ca], NULL), g_strdup (row[cs]));
    }
  return titles;
}

/* "fr", "fr_BE", "fr-CA", "fr_FR.UTF-8" all name French. */
static gboolean
language_matches (const char *lang,
                  const char *code)
{
  gsize n = strlen (code);

  return g_ascii_strncasecmp (lang, code, n) == 0 &&
         (lang[n] == '\0' || lang[n] == '_' || lang[n] == '-' || lang[n] == '.' || lang[n] == '@');
}

/**
 * redress_reference_get_right_title:
 * @right: a right of the catalogue
 * @lang: (nullable): the language of the document, "en", "fr" or "es"
 *
 * The article's short title in @lang, from data/rights.fr.csv and
 * data/rights.es.csv; the English title of rights.csv for "en", for any other
 * language, and for an article the translation lacks.
 *
 * Returns: (transfer none): the title
 */
const char *
redress_reference_get_right_title (RedressReference         *self,
                                   const RedressRightRecord *right,
                                   const char               *lang)
{
  static GHashTable *titles[G_N_ELEMENTS (title_languages)];
  static gsize loaded = 0;

  g_return_val_if_fail (REDRESS_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (right != NULL, NULL);

  if (lang == NULL)
    return right->short_title;

  if (g_once_init_enter (&loaded))
    {
      for (guint l = 0; l < G_N_ELEMENTS (title_languages); l++)
        titles[l] = load_titles (title_languages[l]);
      g_once_init_leave (&loaded, 1);
    }

  for (guint l = 0; l < G_N_ELEMENTS (title_languages); l++)
    if (language_matches (lang, title_languages[l]))
      {
        g_autofree char *key = g_strconcat (right->treaty, "\x1f", right->article, NULL);
        const char *title = g_hash_table_lookup (titles[l], key);

        return title != NULL ? title : right->short_title;
      }
  return right->short_title;
}

/**
 * redress_reference_import_states:
 * @db: an open, writable docket
 * @text: a States file with the columns of the bundled states.csv
 * @source_name: where it came from (a file name)
 * @as_of: the "status as at" date of the new data, "YYYY-MM-DD"
 *
 * Checks the whole file, then makes it the docket's reference data and
 * records the change (who, when, the file's SHA-256, the old and new dates).
 * A file that does not check changes nothing.
 */
gboolean
redress_reference_import_states (RedressDatabase  *db,
                                 const char       *text,
                                 gssize            length,
                                 const char       *source_name,
                                 const char       *as_of,
                                 GError          **error)
{
  return redress_reference_import_states_full (db, text, length, source_name, as_of,
                                               REDRESS_REFERENCE_IMPORT_DEFAULT, error);
}

/* Every code of @check is one of the States Redress knows (the bundled file
 * lists every UN member and observer State), and, unless @flags allow it,
 * every State of @previous is still there. */
static gboolean
check_states (RedressReference            *check,
              RedressReference            *previous,
              RedressReferenceImportFlags  flags,
              GError                     **error)
{
  g_autoptr(RedressReference) bundled = redress_reference_new_bundled (error);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();

  if (bundled == NULL)
    return FALSE;
  for (guint i = 0; i < check->states->len; i++)
    {
      RedressStateRecord *r = g_ptr_array_index (check->states, i);

      if (!g_hash_table_contains (bundled->states_by_code, r->code))
        {
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                       _("Row %u of the States file: “%s” is not the code of a State (ISO 3166-1 "
                         "alpha-2, as in the bundled states.csv). Nothing was imported."),
                       i + 2, r->code);
          return FALSE;
        }
    }
  for (guint i = 0; i < previous->states->len; i++)
    {
      RedressStateRecord *r = g_ptr_array_index (previous->states, i);

      if (!g_hash_table_contains (check->states_by_code, r->code))
        g_ptr_array_add (dropped, r->code);
    }
  if (dropped->len > 0 && !(flags & REDRESS_REFERENCE_IMPORT_REPLACE_ALL))
    {
      g_autoptr(GString) some = g_string_new (NULL);

      for (guint i = 0; i < MIN (dropped->len, 10); i++)
        g_string_append_printf (some, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (dropped, i));
      if (dropped->len > 10)
        g_string_append (some, ", …");
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The States file leaves out %u State the docket knows (%s): its cases "
                                "would lose their ratification data. Nothing was imported; to replace "
                                "the whole list anyway, import it with --replace-all.",
                                "The States file leaves out %u States the docket knows (%s): their cases "
                                "would lose their ratification data. Nothing was imported; to replace "
                                "the whole list anyway, import it with --replace-all.",
                                dropped->len),
                   dropped->len, some->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
redress_reference_import_states_full (RedressDatabase            *db,
                                      const char                 *text,
                                      gssize                      length,
                                      const char                 *source_name,
                                      const char                 *as_of,
                                      RedressReferenceImportFlags flags,
                                      GError                    **error)
{
  g_autoptr(RedressReference) check = g_object_new (REDRESS_TYPE_REFERENCE, NULL);
  g_autoptr(RedressReference) previous = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *content = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *id = redress_uuid_new ();
  g_autofree char *now = redress_timestamp_now ();
  gsize len;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!redress_iso_date_is_valid (as_of))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The “status as at” date of the new data must be a date (YYYY-MM-DD)."));
      return FALSE;
    }
  len = length < 0 ? strlen (text) : (gsize) length;
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The States file has a NUL byte at byte %" G_GSIZE_FORMAT ", so it is not a text "
                     "file. Nothing was imported."),
                   (gsize) ((const char *) memchr (text, '\0', len) - text) + 1);
      return FALSE;
    }
  /* A spreadsheet saves "UTF-8 with BOM": the mark is not part of the text. */
  if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      len -= 3;
    }
  if (!g_utf8_validate (text, (gssize) len, NULL))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The States file is not UTF-8 text. Save it as CSV UTF-8 and import it again. "
                     "Nothing was imported."));
      return FALSE;
    }
  content = g_strndup (text, len);
  if (!load_states (check, content, -1, error))
    return FALSE;

  previous = redress_reference_load (db, error);
  if (previous == NULL)
    return FALSE;
  if (!check_states (check, previous, flags, error))
    return FALSE;
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);

  if (!_redress_database_begin (db, error))
    return FALSE;
  stmt = redress_database_prepare (db,
                                   "INSERT INTO ref_data_import (id, dataset, imported_at, actor, source_name, "
                                   "sha256, rows, previous_as_of, new_as_of, content) "
                                   "VALUES (?, 'states', ?, redress_actor (), ?, ?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    {
      _redress_database_rollback (db);
      return FALSE;
    }
  redress_statement_bind_text (stmt, 1, id);
  redress_statement_bind_text (stmt, 2, now);
  redress_statement_bind_text (stmt, 3, source_name ? source_name : "");
  redress_statement_bind_text (stmt, 4, sha);
  redress_statement_bind_int64 (stmt, 5, (int) check->states->len);
  redress_statement_bind_text (stmt, 6, previous->data_as_of);
  redress_statement_bind_text (stmt, 7, as_of);
  redress_statement_bind_text (stmt, 8, content);
  rc = redress_statement_step (stmt);
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not save the imported States file"));
      _redress_database_rollback (db);
      return FALSE;
    }
  if (!_redress_database_commit (db, error))
    return FALSE;

  return TRUE;
}
