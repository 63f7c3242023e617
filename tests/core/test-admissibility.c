/* test-admissibility.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every ground both ways: a communication that passes everything, and one
 * change at a time that makes a ground fail, need an argument or be unknown.
 */

#include "config.h"

#include <string.h>

#include "procedure-fixture.h"
#include "redress-admissibility.h"
#include "redress-demo.h"
#include "redress-reference.h"
#include "redress-sqlite-private.h"

#define TODAY "2024-07-01"

static const char * const communication_grounds[] = {
  "art1.3", "art1.2", "art5", "7a", "7b", "7c", "7d", "7e", "7f", "7g", "7h", "art20", "age", NULL
};

/* The table: one row per ground and situation, each naming the article and
 * its mark (domain.md §0) that must be in the result's citation, the status,
 * and key words of the explanation (|-separated) that must be there, and
 * words that must not be (a sentence stating what the inputs do not show).
 * $C is replaced by the quoted id of the good communication (Germany,
 * victim born 2010-03-14, facts 2023-02-01 for CRC art 3 and 2023-05-12 for
 * CRC art 37, final decision 2024-01-10 notified 2024-01-20, submitted
 * 2024-06-01); TODAY is 2024-07-01. */
#define STATE(x)   "UPDATE case_file SET state_code = '" x "' WHERE id = $C;"
#define SUBMIT(x)  "UPDATE procedural_event SET occurred_on = '" x "' WHERE case_id = $C;"
#define UNSUBMIT   "DELETE FROM procedural_event WHERE case_id = $C;"
#define FACTS(x)   "UPDATE fact SET occurred_on = " x " WHERE case_id = $C;"
#define NTH_FACT(n) "(SELECT f.id FROM fact f WHERE f.case_id = $C ORDER BY f.rowid LIMIT 1 OFFSET " n ")"
#define F1(x)      "UPDATE fact SET occurred_on = " x " WHERE id = " NTH_FACT ("0") ";"
#define F2(x)      "UPDATE fact SET occurred_on = " x " WHERE id = " NTH_FACT ("1") ";"
#define NTH_VIOL(n) "(SELECT v.id FROM violation v WHERE v.case_id = $C ORDER BY v.rowid LIMIT 1 OFFSET " n ")"
#define V1(t, a)   "UPDATE violation SET treaty = '" t "', article = '" a "' WHERE id = " NTH_VIOL ("0") ";"
#define V2(t, a)   "UPDATE violation SET treaty = '" t "', article = '" a "' WHERE id = " NTH_VIOL ("1") ";"
#define ALL_V(t, a) "UPDATE violation SET treaty = '" t "', article = '" a "' WHERE case_id = $C;"
#define UNLINK_V2  "DELETE FROM violation_fact WHERE violation_id = " NTH_VIOL ("1") ";"
#define UNLINK_ALL "DELETE FROM violation_fact WHERE violation_id IN (SELECT id FROM violation WHERE case_id = $C);"
#define CONT_FACTS "UPDATE fact SET continuing = 1 WHERE case_id = $C;"
#define CONT_VIOL  "UPDATE violation SET continuing = 1 WHERE case_id = $C;"
#define UNTIL(x)   "UPDATE fact SET occurred_until = '" x "' WHERE case_id = $C;"
#define BIRTH(x)   "UPDATE person SET birth_date = " x " WHERE id IN " \
                   "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim');"
#define REMEDY(d, n) "UPDATE domestic_remedy SET decided_on = " d ", notified_on = " n " WHERE case_id = $C;"
#define BACKGROUND(x) "INSERT INTO fact (id, case_id, occurred_on, description, created_at, updated_at) " \
                      "VALUES ('bg', $C, '" x "', 'background', 'x', 'x');"
#define EVIDENCE   "INSERT INTO evidence_item (id, case_id, sha256, title, created_at, updated_at) VALUES " \
                   "('ev1', $C, '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'Order', 'x', 'x');"
#define EVIDENCE_ON_V(n) "INSERT INTO evidence_link (id, evidence_id, target_kind, target_id, created_at) " \
                         "VALUES ('l" n "', 'ev1', 'violation', " NTH_VIOL (n) ", 'x');"
#define EVIDENCE_ON_F(n) "INSERT INTO evidence_link (id, evidence_id, target_kind, target_id, created_at) " \
                         "VALUES ('k" n "', 'ev1', 'fact', " NTH_FACT (n) ", 'x');"
#define OTHER(body, same) "INSERT INTO other_procedure (id, case_id, body, same_matter, created_at, updated_at) " \
                          "VALUES ('op-" #same "', $C, '" body "', " #same ", 'x', 'x');"
#define VICTIM_CONSENT(x) "UPDATE case_party SET consent_given = " x " WHERE case_id = $C AND role = 'victim';"
#define DISCLOSE(x) "UPDATE case_party SET consent_disclose_identity = " x " WHERE case_id = $C AND role = 'victim';"

/* An imported States file: the bundled one with one cell changed. */
#define MH_OPSC_EXACT "MH,Marshall Islands,1993,2019,,\001MH,Marshall Islands,1993,2019-06-15,,"

#define A13  "OP3 art 1(3) [V]"
#define A12  "OP3 art 1(2) [V]"
#define A5   "OP3 art 5(1)-(2) [V]"
#define A7A  "OP3 art 7(a) [V]"
#define A7B  "OP3 art 7(b) [V]"
#define A7C  "OP3 art 7(c) [V]"
#define A7D  "OP3 art 7(d) [V]"
#define A7E  "OP3 art 7(e) [V]"
#define A7F  "OP3 art 7(f) [V]"
#define A7G  "OP3 art 7(g) [V]"
#define A7H  "OP3 art 7(h) [V]"
#define A20  "OP3 art 20 [V]"
#define AGE  "CRC art 1 [V]"
#define OPSC "OPSC art 14(2) [V]"

#define P REDRESS_GROUND_PASS
#define F REDRESS_GROUND_FAIL
#define N REDRESS_GROUND_NEEDS_ARGUMENT
#define U REDRESS_GROUND_UNKNOWN

