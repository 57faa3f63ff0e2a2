#pragma once
// Use case: change a shift before it starts (PATCH; absent fields keep their value).
//
// Steps, in one transaction with the shift row locked: 404/403 as for managing the project →
// a cancelled shift (409 volunteer.shift_cancelled) or one that has started (409
// volunteer.shift_started) does not change → new times only while nobody is signed up (409
// volunteer.shift_has_sign_ups: sign-ups keep the times they were made for) and as for a new
// shift (422 on starts_at / ends_at) → a capacity below the confirmed seats is a 422 on
// "capacity"; a larger one gives the new seats to the waitlist in order (each promotion
// audited like a cancellation's) → save, audit with before and after.

#include <optional>
#include <string>

#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct ShiftPatch {
  std::optional<int64_t> starts_at, ends_at;
  std::optional<int> capacity;
  std::optional<std::optional<std::string>> role, requirements;
  std::optional<std::optional<int64_t>> min_age;
};

Result<ShiftView> UpdateShift(const AppContext& ctx, const Caller& caller, int64_t shift_id, const ShiftPatch& patch);

}  // namespace tianshan::volunteering
