/* test-cli.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * redress-cli end to end, run as a user would run it ($REDRESS_CLI).  JSON
 * output is checked with SQLite's JSON functions, which the model links.
 */

#include "config.h"
#include "redress-test-util.h"
#include "redress-sqlite-private.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

typedef struct
{
  char *dir;
  char *a;   /* docket paths */
  char *b;
} Fixture;

static int run_in (char **envp, char **out, char **err, const char *first, va_list ap);

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_in (NULL, out, err, first, ap);
  va_end (ap);
  return status;
}

/* As run(), with LANGUAGE=@lang (NULL: without LANGUAGE, in English). */
static int
run_lang (const char  *lang,
          char       **out,
          const char  *first,
          ...)
{
  g_auto(GStrv) envp = g_get_environ ();
  va_list ap;
  int status;

  envp = lang != NULL ? g_environ_setenv (envp, "LANGUAGE", lang, TRUE) : g_environ_unsetenv (envp, "LANGUAGE");
  va_start (ap, first);
  status = run_in (envp, out, NULL, first, ap);
  va_end (ap);
  return status;
}

static int
run_in (char       **envp,
        char       **out,
        char       **err,
        const char  *first,
        va_list      ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("REDRESS_CLI");
  const char *arg;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *) cli);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &wait_status, &error);
  g_assert_no_error (error);

  /* What an earlier call left there is replaced, not leaked. */
  if (out != NULL)
    {
      g_free (*out);
      *out = g_steal_pointer (&stdout_text);
    }
  if (err != NULL)
    {
      g_free (*err);
      *err = g_steal_pointer (&stderr_text);
    }

  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_assert_true (error->domain == G_SPAWN_EXIT_ERROR);
      return error->code;
    }
  return 0;
}

/* A JSON helper over SQLite: the value at @path of @json as text. */
static char *
json_get (const char *json,
          const char *sql_expr)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s", sql_expr);
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
assert_json (const char *json)
{
  g_autofree char *valid = json_get (json, "json_valid (?1)");

  g_assert_cmpstr (valid, ==, "1");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("redress-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->a = g_build_filename (fixture->dir, "a", "docket.redress", NULL);
  fixture->b = g_build_filename (fixture->dir, "b", "docket.redress", NULL);
}


static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  redress_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->a);
  g_free (fixture->b);
}

static void
test_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &err, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "no command"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, "--docket", "/nonexistent/x.redress", "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "unknown command “frobnicate”"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, NULL, "--help", NULL), ==, 0);
  for (const char *c = "init\0demo\0list\0show\0search\0export\0import\0backup\0verify\0"; *c;
       c += strlen (c) + 1)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", c);

      if (strstr (out, line) == NULL)
        g_error ("--help does not list %s:\n%s", c, out);
    }
}

static void
test_demo_is_deterministic (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *list_a = NULL;
  g_autofree char *list_b = NULL;
  g_autofree char *err = NULL;
  g_autofree char *n = NULL;
  g_autofree char *incomplete = NULL;
  g_autofree char *kinds = NULL;
  g_autofree char *bad_states = NULL;

  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "init", "--no-encryption", NULL), ==, 0);
  g_assert_false (g_file_test (fixture->b, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "demo", "--cases", "30", "--seed", "7", NULL), ==, 0);
  /* demo makes the docket when there is none yet, like init. */
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->b, "demo", "--cases", "30", "--seed", "7", NULL), ==, 0);
  g_assert_cmpint (run (&list_a, &err, "--docket", fixture->a, "list", "--json", NULL), ==, 0);
  g_assert_cmpint (run (&list_b, NULL, "--docket", fixture->b, "list", "--json", NULL), ==, 0);

  assert_json (list_a);
  g_assert_cmpstr (list_a, ==, list_b);

  n = json_get (list_a, "json_array_length (?1)");
  g_assert_cmpstr (n, ==, "30");
  incomplete = json_get (list_a, "count(*) FROM json_each (?1) WHERE "
                                 "json_type (value, '$.reference') IS NOT 'text' OR "
                                 "json_type (value, '$.title') IS NOT 'text' OR "
                                 "json_type (value, '$.kind') IS NOT 'text' OR "
                                 "json_type (value, '$.state') IS NOT 'text' OR "
                                 "json_type (value, '$.stage') IS NOT 'text' OR "
                                 "value ->> '$.title' = '' OR value ->> '$.stage' = ''");
  g_assert_cmpstr (incomplete, ==, "0");
  kinds = json_get (list_a, "group_concat (k) FROM (SELECT DISTINCT value ->> '$.kind' AS k "
                            "FROM json_each (?1) ORDER BY k)");
  g_assert_cmpstr (kinds, ==, "communication,inquiry");
  bad_states = json_get (list_a, "count(*) FROM json_each (?1) WHERE length (value ->> '$.state') != 2");
  g_assert_cmpstr (bad_states, ==, "0");

  /* Another seed makes another docket. */
  {
    g_autofree char *list_c = NULL;

    g_assert_cmpint (run (NULL, NULL, "--docket", fixture->b, "demo", "--cases", "5", "--seed", "8", NULL), ==, 0);
    g_assert_cmpint (run (&list_c, NULL, "--docket", fixture->b, "list", "--json", NULL), ==, 0);
    g_clear_pointer (&n, g_free);
    n = json_get (list_c, "json_array_length (?1)");
    g_assert_cmpstr (n, ==, "35");
  }
}

