#pragma once
// Steps shared by the transfer use cases: who the caller is to a transfer, and its JSON.

#include "core/json.h"
#include "modules/people/transfer_repository.h"
#include "modules/people/use_case_support.h"

namespace tianshan::people {

struct TransferAccess {
  Transfer transfer;
  std::string from_path;  // current paths of both organizations
  std::string to_path;
  TransferSides sides;
  TransferActions can;  // what the caller may do next
};

enum class TransferAction { kRelease, kAccept, kReject, kCancel };
// Ok when the caller may take `action` now; otherwise 409 when the transfer is decided or waits
// for the other step, 403 when the caller's side may not take it.
Status RequireTransferAction(const TransferAccess& a, TransferAction action);

// Who the actor is to `t`, from the stored paths (rewritten when subtrees move).
TransferSides SidesOf(const auth::Actor& actor, const Transfer& t);
TransferActions ActionsOf(const TransferSides& sides, const Transfer& t);

// The transfer `id` when the caller is one of its sides; NotFound ("people.transfer_not_found")
// otherwise, so unseen ids reveal nothing.
Result<TransferAccess> LoadTransferAccess(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                          int64_t id, bool for_update);

std::string TransferAuditJson(const Transfer& t);

// The names of the organizations of a transfer, for its JSON.
struct TransferNames {
  std::string from, to, branch;
};
Result<TransferNames> LoadTransferNames(storage::Transaction& tx, const AppContext& ctx, const Transfer& t);
struct TransferView {
  Transfer transfer;
  TransferNames names;
  TransferActions can;  // for the caller who asked
};
void WriteTransfer(JsonOut& out, const TransferView& v, int64_t now_millis);
std::string TransferJson(const TransferView& v, int64_t now_millis);

// Reloads a transfer with its names and what `actor` may do next, after a change, inside the
// transaction.
Result<TransferView> ReloadTransfer(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                    int64_t id);

}  // namespace tianshan::people
