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
/* With the entry into force of the OPSC or OPAC (D17). */
#define CITE_ART1_2_PROTOCOLS N_("OP3 art 1(2) [V]; art 5(1) [V]; OPSC art 14(2) [V]; OPAC art 10(2) [V]")
#define CITE_ART20_PROTOCOLS  N_("OP3 art 20 [V]; art 7(g) [V]; OPSC art 14(2) [V]; OPAC art 10(2) [V]")
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
  guint      n_evidence;    /* evidence linked to it or to one of its facts */
} Violation;

typedef struct
{
  char     *id;
  char     *occurred_on;
  char     *occurred_until;
  char     *description;
  gboolean  continuing;
  char     *earliest;       /* the span occurred_on may stand for ("2014" is a year) */
  char     *latest;
  char     *last;           /* the latest day it may have lasted to: occurred_until, else latest */
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
  g_free (f->earliest);
  g_free (f->latest);
  g_free (f->last);
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
col (RedressStatement *stmt,
     int               i)
{
  const char *s = redress_statement_column_text (stmt, i);

  return (s == NULL || *s == '\0') ? NULL : g_strdup (s);
}

static char *
col_text (RedressStatement *stmt,
          int               i)
{
  const char *s = redress_statement_column_text (stmt, i);

  return g_strdup (s ? s : "");
}

static int
col_tristate (RedressStatement *stmt,
              int               i)
{
  return redress_statement_column_type (stmt, i) == REDRESS_COLUMN_NULL ? -1 : redress_statement_column_int (stmt, i);
}

static RedressStatement *
query (RedressDatabase  *db,
       const char       *sql,
       const char       *case_id,
       GError          **error)
{
  RedressStatement *stmt = redress_database_prepare (db, sql, error);

  if (stmt != NULL)
    redress_statement_bind_text (stmt, 1, case_id);
  return stmt;
}

static gboolean
load_case (RedressDatabase  *db,
           const char       *case_id,
           Case             *c,
           GError          **error)
{
  g_autoptr(RedressStatement) s = NULL;
  g_autoptr(GHashTable) facts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) violations_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  /* The date of submission is the history's (one source of truth with D01):
   * the communication sent to OHCHR, the inquiry information sent. */
  s = query (db,
             "SELECT kind, reference, state_code, "
             "(SELECT min (occurred_on) FROM procedural_event e WHERE e.case_id = c.id AND e.track = 'main' "
             "AND e.event = CASE c.kind WHEN 'inquiry' THEN 'information_sent' ELSE 'sent_to_ohchr' END), "
             "remedies_excuse, time_limit_excuse, in_writing FROM case_file c WHERE id = ?",
             case_id, error);
  if (s == NULL)
    return FALSE;
  if (redress_statement_step (s) != REDRESS_STEP_ROW)
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
  g_clear_pointer (&s, redress_statement_release);

  c->parties = g_ptr_array_new_with_free_func (party_free);
  s = query (db,
             "SELECT cp.id, cp.role, p.id, trim (p.given_name || ' ' || p.family_name), p.birth_date, "
             "cp.consent_given, cp.consent_disclose_identity, cp.no_consent_justification "
             "FROM case_party cp JOIN person p ON p.id = cp.person_id WHERE cp.case_id = ? "
             "ORDER BY cp.role, cp.created_at, cp.id",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (redress_statement_step (s) == REDRESS_STEP_ROW)
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
  g_clear_pointer (&s, redress_statement_release);

  c->facts = g_ptr_array_new_with_free_func (fact_free);
  s = query (db,
             "SELECT id, occurred_on, occurred_until, description, continuing FROM fact "
             "WHERE case_id = ? ORDER BY occurred_on IS NULL, occurred_on, created_at, id",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (redress_statement_step (s) == REDRESS_STEP_ROW)
    {
      Fact *f = g_new0 (Fact, 1);

      f->id = col_text (s, 0);
      f->occurred_on = col (s, 1);
      f->occurred_until = col (s, 2);
      f->description = col_text (s, 3);
      f->continuing = redress_statement_column_int (s, 4) != 0;
      if (f->occurred_on != NULL && !redress_partial_date_range (f->occurred_on, &f->earliest, &f->latest))
        g_clear_pointer (&f->occurred_on, g_free);
      if (f->occurred_until != NULL)
        {
          g_autofree char *from = NULL;

          if (!redress_partial_date_range (f->occurred_until, &from, &f->last))
            g_clear_pointer (&f->occurred_until, g_free);
        }
      if (f->last == NULL)
        f->last = g_strdup (f->latest);
      g_ptr_array_add (c->facts, f);
      g_hash_table_insert (facts_by_id, f->id, f);
    }
  g_clear_pointer (&s, redress_statement_release);

  c->violations = g_ptr_array_new_with_free_func (violation_free);
  s = query (db,
             "SELECT id, treaty, article, paragraph, continuing FROM violation WHERE case_id = ? "
             "ORDER BY created_at, id",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (redress_statement_step (s) == REDRESS_STEP_ROW)
    {
      Violation *v = g_new0 (Violation, 1);

      v->id = col_text (s, 0);
      v->treaty = col_text (s, 1);
      v->article = col_text (s, 2);
      v->paragraph = col_text (s, 3);
      v->continuing = redress_statement_column_int (s, 4) != 0;
      v->facts = g_ptr_array_new ();
      g_ptr_array_add (c->violations, v);
      g_hash_table_insert (violations_by_id, v->id, v);
    }
  g_clear_pointer (&s, redress_statement_release);

  s = query (db,
             "SELECT vf.violation_id, vf.fact_id FROM violation_fact vf "
             "JOIN violation v ON v.id = vf.violation_id WHERE v.case_id = ?",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (redress_statement_step (s) == REDRESS_STEP_ROW)
    {
      Violation *v = g_hash_table_lookup (violations_by_id, redress_statement_column_text (s, 0));
      Fact *f = g_hash_table_lookup (facts_by_id, redress_statement_column_text (s, 1));

      if (v != NULL && f != NULL)
        g_ptr_array_add (v->facts, f);
    }
  g_clear_pointer (&s, redress_statement_release);

  /* Art 7(f): evidence linked to the violation, or to a fact it rests on. */
  s = query (db,
             "SELECT v.id, (SELECT count (DISTINCT l.evidence_id) FROM evidence_link l "
             "WHERE (l.target_kind = 'violation' AND l.target_id = v.id) OR (l.target_kind = 'fact' AND "
             "l.target_id IN (SELECT fact_id FROM violation_fact vf WHERE vf.violation_id = v.id))) "
             "FROM violation v WHERE v.case_id = ?",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (redress_statement_step (s) == REDRESS_STEP_ROW)
    {
      Violation *v = g_hash_table_lookup (violations_by_id, redress_statement_column_text (s, 0));

      if (v != NULL)
        v->n_evidence = (guint) redress_statement_column_int (s, 1);
    }
  g_clear_pointer (&s, redress_statement_release);

  c->remedies = g_ptr_array_new_with_free_func (remedy_free);
  s = query (db,
             "SELECT forum, decided_on, notified_on, not_pursued_reason, is_final FROM domestic_remedy "
             "WHERE case_id = ? ORDER BY coalesce (decided_on, notified_on, filed_on), created_at, id",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (redress_statement_step (s) == REDRESS_STEP_ROW)
    {
      Remedy *r = g_new0 (Remedy, 1);

      r->forum = col_text (s, 0);
      r->decided_on = col (s, 1);
      r->notified_on = col (s, 2);
      r->not_pursued_reason = col_text (s, 3);
      r->is_final = redress_statement_column_int (s, 4) != 0;
      g_ptr_array_add (c->remedies, r);
    }
  g_clear_pointer (&s, redress_statement_release);

  c->others = g_ptr_array_new_with_free_func (other_free);
  s = query (db, "SELECT body, same_matter FROM other_procedure WHERE case_id = ? ORDER BY created_at, id",
             case_id, error);
  if (s == NULL)
    return FALSE;
  while (redress_statement_step (s) == REDRESS_STEP_ROW)
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

/* The date a State's status for @t describes: its row's source date. */
static const char *
status_as_of (Case          *c,
              RedressTreaty  t)
{
  return c->state != NULL && c->state->status_as_of[t] != NULL ? c->state->status_as_of[t] : c->data_as_of;
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
  const char *as_of;

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
  as_of = status_as_of (c, REDRESS_TREATY_OP3);

  switch (s->status[REDRESS_TREATY_OP3])
    {
    case REDRESS_TREATY_STATUS_PARTY:
      break;
    case REDRESS_TREATY_STATUS_UNKNOWN:
      add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("Whether %s is party to OP3 is not known from the ratification data (as of %s); "
                              "check the UN Treaty Collection."), c->state_name, as_of));
      return;
    case REDRESS_TREATY_STATUS_SIGNATORY:
    case REDRESS_TREATY_STATUS_NONE:
    default:
      if (s->op3_status_may_be_stale)
        {
          add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
               g_strdup_printf (_("%s was %s to OP3 as of %s (a mid-2022 extract). Two States that joined OP3 "
                                  "after mid-2022 are missing from the ratification data, and %s is one of the "
                                  "candidates (domain brief §4.2): check the UN Treaty Collection before relying "
                                  "on this."),
                                c->state_name, treaty_status_label (s->status[REDRESS_TREATY_OP3]), as_of, c->state_name));
          return;
        }
      add (results, "art1.3", REDRESS_GROUND_FAIL, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("%s is %s to OP3 (ratification data as of %s): the Committee receives no "
                              "communication concerning a State that is not party to the Protocol."),
                            c->state_name, treaty_status_label (s->status[REDRESS_TREATY_OP3]), as_of));
      return;
    }

  eif = s->op3_eif;
  if (eif == NULL && s->op3_eif_earliest == NULL)
    {
      add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("%s is party to OP3, but the date it entered into force for it is not known "
                              "(ratification data as of %s), so whether it was in force on %s cannot be told."),
                            c->state_name, as_of, on));
      return;
    }
  if (eif == NULL && redress_iso_date_compare (on, s->op3_eif_earliest) >= 0 &&
      redress_iso_date_compare (on, s->op3_eif_latest) < 0)
    {
      add (results, "art1.3", REDRESS_GROUND_UNKNOWN, CITE_ART1_3, "case_file.state_code",
           g_strdup_printf (_("%s deposited its OP3 instrument in %s (day not known); OP3 entered into force "
                              "for it at the earliest on %s and at the latest on %s, so it may not yet have been "
                              "in force on %s (ratification data as of %s)."),
                            c->state_name, s->dates[REDRESS_TREATY_OP3], s->op3_eif_earliest, s->op3_eif_latest,
                            on, as_of));
      return;
    }
  if (redress_iso_date_compare (on, eif != NULL ? eif : s->op3_eif_earliest) < 0)
    {
      add (results, "art1.3", REDRESS_GROUND_FAIL, CITE_ART1_3, "case_file.submitted_on",
           eif != NULL
           ? g_strdup_printf (_("OP3 enters into force for %s only on %s (three months after its deposit of %s, "
                                "art 19); a communication dated %s comes too early (ratification data as of %s)."),
                              c->state_name, eif, s->dates[REDRESS_TREATY_OP3], on, as_of)
           : g_strdup_printf (_("OP3 enters into force for %s at the earliest on %s (three months after a deposit "
                                "in %s, art 19); a communication dated %s comes too early (ratification data as "
                                "of %s)."),
                              c->state_name, s->op3_eif_earliest, s->dates[REDRESS_TREATY_OP3], on, as_of));
      return;
    }
  if (eif == NULL)
    add (results, "art1.3", REDRESS_GROUND_PASS, CITE_ART1_3, "case_file.state_code",
         g_strdup_printf (_("%s has been party to OP3 since %s; the Protocol entered into force for it at the "
                            "latest on %s, before %s (ratification data as of %s)."),
                          c->state_name, s->dates[REDRESS_TREATY_OP3], s->op3_eif_latest, on, as_of));
  else
    add (results, "art1.3", REDRESS_GROUND_PASS, CITE_ART1_3, "case_file.state_code",
         *s->dates[REDRESS_TREATY_OP3]
         ? g_strdup_printf (_("%s has been party to OP3 since %s; the Protocol has been in force for it since %s "
                              "(ratification data as of %s)."),
                            c->state_name, s->dates[REDRESS_TREATY_OP3], eif, as_of)
         : g_strdup_printf (_("%s is party to OP3; the Protocol has been in force for it since %s "
                              "(ratification data as of %s)."),
                            c->state_name, eif, as_of));
}

/* D17, OPSC art 14(2) [V] / OPAC art 10(2) [V]: a Protocol enters into force
 * for a State one month after its deposit.  A deposit known only by its year
 * (or month) gives a span.  FALSE when the date is not known. */
static gboolean
protocol_eif (const RedressStateRecord *s,
              RedressTreaty             t,
              char                    **earliest,
              char                    **latest)
{
  g_autofree char *d1 = NULL;
  g_autofree char *d2 = NULL;

  if (s == NULL || !redress_partial_date_range (s->dates[t], &d1, &d2))
    return FALSE;
  *earliest = redress_iso_date_add (d1, REDRESS_PERIOD_MONTHS, 1);
  *latest = redress_iso_date_add (d2, REDRESS_PERIOD_MONTHS, 1);
  return TRUE;
}

typedef struct
{
  guint after;       /* facts surely on or after the date */
  guint before;      /* surely before, not continuing */
  guint continued;   /* surely before, continuing or lasting past the date */
  guint unsure;      /* inside the span the date may fall in */
  guint undated;
} Sides;

/* Where the facts of @facts fall against a date known to lie in [@e1, @e2]. */
static void
count_sides (Case       *c,
             GPtrArray  *facts,
             const char *e1,
             const char *e2,
             gboolean    violation_continuing,
             Sides      *out);

/* Art 1(2) [V]: no competence for a right of an instrument the State has not
 * joined; for the OPSC and OPAC, not for facts before that Protocol entered
 * into force for the State (D17: one month after its deposit). */
static void
check_art1_2 (Case      *c,
              GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);
  gboolean protocol_dates = FALSE;
  const char *hint = "violation";

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
      g_autofree char *e1 = NULL;
      g_autofree char *e2 = NULL;
      const char *art;
      Sides sides;

      if (!redress_treaty_from_string (v->treaty, &t))
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s: unknown instrument."), label);
          continue;
        }
      ts = c->state->status[t];
      if (ts != REDRESS_TREATY_STATUS_PARTY)
        {
          status = worse (status, ts == REDRESS_TREATY_STATUS_UNKNOWN ? REDRESS_GROUND_UNKNOWN : REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, _(" %s: %s is %s to the %s (as of %s)."), label, c->state_name,
                                  treaty_status_label (ts), v->treaty, status_as_of (c, t));
          continue;
        }
      if (t != REDRESS_TREATY_OPSC && t != REDRESS_TREATY_OPAC)
        continue;

      /* D17: the Protocol must have bound the State when the facts occurred. */
      protocol_dates = TRUE;
      art = t == REDRESS_TREATY_OPSC ? "OPSC art 14(2)" : "OPAC art 10(2)";
      if (!protocol_eif (c->state, t, &e1, &e2))
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s: the date the %s entered into force for %s is not known, so "
                                            "whether it bound the State at the facts cannot be told (%s)."),
                                  label, v->treaty, c->state_name, art);
          continue;
        }
      count_sides (c, v->facts, e1, e2, v->continuing, &sides);
      if (v->facts->len == 0)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s: no fact is linked, so it cannot be compared with the date "
                                            "the %s entered into force for %s (%s)."),
                                  label, v->treaty, c->state_name, art);
        }
      else if (sides.after > 0)
        continue;
      else if (sides.undated > 0 || sides.unsure > 0)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          hint = "fact.occurred_on";
          g_string_append_printf (detail, g_strcmp0 (e1, e2) == 0
                                  ? _(" %s: some of its facts are undated and cannot be compared with %s, when "
                                      "the %s entered into force for %s (%s).")
                                  : _(" %s: some of its facts are undated or fall between %s and the latest "
                                      "date the %s can have entered into force for %s (%s)."),
                                  label, e1, v->treaty, c->state_name, art);
        }
      else if (sides.continued > 0)
        {
          status = worse (status, REDRESS_GROUND_NEEDS_ARGUMENT);
          hint = "violation.continuing";
          g_string_append_printf (detail, _(" %s: its facts began before %s, when the %s entered into force for "
                                            "%s at the earliest, and are argued to continue after it (%s)."),
                                  label, e1, v->treaty, c->state_name, art);
        }
      else
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          hint = "fact.occurred_on";
          g_string_append_printf (detail, g_strcmp0 (e1, e2) == 0
                                  ? _(" %s: all its facts occurred before %s, when the %s entered into force "
                                      "for %s (%s).")
                                  : _(" %s: all its facts occurred before %s, the earliest date the %s can "
                                      "have entered into force for %s (%s)."),
                                  label, e1, v->treaty, c->state_name, art);
        }
    }

  if (status == REDRESS_GROUND_PASS)
    add (results, "art1.2", status, protocol_dates ? CITE_ART1_2_PROTOCOLS : CITE_ART1_2,
         "violation",
         g_strdup_printf (protocol_dates
                          ? _("Every right invoked is in an instrument %s is party to (ratification data as of "
                              "%s), and each Protocol invoked was in force for it at the facts.")
                          : _("Every right invoked is in an instrument %s is party to (ratification data as of "
                              "%s)."),
                          c->state_name, c->data_as_of));
  else
    add (results, "art1.2", status, protocol_dates ? CITE_ART1_2_PROTOCOLS : CITE_ART1_2,
         hint,
         g_strdup_printf (_("The Committee has no competence for a right in an instrument that did not bind "
                            "the State.%s"), detail->str));
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

