/* redress-admissibility.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every ground is evaluated from what the case file records, with its
 * citation and verification mark (domain.md §1, §1.1, §4).  A ground the
 * record cannot settle is "unknown", never "pass"; one that depends on an
 * argument the Committee weighs (an excuse, a continuing violation, acting
 * without consent) is "needs_argument".
 */

#define G_LOG_DOMAIN "redress-admissibility"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-admissibility.h"
#include "redress-database-private.h"
#include "redress-date.h"
#include "redress-l10n.h"
#include "redress-util.h"

/* Citations: article, then the mark of domain.md. */
#define CITE_ART1_3 N_("OP3 art 1(3) [V]; art 19 [V]")
#define CITE_ART1_2 N_("OP3 art 1(2) [V]; art 5(1) [V]")
#define CITE_ART5   N_("OP3 art 5(1)-(2) [V]; RoP rules 12-13 [S]")
#define CITE_7A     N_("OP3 art 7(a) [V]; RoP rule 13 [S]")
#define CITE_7B     N_("OP3 art 7(b) [V]")
#define CITE_7C     N_("OP3 art 7(c) [V]; art 5(1) [V]")
#define CITE_7D     N_("OP3 art 7(d) [V]")
#define CITE_7E     N_("OP3 art 7(e) [V]")
#define CITE_7F     N_("OP3 art 7(f) [V]")
#define CITE_7G     N_("OP3 art 7(g) [V]; art 20 [V]")
#define CITE_ART20  N_("OP3 art 20 [V]; art 7(g) [V]")
#define CITE_7H     N_("OP3 art 7(h) [V]; counted from the earlier of decision and notification [U]")
#define CITE_13_7   N_("OP3 art 13(7)-(8) [V]/[U]")
#define CITE_AGE    N_("CRC art 1 [V]; OP3 art 5(1) [V]")

struct _RedressGroundResult
{
  GObject              parent_instance;

  char                *ground;
  RedressGroundStatus  status;
  char                *citation;
  char                *explanation;
  char                *field_hint;
};

G_DEFINE_FINAL_TYPE (RedressGroundResult, redress_ground_result, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RedressGroundStatus, redress_ground_status,
                    G_DEFINE_ENUM_VALUE (REDRESS_GROUND_PASS, "pass"),
                    G_DEFINE_ENUM_VALUE (REDRESS_GROUND_FAIL, "fail"),
                    G_DEFINE_ENUM_VALUE (REDRESS_GROUND_NEEDS_ARGUMENT, "needs-argument"),
                    G_DEFINE_ENUM_VALUE (REDRESS_GROUND_UNKNOWN, "unknown"))

enum {
  PROP_0,
  PROP_GROUND,
  PROP_STATUS,
  PROP_CITATION,
  PROP_EXPLANATION,
  PROP_FIELD_HINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redress_ground_result_finalize (GObject *object)
{
  RedressGroundResult *self = (RedressGroundResult *)object;

  g_clear_pointer (&self->ground, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->field_hint, g_free);

  G_OBJECT_CLASS (redress_ground_result_parent_class)->finalize (object);
}

static void
redress_ground_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RedressGroundResult *self = REDRESS_GROUND_RESULT (object);

