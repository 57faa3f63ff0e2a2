#include "modules/volunteering/teams/team_views.h"

#include "modules/volunteering/permissions.h"
#include "modules/volunteering/teams/team_repository.h"

namespace tianshan::volunteering {

TeamCan TeamActions(const auth::Actor* actor, const Team& team, const std::string& org_path,
                    const std::optional<TeamMember>& membership) {
  TeamCan can;
  if (actor == nullptr) return can;
  const bool active_team = team.status == "active";
  const bool active_member = membership && membership->status == "active";
  const bool leads = active_member && membership->role == "leader";
  const bool open_application = membership && (membership->status == "pending" || active_member);
  can.edit = CanManageTeams(*actor, org_path);
  can.join = CanVolunteer(*actor) && active_team && !open_application;
  can.decide_members = CanDecideMembers(*actor, org_path, leads);
  can.add_leader = CanManageTeams(*actor, org_path);
  can.add_project = active_team && CanManageProject(*actor, org_path, leads);
  can.report_hours = active_team && active_member;
  return can;
}

Result<TeamView> ViewTeam(storage::Transaction& tx, const AppContext& ctx, const auth::Actor* actor, Team team) {
  TeamView view;
  if (actor && actor->person_id) {
    TS_ASSIGN_OR_RETURN(view.membership, FindMember(tx, team.id, *actor->person_id));
  }
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, team.organization_id));
  view.can = TeamActions(actor, team, org.path, view.membership);
  view.team = std::move(team);
  return view;
}

}  // namespace tianshan::volunteering
