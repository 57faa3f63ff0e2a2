#pragma once
// Services, their questions, sessions, enrollments and applications, and their invariants.
// No I/O.
//
// An application moves submitted → accepted → in_service → completed; a handler may reject a
// submitted or accepted one (with a reason); the applicant may withdraw it until it is in
// service. Each step is kept with who and when.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/result.h"

namespace tianshan::services {

inline constexpr size_t kMaxName = 100;
inline constexpr size_t kMaxDescription = 2000;
inline constexpr size_t kMaxQuestions = 20;
inline constexpr size_t kMaxAnswer = 1000;
inline constexpr size_t kMaxReason = 500;
inline constexpr int kAdultAge = 18;
// Applications waiting for a first answer, per organization (self and rolled up).
inline constexpr std::string_view kPendingApplicationsCounter = "services.applications_pending";
// Applications unanswered past their service's response time, recomputed by the daily job.
inline constexpr std::string_view kOverdueApplicationsCounter = "overdue.services_applications";

inline const std::vector<std::string>& Categories() {
  static const std::vector<std::string> c = {"childcare",  "entrepreneurship", "social_work", "psychology", "legal",
                                             "employment", "elder_care",       "dating",      "other"};
  return c;
}
inline const std::vector<std::string>& Deliveries() {
  static const std::vector<std::string> d = {"venue", "online", "visit"};
  return d;
}
inline const std::vector<std::string>& Kinds() {
  static const std::vector<std::string> k = {"applications", "enrollment"};
  return k;
}
inline const std::vector<std::string>& QuestionTypes() {
  static const std::vector<std::string> t = {"text", "choice", "date", "number", "file"};
  return t;
}
inline const std::vector<std::string>& ApplicationStatuses() {
  static const std::vector<std::string> s = {"submitted", "accepted", "in_service",
                                             "completed", "rejected", "withdrawn"};
  return s;
}

struct Question {
  std::string key;  // [a-z0-9_]{1,30}
  std::string label;
  std::string type;  // QuestionTypes()
  bool required = false;
  std::vector<std::string> options;  // choice
  // file: the accepted types (sniffed extensions, publishing::FileTypes()) and the size limit.
  std::vector<std::string> accept;
  int max_kb = 0;
};
// The largest file an answer may be, and the limit when a question names none.
inline constexpr int kMaxFileKb = 10 * 1024;
inline constexpr int kDefaultFileKb = 2 * 1024;
// Answer files before their application (owner of the upload: the service) and after.
inline constexpr std::string_view kDraftFileOwner = "services.draft";
inline constexpr std::string_view kAnswerFileOwner = "services.application";
// A file question's size limit in KB (its max_kb, else kDefaultFileKb).
int FileLimitKb(const Question& q);

struct ServiceFields {
  std::string name;
  std::string category;
  std::string description;
  std::optional<int> min_age, max_age;
  std::optional<int64_t> area_organization_id;  // input only; stored as area_path
  std::string delivery;
  std::string kind;
  std::vector<Question> questions;
  int response_days = 3;
};

struct Service {
  int64_t id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  ServiceFields f;
  std::optional<std::string> area_path;
  int64_t created_by = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct Session {
  int64_t id = 0;
  int64_t service_id = 0;
  std::string name;
  std::string starts_on, ends_on;
  int capacity = 0;
  int enrolled = 0;
  int waitlisted = 0;
  // Attendance marked so far: child-days present, and child-days marked (present or absent).
  int present_days = 0;
  int marked_days = 0;
};

struct Enrollment {
  int64_t id = 0;
  int64_t session_id = 0;
  int64_t service_id = 0;
  int64_t account_id = 0;
  std::string participant_name;
  std::string participant_birth_date;
  bool guardian_consent = false;
  std::string status;  // enrolled, waitlisted, withdrawn
  std::optional<int64_t> waitlist_seq;
  int64_t created_at = 0;
  // Read with the row (not stored in it): the place in the queue now (waitlisted only), and
  // the service's and session's names, the offering organization's path, the session's end.
  std::optional<int64_t> waitlist_position;
  std::string service_name, session_name, org_path, session_ends_on;
  int64_t organization_id = 0;  // the offering organization
};

// One child's mark on one day of a session (attendance.h).
struct AttendanceMark {
  int64_t enrollment_id = 0;
  bool present = false;
};

struct Step {
  std::string status;
  int64_t account_id = 0;
  std::optional<std::string> note;
  int64_t at = 0;
};

struct Application {
  int64_t id = 0;
  int64_t service_id = 0;
  int64_t organization_id = 0;
  std::string org_path;
  int64_t account_id = 0;
  std::string applicant_name;
  std::map<std::string, std::string> answers;
  std::string status;
  std::optional<std::string> reason;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::optional<int> rating;  // 1–5, once, after completion
  std::optional<std::string> rating_comment;
  std::optional<int64_t> rated_at;
};

// A message on an application, from the applicant or from the handling organization.
struct Message {
  int64_t id = 0;
  int64_t application_id = 0;
  int64_t account_id = 0;
  std::string author_name;
  std::string side;  // applicant, handler
  std::string body;
  int64_t at = 0;
};
inline constexpr int kMaxMessage = 2000;
inline constexpr int kMaxRatingComment = 500;

// Ratings by score: distribution[k - 1] ratings of k.
struct Satisfaction {
  std::array<int64_t, 5> distribution{};
  int64_t Count() const;
  // The mean score, nullopt without ratings.
  std::optional<double> Average() const;
};
// The organizations' counter of ratings of `score` (1–5).
std::string RatingCounter(int score);

// Handler steps and the applicant's withdrawal.
enum class ApplicationAction { kAccept, kReject, kStart, kComplete, kWithdraw };
// The state an action leads to from `from`, or nullopt when the state machine does not allow it.
std::optional<std::string> NextStatus(std::string_view from, ApplicationAction action);

// Every field error of a service's fields and questions.
void CollectServiceErrors(const ServiceFields& f, std::vector<FieldError>& errors);
// Every field error of answers to `questions` ("answers.<key>"); unknown keys included. A file
// answer is the key of an uploaded file, checked by the use case.
void CollectAnswerErrors(const std::vector<Question>& questions, const std::map<std::string, std::string>& answers,
                         std::vector<FieldError>& errors);

void WriteQuestions(JsonOut& out, const std::vector<Question>& questions);
std::vector<Question> ReadQuestions(std::string_view json);
void WriteAnswers(JsonOut& out, const std::map<std::string, std::string>& answers);
std::map<std::string, std::string> ReadAnswers(std::string_view json);

}  // namespace tianshan::services
