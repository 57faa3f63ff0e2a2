// The demo network loads, names the organizations demo accounts are granted on, and its
// counters agree with a recomputation.
#include "modules/organizations/demo_network.h"

#include "modules/organizations/get_organization_stats.h"
#include "modules/organizations/test_fixture.h"
#include "modules/organizations/verify_counters.h"

namespace tianshan::organizations::testing {
namespace {

class OrganizationDemoTest : public OrganizationsTest {};

TEST_P(OrganizationDemoTest, LoadsTheKaramayNetwork) {
  DemoContext demo;
  Status s = LoadDemoNetwork(ctx(), demo);
  ASSERT_TRUE(s.ok()) << s.message() << " " << s.detail();
  for (const char* name : {"新疆维吾尔自治区团委", "克拉玛依市团委", "风云社区团支部", "新疆生产建设兵团团委",
                           "第八师石河子市团委", "天山街道团工委", "乌鲁木齐市团委", "阿勒泰地区团委"}) {
    EXPECT_TRUE(demo.organization_ids.count(name)) << name;
  }
  auto diffs = VerifyCounters(db());
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty()) << (*diffs)[0];
  Organization karamay;
  karamay.id = demo.organization_ids.at("克拉玛依市团委");
  auto region_id = demo.organization_ids.at("新疆维吾尔自治区团委");
  auth::Actor admin;
  admin.grants.push_back({region_id, "/" + std::to_string(region_id) + "/", "", auth::Role::kCommitteeAdmin});
  auto stats = GetOrganizationStats(ctx(), admin, karamay.id);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->at("organizations").subtree, 11);
  EXPECT_EQ(stats->at("coverage.units").subtree, 5);
  EXPECT_EQ(stats->at("coverage.covered").subtree, 3);
  auto region = GetOrganizationStats(ctx(), admin, region_id);
  EXPECT_EQ(region->at("kind.committee").subtree, 1 + 14 + 1 + 4);
}

TS_INSTANTIATE_FOR_DATABASES(OrganizationDemoTest);

}  // namespace
}  // namespace tianshan::organizations::testing
