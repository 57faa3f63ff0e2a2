#pragma once
// Use case: the coverage units registered at an organization, by id, optionally only the
// covered or the uncovered ones. Readers: committee_admin, branch_secretary and cadre covering
// the organization; 403 for other roles that may read the organization, 404 when the caller
// may not read the organization at all.

#include <optional>

#include "kit/module.h"
#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/use_case_support.h"

namespace tianshan::organizations {

Result<CoverageUnitPage> ListCoverageUnits(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit);

}  // namespace tianshan::organizations
