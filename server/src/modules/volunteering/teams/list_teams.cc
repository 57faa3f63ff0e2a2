#include "modules/volunteering/teams/list_teams.h"

#include "modules/volunteering/permissions.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

Result<TeamPage> ListTeams(const AppContext& ctx, int64_t organization_id, int64_t after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<TeamPage> {
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, organization_id));
    TeamPage page;
    TS_ASSIGN_OR_RETURN(page.items, ListTeams(tx, org.path, after_id, limit + 1));
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = page.items.back().id;
    }
    return page;
  });
}

Result<TeamViewPage> ListMyTeams(const AppContext& ctx, const auth::Actor& actor, int64_t after_id, int limit) {
  if (!actor.person_id) return Status::Forbidden("volunteer.needs_person");
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<TeamViewPage> {
    TS_ASSIGN_OR_RETURN(auto rows, ListPersonTeams(tx, *actor.person_id, after_id, limit + 1));
    TeamViewPage page;
    if (static_cast<int>(rows.size()) > limit) {
      rows.pop_back();
      page.next_cursor = rows.back().first.id;
    }
    for (auto& [team, membership] : rows) {
      TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, team.organization_id));
      TeamView view{std::move(team), std::move(membership), {}};
      view.can = TeamActions(&actor, view.team, org.path, view.membership);
      page.items.push_back(std::move(view));
    }
    return page;
  });
}

Result<TeamView> GetTeam(const AppContext& ctx, const auth::Actor* actor, int64_t team_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<TeamView> {
    TS_ASSIGN_OR_RETURN(auto team, FindTeam(tx, team_id));
    if (!team) return Status::NotFound("volunteer.team_not_found");
    return ViewTeam(tx, ctx, actor, std::move(*team));
  });
}

Result<std::vector<TeamMember>> ListTeamMembers(const AppContext& ctx, const auth::Actor& actor, int64_t team_id,
                                                const std::optional<std::string>& status) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<TeamMember>> {
    TS_ASSIGN_OR_RETURN(auto team, FindTeam(tx, team_id));
    if (!team) return Status::NotFound("volunteer.team_not_found");
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, team->organization_id));
    TS_ASSIGN_OR_RETURN(bool leader, ActorInTeam(tx, actor, team_id, true));
    if (!CanDecideMembers(actor, org.path, leader)) return Status::Forbidden("volunteer.needs_manager");
    return ListMembers(tx, team_id, status);
  });
}

}  // namespace tianshan::volunteering
