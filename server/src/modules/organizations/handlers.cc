#include "modules/organizations/handlers.h"

#include <set>

#include "http/dispatch.h"
#include "http/gate.h"
#include "modules/organizations/archive_organization.h"
#include "modules/organizations/get_my_work.h"
#include "modules/organizations/get_organization.h"
#include "modules/organizations/get_organization_stats.h"
#include "modules/organizations/move_organization.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/requests.h"
#include "modules/organizations/restore_organization.h"

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
    WriteCanFor(out, ctx.permissions, "organization", actor, org.path, {"organizations.restore"});
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

// "/app/organizations/{id}/people" for organization 7 → "/app/organizations/7/people".
std::string LinkFor(std::string link, int64_t id) {
  if (auto at = link.find("{id}"); at != std::string::npos) link.replace(at, 4, std::to_string(id));
  return link;
}

// "items": the overdue counters of an organization (its overdue view; the workbench's "overdue").
void WriteOverdue(JsonOut& out, const std::vector<OverdueCount>& counts, Lang lang, int64_t id) {
  out.Key("items").StartArray();
  for (const auto& c : counts) {
    out.StartObject()
        .Field("key", c.definition->key)
        .Field("label", lang == Lang::kEn ? c.definition->label_en : c.definition->label_zh)
        .Field("self", c.self)
        .Field("subtree", c.subtree)
        .Field("link", LinkFor(c.definition->link, id))
        .EndObject();
  }
  out.EndArray();
}

HttpResponse MyWorkJson(const MyWork& work, Lang lang) {
  const int64_t id = work.organization ? work.organization->id : 0;
  JsonOut out;
  out.StartObject().Key("items").StartArray();
  std::set<std::string> areas;
  for (const auto& [def, count] : work.items) {
    areas.insert(def->area);
    // Without an organization a link naming one leads nowhere.
    const bool linked = id != 0 || def->link.find("{id}") == std::string::npos;
    out.StartObject()
        .Field("key", def->key)
        .Field("label", lang == Lang::kEn ? def->label_en : def->label_zh)
        .Field("count", count)
        .Field("area", def->area)
        .Field("link", linked ? std::optional<std::string>(LinkFor(def->link, id)) : std::nullopt)
        .EndObject();
  }
  out.EndArray().Key("areas").StartArray();
  for (const auto& a : areas) out.String(a);
  out.EndArray();
  if (work.organization) {
    out.Key("organization").StartObject().Field("id", id).Field("name", work.organization->fields.name).EndObject();
    auto subtree = [&](std::string_view key) {
      auto it = work.figures.find(key);
      return it == work.figures.end() ? int64_t{0} : it->second.subtree;
    };
    out.Key("figures")
        .StartObject()
        .Field("organizations", subtree(counter::kOrganizations))
        .Field("members", subtree(counter::kMembers))
        .Field("youth", subtree(counter::kYouth))
        .Field("cadres", subtree(counter::kCadres))
        .Field("coverage_units", subtree(counter::kUnits))
        .Field("coverage_covered", subtree(counter::kCoveredUnits))
        .EndObject();
    out.Key("overdue").StartObject();
    WriteOverdue(out, work.overdue, lang, id);
    out.EndObject();
  } else {
    out.Key("organization").Null().Key("figures").Null().Key("overdue").Null();
  }
  out.EndObject();
  return http::Json(out);
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
  http::Gated(router, "organizations.create_child")
      .Post("/api/v1/organizations", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseCreateOrganization(req, ctx.clock.NowMillis()));
        TS_ASSIGN_OR_RETURN(auto org, CreateOrganization(ctx, http::CallerOf(req), input));
        return One(ctx, *req.actor, org, 201);
      });
  http::Gated(router, http::kGateSignedIn)
      .Get("/api/v1/organizations/search", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader query(req);
        PageRequest page = ReadPage(query);
        ListFilter filter = ReadFilter(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list, SearchOrganizations(ctx, *req.actor, req.Query("q").value_or(""), page, filter));
        return List(list);
      });
  http::Gated(router, http::kGateSignedIn)
      .Get("/api/v1/organizations/directory", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        QueryReader query(req);
        PageRequest page = ReadPage(query);
        auto kind = query.OneOf("kind", Kinds());
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto found, SearchDirectory(ctx, req.Query("q").value_or(""), page, kind));
        return Directory(found);
      });
  http::Gated(router, "organizations.read")
      .Get("/api/v1/organizations/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto view, GetOrganization(ctx, *req.actor, id));
        return One(ctx, *req.actor, view.organization, 200, &view.ancestors);
      });
  http::Gated(router, "organizations.update_details")
      .Patch("/api/v1/organizations/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto patch, ParseOrganizationPatch(req));
        TS_ASSIGN_OR_RETURN(auto org, UpdateOrganization(ctx, http::CallerOf(req), id, patch));
        return One(ctx, *req.actor, org);
      });
  http::Gated(router, "organizations.archive")
      .Post("/api/v1/organizations/{id}/archive", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto org, ArchiveOrganization(ctx, http::CallerOf(req), id));
        return One(ctx, *req.actor, org);
      });
  http::Gated(router, "organizations.restore")
      .Post("/api/v1/organizations/{id}/restore", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_RETURN_IF_ERROR(http::NoBody(req));
        TS_ASSIGN_OR_RETURN(auto org, RestoreOrganization(ctx, http::CallerOf(req), id));
        return One(ctx, *req.actor, org);
      });
  http::Gated(router, "organizations.move")
      .Post("/api/v1/organizations/{id}/move", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto parent, ParseMove(req));
        TS_ASSIGN_OR_RETURN(auto org, MoveOrganization(ctx, http::CallerOf(req), id, parent));
        return One(ctx, *req.actor, org);
      });
  http::Gated(router, "organizations.read")
      .Get("/api/v1/organizations/{id}/children", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        QueryReader query(req);
        PageRequest page = ReadPage(query);
        ListFilter filter = ReadFilter(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list, ListChildren(ctx, *req.actor, id, page, filter.status));
        return List(list);
      });
  http::Gated(router, "organizations.read")
      .Get("/api/v1/organizations/{id}/subtree", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        QueryReader query(req);
        PageRequest page = ReadPage(query);
        ListFilter filter = ReadFilter(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto list, ListSubtree(ctx, *req.actor, id, page, filter, req.Query("q")));
        return List(list);
      });
  http::Gated(router, "people.list")
      .Get("/api/v1/organizations/{id}/overdue", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto counts, GetOverdueCounts(ctx, *req.actor, id));
        JsonOut out;
        out.StartObject();
        WriteOverdue(out, counts, req.lang, id);
        out.EndObject();
        return http::Json(out);
      });
  http::Gated(router, http::kGateSelf).Get("/api/v1/my/work", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    QueryReader query(req);
    auto organization_id = query.Id("organization_id");
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(MyWork work, GetMyWork(ctx, *req.actor, organization_id));
    return MyWorkJson(work, req.lang);
  });
  auto stats_cache = std::make_shared<StatsCache>();
  http::AnswerFromCache(
      http::Gated(router, "organizations.read")
          .Get("/api/v1/organizations/{id}/stats",
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
