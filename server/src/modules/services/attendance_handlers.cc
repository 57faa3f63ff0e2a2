// Routes of attendance and enrollment figures (attendance.h; README.md's route table).
#include "core/calendar.h"
#include "http/gate.h"
#include "modules/services/handlers.h"
#include "modules/services/requests.h"

namespace tianshan::services {
namespace {

using http::HttpRequest;
using http::HttpResponse;

void WriteFigures(JsonOut& out, const EnrollmentFigures& f) {
  out.Field("enrolled", f.enrolled)
      .Field("waitlisted", f.waitlisted)
      .Field("present_days", f.present_days)
      .Field("marked_days", f.marked_days)
      .Key("attendance_rate");
  if (auto rate = f.AttendanceRate()) {
    out.Double(*rate);
  } else {
    out.Null();
  }
}

HttpResponse DayJson(const AttendanceDay& d) {
  JsonOut out;
  out.StartObject()
      .Field("session_id", d.session.id)
      .Field("session_name", d.session.name)
      .Field("service_id", d.session.service_id)
      .Field("service_name", d.service_name)
      .Field("starts_on", d.session.starts_on)
      .Field("ends_on", d.session.ends_on)
      .Field("day", d.day);
  out.Key("items").StartArray();
  for (const auto& r : d.rows) {
    out.StartObject().Field("enrollment_id", r.enrollment_id).Field("participant_name", r.participant_name);
    out.Key("present");
    if (r.present) {
      out.Bool(*r.present);
    } else {
      out.Null();
    }
    out.EndObject();
  }
  out.EndArray();
  WriteCan(out, {{"mark", d.can_mark}});
  out.EndObject();
  return http::Json(out);
}

}  // namespace

void RegisterAttendanceRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "services.read")
      .Get("/api/v1/sessions/{id}/attendance", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader q(req);
        auto day = q.Text("day", 10);
        if (day && !IsValidDate(*day)) q.AddError("day", "field.bad_date");
        TS_RETURN_IF_ERROR(q.Finish());
        TS_ASSIGN_OR_RETURN(auto view, GetAttendanceDay(ctx, *req.actor, id, day));
        return DayJson(view);
      });
  http::Gated(router, "services.manage")
      .Put("/api/v1/sessions/{id}/attendance", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseAttendance(req));
        TS_ASSIGN_OR_RETURN(auto view, MarkAttendance(ctx, http::CallerOf(req), id, input.day, input.marks));
        return DayJson(view);
      });
  http::Gated(router, "services.read")
      .Get("/api/v1/services/{id}/enrollment-figures", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::QueryReader(req).Finish());
        TS_ASSIGN_OR_RETURN(auto f, GetServiceEnrollmentFigures(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject();
        WriteFigures(out, f.total);
        out.Key("sessions").StartArray();
        for (const auto& s : f.sessions) {
          out.StartObject()
              .Field("id", s.id)
              .Field("name", s.name)
              .Field("starts_on", s.starts_on)
              .Field("ends_on", s.ends_on)
              .Field("capacity", s.capacity);
          WriteFigures(out, {s.enrolled, s.waitlisted, s.present_days, s.marked_days});
          out.EndObject();
        }
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, "services.read")
      .Get("/api/v1/organizations/{id}/enrollment-figures", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::QueryReader(req).Finish());
        TS_ASSIGN_OR_RETURN(auto f, GetSubtreeEnrollmentFigures(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject();
        WriteFigures(out, f.total);
        out.Key("services").StartArray();
        for (const auto& s : f.services) {
          out.StartObject().Field("service_id", s.service_id).Field("service_name", s.service_name);
          WriteFigures(out, s.figures);
          out.EndObject();
        }
        out.EndArray().EndObject();
        return http::Json(out);
      });
}

}  // namespace tianshan::services
