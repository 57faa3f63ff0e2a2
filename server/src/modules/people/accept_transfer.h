#pragma once
// Use case: the receiving side accepts a pending transfer into a branch it chooses
// (POST /transfers/{id}/accept {branch_id}).
//
// Steps: load the transfer (404 unless the caller is one of its sides) → pending (409) →
// authorize (committee_admin / branch_secretary covering the receiving organization: 403) →
// released by the sending side (409 "people.transfer_awaiting_sender") → the branch (readable, active, within the
// receiving organization's subtree: 422 on branch_id) → the membership is still the one the transfer was started for
// (409) → end it (transferred_out), open the same membership at the branch, re-attach the person, move the count
// (members -1 at the sending organization, +1 at the branch), decide and audit: one transaction, so both sides' counts
// change exactly when the acceptance commits.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

Result<TransferView> AcceptTransfer(const AppContext& ctx, const Caller& caller, int64_t id, int64_t branch_id);

}  // namespace tianshan::people
