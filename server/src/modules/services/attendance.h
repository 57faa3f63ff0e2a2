#pragma once
// Attendance per day of enrollment sessions, and the enrollment figures per service and rolled
// up the tree: enrolled, waitlisted, and the attendance rate (present child-days ÷ marked
// child-days).
//
// A manager of the offering organization (services.manage) marks, for one day of a session
// (between its first and last day, not after today in China time), each confirmed-enrolled
// child present or absent. Marking a day again replaces that day's marks as a whole. Every
// mark of a session runs after the session's row lock (as enrollments and withdrawals do), so
// concurrent markings of one day leave exactly one of them, and the counts stay true.
//
// Counts are maintained in the transactions that move them: the session's enrolled /
// waitlisted / present_days / marked_days columns, and the offering organization's counters
// below (self and subtree, checked by verify-counters).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/organizations/public/counters.h"
#include "modules/services/service.h"
#include "storage/database.h"

namespace tianshan::services {

inline constexpr std::string_view kEnrolledCounter = "services.enrolled";
inline constexpr std::string_view kWaitlistedCounter = "services.waitlisted";
inline constexpr std::string_view kPresentCounter = "services.attendance_present";
inline constexpr std::string_view kMarkedCounter = "services.attendance_marked";
// The most marks one request carries (a class is at most this many children).
inline constexpr size_t kMaxMarks = 500;

// Inside the transaction that moves places of a session of `organization_id`'s service: the
// organization's counters (the session's own columns are the caller's).
Status CountPlaces(storage::Transaction& tx, int64_t organization_id, int enrolled, int waitlisted);

// One row of a day's sheet: a confirmed-enrolled child and their mark that day, if any.
struct AttendanceRow {
  int64_t enrollment_id = 0;
  std::string participant_name;
  std::optional<bool> present;
};
struct AttendanceDay {
  Session session;
  std::string service_name;
  std::string day;
  std::vector<AttendanceRow> rows;
  bool can_mark = false;
};

// Replaces the marks of `day` (422 `day` outside the session or after today; 422
// `marks[i].enrollment_id` for a child not enrolled in this session now or named twice; 404 for
// a session outside every grant; 403 without services.manage).
Result<AttendanceDay> MarkAttendance(const AppContext& ctx, const auth::Caller& caller, int64_t session_id,
                                     const std::string& day, const std::vector<AttendanceMark>& marks);
// The day's sheet (services.read); `day` absent: today, kept within the session's dates.
Result<AttendanceDay> GetAttendanceDay(const AppContext& ctx, const auth::Actor& actor, int64_t session_id,
                                       const std::optional<std::string>& day);

struct EnrollmentFigures {
  int64_t enrolled = 0;
  int64_t waitlisted = 0;
  int64_t present_days = 0;
  int64_t marked_days = 0;
  // present ÷ marked; nullopt before anything is marked.
  std::optional<double> AttendanceRate() const;
};
struct ServiceEnrollmentFigures {
  EnrollmentFigures total;
  std::vector<Session> sessions;  // each with its own counts
};
struct SubtreeEnrollmentFigures {
  EnrollmentFigures total;  // from the organization's subtree counters
  struct Item {
    int64_t service_id = 0;
    std::string service_name;
    EnrollmentFigures figures;
  };
  std::vector<Item> services;  // enrollment services of the subtree (at most 200)
};
// services.read on the offering organization (404 otherwise); an applications service has no
// sessions and zeros.
Result<ServiceEnrollmentFigures> GetServiceEnrollmentFigures(const AppContext& ctx, const auth::Actor& actor,
                                                             int64_t service_id);
Result<SubtreeEnrollmentFigures> GetSubtreeEnrollmentFigures(const AppContext& ctx, const auth::Actor& actor,
                                                             int64_t organization_id);

// verify-counters: the self counts of the four counters, recounted; their keys appended.
Status AddEnrollmentSelfCounts(storage::Transaction& tx, organizations::SelfCounts& counts,
                               std::vector<std::string>& keys);

}  // namespace tianshan::services
