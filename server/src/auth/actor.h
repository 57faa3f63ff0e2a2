#pragma once
// Who is calling: the account behind a valid session, with its role grants.
//
// A grant of a role on an organization covers that organization's whole subtree (its
// materialized path is a prefix of theirs) and nothing above or beside it. Permission checks
// deny by default: an Actor with no covering grant may do nothing in that subtree.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tianshan::auth {

enum class Role { kCommitteeAdmin, kBranchSecretary, kCadre, kMember, kYouth };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct Grant {
  int64_t organization_id = 0;
  std::string organization_path;  // "/1/7/31/"; empty when the organization is unknown
  std::string organization_name;
  Role role = Role::kYouth;
};

struct Actor {
  int64_t account_id = 0;
  std::string login;
  std::string display_name;
  std::optional<int64_t> person_id;
  std::vector<Grant> grants;
  std::string session_digest;  // identifies the session row; never the token itself
  std::string csrf_token;

  // True when a grant with one of `roles` covers the organization at `path`.
  bool Covers(std::string_view path, std::initializer_list<Role> roles) const;
  // The grants with one of `roles` (for scoping list queries to subtrees).
  std::vector<const Grant*> GrantsWith(std::initializer_list<Role> roles) const;
  bool IsAdminSomewhere() const { return !GrantsWith({Role::kCommitteeAdmin}).empty(); }
  // A committee_admin of a whole tree: a grant on a root organization ("/N/") or on every
  // organization ("/"). Platform-wide things (jobs, the mail outbox) are theirs.
  bool AdministersARoot() const;
};

}  // namespace tianshan::auth
