#pragma once
// Use case: the receiving side rejects a pending transfer with a reason
// (POST /transfers/{id}/reject {reason}). 404 unless the caller is a side of the transfer,
// 403 unless the receiving side, 409 unless pending, 422 for an empty reason. Nothing but
// the transfer changes; audited.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

Result<TransferView> RejectTransfer(const AppContext& ctx, const Caller& caller, int64_t id, const std::string& reason);

}  // namespace tianshan::people
