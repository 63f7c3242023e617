/* redress-correspondence-register.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Letters with the Committee drive the procedure: a letter that reports an
 * event ("the State's observations are transmitted to you; comments are due
 * by …") is recorded through the procedure engine, which creates the deadline
 * or overrides the computed one with the date the letter gives.
 */

#define G_LOG_DOMAIN "redress-correspondence"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-correspondence-register.h"
#include "redress-database-private.h"
#include "redress-enums.h"
#include "redress-evidence-store-private.h"
#include "redress-procedure.h"
#include "redress-util.h"

RedressLetter *
redress_letter_new (const char *case_id,
                    const char *direction)
{
  RedressLetter *letter = g_new0 (RedressLetter, 1);

  letter->case_id = g_strdup (case_id);
  letter->direction = g_strdup (direction);
  letter->counterpart = g_strdup ("committee");
  return letter;
}

RedressLetter *
redress_letter_copy (const RedressLetter *letter)
{
  RedressLetter *copy = g_new0 (RedressLetter, 1);

  copy->id = g_strdup (letter->id);
  copy->case_id = g_strdup (letter->case_id);
  copy->direction = g_strdup (letter->direction);
  copy->counterpart = g_strdup (letter->counterpart);
  copy->channel = g_strdup (letter->channel);
  copy->letter_date = g_strdup (letter->letter_date);
  copy->transit_date = g_strdup (letter->transit_date);
  copy->subject = g_strdup (letter->subject);
  copy->body = g_strdup (letter->body);
  copy->committee_ref = g_strdup (letter->committee_ref);
  copy->sender = g_strdup (letter->sender);
  copy->recipients = g_strdup (letter->recipients);
  copy->message_id = g_strdup (letter->message_id);
  copy->reported_event = g_strdup (letter->reported_event);
  copy->stated_due = g_strdup (letter->stated_due);
  copy->event_id = g_strdup (letter->event_id);
  copy->source_evidence_id = g_strdup (letter->source_evidence_id);
  copy->created_at = g_strdup (letter->created_at);
  copy->attachment_ids = g_strdupv (letter->attachment_ids);
  return copy;
}

void
redress_letter_free (RedressLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->id);
  g_free (letter->case_id);
  g_free (letter->direction);
  g_free (letter->counterpart);
  g_free (letter->channel);
  g_free (letter->letter_date);
  g_free (letter->transit_date);
  g_free (letter->subject);
  g_free (letter->body);
  g_free (letter->committee_ref);
  g_free (letter->sender);
  g_free (letter->recipients);
  g_free (letter->message_id);
  g_free (letter->reported_event);
  g_free (letter->stated_due);
  g_free (letter->event_id);
  g_free (letter->source_evidence_id);
  g_free (letter->created_at);
  g_strfreev (letter->attachment_ids);
  g_free (letter);
}

G_DEFINE_BOXED_TYPE (RedressLetter, redress_letter, redress_letter_copy, redress_letter_free)

/* The date a letter sorts under: the date on it, else the date it came or went. */
const char *
redress_letter_get_date (const RedressLetter *letter)
{
  g_return_val_if_fail (letter != NULL, NULL);

  return letter->letter_date != NULL ? letter->letter_date : letter->transit_date;
}

static gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static gboolean
check_date (const char  *value,
            const char  *what,
            GError     **error)
{
  if (empty (value) || redress_iso_date_is_valid (value))
    return TRUE;
  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
               _("%s “%s” is not a date. Write it as YYYY-MM-DD, for example 2026-03-14."), what, value);
  return FALSE;
}

