#include "modules/organizations/get_organization_stats.h"

#include "modules/organizations/organization_json.h"
#include "modules/organizations/organization_repository.h"
#include "modules/organizations/permissions.h"

namespace tianshan::organizations {

Result<CounterMap> GetOrganizationStats(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<CounterMap> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, id));
    return ReadCounters(tx, org.id);
  });
}

Result<std::vector<OverdueCount>> GetOverdueCounts(const AppContext& ctx, const auth::Actor& actor, int64_t id) {
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<std::vector<OverdueCount>> {
    TS_ASSIGN_OR_RETURN(Organization org, LoadReadable(tx, actor, id, RowLock::kNone));
    if (!CanReadCoverage(actor, org.path)) return Status::Forbidden();
    TS_ASSIGN_OR_RETURN(CounterMap counters, ReadCounters(tx, org.id));
    return OverdueOf(ctx, counters);
  });
}

std::vector<OverdueCount> OverdueOf(const AppContext& ctx, const CounterMap& counters) {
  std::vector<OverdueCount> out;
  for (const auto& def : ctx.counters) {
    if (def.group != "overdue") continue;
    auto it = counters.find(def.key);
    out.push_back({&def, it == counters.end() ? 0 : it->second.self, it == counters.end() ? 0 : it->second.subtree});
  }
  return out;
}

namespace {

Result<std::string> Answer(const std::shared_ptr<const StatsCache::Entry>& entry, const auth::Actor& actor) {
  if (entry == nullptr || !CanRead(actor, entry->path)) return Status::NotFound("organization.not_found");
  return entry->json;
}

}  // namespace

std::optional<Result<std::string>> CachedOrganizationStatsJson(const AppContext& ctx, const StatsCache& cache,
                                                               const auth::Actor& actor, int64_t id) {
  auto entry = cache.Find(id, ctx.db.write_generation(), ctx.clock.NowMillis());
  if (entry == nullptr) return std::nullopt;
  return Answer(entry, actor);
}

Result<std::string> GetOrganizationStatsJson(const AppContext& ctx, StatsCache& cache, const auth::Actor& actor,
                                             int64_t id) {
  const uint64_t generation = ctx.db.write_generation();
  const int64_t now = ctx.clock.NowMillis();
  auto entry = cache.Find(id, generation, now);
  if (entry == nullptr) {
    auto read = ctx.db.Read([&](storage::Transaction& tx) -> Result<std::shared_ptr<const StatsCache::Entry>> {
      TS_ASSIGN_OR_RETURN(auto org, FindOrganization(tx, id));
      if (!org) return std::shared_ptr<const StatsCache::Entry>();
      TS_ASSIGN_OR_RETURN(CounterMap counters, ReadCounters(tx, org->id));
      return std::make_shared<const StatsCache::Entry>(StatsCache::Entry{org->path, StatsJson(org->id, counters)});
    });
    if (!read.ok()) return read.status();
    entry = std::move(*read);
    if (entry != nullptr) cache.Put(id, entry, generation, now);
  }
  return Answer(entry, actor);
}

}  // namespace tianshan::organizations
