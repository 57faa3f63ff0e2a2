#include "modules/volunteering/hours/list_rankings.h"

#include "modules/volunteering/permissions.h"

namespace tianshan::volunteering {
namespace {

Result<auth::OrganizationRef> Readable(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                       int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, ctx, organization_id));
  if (!CanReadFigures(actor, org.path)) return Status::NotFound("volunteer.organization_unknown");
  return org;
}

}  // namespace

Result<RankingPage> ListRankings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id, bool teams,
                                 const Period& period, int offset, int limit) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<RankingPage> {
    TS_ASSIGN_OR_RETURN(auto org, Readable(tx, ctx, actor, organization_id));
    RankingPage page;
    page.first_rank = offset + 1;
    if (teams) {
      TS_ASSIGN_OR_RETURN(page.items, RankTeams(tx, org.path, period.from, period.to, offset, limit + 1));
    } else {
      TS_ASSIGN_OR_RETURN(page.items, RankVolunteers(tx, org.path, period.from, period.to, offset, limit + 1));
    }
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = std::to_string(offset + limit);
    }
    return page;
  });
}

Result<std::vector<std::pair<std::string, int64_t>>> MonthlyHours(const AppContext& ctx, const auth::Actor& actor,
                                                                  int64_t organization_id, const Period& period) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::pair<std::string, int64_t>>> {
    TS_ASSIGN_OR_RETURN(auto org, Readable(tx, ctx, actor, organization_id));
    return MonthlyMinutes(tx, org.path, period.from, period.to);
  });
}

}  // namespace tianshan::volunteering
