// Coverage units and the statistics read from counters, on both databases.
#include "modules/organizations/archive_organization.h"
#include "modules/organizations/create_coverage_unit.h"
#include "modules/organizations/get_organization_stats.h"
#include "modules/organizations/list_coverage_units.h"
#include "modules/organizations/move_organization.h"
#include "modules/organizations/organization_json.h"
#include "modules/organizations/test_fixture.h"
#include "modules/organizations/update_coverage_unit.h"
#include "modules/organizations/verify_counters.h"

namespace tianshan::organizations::testing {
namespace {

using auth::Role;

class OrganizationCoverageTest : public OrganizationsTest {
 protected:
  void SetUp() override {
    OrganizationsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    region_ = Make("新疆维吾尔自治区团委");
    city_ = Make("克拉玛依市团委", &region_);
    street_ = Make("天山街道团工委", &city_, "working_committee", "street");
    branch_ = Make("汉博中央广场非公企业团支部", &street_, "branch", "non_public_enterprise");
  }
  CoverageUnitInput Unit(const std::string& name, std::optional<int64_t> covered_by = std::nullopt) {
    return {name, "non_public_enterprise", 30, covered_by};
  }
  Organization region_, city_, street_, branch_;
};

TEST_P(OrganizationCoverageTest, LinkUnlinkAndRollUp) {
  auth::Actor admin = AdminOn(city_);
  auto hanbo = CreateCoverageUnit(ctx(), {admin, ""}, street_.id, Unit("汉博中央广场", branch_.id));
  ASSERT_TRUE(hanbo.ok()) << hanbo.status().message();
  auto other = CreateCoverageUnit(ctx(), {admin, ""}, street_.id, Unit("佳福物业"));
  ASSERT_TRUE(other.ok());
  auto stats = GetOrganizationStats(ctx(), admin, city_.id);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->at("coverage.units").subtree, 2);
  EXPECT_EQ(stats->at("coverage.covered").subtree, 1);
  EXPECT_EQ(stats->count("coverage.units") ? stats->at("coverage.units").self : 0, 0);
  std::string json = StatsJson(city_.id, *stats);
  EXPECT_NE(json.find(R"("coverage":{"units":2,"covered":1,"rate":0.5})"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("subtree":{"organizations":3)"), std::string::npos) << json;

  // Link the second unit, unlink the first.
  CoverageUnitPatch link;
  link.covered_by_organization_id = std::optional<int64_t>(branch_.id);
  ASSERT_TRUE(UpdateCoverageUnit(ctx(), {admin, ""}, other->id, link).ok());
  CoverageUnitPatch unlink;
  unlink.covered_by_organization_id = std::optional<int64_t>();
  ASSERT_TRUE(UpdateCoverageUnit(ctx(), {admin, ""}, hanbo->id, unlink).ok());
  auto uncovered = ListCoverageUnits(ctx(), admin, street_.id, false, std::nullopt, 10);
  ASSERT_TRUE(uncovered.ok());
  ASSERT_EQ(uncovered->items.size(), 1u);
  EXPECT_EQ(uncovered->items[0].name, "汉博中央广场");
  EXPECT_EQ(GetOrganizationStats(ctx(), AdminOn(region_), region_.id)->at("coverage.covered").subtree, 1);

  // A covering organization cannot be archived while linked.
  auto archived = ArchiveOrganization(ctx(), {admin, ""}, branch_.id);
  EXPECT_EQ(archived.status().message(), "organization.covers_units");
  auto diffs = VerifyCounters(db());
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty()) << (*diffs)[0];
}

TEST_P(OrganizationCoverageTest, BadInputAndPermissions) {
  auth::Actor admin = AdminOn(city_);
  Organization other_city = Make("乌鲁木齐市团委", &region_);
  // The covering organization must lie in the unit's organization's subtree.
  EXPECT_TRUE(FailsOn(CreateCoverageUnit(ctx(), {admin, ""}, street_.id, Unit("x", city_.id)).status(),
                      StatusCode::kInvalid, "covered_by_organization_id"));
  EXPECT_TRUE(FailsOn(CreateCoverageUnit(ctx(), {admin, ""}, street_.id, Unit("x", 99999)).status(),
                      StatusCode::kInvalid, "covered_by_organization_id"));
  CoverageUnitInput bad{" ", "factory", -1, std::nullopt};
  Status s = CreateCoverageUnit(ctx(), {admin, ""}, street_.id, bad).status();
  EXPECT_TRUE(FailsOn(s, StatusCode::kInvalid, "name"));
  EXPECT_TRUE(FailsOn(s, StatusCode::kInvalid, "kind"));
  EXPECT_TRUE(FailsOn(s, StatusCode::kInvalid, "young_employees"));
  EXPECT_TRUE(FailsOn(CreateCoverageUnit(ctx(), {admin, ""}, other_city.id, Unit("x")).status(),
                      StatusCode::kNotFound));
  // Readers of the organization without coverage rights.
  auth::Actor member = ActorWith(Role::kMember, city_);
  EXPECT_TRUE(FailsOn(ListCoverageUnits(ctx(), member, street_.id, std::nullopt, std::nullopt, 10).status(),
                      StatusCode::kForbidden));
  EXPECT_TRUE(ListCoverageUnits(ctx(), ActorWith(Role::kCadre, city_), street_.id, std::nullopt, std::nullopt, 10).ok());
  auto unit = CreateCoverageUnit(ctx(), {admin, ""}, street_.id, Unit("汉博中央广场"));
  ASSERT_TRUE(unit.ok());
  CoverageUnitPatch link;
  link.covered_by_organization_id = std::optional<int64_t>(branch_.id);
  EXPECT_TRUE(FailsOn(UpdateCoverageUnit(ctx(), {ActorWith(Role::kCadre, city_), ""}, unit->id, link).status(),
                      StatusCode::kForbidden));
  EXPECT_TRUE(FailsOn(UpdateCoverageUnit(ctx(), {AdminOn(other_city), ""}, unit->id, link).status(),
                      StatusCode::kNotFound));
  EXPECT_TRUE(FailsOn(UpdateCoverageUnit(ctx(), {admin, ""}, 99999, link).status(), StatusCode::kNotFound));
  EXPECT_EQ(GetOrganizationStats(ctx(), admin, city_.id)->at("coverage.units").subtree, 1);
}

TEST_P(OrganizationCoverageTest, MovingAnAreaMovesItsCoverage) {
  auth::Actor admin = AdminOn(region_);
  Organization other_city = Make("乌鲁木齐市团委", &region_);
  ASSERT_TRUE(CreateCoverageUnit(ctx(), {admin, ""}, street_.id, Unit("汉博中央广场", branch_.id)).ok());
  ASSERT_TRUE(MoveOrganization(ctx(), {admin, ""}, street_.id, other_city.id).ok());
  EXPECT_EQ(GetOrganizationStats(ctx(), admin, other_city.id)->at("coverage.covered").subtree, 1);
  EXPECT_EQ(GetOrganizationStats(ctx(), admin, city_.id)->at("coverage.covered").subtree, 0);
  auto diffs = VerifyCounters(db());
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty()) << (*diffs)[0];
}

TS_INSTANTIATE_FOR_DATABASES(OrganizationCoverageTest);

}  // namespace
}  // namespace tianshan::organizations::testing
