-- SQLite has one writer at a time, and every booking use case checks for an overlap inside its
-- write transaction; these triggers make the database refuse an overlap even so (a bug or a
-- hand-written statement), as PostgreSQL's exclusion constraint does.
CREATE TRIGGER venues_bookings_no_overlap_insert BEFORE INSERT ON venues_bookings
WHEN NEW.status IN ('approved', 'no_show') AND EXISTS (
  SELECT 1 FROM venues_bookings b WHERE b.room_id = NEW.room_id AND b.status IN ('approved', 'no_show')
    AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at)
BEGIN SELECT RAISE(ABORT, 'venues_bookings_no_overlap'); END;
CREATE TRIGGER venues_bookings_no_overlap_update BEFORE UPDATE OF status ON venues_bookings
WHEN NEW.status IN ('approved', 'no_show') AND OLD.status NOT IN ('approved', 'no_show') AND EXISTS (
  SELECT 1 FROM venues_bookings b WHERE b.room_id = NEW.room_id AND b.id <> NEW.id
    AND b.status IN ('approved', 'no_show') AND b.starts_at < NEW.ends_at AND NEW.starts_at < b.ends_at)
BEGIN SELECT RAISE(ABORT, 'venues_bookings_no_overlap'); END;
