#pragma once
// Use case: start a membership transfer (POST /transfers).
//
// Who: the member themself (their account's person), or a committee_admin / branch_secretary
// covering the sending organization (the one holding the membership) or the receiving one.
// The receiving side, which may not see the person, names them by identity number; a person
// id of someone the caller cannot see is 404, so ids reveal nothing.
// Steps: validate (exactly one of person_id / identity_number, note length: 422) → find the
// person and their active membership (422/404/409) → the receiving organization (unknown: 422
// on to_organization_id; the membership's own organization: 422) → authorize (403) → refuse a
// second pending transfer (409) → insert and audit. Counts change only on acceptance.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

struct StartTransferInput {
  std::optional<int64_t> person_id;
  std::optional<std::string> identity_number;
  int64_t to_organization_id = 0;
  std::optional<std::string> note;
};

Result<TransferView> StartTransfer(const AppContext& ctx, const Caller& caller, const StartTransferInput& input);

}  // namespace tianshan::people
