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

struct CoverageUnitPage {
  std::vector<CoverageUnit> items;
  std::optional<int64_t> next_cursor;  // last id of the page
};

Result<CoverageUnit> InsertCoverageUnit(storage::Transaction& tx, CoverageUnit unit);
Result<std::optional<CoverageUnit>> FindCoverageUnit(storage::Transaction& tx, int64_t id,
                                                     RowLock lock = RowLock::kNone);
Status SaveCoverageUnit(storage::Transaction& tx, const CoverageUnit& unit);
// Units registered at `organization_id`, by id; `covered` filters when set.
Result<CoverageUnitPage> ListCoverageUnits(storage::Transaction& tx, int64_t organization_id,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit);
// True when some unit names `organization_id` as its covering organization.
Result<bool> CoversAnyUnit(storage::Transaction& tx, int64_t organization_id);

}  // namespace tianshan::organizations