static gboolean
validate (const RedressLetter  *letter,
          GError              **error)
{
  if (empty (letter->case_id))
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("Say which case the letter belongs to."));
      return FALSE;
    }
  if (!redress_direction_is_valid (letter->direction))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not a direction: a letter is incoming (“in”) or outgoing (“out”)."),
                   letter->direction ? letter->direction : "");
      return FALSE;
    }
  if (!redress_counterpart_is_valid (letter->counterpart))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not a counterpart: use committee, state, client, counsel or other."),
                   letter->counterpart ? letter->counterpart : "");
      return FALSE;
    }
  if (!check_date (letter->letter_date, _("The date of the letter"), error) ||
      !check_date (letter->transit_date,
                   g_strcmp0 (letter->direction, "in") == 0 ? _("The date received") : _("The date sent"),
                   error) ||
      !check_date (letter->stated_due, _("The deadline in the letter"), error))
    return FALSE;
  if (!empty (letter->stated_due) && empty (letter->reported_event))
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("The letter gives a deadline: say which procedural event it reports "
                             "(for example the transmission of the State’s observations), so the "
                             "deadline can be set."));
      return FALSE;
    }
  if (!empty (letter->reported_event) && empty (redress_letter_get_date (letter)))
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("The letter reports a procedural event: give the date of the letter "
                             "or the date it was received."));
      return FALSE;
    }
  return TRUE;
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/**
 * redress_correspondence_register_add:
 * @letter: the letter; its id, event_id and attachments are ignored
 *
 * Registers a letter.  When it reports a procedural event, the event is
 * recorded through the procedure engine with the letter's reference and the
 * deadline it states (so the engine creates or overrides the deadline), and
 * the letter keeps a link to it.  All of it is one transaction.
 *
 * Returns: (transfer full): the new letter's id, or %NULL with @error set.
 */
char *
redress_correspondence_register_add (RedressDatabase      *db,
                                     const RedressLetter  *letter,
                                     GError              **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *id = redress_uuid_new ();
  g_autofree char *now = redress_timestamp_now ();
  g_autofree char *event_id = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (letter != NULL, NULL);

  if (!validate (letter, error))
    return NULL;
  if (!_redress_database_begin (db, error))
    return NULL;

  if (!empty (letter->reported_event))
    {
      event_id = redress_procedure_record_event (db, letter->case_id, NULL, letter->reported_event,
                                                 redress_letter_get_date (letter),
                                                 or_empty (letter->committee_ref),
                                                 empty (letter->stated_due) ? NULL : letter->stated_due,
                                                 or_empty (letter->subject), error);
      if (event_id == NULL)
        goto fail;
    }

  stmt = redress_database_prepare (db,
                                   "INSERT INTO correspondence (id, case_id, direction, counterpart, channel, "
                                   "letter_date, transit_date, subject, body, committee_ref, event_id, "
                                   "stated_due, sender, recipients, message_id, source_evidence_id, "
                                   "reported_event, created_at, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                   "?15, ?16, ?17, ?18, ?18)", error);
  if (stmt == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, id);
  redress_statement_bind_text (stmt, 2, letter->case_id);
  redress_statement_bind_text (stmt, 3, letter->direction);
  redress_statement_bind_text (stmt, 4, letter->counterpart);
  redress_statement_bind_text (stmt, 5, or_empty (letter->channel));
  redress_statement_bind_text (stmt, 6, empty (letter->letter_date) ? NULL : letter->letter_date);
  redress_statement_bind_text (stmt, 7, empty (letter->transit_date) ? NULL : letter->transit_date);
  redress_statement_bind_text (stmt, 8, or_empty (letter->subject));
  redress_statement_bind_text (stmt, 9, or_empty (letter->body));
  redress_statement_bind_text (stmt, 10, or_empty (letter->committee_ref));
  redress_statement_bind_text (stmt, 11, event_id);
  redress_statement_bind_text (stmt, 12, empty (letter->stated_due) ? NULL : letter->stated_due);
  redress_statement_bind_text (stmt, 13, or_empty (letter->sender));
  redress_statement_bind_text (stmt, 14, or_empty (letter->recipients));
  redress_statement_bind_text (stmt, 15, or_empty (letter->message_id));
  redress_statement_bind_text (stmt, 16, empty (letter->source_evidence_id) ? NULL : letter->source_evidence_id);
  redress_statement_bind_text (stmt, 17, or_empty (letter->reported_event));
  redress_statement_bind_text (stmt, 18, now);
  rc = redress_statement_step (stmt);
  if (rc != REDRESS_STEP_DONE)
    {
      if (redress_statement_get_constraint (stmt) != REDRESS_CONSTRAINT_NONE)
        g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                             _("The letter’s case or source file is not in this docket."));
      else
        redress_statement_set_error (stmt, error, _("Could not register the letter"));
      goto fail;
    }
  if (!_redress_database_commit (db, error))
    return NULL;

  return g_steal_pointer (&id);

fail:
  _redress_database_rollback (db);
  return NULL;
}

/**
 * redress_correspondence_register_attach:
 *
 * Records that an evidence item (already in the locker) came with, or went
 * out with, a letter; the item's custody log says so.
 */
