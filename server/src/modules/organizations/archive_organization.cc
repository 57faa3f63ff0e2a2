#include "modules/organizations/archive_organization.h"

#include "modules/organizations/counter_store.h"
#include "modules/organizations/coverage_repository.h"
#include "modules/organizations/organization_json.h"
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
    Organization after = before;
    after.status = std::string(kArchived);
    after.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(SetOrganizationStatus(tx, id, kArchived, after.updated_at));
    TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, after.path, counter::kOrganizations, -1));
    TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, after.path, KindCounterKey(after.fields.kind), -1));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"organization.archive", "organization", id, after.path,
                                         OrganizationAuditJson(before), OrganizationAuditJson(after)}));
    return after;
  });
}

}  // namespace tianshan::organizations
