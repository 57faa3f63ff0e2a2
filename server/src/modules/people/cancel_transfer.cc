#include "modules/people/cancel_transfer.h"

namespace tianshan::people {

Result<TransferView> CancelTransfer(const AppContext& ctx, const Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TransferView> {
    TS_ASSIGN_OR_RETURN(TransferAccess a, LoadTransferAccess(tx, ctx, caller.actor, id, true));
    TS_RETURN_IF_ERROR(RequireTransferAction(a, TransferAction::kCancel));
    const std::string before = TransferAuditJson(a.transfer);
    TS_RETURN_IF_ERROR(DecideTransfer(tx, id, "cancelled", std::nullopt, std::nullopt, caller.actor.account_id,
                                      ctx.clock.NowMillis()));
    TS_ASSIGN_OR_RETURN(TransferView view, ReloadTransfer(tx, ctx, caller.actor, id));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "transfer.cancel", "transfer", id, a.from_path, before,
                             TransferAuditJson(view.transfer)));
    return view;
  });
}

}  // namespace tianshan::people
