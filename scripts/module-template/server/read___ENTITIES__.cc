#include "modules/__MODULE__/__ENTITY___repository.h"
#include "modules/__MODULE__/permissions.h"
#include "modules/__MODULE__/use_cases.h"
#include "modules/organizations/public/lookup.h"

namespace tianshan::__MODULE__ {

Result<__Entity__View> Get__Entity__(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<__Entity__View> {
    TS_ASSIGN_OR_RETURN(auto found, Find__Entity__(tx, id));
    if (!found || !CanRead(actor, found->org_path)) return Status::NotFound("__MODULE__.not_found");
    return __Entity__View{*found, CanManage(actor, found->org_path)};
  });
}

Result<__Entity__Page> List__Entities__(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                        const std::optional<std::string>& q, std::optional<int64_t> after_id,
                                        int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<__Entity__Page> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(auto rows, Select__Entities__(tx, org.id, q, after_id, limit));
    __Entity__Page page;
    const bool can_edit = CanManage(actor, org.path);
    for (auto& e : rows) {
      if (static_cast<int>(page.items.size()) == limit) {
        page.next_cursor = page.items.back().entity.id;
        break;
      }
      page.items.push_back({std::move(e), can_edit});
    }
    return page;
  });
}

}  // namespace tianshan::__MODULE__
