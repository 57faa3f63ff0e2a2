-- Why an application was rejected (rejecting needs a reason), which organization issued a
-- certificate (its name as printed, frozen like the rest of the certificate), and the sessions
-- whose hours await confirmation found without reading every attendance row.
ALTER TABLE volunteering_team_members ADD COLUMN decision_reason TEXT;
ALTER TABLE volunteering_certificates ADD COLUMN organization_id BIGINT;
ALTER TABLE volunteering_certificates ADD COLUMN organization_name TEXT;
CREATE INDEX volunteering_attendance_unconfirmed ON volunteering_attendance (shift_id) WHERE ledger_entry_id IS NULL;
