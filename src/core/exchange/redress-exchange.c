/* redress-exchange.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export of one case, with its people and everything it holds, to the JSON
 * format of docs/export-format.md, and import of such a file.  The JSON is
 * built as a json-glib tree (JsonBuilder) and written by
 * redress_json_to_string(); a file is checked by SQLite's json_valid() and
 * read with JsonParser.  An import checks the whole file first and writes
 * nothing unless every field is right; then it writes in one transaction.
 */

#define G_LOG_DOMAIN "redress-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "redress-database-private.h"
#include "redress-exchange.h"
#include "redress-procedure-private.h"
#include "redress-util.h"

#define MAX_PROBLEMS 20

/* {{{ JSON text */

/* The tree is built with json-glib (JsonBuilder) and written here, not by
 * JsonGenerator: the format's bytes must not change (docs/export-format.md;
 * export → import → export gives the same file), and json-glib 1.6's
 * generator writes other bytes: `"key" : value`, an empty object as `{  }`,
 * DEL as `\u007f`.  This is only the walk over a JsonNode tree that writes
 * it the way the format always has: two spaces of indentation, `"key": value`,
 * `[]` and `{}` when empty, members in the order they were added, integers
 * as they are, and the escaping of redress_json_escape_string(). */

static void
newline (GString  *out,
         gboolean  pretty,
         guint     depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *value;
        gboolean empty = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &value))
          {
            if (!empty)
              g_string_append_c (out, ',');
            empty = FALSE;
            newline (out, pretty, depth + 1);
            redress_json_escape_string (out, name);
            g_string_append (out, pretty ? ": " : ":");
            write_node (out, value, pretty, depth + 1);
          }
        if (!empty)
          newline (out, pretty, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            newline (out, pretty, depth + 1);
            write_node (out, json_array_get_element (array, i), pretty, depth + 1);
          }
        if (n > 0)
          newline (out, pretty, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            g_string_append (out, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
          }
          break;
        default:
          redress_json_escape_string (out, json_node_get_string (node));
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * redress_json_to_string:
 * @node: (nullable): a JSON tree
 * @pretty: indent, and end with a newline
 *
 * Returns: (transfer full): the text of @node.
 */
char *
redress_json_to_string (JsonNode *node,
                        gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    write_node (out, node, pretty, 0);
  if (pretty)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* RFC 8259 section 7: quote, backslash and control characters are escaped;
 * anything that is not valid UTF-8 is replaced rather than written raw. */
void
redress_json_escape_string (GString    *out,
                            const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    value = "";
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The command line's JSON output: a JsonBuilder and the writer above. */
struct _RedressJsonWriter
{
  JsonBuilder *builder;
  gboolean     pretty;
};

RedressJsonWriter *
redress_json_writer_new (gboolean pretty)
{
  RedressJsonWriter *self = g_new0 (RedressJsonWriter, 1);

  self->builder = json_builder_new ();
  self->pretty = pretty;
  return self;
}

void
redress_json_writer_free (RedressJsonWriter *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->builder);
  g_free (self);
}

/* Returns the text written so far and resets the writer. */
char *
redress_json_writer_steal (RedressJsonWriter *self)
{
  g_autoptr(JsonNode) root = json_builder_get_root (self->builder);

  json_builder_reset (self->builder);
  return redress_json_to_string (root, self->pretty);
}

void
redress_json_writer_begin_object (RedressJsonWriter *self)
{
  json_builder_begin_object (self->builder);
}

void
redress_json_writer_end_object (RedressJsonWriter *self)
{
  json_builder_end_object (self->builder);
}

void
redress_json_writer_begin_array (RedressJsonWriter *self)
{
  json_builder_begin_array (self->builder);
}

void
redress_json_writer_end_array (RedressJsonWriter *self)
{
  json_builder_end_array (self->builder);
}

void
redress_json_writer_key (RedressJsonWriter *self,
                         const char        *key)
{
  json_builder_set_member_name (self->builder, key);
}

void
redress_json_writer_string (RedressJsonWriter *self,
                            const char        *value)
{
  json_builder_add_string_value (self->builder, value != NULL ? value : "");
}

void
redress_json_writer_int (RedressJsonWriter *self,
                         gint64             value)
{
  json_builder_add_int_value (self->builder, value);
}

void
redress_json_writer_boolean (RedressJsonWriter *self,
                             gboolean           value)
{
  json_builder_add_boolean_value (self->builder, value);
}

void
redress_json_writer_null (RedressJsonWriter *self)
{
  json_builder_add_null_value (self->builder);
}

/* "key": value, or "key": null when @value is %NULL. */
void
redress_json_writer_member_string (RedressJsonWriter *self,
                                   const char        *key,
                                   const char        *value)
{
  json_builder_set_member_name (self->builder, key);
  if (value != NULL)
    json_builder_add_string_value (self->builder, value);
  else
    json_builder_add_null_value (self->builder);
}

/* }}} */
/* {{{ The format, table by table */

typedef enum
{
  COL_ID,         /* UUID text, unique in the file */
  COL_TEXT,       /* text, '' when missing */
  COL_REQUIRED,   /* text, must be present and not empty */
  COL_DATE,       /* "YYYY-MM-DD" or null */
  COL_REQ_DATE,   /* "YYYY-MM-DD", required */
  COL_PARTIAL,    /* "YYYY", "YYYY-MM", "YYYY-MM-DD" or null */
  COL_TIMESTAMP,  /* ISO 8601 date and time; now when missing */
  COL_TIMESTAMP_NULL, /* ISO 8601 date and time, or null */
  COL_BOOL,       /* true/false, false when missing */
  COL_TRIBOOL,    /* true/false/null */
  COL_INT,        /* integer, 0 when missing */
  COL_INT_NULL,   /* integer or null */
  COL_ENUM,       /* one of values; values[0] when missing unless required */
  COL_STATE,      /* "" or an ISO 3166 alpha-2 code */
  COL_SHA256,     /* 64 lowercase hex digits */
  COL_REF,        /* the id of an entry of the list named by ref */
  COL_REF_NULL,   /* the same, or null */
  COL_LINK,       /* evidence link target: the list depends on target_kind */
} ColumnKind;

typedef struct
{
  const char         *name;
  ColumnKind          kind;
  gboolean            required;
  const char * const *values;   /* COL_ENUM */
  const char         *ref;      /* COL_REF: the key of the list referred to */
  const char         *json;     /* the JSON name, when it is not the column's */
  gboolean            late;     /* written after the row's children (a frozen draft) */
} Column;

#define KEY(c) ((c)->json != NULL ? (c)->json : (c)->name)

typedef struct _Spec Spec;
struct _Spec
{
  const char    *key;        /* JSON key of the list (or the case object) */
  const char    *table;
  const char    *parent;     /* column holding the parent's id, or NULL */
  const char    *where;      /* export: WHERE ... ORDER BY ..., ?1 = parent id */
  const Column  *columns;
  const Spec   **children;
};

static const char * const kinds[] = { "communication", "inquiry", NULL };
static const char * const roles[] = { "author", "victim", "representative", "guardian",
                                      "witness", "perpetrator", "other", NULL };
static const char * const treaties[] = { "CRC", "OPSC", "OPAC", "OP3", NULL };
static const char * const pursued[] = { "", "prolonged", "ineffective", NULL };
static const char * const tracks[] = { "main", "interim", "protection", NULL };
static const char * const statuses[] = { "open", "done", "waived", "superseded", NULL };
static const char * const evidence_kinds[] = { "other", "document", "photo", "audio", "video",
                                               "medical", "court-decision", "letter", NULL };
static const char * const link_kinds[] = { "violation", "fact", "remedy", "correspondence", NULL };
static const char * const directions[] = { "in", "out", NULL };
static const char * const counterparts[] = { "committee", "state", "client", "counsel", "other", NULL };
static const char * const draft_languages[] = { "en", "fr", "es", NULL };
static const char * const draft_profiles[] = { "committee", "public", NULL };

#define TIMESTAMPS { "created_at", COL_TIMESTAMP, FALSE, NULL, NULL }, \
                   { "updated_at", COL_TIMESTAMP, FALSE, NULL, NULL }
#define ID { "id", COL_ID, TRUE, NULL, NULL }
#define TEXT(n) { n, COL_TEXT, FALSE, NULL, NULL }
#define DATE(n) { n, COL_DATE, FALSE, NULL, NULL }
#define END { NULL, 0, FALSE, NULL, NULL }

static const Column person_columns[] = {
  ID, TEXT ("given_name"), TEXT ("family_name"), TEXT ("alias"),
  { "birth_date", COL_PARTIAL, FALSE, NULL, NULL },
  TEXT ("sex_gender"), TEXT ("nationality"), TEXT ("contact"), TEXT ("notes"),
  TIMESTAMPS, END
};

static const Column party_columns[] = {
  ID,
  { "person_id", COL_REF, TRUE, NULL, "people" },
  { "role", COL_ENUM, TRUE, roles, NULL },
  { "consent_given", COL_TRIBOOL, FALSE, NULL, NULL },
  DATE ("consent_date"), TEXT ("consent_by"), TEXT ("consent_form"),
  { "consent_by_person_id", COL_REF_NULL, FALSE, NULL, "people" },
  { "consent_disclose_identity", COL_TRIBOOL, FALSE, NULL, NULL },
  { "consent_publication", COL_TRIBOOL, FALSE, NULL, NULL },
  TEXT ("no_consent_justification"), TEXT ("child_views"),
  TIMESTAMPS, END
};

static const Column violation_columns[] = {
  ID,
  { "treaty", COL_ENUM, TRUE, treaties, NULL },
  { "article", COL_REQUIRED, TRUE, NULL, NULL },
  TEXT ("paragraph"), TEXT ("description"),
  { "continuing", COL_BOOL, FALSE, NULL, NULL },
  TIMESTAMPS, END
};

static const Column fact_columns[] = {
  ID, DATE ("occurred_on"), DATE ("occurred_until"), TEXT ("place"), TEXT ("description"),
  { "continuing", COL_BOOL, FALSE, NULL, NULL },
  TIMESTAMPS, END
};

static const Column violation_fact_columns[] = {
  { "violation_id", COL_REF, TRUE, NULL, "violations" },
  { "fact_id", COL_REF, TRUE, NULL, "facts" },
  END
};

static const Column remedy_columns[] = {
  ID, TEXT ("forum"), TEXT ("level"), DATE ("filed_on"), DATE ("decided_on"),
  DATE ("notified_on"), TEXT ("outcome"),
  { "is_final", COL_BOOL, FALSE, NULL, NULL },
  { "not_pursued_reason", COL_ENUM, FALSE, pursued, NULL },
  TEXT ("notes"), TIMESTAMPS, END
};

static const Column other_procedure_columns[] = {
  ID, TEXT ("body"), TEXT ("reference"), TEXT ("status"),
  { "same_matter", COL_TRIBOOL, FALSE, NULL, NULL },
  DATE ("submitted_on"), DATE ("decided_on"), TEXT ("notes"), TIMESTAMPS, END
};

static const Column event_columns[] = {
  ID,
  { "track", COL_ENUM, FALSE, tracks, NULL },
  { "event", COL_REQUIRED, TRUE, NULL, NULL },
  TEXT ("from_stage"), TEXT ("to_stage"),
  { "occurred_on", COL_REQ_DATE, TRUE, NULL, NULL },
  TEXT ("letter_ref"), DATE ("letter_due"), TEXT ("note"),
  { "seq", COL_INT, TRUE, NULL, NULL },
  TEXT ("extends_rule"),
  TIMESTAMPS, END
};

static const Column deadline_columns[] = {
  ID,
  { "rule_id", COL_REQUIRED, TRUE, NULL, NULL },
  { "rule_pack_version", COL_REQUIRED, TRUE, NULL, NULL },
  { "trigger_event_id", COL_REF_NULL, FALSE, NULL, "events" },
  DATE ("trigger_date"), DATE ("trigger_date_alt"), DATE ("computed_due"),
  DATE ("letter_due"), DATE ("extended_due"),
  { "status", COL_ENUM, FALSE, statuses, NULL },
  { "urgent", COL_BOOL, FALSE, NULL, NULL },
  DATE ("closed_on"), TEXT ("closed_by"), TEXT ("waive_reason"),
  { "manual", COL_BOOL, FALSE, NULL, NULL },
  TIMESTAMPS, END
};

static const Column custody_columns[] = {
  ID,
  { "action", COL_REQUIRED, TRUE, NULL, NULL },
  { "actor", COL_REQUIRED, TRUE, NULL, NULL },
  { "at", COL_TIMESTAMP, TRUE, NULL, NULL },
  TEXT ("note"),
  { "seq", COL_INT, FALSE, NULL, NULL },
  TEXT ("chain_hash"), END
};

static const Column link_columns[] = {
  ID,
  { "target_kind", COL_ENUM, TRUE, link_kinds, NULL },
  { "target_id", COL_LINK, TRUE, NULL, NULL },
  { "created_at", COL_TIMESTAMP, FALSE, NULL, NULL },
  END
};

static const Column evidence_columns[] = {
  ID,
  { "sha256", COL_SHA256, TRUE, NULL, NULL },
  TEXT ("title"), TEXT ("description"),
  { "kind", COL_ENUM, FALSE, evidence_kinds, NULL },
  DATE ("shown_date"), TEXT ("provenance"), TEXT ("language"),
  { "identifies_child", COL_TRIBOOL, FALSE, NULL, NULL },
  TEXT ("confidentiality"), TEXT ("original_name"), TEXT ("mime_type"),
  { "size", COL_INT, FALSE, NULL, NULL },
  { "page_count", COL_INT_NULL, FALSE, NULL, NULL },
  TIMESTAMPS, END
};

static const Column correspondence_columns[] = {
  ID,
  { "direction", COL_ENUM, TRUE, directions, NULL },
  { "counterpart", COL_ENUM, FALSE, counterparts, NULL },
  TEXT ("channel"), DATE ("letter_date"), DATE ("transit_date"), TEXT ("subject"),
  TEXT ("body"), TEXT ("committee_ref"),
  { "event_id", COL_REF_NULL, FALSE, NULL, "events" },
  DATE ("stated_due"), TEXT ("sender"), TEXT ("recipients"), TEXT ("message_id"),
  { "source_evidence_id", COL_REF_NULL, FALSE, NULL, "evidence" },
  TEXT ("reported_event"), TIMESTAMPS, END
};

static const Column attachment_columns[] = {
  { "evidence_id", COL_REF, TRUE, NULL, "evidence" },
  { "position", COL_INT, FALSE, NULL, NULL },
  END
};

static const Column draft_section_columns[] = {
  { "section_id", COL_REQUIRED, TRUE, NULL, NULL },
  TEXT ("body"),
  { "updated_at", COL_TIMESTAMP, FALSE, NULL, NULL },
  END
};

static const Column draft_columns[] = {
  ID,
  { "document", COL_REQUIRED, TRUE, NULL, NULL },
  { "language", COL_ENUM, TRUE, draft_languages, NULL },
  { "profile", COL_ENUM, FALSE, draft_profiles, NULL },
  /* Set after the sections: a frozen draft takes no new section. */
  { "frozen_at", COL_TIMESTAMP_NULL, FALSE, NULL, NULL, NULL, TRUE },
  { "frozen_sha256", COL_SHA256, FALSE, NULL, NULL },
  TEXT ("frozen_name"),
  { "evidence_id", COL_REF_NULL, FALSE, NULL, "evidence" },
  { "correspondence_id", COL_REF_NULL, FALSE, NULL, "correspondence" },
  { "event_id", COL_REF_NULL, FALSE, NULL, "events" },
  TIMESTAMPS, END
};

static const Column note_columns[] = {
  ID, TEXT ("body"), TIMESTAMPS, END
};

static const Column case_columns[] = {
  ID,
  { "kind", COL_ENUM, TRUE, kinds, NULL },
  { "reference", COL_REQUIRED, TRUE, NULL, NULL },
  TEXT ("title"), TEXT ("committee_ref"),
  { "state_code", COL_STATE, FALSE, NULL, NULL },
  TEXT ("stage"), DATE ("opened_on"), DATE ("closed_on"), TEXT ("summary"),
  { "facts", COL_TEXT, FALSE, NULL, NULL, "statement_of_facts" },
  TEXT ("best_interests"), TEXT ("child_views"), TEXT ("interim_measures"),
  TEXT ("remedies_sought"), TEXT ("outcome"), TEXT ("follow_up"), TEXT ("inquiry_sources"),
  TEXT ("inquiry_period"), TEXT ("inquiry_places"), TEXT ("visit"), TEXT ("findings"),
  TEXT ("remedies_excuse"), TEXT ("time_limit_excuse"), DATE ("submitted_on"),
  { "in_writing", COL_TRIBOOL, FALSE, NULL, NULL },
  TIMESTAMPS, END
};

static const Spec *no_children[] = { NULL };

static const Spec people_spec = {
  "people", "person", NULL,
  "WHERE id IN (SELECT person_id FROM case_party WHERE case_id = ?1) ORDER BY created_at, id",
  person_columns, no_children
};
static const Spec party_spec = {
  "parties", "case_party", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  party_columns, no_children
};
static const Spec violation_spec = {
  "violations", "violation", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  violation_columns, no_children
};
static const Spec fact_spec = {
  "facts", "fact", "case_id", "WHERE case_id = ?1 ORDER BY occurred_on, created_at, id",
  fact_columns, no_children
};
static const Spec violation_fact_spec = {
  "violation_facts", "violation_fact", NULL,
  "WHERE violation_id IN (SELECT id FROM violation WHERE case_id = ?1) "
  "ORDER BY violation_id, fact_id",
  violation_fact_columns, no_children
};
static const Spec remedy_spec = {
  "remedies", "domestic_remedy", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  remedy_columns, no_children
};
static const Spec other_procedure_spec = {
  "other_procedures", "other_procedure", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  other_procedure_columns, no_children
};
static const Spec event_spec = {
  "events", "procedural_event", "case_id", "WHERE case_id = ?1 ORDER BY occurred_on, seq, id",
  event_columns, no_children
};
static const Spec deadline_spec = {
  "deadlines", "deadline", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  deadline_columns, no_children
};
static const Spec custody_spec = {
  "custody", "custody_event", "evidence_id", "WHERE evidence_id = ?1 ORDER BY at, id",
  custody_columns, no_children
};
static const Spec link_spec = {
  "links", "evidence_link", "evidence_id", "WHERE evidence_id = ?1 ORDER BY created_at, id",
  link_columns, no_children
};
static const Spec *evidence_children[] = { &custody_spec, &link_spec, NULL };
static const Spec evidence_spec = {
  "evidence", "evidence_item", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  evidence_columns, evidence_children
};
static const Spec attachment_spec = {
  "attachments", "correspondence_attachment", "correspondence_id",
  "WHERE correspondence_id = ?1 ORDER BY position, evidence_id",
  attachment_columns, no_children
};
static const Spec *correspondence_children[] = { &attachment_spec, NULL };
static const Spec correspondence_spec = {
  "correspondence", "correspondence", "case_id",
  "WHERE case_id = ?1 ORDER BY letter_date, created_at, id",
  correspondence_columns, correspondence_children
};
static const Spec note_spec = {
  "notes", "note", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  note_columns, no_children
};

static const Spec draft_section_spec = {
  "sections", "draft_section", "draft_id", "WHERE draft_id = ?1 ORDER BY section_id",
  draft_section_columns, no_children
};
static const Spec *draft_children[] = { &draft_section_spec, NULL };
static const Spec draft_spec = {
  "drafts", "draft", "case_id", "WHERE case_id = ?1 ORDER BY created_at, id",
  draft_columns, draft_children
};

/* In the order of import: a row is written after the rows it refers to. */
static const Spec *case_children[] = {
  &party_spec, &violation_spec, &fact_spec, &violation_fact_spec, &remedy_spec,
  &other_procedure_spec, &event_spec, &deadline_spec, &evidence_spec, &correspondence_spec,
  &note_spec, &draft_spec, NULL
};
static const Spec case_spec = {
  "case", "case_file", NULL, "WHERE id = ?1", case_columns, case_children
};

/* }}} */
/* {{{ Export */

/* The tables and columns of this docket, as "table" and "table.column": a
 * docket whose migrations predate a column simply has no such field. */
static GHashTable *
load_schema (RedressDatabase  *db,
             GError          **error)
{
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  stmt = redress_database_prepare (db,
                                   "SELECT m.name, p.name FROM sqlite_schema AS m, "
                                   "pragma_table_info (m.name) AS p WHERE m.type = 'table'",
                                   error);
  if (stmt == NULL)
    return NULL;
  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      const char *table = redress_statement_column_text (stmt, 0);

      g_hash_table_add (present, g_strdup (table));
      g_hash_table_add (present, g_strdup_printf ("%s.%s", table, redress_statement_column_text (stmt, 1)));
    }
  if (rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the docket"));
      return NULL;
    }
  return g_steal_pointer (&present);
}

static gboolean
has_column (GHashTable   *present,
            const Spec   *spec,
            const Column *c)
{
  g_autofree char *key = g_strdup_printf ("%s.%s", spec->table, c->name);

  return g_hash_table_contains (present, key);
}

static char *
select_sql (const Spec *spec,
            GHashTable *present)
{
  GString *sql = g_string_new ("SELECT ");
  gboolean first = TRUE;

  for (const Column *c = spec->columns; c->name != NULL; c++)
    {
      /* Absent columns are selected as NULL and not written. */
      g_string_append_printf (sql, "%s%s", first ? "" : ", ",
                              has_column (present, spec, c) ? c->name : "NULL");
      first = FALSE;
    }
  g_string_append_printf (sql, " FROM %s %s", spec->table, spec->where);
  return g_string_free (sql, FALSE);
}

static void
add_column (JsonBuilder      *b,
            const Column     *c,
            RedressStatement *stmt,
            int               i)
{
  gboolean is_null = redress_statement_column_type (stmt, i) == REDRESS_COLUMN_NULL;

  json_builder_set_member_name (b, KEY (c));
  switch (c->kind)
    {
    case COL_BOOL:
      json_builder_add_boolean_value (b, redress_statement_column_int (stmt, i) != 0);
      break;
    case COL_TRIBOOL:
      if (is_null)
        json_builder_add_null_value (b);
      else
        json_builder_add_boolean_value (b, redress_statement_column_int (stmt, i) != 0);
      break;
    case COL_INT:
    case COL_INT_NULL:
      if (is_null)
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, redress_statement_column_int64 (stmt, i));
      break;
    case COL_ID:
    case COL_TEXT:
    case COL_REQUIRED:
    case COL_DATE:
    case COL_REQ_DATE:
    case COL_PARTIAL:
    case COL_TIMESTAMP:
    case COL_TIMESTAMP_NULL:
    case COL_ENUM:
    case COL_STATE:
    case COL_SHA256:
    case COL_REF:
    case COL_REF_NULL:
    case COL_LINK:
    default:
      if (is_null)
        json_builder_add_null_value (b);
      else
        json_builder_add_string_value (b, redress_statement_column_text (stmt, i));
      break;
    }
}

