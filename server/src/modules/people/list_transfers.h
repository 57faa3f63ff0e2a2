#pragma once
// Use case: the transfers coming into (incoming) or going out of (outgoing) an organization's
// subtree, by status (default pending, or "all" for the whole history): pending ones oldest
// first with their age, history newest first; keyset pagination by id. Each item says what the
// caller may do next (`can`).
// Readable by committee_admin and branch_secretary covering the organization (404 when the
// organization is unseen, 403 for other roles).

#include "modules/people/transfer_support.h"

namespace tianshan::people {

struct ListTransfersInput {
  int64_t organization_id = 0;
  bool incoming = true;
  std::string status = "pending";  // a TransferStatuses() value or "all"
  std::optional<int64_t> after_id;
  int limit = 50;
};

struct TransferPage {
  std::vector<TransferView> items;
  std::optional<int64_t> next_cursor;
};

Result<TransferPage> ListOrganizationTransfers(const AppContext& ctx, const auth::Actor& actor,
                                               const ListTransfersInput& input);

}  // namespace tianshan::people