/* The final domestic decision with the latest date (the earlier of its
 * decision and notification); *undated is set when a final decision has no
 * date at all, so the latest may be that one. */
static const Remedy *
final_remedy (Case     *c,
              gboolean *undated)
{
  const Remedy *best = NULL;
  const char *best_start = NULL;

  *undated = FALSE;
  for (guint i = 0; i < c->remedies->len; i++)
    {
      const Remedy *r = g_ptr_array_index (c->remedies, i);
      const char *start = redress_iso_date_min (r->decided_on, r->notified_on);

      if (!r->is_final)
        continue;
      if (start == NULL)
        {
          *undated = TRUE;
          continue;
        }
      if (best == NULL || redress_iso_date_compare (start, best_start) > 0)
        {
          best = r;
          best_start = start;
        }
    }
  return best;
}

static const Remedy *
any_final_remedy (Case *c)
{
  for (guint i = 0; i < c->remedies->len; i++)
    {
      const Remedy *r = g_ptr_array_index (c->remedies, i);

      if (r->is_final)
        return r;
    }
  return NULL;
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
 * unlikely to bring effective relief.  Exhaustion is about the remedy being
 * final, whatever its dates say (those are art 7(h)'s). */
static void
check_7e (Case      *c,
          GPtrArray *results)
{
  gboolean undated;
  const Remedy *fin = final_remedy (c, &undated);

  if (fin == NULL)
    fin = any_final_remedy (c);
  if (fin != NULL && c->submitted_on != NULL &&
      redress_iso_date_compare (c->submitted_on, redress_iso_date_min (fin->decided_on, fin->notified_on)) < 0)
    {
      /* Submitted before the remedies were exhausted: whether that is cured by
       * the later final decision is the Committee's call [U]. */
      add (results, "7e", REDRESS_GROUND_NEEDS_ARGUMENT, CITE_7E, "domestic_remedy.decided_on",
           g_strdup_printf (_("The communication was submitted on %s, before the final decision of %s (%s): "
                              "show that domestic remedies are exhausted now, or were unreasonably prolonged "
                              "or ineffective when it was submitted."),
                            c->submitted_on, *fin->forum ? fin->forum : _("the last instance"),
                            redress_iso_date_min (fin->decided_on, fin->notified_on)));
      return;
    }
  if (fin != NULL)
    {
      const char *date = fin->decided_on ? fin->decided_on : fin->notified_on;

      add (results, "7e", REDRESS_GROUND_PASS, CITE_7E, "domestic_remedy.is_final",
           date != NULL
           ? g_strdup_printf (_("Domestic remedies ended with the final decision of %s (%s)."),
                              *fin->forum ? fin->forum : _("the last instance"), date)
           : g_strdup_printf (_("Domestic remedies ended with the final decision of %s (its date is not "
                                "recorded)."), *fin->forum ? fin->forum : _("the last instance")));
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
                 : _("None of the domestic remedies recorded is marked as final and no reason for not exhausting "
                     "them is recorded.")));
}

/* Art 7(f) [V]: manifestly ill-founded or not sufficiently substantiated.
 * That is the Committee's judgment: the record can show a communication has
 * nothing at all behind a violation (fail), never that it is substantiated. */
static void
check_7f (Case      *c,
          GPtrArray *results)
{
  g_autoptr(GString) nothing = g_string_new (NULL);
  g_autoptr(GString) no_fact = g_string_new (NULL);
  g_autoptr(GString) no_evidence = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

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
      GString *into = NULL;

      if (v->facts->len == 0 && v->n_evidence == 0)
        into = nothing;
      else if (v->facts->len == 0)
        into = no_fact;
      else if (v->n_evidence == 0)
        into = no_evidence;
      if (into != NULL)
        g_string_append_printf (into, "%s%s", into->len ? _(", ") : "", label);
    }
  if (nothing->len > 0)
    {
      add (results, "7f", REDRESS_GROUND_FAIL, CITE_7F, "violation_fact",
           g_strdup_printf (_("Neither facts nor evidence are linked to %s: an alleged violation with nothing "
                              "behind it is not substantiated."), nothing->str));
      return;
    }

  g_string_append (text, _("Whether the communication is sufficiently substantiated and not manifestly "
                           "ill-founded is for the Committee to judge: argue each alleged violation on its facts "
                           "and evidence."));
  if (no_fact->len > 0)
    g_string_append_printf (text, _(" Warning: no fact is linked to %s."), no_fact->str);
  if (no_evidence->len > 0)
    g_string_append_printf (text, _(" Warning: no evidence is linked to %s."), no_evidence->str);
  add (results, "7f", REDRESS_GROUND_NEEDS_ARGUMENT, CITE_7F,
       no_fact->len > 0 ? "violation_fact" : no_evidence->len > 0 ? "evidence_link" : "violation",
       g_string_free (g_steal_pointer (&text), FALSE));
}

