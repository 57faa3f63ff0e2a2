// Permission table of the cadres module: every decision for every role on every position
// relative to the grant (the organization itself, below, above, beside, another root).
#include "modules/cadres/permissions.h"

#include <gtest/gtest.h>

namespace tianshan::cadres {
namespace {

using auth::Role;

constexpr std::string_view kRegion = "/1/", kCity = "/1/2/", kBranch = "/1/2/3/", kSibling = "/1/5/",
                           kOtherRoot = "/9/";

auth::Actor On(Role role, std::string_view path) {
  auth::Actor a;
  a.account_id = 1;
  a.grants.push_back({0, std::string(path), "", role});
  return a;
}

struct Row {
  Role role;
  std::string_view grant, target;
  bool read, manage;
};

const Row kTable[] = {
    {Role::kCommitteeAdmin, kCity, kCity, true, true},        {Role::kCommitteeAdmin, kCity, kBranch, true, true},
    {Role::kCommitteeAdmin, kCity, kRegion, false, false},    {Role::kCommitteeAdmin, kCity, kSibling, false, false},
    {Role::kCommitteeAdmin, kCity, kOtherRoot, false, false}, {Role::kBranchSecretary, kBranch, kBranch, true, true},
    {Role::kBranchSecretary, kBranch, kCity, false, false},   {Role::kCadre, kCity, kBranch, true, false},
    {Role::kMember, kBranch, kBranch, false, false},          {Role::kYouth, kBranch, kBranch, false, false},
};

TEST(CadresPermissionsTest, Table) {
  for (const auto& row : kTable) {
    auth::Actor a = On(row.role, row.grant);
    SCOPED_TRACE(std::string(auth::RoleName(row.role)) + " on " + std::string(row.grant) + " → " +
                 std::string(row.target));
    EXPECT_EQ(CanRead(a, row.target), row.read);
    EXPECT_EQ(CanManage(a, row.target), row.manage);
  }
  // The manifest's table is these functions, under their names.
  auto table = Permissions();
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].name, "cadres.read");
  EXPECT_EQ(table[1].name, "cadres.manage");
  EXPECT_TRUE(table[1].allows(On(Role::kCommitteeAdmin, kCity), kBranch));
  EXPECT_FALSE(table[1].allows(On(Role::kCadre, kCity), kBranch));
}

}  // namespace
}  // namespace tianshan::cadres
