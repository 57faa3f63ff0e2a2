// Check-in at the venue by QR code: the booker's code (a signed token on volunteering's
// mechanism, scope "venues.booking"), the manager's scan, and the no-show job.

#include "audit/audit_log.h"
#include "core/china_time.h"
#include "core/qr_code.h"
#include "modules/organizations/public/counters.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"
#include "modules/venues/venue_support.h"
#include "modules/volunteering/public/checkin_token.h"

namespace tianshan::venues {
namespace {

// volunteering's token failures in the words of a booking.
Status TokenError(const Status& s) {
  for (const auto& e : s.field_errors()) {
    if (e.message == "volunteer.token_expired") return Status::Invalid("token", "venues.checkin_expired");
  }
  return Status::Invalid("token", "venues.checkin_forged");
}

constexpr int64_t kCheckInEarlyMillis = 60 * 60 * 1000;

}  // namespace

Result<BookingCode> IssueBookingCode(const AppContext& ctx, const auth::Actor& actor, int64_t booking_id,
                                     const std::string& base_url) {
  const int64_t now = ctx.clock.NowMillis();
  TS_ASSIGN_OR_RETURN(auto key_and_booking,
                      ctx.db.Write([&](storage::Transaction& tx) -> Result<std::pair<std::string, Booking>> {
                        TS_ASSIGN_OR_RETURN(auto found, FindBooking(tx, booking_id));
                        const bool own = found && found->account_id == actor.account_id;
                        if (!found || (!own && !CanRead(actor, found->org_path))) {
                          return Status::NotFound("venues.booking_not_found");
                        }
                        if (!own) return Status::Forbidden();
                        if (!BookingActions(actor, *found, now).show_code) {
                          if (found->checked_in_at) return Status::Conflict("venues.checked_in_already");
                          if (found->status != "approved") {
                            return Status::Conflict("venues.booking_state").WithParam(found->status);
                          }
                          return Status::Conflict("venues.booking_ended");
                        }
                        TS_ASSIGN_OR_RETURN(auto key, volunteering::ScopedCheckInKey(tx, ctx, kCheckInScope));
                        return std::make_pair(std::move(key), *found);
                      }));
  const Booking& b = key_and_booking.second;
  BookingCode code;
  code.expires_at = b.ends_at;
  code.token = volunteering::MakeScopedCheckInToken(key_and_booking.first, b.id, b.ends_at);
  code.url = base_url + "/app/venues/" + std::to_string(b.venue_id) + "/check-in?token=" + code.token;
  TS_ASSIGN_OR_RETURN(code.svg, QrSvg(code.url));
  return code;
}

Result<BookingView> CheckInBooking(const AppContext& ctx, const auth::Caller& caller, int64_t venue_id,
                                   const std::string& token) {
  const int64_t now = ctx.clock.NowMillis();
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<BookingView> {
    TS_ASSIGN_OR_RETURN(auto venue, LoadReadableVenue(tx, caller.actor, venue_id));
    if (!CanManage(caller.actor, venue.org_path)) return Status::Forbidden();
    const auto subject = volunteering::CheckInTokenSubject(token);
    if (!subject) return Status::Invalid("token", "venues.checkin_forged");
    TS_ASSIGN_OR_RETURN(auto key, volunteering::ScopedCheckInKey(tx, ctx, kCheckInScope));
    if (Status s = volunteering::VerifyScopedCheckInToken(key, token, *subject, now); !s.ok()) return TokenError(s);
    TS_ASSIGN_OR_RETURN(auto found, FindBooking(tx, *subject));
    if (!found) return Status::Invalid("token", "venues.checkin_forged");
    if (found->venue_id != venue_id) return Status::Invalid("token", "venues.checkin_other_venue");
    if (found->checked_in_at) return Status::Conflict("venues.checked_in_already");
    if (found->status != "approved") return Status::Conflict("venues.booking_state").WithParam(found->status);
    // On the booking's day (China time), and from an hour before it starts, so that a booking just
    // after midnight can be checked in the evening before.
    const std::string day = ChinaDate(found->starts_at);
    const bool open = ChinaDate(now) == day || (now >= found->starts_at - kCheckInEarlyMillis && now < found->ends_at);
    if (!open) return Status::Conflict("venues.checkin_other_day").WithParam(day);
    TS_ASSIGN_OR_RETURN(bool marked, MarkCheckedIn(tx, found->id, caller.actor.account_id, now));
    if (!marked) return Status::Conflict("venues.checked_in_already");
    Booking b = *found;
    b.checked_in_at = b.updated_at = now;
    b.checked_in_by = caller.actor.account_id;
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller,
        {"venue_booking.check_in", "venue_booking", b.id, b.org_path, BookingAuditJson(*found), BookingAuditJson(b)}));
    return ViewOf(tx, caller.actor, std::move(b), now);
  });
}

Result<int> RecordNoShows(const AppContext& ctx) {
  constexpr int kBatch = 200;
  int recorded = 0;
  while (true) {
    const int64_t now = ctx.clock.NowMillis();
    // (recorded in this batch, whether more may be due)
    TS_ASSIGN_OR_RETURN(auto batch, ctx.db.Write([&](storage::Transaction& tx) -> Result<std::pair<int, bool>> {
      TS_ASSIGN_OR_RETURN(auto due, SelectUnattended(tx, now, kBatch));
      int n = 0;
      for (const Booking& found : due) {
        Booking b = found;
        b.status = "no_show";
        b.decided_by = std::nullopt;
        b.decided_at = b.updated_at = now;
        TS_ASSIGN_OR_RETURN(bool changed, ChangeBookingStatus(tx, b, "approved"));
        if (!changed) continue;  // checked in or cancelled meanwhile
        TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, b.organization_id, kNoShowsCounter, 1));
        TS_RETURN_IF_ERROR(ctx.audit.Record(tx, audit::AuditEntry{.action = "venue_booking.no_show",
                                                                  .entity_type = "venue_booking",
                                                                  .entity_id = std::to_string(b.id),
                                                                  .organization_path = b.org_path,
                                                                  .before_json = BookingAuditJson(found),
                                                                  .after_json = BookingAuditJson(b),
                                                                  .request_id = "job:venues.no_shows"}));
        ++n;
      }
      return std::make_pair(n, static_cast<int>(due.size()) == kBatch);
    }));
    recorded += batch.first;
    if (!batch.second) return recorded;
  }
}

}  // namespace tianshan::venues
