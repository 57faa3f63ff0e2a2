#include "modules/venues/handlers.h"

#include "core/calendar.h"
#include "core/china_time.h"
#include "http/gate.h"
#include "modules/venues/requests.h"

namespace tianshan::venues {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

void WriteRoom(JsonOut& out, const Room& r, bool can_manage) {
  out.StartObject()
      .Field("id", r.id)
      .Field("venue_id", r.venue_id)
      .Field("name", r.name)
      .Field("capacity", r.capacity)
      .Field("equipment", r.equipment);
  WriteCan(out, {{"edit", can_manage}, {"remove", can_manage}});
  out.EndObject();
}

void WriteCoordinate(JsonOut& out, const char* name, const std::optional<double>& v) {
  out.Key(name);
  if (v) {
    out.Double(*v);
  } else {
    out.Null();
  }
}

// The public face of a venue (no account data: what a passer-by may read), plus `can`.
void RegisterPhotoRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "venues.manage")
      .Post("/api/v1/venues/{id}/photos",
            [&ctx](HttpRequest& req) -> Result<HttpResponse> {
              TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
              TS_ASSIGN_OR_RETURN(auto name, publishing::RequiredQueryText(req, "name", 100));
              TS_ASSIGN_OR_RETURN(auto photo, AddVenuePhoto(ctx, http::CallerOf(req), id, name, req.body));
              JsonOut out;
              out.StartObject()
                  .Field("key", photo.key)
                  .Field("url", "/api/v1/venues/" + std::to_string(id) + "/photos/" + photo.key)
                  .Field("file_name", photo.file_name)
                  .EndObject();
              return http::Json(out, 201);
            })
      .upload_limit = kMaxPhotoBytes;
  http::Gated(router, "venues.manage")
      .Delete("/api/v1/venues/{id}/photos", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto key, publishing::RequiredQueryText(req, "key", 40));
        TS_RETURN_IF_ERROR(RemoveVenuePhoto(ctx, http::CallerOf(req), id, key));
        return HttpResponse::NoContent();
      });
  router.Get("/api/v1/venues/{id}/photos/{key}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto found, VenuePhoto(ctx, id, std::string(req.PathParam("key"))));
    return publishing::FileDownload(found.first, std::move(found.second), "public, max-age=86400");
  });
}

void WriteVenue(JsonOut& out, const VenueView& v, bool with_rooms) {
  const Venue& e = v.venue;
  out.StartObject()
      .Field("id", e.id)
      .Field("organization_id", e.organization_id)
      .Field("name", e.f.name)
      .Field("kind", e.f.kind)
      .Field("address", e.f.address);
  WriteCoordinate(out, "latitude", e.f.latitude);
  WriteCoordinate(out, "longitude", e.f.longitude);
  out.Key("facilities");
  WriteStrings(out, e.f.facilities);
  out.Field("contact_name", e.f.contact_name)
      .Field("contact_phone", e.f.contact_phone)
      .Field("requires_approval", e.f.requires_approval)
      .Key("opening_hours");
  WriteHours(out, e.f.hours);
  out.Key("exceptions");
  WriteExceptions(out, e.f.exceptions);
  if (with_rooms) {
    out.Key("rooms").StartArray();
    for (const auto& r : v.rooms) WriteRoom(out, r, v.can_manage);
    out.EndArray();
    out.Key("photos").StartArray();
    for (const auto& p : v.photos) {
      out.StartObject()
          .Field("key", p.key)
          .Field("url", "/api/v1/venues/" + std::to_string(e.id) + "/photos/" + p.key)
          .Field("file_name", p.file_name)
          .EndObject();
    }
    out.EndArray();
  }
  WriteCan(
      out,
      {{"edit", v.can_manage}, {"add_room", v.can_manage}, {"check_in", v.can_manage}, {"add_photo", v.can_manage}});
  out.EndObject();
}