/* Adds the rows of @spec for @parent_id as a member @spec->key holding a
 * list; with @single, the one row as an object. */
static gboolean
export_rows (RedressDatabase  *db,
             GHashTable       *present,
             JsonBuilder      *b,
             const Spec       *spec,
             const char       *parent_id,
             gboolean          single,
             GError          **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  int rc;

  if (!g_hash_table_contains (present, spec->table))
    return TRUE;
  sql = select_sql (spec, present);
  stmt = redress_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, parent_id);

  if (!single)
    {
      json_builder_set_member_name (b, spec->key);
      json_builder_begin_array (b);
    }

  while ((rc = redress_statement_step (stmt)) == REDRESS_STEP_ROW)
    {
      int i = 0;

      json_builder_begin_object (b);
      for (const Column *c = spec->columns; c->name != NULL; c++, i++)
        if (has_column (present, spec, c))
          add_column (b, c, stmt, i);

      if (spec->children[0] != NULL)
        {
          g_autofree char *id = g_strdup (redress_statement_column_text (stmt, 0));

          for (guint k = 0; spec->children[k] != NULL; k++)
            if (!export_rows (db, present, b, spec->children[k], id, FALSE, error))
              return FALSE;
        }
      json_builder_end_object (b);
      if (single)
        break;
    }
  if (rc != REDRESS_STEP_ROW && rc != REDRESS_STEP_DONE)
    {
      redress_statement_set_error (stmt, error, _("Could not read the case"));
      return FALSE;
    }

  if (!single)
    json_builder_end_array (b);
  return TRUE;
}

