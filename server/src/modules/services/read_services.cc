#include "core/calendar.h"
#include "modules/organizations/public/lookup.h"
#include "modules/organizations/public/tree.h"
#include "modules/services/service_repository.h"
#include "modules/services/use_cases.h"

namespace tianshan::services {
namespace {

Result<ServiceView> ViewOf(storage::Transaction& tx, const AppContext& ctx, const auth::Actor* actor, Service s,
                           bool with_sessions) {
  ServiceView v;
  auto org = ctx.organizations->Find(tx, s.organization_id);
  TS_RETURN_IF_ERROR(org.status());
  if (*org) v.organization_name = (*org)->name;
  if (with_sessions) {
    TS_ASSIGN_OR_RETURN(v.sessions, SelectSessions(tx, s.id));
  }
  v.can_manage = actor && CanManage(*actor, s.org_path);
  v.can_apply = actor && s.f.kind == "applications";
  v.can_enroll = actor && s.f.kind == "enrollment";
  v.service = std::move(s);
  return v;
}

// A page of services: their organizations' names in one query (organizations::NamesOf), not
// one lookup each.
Result<ServicePage> PageOf(storage::Transaction& tx, const auth::Actor* actor, std::vector<Service> rows, int limit) {
  ServicePage page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<size_t>(limit));
    page.next_cursor = rows.back().id;
  }
  std::vector<int64_t> org_ids;
  for (const auto& s : rows) org_ids.push_back(s.organization_id);
  TS_ASSIGN_OR_RETURN(auto names, organizations::NamesOf(tx, org_ids));
  for (auto& s : rows) {
    ServiceView v;
    if (auto it = names.find(s.organization_id); it != names.end()) v.organization_name = it->second;
    v.can_manage = actor && CanManage(*actor, s.org_path);
    v.can_apply = actor && s.f.kind == "applications";
    v.can_enroll = actor && s.f.kind == "enrollment";
    v.service = std::move(s);
    page.items.push_back(std::move(v));
  }
  return page;
}

}  // namespace

Result<ServiceView> GetService(const AppContext& ctx, const auth::Actor* actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ServiceView> {
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, id));
    if (!s) return Status::NotFound("services.not_found");
    return ViewOf(tx, ctx, actor, std::move(*s), true);
  });
}

Result<ServicePage> ListCatalog(const AppContext& ctx, const auth::Actor* actor, std::optional<int64_t> area,
                                const std::optional<std::string>& category, const std::optional<std::string>& q,
                                std::optional<int64_t> after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ServicePage> {
    CatalogFilter f;
    f.category = category;
    f.q = q;
    if (area) {
      auto org = ctx.organizations->Find(tx, *area);
      TS_RETURN_IF_ERROR(org.status());
      if (!*org) return Status::Invalid("area", "services.area_unknown");
      f.path = (*org)->path;
    }
    TS_ASSIGN_OR_RETURN(auto rows, SelectServices(tx, f, after_id, limit));
    return PageOf(tx, actor, std::move(rows), limit);
  });
}

Result<ServicePage> ListServices(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                 std::optional<int64_t> after_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<ServicePage> {
    TS_ASSIGN_OR_RETURN(auto org, organizations::LoadReadable(tx, actor, organization_id));
    if (!CanRead(actor, org.path)) return Status::NotFound("organization.not_found");
    CatalogFilter f;
    f.path = org.path;
    TS_ASSIGN_OR_RETURN(auto rows, SelectServices(tx, f, after_id, limit));
    return PageOf(tx, &actor, std::move(rows), limit);
  });
}

std::vector<EnrollmentView> EnrollmentViews(const AppContext& ctx, const auth::Actor& actor,
                                            std::vector<Enrollment> rows) {
  const std::string today = TodayInChina(ctx.clock.NowMillis());
  std::vector<EnrollmentView> out;
  for (auto& e : rows) {
    const bool can = CanWithdrawEnrollment(actor, e, today);
    out.push_back({std::move(e), can});
  }
  return out;
}

Result<std::vector<EnrollmentView>> ListMyEnrollments(const AppContext& ctx, const auth::Actor& actor) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<EnrollmentView>> {
    TS_ASSIGN_OR_RETURN(auto rows, SelectEnrollments(tx, std::nullopt, actor.account_id));
    return EnrollmentViews(ctx, actor, std::move(rows));
  });
}

Result<std::vector<EnrollmentView>> ListRoster(const AppContext& ctx, const auth::Actor& actor, int64_t session_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<EnrollmentView>> {
    TS_ASSIGN_OR_RETURN(auto session, FindSession(tx, session_id));
    if (!session) return Status::NotFound("services.session_not_found");
    TS_ASSIGN_OR_RETURN(auto s, FindService(tx, session->service_id));
    if (!s || !CanRead(actor, s->org_path)) return Status::NotFound("services.session_not_found");
    TS_ASSIGN_OR_RETURN(auto rows, SelectEnrollments(tx, session_id, std::nullopt));
    return EnrollmentViews(ctx, actor, std::move(rows));
  });
}

}  // namespace tianshan::services