gboolean
redress_correspondence_register_attach (RedressDatabase  *db,
                                        const char       *letter_id,
                                        const char       *evidence_id,
                                        GError          **error)
{
  g_autoptr(RedressStatement) check = NULL;
  g_autoptr(RedressStatement) ins = NULL;
  g_autofree char *note = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  check = redress_database_prepare (db,
                                    "SELECT c.subject, e.case_id = c.case_id, "
                                    "(SELECT count(*) FROM correspondence_attachment WHERE correspondence_id = c.id) "
                                    "FROM correspondence c, evidence_item e WHERE c.id = ?1 AND e.id = ?2", error);
  if (check == NULL)
    return FALSE;
  redress_statement_bind_text (check, 1, letter_id);
  redress_statement_bind_text (check, 2, evidence_id);
  if (redress_statement_step (check) != REDRESS_STEP_ROW)
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                           _("The letter or the evidence item is not in this docket."));
      return FALSE;
    }
  if (redress_statement_column_int (check, 1) != 1)
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("The letter and the evidence item belong to different cases."));
      return FALSE;
    }
  note = g_strdup_printf (_("Attached to the letter “%s”."), redress_statement_column_text (check, 0));

  if (!_redress_database_begin (db, error))
    return FALSE;
  ins = redress_database_prepare (db,
                                  "INSERT INTO correspondence_attachment (correspondence_id, evidence_id, position) "
                                  "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING", error);
  if (ins == NULL)
    goto fail;
  redress_statement_bind_text (ins, 1, letter_id);
  redress_statement_bind_text (ins, 2, evidence_id);
  redress_statement_bind_int64 (ins, 3, redress_statement_column_int (check, 2));
  rc = redress_statement_step (ins);
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (ins, error, _("Could not attach the file to the letter"));
      goto fail;
    }
  if (redress_statement_changes (ins) > 0 &&
      !_redress_evidence_add_custody (db, evidence_id, "link", note, error))
    goto fail;
  if (!_redress_database_commit (db, error))
    return FALSE;
  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

#define LETTER_COLUMNS "id, case_id, direction, counterpart, channel, letter_date, transit_date, " \
                       "subject, body, committee_ref, sender, recipients, message_id, reported_event, " \
                       "stated_due, event_id, source_evidence_id, created_at"

static RedressLetter *
letter_from_stmt (RedressDatabase  *db,
                  RedressStatement *stmt)
{
  RedressLetter *letter = g_new0 (RedressLetter, 1);
  g_autoptr(RedressStatement) att = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  char **fields[] = {
    &letter->id, &letter->case_id, &letter->direction, &letter->counterpart, &letter->channel,
    &letter->letter_date, &letter->transit_date, &letter->subject, &letter->body,
    &letter->committee_ref, &letter->sender, &letter->recipients, &letter->message_id,
    &letter->reported_event, &letter->stated_due, &letter->event_id, &letter->source_evidence_id,
    &letter->created_at,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = g_strdup (redress_statement_column_text (stmt, i));
  if (letter->reported_event != NULL && *letter->reported_event == '\0')
    g_clear_pointer (&letter->reported_event, g_free);

  att = redress_database_prepare (db,
                                  "SELECT evidence_id FROM correspondence_attachment "
                                  "WHERE correspondence_id = ?1 ORDER BY position", NULL);
  if (att != NULL)
    {
      redress_statement_bind_text (att, 1, letter->id);
      while (redress_statement_step (att) == REDRESS_STEP_ROW)
        g_strv_builder_add (ids, redress_statement_column_text (att, 0));
    }
  letter->attachment_ids = g_strv_builder_end (ids);
  return letter;
}

/**
 * redress_correspondence_register_get:
 *
 * Returns: (transfer full): the letter, or %NULL with @error set.
 */
RedressLetter *
redress_correspondence_register_get (RedressDatabase  *db,
                                     const char       *letter_id,
                                     GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  stmt = redress_database_prepare (db, "SELECT " LETTER_COLUMNS " FROM correspondence WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, letter_id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return letter_from_stmt (db, stmt);
  g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
               _("There is no letter “%s” in this docket."), letter_id);
  return NULL;
}

/**
 * redress_correspondence_register_list:
 * @case_id: (nullable): a case, or %NULL for every case
 *
 * Returns: (transfer container) (element-type RedressLetter): the letters by
 *   date (the date on the letter, else the date received or sent).
 */
GPtrArray *
redress_correspondence_register_list (RedressDatabase  *db,
                                      const char       *case_id,
                                      GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_letter_free);
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  stmt = redress_database_prepare (db,
                                   "SELECT " LETTER_COLUMNS " FROM correspondence "
                                   "WHERE ?1 IS NULL OR case_id = ?1 "
                                   "ORDER BY coalesce (letter_date, transit_date), created_at", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_ptr_array_add (letters, letter_from_stmt (db, stmt));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the correspondence"));
      return NULL;
    }
  return g_steal_pointer (&letters);
}

