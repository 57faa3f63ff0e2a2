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

// The organization's path when the caller may see its figures (cadres.dashboard): 404 when
// unseen, 403 when seen but not allowed.
Result<std::string> FiguresPath(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                int64_t organization_id);
// The same for confirming there (cadres.confirm): postings hosted and services to units.
Result<std::string> ConfirmPath(storage::Transaction& tx, const AppContext& ctx, const auth::Actor& actor,
                                int64_t organization_id);

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

// The targets of an organization ("1+100" contacts, "8+4" posting months): its own setting
// (null: inherited), the values in force and where they come from. Read with cadres.dashboard,
// changed with cadres.settings; 404 when the organization is unseen, 403 otherwise.
struct TargetSettingsView {
  int64_t organization_id = 0;
  TargetSetting own;
  Targets effective;
  bool can_update = false;
};
Result<TargetSettingsView> GetTargetSettings(const AppContext& ctx, const auth::Actor& actor, int64_t organization_id);
// Replaces the organization's own setting (a null value inherits from above) and moves every
// cadre of the subtree whose target changes to the new target (at_quota with it), audited.
Result<TargetSettingsView> SetTargetSettings(const AppContext& ctx, const auth::Caller& caller, int64_t organization_id,
                                             const TargetSetting& setting);
inline constexpr int kMaxContactTarget = 1000;
inline constexpr int kMaxPostingMonths = 12;

}  // namespace tianshan::cadres
