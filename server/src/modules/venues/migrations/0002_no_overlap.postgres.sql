-- Never two bookings holding one room at the same time, whatever the concurrency: the
-- database refuses the second (SQLSTATE 23P01), even when both transactions checked first.
-- The room is compared as a one-point range, so GiST's built-in range operators do it all
-- (no btree_gist extension to install, no superuser needed).
ALTER TABLE venues_bookings ADD CONSTRAINT venues_bookings_no_overlap
  EXCLUDE USING gist (int8range(room_id, room_id, '[]') WITH =, int8range(starts_at, ends_at) WITH &&)
  WHERE (status IN ('approved', 'no_show'));
