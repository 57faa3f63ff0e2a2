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

// The shift as the audit log keeps it: its answer at the time of the change.
std::string ShiftAuditJson(const Shift& s, int64_t now);
// Records `action` on the shift (`before`: its earlier ShiftAuditJson, "" for a new shift).
Status AuditShiftChange(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, const char* action,
                        const std::string& org_path, const std::string& before, const Shift& after, int64_t now);
// A shift starts after `now` and lasts more than nothing and at most 24 hours: one 422 on
// starts_at / ends_at.
Status CheckShiftTimes(int64_t starts_at, int64_t ends_at, int64_t now);

// Without authorization or time checks, inside the caller's transaction (demo data).
Result<Shift> InsertShiftUnchecked(storage::Transaction& tx, const AppContext& ctx, int64_t project_id,
                                   const CreateShiftInput& input);

}  // namespace tianshan::volunteering