  switch (prop_id)
    {
    case PROP_GROUND:
      g_value_set_string (value, self->ground);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_FIELD_HINT:
      g_value_set_string (value, self->field_hint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_ground_result_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RedressGroundResult *self = REDRESS_GROUND_RESULT (object);

  switch (prop_id)
    {
    case PROP_GROUND:
      self->ground = g_value_dup_string (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_CITATION:
      self->citation = g_value_dup_string (value);
      break;
    case PROP_EXPLANATION:
      self->explanation = g_value_dup_string (value);
      break;
    case PROP_FIELD_HINT:
      self->field_hint = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
redress_ground_result_class_init (RedressGroundResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = redress_ground_result_finalize;
  object_class->get_property = redress_ground_result_get_property;
  object_class->set_property = redress_ground_result_set_property;

  /* "art1.2", "art1.3", "art5", "7a" … "7h", "art20", "13.7", "age". */
  properties[PROP_GROUND] = g_param_spec_string ("ground", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, REDRESS_TYPE_GROUND_STATUS,
                                               REDRESS_GROUND_UNKNOWN, flags);
  properties[PROP_CITATION] = g_param_spec_string ("citation", NULL, NULL, NULL, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  /* The case-file field whose value would change the result ("case_file.in_writing"). */
  properties[PROP_FIELD_HINT] = g_param_spec_string ("field-hint", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
redress_ground_result_init (RedressGroundResult *self)
{
}

RedressGroundResult *
redress_ground_result_new (const char          *ground,
                           RedressGroundStatus  status,
                           const char          *citation,
                           const char          *explanation,
                           const char          *field_hint)
{
  return g_object_new (REDRESS_TYPE_GROUND_RESULT,
                       "ground", ground,
                       "status", status,
                       "citation", citation,
                       "explanation", explanation,
                       "field-hint", field_hint,
                       NULL);
}

const char *
redress_ground_result_get_ground (RedressGroundResult *self)
{
  g_return_val_if_fail (REDRESS_IS_GROUND_RESULT (self), NULL);
  return self->ground;
}

RedressGroundStatus
redress_ground_result_get_status (RedressGroundResult *self)
{
  g_return_val_if_fail (REDRESS_IS_GROUND_RESULT (self), REDRESS_GROUND_UNKNOWN);
  return self->status;
}

const char *
redress_ground_result_get_citation (RedressGroundResult *self)
{
  g_return_val_if_fail (REDRESS_IS_GROUND_RESULT (self), NULL);
  /* Translators: the citations keep their confidence marks [V], [S], [U]. */
  return _(self->citation);
}

const char *
redress_ground_result_get_explanation (RedressGroundResult *self)
{
  g_return_val_if_fail (REDRESS_IS_GROUND_RESULT (self), NULL);
  return self->explanation;
}

const char *
redress_ground_result_get_field_hint (RedressGroundResult *self)
{
  g_return_val_if_fail (REDRESS_IS_GROUND_RESULT (self), NULL);
  return self->field_hint;
}

/* "pass", "fail", "needs_argument", "unknown": the words of --json. */
const char *
redress_ground_status_to_string (RedressGroundStatus status)
{
  switch (status)
    {
    case REDRESS_GROUND_PASS:
      return "pass";
    case REDRESS_GROUND_FAIL:
      return "fail";
    case REDRESS_GROUND_NEEDS_ARGUMENT:
      return "needs_argument";
    case REDRESS_GROUND_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
redress_ground_status_get_label (RedressGroundStatus status)
{
  switch (status)
    {
    case REDRESS_GROUND_PASS:
      return _("Passes");
    case REDRESS_GROUND_FAIL:
      return _("Fails");
    case REDRESS_GROUND_NEEDS_ARGUMENT:
      return _("Needs an argument");
    case REDRESS_GROUND_UNKNOWN:
    default:
      return _("Unknown");
    }
}

RedressGroundResult *
redress_admissibility_find (GPtrArray  *results,
                            const char *ground)
{
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      RedressGroundResult *r = g_ptr_array_index (results, i);

      if (g_strcmp0 (r->ground, ground) == 0)
        return r;
    }
  return NULL;
}

/* What the evaluation reads of a case. */

typedef struct
{
  char     *id;
  char     *role;
  char     *person_id;
  char     *name;           /* given + family, "" when none */
  char     *birth_date;
  int       consent_given;  /* -1: not recorded */
  int       disclose;       /* -1: not recorded */
  char     *justification;
} Party;

typedef struct
{
  char      *id;
  char      *treaty;
  char      *article;
  char      *paragraph;
  gboolean   continuing;
  GPtrArray *facts;         /* Fact *, not owned */
} Violation;

typedef struct
{
  char     *id;
  char     *occurred_on;
  char     *occurred_until;
  char     *description;
  gboolean  continuing;
} Fact;

typedef struct
{
  char     *forum;
  char     *decided_on;
  char     *notified_on;
  char     *not_pursued_reason;
  gboolean  is_final;
} Remedy;

typedef struct
{
  char *body;
  int   same_matter;        /* -1: not assessed */
} OtherProcedure;

typedef struct
{
  char                     *kind;
  char                     *reference;
  char                     *state_code;
  char                     *submitted_on;
  char                     *remedies_excuse;
  char                     *time_limit_excuse;
  int                       in_writing;  /* -1: not recorded */
  GPtrArray                *parties;
  GPtrArray                *violations;
  GPtrArray                *facts;
  GPtrArray                *remedies;
  GPtrArray                *others;
  const RedressStateRecord *state;
  const char               *state_name;  /* in the window's language */
  const char               *today;
  const char               *data_as_of;
} Case;

static void
party_free (gpointer data)
{
  Party *p = data;

  g_free (p->id);
  g_free (p->role);
  g_free (p->person_id);
  g_free (p->name);
  g_free (p->birth_date);
  g_free (p->justification);
  g_free (p);
}

static void
violation_free (gpointer data)
{
  Violation *v = data;

  g_free (v->id);
  g_free (v->treaty);
  g_free (v->article);
  g_free (v->paragraph);
  g_ptr_array_unref (v->facts);
  g_free (v);
}

static void
fact_free (gpointer data)
{
  Fact *f = data;

  g_free (f->id);
  g_free (f->occurred_on);
  g_free (f->occurred_until);
  g_free (f->description);
  g_free (f);
}

static void
remedy_free (gpointer data)
{
  Remedy *r = data;

  g_free (r->forum);
  g_free (r->decided_on);
  g_free (r->notified_on);
  g_free (r->not_pursued_reason);
  g_free (r);
}

static void
other_free (gpointer data)
{
  OtherProcedure *o = data;

  g_free (o->body);
  g_free (o);
}

static void
case_clear (Case *c)
{
  g_free (c->kind);
  g_free (c->reference);
  g_free (c->state_code);
  g_free (c->submitted_on);
  g_free (c->remedies_excuse);
  g_free (c->time_limit_excuse);
  g_clear_pointer (&c->parties, g_ptr_array_unref);
  g_clear_pointer (&c->violations, g_ptr_array_unref);
  g_clear_pointer (&c->facts, g_ptr_array_unref);
  g_clear_pointer (&c->remedies, g_ptr_array_unref);
  g_clear_pointer (&c->others, g_ptr_array_unref);
}

static char *
col (sqlite3_stmt *stmt,
     int           i)
{
  const char *s = _redress_column_text (stmt, i);

  return (s == NULL || *s == '\0') ? NULL : g_strdup (s);
}

static char *
col_text (sqlite3_stmt *stmt,
          int           i)
{
  const char *s = _redress_column_text (stmt, i);

  return g_strdup (s ? s : "");
}

static int
col_tristate (sqlite3_stmt *stmt,
              int           i)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, i);
}

static sqlite3_stmt *
query (RedressDatabase  *db,
       const char       *sql,
       const char       *case_id,
       GError          **error)
{
  sqlite3_stmt *stmt = _redress_database_prepare (db, sql, error);

  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
load_case (RedressDatabase  *db,
           const char       *case_id,
           Case             *c,
           GError          **error)
{
  g_autoptr(sqlite3_stmt) s = NULL;
  g_autoptr(GHashTable) facts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) violations_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  s = query (db,
             "SELECT kind, reference, state_code, coalesce (submitted_on, "
             "(SELECT min (occurred_on) FROM procedural_event e WHERE e.case_id = c.id "
             "AND e.event IN ('sent_to_ohchr', 'information_sent'))), "
             "remedies_excuse, time_limit_excuse, in_writing FROM case_file c WHERE id = ?",
             case_id, error);
  if (s == NULL)
    return FALSE;
  if (sqlite3_step (s) != SQLITE_ROW)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("The case no longer exists."));
      return FALSE;
    }
  c->kind = col_text (s, 0);
  c->reference = col_text (s, 1);
  c->state_code = col (s, 2);
  c->submitted_on = col (s, 3);
  c->remedies_excuse = col (s, 4);
  c->time_limit_excuse = col (s, 5);
  c->in_writing = col_tristate (s, 6);
  g_clear_pointer (&s, sqlite3_finalize);

  c->parties = g_ptr_array_new_with_free_func (party_free);
  s = query (db,
             "SELECT cp.id, cp.role, p.id, trim (p.given_name || ' ' || p.family_name), p.birth_date, "
             "cp.consent_given, cp.consent_disclose_identity, cp.no_consent_justification "
             "FROM case_party cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = ? "
             "ORDER BY cp.role, cp.created_at",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      Party *p = g_new0 (Party, 1);

      p->id = col_text (s, 0);
      p->role = col_text (s, 1);
      p->person_id = col_text (s, 2);
      p->name = col_text (s, 3);
      p->birth_date = col (s, 4);
      p->consent_given = col_tristate (s, 5);
      p->disclose = col_tristate (s, 6);
      p->justification = g_strstrip (col_text (s, 7));
      g_ptr_array_add (c->parties, p);
    }
  g_clear_pointer (&s, sqlite3_finalize);

  c->facts = g_ptr_array_new_with_free_func (fact_free);
  s = query (db,
             "SELECT id, occurred_on, occurred_until, description, continuing FROM fact "
             "WHERE case_id = ? ORDER BY occurred_on IS NULL, occurred_on, created_at",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      Fact *f = g_new0 (Fact, 1);

      f->id = col_text (s, 0);
      f->occurred_on = col (s, 1);
      f->occurred_until = col (s, 2);
      f->description = col_text (s, 3);
      f->continuing = sqlite3_column_int (s, 4) != 0;
      g_ptr_array_add (c->facts, f);
      g_hash_table_insert (facts_by_id, f->id, f);
    }
  g_clear_pointer (&s, sqlite3_finalize);

  c->violations = g_ptr_array_new_with_free_func (violation_free);
  s = query (db,
             "SELECT id, treaty, article, paragraph, continuing FROM violation WHERE case_id = ? "
             "ORDER BY created_at",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      Violation *v = g_new0 (Violation, 1);

      v->id = col_text (s, 0);
      v->treaty = col_text (s, 1);
      v->article = col_text (s, 2);
      v->paragraph = col_text (s, 3);
      v->continuing = sqlite3_column_int (s, 4) != 0;
      v->facts = g_ptr_array_new ();
      g_ptr_array_add (c->violations, v);
      g_hash_table_insert (violations_by_id, v->id, v);
    }
  g_clear_pointer (&s, sqlite3_finalize);

  s = query (db,
             "SELECT vf.violation_id, vf.fact_id FROM violation_fact vf "
             "JOIN violation v ON v.id = vf.violation_id WHERE v.case_id = ?",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      Violation *v = g_hash_table_lookup (violations_by_id, _redress_column_text (s, 0));
      Fact *f = g_hash_table_lookup (facts_by_id, _redress_column_text (s, 1));

      if (v != NULL && f != NULL)
        g_ptr_array_add (v->facts, f);
    }
  g_clear_pointer (&s, sqlite3_finalize);

  c->remedies = g_ptr_array_new_with_free_func (remedy_free);
  s = query (db,
             "SELECT forum, decided_on, notified_on, not_pursued_reason, is_final FROM domestic_remedy "
             "WHERE case_id = ? ORDER BY coalesce (decided_on, notified_on, filed_on)",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      Remedy *r = g_new0 (Remedy, 1);

      r->forum = col_text (s, 0);
      r->decided_on = col (s, 1);
      r->notified_on = col (s, 2);
      r->not_pursued_reason = col_text (s, 3);
      r->is_final = sqlite3_column_int (s, 4) != 0;
      g_ptr_array_add (c->remedies, r);
    }
  g_clear_pointer (&s, sqlite3_finalize);

  c->others = g_ptr_array_new_with_free_func (other_free);
  s = query (db, "SELECT body, same_matter FROM other_procedure WHERE case_id = ? ORDER BY created_at",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      OtherProcedure *o = g_new0 (OtherProcedure, 1);

      o->body = col_text (s, 0);
      o->same_matter = col_tristate (s, 1);
      g_ptr_array_add (c->others, o);
    }

  return TRUE;
}

static void
add (GPtrArray           *results,
     const char          *ground,
     RedressGroundStatus  status,
     const char          *citation,
     const char          *field_hint,
     char                *explanation)
{
  g_ptr_array_add (results, redress_ground_result_new (ground, status, citation, explanation, field_hint));
  g_free (explanation);
}

/* The worse of two statuses: fail, then unknown, then needs_argument, then pass. */
static RedressGroundStatus
worse (RedressGroundStatus a,
       RedressGroundStatus b)
{
  static const int rank[] = {
    [REDRESS_GROUND_PASS] = 0,
    [REDRESS_GROUND_NEEDS_ARGUMENT] = 1,
    [REDRESS_GROUND_UNKNOWN] = 2,
    [REDRESS_GROUND_FAIL] = 3,
  };

  return rank[a] >= rank[b] ? a : b;
}

static const char *
treaty_status_label (RedressTreatyStatus status)
{
  switch (status)
    {
    case REDRESS_TREATY_STATUS_PARTY:
      return _("a party");
    case REDRESS_TREATY_STATUS_SIGNATORY:
      return _("a signatory only");
    case REDRESS_TREATY_STATUS_NONE:
      return _("not a party");
    case REDRESS_TREATY_STATUS_UNKNOWN:
    default:
      return _("of unknown status");
    }
}

static char *
violation_label (const Violation *v)
{
  return g_strdup_printf ("%s art %s%s", v->treaty, v->article, v->paragraph);
}

/* The date competence is judged at: submission, or today before it. */
static const char *
judged_on (const Case *c)
{
  return c->submitted_on != NULL ? c->submitted_on : c->today;
}

/* Art 1(3) [V]: no communication about a State not party to OP3; art 19 [V]:
 * in force three months after its deposit, not before 14 April 2014. */
static void
check_art1_3 (Case      *c,
              GPtrArray *results)
{
  const RedressStateRecord *s = c->state;
  const char *on = judged_on (c);
  const char *eif;

  if (c->state_code == NULL)
    {
      add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
           g_strdup (_("No State party is recorded for this case.")));
      return;
    }
  if (s == NULL)
    {
      add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("“%s” is not a State in the ratification data (as of %s)."),
                            c->state_code, c->data_as_of));
      return;
    }

  switch (s->status[REDRESS_TREATY_OP3])
    {
    case REDRESS_TREATY_STATUS_PARTY:
      break;
    case REDRESS_TREATY_STATUS_UNKNOWN:
      add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("Whether %s is party to OP3 is not known from the ratification data (as of %s); "
                              "check the UN Treaty Collection."), c->state_name, c->data_as_of));
      return;
    case REDRESS_TREATY_STATUS_SIGNATORY:
    case REDRESS_TREATY_STATUS_NONE:
    default:
      add (results, "art1.3", REDRESS_GROUND_FAIL, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("%s is %s to OP3 (ratification data as of %s): the Committee receives no "
                              "communication concerning a State that is not party to the Protocol."),
                            c->state_name, treaty_status_label (s->status[REDRESS_TREATY_OP3]), c->data_as_of));
      return;
    }

  eif = s->op3_eif;
  if (eif == NULL && s->op3_eif_earliest == NULL)
    {
      add (results, "art1.3", REDRESS_GROUND_PASS, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("%s is party to OP3; the date it entered into force for it is not known "
                              "(ratification data as of %s)."), c->state_name, c->data_as_of));
      return;
    }
  if (eif == NULL && redress_iso_date_compare (on, s->op3_eif_earliest) >= 0 &&
      redress_iso_date_compare (on, s->op3_eif_latest) < 0)
    {
      add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("%s deposited its OP3 instrument in %s (day not known); OP3 entered into force "
                              "for it between %s and %s, so it may not yet have been in force on %s "
                              "(ratification data as of %s)."),
                            c->state_name, s->dates[REDRESS_TREATY_OP3], s->op3_eif_earliest, s->op3_eif_latest,
                            on, c->data_as_of));
      return;
    }
  if (redress_iso_date_compare (on, eif != NULL ? eif : s->op3_eif_earliest) < 0)
    {
      add (results, "art1.3", REDRESS_GROUND_FAIL, CITE_ART1_3, "case_file.submitted_on",
           g_strdup_printf (_("OP3 enters into force for %s only on %s (three months after its deposit of %s, "
                              "art 19); a communication dated %s comes too early (ratification data as of %s)."),
                            c->state_name, eif != NULL ? eif : s->op3_eif_earliest, s->dates[REDRESS_TREATY_OP3],
                            on, c->data_as_of));
      return;
    }
  if (eif == NULL)
    add (results, "art1.3", REDRESS_GROUND_PASS, CITE_ART1_3, "case_file.state_code",
         g_strdup_printf (_("%s has been party to OP3 since %s; the Protocol entered into force for it between "
                            "%s and %s, before %s (ratification data as of %s)."),
                          c->state_name, s->dates[REDRESS_TREATY_OP3], s->op3_eif_earliest, s->op3_eif_latest, on,
                          c->data_as_of));
  else
    add (results, "art1.3", REDRESS_GROUND_PASS, CITE_ART1_3, "case_file.state_code",
         g_strdup_printf (_("%s has been party to OP3 since %s; the Protocol has been in force for it since %s "
                            "(ratification data as of %s)."),
                          c->state_name, *s->dates[REDRESS_TREATY_OP3] ? s->dates[REDRESS_TREATY_OP3] : "?",
                          eif, c->data_as_of));
}

