-- Never two bookings holding one room at the same time, whatever the concurrency: the
-- database refuses the second (SQLSTATE 23P01), even when both transactions checked first.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE venues_bookings ADD CONSTRAINT venues_bookings_no_overlap
  EXCLUDE USING gist (room_id WITH =, int8range(starts_at, ends_at) WITH &&)
  WHERE (status IN ('approved', 'no_show'));
