#include "modules/organizations/list_coverage_units.h"

#include <algorithm>

#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<CoverageUnitPage> ListCoverageUnits(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit,
                                           CoverageScope scope) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<CoverageUnitPage> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, organization_id));
    if (!CanReadCoverage(actor, org.path)) return Status::Forbidden();
    return organizations::ListCoverageUnits(tx, org, scope, covered, after_id, limit);
  });
}

void SortLeastCoveredFirst(std::vector<ChildCoverage>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const ChildCoverage& a, const ChildCoverage& b) {
    const double ra = a.rate().value_or(2.0), rb = b.rate().value_or(2.0);
    if (ra != rb) return ra < rb;
    if (a.name != b.name) return a.name < b.name;
    return a.id < b.id;
  });
}

Result<ChildCoverageTable> ListChildCoverage(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ChildCoverageTable> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, organization_id));
    if (!CanReadCoverage(actor, org.path)) return Status::Forbidden();
    ChildCoverageTable table;
    TS_ASSIGN_OR_RETURN(table.rows, organizations::ListChildCoverage(tx, org.id, kMaxChildCoverageRows + 1));
    if (table.rows.size() > static_cast<size_t>(kMaxChildCoverageRows)) {
      table.rows.resize(kMaxChildCoverageRows);
      table.truncated = true;
    }
    SortLeastCoveredFirst(table.rows);
    return table;
  });
}

}  // namespace tianshan::organizations
