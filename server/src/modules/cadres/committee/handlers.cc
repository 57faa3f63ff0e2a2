#include "modules/cadres/committee/handlers.h"

#include <memory>

#include "http/dispatch.h"
#include "http/edge.h"
#include "http/gate.h"
#include "http/url.h"
#include "modules/cadres/cadres_json.h"
#include "modules/cadres/committee/use_cases.h"

namespace tianshan::cadres {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

Result<CadreFiguresQuery> ParseFiguresQuery(const HttpRequest& req, bool paged) {
  http::QueryReader query(req);
  CadreFiguresQuery in;
  if (paged) {
    in.limit = query.Limit(50, 200);
    in.after_id = query.IdCursor();
  }
  in.quota = query.OneOf("quota", {"at", "below"});
  TS_RETURN_IF_ERROR(query.Finish());
  return in;
}

void WriteCadreFigures(JsonOut& out, const CadreFigures& f) {
  const Cadre& c = f.cadre;
  out.StartObject().Field("id", c.id).Key("cadre");
  WriteCard(out, f.card);
  out.Field("contact_target", c.contact_target)
      .Field("active_contacts", c.active_contacts)
      .Field("at_quota", c.active_contacts >= c.contact_target)
      .Field("fields_covered", c.fields_covered)
      .Field("activity_due", c.activity_due)
      .Field("talk_due", c.talk_due)
      .Field("help_open", c.help_open)
      .Field("help_overdue", c.help_overdue)
      .Field("oldest_help_on", c.oldest_help_on)
      .Field("posting_days", static_cast<int64_t>(c.posting_days))
      .EndObject();
}

void WriteNullableInt(JsonOut& out, std::string_view key, const std::optional<int>& v) {
  out.Key(key);
  v ? out.Int(*v) : out.Null();
}

HttpResponse SettingsJson(const TargetSettingsView& v) {
  JsonOut out;
  out.StartObject().Field("organization_id", v.organization_id).Key("own").StartObject();
  WriteNullableInt(out, "contact_target", v.own.contact_target);
  WriteNullableInt(out, "posting_months", v.own.posting_months);
  out.EndObject().Key("effective").StartObject();
  out.Field("contact_target", v.effective.contacts).Field("posting_months", v.effective.posting_months);
  out.Field("contact_target_from", v.effective.contacts_from);
  out.Field("posting_months_from", v.effective.posting_months_from);
  out.EndObject().Key("defaults").StartObject().Field("contact_target", kDefaultContactTarget);
  out.Field("posting_months", kDefaultPostingMonths).EndObject();
  out.Key("can").StartObject().Field("update", v.can_update).EndObject();
  out.EndObject();
  return http::Json(out);
}

// {"contact_target": 1..1000 | null, "posting_months": 1..12 | null}: null or absent inherits.
Result<TargetSetting> ParseSettings(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  TargetSetting s;
  if (auto v = r.Int("contact_target", false, 1, kMaxContactTarget)) s.contact_target = static_cast<int>(*v);
  if (auto v = r.Int("posting_months", false, 1, kMaxPostingMonths)) s.posting_months = static_cast<int>(*v);
  TS_RETURN_IF_ERROR(r.Finish());
  return s;
}

}  // namespace

void RegisterCommitteeRoutes(http::Router& router, const AppContext& ctx) {
  // Dashboards are opened by many at once on deadline days: answered from maintained counters,
  // cached until the next write (organizations::StatsCache).
  auto cache = std::make_shared<organizations::StatsCache>();
  http::AnswerFromCache(http::Gated(router, "cadres.dashboard")
                            .Get("/api/v1/organizations/{id}/cadres/dashboard",
                                 [&ctx, cache](HttpRequest& req) -> Result<HttpResponse> {
                                   TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                                   TS_RETURN_IF_ERROR(http::QueryReader(req).Finish());
                                   TS_ASSIGN_OR_RETURN(std::string json, GetDashboardJson(ctx, *cache, *req.actor, id));
                                   return http::Json(std::move(json));
                                 }),
                        [&ctx, cache](HttpRequest& req) {
                          return http::CachedJson(
                              req, [&](int64_t id) { return CachedDashboardJson(ctx, *cache, *req.actor, id); });
                        });
  http::Gated(router, "cadres.dashboard")
      .Get("/api/v1/organizations/{id}/cadres/settings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::QueryReader(req).Finish());
        TS_ASSIGN_OR_RETURN(auto view, GetTargetSettings(ctx, *req.actor, id));
        return SettingsJson(view);
      });
  http::Gated(router, "cadres.settings")
      .Put("/api/v1/organizations/{id}/cadres/settings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto setting, ParseSettings(req));
        TS_ASSIGN_OR_RETURN(auto view, SetTargetSettings(ctx, http::CallerOf(req), id, setting));
        return SettingsJson(view);
      });
  http::Gated(router, "cadres.dashboard")
      .Get("/api/v1/organizations/{id}/cadres", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto query, ParseFiguresQuery(req, true));
        TS_ASSIGN_OR_RETURN(auto page, ListCadreFigures(ctx, *req.actor, id, query));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& f : page.items) WriteCadreFigures(out, f);
        out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).Key("period");
        WritePeriod(out, page.period);
        out.EndObject();
        return http::Json(out);
      });
  http::Gated(router, "cadres.dashboard")
      .Get("/api/v1/organizations/{id}/cadres/export", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto query, ParseFiguresQuery(req, false));
        TS_ASSIGN_OR_RETURN(auto file, ExportCadreFigures(ctx, *req.actor, id, query));
        HttpResponse resp;
        resp.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        resp.body = std::move(file.bytes);
        resp.Header("Content-Disposition", "attachment; filename=\"cadres-" + std::to_string(id) +
                                               ".xlsx\"; filename*=UTF-8''" + http::PercentEncode(file.file_name));
        return resp;
      });
}

}  // namespace tianshan::cadres
