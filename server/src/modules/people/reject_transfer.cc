#include "modules/people/reject_transfer.h"

#include "modules/people/transfer_notices.h"

namespace tianshan::people {

Result<TransferView> RejectTransfer(const AppContext& ctx, const Caller& caller, int64_t id,
                                    const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos) return Status::Invalid("reason", "field.empty");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TransferView> {
    TS_ASSIGN_OR_RETURN(TransferAccess a, LoadTransferAccess(tx, ctx, caller.actor, id, true));
    TS_RETURN_IF_ERROR(RequireTransferAction(a, TransferAction::kReject));
    const std::string before = TransferAuditJson(a.transfer);
    TS_RETURN_IF_ERROR(
        DecideTransfer(tx, id, "rejected", std::nullopt, reason, caller.actor.account_id, ctx.clock.NowMillis()));
    TS_ASSIGN_OR_RETURN(TransferView view, ReloadTransfer(tx, ctx, caller.actor, id));
    TS_RETURN_IF_ERROR(NoticeTransferDecided(tx, ctx, view.transfer));
    TS_RETURN_IF_ERROR(Audit(tx, ctx, caller, "transfer.reject", "transfer", id,
                             a.transfer.released() ? a.to_path : a.from_path, before,
                             TransferAuditJson(view.transfer)));
    return view;
  });
}

}  // namespace tianshan::people
