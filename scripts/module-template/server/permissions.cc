#include "modules/__MODULE__/permissions.h"

namespace tianshan::__MODULE__ {

using auth::Role;

bool CanRead(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre});
}

bool CanManage(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

std::vector<PermissionDefinition> Permissions() {
  return {
      {"__MODULE__.read", "organization", "committee_admin, branch_secretary, cadre covering it", CanRead},
      {"__MODULE__.manage", "organization", "committee_admin, branch_secretary covering it", CanManage},
  };
}

}  // namespace tianshan::__MODULE__