static gboolean
case_exists (RedressDatabase *db,
             const char      *case_id,
             char           **reference)
{
  g_autoptr(RedressStatement) stmt = NULL;

  stmt = redress_database_prepare (db, "SELECT reference FROM case_file WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, case_id);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    return FALSE;
  if (reference != NULL)
    *reference = g_strdup (redress_statement_column_text (stmt, 0));
  return TRUE;
}

/**
 * redress_exchange_resolve_case:
 * @db: a docket
 * @reference_or_id: a case's reference (any case) or its UUID
 * @error: a #GError
 *
 * Returns: (transfer full): the id of the case, or %NULL with
 *   %REDRESS_DATABASE_ERROR_NOT_FOUND.
 */
char *
redress_exchange_resolve_case (RedressDatabase  *db,
                               const char       *reference_or_id,
                               GError          **error)
{
  g_autoptr(RedressStatement) stmt = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (reference_or_id != NULL, NULL);

  stmt = redress_database_prepare (db,
                                   "SELECT id FROM case_file WHERE id = ?1 "
                                   "UNION ALL "
                                   "SELECT id FROM case_file WHERE reference = ?1 COLLATE NOCASE "
                                   "LIMIT 1",
                                   error);
  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, reference_or_id);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no case with the reference or id “%s” in this docket."),
                   reference_or_id);
      return NULL;
    }
  return g_strdup (redress_statement_column_text (stmt, 0));
}

