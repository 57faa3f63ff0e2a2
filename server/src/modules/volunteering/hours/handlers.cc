#include "modules/volunteering/handlers.h"

#include "http/gate.h"
#include "modules/volunteering/answers.h"
#include "modules/volunteering/hours/confirm_hours.h"
#include "modules/volunteering/hours/decide_hour_report.h"
#include "modules/volunteering/hours/hours_settings.h"
#include "modules/volunteering/hours/list_awaiting.h"
#include "modules/volunteering/hours/list_hours.h"
#include "modules/volunteering/hours/requests.h"
#include "modules/volunteering/requests.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {
namespace {

void WriteSetting(JsonOut& out, const HoursSetting& setting) {
  out.StartObject()
      .Field("organization_id", setting.organization_id)
      .Field("hours_rule", setting.hours_rule)
      .Field("inherited", setting.inherited)
      .EndObject();
}

void RankingRoute(http::Router& router, const AppContext& ctx, const char* pattern, bool teams) {
  http::Gated(router, "volunteering.read_figures")
      .Get(pattern, [&ctx, teams](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        auto organization_id = query.Id("organization_id", /*required=*/true);
        Period period = ReadPeriod(query, ctx.clock.NowMillis());
        int limit = query.Limit(kDefaultLimit, kMaxLimit);
        int offset = ReadRankingOffset(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListRankings(ctx, *req.actor, *organization_id, teams, period, offset, limit));
        JsonOut out;
        out.StartObject().Field("from", period.from).Field("to", period.to).Key("items").StartArray();
        for (const auto& row : page.items) {
          out.StartObject()
              .Field("rank", row.rank)
              .Field(teams ? "team_id" : "person_id", row.id)
              .Field("name", row.name);
          WriteMinutes(out, row.minutes);
          out.EndObject();
        }
        out.EndArray().Field("next_cursor", page.next_cursor).EndObject();
        return http::Json(out);
      });
}

}  // namespace

void RegisterHoursRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "volunteering.approve_hours")
      .Post("/api/v1/volunteering/shifts/{id}/confirm-hours", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto sign_up_ids, ParseConfirm(req));
        TS_ASSIGN_OR_RETURN(auto entries, ConfirmShiftHours(ctx, http::CallerOf(req), id, sign_up_ids));
        return Items(entries, WriteEntry);
      });
  http::Gated(router, "volunteering.approve_hours")
      .Get("/api/v1/volunteering/shifts/awaiting-confirmation", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        auto organization_id = query.Id("organization_id");
        IdPage page = ReadIdPage(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list,
                            ListShiftsAwaitingConfirmation(ctx, *req.actor, organization_id, page.after, page.limit));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& a : list.items) {
          out.StartObject().Key("shift");
          WriteShift(out, a.shift, list.now);
          out.Key("project")
              .StartObject()
              .Field("id", a.shift.project_id)
              .Field("title", a.project_title)
              .Field("organization_id", a.organization_id)
              .Field("team_id", a.team_id)
              .Field("team_name", a.team_name)
              .EndObject();
          out.Field("awaiting", a.awaiting).Field("checked_in", a.checked_in).EndObject();
        }
        out.EndArray().Field("next_cursor", http::IdCursorText(list.next_cursor)).EndObject();
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/volunteering/my/hours", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        IdPage page = ReadIdPage(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto hours, ListMyHours(ctx, *req.actor, page.after, page.limit));
        JsonOut out;
        out.StartObject().Key("total").StartObject();
        WriteMinutes(out, hours.total_minutes);
        out.EndObject();
        WriteItems(out, hours.entries, WriteEntry);
        out.Field("next_cursor", http::IdCursorText(hours.next_cursor)).Key("reports").StartArray();
        for (const auto& r : hours.reports) WriteReport(out, r);
        out.EndArray().EndObject();
        return http::Json(out);
      });
  http::Gated(router, "volunteering.approve_hours")
      .Get("/api/v1/volunteering/hours/entries", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        auto organization_id = query.Id("organization_id", /*required=*/true);
        IdPage page = ReadIdPage(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto ledger, ListLedger(ctx, *req.actor, *organization_id, page.after, page.limit));
        return Page(ledger.items, WriteEntry, ledger.next_cursor);
      });
  http::Gated(router, "volunteering.approve_hours")
      .Post("/api/v1/volunteering/hours/entries/{id}/correct", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseCorrection(req));
        TS_ASSIGN_OR_RETURN(auto entries,
                            CorrectLedgerEntry(ctx, http::CallerOf(req), id, input.minutes, input.reason));
        return Items(entries, WriteEntry, 201);
      });
  http::Gated(router, "volunteering.approve_hours")
      .Post("/api/v1/volunteering/hours/adjustments", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseAdjustment(req));
        TS_ASSIGN_OR_RETURN(auto entry, AdjustHours(ctx, http::CallerOf(req), input));
        return One(entry, WriteEntry, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/volunteering/hours/reports", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseHourReport(req));
        TS_ASSIGN_OR_RETURN(auto report, ReportHours(ctx, http::CallerOf(req), input));
        return One(report, WriteReport, 201);
      });
  http::Gated(router, "volunteering.approve_hours")
      .Post("/api/v1/volunteering/hours/reports/{id}/decision", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto decision, ParseDecision(req));
        TS_ASSIGN_OR_RETURN(auto report, DecideHourReport(ctx, http::CallerOf(req), id, decision));
        return One(report, WriteReport);
      });
  http::Gated(router, "volunteering.approve_hours")
      .Post("/api/v1/volunteering/hours/reports/decisions", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto batch, ParseBatchDecision(req));
        TS_ASSIGN_OR_RETURN(auto reports,
                            DecideHourReports(ctx, http::CallerOf(req), batch.report_ids, batch.decision));
        return Items(reports, WriteReport);
      });
  http::Gated(router, "volunteering.approve_hours")
      .Get("/api/v1/volunteering/teams/{id}/hour-reports", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        auto status = ReadReportStatus(query);
        IdPage page = ReadIdPage(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto reports, ListHourReports(ctx, *req.actor, id, status, page.after, page.limit));
        return Page(reports.items, WriteReport, reports.next_cursor);
      });
  http::Gated(router, "volunteering.read_figures")
      .Get("/api/v1/volunteering/organizations/{id}/settings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto setting, GetHoursSetting(ctx, *req.actor, id));
        return One(setting, WriteSetting);
      });
  http::Gated(router, "volunteering.set_hours_rule")
      .Put("/api/v1/volunteering/organizations/{id}/settings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto rule, ParseHoursRule(req));
        TS_ASSIGN_OR_RETURN(auto setting, SetHoursRule(ctx, http::CallerOf(req), id, rule));
        return One(setting, WriteSetting);
      });
  http::Gated(router, "volunteering.read_figures")
      .Get("/api/v1/volunteering/organizations/{id}/monthly-hours", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        Period period = ReadPeriod(query, ctx.clock.NowMillis());
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto months, MonthlyHours(ctx, *req.actor, id, period));
        JsonOut out;
        out.StartObject().Field("from", period.from).Field("to", period.to).Key("items").StartArray();
        for (const auto& [month, minutes] : months) {
          out.StartObject().Field("month", month);
          WriteMinutes(out, minutes);
          out.EndObject();
        }
        out.EndArray().EndObject();
        return http::Json(out);
      });
  RankingRoute(router, ctx, "/api/v1/volunteering/rankings/volunteers", false);
  RankingRoute(router, ctx, "/api/v1/volunteering/rankings/teams", true);
}

}  // namespace tianshan::volunteering
