/* redress-demo.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deterministic, fictional docket: the same seed and number of cases give
 * the same rows, ids included.  Every child, family and lawyer is invented;
 * the States are real OP3 parties (data/states.csv, op3_status=party, with a
 * known entry into force), the rights come from data/rights.csv, and the
 * procedural history walks data/lifecycle.csv from the first stage, so every
 * stage reached is reachable.  About 85 % communications, 15 % inquiries.
 *
 * Dates are measured against a fixed horizon, not today, so that the docket
 * does not depend on the day it was made.
 */

#define G_LOG_DOMAIN "redress-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-csv.h"
#include "redress-database-private.h"
#include "redress-demo.h"
#include "redress-procedure.h"
#include "redress-util.h"

#define HORIZON_YEAR  2026
#define HORIZON_MONTH 10
#define HORIZON_DAY   31
#define CASES_PER_TRANSACTION 5000

/* {{{ Names */

typedef struct
{
  const char         *id;
  const char * const *given_f;
  const char * const *given_m;
  const char * const *family;
  const char         *nationality;   /* for diaspora pools; NULL: the State's own */
  gboolean            family_first;  /* the family name is written first */
} NamePool;

#define S(...) (const char * const[]) { __VA_ARGS__, NULL }

static const NamePool pools[] = {
  { "es", S ("María José", "Lucía", "Valentina", "Sofía", "Camila", "Ximena", "Ainhoa"),
    S ("José Ángel", "Mateo", "Santiago", "Joaquín", "Tomás", "Martín", "Iñaki"),
    S ("García", "Núñez", "Pérez Ibáñez", "Muñoz", "Fernández", "Quispe Mamani", "Gutiérrez", "Peña"),
    NULL, FALSE },
  { "pt", S ("Ana Luíza", "Beatriz", "Conceição", "Inês", "Mariana", "Leonor"),
    S ("João", "Gonçalo", "Sebastião", "Tiago", "Luís", "Caetano"),
    S ("Gonçalves", "Simões", "Araújo", "Magalhães", "Brandão", "Assunção"), NULL, FALSE },
  { "fr", S ("Léa", "Chloé", "Zoé", "Maëlle", "Inès", "Anaïs", "Aïcha"),
    S ("Théo", "Noël", "Loïc", "Jérôme", "Raphaël", "Koffi"),
    S ("Lefèvre", "Mercier", "Dubois", "Bélanger", "Rousseau", "Hounkpè", "Nzé Obiang"), NULL, FALSE },
  { "de", S ("Lena", "Jördis", "Mia", "Hannah", "Käthe", "Selin"),
    S ("Jörg", "Lukas", "Jonas", "Björn", "Maximilian", "Jürgen"),
    S ("Müller", "Schäfer", "Weiß", "Köhler", "Bäcker", "Groß"), NULL, FALSE },
  { "it", S ("Giulia", "Chiara", "Francesca", "Aurora", "Beatrice"),
    S ("Niccolò", "Lorenzo", "Mattia", "Gabriele", "Nicolò"),
    S ("Rossi", "Esposito", "Bianchi", "De Luca", "Colombo", "Ricci"), NULL, FALSE },
  { "sl", S ("Tereza", "Anežka", "Željka", "Ivana", "Zuzana", "Lejla"),
    S ("Jiří", "Lukáš", "Dušan", "Matěj", "Žarko", "Tomaž", "Emir"),
    S ("Dvořák", "Novák", "Horváth", "Kovačić", "Šimunović", "Hodžić", "Černý"), NULL, FALSE },
  { "lt", S ("Gabija", "Ūla", "Austėja", "Rūta"), S ("Jonas", "Mantas", "Žygimantas", "Kęstutis"),
    S ("Kazlauskas", "Žukauskas", "Šimkus", "Vaitkus"), NULL, FALSE },
  { "nord", S ("Ingrid", "Aino", "Sørine", "Päivi", "Åsa"), S ("Søren", "Jørgen", "Väinö", "Eetu", "Mikkel"),
    S ("Sørensen", "Mäkinen", "Jørgensen", "Virtanen", "Kähkönen"), NULL, FALSE },
  { "al", S ("Ardita", "Elira", "Besë", "Lindita"), S ("Arbër", "Dritan", "Ermal", "Gëzim"),
    S ("Hoxha", "Shehu", "Çela", "Dervishi", "Kastrati"), NULL, FALSE },
  { "ga", S ("Aoife", "Siobhán", "Caoimhe", "Róisín"), S ("Seán", "Pádraig", "Cillian", "Eoin"),
    S ("Ó Briain", "Mac Cárthaigh", "O'Sullivan", "Ó Súilleabháin"), NULL, FALSE },
  { "ru", S ("Олена", "Марія", "Анастасія", "Дарина", "Айгерім"),
    S ("Олександр", "Дмитро", "Андрій", "Нұрлан", "Єгор"),
    S ("Шевченко", "Коваленко", "Бондаренко", "Мельник", "Кравчук", "Ткаченко"), NULL, FALSE },
  { "el", S ("Ελένη", "Μαρία", "Αικατερίνη", "Χρυσάνθη"), S ("Γιώργος", "Ανδρέας", "Κωνσταντίνος", "Χαράλαμπος"),
    S ("Γεωργίου", "Χριστοδούλου", "Ιωάννου", "Κωνσταντίνου", "Νικολάου"), NULL, FALSE },
  { "hy", S ("Անի", "Նարե", "Մարիամ", "Լուսինե"), S ("Արամ", "Դավիթ", "Տիգրան", "Նարեկ"),
    S ("Հովհաննիսյան", "Սարգսյան", "Գրիգորյան", "Պետրոսյան"), NULL, FALSE },
  { "ka", S ("ნინო", "მარიამ", "ანა", "თამარ"), S ("გიორგი", "ლუკა", "დავით", "ნიკოლოზ"),
    S ("ბერიძე", "კაპანაძე", "გელაშვილი", "მაისურაძე"), NULL, FALSE },
  { "th", S ("สมศรี", "พิมพ์ชนก", "กัญญา", "ณัฐธิดา"), S ("สมชาย", "ธนากร", "ปิยะ", "วรเชษฐ์"),
    S ("ศรีสุข", "วงศ์ใหญ่", "แสงทอง", "บุญมา"), NULL, FALSE },
  { "mh", S ("Lijon", "Nerija", "Emlain"), S ("Jebro", "Kalani", "Lajibwe"),
    S ("Kabua", "Laninbelik", "Jetnil", "Heine"), NULL, FALSE },
  { "mv", S ("Aishath", "Mariyam", "Fathimath"), S ("Ibrahim", "Hassan", "Ahmed"),
    S ("Naseem", "Rasheed", "Shareef"), NULL, FALSE },
  /* Families who came from elsewhere. */
  { "ar", S ("مريم", "فاطمة", "ليلى", "نور", "ياسمين"), S ("أحمد", "يوسف", "عمر", "خالد", "سامي"),
    S ("الحسن", "منصور", "حداد", "الخطيب", "العلي"), "SY", FALSE },
  { "am", S ("ሄለን", "ሰላም", "ትዕግስት", "መቅደስ"), S ("ዳዊት", "ዮናስ", "ሳምሶን", "ኤርሚያስ"),
    S ("ተስፋዬ", "ገብረመድህን", "አበበ", "ወልደማርያም"), "ER", FALSE },
  { "hi", S ("प्रिया", "अनन्या", "सीता", "कविता"), S ("अर्जुन", "राहुल", "विक्रम", "सूरज"),
    S ("शर्मा", "गुरुङ", "थापा", "वर्मा"), "NP", FALSE },
  { "zh", S ("秀英", "丽华", "欣怡", "雨涵"), S ("伟", "浩然", "子轩", "建国"),
    S ("王", "李", "张", "刘", "陈"), "CN", TRUE },
  { "uk", S ("Олеся", "Ірина", "Софія"), S ("Богдан", "Тарас", "Максим"),
    S ("Гончаренко", "Савчук", "Литвиненко"), "UA", FALSE },
};

