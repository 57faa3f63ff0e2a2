#pragma once
// Use cases: approve or reject a pending correction (POST /corrections/{id}/approve and
// /reject {reason}). Decided by a committee_admin granted on an organization strictly above
// the person's organization, who did not request it.
//
// Steps: load the correction and its person (404 when the caller cannot see the person) →
// authorize (403) → pending (409) → approve: re-check the identity number is still free
// (409), apply the new name / identity number (the birth date follows the identity number),
// audit the person's before and after (masked) and the decision; reject: a reason (422),
// record it. One transaction each.

#include "modules/people/correction_support.h"

namespace tianshan::people {

Result<CorrectionView> ApproveCorrection(const AppContext& ctx, const Caller& caller, int64_t id);
Result<CorrectionView> RejectCorrection(const AppContext& ctx, const Caller& caller, int64_t id,
                                        const std::string& reason);

}  // namespace tianshan::people
