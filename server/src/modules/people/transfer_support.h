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
  bool self = false;       // the caller is the member being transferred
  bool sending = false;    // committee_admin / branch_secretary covering the sending organization
  bool receiving = false;  // ... covering the receiving organization
};

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
void WriteTransfer(JsonOut& out, const Transfer& t, const TransferNames& names, int64_t now_millis);
std::string TransferJson(const Transfer& t, const TransferNames& names, int64_t now_millis);

struct TransferView {
  Transfer transfer;
  TransferNames names;
};
// Reloads a transfer with its names after a change, inside the transaction.
Result<TransferView> ReloadTransfer(storage::Transaction& tx, const AppContext& ctx, int64_t id);

}  // namespace tianshan::people
