/* redress-draft.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composer's drafts: the lawyer's prose per template section, saved as it
 * is typed, and the freeze of what was filed ("Mark as submitted"): the exact
 * bytes go into the evidence locker with their SHA-256, an outgoing letter
 * into the correspondence register, and the filing into the procedure (for an
 * initial communication, "sent_to_ohchr" stops the art 7(h) clock).  A frozen
 * draft can be read but never changed (triggers of migration 0008).
 */

#define G_LOG_DOMAIN "redress-draft"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-correspondence-register.h"
#include "redress-database-private.h"
#include "redress-draft.h"
#include "redress-procedure.h"
#include "redress-util.h"

#define DRAFT_COLUMNS "id, case_id, document, language, profile, frozen_at, frozen_sha256, " \
                      "frozen_name, evidence_id, correspondence_id, event_id, created_at, updated_at"

G_DEFINE_BOXED_TYPE (RedressDraftInfo, redress_draft_info, redress_draft_info_copy, redress_draft_info_free)

RedressDraftInfo *
redress_draft_info_copy (const RedressDraftInfo *info)
{
  RedressDraftInfo *copy = g_new0 (RedressDraftInfo, 1);

  copy->id = g_strdup (info->id);
  copy->case_id = g_strdup (info->case_id);
  copy->document = g_strdup (info->document);
  copy->language = g_strdup (info->language);
  copy->profile = g_strdup (info->profile);
  copy->frozen_at = g_strdup (info->frozen_at);
  copy->frozen_sha256 = g_strdup (info->frozen_sha256);
  copy->frozen_name = g_strdup (info->frozen_name);
  copy->evidence_id = g_strdup (info->evidence_id);
  copy->correspondence_id = g_strdup (info->correspondence_id);
  copy->event_id = g_strdup (info->event_id);
  copy->created_at = g_strdup (info->created_at);
  copy->updated_at = g_strdup (info->updated_at);
  return copy;
}

void
redress_draft_info_free (RedressDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->case_id);
  g_free (info->document);
  g_free (info->language);
  g_free (info->profile);
  g_free (info->frozen_at);
  g_free (info->frozen_sha256);
  g_free (info->frozen_name);
  g_free (info->evidence_id);
  g_free (info->correspondence_id);
  g_free (info->event_id);
  g_free (info->created_at);
  g_free (info->updated_at);
  g_free (info);
}

gboolean
redress_draft_info_is_frozen (const RedressDraftInfo *info)
{
  return info != NULL && info->frozen_at != NULL;
}

gboolean
redress_draft_language_is_valid (const char *language)
{
  return g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "fr") == 0 ||
         g_strcmp0 (language, "es") == 0;
}

gboolean
redress_draft_profile_is_valid (const char *profile)
{
  return g_strcmp0 (profile, "committee") == 0 || g_strcmp0 (profile, "public") == 0;
}

static gboolean
check_options (const char  *language,
               const char  *profile,
               GError     **error)
{
  if (!redress_draft_language_is_valid (language))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not a language of the composer: use en, fr or es."),
                   language != NULL ? language : "");
      return FALSE;
    }
  if (!redress_draft_profile_is_valid (profile))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not a profile: use committee or public."),
                   profile != NULL ? profile : "");
      return FALSE;
    }
  return TRUE;
}

static RedressDraftInfo *
read_row (RedressStatement *stmt)
{
  RedressDraftInfo *info = g_new0 (RedressDraftInfo, 1);

  info->id = g_strdup (redress_statement_column_text (stmt, 0));
  info->case_id = g_strdup (redress_statement_column_text (stmt, 1));
  info->document = g_strdup (redress_statement_column_text (stmt, 2));
  info->language = g_strdup (redress_statement_column_text (stmt, 3));
  info->profile = g_strdup (redress_statement_column_text (stmt, 4));
  info->frozen_at = g_strdup (redress_statement_column_text (stmt, 5));
  info->frozen_sha256 = g_strdup (redress_statement_column_text (stmt, 6));
  info->frozen_name = g_strdup (redress_statement_column_text (stmt, 7));
  info->evidence_id = g_strdup (redress_statement_column_text (stmt, 8));
  info->correspondence_id = g_strdup (redress_statement_column_text (stmt, 9));
  info->event_id = g_strdup (redress_statement_column_text (stmt, 10));
  info->created_at = g_strdup (redress_statement_column_text (stmt, 11));
  info->updated_at = g_strdup (redress_statement_column_text (stmt, 12));
  return info;
}

