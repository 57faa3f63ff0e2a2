-- Venues: youth spaces, youth homes, service stations and centres an organization runs, their
-- rooms and the bookings of those rooms. The organization is referenced by id (it belongs to
-- the organizations module); org_path is its materialized path as of the last change, for
-- subtree scans. Opening hours, their exceptions and facilities are small JSON texts the venue
-- is always read with. Times are UTC epoch milliseconds.
CREATE TABLE venues_venues (
  id {{id}},
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  address TEXT NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  facilities TEXT NOT NULL,
  contact_name TEXT,
  contact_phone TEXT,
  requires_approval INTEGER NOT NULL,
  opening_hours TEXT NOT NULL,
  exceptions TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX venues_venues_name ON venues_venues (organization_id, name);
CREATE INDEX venues_venues_path ON venues_venues (org_path, id);

CREATE TABLE venues_rooms (
  id {{id}},
  venue_id BIGINT NOT NULL REFERENCES venues_venues (id),
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  equipment TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX venues_rooms_name ON venues_rooms (venue_id, name);

-- status: pending (waits for the venue's manager), approved (holds the room), rejected,
-- cancelled, no_show (approved, and nobody came). Approved and no-show bookings of one room
-- never overlap: 0002 adds the database's own guard.
CREATE TABLE venues_bookings (
  id {{id}},
  room_id BIGINT NOT NULL REFERENCES venues_rooms (id),
  venue_id BIGINT NOT NULL,
  organization_id BIGINT NOT NULL,
  org_path {{path}} NOT NULL,
  account_id BIGINT NOT NULL,
  booker_name TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  purpose TEXT NOT NULL,
  attendees INTEGER NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  decided_by BIGINT,
  decided_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX venues_bookings_room ON venues_bookings (room_id, starts_at);
CREATE INDEX venues_bookings_venue ON venues_bookings (venue_id, starts_at);
CREATE INDEX venues_bookings_account ON venues_bookings (account_id, id);
CREATE INDEX venues_bookings_pending ON venues_bookings (org_path, id) WHERE status = 'pending';