static const char * const diaspora_pools[] = { "ar", "am", "hi", "zh", "uk", NULL };

static const struct { const char *codes; const char *pool; } state_pools[] = {
  { "AR BO CL CR EC SV ES AD PA PE PY UY", "es" },
  { "PT BR", "pt" },
  { "FR BE BJ GA LU MC SC", "fr" },
  { "DE LI CH", "de" },
  { "IT SM", "it" },
  { "CZ SK HR SI BA ME", "sl" },
  { "LT", "lt" },
  { "DK FI", "nord" },
  { "AL", "al" },
  { "IE", "ga" },
  { "KZ UA MN", "ru" },
  { "CY", "el" },
  { "AM", "hy" },
  { "GE", "ka" },
  { "TH", "th" },
  { "MH WS", "mh" },
  { "MV", "mv" },
};

static const NamePool *
find_pool (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    if (g_strcmp0 (pools[i].id, id) == 0)
      return &pools[i];
  return &pools[0];
}

static const NamePool *
pool_for_state (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_pools); i++)
    if (strstr (state_pools[i].codes, code) != NULL)
      return find_pool (state_pools[i].pool);
  return find_pool ("fr");
}

/* }}} */
/* {{{ Scenarios */

typedef struct
{
  const char         *topic;       /* for titles and summaries */
  const char * const *articles;    /* CRC articles */
  const char * const *facts;       /* %s: the place */
  const char * const *forums;      /* first instance ... last instance */
  const char         *summary;
} Scenario;

static const Scenario scenarios[] = {
  { "age assessment of an unaccompanied child", S ("3", "8", "12", "20", "22"),
    S ("Arrived alone at the border post of %s and declared to be a minor.",
       "An age assessment based on a wrist X-ray concluded that the child was an adult; no guardian was appointed.",
       "Placed in an adult reception centre in %s and left without schooling."),
    S ("Juvenile court", "Court of appeal", "Supreme court"),
    "The authorities treated the child as an adult after a medical age assessment and denied the protection due to an unaccompanied child." },
  { "expulsion separating a child from a parent", S ("3", "9", "10", "16"),
    S ("The father was detained in %s pending expulsion.",
       "The expulsion order was carried out although the child lived with the father.",
       "Requests for family reunification were refused without hearing the child."),
    S ("Administrative court", "Administrative court of appeal", "Constitutional court"),
    "The expulsion of a parent separated the child from the family without assessing the child's best interests." },
  { "exclusion from mainstream school", S ("2", "23", "28", "29"),
    S ("The child, who uses a wheelchair, was refused enrolment at the neighbourhood school in %s.",
       "The school board assigned the child to a special school 40 km away.",
       "No reasonable accommodation was considered."),
    S ("District court", "Regional court", "Supreme administrative court"),
    "The refusal to enrol a child with a disability in a mainstream school was discriminatory." },
  { "immigration detention of a family", S ("3", "37"),
    S ("The family was placed in the immigration detention centre of %s.",
       "The children remained in detention for 47 days without access to education.",
       "A psychologist reported signs of severe anxiety in the younger child."),
    S ("Liberty and detention judge", "Court of appeal", "Court of cassation"),
    "The children were held in immigration detention although alternatives were available." },
  { "fair trial of a child accused of an offence", S ("37", "40"),
    S ("Arrested in %s and questioned at night without a lawyer or a parent.",
       "Held in pre-trial detention with adults for three weeks.",
       "Convicted on the basis of the statement made without a lawyer."),
    S ("Juvenile court", "Court of appeal", "Supreme court"),
    "The child was questioned without legal assistance and detained with adults." },
  { "failure to investigate sexual abuse", S ("19", "34", "39"),
    S ("The child disclosed abuse by a sports coach in %s.",
       "The prosecutor closed the investigation without hearing the child.",
       "No psychological support was offered to the child."),
    S ("Investigating judge", "Appeals chamber", "Supreme court"),
    "The authorities failed to investigate the abuse of a child promptly and effectively." },
  { "denial of birth registration", S ("7", "8"),
    S ("The child was born in %s to parents without documents.",
       "The civil registry refused to register the birth.",
       "Without a birth certificate the child could not be enrolled in school."),
    S ("Civil court", "Court of appeal", "Supreme court"),
    "The refusal to register the child's birth left the child stateless and without identity documents." },
  { "wrongful retention abroad", S ("3", "11", "12"),
    S ("The mother took the child from %s and did not return after the holidays.",
       "The return proceedings lasted more than two years.",
       "The child's views were never heard by the court."),
    S ("Family court", "Court of appeal", "Supreme court"),
    "The return proceedings were excessively long and the child was never heard." },
  { "exposure to toxic pollution", S ("6", "24"),
    S ("The family lives next to a smelter in %s.",
       "Blood tests showed lead levels far above the limit in all three children.",
       "The authorities did not order any measure to reduce emissions."),
    S ("Administrative court", "Supreme administrative court", "Constitutional court"),
    "The State failed to protect children from toxic emissions that damaged their health." },
};

static const struct { const char *topic; const char *sources; const char *places; } inquiry_topics[] = {
  { "systematic detention of migrant children", "reports of three NGOs, interviews with 64 children",
    "border reception centres" },
  { "corporal punishment in residential care", "testimonies of former residents, inspection reports",
    "state-run children's homes" },
  { "children living in street situations", "field monitoring by local associations",
    "the capital and two port cities" },
  { "forced evictions of Roma families with children", "video footage, municipal decisions",
    "informal settlements" },
};

static const char *places[] = {
  "the capital", "a northern border town", "a coastal city", "a mountain village", "the port district",
  "a suburban municipality", "a provincial town", NULL
};

/* }}} */
/* {{{ Reference data */

typedef struct
{
  char   *code;
  char   *name;
  guint32 eif;         /* OP3 entry into force, Julian day */
  gboolean opsc;
  gboolean opac;
  gboolean accepts_inquiries;   /* art 13(7): recorded as not opted out */
  const NamePool *pool;
} DemoState;

typedef struct
{
  char  *from;
  char  *event;
  char  *to;
} DemoTransition;

typedef struct
{
  RedressDatabase  *db;
  GRand            *rand;
  GRand            *gaps;         /* a stream of its own: what a real docket does not know yet */
  guint32           seed_hash;
  guint64           counter;
  GArray           *states;       /* DemoState */
  GArray           *inquiry_states; /* guint indexes into states */
  GPtrArray        *transitions;  /* DemoTransition*, communication, inquiry, interim_measures */
  GHashTable       *opsc_articles;
  GHashTable       *opac_articles;
  guint32           horizon;
  gboolean          has_in_writing;
  gboolean          all_deadlines;
  gboolean          deadlines;
  guint             reference_base;
  /* Lawyers: some people are in many cases. */
  GHashTable       *lawyers;       /* "CODE#n" -> id */
  GPtrArray        *pending;       /* Pending */
  RedressStatement *person;
  RedressStatement *case_file;
  RedressStatement *party;
  RedressStatement *violation;
  RedressStatement *fact;
  RedressStatement *violation_fact;
  RedressStatement *remedy;
  RedressStatement *other_procedure;
  RedressStatement *event;
  RedressStatement *correspondence;
  RedressStatement *note;
} Demo;

