#include "auth/actor.h"

#include <algorithm>

namespace tianshan::auth {
namespace {
constexpr std::pair<Role, std::string_view> kRoleNames[] = {
    {Role::kCommitteeAdmin, "committee_admin"}, {Role::kBranchSecretary, "branch_secretary"},
    {Role::kCadre, "cadre"}, {Role::kMember, "member"}, {Role::kYouth, "youth"}};
}

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoleNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

bool Actor::Covers(std::string_view path, std::initializer_list<Role> roles) const {
  if (path.empty()) return false;
  return std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
    return !g.organization_path.empty() && std::find(roles.begin(), roles.end(), g.role) != roles.end() &&
           path.substr(0, g.organization_path.size()) == g.organization_path;
  });
}

std::vector<const Grant*> Actor::GrantsWith(std::initializer_list<Role> roles) const {
  std::vector<const Grant*> out;
  for (const auto& g : grants) {
    if (std::find(roles.begin(), roles.end(), g.role) != roles.end()) out.push_back(&g);
  }
  return out;
}

bool Actor::AdministersARoot() const {
  for (const Grant* g : GrantsWith({Role::kCommitteeAdmin})) {
    const std::string& p = g->organization_path;
    if (p == "/" || (p.size() >= 3 && std::count(p.begin(), p.end(), '/') == 2)) return true;
  }
  return false;
}

}  // namespace tianshan::auth
