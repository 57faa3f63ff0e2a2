// Permission table of the organizations module: every decision for every role on every
// position relative to the grant (self, descendant, ancestor, sibling, other root).
#include "modules/organizations/permissions.h"

#include <gtest/gtest.h>

namespace tianshan::organizations {
namespace {

using auth::Role;

// The tree: /1/ region, /1/2/ city (the grant), /1/2/3/ street, /1/2/3/4/ branch,
// /1/5/ another city, /9/ another root.
constexpr std::string_view kRegion = "/1/", kCity = "/1/2/", kStreet = "/1/2/3/", kBranch = "/1/2/3/4/",
                           kSibling = "/1/5/", kOtherRoot = "/9/";

auth::Actor On(Role role, std::string_view path) {
  auth::Actor a;
  a.account_id = 1;
  a.grants.push_back({0, std::string(path), "", role});
  return a;
}

struct Row {
  Role role;
  std::string_view grant;
  std::string_view target;
  bool read, create_child, update_all, update_details, archive, see_phone, read_coverage, manage_coverage;
};

// R: read, C: create child, U: update all, D: update details, A: archive and restore, P: full phone,
// V: read coverage, M: manage coverage.
const Row kTable[] = {
    //                                       R      C      U      D      A      P      V      M
    {Role::kCommitteeAdmin, kCity, kCity,    true,  true,  true,  true,  true,  true,  true,  true},
    {Role::kCommitteeAdmin, kCity, kBranch,  true,  true,  true,  true,  true,  true,  true,  true},
    {Role::kCommitteeAdmin, kCity, kRegion,  false, false, false, false, false, false, false, false},
    {Role::kCommitteeAdmin, kCity, kSibling, false, false, false, false, false, false, false, false},
    {Role::kCommitteeAdmin, kCity, kOtherRoot, false, false, false, false, false, false, false, false},
    {Role::kBranchSecretary, kBranch, kBranch, true, false, false, true,  false, true,  true,  false},
    {Role::kBranchSecretary, kStreet, kBranch, true, false, false, false, false, true,  true,  false},
    {Role::kBranchSecretary, kBranch, kStreet, false, false, false, false, false, false, false, false},
    {Role::kCadre, kCity, kStreet,           true,  false, false, false, false, false, true,  false},
    {Role::kCadre, kCity, kRegion,           false, false, false, false, false, false, false, false},
    {Role::kMember, kStreet, kBranch,        true,  false, false, false, false, false, false, false},
    {Role::kMember, kStreet, kCity,          false, false, false, false, false, false, false, false},
    {Role::kYouth, kBranch, kBranch,         true,  false, false, false, false, false, false, false},
    {Role::kYouth, kBranch, kSibling,        false, false, false, false, false, false, false, false},
};

TEST(OrganizationPermissionsTest, Table) {
  for (const auto& row : kTable) {
    auth::Actor a = On(row.role, row.grant);
    SCOPED_TRACE(std::string(auth::RoleName(row.role)) + " on " + std::string(row.grant) + " → " +
                 std::string(row.target));
    EXPECT_EQ(CanRead(a, row.target), row.read);
    EXPECT_EQ(CanCreateChild(a, row.target), row.create_child);
    EXPECT_EQ(CanUpdateAll(a, row.target), row.update_all);
    EXPECT_EQ(CanUpdateDetails(a, row.target), row.update_details);
    EXPECT_EQ(CanArchive(a, row.target), row.archive);
    EXPECT_EQ(CanRestore(a, row.target), row.archive);
    EXPECT_EQ(CanSeeContactPhone(a, row.target), row.see_phone);
    EXPECT_EQ(CanReadCoverage(a, row.target), row.read_coverage);
    EXPECT_EQ(CanManageCoverage(a, row.target), row.manage_coverage);
  }
}

TEST(OrganizationPermissionsTest, NobodyWithoutGrants) {
  auth::Actor nobody;
  for (auto path : {kRegion, kCity, kBranch, kOtherRoot}) {
    EXPECT_FALSE(CanRead(nobody, path));
    EXPECT_FALSE(CanUpdateDetails(nobody, path));
    EXPECT_FALSE(CanMove(nobody, path, kRegion));
  }
  EXPECT_FALSE(CanCreateRoot(nobody));
  // An unknown organization (empty grant path) covers nothing.
  EXPECT_FALSE(CanRead(On(Role::kCommitteeAdmin, ""), kCity));
  EXPECT_FALSE(CanRead(On(Role::kCommitteeAdmin, kCity), ""));
}

TEST(OrganizationPermissionsTest, Move) {
  auth::Actor city = On(Role::kCommitteeAdmin, kCity);
  EXPECT_TRUE(CanMove(city, kBranch, kCity));       // within the subtree
  EXPECT_FALSE(CanMove(city, kBranch, kSibling));   // new parent outside the grant
  EXPECT_FALSE(CanMove(city, kSibling, kCity));     // moved organization outside the grant
  EXPECT_FALSE(CanMove(city, kStreet, ""));         // becoming a root needs a root admin
  auth::Actor region = On(Role::kCommitteeAdmin, kRegion);
  EXPECT_TRUE(CanMove(region, kBranch, kSibling));
  EXPECT_TRUE(CanMove(region, kStreet, ""));
  EXPECT_FALSE(CanMove(region, kStreet, kOtherRoot));
  EXPECT_FALSE(CanMove(On(Role::kBranchSecretary, kCity), kBranch, kCity));
}

TEST(OrganizationPermissionsTest, CreateRoot) {
  EXPECT_TRUE(CanCreateRoot(On(Role::kCommitteeAdmin, kRegion)));
  EXPECT_FALSE(CanCreateRoot(On(Role::kCommitteeAdmin, kCity)));
  EXPECT_FALSE(CanCreateRoot(On(Role::kBranchSecretary, kRegion)));
  EXPECT_FALSE(CanCreateRoot(On(Role::kCadre, kOtherRoot)));
  // A platform administrator (grant path "/") covers every root.
  EXPECT_TRUE(CanCreateRoot(On(Role::kCommitteeAdmin, "/")));
  EXPECT_TRUE(CanRead(On(Role::kCommitteeAdmin, "/"), kOtherRoot));
}

TEST(OrganizationPermissionsTest, DetailFields) {
  for (auto f : {"short_name", "address", "contact_name", "contact_phone", "founded_on"}) EXPECT_TRUE(IsDetailField(f));
  for (auto f : {"name", "kind", "setting", "region_code", "parent_id"}) EXPECT_FALSE(IsDetailField(f));
}

}  // namespace
}  // namespace tianshan::organizations
