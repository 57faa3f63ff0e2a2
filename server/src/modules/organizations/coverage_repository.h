#pragma once
// SQL for organizations_coverage_units (bound parameters only), inside the caller's transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/organizations/coverage_unit.h"
#include "modules/organizations/organization_repository.h"
#include "storage/database.h"

namespace tianshan::organizations {

// A unit as lists show it: with the names of the organization it is registered at and of the
// one covering it (organization names are not personal data).
struct ListedCoverageUnit : CoverageUnit {
  std::string organization_name;
  std::optional<std::string> covered_by_name;
};

struct CoverageUnitPage {
  std::vector<ListedCoverageUnit> items;
  std::optional<int64_t> next_cursor;  // last id of the page
};

Result<CoverageUnit> InsertCoverageUnit(storage::Transaction& tx, CoverageUnit unit);
Result<std::optional<CoverageUnit>> FindCoverageUnit(storage::Transaction& tx, int64_t id,
                                                     RowLock lock = RowLock::kNone);
Status SaveCoverageUnit(storage::Transaction& tx, const CoverageUnit& unit);
// Which units a list holds: those registered at the organization itself, or anywhere in its
// subtree (the organization's path range).
enum class CoverageScope { kOwn, kSubtree };

// Units registered at `org` (or in its subtree), by id; `covered` filters when set.
Result<CoverageUnitPage> ListCoverageUnits(storage::Transaction& tx, const Organization& org, CoverageScope scope,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit);

// A child organization and the coverage of its subtree, from the maintained counters.
struct ChildCoverage {
  int64_t id = 0;
  std::string name;
  std::string kind;
  int64_t units = 0;
  int64_t covered = 0;
  // covered / units; nullopt when the subtree has no units.
  std::optional<double> rate() const;
};
// The active children of `parent_id` with their subtree coverage counters, in one query (an
// indexed read of the children joined with two counter rows each), at most `limit` of them, by id.
Result<std::vector<ChildCoverage>> ListChildCoverage(storage::Transaction& tx, int64_t parent_id, int limit);
// True when some unit names `organization_id` as its covering organization.
Result<bool> CoversAnyUnit(storage::Transaction& tx, int64_t organization_id);

}  // namespace tianshan::organizations
