#include "modules/organizations/archive_organization.h"

#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/organization_status.h"
#include "modules/organizations/permissions.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::organizations {

Result<Organization> ArchiveOrganization(const AppContext& ctx, const Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Organization> {
    // The lock makes a concurrent create under it wait (or finish first and be seen below).
    TS_ASSIGN_OR_RETURN(Organization before, LoadReadable(tx, caller.actor, id, RowLock::kUpdate));
    if (!CanArchive(caller.actor, before.path)) return Status::Forbidden();
    if (!before.active()) return before;
    TS_ASSIGN_OR_RETURN(bool children, HasActiveChildren(tx, id));
    if (children) return Status::Conflict("organization.has_active_children");
    TS_ASSIGN_OR_RETURN(CounterMap counters, ReadCounters(tx, id));
    auto members = counters.find(counter::kMembers);
    if (members != counters.end() && members->second.self > 0) {
      return Status::Conflict("organization.has_members").WithParam(std::to_string(members->second.self));
    }
    TS_ASSIGN_OR_RETURN(bool covers, CoversAnyUnit(tx, id));
    if (covers) return Status::Conflict("organization.covers_units");
    return ChangeOrganizationStatus(tx, ctx, caller, before, kArchived, "organization.archive");
  });
}

}  // namespace tianshan::organizations
