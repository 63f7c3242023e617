/* test-eml.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * E-mail import (GMime) and what the media library reads in evidence files.
 */

#include "config.h"

#include "redress-test-util.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "redress-correspondence-register.h"
#include "redress-database.h"
#include "redress-sqlite-private.h"
#include "redress-eml.h"
#include "redress-evidence-store.h"
#include "redress-media.h"
#include "redress-util.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "eml", name, NULL);
}

static RedressEml *
parse (const char  *name,
       GError     **error)
{
  g_autofree char *path = fixture_path (name);

  return redress_eml_parse_file (path, error);
}

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEml) eml = parse ("plain.eml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (eml->subject, ==, "Communication No. 123/2026 - acknowledgement");
  g_assert_nonnull (strstr (eml->from, "petitions@ohchr.org"));
  g_assert_cmpstr (eml->to, ==, "counsel@example.org");
  g_assert_cmpstr (eml->date, ==, "2026-08-03");
  g_assert_cmpstr (eml->message_id, ==, "ack-123-2026@ohchr.org");
  g_assert_nonnull (strstr (eml->body, "acknowledge receipt of your communication dated 22 January 2026"));
  g_assert_cmpuint (eml->attachments->len, ==, 0);
}

static void
test_multipart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEml) eml = parse ("multipart.eml", &error);
  g_autoptr(RedressLetter) letter = NULL;

  g_assert_no_error (error);
  /* RFC 2047 subject, Latin-1 quoted-printable body: both as UTF-8. */
  g_assert_cmpstr (eml->subject, ==, "Observations de l’État");
  g_assert_cmpstr (g_strstrip (eml->body), ==, "L'État partie conteste la recevabilité.");
  /* The date as the sender wrote it, not shifted to UTC (that would be 2 September). */
  g_assert_cmpstr (eml->date, ==, "2026-09-01");
  g_assert_nonnull (strstr (eml->to, "counsel@example.org"));
  g_assert_nonnull (strstr (eml->to, "petitions@ohchr.org"));
  g_assert_cmpuint (eml->attachments->len, ==, 0);

  letter = redress_eml_to_letter (eml, "case");
  g_assert_cmpstr (letter->direction, ==, "in");
  g_assert_cmpstr (letter->counterpart, ==, "other");
  g_assert_cmpstr (letter->channel, ==, "e-mail");
}

static void
test_attachments (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEml) eml = parse ("attachments.eml", &error);
  RedressEmlAttachment *a;
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (eml->body, "Comments are due by 5 November 2026"));
  g_assert_cmpuint (eml->attachments->len, ==, 2);

  a = g_ptr_array_index (eml->attachments, 0);
  /* "../../observations.txt": no folders survive. */
  g_assert_cmpstr (a->filename, ==, "observations.txt");
  g_assert_cmpstr (a->mime_type, ==, "text/plain");
  data = g_bytes_get_data (a->data, &len);
  g_assert_cmpmem (data, len, "The State party considers the communication inadmissible.\n", 58);

  a = g_ptr_array_index (eml->attachments, 1);
  g_assert_cmpstr (a->mime_type, ==, "message/rfc822");
  g_assert_cmpstr (a->filename, ==, "Note verbale.eml");
  data = g_bytes_get_data (a->data, &len);
  g_assert_nonnull (g_strstr_len (data, len, "The Permanent Mission presents its compliments."));
}

static void
test_html_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressEml) eml = parse ("html-only.eml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (eml->body, ==, "He is back at school & safe.\n\nThanks");
  g_assert_null (eml->message_id);
}

static void
test_broken (void)
{
  const char *names[] = { "broken.eml", "empty.eml", "no-such-file.eml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RedressEml) eml = parse (names[i], &error);

      g_assert_null (eml);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, names[i]));
    }
}

typedef struct
{
  char                 *dir;
  RedressDatabase      *db;
  RedressEvidenceStore *store;
  char                 *case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;

  f->dir = g_dir_make_tmp ("redress-eml-XXXXXX", NULL);
  path = g_build_filename (f->dir, "docket.redress", NULL);
  f->db = redress_database_open (path, NULL, REDRESS_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->store = redress_evidence_store_new (f->db);
  redress_media_setup_store (f->store);
  f->case_id = redress_uuid_new ();
  sql = g_strdup_printf ("INSERT INTO case_file (id, kind, reference, created_at, updated_at) VALUES "
                         "('%s', 'communication', 'C-9', redress_now (), redress_now ())", f->case_id);
  _redress_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_assert_finalize_object (f->db);
  redress_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->case_id);
}

