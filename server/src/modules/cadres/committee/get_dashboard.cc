#include "core/json.h"
#include "modules/cadres/cadre_support.h"
#include "modules/cadres/committee/use_cases.h"
#include "modules/cadres/permissions.h"
#include "modules/cadres/public/counters.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/public/lookup.h"
#include "modules/organizations/public/tree.h"

namespace tianshan::cadres {
namespace {

// The answer's figure names and the counters they read (subtree values).
struct Figure {
  const char* name;
  std::string_view key;
};
constexpr Figure kFigures[] = {
    {"cadres", counter::kCadres},
    {"at_quota", counter::kAtQuota},
    {"contacts", counter::kContacts},
    {"fields_covered", counter::kFieldsCovered},
    {"activity_due", counter::kActivityDue},
    {"talk_due", counter::kTalkDue},
    {"help_open", counter::kHelpOpen},
    {"help_overdue", counter::kHelpOverdue},
    {"postings", counter::kPostings},
    {"posted", counter::kPosted},
    {"posting_days", counter::kPostingDays},
    {"unreported", counter::kUnreported},
    {"served_units", counter::kServedUnits},
    {"service_minutes", counter::kServiceMinutes},
};
constexpr int kMaxChildren = 200;

int64_t Subtree(const organizations::CounterMap& counters, std::string_view key) {
  auto it = counters.find(key);
  return it == counters.end() ? 0 : it->second.subtree;
}

void WriteFigures(JsonOut& out, const organizations::CounterMap& counters, bool by_field) {
  out.StartObject();
  for (const auto& f : kFigures) out.Field(f.name, Subtree(counters, f.key));
  if (by_field) {
    out.Key("by_field").StartObject();
    for (const auto& field : Fields()) out.Field(field, Subtree(counters, std::string(counter::kFieldPrefix) + field));
    out.EndObject();
  }
  out.EndObject();
}

Result<std::string> DashboardJson(storage::Transaction& tx, const AppContext& ctx,
                                  const organizations::Organization& org) {
  TS_ASSIGN_OR_RETURN(auto counters, organizations::ReadCounters(tx, org.id));
  TS_ASSIGN_OR_RETURN(Targets targets, EffectiveTargets(tx, org.path));
  TS_ASSIGN_OR_RETURN(Period period, LoadPeriod(tx, Today(ctx), false));
  TS_ASSIGN_OR_RETURN(auto children, organizations::ActiveChildren(tx, org.id, kMaxChildren));
  JsonOut out;
  out.StartObject().Field("organization_id", org.id).Field("name", org.fields.name).Key("period");
  out.StartObject().Field("as_of", period.as_of).Field("quarter_start", period.quarter_start);
  out.Field("year_start", period.year_start).EndObject();
  out.Key("targets").StartObject().Field("contact_target", targets.contacts);
  out.Field("posting_months", targets.posting_months).EndObject();
  out.Key("figures");
  WriteFigures(out, counters, true);
  out.Key("children").StartArray();
  for (const auto& child : children) {
    TS_ASSIGN_OR_RETURN(auto theirs, organizations::ReadCounters(tx, child.id));
    out.StartObject().Field("id", child.id).Field("name", child.fields.name);
    out.Field("short_name", child.fields.short_name).Key("figures");
    WriteFigures(out, theirs, false);
    out.EndObject();
  }
  out.EndArray().EndObject();
  return out.Take();
}

}  // namespace

namespace {

Result<std::string> Answer(const std::shared_ptr<const organizations::StatsCache::Entry>& entry,
                           const auth::Actor& actor) {
  if (entry == nullptr || !organizations::CanRead(actor, entry->path)) {
    return Status::NotFound("organization.not_found");
  }
  if (!CanViewFigures(actor, entry->path)) return Status::Forbidden();
  return entry->json;
}

}  // namespace

std::optional<Result<std::string>> CachedDashboardJson(const AppContext& ctx, const organizations::StatsCache& cache,
                                                       const auth::Actor& actor, int64_t organization_id) {
  auto entry = cache.Find(organization_id, ctx.db.write_generation(), ctx.clock.NowMillis());
  if (entry == nullptr) return std::nullopt;
  return Answer(entry, actor);
}

Result<std::string> GetDashboardJson(const AppContext& ctx, organizations::StatsCache& cache, const auth::Actor& actor,
                                     int64_t organization_id) {
  const uint64_t generation = ctx.db.write_generation();
  const int64_t now = ctx.clock.NowMillis();
  auto entry = cache.Find(organization_id, generation, now);
  if (entry == nullptr) {
    auto read =
        ctx.db.Read([&](storage::Transaction& tx) -> Result<std::shared_ptr<const organizations::StatsCache::Entry>> {
          if (ctx.organizations == nullptr) return std::shared_ptr<const organizations::StatsCache::Entry>();
          TS_ASSIGN_OR_RETURN(auto ref, ctx.organizations->Find(tx, organization_id));
          if (!ref) return std::shared_ptr<const organizations::StatsCache::Entry>();
          organizations::Organization org;
          org.id = ref->id;
          org.path = ref->path;
          org.fields.name = ref->name;
          TS_ASSIGN_OR_RETURN(std::string json, DashboardJson(tx, ctx, org));
          return std::make_shared<const organizations::StatsCache::Entry>(
              organizations::StatsCache::Entry{ref->path, std::move(json)});
        });
    TS_RETURN_IF_ERROR(read.status());
    entry = std::move(*read);
    if (entry != nullptr) cache.Put(organization_id, entry, generation, now);
  }
  return Answer(entry, actor);
}

}  // namespace tianshan::cadres