/**
 * redress_exchange_export_case:
 * @db: a docket
 * @case_id: the id of a case
 * @error: a #GError
 *
 * Writes the case, its people and everything it holds as JSON (see
 * docs/export-format.md).  The same case always gives the same text.
 *
 * Returns: (transfer full): the JSON text, or %NULL with @error set.
 */
char *
redress_exchange_export_case (RedressDatabase  *db,
                              const char       *case_id,
                              GError          **error)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) present = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  present = load_schema (db, error);
  if (present == NULL)
    return NULL;

  if (!case_exists (db, case_id, NULL))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no case with the id “%s” in this docket."), case_id);
      return NULL;
    }

  b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, REDRESS_EXCHANGE_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, REDRESS_EXCHANGE_VERSION);
  json_builder_set_member_name (b, "case");
  if (!export_rows (db, present, b, &case_spec, case_id, TRUE, error))
    return NULL;
  if (!export_rows (db, present, b, &people_spec, case_id, FALSE, error))
    return NULL;
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return redress_json_to_string (root, TRUE);
}

gboolean
redress_exchange_export_to_file (RedressDatabase  *db,
                                 const char       *case_id,
                                 const char       *path,
                                 GError          **error)
{
  g_autofree char *json = redress_exchange_export_case (db, case_id, error);
  g_autoptr(GFile) file = NULL;

  if (json == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

/* }}} */
/* {{{ Import: reading the file */

typedef enum
{
  VALUE_NULL,
  VALUE_TEXT,
  VALUE_INT,
} ValueKind;

typedef struct
{
  ValueKind  kind;
  char      *text;
  gint64     number;
} Value;

typedef struct _Row Row;
struct _Row
{
  const Spec *spec;
  char       *path;       /* "case.parties[2]" */
  Value      *values;     /* one per column */
  GPtrArray  *children;   /* one GPtrArray of Row per spec->children */
};

static void
row_free (gpointer data)
{
  Row *row = data;
  guint n = 0;

  for (const Column *c = row->spec->columns; c->name != NULL; c++)
    n++;
  for (guint i = 0; i < n; i++)
    g_free (row->values[i].text);
  g_free (row->values);
  g_free (row->path);
  g_clear_pointer (&row->children, g_ptr_array_unref);
  g_free (row);
}

typedef struct
{
  GPtrArray  *problems;   /* char * */
  GHashTable *ids;        /* list key -> GHashTable of ids */
  GHashTable *all_ids;    /* id -> path of its first use */
  char       *now;
} Import;

static void
import_clear (Import *imp)
{
  g_clear_pointer (&imp->problems, g_ptr_array_unref);
  g_clear_pointer (&imp->ids, g_hash_table_unref);
  g_clear_pointer (&imp->all_ids, g_hash_table_unref);
  g_clear_pointer (&imp->now, g_free);
}

G_GNUC_PRINTF (3, 4)
static void
problem (Import     *imp,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  if (imp->problems->len >= MAX_PROBLEMS)
    return;
  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (imp->problems, g_strdup_printf ("%s: %s", path, msg));
}

/* What a value is, in the words of the messages below. */
static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (node) ? "true" : "false";
        case G_TYPE_INT64:
          return "integer";
        case G_TYPE_DOUBLE:
          return "real";
        default:
          return "text";
        }
    case JSON_NODE_NULL:
    default:
      return "null";
    }
}

static const char *
describe_type (JsonNode *node)
{
  const char *type = node_kind (node);

  if (g_strcmp0 (type, "null") == 0)
    return _("null");
  if (g_strcmp0 (type, "true") == 0 || g_strcmp0 (type, "false") == 0)
    return _("true or false");
  if (g_strcmp0 (type, "integer") == 0 || g_strcmp0 (type, "real") == 0)
    return _("a number");
  if (g_strcmp0 (type, "text") == 0)
    return _("text");
  if (g_strcmp0 (type, "array") == 0)
    return _("a list");
  return _("an object");
}

/* The member @name of the object @node, or %NULL. */
static JsonNode *
member (JsonNode   *node,
        const char *name)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), name);
}

