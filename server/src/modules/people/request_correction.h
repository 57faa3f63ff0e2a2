#pragma once
// Use case: the branch asks to correct a person's name and/or identity number
// (POST /people/{id}/corrections {name?, identity_number?, reason}).
//
// Steps: validate (at least one new value, a valid checksummed identity number, a reason:
// 422) → load the person (404 when unseen) → authorize (committee_admin or branch_secretary
// covering the person's organization: 403) → refuse a second pending correction and an
// identity number held by someone else (409, naming the organization as in create_person.h)
// → insert and audit. The person changes only on approval (approve_correction.h).

#include "modules/people/correction_support.h"

namespace tianshan::people {

struct RequestCorrectionInput {
  std::optional<std::string> name;
  std::optional<std::string> identity_number;
  std::string reason;
};

Result<CorrectionView> RequestCorrection(const AppContext& ctx, const Caller& caller, int64_t person_id,
                                         const RequestCorrectionInput& input);

}  // namespace tianshan::people
