#pragma once
// Use case: change a coverage unit, in particular link or unlink its covering organization.
//
// Steps: load the unit with a row lock and its organization (404 when either is unseen; a
// caller who may read the organization but not its coverage also gets 404) → authorize
// (committee_admin covering the unit's organization, 403) → validate (422) → check the
// covering organization (see create_coverage_unit.h) → write, move coverage.covered by ±1 when
// the unit becomes covered or uncovered, record the audit entry.

#include <optional>
#include <string>

#include "kit/module.h"
#include "modules/organizations/coverage_unit.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct CoverageUnitPatch {
  std::optional<std::string> name;
  std::optional<std::string> kind;
  std::optional<int64_t> young_employees;
  // Outer nullopt: unchanged; inner nullopt: unlink.
  std::optional<std::optional<int64_t>> covered_by_organization_id;
};

Result<CoverageUnit> UpdateCoverageUnit(const AppContext& ctx, const Caller& caller, int64_t unit_id,
                                        const CoverageUnitPatch& patch);

}  // namespace tianshan::organizations
