#pragma once
// Use case: an organization's figures, for itself and rolled up over its subtree, read from
// the maintained counters only (one indexed read of a handful of rows, never a scan).
// Readable by every role that may read the organization (404 otherwise).

#include "kit/module.h"
#include "modules/organizations/counter_store.h"
#include "modules/organizations/stats_cache.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

Result<CounterMap> GetOrganizationStats(const AppContext& ctx, const auth::Actor& actor, int64_t id);

// The same figures as StatsJson, answered from `cache` while no write has ended since they were
// read (see stats_cache.h); same permission rule.
Result<std::string> GetOrganizationStatsJson(const AppContext& ctx, StatsCache& cache, const auth::Actor& actor,
                                             int64_t id);
// The same answer from `cache` alone, never touching the database (for the I/O thread):
// nullopt on a miss.
std::optional<Result<std::string>> CachedOrganizationStatsJson(const AppContext& ctx, const StatsCache& cache,
                                                               const auth::Actor& actor, int64_t id);

// The overdue view (issue 11): every counter of the "overdue" group declared by any module
// (AppContext::counters), with its subtree value, its label and the link to its items. From the
// maintained counters only. committee_admin, branch_secretary, cadre covering the organization
// (CanReadCoverage; 404 when unseen, 403 for other roles).
struct OverdueCount {
  const CounterDefinition* definition = nullptr;
  int64_t self = 0;
  int64_t subtree = 0;
};
Result<std::vector<OverdueCount>> GetOverdueCounts(const AppContext& ctx, const auth::Actor& actor, int64_t id);
// The overdue counters among an organization's `counters` (no permission check).
std::vector<OverdueCount> OverdueOf(const AppContext& ctx, const CounterMap& counters);

}  // namespace tianshan::organizations
