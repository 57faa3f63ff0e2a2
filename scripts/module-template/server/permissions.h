#pragma once
// Who may do what with __ENTITIES_WORDS__: pure decisions, no I/O. Deny by default; a grant covers its
// organization's whole subtree and nothing above or beside it. The table (README.md):
//   read (list, get)     committee_admin, branch_secretary, cadre covering the organization
//   manage (create)      committee_admin, branch_secretary covering the organization

#include <string_view>
#include <vector>

#include "auth/actor.h"
#include "kit/permission.h"

namespace tianshan::__MODULE__ {

bool CanRead(const auth::Actor& actor, std::string_view organization_path);
bool CanManage(const auth::Actor& actor, std::string_view organization_path);

// The table above as named permissions for the manifest; each entry calls the function above.
std::vector<PermissionDefinition> Permissions();

}  // namespace tianshan::__MODULE__