/* Turns a byte offset into "line L, column C" (1-based). */
static char *
describe_position (const char *json,
                   gsize       length,
                   gint64      offset)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < length && (gint64) i < offset; i++)
    {
      if (json[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) json[i] & 0xC0) != 0x80)
        column++;
    }
  return g_strdup_printf (_("line %u, column %u"), line, column);
}

/* Bounds on what an import reads, so that a hostile or broken file costs
 * bounded time and memory: a real case file is a few hundred kilobytes. */
#define EXCHANGE_MAX_BYTES       (16 * 1024 * 1024)
#define EXCHANGE_MAX_FIELD_BYTES (1024 * 1024)

/* A \u0000 would cut a field short where it is stored (json-glib keeps text
 * as C strings), so before parsing each one is turned into this character
 * and afterwards a field holding it is named.  U+FFFF is a noncharacter;
 * when the file has one of its own, a NUL is still refused, but not by name. */
#define NUL_MARK        "\xef\xbf\xbf"
#define NUL_MARK_ESCAPE "\\uffff"

/* The text with every \u0000 escape replaced by NUL_MARK_ESCAPE, or %NULL
 * when there is none.  @json is valid JSON: a backslash is always the start
 * of an escape inside a string. */
static char *
mark_nul_escapes (const char *json,
                  gsize       length)
{
  GString *out = NULL;
  gsize copied = 0;

  for (gsize i = 0; i + 1 < length; i++)
    {
      if (json[i] != '\\')
        continue;
      if (json[i + 1] == 'u' && i + 5 < length && memcmp (json + i + 2, "0000", 4) == 0)
        {
          if (out == NULL)
            out = g_string_sized_new (length);
          g_string_append_len (out, json + copied, i - copied);
          g_string_append (out, NUL_MARK_ESCAPE);
          copied = i + 6;
          i += 5;
        }
      else
        i++;
    }
  if (out == NULL)
    return NULL;
  g_string_append_len (out, json + copied, length - copied);
  return g_string_free (out, FALSE);
}

static gboolean
has_nul_mark (const char *json,
              gsize       length)
{
  if (g_strstr_len (json, length, NUL_MARK) != NULL)
    return TRUE;
  for (gsize i = 0; i + 5 < length; i++)
    if (json[i] == '\\' && json[i + 1] == 'u' && g_ascii_strncasecmp (json + i + 2, "ffff", 4) == 0)
      return TRUE;
  return FALSE;
}

/* Every text in the file (in the order of the file): not too long, no NUL. */
static void
check_texts (Import     *imp,
             JsonNode   *node,
             const char *path,
             gboolean    nul_marked)
{
  /* The path as the user reads it: "case.parties[2].role". */
  const char *shown = g_str_has_prefix (path, "$.") ? path + 2 : path;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *child;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &child))
          {
            g_autofree char *child_path = g_strdup_printf ("%s.%s", path, name);

            check_texts (imp, child, child_path, nul_marked);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, i);

            check_texts (imp, json_array_get_element (array, i), child_path, nul_marked);
          }
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          gsize len = strlen (text);

          if (nul_marked && strstr (text, NUL_MARK) != NULL)
            problem (imp, shown, _("contains a NUL character (\\u0000), which no field can hold"));
          else if (len > EXCHANGE_MAX_FIELD_BYTES)
            problem (imp, shown, _("is too long (%d bytes; a field holds at most %d)"),
                     (int) len, EXCHANGE_MAX_FIELD_BYTES);
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* Where JsonParser stopped: only known while it reports the error. */
static void
parser_error_cb (JsonParser   *parser,
                 const GError *error,
                 gpointer      data)
{
  char **where = data;

  if (*where == NULL)
    *where = g_strdup_printf (_("line %u, column %u"), json_parser_get_current_line (parser),
                              json_parser_get_current_pos (parser));
}

/* Parses the file into @parser.  json-glib 1.6's parser is lax where RFC
 * 8259 is strict (it takes hexadecimal numbers, quotes, comments, `\x`
 * escapes read as "x", and ignores what follows the first value), and a case
 * file is read from someone else: SQLite's json_valid() decides first, as it
 * always did, and says where the first error is. */
static gboolean
parse_file (RedressDatabase  *db,
            Import           *imp,
            JsonParser       *parser,
            const char       *json,
            gsize             length,
            GError          **error)
{
  g_autoptr(RedressStatement) check = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *stopped = NULL;
  gboolean named;
  JsonNode *root;

  check = redress_database_prepare (db, "SELECT json_valid (?1), json_error_position (?1)", error);
  if (check == NULL)
    return FALSE;
  redress_statement_bind_text_len (check, 1, json, (int) length);
  if (redress_statement_step (check) != REDRESS_STEP_ROW || redress_statement_column_int (check, 0) != 1)
    {
      g_autofree char *where = describe_position (json, length, redress_statement_column_int64 (check, 1));

      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The file is not valid JSON (the error is at %s). Nothing was imported."),
                   where);
      return FALSE;
    }

  marked = mark_nul_escapes (json, length);
  named = marked != NULL && !has_nul_mark (json, length);
  if (marked != NULL && !named)
    problem (imp, "$", _("contains a NUL character (\\u0000), which no field can hold"));
  g_signal_connect (parser, "error", G_CALLBACK (parser_error_cb), &stopped);
  if (!json_parser_load_from_data (parser, marked != NULL ? marked : json,
                                   marked != NULL ? -1 : (gssize) length, &local))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The file is not valid JSON (the error is at %s). Nothing was imported."),
                   stopped != NULL ? stopped : local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root != NULL)
    check_texts (imp, root, "$", named);
  return TRUE;
}

static gboolean
is_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  if (text == NULL || strlen (text) < 20)
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static char *
join_values (const char * const *values)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      if (*values[i] == '\0')
        g_string_append (s, "\"\"");
      else
        g_string_append (s, values[i]);
    }
  return g_string_free (s, FALSE);
}

