#include "modules/volunteering/signups/check_in.h"

#include "core/json.h"
#include "core/qr_code.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {
namespace {

std::string AttendanceJson(const std::optional<Attendance>& a) {
  if (!a) return "";
  JsonOut out;
  out.StartObject()
      .Field("signup_id", a->signup_id)
      .Field("checked_in_at", FormatUtc(a->checked_in_at))
      .Field("checked_out_at",
             a->checked_out_at ? std::optional<std::string>(FormatUtc(*a->checked_out_at)) : std::nullopt)
      .Field("in_method", a->in_method)
      .Field("out_method", a->out_method)
      .EndObject();
  return out.Take();
}

std::string DirectionName(Direction d) { return d == Direction::kIn ? "in" : "out"; }

}  // namespace

Result<CheckInCode> IssueCheckInCode(const AppContext& ctx, const auth::Actor& actor, int64_t shift_id,
                                     Direction direction, const std::string& base_url) {
  TS_ASSIGN_OR_RETURN(auto key_and_shift,
                      ctx.db.Write([&](storage::Transaction& tx) -> Result<std::pair<std::string, Shift>> {
                        TS_ASSIGN_OR_RETURN(auto access, LoadManagedShift(tx, ctx, actor, shift_id));
                        if (access.shift.status == "cancelled") return Status::Conflict("volunteer.shift_cancelled");
                        TS_ASSIGN_OR_RETURN(auto key, SigningKey(tx, ctx));
                        return std::make_pair(key, access.shift);
                      }));
  CheckInCode code;
  code.expires_at = ctx.clock.NowMillis() + kTokenLifetimeMillis;
  code.token = MakeCheckInToken(key_and_shift.first, shift_id, direction, code.expires_at);
  code.url = base_url + "/volunteer/scan?shift=" + std::to_string(shift_id) + "&direction=" + DirectionName(direction) +
             "&token=" + code.token;
  TS_ASSIGN_OR_RETURN(code.svg, QrSvg(code.url));
  return code;
}

Result<AttendanceResult> CheckInByToken(const AppContext& ctx, const Caller& caller, int64_t shift_id,
                                        Direction direction, const std::string& token) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<AttendanceResult> {
    int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto key, SigningKey(tx, ctx));
    TS_RETURN_IF_ERROR(VerifyCheckInToken(key, token, shift_id, direction, now));
    if (!caller.actor.person_id) return Status::Forbidden("volunteer.needs_person");
    TS_ASSIGN_OR_RETURN(auto access, LoadShift(tx, ctx, &caller.actor, shift_id));
    if (access.shift.status == "cancelled") return Status::Conflict("volunteer.shift_cancelled");
    TS_ASSIGN_OR_RETURN(auto signup, FindSignUpFor(tx, shift_id, *caller.actor.person_id));
    if (!signup || signup->status != "confirmed") return Status::Conflict("volunteer.not_signed_up");
    TS_ASSIGN_OR_RETURN(auto before, FindAttendance(tx, signup->id, true));
    AttendanceResult result;
    if (direction == Direction::kIn) {
      if (before) return AttendanceResult{*before, false};
      TS_ASSIGN_OR_RETURN(bool inserted, InsertCheckIn(tx, *signup, now, "qr", now));
      result.changed = inserted;
    } else {
      if (!before) return Status::Conflict("volunteer.not_checked_in");
      if (before->checked_out_at) return AttendanceResult{*before, false};
      TS_RETURN_IF_ERROR(SetCheckOut(tx, before->id, now, "qr", now));
    }
    TS_ASSIGN_OR_RETURN(auto after, FindAttendance(tx, signup->id));
    result.attendance = *after;
    TS_RETURN_IF_ERROR(
        ctx.audit.Record(tx, caller,
                         {.action = direction == Direction::kIn ? "volunteer.check_in" : "volunteer.check_out",
                          .entity_type = "volunteer_attendance",
                          .entity_id = after->id,
                          .organization_path = access.project.path,
                          .before_json = AttendanceJson(before),
                          .after_json = AttendanceJson(after)}));
    return result;
  });
}

Result<AttendanceResult> RecordAttendance(const AppContext& ctx, const Caller& caller, int64_t sign_up_id,
                                          const AttendanceFix& fix) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<AttendanceResult> {
    TS_ASSIGN_OR_RETURN(auto signup, FindSignUp(tx, sign_up_id));
    if (!signup) return Status::NotFound("volunteer.signup_not_found");
    TS_ASSIGN_OR_RETURN(auto access, LoadManagedShift(tx, ctx, caller.actor, signup->shift_id));
    if (signup->status != "confirmed") return Status::Conflict("volunteer.not_signed_up");
    int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto before, FindAttendance(tx, signup->id, true));
    if (before && before->ledger_entry_id) return Status::Conflict("volunteer.hours_already_confirmed");
    std::optional<int64_t> in = fix.checked_in_at;
    if (!in && before) in = before->checked_in_at;
    std::optional<int64_t> out = fix.checked_out_at;
    if (!out && before) out = before->checked_out_at;
    if (!in) return Status::Invalid("checked_out_at", "volunteer.check_out_before_check_in");
    if (out && *out < *in) return Status::Invalid("checked_out_at", "volunteer.check_out_before_check_in");
    if (*in > now || (out && *out > now)) {
      return Status::Invalid(out && *out > now ? "checked_out_at" : "checked_in_at", "volunteer.time_in_future");
    }
    if (before) {
      TS_RETURN_IF_ERROR(SetAttendanceTimes(tx, before->id, *in, out, now));
    } else {
      TS_ASSIGN_OR_RETURN(bool inserted, InsertCheckIn(tx, *signup, *in, "leader", now));
      if (!inserted) return Status::Retry("attendance appeared concurrently");
      if (out) {
        TS_ASSIGN_OR_RETURN(auto created, FindAttendance(tx, signup->id));
        TS_RETURN_IF_ERROR(SetCheckOut(tx, created->id, *out, "leader", now));
      }
    }
    TS_ASSIGN_OR_RETURN(auto after, FindAttendance(tx, signup->id));
    std::string after_json = AttendanceJson(after);
    after_json.insert(
        after_json.size() - 1, ",\"reason\":" + [&] {
          JsonOut r;
          r.String(fix.reason);
          return r.Take();
        }());
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer.attendance_fix",
                                         .entity_type = "volunteer_attendance",
                                         .entity_id = after->id,
                                         .organization_path = access.project.path,
                                         .before_json = AttendanceJson(before),
                                         .after_json = after_json}));
    return AttendanceResult{*after, true};
  });
}

}  // namespace tianshan::volunteering
