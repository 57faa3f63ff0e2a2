// Permission table of the cadres module: every decision for every role on every position
// relative to the grant (the organization itself, below, above, beside, another root).
// Contacts are not organization-scoped (exactly their two parties see them): the API tests
// (contacts/contacts_api_test.cc) walk every route as every other role.
#include "modules/cadres/permissions.h"

#include <gtest/gtest.h>

namespace tianshan::cadres {
namespace {

using auth::Role;

constexpr std::string_view kCity = "/1/2/";
enum Where { kSelf, kBelow, kAbove, kBeside, kOtherRoot };
constexpr std::string_view kTargets[] = {"/1/2/", "/1/2/3/", "/1/", "/1/5/", "/9/"};
constexpr const char* kWhereNames[] = {"self", "below", "above", "beside", "other root"};

auth::Actor On(Role role, std::string_view path) {
  auth::Actor a;
  a.account_id = 1;
  a.grants.push_back({0, std::string(path), "", role});
  return a;
}

// Expected decisions inside the grant's subtree (self, below); outside (above, beside, another
// root) every permission is denied for every role.
struct Row {
  Role role;
  bool dashboard, settings, plan, confirm, work;
};
const Row kTable[] = {
    {Role::kCommitteeAdmin, true, true, true, true, true}, {Role::kBranchSecretary, false, false, false, true, true},
    {Role::kCadre, false, false, false, false, true},      {Role::kMember, false, false, false, false, false},
    {Role::kYouth, false, false, false, false, false},
};

TEST(CadresPermissionsTest, Table) {
  for (const auto& row : kTable) {
    const auth::Actor a = On(row.role, kCity);
    for (int w = kSelf; w <= kOtherRoot; ++w) {
      SCOPED_TRACE(std::string(auth::RoleName(row.role)) + " → " + kWhereNames[w]);
      const bool inside = w == kSelf || w == kBelow;
      const auto target = kTargets[w];
      EXPECT_EQ(CanViewFigures(a, target), inside && row.dashboard);
      EXPECT_EQ(CanSetTargets(a, target), inside && row.settings);
      EXPECT_EQ(CanPlanPostings(a, target), inside && row.plan);
      EXPECT_EQ(CanConfirmAt(a, target), inside && row.confirm);
      EXPECT_EQ(CanWorkAsCadre(a, target), inside && row.work);
    }
  }
  // No grant: nothing.
  auth::Actor nobody;
  nobody.account_id = 2;
  EXPECT_FALSE(CanWorkAsCadre(nobody, kCity));
  EXPECT_FALSE(CanViewFigures(nobody, kCity));
}

TEST(CadresPermissionsTest, ManifestNamesTheseFunctions) {
  auto table = Permissions();
  ASSERT_EQ(table.size(), 5u);
  EXPECT_EQ(table[0].name, "cadres.dashboard");
  EXPECT_EQ(table[1].name, "cadres.settings");
  EXPECT_EQ(table[2].name, "cadres.plan_postings");
  EXPECT_EQ(table[3].name, "cadres.confirm");
  EXPECT_EQ(table[4].name, "cadres.work");
  EXPECT_TRUE(table[0].allows(On(Role::kCommitteeAdmin, kCity), "/1/2/3/"));
  EXPECT_FALSE(table[0].allows(On(Role::kCadre, kCity), "/1/2/3/"));
  EXPECT_TRUE(table[3].allows(On(Role::kBranchSecretary, kCity), "/1/2/3/"));
  EXPECT_TRUE(table[4].allows(On(Role::kCadre, kCity), kCity));
}

}  // namespace
}  // namespace tianshan::cadres
