#pragma once
// Who is told what about a transfer, inside the transaction that changes it (notifications'
// public Notify): the side a pending transfer waits for (the nearest admins or secretaries of
// that organization) when it starts or is released; the member when it is decided.

#include "kit/module.h"
#include "modules/people/transfer_repository.h"

namespace tianshan::people {

// After a start or a release: tells the side `t` now waits for.
Status NoticeTransferWaiting(storage::Transaction& tx, const AppContext& ctx, const Transfer& t);
// After an acceptance or a rejection: tells the member.
Status NoticeTransferDecided(storage::Transaction& tx, const AppContext& ctx, const Transfer& t);

}  // namespace tianshan::people
