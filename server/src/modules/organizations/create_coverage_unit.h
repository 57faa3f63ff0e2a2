#pragma once
// Use case: register a coverage unit in an organization's area, optionally already covered.
//
// Steps: validate (422 listing every problem) → load the organization (404 when unseen) →
// authorize (committee_admin covering it, 403) → refuse an archived organization (409) → check
// the covering organization (it must exist, be active and lie in the subtree of the unit's
// organization: 422 on covered_by_organization_id) → insert, count it (coverage.units and,
// when covered, coverage.covered) up the tree, record the audit entry.

#include <optional>
#include <string>
#include <vector>

#include "kit/module.h"
#include "modules/organizations/coverage_unit.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

struct CoverageUnitInput {
  std::string name;
  std::string kind;
  int64_t young_employees = 0;
  std::optional<int64_t> covered_by_organization_id;
};

// Field errors of a unit's name, kind and young_employees (empty when valid).
void CollectCoverageUnitErrors(const CoverageUnit& unit, std::vector<FieldError>& errors);

// Checks `covered_by` for a unit registered at `unit_org` (see above); ok when nullopt.
Status CheckCoveringOrganization(storage::Transaction& tx, const Organization& unit_org,
                                 std::optional<int64_t> covered_by);

Result<CoverageUnit> CreateCoverageUnit(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                                        const CoverageUnitInput& input);

// Without authorization, inside the caller's transaction (demo loader).
Result<CoverageUnit> CreateCoverageUnitUnchecked(storage::Transaction& tx, const AppContext& ctx,
                                                 const Organization& organization, const CoverageUnitInput& input,
                                                 std::optional<int64_t> actor_account_id,
                                                 const std::string& request_id);

}  // namespace tianshan::organizations
