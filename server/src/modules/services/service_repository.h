#pragma once
// SQL of the services tables (bound parameters only), inside the caller's transaction. Lists
// are keyset pages: `limit` + 1 rows when there are more.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/services/service.h"
#include "storage/database.h"

namespace tianshan::services {

Result<int64_t> InsertService(storage::Transaction& tx, const Service& s);
// Writes the service's questions and updated_at.
Status UpdateQuestions(storage::Transaction& tx, const Service& s);
Result<std::optional<Service>> FindService(storage::Transaction& tx, int64_t id);
// The services of `ids` (at most 500, repeats allowed) by id, in one query; missing ids absent.
Result<std::map<int64_t, Service>> ServicesOf(storage::Transaction& tx, const std::vector<int64_t>& ids);
Result<bool> ServiceNameTaken(storage::Transaction& tx, int64_t organization_id, const std::string& name);
struct CatalogFilter {
  std::string path;  // subtree of the offering organization ("" for all)
  std::optional<std::string> category;
  std::optional<std::string> q;
};
Result<std::vector<Service>> SelectServices(storage::Transaction& tx, const CatalogFilter& f,
                                            std::optional<int64_t> after_id, int limit);

Result<int64_t> InsertSession(storage::Transaction& tx, const Session& s, int64_t now);
Result<std::optional<Session>> FindSession(storage::Transaction& tx, int64_t id);
Result<std::vector<Session>> SelectSessions(storage::Transaction& tx, int64_t service_id);
// Takes a place when one is left (one conditional update: never more than capacity).
Result<bool> TakePlace(storage::Transaction& tx, int64_t session_id);
// The next waitlist number of the session.
Result<int64_t> JoinWaitlist(storage::Transaction& tx, int64_t session_id);
Result<bool> AlreadyEnrolled(storage::Transaction& tx, int64_t session_id, int64_t account_id,
                             const std::string& participant_name);
Result<int64_t> InsertEnrollment(storage::Transaction& tx, const Enrollment& e);
Result<std::optional<Enrollment>> FindEnrollment(storage::Transaction& tx, int64_t id);
// Takes the session row's write lock (a no-op update) before anything else of the session is
// read or changed, so that enrollments and withdrawals of one session run one after the other
// and each sees the others' committed rows (SQLite has one writer anyway).
Status LockSession(storage::Transaction& tx, int64_t session_id);
// Moves an enrollment from `from` to `to`; false when it was no longer `from`.
Result<bool> ChangeEnrollmentStatus(storage::Transaction& tx, int64_t id, const std::string& from,
                                    const std::string& to, std::optional<int64_t> withdrawn_at);
// The waitlisted enrollment of the session that came first, if any.
Result<std::optional<int64_t>> FirstWaitlisted(storage::Transaction& tx, int64_t session_id);
Status AdjustSession(storage::Transaction& tx, int64_t session_id, int enrolled, int waitlisted);
// One child's attendance mark on a day (the day's earlier marks removed first by the caller).
Status InsertMark(storage::Transaction& tx, int64_t session_id, const std::string& day, const AttendanceMark& mark,
                  int64_t marked_by, int64_t now);
// Adds to the session's present and marked child-days.
Status AdjustAttendance(storage::Transaction& tx, int64_t session_id, int64_t present, int64_t marked);
Result<std::vector<Enrollment>> SelectEnrollments(storage::Transaction& tx, std::optional<int64_t> session_id,
                                                  std::optional<int64_t> account_id);

Result<int64_t> InsertApplication(storage::Transaction& tx, const Application& a);
Result<std::optional<Application>> FindApplication(storage::Transaction& tx, int64_t id);
// Moves an application from `from` to a.status; false when it was no longer `from`.
Result<bool> ChangeApplicationStatus(storage::Transaction& tx, const Application& a, const std::string& from);
Status InsertStep(storage::Transaction& tx, int64_t application_id, const Step& s);
// The steps of each application of `ids` (at most 500), oldest first, in one query.
Result<std::map<int64_t, std::vector<Step>>> StepsOf(storage::Transaction& tx, const std::vector<int64_t>& ids);
struct ApplicationFilter {
  std::optional<std::string> path;
  std::optional<int64_t> account_id;
  std::optional<std::string> status;
};
// Newest first (id < before_id).
Result<std::vector<Application>> SelectApplications(storage::Transaction& tx, const ApplicationFilter& f,
                                                    std::optional<int64_t> before_id, int limit);
// Submitted applications older than their service's response time at `now`, per organization.
Result<std::map<int64_t, int64_t>> OverdueByOrganization(storage::Transaction& tx, int64_t now);

Result<int64_t> InsertMessage(storage::Transaction& tx, const Message& m);
// The messages of each application of `ids` (at most 500 applications), oldest first, at most
// kMaxMessagesShown (the oldest) of each, in one query.
inline constexpr int kMaxMessagesShown = 500;
Result<std::map<int64_t, std::vector<Message>>> MessagesOf(storage::Transaction& tx, const std::vector<int64_t>& ids);
// Records a.rating (1–5) once, on a completed application, and counts it on its service; false
// when the application is not completed or already rated.
Result<bool> RecordRating(storage::Transaction& tx, const Application& a);
Result<Satisfaction> ServiceSatisfaction(storage::Transaction& tx, int64_t service_id);
// Services of the subtree at `path` with at least one rating or application, with their figures.
Result<std::vector<std::pair<Service, Satisfaction>>> RatedServices(storage::Transaction& tx, const std::string& path,
                                                                    int limit);

// Recounts ratings of `score` (1–5) per organization, for verify-counters.
inline std::string RatingsSql(int score) {
  return "SELECT organization_id, COUNT(*) AS value FROM services_applications WHERE rating = " +
         std::to_string(score) + " GROUP BY organization_id";
}

inline constexpr const char* kPendingApplicationsSql =
    "SELECT organization_id, COUNT(*) AS value FROM services_applications WHERE status = 'submitted' GROUP BY "
    "organization_id";

}  // namespace tianshan::services
