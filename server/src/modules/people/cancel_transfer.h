#pragma once
// Use case: either side (or the member) cancels a pending transfer
// (POST /transfers/{id}/cancel). 404 unless the caller is a side of the transfer or the
// member, 409 unless pending. Nothing but the transfer changes; audited.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

Result<TransferView> CancelTransfer(const AppContext& ctx, const Caller& caller, int64_t id);

}  // namespace tianshan::people
