/* redress-test-util.h
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the test programs.
 */

#pragma once

#include <glib.h>

#include "redress-database.h"

G_BEGIN_DECLS

/* Removes @path and everything in it (links are removed, not followed). */
void redress_test_rm_rf (const char *path);

/* A new temporary folder "redress-NAME-XXXXXX" (NAME says which test made
 * it); the test fails when it cannot be made.  Remove it with
 * redress_test_rm_rf(). */
char *redress_test_make_tmp_dir (const char *name) G_GNUC_WARN_UNUSED_RESULT;

/* The temporary docket of a test: a folder of its own, the docket file
 * "docket.redress" in it, created and opened without encryption.
 * redress_test_docket_clear() closes it and removes the folder with the
 * docket, its WAL, its evidence and whatever else the test put there. */
typedef struct
{
  char            *dir;
  char            *path;
  RedressDatabase *db;
} RedressTestDocket;

void redress_test_docket_init  (RedressTestDocket *docket,
                                const char        *name);
/* The folder and the path only, for a test that opens the docket itself
 * (with a passphrase, read-only, several times); @db stays %NULL. */
void redress_test_docket_init_unopened (RedressTestDocket *docket,
                                        const char        *name);
void redress_test_docket_clear (RedressTestDocket *docket);

/* g_test_init() with the user's folders (HOME, XDG_*) in one temporary
 * folder for the whole program, removed at exit.  Used instead of
 * G_TEST_OPTION_ISOLATE_DIRS, whose per-test folders GLib 2.74 leaks (so
 * LeakSanitizer would flag every test of a sanitizer build). */
void redress_test_init (int    *argc,
                        char ***argv);

/* How long a test waits for something it expects before it fails: generous,
 * since the machine may be loaded (REDRESS_TEST_TIMEOUT overrides it, in
 * seconds). */
guint redress_test_timeout_ms (void);

typedef gboolean (*RedressTestCondition) (gpointer data);

/* Iterates the default main context until @cond (@data) holds or the
 * generous timeout passes; returns the last value of @cond.  A 10 ms tick
 * keeps the loop from blocking when nothing is pending. */
gboolean redress_test_wait_for (RedressTestCondition cond,
                                gpointer             data);

/* The same for an expression, failing the test (naming the expression) when
 * it does not come true in time. */
#define REDRESS_TEST_WAIT_FOR(expr)                                             \
  G_STMT_START {                                                              \
    gint64 end_ = g_get_monotonic_time () +                                   \
                  (gint64) redress_test_timeout_ms () * 1000;                 \
    guint tick_ = redress_test_tick_add ();                                   \
    gboolean ok_;                                                             \
    while (!(ok_ = !!(expr)) && g_get_monotonic_time () < end_)               \
      g_main_context_iteration (NULL, TRUE);                                  \
    g_source_remove (tick_);                                                  \
    if (!ok_)                                                                 \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,       \
                           "timed out waiting for: " #expr);                  \
  } G_STMT_END

/* Lets every source that is ready now run (idles, finished tasks), without
 * waiting for anything. */
void redress_test_flush_main_context (void);

guint redress_test_tick_add (void);

/* Reads @fd until @n complete lines have arrived, @fd reaches its end or
 * the timeout passes; appends them to @lines and returns how many arrived. */
guint redress_test_read_lines (int        fd,
                               guint      n,
                               GString   *pending,
                               GPtrArray *lines);

G_END_DECLS
