#pragma once
// The generated organization tree, held in memory as parallel arrays (a national tree of
// 4.4 million organizations takes about 100 MB). No I/O.
//
// Ids are numbered depth first (pre-order) from 1: every child's id is larger than its
// parent's, a subtree is a contiguous id range, and the people of one local committee are
// generated (and written) together.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "generate/scale.h"

namespace tianshan::generate {

enum class OrgKind : uint8_t { kCommittee, kWorkingCommittee, kGeneralBranch, kBranch };
enum class OrgSetting : uint8_t {
  kGovernment,
  kStreet,
  kCommunity,
  kSchool,
  kNonPublicEnterprise,
  kIndustrialPark,
  kSocialOrganization,
};

inline constexpr int kBranchDepth = 4;

class OrgTree {
 public:
  int64_t size() const { return static_cast<int64_t>(parent_.size()) - 1; }
  int64_t parent(int64_t id) const { return parent_[id]; }  // 0 for the root
  int depth(int64_t id) const { return depth_[id]; }
  OrgKind kind(int64_t id) const { return static_cast<OrgKind>(kind_[id]); }
  OrgSetting setting(int64_t id) const { return static_cast<OrgSetting>(setting_[id]); }
  // 1-based number among the organizations of the same depth, in id order.
  int64_t ordinal(int64_t id) const { return ordinal_[id]; }
  // The smallest branch id in the subtree (the organization itself for a branch).
  int64_t first_branch(int64_t id) const { return first_branch_[id]; }
  // The depth-2 (local committee) ancestor, or 0 above depth 2.
  int64_t local_of(int64_t id) const;

  std::string Path(int64_t id) const;  // "/1/2/5/"
  std::string Name(int64_t id) const;  // unique among siblings
  std::string_view KindName(int64_t id) const;
  std::string_view SettingName(int64_t id) const;
  // Six digits for local committees (increasing with id), empty otherwise.
  std::string RegionCode(int64_t id) const;

 private:
  friend OrgTree BuildOrgTree(const GenerateSpec& spec, uint64_t seed);
  std::string root_name_;
  std::vector<int32_t> parent_, ordinal_, first_branch_;
  std::vector<uint8_t> depth_, kind_, setting_;
};

// Spreads each depth's organizations over the level above (every parent gets at least one
// child, the rest at random), then numbers the tree depth first.
OrgTree BuildOrgTree(const GenerateSpec& spec, uint64_t seed);

}  // namespace tianshan::generate
