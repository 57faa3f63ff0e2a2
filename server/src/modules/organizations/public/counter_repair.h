#pragma once
// Public contract of the organizations module: rebuilding maintained counters from the rows
// (`tianshan verify-counters --repair`), reusing each module's own verify-counters recount.
//
// While a CounterRepair is active on a thread, every difference that the recounts report on
// that thread is also recorded as a correction: CompareSelfCounters (counters.h) records the
// self value it expected, and the organizations module's own check records its keys' self and
// subtree values and, for other modules' keys, the subtree value self + Σ children's subtree.
// ApplyCounterRepairs writes the corrections inside the caller's transaction: a self value by
// AdjustCounter (the difference moves the subtree values of the organization and its ancestors
// with it), a subtree value directly. Self corrections go first; a subtree difference is only
// corrected once no self difference is left (a recount after the self corrections sees them).
//
// Not thread-safe: one CounterRepair per thread, created and destroyed on it. Differences that
// are no counter (a wrong path or depth, a module's per-row totals such as cadres' per-cadre
// figures) are not corrected; they stay in the report.

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "core/result.h"
#include "storage/database.h"

namespace tianshan::organizations {

class CounterRepair {
 public:
  CounterRepair();   // becomes this thread's active repair
  ~CounterRepair();  // the previous one (usually none) is active again
  CounterRepair(const CounterRepair&) = delete;
  CounterRepair& operator=(const CounterRepair&) = delete;

  // The active repair of this thread, or nullptr (the recounts then only report).
  static CounterRepair* Active();

  using Key = std::pair<int64_t, std::string>;  // organization id, counter key
  void ExpectSelf(int64_t organization_id, std::string_view key, int64_t value);
  void ExpectSubtree(int64_t organization_id, std::string_view key, int64_t value);
  const std::map<Key, int64_t>& self() const { return self_; }
  const std::map<Key, int64_t>& subtree() const { return subtree_; }
  bool empty() const { return self_.empty() && subtree_.empty(); }
  void Clear();

 private:
  std::map<Key, int64_t> self_, subtree_;
  CounterRepair* previous_;
};

// Writes the corrections recorded in `repair` (self ones, or subtree ones when there are no
// self ones); returns how many values it changed.
Result<int64_t> ApplyCounterRepairs(storage::Transaction& tx, const CounterRepair& repair);

}  // namespace tianshan::organizations
