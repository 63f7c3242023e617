/* procedure-fixture.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A temporary docket and the rows of a case file, for the tests of the
 * procedure engine.  Rows are written with SQL here so that these tests do
 * not depend on the record types.
 */

#pragma once

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>

#include "redress-sqlite-private.h"
#include "redress-util.h"

typedef struct
{
  char            *dir;
  RedressDatabase *db;
} Docket;

static inline void
docket_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        docket_rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static char *docket_template_dir;

static inline void
docket_template_remove (void)
{
  if (docket_template_dir != NULL)
    docket_rm_rf (docket_template_dir);
}

/* A freshly migrated, empty docket, made once per test program and copied
 * for each test: migrating takes most of a test's time otherwise. */
static inline const char *
docket_template (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;
      RedressDatabase *db;

      docket_template_dir = g_dir_make_tmp ("redress-template-XXXXXX", NULL);
      g_assert_nonnull (docket_template_dir);
      path = g_build_filename (docket_template_dir, "docket.redress", NULL);
      db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
      g_assert_no_error (error);
      redress_database_close (db);
      g_object_unref (db);
      atexit (docket_template_remove);
    }
  return path;
}

static inline void
docket_setup (Docket        *d,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (docket_template (), &contents, &len, &error));
  d->dir = g_dir_make_tmp ("redress-procedure-XXXXXX", NULL);
  g_assert_nonnull (d->dir);
  path = g_build_filename (d->dir, "docket.redress", NULL);
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, &error));
  d->db = redress_database_open (path, NULL, 0, &error);
  g_assert_no_error (error);
}

static inline void
docket_teardown (Docket        *d,
                 gconstpointer  data)
{
  redress_database_close (d->db);
  g_assert_finalize_object (d->db);
  docket_rm_rf (d->dir);
  g_free (d->dir);
}

/* Runs SQL built with sqlite3_mprintf() (%Q quotes and writes NULL for NULL). */
static inline void
docket_exec (Docket     *d,
             const char *format,
             ...)
{
  g_autoptr(GError) error = NULL;
  va_list args;
  char *sql;

  va_start (args, format);
  sql = sqlite3_vmprintf (format, args);
  va_end (args);
  _redress_database_exec (d->db, sql, &error);
  g_assert_no_error (error);
  sqlite3_free (sql);
}

#define NOW "'2026-01-01T00:00:00.000Z'"

/* The history up to the submission on @date, as the procedure engine would
 * record it: the date of submission is the history's (OP3 art 5; art 13(1)). */
static inline void
docket_submit (Docket     *d,
               const char *case_id,
               const char *kind,
               const char *date)
{
  static const char * const communication[][3] = {
    { "eligibility_checked_ok", "INTAKE", "DRAFTING" },
    { "draft_approved", "DRAFTING", "READY_TO_FILE" },
    { "sent_to_ohchr", "READY_TO_FILE", "SUBMITTED" },
  };
  gboolean inquiry = g_strcmp0 (kind, "inquiry") == 0;

  for (guint i = inquiry ? 2 : 0; i < G_N_ELEMENTS (communication); i++)
    {
      g_autofree char *id = redress_uuid_new ();

      docket_exec (d, "INSERT INTO procedural_event (id, case_id, track, event, from_stage, to_stage, occurred_on, "
                      "seq, created_at, updated_at) VALUES (%Q, %Q, 'main', %Q, %Q, %Q, %Q, %u, " NOW ", " NOW ")",
                   id, case_id, inquiry ? "information_sent" : communication[i][0],
                   inquiry ? "PREPARING_INFORMATION" : communication[i][1],
                   inquiry ? "INFORMATION_SUBMITTED" : communication[i][2], date, i + 1);
    }
  docket_exec (d, "UPDATE case_file SET submitted_on = %Q, stage = %Q WHERE id = %Q", date,
               inquiry ? "INFORMATION_SUBMITTED" : "SUBMITTED", case_id);
}

static inline char *
docket_case (Docket     *d,
             const char *kind,
             const char *reference,
             const char *state,
             const char *submitted_on)
{
  char *id = redress_uuid_new ();

  docket_exec (d, "INSERT INTO case_file (id, kind, reference, state_code, created_at, updated_at) "
                  "VALUES (%Q, %Q, %Q, %Q, " NOW ", " NOW ")",
               id, kind, reference, state ? state : "");
  if (submitted_on != NULL)
    docket_submit (d, id, kind, submitted_on);
  return id;
}

static inline char *
docket_person (Docket     *d,
               const char *given,
               const char *family,
               const char *birth_date)
{
  char *id = redress_uuid_new ();

  docket_exec (d, "INSERT INTO person (id, given_name, family_name, birth_date, created_at, updated_at) "
                  "VALUES (%Q, %Q, %Q, %Q, " NOW ", " NOW ")",
               id, given, family, birth_date);
  return id;
}

