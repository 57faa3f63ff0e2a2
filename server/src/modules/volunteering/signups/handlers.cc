#include "modules/volunteering/handlers.h"

#include "http/gate.h"
#include "http/url.h"
#include "modules/volunteering/answers.h"
#include "modules/volunteering/requests.h"
#include "modules/volunteering/signups/cancel_sign_up.h"
#include "modules/volunteering/signups/export_roster.h"
#include "modules/volunteering/signups/list_sign_ups.h"
#include "modules/volunteering/signups/requests.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {
namespace {

void WriteAttendanceResult(JsonOut& out, const AttendanceResult& result) {
  out.StartObject().Key("attendance");
  WriteAttendance(out, result.attendance);
  out.Field("changed", result.changed).EndObject();
}

void CheckInRoute(http::Router& router, const AppContext& ctx, const char* pattern, Direction direction) {
  http::Gated(router, http::kGateSelf).Post(pattern, [&ctx, direction](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto token, ParseToken(req));
    TS_ASSIGN_OR_RETURN(auto result, CheckInByToken(ctx, http::CallerOf(req), id, direction, token));
    return One(result, WriteAttendanceResult);
  });
}

}  // namespace

void RegisterSignUpRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "volunteering.sign_up")
      .Post("/api/v1/volunteering/shifts/{id}/sign-ups", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseSignUp(req));
        TS_ASSIGN_OR_RETURN(auto result, SignUpForShift(ctx, http::CallerOf(req), id, input));
        JsonOut out;
        WriteSignUp(out, result.sign_up, result.waitlist_position, false);
        HttpResponse resp = http::Json(out, result.replayed ? 200 : 201);
        if (result.replayed) resp.Header("Idempotent-Replayed", "true");
        return resp;
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/volunteering/sign-ups/{id}/cancel", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto result, CancelSignUp(ctx, http::CallerOf(req), id));
        JsonOut out;
        out.StartObject().Key("sign_up");
        WriteSignUp(out, result.sign_up, std::nullopt, false);
        // The promoted volunteer is named only to managers; the canceller learns that a seat moved.
        out.Field("promoted", result.promoted.has_value()).EndObject();
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/volunteering/my/sign-ups", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        IdPage page = ReadIdPage(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list, ListMySignUps(ctx, *req.actor, page.after, page.limit));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& m : list.items) {
          out.StartObject().Key("sign_up");
          WriteSignUp(out, m.sign_up, m.waitlist_position, false);
          out.Key("shift");
          WriteShift(out, m.shift, list.now);
          out.Field("project_id", m.project_id).Field("project_title", m.project_title).Key("attendance");
          WriteAttendance(out, m.attendance);
          out.EndObject();
        }
        out.EndArray().Field("next_cursor", http::IdCursorText(list.next_cursor)).EndObject();
        return http::Json(out);
      });
  http::Gated(router, "volunteering.manage_roster")
      .Get("/api/v1/volunteering/shifts/{id}/roster", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto roster, GetRoster(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject().Key("shift");
        WriteShiftView(out, roster.shift);
        out.Key("project");
        WriteProject(out, roster.project);
        out.Key("items").StartArray();
        for (const auto& line : roster.lines) {
          out.StartObject().Key("sign_up");
          WriteSignUp(out, line.sign_up, line.waitlist_position, true);
          out.Key("attendance");
          WriteAttendance(out, line.attendance);
          out.EndObject();
        }
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, "volunteering.manage_roster")
      .Get("/api/v1/volunteering/shifts/{id}/roster/export", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto file, ExportRoster(ctx, *req.actor, id));
        HttpResponse resp;
        resp.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        resp.body = std::move(file.bytes);
        resp.Header("Content-Disposition", "attachment; filename=\"roster-" + std::to_string(id) +
                                               ".xlsx\"; filename*=UTF-8''" + http::PercentEncode(file.file_name));
        return resp;
      });
  http::Gated(router, "volunteering.manage_roster")
      .Get("/api/v1/volunteering/shifts/{id}/check-in-code", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        Direction direction = ReadDirection(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto code, IssueCheckInCode(ctx, *req.actor, id, direction, http::BaseUrl(req)));
        JsonOut out;
        out.StartObject()
            .Field("shift_id", id)
            .Field("direction", direction == Direction::kIn ? "in" : "out")
            .Field("token", code.token)
            .Field("url", code.url)
            .Field("expires_at", FormatUtc(code.expires_at))
            .Field("svg", code.svg)
            .EndObject();
        return http::Json(out);
      });
  CheckInRoute(router, ctx, "/api/v1/volunteering/shifts/{id}/check-in", Direction::kIn);
  CheckInRoute(router, ctx, "/api/v1/volunteering/shifts/{id}/check-out", Direction::kOut);
  http::Gated(router, "volunteering.manage_roster")
      .Post("/api/v1/volunteering/sign-ups/{id}/attendance", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto fix, ParseAttendanceFix(req));
        TS_ASSIGN_OR_RETURN(auto result, RecordAttendance(ctx, http::CallerOf(req), id, fix));
        return One(result, WriteAttendanceResult);
      });
}

}  // namespace tianshan::volunteering
