#include "modules/organizations/update_coverage_unit.h"

#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/create_coverage_unit.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::organizations {

Result<CoverageUnit> UpdateCoverageUnit(const AppContext& ctx, const Caller& caller, int64_t unit_id,
                                        const CoverageUnitPatch& patch) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<CoverageUnit> {
    TS_ASSIGN_OR_RETURN(auto found, FindCoverageUnit(tx, unit_id, RowLock::kUpdate));
    if (!found) return Status::NotFound("coverage.not_found");
    CoverageUnit before = *found;
    auto org = LoadReadable(tx, caller.actor, before.organization_id, RowLock::kShare);
    if (!org.ok()) {
      return org.status().code() == StatusCode::kNotFound ? Status::NotFound("coverage.not_found") : org.status();
    }
    if (!CanReadCoverage(caller.actor, org->path)) return Status::NotFound("coverage.not_found");
    if (!CanManageCoverage(caller.actor, org->path)) return Status::Forbidden();
    CoverageUnit after = before;
    if (patch.name) after.name = *patch.name;
    if (patch.kind) after.kind = *patch.kind;
    if (patch.young_employees) after.young_employees = *patch.young_employees;
    if (patch.covered_by_organization_id) after.covered_by_organization_id = *patch.covered_by_organization_id;
    std::vector<FieldError> errors;
    CollectCoverageUnitErrors(after, errors);
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    if (after.covered_by_organization_id != before.covered_by_organization_id) {
      TS_RETURN_IF_ERROR(CheckCoveringOrganization(tx, *org, after.covered_by_organization_id));
    }
    // A PATCH that sets nothing new changes nothing: no write, no updated_at, no audit entry.
    if (CoverageUnitAuditJson(after) == CoverageUnitAuditJson(before)) return before;
    after.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SaveCoverageUnit(tx, after));
    if (after.covered() != before.covered()) {
      TS_RETURN_IF_ERROR(AdjustCounter(tx, after.organization_id, counter::kCoveredUnits, after.covered() ? 1 : -1));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"coverage_unit.update", "coverage_unit", after.id, org->path,
                                         CoverageUnitAuditJson(before), CoverageUnitAuditJson(after)}));
    return after;
  });
}

}  // namespace tianshan::organizations