/* Art 1(2) [V]: no competence for a right of an instrument the State has not joined. */
static void
check_art1_2 (Case      *c,
              GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);

  if (c->violations->len == 0)
    {
      add (results, "art1.2", REDRESS_GROUND_UNKNOWN, CITE_ART1_2, "violation",
           g_strdup (_("No alleged violation is recorded, so no instrument is invoked yet.")));
      return;
    }
  if (c->state == NULL)
    {
      add (results, "art1.2", REDRESS_GROUND_UNKNOWN, CITE_ART1_2, "case_file.state_code",
           g_strdup (_("The State party is not known, so its protocols cannot be checked.")));
      return;
    }

  for (guint i = 0; i < c->violations->len; i++)
    {
      Violation *v = g_ptr_array_index (c->violations, i);
      RedressTreaty t;
      RedressTreatyStatus ts;
      g_autofree char *label = violation_label (v);

      if (!redress_treaty_from_string (v->treaty, &t))
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s: unknown instrument."), label);
          continue;
        }
      ts = c->state->status[t];
      if (ts == REDRESS_TREATY_STATUS_PARTY)
        continue;
      status = worse (status, ts == REDRESS_TREATY_STATUS_UNKNOWN ? REDRESS_GROUND_UNKNOWN : REDRESS_GROUND_FAIL);
      g_string_append_printf (detail, _(" %s: %s is %s to the %s."), label, c->state_name,
                              treaty_status_label (ts), v->treaty);
    }

  if (status == REDRESS_GROUND_PASS)
    add (results, "art1.2", status, CITE_ART1_2, "violation",
         g_strdup_printf (_("Every right invoked is in an instrument %s is party to (ratification data as of %s)."),
                          c->state_name, c->data_as_of));
  else
    add (results, "art1.2", status, CITE_ART1_2, "violation",
         g_strdup_printf (_("The Committee has no competence for a right in an instrument the State has not "
                            "joined.%s (Ratification data as of %s.)"), detail->str, c->data_as_of));
}