static void
test_end_to_end (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *list = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *word = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *shown_a = NULL;
  g_autofree char *shown_b = NULL;
  g_autofree char *format = NULL;
  g_autofree char *hits = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "case.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.redress", NULL);
  g_autofree char *backup_docket = g_build_filename (backup, "docket.redress", NULL);
  g_autofree char *inquiries = NULL;

  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "init", "--no-encryption", NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "demo", "--cases", "30", "--seed", "3", NULL), ==, 0);
  g_assert_cmpint (run (&list, NULL, "--docket", fixture->a, "list", "--json", NULL), ==, 0);
  reference = json_get (list, "value ->> '$.reference' FROM json_each (?1) "
                              "WHERE value ->> '$.kind' = 'communication' LIMIT 1");
  title = json_get (list, "value ->> '$.title' FROM json_each (?1) "
                          "WHERE value ->> '$.kind' = 'communication' LIMIT 1");
  g_assert_nonnull (reference);

  /* Human output: aligned columns with a header. */
  g_assert_cmpint (run (&out, NULL, "--docket", fixture->a, "list", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Reference  "));
  g_assert_nonnull (strstr (out, reference));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&out, NULL, "--docket", fixture->a, "show", reference, NULL), ==, 0);
  g_assert_nonnull (strstr (out, reference));
  g_assert_nonnull (strstr (out, title));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run (&shown_a, NULL, "--docket", fixture->a, "show", reference, "--json", NULL), ==, 0);
  assert_json (shown_a);
  format = json_get (shown_a, "?1 ->> '$.format'");
  g_assert_cmpstr (format, ==, "redress-case");

  /* Search finds the case by the first word of its title. */
  word = g_strndup (title, strcspn (title, " "));
  g_assert_cmpint (run (&hits, NULL, "--docket", fixture->a, "search", word, "--json", "--limit", "100", NULL), ==, 0);
  assert_json (hits);
  {
    g_autofree char *sql = g_strdup_printf ("count(*) FROM json_each (?1) WHERE value ->> '$.reference' = '%s'",
                                            reference);
    g_autofree char *found = json_get (hits, sql);

    g_assert_cmpstr (found, !=, "0");
  }

  /* Export, import into another docket: the same case comes out. */
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "export", reference, file, NULL), ==, 0);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->b, "init", "--no-encryption", NULL), ==, 0);
  g_assert_cmpint (run (&out, NULL, "--docket", fixture->b, "import", file, NULL), ==, 0);
  g_assert_nonnull (strstr (out, reference));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&shown_b, NULL, "--docket", fixture->b, "show", reference, "--json", NULL), ==, 0);
  g_assert_cmpstr (shown_a, ==, shown_b);

  /* A second import of the same case is refused, and says how to replace it. */
  g_assert_cmpint (run (NULL, &err, "--docket", fixture->b, "import", file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, reference));
  g_assert_nonnull (strstr (err, "--replace"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->b, "import", "--replace", file, NULL), ==, 0);

  /* Only inquiries. */
  g_assert_cmpint (run (&inquiries, NULL, "--docket", fixture->a, "list", "--kind", "inquiry", "--json", NULL), ==, 0);
  {
    g_autofree char *others = json_get (inquiries, "count(*) FROM json_each (?1) WHERE value ->> '$.kind' != 'inquiry'");
    g_autofree char *count = json_get (inquiries, "json_array_length (?1)");

    g_assert_cmpstr (others, ==, "0");
    g_assert_cmpstr (count, !=, "0");
  }

  /* Backup, and the copy verifies and lists the same cases. */
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "backup", backup, NULL), ==, 0);
  g_assert_cmpint (run (&out, NULL, "--docket", fixture->a, "verify", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  /* A backup is a folder; the docket inside opens as it is. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (run (&out, NULL, "--docket", backup_docket, "verify", "--json", NULL), ==, 0);
  assert_json (out);
  {
    g_autofree char *ok = json_get (out, "?1 ->> '$.ok'");

    g_assert_cmpstr (ok, ==, "1");
  }
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (&out, NULL, "--docket", backup_docket, "list", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, list);
  g_clear_pointer (&out, g_free);

  /* Errors: an unknown case, a missing argument. */
  g_assert_cmpint (run (NULL, &err, "--docket", fixture->a, "show", "NO-SUCH-CASE", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "NO-SUCH-CASE"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "--docket", fixture->a, "export", reference, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "--docket", fixture->a, "list", "--frob", NULL), ==, 2);
}

static void
test_bad_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  const char *json =
    "{\"format\": \"redress-case\", \"version\": 1,\n"
    " \"people\": [{\"id\": \"0b7d3e52-6c1f-4f0a-8e29-5a4d1c3b7e02\", \"given_name\": \"Ana\"}],\n"
    " \"case\": {\"id\": \"6f1c2a54-0a8e-4c57-9d41-2b8f3c7e9a01\", \"kind\": \"communication\",\n"
    "  \"reference\": \"BAD-1\", \"opened_on\": \"2023-02-30\",\n"
    "  \"parties\": [{\"id\": \"7c4e0fc9-3d8a-4a7b-9f90-2b1e8d0c4f09\",\n"
    "    \"person_id\": \"0b7d3e52-6c1f-4f0a-8e29-5a4d1c3b7e02\", \"role\": \"vicitm\"}]}}\n";

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "init", "--no-encryption", NULL), ==, 0);
  g_assert_cmpint (run (NULL, &err, "--docket", fixture->a, "import", file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "case.opened_on: “2023-02-30”"));
  g_assert_nonnull (strstr (err, "case.parties[0].role: “vicitm” is not one of author, victim"));
  g_assert_cmpint (run (&out, NULL, "--docket", fixture->a, "list", "--json", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, "[]");
}

