/* redress-people-section.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people of the case in their roles, with their consent (art 5(2)).
 * The age at the facts and its CRC art 1 warning are read from the case
 * file (redress_case_file_describe_age()), which follows the facts.
 */

#define G_LOG_DOMAIN "redress-people-section"

#include "config.h"

#include <glib/gi18n.h>

#include "redress-case-party.h"
#include "redress-enums.h"
#include "redress-people-section.h"
#include "redress-person.h"

struct _RedressPeopleSection
{
  RedressCaseSection parent_instance;

  GtkListBox      *people_list;
  GtkWidget       *add_person_button;
  RedressCaseFile *file;
};

G_DEFINE_FINAL_TYPE (RedressPeopleSection, redress_people_section, REDRESS_TYPE_CASE_SECTION)

static void
update_party_row (RedressRecordRow *row)
{
  RedressCaseSection *section = g_object_get_data (G_OBJECT (row), "section");
  RedressCaseFile *file = redress_case_section_get_case_file (section);
  RedressRecord *party = redress_record_row_get_record (row);
  RedressPerson *person = g_object_get_data (G_OBJECT (row), "person");
  AdwActionRow *age_row = g_object_get_data (G_OBJECT (row), "age-row");
  const char *name = person ? redress_person_get_display_name (person) : NULL;
  const char *birth = person ? redress_record_get_string (REDRESS_RECORD (person), "birth-date") : NULL;
  const char *role = redress_record_get_string (party, "role");
  g_autofree char *age_text = NULL;
  g_autofree char *subtitle = NULL;
  const char *warning = NULL;

  if (file == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name && name[0] ? name : _("Unnamed person"));

  age_text = redress_case_file_describe_age (file, birth, role, &warning);
  adw_action_row_set_subtitle (age_row, age_text);

  if (warning != NULL)
    {
      redress_record_row_set_status (row, "dialog-warning-symbolic", "warning", warning);
      subtitle = g_strdup_printf ("%s · %s", redress_role_get_label (role), warning);
    }
  else
    {
      redress_record_row_set_status (row, NULL, NULL, NULL);
      subtitle = g_strdup_printf ("%s · %s", redress_role_get_label (role), age_text);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static const char **
role_labels (void)
{
  const char * const *values = redress_role_get_values ();
  const char **labels = g_new0 (const char *, g_strv_length ((char **) values) + 1);

  for (guint i = 0; values[i] != NULL; i++)
    labels[i] = redress_role_get_label (values[i]);

  return labels;
}

static void
consent_by_selected_cb (AdwComboRow        *combo,
                        GParamSpec         *pspec,
                        RedressCaseSection *section)
{
  RedressRecord *party = g_object_get_data (G_OBJECT (combo), "party");
  GStrv ids = g_object_get_data (G_OBJECT (combo), "person-ids");
  guint selected = adw_combo_row_get_selected (combo);
  const char *id = ids != NULL && selected > 0 && selected <= g_strv_length (ids) ? ids[selected - 1] : NULL;

  if (g_object_get_data (G_OBJECT (combo), "filling") != NULL)
    return;
  if (g_strcmp0 (redress_record_get_string (party, "consent-by-person-id"), id) == 0)
    return;
  redress_record_set_string (party, "consent-by-person-id", id);
  redress_save_queue_schedule (redress_case_section_get_queue (section), party);
}

typedef struct
{
  RedressCaseFile *file;
  const char      *own;
  const char      *chosen;
  GtkStringList   *labels;
  GStrvBuilder    *ids;
  GHashTable      *seen;
  guint            n;
  guint            selected;
} ConsentFill;

static void
add_consent_choice (gpointer row,
                    gpointer user_data)
{
  ConsentFill *fill = user_data;
  RedressRecord *other = redress_record_row_get_record (row);
  RedressPerson *person = g_object_get_data (G_OBJECT (row), "person");
  const char *person_id = redress_record_get_string (other, "person-id");
  g_autofree char *label = NULL;
  const char *name;

  if (person == NULL || g_strcmp0 (person_id, fill->own) == 0 || g_hash_table_contains (fill->seen, person_id) ||
      redress_case_file_is_hidden (fill->file, redress_record_get_id (other)))
    return;
  g_hash_table_add (fill->seen, (gpointer) person_id);
  name = redress_person_get_display_name (person);
  /* Translators: a person in the "Consent given by" list, "Ana García (Author)" */
  label = g_strdup_printf (_("%s (%s)"), name && name[0] ? name : _("Unnamed person"),
                           redress_role_get_label (redress_record_get_string (other, "role")));
  gtk_string_list_append (fill->labels, label);
  g_strv_builder_add (fill->ids, person_id);
  fill->n++;
  if (g_strcmp0 (fill->chosen, person_id) == 0)
    fill->selected = fill->n;
}

/* Fills the "Consent given by" list with the people of the case as they are
 * named now, from the rows of the section (no reading of the docket). */
static void
fill_consent_by_row (RedressCaseSection *section,
                     AdwComboRow        *combo)
{
  RedressRecord *party = g_object_get_data (G_OBJECT (combo), "party");
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *old = adw_combo_row_get_model (combo);
  ConsentFill fill = {
    redress_case_section_get_case_file (section),
    redress_record_get_string (party, "person-id"),
    redress_record_get_string (party, "consent-by-person-id"),
    labels, ids, seen, 0, 0,
  };
  gboolean same;

  if (fill.file == NULL)
    return;

  gtk_string_list_append (labels, _("Not recorded, or someone not in the case"));
  redress_case_section_foreach_row (section, add_consent_choice, &fill);

  /* Unchanged: keep the model, so an open list is not pulled away. */
  same = old != NULL && g_list_model_get_n_items (old) == g_list_model_get_n_items (G_LIST_MODEL (labels));
  for (guint i = 0; same && i < g_list_model_get_n_items (old); i++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (old), i),
                      gtk_string_list_get_string (labels, i)) == 0;

  g_object_set_data (G_OBJECT (combo), "filling", GINT_TO_POINTER (TRUE));
  g_object_set_data_full (G_OBJECT (combo), "person-ids", g_strv_builder_end (ids), (GDestroyNotify) g_strfreev);
  if (!same)
    adw_combo_row_set_model (combo, G_LIST_MODEL (labels));
  if (adw_combo_row_get_selected (combo) != fill.selected)
    adw_combo_row_set_selected (combo, fill.selected);
  g_object_set_data (G_OBJECT (combo), "filling", NULL);
}

static void
refill_consent_cb (gpointer row,
                   gpointer section)
{
  GtkWidget *combo = redress_record_row_find_field (row, "consent-by-person-id");

  if (combo != NULL)
    fill_consent_by_row (section, ADW_COMBO_ROW (combo));
}

static void
update_row_cb (gpointer row,
               gpointer user_data)
{
  update_party_row (row);
}

/* A person was renamed or changed role: their row, and every "Consent
 * given by" list that names them. */
static void
party_changed_cb (RedressRecordRow *row)
{
  RedressCaseSection *section = g_object_get_data (G_OBJECT (row), "section");

  update_party_row (row);
  redress_case_section_foreach_row (section, refill_consent_cb, section);
}

/* "Consent given by": a person of the case (the parent who is also the
 * author, say), linked to their record so a rename follows. */
static void
add_consent_by_row (RedressCaseSection *section,
                    RedressRecordRow   *row,
                    RedressRecord      *party)
{
  GtkWidget *combo = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Consent given by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (combo), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Consent given by"), -1);
  g_object_set_data_full (G_OBJECT (combo), "party", g_object_ref (party), g_object_unref);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (consent_by_selected_cb), section, 0);
  redress_record_row_add_row (row, "consent-by-person-id", combo, NULL);
}

