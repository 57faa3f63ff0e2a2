#include "modules/people/accept_transfer.h"

#include "modules/organizations/public/counters.h"
#include "modules/people/person_repository.h"
#include "modules/people/transfer_notices.h"

namespace tianshan::people {

Result<TransferView> AcceptTransfer(const AppContext& ctx, const Caller& caller, int64_t id, int64_t branch_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<TransferView> {
    TS_ASSIGN_OR_RETURN(TransferAccess a, LoadTransferAccess(tx, ctx, caller.actor, id, true));
    TS_RETURN_IF_ERROR(RequireTransferAction(a, TransferAction::kAccept));
    TS_ASSIGN_OR_RETURN(auto branch, LoadTargetOrganization(tx, caller.actor, branch_id, "branch_id"));
    if (branch.path.compare(0, a.to_path.size(), a.to_path) != 0) {
      return Status::Invalid("branch_id", "people.branch_outside");
    }
    TS_ASSIGN_OR_RETURN(auto person, FindPerson(tx, a.transfer.person_id, true));
    TS_ASSIGN_OR_RETURN(auto membership, FindActiveMembership(tx, a.transfer.person_id));
    if (!person || !membership || membership->id != a.transfer.membership_id) {
      return Status::Conflict("people.membership_changed");
    }
    const int64_t now = ctx.clock.NowMillis();
    const std::string before = TransferAuditJson(a.transfer);
    TS_RETURN_IF_ERROR(EndMembership(tx, membership->id, "transferred_out", now));
    Membership next = *membership;
    next.organization_id = branch.id;
    next.org_path = branch.path;
    next.started_at = now;
    TS_RETURN_IF_ERROR(InsertMembership(tx, next));
    TS_RETURN_IF_ERROR(SetAttachment(tx, person->id, branch.id, branch.path, true, now));
    TS_RETURN_IF_ERROR(
        organizations::AdjustCounter(tx, membership->organization_id, organizations::counter::kMembers, -1));
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, branch.id, organizations::counter::kMembers, 1));
    TS_RETURN_IF_ERROR(DecideTransfer(tx, id, "accepted", branch.id, std::nullopt, caller.actor.account_id, now));
    TS_ASSIGN_OR_RETURN(TransferView view, ReloadTransfer(tx, ctx, caller.actor, id));
    TS_RETURN_IF_ERROR(NoticeTransferDecided(tx, ctx, view.transfer));
    TS_RETURN_IF_ERROR(
        Audit(tx, ctx, caller, "transfer.accept", "transfer", id, a.to_path, before, TransferAuditJson(view.transfer)));
    return view;
  });
}

}  // namespace tianshan::people
