#pragma once
// Use case: the sending side releases a member whose transfer the receiving side started
// (POST /transfers/{id}/release, 同意转出); only then may the receiving side accept it.
//
// Steps: load the transfer (404 unless the caller is one of its sides or the member) → pending
// (409) → authorize (committee_admin / branch_secretary covering the sending organization: 403)
// → not yet released (409 "people.transfer_already_released") → record who released it and
// when, and audit. Nothing moves until the receiving side accepts.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

Result<TransferView> ReleaseTransfer(const AppContext& ctx, const Caller& caller, int64_t id);

}  // namespace tianshan::people