/* Checks one field and stores it in @value. */
static void
read_column (Import       *imp,
             const Column *c,
             JsonNode     *object,
             const char   *object_path,
             Value        *value)
{
  g_autofree char *path = g_strdup_printf ("%s.%s", object_path, KEY (c));
  JsonNode *node = member (object, KEY (c));
  const char *type = node != NULL ? node_kind (node) : NULL;
  gboolean is_null = node == NULL || g_strcmp0 (type, "null") == 0;
  gboolean is_text = node != NULL && g_strcmp0 (type, "text") == 0;
  g_autofree char *text = NULL;

  value->kind = VALUE_NULL;

  if (is_null)
    {
      gboolean nullable = c->kind == COL_DATE || c->kind == COL_PARTIAL ||
                          c->kind == COL_TRIBOOL || c->kind == COL_INT_NULL ||
                          c->kind == COL_REF_NULL || c->kind == COL_TIMESTAMP_NULL ||
                          (c->kind == COL_SHA256 && !c->required);

      if (c->required || (node != NULL && !nullable && c->kind != COL_TIMESTAMP))
        {
          if (node == NULL)
            problem (imp, path, _("this field is required"));
          else
            problem (imp, path, _("must not be null"));
          return;
        }
      switch (c->kind)
        {
        case COL_TEXT:
        case COL_STATE:
          value->kind = VALUE_TEXT;
          value->text = g_strdup ("");
          break;
        case COL_ENUM:
          value->kind = VALUE_TEXT;
          value->text = g_strdup (c->values[0]);
          break;
        case COL_BOOL:
        case COL_INT:
          value->kind = VALUE_INT;
          value->number = 0;
          break;
        case COL_TIMESTAMP:
          value->kind = VALUE_TEXT;
          value->text = g_strdup (imp->now);
          break;
        case COL_ID:
        case COL_REQUIRED:
        case COL_DATE:
        case COL_REQ_DATE:
        case COL_PARTIAL:
        case COL_TRIBOOL:
        case COL_INT_NULL:
        case COL_SHA256:
        case COL_REF:
        case COL_REF_NULL:
        case COL_LINK:
        default:
          break;
        }
      return;
    }

  switch (c->kind)
    {
    case COL_BOOL:
    case COL_TRIBOOL:
      if (g_strcmp0 (type, "true") != 0 && g_strcmp0 (type, "false") != 0)
        {
          problem (imp, path, _("expected true or false, found %s"), describe_type (node));
          return;
        }
      value->kind = VALUE_INT;
      value->number = json_node_get_boolean (node);
      return;

    case COL_INT:
    case COL_INT_NULL:
      if (g_strcmp0 (type, "integer") != 0)
        {
          problem (imp, path, _("expected a whole number, found %s"), describe_type (node));
          return;
        }
      /* json-glib reads a number beyond 64 bits as a negative one. */
      if (json_node_get_int (node) < 0)
        {
          problem (imp, path, _("must not be negative"));
          return;
        }
      value->kind = VALUE_INT;
      value->number = json_node_get_int (node);
      return;

    case COL_ID:
    case COL_TEXT:
    case COL_REQUIRED:
    case COL_DATE:
    case COL_REQ_DATE:
    case COL_PARTIAL:
    case COL_TIMESTAMP:
    case COL_ENUM:
    case COL_STATE:
    case COL_SHA256:
    case COL_REF:
    case COL_REF_NULL:
    case COL_LINK:
    default:
      break;
    }

  if (!is_text)
    {
      problem (imp, path, _("expected text, found %s"), describe_type (node));
      return;
    }
  text = g_strdup (json_node_get_string (node));

  switch (c->kind)
    {
    case COL_ID:
    case COL_REF:
    case COL_REF_NULL:
    case COL_LINK:
      if (!redress_is_uuid (text))
        {
          problem (imp, path, _("“%s” is not a UUID"), text);
          return;
        }
      break;
    case COL_REQUIRED:
      if (*g_strstrip (text) == '\0')
        {
          problem (imp, path, _("must not be empty"));
          return;
        }
      break;
    case COL_DATE:
    case COL_REQ_DATE:
      if (!redress_iso_date_is_valid (text))
        {
          problem (imp, path, _("“%s” is not a calendar date written YYYY-MM-DD"), text);
          return;
        }
      break;
    case COL_PARTIAL:
      if (!redress_partial_date_is_valid (text))
        {
          problem (imp, path, _("“%s” is not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
                   text);
          return;
        }
      break;
    case COL_TIMESTAMP:
    case COL_TIMESTAMP_NULL:
      if (!is_timestamp (text))
        {
          problem (imp, path, _("“%s” is not a date and time such as 2024-05-01T09:30:00.000Z"),
                   text);
          return;
        }
      break;
    case COL_ENUM:
      if (!g_strv_contains (c->values, text))
        {
          g_autofree char *allowed = join_values (c->values);

          problem (imp, path, _("“%s” is not one of %s"), text, allowed);
          return;
        }
      break;
    case COL_STATE:
      if (*text != '\0' &&
          (strlen (text) != 2 || !g_ascii_isupper (text[0]) ||
           !g_ascii_isupper (text[1])))
        {
          problem (imp, path, _("“%s” is not a two-letter ISO 3166 country code"), text);
          return;
        }
      break;
    case COL_SHA256:
      if (!is_sha256 (text))
        {
          problem (imp, path, _("“%s” is not a SHA-256 digest (64 lowercase hexadecimal digits)"),
                   text);
          return;
        }
      break;
    case COL_TEXT:
    case COL_BOOL:
    case COL_TRIBOOL:
    case COL_INT:
    case COL_INT_NULL:
    default:
      break;
    }

  value->kind = VALUE_TEXT;
  value->text = g_steal_pointer (&text);
}

static GPtrArray *read_list (Import     *imp,
                             const Spec *spec,
                             JsonNode   *parent,
                             const char *parent_path);

static Row *
read_object (Import     *imp,
             const Spec *spec,
             JsonNode   *node,
             const char *path)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *child;
  Row *row;
  guint n = 0, i = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      if (node == NULL)
        problem (imp, path, _("this field is required"));
      else
        problem (imp, path, _("expected an object, found %s"), describe_type (node));
      return NULL;
    }

  /* Every member must be known: a misspelt name would otherwise be lost. */
  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &child))
    {
      gboolean known = FALSE;

      for (const Column *c = spec->columns; c->name != NULL && !known; c++)
        known = g_strcmp0 (KEY (c), name) == 0;
      for (guint s = 0; spec->children[s] != NULL && !known; s++)
        known = g_strcmp0 (spec->children[s]->key, name) == 0;
      if (!known)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);

          problem (imp, member_path, _("unknown field"));
        }
    }

  for (const Column *c = spec->columns; c->name != NULL; c++)
    n++;

  row = g_new0 (Row, 1);
  row->spec = spec;
  row->path = g_strdup (path);
  row->values = g_new0 (Value, n);
  for (const Column *c = spec->columns; c->name != NULL; c++, i++)
    {
      read_column (imp, c, node, path, &row->values[i]);
      if (c->kind == COL_ID && row->values[i].kind == VALUE_TEXT)
        {
          const char *id = row->values[i].text;
          const char *seen = g_hash_table_lookup (imp->all_ids, id);
          GHashTable *list_ids = g_hash_table_lookup (imp->ids, spec->key);

          if (seen != NULL)
            {
              g_autofree char *id_path = g_strdup_printf ("%s.id", path);

              problem (imp, id_path, _("the id “%s” is already used by %s"), id, seen);
            }
          else
            g_hash_table_insert (imp->all_ids, g_strdup (id), g_strdup (path));

          if (list_ids == NULL)
            {
              list_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (imp->ids, (char *) spec->key, list_ids);
            }
          g_hash_table_add (list_ids, g_strdup (id));
        }
    }

  row->children = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint s = 0; spec->children[s] != NULL; s++)
    g_ptr_array_add (row->children, read_list (imp, spec->children[s], node, path));

  return row;
}

/* The list @spec->key of @parent; @parent_path is %NULL for the file's top level. */
static GPtrArray *
read_list (Import     *imp,
           const Spec *spec,
           JsonNode   *parent,
           const char *parent_path)
{
  g_autofree char *path = parent_path != NULL ? g_strdup_printf ("%s.%s", parent_path, spec->key)
                                              : g_strdup (spec->key);
  JsonNode *node = member (parent, spec->key);
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);
  JsonArray *array;

  if (node == NULL)
    return rows;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (imp, path, _("expected a list, found %s"), describe_type (node));
      return rows;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", path, i);
      Row *row = read_object (imp, spec, json_array_get_element (array, i), item);

      if (row != NULL)
        g_ptr_array_add (rows, row);
    }
  return rows;
}

static const char *
link_list (const char *target_kind)
{
  if (g_strcmp0 (target_kind, "violation") == 0)
    return "violations";
  if (g_strcmp0 (target_kind, "fact") == 0)
    return "facts";
  if (g_strcmp0 (target_kind, "remedy") == 0)
    return "remedies";
  if (g_strcmp0 (target_kind, "correspondence") == 0)
    return "correspondence";
  return NULL;
}

