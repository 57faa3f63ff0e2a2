#include "generate/counter_tally.h"

#include <string_view>

#include "generate/progress.h"
#include "modules/organizations/public/counters.h"
#include "modules/volunteering/public/counters.h"

namespace tianshan::generate {
namespace {

namespace oc = organizations::counter;
namespace vc = volunteering::counter;

// Every key this tally writes, in text order (the primary key's order within an organization).
enum Slot {
  kSlotCadres,
  kSlotCovered,
  kSlotUnits,
  kSlotBranch,
  kSlotCommittee,
  kSlotGeneralBranch,
  kSlotWorkingCommittee,
  kSlotMembers,
  kSlotOrganizations,
  kSlotHours,
  kSlotProjects,
  kSlotVolunteers,
  kSlotYouth,
  kSlotCount
};
constexpr std::array<std::string_view, kSlotCount> kSlotKeys = {
    oc::kCadres,          oc::kCoveredUnits,      oc::kUnits,   oc::kBranches,      oc::kCommittees,
    oc::kGeneralBranches, oc::kWorkingCommittees, oc::kMembers, oc::kOrganizations, vc::kHoursMinutes,
    vc::kProjects,        vc::kVolunteers,        oc::kYouth};
constexpr std::array<int, CounterTally::kKeyCount> kKeySlot = {
    kSlotCadres, kSlotCovered, kSlotUnits, kSlotMembers, kSlotHours, kSlotProjects, kSlotVolunteers, kSlotYouth};

int KindSlot(OrgKind kind) {
  switch (kind) {
    case OrgKind::kCommittee:
      return kSlotCommittee;
    case OrgKind::kWorkingCommittee:
      return kSlotWorkingCommittee;
    case OrgKind::kGeneralBranch:
      return kSlotGeneralBranch;
    default:
      return kSlotBranch;
  }
}

}  // namespace

CounterTally::CounterTally(const OrgTree& tree) : tree_(tree) {
  for (auto& v : self_) v.assign(static_cast<size_t>(tree.size()) + 1, 0);
}

Status CounterTally::Write(storage::BulkWriter& writer, storage::BulkWriter::Table table, Progress& progress) {
  const int64_t n = tree_.size();
  // Subtree values of every slot, rolled up from the leaves (largest ids) to the root.
  std::array<std::vector<int64_t>, kSlotCount> subtree;
  for (auto& v : subtree) v.assign(static_cast<size_t>(n) + 1, 0);
  for (int64_t id = n; id >= 1; --id) {
    subtree[kSlotOrganizations][id] += 1;
    subtree[KindSlot(tree_.kind(id))][id] += 1;
    for (int k = 0; k < kKeyCount; ++k) subtree[kKeySlot[k]][id] += self_[k][id];
    if (int64_t p = tree_.parent(id); p != 0) {
      for (int s = 0; s < kSlotCount; ++s) subtree[s][p] += subtree[s][id];
    }
  }
  // Named keys: subtree values only along the paths of the organizations that have them.
  std::map<std::string, std::map<int64_t, int64_t>> named_subtree;
  for (const auto& [key, self] : named_) {
    auto& up = named_subtree[key];
    for (const auto& [id, value] : self) {
      for (int64_t a = id; a != 0; a = tree_.parent(a)) up[a] += value;
    }
  }
  for (int64_t id = 1; id <= n; ++id) {
    for (const auto& [key, up] : named_subtree) {
      auto sub = up.find(id);
      if (sub == up.end()) continue;
      const auto& self = named_.at(key);
      auto own = self.find(id);
      writer.Begin(table).Int(id).Text(key).Int(own == self.end() ? 0 : own->second).Int(sub->second);
    }
    std::array<int64_t, kSlotCount> self{};
    self[kSlotOrganizations] = 1;
    self[KindSlot(tree_.kind(id))] = 1;
    for (int k = 0; k < kKeyCount; ++k) self[kKeySlot[k]] = self_[k][id];
    for (int s = 0; s < kSlotCount; ++s) {
      if (self[s] == 0 && subtree[s][id] == 0) continue;
      writer.Begin(table).Int(id).Text(kSlotKeys[s]).Int(self[s]).Int(subtree[s][id]);
    }
    TS_RETURN_IF_ERROR(writer.FlushIfFull());
    progress.Update("counters", id, n);
  }
  return Status::Ok();
}

}  // namespace tianshan::generate