/* consent and disclose: 1, 0 or -1 (not recorded). */
static inline void
docket_party (Docket     *d,
              const char *case_id,
              const char *person_id,
              const char *role,
              int         consent,
              int         disclose,
              const char *justification)
{
  g_autofree char *id = redress_uuid_new ();
  char c[8], s[8];

  g_snprintf (c, sizeof c, "%s", consent < 0 ? "NULL" : consent ? "1" : "0");
  g_snprintf (s, sizeof s, "%s", disclose < 0 ? "NULL" : disclose ? "1" : "0");
  docket_exec (d, "INSERT INTO case_party (id, case_id, person_id, role, consent_given, consent_disclose_identity, "
                  "no_consent_justification, created_at, updated_at) "
                  "VALUES (%Q, %Q, %Q, %Q, %s, %s, %Q, " NOW ", " NOW ")",
               id, case_id, person_id, role, c, s, justification ? justification : "");
}

static inline char *
docket_violation (Docket     *d,
                  const char *case_id,
                  const char *treaty,
                  const char *article,
                  gboolean    continuing)
{
  char *id = redress_uuid_new ();

  docket_exec (d, "INSERT INTO violation (id, case_id, treaty, article, continuing, created_at, updated_at) "
                  "VALUES (%Q, %Q, %Q, %Q, %d, " NOW ", " NOW ")",
               id, case_id, treaty, article, continuing ? 1 : 0);
  return id;
}

static inline char *
docket_fact (Docket     *d,
             const char *case_id,
             const char *occurred_on,
             const char *occurred_until,
             gboolean    continuing)
{
  char *id = redress_uuid_new ();

  docket_exec (d, "INSERT INTO fact (id, case_id, occurred_on, occurred_until, continuing, created_at, updated_at) "
                  "VALUES (%Q, %Q, %Q, %Q, %d, " NOW ", " NOW ")",
               id, case_id, occurred_on, occurred_until, continuing ? 1 : 0);
  return id;
}

static inline void
docket_link (Docket     *d,
             const char *violation_id,
             const char *fact_id)
{
  docket_exec (d, "INSERT INTO violation_fact (violation_id, fact_id) VALUES (%Q, %Q)", violation_id, fact_id);
}

static inline char *
docket_remedy (Docket     *d,
               const char *case_id,
               const char *decided_on,
               const char *notified_on,
               gboolean    is_final,
               const char *not_pursued_reason)
{
  char *id = redress_uuid_new ();

  docket_exec (d, "INSERT INTO domestic_remedy (id, case_id, forum, decided_on, notified_on, is_final, "
                  "not_pursued_reason, created_at, updated_at) "
                  "VALUES (%Q, %Q, 'Federal Constitutional Court', %Q, %Q, %d, %Q, " NOW ", " NOW ")",
               id, case_id, decided_on, notified_on, is_final ? 1 : 0,
               not_pursued_reason ? not_pursued_reason : "");
  return id;
}

static inline void
docket_other (Docket     *d,
              const char *case_id,
              const char *body,
              int         same_matter)
{
  g_autofree char *id = redress_uuid_new ();

  docket_exec (d, "INSERT INTO other_procedure (id, case_id, body, same_matter, created_at, updated_at) "
                  "VALUES (%Q, %Q, %Q, %s, " NOW ", " NOW ")",
               id, case_id, body, same_matter < 0 ? "NULL" : same_matter ? "1" : "0");
}

/* A communication against Germany that is admissible on every ground the
 * record can settle: the baseline each admissibility test changes one thing of. */
static inline char *
docket_good_communication (Docket     *d,
                           const char *reference)
{
  char *case_id = docket_case (d, "communication", reference, "DE", "2024-06-01");
  g_autofree char *child = docket_person (d, "Lena", "Weber", "2010-03-14");
  g_autofree char *mother = docket_person (d, "Anna", "Weber", "1982-07-02");
  g_autofree char *v1 = docket_violation (d, case_id, "CRC", "3", FALSE);
  g_autofree char *v2 = docket_violation (d, case_id, "CRC", "37", FALSE);
  g_autofree char *f1 = docket_fact (d, case_id, "2023-02-01", NULL, FALSE);
  g_autofree char *f2 = docket_fact (d, case_id, "2023-05-12", NULL, FALSE);
  g_autofree char *r = NULL;

  docket_party (d, case_id, child, "victim", 1, 1, NULL);
  docket_party (d, case_id, mother, "author", -1, -1, NULL);
  docket_link (d, v1, f1);
  docket_link (d, v2, f2);
  r = docket_remedy (d, case_id, "2024-01-10", "2024-01-20", TRUE, NULL);
  docket_exec (d, "UPDATE case_file SET in_writing = 1 WHERE id = %Q", case_id);
  return case_id;
}