static void
demo_transition_free (gpointer data)
{
  DemoTransition *t = data;

  g_free (t->from);
  g_free (t->event);
  g_free (t->to);
  g_free (t);
}

static void
demo_state_clear (gpointer data)
{
  DemoState *s = data;

  g_free (s->code);
  g_free (s->name);
}

static guint32
julian_of (const char *iso)
{
  g_autoptr(GDate) date = redress_iso_date_parse (iso);

  return date != NULL ? g_date_get_julian (date) : 0;
}

static gboolean
load_reference (Demo    *demo,
                GError **error)
{
  g_autoptr(GPtrArray) states = NULL;
  g_autoptr(GPtrArray) rights = NULL;
  g_autoptr(GPtrArray) lifecycle = NULL;
  GStrv header;
  int c_code, c_name, c_status, c_eif, c_opsc, c_opac, c_optout;
  int c_proc, c_from, c_event, c_to;

  states = redress_csv_load_resource ("/io/github/redress/Redress/model/data/states.csv", error);
  if (states == NULL)
    return FALSE;
  header = g_ptr_array_index (states, 0);
  c_code = redress_csv_column (header, "iso3166_alpha2");
  c_name = redress_csv_column (header, "name");
  c_status = redress_csv_column (header, "op3_status");
  c_eif = redress_csv_column (header, "op3_entry_into_force");
  c_opsc = redress_csv_column (header, "opsc_status");
  c_opac = redress_csv_column (header, "opac_status");
  c_optout = redress_csv_column (header, "op3_art13_optout");
  if (c_code < 0 || c_name < 0 || c_status < 0 || c_eif < 0 || c_opsc < 0 || c_opac < 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The bundled list of States lacks a column the demonstration needs."));
      return FALSE;
    }
  for (guint i = 1; i < states->len; i++)
    {
      GStrv row = g_ptr_array_index (states, i);
      guint n = g_strv_length (row);
      DemoState s = { 0 };

      if ((guint) MAX (MAX (c_code, c_name), MAX (c_status, c_eif)) >= n)
        continue;
      /* Only parties with a known entry into force: the data must be complete. */
      if (g_strcmp0 (row[c_status], "party") != 0 || !redress_iso_date_is_valid (row[c_eif]))
        continue;
      s.code = g_strdup (row[c_code]);
      s.name = g_strdup (row[c_name]);
      s.eif = julian_of (row[c_eif]);
      s.opsc = (guint) c_opsc < n && g_strcmp0 (row[c_opsc], "party") == 0;
      s.opac = (guint) c_opac < n && g_strcmp0 (row[c_opac], "party") == 0;
      s.pool = pool_for_state (s.code);
      s.accepts_inquiries = c_optout >= 0 && (guint) c_optout < n && g_strcmp0 (row[c_optout], "no") == 0;
      /* A State whose OP3 came into force too late for a case history is left out. */
      if (s.eif + 365 > demo->horizon)
        {
          demo_state_clear (&s);
          continue;
        }
      g_array_append_val (demo->states, s);
      if (s.accepts_inquiries)
        {
          guint index = demo->states->len - 1;

          g_array_append_val (demo->inquiry_states, index);
        }
    }
  if (demo->states->len == 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The bundled list of States has no OP3 party with a known entry into force."));
      return FALSE;
    }

  rights = redress_csv_load_resource ("/io/github/redress/Redress/model/data/rights.csv", error);
  if (rights == NULL)
    return FALSE;
  header = g_ptr_array_index (rights, 0);
  for (guint i = 1; i < rights->len; i++)
    {
      GStrv row = g_ptr_array_index (rights, i);
      int t = redress_csv_column (header, "treaty");
      int a = redress_csv_column (header, "article");
      int k = redress_csv_column (header, "kind");

      if (t < 0 || a < 0 || k < 0 || g_strv_length (row) <= (guint) MAX (t, MAX (a, k)))
        continue;
      if (g_strcmp0 (row[k], "right") != 0)
        continue;
      if (g_strcmp0 (row[t], "OPSC") == 0)
        g_hash_table_add (demo->opsc_articles, g_strdup (row[a]));
      else if (g_strcmp0 (row[t], "OPAC") == 0)
        g_hash_table_add (demo->opac_articles, g_strdup (row[a]));
    }

  lifecycle = redress_csv_load_resource ("/io/github/redress/Redress/model/data/lifecycle.csv", error);
  if (lifecycle == NULL)
    return FALSE;
  header = g_ptr_array_index (lifecycle, 0);
  c_proc = redress_csv_column (header, "procedure");
  c_from = redress_csv_column (header, "from_state");
  c_event = redress_csv_column (header, "event");
  c_to = redress_csv_column (header, "to_state");
  if (c_proc < 0 || c_from < 0 || c_event < 0 || c_to < 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The bundled life cycles lack a column the demonstration needs."));
      return FALSE;
    }
  for (guint i = 1; i < lifecycle->len; i++)
    {
      GStrv row = g_ptr_array_index (lifecycle, i);
      g_auto(GStrv) froms = NULL;

      if (g_strv_length (row) <= (guint) MAX (MAX (c_proc, c_from), MAX (c_event, c_to)))
        continue;
      if (g_strcmp0 (row[c_proc], "communication") != 0 &&
          g_strcmp0 (row[c_proc], "inquiry") != 0 &&
          g_strcmp0 (row[c_proc], "interim_measures") != 0)
        continue;
      froms = g_strsplit (row[c_from], "|", -1);
      for (guint f = 0; froms[f] != NULL; f++)
        {
          DemoTransition *t;

          if (g_strcmp0 (froms[f], "ANY_OPEN_STATE") == 0)
            continue;
          t = g_new0 (DemoTransition, 1);
          t->from = g_strdup_printf ("%s/%s", row[c_proc], froms[f]);
          t->event = g_strdup (row[c_event]);
          t->to = g_strdup (row[c_to]);
          g_ptr_array_add (demo->transitions, t);
        }
    }
  return TRUE;
}

/* }}} */
/* {{{ Writing */

/* Ids are UUIDs in form, made from the seed and a counter: the same seed gives
 * the same ids, and rows of one run are written in key order, which keeps
 * bulk inserts fast. */
static char *
next_id (Demo *demo)
{
  guint64 n = demo->counter++;

  return g_strdup_printf ("%08x-%04x-4%03x-8%03x-%04x%08x", demo->seed_hash,
                          (guint) ((n >> 40) & 0xffff), (guint) ((n >> 28) & 0xfff),
                          (guint) ((n >> 16) & 0xfff), (guint) (n & 0xffff),
                          g_rand_int (demo->rand));
}

