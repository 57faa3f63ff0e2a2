#include "modules/organizations/handlers.h"

#include "modules/organizations/archive_organization.h"
#include "modules/organizations/get_organization.h"
#include "modules/organizations/get_organization_stats.h"
#include "modules/organizations/handler_support.h"
#include "modules/organizations/move_organization.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"

namespace tianshan::organizations {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

HttpResponse One(const Organization& org, bool full_phone, int status = 200) {
  JsonOut out;
  WriteOrganization(out, org, full_phone);
  return HttpResponse::Json(out.Take(), status);
}

HttpResponse List(const OrganizationList& list) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (size_t i = 0; i < list.items.size(); ++i) WriteOrganization(out, list.items[i], list.full_phone[i]);
  out.EndArray();
  out.Field("next_cursor", list.next_cursor);
  out.EndObject();
  return HttpResponse::Json(out.Take());
}

// Writers answer with what they wrote; the caller may edit it, so the phone is shown in full
// exactly when the caller may see it.
HttpResponse Written(const HttpRequest& req, const Result<Organization>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  return One(*r, CanSeeContactPhone(*req.actor, r->path), status);
}

}  // namespace

void RegisterOrganizationRoutes(http::Router& router, const AppContext& ctx) {
  router.Add("POST", "/api/v1/organizations", Access::kSession, [&ctx](HttpRequest& req) {
    auto input = ParseCreateOrganization(req.body, ctx.clock.NowMillis());
    if (!input.ok()) return Problem(req, input.status());
    return Written(req, CreateOrganization(ctx, {*req.actor, req.request_id}, *input), 201);
  });
  router.Add("GET", "/api/v1/organizations/search", Access::kSession, [&ctx](HttpRequest& req) {
    auto page = ParsePage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto filter = ParseFilter(req);
    if (!filter.ok()) return Problem(req, filter.status());
    auto r = SearchOrganizations(ctx, *req.actor, req.Query("q").value_or(""), *page, *filter);
    return r.ok() ? List(*r) : Problem(req, r.status());
  });
  router.Add("GET", "/api/v1/organizations/directory", Access::kSession, [&ctx](HttpRequest& req) {
    auto page = ParsePage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto filter = ParseFilter(req);
    if (!filter.ok()) return Problem(req, filter.status());
    auto r = SearchDirectory(ctx, req.Query("q").value_or(""), *page, filter->kind);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& e : r->items) {
      out.StartObject().Field("id", e.id).Field("name", e.name).Field("kind", e.kind).Field("setting", e.setting);
      out.Key("ancestors").StartArray();
      for (const auto& [id, name] : e.ancestors) out.StartObject().Field("id", id).Field("name", name).EndObject();
      out.EndArray().EndObject();
    }
    out.EndArray().Field("next_cursor", r->next_cursor).EndObject();
    return HttpResponse::Json(out.Take());
  });
  router.Add("GET", "/api/v1/organizations/{id}", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto r = GetOrganization(ctx, *req.actor, *id);
    return r.ok() ? One(r->organization, r->full_phone) : Problem(req, r.status());
  });
  router.Add("PATCH", "/api/v1/organizations/{id}", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto patch = ParseOrganizationPatch(req.body);
    if (!patch.ok()) return Problem(req, patch.status());
    return Written(req, UpdateOrganization(ctx, {*req.actor, req.request_id}, *id, *patch));
  });
  router.Add("POST", "/api/v1/organizations/{id}/archive", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    return Written(req, ArchiveOrganization(ctx, {*req.actor, req.request_id}, *id));
  });
  router.Add("POST", "/api/v1/organizations/{id}/move", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto parent = ParseMove(req.body);
    if (!parent.ok()) return Problem(req, parent.status());
    return Written(req, MoveOrganization(ctx, {*req.actor, req.request_id}, *id, *parent));
  });
  router.Add("GET", "/api/v1/organizations/{id}/children", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto page = ParsePage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto filter = ParseFilter(req);
    if (!filter.ok()) return Problem(req, filter.status());
    auto r = ListChildren(ctx, *req.actor, *id, *page, filter->status);
    return r.ok() ? List(*r) : Problem(req, r.status());
  });
  router.Add("GET", "/api/v1/organizations/{id}/subtree", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto page = ParsePage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto filter = ParseFilter(req);
    if (!filter.ok()) return Problem(req, filter.status());
    auto r = ListSubtree(ctx, *req.actor, *id, *page, *filter, req.Query("q"));
    return r.ok() ? List(*r) : Problem(req, r.status());
  });
  auto stats_cache = std::make_shared<StatsCache>();
  router.Add("GET", "/api/v1/organizations/{id}/stats", Access::kSession, [&ctx, stats_cache](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto r = GetOrganizationStatsJson(ctx, *stats_cache, *req.actor, *id);
    return r.ok() ? HttpResponse::Json(std::move(*r)) : Problem(req, r.status());
  });
}

}  // namespace tianshan::organizations
