#pragma once
// Membership transfers (组织关系转接) and their SQL (bound parameters only), inside the caller's
// transaction. A transfer moves a person's active membership from the organization holding it
// to a branch chosen by the receiving organization (to_organization_id, or one below it).
// Status: pending → accepted | rejected | cancelled; at most one pending transfer per person.
// Both sides consent: a pending transfer is first released by the sending side (released_at),
// then accepted by the receiving side. One started by the sending side or by the member is
// released when it is created; one started by the receiving side waits for the sending side.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::people {

inline const std::vector<std::string>& TransferStatuses() {
  static const std::vector<std::string> s = {"pending", "accepted", "rejected", "cancelled"};
  return s;
}

struct Transfer {
  int64_t id = 0;
  int64_t person_id = 0;
  int64_t membership_id = 0;
  int64_t from_organization_id = 0;
  std::string from_path;
  int64_t to_organization_id = 0;
  std::string to_path;
  std::optional<int64_t> branch_id;
  std::string status;
  std::optional<std::string> note;
  std::optional<std::string> reason;
  int64_t requested_by = 0;
  std::optional<int64_t> decided_by;
  int64_t created_at = 0;
  std::optional<int64_t> decided_at;
  std::optional<std::string> initiated_by;  // "sending", "receiving", "member"; NULL before 0002
  std::optional<int64_t> released_by;
  std::optional<int64_t> released_at;
  std::string person_name;  // filled by reads

  bool pending() const { return status == "pending"; }
  bool released() const { return released_at.has_value(); }
};

// Where a pending transfer waits: "awaiting_sender" (not yet released) or "awaiting_receiver";
// empty for decided transfers.
std::string_view TransferStage(const Transfer& t);

Result<int64_t> InsertTransfer(storage::Transaction& tx, const Transfer& t);
Result<std::optional<Transfer>> FindTransfer(storage::Transaction& tx, int64_t id, bool for_update = false);
Result<bool> HasPendingTransfer(storage::Transaction& tx, int64_t person_id);
// The sending side releases a pending transfer; Conflict ("people.transfer_not_pending") when it
// is no longer pending or already released.
Status MarkTransferReleased(storage::Transaction& tx, int64_t id, int64_t released_by, int64_t now);
// Decides a pending transfer; Conflict ("people.transfer_not_pending") when it is not pending.
Status DecideTransfer(storage::Transaction& tx, int64_t id, std::string_view status, std::optional<int64_t> branch_id,
                      const std::optional<std::string>& reason, int64_t decided_by, int64_t now);

struct TransferQuery {
  std::string path;  // subtree of the listing organization
  bool incoming = true;
  std::string status;  // one of TransferStatuses(), or "all"
  std::optional<int64_t> after_id;
  int limit = 50;
};
// Transfers whose receiving (incoming) or sending (outgoing) organization lies in the subtree,
// pending ones oldest first and history ("all" or a decided status) newest first, by id; one
// more row than `limit` when there are more.
Result<std::vector<Transfer>> ListTransfers(storage::Transaction& tx, const TransferQuery& q);

}  // namespace tianshan::people