static char *
iso (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static char *
stamp (guint32 julian)
{
  g_autofree char *day = iso (julian);

  return g_strdup_printf ("%sT09:00:00.000Z", day);
}

static const char *
pick (Demo               *demo,
      const char * const *values)
{
  guint n = g_strv_length ((char **) values);

  return values[g_rand_int_range (demo->rand, 0, (gint32) n)];
}

static int
range (Demo *demo,
       int   from,
       int   to)
{
  return g_rand_int_range (demo->rand, from, to + 1);
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

static gboolean
step (Demo             *demo,
      RedressStatement *stmt,
      GError          **error)
{
  int rc = redress_statement_step (stmt);

  redress_statement_reset (stmt);
  redress_statement_clear_bindings (stmt);
  if (rc != REDRESS_STEP_DONE)
    {
      if (redress_statement_get_constraint (stmt) != REDRESS_CONSTRAINT_NONE)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                     _("This docket already holds demonstration cases made with this seed; "
                       "use another seed or a new docket."));
      else
        redress_statement_set_error (stmt, error, _("Could not write the demonstration cases"));
      return FALSE;
    }
  return TRUE;
}

#define T(stmt, i, v) redress_statement_bind_text (stmt, i, v)
#define I(stmt, i, v) redress_statement_bind_int64 (stmt, i, v)

/* Rows made before their case row (the history is walked before the case's
 * stage is known) wait here: writing a child before its parent would make
 * SQLite search every table that refers to the child for each row. */
#define MAX_PENDING_COLUMNS 12

typedef struct
{
  RedressStatement *stmt;
  char             *text[MAX_PENDING_COLUMNS + 1];
  gint64            number[MAX_PENDING_COLUMNS + 1];
  gboolean          is_number[MAX_PENDING_COLUMNS + 1];
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  for (guint i = 0; i <= MAX_PENDING_COLUMNS; i++)
    g_free (p->text[i]);
  g_free (p);
}

static Pending *
pending_new (Demo             *demo,
             RedressStatement *stmt)
{
  Pending *p = g_new0 (Pending, 1);

  p->stmt = stmt;
  g_ptr_array_add (demo->pending, p);
  return p;
}

static void
pending_text (Pending    *p,
              int         i,
              const char *value)
{
  g_assert (i >= 1 && i <= MAX_PENDING_COLUMNS);
  g_free (p->text[i]);
  p->text[i] = g_strdup (value);
}

static void
pending_number (Pending *p,
                int      i,
                gint64   value)
{
  g_assert (i >= 1 && i <= MAX_PENDING_COLUMNS);
  p->is_number[i] = TRUE;
  p->number[i] = value;
}

static gboolean step (Demo          *demo,
                      RedressStatement *stmt,
                      GError          **error);

static gboolean
flush_pending (Demo    *demo,
               GError **error)
{
  for (guint r = 0; r < demo->pending->len; r++)
    {
      Pending *p = g_ptr_array_index (demo->pending, r);

      for (int i = 1; i <= MAX_PENDING_COLUMNS; i++)
        {
          if (p->is_number[i])
            I (p->stmt, i, p->number[i]);
          else if (p->text[i] != NULL)
            T (p->stmt, i, p->text[i]);
        }
      if (!step (demo, p->stmt, error))
        {
          g_ptr_array_set_size (demo->pending, 0);
          return FALSE;
        }
    }
  g_ptr_array_set_size (demo->pending, 0);
  return TRUE;
}

static char *
add_person (Demo           *demo,
            const NamePool *pool,
            gboolean        female,
            const char     *family,
            const char     *birth,
            const char     *nationality,
            const char     *notes,
            const char     *created,
            GError        **error)
{
  char *id = next_id (demo);
  RedressStatement *s = demo->person;

  T (s, 1, id);
  T (s, 2, pick (demo, female ? pool->given_f : pool->given_m));
  T (s, 3, family != NULL ? family : pick (demo, pool->family));
  if (birth != NULL)
    T (s, 4, birth);
  T (s, 5, female ? "female" : "male");
  T (s, 6, nationality);
  T (s, 7, notes);
  T (s, 8, created);
  if (!step (demo, s, error))
    g_clear_pointer (&id, g_free);
  return id;
}

static gboolean
add_party (Demo        *demo,
           const char  *case_id,
           const char  *person_id,
           const char  *role,
           int          consent,          /* -1: not recorded */
           const char  *consent_date,
           const char  *consent_by,
           const char  *child_views,
           const char  *created,
           GError     **error)
{
  g_autofree char *id = next_id (demo);
  RedressStatement *s = demo->party;

  T (s, 1, id);
  T (s, 2, case_id);
  T (s, 3, person_id);
  T (s, 4, role);
  if (consent >= 0)
    {
      I (s, 5, consent);
      T (s, 6, consent_date);
      T (s, 7, consent_by);
      T (s, 8, "Signed authorisation form");
      I (s, 9, 1);
      I (s, 10, 0);
    }
  T (s, 11, child_views != NULL ? child_views : "");
  T (s, 12, created);
  return step (demo, s, error);
}

/* A gap of a real docket, drawn from its own stream so that the rest of a
 * seed's docket stays the same. */
static gboolean
gap (Demo   *demo,
     double  p)
{
  return g_rand_double (demo->gaps) < p;
}

static const char *
lawyer (Demo            *demo,
        const DemoState *state,
        guint32          created_day,
        GError         **error)
{
  guint n = (guint) g_rand_int_range (demo->rand, 0, 4);
  g_autofree char *key = g_strdup_printf ("%s#%u", state->code, n);
  const char *id = g_hash_table_lookup (demo->lawyers, key);

  if (id == NULL)
    {
      /* A lawyer's rows are made the first time one of their cases is. */
      g_autofree char *created = stamp (created_day);
      g_autofree char *notes = g_strdup_printf ("Member of the bar of %s (fictional)", state->name);
      char *new_id = add_person (demo, state->pool, chance (demo, 0.5), NULL, NULL, state->code,
                                 notes, created, error);

      if (new_id == NULL)
        return NULL;
      g_hash_table_insert (demo->lawyers, g_steal_pointer (&key), new_id);
      id = new_id;
    }
  return id;
}

static GPtrArray *
transitions_from (Demo       *demo,
                  const char *procedure,
                  const char *stage)
{
  g_autofree char *from = g_strdup_printf ("%s/%s", procedure, stage);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < demo->transitions->len; i++)
    {
      DemoTransition *t = g_ptr_array_index (demo->transitions, i);

      if (g_strcmp0 (t->from, from) == 0)
        g_ptr_array_add (out, t);
    }
  return out;
}

/* Most cases move forward; loops and early endings are rarer. */
static guint
weight (const DemoTransition *t,
        const char           *stage)
{
  static const char * const rare[] = {
    "eligibility_failed", "no_reply_or_file_closed", "declared_inadmissible_without_transmission",
    "author_fails_to_reply", "not_reliable_or_not_grave_systematic", "state_fails_to_reply_after_reminders",
    "friendly_settlement_talks_opened", "talks_failed", "oral_hearing_held", NULL
  };

  if (g_strcmp0 (t->to, stage) == 0)
    return 1;
  if (g_strv_contains (rare, t->event))
    return 1;
  return 8;
}

static int
gap_after (Demo       *demo,
           const char *event)
{
  if (g_str_has_prefix (event, "state_observations") || g_str_has_prefix (event, "state_merits") ||
      g_str_has_prefix (event, "state_follow_up"))
    return range (demo, 150, 200);
  if (g_strcmp0 (event, "registered_and_transmitted") == 0)
    return range (demo, 30, 120);
  if (g_str_has_prefix (event, "author_"))
    return range (demo, 40, 70);
  if (g_str_has_prefix (event, "views_") || g_str_has_prefix (event, "decision_"))
    return range (demo, 200, 400);
  return range (demo, 7, 90);
}

