#include "core/calendar.h"
#include "modules/notifications/public/notify.h"
#include "modules/services/attendance.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {
namespace {

std::string AuditJson(const Enrollment& e, const std::string& status) {
  JsonOut out;
  // The child's name and birth date stay out of the audit log: the row has them.
  out.StartObject().Field("session_id", e.session_id).Field("status", status).EndObject();
  return out.Take();
}

// The session's places and its organization's counters, together.
Status MovePlaces(storage::Transaction& tx, const Enrollment& e, int enrolled, int waitlisted) {
  TS_RETURN_IF_ERROR(AdjustSession(tx, e.session_id, enrolled, waitlisted));
  return CountPlaces(tx, e.organization_id, enrolled, waitlisted);
}

// Gives the freed place of `session_id` to the first on its waitlist, if any; false when the
// waitlist is empty. The caller holds the session's lock.
Result<bool> PromoteFirst(const AppContext& ctx, storage::Transaction& tx, const auth::Caller& caller,
                          int64_t session_id) {
  TS_ASSIGN_OR_RETURN(auto first, FirstWaitlisted(tx, session_id));
  if (!first) return false;
  TS_ASSIGN_OR_RETURN(auto next, FindEnrollment(tx, *first));
  TS_ASSIGN_OR_RETURN(bool moved, ChangeEnrollmentStatus(tx, next->id, "waitlisted", "enrolled", std::nullopt));
  if (!moved) return Status::Retry("services: waitlist changed under the session lock");
  TS_RETURN_IF_ERROR(MovePlaces(tx, *next, 0, -1));
  TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                      {"service_enrollment.promote", "service_enrollment", next->id, next->org_path,
                                       AuditJson(*next, "waitlisted"), AuditJson(*next, "enrolled")}));
  notifications::Notification n;
  n.kind = "services.enrollment_update";
  n.title_key = "services.notice_promoted_title";
  n.body_key = "services.notice_promoted";
  n.params = {{"service", next->service_name}, {"session", next->session_name}, {"name", next->participant_name}};
  n.link = "/app/services/my-applications";
  TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, {.accounts = {next->account_id}}, n).status());
  return true;
}

}  // namespace

Result<EnrollmentView> WithdrawEnrollment(const AppContext& ctx, const auth::Caller& caller, int64_t id) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<EnrollmentView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto seen, FindEnrollment(tx, id));
    const bool own = seen && seen->account_id == caller.actor.account_id;
    if (!seen || (!own && !CanRead(caller.actor, seen->org_path))) {
      return Status::NotFound("services.enrollment_not_found");
    }
    if (!own && !CanManage(caller.actor, seen->org_path)) return Status::Forbidden();
    // Read again under the session's lock: a concurrent withdrawal or promotion has committed.
    TS_RETURN_IF_ERROR(LockSession(tx, seen->session_id));
    TS_ASSIGN_OR_RETURN(auto e, FindEnrollment(tx, id));
    if (!CanWithdrawEnrollment(caller.actor, *e, TodayInChina(now))) {
      return Status::Conflict("services.enrollment_state").WithParam(e->status);
    }
    TS_ASSIGN_OR_RETURN(bool changed, ChangeEnrollmentStatus(tx, e->id, e->status, "withdrawn", now));
    if (!changed) return Status::Conflict("services.enrollment_state").WithParam(e->status);
    if (e->status == "waitlisted") {
      TS_RETURN_IF_ERROR(MovePlaces(tx, *e, 0, -1));
    } else {
      TS_ASSIGN_OR_RETURN(bool promoted, PromoteFirst(ctx, tx, caller, e->session_id));
      if (!promoted) TS_RETURN_IF_ERROR(MovePlaces(tx, *e, -1, 0));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"service_enrollment.withdraw", "service_enrollment", e->id, e->org_path,
                                         AuditJson(*e, e->status), AuditJson(*e, "withdrawn")}));
    TS_ASSIGN_OR_RETURN(auto after, FindEnrollment(tx, id));
    return EnrollmentViews(ctx, caller.actor, {std::move(*after)}).front();
  });
}

}  // namespace tianshan::services
