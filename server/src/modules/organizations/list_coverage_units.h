#pragma once
// Use case: the coverage units registered at an organization (or, with CoverageScope::kSubtree,
// anywhere in its subtree: "which units of my area have no league organization yet"), by id,
// optionally only the covered or the uncovered ones. Readers: committee_admin, branch_secretary and cadre covering
// the organization; 403 for other roles that may read the organization, 404 when the caller
// may not read the organization at all.

#include <optional>

#include "kit/module.h"
#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

Result<CoverageUnitPage> ListCoverageUnits(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit,
                                           CoverageScope scope = CoverageScope::kOwn);

// Use case: the per-child coverage table: each active child of the organization with the units,
// covered units and rate of its subtree, from the maintained counters in one query; the least
// covered first (rate ascending, children without units last, then by name). Same readers as
// the coverage units. At most kMaxChildCoverageRows children (`truncated` says more exist).
inline constexpr int kMaxChildCoverageRows = 2000;
struct ChildCoverageTable {
  std::vector<ChildCoverage> rows;
  bool truncated = false;
};
Result<ChildCoverageTable> ListChildCoverage(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id);
// The table's order, without I/O.
void SortLeastCoveredFirst(std::vector<ChildCoverage>& rows);

}  // namespace tianshan::organizations