typedef struct
{
  const char *stage;
  guint32     last_day;
  guint32     submitted;
  guint32     closed;
  char       *committee_ref;
} Walk;

static gboolean
add_event (Demo        *demo,
           const char  *case_id,
           const char  *track,
           const char  *event,
           const char  *from,
           const char  *to,
           guint32      day,
           int          seq,
           GError     **error)
{
  g_autofree char *id = next_id (demo);
  g_autofree char *on = iso (day);
  g_autofree char *created = stamp (day);
  Pending *p = pending_new (demo, demo->event);

  pending_text (p, 1, id);
  pending_text (p, 2, case_id);
  pending_text (p, 3, track);
  pending_text (p, 4, event);
  pending_text (p, 5, from);
  pending_text (p, 6, to);
  pending_text (p, 7, on);
  pending_number (p, 8, seq);
  pending_text (p, 9, created);
  return TRUE;
}

static gboolean
walk_procedure (Demo        *demo,
                const char  *case_id,
                const char  *procedure,
                const char  *first_stage,
                guint32      start,
                Walk        *walk,
                int         *seq,
                GError     **error)
{
  /* The case moves on until today or until it closes, so where it stands
   * follows from how long ago it began: recent cases are early in the
   * procedure, older ones further on or closed. */
  int steps = 64;
  const char *stage = first_stage;
  guint32 day = start;

  walk->submitted = 0;
  walk->closed = 0;
  for (int i = 0; i < steps; i++)
    {
      g_autoptr(GPtrArray) next = transitions_from (demo, procedure, stage);
      guint total = 0, r;
      DemoTransition *chosen = NULL;
      guint32 when;

      if (next->len == 0)
        break;
      for (guint k = 0; k < next->len; k++)
        total += weight (g_ptr_array_index (next, k), stage);
      r = (guint) g_rand_int_range (demo->rand, 0, (gint32) total);
      for (guint k = 0; k < next->len && chosen == NULL; k++)
        {
          guint w = weight (g_ptr_array_index (next, k), stage);

          if (r < w)
            chosen = g_ptr_array_index (next, k);
          else
            r -= w;
        }

      when = day + (guint32) gap_after (demo, chosen->event);
      if (when > demo->horizon)
        break;
      if (!add_event (demo, case_id, "main", chosen->event, stage, chosen->to, when, (*seq)++, error))
        return FALSE;
      day = when;
      if (g_strcmp0 (chosen->event, "sent_to_ohchr") == 0 || g_strcmp0 (chosen->event, "information_sent") == 0)
        walk->submitted = when;
      if (g_strcmp0 (chosen->event, "registered_and_transmitted") == 0)
        {
          g_autoptr(GDate) date = g_date_new ();

          g_date_set_julian (date, when);
          g_free (walk->committee_ref);
          walk->committee_ref = g_strdup_printf ("%u/%d", (guint) range (demo, 1, 320),
                                                 g_date_get_year (date));
        }
      stage = chosen->to;
    }

  {
    g_autoptr(GPtrArray) next = transitions_from (demo, procedure, stage);

    if (next->len == 0)
      walk->closed = day;
  }
  walk->stage = stage;
  walk->last_day = day;
  return TRUE;
}

