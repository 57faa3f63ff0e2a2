-- Transfers need both sides (组织关系转接须双方同意): who started a transfer, and when the
-- sending side released the member. A pending transfer with released_at NULL waits for the
-- sending side; the receiving side may accept only a released one.
--   initiated_by: 'sending' (the sending side, released at once), 'member' (the member,
--   released at once), 'receiving' (the receiving side, waits for the sending side);
--   NULL on transfers started before this migration.
ALTER TABLE people_transfers ADD COLUMN initiated_by TEXT;
ALTER TABLE people_transfers ADD COLUMN released_by BIGINT;
ALTER TABLE people_transfers ADD COLUMN released_at BIGINT;
-- Decided transfers keep their history as it was; transfers still pending when this runs wait
-- for the sending side, since nothing recorded its consent.
UPDATE people_transfers SET released_at = created_at, released_by = requested_by WHERE status <> 'pending';
-- History lists of every status, newest first per side.
CREATE INDEX people_transfers_from_all ON people_transfers (from_path, id);
CREATE INDEX people_transfers_to_all ON people_transfers (to_path, id);