/**
 * redress_correspondence_register_find_message:
 * @message_id: an e-mail's Message-ID
 *
 * Returns: (transfer full) (nullable): the letter of @case_id already
 *   registered from that e-mail, or %NULL.
 */
char *
redress_correspondence_register_find_message (RedressDatabase *db,
                                              const char      *case_id,
                                              const char      *message_id)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  if (empty (message_id))
    return NULL;
  stmt = redress_database_prepare (db,
                                   "SELECT id FROM correspondence WHERE case_id = ?1 AND message_id = ?2",
                                   NULL);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  redress_statement_bind_text (stmt, 2, message_id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    return g_strdup (redress_statement_column_text (stmt, 0));
  return NULL;
}

/**
 * redress_correspondence_register_import:
 * @store: the docket's evidence locker
 * @letter: the letter as read from its source
 * @source: (nullable): the file the letter came as (an .eml), kept as evidence
 * @attachment_names: (array length=n_attachments): the attachments' file names
 * @attachment_data: (array length=n_attachments): their content
 *
 * Registers a received or sent message with its source file and its
 * attachments, all stored through the evidence locker, in one transaction:
 * either all of it is recorded or none.  A message already registered in the
 * case (same Message-ID) is refused.
 *
 * Returns: (transfer full): the letter's id, or %NULL with @error set.
 */
char *
redress_correspondence_register_import (RedressEvidenceStore *store,
                                        const RedressLetter  *letter,
                                        GFile                *source,
                                        const char * const   *attachment_names,
                                        GBytes * const       *attachment_data,
                                        guint                 n_attachments,
                                        GError              **error)
{
  RedressDatabase *db;
  g_autoptr(RedressLetter) copy = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *existing = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (store), NULL);
  g_return_val_if_fail (letter != NULL, NULL);

  db = redress_evidence_store_get_database (store);
  existing = redress_correspondence_register_find_message (db, letter->case_id, letter->message_id);
  if (existing != NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                   _("This e-mail (“%s”) is already in the case’s correspondence; it was not added again."),
                   or_empty (letter->subject));
      return NULL;
    }
  if (!validate (letter, error))
    return NULL;

  copy = redress_letter_copy (letter);
  if (!_redress_database_begin (db, error))
    return NULL;

  if (source != NULL)
    {
      g_autoptr(RedressEvidenceInfo) info = redress_evidence_store_add_file (store, letter->case_id, source,
                                                                             letter->sender, NULL, NULL,
                                                                             NULL, error);
      if (info == NULL)
        goto fail;
      g_ptr_array_add (added, g_strdup (info->sha256));
      g_free (copy->source_evidence_id);
      copy->source_evidence_id = g_strdup (info->id);
    }

  id = redress_correspondence_register_add (db, copy, error);
  if (id == NULL)
    goto fail;

  for (guint i = 0; i < n_attachments; i++)
    {
      g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (attachment_data[i]);
      g_autoptr(RedressEvidenceInfo) info = NULL;

      info = redress_evidence_store_add_stream (store, letter->case_id, in, attachment_names[i],
                                                letter->sender, NULL, error);
      if (info == NULL)
        goto fail;
      g_ptr_array_add (added, g_strdup (info->sha256));
      if (!redress_correspondence_register_attach (db, id, info->id, error))
        goto fail;
    }

  if (!_redress_database_commit (db, error))
    goto forget;
  return g_steal_pointer (&id);

fail:
  _redress_database_rollback (db);
forget:
  for (guint i = 0; i < added->len; i++)
    _redress_evidence_store_forget (store, g_ptr_array_index (added, i));
  return NULL;
}
