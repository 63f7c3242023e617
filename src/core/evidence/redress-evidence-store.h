/* redress-evidence-store.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "redress-database.h"

G_BEGIN_DECLS

/* What an evidence item can be linked to; the composer numbers linked items as annexes. */
typedef enum
{
  REDRESS_EVIDENCE_TARGET_VIOLATION,
  REDRESS_EVIDENCE_TARGET_FACT,
  REDRESS_EVIDENCE_TARGET_REMEDY,
  REDRESS_EVIDENCE_TARGET_CORRESPONDENCE,
} RedressEvidenceTarget;

/* How a stored original compares with the hash taken at intake. */
typedef enum
{
  REDRESS_EVIDENCE_STATE_INTACT,
  REDRESS_EVIDENCE_STATE_CHANGED,
  REDRESS_EVIDENCE_STATE_MISSING,
} RedressEvidenceState;

/* Kinds are the strings of redress-enums.h (redress_evidence_kind_get_values()). */
const char *redress_evidence_kind_guess         (const char            *mime_type);
const char *redress_evidence_target_to_string   (RedressEvidenceTarget  target);
gboolean    redress_evidence_target_from_string (const char            *str,
                                                 RedressEvidenceTarget *target);

/* Called from the copying thread; @total is 0 when the size is not known. */
typedef void (*RedressEvidenceProgressFunc) (guint64  done,
                                             guint64  total,
                                             gpointer user_data);

/* Reads what the file itself says beyond its MIME type (the media library
 * counts PDF pages).  Called from a worker thread with the stored original;
 * returns the page count or -1. */
typedef int (*RedressEvidenceInspectFunc) (const char *path,
                                           const char *mime_type,
                                           gpointer    user_data);

/* One evidence item as stored (the editable record is RedressEvidenceItem,
 * redress-evidence-item.h; the locker never changes an original). */
typedef struct
{
  char    *id;
  char    *case_id;
  char    *sha256;
  char    *title;
  char    *description;
  char    *kind;             /* redress_evidence_kind_is_valid() */
  char    *shown_date;       /* YYYY-MM-DD or NULL */
  char    *provenance;
  char    *language;
  int      identifies_child; /* -1 not recorded, 0, 1 */
  char    *confidentiality;
  char    *original_name;
  char    *mime_type;
  guint64  size;
  int      page_count;       /* -1 when not known */
  char    *created_at;
  gboolean duplicate;        /* the last add found this content already in the case */
} RedressEvidenceInfo;

#define REDRESS_TYPE_EVIDENCE_INFO (redress_evidence_info_get_type ())
GType                redress_evidence_info_get_type (void) G_GNUC_CONST;
RedressEvidenceInfo *redress_evidence_info_copy     (const RedressEvidenceInfo *info);
void                 redress_evidence_info_free     (RedressEvidenceInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressEvidenceInfo, redress_evidence_info_free)

/* One row of an item's custody log. */
typedef struct
{
  char   *id;
  char   *evidence_id;
  gint64  seq;
  char   *action;      /* "intake", "view", "export", "verify", "link", "unlink", "edit" */
  char   *actor;
  char   *at;
  char   *note;
  char   *chain_hash;
} RedressCustodyEvent;

#define REDRESS_TYPE_CUSTODY_EVENT (redress_custody_event_get_type ())
GType                redress_custody_event_get_type (void) G_GNUC_CONST;
RedressCustodyEvent *redress_custody_event_copy     (const RedressCustodyEvent *event);
void                 redress_custody_event_free     (RedressCustodyEvent       *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressCustodyEvent, redress_custody_event_free)

/* One link from an item to a violation, fact, remedy or letter. */
typedef struct
{
  char                 *id;
  char                 *evidence_id;
  RedressEvidenceTarget target;
  char                 *target_id;
  char                 *created_at;
} RedressEvidenceLink;

#define REDRESS_TYPE_EVIDENCE_LINK (redress_evidence_link_get_type ())
GType                redress_evidence_link_get_type (void) G_GNUC_CONST;
RedressEvidenceLink *redress_evidence_link_copy     (const RedressEvidenceLink *link);
void                 redress_evidence_link_free     (RedressEvidenceLink       *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressEvidenceLink, redress_evidence_link_free)

/* The outcome of a verification run. */
typedef struct
{
  char      *id;
  guint      checked;
  guint      intact;
  guint      changed;
  guint      missing;
  GPtrArray *problems;  /* RedressEvidenceProblem */
} RedressVerifyReport;

typedef struct
{
  char                 *evidence_id;
  char                 *case_id;
  char                 *title;
  char                 *expected_sha256;
  char                 *actual_sha256;  /* NULL when missing */
  RedressEvidenceState  state;
} RedressEvidenceProblem;

#define REDRESS_TYPE_VERIFY_REPORT (redress_verify_report_get_type ())
GType                redress_verify_report_get_type (void) G_GNUC_CONST;
RedressVerifyReport *redress_verify_report_ref      (RedressVerifyReport *report);
void                 redress_verify_report_unref    (RedressVerifyReport *report);
gboolean             redress_verify_report_is_clean (RedressVerifyReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressVerifyReport, redress_verify_report_unref)

/* The locker itself. */
#define REDRESS_TYPE_EVIDENCE_STORE (redress_evidence_store_get_type ())

G_DECLARE_FINAL_TYPE (RedressEvidenceStore, redress_evidence_store, REDRESS, EVIDENCE_STORE, GObject)