static gboolean
is_role (const Party *p,
         const char  *role)
{
  return g_strcmp0 (p->role, role) == 0;
}

static gboolean
person_is_author (Case       *c,
                  const char *person_id)
{
  for (guint i = 0; i < c->parties->len; i++)
    {
      Party *p = g_ptr_array_index (c->parties, i);

      if (is_role (p, "author") && g_strcmp0 (p->person_id, person_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
display_name (const Party *p)
{
  return *p->name != '\0' ? p->name : _("(no name)");
}

/* Art 5 [V]: by or on behalf of identified victims; on someone's behalf only
 * with their consent, unless the author can justify acting without it. */
static void
check_art5 (Case      *c,
            GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *hint = "case_party.consent_given";
  guint n_victims = 0, n_authors = 0;

  for (guint i = 0; i < c->parties->len; i++)
    {
      Party *p = g_ptr_array_index (c->parties, i);

      n_victims += is_role (p, "victim");
      n_authors += is_role (p, "author");
    }

  if (n_victims == 0 || n_authors == 0)
    {
      add (results, "art5", REDRESS_GROUND_FAIL, CITE_ART5, "case_party",
           g_strdup (n_victims == 0
                     ? _("No alleged victim is recorded: a communication is submitted by or on behalf of "
                         "identified individuals or groups who claim to be victims.")
                     : _("No author is recorded: someone must submit the communication, the child or a person "
                         "acting on the child’s behalf.")));
      return;
    }

  for (guint i = 0; i < c->parties->len; i++)
    {
      Party *p = g_ptr_array_index (c->parties, i);

      if (!is_role (p, "victim") || person_is_author (c, p->person_id))
        continue;
      if (p->consent_given == 1)
        continue;
      if (*p->justification != '\0')
        {
          status = worse (status, REDRESS_GROUND_NEEDS_ARGUMENT);
          g_string_append_printf (detail, _(" %s did not consent; the justification recorded must convince the "
                                            "Committee (art 5(2))."), display_name (p));
        }
      else if (p->consent_given == 0)
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, _(" %s did not consent and no justification is recorded."),
                                  display_name (p));
          hint = "case_party.no_consent_justification";
        }
      else
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s: consent is not recorded."), display_name (p));
        }
    }

  if (status == REDRESS_GROUND_PASS)
    add (results, "art5", status, CITE_ART5, hint,
         g_strdup_printf (ngettext ("The author and the victim are identified, and the victim acts or consented.",
                                    "The authors and the %u victims are identified, and every victim acts or consented.",
                                    n_victims), n_victims));
  else
    add (results, "art5", status, CITE_ART5, hint, g_strdup (g_strstrip (detail->str)));
}

/* Art 7(a) [V]: not anonymous.  The victim must agree to be identified to the
 * State (RoP rule 13 [S]); the published decision may still anonymise. */
static void
check_7a (Case      *c,
          GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *hint = "person.given_name";
  guint n = 0;

  for (guint i = 0; i < c->parties->len; i++)
    {
      Party *p = g_ptr_array_index (c->parties, i);

      if (!is_role (p, "victim") && !is_role (p, "author"))
        continue;
      n++;
      if (*p->name == '\0')
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append (detail, is_role (p, "victim") ? _(" A victim has no name recorded.")
                                                         : _(" An author has no name recorded."));
          continue;
        }
      if (!is_role (p, "victim"))
        continue;
      if (p->disclose == 0)
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          hint = "case_party.consent_disclose_identity";
          g_string_append_printf (detail, _(" %s does not agree that the State learns their identity."),
                                  p->name);
        }
      else if (p->disclose < 0)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          hint = "case_party.consent_disclose_identity";
          g_string_append_printf (detail, _(" Whether %s agrees to be identified to the State is not recorded."),
                                  p->name);
        }
    }

  if (n == 0)
    add (results, "7a", REDRESS_GROUND_FAIL, CITE_7A, "case_party",
         g_strdup (_("No author or victim is recorded: an anonymous communication is inadmissible.")));
  else if (status == REDRESS_GROUND_PASS)
    add (results, "7a", status, CITE_7A, hint,
         g_strdup (_("Authors and victims are named and the victims agree to be identified to the State; "
                     "names can still be withheld from the published decision.")));
  else
    add (results, "7a", status, CITE_7A, hint, g_strdup (g_strstrip (detail->str)));
}