char *
redress_draft_create (RedressDatabase  *db,
                      const char       *case_id,
                      const char       *document,
                      const char       *language,
                      const char       *profile,
                      GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *id = redress_uuid_new ();
  g_autofree char *now = redress_timestamp_now ();

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  if (!check_options (language, profile, error))
    return NULL;
  if (document == NULL || *document == '\0')
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("Choose which document to draft."));
      return NULL;
    }
  if (!_redress_database_check_writable (db, error))
    return NULL;

  stmt = redress_database_prepare (db,
                                   "INSERT INTO draft (id, case_id, document, language, profile, "
                                   "created_at, updated_at) "
                                   "SELECT ?1, id, ?2, ?3, ?4, ?5, ?5 FROM case_file WHERE id = ?6",
                                   error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, id);
  redress_statement_bind_text (stmt, 2, document);
  redress_statement_bind_text (stmt, 3, language);
  redress_statement_bind_text (stmt, 4, profile);
  redress_statement_bind_text (stmt, 5, now);
  redress_statement_bind_text (stmt, 6, case_id);
  if (!redress_statement_step_done (stmt, _("Could not save the draft"), error))
    return NULL;
  if (redress_statement_changes (stmt) == 0)
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                           _("The case no longer exists."));
      return NULL;
    }
  return g_steal_pointer (&id);
}

RedressDraftInfo *
redress_draft_get (RedressDatabase  *db,
                   const char       *draft_id,
                   GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);

  stmt = redress_database_prepare (db, "SELECT " DRAFT_COLUMNS " FROM draft WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, draft_id);
  rc = redress_statement_step (stmt);
  if (rc == REDRESS_STEP_ROW)
    return read_row (stmt);
  if (rc == REDRESS_STEP_DONE)
    g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                         _("This draft no longer exists."));
  else
    redress_statement_set_error (stmt, error, _("Could not read the draft"));
  return NULL;
}

/**
 * redress_draft_list:
 *
 * Returns: (transfer full) (element-type RedressDraftInfo): the case's drafts,
 *   most recently changed first.
 */
GPtrArray *
redress_draft_list (RedressDatabase  *db,
                    const char       *case_id,
                    GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func ((GDestroyNotify) redress_draft_info_free);
  int rc;

  stmt = redress_database_prepare (db, "SELECT " DRAFT_COLUMNS " FROM draft WHERE case_id = ?1 "
                                   "ORDER BY updated_at DESC, id", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_ptr_array_add (ret, read_row (stmt));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the drafts"));
      return NULL;
    }
  return g_steal_pointer (&ret);
}

/**
 * redress_draft_find_open:
 *
 * Returns: (transfer full) (nullable): the case's most recently changed draft
 *   of @document that is not yet submitted; %NULL with no error when none.
 */
RedressDraftInfo *
redress_draft_find_open (RedressDatabase  *db,
                         const char       *case_id,
                         const char       *document,
                         GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  stmt = redress_database_prepare (db, "SELECT " DRAFT_COLUMNS " FROM draft "
                                   "WHERE case_id = ?1 AND document = ?2 AND frozen_at IS NULL "
                                   "ORDER BY updated_at DESC, id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, case_id);
  redress_statement_bind_text (stmt, 2, document);
  rc = redress_statement_step (stmt);
  if (rc == REDRESS_STEP_ROW)
    return read_row (stmt);
  if (rc != REDRESS_STEP_DONE)
    redress_statement_set_error (stmt, error, _("Could not read the drafts"));
  return NULL;
}

static gboolean
check_open (RedressDatabase  *db,
            const char       *draft_id,
            GError          **error)
{
  g_autoptr(RedressDraftInfo) info = redress_draft_get (db, draft_id, error);

  if (info == NULL)
    return FALSE;
  if (redress_draft_info_is_frozen (info))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                   _("This draft was marked as submitted on %s and can no longer be changed; "
                     "start a new draft to write another version."), info->frozen_at);
      return FALSE;
    }
  return _redress_database_check_writable (db, error);
}

