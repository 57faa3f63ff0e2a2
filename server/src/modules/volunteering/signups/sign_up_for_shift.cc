#include "modules/volunteering/signups/sign_up_for_shift.h"

#include "core/json.h"
#include "modules/volunteering/person_lookup.h"
#include "modules/volunteering/signups/signup_repository.h"

namespace tianshan::volunteering {
namespace {

Result<SignUpResult> Replay(storage::Transaction& tx, const IdempotencyRecord& rec, const std::string& operation) {
  if (rec.operation != operation) return Status::Invalid("idempotency_key", "volunteer.idempotency_key_reused");
  TS_ASSIGN_OR_RETURN(auto s, FindSignUp(tx, rec.result_id));
  if (!s) return Status::Internal("error.internal").WithDetail("idempotent sign-up vanished");
  SignUpResult r{*s, std::nullopt, true};
  if (s->status == "waitlisted" && s->waitlist_seq) {
    TS_ASSIGN_OR_RETURN(r.waitlist_position, WaitlistPosition(tx, s->shift_id, *s->waitlist_seq));
  }
  return r;
}

}  // namespace

std::string SignUpAuditJson(const SignUp& s) {
  JsonOut out;
  out.StartObject()
      .Field("shift_id", s.shift_id)
      .Field("person_id", s.person_id)
      .Field("status", s.status)
      .Field("waitlist_seq", s.waitlist_seq)
      .Field("guardian_consent", s.guardian_name.has_value())
      .EndObject();
  return out.Take();
}

Result<SignUpResult> SignUpForShift(const AppContext& ctx, const Caller& caller, int64_t shift_id,
                                    const SignUpInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<SignUpResult> {
    int64_t now = ctx.clock.NowMillis();
    const std::string operation = "signup:" + std::to_string(shift_id);
    if (input.idempotency_key) {
      TS_ASSIGN_OR_RETURN(auto rec,
                          ClaimIdempotency(tx, caller.actor.account_id, *input.idempotency_key, operation, now));
      if (rec) return Replay(tx, *rec, operation);
    }
    TS_ASSIGN_OR_RETURN(auto person, OwnPerson(tx, ctx, caller.actor));
    TS_RETURN_IF_ERROR(LockVolunteer(tx, person.id, person.name, now));
    TS_ASSIGN_OR_RETURN(auto access, LoadShift(tx, ctx, &caller.actor, shift_id));
    const Shift& shift = access.shift;
    if (shift.status == "cancelled") return Status::Conflict("volunteer.shift_cancelled");
    if (!AcceptsSignUps(access.project.project.status)) return Status::Conflict("volunteer.not_recruiting");
    if (now >= shift.starts_at) return Status::Conflict("volunteer.shift_started");
    TS_ASSIGN_OR_RETURN(auto around, FindSignUpsAround(tx, person.id, shift_id, shift.starts_at, shift.ends_at));
    const std::optional<SignUp>& existing = around.existing;
    if (existing && existing->status != "cancelled") return Status::Conflict("volunteer.already_signed_up");

    int age = AgeOn(person.birth_date, ChinaDate(shift.starts_at));
    if (shift.min_age && age < *shift.min_age) {
      return Status::Invalid("shift", "volunteer.too_young", std::to_string(*shift.min_age));
    }
    if (age < kAdultAge && !input.consent) return Status::Invalid("guardian_consent", "volunteer.needs_consent");

    if (!around.overlapping.empty()) {
      return Status::Conflict("volunteer.overlap").WithParam(FormatUtc(around.overlapping.front().starts_at));
    }

    SignUp s;
    s.shift_id = shift_id;
    s.person_id = person.id;
    s.account_id = caller.actor.account_id;
    s.starts_at = shift.starts_at;
    s.ends_at = shift.ends_at;
    s.name = person.name;
    s.created_at = now;
    if (age < kAdultAge) {
      s.guardian_name = input.consent->guardian_name;
      s.guardian_relation = input.consent->relation;
    }
    // The shift row is written (and on PostgreSQL locked) as late as possible: every sign-up of
    // a storm waits for it.
    TS_ASSIGN_OR_RETURN(auto place, SeatAndSaveSignUp(tx, s, now));
    SignUpResult result;
    // Counting the sign-ups ahead would read the whole waitlist on every sign-up of a storm.
    if (place) result.waitlist_position = place->position;
    if (input.idempotency_key) {
      TS_RETURN_IF_ERROR(CompleteIdempotency(tx, caller.actor.account_id, *input.idempotency_key, s.id));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {.action = "volunteer_signup.create",
                                         .entity_type = "volunteer_signup",
                                         .entity_id = s.id,
                                         .organization_path = access.project.path,
                                         .before_json = existing ? SignUpAuditJson(*existing) : "",
                                         .after_json = SignUpAuditJson(s)}));
    result.sign_up = std::move(s);
    return result;
  });
}

}  // namespace tianshan::volunteering
