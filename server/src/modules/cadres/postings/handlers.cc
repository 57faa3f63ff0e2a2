#include "modules/cadres/postings/handlers.h"

#include "http/edge.h"
#include "http/gate.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/cadres_json.h"
#include "modules/cadres/postings/use_cases.h"

namespace tianshan::cadres {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

void WritePosting(JsonOut& out, const PostingView& v) {
  const Posting& p = v.posting;
  out.StartObject().Field("id", p.id).Key("cadre");
  WriteCard(out, v.cadre);
  out.Field("host_organization_id", p.host_organization_id).Field("host_name", v.host_name);
  out.Field("starts_on", p.starts_on).Field("ends_on", p.ends_on).Field("days", v.days).Field("tasks", p.tasks);
  out.Field("status", p.status).Field("report", p.report).Field("reported_at", p.reported_at);
  out.Field("confirmed_at", p.confirmed_at).Field("cancel_reason", p.cancel_reason);
  out.Field("cancelled_at", p.cancelled_at).Field("log_entries", static_cast<int64_t>(v.totals.entries));
  out.Field("log_minutes", static_cast<int64_t>(v.totals.minutes));
  out.Key("logs").StartArray();
  for (const auto& l : v.logs) {
    out.StartObject().Field("id", l.id).Field("worked_on", l.worked_on);
    out.Field("minutes", static_cast<int64_t>(l.minutes)).Field("what", l.what).EndObject();
  }
  out.EndArray().Key("can").StartObject().Field("log", v.can_log).Field("report", v.can_report);
  out.Field("confirm", v.can_confirm).Field("cancel", v.can_cancel).EndObject().EndObject();
}

HttpResponse PostingJson(const PostingView& v, int status = 200) {
  JsonOut out;
  WritePosting(out, v);
  return http::Json(out, status);
}

HttpResponse PostingsJson(const std::vector<PostingView>& items, const std::optional<int64_t>& next) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& v : items) WritePosting(out, v);
  out.EndArray().Field("next_cursor", http::IdCursorText(next)).EndObject();
  return http::Json(out);
}

Result<PlanPostingInput> ParsePlan(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  PlanPostingInput in;
  in.person_id = r.Int("person_id", true, 1).value_or(0);
  in.host_organization_id = r.Int("host_organization_id", true, 1).value_or(0);
  in.starts_on = r.Date("starts_on", true).value_or("");
  in.ends_on = r.Date("ends_on", true).value_or("");
  in.tasks = r.String("tasks", true, kMaxTasks, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

Result<LogPostingWorkInput> ParseLog(const HttpRequest& req) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  LogPostingWorkInput in;
  in.worked_on = r.Date("worked_on", true).value_or("");
  in.minutes = static_cast<int>(r.Int("minutes", true, 1, kMaxLogMinutes).value_or(0));
  in.what = r.String("what", true, kMaxSummary, 1).value_or("");
  TS_RETURN_IF_ERROR(r.Finish());
  return in;
}

// The one required text field `name` of a body.
Result<std::string> ParseText(const HttpRequest& req, const char* name, size_t max_chars) {
  TS_ASSIGN_OR_RETURN(auto doc, http::JsonBody(req));
  ObjectReader r(doc);
  auto text = r.String(name, true, max_chars, 1);
  TS_RETURN_IF_ERROR(r.Finish());
  return *text;
}

Result<PostingListQuery> ParseList(const HttpRequest& req, const AppContext& ctx) {
  http::QueryReader query(req);
  PostingListQuery in;
  in.limit = query.Limit(50, 200);
  in.after_id = query.IdCursor();
  const auto year = query.Int("year", 2000, 2100);
  in.year = year ? std::to_string(*year) : Today(ctx).substr(0, 4);
  TS_RETURN_IF_ERROR(query.Finish());
  return in;
}

}  // namespace

void RegisterPostingRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "cadres.plan_postings")
      .Post("/api/v1/cadres/postings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParsePlan(req));
        TS_ASSIGN_OR_RETURN(auto view, PlanPosting(ctx, http::CallerOf(req), input));
        return PostingJson(view, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/me/postings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_RETURN_IF_ERROR(http::QueryReader(req).Finish());
        TS_ASSIGN_OR_RETURN(auto items, ListMyPostings(ctx, *req.actor));
        return PostingsJson(items, std::nullopt);
      });
  http::Gated(router, "cadres.dashboard")
      .Get("/api/v1/organizations/{id}/cadres/postings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto query, ParseList(req, ctx));
        TS_ASSIGN_OR_RETURN(auto page, ListPostings(ctx, *req.actor, id, query));
        return PostingsJson(page.items, page.next_cursor);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/cadres/postings/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::QueryReader(req).Finish());
        TS_ASSIGN_OR_RETURN(auto view, GetPosting(ctx, *req.actor, id));
        return PostingJson(view);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/postings/{id}/logs", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseLog(req));
        TS_ASSIGN_OR_RETURN(auto view, LogPostingWork(ctx, http::CallerOf(req), id, input));
        return PostingJson(view, 201);
      });
  http::Gated(router, http::kGateSelf)
      .Post("/api/v1/cadres/postings/{id}/report", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto report, ParseText(req, "report", kMaxReport));
        TS_ASSIGN_OR_RETURN(auto view, ReportPosting(ctx, http::CallerOf(req), id, report));
        return PostingJson(view);
      });
  http::Gated(router, "cadres.plan_postings")
      .Post("/api/v1/cadres/postings/{id}/cancel", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto reason, ParseText(req, "reason", kMaxSummary));
        TS_ASSIGN_OR_RETURN(auto view, CancelPosting(ctx, http::CallerOf(req), id, reason));
        return PostingJson(view);
      });
  http::Gated(router, "cadres.confirm")
      .Get("/api/v1/organizations/{id}/cadres/hosted-postings", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        const int limit = query.Limit(50, 200);
        const auto before = query.IdCursor();
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListHostedPostings(ctx, *req.actor, id, before, limit));
        return PostingsJson(page.items, page.next_cursor);
      });
  http::Gated(router, "cadres.confirm")
      .Post("/api/v1/cadres/postings/{id}/confirm", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto view, ConfirmPosting(ctx, http::CallerOf(req), id));
        return PostingJson(view);
      });
}

}  // namespace tianshan::cadres
