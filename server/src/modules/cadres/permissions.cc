#include "modules/cadres/permissions.h"

namespace tianshan::cadres {

using auth::Role;

bool CanViewFigures(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin});
}

bool CanSetTargets(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin});
}

bool CanPlanPostings(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin});
}

bool CanConfirmAt(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin, Role::kBranchSecretary});
}

bool CanWorkAsCadre(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCadre, Role::kBranchSecretary, Role::kCommitteeAdmin});
}

std::vector<PermissionDefinition> Permissions() {
  return {
      {"cadres.dashboard", "organization", "committee_admin covering it", CanViewFigures},
      {"cadres.settings", "organization", "committee_admin covering it", CanSetTargets},
      {"cadres.plan_postings", "organization", "committee_admin covering it (the cadre's and the host's)",
       CanPlanPostings},
      {"cadres.confirm", "organization", "committee_admin, branch_secretary covering it", CanConfirmAt},
      {"cadres.work", "organization",
       "cadre, branch_secretary, committee_admin covering it (and, checked by the use cases, an open cadre "
       "position of the account's person)",
       CanWorkAsCadre},
  };
}

}  // namespace tianshan::cadres
