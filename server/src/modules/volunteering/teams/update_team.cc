#include "modules/volunteering/teams/update_team.h"

#include "modules/volunteering/permissions.h"
#include "modules/volunteering/teams/create_team.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

Result<TeamView> UpdateTeam(const AppContext& ctx, const Caller& caller, int64_t team_id, const TeamPatch& patch) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TeamView> {
    TS_ASSIGN_OR_RETURN(auto found, FindTeam(tx, team_id));
    if (!found) return Status::NotFound("volunteer.team_not_found");
    Team team = *found;
    TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, team.organization_id));
    if (!CanManageTeams(caller.actor, org.path)) return Status::Forbidden("volunteer.needs_manager");
    if (patch.name && *patch.name != team.name) {
      TS_ASSIGN_OR_RETURN(auto taken, FindTeamByName(tx, team.organization_id, *patch.name));
      if (taken) return Status::Conflict("volunteer.team_name_taken").WithParam(*patch.name);
      team.name = *patch.name;
    }
    if (patch.description) team.description = *patch.description;
    if (patch.partner_name) team.partner_name = *patch.partner_name;
    if (patch.status) team.status = *patch.status;
    TS_RETURN_IF_ERROR(UpdateTeamFields(tx, team, ctx.clock.NowMillis()));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_team.update",
                                         .entity_type = "volunteer_team",
                                         .entity_id = team.id,
                                         .organization_path = org.path,
                                         .before_json = TeamAuditJson(*found),
                                         .after_json = TeamAuditJson(team)}));
    return ViewTeam(tx, ctx, &caller.actor, std::move(team));
  });
}

}  // namespace tianshan::volunteering
