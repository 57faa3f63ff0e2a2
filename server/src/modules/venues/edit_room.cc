#include <algorithm>

#include "core/china_time.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"
#include "modules/venues/venue_support.h"

namespace tianshan::venues {
namespace {

// A room in use and its venue, when the caller manages the venue's organization (404 when the
// caller cannot read it or the room was removed, 403 when they read but may not manage).
Result<std::pair<Room, Venue>> LoadManagedRoom(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto room, FindRoom(tx, id));
  if (!room) return Status::NotFound("venues.room_not_found");
  auto venue = LoadReadableVenue(tx, actor, room->venue_id);
  if (!venue.ok()) return Status::NotFound("venues.room_not_found");
  if (!CanManage(actor, venue->org_path)) return Status::Forbidden();
  if (room->archived_at) return Status::NotFound("venues.room_not_found");
  return std::pair<Room, Venue>{std::move(*room), std::move(*venue)};
}

// "2 (#41 06-01 10:00, #42 …)": how many upcoming bookings and which (the first five).
std::string NameBookings(const std::vector<Booking>& bookings) {
  std::string out = std::to_string(bookings.size()) + " (";
  for (size_t i = 0; i < bookings.size() && i < 5; ++i) {
    if (i > 0) out += ", ";
    out += "#" + std::to_string(bookings[i].id) + " " + ChinaDateTime(bookings[i].starts_at);
  }
  if (bookings.size() > 5) out += ", …";
  return out + ")";
}

}  // namespace

Result<Room> UpdateRoom(const AppContext& ctx, const auth::Caller& caller, int64_t room_id, const RoomInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Room> {
    TS_ASSIGN_OR_RETURN(auto found, LoadManagedRoom(tx, caller.actor, room_id));
    auto& [room, venue] = found;
    TS_ASSIGN_OR_RETURN(bool taken, RoomNameTaken(tx, venue.id, input.name, room.id));
    if (taken) return Status::Invalid("name", "venues.room_name_taken");
    // Bookings already accepted keep their place: the room may not shrink below them.
    TS_ASSIGN_OR_RETURN(auto upcoming, UpcomingRoomBookings(tx, room.id, ctx.clock.NowMillis()));
    int most = 0;
    for (const auto& b : upcoming) most = std::max(most, b.attendees);
    if (input.capacity < most) {
      return Status::Invalid("capacity", "venues.capacity_below_bookings", std::to_string(most));
    }
    const std::string before = RoomAuditJson(room);
    room.name = input.name;
    room.capacity = input.capacity;
    room.equipment = input.equipment;
    room.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SaveRoom(tx, room));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"venue_room.update", "venue_room", room.id, venue.org_path, before, RoomAuditJson(room)}));
    return room;
  });
}

Status RemoveRoom(const AppContext& ctx, const auth::Caller& caller, int64_t room_id) {
  return ctx.db
      .Write([&](storage::Transaction& tx) -> Result<bool> {
        TS_ASSIGN_OR_RETURN(auto found, LoadManagedRoom(tx, caller.actor, room_id));
        auto& [room, venue] = found;
        const int64_t now = ctx.clock.NowMillis();
        // Archive first: the row lock makes a racing booking wait, and then see the archive.
        TS_ASSIGN_OR_RETURN(bool archived, ArchiveRoom(tx, room.id, now));
        if (!archived) return Status::NotFound("venues.room_not_found");
        TS_ASSIGN_OR_RETURN(auto upcoming, UpcomingRoomBookings(tx, room.id, now));
        if (!upcoming.empty()) return Status::Conflict("venues.room_has_bookings").WithParam(NameBookings(upcoming));
        const std::string before = RoomAuditJson(room);
        room.archived_at = now;
        TS_RETURN_IF_ERROR(ctx.audit.Record(
            tx, caller, {"venue_room.remove", "venue_room", room.id, venue.org_path, before, RoomAuditJson(room)}));
        return true;
      })
      .status();
}

}  // namespace tianshan::venues
