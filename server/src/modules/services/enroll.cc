#include "core/calendar.h"
#include "core/china_time.h"
#include "modules/services/attendance.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {

Result<EnrollmentView> Enroll(const AppContext& ctx, const auth::Caller& caller, int64_t session_id,
                              const EnrollInput& input) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<EnrollmentView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto session, FindSession(tx, session_id));
    if (!session) return Status::NotFound("services.session_not_found");
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, session->service_id));
    if (!s) return Status::NotFound("services.session_not_found");
    if (TodayInChina(now) > session->starts_on) return Status::Conflict("services.session_started");
    // Validate the participant against the session's first day.
    std::vector<FieldError> errors;
    const int age = AgeOn(input.participant_birth_date, session->starts_on);
    if (input.participant_birth_date > session->starts_on) {
      errors.push_back({"participant_birth_date", "field.bad_date", ""});
    } else if ((s->f.min_age && age < *s->f.min_age) || (s->f.max_age && age > *s->f.max_age)) {
      errors.push_back({"participant_birth_date", "services.age_outside",
                        std::to_string(s->f.min_age.value_or(0)) + "–" + std::to_string(s->f.max_age.value_or(120))});
    }
    if (age < kAdultAge && !input.guardian_consent)
      errors.push_back({"guardian_consent", "services.needs_consent", ""});
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    // After the lock, a withdrawal of this session has either promoted its waitlisted or not begun.
    TS_RETURN_IF_ERROR(LockSession(tx, session->id));
    TS_ASSIGN_OR_RETURN(bool again, AlreadyEnrolled(tx, session->id, caller.actor.account_id, input.participant_name));
    if (again) return Status::Conflict("services.already_enrolled");

    Enrollment e;
    e.session_id = session->id;
    e.service_id = s->id;
    e.account_id = caller.actor.account_id;
    e.participant_name = input.participant_name;
    e.participant_birth_date = input.participant_birth_date;
    e.guardian_consent = input.guardian_consent;
    e.created_at = now;
    TS_ASSIGN_OR_RETURN(bool placed, TakePlace(tx, session->id));
    if (placed) {
      e.status = "enrolled";
    } else {
      TS_ASSIGN_OR_RETURN(e.waitlist_seq, JoinWaitlist(tx, session->id));
      e.status = "waitlisted";
    }
    TS_RETURN_IF_ERROR(CountPlaces(tx, s->organization_id, placed ? 1 : 0, placed ? 0 : 1));
    TS_ASSIGN_OR_RETURN(e.id, InsertEnrollment(tx, e));
    JsonOut out;
    // The child's name and birth date stay out of the audit log: the row has them.
    out.StartObject()
        .Field("session_id", e.session_id)
        .Field("status", e.status)
        .Field("guardian_consent", e.guardian_consent)
        .EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"service_enrollment.create", "service_enrollment", e.id, s->org_path, "", out.Take()}));
    TS_ASSIGN_OR_RETURN(auto stored, FindEnrollment(tx, e.id));
    return EnrollmentViews(ctx, caller.actor, {std::move(*stored)}).front();
  });
}

}  // namespace tianshan::services
