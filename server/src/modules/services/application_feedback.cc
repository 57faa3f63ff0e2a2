#include "modules/notifications/public/notify.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/public/lookup.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {
namespace {

// The application the caller may see (the applicant, or services.read), else 404.
Result<Application> LoadVisible(storage::Transaction& tx, const auth::Actor& actor, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto a, FindApplication(tx, id));
  if (!a || (a->account_id != actor.account_id && !CanRead(actor, a->org_path))) {
    return Status::NotFound("services.application_not_found");
  }
  return std::move(*a);
}

}  // namespace

Result<ApplicationView> PostMessage(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                    const std::string& body) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ApplicationView> {
    TS_ASSIGN_OR_RETURN(auto a, LoadVisible(tx, caller.actor, id));
    const bool own = a.account_id == caller.actor.account_id;
    if (!own && !CanManage(caller.actor, a.org_path)) return Status::Forbidden();
    if (!ApplicationActions(caller.actor, a).message) {
      return Status::Conflict("services.application_state").WithParam(a.status);
    }
    Message m;
    m.application_id = a.id;
    m.account_id = caller.actor.account_id;
    m.author_name = caller.actor.display_name.empty() ? caller.actor.login : caller.actor.display_name;
    m.side = own ? "applicant" : "handler";
    m.body = body;
    m.at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(m.id, InsertMessage(tx, m));
    JsonOut out;
    // The text stays out of the audit log: the row has it.
    out.StartObject().Field("application_id", a.id).Field("side", m.side).EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"service_application.message", "service_application", a.id, a.org_path, "", out.Take()}));
    TS_ASSIGN_OR_RETURN(auto view, ApplicationViewOf(tx, caller.actor, a));
    notifications::Notification n;
    n.kind = "services.application_message";
    n.title_key = "services.notice_message_title";
    n.body_key = "services.notice_message";
    n.params = {{"service", view.service_name}, {"name", m.author_name}};
    n.link = ApplicationLink(a.id);
    notifications::Recipients to;
    if (own) {
      to.organization_id = a.organization_id;
      to.roles = {auth::Role::kCommitteeAdmin, auth::Role::kBranchSecretary};
    } else {
      to.accounts = {a.account_id};
    }
    TS_RETURN_IF_ERROR(notifications::Notify(tx, ctx, to, n).status());
    return view;
  });
}

Result<ApplicationView> RateApplication(const AppContext& ctx, const auth::Caller& caller, int64_t id, int score,
                                        const std::optional<std::string>& comment) {
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ApplicationView> {
    TS_ASSIGN_OR_RETURN(auto a, LoadVisible(tx, caller.actor, id));
    if (a.account_id != caller.actor.account_id) return Status::Forbidden();
    if (!ApplicationActions(caller.actor, a).rate) {
      return Status::Conflict(a.rating ? "services.already_rated" : "services.rate_after_completion");
    }
    a.rating = score;
    a.rating_comment = comment;
    a.rated_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(bool recorded, RecordRating(tx, a));
    if (!recorded) return Status::Conflict("services.already_rated");
    TS_RETURN_IF_ERROR(organizations::AdjustCounter(tx, a.organization_id, RatingCounter(score), 1));
    JsonOut out;
    out.StartObject().Field("rating", static_cast<int64_t>(score)).Field("comment", comment).EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"service_application.rate", "service_application", a.id, a.org_path, "", out.Take()}));
    return ApplicationViewOf(tx, caller.actor, std::move(a));
  });
}

Result<Satisfaction> GetServiceSatisfaction(const AppContext& ctx, const auth::Actor& actor, int64_t service_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<Satisfaction> {
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, service_id));
    if (!s || !CanRead(actor, s->org_path)) return Status::NotFound("services.not_found");
    return ServiceSatisfaction(tx, service_id);
  });
}

Result<SubtreeSatisfaction> GetSubtreeSatisfaction(const AppContext& ctx, const auth::Actor& actor,
                                                   int64_t organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<SubtreeSatisfaction> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::NotFound("organization.not_found");
    SubtreeSatisfaction out;
    TS_ASSIGN_OR_RETURN(auto counters, organizations::ReadCounters(tx, organization_id));
    for (int k = 1; k <= 5; ++k) {
      auto it = counters.find(RatingCounter(k));
      if (it != counters.end()) out.total.distribution[k - 1] = it->second.subtree;
    }
    TS_ASSIGN_OR_RETURN(out.services, RatedServices(tx, org.path, 200));
    return out;
  });
}

}  // namespace tianshan::services
