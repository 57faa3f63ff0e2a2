#include "modules/organizations/get_my_work.h"

#include "modules/organizations/permissions.h"

namespace tianshan::organizations {
namespace {

std::optional<int64_t> FirstGrantedOrganization(const auth::Actor& actor) {
  for (const auto& g : actor.grants) {
    if (!g.organization_path.empty() && g.organization_id > 0) return g.organization_id;
  }
  return std::nullopt;
}

}  // namespace

Result<MyWork> GetMyWork(const AppContext& ctx, const auth::Actor& actor, std::optional<int64_t> organization_id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<MyWork> {
    MyWork work;
    const int64_t now = ctx.clock.NowMillis();
    for (const auto& def : WorkItems(ctx)) {
      TS_ASSIGN_OR_RETURN(std::optional<int64_t> count, def.count(tx, actor, now));
      if (count) work.items.emplace_back(&def, *count);
    }
    if (!organization_id) organization_id = FirstGrantedOrganization(actor);
    if (!organization_id) return work;
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, *organization_id, RowLock::kNone));
    TS_ASSIGN_OR_RETURN(work.figures, ReadCounters(tx, org.id));
    if (CanReadCoverage(actor, org.path)) work.overdue = OverdueOf(ctx, work.figures);
    work.organization = std::move(org);
    return work;
  });
}

}  // namespace tianshan::organizations
