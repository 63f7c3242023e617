/* redress-docket-private.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session state each layer keeps in the docket, for that layer's code
 * only.  It is the one place where code below the docket reaches it, always
 * through redress_docket_get_for_database().
 */

#pragma once

#include "redress-docket.h"

G_BEGIN_DECLS

/* src/core/records/redress-record.c: the identity map of live records. */
typedef struct _RedressRecordState RedressRecordState;

RedressRecordState *_redress_record_state_new   (RedressDatabase    *db);
void                _redress_record_state_free  (RedressRecordState *state);

/* src/core/storage/redress-search.c: the read-only connection kept for searches. */
typedef struct _RedressSearchReader RedressSearchReader;

RedressSearchReader *_redress_search_reader_new  (void);
void                 _redress_search_reader_free (RedressSearchReader *reader);

RedressRecordState  *_redress_docket_get_record_state  (RedressDocket *self);
RedressSearchReader *_redress_docket_get_search_reader (RedressDocket *self);
RedressRecordState  *_redress_docket_peek_record_state (RedressDatabase *db);

G_END_DECLS
