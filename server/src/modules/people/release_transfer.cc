#include "modules/people/release_transfer.h"

#include "modules/people/transfer_notices.h"

namespace tianshan::people {

Result<TransferView> ReleaseTransfer(const AppContext& ctx, const Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TransferView> {
    TS_ASSIGN_OR_RETURN(TransferAccess a, LoadTransferAccess(tx, ctx, caller.actor, id, true));
    TS_RETURN_IF_ERROR(RequireTransferAction(a, TransferAction::kRelease));
    const std::string before = TransferAuditJson(a.transfer);
    TS_RETURN_IF_ERROR(MarkTransferReleased(tx, id, caller.actor.account_id, ctx.clock.NowMillis()));
    TS_ASSIGN_OR_RETURN(TransferView view, ReloadTransfer(tx, ctx, caller.actor, id));
    TS_RETURN_IF_ERROR(NoticeTransferWaiting(tx, ctx, view.transfer));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "transfer.release", "transfer", id, a.from_path, before,
                             TransferAuditJson(view.transfer)));
    return view;
  });
}

}  // namespace tianshan::people
