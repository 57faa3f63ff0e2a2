#include "modules/organizations/create_coverage_unit.h"

#include <algorithm>

#include "core/json.h"
#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::organizations {

void CollectCoverageUnitErrors(const CoverageUnit& u, std::vector<FieldError>& errors) {
  if (u.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.push_back({"name", "field.empty", {}});
  } else if (Utf8Length(u.name) > kMaxUnitName) {
    errors.push_back({"name", "field.too_long", std::to_string(kMaxUnitName)});
  }
  const auto& kinds = CoverageKinds();
  if (std::find(kinds.begin(), kinds.end(), u.kind) == kinds.end()) {
    errors.push_back({"kind", "field.not_one_of", "non_public_enterprise, industrial_park, social_organization"});
  }
  if (u.young_employees < 0 || u.young_employees > kMaxYoungEmployees) {
    errors.push_back({"young_employees", "field.out_of_range", {}});
  }
}

Status CheckCoveringOrganization(storage::Transaction& tx, const Organization& unit_org,
                                 std::optional<int64_t> covered_by) {
  if (!covered_by) return Status::Ok();
  // FOR SHARE: an archive of the covering organization waits for us and then sees the link.
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, *covered_by, RowLock::kShare));
  if (!org || !org->active() || org->path.compare(0, unit_org.path.size(), unit_org.path) != 0) {
    return Status::Invalid("covered_by_organization_id", "coverage.bad_covering_organization");
  }
  return Status::Ok();
}

Result<CoverageUnit> CreateCoverageUnitUnchecked(storage::Transaction& tx, const AppContext& ctx,
                                                 const Organization& organization, const CoverageUnitInput& input,
                                                 std::optional<int64_t> actor_account_id,
                                                 const std::string& request_id) {
  CoverageUnit unit;
  unit.organization_id = organization.id;
  unit.name = input.name;
  unit.kind = input.kind;
  unit.young_employees = input.young_employees;
  unit.covered_by_organization_id = input.covered_by_organization_id;
  unit.created_at = unit.updated_at = ctx.clock.NowMillis();
  std::vector<FieldError> errors;
  CollectCoverageUnitErrors(unit, errors);
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  if (!organization.active()) return Status::Conflict("organization.archived");
  TS_RETURN_IF_ERROR(CheckCoveringOrganization(tx, organization, unit.covered_by_organization_id));
  TS_ASSIGN_OR_RETURN(unit, InsertCoverageUnit(tx, unit));
  TS_RETURN_IF_ERROR(AdjustCounter(tx, organization.id, counter::kUnits, 1));
  if (unit.covered()) TS_RETURN_IF_ERROR(AdjustCounter(tx, organization.id, counter::kCoveredUnits, 1));
  TS_RETURN_IF_ERROR(ctx.audit.Record(tx, {.actor_account_id = actor_account_id,
                                           .action = "coverage_unit.create",
                                           .entity_type = "coverage_unit",
                                           .entity_id = std::to_string(unit.id),
                                           .organization_path = organization.path,
                                           .after_json = CoverageUnitAuditJson(unit),
                                           .request_id = request_id}));
  return unit;
}

Result<CoverageUnit> CreateCoverageUnit(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                                        const CoverageUnitInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<CoverageUnit> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, caller.actor, organization_id, RowLock::kShare));
    if (!CanManageCoverage(caller.actor, org.path)) return Status::Forbidden();
    return CreateCoverageUnitUnchecked(tx, ctx, org, input, caller.actor.account_id, caller.request_id);
  });
}

}  // namespace tianshan::organizations
