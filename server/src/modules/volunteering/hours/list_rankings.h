#pragma once
// Read use cases: rankings of volunteers and of teams by confirmed hours over a period of
// months within an organization's subtree, paged; and the subtree's confirmed hours per month
// (the organization page's chart). Read from the maintained monthly aggregates, never from the
// ledger. Any role covering the organization may read them (404 otherwise).
// Rows carry the organization path recorded with the hours; after an organization moves, the
// hours recorded before the move stay under its old place (see README).

#include <vector>

#include "modules/volunteering/hours/hours_repository.h"
#include "modules/volunteering/use_case_support.h"

namespace tianshan::volunteering {

struct Period {
  std::string from;  // "YYYY-MM", inclusive
  std::string to;    // "YYYY-MM", inclusive
};

// Rows carry their rank: standard competition ranking, so equal hours share a rank and the
// next rank skips (1, 1, 3), across pages too.
struct RankingPage {
  std::vector<RankRow> items;
  std::optional<std::string> next_cursor;  // an opaque offset
};

Result<RankingPage> ListRankings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id, bool teams,
                                 const Period& period, int offset, int limit);
Result<std::vector<std::pair<std::string, int64_t>>> MonthlyHours(const AppContext& ctx, const auth::Actor& actor,
                                                                  int64_t organization_id, const Period& period);

}  // namespace tianshan::volunteering
