#include "modules/organizations/restore_organization.h"

#include "modules/organizations/organization_repository.h"
#include "modules/organizations/organization_status.h"
#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<Organization> RestoreOrganization(const AppContext& ctx, const Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Organization> {
    TS_ASSIGN_OR_RETURN(Organization before, LoadReadable(tx, caller.actor, id, RowLock::kUpdate));
    if (!CanRestore(caller.actor, before.path)) return Status::Forbidden();
    if (before.active()) return before;
    if (before.parent_id) {
      // The lock keeps a concurrent archive of the parent from passing this check unseen.
      TS_ASSIGN_OR_RETURN(auto parent, FindOrganization(tx, *before.parent_id, RowLock::kShare));
      if (parent && !parent->active()) return Status::Conflict("organization.parent_archived");
    }
    return ChangeOrganizationStatus(tx, ctx, caller, before, kActive, "organization.restore");
  });
}

}  // namespace tianshan::organizations
