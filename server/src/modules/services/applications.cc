#include "core/china_time.h"
#include "modules/notifications/public/notify.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/public/lookup.h"
#include "modules/people/public/people.h"
#include "modules/publishing/public/files.h"
#include "modules/services/figures.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {
namespace {

std::string AuditJson(const Application& a) {
  JsonOut out;
  out.StartObject()
      .Field("service_id", a.service_id)
      .Field("account_id", a.account_id)
      .Field("status", a.status)
      .Field("reason", a.reason)
      .EndObject();
  return out.Take();
}

}  // namespace

namespace {

// A page of applications with what their views show, each part read for the whole page in one
// query (files, steps, messages, services): a page costs the same number of statements whatever
// its length.
Result<std::vector<ApplicationView>> ViewsOf(storage::Transaction& tx, const auth::Actor& actor,
                                             std::vector<Application> rows) {
  std::vector<int64_t> ids, service_ids;
  for (const auto& a : rows) {
    ids.push_back(a.id);
    service_ids.push_back(a.service_id);
  }
  TS_ASSIGN_OR_RETURN(auto files, publishing::FilesOfOwners(tx, kAnswerFileOwner, ids));
  TS_ASSIGN_OR_RETURN(auto steps, StepsOf(tx, ids));
  TS_ASSIGN_OR_RETURN(auto messages, MessagesOf(tx, ids));
  TS_ASSIGN_OR_RETURN(auto services, ServicesOf(tx, service_ids));
  std::vector<ApplicationView> out;
  out.reserve(rows.size());
  for (auto& a : rows) {
    ApplicationView v;
    if (auto it = files.find(a.id); it != files.end()) v.files = std::move(it->second);
    if (auto it = steps.find(a.id); it != steps.end()) v.steps = std::move(it->second);
    if (auto it = messages.find(a.id); it != messages.end()) v.messages = std::move(it->second);
    if (auto it = services.find(a.service_id); it != services.end()) {
      v.service_name = it->second.f.name;
      v.questions = it->second.f.questions;
    }
    v.can = ApplicationActions(actor, a);
    v.application = std::move(a);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

Result<ApplicationView> ApplicationViewOf(storage::Transaction& tx, const auth::Actor& actor, Application a) {
  std::vector<Application> one;
  one.push_back(std::move(a));
  TS_ASSIGN_OR_RETURN(auto views, ViewsOf(tx, actor, std::move(one)));
  return std::move(views.front());
}

namespace {

// Age and area of the applicant against the service's eligibility (422 on "service").
Status CheckEligible(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor, const Service& s,
                     int64_t now) {
  if (s.area_path) {
    bool inside = false;
    for (const auto& g : actor.grants) inside = inside || g.organization_path.rfind(*s.area_path, 0) == 0;
    if (!inside) return Status::Invalid("service", "services.outside_area");
  }
  if (s.f.min_age || s.f.max_age) {
    if (!actor.person_id) return Status::Invalid("service", "services.age_unknown");
    TS_ASSIGN_OR_RETURN(auto person, people::FindVisiblePerson(tx, ctx, actor, *actor.person_id));
    const int age = AgeOn(person.birth_date, ChinaDate(now));
    if ((s.f.min_age && age < *s.f.min_age) || (s.f.max_age && age > *s.f.max_age)) {
      return Status::Invalid("service", "services.age_outside",
                             std::to_string(s.f.min_age.value_or(0)) + "–" + std::to_string(s.f.max_age.value_or(120)));
    }
  }
  return Status::Ok();
}

const char* NoticeKey(const std::string& status) {
  if (status == "accepted") return "services.notice_accepted";
  if (status == "rejected") return "services.notice_rejected";
  if (status == "in_service") return "services.notice_in_service";
  return "services.notice_completed";
}

}  // namespace

Result<ApplicationView> SubmitApplication(const AppContext& ctx, const auth::Caller& caller, int64_t service_id,
                                          const std::map<std::string, std::string>& answers) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ApplicationView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, service_id));
    if (!s) return Status::NotFound("services.not_found");
    if (s->f.kind != "applications") return Status::Conflict("services.not_applications");
    std::vector<FieldError> errors;
    CollectAnswerErrors(s->f.questions, answers, errors);
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    TS_RETURN_IF_ERROR(CheckEligible(tx, ctx, caller.actor, *s, now));
    Application a;
    a.service_id = s->id;
    a.organization_id = s->organization_id;
    a.org_path = s->org_path;
    a.account_id = caller.actor.account_id;
    a.applicant_name = caller.actor.display_name.empty() ? caller.actor.login : caller.actor.display_name;
    a.answers = answers;
    a.status = "submitted";
    a.created_at = a.updated_at = now;
    TS_ASSIGN_OR_RETURN(a.id, InsertApplication(tx, a));
    TS_RETURN_IF_ERROR(AttachAnswerFiles(tx, caller.actor, *s, a));
    TS_RETURN_IF_ERROR(CountSubmitted(tx, a));
    TS_RETURN_IF_ERROR(InsertStep(tx, a.id, {"submitted", caller.actor.account_id, std::nullopt, now}));
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, a.organization_id, kPendingApplicationsCounter, 1));
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"service_application.create", "service_application", a.id, a.org_path, "", AuditJson(a)}));
    return ApplicationViewOf(tx, caller.actor, std::move(a));
  });
}