gboolean
redress_draft_set_options (RedressDatabase  *db,
                           const char       *draft_id,
                           const char       *language,
                           const char       *profile,
                           GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autofree char *now = redress_timestamp_now ();

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  if (!check_options (language, profile, error) || !check_open (db, draft_id, error))
    return FALSE;
  stmt = redress_database_prepare (db, "UPDATE draft SET language = ?1, profile = ?2, updated_at = ?3 "
                                   "WHERE id = ?4", error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, language);
  redress_statement_bind_text (stmt, 2, profile);
  redress_statement_bind_text (stmt, 3, now);
  redress_statement_bind_text (stmt, 4, draft_id);
  if (!redress_statement_step_done (stmt, _("Could not save the draft"), error))
    return FALSE;
  return TRUE;
}

/**
 * redress_draft_set_section:
 * @body: the section's own text, in the composer's light markup
 *
 * Saves one section's prose (an empty @body clears it).
 */
gboolean
redress_draft_set_section (RedressDatabase  *db,
                           const char       *draft_id,
                           const char       *section_id,
                           const char       *body,
                           GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(RedressStatement) touch = NULL;
  g_autofree char *now = redress_timestamp_now ();

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (section_id != NULL, FALSE);

  if (body != NULL && !g_utf8_validate (body, -1, NULL))
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (!check_open (db, draft_id, error) || !_redress_database_begin (db, error))
    return FALSE;

  stmt = redress_database_prepare (db, "INSERT INTO draft_section (draft_id, section_id, body, updated_at) "
                                   "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (draft_id, section_id) "
                                   "DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at "
                                   "WHERE body IS NOT excluded.body", error);
  touch = redress_database_prepare (db, "UPDATE draft SET updated_at = ?1 WHERE id = ?2", error);
  if (stmt == NULL || touch == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, draft_id);
  redress_statement_bind_text (stmt, 2, section_id);
  redress_statement_bind_text (stmt, 3, body != NULL ? body : "");
  redress_statement_bind_text (stmt, 4, now);
  redress_statement_bind_text (touch, 1, now);
  redress_statement_bind_text (touch, 2, draft_id);
  if (!redress_statement_step_done (stmt, _("Could not save the draft"), error) ||
      !redress_statement_step_done (touch, _("Could not save the draft"), error) ||
      !_redress_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

/**
 * redress_draft_get_sections:
 *
 * Returns: (transfer full): section id → the lawyer's text, for the sections
 *   that have some.
 */
GHashTable *
redress_draft_get_sections (RedressDatabase  *db,
                            const char       *draft_id,
                            GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(GHashTable) ret = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  stmt = redress_database_prepare (db, "SELECT section_id, body FROM draft_section "
                                   "WHERE draft_id = ?1 AND body <> ''", error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, draft_id);
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    g_hash_table_insert (ret, g_strdup (redress_statement_column_text (stmt, 0)),
                         g_strdup (redress_statement_column_text (stmt, 1)));
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the draft"));
      return NULL;
    }
  return g_steal_pointer (&ret);
}

gboolean
redress_draft_delete (RedressDatabase  *db,
                      const char       *draft_id,
                      GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  if (!check_open (db, draft_id, error))
    return FALSE;
  stmt = redress_database_prepare (db, "DELETE FROM draft WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, draft_id);
  if (!redress_statement_step_done (stmt, _("Could not delete the draft"), error))
    return FALSE;
  return TRUE;
}

/* The latest @event already in the case's history (Record Event was used
 * first) that no filed draft holds yet, with its date; FALSE when there is
 * none. */
static gboolean
find_recorded_event (RedressDatabase  *db,
                     const char       *case_id,
                     const char       *event,
                     char            **event_id,
                     char            **occurred_on,
                     GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  *event_id = NULL;
  *occurred_on = NULL;
  stmt = redress_database_prepare (db, "SELECT id, occurred_on FROM procedural_event "
                                   "WHERE case_id = ?1 AND event = ?2 "
                                   /* One filing per recorded event: a second one is refused. */
                                   "AND id NOT IN (SELECT event_id FROM draft WHERE event_id IS NOT NULL) "
                                   "ORDER BY occurred_on DESC, seq DESC "
                                   "LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, case_id);
  redress_statement_bind_text (stmt, 2, event);
  rc = redress_statement_step (stmt);
  if (rc == REDRESS_STEP_ROW)
    {
      *event_id = g_strdup (redress_statement_column_text (stmt, 0));
      *occurred_on = g_strdup (redress_statement_column_text (stmt, 1));
      return TRUE;
    }
  if (rc != REDRESS_STEP_DONE)
    redress_statement_set_error (stmt, error, _("Could not read the procedural history"));
  return FALSE;
}

/* Filing a communication still at intake or drafting: the internal steps
 * before it (eligibility checked, draft approved; no legal source, "app" in
 * data/lifecycle.csv) are recorded on the filing date, so the filing itself
 * is never refused for want of them. */
static gboolean
record_steps_before_filing (RedressDatabase  *db,
                            const char       *case_id,
                            const char       *sent_on,
                            GError          **error)
{
  static const struct { const char *stage; const char *event; } steps[] = {
    { "INTAKE", "eligibility_checked_ok" },
    { "DRAFTING", "draft_approved" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *stage = redress_procedure_get_stage (db, case_id, "main", error);
      g_autofree char *id = NULL;

      if (stage == NULL)
        return FALSE;
      if (g_strcmp0 (stage, steps[i].stage) != 0 && !(i == 0 && stage[0] == '\0'))
        continue;
      id = redress_procedure_record_event (db, case_id, "main", steps[i].event, sent_on, NULL, NULL,
                                           _("Recorded when the submission was filed"), error);
      if (id == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * redress_draft_mark_submitted:
 * @store: the docket's evidence locker
 * @submission: the bytes sent and how
 *
 * Freezes @draft_id: the exact bytes go into the evidence locker (their SHA-256
 * is kept on the draft), an outgoing letter to the Committee is registered with
 * the file attached, and the letter reports @submission->event to the
 * procedure engine (for a communication, "sent_to_ohchr", which stops the
 * art 7(h) clock and opens what follows).  Mark as Submitted and Record Event
 * are one path: when the event is already in the history, the letter and the
 * draft are attached to it (and dated as it is) rather than recording it
 * twice; a communication still at intake or drafting has the internal steps
 * before filing recorded first.  All in one transaction: when the procedure
 * refuses the event, nothing is recorded.
 *
 * Returns: (transfer full): the frozen draft, or %NULL with @error set.
 */
RedressDraftInfo *
redress_draft_mark_submitted (RedressEvidenceStore    *store,
                              const char              *draft_id,
                              const RedressSubmission *submission,
                              GError                 **error)
{
  RedressDatabase *db;
  g_autoptr(RedressDraftInfo) draft = NULL;
  g_autoptr(RedressEvidenceInfo) item = NULL;
  g_autoptr(RedressLetter) letter = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  g_autoptr(RedressStatement) kind = NULL;
  g_autofree char *letter_id = NULL;
  g_autofree char *now = redress_timestamp_now ();
  g_autofree char *provenance = NULL;
  g_autofree char *recorded_id = NULL;
  g_autofree char *recorded_on = NULL;
  const char *sent_on;

  g_return_val_if_fail (REDRESS_IS_EVIDENCE_STORE (store), NULL);
  g_return_val_if_fail (submission != NULL && submission->bytes != NULL, NULL);
  g_return_val_if_fail (submission->file_name != NULL, NULL);

  db = redress_evidence_store_get_database (store);
  if (!check_open (db, draft_id, error))
    return NULL;
  if (!redress_iso_date_is_valid (submission->sent_on))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is not a date: give the date sent as YYYY-MM-DD."),
                   submission->sent_on != NULL ? submission->sent_on : "");
      return NULL;
    }
  if (g_bytes_get_size (submission->bytes) == 0)
    {
      g_set_error_literal (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                           _("The document to file is empty."));
      return NULL;
    }
  draft = redress_draft_get (db, draft_id, error);
  if (draft == NULL || !_redress_database_begin (db, error))
    return NULL;

  sent_on = submission->sent_on;
  if (submission->event != NULL && *submission->event != '\0')
    {
      g_autoptr(GError) local = NULL;

      if (find_recorded_event (db, draft->case_id, submission->event, &recorded_id, &recorded_on, &local))
        sent_on = recorded_on;
      else if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          goto fail;
        }
      else if (g_strcmp0 (submission->event, "sent_to_ohchr") == 0 &&
               !record_steps_before_filing (db, draft->case_id, sent_on, error))
        goto fail;
    }

  provenance = g_strdup_printf (_("Filed with the Committee on %s (drafted in Redress)"),
                                sent_on);
  stream = g_memory_input_stream_new_from_bytes (submission->bytes);
  item = redress_evidence_store_add_stream (store, draft->case_id, stream, submission->file_name,
                                            provenance, NULL, error);
  if (item == NULL)
    goto fail;
  kind = redress_database_prepare (db, "UPDATE evidence_item SET kind = 'letter', language = ?1, "
                                   "shown_date = ?2, updated_at = ?3 WHERE id = ?4", error);
  if (kind == NULL)
    goto fail;
  redress_statement_bind_text (kind, 1, draft->language);
  redress_statement_bind_text (kind, 2, sent_on);
  redress_statement_bind_text (kind, 3, now);
  redress_statement_bind_text (kind, 4, item->id);
  if (!redress_statement_step_done (kind, _("Could not file the document"), error))
    goto fail;

  letter = redress_letter_new (draft->case_id, "out");
  letter->channel = g_strdup (submission->channel != NULL ? submission->channel : "email");
  letter->letter_date = g_strdup (sent_on);
  letter->transit_date = g_strdup (sent_on);
  letter->subject = g_strdup (submission->subject != NULL ? submission->subject : submission->file_name);
  letter->body = g_strdup_printf (_("%s (SHA-256 %s)"), submission->file_name, item->sha256);
  if (recorded_id == NULL && submission->event != NULL && *submission->event != '\0')
    letter->reported_event = g_strdup (submission->event);
  letter_id = redress_correspondence_register_add (db, letter, error);
  if (letter_id == NULL ||
      !redress_correspondence_register_attach (db, letter_id, item->id, error))
    goto fail;
  if (recorded_id != NULL)
    {
      /* The letter is the one that reported the event recorded earlier. */
      g_autoptr(RedressStatement) attach = NULL;

      attach = redress_database_prepare (db, "UPDATE correspondence SET event_id = ?1, reported_event = ?2 "
                                         "WHERE id = ?3", error);
      if (attach == NULL)
        goto fail;
      redress_statement_bind_text (attach, 1, recorded_id);
      redress_statement_bind_text (attach, 2, submission->event);
      redress_statement_bind_text (attach, 3, letter_id);
      if (!redress_statement_step_done (attach, _("Could not file the document"), error))
        goto fail;
    }

  stmt = redress_database_prepare (db, "UPDATE draft SET frozen_at = ?1, frozen_sha256 = ?2, "
                                   "frozen_name = ?3, evidence_id = ?4, correspondence_id = ?5, "
                                   "event_id = (SELECT event_id FROM correspondence WHERE id = ?5), "
                                   "updated_at = ?1 WHERE id = ?6", error);
  if (stmt == NULL)
    goto fail;
  redress_statement_bind_text (stmt, 1, now);
  redress_statement_bind_text (stmt, 2, item->sha256);
  redress_statement_bind_text (stmt, 3, submission->file_name);
  redress_statement_bind_text (stmt, 4, item->id);
  redress_statement_bind_text (stmt, 5, letter_id);
  redress_statement_bind_text (stmt, 6, draft_id);
  if (!redress_statement_step_done (stmt, _("Could not file the document"), error) ||
      !_redress_database_commit (db, error))
    goto fail;

  return redress_draft_get (db, draft_id, error);

fail:
  _redress_database_rollback (db);
  return NULL;
}