static GListModel *
redress_people_section_get_model (RedressCaseSection *section,
                                  RedressCaseFile    *file)
{
  return redress_case_file_get_parties (file);
}

static GtkWidget *
redress_people_section_create_row (RedressCaseSection *section,
                                   RedressRecord      *party)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RedressPerson) person = NULL;
  g_autofree const char **labels = role_labels ();
  RedressRecordRow *row;
  GtkWidget *age_row;

  person = redress_record_load (redress_case_section_get_database (section), REDRESS_TYPE_PERSON,
                                redress_record_get_string (party, "person-id"), &error);
  if (person == NULL)
    {
      redress_case_section_report_error (section, error);
      return NULL;
    }

  row = redress_record_row_new (party, redress_case_section_get_queue (section), _("Remove person from the case"));
  g_object_set_data (G_OBJECT (row), "section", section);
  g_object_set_data_full (G_OBJECT (row), "person", g_object_ref (person), g_object_unref);

  redress_record_row_add_choice (row, NULL, "role", _("Role"),
                                 redress_role_get_values (), labels);
  redress_record_row_add_entry (row, REDRESS_RECORD (person), "given-name", _("Given name"));
  redress_record_row_add_entry (row, REDRESS_RECORD (person), "family-name", _("Family name"));
  redress_record_row_add_entry (row, REDRESS_RECORD (person), "alias", _("Alias or initials"));
  redress_record_row_add_entry (row, REDRESS_RECORD (person), "birth-date",
                                _("Date of birth"));
  age_row = redress_record_row_add_info (row, _("Age at the facts"));
  g_object_set_data (G_OBJECT (row), "age-row", age_row);
  redress_record_row_add_entry (row, REDRESS_RECORD (person), "sex-gender", _("Sex or gender"));
  redress_record_row_add_entry (row, REDRESS_RECORD (person), "nationality", _("Nationality"));
  redress_record_row_add_text (row, REDRESS_RECORD (person), "contact",
                               _("Address, e-mail and telephone"));
  redress_record_row_add_text (row, REDRESS_RECORD (person), "notes", _("Notes on the person"));
  redress_record_row_add_tristate (row, NULL, "consent-given", _("Consent given"));
  redress_record_row_add_entry (row, NULL, "consent-date", _("Date of consent"));
  add_consent_by_row (section, row, party);
  redress_record_row_add_entry (row, NULL, "consent-by", _("Consent given by someone not in the case"));
  redress_record_row_add_tristate (row, NULL, "consent-disclose-identity",
                                   _("Identity may be disclosed to the State"));
  redress_record_row_add_tristate (row, NULL, "consent-publication",
                                   _("Identity may be published"));
  redress_record_row_add_text (row, NULL, "no-consent-justification",
                               _("Why acting without consent, art 5(2)"));
  redress_record_row_add_text (row, NULL, "child-views", _("The child's views"));

  g_signal_connect_object (person, "notify::display-name", G_CALLBACK (party_changed_cb), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (person, "notify::birth-date", G_CALLBACK (update_party_row), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (party, "notify::role", G_CALLBACK (party_changed_cb), row, G_CONNECT_SWAPPED);
  update_party_row (row);

  return GTK_WIDGET (row);
}

/* People came or went: every "Consent given by" list. */
static void
redress_people_section_rows_changed (RedressCaseSection *section)
{
  redress_case_section_foreach_row (section, refill_consent_cb, section);
}

/* The ages follow the earliest dated fact. */
static void
earliest_changed_cb (RedressPeopleSection *self)
{
  redress_case_section_foreach_row (REDRESS_CASE_SECTION (self), update_row_cb, NULL);
}

static void
redress_people_section_bind (RedressCaseSection *section,
                             RedressCaseFile    *file)
{
  RedressPeopleSection *self = REDRESS_PEOPLE_SECTION (section);

  if (self->file != NULL)
    g_signal_handlers_disconnect_by_data (self->file, self);
  g_clear_object (&self->file);
  if (file == NULL)
    return;

  self->file = g_object_ref (file);
  g_signal_connect_object (file, "notify::earliest-fact-date", G_CALLBACK (earliest_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
redress_people_section_dispose (GObject *object)
{
  RedressPeopleSection *self = REDRESS_PEOPLE_SECTION (object);

  G_OBJECT_CLASS (redress_people_section_parent_class)->dispose (object);
  g_clear_object (&self->file);
}

static void
redress_people_section_class_init (RedressPeopleSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RedressCaseSectionClass *section_class = REDRESS_CASE_SECTION_CLASS (klass);

  object_class->dispose = redress_people_section_dispose;

  section_class->get_model = redress_people_section_get_model;
  section_class->create_row = redress_people_section_create_row;
  section_class->bind = redress_people_section_bind;
  section_class->rows_changed = redress_people_section_rows_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/redress/Redress/redress-people-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RedressPeopleSection, people_list);
  gtk_widget_class_bind_template_child (widget_class, RedressPeopleSection, add_person_button);
}

static void
redress_people_section_init (RedressPeopleSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  redress_case_section_set_list (REDRESS_CASE_SECTION (self), self->people_list, self->add_person_button,
                                 _("No one yet. Add the child and the author."));
}
