#include "modules/organizations/public/counters.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"
#include "modules/venues/venue_support.h"

namespace tianshan::venues {
namespace {

const char* ActionName(BookingAction a) {
  switch (a) {
    case BookingAction::kApprove:
      return "approve";
    case BookingAction::kReject:
      return "reject";
    case BookingAction::kCancel:
      return "cancel";
    case BookingAction::kNoShow:
      return "no_show";
  }
  return "";
}

}  // namespace

Result<BookingView> DecideBooking(const AppContext& ctx, const auth::Caller& caller, int64_t booking_id,
                                  BookingAction action, const std::optional<std::string>& reason) {
  if (action == BookingAction::kReject && !reason) return Status::Invalid("reason", "field.required");
  const int64_t now = ctx.clock.NowMillis();
  auto result = ctx.db.Write([&](storage::Transaction& tx) -> Result<BookingView> {
    TS_ASSIGN_OR_RETURN(auto found, FindBooking(tx, booking_id));
    const bool own = found && found->account_id == caller.actor.account_id;
    if (!found || (!own && !CanRead(caller.actor, found->org_path))) {
      return Status::NotFound("venues.booking_not_found");
    }
    Booking b = *found;
    const BookingCan can = BookingActions(caller.actor, b, now);
    const bool manager = CanManage(caller.actor, b.org_path);
    bool allowed = false;
    switch (action) {
      case BookingAction::kApprove:
        allowed = can.approve;
        b.status = "approved";
        break;
      case BookingAction::kReject:
        allowed = can.reject;
        b.status = "rejected";
        break;
      case BookingAction::kCancel:
        allowed = can.cancel;
        b.status = "cancelled";
        break;
      case BookingAction::kNoShow:
        allowed = can.no_show;
        b.status = "no_show";
        break;
    }
    if (!allowed) {
      // A role that may never take this action is 403; a state that does not allow it is 409.
      const bool role_ok = action == BookingAction::kCancel ? (manager || own) : manager;
      if (!role_ok) return Status::Forbidden();
      return Status::Conflict("venues.booking_state").WithParam(found->status);
    }
    if (action == BookingAction::kApprove) {
      TS_ASSIGN_OR_RETURN(auto holding, HoldingBooking(tx, b.room_id, b.starts_at, b.ends_at, b.id));
      if (holding) return Status::Conflict("venues.overlap");
    }
    b.reason = reason;
    b.decided_by = caller.actor.account_id;
    b.decided_at = b.updated_at = now;
    TS_ASSIGN_OR_RETURN(bool changed, ChangeBookingStatus(tx, b, found->status));
    if (!changed) return Status::Conflict("venues.booking_state").WithParam(found->status);
    if (action == BookingAction::kNoShow) {
      TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, b.organization_id, kNoShowsCounter, 1));
    }
    if (found->status == "pending") {
      TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, b.organization_id, kPendingBookingsCounter, -1));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {std::string("venue_booking.") + ActionName(action), "venue_booking", b.id,
                                         b.org_path, BookingAuditJson(*found), BookingAuditJson(b)}));
    return ViewOf(tx, caller.actor, std::move(b), now);
  });
  if (!result.ok()) return OverlapAsConflict(result.status());
  return result;
}

}  // namespace tianshan::venues
