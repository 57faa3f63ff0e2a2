#include "core/json.h"
#include "modules/organizations/public/lookup.h"
#include "modules/publishing/column_support.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_cases.h"

namespace tianshan::publishing {

Result<ColumnView> CreateColumn(const AppContext& ctx, const Caller& caller, int64_t organization_id,
                                const ColumnInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ColumnView> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, caller.actor, organization_id));
    if (!CanRead(caller.actor, org.path)) return Status::NotFound("organization.not_found");
    if (!CanManageColumns(caller.actor, org.path)) return Status::Forbidden();
    if (!org.active()) return Status::Conflict("organization.archived");
    Column c;
    c.organization_id = org.id;
    c.org_path = org.path;
    c.created_by = caller.actor.account_id;
    c.created_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(ApplyColumnInput(tx, c, input));
    c.updated_at = c.created_at;
    TS_ASSIGN_OR_RETURN(c.id, InsertColumn(tx, c));
    TS_RETURN_IF_ERROR(ReplaceColumnMembers(tx, c.id, MembersOf(input), c.created_at));
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller, {"column.create", "column", c.id, c.org_path, "", ColumnAuditJson(c, input)}));
    return ColumnViewOf(tx, caller.actor, c);
  });
}

}  // namespace tianshan::publishing
