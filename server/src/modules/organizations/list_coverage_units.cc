#include "modules/organizations/list_coverage_units.h"

#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<CoverageUnitPage> ListCoverageUnits(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<CoverageUnitPage> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, organization_id));
    if (!CanReadCoverage(actor, org.path)) return Status::Forbidden();
    return organizations::ListCoverageUnits(tx, org.id, covered, after_id, limit);
  });
}

}  // namespace tianshan::organizations
