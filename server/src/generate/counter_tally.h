#pragma once
// The maintained counters of a generated network, computed in memory while its rows are made
// and written once at the end (organizations_counters), so that `tianshan verify-counters`
// finds nothing to report. Self values are added per row; subtree values are rolled up bottom
// up over the depth-first ids (children have larger ids than their parents).

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "generate/org_tree.h"
#include "storage/bulk_writer.h"

namespace tianshan::generate {

class Progress;

class CounterTally {
 public:
  // Keys counted from generated rows; organizations and kind.* come from the tree itself.
  enum Key {
    kCadres,
    kCoveredUnits,
    kUnits,
    kMembers,
    kVolunteerHoursMinutes,
    kVolunteerProjects,
    kVolunteerVolunteers,
    kYouth,
    kKeyCount
  };

  explicit CounterTally(const OrgTree& tree);
  void Add(int64_t organization_id, Key key, int64_t delta) { self_[key][organization_id] += delta; }
  // A key of another module counted sparsely (few organizations have it: cadres.*).
  void AddNamed(int64_t organization_id, std::string_view key, int64_t delta) {
    named_[std::string(key)][organization_id] += delta;
  }

  // Rolls every key up the tree and writes one row per organization and key whose self or
  // subtree value is not zero, organization by organization, keys in text order.
  [[nodiscard]] Status Write(storage::BulkWriter& writer, storage::BulkWriter::Table table, Progress& progress);

 private:
  const OrgTree& tree_;
  std::array<std::vector<int64_t>, kKeyCount> self_;
  std::map<std::string, std::map<int64_t, int64_t>> named_;  // key → organization → self value
};

}  // namespace tianshan::generate