RedressEvidenceStore *redress_evidence_store_new              (RedressDatabase             *db) G_GNUC_WARN_UNUSED_RESULT;
RedressDatabase      *redress_evidence_store_get_database     (RedressEvidenceStore        *self);
void                  redress_evidence_store_set_inspector    (RedressEvidenceStore        *self,
                                                               RedressEvidenceInspectFunc   func,
                                                               gpointer                     user_data);
char                 *redress_evidence_store_resolve_case     (RedressEvidenceStore        *self,
                                                               const char                  *id_or_reference,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
char                 *redress_evidence_store_get_original_path (RedressEvidenceStore       *self,
                                                               const char                  *sha256) G_GNUC_WARN_UNUSED_RESULT;
guint                 redress_evidence_store_sweep_temporary  (RedressEvidenceStore        *self);
gboolean              redress_evidence_store_get_encrypted    (RedressEvidenceStore        *self);
char                 *redress_evidence_store_get_readable_path (RedressEvidenceStore       *self,
                                                               const char                  *sha256,
                                                               const char                  *original_name,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
void                  redress_evidence_store_release_readable_path (RedressEvidenceStore   *self,
                                                               const char                  *path);
void                  redress_evidence_store_keep_readable_path (RedressEvidenceStore      *self,
                                                               const char                  *path);
guint                 redress_evidence_store_count_orphans    (RedressEvidenceStore        *self,
                                                               guint                       *removed);

RedressEvidenceInfo  *redress_evidence_store_add_file         (RedressEvidenceStore        *self,
                                                               const char                  *case_id,
                                                               GFile                       *source,
                                                               const char                  *provenance,
                                                               RedressEvidenceProgressFunc  progress,
                                                               gpointer                     progress_data,
                                                               GCancellable                *cancellable,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
RedressEvidenceInfo  *redress_evidence_store_add_stream       (RedressEvidenceStore        *self,
                                                               const char                  *case_id,
                                                               GInputStream                *stream,
                                                               const char                  *name,
                                                               const char                  *provenance,
                                                               GCancellable                *cancellable,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
void                  redress_evidence_store_add_files_async  (RedressEvidenceStore        *self,
                                                               const char                  *case_id,
                                                               GFile                      **sources,
                                                               guint                        n_sources,
                                                               RedressEvidenceProgressFunc  progress,
                                                               gpointer                     progress_data,
                                                               GDestroyNotify               progress_notify,
                                                               GCancellable                *cancellable,
                                                               GAsyncReadyCallback          callback,
                                                               gpointer                     user_data);
GPtrArray            *redress_evidence_store_add_files_finish (RedressEvidenceStore        *self,
                                                               GAsyncResult                *result,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

RedressEvidenceInfo  *redress_evidence_store_get_info         (RedressEvidenceStore        *self,
                                                               const char                  *id,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray            *redress_evidence_store_list             (RedressEvidenceStore        *self,
                                                               const char                  *case_id,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray            *redress_evidence_store_list_custody     (RedressEvidenceStore        *self,
                                                               const char                  *evidence_id,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean              redress_evidence_store_check_custody    (RedressEvidenceStore        *self,
                                                               const char                  *evidence_id,
                                                               GError                     **error);
char                 *redress_evidence_store_open_original    (RedressEvidenceStore        *self,
                                                               const char                  *evidence_id,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean              redress_evidence_store_export           (RedressEvidenceStore        *self,
                                                               const char                  *evidence_id,
                                                               GFile                       *destination,
                                                               GCancellable                *cancellable,
                                                               GError                     **error);

gboolean              redress_evidence_store_link             (RedressEvidenceStore        *self,
                                                               const char                  *evidence_id,
                                                               RedressEvidenceTarget        target,
                                                               const char                  *target_id,
                                                               GError                     **error);
gboolean              redress_evidence_store_unlink           (RedressEvidenceStore        *self,
                                                               const char                  *evidence_id,
                                                               RedressEvidenceTarget        target,
                                                               const char                  *target_id,
                                                               GError                     **error);
GPtrArray            *redress_evidence_store_list_links       (RedressEvidenceStore        *self,
                                                               const char                  *evidence_id,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray            *redress_evidence_store_list_linked      (RedressEvidenceStore        *self,
                                                               RedressEvidenceTarget        target,
                                                               const char                  *target_id,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

RedressVerifyReport  *redress_evidence_store_verify           (RedressEvidenceStore        *self,
                                                               const char                  *case_id,
                                                               const char                  *evidence_id,
                                                               RedressEvidenceProgressFunc  progress,
                                                               gpointer                     progress_data,
                                                               GCancellable                *cancellable,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
void                  redress_evidence_store_verify_async     (RedressEvidenceStore        *self,
                                                               const char                  *case_id,
                                                               const char                  *evidence_id,
                                                               RedressEvidenceProgressFunc  progress,
                                                               gpointer                     progress_data,
                                                               GDestroyNotify               progress_notify,
                                                               GCancellable                *cancellable,
                                                               GAsyncReadyCallback          callback,
                                                               gpointer                     user_data);
RedressVerifyReport  *redress_evidence_store_verify_finish    (RedressEvidenceStore        *self,
                                                               GAsyncResult                *result,
                                                               GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

GBytes               *redress_evidence_store_lookup_thumbnail (RedressEvidenceStore        *self,
                                                               const char                  *sha256,
                                                               int                          size) G_GNUC_WARN_UNUSED_RESULT;
gboolean              redress_evidence_store_save_thumbnail   (RedressEvidenceStore        *self,
                                                               const char                  *sha256,
                                                               int                          size,
                                                               GBytes                      *png,
                                                               GError                     **error);

G_END_DECLS
