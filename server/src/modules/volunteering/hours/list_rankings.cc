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
    if (teams) {
      TS_ASSIGN_OR_RETURN(page.items, RankTeams(tx, org.path, period.from, period.to, offset, limit + 1));
    } else {
      TS_ASSIGN_OR_RETURN(page.items, RankVolunteers(tx, org.path, period.from, period.to, offset, limit + 1));
    }
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor = std::to_string(offset + limit);
    }
    for (size_t i = 0; i < page.items.size(); ++i) {
      RankRow& row = page.items[i];
      if (i > 0 && row.minutes == page.items[i - 1].minutes) {
        row.rank = page.items[i - 1].rank;
      } else if (i > 0 || offset == 0) {
        row.rank = offset + static_cast<int64_t>(i) + 1;
      } else {  // the first row of a later page may tie with the page before
        TS_ASSIGN_OR_RETURN(int64_t above, CountRankedAbove(tx, teams, org.path, period.from, period.to, row.minutes));
        row.rank = above + 1;
      }
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
