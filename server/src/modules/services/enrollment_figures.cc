// Enrollment figures (attendance.h): counted in the transactions that move them, read here.
#include "modules/organizations/public/lookup.h"
#include "modules/services/attendance.h"
#include "modules/services/permissions.h"
#include "modules/services/service_repository.h"
#include "storage/sql_filter.h"

namespace tianshan::services {
namespace {

// Recounts per offering organization, for verify-counters.
constexpr const char* kEnrollmentsByOrganization =
    "SELECT s.organization_id AS organization_id, COUNT(*) AS value FROM services_enrollments e JOIN "
    "services_services s ON s.id = e.service_id WHERE e.status = ";
constexpr const char* kMarksByOrganization =
    "SELECT s.organization_id AS organization_id, COUNT(*) AS value FROM services_attendance a JOIN "
    "services_sessions ss ON ss.id = a.session_id JOIN services_services s ON s.id = ss.service_id";

EnrollmentFigures ReadFigures(const storage::Row& r) {
  return {r.Int("enrolled"), r.Int("waitlisted"), r.Int("present_days"), r.Int("marked_days")};
}

}  // namespace

std::optional<double> EnrollmentFigures::AttendanceRate() const {
  if (marked_days == 0) return std::nullopt;
  return static_cast<double>(present_days) / static_cast<double>(marked_days);
}

Status CountPlaces(storage::Transaction& tx, int64_t organization_id, int enrolled, int waitlisted) {
  if (enrolled != 0) TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, organization_id, kEnrolledCounter, enrolled));
  if (waitlisted != 0) {
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, organization_id, kWaitlistedCounter, waitlisted));
  }
  return Status::Ok();
}

Result<ServiceEnrollmentFigures> GetServiceEnrollmentFigures(const AppContext& ctx, const auth::Actor& actor,
                                                             int64_t service_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ServiceEnrollmentFigures> {
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, service_id));
    // An application service has no sessions: its figures are zeros.
    if (!s || !CanRead(actor, s->org_path)) return Status::NotFound("services.not_found");
    ServiceEnrollmentFigures out;
    TS_ASSIGN_OR_RETURN(out.sessions, SelectSessions(tx, service_id));
    for (const auto& session : out.sessions) {
      out.total.enrolled += session.enrolled;
      out.total.waitlisted += session.waitlisted;
      out.total.present_days += session.present_days;
      out.total.marked_days += session.marked_days;
    }
    return out;
  });
}

Result<SubtreeEnrollmentFigures> GetSubtreeEnrollmentFigures(const AppContext& ctx, const auth::Actor& actor,
                                                             int64_t organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<SubtreeEnrollmentFigures> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::NotFound("organization.not_found");
    SubtreeEnrollmentFigures out;
    TS_ASSIGN_OR_RETURN(auto counters, organizations::ReadCounters(tx, org.id));
    auto subtree = [&](std::string_view key) {
      auto it = counters.find(key);
      return it == counters.end() ? int64_t{0} : it->second.subtree;
    };
    out.total = {subtree(kEnrolledCounter), subtree(kWaitlistedCounter), subtree(kPresentCounter),
                 subtree(kMarkedCounter)};
    storage::SqlFilter where("s.kind = 'enrollment'", {});
    where.Subtree("s.org_path", org.path);
    TS_ASSIGN_OR_RETURN(
        auto rows, tx.Query("SELECT s.id AS id, s.name AS name, SUM(ss.enrolled) AS enrolled, SUM(ss.waitlisted) AS "
                            "waitlisted, SUM(ss.present_days) AS present_days, SUM(ss.marked_days) AS marked_days "
                            "FROM services_services s JOIN services_sessions ss ON ss.service_id = s.id WHERE " +
                                where.sql() + " GROUP BY s.id, s.name ORDER BY s.id LIMIT ?",
                            where.With(int64_t{200})));
    for (const auto& r : rows) out.services.push_back({r.Int("id"), r.Text("name"), ReadFigures(r)});
    return out;
  });
}

Status AddEnrollmentSelfCounts(storage::Transaction& tx, organizations::SelfCounts& counts,
                               std::vector<std::string>& keys) {
  const std::pair<std::string_view, std::string> recounts[] = {
      {kEnrolledCounter, std::string(kEnrollmentsByOrganization) + "'enrolled' GROUP BY s.organization_id"},
      {kWaitlistedCounter, std::string(kEnrollmentsByOrganization) + "'waitlisted' GROUP BY s.organization_id"},
      {kPresentCounter, std::string(kMarksByOrganization) + " WHERE a.present = 1 GROUP BY s.organization_id"},
      {kMarkedCounter, std::string(kMarksByOrganization) + " GROUP BY s.organization_id"},
  };
  for (const auto& [key, sql] : recounts) {
    keys.emplace_back(key);
    TS_RETURN_IF_ERROR(organizations::AddSelfCounts(tx, key, sql, counts));
  }
  return Status::Ok();
}

}  // namespace tianshan::services
