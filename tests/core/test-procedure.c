/* test-procedure.c
 *
 * Copyright 2026 The Redress developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deadlines computed from a recorded history: triggers, letter dates,
 * extensions, corrections, fulfilment and supersession, D01 from the
 * domestic remedies, the queries and the rule pack version.
 */

#include "config.h"

#include <string.h>

#include "procedure-fixture.h"
#include "redress-deadline-rules.h"
#include "redress-domestic-remedy.h"
#include "redress-procedure.h"
#include "redress-sqlite-private.h"

/* Up to SUBMITTED. */
#define FILED "eligibility_checked_ok@2023-06-01 draft_approved@2023-06-02 sent_to_ohchr@2023-06-03 "
#define TRANSMITTED FILED "registered_and_transmitted@2024-01-31 "
#define TO_VIEWS TRANSMITTED "state_observations_received@2024-06-01 author_comments_sent@2024-07-01 " \
                 "exchange_closed@2024-08-01 views_violation@2024-11-15 "
#define INQUIRY "information_sent@2023-05-01 reliability_assessed@2023-06-01 "

/* Events: "event@date", then optionally "#letter-due"; "ext:RULE@date#new-due"
 * records an extension; "fix:N@date" corrects the date of the N-th event. */
static const struct {
  const char *kind;
  const char *events;
  const char *rule;
  const char *computed;
  const char *letter;
  const char *extended;
  const char *status;
  const char *article;   /* the rule's legal source and mark, as its citation gives them */
} scenarios[] = {
  /* D02 art 8(2), six months; D03 rule 18, two months; month ends. */
  { "c", TRANSMITTED, "D02", "2024-07-31", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", TRANSMITTED, "D03", "2024-03-31", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", FILED "registered_and_transmitted@2024-08-31", "D02", "2025-02-28", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-08-31", "D03", "2024-10-31", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", FILED "registered_and_transmitted@2023-08-31", "D02", "2024-02-29", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2023-12-31", "D03", "2024-02-29", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  /* The letter's date overrides (both kept); it belongs to D02, not D03. */
  { "c", FILED "registered_and_transmitted@2024-01-31#2024-08-05", "D02", "2024-07-31", "2024-08-05", NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-01-31#2024-08-05", "D03", "2024-03-31", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  /* Extensions are events with their own letter; the latest counts. */
  { "c", TRANSMITTED "ext:D02@2024-07-20#2024-09-30", "D02", "2024-07-31", NULL, "2024-09-30", "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", TRANSMITTED "ext:D02@2024-07-20#2024-09-30 ext:D02@2024-09-20#2024-10-31", "D02", "2024-07-31", NULL,
    "2024-10-31", "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-01-31#2024-08-05 ext:D02@2024-07-20#2024-09-30", "D02",
    "2024-07-31", "2024-08-05", "2024-09-30", "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  /* Correcting the trigger's date recomputes. */
  { "c", TRANSMITTED "fix:3@2024-02-29", "D02", "2024-08-29", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", TRANSMITTED "fix:3@2024-02-29", "D03", "2024-04-29", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", TRANSMITTED "fix:3@2023-11-30", "D02", "2024-05-30", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  /* Fulfilled, superseded. */
  { "c", TRANSMITTED "state_observations_received@2024-06-01", "D02", "2024-07-31", NULL, NULL, "done", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-01", "D03", "2024-03-31", NULL, NULL, "superseded", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", TRANSMITTED "state_requests_separate_admissibility@2024-03-20", "D03", "2024-03-31", NULL, NULL, "done", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", TRANSMITTED "state_requests_separate_admissibility@2024-03-20", "D02", "2024-07-31", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", TRANSMITTED "author_withdraws_or_matter_moot@2024-03-01", "D02", "2024-07-31", NULL, NULL, "superseded", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", TRANSMITTED "friendly_settlement_talks_opened@2024-03-01", "D02", "2024-07-31", NULL, NULL, "superseded", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", TRANSMITTED "state_fails_to_reply_after_reminders@2024-10-01", "D02", "2024-07-31", NULL, NULL,
    "superseded", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  /* D04 art 10(1), rule 18: letter date, or two months to plan by. */
  { "c", TRANSMITTED "state_observations_received@2024-06-30", "D04", "2024-08-30", NULL, NULL, "open", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30#2024-09-02", "D04", "2024-08-30", "2024-09-02", NULL,
    "open", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_comments_sent@2024-08-20", "D04", "2024-08-30",
    NULL, NULL, "done", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 ext:D04@2024-08-15#2024-10-15", "D04", "2024-08-30",
    NULL, "2024-10-15", "open", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  /* D05: set by the Committee only. */
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_comments_sent@2024-08-20", "D05", NULL, NULL,
    NULL, "open", "RoP rule 18 [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_comments_sent@2024-08-20#2024-10-20", "D05",
    NULL, "2024-10-20", NULL, "open", "RoP rule 18 [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_comments_sent@2024-08-20#2024-10-20 "
         "third_party_intervention_filed@2024-09-01#2024-11-01", "D05", NULL, "2024-11-01", NULL, "open", "RoP rule 18 [V]/[U]" },
  /* D06 rule 22. */
  { "c", TRANSMITTED "state_fails_to_reply_after_reminders@2024-10-01 "
         "admissibility_decided_separately_admissible@2025-03-31", "D06", "2025-09-30", NULL, NULL, "open", "RoP rule 22 [U]" },
  { "c", TRANSMITTED "state_fails_to_reply_after_reminders@2024-10-01 "
         "admissibility_decided_separately_admissible@2025-03-31 state_merits_observations_received@2025-08-01",
    "D06", "2025-09-30", NULL, NULL, "done", "RoP rule 22 [U]" },
  /* D07 rule 15. */
  { "c", FILED "secretariat_requests_clarification@2023-11-01#2023-12-01", "D07", NULL, "2023-12-01", NULL, "open", "RoP rule 15 [V]/[U]" },
  { "c", FILED "secretariat_requests_clarification@2023-11-01 clarification_sent@2023-11-20", "D07", NULL, NULL,
    NULL, "done", "RoP rule 15 [V]/[U]" },
  { "c", FILED "secretariat_requests_clarification@2023-11-01 no_reply_or_file_closed@2024-03-01", "D07", NULL,
    NULL, NULL, "superseded", "RoP rule 15 [V]/[U]" },
  /* D08 art 6: immediate; once the Committee has the communication (art 6(1)). */
  { "c", FILED "author_requests_interim_measures@2024-02-01 committee_grants@2024-02-03", "D08", "2024-02-03", NULL,
    NULL, "open", "OP3 art 6 [V]" },
  { "c", FILED "author_requests_interim_measures@2024-02-01 committee_grants@2024-02-03 state_asks_to_lift@2024-03-01",
    "D08", "2024-02-03", NULL, NULL, "open", "OP3 art 6 [V]" },
  { "c", FILED "author_requests_interim_measures@2024-02-01 committee_grants@2024-02-03 state_asks_to_lift@2024-03-01 "
         "committee_lifts@2024-04-01", "D08", "2024-02-03", NULL, NULL, "done", "OP3 art 6 [V]" },
  /* A recorded breach keeps the measures open, and flagged (see the D08 test). */
  { "c", FILED "author_requests_interim_measures@2024-02-01 committee_grants@2024-02-03 "
         "state_non_compliance_reported@2024-02-10", "D08", "2024-02-03", NULL, NULL, "open", "OP3 art 6 [V]" },
  /* The request may go with the communication, on the same day. */
  { "c", "eligibility_checked_ok@2023-06-01 draft_approved@2023-06-02 sent_to_ohchr@2023-06-03 "
         "author_requests_interim_measures@2023-06-03 committee_grants@2023-06-05", "D08", "2023-06-05", NULL, NULL,
    "open", "OP3 art 6 [V]" },
  /* Art 6(1): only "before a determination on the merits"; the Views, or a
   * decision that ends the communication, end the interim measures. */
  { "c", FILED "registered_and_transmitted@2024-01-31 author_requests_interim_measures@2024-02-01 "
         "committee_grants@2024-02-03 state_observations_received@2024-06-01 author_comments_sent@2024-07-01 "
         "exchange_closed@2024-08-01 views_violation@2024-11-15", "D08", "2024-02-03", NULL, NULL,
    "superseded", "OP3 art 6 [V]" },
  { "c", FILED "author_requests_interim_measures@2023-06-04 committee_grants@2023-06-05 "
         "declared_inadmissible_without_transmission@2023-09-01", "D08", "2023-06-05", NULL, NULL,
    "superseded", "OP3 art 6 [V]" },
  { "c", FILED "registered_and_transmitted@2024-01-31 author_requests_interim_measures@2024-02-01 "
         "committee_grants@2024-02-03 state_observations_received@2024-06-01", "D08", "2024-02-03", NULL, NULL,
    "open", "OP3 art 6 [V]" },
  /* D09 art 11(1), D10 rule 28. */
  { "c", TO_VIEWS "views_transmitted@2024-12-31", "D09", "2025-06-30", NULL, NULL, "open", "OP3 art 11(1); RoP rule 28 [S]" },
  { "c", TO_VIEWS "views_transmitted@2024-12-31#2025-07-15", "D09", "2025-06-30", "2025-07-15", NULL, "open", "OP3 art 11(1); RoP rule 28 [S]" },
  { "c", TO_VIEWS "views_transmitted@2024-12-31 state_follow_up_reply_received@2025-06-01", "D09", "2025-06-30",
    NULL, NULL, "done", "OP3 art 11(1); RoP rule 28 [S]" },
  { "c", TO_VIEWS "views_transmitted@2024-12-31 state_follow_up_reply_received@2025-06-30", "D10", "2025-08-30",
    NULL, NULL, "open", "RoP rule 28 [U]" },
  { "c", TRANSMITTED "friendly_settlement_talks_opened@2024-03-01 settlement_agreed@2024-04-01 "
         "implementation_follow_up_opened@2024-05-31", "D09", "2024-11-30", NULL, NULL, "open", "OP3 art 11(1); RoP rule 28 [S]" },
  /* Inquiries: D11 art 13(1), D12 art 13(5), D13 art 14(1). */
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01", "D11", NULL, NULL, NULL, "open", "OP3 art 13(1) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01#2023-09-01", "D11", NULL, "2023-09-01", NULL, "open", "OP3 art 13(1) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01", "D11", NULL, NULL, NULL,
    "superseded", "OP3 art 13(1) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-02-29",
    "D12", "2024-08-29", NULL, NULL, "open", "OP3 art 13(5) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-08-31",
    "D13", "2025-02-28", NULL, NULL, "open", "OP3 art 14(1) [V]/[U]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-02-29 "
         "state_observations_received_or_6_months_elapsed@2024-08-29", "D12", "2024-08-29", NULL, NULL, "done", "OP3 art 13(5) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-02-29 "
         "state_observations_received_or_6_months_elapsed@2024-08-29", "D13", "2024-08-29", NULL, NULL, "open", "OP3 art 14(1) [V]/[U]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-02-29 "
         "state_observations_received_or_6_months_elapsed@2024-08-29 follow_up_invitation@2024-09-15", "D13",
    "2024-08-29", NULL, NULL, "done", "OP3 art 14(1) [V]/[U]" },
  /* More month ends and leap years, per rule. */
  { "c", FILED "registered_and_transmitted@2024-02-29", "D02", "2024-08-29", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-03-31", "D02", "2024-09-30", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-04-30", "D02", "2024-10-30", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-05-31", "D02", "2024-11-30", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-06-30", "D02", "2024-12-30", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-07-31", "D02", "2025-01-31", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-08-30", "D02", "2025-02-28", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-09-30", "D02", "2025-03-30", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-12-31", "D02", "2025-06-30", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2025-08-31", "D02", "2026-02-28", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2027-08-31", "D02", "2028-02-29", NULL, NULL, "open", "OP3 art 8(2); RoP CRC/C/62/3 rule 18 [V]" },
  { "c", FILED "registered_and_transmitted@2024-12-31", "D03", "2025-02-28", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", FILED "registered_and_transmitted@2023-12-30", "D03", "2024-02-29", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", FILED "registered_and_transmitted@2024-06-30", "D03", "2024-08-30", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", FILED "registered_and_transmitted@2024-07-31", "D03", "2024-09-30", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", FILED "registered_and_transmitted@2024-01-31#2024-09-01", "D03", "2024-03-31", NULL, NULL, "open", "RoP CRC/C/62/3 rule 18 [U]" },
  { "c", TRANSMITTED "state_observations_received@2024-12-31", "D04", "2025-02-28", NULL, NULL, "open", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-03-31", "D04", "2024-05-31", NULL, NULL, "open", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_fails_to_reply@2024-10-01", "D04", "2024-08-30", NULL, NULL, "superseded", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_withdraws_or_matter_moot@2024-07-15", "D04", "2024-08-30", NULL, NULL, "superseded", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_fails_to_reply_after_reminders@2024-10-01 admissibility_decided_separately_admissible@2025-03-31 "
         "state_merits_observations_received@2025-08-01", "D04", "2025-10-01", NULL, NULL, "open", "RoP rule 18; OP3 art 10(1) [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_comments_sent@2024-08-20 exchange_closed@2024-10-01", "D05", NULL, NULL, NULL, "done", "RoP rule 18 [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_comments_sent@2024-08-20 "
         "author_withdraws_or_matter_moot@2024-09-01", "D05", NULL, NULL, NULL, "superseded", "RoP rule 18 [V]/[U]" },
  { "c", TRANSMITTED "state_observations_received@2024-06-30 author_comments_sent@2024-08-20#2024-10-20 "
         "ext:D05@2024-10-10#2024-11-20", "D05", NULL, "2024-10-20", "2024-11-20", "open", "RoP rule 18 [V]/[U]" },
  { "c", TRANSMITTED "state_fails_to_reply_after_reminders@2024-10-01 "
         "admissibility_decided_separately_admissible@2025-08-31", "D06", "2026-02-28", NULL, NULL, "open", "RoP rule 22 [U]" },
  { "c", TRANSMITTED "state_fails_to_reply_after_reminders@2024-10-01 admissibility_decided_separately_admissible@2025-03-31 "
         "author_withdraws_or_matter_moot@2025-04-15", "D06", "2025-09-30", NULL, NULL, "superseded", "RoP rule 22 [U]" },
  { "c", TRANSMITTED "state_fails_to_reply_after_reminders@2024-10-01 admissibility_decided_separately_admissible@2025-03-31#2025-10-15",
    "D06", "2025-09-30", "2025-10-15", NULL, "open", "RoP rule 22 [U]" },
  { "c", FILED "secretariat_requests_clarification@2023-11-01#2023-12-01 ext:D07@2023-11-25#2024-01-15", "D07", NULL, "2023-12-01",
    "2024-01-15", "open", "RoP rule 15 [V]/[U]" },
  { "c", FILED "secretariat_requests_clarification@2023-11-01 clarification_sent@2023-11-20 "
         "secretariat_requests_clarification@2023-12-01#2024-01-10", "D07", NULL, "2024-01-10", NULL, "open", "RoP rule 15 [V]/[U]" },
  { "c", FILED "author_requests_interim_measures@2024-02-01 committee_grants@2024-02-03 state_asks_to_lift@2024-03-01 "
         "committee_maintains@2024-04-01", "D08", "2024-02-03", NULL, NULL, "open", "OP3 art 6 [V]" },
  { "c", TRANSMITTED "author_requests_interim_measures@2024-02-01 committee_grants@2024-02-03 "
         "author_withdraws_or_matter_moot@2024-05-01", "D08", "2024-02-03", NULL, NULL, "superseded", "OP3 art 6 [V]" },
  { "c", TRANSMITTED "author_requests_interim_measures@2024-02-01 committee_grants@2024-02-03 "
         "friendly_settlement_talks_opened@2024-03-01 settlement_agreed@2024-04-01", "D08", "2024-02-03", NULL, NULL,
    "superseded", "OP3 art 6 [V]" },
  { "c", TO_VIEWS "views_transmitted@2025-08-31", "D09", "2026-02-28", NULL, NULL, "open", "OP3 art 11(1); RoP rule 28 [S]" },
  { "c", TO_VIEWS "views_transmitted@2025-02-28", "D09", "2025-08-28", NULL, NULL, "open", "OP3 art 11(1); RoP rule 28 [S]" },
  { "c", TO_VIEWS "views_transmitted@2025-03-31", "D09", "2025-09-30", NULL, NULL, "open", "OP3 art 11(1); RoP rule 28 [S]" },
  { "c", TO_VIEWS "views_transmitted@2024-12-31 ext:D09@2025-06-01#2025-09-30", "D09", "2025-06-30", NULL, "2025-09-30", "open",
    "OP3 art 11(1); RoP rule 28 [S]" },
  { "c", TO_VIEWS "views_transmitted@2024-12-31 state_follow_up_reply_received@2025-12-31", "D10", "2026-02-28", NULL, NULL,
    "open", "RoP rule 28 [U]" },
  { "c", TO_VIEWS "views_transmitted@2024-12-31 state_follow_up_reply_received@2025-06-30 "
         "author_follow_up_comments_sent@2025-08-01", "D10", "2025-08-30", NULL, NULL, "done", "RoP rule 28 [U]" },
  { "c", TO_VIEWS "views_transmitted@2024-12-31 state_follow_up_reply_received@2025-06-30#2025-09-15", "D10", "2025-08-30",
    "2025-09-15", NULL, "open", "RoP rule 28 [U]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-08-31",
    "D12", "2025-02-28", NULL, NULL, "open", "OP3 art 13(5) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-03-31",
    "D12", "2024-09-30", NULL, NULL, "open", "OP3 art 13(5) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-03-31#2024-10-15",
    "D12", "2024-09-30", "2024-10-15", NULL, "open", "OP3 art 13(5) [V]" },
  { "i", INQUIRY "state_invited_to_cooperate@2023-07-01 members_designated@2023-10-01 findings_transmitted@2024-03-31",
    "D13", "2024-09-30", NULL, NULL, "open", "OP3 art 14(1) [V]/[U]" },
};

static GPtrArray *
deadlines_of (Docket     *d,
              const char *case_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = redress_procedure_list_deadlines (d->db, case_id, &error);

  g_assert_no_error (error);
  return list;
}

/* The deadline of @rule with the latest trigger. */
static RedressDeadlineInfo *
find_rule (GPtrArray  *list,
           const char *rule)
{
  RedressDeadlineInfo *found = NULL;

  for (guint i = 0; i < list->len; i++)
    {
      RedressDeadlineInfo *info = g_ptr_array_index (list, i);

      if (g_strcmp0 (info->rule_id, rule) == 0 &&
          (found == NULL || g_strcmp0 (info->trigger_date, found->trigger_date) >= 0))
        found = info;
    }
  return found;
}

static void
play (Docket     *d,
      const char *case_id,
      const char *events)
{
  g_auto(GStrv) tokens = g_strsplit (events, " ", -1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) at = NULL;
      g_auto(GStrv) due = NULL;
      char *id = NULL;

      if (*tokens[i] == '\0')
        continue;
      at = g_strsplit (tokens[i], "@", 2);
      due = g_strsplit (at[1], "#", 2);

      if (g_str_has_prefix (at[0], "ext:"))
        id = redress_procedure_record_extension (d->db, case_id, at[0] + 4, due[0], "EXT/1", due[1], NULL, &error);
      else if (g_str_has_prefix (at[0], "fix:"))
        g_assert_true (redress_procedure_correct_event (d->db, g_ptr_array_index (ids, atoi (at[0] + 4)), due[0],
                                                        NULL, NULL, "corrected", &error));
      else
        id = redress_procedure_record_event (d->db, case_id, NULL, at[0], due[0], "L", due[1], NULL, &error);
      g_assert_no_error (error);
      if (id != NULL)
        g_ptr_array_add (ids, id);
    }
}

static void
test_scenario (Docket        *d,
               gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *case_id = docket_case (d, scenarios[i].kind[0] == 'i' ? "inquiry" : "communication",
                                          "S/1", "DE", NULL);
  g_autoptr(GPtrArray) list = NULL;
  RedressDeadlineInfo *info;
  const char *due;

  play (d, case_id, scenarios[i].events);
  list = deadlines_of (d, case_id);
  info = find_rule (list, scenarios[i].rule);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->computed_due, ==, scenarios[i].computed);
  g_assert_cmpstr (info->letter_due, ==, scenarios[i].letter);
  g_assert_cmpstr (info->extended_due, ==, scenarios[i].extended);
  g_assert_cmpstr (info->status, ==, scenarios[i].status);
  {
    g_autofree char *citation = redress_deadline_rule_get_citation (redress_deadline_rules_lookup (scenarios[i].rule));

    g_assert_nonnull (scenarios[i].article);
    g_assert_cmpstr (citation, ==, scenarios[i].article);
  }
  g_assert_cmpstr (info->rule_pack_version, ==, redress_deadline_rules_get_version ());
  due = scenarios[i].extended ? scenarios[i].extended : scenarios[i].letter ? scenarios[i].letter
                                                                            : scenarios[i].computed;
  g_assert_cmpstr (redress_deadline_info_get_due (info), ==, due);
  g_assert_cmpint (info->urgent, ==, g_strcmp0 (scenarios[i].rule, "D08") == 0);
}

/* A domestic remedy saved through the model derives D01 in the same
 * transaction, with no watch installed (OP3 art 7(h)). */
static void
test_d01_same_transaction (Docket        *d,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "D01/T", "DE", NULL);
  g_autoptr(RedressDomesticRemedy) remedy = redress_domestic_remedy_new (case_id);
  g_autoptr(GPtrArray) list = NULL;
  RedressDeadlineInfo *info;

  redress_record_set_string (REDRESS_RECORD (remedy), "forum", "Supreme Court");
  redress_record_set_string (REDRESS_RECORD (remedy), "decided-on", "2024-03-10");
  redress_record_set_string (REDRESS_RECORD (remedy), "notified-on", "2024-03-15");
  redress_record_set_boolean (REDRESS_RECORD (remedy), "is-final", TRUE);
  g_assert_true (redress_record_save (REDRESS_RECORD (remedy), d->db, &error));
  g_assert_no_error (error);
  list = deadlines_of (d, case_id);
  info = find_rule (list, "D01");
  g_assert_nonnull (info);
  g_assert_cmpstr (info->trigger_date, ==, "2024-03-10");
  g_assert_cmpstr (info->trigger_date_alt, ==, "2024-03-15");
  g_assert_cmpstr (info->computed_due, ==, "2025-03-10");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (redress_record_delete (REDRESS_RECORD (remedy), d->db, &error));
  g_assert_no_error (error);
  list = deadlines_of (d, case_id);
  g_assert_null (find_rule (list, "D01"));
}

/* D01, art 7(h): from the final domestic decision. */
static void
test_d01 (Docket        *d,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "D01/1", "DE", NULL);
  g_autofree char *remedy = docket_remedy (d, case_id, "2024-02-29", "2024-03-04", TRUE, NULL);
  g_autoptr(GPtrArray) list = NULL;
  RedressDeadlineInfo *info;

  redress_procedure_watch (d->db);
  g_assert_true (redress_procedure_recompute (d->db, case_id, &error));
  g_assert_no_error (error);
  list = deadlines_of (d, case_id);
  info = find_rule (list, "D01");
  g_assert_nonnull (info);
  g_assert_cmpstr (info->trigger_date, ==, "2024-02-29");
  g_assert_cmpstr (info->trigger_date_alt, ==, "2024-03-04");
  g_assert_cmpstr (info->computed_due, ==, "2025-02-28");
  g_assert_cmpstr (info->status, ==, "open");
  g_assert_null (info->trigger_event_id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The notification came first: it counts. */
  docket_exec (d, "UPDATE domestic_remedy SET notified_on = '2024-02-20' WHERE id = %Q", remedy);
  redress_database_emit_changed (d->db, "domestic_remedy", remedy);
  list = deadlines_of (d, case_id);
  info = find_rule (list, "D01");
  g_assert_cmpstr (info->computed_due, ==, "2025-02-20");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* D01 cannot be extended (art 7(h)). */
  g_assert_null (redress_procedure_record_extension (d->db, case_id, "D01", "2024-05-01", "X", "2025-06-01", NULL,
                                                     &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "OP3 art 7(h)"));
  g_clear_error (&error);

  /* Sending the communication fulfils it. */
  play (d, case_id, FILED);
  list = deadlines_of (d, case_id);
  info = find_rule (list, "D01");
  g_assert_cmpstr (info->status, ==, "done");
  g_assert_cmpstr (info->closed_on, ==, "2023-06-03");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* No final decision any more: the deadline goes. */
  docket_exec (d, "UPDATE domestic_remedy SET is_final = 0 WHERE id = %Q", remedy);
  redress_database_emit_changed (d->db, "domestic_remedy", remedy);
  list = deadlines_of (d, case_id);
  g_assert_null (find_rule (list, "D01"));
}

static void
test_extensions_refused (Docket        *d,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "E/1", "DE", NULL);
  g_autofree char *id = NULL;

  play (d, case_id, TRANSMITTED);
  /* D03's length is unverified and its extension unknown: not extendable. */
  id = redress_procedure_record_extension (d->db, case_id, "D03", "2024-03-01", "X", "2024-05-01", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  /* Nothing open to extend. */
  id = redress_procedure_record_extension (d->db, case_id, "D04", "2024-03-01", "X", "2024-05-01", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no open deadline"));
  g_clear_error (&error);
  id = redress_procedure_record_extension (d->db, case_id, "D02", "2024-03-01", "X", "31/05/2024", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  id = redress_procedure_record_extension (d->db, case_id, "D99", "2024-03-01", "X", "2024-05-01", NULL, &error);
  g_assert_null (id);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
}

static void
test_correction_keeps_identity (Docket        *d,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "C/1", "DE", NULL);
  g_autofree char *event = NULL;
  g_autofree char *first_id = NULL;
  g_autoptr(GPtrArray) list = NULL;
  RedressDeadlineInfo *info;

  play (d, case_id, FILED);
  event = redress_procedure_record_event (d->db, case_id, NULL, "registered_and_transmitted", "2024-01-31",
                                          "G/SO 229/31", "2024-08-05", NULL, &error);
  g_assert_no_error (error);
  list = deadlines_of (d, case_id);
  info = find_rule (list, "D02");
  first_id = g_strdup (info->id);
  g_assert_cmpstr (info->trigger_event_id, ==, event);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Correct the date and clear the letter's date. */
  g_assert_true (redress_procedure_correct_event (d->db, event, "2024-03-31", NULL, "", NULL, &error));
  g_assert_no_error (error);
  list = deadlines_of (d, case_id);
  info = find_rule (list, "D02");
  g_assert_cmpstr (info->id, ==, first_id);
  g_assert_cmpstr (info->trigger_date, ==, "2024-03-31");
  g_assert_cmpstr (info->computed_due, ==, "2024-09-30");
  g_assert_null (info->letter_due);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A bad date changes nothing. */
  g_assert_false (redress_procedure_correct_event (d->db, event, "2024-02-30", NULL, NULL, NULL, &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  list = deadlines_of (d, case_id);
  g_assert_cmpstr (find_rule (list, "D02")->computed_due, ==, "2024-09-30");
}

static void
test_manual_status (Docket        *d,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "M/1", "DE", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *d02 = NULL;
  g_autofree char *d03 = NULL;

  play (d, case_id, TRANSMITTED);
  list = deadlines_of (d, case_id);
  d02 = g_strdup (find_rule (list, "D02")->id);
  d03 = g_strdup (find_rule (list, "D03")->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_false (redress_procedure_waive (d->db, d03, "  ", &error));
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (redress_procedure_waive (d->db, d03, "The State said it will not ask.", &error));
  g_assert_no_error (error);
  g_assert_true (redress_procedure_mark_done (d->db, d02, "2024-05-02", "State letter of 2 May", &error));
  g_assert_no_error (error);

  /* Recomputing keeps what a person decided. */
  g_assert_true (redress_procedure_recompute (d->db, case_id, &error));
  list = deadlines_of (d, case_id);
  g_assert_cmpstr (find_rule (list, "D03")->status, ==, "waived");
  g_assert_cmpstr (find_rule (list, "D03")->waive_reason, ==, "The State said it will not ask.");
  g_assert_cmpstr (find_rule (list, "D02")->status, ==, "done");
  g_assert_cmpstr (find_rule (list, "D02")->closed_by, ==, "State letter of 2 May");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Reopening hands it back to the history. */
  g_assert_true (redress_procedure_reopen (d->db, d02, &error));
  list = deadlines_of (d, case_id);
  g_assert_cmpstr (find_rule (list, "D02")->status, ==, "open");
}

static void
test_queries (Docket        *d,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = docket_case (d, "communication", "Q/A", "DE", NULL);
  g_autofree char *b = docket_case (d, "communication", "Q/B", "DE", NULL);
  g_autofree char *c = docket_case (d, "communication", "Q/C", "DE", NULL);
  g_autofree char *closed = docket_case (d, "communication", "Q/Z", "DE", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) idle = NULL;

  play (d, a, TRANSMITTED);                                                      /* D03 03-31, D02 07-31 */
  play (d, b, FILED "author_requests_interim_measures@2024-05-01 committee_grants@2024-05-02");  /* D08 05-02 */
  play (d, closed, "eligibility_failed@2024-01-01");
  redress_procedure_recompute (d->db, c, &error);
  g_assert_no_error (error);

  list = redress_procedure_list_open_deadlines (d->db, "2024-04-01", "2024-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((RedressDeadlineInfo *) g_ptr_array_index (list, 0))->rule_id, ==, "D08");
  g_assert_true (((RedressDeadlineInfo *) g_ptr_array_index (list, 0))->urgent);
  g_assert_cmpstr (((RedressDeadlineInfo *) g_ptr_array_index (list, 0))->case_reference, ==, "Q/B");
  g_assert_cmpstr (((RedressDeadlineInfo *) g_ptr_array_index (list, 1))->rule_id, ==, "D02");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = redress_procedure_list_open_deadlines (d->db, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* OP3 art 6: measures in force since 2 May are not overdue; a breach is. */
  list = redress_procedure_list_overdue (d->db, "2024-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);  /* D03 of 31 March */
  g_assert_cmpstr (((RedressDeadlineInfo *) g_ptr_array_index (list, 0))->rule_id, ==, "D03");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = redress_procedure_list_open_deadlines (d->db, "2024-05-02", "2024-05-02", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((RedressDeadlineInfo *) g_ptr_array_index (list, 0))->in_force);
  g_assert_null (((RedressDeadlineInfo *) g_ptr_array_index (list, 0))->breach_on);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* The docket list does not show measures in force as the next (overdue) deadline. */
  {
    g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (d->db, "SELECT next_deadline FROM case_file WHERE id = ?",
                                                              &error);

    sqlite3_bind_text (stmt, 1, b, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_null (sqlite3_column_text (stmt, 0));
    play (d, b, "state_non_compliance_reported@2024-05-20");
    sqlite3_reset (stmt);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2024-05-02");
  }
  list = redress_procedure_list_overdue (d->db, "2024-06-01", &error);
  g_assert_cmpuint (list->len, ==, 2);  /* D03 of 31 March, D08 breached on 20 May */
  g_assert_cmpstr (((RedressDeadlineInfo *) g_ptr_array_index (list, 1))->rule_id, ==, "D08");
  g_assert_false (((RedressDeadlineInfo *) g_ptr_array_index (list, 1))->in_force);
  g_assert_cmpstr (((RedressDeadlineInfo *) g_ptr_array_index (list, 1))->breach_on, ==, "2024-05-20");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = redress_procedure_list_open_deadlines (d->db, "2024-13-01", NULL, &error);
  g_assert_null (list);
  g_assert_error (error, REDRESS_DATABASE_ERROR, REDRESS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* C has nothing pending; Z is closed. */
  idle = redress_procedure_list_cases_without_open_deadline (d->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (idle), ==, 1);
  g_assert_cmpstr (idle[0], ==, c);
}

static void
test_rule_pack_change (Docket        *d,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "P/1", "DE", NULL);
  g_autoptr(GPtrArray) list = NULL;

  play (d, case_id, TRANSMITTED);
  g_assert_true (redress_procedure_ensure_rule_pack (d->db, &error));
  g_assert_no_error (error);

  /* A docket whose deadlines an older pack made, with a wrong date in them. */
  docket_exec (d, "UPDATE deadline SET rule_pack_version = 'op3-2025.0', computed_due = '2024-07-30'");
  g_assert_true (redress_procedure_ensure_rule_pack (d->db, &error));
  g_assert_no_error (error);
  list = deadlines_of (d, case_id);
  g_assert_cmpstr (find_rule (list, "D02")->computed_due, ==, "2024-07-31");
  g_assert_cmpstr (find_rule (list, "D02")->rule_pack_version, ==, redress_deadline_rules_get_version ());
  g_clear_pointer (&list, g_ptr_array_unref);

  /* The stage column follows the history too. */
  docket_exec (d, "UPDATE case_file SET stage = 'INTAKE'");
  docket_exec (d, "DELETE FROM docket_meta WHERE key = 'rule_pack_version'");
  g_assert_true (redress_procedure_ensure_rule_pack (d->db, &error));
  {
    g_autoptr(sqlite3_stmt) stmt = _redress_database_prepare (d->db, "SELECT stage FROM case_file", &error);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "AWAITING_STATE_OBSERVATIONS");
  }
}

/* Many writes in one transaction, the way the demo generator makes them. */
static void
test_nested_transaction (Docket        *d,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = docket_case (d, "communication", "N/1", "DE", NULL);
  g_autofree char *bad = NULL;

  g_assert_true (_redress_database_begin (d->db, &error));
  play (d, case_id, TRANSMITTED);
  /* A refused event inside rolls back only itself. */
  bad = redress_procedure_record_event (d->db, case_id, NULL, "views_violation", "2024-02-01", NULL, NULL, NULL,
                                        &error);
  g_assert_null (bad);
  g_clear_error (&error);
  g_assert_true (_redress_database_commit (d->db, &error));
  {
    g_autoptr(GPtrArray) list = deadlines_of (d, case_id);

    g_assert_cmpstr (find_rule (list, "D02")->status, ==, "open");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("/procedure/scenario/%02u-%s", i, scenarios[i].rule);

      g_test_add (path, Docket, GUINT_TO_POINTER (i), docket_setup, test_scenario, docket_teardown);
    }
  g_test_add ("/procedure/d01", Docket, NULL, docket_setup, test_d01, docket_teardown);
  g_test_add ("/procedure/d01-same-transaction", Docket, NULL, docket_setup, test_d01_same_transaction, docket_teardown);
  g_test_add ("/procedure/extensions-refused", Docket, NULL, docket_setup, test_extensions_refused, docket_teardown);
  g_test_add ("/procedure/correction", Docket, NULL, docket_setup, test_correction_keeps_identity, docket_teardown);
  g_test_add ("/procedure/manual-status", Docket, NULL, docket_setup, test_manual_status, docket_teardown);
  g_test_add ("/procedure/queries", Docket, NULL, docket_setup, test_queries, docket_teardown);
  g_test_add ("/procedure/rule-pack-change", Docket, NULL, docket_setup, test_rule_pack_change, docket_teardown);
  g_test_add ("/procedure/nested-transaction", Docket, NULL, docket_setup, test_nested_transaction, docket_teardown);

  return g_test_run ();
}