void WriteBooking(JsonOut& out, const BookingView& v) {
  const Booking& b = v.booking;
  out.StartObject()
      .Field("id", b.id)
      .Field("room_id", b.room_id)
      .Field("room_name", v.room_name)
      .Field("venue_id", b.venue_id)
      .Field("venue_name", v.venue_name)
      .Field("organization_id", b.organization_id)
      .Field("booker_name", b.booker_name)
      .Field("starts_at", FormatUtc(b.starts_at))
      .Field("ends_at", FormatUtc(b.ends_at))
      .Field("purpose", b.purpose)
      .Field("attendees", b.attendees)
      .Field("status", b.status)
      .Field("reason", b.reason)
      .Field("decided_at", b.decided_at ? std::optional<std::string>(FormatUtc(*b.decided_at)) : std::nullopt)
      .Field("checked_in_at", b.checked_in_at ? std::optional<std::string>(FormatUtc(*b.checked_in_at)) : std::nullopt)
      .Field("created_at", FormatUtc(b.created_at));
  WriteCan(out, {{"approve", v.can.approve},
                 {"reject", v.can.reject},
                 {"cancel", v.can.cancel},
                 {"no_show", v.can.no_show},
                 {"show_code", v.can.show_code}});
  out.EndObject();
}

HttpResponse VenueJson(const VenueView& v, int status = 200) {
  JsonOut out;
  WriteVenue(out, v, true);
  return http::Json(out, status);
}

HttpResponse BookingJson(const BookingView& v, int status = 200) {
  JsonOut out;
  WriteBooking(out, v);
  return http::Json(out, status);
}

HttpResponse VenuePageJson(const VenuePage& page) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& v : page.items) WriteVenue(out, v, false);
  out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
  return http::Json(out);
}

HttpResponse BookingPageJson(const BookingPage& page) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& v : page.items) WriteBooking(out, v);
  out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
  return http::Json(out);
}

HttpResponse CalendarJson(const Calendar& c) {
  JsonOut out;
  out.StartObject().Key("venue");
  WriteVenue(out, c.venue, true);
  out.Key("days").StartArray();
  for (const auto& d : c.days) {
    out.StartObject().Field("date", d.date).Key("windows");
    WriteHours(out, d.windows);
    out.EndObject();
  }
  out.EndArray().Key("busy").StartArray();
  for (const auto& b : c.busy) {
    out.StartObject()
        .Field("room_id", b.room_id)
        .Field("starts_at", FormatUtc(b.starts_at))
        .Field("ends_at", FormatUtc(b.ends_at))
        .EndObject();
  }
  out.EndArray().EndObject();
  return http::Json(out);
}

void RegisterDecision(http::Router& router, const AppContext& ctx, const std::string& verb, BookingAction action) {
  http::Gated(router, "venues.manage")
      .Post("/api/v1/bookings/{id}/" + verb, [&ctx, action](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto reason, ParseReason(req));
        TS_ASSIGN_OR_RETURN(auto view, DecideBooking(ctx, http::CallerOf(req), id, action, reason));
        return BookingJson(view);
      });
}

}  // namespace

void RegisterRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "venues.read")
      .Get("/api/v1/organizations/{id}/venues", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        const int limit = query.Limit(50, 200);
        const auto after = query.IdCursor();
        const auto q = query.Text("q", kMaxName);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListVenues(ctx, *req.actor, id, q, after, limit));
        return VenuePageJson(page);
      });
  http::Gated(router, "venues.manage")
      .Post("/api/v1/organizations/{id}/venues", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseVenue(req));
        TS_ASSIGN_OR_RETURN(auto created, CreateVenue(ctx, http::CallerOf(req), id, input));
        return VenueJson(created, 201);
      });
  router.Get("/api/v1/venues/{id}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto found, GetVenue(ctx, req.actor ? &*req.actor : nullptr, id));
    return VenueJson(found);
  });
  http::Gated(router, "venues.manage").Put("/api/v1/venues/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto input, ParseVenue(req));
    TS_ASSIGN_OR_RETURN(auto updated, UpdateVenue(ctx, http::CallerOf(req), id, input));
    return VenueJson(updated);
  });
  RegisterPhotoRoutes(router, ctx);
  router.Get("/api/v1/venues", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    http::QueryReader query(req);
    const int limit = query.Limit(50, 200);
    const auto after = query.IdCursor();
    const auto q = query.Text("q", kMaxName);
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto page, ListPublicVenues(ctx, q, after, limit));
    return VenuePageJson(page);
  });
  router.Get("/api/v1/venues/{id}/calendar", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    http::QueryReader query(req);
    auto from = query.Text("from", 10);
    if (from && !IsValidDate(*from)) query.AddError("from", "field.bad_date");
    const int days = static_cast<int>(query.Int("days", 1, 31).value_or(7));
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto cal, GetCalendar(ctx, id, from.value_or(TodayInChina(ctx.clock.NowMillis())), days));
    return CalendarJson(cal);
  });
  http::Gated(router, "venues.manage")
      .Post("/api/v1/venues/{id}/rooms", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseRoom(req));
        TS_ASSIGN_OR_RETURN(auto room, CreateRoom(ctx, http::CallerOf(req), id, input));
        JsonOut out;
        WriteRoom(out, room, true);
        return http::Json(out, 201);
      });
  http::Gated(router, "venues.manage").Put("/api/v1/rooms/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto input, ParseRoom(req));
    TS_ASSIGN_OR_RETURN(auto room, UpdateRoom(ctx, http::CallerOf(req), id, input));
    JsonOut out;
    WriteRoom(out, room, true);
    return http::Json(out);
  });
  http::Gated(router, "venues.manage").Delete("/api/v1/rooms/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_RETURN_IF_ERROR(RemoveRoom(ctx, http::CallerOf(req), id));
    return HttpResponse::NoContent();
  });
  http::Gated(router, http::kGateSignedIn)
      .Post("/api/v1/rooms/{id}/bookings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseBooking(req));
        TS_ASSIGN_OR_RETURN(auto booking, BookRoom(ctx, http::CallerOf(req), id, input));
        return BookingJson(booking, 201);
      });
  http::Gated(router, "venues.read").Get("/api/v1/bookings/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto booking, GetBooking(ctx, *req.actor, id));
    return BookingJson(booking);
  });
  http::Gated(router, "venues.read")
      .Get("/api/v1/organizations/{id}/bookings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        const int limit = query.Limit(50, 200);
        const auto before = query.IdCursor();
        const auto status = query.OneOf("status", BookingStatuses());
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListBookings(ctx, *req.actor, id, status, before, limit));
        return BookingPageJson(page);
      });
  http::Gated(router, http::kGateSelf).Get("/api/v1/my/bookings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    http::QueryReader query(req);
    const int limit = query.Limit(50, 200);
    const auto before = query.IdCursor();
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto page, ListMyBookings(ctx, *req.actor, before, limit));
    return BookingPageJson(page);
  });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/bookings/{id}/check-in-code", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto code, IssueBookingCode(ctx, *req.actor, id, http::BaseUrl(req)));
        JsonOut out;
        out.StartObject()
            .Field("token", code.token)
            .Field("url", code.url)
            .Field("svg", code.svg)
            .Field("expires_at", FormatUtc(code.expires_at))
            .EndObject();
        return http::Json(out);
      });
  http::Gated(router, "venues.manage")
      .Post("/api/v1/venues/{id}/check-in", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto token, ParseCheckIn(req));
        TS_ASSIGN_OR_RETURN(auto booking, CheckInBooking(ctx, http::CallerOf(req), id, token));
        return BookingJson(booking);
      });
  RegisterDecision(router, ctx, "approve", BookingAction::kApprove);
  RegisterDecision(router, ctx, "reject", BookingAction::kReject);
  RegisterDecision(router, ctx, "cancel", BookingAction::kCancel);
  RegisterDecision(router, ctx, "no-show", BookingAction::kNoShow);
}

}  // namespace tianshan::venues
