#include "modules/volunteering/projects/create_shift.h"

#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/signups/signup_repository.h"
#include "modules/volunteering/volunteering_json.h"

namespace tianshan::volunteering {

std::string ShiftAuditJson(const Shift& s, int64_t now) {
  return JsonText([&](JsonOut& out) { WriteShift(out, s, now); });
}

Status AuditShiftChange(storage::Transaction& tx, const AppContext& ctx, const Caller& caller, const char* action,
                        const std::string& org_path, const std::string& before, const Shift& after, int64_t now) {
  return ctx.audit.Record(tx, caller,
                          {.action = action,
                           .entity_type = "volunteer_shift",
                           .entity_id = after.id,
                           .organization_path = org_path,
                           .before_json = before,
                           .after_json = ShiftAuditJson(after, now)});
}

Status CheckShiftTimes(int64_t starts_at, int64_t ends_at, int64_t now) {
  std::vector<FieldError> errors;
  if (starts_at <= now) errors.push_back({"starts_at", "volunteer.start_in_past", ""});
  if (ends_at <= starts_at) {
    errors.push_back({"ends_at", "volunteer.end_before_start", ""});
  } else if (ends_at - starts_at > kMaxShiftMillis) {
    errors.push_back({"ends_at", "volunteer.shift_too_long", ""});
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return Status::Ok();
}

Result<Shift> InsertShiftUnchecked(storage::Transaction& tx, const AppContext& ctx, int64_t project_id,
                                   const CreateShiftInput& input) {
  Shift s;
  s.project_id = project_id;
  s.starts_at = input.starts_at;
  s.ends_at = input.ends_at;
  s.capacity = input.capacity;
  s.role = input.role;
  s.requirements = input.requirements;
  s.min_age = input.min_age;
  TS_ASSIGN_OR_RETURN(s.id, InsertShift(tx, s, ctx.clock.NowMillis()));
  return s;
}

Result<ShiftView> CreateShift(const AppContext& ctx, const Caller& caller, int64_t project_id,
                              const CreateShiftInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ShiftView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedProject(tx, ctx, caller.actor, project_id));
    const auto& status = access.project.status;
    if (status == "finished" || status == "archived") return Status::Conflict("volunteer.project_closed");
    TS_RETURN_IF_ERROR(CheckShiftTimes(input.starts_at, input.ends_at, now));
    TS_ASSIGN_OR_RETURN(auto s, InsertShiftUnchecked(tx, ctx, project_id, input));
    TS_RETURN_IF_ERROR(AuditShiftChange(tx, ctx, caller, "volunteer_shift.create", access.path, "", s, now));
    return ViewShift(tx, &caller.actor, access, std::move(s), now);
  });
}

Result<ShiftView> CancelShift(const AppContext& ctx, const Caller& caller, int64_t shift_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ShiftView> {
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedShift(tx, ctx, caller.actor, shift_id, true));
    Shift s = access.shift;
    if (s.status == "cancelled") return Status::Conflict("volunteer.shift_cancelled");
    int64_t now = ctx.clock.NowMillis();
    if (now >= s.starts_at) return Status::Conflict("volunteer.shift_started");
    std::string before = ShiftAuditJson(s, now);
    TS_RETURN_IF_ERROR(CancelAllSignUps(tx, s.id, now));
    TS_RETURN_IF_ERROR(MarkShiftCancelled(tx, s.id, now));
    s.status = "cancelled";
    s.confirmed = s.waitlisted = 0;
    TS_RETURN_IF_ERROR(
        AuditShiftChange(tx, ctx, caller, "volunteer_shift.cancel", access.project.path, before, s, now));
    return ViewShift(tx, &caller.actor, access.project, std::move(s), now);
  });
}

}  // namespace tianshan::volunteering
