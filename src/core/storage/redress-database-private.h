/* redress-database-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the model layer only: transactions, migrations and keys.  Statements
 * are in redress-statement.h; the SQLite handle in redress-sqlite-private.h,
 * for src/core/storage only.
 */

#pragma once

#include "redress-database.h"
#include "redress-statement.h"

G_BEGIN_DECLS

gboolean      _redress_database_exec        (RedressDatabase  *self,
                                             const char       *sql,
                                             GError          **error);
gboolean      _redress_database_begin       (RedressDatabase  *self,
                                             GError          **error);
gboolean      _redress_database_commit      (RedressDatabase  *self,
                                             GError          **error);
void          _redress_database_rollback    (RedressDatabase  *self);
gboolean      _redress_database_in_transaction (RedressDatabase *self);
gboolean      _redress_database_check_writable (RedressDatabase *self,
                                             GError          **error);
gboolean      _redress_database_migrate_to  (RedressDatabase  *self,
                                             int               version,
                                             GError          **error);
RedressDatabase *_redress_database_open_full (const char       *path,
                                             const char       *passphrase,
                                             RedressDatabaseOpenFlags flags,
                                             int               version,
                                             GError          **error);
void          _redress_database_flush_changes (RedressDatabase *self);
void          _redress_database_add_orphans_removed (RedressDatabase *self,
                                             guint             removed);
guint         _redress_database_get_orphans_removed (RedressDatabase *self);
GObject      *_redress_database_get_docket  (RedressDatabase  *self);
void          _redress_database_set_docket  (RedressDatabase  *self,
                                             GObject          *docket,
                                             gboolean          owned);
const char   *_redress_database_get_passphrase (RedressDatabase *self);
const guint8 *_redress_database_get_data_key (RedressDatabase *self);
gboolean      _redress_database_derive_subkey (RedressDatabase *self,
                                             const char       *purpose,
                                             guint8           *out,
                                             gsize             len);

/* Tests only: counts the statements run on the main connection. */
void          _redress_database_count_statements (RedressDatabase *self,
                                             gboolean          enable);
guint         _redress_database_get_statement_count (RedressDatabase *self,
                                             const char       *matching);

G_END_DECLS
