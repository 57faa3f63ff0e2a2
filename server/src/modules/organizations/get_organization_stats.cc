#include "modules/organizations/get_organization_stats.h"

namespace tianshan::organizations {

Result<CounterMap> GetOrganizationStats(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<CounterMap> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, id));
    return ReadCounters(tx, org.id);
  });
}

}  // namespace tianshan::organizations
