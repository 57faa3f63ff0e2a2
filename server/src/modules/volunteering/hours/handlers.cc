#include "modules/volunteering/handler_support.h"
#include "modules/volunteering/handlers.h"
#include "modules/volunteering/hours/hours_settings.h"
#include "modules/volunteering/hours/list_hours.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse Entries(const HttpRequest& req, const Result<std::vector<LedgerEntry>>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& e : *r) WriteEntry(out, e);
  return HttpResponse::Json(out.EndArray().EndObject().Take(), status);
}

HttpResponse ReportResponse(const HttpRequest& req, const Result<HourReport>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  WriteReport(out, *r);
  return HttpResponse::Json(out.Take(), status);
}

HttpResponse SettingResponse(const HttpRequest& req, const Result<HoursSetting>& r) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  out.StartObject()
      .Field("organization_id", r->organization_id)
      .Field("hours_rule", r->hours_rule)
      .Field("inherited", r->inherited)
      .EndObject();
  return HttpResponse::Json(out.Take());
}

void RankingRoute(http::Router& router, const AppContext& ctx, const char* pattern, bool teams) {
  router.Add("GET", pattern, Access::kSession, [&ctx, teams](HttpRequest& req) {
    auto org = http::RequireQueryId(req, "organization_id");
    if (!org.ok()) return Problem(req, org.status());
    auto period = ParsePeriod(req, ctx.clock.NowMillis());
    if (!period.ok()) return Problem(req, period.status());
    auto page = http::ParsePageRequest(req, 20, 200);
    if (!page.ok()) return Problem(req, page.status());
    int offset = 0;
    if (page->cursor) {
      auto off = http::ParseIdCursor(page->cursor);
      if (!off.ok() || !*off || **off > 1000000) return Problem(req, Status::Invalid("cursor", "query.bad_cursor"));
      offset = static_cast<int>(**off);
    }
    auto r = ListRankings(ctx, *req.actor, *org, teams, *period, offset, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Field("from", period->from).Field("to", period->to).Key("items").StartArray();
    int64_t rank = r->first_rank;
    for (const auto& row : r->items) {
      out.StartObject().Field("rank", rank++).Field(teams ? "team_id" : "person_id", row.id).Field("name", row.name);
      WriteMinutes(out, row.minutes);
      out.EndObject();
    }
    out.EndArray().Field("next_cursor", r->next_cursor);
    return HttpResponse::Json(out.EndObject().Take());
  });
}

}  // namespace

void RegisterHoursRoutes(http::Router& router, const AppContext& ctx) {
  router.Add("GET", "/api/v1/volunteering/my/hours", Access::kSession, [&ctx](HttpRequest& req) {
    auto page = ParseIdPage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto r = ListMyHours(ctx, *req.actor, page->cursor, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("total").StartObject();
    WriteMinutes(out, r->total_minutes);
    out.EndObject().Key("items").StartArray();
    for (const auto& e : r->entries) WriteEntry(out, e);
    out.EndArray().Field("next_cursor", http::IdCursorText(r->next_cursor)).Key("reports").StartArray();
    for (const auto& rep : r->reports) WriteReport(out, rep);
    return HttpResponse::Json(out.EndArray().EndObject().Take());
  });
  router.Add("GET", "/api/v1/volunteering/hours/entries", Access::kSession, [&ctx](HttpRequest& req) {
    auto org = http::RequireQueryId(req, "organization_id");
    if (!org.ok()) return Problem(req, org.status());
    auto page = ParseIdPage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto r = ListLedger(ctx, *req.actor, *org, page->cursor, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& e : r->items) WriteEntry(out, e);
    out.EndArray().Field("next_cursor", http::IdCursorText(r->next_cursor));
    return HttpResponse::Json(out.EndObject().Take());
  });
  router.Add("POST", "/api/v1/volunteering/hours/entries/{id}/correct", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto in = ParseCorrection(req.body);
    if (!in.ok()) return Problem(req, in.status());
    return Entries(req, CorrectLedgerEntry(ctx, CallerOf(req), *id, in->minutes, in->reason), 201);
  });
  router.Add("POST", "/api/v1/volunteering/hours/adjustments", Access::kSession, [&ctx](HttpRequest& req) {
    auto in = ParseAdjustment(req.body);
    if (!in.ok()) return Problem(req, in.status());
    auto r = AdjustHours(ctx, CallerOf(req), *in);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    WriteEntry(out, *r);
    return HttpResponse::Json(out.Take(), 201);
  });
  router.Add("POST", "/api/v1/volunteering/hours/reports", Access::kSession, [&ctx](HttpRequest& req) {
    auto in = ParseHourReport(req.body);
    if (!in.ok()) return Problem(req, in.status());
    return ReportResponse(req, ReportHours(ctx, CallerOf(req), *in), 201);
  });
  router.Add("POST", "/api/v1/volunteering/hours/reports/{id}/decision", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto d = ParseDecision(req.body);
    if (!d.ok()) return Problem(req, d.status());
    return ReportResponse(req, DecideHourReport(ctx, CallerOf(req), *id, d->approve, d->reason));
  });
  router.Add("GET", "/api/v1/volunteering/teams/{id}/hour-reports", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto page = ParseIdPage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto r = ListHourReports(ctx, *req.actor, *id, req.Query("status"), page->cursor, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& rep : r->items) WriteReport(out, rep);
    out.EndArray().Field("next_cursor", http::IdCursorText(r->next_cursor));
    return HttpResponse::Json(out.EndObject().Take());
  });
  router.Add("GET", "/api/v1/volunteering/organizations/{id}/settings", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    return SettingResponse(req, GetHoursSetting(ctx, *req.actor, *id));
  });
  router.Add("PUT", "/api/v1/volunteering/organizations/{id}/settings", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto rule = ParseHoursRule(req.body);
    if (!rule.ok()) return Problem(req, rule.status());
    return SettingResponse(req, SetHoursRule(ctx, CallerOf(req), *id, *rule));
  });
  router.Add("GET", "/api/v1/volunteering/organizations/{id}/monthly-hours", Access::kSession,
             [&ctx](HttpRequest& req) {
               auto id = req.PathId("id");
               if (!id.ok()) return Problem(req, id.status());
               auto period = ParsePeriod(req, ctx.clock.NowMillis());
               if (!period.ok()) return Problem(req, period.status());
               auto r = MonthlyHours(ctx, *req.actor, *id, *period);
               if (!r.ok()) return Problem(req, r.status());
               JsonOut out;
               out.StartObject().Field("from", period->from).Field("to", period->to).Key("items").StartArray();
               for (const auto& [month, minutes] : *r) {
                 out.StartObject().Field("month", month);
                 WriteMinutes(out, minutes);
                 out.EndObject();
               }
               return HttpResponse::Json(out.EndArray().EndObject().Take());
             });
  RankingRoute(router, ctx, "/api/v1/volunteering/rankings/volunteers", false);
  RankingRoute(router, ctx, "/api/v1/volunteering/rankings/teams", true);
}

}  // namespace tianshan::volunteering