/* Second pass: every reference names a row of the file. */
static void
check_references (Import *imp,
                  Row    *row)
{
  guint i = 0;

  for (const Column *c = row->spec->columns; c->name != NULL; c++, i++)
    {
      const Value *v = &row->values[i];
      const char *list = c->ref;
      GHashTable *ids;

      if (c->kind != COL_REF && c->kind != COL_REF_NULL && c->kind != COL_LINK)
        continue;
      if (v->kind != VALUE_TEXT)
        continue;
      if (c->kind == COL_LINK)
        {
          /* target_kind is the column before target_id. */
          list = row->values[i - 1].kind == VALUE_TEXT ? link_list (row->values[i - 1].text) : NULL;
          if (list == NULL)
            continue;
        }

      ids = g_hash_table_lookup (imp->ids, list);
      if (ids == NULL || !g_hash_table_contains (ids, v->text))
        {
          g_autofree char *path = g_strdup_printf ("%s.%s", row->path, KEY (c));
          g_autofree char *where = g_strcmp0 (list, "people") == 0 ? g_strdup ("people")
                                                                    : g_strdup_printf ("case.%s", list);

          problem (imp, path, _("“%s” is not the id of any entry of “%s” in this file"),
                   v->text, where);
        }
    }

  for (guint s = 0; s < row->children->len; s++)
    {
      GPtrArray *rows = g_ptr_array_index (row->children, s);

      for (guint r = 0; r < rows->len; r++)
        check_references (imp, g_ptr_array_index (rows, r));
    }
}

/* }}} */
/* {{{ Import: writing */

static gboolean
insert_row (RedressDatabase  *db,
            GHashTable       *present,
            Row              *row,
            const char       *parent_id,
            gboolean          upsert,
            GError          **error)
{
  GString *sql = g_string_new ("INSERT ");
  g_autofree char *text = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  const Spec *spec = row->spec;
  int n = 0, bound = 0, rc;

  if (!g_hash_table_contains (present, spec->table))
    {
      g_string_free (sql, TRUE);
      return TRUE;
    }
  g_string_append_printf (sql, "INTO %s (", spec->table);
  for (const Column *c = spec->columns; c->name != NULL; c++, n++)
    if (has_column (present, spec, c))
      g_string_append_printf (sql, "%s%s", bound++ == 0 ? "" : ", ", c->name);
  if (spec->parent != NULL)
    g_string_append_printf (sql, ", %s", spec->parent);
  g_string_append (sql, ") VALUES (");
  for (int i = 0; i < bound + (spec->parent != NULL ? 1 : 0); i++)
    g_string_append_printf (sql, "%s?%d", i == 0 ? "" : ", ", i + 1);
  g_string_append (sql, ")");
  if (upsert)
    {
      /* An update in place, not REPLACE: a person's other cases keep pointing at it. */
      bound = 0;
      g_string_append (sql, " ON CONFLICT (id) DO UPDATE SET ");
      for (const Column *c = spec->columns + 1; c->name != NULL; c++)
        if (has_column (present, spec, c))
          g_string_append_printf (sql, "%s%s = excluded.%s", bound++ == 0 ? "" : ", ",
                                  c->name, c->name);
    }
  text = g_string_free (sql, FALSE);

  stmt = redress_database_prepare (db, text, error);
  if (stmt == NULL)
    return FALSE;
  bound = 0;
  for (int i = 0; i < n; i++)
    {
      const Value *v = &row->values[i];

      if (!has_column (present, spec, &spec->columns[i]))
        continue;
      bound++;
      if (spec->columns[i].late)
        redress_statement_bind_null (stmt, bound);
      else if (v->kind == VALUE_TEXT)
        redress_statement_bind_text (stmt, bound, v->text);
      else if (v->kind == VALUE_INT)
        redress_statement_bind_int64 (stmt, bound, v->number);
      else
        redress_statement_bind_null (stmt, bound);
    }
  if (spec->parent != NULL)
    redress_statement_bind_text (stmt, bound + 1, parent_id);

  rc = redress_statement_step (stmt);
  if (rc != REDRESS_STEP_DONE)
    {
      if (redress_statement_get_constraint (stmt) != REDRESS_CONSTRAINT_NONE)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                     _("%s: this entry clashes with one already in the docket (an id used by "
                       "another case?). Nothing was imported."),
                     row->path);
      else
        redress_statement_set_error (stmt, error, _("Could not import the case"));
      return FALSE;
    }

  for (guint s = 0; s < row->children->len; s++)
    {
      GPtrArray *rows = g_ptr_array_index (row->children, s);
      const char *id = g_strcmp0 (spec->columns[0].name, "id") == 0 ? row->values[0].text : NULL;

      for (guint r = 0; r < rows->len; r++)
        if (!insert_row (db, present, g_ptr_array_index (rows, r), id, FALSE, error))
          return FALSE;
    }

  for (int i = 0; i < n; i++)
    {
      const Column *c = &spec->columns[i];
      g_autofree char *update = NULL;
      g_autoptr(RedressStatement) late = NULL;

      if (!c->late || row->values[i].kind != VALUE_TEXT || !has_column (present, spec, c))
        continue;
      update = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", spec->table, c->name);
      late = redress_database_prepare (db, update, error);
      if (late == NULL)
        return FALSE;
      redress_statement_bind_text (late, 1, row->values[0].text);
      redress_statement_bind_text (late, 2, row->values[i].text);
      rc = redress_statement_step (late);
      if (rc != REDRESS_STEP_DONE)
        {
          redress_statement_set_error (late, error, _("Could not import the case"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
person_exists (RedressDatabase *db,
               const char      *id)
{
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db, "SELECT 1 FROM person WHERE id = ?1",
                                                           NULL);

  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, id);
  return redress_statement_step (stmt) == REDRESS_STEP_ROW;
}

static char *
reference_owner (RedressDatabase *db,
                 const char      *reference)
{
  g_autoptr(RedressStatement) stmt = redress_database_prepare (db,
                                                           "SELECT id FROM case_file WHERE reference = ?1",
                                                           NULL);

  if (stmt == NULL)
    return NULL;
  redress_statement_bind_text (stmt, 1, reference);
  if (redress_statement_step (stmt) != REDRESS_STEP_ROW)
    return NULL;
  return g_strdup (redress_statement_column_text (stmt, 0));
}

static const char *
row_text (Row        *row,
          const char *column)
{
  for (guint i = 0; row->spec->columns[i].name != NULL; i++)
    if (g_strcmp0 (row->spec->columns[i].name, column) == 0)
      return row->values[i].kind == VALUE_TEXT && *row->values[i].text != '\0' ? row->values[i].text : NULL;
  return NULL;
}

static gboolean
derive_procedure (RedressDatabase  *db,
                  Row              *case_row,
                  GError          **error)
{
  const char *case_id = case_row->values[0].text;
  const char *kind = row_text (case_row, "kind");
  const char *stated = row_text (case_row, "submitted_on");
  g_autoptr(GError) local = NULL;
  g_autoptr(RedressStatement) stmt = NULL;
  const char *derived = NULL;

  if (!_redress_procedure_recompute_in_transaction (db, case_id, &local))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("case.events: the procedural history in this file is impossible. %s Nothing was "
                     "imported."),
                   local->message);
      return FALSE;
    }

  /* One date of submission: the file's submitted_on must be its history's. */
  stmt = redress_database_prepare (db, "SELECT submitted_on FROM case_file WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  redress_statement_bind_text (stmt, 1, case_id);
  if (redress_statement_step (stmt) == REDRESS_STEP_ROW)
    derived = redress_statement_column_text (stmt, 0);
  if (stated != NULL && g_strcmp0 (stated, derived) != 0)
    {
      const char *event = _redress_procedure_submission_event (kind);

      if (derived == NULL)
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                     _("case.submitted_on: the file says the case was submitted on %s, but its history has no "
                       "“%s” event. The history is what counts: add the event with that date, or remove "
                       "submitted_on. Nothing was imported."),
                     stated, event);
      else
        g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                     _("case.submitted_on: the file says the case was submitted on %s, but its history records "
                       "the “%s” event on %s. Correct one of the two. Nothing was imported."),
                     stated, event, derived);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_case (RedressDatabase            *db,
            Row                        *case_row,
            GPtrArray                  *people,
            RedressExchangeImportFlags  flags,
            GError                    **error)
{
  const char *case_id = case_row->values[0].text;
  const char *reference = case_row->values[2].text;
  g_autofree char *existing_reference = NULL;
  g_autofree char *owner = NULL;
  gboolean replace = (flags & REDRESS_EXCHANGE_IMPORT_REPLACE) != 0;
  g_autoptr(GHashTable) present = load_schema (db, error);

  if (present == NULL)
    return FALSE;
  if (case_exists (db, case_id, &existing_reference) && !replace)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                   _("This docket already holds this case (id “%s”, reference “%s”). Nothing was "
                     "imported; to overwrite the case in the docket with the file, import it with "
                     "the replace option."),
                   case_id, existing_reference);
      return FALSE;
    }

  owner = reference_owner (db, reference);
  if (owner != NULL && g_strcmp0 (owner, case_id) != 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_CONFLICT,
                   _("case.reference: another case in this docket already has the reference “%s”. "
                     "Nothing was imported."),
                   reference);
      return FALSE;
    }

  if (!_redress_database_begin (db, error))
    return FALSE;

  if (existing_reference != NULL)
    {
      g_autoptr(RedressStatement) del = redress_database_prepare (db,
                                                              "DELETE FROM case_file WHERE id = ?1",
                                                              error);
      int rc;

      if (del == NULL)
        goto fail;
      redress_statement_bind_text (del, 1, case_id);
      rc = redress_statement_step (del);
      if (rc != REDRESS_STEP_DONE)
        {
          redress_statement_set_error (del, error, _("Could not replace the case"));
          goto fail;
        }
    }

  /* People may be shared between cases: one already in the docket is kept as
   * it is, unless the file replaces what the docket holds. */
  for (guint i = 0; i < people->len; i++)
    {
      Row *person = g_ptr_array_index (people, i);

      if (!replace && person_exists (db, person->values[0].text))
        continue;
      if (!insert_row (db, present, person, NULL, replace, error))
        goto fail;
    }

  if (!insert_row (db, present, case_row, NULL, FALSE, error))
    goto fail;

  /* The history is the only truth (docs/procedure.md): the stage, the date of
   * submission and every deadline are derived from it here, in the same
   * transaction; the file's deadline rows keep only what a person decided
   * (done or waived by hand).  An impossible history imports nothing. */
  if (!derive_procedure (db, case_row, error))
    goto fail;

  if (!_redress_database_commit (db, error))
    return FALSE;
  return TRUE;

