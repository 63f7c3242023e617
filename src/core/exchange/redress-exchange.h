/* redress-exchange.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One case with everything in it, as a JSON file (docs/export-format.md).
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "redress-database.h"

G_BEGIN_DECLS

#define REDRESS_EXCHANGE_FORMAT  "redress-case"
#define REDRESS_EXCHANGE_VERSION 1

typedef enum
{
  REDRESS_EXCHANGE_IMPORT_DEFAULT = 0,
  REDRESS_EXCHANGE_IMPORT_REPLACE = 1 << 0,  /* overwrite a case with the same id */
} RedressExchangeImportFlags;

char     *redress_exchange_resolve_case  (RedressDatabase             *db,
                                          const char                  *reference_or_id,
                                          GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
char     *redress_exchange_export_case   (RedressDatabase             *db,
                                          const char                  *case_id,
                                          GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  redress_exchange_export_to_file (RedressDatabase            *db,
                                          const char                  *case_id,
                                          const char                  *path,
                                          GError                     **error);
char     *redress_exchange_import        (RedressDatabase             *db,
                                          const char                  *json,
                                          gssize                       length,
                                          RedressExchangeImportFlags   flags,
                                          GError                     **error) G_GNUC_WARN_UNUSED_RESULT;
char     *redress_exchange_import_file   (RedressDatabase             *db,
                                          const char                  *path,
                                          RedressExchangeImportFlags   flags,
                                          GError                     **error) G_GNUC_WARN_UNUSED_RESULT;

/* The text of a JSON tree as the format writes it (two-space indentation,
 * `"key": value`); the command line prints its JSON output with it. */
char              *redress_json_to_string           (JsonNode           *node,
                                                     gboolean            pretty) G_GNUC_WARN_UNUSED_RESULT;

/* The command line's JSON output: a JsonBuilder written by redress_json_to_string(). */
typedef struct _RedressJsonWriter RedressJsonWriter;

RedressJsonWriter *redress_json_writer_new          (gboolean            pretty);
void               redress_json_writer_free         (RedressJsonWriter  *self);
char              *redress_json_writer_steal        (RedressJsonWriter  *self) G_GNUC_WARN_UNUSED_RESULT;
void               redress_json_writer_begin_object (RedressJsonWriter  *self);
void               redress_json_writer_end_object   (RedressJsonWriter  *self);
void               redress_json_writer_begin_array  (RedressJsonWriter  *self);
void               redress_json_writer_end_array    (RedressJsonWriter  *self);
void               redress_json_writer_key          (RedressJsonWriter  *self,
                                                     const char         *key);
void               redress_json_writer_string       (RedressJsonWriter  *self,
                                                     const char         *value);
void               redress_json_writer_int          (RedressJsonWriter  *self,
                                                     gint64              value);
void               redress_json_writer_boolean      (RedressJsonWriter  *self,
                                                     gboolean            value);
void               redress_json_writer_null         (RedressJsonWriter  *self);
void               redress_json_writer_member_string (RedressJsonWriter *self,
                                                      const char        *key,
                                                      const char        *value);
void               redress_json_escape_string       (GString            *out,
                                                     const char         *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RedressJsonWriter, redress_json_writer_free)

G_END_DECLS
