#include "modules/volunteering/handlers.h"

#include "http/gate.h"
#include "modules/volunteering/answers.h"
#include "modules/volunteering/requests.h"
#include "modules/volunteering/teams/join_team.h"
#include "modules/volunteering/teams/list_teams.h"
#include "modules/volunteering/teams/requests.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {

void RegisterTeamRoutes(http::Router& router, const AppContext& ctx) {
  http::Gated(router, "volunteering.manage_teams")
      .Post("/api/v1/volunteering/teams", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(auto input, ParseCreateTeam(req));
        TS_ASSIGN_OR_RETURN(auto team, CreateTeam(ctx, http::CallerOf(req), input));
        return One(team, WriteTeamView, 201);
      });
  router.Get("/api/v1/volunteering/teams", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    http::QueryReader query(req);
    auto organization_id = query.Id("organization_id", /*required=*/true);
    IdPage page = ReadIdPage(query);
    TS_RETURN_IF_ERROR(query.Finish());
    TS_ASSIGN_OR_RETURN(auto list, ListTeams(ctx, *organization_id, page.after, page.limit));
    return Page(list.items, WriteTeam, list.next_cursor);
  });
  router.Get("/api/v1/volunteering/teams/{id}", Access::kPublic, [&ctx](HttpRequest& req) -> Result<HttpResponse> {
    TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
    TS_ASSIGN_OR_RETURN(auto team, GetTeam(ctx, ActorOf(req), id));
    return One(team, WriteTeamView);
  });
  http::Gated(router, "volunteering.manage_teams")
      .Patch("/api/v1/volunteering/teams/{id}", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto patch, ParseTeamPatch(req));
        TS_ASSIGN_OR_RETURN(auto team, UpdateTeam(ctx, http::CallerOf(req), id, patch));
        return One(team, WriteTeamView);
      });
  http::Gated(router, http::kGateSelf)
      .Get("/api/v1/volunteering/my/teams", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        http::QueryReader query(req);
        IdPage page = ReadIdPage(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto teams, ListMyTeams(ctx, *req.actor, page.after, page.limit));
        return Page(teams.items, WriteTeamView, teams.next_cursor);
      });
  http::Gated(router, "volunteering.decide_members")
      .Get("/api/v1/volunteering/teams/{id}/members", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        http::QueryReader query(req);
        auto status = ReadMemberStatus(query);
        TS_RETURN_IF_ERROR(query.Finish());
        TS_ASSIGN_OR_RETURN(auto members, ListTeamMembers(ctx, *req.actor, id, status));
        return Items(members, WriteMember);
      });
  http::Gated(router, "volunteering.join")
      .Post("/api/v1/volunteering/teams/{id}/applications", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(auto message, ParseApplication(req));
        TS_ASSIGN_OR_RETURN(auto member, ApplyToTeam(ctx, http::CallerOf(req), id, message));
        return One(member, WriteMember, 201);
      });
  http::Gated(router, "volunteering.decide_members")
      .Post("/api/v1/volunteering/teams/{id}/members/{member_id}/decision",
            [&ctx](HttpRequest& req) -> Result<HttpResponse> {
              TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
              TS_ASSIGN_OR_RETURN(int64_t member_id, req.PathId("member_id"));
              TS_ASSIGN_OR_RETURN(auto decision, ParseDecision(req));
              TS_ASSIGN_OR_RETURN(auto member,
                                  DecideTeamApplication(ctx, http::CallerOf(req), id, member_id, decision));
              return One(member, WriteMember);
            });
  http::Gated(router, "volunteering.manage_teams")
      .Post("/api/v1/volunteering/teams/{id}/leaders", [&ctx](HttpRequest& req) -> Result<HttpResponse> {
        TS_ASSIGN_OR_RETURN(int64_t id, req.PathId("id"));
        TS_ASSIGN_OR_RETURN(int64_t person_id, ParsePersonId(req));
        TS_ASSIGN_OR_RETURN(auto member, AddTeamLeader(ctx, http::CallerOf(req), id, person_id));
        return One(member, WriteMember, 201);
      });
}

}  // namespace tianshan::volunteering
