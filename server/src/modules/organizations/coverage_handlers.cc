#include "http/gate.h"
#include "modules/organizations/handlers.h"
#include "modules/organizations/list_coverage_units.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/requests.h"

namespace tianshan::organizations {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse Unit(const CoverageUnit& unit, int status = 200) {
  JsonOut out;
  WriteCoverageUnit(out, unit);
  return http::Json(out, status);
}

}  // namespace

void RegisterCoverageRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "organizations.read_coverage")
      .Get("/api/v1/organizations/{id}/coverage-units", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        int limit = query.Limit(kDefaultLimit, kMaxLimit);
        auto after = query.IdCursor();
        CoverageListQuery q = ReadCoverageListQuery(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto page, ListCoverageUnits(ctx, *req.actor, id, q.covered, after, limit, q.scope));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& u : page.items) WriteListedCoverageUnit(out, u);
        out.EndArray().Field("next_cursor", http::IdCursorText(page.next_cursor)).EndObject();
        return http::Json(out);
      });
  http::Gated(router, "organizations.read_coverage")
      .Get("/api/v1/organizations/{id}/coverage-by-child", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto table, ListChildCoverage(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject().Key("items").StartArray();
        for (const auto& row : table.rows) WriteChildCoverage(out, row);
        out.EndArray().Field("truncated", table.truncated).EndObject();
        return http::Json(out);
      });
  http::Gated(router, "organizations.manage_coverage")
      .Post("/api/v1/organizations/{id}/coverage-units", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto input, ParseCoverageUnit(req));
        TS_ASSIGN_OR_RETURN(auto unit, CreateCoverageUnit(ctx, http::CallerOf(req), id, input));
        return Unit(unit, 201);
      });
  http::Gated(router, "organizations.manage_coverage")
      .Patch("/api/v1/coverage-units/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto patch, ParseCoverageUnitPatch(req));
        TS_ASSIGN_OR_RETURN(auto unit, UpdateCoverageUnit(ctx, http::CallerOf(req), id, patch));
        return Unit(unit);
      });
}

}  // namespace tianshan::organizations
