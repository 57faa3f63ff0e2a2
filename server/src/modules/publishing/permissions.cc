#include "modules/publishing/permissions.h"

namespace tianshan::publishing {

using auth::Role;

bool CanRead(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin, Role::kBranchSecretary, Role::kCadre});
}

bool CanManageColumns(const auth::Actor& actor, std::string_view path) {
  return actor.Covers(path, {Role::kCommitteeAdmin});
}

bool CanWrite(const auth::Actor& actor, std::string_view path, const Membership& m) {
  return CanManageColumns(actor, path) || (m.editor && CanRead(actor, path));
}

bool CanReview(const auth::Actor& actor, std::string_view path, const Membership& m) {
  return CanManageColumns(actor, path) || (m.reviewer && CanRead(actor, path));
}

bool MayApprove(const auth::Actor& actor, int64_t created_by, std::optional<int64_t> submitted_by) {
  return actor.account_id != created_by && (!submitted_by || *submitted_by != actor.account_id);
}

std::vector<PermissionDefinition> Permissions() {
  return {
      {"publishing.read", "organization", "committee_admin, branch_secretary, cadre covering it", CanRead},
      {"publishing.columns", "organization", "committee_admin covering it", CanManageColumns},
      {"publishing.write", "organization",
       "committee_admin covering it; an editor of the column (branch_secretary, cadre covering it)",
       [](const auth::Actor& a, std::string_view p) { return CanWrite(a, p, {}); }},
      {"publishing.review", "organization",
       "committee_admin covering it; a reviewer of the column (branch_secretary, cadre covering it); never their "
       "own article",
       [](const auth::Actor& a, std::string_view p) { return CanReview(a, p, {}); }},
  };
}

}  // namespace tianshan::publishing