/* Art 7(b) [V]: in writing. */
static void
check_7b (Case      *c,
          GPtrArray *results)
{
  if (c->in_writing == 1)
    add (results, "7b", REDRESS_GROUND_PASS, CITE_7B, "case_file.in_writing",
         g_strdup (_("The communication is submitted as a written, signed document.")));
  else if (c->in_writing == 0)
    add (results, "7b", REDRESS_GROUND_FAIL, CITE_7B, "case_file.in_writing",
         g_strdup (_("The communication is recorded as not in writing; the Committee only receives written "
                     "communications.")));
  else
    add (results, "7b", REDRESS_GROUND_UNKNOWN, CITE_7B, "case_file.in_writing",
         g_strdup (_("Whether the communication is submitted in writing is not recorded.")));
}

/* Art 7(c) [V]: compatible with the Convention and its Protocols: each right
 * invoked must be one the Committee can examine (rights.csv, domain.md §5). */
static void
check_7c (Case             *c,
          RedressReference *ref,
          GPtrArray        *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);
  gboolean has_right = FALSE;

  if (c->violations->len == 0)
    {
      add (results, "7c", REDRESS_GROUND_UNKNOWN, CITE_7C, "violation",
           g_strdup (_("No alleged violation is recorded.")));
      return;
    }

  for (guint i = 0; i < c->violations->len; i++)
    {
      Violation *v = g_ptr_array_index (c->violations, i);
      const RedressRightRecord *r = redress_reference_lookup_right (ref, v->treaty, v->article);

      if (r != NULL && (g_strcmp0 (r->kind, "right") == 0 || g_strcmp0 (r->kind, "general_principle") == 0 ||
                        g_strcmp0 (r->kind, "procedural_obligation") == 0))
        has_right = TRUE;
    }

  for (guint i = 0; i < c->violations->len; i++)
    {
      Violation *v = g_ptr_array_index (c->violations, i);
      const RedressRightRecord *r = redress_reference_lookup_right (ref, v->treaty, v->article);
      g_autofree char *label = violation_label (v);

      if (r == NULL)
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, _(" %s is not an article that sets out a right the Committee can "
                                            "examine."), label);
        }
      else if (g_strcmp0 (r->kind, "final_clause") == 0 || g_strcmp0 (r->kind, "procedural") == 0)
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, _(" %s (%s) is a final or reporting clause and grants no right."),
                                  label, redress_reference_get_right_title (ref, r, redress_l10n_ui_language ()));
        }
      else if (!has_right)
        {
          status = worse (status, REDRESS_GROUND_NEEDS_ARGUMENT);
          g_string_append_printf (detail, _(" %s (%s) is invoked without any substantive right beside it."),
                                  label, redress_reference_get_right_title (ref, r, redress_l10n_ui_language ()));
        }
    }

  if (status == REDRESS_GROUND_PASS)
    add (results, "7c", status, CITE_7C, "violation",
         g_strdup (_("Every article invoked sets out a right or principle of the Convention or its Protocols.")));
  else
    add (results, "7c", status, CITE_7C, "violation", g_strdup (g_strstrip (detail->str)));
}

/* Art 7(d) [V]: not the same matter before the Committee or another international procedure. */
static void
check_7d (Case      *c,
          GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);

  for (guint i = 0; i < c->others->len; i++)
    {
      OtherProcedure *o = g_ptr_array_index (c->others, i);

      if (o->same_matter == 1)
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, _(" The same matter is or was examined by %s."),
                                  *o->body ? o->body : _("another international body"));
        }
      else if (o->same_matter < 0)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" Whether the filing with %s concerns the same matter is not assessed."),
                                  *o->body ? o->body : _("another international body"));
        }
    }

  if (status == REDRESS_GROUND_PASS)
    add (results, "7d", status, CITE_7D, "other_procedure.same_matter",
         g_strdup (c->others->len == 0
                   ? _("No other international procedure is recorded for this matter.")
                   : _("The other international procedures recorded concern other matters.")));
  else
    add (results, "7d", status, CITE_7D, "other_procedure.same_matter", g_strdup (g_strstrip (detail->str)));
}

static const Remedy *
final_remedy (Case *c)
{
  const Remedy *best = NULL;
  const char *best_start = NULL;

  for (guint i = 0; i < c->remedies->len; i++)
    {
      const Remedy *r = g_ptr_array_index (c->remedies, i);
      const char *start = redress_iso_date_min (r->decided_on, r->notified_on);

      if (!r->is_final || start == NULL)
        continue;
      if (best == NULL || redress_iso_date_compare (start, best_start) > 0)
        {
          best = r;
          best_start = start;
        }
    }
  return best;
}

