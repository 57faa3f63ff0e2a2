#include "modules/volunteering/signups/cancel_sign_up.h"
#include "modules/volunteering/hours/confirm_hours.h"
#include "modules/volunteering/handler_support.h"
#include "modules/volunteering/handlers.h"
#include "modules/volunteering/signups/list_sign_ups.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse AttendanceResponse(const HttpRequest& req, const Result<AttendanceResult>& r) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  out.StartObject().Key("attendance");
  WriteAttendance(out, r->attendance);
  out.Field("changed", r->changed).EndObject();
  return HttpResponse::Json(out.Take());
}

void CheckInRoute(http::Router& router, const AppContext& ctx, const char* pattern, Direction direction) {
  router.Add("POST", pattern, Access::kSession, [&ctx, direction](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto token = ParseToken(req.body);
    if (!token.ok()) return Problem(req, token.status());
    return AttendanceResponse(req, CheckInByToken(ctx, CallerOf(req), *id, direction, *token));
  });
}

}  // namespace

void RegisterSignUpRoutes(http::Router& router, const AppContext& ctx) {
  router.Add("POST", "/api/v1/volunteering/shifts/{id}/sign-ups", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto in = ParseSignUp(req);
    if (!in.ok()) return Problem(req, in.status());
    auto r = SignUpForShift(ctx, CallerOf(req), *id, *in);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    WriteSignUp(out, r->sign_up, r->waitlist_position, false);
    auto resp = HttpResponse::Json(out.Take(), r->replayed ? 200 : 201);
    if (r->replayed) resp.Header("Idempotent-Replayed", "true");
    return resp;
  });
  router.Add("POST", "/api/v1/volunteering/sign-ups/{id}/cancel", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto r = CancelSignUp(ctx, CallerOf(req), *id);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("sign_up");
    WriteSignUp(out, r->sign_up, std::nullopt, false);
    // The promoted volunteer is named only to managers; the canceller learns that a seat moved.
    out.Field("promoted", r->promoted.has_value()).EndObject();
    return HttpResponse::Json(out.Take());
  });
  router.Add("GET", "/api/v1/volunteering/my/sign-ups", Access::kSession, [&ctx](HttpRequest& req) {
    auto page = ParseIdPage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto r = ListMySignUps(ctx, *req.actor, page->cursor, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& m : r->items) {
      out.StartObject().Key("sign_up");
      WriteSignUp(out, m.sign_up, m.waitlist_position, false);
      out.Key("shift");
      WriteShift(out, m.shift);
      out.Field("project_id", m.project_id).Field("project_title", m.project_title).Key("attendance");
      WriteAttendance(out, m.attendance);
      out.EndObject();
    }
    out.EndArray().Field("next_cursor", http::IdCursorText(r->next_cursor));
    return HttpResponse::Json(out.EndObject().Take());
  });
  router.Add("GET", "/api/v1/volunteering/shifts/{id}/roster", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto r = GetRoster(ctx, *req.actor, *id);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("shift");
    WriteShift(out, r->shift);
    out.Key("project");
    WriteProject(out, r->project);
    out.Key("items").StartArray();
    for (const auto& line : r->lines) {
      out.StartObject().Key("sign_up");
      WriteSignUp(out, line.sign_up, line.waitlist_position, true);
      out.Key("attendance");
      WriteAttendance(out, line.attendance);
      out.EndObject();
    }
    return HttpResponse::Json(out.EndArray().EndObject().Take());
  });
  router.Add("GET", "/api/v1/volunteering/shifts/{id}/check-in-code", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    std::string dir = req.Query("direction").value_or("in");
    if (dir != "in" && dir != "out") return Problem(req, Status::Invalid("direction", "field.not_one_of", "in, out"));
    auto r = IssueCheckInCode(ctx, *req.actor, *id, dir == "in" ? Direction::kIn : Direction::kOut, BaseUrl(req));
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject()
        .Field("shift_id", *id)
        .Field("direction", dir)
        .Field("token", r->token)
        .Field("url", r->url)
        .Field("expires_at", FormatUtc(r->expires_at))
        .Field("svg", r->svg)
        .EndObject();
    return HttpResponse::Json(out.Take());
  });
  CheckInRoute(router, ctx, "/api/v1/volunteering/shifts/{id}/check-in", Direction::kIn);
  CheckInRoute(router, ctx, "/api/v1/volunteering/shifts/{id}/check-out", Direction::kOut);
  router.Add("POST", "/api/v1/volunteering/sign-ups/{id}/attendance", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto fix = ParseAttendanceFix(req.body);
    if (!fix.ok()) return Problem(req, fix.status());
    return AttendanceResponse(req, RecordAttendance(ctx, CallerOf(req), *id, *fix));
  });
  router.Add("POST", "/api/v1/volunteering/shifts/{id}/confirm-hours", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto ids = ParseConfirm(req.body);
    if (!ids.ok()) return Problem(req, ids.status());
    auto r = ConfirmShiftHours(ctx, CallerOf(req), *id, *ids);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& e : *r) WriteEntry(out, e);
    return HttpResponse::Json(out.EndArray().EndObject().Take());
  });
}

}  // namespace tianshan::volunteering
