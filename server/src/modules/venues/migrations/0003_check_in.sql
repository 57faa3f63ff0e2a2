-- Check-in at the venue: the manager scans the booker's QR code (a signed token) and the
-- booking records when and by whom. An approved booking not checked in by its end becomes a
-- no-show (job venues.no_shows); the partial index finds those without a scan.
ALTER TABLE venues_bookings ADD COLUMN checked_in_at BIGINT;
ALTER TABLE venues_bookings ADD COLUMN checked_in_by BIGINT;
CREATE INDEX venues_bookings_unattended ON venues_bookings (ends_at) WHERE status = 'approved' AND checked_in_at IS NULL;
