#include "modules/volunteering/projects/update_shift.h"

#include "modules/volunteering/projects/create_shift.h"
#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/signups/cancel_sign_up.h"

namespace tianshan::volunteering {

Result<ShiftView> UpdateShift(const AppContext& ctx, const Caller& caller, int64_t shift_id, const ShiftPatch& patch) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ShiftView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedShift(tx, ctx, caller.actor, shift_id, /*lock=*/true));
    Shift s = access.shift;
    if (s.status == "cancelled") return Status::Conflict("volunteer.shift_cancelled");
    if (now >= s.starts_at) return Status::Conflict("volunteer.shift_started");
    const std::string before = ShiftAuditJson(s, now);
    if (patch.starts_at || patch.ends_at) {
      if (s.confirmed + s.waitlisted > 0) return Status::Conflict("volunteer.shift_has_sign_ups");
      s.starts_at = patch.starts_at.value_or(s.starts_at);
      s.ends_at = patch.ends_at.value_or(s.ends_at);
      TS_RETURN_IF_ERROR(CheckShiftTimes(s.starts_at, s.ends_at, now));
    }
    if (patch.capacity) {
      if (*patch.capacity < s.confirmed) {
        return Status::Invalid("capacity", "volunteer.capacity_below_confirmed", std::to_string(s.confirmed));
      }
      s.capacity = *patch.capacity;
    }
    if (patch.role) s.role = *patch.role;
    if (patch.requirements) s.requirements = *patch.requirements;
    if (patch.min_age) {
      s.min_age.reset();
      if (*patch.min_age) s.min_age = static_cast<int>(**patch.min_age);
    }
    TS_RETURN_IF_ERROR(UpdateShiftFields(tx, s, now));
    // New seats go to the waitlist in order.
    for (int seats = s.capacity - s.confirmed; seats > 0 && s.waitlisted > 0; --seats) {
      TS_ASSIGN_OR_RETURN(auto promoted, PromoteFirstWaitlisted(tx, ctx, caller, s.id, access.project.path, now));
      if (!promoted) break;
      ++s.confirmed;
      --s.waitlisted;
    }
    TS_RETURN_IF_ERROR(
        AuditShiftChange(tx, ctx, caller, "volunteer_shift.update", access.project.path, before, s, now));
    return ViewShift(tx, &caller.actor, access.project, std::move(s), now);
  });
}

}  // namespace tianshan::volunteering
