#pragma once
// SQL of venues_venues, venues_rooms and venues_bookings (bound parameters only), inside the
// caller's transaction. Lists are keyset pages by id: `limit` + 1 rows when there are more.

#include <optional>
#include <string>
#include <vector>

#include "modules/venues/venue.h"
#include "storage/database.h"

namespace tianshan::venues {

Result<int64_t> InsertVenue(storage::Transaction& tx, const Venue& v);
Status SaveVenue(storage::Transaction& tx, const Venue& v);
Result<std::optional<Venue>> FindVenue(storage::Transaction& tx, int64_t id);
Result<bool> VenueNameTaken(storage::Transaction& tx, int64_t organization_id, const std::string& name,
                            int64_t except_id);
// Venues in the subtree at `path` (every venue when `path` is empty), `q`: name contains.
Result<std::vector<Venue>> SelectVenues(storage::Transaction& tx, const std::string& path,
                                        const std::optional<std::string>& q, std::optional<int64_t> after_id,
                                        int limit);

Result<int64_t> InsertRoom(storage::Transaction& tx, const Room& r);
Result<std::optional<Room>> FindRoom(storage::Transaction& tx, int64_t id);
// Whether a room in use (not archived) of the venue, other than `except_id`, has that name.
Result<bool> RoomNameTaken(storage::Transaction& tx, int64_t venue_id, const std::string& name, int64_t except_id);
Status SaveRoom(storage::Transaction& tx, const Room& r);
// Takes the room's row lock (PostgreSQL; SQLite has one writer) while it is in use: false when
// it is archived. A booking holds it before inserting and ArchiveRoom takes it before counting
// the room's bookings, so an archive and a booking racing never both succeed.
Result<bool> HoldActiveRoom(storage::Transaction& tx, int64_t id);
// Archives a room in use; false when it was archived already.
Result<bool> ArchiveRoom(storage::Transaction& tx, int64_t id, int64_t at);
// The rooms in use of a venue (archived ones are left out), by id.
Result<std::vector<Room>> SelectRooms(storage::Transaction& tx, int64_t venue_id);

Result<int64_t> InsertBooking(storage::Transaction& tx, const Booking& b);
Result<std::optional<Booking>> FindBooking(storage::Transaction& tx, int64_t id);
// Moves a booking from `from` to b.status (with reason and decider); false when its status was
// no longer `from` (another request decided first) or, for a no-show, it was checked in meanwhile.
Result<bool> ChangeBookingStatus(storage::Transaction& tx, const Booking& b, const std::string& from);
// Records the check-in of an approved booking not yet checked in; false otherwise (another scan
// came first, or the booking was cancelled meanwhile).
Result<bool> MarkCheckedIn(storage::Transaction& tx, int64_t id, int64_t by, int64_t at);
// Approved bookings not checked in that ended at or before `ended_by`, oldest end first.
Result<std::vector<Booking>> SelectUnattended(storage::Transaction& tx, int64_t ended_by, int limit);
// The first booking holding `room_id` during [starts_at, ends_at), other than `except_id`.
Result<std::optional<Booking>> HoldingBooking(storage::Transaction& tx, int64_t room_id, int64_t starts_at,
                                              int64_t ends_at, int64_t except_id);
// Pending or approved bookings of a room that have not ended by `now`, by start.
Result<std::vector<Booking>> UpcomingRoomBookings(storage::Transaction& tx, int64_t room_id, int64_t now);
// Bookings holding a room of `venue_id` that overlap [from, to), by start.
Result<std::vector<Booking>> HeldDuring(storage::Transaction& tx, int64_t venue_id, int64_t from, int64_t to);

struct BookingFilter {
  std::optional<std::string> path;  // subtree of the venue's organization
  std::optional<int64_t> venue_id;
  std::optional<int64_t> account_id;
  std::optional<std::string> status;
};
Result<std::vector<Booking>> SelectBookings(storage::Transaction& tx, const BookingFilter& f,
                                            std::optional<int64_t> after_id, int limit);

// Pending bookings per organization, for verify-counters.
inline constexpr const char* kPendingBookingsSql =
    "SELECT organization_id, COUNT(*) AS value FROM venues_bookings WHERE status = 'pending' GROUP BY "
    "organization_id";

// No-show bookings per organization, for verify-counters.
inline constexpr const char* kNoShowsSql =
    "SELECT organization_id, COUNT(*) AS value FROM venues_bookings WHERE status = 'no_show' GROUP BY "
    "organization_id";

}  // namespace tianshan::venues
