#pragma once
// Public contract of the organizations module: maintained, rolled-up counters.
//
// Every organization has, per counter key, a value for itself ("self") and one for its whole
// subtree ("subtree"). AdjustCounter changes both for the organization and the subtree value
// of every ancestor, inside the caller's transaction, so counts move exactly when the change
// that moves them commits. Statistics read these rows and never scan.
// Any module may call this (members joined, hours confirmed, ...); keys are short strings.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::organizations {

namespace counter {
inline constexpr std::string_view kOrganizations = "organizations";  // self: 1 for itself
inline constexpr std::string_view kCommittees = "kind.committee";
inline constexpr std::string_view kWorkingCommittees = "kind.working_committee";
inline constexpr std::string_view kGeneralBranches = "kind.general_branch";
inline constexpr std::string_view kBranches = "kind.branch";
inline constexpr std::string_view kMembers = "members";
inline constexpr std::string_view kCadres = "cadres";
inline constexpr std::string_view kYouth = "youth";
inline constexpr std::string_view kUnits = "coverage.units";
inline constexpr std::string_view kCoveredUnits = "coverage.covered";
}  // namespace counter

// Adds `delta` to `key` for `organization_id` (self and subtree) and to the subtree value of
// each of its ancestors. NotFound when the organization does not exist.
[[nodiscard]] Status AdjustCounter(storage::Transaction& tx, int64_t organization_id, std::string_view key,
                                   int64_t delta);

// An organization's stored counters, by key (for a module's own verify-counters).
struct CounterValue {
  int64_t self = 0;
  int64_t subtree = 0;
};
using CounterMap = std::map<std::string, CounterValue, std::less<>>;
Result<CounterMap> ReadCounters(storage::Transaction& tx, int64_t organization_id);

}  // namespace tianshan::organizations
