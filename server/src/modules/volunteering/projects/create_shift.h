#pragma once
// Use cases: add a shift to a project, and cancel a shift.
//
// Create: 404/403 as for managing the project → the project must not be finished or archived
// (409) → the shift must start in the future and last at most 24 hours (422 on starts_at /
// ends_at) → insert, audit.
// Cancel: 404/403 → a cancelled shift (409) or one that has started (409, "volunteer.shift_started")
// cannot be cancelled → every sign-up is cancelled and the seat counters zeroed, audit; one
// transaction with the shift row locked.

#include "modules/volunteering/projects/project_views.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct CreateShiftInput {
  int64_t starts_at = 0;
  int64_t ends_at = 0;
  int capacity = 0;
  std::optional<std::string> role;
  std::optional<std::string> requirements;
  std::optional<int> min_age;
};

Result<ShiftView> CreateShift(const AppContext& ctx, const Caller& caller, int64_t project_id,
                              const CreateShiftInput& input);
Result<ShiftView> CancelShift(const AppContext& ctx, const Caller& caller, int64_t shift_id);

// Without authorization or time checks, inside the caller's transaction (demo data).
Result<Shift> InsertShiftUnchecked(storage::Transaction& tx, const AppContext& ctx, int64_t project_id,
                                   const CreateShiftInput& input);

}  // namespace tianshan::volunteering