typedef enum { TIME_AFTER, TIME_BEFORE, TIME_UNSURE, TIME_NO_DATE } TimeSide;

/* Which side of a date known to lie in [@e1, @e2] a fact falls; a fact known
 * only by its year or month is a span too.  *continued: it surely lasted
 * past @e2 (occurred_until) or is marked as continuing. */
static TimeSide
fact_side_of (const Fact *f,
              const char *e1,
              const char *e2,
              gboolean   *continued)
{
  *continued = FALSE;
  if (f->occurred_on == NULL)
    return TIME_NO_DATE;
  if (redress_iso_date_compare (f->earliest, e2) >= 0)
    return TIME_AFTER;
  if (redress_iso_date_compare (f->latest, e1) < 0)
    {
      if (f->continuing)
        *continued = TRUE;
      else if (f->occurred_until != NULL && redress_iso_date_compare (f->last, e1) >= 0)
        {
          g_autofree char *until_from = NULL;
          g_autofree char *until_to = NULL;

          /* It lasted into the span: surely past it only if it ended after e2. */
          if (redress_partial_date_range (f->occurred_until, &until_from, &until_to) &&
              redress_iso_date_compare (until_from, e2) >= 0)
            *continued = TRUE;
          else
            return TIME_UNSURE;
        }
      return TIME_BEFORE;
    }
  return TIME_UNSURE;
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

static void
count_sides (Case       *c,
             GPtrArray  *facts,
             const char *e1,
             const char *e2,
             gboolean    violation_continuing,
             Sides      *out)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; i < facts->len; i++)
    {
      const Fact *f = g_ptr_array_index (facts, i);
      gboolean cont;

      switch (fact_side_of (f, e1, e2, &cont))
        {
        case TIME_AFTER:
          out->after++;
          break;
        case TIME_BEFORE:
          if (cont || violation_continuing || (c != NULL && fact_has_continuing_violation (c, f)))
            out->continued++;
          else
            out->before++;
          break;
        case TIME_UNSURE:
          out->unsure++;
          break;
        case TIME_NO_DATE:
        default:
          out->undated++;
          break;
        }
    }
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
                          c->state_name, status_as_of (c, REDRESS_TREATY_OP3)));
  return FALSE;
}

