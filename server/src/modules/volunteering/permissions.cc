#include "modules/volunteering/permissions.h"

namespace tianshan::volunteering {

using auth::Role;

bool IsOrganizationManager(const auth::Actor& actor, std::string_view org_path) {
  return actor.Covers(org_path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

bool CanManageProject(const auth::Actor& actor, std::string_view org_path, bool is_team_leader) {
  return is_team_leader || IsOrganizationManager(actor, org_path);
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

}  // namespace tianshan::volunteering
