#include "core/china_time.h"
#include "modules/organizations/public/counters.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"
#include "modules/venues/venue_support.h"

namespace tianshan::venues {

Result<BookingView> BookRoom(const AppContext& ctx, const auth::Caller& caller, int64_t room_id,
                             const BookingInput& input) {
  const int64_t now = ctx.clock.NowMillis();
  {
    std::vector<FieldError> errors;
    if (input.ends_at <= input.starts_at) errors.push_back({"ends_at", "venues.ends_before_starts", ""});
    if (input.starts_at <= now) errors.push_back({"starts_at", "venues.in_past", ""});
    if (input.starts_at > now + kMaxBookingDays * 24 * kHourMillis) {
      errors.push_back({"starts_at", "venues.too_far_ahead", std::to_string(kMaxBookingDays)});
    }
    if (!errors.empty()) return Status::Invalid(std::move(errors));
  }
  auto result = ctx.db.Write([&](storage::Transaction& tx) -> Result<BookingView> {
    TS_ASSIGN_OR_RETURN(auto room, FindRoom(tx, room_id));
    if (!room) return Status::NotFound("venues.room_not_found");
    TS_ASSIGN_OR_RETURN(bool in_use, HoldActiveRoom(tx, room->id));
    if (!in_use) return Status::Conflict("venues.room_archived");
    TS_ASSIGN_OR_RETURN(auto venue, FindVenue(tx, room->venue_id));
    if (!venue) return Status::NotFound("venues.room_not_found");
    if (!WithinOpeningHours(venue->f, input.starts_at, input.ends_at)) {
      return Status::Invalid("starts_at", "venues.outside_hours");
    }
    if (input.attendees > room->capacity) {
      return Status::Invalid("attendees", "venues.over_capacity", std::to_string(room->capacity));
    }
    // The check every writer makes; the database's own guard (0002) catches what races past it.
    TS_ASSIGN_OR_RETURN(auto holding, HoldingBooking(tx, room->id, input.starts_at, input.ends_at, 0));
    if (holding) return Status::Conflict("venues.overlap");
    Booking b;
    b.room_id = room->id;
    b.venue_id = venue->id;
    b.organization_id = venue->organization_id;
    b.org_path = venue->org_path;
    b.account_id = caller.actor.account_id;
    b.booker_name = caller.actor.display_name.empty() ? caller.actor.login : caller.actor.display_name;
    b.starts_at = input.starts_at;
    b.ends_at = input.ends_at;
    b.purpose = input.purpose;
    b.attendees = input.attendees;
    b.status = venue->f.requires_approval ? "pending" : "approved";
    b.created_at = b.updated_at = now;
    TS_ASSIGN_OR_RETURN(b.id, InsertBooking(tx, b));
    if (b.status == "pending") {
      TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, b.organization_id, kPendingBookingsCounter, 1));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"venue_booking.create", "venue_booking", b.id, b.org_path, "", BookingAuditJson(b)}));
    return ViewOf(tx, caller.actor, std::move(b), now);
  });
  if (!result.ok()) return OverlapAsConflict(result.status());
  return result;
}

}  // namespace tianshan::venues
