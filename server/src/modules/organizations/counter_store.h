#pragma once
// Internal counter operations behind counters.h: reading an organization's counters and
// shifting a moved subtree's totals between ancestors. Run inside the caller's transaction.
//
// Every change touches counter rows root first, then down the path, so that concurrent
// transactions lock shared ancestors in the same order (PostgreSQL may still report a
// deadlock between different keys; the transaction runner retries it).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"
#include "modules/organizations/public/counters.h"
#include "storage/database.h"

namespace tianshan::organizations {

// Adds `delta` to self and subtree of the organization at `path` and to the subtree of each
// of its ancestors.
Status ApplyCounterDelta(storage::Transaction& tx, std::string_view path, std::string_view key, int64_t delta);

// After the organization `organization_id` moved from under `old_parent_path` to under
// `new_parent_path` (either may be empty: a root), moves its subtree totals from the old
// ancestors to the new ones. Ancestors common to both keep their values. Must run after the
// paths were rewritten, so that (on PostgreSQL) concurrent counter changes inside the subtree
// have either committed before it reads the totals or wait for the move to commit.
Status ShiftSubtreeCounters(storage::Transaction& tx, int64_t organization_id, std::string_view old_parent_path,
                            std::string_view new_parent_path);

}  // namespace tianshan::organizations
