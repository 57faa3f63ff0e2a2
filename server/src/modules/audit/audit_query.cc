#include "modules/audit/audit_query.h"

#include <set>

#include "auth/account_repository.h"
#include "core/calendar.h"
#include "core/china_time.h"
#include "http/edge.h"
#include "http/search_header.h"

namespace tianshan::audit {
namespace {

std::optional<std::string> DateField(http::QueryReader& q, const char* name) {
  auto text = q.Text(name, 10);
  if (text && !IsValidDate(*text)) {
    q.AddError(name, "field.bad_date");
    return std::nullopt;
  }
  return text;
}

}  // namespace

Result<AuditQuery> ParseAuditQuery(const http::HttpRequest& req) {
  http::QueryReader q(req);
  AuditQuery out;
  out.organization_id = q.Id("organization_id", true).value_or(0);
  out.filter.entity_type = q.Text("entity_type", 60);
  out.filter.action = q.Text("action", 80);
  // A login or a phone number: a header, never ?actor= (http/search_header.h).
  auto actor = http::SearchHeader(req, q, "actor", http::kSearchActorHeader, 100);
  auto since = DateField(q, "since");
  auto until = DateField(q, "until");
  if (since && until && *since > *until) q.AddError("until", "audit.until_before_since");
  TS_RETURN_IF_ERROR(q.Finish());
  if (since) out.filter.since = ChinaMidnight(*since);
  if (until) out.filter.until = ChinaMidnight(*until) + 24LL * 3600 * 1000;
  out.actor_login = actor;
  return out;
}

Result<AuditListPage> ReadAuditPage(const AppContext& ctx, const auth::Actor& actor, const AuditQuery& query,
                                    std::optional<int64_t> before_id, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<AuditListPage> {
    if (ctx.organizations == nullptr) return Status::NotFound();
    TS_ASSIGN_OR_RETURN(auto org, ctx.organizations->Find(tx, query.organization_id));
    // audit.read (module.cc); only committee admins covering it know the organization is there.
    if (!org || !actor.Covers(org->path, {auth::Role::kCommitteeAdmin})) return Status::NotFound();
    AuditFilter filter = query.filter;
    AuditListPage out;
    if (query.actor_login) {
      TS_ASSIGN_OR_RETURN(auto account, auth::AccountRepository::FindByLoginOrPhone(tx, *query.actor_login));
      if (!account) return out;
      filter.actor_account_id = account->id;
    }
    TS_ASSIGN_OR_RETURN(out.page, ctx.audit.ListSubtree(tx, org->path, before_id, limit, filter));
    std::set<int64_t> actors;
    for (const auto& e : out.page.items) {
      if (e.actor_account_id) actors.insert(*e.actor_account_id);
    }
    for (int64_t id : actors) {
      TS_ASSIGN_OR_RETURN(auto account, auth::AccountRepository::FindById(tx, id));
      if (account) out.actor_names.emplace(id, account->display_name);
    }
    return out;
  });
}

}  // namespace tianshan::audit