static gboolean
remedies_excused (Case *c)
{
  if (c->remedies_excuse != NULL)
    return TRUE;
  for (guint i = 0; i < c->remedies->len; i++)
    {
      const Remedy *r = g_ptr_array_index (c->remedies, i);

      if (*r->not_pursued_reason != '\0')
        return TRUE;
    }
  return FALSE;
}

/* Art 7(e) [V]: domestic remedies exhausted, unless unreasonably prolonged or
 * unlikely to bring effective relief. */
static void
check_7e (Case      *c,
          GPtrArray *results)
{
  const Remedy *fin = final_remedy (c);

  if (fin != NULL)
    {
      add (results, "7e", REDRESS_GROUND_PASS, CITE_7E, "domestic_remedy.is_final",
           g_strdup_printf (_("Domestic remedies ended with the final decision of %s (%s)."),
                            *fin->forum ? fin->forum : _("the last instance"),
                            fin->decided_on ? fin->decided_on : fin->notified_on));
      return;
    }
  if (remedies_excused (c))
    {
      add (results, "7e", REDRESS_GROUND_NEEDS_ARGUMENT, CITE_7E, "case_file.remedies_excuse",
           g_strdup (_("Domestic remedies were not exhausted; the communication must show they were unreasonably "
                       "prolonged or unlikely to bring effective relief, as the excuse recorded says.")));
      return;
    }
  add (results, "7e", REDRESS_GROUND_FAIL, CITE_7E, "domestic_remedy",
       g_strdup (c->remedies->len == 0
                 ? _("No domestic remedy is recorded and no reason for not using them: the Committee requires "
                     "every available domestic remedy to be exhausted first.")
                 : _("No domestic remedy has ended in a final decision and no reason for not exhausting them is "
                     "recorded.")));
}

/* Art 7(f) [V]: substantiated: each alleged violation rests on facts. */
static void
check_7f (Case      *c,
          GPtrArray *results)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  if (c->violations->len == 0)
    {
      add (results, "7f", REDRESS_GROUND_UNKNOWN, CITE_7F, "violation",
           g_strdup (_("No alleged violation is recorded.")));
      return;
    }
  for (guint i = 0; i < c->violations->len; i++)
    {
      Violation *v = g_ptr_array_index (c->violations, i);
      g_autofree char *label = violation_label (v);

      if (v->facts->len == 0)
        g_string_append_printf (missing, "%s%s", missing->len ? _(", ") : "", label);
    }
  if (missing->len == 0)
    add (results, "7f", REDRESS_GROUND_PASS, CITE_7F, "violation_fact",
         g_strdup (_("Every alleged violation is linked to facts that support it.")));
  else
    add (results, "7f", REDRESS_GROUND_FAIL, CITE_7F, "violation_fact",
         g_strdup_printf (_("No facts support %s: an alleged violation without facts is not sufficiently "
                            "substantiated."), missing->str));
}

typedef enum { TIME_AFTER, TIME_BEFORE, TIME_UNSURE, TIME_NO_DATE } TimeSide;

/* Which side of the State's entry into force a fact falls (it may have
 * continued after it: occurred_until, or the continuing flag). */
static TimeSide
fact_side (Case       *c,
           const Fact *f,
           gboolean   *continued)
{
  const RedressStateRecord *s = c->state;
  const char *earliest = s->op3_eif ? s->op3_eif : s->op3_eif_earliest;
  const char *latest = s->op3_eif ? s->op3_eif : s->op3_eif_latest;
  const char *last = f->occurred_until ? f->occurred_until : f->occurred_on;

  *continued = FALSE;
  if (f->occurred_on == NULL)
    return TIME_NO_DATE;
  if (redress_iso_date_compare (f->occurred_on, latest) >= 0)
    return TIME_AFTER;
  if (redress_iso_date_compare (f->occurred_on, earliest) < 0)
    {
      *continued = f->continuing || redress_iso_date_compare (last, latest) >= 0;
      return TIME_BEFORE;
    }
  return TIME_UNSURE;
}

/* Returns FALSE, having added an "unknown" result, when no entry into force
 * can be compared with. */
static gboolean
have_eif (Case       *c,
          const char *ground,
          const char *citation,
          GPtrArray  *results)
{
  if (c->state != NULL && (c->state->op3_eif != NULL || c->state->op3_eif_earliest != NULL))
    return TRUE;
  add (results, ground, REDRESS_GROUND_UNKNOWN, citation, "case_file.state_code",
       c->state == NULL
       ? g_strdup (_("The State party is not known, so the date OP3 entered into force for it is not known."))
       : g_strdup_printf (_("The date OP3 entered into force for %s is not known (ratification data as of %s)."),
                          c->state_name, c->data_as_of));
  return FALSE;
}

static gboolean
fact_has_continuing_violation (Case       *c,
                               const Fact *f)
{
  for (guint i = 0; i < c->violations->len; i++)
    {
      Violation *v = g_ptr_array_index (c->violations, i);

      if (v->continuing && g_ptr_array_find (v->facts, f, NULL))
        return TRUE;
    }
  return FALSE;
}

static const char *
eif_text (Case *c)
{
  return c->state->op3_eif ? c->state->op3_eif : c->state->op3_eif_latest;
}

/* Art 7(g) [V] with art 20 [V]: facts before OP3's entry into force for the
 * State are outside it unless they continued after that date. */