typedef struct
{
  const char          *ground;
  const char          *article;
  const char          *sql;
  RedressGroundStatus  expected;
  const char          *words;
  const char          *absent;
  const char          *csv_edit;   /* "old\001new" in the bundled states.csv, imported first */
} Row;

static const Row rows[] = {
  /* Art 1(3) [V], art 19 [V]: party to OP3, in force on the date judged; each
   * row's own "as of" date; §4.2's possibly stale statuses are unknown. */
  { "art1.3", A13, "", P, "Germany|2014-04-14|2024-09-25", "at the latest" },
  { "art1.3", A13, STATE ("US"), F, "United States|not a party|2022-05-29", "2024-09-25" },
  { "art1.3", A13, STATE ("RU"), F, "not a party|2022-05-29", NULL },
  { "art1.3", A13, STATE ("GH"), F, "signatory|2024-09-25", NULL },
  { "art1.3", A13, STATE ("AT"), F, "signatory|2024-09-25", NULL },
  { "art1.3", A13, STATE ("MA"), U, "Morocco|2022-05-29|§4.2|UN Treaty Collection", "2024-09-25" },
  { "art1.3", A13, STATE ("MK"), U, "North Macedonia|2022-05-29|§4.2", NULL },
  { "art1.3", A13, STATE ("PL"), U, "Poland|2022-05-29|§4.2", NULL },
  { "art1.3", A13, STATE ("RO"), U, "Romania|2022-05-29|§4.2", NULL },
  { "art1.3", A13, STATE ("SN"), U, "Senegal|2022-05-29|§4.2", NULL },
  { "art1.3", A13, STATE ("RS"), U, "Serbia|2022-05-29|§4.2", NULL },
  { "art1.3", A13, STATE ("KZ") SUBMIT ("2024-03-01"), F, "only on 2024-05-07|2024-03-01", NULL },
  { "art1.3", A13, STATE ("KZ") SUBMIT ("2024-05-06"), F, "2024-05-07", NULL },
  { "art1.3", A13, STATE ("KZ") SUBMIT ("2024-05-07"), P, "since 2024-05-07", NULL },
  { "art1.3", A13, STATE ("KZ") SUBMIT ("2024-05-08"), P, "since 2024-05-07", NULL },
  { "art1.3", A13, STATE ("KZ") UNSUBMIT, P, "since 2024-05-07", NULL },
  { "art1.3", A13, STATE ("MN") SUBMIT ("2015-06-01"), U, "at the earliest on 2015-04-01|at the latest on 2016-03-31", NULL },
  { "art1.3", A13, STATE ("MN") SUBMIT ("2015-03-31"), F, "at the earliest on 2015-04-01", "only on" },
  { "art1.3", A13, STATE ("MN") SUBMIT ("2016-03-31"), P, "at the latest on 2016-03-31", NULL },
  { "art1.3", A13, STATE ("MN"), P, "at the latest on 2016-03-31", "in force for it since" },
  { "art1.3", A13, STATE ("PS"), P, "State of Palestine|at the latest", NULL },
  { "art1.3", A13, STATE ("PS") SUBMIT ("2019-06-01"), U, "at the earliest on 2019-04-01", NULL },
  { "art1.3", A13, STATE ("IE"), P, "2014-12-24", NULL },
  { "art1.3", A13, STATE ("FR"), P, "2016-04-07", NULL },
  { "art1.3", A13, STATE ("CH"), P, "2017-07-24", NULL },
  { "art1.3", A13, STATE ("CH") SUBMIT ("2017-07-23"), F, "2017-07-24", NULL },
  { "art1.3", A13, STATE ("ES"), P, "2014-04-14", NULL },
  { "art1.3", A13, STATE ("AR") SUBMIT ("2015-07-13"), F, "only on 2015-07-14", NULL },
  { "art1.3", A13, STATE ("AR") SUBMIT ("2015-07-14"), P, "since 2015-07-14", NULL },
  { "art1.3", A13, STATE ("BE") SUBMIT ("2014-08-29"), F, "only on 2014-08-30", NULL },
  { "art1.3", A13, STATE ("BE") SUBMIT ("2014-08-30"), P, "since 2014-08-30", NULL },
  { "art1.3", A13, STATE ("BR") SUBMIT ("2017-12-28"), F, "only on 2017-12-29", NULL },
  { "art1.3", A13, STATE ("BR") SUBMIT ("2017-12-29"), P, "since 2017-12-29", NULL },
  { "art1.3", A13, STATE ("LT") SUBMIT ("2023-01-02"), F, "only on 2023-01-03|2022-10-03", NULL },
  { "art1.3", A13, STATE ("LT") SUBMIT ("2023-01-03"), P, "since 2023-01-03", NULL },
  { "art1.3", A13, STATE ("UY") SUBMIT ("2015-06-01"), U, "at the earliest on 2015-04-01", NULL },
  { "art1.3", A13, STATE ("SC") SUBMIT ("2022-03-31"), P, "at the latest on 2022-03-31", NULL },
  { "art1.3", A13, STATE (""), U, "No State party", NULL },
  { "art1.3", A13, STATE ("XX"), U, "not a State in the ratification data", NULL },

  /* Art 1(2) [V]; D17 (OPSC art 14(2) [V], OPAC art 10(2) [V]). */
  { "art1.2", A12, "", P, "Germany|2024-09-25", NULL },
  { "art1.2", A12, V1 ("OPSC", "2"), P, "in force for it at the facts", NULL },
  { "art1.2", A12, STATE ("IE") V1 ("OPSC", "2"), F, "signatory|OPSC", NULL },
  { "art1.2", A12, STATE ("PS") V1 ("OPAC", "4"), U, "of unknown status|OPAC", NULL },
  { "art1.2", A12, STATE ("PS") V1 ("OPSC", "3"), U, "of unknown status", NULL },
  { "art1.2", A12, STATE ("MH") V1 ("OPAC", "4"), F, "not a party|OPAC|2022-05-29", NULL },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-06-01'"), U, "OPSC|2019-02-01|latest", "all its facts" },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2020-03-01'"), P, "in force for it at the facts", NULL },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-01-15'"), F, "before 2019-02-01|earliest date", NULL },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-01-15'") CONT_VIOL, N, "continue", NULL },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("NULL"), U, "undated", "all its facts" },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") UNLINK_ALL, U, "no fact is linked", NULL },
  { "art1.2", OPSC, STATE ("WS") ALL_V ("OPSC", "3") FACTS ("'2016-06-01'"), U, "2016-02-01", "all its facts" },
  { "art1.2", OPSC, STATE ("WS") ALL_V ("OPSC", "3") FACTS ("'2018-01-01'"), P, "at the facts", NULL },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-07-14'"), F, "before 2019-07-15, when the OPSC",
    "earliest", MH_OPSC_EXACT },
  { "art1.2", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-07-15'"), P, "at the facts", NULL, MH_OPSC_EXACT },
  { "art1.2", A12, V1 ("OP3", "6"), P, "Germany", NULL },
  { "art1.2", A12, "DELETE FROM violation WHERE case_id = $C;", U, "No alleged violation", NULL },
  { "art1.2", A12, STATE (""), U, "State party is not known", NULL },

  /* Art 5(1)-(2) [V]. */
  { "art5", A5, "", P, "identified", NULL },
  { "art5", A5, "DELETE FROM case_party WHERE case_id = $C AND role = 'victim';", F, "No alleged victim", NULL },
  { "art5", A5, "DELETE FROM case_party WHERE case_id = $C AND role = 'author';", F, "No author", NULL },
  { "art5", A5, VICTIM_CONSENT ("0"), F, "did not consent and no justification", NULL },
  { "art5", A5, VICTIM_CONSENT ("0") "UPDATE case_party SET no_consent_justification = 'The child is three.' "
                "WHERE case_id = $C AND role = 'victim';", N, "art 5(2)", NULL },
  { "art5", A5, VICTIM_CONSENT ("NULL"), U, "consent is not recorded", NULL },
  { "art5", A5, VICTIM_CONSENT ("NULL")
    "UPDATE case_party SET person_id = (SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim') "
    "WHERE case_id = $C AND role = 'author';", P, "identified", NULL },

  /* Art 7(a) [V]: not anonymous. */
  { "7a", A7A, "", P, "named", NULL },
  { "7a", A7A, "UPDATE person SET given_name = '', family_name = '' WHERE id IN "
               "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'victim');", F, "victim has no name", NULL },
  { "7a", A7A, "UPDATE person SET given_name = '', family_name = '' WHERE id IN "
               "(SELECT person_id FROM case_party WHERE case_id = $C AND role = 'author');", F, "author has no name", NULL },
  { "7a", A7A, DISCLOSE ("0"), F, "does not agree", NULL },
  { "7a", A7A, DISCLOSE ("NULL"), U, "not recorded", NULL },

  /* Art 7(b) [V]: in writing. */
  { "7b", A7B, "", P, "written", NULL },
  { "7b", A7B, "UPDATE case_file SET in_writing = 0 WHERE id = $C;", F, "not in writing", NULL },
  { "7b", A7B, "UPDATE case_file SET in_writing = NULL WHERE id = $C;", U, "not recorded", NULL },

  /* Art 7(c) [V]: compatible with the Convention and its Protocols. */
  { "7c", A7C, "", P, "sets out a right", NULL },
  { "7c", A7C, V2 ("CRC", "99"), F, "CRC art 99", NULL },
  { "7c", A7C, V2 ("OPSC", "15"), F, "final or reporting clause", NULL },
  { "7c", A7C, ALL_V ("CRC", "4"), N, "without any substantive right", NULL },
  { "7c", A7C, V2 ("CRC", "37(a)"), P, "sets out a right", NULL },
  { "7c", A7C, "DELETE FROM violation WHERE case_id = $C;", U, "No alleged violation", NULL },

  /* Art 7(d) [V]: the same matter elsewhere. */
  { "7d", A7D, "", P, "No other international procedure", NULL },
  { "7d", A7D, OTHER ("European Court of Human Rights", 1), F, "European Court of Human Rights", NULL },
  { "7d", A7D, OTHER ("Human Rights Committee", NULL), U, "not assessed", NULL },
  { "7d", A7D, OTHER ("Human Rights Committee", 0), P, "other matters", NULL },
  { "7d", A7D, OTHER ("Human Rights Committee", 0) OTHER ("ACERWC", 1), F, "ACERWC", NULL },

  /* Art 7(e) [V]: exhaustion is about the remedy being final; a missing
   * date is art 7(h)'s business, not a false "no final decision". */
  { "7e", A7E, "", P, "Federal Constitutional Court|2024-01-10", NULL },
  { "7e", A7E, "DELETE FROM domestic_remedy WHERE case_id = $C;", F, "No domestic remedy is recorded", NULL },
  { "7e", A7E, "UPDATE domestic_remedy SET is_final = 0 WHERE case_id = $C;", F, "marked as final", NULL },
  { "7e", A7E, "DELETE FROM domestic_remedy WHERE case_id = $C; UPDATE case_file SET remedies_excuse = "
               "'No remedy has suspensive effect.' WHERE id = $C;", N, "unreasonably prolonged", NULL },
  { "7e", A7E, "UPDATE domestic_remedy SET is_final = 0, not_pursued_reason = 'ineffective' WHERE case_id = $C;",
    N, "excuse", NULL },
  { "7e", A7E, REMEDY ("NULL", "NULL"), P, "its date is not recorded", "No domestic remedy|None of" },
  { "7e", A7E, REMEDY ("NULL", "'2024-01-20'"), P, "2024-01-20", NULL },
  { "7e", A7E, SUBMIT ("2023-12-01"), N, "before the final decision|2024-01-10", NULL },
  { "7e", A7E, UNSUBMIT, P, "2024-01-10", NULL },
  { "7e", A7E, "INSERT INTO domestic_remedy (id, case_id, forum, decided_on, is_final, created_at, updated_at) "
               "VALUES ('r0', $C, 'Regional court', '2023-06-01', 0, 'x', 'x');", P, "Federal Constitutional Court", NULL },

  /* Art 7(f) [V]: the Committee's judgment; never a computed pass. */
  { "7f", A7F, "", N, "for the Committee to judge|no evidence is linked to|CRC art 3|CRC art 37", NULL },
  { "7f", A7F, EVIDENCE EVIDENCE_ON_V ("0") EVIDENCE_ON_V ("1"), N, "for the Committee to judge", "Warning" },
  { "7f", A7F, EVIDENCE EVIDENCE_ON_V ("0"), N, "no evidence is linked to CRC art 37", "CRC art 3," },
  { "7f", A7F, EVIDENCE EVIDENCE_ON_F ("0") EVIDENCE_ON_F ("1"), N, "for the Committee to judge", "Warning" },
  { "7f", A7F, UNLINK_V2, F, "Neither facts nor evidence|CRC art 37", NULL },
  { "7f", A7F, UNLINK_V2 EVIDENCE EVIDENCE_ON_V ("1"), N, "no fact is linked to CRC art 37", NULL },
  { "7f", A7F, UNLINK_ALL, F, "Neither facts nor evidence|CRC art 3|CRC art 37", NULL },
  { "7f", A7F, "DELETE FROM violation WHERE case_id = $C;", U, "No alleged violation", NULL },

  /* Art 7(g) [V], art 20 [V]: facts against OP3's entry into force.  One
   * fact surely before never outweighs one undated or possibly after. */
  { "7g", A7G, "", P, "2014-04-14|Germany", NULL },
  { "7g", A7G, FACTS ("'2014-04-13'"), F, "before 2014-04-14, when OP3 entered into force", NULL },
  { "7g", A7G, FACTS ("'2014-04-14'"), P, "on or after 2014-04-14", NULL },
  { "7g", A7G, FACTS ("'2014-04-15'"), P, "2014-04-14", NULL },
  { "7g", A7G, FACTS ("'2013-01-01'"), F, "All the facts", NULL },
  { "7g", A7G, STATE ("IE") FACTS ("'2014-12-23'"), F, "2014-12-24", NULL },
  { "7g", A7G, STATE ("IE") FACTS ("'2014-12-24'"), P, "2014-12-24", NULL },
  { "7g", A7G, STATE ("IE") FACTS ("'2014-06-01'"), F, "none is marked as continuing", NULL },
  { "7g", A7G, STATE ("IE") FACTS ("'2014-06-01'") CONT_FACTS, N, "argue that they continued", NULL },
  { "7g", A7G, STATE ("IE") FACTS ("'2014-06-01'") UNTIL ("2015-03-01"), N, "continued", NULL },
  { "7g", A7G, STATE ("IE") FACTS ("'2014-06-01'") UNTIL ("2014-12-01"), F, "All the facts", NULL },
  { "7g", A7G, STATE ("IE") FACTS ("'2014-06-01'") CONT_VIOL, N, "continued", NULL },
  { "7g", A7G, STATE ("IE") F1 ("'2014-06-01'") F2 ("'2015-06-01'"), N, "Some facts", "All the facts" },
  { "7g", A7G, STATE ("IE") F1 ("'2014-06-01'") F2 ("NULL"), U, "1 fact has no date", "All the facts|Every fact" },
  { "7g", A7G, FACTS ("NULL"), U, "2 facts have no date", "All the facts|Every fact" },
  { "7g", A7G, F1 ("'2020-01-01'") F2 ("NULL"), U, "1 fact has no date", "Every fact" },
  { "7g", A7G, STATE ("MN") FACTS ("'2015-03-31'"), F, "before 2015-04-01, the earliest date|day not known",
    "when OP3 entered into force" },
  { "7g", A7G, STATE ("MN") FACTS ("'2015-04-01'"), U, "may have occurred before or after|at the earliest on "
    "2015-04-01 and at the latest on 2016-03-31", "All the facts" },
  { "7g", A7G, STATE ("MN") FACTS ("'2016-03-30'"), U, "may have occurred", NULL },
  { "7g", A7G, STATE ("MN") FACTS ("'2016-03-31'"), P, "2016-03-31, the latest date", "when OP3 entered into force" },
  { "7g", A7G, STATE ("MN") FACTS ("'2016-04-01'"), P, "latest date", NULL },
  { "7g", A7G, STATE ("MN") F1 ("'2014-01-01'") F2 ("'2015-06-01'"), U, "1 fact may have occurred", "All the facts" },
  { "7g", A7G, STATE ("MN") F1 ("'2014-01-01'") F2 ("'2017-01-01'"), N, "before 2015-04-01, the earliest date",
    "when OP3 entered into force for" },
  { "7g", A7G, STATE ("MN") F1 ("'2014-01-01'") F2 ("NULL"), U, "no date", "All the facts" },
  { "7g", A7G, STATE ("UY") FACTS ("'2015-01-01'"), F, "earliest date", NULL },
  { "7g", A7G, STATE ("PE") FACTS ("'2016-07-01'"), U, "at the earliest on 2016-04-01", NULL },
  { "7g", A7G, STATE ("PS") FACTS ("'2019-06-01'"), U, "at the latest on 2020-03-31", NULL },
  { "7g", A7G, STATE ("PS") FACTS ("'2021-01-01'"), P, "2020-03-31", NULL },
  { "7g", A7G, FACTS ("'2014'"), U, "may have occurred before or after", "All the facts|Every fact" },
  { "7g", A7G, FACTS ("'2013'"), F, "All the facts", NULL },
  { "7g", A7G, FACTS ("'2015'"), P, "on or after", NULL },
  { "7g", A7G, FACTS ("'2014-04'"), U, "may have occurred", NULL },
  { "7g", A7G, FACTS ("'2014-03'"), F, "All the facts", NULL },
  { "7g", A7G, FACTS ("'2014-05'"), P, "on or after", NULL },
  { "7g", A7G, BACKGROUND ("2012-01-01"), N, "Some facts|background", NULL },
  { "7g", A7G, "DELETE FROM fact WHERE case_id = $C;", U, "No facts are recorded", NULL },
  { "7g", A7G, STATE (""), U, "not known", NULL },
  { "7g", A7G, STATE ("US"), U, "not known", NULL },

  /* Art 7(h) [V]: one year, from the earlier of decision and notification [U]. */
  { "7h", A7H, "", P, "Submitted on 2024-06-01|final decision 2024-01-10, notified 2024-01-20", NULL },
  { "7h", A7H, SUBMIT ("2025-01-09"), P, "by 2025-01-10", NULL },
  { "7h", A7H, SUBMIT ("2023-12-01"), P, "before the final decision 2024-01-10|had not begun", "within one year" },
  { "7h", A7H, SUBMIT ("2025-01-10"), P, "by 2025-01-10", NULL },
  { "7h", A7H, SUBMIT ("2025-01-11"), N, "only if the year runs from the notification|2025-01-20", NULL },
  { "7h", A7H, SUBMIT ("2025-01-20"), N, "until 2025-01-20", NULL },
  { "7h", A7H, SUBMIT ("2025-01-21"), F, "more than one year|2025-01-10", NULL },
  { "7h", A7H, SUBMIT ("2025-02-10"), F, "no reason why", NULL },
  { "7h", A7H, SUBMIT ("2025-06-01") "UPDATE case_file SET time_limit_excuse = 'Detained without counsel.' "
               "WHERE id = $C;", N, "excuse recorded", NULL },
  { "7h", A7H, UNSUBMIT, P, "Not submitted yet|2025-01-10", NULL },
  { "7h", A7H, UNSUBMIT REMEDY ("'2023-06-01'", "'2023-06-05'"), F, "Today, 2024-07-01", NULL },
  { "7h", A7H, UNSUBMIT REMEDY ("'2023-06-30'", "'2023-07-10'"), N, "only if the year runs from the notification", NULL },
  { "7h", A7H, REMEDY ("NULL", "'2024-01-20'") SUBMIT ("2025-01-20"), P, "(date not recorded)|notified 2024-01-20", NULL },
  { "7h", A7H, REMEDY ("NULL", "'2024-01-20'") SUBMIT ("2025-01-21"), F, "(date not recorded)", NULL },
  { "7h", A7H, REMEDY ("'2024-01-10'", "NULL") SUBMIT ("2025-01-10"), P, "notified (date not recorded)", NULL },
  { "7h", A7H, REMEDY ("'2024-01-10'", "NULL") SUBMIT ("2025-01-11"), F, "2025-01-10", NULL },
  { "7h", A7H, REMEDY ("NULL", "NULL"), U, "without its date|record both dates", "Submitted on" },
  { "7h", A7H, "DELETE FROM domestic_remedy WHERE case_id = $C;", U, "No final domestic decision", NULL },
  { "7h", A7H, "DELETE FROM domestic_remedy WHERE case_id = $C; UPDATE case_file SET remedies_excuse = 'None.' "
               "WHERE id = $C;", N, "reasonable time", NULL },
  { "7h", A7H, REMEDY ("'2024-02-29'", "'2024-02-29'") SUBMIT ("2025-02-28"), P, "by 2025-02-28", NULL },
  { "7h", A7H, REMEDY ("'2024-02-29'", "'2024-02-29'") SUBMIT ("2025-03-01"), F, "2025-02-28", NULL },
  { "7h", A7H, "INSERT INTO domestic_remedy (id, case_id, forum, decided_on, notified_on, is_final, created_at, "
               "updated_at) VALUES ('r2', $C, 'Supreme Court', '2024-03-01', '2024-03-05', 1, 'x', 'x');"
               SUBMIT ("2025-02-15"), P, "final decision 2024-03-01", NULL },
  { "7h", A7H, "INSERT INTO domestic_remedy (id, case_id, forum, is_final, created_at, updated_at) "
               "VALUES ('r2', $C, 'Supreme Court', 1, 'x', 'x');", U, "without its date", "Submitted on" },
  { "7h", A7H, REMEDY ("'2024-01-20'", "'2024-01-10'") SUBMIT ("2025-01-11"), N, "notification", NULL },
  { "7h", A7H, "UPDATE domestic_remedy SET is_final = 0 WHERE case_id = $C;", U, "No final domestic decision", NULL },
  { "7h", A7H, REMEDY ("'2023-12-31'", "'2024-01-02'") SUBMIT ("2024-12-31"), P, "by 2024-12-31", NULL },
  { "7h", A7H, REMEDY ("'2023-12-31'", "'2024-01-02'") SUBMIT ("2025-01-01"), N, "until 2025-01-02", NULL },
  { "7h", A7H, REMEDY ("'2023-12-31'", "'2024-01-02'") SUBMIT ("2025-01-03"), F, "the limit was 2024-12-31", NULL },

  /* Art 20 [V]: per alleged violation; for OPSC/OPAC rights, after that
   * Protocol bound the State too (D17). */
  { "art20", A20, "", P, "Every alleged violation|2014-04-14", NULL },
  { "art20", A20, STATE ("IE") FACTS ("'2014-06-01'"), F, "rests only on facts before 2014-12-24", NULL },
  { "art20", A20, STATE ("IE") FACTS ("'2014-06-01'") CONT_VIOL, N, "argued to continue", NULL },
  { "art20", A20, STATE ("IE") FACTS ("'2014-06-01'") CONT_FACTS, N, "argued to continue", NULL },
  { "art20", A20, STATE ("IE") F1 ("'2014-06-01'") F2 ("'2015-06-01'"), F, "CRC art 3 rests only", "CRC art 37 rests" },
  { "art20", A20, STATE ("IE") F1 ("'2014-06-01'") F2 ("NULL"), F, "CRC art 37: some of its facts have no date", NULL },
  { "art20", A20, STATE ("IE") FACTS ("NULL"), U, "have no date", "rests only" },
  { "art20", A20, UNLINK_ALL, U, "no fact is linked", NULL },
  { "art20", A20, STATE ("MN") FACTS ("'2015-06-01'"), U, "between 2015-04-01 and 2016-03-31", "rests only" },
  { "art20", A20, STATE ("MN") FACTS ("'2014-06-01'"), F, "earliest date of entry into force", NULL },
  { "art20", A20, STATE ("MN") FACTS ("'2016-04-01'"), P, "at the earliest on 2015-04-01 and at the latest on 2016-03-31", NULL },
  { "art20", A20, "INSERT INTO violation_fact (violation_id, fact_id) VALUES (" NTH_VIOL ("0") ", " NTH_FACT ("1") ");"
                  STATE ("IE") F1 ("'2014-06-01'"), P, "Every alleged violation", NULL },
  { "art20", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-06-01'"), U, "between 2019-04-29 and 2020-01-31", NULL },
  { "art20", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2020-03-01'"), P, "Protocol it invokes", NULL },
  { "art20", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-03-01'"), F, "rests only on facts before", NULL },
  { "art20", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-07-14'"), F, "before 2019-07-15", NULL, MH_OPSC_EXACT },
  { "art20", OPSC, STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-07-15'"), P, "Every alleged violation", NULL, MH_OPSC_EXACT },
  { "art20", OPSC, V1 ("OPSC", "2"), P, "Protocol it invokes", NULL },
  { "art20", A20, STATE ("MH") ALL_V ("CRC", "3") FACTS ("'2019-06-01'"), P, "2019-04-29", NULL },
  { "art20", A20, "DELETE FROM violation WHERE case_id = $C;", U, "No alleged violation", NULL },

  /* CRC art 1 [V]: a child at the facts of each alleged violation. */
  { "age", AGE, "", P, "under 18|2023-02-01", NULL },
  { "age", AGE, BIRTH ("'1990-01-01'"), F, "already 33", NULL },
  { "age", AGE, BIRTH ("'2004-01-01'") FACTS ("'2023-03-01'") BACKGROUND ("2015-01-01"), F, "already 19", "2015-01-01" },
  { "age", AGE, BIRTH ("'2004-01-01'") FACTS ("'2021-03-01'") BACKGROUND ("2023-01-01"), P, "under 18", NULL },
  { "age", AGE, BIRTH ("'2005-03-01'") F1 ("'2023-02-01'") F2 ("'2023-05-12'"), F, "CRC art 37", "CRC art 3 (" },
  { "age", AGE, BIRTH ("'2005-02-01'") FACTS ("'2023-02-01'"), F, "already 18", NULL },
  { "age", AGE, BIRTH ("'2005-02-02'") FACTS ("'2023-02-01'"), P, "under 18", NULL },
  { "age", AGE, BIRTH ("'2005'") FACTS ("'2023-02-01'"), U, "between 17 and 18", NULL },
  { "age", AGE, BIRTH ("'2009'"), P, "under 18", NULL },
  { "age", AGE, BIRTH ("NULL"), U, "no date of birth", NULL },
  { "age", AGE, UNLINK_ALL, U, "No dated fact is linked", NULL },
  { "age", AGE, FACTS ("NULL"), U, "No dated fact", NULL },
  { "age", AGE, BIRTH ("'2005-06-01'") FACTS ("'2023'"), U, "between 17 and 18", NULL },
  { "age", AGE, "DELETE FROM case_party WHERE case_id = $C AND role = 'victim';", U, "No victim", NULL },
  { "age", AGE, "DELETE FROM violation WHERE case_id = $C;", U, "No alleged violation", NULL },
};

static GPtrArray *
evaluate (Docket     *d,
          const char *case_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = redress_admissibility_evaluate (d->db, NULL, case_id, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static void
assert_ground (GPtrArray           *results,
               const char          *ground,
               RedressGroundStatus  expected,
               const char          *citation_part)
{
  RedressGroundResult *r = redress_admissibility_find (results, ground);

  g_assert_nonnull (r);
  g_test_message ("%s: %s — %s (%s)", ground, redress_ground_status_to_string (redress_ground_result_get_status (r)),
                  redress_ground_result_get_explanation (r), redress_ground_result_get_citation (r));
  g_assert_cmpstr (redress_ground_status_to_string (redress_ground_result_get_status (r)), ==,
                   redress_ground_status_to_string (expected));
  g_assert_nonnull (strstr (redress_ground_result_get_citation (r), citation_part));
  g_assert_true (strstr (redress_ground_result_get_citation (r), "[V]") != NULL ||
                 strstr (redress_ground_result_get_citation (r), "[S]") != NULL ||
                 strstr (redress_ground_result_get_citation (r), "[U]") != NULL);
  g_assert_cmpuint (strlen (redress_ground_result_get_explanation (r)), >, 20);
  g_assert_nonnull (redress_ground_result_get_field_hint (r));
}

static void
test_good (Docket        *d,
           gconstpointer  data)
{
  g_autofree char *case_id = docket_good_communication (d, "2024/001");
  g_autoptr(GPtrArray) results = evaluate (d, case_id);

  g_assert_cmpuint (results->len, ==, g_strv_length ((GStrv) communication_grounds));
  for (guint i = 0; communication_grounds[i] != NULL; i++)
    assert_ground (results, communication_grounds[i],
                   /* Art 7(f) is the Committee's judgment: never a computed pass. */
                   g_strcmp0 (communication_grounds[i], "7f") == 0 ? REDRESS_GROUND_NEEDS_ARGUMENT
                                                                  : REDRESS_GROUND_PASS, "");

  /* Status-based grounds say which data they used. */
  g_assert_nonnull (strstr (redress_ground_result_get_explanation (redress_admissibility_find (results, "art1.3")),
                            "2024-09-25"));
  g_assert_nonnull (strstr (redress_ground_result_get_explanation (redress_admissibility_find (results, "art1.3")),
                            "2014-04-14"));
}

static void
import_edited_states (Docket     *d,
                      const char *edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) csv = NULL;
  g_auto(GStrv) parts = g_strsplit (edit, "\001", 2);

  redress_model_init ();
  bytes = g_resources_lookup_data ("/io/github/redress/Redress/model/data/states.csv", 0, &error);
  g_assert_no_error (error);
  csv = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (csv, parts[0], parts[1], 1), ==, 1);
  g_assert_true (redress_reference_import_states (d->db, csv->str, (gssize) csv->len, "edited.csv", "2024-09-25",
                                                  &error));
  g_assert_no_error (error);
}

static void
assert_words (const char *text,
              const char *words,
              gboolean    present)
{
  g_auto(GStrv) list = g_strsplit (words ? words : "", "|", -1);

  for (guint i = 0; list[i] != NULL; i++)
    {
      if (*list[i] == '\0')
        continue;
      if (present && strstr (text, list[i]) == NULL)
        g_error ("“%s” is not in: %s", list[i], text);
      if (!present && strstr (text, list[i]) != NULL)
        g_error ("“%s” must not be in: %s", list[i], text);
    }
}

static GPtrArray *
evaluate_row (Docket    *d,
              const Row *row,
              char     **out_case_id)
{
  g_autofree char *case_id = docket_good_communication (d, "2024/001");
  g_autofree char *quoted = g_strdup_printf ("'%s'", case_id);
  g_autoptr(GString) sql = g_string_new (row->sql);

  if (row->csv_edit != NULL)
    import_edited_states (d, row->csv_edit);
  g_string_replace (sql, "$C", quoted, 0);
  if (sql->len > 0)
    docket_exec (d, "%s", sql->str);
  if (out_case_id != NULL)
    *out_case_id = g_strdup (case_id);
  return evaluate (d, case_id);
}

static void
test_row (Docket        *d,
          gconstpointer  data)
{
  const Row *row = &rows[GPOINTER_TO_UINT (data)];
  g_autoptr(GPtrArray) results = evaluate_row (d, row, NULL);
  RedressGroundResult *r = redress_admissibility_find (results, row->ground);

  assert_ground (results, row->ground, row->expected, row->article);
  assert_words (redress_ground_result_get_explanation (r), row->words, TRUE);
  assert_words (redress_ground_result_get_explanation (r), row->absent, FALSE);

  /* Art 7(f) is never a computed pass, whatever else the row changes. */
  g_assert_cmpint (redress_ground_result_get_status (redress_admissibility_find (results, "7f")), !=,
                   REDRESS_GROUND_PASS);
}

/* No explanation states a fact the inputs do not establish: with undated
 * facts no sentence says "all" or "every" fact is on one side; with an entry
 * into force known only by its year, no sentence gives a day "when OP3
 * entered into force"; with an undated final decision no sentence denies it
 * or counts a year from it. */
static void
test_no_unfounded_sentence (Docket        *d,
                            gconstpointer  data)
{
  static const struct {
    const char *sql;
    const char *forbidden;
  } inputs[] = {
    { FACTS ("NULL"), "All the facts|Every fact|rests only|already|under 18 at" },
    { F1 ("'2013-01-01'") F2 ("NULL"), "All the facts|Every fact|every fact" },
    { STATE ("MN"), "when OP3 entered into force|has been in force for it since|, when the" },
    { STATE ("MN") FACTS ("'2015-06-01'"), "when OP3 entered into force|All the facts|Every fact|rests only" },
    { STATE ("MN") F1 ("'2014-01-01'") F2 ("'2015-06-01'"), "when OP3 entered into force|All the facts" },
    { STATE ("PS") FACTS ("'2019-06-01'"), "when OP3 entered into force|All the facts|Every fact" },
    { STATE ("UY") FACTS ("'2013-01-01'"), "when OP3 entered into force" },
    { FACTS ("'2014'"), "All the facts|Every fact|rests only" },
    { REMEDY ("NULL", "NULL"), "No domestic remedy|None of the domestic|Submitted on|days left|within one year" },
    { REMEDY ("NULL", "NULL") UNSUBMIT, "No domestic remedy|None of the domestic|Not submitted yet|more than one year" },
    { BIRTH ("'2005'") FACTS ("'2023-02-01'"), "already|Every victim was under 18" },
    { STATE ("MA"), "Morocco is a signatory only to OP3 (ratification data as of 2024-09-25)" },
    { STATE ("MH") ALL_V ("OPSC", "3") FACTS ("'2019-06-01'"), "all its facts|rests only|Every alleged violation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *reference = g_strdup_printf ("N/%u", i);
      g_autofree char *case_id = docket_good_communication (d, reference);
      g_autofree char *quoted = g_strdup_printf ("'%s'", case_id);
      g_autoptr(GString) sql = g_string_new (inputs[i].sql);
      g_autoptr(GPtrArray) results = NULL;

      g_string_replace (sql, "$C", quoted, 0);
      docket_exec (d, "%s", sql->str);
      results = evaluate (d, case_id);
      for (guint j = 0; j < results->len; j++)
        {
          RedressGroundResult *r = g_ptr_array_index (results, j);

          g_test_message ("%u %s: %s", i, redress_ground_result_get_ground (r), redress_ground_result_get_explanation (r));
          assert_words (redress_ground_result_get_explanation (r), inputs[i].forbidden, FALSE);
        }
    }
}

static void
test_inquiry (Docket        *d,
              gconstpointer  data)
{
  g_autofree char *be = docket_case (d, "inquiry", "INQ/BE", "BE", NULL);
  g_autofree char *de = docket_case (d, "inquiry", "INQ/DE", "DE", NULL);
  g_autofree char *us = docket_case (d, "inquiry", "INQ/US", "US", NULL);
  g_autofree char *f1 = docket_fact (d, be, "2019-01-01", NULL, FALSE);
  g_autofree char *f2 = docket_fact (d, de, "2013-01-01", NULL, FALSE);
  g_autoptr(GPtrArray) r_be = evaluate (d, be);
  g_autoptr(GPtrArray) r_de = evaluate (d, de);
  g_autoptr(GPtrArray) r_us = evaluate (d, us);

  assert_ground (r_be, "art1.3", REDRESS_GROUND_PASS, "OP3 art 1(3)");
  assert_ground (r_be, "13.7", REDRESS_GROUND_PASS, "OP3 art 13(7)");
  assert_ground (r_be, "art20", REDRESS_GROUND_PASS, "OP3 art 20");
  g_assert_null (redress_admissibility_find (r_be, "7e"));

  /* Not verified is unknown, never pass. */
  assert_ground (r_de, "13.7", REDRESS_GROUND_UNKNOWN, "OP3 art 13(7)");
  assert_ground (r_de, "art20", REDRESS_GROUND_FAIL, "OP3 art 20");

  assert_ground (r_us, "art1.3", REDRESS_GROUND_FAIL, "OP3 art 1(3)");
}

static void
test_inquiry_opt_out_imported (Docket        *d,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *de = docket_case (d, "inquiry", "INQ/DE", "DE", NULL);
  g_autoptr(GPtrArray) results = NULL;

  redress_model_init ();
  bytes = g_resources_lookup_data ("/io/github/redress/Redress/model/data/states.csv", 0, &error);
  g_assert_no_error (error);
  csv = g_string_new_len (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (csv, "DE,Germany,1992,2009,2004,2013-02-28,,", "DE,Germany,1992,2009,2004,2013-02-28,yes,", 1), ==, 1);
  g_assert_true (redress_reference_import_states (d->db, csv->str, (gssize) csv->len, "states-2026.csv",
                                                  "2026-10-01", &error));
  g_assert_no_error (error);

  results = evaluate (d, de);
  assert_ground (results, "13.7", REDRESS_GROUND_FAIL, "OP3 art 13(7)");
  g_assert_nonnull (strstr (redress_ground_result_get_explanation (redress_admissibility_find (results, "13.7")),
                            "2026-10-01"));
}

static void
test_bad_today (Docket        *d,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_good_communication (d, "2024/001");
  g_autoptr(GPtrArray) results = redress_admissibility_evaluate (d->db, NULL, case_id, "01/07/2024", &error);

  g_assert_null (results);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  results = redress_admissibility_evaluate (d->db, NULL, "no-such-case", TODAY, &error);
  g_assert_null (results);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_NOT_FOUND);
}

/* The demo docket looks like a real one: art 7(f) is never a pass, and
 * "needs an argument" and "unknown" appear where a real docket has them, each
 * for a reason the record shows. */
static void
test_demo_docket (Docket        *d,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(RedressReference) ref = NULL;
  g_autoptr(GHashTable) unknown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) argued = g_hash_table_new (g_str_hash, g_str_equal);
  guint communications = 0, inquiries = 0;
  static const char * const may_be_unknown[] = { "13.7", "art5", "7a", "7b", "7d", "7g", "art20", NULL };

  g_assert_true (redress_demo_generate (d->db, 7, 60, NULL, NULL, &error));
  g_assert_no_error (error);
  ref = redress_reference_load (d->db, &error);
  g_assert_no_error (error);

  stmt = _redress_database_prepare (d->db, "SELECT id, kind, reference, state_code FROM case_file", &error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr(GPtrArray) results = redress_admissibility_evaluate (d->db, ref,
                                                                     (const char *) sqlite3_column_text (stmt, 0),
                                                                     TODAY, &error);

      g_assert_no_error (error);
      communications += g_strcmp0 (kind, "communication") == 0;
      inquiries += g_strcmp0 (kind, "inquiry") == 0;
      for (guint i = 0; i < results->len; i++)
        {
          RedressGroundResult *r = g_ptr_array_index (results, i);
          const char *ground = redress_ground_result_get_ground (r);

          g_assert_cmpint (redress_ground_result_get_status (r), !=, REDRESS_GROUND_FAIL);
          if (g_strcmp0 (ground, "7f") == 0)
            g_assert_cmpint (redress_ground_result_get_status (r), !=, REDRESS_GROUND_PASS);
          if (redress_ground_result_get_status (r) == REDRESS_GROUND_NEEDS_ARGUMENT)
            g_hash_table_add (argued, (char *) g_intern_string (ground));
          if (redress_ground_result_get_status (r) != REDRESS_GROUND_UNKNOWN)
            continue;
          g_test_message ("%s %s: %s", sqlite3_column_text (stmt, 2), ground, redress_ground_result_get_explanation (r));
          g_assert_true (g_strv_contains (may_be_unknown, ground));
          g_hash_table_add (unknown, (char *) g_intern_string (ground));
        }
    }
  g_assert_cmpuint (communications, >, 20);
  g_assert_cmpuint (inquiries, >, 0);
  /* The gaps a real docket has. */
  g_assert_true (g_hash_table_contains (argued, "7f"));
  g_assert_true (g_hash_table_contains (argued, "7g"));
  g_assert_true (g_hash_table_contains (unknown, "7g"));
  g_assert_true (g_hash_table_contains (unknown, "art5") || g_hash_table_contains (unknown, "7b"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/admissibility/good-communication-passes", Docket, NULL, docket_setup, test_good, docket_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/admissibility/table/%s/%03u", rows[i].ground, i);

      g_test_add (path, Docket, GUINT_TO_POINTER (i), docket_setup, test_row, docket_teardown);
    }
  g_test_add ("/admissibility/no-unfounded-sentence", Docket, NULL, docket_setup, test_no_unfounded_sentence,
              docket_teardown);
  g_test_add ("/admissibility/inquiry", Docket, NULL, docket_setup, test_inquiry, docket_teardown);
  g_test_add ("/admissibility/inquiry-opt-out-imported", Docket, NULL, docket_setup,
              test_inquiry_opt_out_imported, docket_teardown);
  g_test_add ("/admissibility/demo-docket", Docket, NULL, docket_setup, test_demo_docket, docket_teardown);
  g_test_add ("/admissibility/bad-input", Docket, NULL, docket_setup, test_bad_today, docket_teardown);

  return g_test_run ();
}
