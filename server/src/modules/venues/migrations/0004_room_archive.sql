-- Removing a room archives it: it leaves the venue's rooms and its calendar and takes no new
-- bookings, while the bookings it had (and their audit) keep pointing at it. A room's name is
-- unique among the venue's rooms in use, so a removed room's name can be given to a new one.
ALTER TABLE venues_rooms ADD COLUMN archived_at BIGINT;
DROP INDEX venues_rooms_name;
CREATE UNIQUE INDEX venues_rooms_name ON venues_rooms (venue_id, name) WHERE archived_at IS NULL;
