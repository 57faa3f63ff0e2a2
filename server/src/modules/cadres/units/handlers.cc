#include "modules/cadres/units/handlers.h"

#include "http/edge.h"
#include "http/gate.h"
#include "http/url.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/cadres_json.h"
#include "modules/cadres/units/use_cases.h"

namespace tianshan::cadres {
namespace {

using http::HttpRequest;
using http::HttpResponse;

void WriteSummary(JsonOut& out, const ServiceSummary& s) {
  out.Field("services", static_cast<int64_t>(s.services));
  out.Field("confirmed_minutes", static_cast<int64_t>(s.confirmed_minutes));
  out.Field("pending", static_cast<int64_t>(s.pending)).Field("disputed", static_cast<int64_t>(s.disputed));
}

void WriteService(JsonOut& out, const UnitService& s) {
  out.Field("id", s.id).Field("served_unit_id", s.served_unit_id).Field("served_on", s.served_on);
  out.Field("minutes", static_cast<int64_t>(s.minutes)).Field("what", s.what).Field("status", s.status);
  out.Field("dispute_reason", s.dispute_reason).Field("decided_at", s.decided_at);
}

void WriteUnit(JsonOut& out, const ServedUnitView& v) {
  out.StartObject().Field("id", v.unit.id).Field("unit_id", v.unit.unit_id).Field("unit_name", v.unit_name);
  out.Field("status", v.unit.status).Field("created_at", v.unit.created_at).Field("ended_at", v.unit.ended_at);
  out.Key("year").StartObject();
  WriteSummary(out, v.year);
  out.EndObject().Key("services").StartArray();
  for (const auto& s : v.services) {
    out.StartObject();
    WriteService(out, s);
    out.EndObject();
  }
  out.EndArray().Key("can").StartObject().Field("log", v.can_log).Field("end", v.can_end).EndObject().EndObject();
}

HttpResponse UnitJson(const ServedUnitView& v, int status = 200) {
  JsonOut out;
  WriteUnit(out, v);
  return http::Json(out, status);
}

void WriteServiceView(JsonOut& out, const UnitServiceView& v) {
  out.StartObject();
  WriteService(out, v.service);
  out.Field("unit_name", v.unit_name).Key("cadre");
  WriteCard(out, v.cadre);
  out.Key("can").StartObject().Field("decide", v.can_decide).EndObject().EndObject();
}

Result<LogServiceInput> ParseService(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  LogServiceInput in;
  in.unit_id = r.Int("unit_id", true, 1).value_or(0);
  in.served_on = r.Date("served_on", true).value_or("");
  in.minutes = static_cast<int>(r.Int("minutes", true, 1, kMaxServiceMinutes).value_or(0));
  in.what = r.String("what", true, kMaxSummary, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<DecideServiceInput> ParseDecision(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  DecideServiceInput in;
  in.decision = r.OneOf("decision", true, {"confirm", "dispute"}).value_or("");
  in.reason = r.Text("reason", kMaxSummary);
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<std::string> ParseYear(const HttpRequest& req, const AppContext& ctx) {
  http::QueryReader query(req);
  const auto year = query.Int("year", 2000, 2100);
  TS_RETURN_IF_ERROR(query.Finish());
  return year ? std::to_string(*year) : Today(ctx).substr(0, 4);
}

}  // namespace

void RegisterUnitRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/me/served-units", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_RETURN_IF_ERROR(http::QueryReader(req).Finish());
        TS_ASSIGN_OR_RETURN(auto items, ListMyServedUnits(ctx, *req.actor));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& v : items) WriteUnit(out, v);
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/me/served-units", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
        ObjectReader r(doc);
        const int64_t unit_id = r.Int("unit_id", true, 1).value_or(0);
        TS_RETURN_IF_ERROR(r.Finish());
        TS_ASSIGN_OR_RETURN(auto view, RegisterServedUnit(ctx, http::CallerOf(req), unit_id));
        return UnitJson(view, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/served-units/{id}/end", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto view, EndServedUnitRegistration(ctx, http::CallerOf(req), id));
        return UnitJson(view);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/me/unit-services", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseService(req));
        TS_ASSIGN_OR_RETURN(auto s, LogUnitService(ctx, http::CallerOf(req), input));
        JsonOut out;
        out.StartObject();
        WriteService(out, s);
        out.EndObject();
        return http::Json(out, 201);
      });
  http::Gated(router, "cadres.confirm")
      .Get("/api/v1/organizations/{id}/cadres/unit-services", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        UnitServiceQuery in;
        in.status = query.OneOf("status", {"pending", "confirmed", "disputed"});
        in.limit = query.Limit(50, 200);
        in.after_id = query.IdCursor();
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListUnitServices(ctx, *req.actor, id, in));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& v : page.items) WriteServiceView(out, v);
        out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
        return http::Json(out);
      });
  http::Gated(router, "cadres.confirm")
      .Post("/api/v1/cadres/unit-services/{id}/decision", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseDecision(req));
        TS_ASSIGN_OR_RETURN(auto view, DecideUnitService(ctx, http::CallerOf(req), id, input));
        JsonOut out;
        WriteServiceView(out, view);
        return http::Json(out);
      });
  http::Gated(router, "cadres.dashboard")
      .Get("/api/v1/organizations/{id}/cadres/served-units", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(std::string year, ParseYear(req, ctx));
        TS_ASSIGN_OR_RETURN(auto o, GetServedUnitsOverview(ctx, *req.actor, id, year));
        JsonOut out;
        out.StartObject().Field("year", o.year).Key("cadres").StartArray();
        for (const auto& [card, r] : o.cadres) {
          out.StartObject().Key("cadre");
          WriteCard(out, card);
          out.Field("units", static_cast<int64_t>(r.units));
          WriteSummary(out, r.summary);
          out.EndObject();
        }
        out.EndArray().Key("units").StartArray();
        for (const auto& [name, r] : o.units) {
          out.StartObject().Field("unit_id", r.key).Field("unit_name", name);
          out.Field("cadres", static_cast<int64_t>(r.units));
          WriteSummary(out, r.summary);
          out.EndObject();
        }
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, "cadres.dashboard")
      .Get("/api/v1/organizations/{id}/cadres/served-units/export", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(std::string year, ParseYear(req, ctx));
        TS_ASSIGN_OR_RETURN(auto file, ExportServedUnitsOverview(ctx, *req.actor, id, year));
        HttpResponse resp;
        resp.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        resp.body = std::move(file.bytes);
        resp.Header("Content-Disposition", "attachment; filename=\"served-units-" + std::to_string(id) +
                                               ".xlsx\"; filename*=UTF-8''" + http::PercentEncode(file.file_name));
        return resp;
      });
}

}  // namespace tianshan::cadres
