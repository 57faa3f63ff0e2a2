#pragma once
// How big a generated network is and what shape it has (`--scale region|national|N`).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace tianshan::generate {

// Organizations per depth: 1 root committee; provincial committees (depth 1); local committees
// (depth 2, each with a region code); grass-roots committees, working committees and general
// branches (depth 3); every other organization is a branch (depth 4).
struct GenerateSpec {
  std::string label;  // "region", "national", "300"
  std::string root_name;
  int64_t organizations = 0;
  int64_t people = 0;
  int64_t provincial = 0;
  int64_t local = 0;
  int64_t grass_roots = 0;
  int64_t branches() const { return organizations - 1 - provincial - local - grass_roots; }
};

inline constexpr int64_t kMinOrganizations = 10;
inline constexpr int64_t kMaxOrganizations = 10'000'000;

// region   ≈ 40,000 organizations, 2,000,000 people (one autonomous region)
// national ≈ 4,400,000 organizations, 75,000,000 people (35 / 3,000 / 184,000 committees)
// N        N organizations (10 … 10,000,000) and 50 × N people
// Invalid ("scale") otherwise.
Result<GenerateSpec> ParseScale(std::string_view scale);

}  // namespace tianshan::generate