static void
check_facts_in_time (Case       *c,
                     const char *ground,
                     const char *citation,
                     GPtrArray  *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  guint before = 0, after = 0, undated = 0, unsure = 0, continued = 0;

  if (!have_eif (c, ground, citation, results))
    return;
  if (c->facts->len == 0)
    {
      add (results, ground, REDRESS_GROUND_UNKNOWN, citation, "fact",
           g_strdup (_("No facts are recorded, so their dates cannot be compared with OP3’s entry into force.")));
      return;
    }

  for (guint i = 0; i < c->facts->len; i++)
    {
      const Fact *f = g_ptr_array_index (c->facts, i);
      gboolean cont;

      switch (fact_side (c, f, &cont))
        {
        case TIME_AFTER:
          after++;
          break;
        case TIME_BEFORE:
          if (cont || fact_has_continuing_violation (c, f))
            continued++;
          else
            before++;
          break;
        case TIME_UNSURE:
          unsure++;
          break;
        case TIME_NO_DATE:
        default:
          undated++;
          break;
        }
    }

  if (after == 0 && continued == 0 && before > 0)
    status = REDRESS_GROUND_FAIL;
  else if (undated > 0 || unsure > 0)
    status = REDRESS_GROUND_UNKNOWN;
  else if (before > 0 || continued > 0)
    status = REDRESS_GROUND_NEEDS_ARGUMENT;

  switch (status)
    {
    case REDRESS_GROUND_FAIL:
      add (results, ground, status, citation, "fact.continuing",
           g_strdup_printf (_("All the facts occurred before %s, when OP3 entered into force for %s, and none is "
                              "marked as continuing after that date."), eif_text (c), c->state_name));
      break;
    case REDRESS_GROUND_UNKNOWN:
      add (results, ground, status, citation, "fact.occurred_on",
           undated > 0
           ? g_strdup_printf (ngettext ("%u fact has no date, so it cannot be compared with OP3’s entry into force "
                                        "for %s (%s).",
                                        "%u facts have no date, so they cannot be compared with OP3’s entry into "
                                        "force for %s (%s).", undated), undated, c->state_name, eif_text (c))
           : g_strdup_printf (_("OP3 entered into force for %s between %s and %s (only the year of deposit is "
                                "known); some facts fall in that span."), c->state_name,
                              c->state->op3_eif_earliest, c->state->op3_eif_latest));
      break;
    case REDRESS_GROUND_NEEDS_ARGUMENT:
      add (results, ground, status, citation, "fact.continuing",
           g_strdup_printf (_("Some facts occurred before %s, when OP3 entered into force for %s: argue that they "
                              "continued after that date, or present them as background only."),
                            eif_text (c), c->state_name));
      break;
    case REDRESS_GROUND_PASS:
    default:
      add (results, ground, status, citation, "fact.occurred_on",
           g_strdup_printf (_("Every fact occurred on or after %s, when OP3 entered into force for %s "
                              "(ratification data as of %s)."), eif_text (c), c->state_name, c->data_as_of));
      break;
    }
}

/* Art 20 [V]: each alleged violation must have occurred after OP3 entered
 * into force for the State, unless it is marked as continuing. */
static void
check_art20 (Case      *c,
             GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);

  if (!have_eif (c, "art20", CITE_ART20, results))
    return;
  if (c->violations->len == 0)
    {
      add (results, "art20", REDRESS_GROUND_UNKNOWN, CITE_ART20, "violation",
           g_strdup (_("No alleged violation is recorded.")));
      return;
    }

  for (guint i = 0; i < c->violations->len; i++)
    {
      Violation *v = g_ptr_array_index (c->violations, i);
      g_autofree char *label = violation_label (v);
      gboolean any_after = FALSE, any_unsure = FALSE, any_continued = FALSE;

      for (guint j = 0; j < v->facts->len; j++)
        {
          gboolean cont;

          switch (fact_side (c, g_ptr_array_index (v->facts, j), &cont))
            {
            case TIME_AFTER:
              any_after = TRUE;
              break;
            case TIME_BEFORE:
              any_continued |= cont;
              break;
            case TIME_UNSURE:
            case TIME_NO_DATE:
            default:
              any_unsure = TRUE;
              break;
            }
        }

      if (any_after)
        continue;
      if (v->facts->len == 0 || any_unsure)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s: no dated fact shows when it occurred."), label);
        }
      else if (v->continuing || any_continued)
        {
          status = worse (status, REDRESS_GROUND_NEEDS_ARGUMENT);
          g_string_append_printf (detail, _(" %s began before %s and is argued to continue after it."),
                                  label, eif_text (c));
        }
      else
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, _(" %s rests only on facts before %s and is not marked as continuing."),
                                  label, eif_text (c));
        }
    }

  if (status == REDRESS_GROUND_PASS)
    add (results, "art20", status, CITE_ART20, "violation.continuing",
         g_strdup_printf (_("Every alleged violation rests on facts after %s, when OP3 entered into force for %s."),
                          eif_text (c), c->state_name));
  else
    add (results, "art20", status, CITE_ART20, "violation.continuing",
         g_strdup_printf (_("The Committee is competent only for violations after OP3 entered into force for %s "
                            "(%s).%s"), c->state_name, eif_text (c), detail->str));
}

/* Art 7(h) [V]: within one year of the exhaustion of domestic remedies (D01),
 * unless the author shows it was not possible to submit in time. */
static void
check_7h (Case      *c,
          GPtrArray *results)
{
  const Remedy *fin = final_remedy (c);
  const char *start, *later, *filed;
  g_autofree char *due_early = NULL;
  g_autofree char *due_late = NULL;
  g_autofree char *both = NULL;
  gboolean submitted = c->submitted_on != NULL;

  if (fin == NULL)
    {
      if (remedies_excused (c))
        add (results, "7h", REDRESS_GROUND_NEEDS_ARGUMENT, CITE_7H, "case_file.time_limit_excuse",
             g_strdup (_("There is no final domestic decision to count the year from; show that the communication "
                         "was submitted within a reasonable time of the remedies proving ineffective.")));
      else
        add (results, "7h", REDRESS_GROUND_UNKNOWN, CITE_7H, "domestic_remedy.decided_on",
             g_strdup (_("No final domestic decision with a date is recorded, so the one-year limit cannot be "
                         "computed.")));
      return;
    }

  start = redress_iso_date_min (fin->decided_on, fin->notified_on);
  later = redress_iso_date_max (fin->decided_on, fin->notified_on);
  due_early = redress_iso_date_add (start, REDRESS_PERIOD_YEARS, 1);
  due_late = redress_iso_date_add (later, REDRESS_PERIOD_YEARS, 1);
  filed = submitted ? c->submitted_on : c->today;
  both = g_strdup_printf (_("final decision %s, notified %s"),
                          fin->decided_on ? fin->decided_on : _("(date not recorded)"),
                          fin->notified_on ? fin->notified_on : _("(date not recorded)"));

  if (redress_iso_date_compare (filed, due_early) <= 0)
    {
      int days = 0;

      redress_iso_date_days_between (filed, due_early, &days);
      add (results, "7h", REDRESS_GROUND_PASS, CITE_7H, "case_file.submitted_on",
           submitted
           ? g_strdup_printf (_("Submitted on %s, within one year (by %s) of the %s."), filed, due_early, both)
           : g_strdup_printf (ngettext ("Not submitted yet: %d day left until %s, one year from the %s.",
                                        "Not submitted yet: %d days left until %s, one year from the %s.",
                                        days), days, due_early, both));
      return;
    }
  if (c->time_limit_excuse != NULL)
    {
      add (results, "7h", REDRESS_GROUND_NEEDS_ARGUMENT, CITE_7H, "case_file.time_limit_excuse",
           g_strdup_printf (_("%s %s is more than one year (%s) after the %s; the excuse recorded must show it "
                              "was not possible to submit in time."),
                            submitted ? _("Submission on") : _("Today,"), filed, due_early, both));
      return;
    }
  if (redress_iso_date_compare (filed, due_late) <= 0)
    {
      add (results, "7h", REDRESS_GROUND_NEEDS_ARGUMENT, CITE_7H, "domestic_remedy.notified_on",
           g_strdup_printf (_("%s %s is in time only if the year runs from the notification (until %s), not from "
                              "the decision (until %s); %s."),
                            submitted ? _("Submission on") : _("Today,"), filed, due_late, due_early, both));
      return;
    }
  add (results, "7h", REDRESS_GROUND_FAIL, CITE_7H, "case_file.time_limit_excuse",
       g_strdup_printf (_("%s %s is more than one year after the %s (the limit was %s), and no reason why it could "
                          "not be submitted in time is recorded."),
                        submitted ? _("Submission on") : _("Today,"), filed, both, due_early));
}

