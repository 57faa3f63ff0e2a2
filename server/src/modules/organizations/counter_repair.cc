#include "modules/organizations/public/counter_repair.h"

#include "modules/organizations/public/counters.h"

namespace tianshan::organizations {
namespace {

thread_local CounterRepair* active_repair = nullptr;

}  // namespace

CounterRepair::CounterRepair() : previous_(active_repair) { active_repair = this; }

CounterRepair::~CounterRepair() { active_repair = previous_; }

CounterRepair* CounterRepair::Active() { return active_repair; }

void CounterRepair::ExpectSelf(int64_t organization_id, std::string_view key, int64_t value) {
  self_[{organization_id, std::string(key)}] = value;
}

void CounterRepair::ExpectSubtree(int64_t organization_id, std::string_view key, int64_t value) {
  subtree_[{organization_id, std::string(key)}] = value;
}

void CounterRepair::Clear() {
  self_.clear();
  subtree_.clear();
}

Result<int64_t> ApplyCounterRepairs(storage::Transaction& tx, const CounterRepair& repair) {
  int64_t changed = 0;
  for (const auto& [at, want] : repair.self()) {
    TS_ASSIGN_OR_RETURN(CounterMap stored, ReadCounters(tx, at.first));
    auto s = stored.find(at.second);
    const int64_t have = s == stored.end() ? 0 : s->second.self;
    if (have == want) continue;
    TS_RETURN_IF_ERROR(AdjustCounter(tx, at.first, at.second, want - have));
    ++changed;
  }
  if (!repair.self().empty()) return changed;
  for (const auto& [at, want] : repair.subtree()) {
    TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO organizations_counters (organization_id, counter_key, self_value, "
                                  "subtree_value) VALUES (?, ?, 0, ?) ON CONFLICT (organization_id, counter_key) DO "
                                  "UPDATE SET subtree_value = excluded.subtree_value",
                                  {at.first, at.second, want})
                           .status());
    ++changed;
  }
  return changed;
}

}  // namespace tianshan::organizations
