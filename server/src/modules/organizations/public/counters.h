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
#include <vector>

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
// Overdue work waiting at an organization, recomputed daily by the owning module's reminder job.
inline constexpr std::string_view kOverdueTransfers = "overdue.transfers";
inline constexpr std::string_view kOverdueCorrections = "overdue.corrections";
}  // namespace counter

// Adds `delta` to `key` for `organization_id` (self and subtree) and to the subtree value of
// each of its ancestors. NotFound when the organization does not exist.
[[nodiscard]] Status AdjustCounter(storage::Transaction& tx, int64_t organization_id, std::string_view key,
                                   int64_t delta);

// For counters a job recomputes (items overdue today): sets the self value of `key` to
// `values[org]` for each organization in `values` and to 0 for every other organization whose
// self value of `key` is not 0; subtree values follow, as with AdjustCounter.
[[nodiscard]] Status SetSelfCounters(storage::Transaction& tx, std::string_view key,
                                     const std::map<int64_t, int64_t>& values);

// An organization's stored counters, by key (for a module's own verify-counters).
struct CounterValue {
  int64_t self = 0;
  int64_t subtree = 0;
};
using CounterMap = std::map<std::string, CounterValue, std::less<>>;
Result<CounterMap> ReadCounters(storage::Transaction& tx, int64_t organization_id);

// --- A module's own `verify-counters`: recount self values, compare with the stored ones. ---
//
// Self values a module recounted from its own tables: organization id → counter key → value.
// An organization present without a key expects 0 for that key (so a stored count whose rows
// are all gone is reported).
using SelfCounts = std::map<int64_t, std::map<std::string, int64_t, std::less<>>>;

// Runs `sql`, whose rows name an `organization_id` and a `value` ("SELECT organization_id,
// COUNT(*) AS value FROM ... GROUP BY organization_id"), and adds each value to `counts` under
// `key`.
[[nodiscard]] Status AddSelfCounts(storage::Transaction& tx, std::string_view key, std::string_view sql,
                                   SelfCounts& counts);
// Runs `sql`, whose rows name an `organization_id` ("SELECT DISTINCT x_id AS organization_id
// FROM ..."), and makes sure each is compared even where nothing is counted now.
[[nodiscard]] Status AddCountedOrganizations(storage::Transaction& tx, std::string_view sql, SelfCounts& counts);

// Compares, for every organization in `counts` and every key in `keys`, the recounted self
// value with the stored one (ReadCounters; a missing row is 0). One line per difference, in
// organization order: "<module>: organization 7 members: self is 3, expected 4". Subtree
// values are the organizations module's own check (subtree = self + Σ children).
Result<std::vector<std::string>> CompareSelfCounters(storage::Transaction& tx, std::string_view module,
                                                     const std::vector<std::string_view>& keys,
                                                     const SelfCounts& counts);

}  // namespace tianshan::organizations
