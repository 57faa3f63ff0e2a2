#include "modules/organizations/handlers.h"

#include "http/dispatch.h"
#include "modules/organizations/archive_organization.h"
#include "modules/organizations/get_organization.h"
#include "modules/organizations/get_organization_stats.h"
#include "modules/organizations/move_organization.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/requests.h"

namespace tianshan::organizations {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;
using http::QueryReader;

// One organization as its page shows it: the fields, what the caller may do with it (every
// module's organization-scoped permissions, with what its state rules out) and, when known,
// where it sits.
HttpResponse One(const AppContext& ctx, const auth::Actor& actor, const Organization& org, int status = 200,
                 const std::vector<AncestorRef>* ancestors = nullptr) {
  JsonOut out;
  WriteOrganization(out, org, CanSeeContactPhone(actor, org.path), /*close=*/false);
  if (org.active()) {
    WriteCanFor(out, ctx.permissions, "organization", actor, org.path);
  } else {
    WriteCanFor(out, ctx.permissions, "organization", actor, org.path,
                {"organizations.create_child", "organizations.archive", "organizations.move",
                 "organizations.manage_coverage", "people.create", "people.manage_positions", "spreadsheets.import"});
  }
  if (ancestors) {
    out.Key("ancestors").StartArray();
    for (const auto& a : *ancestors) {
      out.StartObject().Field("id", a.id).Field("name", a.name).Field("readable", a.readable).EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
  return http::Json(out, status);
}

HttpResponse List(const OrganizationList& list) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (size_t i = 0; i < list.items.size(); ++i) WriteOrganization(out, list.items[i], list.full_phone[i]);
  out.EndArray();
  out.Field("next_cursor", list.next_cursor);
  out.EndObject();
  return http::Json(out);
}

HttpResponse Directory(const DirectoryPage& page) {
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  for (const auto& e : page.items) {
    out.StartObject().Field("id", e.id).Field("name", e.name).Field("kind", e.kind).Field("setting", e.setting);
    out.Key("ancestors").StartArray();
    for (const auto& [id, name] : e.ancestors) out.StartObject().Field("id", id).Field("name", name).EndObject();
    out.EndArray().EndObject();
  }
  out.EndArray().Field("next_cursor", page.next_cursor).EndObject();
  return http::Json(out);
}

}  // namespace

void RegisterOrganizationRoutes(http::Router& router, const AppContext& ctx) {
  router.Post("/api/v1/organizations", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(auto input, ParseCreateOrganization(req, ctx.clock.NowMillis()));
    TS_ASSIGN_OR_RETURN(auto org, CreateOrganization(ctx, http::CallerOf(req), input));
    return One(ctx, *req.actor, org, 201);
  });
  router.Get("/api/v1/organizations/search", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    QueryReader query(req);
    PageRequest page = ReadPage(query);
    ListFilter filter = ReadFilter(query);
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto list, SearchOrganizations(ctx, *req.actor, req.Query("q").value_or(""), page, filter));
    return List(list);
  });
  router.Get("/api/v1/organizations/directory", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    QueryReader query(req);
    PageRequest page = ReadPage(query);
    auto kind = query.OneOf("kind", Kinds());
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto found, SearchDirectory(ctx, req.Query("q").value_or(""), page, kind));
    return Directory(found);
  });
  router.Get("/api/v1/organizations/{id}", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto view, GetOrganization(ctx, *req.actor, id));
    return One(ctx, *req.actor, view.organization, 200, &view.ancestors);
  });
  router.Patch("/api/v1/organizations/{id}", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto patch, ParseOrganizationPatch(req));
    TS_ASSIGN_OR_RETURN(auto org, UpdateOrganization(ctx, http::CallerOf(req), id, patch));
    return One(ctx, *req.actor, org);
  });
  router.Post("/api/v1/organizations/{id}/archive", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_RETURN_IF_ERROR(http::NoBody(req));
    TS_ASSIGN_OR_RETURN(auto org, ArchiveOrganization(ctx, http::CallerOf(req), id));
    return One(ctx, *req.actor, org);
  });
  router.Post("/api/v1/organizations/{id}/move", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto parent, ParseMove(req));
    TS_ASSIGN_OR_RETURN(auto org, MoveOrganization(ctx, http::CallerOf(req), id, parent));
    return One(ctx, *req.actor, org);
  });
  router.Get("/api/v1/organizations/{id}/children", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    QueryReader query(req);
    PageRequest page = ReadPage(query);
    ListFilter filter = ReadFilter(query);
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto list, ListChildren(ctx, *req.actor, id, page, filter.status));
    return List(list);
  });
  router.Get("/api/v1/organizations/{id}/subtree", Access::kSession, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    QueryReader query(req);
    PageRequest page = ReadPage(query);
    ListFilter filter = ReadFilter(query);
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto list, ListSubtree(ctx, *req.actor, id, page, filter, req.Query("q")));
    return List(list);
  });
  router.Get("/api/v1/organizations/{id}/overdue", Access::kSession,
             [&ctx](HttpRequest& req) -> Result<HttpResponse> {
               TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
               TS_ASSIGN_OR_RETURN(auto counts, GetOverdueCounts(ctx, *req.actor, id));
               JsonOut out;
               out.StartObject().Key("items").StartArray();
               for (const auto& c : counts) {
                 std::string link = c.definition->link;
                 if (auto at = link.find("{id}"); at != std::string::npos) link.replace(at, 4, std::to_string(id));
                 out.StartObject()
                     .Field("key", c.definition->key)
                     .Field("label", req.lang == Lang::kEn ? c.definition->label_en : c.definition->label_zh)
                     .Field("self", c.self)
                     .Field("subtree", c.subtree)
                     .Field("link", link)
                     .EndObject();
               }
               out.EndArray().EndObject();
               return http::Json(out);
             });
  auto stats_cache = std::make_shared<StatsCache>();
  http::AnswerFromCache(
      router.Get("/api/v1/organizations/{id}/stats", Access::kSession,
                 [&ctx, stats_cache](HttpRequest& req) -> Result<HttpResponse> {
                   TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
                   TS_ASSIGN_OR_RETURN(std::string json, GetOrganizationStatsJson(ctx, *stats_cache, *req.actor, id));
                   return http::Json(std::move(json));
                 }),
      [&ctx, stats_cache](HttpRequest& req) {
        return http::CachedJson(
            req, [&](int64_t id) { return CachedOrganizationStatsJson(ctx, *stats_cache, *req.actor, id); });
      });
}

}  // namespace tianshan::organizations