static guint
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (f->db, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("attachments.eml");
  g_autofree char *broken_path = fixture_path ("broken.eml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(RedressLetter) letter = NULL;
  g_autoptr(RedressEvidenceInfo) source = NULL;
  g_autoptr(RedressEvidenceInfo) annex = NULL;
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expect = NULL;
  const char *annex_text = "The State party considers the communication inadmissible.\n";

  /* A file that is not an e-mail records nothing. */
  g_assert_null (redress_eml_import (f->store, f->case_id, broken, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (count_rows (f, "correspondence"), ==, 0);
  g_assert_cmpuint (count_rows (f, "evidence_item"), ==, 0);

  id = redress_eml_import (f->store, f->case_id, file, &error);
  g_assert_no_error (error);
  letter = redress_correspondence_register_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (letter->counterpart, ==, "committee");
  g_assert_cmpstr (letter->letter_date, ==, "2026-09-04");
  g_assert_cmpstr (letter->message_id, ==, "transmission-123@ohchr.org");
  g_assert_nonnull (strstr (letter->body, "Comments are due"));
  g_assert_cmpuint (g_strv_length (letter->attachment_ids), ==, 2);

  /* The .eml itself is kept, as received, as a letter. */
  source = redress_evidence_store_get_info (f->store, letter->source_evidence_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (source->kind, ==, "letter");
  g_assert_cmpstr (source->original_name, ==, "attachments.eml");

  annex = redress_evidence_store_get_info (f->store, letter->attachment_ids[0], &error);
  g_assert_no_error (error);
  expect = g_compute_checksum_for_string (G_CHECKSUM_SHA256, annex_text, -1);
  g_assert_cmpstr (annex->sha256, ==, expect);
  g_assert_cmpstr (annex->original_name, ==, "observations.txt");

  /* The same message twice is refused, and nothing more is stored. */
  again = redress_eml_import (f->store, f->case_id, file, &error);
  g_assert_null (again);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT);
  g_assert_cmpuint (count_rows (f, "correspondence"), ==, 1);
  g_assert_cmpuint (count_rows (f, "evidence_item"), ==, 3);
}

static GFile *
make_pdf (Fixture *f,
          guint    pages)
{
  g_autofree char *path = g_build_filename (f->dir, "court-decision.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < pages; i++)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_rectangle (cr, 50, 50, 200, 100);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static gboolean
maps_contain (const char *needle)
{
  g_autofree char *maps = NULL;

  g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL);
  return maps != NULL && strstr (maps, needle) != NULL;
}

static void
check_png (GBytes *png,
           int     size)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (png);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (in, NULL, NULL);

  g_assert_nonnull (pixbuf);
  g_assert_cmpint (MAX (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)), ==, size);
}

static void
test_media (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) pdf = make_pdf (f, 3);
  g_autoptr(RedressEvidenceInfo) info = NULL;
  g_autoptr(RedressEvidenceInfo) photo = NULL;
  g_autoptr(GBytes) thumb = NULL;
  g_autoptr(GBytes) cached = NULL;
  g_autoptr(GBytes) photo_thumb = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 400, 300);
  g_autofree char *png_path = g_build_filename (f->dir, "bruise.png", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png_path);

  info = redress_evidence_store_add_file (f->store, f->case_id, pdf, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->mime_type, ==, "application/pdf");
  g_assert_cmpint (info->page_count, ==, 3);

  g_assert_null (redress_evidence_store_lookup_thumbnail (f->store, info->sha256, 128));
  thumb = redress_media_get_thumbnail (f->store, info, 128, &error);
  g_assert_no_error (error);
  check_png (thumb, 128);
  /* Cached inside the docket. */
  cached = redress_evidence_store_lookup_thumbnail (f->store, info->sha256, 128);
  g_assert_nonnull (cached);
  g_assert_true (g_bytes_equal (cached, thumb));

  gdk_pixbuf_fill (pixbuf, 0xc08080ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, png_path, "png", &error, NULL));
  photo = redress_evidence_store_add_file (f->store, f->case_id, png_file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (photo->kind, ==, "photo");
  g_assert_cmpint (photo->page_count, ==, -1);
  photo_thumb = redress_media_get_thumbnail (f->store, photo, 96, &error);
  g_assert_no_error (error);
  check_png (photo_thumb, 96);

  /* Reading PDFs must not load a second SQLite (poppler links NSS, whose
   * softokn links libsqlite3): QUALITY.md R7. */
  g_assert_false (maps_contain ("libsqlite3.so"));
  g_assert_true (maps_contain ("libsqlcipher.so"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eml/plain", test_plain);
  g_test_add_func ("/eml/multipart", test_multipart);
  g_test_add_func ("/eml/attachments", test_attachments);
  g_test_add_func ("/eml/html-only", test_html_only);
  g_test_add_func ("/eml/broken", test_broken);
  g_test_add ("/eml/import", Fixture, NULL, fixture_setup, test_import, fixture_teardown);
  g_test_add ("/media/pdf-and-thumbnails", Fixture, NULL, fixture_setup, test_media, fixture_teardown);

  return g_test_run ();
}
