#include <charconv>

#include "http/pagination.h"
#include "modules/organizations/handler_support.h"
#include "modules/organizations/handlers.h"
#include "modules/organizations/list_coverage_units.h"
#include "modules/organizations/organization_json.h"

namespace tianshan::organizations {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse Unit(const HttpRequest& req, const Result<CoverageUnit>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  WriteCoverageUnit(out, *r);
  return HttpResponse::Json(out.Take(), status);
}

Result<std::optional<int64_t>> IdCursor(const std::optional<std::string>& cursor) {
  if (!cursor) return std::optional<int64_t>();
  int64_t v = 0;
  auto [end, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), v);
  if (ec != std::errc() || end != cursor->data() + cursor->size() || v <= 0) {
    return Status(StatusCode::kBadRequest, "error.bad_request").WithField("cursor", "query.bad_cursor");
  }
  return std::optional<int64_t>(v);
}

}  // namespace

void RegisterCoverageRoutes(http::Router& router, const AppContext& ctx) {
  router.Add("GET", "/api/v1/organizations/{id}/coverage-units", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto page = ParsePage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto covered = ParseBoolQuery(req, "covered");
    if (!covered.ok()) return Problem(req, covered.status());
    auto after = IdCursor(page->cursor);
    if (!after.ok()) return Problem(req, after.status());
    auto r = ListCoverageUnits(ctx, *req.actor, *id, *covered, *after, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& u : r->items) WriteCoverageUnit(out, u);
    out.EndArray();
    out.Field("next_cursor", http::IdCursorText(r->next_cursor));
    out.EndObject();
    return HttpResponse::Json(out.Take());
  });
  router.Add("POST", "/api/v1/organizations/{id}/coverage-units", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto input = ParseCoverageUnit(req.body);
    if (!input.ok()) return Problem(req, input.status());
    return Unit(req, CreateCoverageUnit(ctx, {*req.actor, req.request_id}, *id, *input), 201);
  });
  router.Add("PATCH", "/api/v1/coverage-units/{id}", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto patch = ParseCoverageUnitPatch(req.body);
    if (!patch.ok()) return Problem(req, patch.status());
    return Unit(req, UpdateCoverageUnit(ctx, {*req.actor, req.request_id}, *id, *patch));
  });
}

}  // namespace tianshan::organizations
