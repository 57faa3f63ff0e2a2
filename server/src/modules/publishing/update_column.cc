#include "modules/publishing/column_support.h"
#include "modules/publishing/permissions.h"
#include "modules/publishing/use_case_support.h"

namespace tianshan::publishing {

Result<ColumnView> UpdateColumn(const AppContext& ctx, const Caller& caller, int64_t column_id,
                                const ColumnInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ColumnView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadColumn(tx, caller.actor, column_id));
    Column c = access.column;
    if (!CanManageColumns(caller.actor, c.org_path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(auto before_members, ColumnMembers(tx, c.id));
    ColumnInput before_input{c.name, c.parent_id, c.position, c.is_public, c.show_on_parents, {}, {}};
    for (const auto& m : before_members)
      (m.role == "editor" ? before_input.editors : before_input.reviewers).push_back(m.account_id);
    const std::string before = ColumnAuditJson(c, before_input);
    TS_RETURN_IF_ERROR(ApplyColumnInput(tx, c, input));
    c.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(UpdateColumnRow(tx, c));
    TS_RETURN_IF_ERROR(ReplaceColumnMembers(tx, c.id, MembersOf(input), c.updated_at));
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller, {"column.update", "column", c.id, c.org_path, before, ColumnAuditJson(c, input)}));
    return ColumnViewOf(tx, caller.actor, c);
  });
}

}  // namespace tianshan::publishing
