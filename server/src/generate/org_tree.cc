#include "generate/org_tree.h"

#include <array>
#include <functional>

#include "generate/synthetic.h"

namespace tianshan::generate {
namespace {

constexpr std::string_view kKindNames[] = {"committee", "working_committee", "general_branch", "branch"};
constexpr std::string_view kSettingNames[] = {
    "government", "street", "community", "school", "non_public_enterprise", "industrial_park", "social_organization"};

// Grass-roots settings, weighted: streets, schools, enterprises, parks, social organizations,
// government bodies.
constexpr OrgSetting kGrassRootsSettings[] = {OrgSetting::kStreet,
                                              OrgSetting::kStreet,
                                              OrgSetting::kStreet,
                                              OrgSetting::kStreet,
                                              OrgSetting::kSchool,
                                              OrgSetting::kSchool,
                                              OrgSetting::kSchool,
                                              OrgSetting::kNonPublicEnterprise,
                                              OrgSetting::kNonPublicEnterprise,
                                              OrgSetting::kIndustrialPark,
                                              OrgSetting::kSocialOrganization,
                                              OrgSetting::kGovernment};

OrgKind GrassRootsKind(OrgSetting s) {
  switch (s) {
    case OrgSetting::kStreet:
      return OrgKind::kWorkingCommittee;
    case OrgSetting::kSchool:
    case OrgSetting::kGovernment:
      return OrgKind::kCommittee;
    default:
      return OrgKind::kGeneralBranch;
  }
}

OrgSetting BranchSetting(OrgSetting parent) { return parent == OrgSetting::kStreet ? OrgSetting::kCommunity : parent; }

// children[i]: number of children of the i-th organization of the level above.
std::vector<int32_t> Spread(int64_t count, int64_t parents, Rng& rng) {
  std::vector<int32_t> children(static_cast<size_t>(parents), 0);
  int64_t rest = count;
  if (count >= parents) {
    for (auto& c : children) c = 1;
    rest -= parents;
  }
  for (int64_t i = 0; i < rest; ++i) ++children[rng.Below(static_cast<uint64_t>(parents))];
  return children;
}

}  // namespace

int64_t OrgTree::local_of(int64_t id) const {
  if (depth_[id] < 2) return 0;
  while (depth_[id] > 2) id = parent_[id];
  return id;
}

std::string OrgTree::Path(int64_t id) const {
  std::array<int64_t, kBranchDepth + 1> ids{};
  int n = 0;
  for (int64_t at = id; at != 0; at = parent_[at]) ids[n++] = at;
  std::string out = "/";
  while (n > 0) out += std::to_string(ids[--n]) + "/";
  return out;
}

std::string OrgTree::Name(int64_t id) const {
  std::string n = "基准第" + std::to_string(ordinal_[id]);
  switch (depth_[id]) {
    case 0:
      return root_name_;
    case 1:
      return n + "省级团委";
    case 2:
      return n + "地方团委";
    case 3:
      switch (setting(id)) {
        case OrgSetting::kStreet:
          return n + "街道团工委";
        case OrgSetting::kSchool:
          return n + "学校团委";
        case OrgSetting::kGovernment:
          return n + "机关团委";
        case OrgSetting::kNonPublicEnterprise:
          return n + "企业团总支";
        case OrgSetting::kIndustrialPark:
          return n + "园区团总支";
        default:
          return n + "社会组织团总支";
      }
    default:
      switch (setting(id)) {
        case OrgSetting::kCommunity:
          return n + "社区团支部";
        case OrgSetting::kSchool:
          return n + "班团支部";
        default:
          return n + "团支部";
      }
  }
}

std::string_view OrgTree::KindName(int64_t id) const { return kKindNames[kind_[id]]; }
std::string_view OrgTree::SettingName(int64_t id) const { return kSettingNames[setting_[id]]; }

std::string OrgTree::RegionCode(int64_t id) const {
  if (depth_[id] != 2) return {};
  // At most 25,000 local committees (10,000,000 organizations / 400): always six digits.
  return std::to_string(100'000 + ordinal_[id] * 30);
}

OrgTree BuildOrgTree(const GenerateSpec& spec, uint64_t seed) {
  Rng rng(seed, 1);
  const std::array<int64_t, kBranchDepth + 1> counts = {1, spec.provincial, spec.local, spec.grass_roots,
                                                        spec.branches()};
  // children[d][i]: children of the i-th organization at depth d (in level order); starts[d][i]:
  // level-order index of its first child at depth d + 1.
  std::array<std::vector<int32_t>, kBranchDepth> children;
  std::array<std::vector<int64_t>, kBranchDepth> starts;
  for (int d = 0; d < kBranchDepth; ++d) {
    children[d] = Spread(counts[d + 1], counts[d], rng);
    starts[d].resize(children[d].size());
    int64_t at = 0;
    for (size_t i = 0; i < children[d].size(); ++i) {
      starts[d][i] = at;
      at += children[d][i];
    }
  }
  OrgTree t;
  t.root_name_ = spec.root_name;
  const size_t n = static_cast<size_t>(spec.organizations) + 1;
  t.parent_.assign(n, 0);
  t.ordinal_.assign(n, 0);
  t.first_branch_.assign(n, 0);
  t.depth_.assign(n, 0);
  t.kind_.assign(n, 0);
  t.setting_.assign(n, 0);
  std::array<int32_t, kBranchDepth + 1> seen{};
  int32_t next_id = 1;
  // Depth first; the recursion is at most five deep.
  std::function<void(int, int64_t, int32_t)> visit = [&](int depth, int64_t index, int32_t parent) {
    int32_t id = next_id++;
    t.parent_[id] = parent;
    t.depth_[id] = static_cast<uint8_t>(depth);
    t.ordinal_[id] = ++seen[depth];
    OrgSetting setting = OrgSetting::kGovernment;
    OrgKind kind = OrgKind::kCommittee;
    if (depth == 3) {
      setting = rng.Pick(kGrassRootsSettings);
      kind = GrassRootsKind(setting);
    } else if (depth == kBranchDepth) {
      setting = BranchSetting(static_cast<OrgSetting>(t.setting_[parent]));
      kind = OrgKind::kBranch;
    }
    t.setting_[id] = static_cast<uint8_t>(setting);
    t.kind_[id] = static_cast<uint8_t>(kind);
    if (depth == kBranchDepth) return;
    for (int64_t c = 0; c < children[depth][index]; ++c) visit(depth + 1, starts[depth][index] + c, id);
  };
  visit(0, 0, 0);
  for (int64_t id = spec.organizations; id >= 1; --id) {
    if (t.kind_[id] == static_cast<uint8_t>(OrgKind::kBranch)) t.first_branch_[id] = static_cast<int32_t>(id);
    int32_t p = t.parent_[id];
    int32_t fb = t.first_branch_[id];
    if (p != 0 && fb != 0 && (t.first_branch_[p] == 0 || fb < t.first_branch_[p])) t.first_branch_[p] = fb;
  }
  return t;
}

}  // namespace tianshan::generate
