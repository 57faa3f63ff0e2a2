#pragma once
// Use case: cancel a sign-up before the shift starts; a freed seat goes to the first person on
// the waitlist in the same transaction.
//
// Steps: load the sign-up (404 unless it is the caller's own or the caller manages the
// project) → lock the shift row first (every seat change locks the shift before sign-ups, so
// concurrent cancels and sign-ups queue instead of deadlocking) → refuse once the shift has
// started (409 volunteer.shift_started); an already cancelled sign-up is answered as is →
// cancel; when it held a seat, promote the earliest waitlisted sign-up → audit both.

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct CancelResult {
  SignUp sign_up;
  std::optional<SignUp> promoted;
};

Result<CancelResult> CancelSignUp(const AppContext& ctx, const Caller& caller, int64_t sign_up_id);

// Gives a freed seat to the earliest waitlisted sign-up of the shift (the caller's
// transaction, the shift row locked, a seat free), audited as "volunteer_signup.promote";
// nullopt when nobody waits.
Result<std::optional<SignUp>> PromoteFirstWaitlisted(storage::Transaction& tx, const AppContext& ctx,
                                                     const Caller& caller, int64_t shift_id,
                                                     const std::string& org_path, int64_t now);

}  // namespace tianshan::volunteering