static void
test_wrong_passphrase (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *right = g_build_filename (fixture->dir, "right", NULL);
  g_autofree char *wrong = g_build_filename (fixture->dir, "wrong", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (right, "tangerine elephant 42\n", -1, NULL));
  g_assert_true (g_file_set_contents (wrong, "tangerine elephant 43\n", -1, NULL));

  g_assert_cmpint (run (&out, NULL, "--docket", fixture->a, "--passphrase-file", right, "init", "--encrypt", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "encrypted"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "--passphrase-file", right, "demo", "--cases", "3", NULL), ==, 0);

  /* The file does not hold the names in clear text. */
  g_assert_true (g_file_get_contents (fixture->a, &contents, NULL, NULL));
  g_assert_false (g_str_has_prefix (contents, "SQLite format 3"));

  g_assert_cmpint (run (NULL, &err, "--docket", fixture->a, "--passphrase-file", wrong, "list", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "passphrase is not right"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &err, "--docket", fixture->a, "list", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--passphrase-file"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, NULL, "--docket", fixture->a, "--passphrase-file", right, "list", "--json", NULL), ==, 0);
  {
    g_autofree char *n = json_get (out, "json_array_length (?1)");

    g_assert_cmpstr (n, ==, "3");
  }

  g_assert_cmpint (run (NULL, &err, "--docket", fixture->b, "init", "--encrypt", NULL), ==, 2);
  g_assert_false (g_file_test (fixture->b, G_FILE_TEST_EXISTS));
}

/* The explanations of `check`, after the table: "GROUND: text" lines. */
static GPtrArray *
explanations (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  gboolean table = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        table = FALSE;
      else if (!table && strstr (lines[i], ": ") != NULL)
        g_ptr_array_add (found, g_strdup (lines[i]));
    }
  return found;
}

/* Every string of a case's JSON: its own text, written in any language. */
static void
collect_strings (JsonNode  *node,
                 GPtrArray *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (strlen (json_node_get_string (node)) >= 3)
        g_ptr_array_add (out, g_strdup (json_node_get_string (node)));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));

      for (GList *l = values; l != NULL; l = l->next)
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

