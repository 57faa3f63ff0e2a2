#include "modules/venues/venue_support.h"

#include "modules/venues/permissions.h"
#include "modules/venues/venue_repository.h"

namespace tianshan::venues {

Result<Venue> LoadReadableVenue(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto v, FindVenue(tx, id));
  if (!v || !CanRead(actor, v->org_path)) return Status::NotFound("venues.not_found");
  return *v;
}

Result<BookingView> ViewOf(storage::Transaction& tx, const auth::Actor& actor, Booking b, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto room, FindRoom(tx, b.room_id));
  TS_ASSIGN_OR_RETURN(auto venue, FindVenue(tx, b.venue_id));
  BookingView v;
  v.can = BookingActions(actor, b, now);
  v.room_name = room ? room->name : "";
  v.venue_name = venue ? venue->f.name : "";
  v.booking = std::move(b);
  return v;
}

std::string BookingAuditJson(const Booking& b) {
  JsonOut out;
  out.StartObject()
      .Field("room_id", b.room_id)
      .Field("account_id", b.account_id)
      .Field("starts_at", FormatUtc(b.starts_at))
      .Field("ends_at", FormatUtc(b.ends_at))
      .Field("attendees", b.attendees)
      .Field("status", b.status)
      .Field("reason", b.reason)
      .Field("checked_in_at", b.checked_in_at ? std::optional<std::string>(FormatUtc(*b.checked_in_at)) : std::nullopt)
      .EndObject();
  return out.Take();
}

std::string RoomAuditJson(const Room& r) {
  JsonOut out;
  out.StartObject()
      .Field("venue_id", r.venue_id)
      .Field("name", r.name)
      .Field("capacity", r.capacity)
      .Field("equipment", r.equipment)
      .Field("archived_at", r.archived_at ? std::optional<std::string>(FormatUtc(*r.archived_at)) : std::nullopt)
      .EndObject();
  return out.Take();
}

Status OverlapAsConflict(Status s) {
  if (s.code() == StatusCode::kConflict && s.detail().find("venues_bookings_no_overlap") != std::string::npos) {
    return Status::Conflict("venues.overlap");
  }
  return s;
}

}  // namespace tianshan::venues