static gboolean
add_case (Demo    *demo,
          guint    index,
          GError **error)
{
  guint state_index = (guint) g_rand_int_range (demo->rand, 0, (gint32) demo->states->len);
  const DemoState *state = &g_array_index (demo->states, DemoState, state_index);
  gboolean inquiry = chance (demo, 0.15);
  const Scenario *sc = &scenarios[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (scenarios))];
  const NamePool *family_pool = state->pool;
  const char *place = pick (demo, places);
  g_autofree char *case_id = next_id (demo);
  g_autofree char *family_name = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *created = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *submitted = NULL;
  g_autofree char *closed = NULL;
  g_autoptr(GPtrArray) violation_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fact_ids = g_ptr_array_new_with_free_func (g_free);
  Walk walk = { 0 };
  gboolean early = FALSE;
  const char *nationality = state->code;
  guint32 span, fact_day, final_notified = 0, open_day, day;
  int seq = 0;
  RedressStatement *s;
  gboolean ok = FALSE;

  /* Inquiry information goes to a State known not to have opted out of
   * arts 13-14 (art 13(7)); the data records that for few States so far. */
  if (inquiry && demo->inquiry_states->len > 0)
    state = &g_array_index (demo->states, DemoState,
                            g_array_index (demo->inquiry_states, guint,
                                           state_index % demo->inquiry_states->len));

  if (!inquiry && chance (demo, 0.3))
    {
      family_pool = find_pool (pick (demo, diaspora_pools));
      nationality = family_pool->nationality;
    }
  family_name = g_strdup (pick (demo, family_pool->family));

  /* The facts happen after OP3 came into force for the State (art 7(g)),
   * within the last six years of an NGO's docket, early enough to leave
   * room for domestic remedies and the procedure: like a real docket, most
   * open cases are recent and their deadlines mostly ahead. */
  span = MIN (demo->horizon - state->eif, 6 * 365);
  fact_day = demo->horizon - span +
             (guint32) g_rand_int_range (demo->rand, 0, (gint32) MAX (1, span * 8 / 10));

  if (inquiry)
    open_day = fact_day + (guint32) range (demo, 60, 300);
  else
    {
      /* Domestic remedies, the last one final; the case is opened soon after
       * its notification, so the art 7(h) year has not run out. */
      day = fact_day + (guint32) range (demo, 20, 90);
      final_notified = day;
      open_day = day;
    }
  open_day = MIN (open_day, demo->horizon);
  opened = iso (open_day);
  created = stamp (open_day);

  {
    g_autoptr(GDate) date = g_date_new ();

    g_date_set_julian (date, open_day);
    reference = g_strdup_printf ("RDR-%d-%06u", g_date_get_year (date), demo->reference_base + index + 1);
  }

  if (inquiry)
    {
      guint t = (guint) g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (inquiry_topics));

      title = g_strdup_printf ("Inquiry: %s (%s)", inquiry_topics[t].topic, state->name);
      summary = g_strdup_printf ("Reliable information indicates %s in %s.", inquiry_topics[t].topic,
                                 state->name);
      if (!walk_procedure (demo, case_id, "inquiry", "PREPARING_INFORMATION", open_day, &walk,
                           &seq, error))
        goto out;
      s = demo->case_file;
      T (s, 1, case_id);
      T (s, 2, "inquiry");
      T (s, 3, reference);
      T (s, 4, title);
      T (s, 5, "");
      T (s, 6, state->code);
      T (s, 7, walk.stage);
      T (s, 8, opened);
      T (s, 10, summary);
      T (s, 11, "");
      T (s, 12, inquiry_topics[t].sources);
      T (s, 13, "2019–2024");
      T (s, 14, inquiry_topics[t].places);
    }
  else
    {
      g_autofree char *initials = NULL;
      const char *given = pick (demo, family_pool->given_f);

      if (family_pool->family_first)
        initials = g_strdup_printf ("%s%s", family_name, given);
      else
        initials = g_strdup_printf ("%s %s", given, family_name);
      title = g_strdup_printf ("%s v. %s", initials, state->name);
      summary = g_strdup_printf ("%s", sc->summary);
    }

  if (!inquiry)
    {
      /* Domestic remedies first (their dates come before the case's). */
      int levels = range (demo, 1, 3);
      guint32 filed = fact_day + (guint32) range (demo, 10, 60);

      for (int l = 0; l < levels; l++)
        {
          g_autofree char *id = next_id (demo);
          guint32 decided = filed + (guint32) range (demo, 60, 200);
          guint32 notified = decided + (guint32) range (demo, 2, 20);
          g_autofree char *f = iso (filed);
          g_autofree char *d = iso (decided);
          g_autofree char *n = iso (notified);
          g_autofree char *forum = g_strdup_printf ("%s of %s", sc->forums[MIN (l, 2)], place);

          {
            Pending *p = pending_new (demo, demo->remedy);

            pending_text (p, 1, id);
            pending_text (p, 2, case_id);
            pending_text (p, 3, forum);
            pending_text (p, 4, l == 0 ? "first instance" : l == levels - 1 ? "final instance" : "appeal");
            pending_text (p, 5, f);
            pending_text (p, 6, d);
            pending_text (p, 7, n);
            pending_text (p, 8, "Dismissed");
            pending_number (p, 9, l == levels - 1);
            pending_text (p, 10, created);
          }
          filed = notified + (guint32) range (demo, 5, 25);
          final_notified = notified;
        }
      open_day = MIN (final_notified + (guint32) range (demo, 5, 40), demo->horizon);
      g_free (opened);
      g_free (created);
      opened = iso (open_day);
      created = stamp (open_day);
      {
        g_autoptr(GDate) date = g_date_new ();

        g_date_set_julian (date, open_day);
        g_free (reference);
        reference = g_strdup_printf ("RDR-%d-%06u", g_date_get_year (date),
                                     demo->reference_base + index + 1);
      }

      if (!walk_procedure (demo, case_id, "communication", "INTAKE", open_day, &walk, &seq, error))
        goto out;
      early = g_strv_contains ((const char * const[]) { "INTAKE", "DRAFTING", NULL }, walk.stage);

      s = demo->case_file;
      T (s, 1, case_id);
      T (s, 2, "communication");
      T (s, 3, reference);
      T (s, 4, title);
      T (s, 5, walk.committee_ref != NULL ? walk.committee_ref : "");
      T (s, 6, state->code);
      T (s, 7, walk.stage);
      T (s, 8, opened);
      T (s, 10, summary);
      T (s, 11, sc->summary);
      T (s, 12, "");
      T (s, 13, "");
      T (s, 14, "");
      T (s, 15, "The child asks to live safely with the family and to go to school.");
      T (s, 16, "Restitution, compensation and guarantees of non-repetition.");
    }

  if (walk.closed != 0)
    {
      closed = iso (walk.closed);
      T (demo->case_file, 9, closed);
    }
  if (walk.submitted != 0)
    {
      submitted = iso (walk.submitted);
      T (demo->case_file, 17, submitted);
    }
  T (demo->case_file, 18, created);
  if (demo->has_in_writing)
    {
      /* Before filing, the form of the communication may not be settled yet (art 7(b)). */
      if (inquiry || (early && gap (demo, 0.3)))
        redress_statement_bind_null (demo->case_file, 19);
      else
        I (demo->case_file, 19, 1);
    }
  /* The case row goes before the rows that point to it. */
  {
    int rc = redress_statement_step (demo->case_file);

    redress_statement_reset (demo->case_file);
    redress_statement_clear_bindings (demo->case_file);
    if (rc != REDRESS_STEP_DONE)
      {
        if (redress_statement_get_constraint (demo->case_file) != REDRESS_CONSTRAINT_NONE)
          g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                       _("This docket already holds demonstration cases made with this seed; "
                         "use another seed or a new docket."));
        else
          redress_statement_set_error (demo->case_file,
                                       error,
                                       _("Could not write the demonstration cases"));
        goto out;
      }
  }
  if (!flush_pending (demo, error))
    goto out;

  /* People. */
  {
    const char *lawyer_id = lawyer (demo, state, open_day, error);
    g_autofree char *consent_date = iso (open_day + 3);

    if (lawyer_id == NULL)
      goto out;

    if (inquiry)
      {
        g_autofree char *ngo = NULL;
        g_autofree char *ngo_id = next_id (demo);

        ngo = g_strdup_printf ("Children's Rights Coalition of %s (fictional)", state->name);
        s = demo->person;
        T (s, 1, ngo_id);
        T (s, 2, "");
        T (s, 3, "");
        T (s, 8, created);
        T (s, 5, "");
        T (s, 6, state->code);
        T (s, 7, ngo);
        if (!step (demo, s, error))
          goto out;
        /* The alias carries the organisation's name. */
        if (!add_party (demo, case_id, ngo_id, "author", -1, NULL, NULL, NULL, created, error) ||
            !add_party (demo, case_id, lawyer_id, "representative", -1, NULL, NULL, NULL, created, error))
          goto out;
      }
    else
      {
        gboolean mother = chance (demo, 0.6);
        g_autofree char *parent_birth = NULL;
        g_autofree char *parent_id = NULL;
        g_autofree char *parent_name = NULL;
        int n_children = chance (demo, 0.2) ? 2 : 1;

        parent_birth = g_strdup_printf ("%d", 1970 + range (demo, 0, 20));
        parent_id = add_person (demo, family_pool, mother, family_name, parent_birth, nationality,
                                "", created, error);
        if (parent_id == NULL)
          goto out;
        parent_name = g_strdup_printf ("%s", mother ? "the mother" : "the father");
        if (!add_party (demo, case_id, parent_id, "author", 1, consent_date, parent_name, NULL,
                        created, error))
          goto out;

        for (int k = 0; k < n_children; k++)
          {
            guint32 born = fact_day - (guint32) range (demo, 3 * 365, 16 * 365);
            g_autofree char *birth = iso (born);
            g_autofree char *child_id = add_person (demo, family_pool, chance (demo, 0.5), family_name,
                                                    birth, nationality, "", created, error);
            const char *views = "Wants the Committee to know what happened and to be heard.";

            if (child_id == NULL)
              goto out;
            /* At intake the child's consent is often not recorded yet (art 5: unknown). */
            if (!add_party (demo, case_id, child_id, "victim", early && gap (demo, 0.4) ? -1 : 1, consent_date,
                            parent_name, views, created, error))
              goto out;
          }
        if (!add_party (demo, case_id, lawyer_id, "representative", 1, consent_date, parent_name,
                        NULL, created, error))
          goto out;
      }
  }

  /* Facts and the violations they substantiate. */
  for (guint f = 0; sc->facts[f] != NULL; f++)
    {
      g_autofree char *id = next_id (demo);
      g_autofree char *on = iso (fact_day + f * (guint32) range (demo, 5, 30));
      g_autofree char *text = g_strdup_printf (sc->facts[f], place);

      s = demo->fact;
      T (s, 1, id);
      T (s, 2, case_id);
      T (s, 3, on);
      T (s, 4, place);
      T (s, 5, text);
      I (s, 6, f == 2 && chance (demo, 0.3));
      T (s, 7, created);
      if (!step (demo, s, error))
        goto out;
      g_ptr_array_add (fact_ids, g_steal_pointer (&id));
    }

  {
    guint n_articles = g_strv_length ((char **) sc->articles);
    guint first = (guint) g_rand_int_range (demo->rand, 0, (gint32) n_articles);
    guint count = (guint) range (demo, 1, (int) MIN (3, n_articles));

    for (guint a = 0; a < count; a++)
      {
        g_autofree char *id = next_id (demo);
        const char *article = sc->articles[(first + a) % n_articles];
        g_autofree char *text = g_strdup_printf ("Article %s of the Convention: %s.", article, sc->topic);

        s = demo->violation;
        T (s, 1, id);
        T (s, 2, case_id);
        T (s, 3, "CRC");
        T (s, 4, article);
        T (s, 5, text);
        T (s, 6, created);
        if (!step (demo, s, error))
          goto out;
        for (guint f = 0; f < fact_ids->len; f++)
          if (f == a % fact_ids->len || chance (demo, 0.3))
            {
              T (demo->violation_fact, 1, id);
              T (demo->violation_fact, 2, g_ptr_array_index (fact_ids, f));
              if (!step (demo, demo->violation_fact, error))
                goto out;
            }
        g_ptr_array_add (violation_ids, g_steal_pointer (&id));
      }

    /* Sexual abuse cases also invoke the OPSC where the State is bound by it (art 1(2)). */
    if (sc == &scenarios[5] && state->opsc && g_hash_table_contains (demo->opsc_articles, "8"))
      {
        g_autofree char *id = next_id (demo);

        s = demo->violation;
        T (s, 1, id);
        T (s, 2, case_id);
        T (s, 3, "OPSC");
        T (s, 4, "8");
        T (s, 5, "Protection of the child victim during the criminal proceedings.");
        T (s, 6, created);
        if (!step (demo, s, error))
          goto out;
        T (demo->violation_fact, 1, id);
        T (demo->violation_fact, 2, g_ptr_array_index (fact_ids, 1));
        if (!step (demo, demo->violation_fact, error))
          goto out;
      }
  }

  /* What a real docket holds too: a fact whose date is not established yet
   * (arts 7(g), 20: unknown), and events from before OP3 bound the State,
   * argued as continuing (needs an argument). */
  if (!inquiry && violation_ids->len > 0 && gap (demo, 0.1))
    {
      g_autofree char *id = next_id (demo);
      g_autofree char *text = g_strdup_printf ("Earlier incidents in %s, on dates the family cannot yet give.", place);

      s = demo->fact;
      T (s, 1, id);
      T (s, 2, case_id);
      redress_statement_bind_null (s, 3);
      T (s, 4, place);
      T (s, 5, text);
      I (s, 6, 0);
      T (s, 7, created);
      if (!step (demo, s, error))
        goto out;
      T (demo->violation_fact, 1, g_ptr_array_index (violation_ids, 0));
      T (demo->violation_fact, 2, id);
      if (!step (demo, demo->violation_fact, error))
        goto out;
    }
  if (!inquiry && gap (demo, 0.1))
    {
      g_autofree char *id = next_id (demo);
      g_autofree char *on = iso (state->eif - 400);
      g_autofree char *text = g_strdup_printf ("The situation in %s began before the Protocol bound the State "
                                               "and has continued since.", place);

      s = demo->fact;
      T (s, 1, id);
      T (s, 2, case_id);
      T (s, 3, on);
      T (s, 4, place);
      T (s, 5, text);
      I (s, 6, 1);
      T (s, 7, created);
      /* Background: linked to no violation, so no one's age is measured at it. */
      if (!step (demo, s, error))
        goto out;
    }

  /* Other international procedures (art 7(d)): recorded, on another matter. */
  if (!inquiry && chance (demo, 0.2))
    {
      g_autofree char *id = next_id (demo);
      g_autofree char *on = iso (fact_day + 400);

      s = demo->other_procedure;
      T (s, 1, id);
      T (s, 2, case_id);
      T (s, 3, chance (demo, 0.5) ? "European Court of Human Rights" : "Human Rights Committee");
      T (s, 4, "Application by the parent on another matter");
      T (s, 5, "struck out");
      /* Whether it is the same matter (art 7(d)) is sometimes still to be assessed. */
      if (gap (demo, 0.3))
        redress_statement_bind_null (s, 6);
      else
        I (s, 6, 0);
      T (s, 7, on);
      T (s, 8, created);
      if (!step (demo, s, error))
        goto out;
    }

  /* Interim measures for some communications (art 6). */
  if (!inquiry && walk.submitted != 0 && chance (demo, 0.12) &&
      walk.submitted + 10 <= demo->horizon)
    {
      guint32 asked = walk.submitted + 2;
      gboolean granted = chance (demo, 0.7);

      if (!add_event (demo, case_id, "interim", "author_requests_interim_measures", "NONE",
                      "IM_REQUESTED", asked, seq++, error) ||
          !add_event (demo, case_id, "interim", granted ? "committee_grants" : "committee_declines",
                      "IM_REQUESTED", granted ? "IM_GRANTED" : "IM_DENIED", asked + 5, seq++, error))
        goto out;
    }

  if (!flush_pending (demo, error))
    goto out;

  /* Letters. */
  if (walk.submitted != 0)
    {
      g_autofree char *id = next_id (demo);
      g_autofree char *on = iso (walk.submitted);
      g_autofree char *subject = g_strdup_printf ("%s: submission", title);

      s = demo->correspondence;
      T (s, 1, id);
      T (s, 2, case_id);
      T (s, 3, "out");
      T (s, 4, "committee");
      T (s, 5, "email");
      T (s, 6, on);
      T (s, 7, on);
      T (s, 8, subject);
      T (s, 9, "Please find attached the submission with its annexes.");
      T (s, 10, "");
      T (s, 11, created);
      if (!step (demo, s, error))
        goto out;
    }

  /* A note. */
  {
    g_autofree char *id = next_id (demo);
    g_autofree char *body = g_strdup_printf ("Spoke with the family; next step after %s.",
                                             walk.stage);

    s = demo->note;
    T (s, 1, id);
    T (s, 2, case_id);
    T (s, 3, body);
    T (s, 4, created);
    if (!step (demo, s, error))
      goto out;
  }

  /* Stages and deadlines come from the procedure engine, as for a real case.
   * With many cases, closed ones are left without: their deadlines would all
   * be done or superseded, and computing them costs the most. */
  if (demo->deadlines && (demo->all_deadlines || walk.closed == 0))
    {
      if (!redress_procedure_recompute (demo->db, case_id, error))
        goto out;
    }

  ok = TRUE;