static gboolean
has_english_word (const char *text)
{
  const char * const words[] = { "the", "is", "has", "of", "and", "was", "not", "with", "before", NULL };
  g_auto(GStrv) tokens = g_regex_split_simple ("[^[:alpha:]]+", text, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_strv_contains (words, tokens[i]))
      return TRUE;
  return FALSE;
}

/* `check` explains every ground in the language of LANGUAGE when the build
 * has its catalogue (French; Spanish once es.po exists): each explanation
 * differs from the English one and has no English word in it. */
static void
test_check_in_language (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const langs[] = { "fr", "es" };
  g_autofree char *list = NULL;
  g_auto(GStrv) rows = NULL;
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  guint checked = 0;

  g_assert_cmpint (run (NULL, NULL, "--docket", fixture->a, "demo", "--cases", "12", "--seed", "3", NULL), ==, 0);
  g_assert_cmpint (run_lang (NULL, &list, "--docket", fixture->a, "list", NULL), ==, 0);
  rows = g_strsplit (list, "\n", -1);
  for (guint i = 1; rows[i] != NULL; i++)
    if (g_str_has_prefix (rows[i], "RDR-"))
      g_ptr_array_add (refs, g_strndup (rows[i], strcspn (rows[i], " ")));
  g_assert_cmpuint (refs->len, ==, 12);

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *mo = g_build_filename (g_getenv ("REDRESS_LOCALEDIR"), langs[l], "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

      if (!g_file_test (mo, G_FILE_TEST_EXISTS))
        {
          g_test_message ("no %s catalogue in the build (%s): not checked", langs[l], mo);
          continue;
        }
      for (guint i = 0; i < refs->len; i++)
        {
          const char *ref = g_ptr_array_index (refs, i);
          g_autofree char *en_out = NULL;
          g_autofree char *out = NULL;
          g_autoptr(GPtrArray) en = NULL;
          g_autoptr(GPtrArray) tr = NULL;
          g_autofree char *json = NULL;
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_free);
          g_autoptr(GError) error = NULL;

          g_assert_cmpint (run_lang (NULL, &en_out, "--docket", fixture->a, "check", ref, "--today", "2026-06-01",
                                     NULL), ==, 0);
          g_assert_cmpint (run_lang (langs[l], &out, "--docket", fixture->a, "check", ref, "--today", "2026-06-01",
                                     NULL), ==, 0);
          g_assert_cmpint (run_lang (NULL, &json, "--docket", fixture->a, "show", ref, "--json", NULL), ==, 0);
          g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
          g_assert_no_error (error);
          collect_strings (json_parser_get_root (parser), own);
          g_ptr_array_sort (own, longest_first);
          en = explanations (en_out);
          tr = explanations (out);
          g_assert_cmpuint (en->len, >, 0);
          g_assert_cmpuint (tr->len, ==, en->len);
          for (guint j = 0; j < tr->len; j++)
            {
              const char *line = g_ptr_array_index (tr, j);
              g_autoptr(GString) words = g_string_new (line);

              /* The case's own text (a court's name …) is quoted as written. */
              for (guint k = 0; k < own->len; k++)
                g_string_replace (words, g_ptr_array_index (own, k), " ", 0);
              if (g_str_equal (line, g_ptr_array_index (en, j)) || has_english_word (words->str))
                g_error ("%s: `check %s` explains a ground in English: %s", langs[l], ref, line);
              checked++;
            }
          g_assert_null (strstr (out, "Passes"));
          g_assert_null (strstr (out, "Fails"));
          g_assert_null (strstr (out, "Needs an argument"));
        }
    }
  g_test_message ("%u explanations checked", checked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add ("/cli/check-in-language", Fixture, NULL, fixture_setup, test_check_in_language, fixture_teardown);
  g_test_add ("/cli/demo-is-deterministic", Fixture, NULL, fixture_setup, test_demo_is_deterministic,
              fixture_teardown);
  g_test_add ("/cli/end-to-end", Fixture, NULL, fixture_setup, test_end_to_end, fixture_teardown);
  g_test_add ("/cli/bad-import", Fixture, NULL, fixture_setup, test_bad_import, fixture_teardown);
  g_test_add ("/cli/wrong-passphrase", Fixture, NULL, fixture_setup, test_wrong_passphrase,
              fixture_teardown);

  return g_test_run ();
}
