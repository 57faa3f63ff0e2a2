#include "modules/services/attendance.h"

#include <map>
#include <set>

#include "core/calendar.h"
#include "modules/services/permissions.h"
#include "modules/services/service_repository.h"

namespace tianshan::services {
namespace {

struct DayCounts {
  int64_t present = 0;
  int64_t marked = 0;
};

Result<std::map<int64_t, bool>> ReadMarks(storage::Transaction& tx, int64_t session_id, const std::string& day) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT enrollment_id, present FROM services_attendance WHERE session_id = ? "
                                          "AND day = ?",
                                          {session_id, day}));
  std::map<int64_t, bool> out;
  for (const auto& r : rows) out[r.Int("enrollment_id")] = r.Bool("present");
  return out;
}

DayCounts Count(const std::map<int64_t, bool>& marks) {
  DayCounts c;
  for (const auto& [id, present] : marks) {
    c.marked += 1;
    c.present += present ? 1 : 0;
  }
  return c;
}

std::string AuditJson(const std::string& day, const DayCounts& c) {
  JsonOut out;
  // Counts only: who was there stays in the module's own rows.
  out.StartObject().Field("day", day).Field("present", c.present).Field("marked", c.marked).EndObject();
  return out.Take();
}

// The session with its service, readable by `actor` (404 otherwise, and for a session whose
// service does not take enrollments).
Result<std::pair<Session, Service>> LoadSession(storage::Transaction& tx, const auth::Actor& actor,
                                                int64_t session_id) {
  TS_ASSIGN_OR_RETURN(auto session, FindSession(tx, session_id));
  if (!session) return Status::NotFound("services.session_not_found");
  TS_ASSIGN_OR_RETURN(auto s, FindService(tx, session->service_id));
  if (!s || !CanRead(actor, s->org_path)) return Status::NotFound("services.session_not_found");
  return std::make_pair(std::move(*session), std::move(*s));
}

Result<AttendanceDay> ReadDay(storage::Transaction& tx, const auth::Actor& actor, const Session& session,
                              const Service& s, const std::string& day) {
  AttendanceDay out;
  out.session = session;
  out.service_name = s.f.name;
  out.day = day;
  out.can_mark = CanManage(actor, s.org_path);
  TS_ASSIGN_OR_RETURN(auto marks, ReadMarks(tx, session.id, day));
  TS_ASSIGN_OR_RETURN(auto enrollments, SelectEnrollments(tx, session.id, std::nullopt));
  for (const auto& e : enrollments) {
    if (e.status != "enrolled") continue;
    auto it = marks.find(e.id);
    out.rows.push_back({e.id, e.participant_name, it == marks.end() ? std::nullopt : std::optional<bool>(it->second)});
  }
  return out;
}

}  // namespace

Result<AttendanceDay> MarkAttendance(const AppContext& ctx, const auth::Caller& caller, int64_t session_id,
                                     const std::string& day, const std::vector<AttendanceMark>& marks) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<AttendanceDay> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto loaded, LoadSession(tx, caller.actor, session_id));
    const auto& [seen, s] = loaded;
    if (!CanManage(caller.actor, s.org_path)) return Status::Forbidden();
    std::vector<FieldError> errors;
    if (day < seen.starts_on || day > seen.ends_on) {
      errors.push_back({"day", "services.day_outside_session", seen.starts_on + " – " + seen.ends_on});
    } else if (day > TodayInChina(now)) {
      errors.push_back({"day", "services.day_in_future", ""});
    }
    // Under the session's lock: enrollments and withdrawals of this session have committed.
    TS_RETURN_IF_ERROR(LockSession(tx, session_id));
    TS_ASSIGN_OR_RETURN(auto enrollments, SelectEnrollments(tx, session_id, std::nullopt));
    std::set<int64_t> enrolled;
    for (const auto& e : enrollments) {
      if (e.status == "enrolled") enrolled.insert(e.id);
    }
    std::map<int64_t, bool> next;
    for (size_t i = 0; i < marks.size(); ++i) {
      const std::string field = "marks[" + std::to_string(i) + "].enrollment_id";
      if (!enrolled.contains(marks[i].enrollment_id)) {
        errors.push_back({field, "services.not_enrolled", ""});
      } else if (!next.emplace(marks[i].enrollment_id, marks[i].present).second) {
        errors.push_back({field, "services.marked_twice", ""});
      }
    }
    if (!errors.empty()) return Status::Invalid(std::move(errors));

    TS_ASSIGN_OR_RETURN(auto before, ReadMarks(tx, session_id, day));
    TS_RETURN_IF_ERROR(
        tx.Execute("DELETE FROM services_attendance WHERE session_id = ? AND day = ?", {session_id, day}).status());
    for (const auto& [enrollment_id, present] : next) {
      TS_RETURN_IF_ERROR(InsertMark(tx, session_id, day, {enrollment_id, present}, caller.actor.account_id, now));
    }
    const DayCounts was = Count(before), is = Count(next);
    const int64_t present = is.present - was.present, marked = is.marked - was.marked;
    TS_RETURN_IF_ERROR(AdjustAttendance(tx, session_id, present, marked));
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, s.organization_id, kPresentCounter, present));
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, s.organization_id, kMarkedCounter, marked));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller,
                                        {"service_attendance.mark", "service_session", session_id, s.org_path,
                                         AuditJson(day, was), AuditJson(day, is)}));
    TS_ASSIGN_OR_RETURN(auto after, FindSession(tx, session_id));
    return ReadDay(tx, caller.actor, *after, s, day);
  });
}

Result<AttendanceDay> GetAttendanceDay(const AppContext& ctx, const auth::Actor& actor, int64_t session_id,
                                       const std::optional<std::string>& day) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<AttendanceDay> {
    TS_ASSIGN_OR_RETURN(auto loaded, LoadSession(tx, actor, session_id));
    const auto& [session, s] = loaded;
    std::string d = day.value_or(TodayInChina(ctx.clock.NowMillis()));
    if (!day) d = std::min(std::max(d, session.starts_on), session.ends_on);
    return ReadDay(tx, actor, session, s, d);
  });
}

}  // namespace tianshan::services
