#include "modules/people/list_transfers.h"

namespace tianshan::people {

Result<TransferPage> ListOrganizationTransfers(const AppContext& ctx, const auth::Actor& actor,
                                               const ListTransfersInput& in) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<TransferPage> {
    TS_ASSIGN_OR_RETURN(auto org, LoadListedOrganization(tx, actor, in.organization_id));
    if (!CanHandleTransfers(actor, org.path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(auto rows, ListTransfers(tx, {org.path, in.incoming, in.status, in.after_id, in.limit}));
    TransferPage page;
    for (auto& t : rows) {
      if (static_cast<int>(page.items.size()) == in.limit) {
        page.next_cursor = page.items.back().transfer.id;
        break;
      }
      TS_ASSIGN_OR_RETURN(auto names, LoadTransferNames(tx, ctx, t));
      TransferActions can = ActionsOf(SidesOf(actor, t), t);
      page.items.push_back({std::move(t), std::move(names), can});
    }
    return page;
  });
}

}  // namespace tianshan::people
