#pragma once
// Use case: recompute every counter from scratch and report each difference (`tianshan
// verify-counters`). Reads everything in one transaction; memory grows with the number of
// organizations (about 200 bytes each), which is fine for a command run by operators.
//
//   organizations, kind.*   active organizations, from organizations_organizations
//   coverage.units/covered  coverage units registered at each organization
//   any other key           (owned by other modules) subtree = self + Σ children's subtree
// It also checks the tree itself: each path is the parent's path plus the own id, and depth
// matches. An empty list means everything agrees.

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::organizations {

Result<std::vector<std::string>> VerifyCounters(storage::Database& db);

}  // namespace tianshan::organizations