/* The CRC protects children: CRC art 1 [V]. */
static void
check_age (Case      *c,
           GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *first_fact = NULL;
  guint n = 0;

  for (guint i = 0; i < c->facts->len; i++)
    {
      const Fact *f = g_ptr_array_index (c->facts, i);

      first_fact = redress_iso_date_min (first_fact, f->occurred_on);
    }

  for (guint i = 0; i < c->parties->len; i++)
    {
      Party *p = g_ptr_array_index (c->parties, i);
      int min_age, max_age;

      if (!is_role (p, "victim"))
        continue;
      n++;
      if (p->birth_date == NULL)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s has no date of birth recorded."), display_name (p));
          continue;
        }
      if (first_fact == NULL || !redress_age_range_at (p->birth_date, first_fact, &min_age, &max_age))
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" No dated fact to compute %s’s age at."), display_name (p));
          continue;
        }
      if (min_age >= 18)
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, _(" %s was already %d on %s, when the facts began."),
                                  display_name (p), min_age, first_fact);
        }
      else if (max_age >= 18)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s was %d or %d on %s; the date of birth (%s) is too vague to tell."),
                                  display_name (p), min_age, max_age, first_fact, p->birth_date);
        }
    }

  if (n == 0)
    add (results, "age", REDRESS_GROUND_UNKNOWN, CITE_AGE, "case_party",
         g_strdup (_("No victim is recorded.")));
  else if (status == REDRESS_GROUND_PASS)
    add (results, "age", status, CITE_AGE, "person.birth_date",
         g_strdup_printf (_("Every victim was under 18 when the facts began (%s)."), first_fact));
  else
    add (results, "age", status, CITE_AGE, "person.birth_date",
         g_strdup_printf (_("The Convention protects children, persons under 18.%s"), detail->str));
}

/* Art 13(7) [V]/[U]: a State may opt out of the inquiry procedure. */
static void
check_13_7 (Case      *c,
            GPtrArray *results)
{
  if (c->state == NULL)
    {
      add (results, "13.7", REDRESS_GROUND_UNKNOWN, CITE_13_7, "case_file.state_code",
           g_strdup (_("The State party is not known.")));
      return;
    }
  if (g_strcmp0 (c->state->art13_optout, "no") == 0)
    add (results, "13.7", REDRESS_GROUND_PASS, CITE_13_7, "case_file.state_code",
         g_strdup_printf (_("%s has not opted out of the inquiry procedure (ratification data as of %s)."),
                          c->state_name, c->data_as_of));
  else if (g_strcmp0 (c->state->art13_optout, "yes") == 0)
    add (results, "13.7", REDRESS_GROUND_FAIL, CITE_13_7, "case_file.state_code",
         g_strdup_printf (_("%s declared that it does not recognise the Committee’s inquiry competence "
                            "(ratification data as of %s)."), c->state_name, c->data_as_of));
  else
    add (results, "13.7", REDRESS_GROUND_UNKNOWN, CITE_13_7, "case_file.state_code",
         g_strdup_printf (_("Whether %s opted out of the inquiry procedure is not verified (ratification data as "
                            "of %s); check the declarations in the UN Treaty Collection before submitting."),
                          c->state_name, c->data_as_of));
}

/**
 * redress_admissibility_evaluate:
 * @reference: (nullable): the ratification data to use; %NULL loads the docket's
 * @today: the date to judge an unsubmitted case at, YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type RedressGroundResult): one result per
 *   ground: for a communication art1.3, art1.2, art5, 7a-7h, art20 and age;
 *   for an inquiry art1.3, 13.7 and art20.
 */
GPtrArray *
redress_admissibility_evaluate (RedressDatabase   *db,
                                RedressReference  *reference,
                                const char        *case_id,
                                const char        *today,
                                GError           **error)
{
  g_autoptr(RedressReference) ref = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  Case c = { 0 };

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  if (!redress_iso_date_is_valid (today))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("Today’s date must be written YYYY-MM-DD."));
      return NULL;
    }
  ref = reference != NULL ? g_object_ref (reference) : redress_reference_load (db, error);
  if (ref == NULL)
    return NULL;
  if (!load_case (db, case_id, &c, error))
    {
      case_clear (&c);
      return NULL;
    }
  c.today = today;
  c.data_as_of = redress_reference_get_data_as_of (ref);
  c.state = redress_reference_lookup_state (ref, c.state_code);
  c.state_name = c.state != NULL ? redress_reference_get_state_name (ref, c.state, NULL) : NULL;

  check_art1_3 (&c, results);
  if (g_strcmp0 (c.kind, "inquiry") == 0)
    {
      check_13_7 (&c, results);
      if (c.violations->len > 0)
        check_art1_2 (&c, results);
      check_facts_in_time (&c, "art20", CITE_ART20, results);
    }
  else
    {
      check_art1_2 (&c, results);
      check_art5 (&c, results);
      check_7a (&c, results);
      check_7b (&c, results);
      check_7c (&c, ref, results);
      check_7d (&c, results);
      check_7e (&c, results);
      check_7f (&c, results);
      check_facts_in_time (&c, "7g", CITE_7G, results);
      check_7h (&c, results);
      check_art20 (&c, results);
      check_age (&c, results);
    }

  case_clear (&c);
  return g_steal_pointer (&results);
}