static const char *
eif_earliest (Case *c)
{
  return c->state->op3_eif ? c->state->op3_eif : c->state->op3_eif_earliest;
}

static const char *
eif_latest (Case *c)
{
  return c->state->op3_eif ? c->state->op3_eif : c->state->op3_eif_latest;
}

static gboolean
eif_exact (Case *c)
{
  return g_strcmp0 (eif_earliest (c), eif_latest (c)) == 0;
}

/* "on 2014-12-24", or "at the earliest on 2015-04-01 and at the latest on
 * 2016-03-31 (deposit in 2015, day not known)". */
static char *
eif_phrase (Case *c)
{
  if (eif_exact (c))
    return g_strdup_printf (_("on %s"), eif_earliest (c));
  return g_strdup_printf (_("at the earliest on %s and at the latest on %s (deposit in %s, day not known)"),
                          eif_earliest (c), eif_latest (c), c->state->dates[REDRESS_TREATY_OP3]);
}

/* Art 7(g) [V] with art 20 [V]: facts before OP3's entry into force for the
 * State are outside it unless they continued after that date.  One fact
 * surely before never outweighs one that is undated or may be after. */
static void
check_facts_in_time (Case       *c,
                     const char *ground,
                     const char *citation,
                     GPtrArray  *results)
{
  g_autofree char *phrase = NULL;
  Sides n;

  if (!have_eif (c, ground, citation, results))
    return;
  if (c->facts->len == 0)
    {
      add (results, ground, REDRESS_GROUND_UNKNOWN, citation, "fact",
           g_strdup (_("No facts are recorded, so their dates cannot be compared with OP3’s entry into force.")));
      return;
    }

  phrase = eif_phrase (c);
  count_sides (c, c->facts, eif_earliest (c), eif_latest (c), FALSE, &n);

  if (n.undated > 0 || n.unsure > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (n.undated > 0)
        g_string_append_printf (text, ngettext ("%u fact has no date, so it cannot be compared with the date OP3 "
                                                "entered into force for %s (%s).",
                                                "%u facts have no date, so they cannot be compared with the date "
                                                "OP3 entered into force for %s (%s).", n.undated),
                                n.undated, c->state_name, phrase);
      if (n.unsure > 0)
        g_string_append_printf (text, ngettext ("%s%u fact may have occurred before or after OP3 entered into "
                                                "force for %s (%s).",
                                                "%s%u facts may have occurred before or after OP3 entered into "
                                                "force for %s (%s).", n.unsure),
                                text->len ? " " : "", n.unsure, c->state_name, phrase);
      add (results, ground, REDRESS_GROUND_UNKNOWN, citation, "fact.occurred_on",
           g_string_free (g_steal_pointer (&text), FALSE));
    }
  else if (n.after == 0 && n.continued == 0)
    add (results, ground, REDRESS_GROUND_FAIL, citation, "fact.continuing",
         eif_exact (c)
         ? g_strdup_printf (_("All the facts occurred before %s, when OP3 entered into force for %s, and none is "
                              "marked as continuing after that date."), eif_earliest (c), c->state_name)
         : g_strdup_printf (_("All the facts occurred before %s, the earliest date OP3 can have entered into force "
                              "for %s (deposit in %s, day not known), and none is marked as continuing after it."),
                            eif_earliest (c), c->state_name, c->state->dates[REDRESS_TREATY_OP3]));
  else if (n.before > 0 || n.continued > 0)
    add (results, ground, REDRESS_GROUND_NEEDS_ARGUMENT, citation, "fact.continuing",
         eif_exact (c)
         ? g_strdup_printf (_("Some facts occurred before %s, when OP3 entered into force for %s: argue that they "
                              "continued after that date, or present them as background only."),
                            eif_earliest (c), c->state_name)
         : g_strdup_printf (_("Some facts occurred before %s, the earliest date OP3 can have entered into force "
                              "for %s (deposit in %s, day not known): argue that they continued after it, or "
                              "present them as background only."),
                            eif_earliest (c), c->state_name, c->state->dates[REDRESS_TREATY_OP3]));
  else
    add (results, ground, REDRESS_GROUND_PASS, citation, "fact.occurred_on",
         eif_exact (c)
         ? g_strdup_printf (_("Every fact occurred on or after %s, when OP3 entered into force for %s "
                              "(ratification data as of %s)."), eif_earliest (c), c->state_name,
                            status_as_of (c, REDRESS_TREATY_OP3))
         : g_strdup_printf (_("Every fact occurred on or after %s, the latest date OP3 can have entered into force "
                              "for %s (deposit in %s, day not known; ratification data as of %s)."),
                            eif_latest (c), c->state_name, c->state->dates[REDRESS_TREATY_OP3],
                            status_as_of (c, REDRESS_TREATY_OP3)));
}

