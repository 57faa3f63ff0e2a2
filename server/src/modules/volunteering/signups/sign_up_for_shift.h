#pragma once
// Use case: a person signs up for a shift, taking a seat or, when it is full, joining the
// waitlist.
//
// Steps, in one transaction: idempotency (the same Idempotency-Key from the same account
// answers with the sign-up it made, replayed = true; a key used for another shift is a 422 on
// "idempotency_key") → the caller's own person (403 without one) → lock the person's
// volunteer row (so one person's sign-ups serialize) → the shift, visible to the caller (404)
// → refuse: cancelled shift (409 volunteer.shift_cancelled), project not recruiting/running
// (409 volunteer.not_recruiting), shift started (409 volunteer.shift_started), an active
// sign-up for the same shift (409 volunteer.already_signed_up), age below min_age (422
// volunteer.too_young), a minor without guardian consent (422 on guardian_consent
// volunteer.needs_consent), an overlapping active sign-up (409 volunteer.overlap) → take a
// seat with the conditional UPDATE (confirmed < capacity) or append to the waitlist → save
// the sign-up, audit.
//
// Never more confirmed than capacity, whatever the concurrency, on both databases: the seat is
// taken by one UPDATE whose WHERE re-checks confirmed < capacity under the row lock.

#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct GuardianConsent {
  std::string guardian_name;
  std::string relation;
};

struct SignUpInput {
  std::optional<std::string> idempotency_key;
  std::optional<GuardianConsent> consent;
};

struct SignUpResult {
  SignUp sign_up;
  std::optional<int64_t> waitlist_position;  // 1-based, when waitlisted
  bool replayed = false;
};

Result<SignUpResult> SignUpForShift(const AppContext& ctx, const Caller& caller, int64_t shift_id,
                                    const SignUpInput& input);

std::string SignUpAuditJson(const SignUp& s);

}  // namespace tianshan::volunteering
