-- Schema version 10: the person who gave consent on a child's behalf (OP3
-- art 5(2)) is a person record of the docket, usually the parent who is also
-- a party to the case, rather than only a name typed as text.  consent_by
-- stays for someone who is not in the docket.
ALTER TABLE case_party ADD COLUMN consent_by_person_id TEXT REFERENCES person (id) ON DELETE SET NULL;