/* Art 20 [V]: each alleged violation must have occurred after OP3 entered
 * into force for the State, unless it is marked as continuing; for a right of
 * the OPSC or OPAC, after that Protocol bound the State too (D17). */
static void
check_art20 (Case      *c,
             GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autofree char *phrase = NULL;
  gboolean protocol = FALSE;

  if (!have_eif (c, "art20", CITE_ART20, results))
    return;
  if (c->violations->len == 0)
    {
      add (results, "art20", REDRESS_GROUND_UNKNOWN, CITE_ART20, "violation",
           g_strdup (_("No alleged violation is recorded.")));
      return;
    }
  phrase = eif_phrase (c);

  for (guint i = 0; i < c->violations->len; i++)
    {
      Violation *v = g_ptr_array_index (c->violations, i);
      g_autofree char *label = violation_label (v);
      g_autofree char *p1 = NULL;
      g_autofree char *p2 = NULL;
      const char *e1 = eif_earliest (c), *e2 = eif_latest (c);
      RedressTreaty t;
      Sides n;

      /* The later of OP3's and the Protocol's entry into force. */
      if (redress_treaty_from_string (v->treaty, &t) && (t == REDRESS_TREATY_OPSC || t == REDRESS_TREATY_OPAC) &&
          c->state->status[t] == REDRESS_TREATY_STATUS_PARTY)
        {
          protocol = TRUE;
          if (!protocol_eif (c->state, t, &p1, &p2))
            {
              status = worse (status, REDRESS_GROUND_UNKNOWN);
              g_string_append_printf (detail, _(" %s: the date the %s entered into force for %s is not known."),
                                      label, v->treaty, c->state_name);
              continue;
            }
          e1 = redress_iso_date_max (e1, p1);
          e2 = redress_iso_date_max (e2, p2);
        }

      count_sides (c, v->facts, e1, e2, FALSE, &n);
      if (n.after > 0)
        continue;
      if (v->facts->len == 0)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s: no fact is linked to it, so when it occurred is not recorded."),
                                  label);
        }
      else if (n.undated > 0 || n.unsure > 0)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, g_strcmp0 (e1, e2) == 0
                                  ? _(" %s: some of its facts have no date, so they cannot be compared with %s.")
                                  : _(" %s: some of its facts have no date or may fall on either side of the "
                                      "entry into force (between %s and %s)."),
                                  label, e1, e2);
        }
      else if (v->continuing || n.continued > 0)
        {
          status = worse (status, REDRESS_GROUND_NEEDS_ARGUMENT);
          g_string_append_printf (detail, _(" %s began before %s and is argued to continue after it."),
                                  label, e1);
        }
      else
        {
          status = worse (status, REDRESS_GROUND_FAIL);
          g_string_append_printf (detail, g_strcmp0 (e1, e2) == 0
                                  ? _(" %s rests only on facts before %s and is not marked as continuing.")
                                  : _(" %s rests only on facts before %s, the earliest date of entry into force, "
                                      "and is not marked as continuing."),
                                  label, e1);
        }
    }

  if (status == REDRESS_GROUND_PASS)
    add (results, "art20", status, protocol ? CITE_ART20_PROTOCOLS : CITE_ART20,
         "violation.continuing",
         g_strdup_printf (protocol
                          ? _("Every alleged violation rests on facts after OP3 entered into force for %s (%s) "
                              "and after the Protocol it invokes did.")
                          : _("Every alleged violation rests on facts after OP3 entered into force for %s (%s)."),
                          c->state_name, phrase));
  else
    add (results, "art20", status, protocol ? CITE_ART20_PROTOCOLS : CITE_ART20,
         "violation.continuing",
         g_strdup_printf (_("The Committee is competent only for violations after OP3 entered into force for %s "
                            "(%s).%s"), c->state_name, phrase, detail->str));
}