out:
  g_ptr_array_set_size (demo->pending, 0);
  g_free (walk.committee_ref);
  return ok;
}

/* }}} */

static gboolean
prepare_all (Demo    *demo,
             GError **error)
{
  g_autofree char *case_sql = NULL;

  case_sql = g_strdup_printf ("INSERT INTO case_file (id, kind, reference, title, committee_ref, state_code, "
                              "stage, opened_on, closed_on, summary, facts, inquiry_sources, inquiry_period, "
                              "inquiry_places, child_views, remedies_sought, submitted_on, created_at, "
                              "updated_at%s) VALUES (?1, ?2, ?3, ?4, coalesce (?5, ''), ?6, ?7, ?8, ?9, "
                              "?10, coalesce (?11, ''), coalesce (?12, ''), coalesce (?13, ''), "
                              "coalesce (?14, ''), coalesce (?15, ''), coalesce (?16, ''), ?17, ?18, ?18%s)",
                              demo->has_in_writing ? ", in_writing" : "",
                              demo->has_in_writing ? ", ?19" : "");
#define P(field, sql) \
  if ((demo->field = redress_database_prepare (demo->db, sql, error)) == NULL) return FALSE;

  P (person, "INSERT INTO person (id, given_name, family_name, birth_date, sex_gender, nationality, "
             "alias, notes, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
             "CASE WHEN ?2 = '' THEN ?7 ELSE '' END, CASE WHEN ?2 = '' THEN '' ELSE ?7 END, ?8, ?8)");
  P (case_file, case_sql);
  P (party, "INSERT INTO case_party (id, case_id, person_id, role, consent_given, consent_date, "
            "consent_by, consent_form, consent_disclose_identity, consent_publication, child_views, "
            "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce (?7, ''), "
            "coalesce (?8, ''), ?9, ?10, ?11, ?12, ?12)");
  P (violation, "INSERT INTO violation (id, case_id, treaty, article, description, created_at, updated_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
  P (fact, "INSERT INTO fact (id, case_id, occurred_on, place, description, continuing, created_at, "
           "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
  P (violation_fact, "INSERT INTO violation_fact (violation_id, fact_id) VALUES (?1, ?2)");
  P (remedy, "INSERT INTO domestic_remedy (id, case_id, forum, level, filed_on, decided_on, notified_on, "
             "outcome, is_final, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
             "?10, ?10)");
  P (other_procedure, "INSERT INTO other_procedure (id, case_id, body, reference, status, same_matter, "
                      "submitted_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)");
  P (event, "INSERT INTO procedural_event (id, case_id, track, event, from_stage, to_stage, occurred_on, "
            "seq, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
  P (correspondence, "INSERT INTO correspondence (id, case_id, direction, counterpart, channel, "
                     "letter_date, transit_date, subject, body, committee_ref, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
  P (note, "INSERT INTO note (id, case_id, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)");
#undef P
  return TRUE;
}

static void
demo_clear (Demo *demo)
{
  RedressStatement **stmts[] = { &demo->person, &demo->case_file, &demo->party,
                                 &demo->violation, &demo->fact, &demo->violation_fact,
                                 &demo->remedy, &demo->other_procedure, &demo->event,
                                 &demo->correspondence, &demo->note };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    g_clear_pointer (stmts[i], redress_statement_release);
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->gaps, g_rand_free);
  g_clear_pointer (&demo->states, g_array_unref);
  g_clear_pointer (&demo->inquiry_states, g_array_unref);
  g_clear_pointer (&demo->transitions, g_ptr_array_unref);
  g_clear_pointer (&demo->opsc_articles, g_hash_table_unref);
  g_clear_pointer (&demo->opac_articles, g_hash_table_unref);
  g_clear_pointer (&demo->lawyers, g_hash_table_unref);
  g_clear_pointer (&demo->pending, g_ptr_array_unref);
}

static gboolean
column_exists (RedressDatabase *db,
               const char      *table,
               const char      *column)
{
  g_autoptr(RedressStatement) stmt =
    redress_database_prepare (db, "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", NULL);

  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, table);
  redress_statement_bind_text (stmt, 2, column);
  return redress_statement_step (stmt) == REDRESS_STEP_ROW;
}

static guint
count_cases (RedressDatabase *db)
{
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db, "SELECT count(*) FROM case_file", NULL);

  if (stmt == NULL || redress_statement_step (stmt) != REDRESS_STEP_ROW)
    return 0;
  return (guint) redress_statement_column_int64 (stmt, 0);
}

gboolean
redress_demo_generate (RedressDatabase          *db,
                       guint32                   seed,
                       guint                     n_cases,
                       RedressDemoProgressFunc   progress,
                       gpointer                  user_data,
                       GError                  **error)
{
  return redress_demo_generate_full (db, seed, n_cases, REDRESS_DEMO_DEFAULT, progress, user_data,
                                     error);
}

/**
 * redress_demo_generate_full:
 * @db: a writable docket
 * @seed: the same seed gives the same cases
 * @n_cases: how many cases to add
 * @flags: #RedressDemoFlags: whose deadlines the procedure engine computes
 *   (it costs the most; closed cases would only have done or superseded ones)
 * @progress: (nullable): called after each batch of cases
 * @user_data: for @progress
 * @error: a #GError
 *
 * Adds @n_cases fictional cases.  The audit trail is off while they are
 * written (they are not anybody's work) and back on afterwards.  Cases are
 * written in batches, each in one transaction; a failure keeps the batches
 * already written and says so.
 *
 * Returns: %TRUE when every case was written.
 */
gboolean
redress_demo_generate_full (RedressDatabase          *db,
                            guint32                   seed,
                            guint                     n_cases,
                            RedressDemoFlags          flags,
                            RedressDemoProgressFunc   progress,
                            gpointer                  user_data,
                            GError                  **error)
{
  Demo demo = { 0 };
  GDate horizon;
  gboolean audit;
  gboolean ok = FALSE;
  guint done = 0;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), FALSE);

  if (!_redress_database_check_writable (db, error))
    return FALSE;

  g_date_clear (&horizon, 1);
  g_date_set_dmy (&horizon, HORIZON_DAY, HORIZON_MONTH, HORIZON_YEAR);

  demo.db = db;
  demo.rand = g_rand_new_with_seed (seed);
  demo.gaps = g_rand_new_with_seed (seed ^ 0x5eed0003u);
  demo.seed_hash = g_int_hash (&seed) * 2654435761u;
  demo.horizon = g_date_get_julian (&horizon);
  demo.states = g_array_new (FALSE, TRUE, sizeof (DemoState));
  g_array_set_clear_func (demo.states, demo_state_clear);
  demo.inquiry_states = g_array_new (FALSE, FALSE, sizeof (guint));
  demo.transitions = g_ptr_array_new_with_free_func (demo_transition_free);
  demo.opsc_articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.opac_articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.lawyers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.pending = g_ptr_array_new_with_free_func (pending_free);
  demo.has_in_writing = column_exists (db, "case_file", "in_writing");
  demo.reference_base = count_cases (db);
  demo.deadlines = (flags & REDRESS_DEMO_NO_DEADLINES) == 0;
  demo.all_deadlines = n_cases <= 10000 || (flags & REDRESS_DEMO_ALL_DEADLINES) != 0;

  if (!load_reference (&demo, error) || !prepare_all (&demo, error) ||
      (demo.deadlines && !redress_procedure_ensure_rule_pack (db, error)))
    {
      demo_clear (&demo);
      return FALSE;
    }

  audit = redress_database_get_audit_enabled (db);
  redress_database_set_audit_enabled (db, FALSE);
  _redress_database_exec (db, "PRAGMA cache_size = -131072", NULL);

  while (done < n_cases)
    {
      guint batch = MIN (CASES_PER_TRANSACTION, n_cases - done);

      if (!_redress_database_begin (db, error))
        goto out;
      for (guint i = 0; i < batch; i++)
        if (!add_case (&demo, done + i, error))
          {
            _redress_database_rollback (db);
            if (done > 0)
              g_prefix_error (error, _("%u demonstration cases were written before this error: "), done);
            goto out;
          }
      if (!_redress_database_commit (db, error))
        goto out;
      done += batch;
      if (progress != NULL)
        progress (done, n_cases, user_data);
    }
  ok = TRUE;

out:
  _redress_database_exec (db, "PRAGMA cache_size = -2000", NULL);
  redress_database_set_audit_enabled (db, audit);
  demo_clear (&demo);
  return ok;
}
