// Create, read, update, archive and move on both databases, including every bad input.
#include "modules/organizations/archive_organization.h"
#include "modules/organizations/counter_store.h"
#include "modules/organizations/get_organization.h"
#include "modules/organizations/move_organization.h"
#include "modules/organizations/public/counters.h"
#include "modules/organizations/test_fixture.h"
#include "modules/organizations/update_organization.h"
#include "modules/organizations/verify_counters.h"

namespace tianshan::organizations::testing {
namespace {

using auth::Role;

class OrganizationUseCasesTest : public OrganizationsTest {
 protected:
  int64_t Subtree(int64_t id, std::string_view key) {
    auto r = db().Read([&](storage::Transaction& tx) { return ReadCounters(tx, id); });
    EXPECT_TRUE(r.ok());
    auto it = r->find(key);
    return it == r->end() ? 0 : it->second.subtree;
  }
  void ExpectCountersAgree() {
    auto diffs = VerifyCounters(db());
    ASSERT_TRUE(diffs.ok()) << diffs.status().detail();
    for (const auto& d : *diffs) ADD_FAILURE() << d;
  }
};

TEST_P(OrganizationUseCasesTest, CreateChildCountsAndAudits) {
  Organization region = Make("新疆维吾尔自治区团委");
  Organization city = Make("克拉玛依市团委", &region);
  auth::Actor admin = AdminOn(city);
  auto in = Input("风云社区团支部", city.id);
  in.fields.contact_phone = "0990-6888888";
  in.fields.founded_on = "2016-07-17";
  in.fields.region_code = "650203";
  auto branch = CreateOrganization(ctx(), {admin, "req-1"}, in);
  ASSERT_TRUE(branch.ok()) << branch.status().message();
  EXPECT_EQ(branch->path, city.path + std::to_string(branch->id) + "/");
  EXPECT_EQ(branch->depth, 2);
  EXPECT_EQ(Subtree(region.id, counter::kOrganizations), 3);
  EXPECT_EQ(Subtree(region.id, counter::kBranches), 1);
  EXPECT_EQ(Subtree(city.id, counter::kCommittees), 1);
  auto audit = db().Read([&](storage::Transaction& tx) { return ctx().audit.ListSubtree(tx, city.path, {}, 10, {}); });
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->items.empty());
  EXPECT_EQ(audit->items[0].action, "organization.create");
  EXPECT_EQ(audit->items[0].request_id, "req-1");
  EXPECT_EQ(audit->items[0].after_json.find("6888888"), std::string::npos) << "phone must be masked in audit";
  ExpectCountersAgree();
}

TEST_P(OrganizationUseCasesTest, BadInputChangesNothing) {
  Organization region = Make("新疆维吾尔自治区团委");
  auth::Actor admin = AdminOn(region);
  auto bad = [&](CreateOrganizationInput in, StatusCode code, const char* field) {
    auto r = CreateOrganization(ctx(), {admin, ""}, in);
    EXPECT_TRUE(FailsOn(r.status(), code, field)) << field;
  };
  bad(Input("x", 99999), StatusCode::kInvalid, "parent_id");
  auto in = Input("x", region.id, "club");
  bad(in, StatusCode::kInvalid, "kind");
  in = Input("x", region.id, "branch", "moon");
  bad(in, StatusCode::kInvalid, "setting");
  in = Input("x", region.id);
  in.fields.founded_on = "2999-01-01";
  bad(in, StatusCode::kInvalid, "founded_on");
  in.fields.founded_on = "2016-02-30";
  bad(in, StatusCode::kInvalid, "founded_on");
  in.fields.founded_on.reset();
  in.fields.contact_phone = "12345678";
  bad(in, StatusCode::kInvalid, "contact_phone");
  EXPECT_EQ(Subtree(region.id, counter::kOrganizations), 1);
  ExpectCountersAgree();
}

TEST_P(OrganizationUseCasesTest, PermissionsAndVisibility) {
  Organization region = Make("新疆维吾尔自治区团委");
  Organization city = Make("克拉玛依市团委", &region);
  Organization other = Make("乌鲁木齐市团委", &region);
  Organization branch = Make("风云社区团支部", &city, "branch", "community");
  auth::Actor city_admin = AdminOn(city);
  // Outside the grant: 404, for reads and writes alike.
  EXPECT_TRUE(FailsOn(GetOrganization(ctx(), city_admin, other.id).status(), StatusCode::kNotFound));
  EXPECT_TRUE(FailsOn(GetOrganization(ctx(), city_admin, region.id).status(), StatusCode::kNotFound));
  EXPECT_TRUE(FailsOn(ArchiveOrganization(ctx(), {city_admin, ""}, other.id).status(), StatusCode::kNotFound));
  // A parent outside the grant is "unknown", not forbidden.
  EXPECT_TRUE(FailsOn(CreateOrganization(ctx(), {city_admin, ""}, Input("x", other.id)).status(), StatusCode::kInvalid,
                      "parent_id"));
  // A root needs an admin of a root.
  EXPECT_TRUE(FailsOn(CreateOrganization(ctx(), {city_admin, ""}, Input("新根", std::nullopt, "committee")).status(),
                      StatusCode::kForbidden));
  EXPECT_TRUE(
      CreateOrganization(ctx(), {AdminOn(region), ""}, Input("新疆生产建设兵团团委", std::nullopt, "committee")).ok());
  // Readable but not writable: 403.
  auth::Actor member = ActorWith(Role::kMember, city);
  EXPECT_TRUE(GetOrganization(ctx(), member, branch.id).ok());
  EXPECT_TRUE(FailsOn(CreateOrganization(ctx(), {member, ""}, Input("x", branch.id)).status(), StatusCode::kForbidden));
  // The branch secretary updates details of exactly its branch, not its name.
  auth::Actor secretary = ActorWith(Role::kBranchSecretary, branch);
  OrganizationPatch details;
  details.contact_phone = std::optional<std::string>("13912345678");
  details.address = std::optional<std::string>("克拉玛依区风云社区");
  auto updated = UpdateOrganization(ctx(), {secretary, ""}, branch.id, details);
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(updated->fields.contact_phone, "13912345678");
  OrganizationPatch rename;
  rename.name = "改名团支部";
  EXPECT_TRUE(
      FailsOn(UpdateOrganization(ctx(), {secretary, ""}, branch.id, rename).status(), StatusCode::kForbidden, "name"));
  EXPECT_TRUE(FailsOn(UpdateOrganization(ctx(), {secretary, ""}, city.id, details).status(), StatusCode::kNotFound));
  // Phones are masked for roles that do not need them.
  EXPECT_FALSE(GetOrganization(ctx(), member, branch.id)->full_phone);
  EXPECT_TRUE(GetOrganization(ctx(), secretary, branch.id)->full_phone);
}

TEST_P(OrganizationUseCasesTest, UpdateValidatesAndMovesKindCounters) {
  Organization region = Make("新疆维吾尔自治区团委");
  Organization a = Make("甲", &region, "branch", "community");
  Make("乙", &region, "branch", "community");
  auth::Actor admin = AdminOn(region);
  OrganizationPatch p;
  p.kind = "general_branch";
  p.founded_on = std::optional<std::string>("2015-05-04");
  auto r = UpdateOrganization(ctx(), {admin, ""}, a.id, p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Subtree(region.id, counter::kGeneralBranches), 1);
  EXPECT_EQ(Subtree(region.id, counter::kBranches), 1);
  OrganizationPatch dup;
  dup.name = "乙";
  EXPECT_TRUE(FailsOn(UpdateOrganization(ctx(), {admin, ""}, a.id, dup).status(), StatusCode::kConflict));
  OrganizationPatch future;
  future.founded_on = std::optional<std::string>("2999-12-31");
  EXPECT_TRUE(
      FailsOn(UpdateOrganization(ctx(), {admin, ""}, a.id, future).status(), StatusCode::kInvalid, "founded_on"));
  OrganizationPatch clear;
  clear.founded_on = std::optional<std::string>();
  EXPECT_FALSE(UpdateOrganization(ctx(), {admin, ""}, a.id, clear)->fields.founded_on.has_value());
  ExpectCountersAgree();
}

TEST_P(OrganizationUseCasesTest, ArchiveRefusesActiveChildrenAndMembers) {
  Organization region = Make("新疆维吾尔自治区团委");
  Organization street = Make("天山街道团工委", &region, "working_committee", "street");
  Organization branch = Make("风云社区团支部", &street, "branch", "community");
  auth::Actor admin = AdminOn(region);
  auto refused = ArchiveOrganization(ctx(), {admin, ""}, street.id);
  EXPECT_TRUE(FailsOn(refused.status(), StatusCode::kConflict));
  EXPECT_EQ(refused.status().message(), "organization.has_active_children");
  ASSERT_TRUE(
      db().Write([&](storage::Transaction& tx) { return AdjustCounter(tx, branch.id, counter::kMembers, 3); }).ok());
  EXPECT_EQ(ArchiveOrganization(ctx(), {admin, ""}, branch.id).status().message(), "organization.has_members");
  ASSERT_TRUE(
      db().Write([&](storage::Transaction& tx) { return AdjustCounter(tx, branch.id, counter::kMembers, -3); }).ok());
  auto archived = ArchiveOrganization(ctx(), {admin, ""}, branch.id);
  ASSERT_TRUE(archived.ok()) << archived.status().message();
  EXPECT_EQ(archived->status, "archived");
  EXPECT_EQ(Subtree(region.id, counter::kOrganizations), 2);
  EXPECT_TRUE(ArchiveOrganization(ctx(), {admin, ""}, branch.id).ok()) << "archiving twice changes nothing";
  EXPECT_TRUE(ArchiveOrganization(ctx(), {admin, ""}, street.id).ok());
  EXPECT_TRUE(FailsOn(CreateOrganization(ctx(), {admin, ""}, Input("x", street.id)).status(), StatusCode::kInvalid,
                      "parent_id"));
  // The same name may be used again once the old organization is archived.
  EXPECT_TRUE(
      CreateOrganization(ctx(), {admin, ""}, Input("天山街道团工委", region.id, "working_committee", "street")).ok());
  ExpectCountersAgree();
}

TEST_P(OrganizationUseCasesTest, MoveRewritesPathsAndCounters) {
  Organization region = Make("新疆维吾尔自治区团委");
  Organization karamay = Make("克拉玛依市团委", &region);
  Organization urumqi = Make("乌鲁木齐市团委", &region);
  Organization street = Make("天山街道团工委", &karamay, "working_committee", "street");
  Organization branch = Make("风云社区团支部", &street, "branch", "community");
  ASSERT_TRUE(
      db().Write([&](storage::Transaction& tx) { return AdjustCounter(tx, branch.id, counter::kMembers, 5); }).ok());
  auth::Actor admin = AdminOn(region);
  auto moved = MoveOrganization(ctx(), {admin, "m"}, street.id, urumqi.id);
  ASSERT_TRUE(moved.ok()) << moved.status().message();
  EXPECT_EQ(moved->path, urumqi.path + std::to_string(street.id) + "/");
  auto b = GetOrganization(ctx(), admin, branch.id);
  EXPECT_EQ(b->organization.path, moved->path + std::to_string(branch.id) + "/");
  EXPECT_EQ(b->organization.depth, 3);
  EXPECT_EQ(Subtree(karamay.id, counter::kOrganizations), 1);
  EXPECT_EQ(Subtree(urumqi.id, counter::kOrganizations), 3);
  EXPECT_EQ(Subtree(urumqi.id, counter::kMembers), 5);
  EXPECT_EQ(Subtree(karamay.id, counter::kMembers), 0);
  EXPECT_EQ(Subtree(region.id, counter::kMembers), 5);
  // Cycles, unknown parents and archived parents are refused.
  EXPECT_TRUE(FailsOn(MoveOrganization(ctx(), {admin, ""}, street.id, branch.id).status(), StatusCode::kInvalid,
                      "new_parent_id"));
  EXPECT_TRUE(FailsOn(MoveOrganization(ctx(), {admin, ""}, street.id, street.id).status(), StatusCode::kInvalid,
                      "new_parent_id"));
  EXPECT_TRUE(
      FailsOn(MoveOrganization(ctx(), {admin, ""}, street.id, 99999).status(), StatusCode::kInvalid, "new_parent_id"));
  // Only an admin over both ends may move; becoming a root needs a root admin.
  EXPECT_TRUE(FailsOn(MoveOrganization(ctx(), {AdminOn(urumqi), ""}, street.id, karamay.id).status(),
                      StatusCode::kInvalid, "new_parent_id"));
  EXPECT_TRUE(FailsOn(MoveOrganization(ctx(), {AdminOn(urumqi), ""}, street.id, std::nullopt).status(),
                      StatusCode::kForbidden));
  auto root = MoveOrganization(ctx(), {admin, ""}, street.id, std::nullopt);
  ASSERT_TRUE(root.ok());
  EXPECT_EQ(root->path, "/" + std::to_string(street.id) + "/");
  EXPECT_EQ(Subtree(region.id, counter::kMembers), 0);
  ExpectCountersAgree();
}

TS_INSTANTIATE_FOR_DATABASES(OrganizationUseCasesTest);

}  // namespace
}  // namespace tianshan::organizations::testing
