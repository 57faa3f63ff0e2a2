#include "modules/volunteering/handler_support.h"
#include "modules/volunteering/handlers.h"
#include "modules/volunteering/teams/join_team.h"
#include "modules/volunteering/projects/list_projects.h"
#include "modules/volunteering/teams/list_teams.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {
namespace {

using http::Access;
using http::HttpRequest;
using http::HttpResponse;

const auth::Actor* ActorOf(const HttpRequest& req) { return req.actor ? &*req.actor : nullptr; }

HttpResponse TeamResponse(const HttpRequest& req, const Result<Team>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  WriteTeam(out, *r);
  return HttpResponse::Json(out.Take(), status);
}

HttpResponse MemberResponse(const HttpRequest& req, const Result<TeamMember>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  WriteMember(out, *r);
  return HttpResponse::Json(out.Take(), status);
}

HttpResponse ProjectResponse(const HttpRequest& req, const Result<Project>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  WriteProject(out, *r);
  return HttpResponse::Json(out.Take(), status);
}

HttpResponse ShiftResponse(const HttpRequest& req, const Result<Shift>& r, int status = 200) {
  if (!r.ok()) return Problem(req, r.status());
  JsonOut out;
  WriteShift(out, *r);
  return HttpResponse::Json(out.Take(), status);
}

}  // namespace

void RegisterTeamAndProjectRoutes(http::Router& router, const AppContext& ctx) {
  router.Add("POST", "/api/v1/volunteering/teams", Access::kSession, [&ctx](HttpRequest& req) {
    auto in = ParseCreateTeam(req.body);
    if (!in.ok()) return Problem(req, in.status());
    return TeamResponse(req, CreateTeam(ctx, CallerOf(req), *in), 201);
  });
  router.Add("GET", "/api/v1/volunteering/teams", Access::kPublic, [&ctx](HttpRequest& req) {
    auto org = http::RequireQueryId(req, "organization_id");
    if (!org.ok()) return Problem(req, org.status());
    auto page = ParseIdPage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto r = ListTeams(ctx, *org, page->cursor, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& t : r->items) WriteTeam(out, t);
    out.EndArray().Field("next_cursor", http::IdCursorText(r->next_cursor));
    return HttpResponse::Json(out.EndObject().Take());
  });
  router.Add("GET", "/api/v1/volunteering/teams/{id}", Access::kPublic, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    return TeamResponse(req, GetTeam(ctx, *id));
  });
  router.Add("GET", "/api/v1/volunteering/teams/{id}/members", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto r = ListTeamMembers(ctx, *req.actor, *id, req.Query("status"));
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& m : *r) WriteMember(out, m);
    return HttpResponse::Json(out.EndArray().EndObject().Take());
  });
  router.Add("POST", "/api/v1/volunteering/teams/{id}/applications", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto message = ParseApplication(req.body);
    if (!message.ok()) return Problem(req, message.status());
    return MemberResponse(req, ApplyToTeam(ctx, CallerOf(req), *id, *message), 201);
  });
  router.Add("POST", "/api/v1/volunteering/teams/{id}/members/{member_id}/decision", Access::kSession,
             [&ctx](HttpRequest& req) {
               auto id = req.PathId("id");
               if (!id.ok()) return Problem(req, id.status());
               auto member = req.PathId("member_id");
               if (!member.ok()) return Problem(req, member.status());
               auto d = ParseDecision(req.body);
               if (!d.ok()) return Problem(req, d.status());
               return MemberResponse(req, DecideTeamApplication(ctx, CallerOf(req), *id, *member, d->approve));
             });
  router.Add("POST", "/api/v1/volunteering/teams/{id}/leaders", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto person = ParsePersonId(req.body);
    if (!person.ok()) return Problem(req, person.status());
    return MemberResponse(req, AddTeamLeader(ctx, CallerOf(req), *id, *person), 201);
  });

  router.Add("POST", "/api/v1/volunteering/projects", Access::kSession, [&ctx](HttpRequest& req) {
    auto in = ParseCreateProject(req.body);
    if (!in.ok()) return Problem(req, in.status());
    return ProjectResponse(req, CreateProject(ctx, CallerOf(req), *in), 201);
  });
  router.Add("GET", "/api/v1/volunteering/projects", Access::kPublic, [&ctx](HttpRequest& req) {
    ProjectFilter f;
    auto org = OptionalQueryId(req, "organization_id");
    if (!org.ok()) return Problem(req, org.status());
    auto team = OptionalQueryId(req, "team_id");
    if (!team.ok()) return Problem(req, team.status());
    f.organization_id = *org;
    f.team_id = *team;
    f.status = req.Query("status");
    f.manage = req.Query("manage").value_or("") == "true";
    auto page = ParseIdPage(req);
    if (!page.ok()) return Problem(req, page.status());
    auto r = ListProjects(ctx, ActorOf(req), f, page->cursor, page->limit);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("items").StartArray();
    for (const auto& p : r->items) WriteProject(out, p);
    out.EndArray().Field("next_cursor", http::IdCursorText(r->next_cursor));
    return HttpResponse::Json(out.EndObject().Take());
  });
  router.Add("GET", "/api/v1/volunteering/projects/{id}", Access::kPublic, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto r = GetProject(ctx, ActorOf(req), *id);
    if (!r.ok()) return Problem(req, r.status());
    JsonOut out;
    out.StartObject().Key("project");
    WriteProject(out, r->access.project, r->team_name);
    out.Field("can_manage", r->access.manager).Key("shifts").StartArray();
    for (const auto& s : r->shifts) WriteShift(out, s);
    return HttpResponse::Json(out.EndArray().EndObject().Take());
  });
  router.Add("PATCH", "/api/v1/volunteering/projects/{id}", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto patch = ParseProjectPatch(req.body);
    if (!patch.ok()) return Problem(req, patch.status());
    return ProjectResponse(req, UpdateProject(ctx, CallerOf(req), *id, *patch));
  });
  router.Add("POST", "/api/v1/volunteering/projects/{id}/status", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto status = ParseStatus(req.body);
    if (!status.ok()) return Problem(req, status.status());
    return ProjectResponse(req, ChangeProjectStatus(ctx, CallerOf(req), *id, *status));
  });
  router.Add("POST", "/api/v1/volunteering/projects/{id}/shifts", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    auto in = ParseCreateShift(req.body);
    if (!in.ok()) return Problem(req, in.status());
    return ShiftResponse(req, CreateShift(ctx, CallerOf(req), *id, *in), 201);
  });
  router.Add("POST", "/api/v1/volunteering/shifts/{id}/cancel", Access::kSession, [&ctx](HttpRequest& req) {
    auto id = req.PathId("id");
    if (!id.ok()) return Problem(req, id.status());
    return ShiftResponse(req, CancelShift(ctx, CallerOf(req), *id));
  });
}

}  // namespace tianshan::volunteering
