#pragma once
// Use case: the member, or the side that started it, withdraws a pending transfer
// (POST /transfers/{id}/cancel); the other side refuses with a reason instead (reject).
// 404 unless the caller is a side of the transfer or the member, 409 unless pending, 403 for
// the side that did not start it. Nothing but the transfer changes; audited.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

Result<TransferView> CancelTransfer(const AppContext& ctx, const Caller& caller, int64_t id);

}  // namespace tianshan::people