/* Art 7(h) [V]: within one year of the exhaustion of domestic remedies (D01),
 * unless the author shows it was not possible to submit in time. */
static void
check_7h (Case      *c,
          GPtrArray *results)
{
  gboolean undated;
  const Remedy *fin = final_remedy (c, &undated);
  const char *start, *later, *filed;
  g_autofree char *due_early = NULL;
  g_autofree char *due_late = NULL;
  g_autofree char *both = NULL;
  gboolean submitted = c->submitted_on != NULL;

  if (undated)
    {
      add (results, "7h", REDRESS_GROUND_UNKNOWN, CITE_7H, "domestic_remedy.decided_on",
           g_strdup (_("A final domestic decision is recorded without its date or the date it was notified, so "
                       "the one-year limit cannot be computed: record both dates.")));
      return;
    }
  if (fin == NULL)
    {
      if (remedies_excused (c))
        add (results, "7h", REDRESS_GROUND_NEEDS_ARGUMENT, CITE_7H, "case_file.time_limit_excuse",
             g_strdup (_("There is no final domestic decision to count the year from; show that the communication "
                         "was submitted within a reasonable time of the remedies proving ineffective.")));
      else
        add (results, "7h", REDRESS_GROUND_UNKNOWN, CITE_7H, "domestic_remedy.decided_on",
             g_strdup (_("No final domestic decision is recorded, so the one-year limit cannot be computed.")));
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

  if (submitted && redress_iso_date_compare (filed, start) < 0)
    {
      add (results, "7h", REDRESS_GROUND_PASS, CITE_7H, "case_file.submitted_on",
           g_strdup_printf (_("Submitted on %s, before the %s: the one-year limit had not begun (see art 7(e))."),
                            filed, both));
      return;
    }
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

/* The CRC protects children: CRC art 1 [V].  Age is measured at the facts of
 * each alleged violation, not at some other fact of the case. */
static void
check_age (Case      *c,
           GPtrArray *results)
{
  RedressGroundStatus status = REDRESS_GROUND_PASS;
  g_autoptr(GString) detail = g_string_new (NULL);
  const char *first_fact = NULL;
  guint n = 0;

  if (c->violations->len == 0)
    {
      add (results, "age", REDRESS_GROUND_UNKNOWN, CITE_AGE, "violation",
           g_strdup (_("No alleged violation is recorded, so there are no facts to measure the victims’ age at.")));
      return;
    }

  for (guint i = 0; i < c->parties->len; i++)
    {
      Party *p = g_ptr_array_index (c->parties, i);

      if (!is_role (p, "victim"))
        continue;
      n++;
      if (p->birth_date == NULL)
        {
          status = worse (status, REDRESS_GROUND_UNKNOWN);
          g_string_append_printf (detail, _(" %s has no date of birth recorded."), display_name (p));
          continue;
        }

      for (guint j = 0; j < c->violations->len; j++)
        {
          Violation *v = g_ptr_array_index (c->violations, j);
          g_autofree char *label = violation_label (v);
          const Fact *first = NULL;
          int min_age, max_age, min2, max2;

          /* The earliest dated fact of the violation: its span's ends. */
          for (guint k = 0; k < v->facts->len; k++)
            {
              const Fact *f = g_ptr_array_index (v->facts, k);

              if (f->occurred_on != NULL && (first == NULL || redress_iso_date_compare (f->earliest, first->earliest) < 0))
                first = f;
            }
          if (first == NULL || !redress_age_range_at (p->birth_date, first->earliest, &min_age, &max_age) ||
              !redress_age_range_at (p->birth_date, first->latest, &min2, &max2))
            {
              status = worse (status, REDRESS_GROUND_UNKNOWN);
              g_string_append_printf (detail, _(" No dated fact is linked to %s to compute %s’s age at."),
                                      label, display_name (p));
              continue;
            }
          max_age = MAX (max_age, max2);
          first_fact = redress_iso_date_min (first_fact, first->earliest);
          if (min_age >= 18)
            {
              status = worse (status, REDRESS_GROUND_FAIL);
              g_string_append_printf (detail, _(" %s was already %d at the first fact of %s (%s)."),
                                      display_name (p), min_age, label, first->occurred_on);
            }
          else if (max_age >= 18)
            {
              status = worse (status, REDRESS_GROUND_UNKNOWN);
              g_string_append_printf (detail, _(" %s was between %d and %d at the first fact of %s (%s); the dates "
                                                "are too vague to tell whether a child."),
                                      display_name (p), min_age, max_age, label, first->occurred_on);
            }
        }
    }

  if (n == 0)
    add (results, "age", REDRESS_GROUND_UNKNOWN, CITE_AGE, "case_party",
         g_strdup (_("No victim is recorded.")));
  else if (status == REDRESS_GROUND_PASS)
    add (results, "age", status, CITE_AGE, "person.birth_date",
         g_strdup_printf (_("Every victim was under 18 at the facts of each alleged violation (the first on %s)."),
                          first_fact));
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
