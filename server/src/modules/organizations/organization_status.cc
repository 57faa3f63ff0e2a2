#include "modules/organizations/organization_status.h"

#include "modules/organizations/counter_store.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/organization_repository.h"
#include "modules/organizations/public/counters.h"

namespace tianshan::organizations {

Result<Organization> ChangeOrganizationStatus(storage::Transaction& tx, const AppContext& ctx, const Caller& caller,
                                              const Organization& before, std::string_view status,
                                              std::string_view action) {
  Organization after = before;
  after.status = std::string(status);
  after.updated_at = ctx.clock.NowMillis();
  const int delta = after.active() ? 1 : -1;
  TS_RETURN_IF_ERROR(SetOrganizationStatus(tx, after.id, status, after.updated_at));
  TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, after.path, counter::kOrganizations, delta));
  TS_RETURN_IF_ERROR(ApplyCounterDelta(tx, after.path, KindCounterKey(after.fields.kind), delta));
  TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                      {std::string(action), "organization", after.id, after.path,
                                       OrganizationAuditJson(before), OrganizationAuditJson(after)}));
  return after;
}

}  // namespace tianshan::organizations
