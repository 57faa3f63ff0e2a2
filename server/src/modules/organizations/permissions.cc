#include "modules/organizations/permissions.h"

#include <algorithm>

namespace tianshan::organizations {

using auth::Role;

bool CanRead(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre, Role::kMember, Role::kYouth});
}

bool CanCreateChild(const auth::Actor& actor, std::string_view parent_path) {
  return actor.Covers(parent_path, {Role::kCommitteeAdmin});
}

bool CanCreateRoot(const auth::Actor& actor) {
  // A root path holds one id ("/N/"); a platform administrator's grant path "/" covers all roots.
  return std::any_of(actor.grants.begin(), actor.grants.end(), [](const auth::Grant& g) {
    return g.role == Role::kCommitteeAdmin &&
           (g.organization_path == "/" ||
            (g.organization_path.size() >= 3 &&
             std::count(g.organization_path.begin(), g.organization_path.end(), '/') == 2));
  });
}

bool CanUpdateAll(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin});
}

bool CanUpdateDetails(const auth::Actor& actor, std::string_view path) {
  if (CanUpdateAll(actor, path)) return true;
  return !path.empty() && std::any_of(actor.grants.begin(), actor.grants.end(), [&](const auth::Grant& g) {
    return g.role == Role::kBranchSecretary && g.organization_path == path;
  });
}

bool IsDetailField(std::string_view field) {
  return field == "short_name" || field == "address" || field == "contact_name" || field == "contact_phone" ||
         field == "founded_on";
}

bool CanArchive(const auth::Actor& actor, std::string_view path) { return actor.Covers(path, {Role::kCommitteeAdmin}); }

bool CanRestore(const auth::Actor& actor, std::string_view path) { return CanArchive(actor, path); }

bool CanMove(const auth::Actor& actor, std::string_view path, std::string_view new_parent_path) {
  if (!actor.Covers(path, {Role::kCommitteeAdmin})) return false;
  return new_parent_path.empty() ? CanCreateRoot(actor) : actor.Covers(new_parent_path, {Role::kCommitteeAdmin});
}

bool CanSeeContactPhone(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

bool CanReadCoverage(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre});
}

bool CanManageCoverage(const auth::Actor& actor, std::string_view organization_path) {
  return actor.Covers(organization_path, {Role::kCommitteeAdmin});
}

std::vector<PermissionDefinition> Permissions() {
  return {
      {"organizations.read", "organization", "any role covering it", CanRead},
      {"organizations.create_child", "organization", "committee_admin covering it", CanCreateChild},
      {"organizations.update", "organization", "committee_admin covering it (every field)", CanUpdateAll},
      {"organizations.update_details", "organization",
       "committee_admin covering it; branch_secretary granted on exactly it (short name, address, contact, founding "
       "date)",
       CanUpdateDetails},
      {"organizations.archive", "organization", "committee_admin covering it", CanArchive},
      {"organizations.restore", "organization", "committee_admin covering it (an archived organization)", CanRestore},
      {"organizations.move", "organization", "committee_admin covering it and the new parent",
       [](const auth::Actor& a, std::string_view path) { return a.Covers(path, {Role::kCommitteeAdmin}); }},
      {"organizations.see_contact_phone", "organization", "committee_admin, branch_secretary covering it",
       CanSeeContactPhone},
      {"organizations.read_coverage", "organization", "committee_admin, branch_secretary, cadre covering it",
       CanReadCoverage},
      {"organizations.manage_coverage", "organization", "committee_admin covering it", CanManageCoverage},
  };
}

}  // namespace tianshan::organizations
