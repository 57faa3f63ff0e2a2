#include "core/china_time.h"
#include "modules/organizations/public/lookup.h"
#include "modules/venues/permissions.h"
#include "modules/venues/use_cases.h"
#include "modules/venues/venue_repository.h"
#include "modules/venues/venue_support.h"

namespace tianshan::venues {
namespace {

VenuePage Paged(std::vector<Venue> rows, int limit, const auth::Actor* actor) {
  VenuePage page;
  for (auto& v : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = page.items.back().venue.id;
      break;
    }
    const bool manage = actor && CanManage(*actor, v.org_path);
    page.items.push_back({std::move(v), {}, manage});
  }
  return page;
}

}  // namespace

Result<VenueView> GetVenue(const AppContext& ctx, const auth::Actor* actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<VenueView> {
    TS_ASSIGN_OR_RETURN(auto v, FindVenue(tx, id));
    if (!v) return Status::NotFound("venues.not_found");
    TS_ASSIGN_OR_RETURN(auto rooms, SelectRooms(tx, v->id));
    const bool manage = actor && CanManage(*actor, v->org_path);
    TS_ASSIGN_OR_RETURN(auto photos, publishing::FilesOf(tx, kPhotoOwner, v->id));
    return VenueView{std::move(*v), std::move(rooms), manage, std::move(photos)};
  });
}

Result<VenuePage> ListVenues(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                             const std::optional<std::string>& q, std::optional<int64_t> after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<VenuePage> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::NotFound("organization.not_found");
    TS_ASSIGN_OR_RETURN(auto rows, SelectVenues(tx, org.path, q, after_id, limit));
    return Paged(std::move(rows), limit, &actor);
  });
}

Result<VenuePage> ListPublicVenues(const AppContext& ctx, const std::optional<std::string>& q,
                                   std::optional<int64_t> after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<VenuePage> {
    TS_ASSIGN_OR_RETURN(auto rows, SelectVenues(tx, "", q, after_id, limit));
    return Paged(std::move(rows), limit, nullptr);
  });
}

Result<Calendar> GetCalendar(const AppContext& ctx, int64_t venue_id, const std::string& from, int days) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<Calendar> {
    TS_ASSIGN_OR_RETURN(auto v, FindVenue(tx, venue_id));
    if (!v) return Status::NotFound("venues.not_found");
    Calendar c;
    for (int i = 0; i < days; ++i) {
      std::string date = AddDays(from, i);
      c.days.push_back({date, WindowsOn(v->f, date)});
    }
    TS_ASSIGN_OR_RETURN(auto held, HeldDuring(tx, v->id, ChinaMidnight(from), ChinaMidnight(AddDays(from, days))));
    for (const auto& b : held) c.busy.push_back({b.room_id, b.starts_at, b.ends_at});
    TS_ASSIGN_OR_RETURN(auto rooms, SelectRooms(tx, v->id));
    TS_ASSIGN_OR_RETURN(auto photos, publishing::FilesOf(tx, kPhotoOwner, v->id));
    c.venue = VenueView{std::move(*v), std::move(rooms), false, std::move(photos)};
    return c;
  });
}

Result<BookingView> GetBooking(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<BookingView> {
    TS_ASSIGN_OR_RETURN(auto b, FindBooking(tx, id));
    if (!b || (b->account_id != actor.account_id && !CanRead(actor, b->org_path))) {
      return Status::NotFound("venues.booking_not_found");
    }
    return ViewOf(tx, actor, std::move(*b), ctx.clock.NowMillis());
  });
}

namespace {

Result<BookingPage> PageOf(storage::Transaction& tx, const auth::Actor& actor, std::vector<Booking> rows, int limit,
                           int64_t now) {
  BookingPage page;
  for (auto& b : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = page.items.back().booking.id;
      break;
    }
    TS_ASSIGN_OR_RETURN(auto view, ViewOf(tx, actor, std::move(b), now));
    page.items.push_back(std::move(view));
  }
  return page;
}

}  // namespace

Result<BookingPage> ListBookings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 const std::optional<std::string>& status, std::optional<int64_t> before_id,
                                 int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<BookingPage> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::NotFound("organization.not_found");
    BookingFilter f;
    f.path = org.path;
    f.status = status;
    TS_ASSIGN_OR_RETURN(auto rows, SelectBookings(tx, f, before_id, limit));
    return PageOf(tx, actor, std::move(rows), limit, ctx.clock.NowMillis());
  });
}

Result<BookingPage> ListMyBookings(const AppContext& ctx, const auth::Actor& actor, std::optional<int64_t> before_id,
                                   int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<BookingPage> {
    BookingFilter f;
    f.account_id = actor.account_id;
    TS_ASSIGN_OR_RETURN(auto rows, SelectBookings(tx, f, before_id, limit));
    return PageOf(tx, actor, std::move(rows), limit, ctx.clock.NowMillis());
  });
}

}  // namespace tianshan::venues
