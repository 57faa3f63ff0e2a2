#pragma once
// Use case: start a membership transfer (POST /transfers).
//
// Who: the member themself (their account's person), or a committee_admin / branch_secretary
// covering the sending organization (the one holding the membership) or the receiving one.
// Both sides consent before a membership moves: a transfer started by the sending side or by
// the member is released at once and waits for the receiving side; one started by the
// receiving side alone waits for the sending side to release it (ReleaseTransfer).
//
// The receiving side, which may not see the person, names them by identity number **and**
// name. The lookup reveals only what the transfer needs: that an active member with exactly
// that number and name exists, the id of that person (ids reveal nothing: reading it is 404),
// and the name of the organization holding the membership (organization names are not personal
// data). A number without a matching name is answered exactly like an unknown number, so the
// lookup cannot be used to find out whose number it is or where they are.
//
// Steps: validate (exactly one of person_id / identity_number; name with identity_number; note
// length: 422) → the receiving organization (unknown: 422 on to_organization_id) → find the
// person and their active membership (422/404/409) → authorize (403) → refuse the membership's
// own organization (422) and a second pending transfer (409) → insert and audit. Counts change
// only on acceptance.

#include "modules/people/transfer_support.h"

namespace tianshan::people {

struct StartTransferInput {
  std::optional<int64_t> person_id;
  std::optional<std::string> identity_number;
  std::optional<std::string> name;  // required with identity_number
  int64_t to_organization_id = 0;
  std::optional<std::string> note;
};

Result<TransferView> StartTransfer(const AppContext& ctx, const Caller& caller, const StartTransferInput& input);

}  // namespace tianshan::people
