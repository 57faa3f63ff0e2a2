#pragma once
// Coverage (覆盖面): a unit in an organization's area (an enterprise, an industrial park, a
// social organization) that should have a league organization. It is covered when an
// organization is linked to it. Units count towards the coverage counters of the organization
// they are registered at, whether or not that organization is archived: they describe the
// area, not the organization.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tianshan::organizations {

inline const std::vector<std::string>& CoverageKinds() {
  static const std::vector<std::string> k = {"non_public_enterprise", "industrial_park", "social_organization"};
  return k;
}

inline constexpr size_t kMaxUnitName = 100;
inline constexpr int64_t kMaxYoungEmployees = 10'000'000;

struct CoverageUnit {
  int64_t id = 0;
  int64_t organization_id = 0;
  std::string name;
  std::string kind;
  int64_t young_employees = 0;
  std::optional<int64_t> covered_by_organization_id;
  int64_t created_at = 0;
  int64_t updated_at = 0;

  bool covered() const { return covered_by_organization_id.has_value(); }
};

}  // namespace tianshan::organizations
