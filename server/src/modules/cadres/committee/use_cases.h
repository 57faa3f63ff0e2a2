#pragma once
// The committee's view of "1+100", "8+4" and "4+1": figures of a subtree read from the
// maintained counters, and per-cadre quota status. A committee admin covering the organization
// sees them (cadres.dashboard); nothing here names, counts per person, or links to a young
// person: a cadre's row carries the cadre's own figures only.

#include <optional>
#include <string>
#include <vector>

#include "auth/caller.h"
#include "kit/module.h"
#include "modules/cadres/cadre_card.h"
#include "modules/cadres/cadre_repository.h"
#include "modules/cadres/period.h"
#include "modules/organizations/public/stats_cache.h"

namespace tianshan::cadres {

// The dashboard of the organization's subtree as JSON (figures, targets, each child's
// figures), answered from `cache` while no write has ended since it was read. 404 when the
// organization is unseen, 403 when the caller may read it but not its figures.
Result<std::string> GetDashboardJson(const AppContext& ctx, organizations::StatsCache& cache, const auth::Actor& actor,
                                     int64_t organization_id);
// The same from `cache` alone, never touching the database (for the I/O thread): nullopt on a
// miss.
std::optional<Result<std::string>> CachedDashboardJson(const AppContext& ctx, const organizations::StatsCache& cache,
                                                       const auth::Actor& actor, int64_t organization_id);

struct CadreFiguresQuery {
  std::optional<std::string> quota;  // below, at
  std::optional<int64_t> after_id;
  int limit = 50;
};
struct CadreFigures {
  Cadre cadre;
  CadreCard card;
};
struct CadreFiguresPage {
  std::vector<CadreFigures> items;
  std::optional<int64_t> next_cursor;
  Period period;
};
Result<CadreFiguresPage> ListCadreFigures(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                          const CadreFiguresQuery& query);
// Every row of the list as an .xlsx (figures only), at most kMaxExportRows.
inline constexpr size_t kMaxExportRows = 50'000;
struct ExportedFile {
  std::string bytes;
  std::string file_name;
};
Result<ExportedFile> ExportCadreFigures(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id,
                                        const CadreFiguresQuery& query);

}  // namespace tianshan::cadres