fail:
  _redress_database_rollback (db);
  return FALSE;
}

/**
 * redress_exchange_import:
 * @db: a docket
 * @json: the text of a case file
 * @length: its length, or -1 when it ends with a nul
 * @flags: #RedressExchangeImportFlags
 * @error: a #GError
 *
 * Checks every field of the file, and writes nothing unless all are right:
 * the error then lists the fields that are wrong, as paths such as
 * `case.parties[2].role`.  The ids of the file are kept.  A case whose id is
 * already in the docket is refused unless @flags has
 * %REDRESS_EXCHANGE_IMPORT_REPLACE.
 *
 * Returns: (transfer full): the id of the imported case, or %NULL.
 */
char *
redress_exchange_import (RedressDatabase             *db,
                         const char                  *json,
                         gssize                       length,
                         RedressExchangeImportFlags   flags,
                         GError                     **error)
{
  Import imp = { 0 };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) people = NULL;
  Row *case_row = NULL;
  JsonNode *root, *node;
  JsonObjectIter iter;
  const char *name;
  char *result = NULL;

  g_return_val_if_fail (REDRESS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (json != NULL, NULL);

  if (!_redress_database_check_writable (db, error))
    return NULL;
  if (length < 0)
    length = (gssize) strlen (json);
  /* Editors that save "UTF-8 with BOM" put the mark first; it is no part of
   * the JSON. */
  if (length >= 3 && memcmp (json, "\xef\xbb\xbf", 3) == 0)
    {
      json += 3;
      length -= 3;
    }
  if (length > EXCHANGE_MAX_BYTES)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The file is too large to be a Redress case file (%" G_GSSIZE_FORMAT " MB; a "
                     "case file holds at most %d MB). Nothing was imported."),
                   length / (1024 * 1024), EXCHANGE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (memchr (json, '\0', (gsize) length) != NULL)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The file has a NUL byte at byte %" G_GSIZE_FORMAT ", so it is not a Redress case "
                     "file. Nothing was imported."),
                   (gsize) ((const char *) memchr (json, '\0', (gsize) length) - json) + 1);
      return NULL;
    }
  if (!g_utf8_validate (json, length, NULL))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("The file is not UTF-8 text, so it is not a Redress case file. Nothing was "
                     "imported."));
      return NULL;
    }

  imp.problems = g_ptr_array_new_with_free_func (g_free);
  imp.ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_hash_table_unref);
  imp.all_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp.now = redress_timestamp_now ();

  parser = json_parser_new_immutable ();
  if (!parse_file (db, &imp, parser, json, (gsize) length, error))
    goto out;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("This is not a Redress case file: it should be a JSON object with "
                     "\"format\": \"redress-case\". Nothing was imported."));
      goto out;
    }
  node = member (root, "format");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), REDRESS_EXCHANGE_FORMAT) != 0)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("format: this is not a Redress case file (\"format\" should be "
                     "\"redress-case\"). Nothing was imported."));
      goto out;
    }
  node = member (root, "version");
  if (node == NULL || g_strcmp0 (node_kind (node), "integer") != 0 || json_node_get_int (node) < 1)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("version: expected the format version as a whole number. Nothing was "
                     "imported."));
      goto out;
    }
  if (json_node_get_int (node) > REDRESS_EXCHANGE_VERSION)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_TOO_NEW,
                   _("version: this file was written by a newer Redress (format version %d; this "
                     "version reads up to %d). Update Redress to import it."),
                   (int) json_node_get_int (node), REDRESS_EXCHANGE_VERSION);
      goto out;
    }
  json_object_iter_init_ordered (&iter, json_node_get_object (root));
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (!g_strv_contains ((const char * const[]) { "format", "version", "case", "people", NULL },
                            name))
        problem (&imp, name, _("unknown field"));
    }

  people = read_list (&imp, &people_spec, root, NULL);
  case_row = read_object (&imp, &case_spec, member (root, "case"), "case");
  if (case_row != NULL)
    check_references (&imp, case_row);

  if (imp.problems->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (imp.problems, NULL);
      list = g_strjoinv ("\n", (char **) imp.problems->pdata);
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The case file has a problem; nothing was imported.\n%s",
                                "The case file has problems; nothing was imported.\n%s",
                                imp.problems->len - 1),
                   list);
      goto out;
    }

  if (!write_case (db, case_row, people, flags, error))
    goto out;

  /* Its commit announced every table it wrote. */
  result = g_strdup (case_row->values[0].text);

out:
  g_clear_pointer (&case_row, row_free);
  import_clear (&imp);
  return result;
}

char *
redress_exchange_import_file (RedressDatabase             *db,
                              const char                  *path,
                              RedressExchangeImportFlags   flags,
                              GError                     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > G_MAXINT)
    {
      g_set_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID,
                   _("“%s” is too large to be a case file."), path);
      return NULL;
    }
  return redress_exchange_import (db, contents, (gssize) length, flags, error);
}

/* }}} */
