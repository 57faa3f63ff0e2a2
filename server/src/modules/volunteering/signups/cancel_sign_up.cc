#include "modules/volunteering/signups/cancel_sign_up.h"

#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/signups/sign_up_for_shift.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {

Result<std::optional<SignUp>> PromoteFirstWaitlisted(storage::Transaction& tx, const AppContext& ctx,
                                                     const Caller& caller, int64_t shift_id,
                                                     const std::string& org_path, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto next, FirstWaitlisted(tx, shift_id));
  if (!next) return next;
  std::string before = SignUpAuditJson(*next);
  TS_RETURN_IF_ERROR(SetSignUpStatus(tx, next->id, "confirmed", std::nullopt, now));
  TS_RETURN_IF_ERROR(MoveSeats(tx, shift_id, 1, -1, now));
  next->status = "confirmed";
  next->waitlist_seq.reset();
  TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                      {.action = "volunteer_signup.promote",
                                       .entity_type = "volunteer_signup",
                                       .entity_id = next->id,
                                       .organization_path = org_path,
                                       .before_json = before,
                                       .after_json = SignUpAuditJson(*next)}));
  return next;
}

Result<CancelResult> CancelSignUp(const AppContext& ctx, const Caller& caller, int64_t sign_up_id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<CancelResult> {
    TS_ASSIGN_OR_RETURN(auto found, FindSignUp(tx, sign_up_id));
    if (!found) return Status::NotFound("volunteer.signup_not_found");
    auto access = LoadShift(tx, ctx, &caller.actor, found->shift_id, /*lock=*/true);
    bool own = caller.actor.person_id && *caller.actor.person_id == found->person_id;
    if (!access.ok() && access.status().code() != StatusCode::kNotFound) return access.status();
    if (!access.ok() || (!own && !access->project.manager)) return Status::NotFound("volunteer.signup_not_found");
    TS_ASSIGN_OR_RETURN(auto locked, FindSignUp(tx, sign_up_id, true));
    if (!locked) return Status::NotFound("volunteer.signup_not_found");
    const SignUp current = std::move(*locked);
    CancelResult result{current, std::nullopt};
    if (current.status == "cancelled") return result;
    int64_t now = ctx.clock.NowMillis();
    if (now >= access->shift.starts_at) return Status::Conflict("volunteer.shift_started");
    std::string before = SignUpAuditJson(current);
    bool held_seat = current.status == "confirmed";
    TS_RETURN_IF_ERROR(SetSignUpStatus(tx, current.id, "cancelled", std::nullopt, now));
    TS_RETURN_IF_ERROR(MoveSeats(tx, current.shift_id, held_seat ? -1 : 0, held_seat ? 0 : -1, now));
    result.sign_up.status = "cancelled";
    result.sign_up.waitlist_seq.reset();
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_signup.cancel",
                                         .entity_type = "volunteer_signup",
                                         .entity_id = current.id,
                                         .organization_path = access->project.path,
                                         .before_json = before,
                                         .after_json = SignUpAuditJson(result.sign_up)}));
    if (held_seat) {
      TS_ASSIGN_OR_RETURN(result.promoted,
                          PromoteFirstWaitlisted(tx, ctx, caller, current.shift_id, access->project.path, now));
    }
    return result;
  });
}

}  // namespace tianshan::volunteering
