#include "modules/publishing/column_support.h"
#include "modules/publishing/permissions.h"

namespace tianshan::publishing {

Result<std::vector<ColumnView>> ListColumns(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<ColumnView>> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(auto columns, ColumnsOf(tx, org.id));
    std::vector<ColumnView> out;
    for (const auto& c : columns) {
      TS_ASSIGN_OR_RETURN(auto view, ColumnViewOf(tx, actor, c));
      out.push_back(std::move(view));
    }
    return out;
  });
}

}  // namespace tianshan::publishing
