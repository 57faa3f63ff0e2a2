#pragma once
// The use cases of the services module. Each runs in one transaction: load → validate →
// authorize → change → audit (→ notify). A service of an organization outside every grant is 404
// to its managing routes; a readable one where the role may not act is 403; a step the state
// machine does not allow is 409.
//
//   CreateService / CreateSession   services.manage on the organization.
//   SubmitApplication               any account, for an "applications" service: every required
//                                   answer well formed (422 "answers.<key>"), the applicant's age
//                                   and area within the eligibility (422 "service"); counted in
//                                   services.applications_pending until first answered.
//   DecideApplication               accept / reject (reason) / start / complete by a manager,
//                                   withdraw by the applicant; each step kept with who and when
//                                   and notified to the applicant.
//   Enroll                          any account, for a session of an "enrollment" service: the
//                                   participant's age within limits (422 participant_birth_date),
//                                   a guardian's consent for a minor (422 guardian_consent); a place
//                                   while one is left (never more than capacity, whatever the
//                                   concurrency), else the waitlist.
//   WithdrawEnrollment              the enrolling account or services.manage; the place goes to
//                                   the first on the waitlist.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/publishing/public/files.h"
#include "modules/services/permissions.h"
#include "modules/services/service.h"

namespace tianshan::services {

struct ServiceView {
  Service service;
  std::vector<Session> sessions;
  std::string organization_name;
  bool can_manage = false;
  bool can_apply = false;  // signed in and the service takes applications
  bool can_enroll = false;
};
struct ServicePage {
  std::vector<ServiceView> items;
  std::optional<int64_t> next_cursor;
};

Result<ServiceView> CreateService(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                                  const ServiceFields& input);
// `actor` null for the public.
// The form builder: replaces an application service's questions (services.manage) while it has
// no application yet (409 services.questions_in_use: answers keep the questions they answered).
Result<ServiceView> ReplaceQuestions(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                     const std::vector<Question>& questions);
Result<ServiceView> GetService(const AppContext& ctx, const auth::Actor* actor, int64_t id);
// The public catalog: services offered in the subtree of `area_organization_id` (all when
// absent), of one category, name containing q.
Result<ServicePage> ListCatalog(const AppContext& ctx, const auth::Actor* actor,
                                std::optional<int64_t> area_organization_id, const std::optional<std::string>& category,
                                const std::optional<std::string>& q, std::optional<int64_t> after_id, int limit);
// The services of an organization's subtree (services.read).
Result<ServicePage> ListServices(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 std::optional<int64_t> after_id, int limit);

struct SessionInput {
  std::string name;
  std::string starts_on, ends_on;
  int capacity = 1;
};
Result<Session> CreateSession(const AppContext& ctx, const auth::Caller& caller, int64_t service_id,
                              const SessionInput& input);

struct EnrollInput {
  std::string participant_name;
  std::string participant_birth_date;
  bool guardian_consent = false;
};
struct EnrollmentView {
  Enrollment enrollment;
  bool can_withdraw = false;
};
Result<EnrollmentView> Enroll(const AppContext& ctx, const auth::Caller& caller, int64_t session_id,
                              const EnrollInput& input);
// The account that enrolled, or a manager (services.manage), gives up a place or a waitlist
// number before the session ends (409 services.enrollment_state otherwise). A freed place goes
// to the first on the waitlist in the same transaction, and that account is notified
// (services.enrollment_update); never two withdrawals promote the same enrollment, whatever the
// concurrency (the session row is locked first).
// Enrollment rows as `actor` sees them now (with their `can`).
std::vector<EnrollmentView> EnrollmentViews(const AppContext& ctx, const auth::Actor& actor,
                                            std::vector<Enrollment> rows);
Result<EnrollmentView> WithdrawEnrollment(const AppContext& ctx, const auth::Caller& caller, int64_t id);
Result<std::vector<EnrollmentView>> ListMyEnrollments(const AppContext& ctx, const auth::Actor& actor);
// A session's roster (services.read).
Result<std::vector<EnrollmentView>> ListRoster(const AppContext& ctx, const auth::Actor& actor, int64_t session_id);

struct ApplicationView {
  Application application;
  std::string service_name;
  std::vector<Question> questions;
  std::vector<Step> steps;
  std::vector<Message> messages;
  std::vector<publishing::StoredFile> files;  // the file answers
  ApplicationCan can;
};
struct ApplicationPage {
  std::vector<ApplicationView> items;
  std::optional<int64_t> next_cursor;
};
Result<ApplicationView> SubmitApplication(const AppContext& ctx, const auth::Caller& caller, int64_t service_id,
                                          const std::map<std::string, std::string>& answers);
Result<ApplicationView> DecideApplication(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                          ApplicationAction action, const std::optional<std::string>& note);
// A file for the file question `question` of a service, by anyone signed in, before applying:
// 422 `question` when it is none, `answers.<question>` for a type the question does not accept
// (sniffed from the bytes) or a file over its size. The answer names the file by its key.
Result<publishing::StoredFile> UploadAnswerFile(const AppContext& ctx, const auth::Caller& caller, int64_t service_id,
                                                const std::string& question, const std::string& file_name,
                                                const std::string& content);
// Draft answer files are kept this long for an application to use them.
inline constexpr int64_t kDraftFileMillis = 24LL * 3600 * 1000;
// The hourly job services.draft_file_cleanup: deletes the answer files uploaded more than
// kDraftFileMillis before `now` and never attached to a submitted application. A submission
// racing it either attaches the file first (it is no draft any more) or finds it gone (422 on
// the answer, as for any unknown file).
Status CleanUpDraftFiles(const AppContext& ctx, int64_t now);
// Inside SubmitApplication: attaches the files the answers name (the caller's own drafts for
// this service, of an accepted type and size), 422 `answers.<key>` otherwise.
Status AttachAnswerFiles(storage::Transaction& tx, const auth::Actor& actor, const Service& s, const Application& a);
// A file answer with its bytes, for the applicant and readers of the handling organization.
Result<std::pair<publishing::StoredFile, std::string>> DownloadAnswerFile(const AppContext& ctx,
                                                                          const auth::Actor& actor,
                                                                          int64_t application_id,
                                                                          const std::string& key);
// The web page of one application, for its applicant and its handlers (notification links).
inline std::string ApplicationLink(int64_t id) { return "/app/services/applications/" + std::to_string(id); }
// The application as `actor` sees it (service, steps, messages, can), inside a transaction.
Result<ApplicationView> ApplicationViewOf(storage::Transaction& tx, const auth::Actor& actor, Application a);
// A message on an application by the applicant or a manager (can.message); the other side is
// told (services.application_message): the applicant, or the organization's admins.
Result<ApplicationView> PostMessage(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                    const std::string& body);
// The applicant's 1–5 rating with an optional comment, once, after completion (409 otherwise);
// counted on the service and in the organizations' services.rating_<score> counters.
Result<ApplicationView> RateApplication(const AppContext& ctx, const auth::Caller& caller, int64_t id, int score,
                                        const std::optional<std::string>& comment);
// Satisfaction figures: one service's (services.read on its organization), or a subtree's with
// its rated services (services.read), all from maintained counts.
struct SubtreeSatisfaction {
  Satisfaction total;
  std::vector<std::pair<Service, Satisfaction>> services;
};
Result<Satisfaction> GetServiceSatisfaction(const AppContext& ctx, const auth::Actor& actor, int64_t service_id);
Result<SubtreeSatisfaction> GetSubtreeSatisfaction(const AppContext& ctx, const auth::Actor& actor,
                                                   int64_t organization_id);
Result<ApplicationView> GetApplication(const AppContext& ctx, const auth::Actor& actor, int64_t id);
Result<ApplicationPage> ListApplications(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                         const std::optional<std::string>& status, std::optional<int64_t> before_id,
                                         int limit);
Result<ApplicationPage> ListMyApplications(const AppContext& ctx, const auth::Actor& actor,
                                           std::optional<int64_t> before_id, int limit);

// The daily reminder: recounts overdue applications per organization and tells each
// organization's admins once a day.
Status RemindOverdueApplications(const AppContext& ctx, int64_t now);

}  // namespace tianshan::services
