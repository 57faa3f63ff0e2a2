#include "core/calendar.h"
#include "modules/organizations/public/lookup.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {
namespace {

std::string AuditJson(const Service& s) {
  JsonOut out;
  out.StartObject()
      .Field("organization_id", s.organization_id)
      .Field("name", s.f.name)
      .Field("category", s.f.category)
      .Field("kind", s.f.kind)
      .Field("delivery", s.f.delivery)
      .Field("area_path", s.area_path)
      .Key("questions");
  WriteQuestions(out, s.f.questions);
  out.EndObject();
  return out.Take();
}

}  // namespace

Result<ServiceView> CreateService(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                                  const ServiceFields& input) {
  {
    std::vector<FieldError> errors;
    CollectServiceErrors(input, errors);
    if (!errors.empty()) return Status::Invalid(std::move(errors));
  }
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<ServiceView> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, caller.actor, organization_id));
    if (!CanRead(caller.actor, org.path)) return Status::NotFound("organization.not_found");
    if (!CanManage(caller.actor, org.path)) return Status::Forbidden();
    if (!org.active()) return Status::Conflict("organization.archived");
    Service s;
    if (input.area_organization_id) {
      auto area = ctx.organizations->Find(tx, *input.area_organization_id);
      TS_RETURN_IF_ERROR(area.status());
      if (!*area) return Status::Invalid("area_organization_id", "services.area_unknown");
      s.area_path = (*area)->path;
    }
    TS_ASSIGN_OR_RETURN(bool taken, ServiceNameTaken(tx, org.id, input.name));
    if (taken) return Status::Conflict("services.name_taken");
    s.organization_id = org.id;
    s.org_path = org.path;
    s.f = input;
    s.created_by = caller.actor.account_id;
    s.created_at = s.updated_at = ctx.clock.NowMillis();
    TS_ASSIGN_OR_RETURN(s.id, InsertService(tx, s));
    TS_RETURN_IF_ERROR(ctx.audit.Record(tx, caller, {"service.create", "service", s.id, s.org_path, "", AuditJson(s)}));
    const bool applications = s.f.kind == "applications";
    return ServiceView{std::move(s), {}, org.fields.name, true, applications, !applications};
  });
}

Result<ServiceView> ReplaceQuestions(const AppContext& ctx, const auth::Caller& caller, int64_t id,
                                     const std::vector<Question>& questions) {
  Status written = ctx.db.Write([&](storage::Transaction& tx) -> Status {
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, id));
    if (!s || !CanRead(caller.actor, s->org_path)) return Status::NotFound("services.not_found");
    if (!CanManage(caller.actor, s->org_path)) return Status::Forbidden();
    Service after = *s;
    after.f.questions = questions;
    std::vector<FieldError> errors;
    CollectServiceErrors(after.f, errors);
    if (!errors.empty()) return Status::Invalid(std::move(errors));
    if (s->f.kind != "applications") return Status::Conflict("services.not_applications");
    TS_ASSIGN_OR_RETURN(auto used, tx.QueryOne("SELECT 1 FROM services_applications WHERE service_id = ?", {s->id}));
    if (used) return Status::Conflict("services.questions_in_use");
    after.updated_at = ctx.clock.NowMillis();
    TS_RETURN_IF_ERROR(UpdateQuestions(tx, after));
    return ctx.audit.Record(tx, caller,
                            {"service.questions", "service", s->id, s->org_path, AuditJson(*s), AuditJson(after)});
  });
  TS_RETURN_IF_ERROR(written);
  return GetService(ctx, &caller.actor, id);
}

Result<Session> CreateSession(const AppContext& ctx, const auth::Caller& caller, int64_t service_id,
                              const SessionInput& input) {
  if (input.ends_on < input.starts_on) return Status::Invalid("ends_on", "services.ends_before_starts");
  return ctx.db.Write([&](storage::Transaction& tx) -> Result<Session> {
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, service_id));
    if (!s || !CanRead(caller.actor, s->org_path)) return Status::NotFound("services.not_found");
    if (!CanManage(caller.actor, s->org_path)) return Status::Forbidden();
    if (s->f.kind != "enrollment") return Status::Conflict("services.not_enrollment");
    Session session{0, s->id, input.name, input.starts_on, input.ends_on, input.capacity, 0, 0};
    TS_ASSIGN_OR_RETURN(session.id, InsertSession(tx, session, ctx.clock.NowMillis()));
    JsonOut out;
    out.StartObject()
        .Field("service_id", s->id)
        .Field("name", session.name)
        .Field("starts_on", session.starts_on)
        .Field("ends_on", session.ends_on)
        .Field("capacity", session.capacity)
        .EndObject();
    TS_RETURN_IF_ERROR(ctx.audit.Record(
        tx, caller, {"service_session.create", "service_session", session.id, s->org_path, "", out.Take()}));
    return session;
  });
}

}  // namespace tianshan::services