Result<ApplicationView> DecideApplication(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                          ApplicationAction action, const std::optional<std::string>& note) {
  if (action == ApplicationAction::kReject && !note) return Status::Invalid("reason", "field.required");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ApplicationView> {
    const int64_t now = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(auto found, FindApplication(tx, id));
    const bool own = found && found->account_id == caller.actor.account_id;
    if (!found || (!own && !CanRead(caller.actor, found->org_path))) {
      return Status::NotFound("services.application_not_found");
    }
    const bool may = action == ApplicationAction::kWithdraw ? own : CanManage(caller.actor, found->org_path);
    if (!may) return Status::Forbidden();
    auto next = NextStatus(found->status, action);
    if (!next) return Status::Conflict("services.application_state").WithParam(found->status);
    Application a = *found;
    a.status = *next;
    if (action == ApplicationAction::kReject) a.reason = note;
    a.updated_at = now;
    TS_ASSIGN_OR_RETURN(bool changed, ChangeApplicationStatus(tx, a, found->status));
    if (!changed) return Status::Conflict("services.application_state").WithParam(found->status);
    TS_RETURN_IF_ERROR(CountStep(tx, a, found->status, now));
    TS_RETURN_IF_ERROR(InsertStep(tx, a.id, {a.status, caller.actor.account_id, note, now}));
    if (found->status == "submitted") {
      TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, a.organization_id, kPendingApplicationsCounter, -1));
    }
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller,
        {"service_application." + a.status, "service_application", a.id, a.org_path, AuditJson(*found), AuditJson(a)}));
    TS_ASSIGN_OR_RETURN(auto view, ApplicationViewOf(tx, caller.actor, a));
    if (action != ApplicationAction::kWithdraw && a.account_id != 0) {
      notifications::Notification n;
      n.kind = "services.application_update";
      n.title_key = "services.notice_title";
      n.body_key = NoticeKey(a.status);
      n.params = {{"service", view.service_name}};
      n.link = ApplicationLink(a.id);
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, {.accounts = {a.account_id}}, n).status());
    }
    return view;
  });
}

Result<ApplicationView> GetApplication(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ApplicationView> {
    TS_ASSIGN_OR_RETURN(auto a, FindApplication(tx, id));
    if (!a || (a->account_id != actor.account_id && !CanRead(actor, a->org_path))) {
      return Status::NotFound("services.application_not_found");
    }
    return ApplicationViewOf(tx, actor, std::move(*a));
  });
}

namespace {

Result<ApplicationPage> PageOf(storage::Transaction& tx, const auth::Actor& actor, std::vector<Application> rows,
                               int limit) {
  ApplicationPage page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<size_t>(limit));
    page.next_cursor = rows.back().id;
  }
  TS_ASSIGN_OR_RETURN(page.items, ViewsOf(tx, actor, std::move(rows)));
  return page;
}

}  // namespace

Result<ApplicationPage> ListApplications(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                         const std::optional<std::string>& status, std::optional<int64_t> before_id,
                                         int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ApplicationPage> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::NotFound("organization.not_found");
    ApplicationFilter f;
    f.path = org.path;
    f.status = status;
    TS_ASSIGN_OR_RETURN(auto rows, SelectApplications(tx, f, before_id, limit));
    return PageOf(tx, actor, std::move(rows), limit);
  });
}

Result<ApplicationPage> ListMyApplications(const AppContext& ctx, const auth::Actor& actor,
                                           std::optional<int64_t> before_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ApplicationPage> {
    ApplicationFilter f;
    f.account_id = actor.account_id;
    TS_ASSIGN_OR_RETURN(auto rows, SelectApplications(tx, f, before_id, limit));
    return PageOf(tx, actor, std::move(rows), limit);
  });
}

Status RemindOverdueApplications(const AppContext& ctx, int64_t now) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto overdue, OverdueByOrganization(tx, now));
    TS_RETURN_IF_ERROR(organizations::SetSelfCounters(tx, kOverdueApplicationsCounter, overdue));
    const std::string day = ChinaDate(now);
    for (const auto& [org, count] : overdue) {
      notifications::Notification n;
      n.kind = "services.application_overdue";
      n.title_key = "services.reminder_title";
      n.body_key = "services.reminder_body";
      n.params = {{"count", std::to_string(count)}};
      n.link = "/app/organizations/" + std::to_string(org) + "/applications";
      n.digest_key = "services.application_overdue@" + day + "#" + std::to_string(org);
      notifications::Recipients to;
      to.organization_id = org;
      to.roles = {auth::Role::kCommitteeAdmin, auth::Role::kBranchSecretary};
      TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, to, n).status());
    }
    return Status::Ok();
  });
}

}  // namespace tianshan::services
