#include "modules/organizations/verify_counters.h"

#include <array>
#include <map>
#include <unordered_map>

#include "modules/organizations/public/counter_repair.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/public/organization.h"

namespace tianshan::organizations {
namespace {

// The keys this module computes itself.
const std::array<std::string, 7>& OwnKeys() {
  static const std::array<std::string, 7> keys = {
      std::string(counter::kOrganizations),     std::string(counter::kCommittees),
      std::string(counter::kWorkingCommittees), std::string(counter::kGeneralBranches),
      std::string(counter::kBranches),          std::string(counter::kUnits),
      std::string(counter::kCoveredUnits)};
  return keys;
}

int OwnKeyIndex(std::string_view key) {
  const auto& keys = OwnKeys();
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return static_cast<int>(i);
  }
  return -1;
}

struct Node {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string path;
  int depth = 0;
  std::array<int64_t, 7> self{};
  std::array<int64_t, 7> subtree{};
};

struct Stored {
  int64_t self = 0;
  int64_t subtree = 0;
};

std::string Line(const Node& n, std::string_view key, std::string_view what, int64_t stored, int64_t expected) {
  return "organization " + std::to_string(n.id) + " (" + n.path + ") " + std::string(key) + ": " + std::string(what) +
         " is " + std::to_string(stored) + ", expected " + std::to_string(expected);
}

}  // namespace

Result<std::vector<std::string>> VerifyCounters(storage::Database& db) {
  return db.Read([&](storage::Transaction& tx) -> Result<std::vector<std::string>> {
    std::vector<std::string> out;
    std::vector<Node> nodes;
    std::unordered_map<int64_t, size_t> index;
    TS_ASSIGN_OR_RETURN(auto orgs, tx.Query("SELECT id, parent_id, path, depth, kind, status FROM "
                                            "organizations_organizations"));
    nodes.reserve(orgs.size());
    for (const auto& r : orgs) {
      Node n{r.Int("id"), r.OptInt("parent_id"), r.Text("path"), static_cast<int>(r.Int("depth"))};
      if (r.Text("status") == kActive) {
        n.self[0] = 1;
        int k = OwnKeyIndex("kind." + r.Text("kind"));
        if (k >= 0) n.self[k] = 1;
      }
      index[n.id] = nodes.size();
      nodes.push_back(std::move(n));
    }
    TS_ASSIGN_OR_RETURN(
        auto units, tx.Query("SELECT organization_id, COUNT(*) AS units, COUNT(covered_by_organization_id) AS covered "
                             "FROM organizations_coverage_units GROUP BY organization_id"));
    for (const auto& r : units) {
      auto it = index.find(r.Int("organization_id"));
      if (it == index.end()) continue;  // impossible: foreign key
      nodes[it->second].self[5] = r.Int("units");
      nodes[it->second].self[6] = r.Int("covered");
    }
    // The tree: paths and depths, then roll own keys up along each path.
    for (auto& n : nodes) {
      std::string parent_path;
      if (n.parent_id) {
        auto it = index.find(*n.parent_id);
        if (it != index.end()) parent_path = nodes[it->second].path;
      }
      std::string expected = ChildPath(parent_path, n.id);
      if (n.path != expected)
        out.push_back("organization " + std::to_string(n.id) + ": path is " + n.path + ", expected " + expected);
      std::vector<int64_t> ids = PathIds(n.path);
      if (static_cast<int>(ids.size()) != n.depth + 1) {
        out.push_back(Line(n, "depth", "value", n.depth, static_cast<int64_t>(ids.size()) - 1));
      }
      for (int64_t ancestor : ids) {
        auto it = index.find(ancestor);
        if (it == index.end()) continue;
        for (size_t k = 0; k < n.self.size(); ++k) nodes[it->second].subtree[k] += n.self[k];
      }
    }
    // Stored counters, and for other modules' keys the sum of the children's subtree values.
    std::map<std::pair<int64_t, std::string>, Stored> stored;
    std::map<std::pair<int64_t, std::string>, int64_t> child_sums;
    TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT organization_id, counter_key, self_value, subtree_value FROM "
                                            "organizations_counters"));
    for (const auto& r : rows) {
      const int64_t id = r.Int("organization_id");
      std::string key = r.Text("counter_key");
      stored[{id, key}] = {r.Int("self_value"), r.Int("subtree_value")};
      auto it = index.find(id);
      if (OwnKeyIndex(key) < 0 && it != index.end() && nodes[it->second].parent_id) {
        child_sums[{*nodes[it->second].parent_id, key}] += r.Int("subtree_value");
      }
    }
    CounterRepair* repair = CounterRepair::Active();  // records what it finds, when repairing
    for (const auto& n : nodes) {
      for (size_t k = 0; k < OwnKeys().size(); ++k) {
        auto it = stored.find({n.id, OwnKeys()[k]});
        Stored s = it == stored.end() ? Stored{} : it->second;
        if (s.self != n.self[k]) {
          out.push_back(Line(n, OwnKeys()[k], "self", s.self, n.self[k]));
          if (repair) repair->ExpectSelf(n.id, OwnKeys()[k], n.self[k]);
        }
        if (s.subtree != n.subtree[k]) {
          out.push_back(Line(n, OwnKeys()[k], "subtree", s.subtree, n.subtree[k]));
          if (repair) repair->ExpectSubtree(n.id, OwnKeys()[k], n.subtree[k]);
        }
      }
    }
    auto check_foreign = [&](int64_t id, const std::string& key) {
      auto node = index.find(id);
      if (node == index.end() || OwnKeyIndex(key) >= 0) return;
      auto s = stored.find({id, key});
      auto c = child_sums.find({id, key});
      Stored value = s == stored.end() ? Stored{} : s->second;
      int64_t expected = value.self + (c == child_sums.end() ? 0 : c->second);
      if (value.subtree == expected) return;
      out.push_back(Line(nodes[node->second], key, "subtree", value.subtree, expected));
      if (repair) repair->ExpectSubtree(id, key, expected);
    };
    for (const auto& [k, v] : stored) check_foreign(k.first, k.second);
    for (const auto& [k, v] : child_sums) {
      if (stored.find(k) == stored.end()) check_foreign(k.first, k.second);
    }
    return out;
  });
}

}  // namespace tianshan::organizations
