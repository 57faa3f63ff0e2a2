#pragma once
// Use case: the side a pending transfer waits for refuses it with a reason
// (POST /transfers/{id}/reject {reason}): the sending side before it released the member, the
// receiving side afterwards. 422 for an empty reason, 404 unless the caller is a side of the
// transfer, 409 unless pending, 403 when it waits for the other side. Nothing but the transfer
// changes; audited.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

Result<TransferView> RejectTransfer(const AppContext& ctx, const Caller& caller, int64_t id, const std::string& reason);

}  // namespace tianshan::people
