#include "modules/volunteering/permissions.h"

namespace tianshan::volunteering {

using auth::Role;

bool IsOrganizationManager(const auth::Actor& actor, std::string_view org_path) {
  return actor.Covers(org_path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

bool CanManageTeams(const auth::Actor& actor, std::string_view org_path) {
  return IsOrganizationManager(actor, org_path);
}

bool CanManageProject(const auth::Actor& actor, std::string_view org_path, bool leads_team) {
  return leads_team || IsOrganizationManager(actor, org_path);
}

bool CanApproveHours(const auth::Actor& actor, std::string_view org_path, bool leads_team) {
  return leads_team || IsOrganizationManager(actor, org_path);
}

bool CanDecideMembers(const auth::Actor& actor, std::string_view team_org_path, bool leads_team) {
  return leads_team || IsOrganizationManager(actor, team_org_path);
}

bool CanSetHoursRule(const auth::Actor& actor, std::string_view org_path) {
  return actor.Covers(org_path, {Role::kCommitteeAdmin});
}

bool CanReadFigures(const auth::Actor& actor, std::string_view org_path) {
  return actor.Covers(org_path,
                      {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre, Role::kMember, Role::kYouth});
}

bool CanSeeMembersOnly(const auth::Actor& actor, std::string_view org_path, bool is_team_member) {
  return is_team_member || CanReadFigures(actor, org_path);
}

bool CanVolunteer(const auth::Actor& actor) { return actor.person_id.has_value(); }

std::vector<PermissionDefinition> Permissions() {
  const auto grant_only = [](bool (*rule)(const auth::Actor&, std::string_view, bool)) {
    return [rule](const auth::Actor& a, std::string_view path) { return rule(a, path, false); };
  };
  const auto person = [](const auth::Actor& a, std::string_view) { return CanVolunteer(a); };
  return {
      {"volunteering.manage_teams", "organization",
       "committee_admin or branch_secretary covering it: create teams, add team leaders", CanManageTeams},
      {"volunteering.manage_projects", "organization",
       "committee_admin or branch_secretary covering it; a team's active leaders for the team's projects",
       grant_only(CanManageProject)},
      {"volunteering.approve_hours", "organization",
       "committee_admin or branch_secretary covering it; a team's active leaders for the team's hours",
       grant_only(CanApproveHours)},
      {"volunteering.set_hours_rule", "organization", "committee_admin covering it", CanSetHoursRule},
      {"volunteering.read_figures", "organization", "any role covering it", CanReadFigures},
      {"volunteering.decide_members", "team",
       "committee_admin or branch_secretary covering the team's organization; an active leader of the team",
       grant_only(CanDecideMembers)},
      {"volunteering.join", "team", "an account with a person", person},
      {"volunteering.edit_project", "project",
       "committee_admin or branch_secretary covering its organization; an active leader of its team",
       grant_only(CanManageProject)},
      {"volunteering.see_members_only", "project", "any role covering its organization; an active team member",
       grant_only(CanSeeMembersOnly)},
      {"volunteering.sign_up", "shift", "an account with a person", person},
      {"volunteering.manage_roster", "shift",
       "committee_admin or branch_secretary covering the project's organization; an active leader of its team",
       grant_only(CanManageProject)},
  };
}

}  // namespace tianshan::volunteering
