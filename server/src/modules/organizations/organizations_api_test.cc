// API tests of the organizations module through a real HTTP client against the in-process
// server with the demo network, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <set>

#include "modules/organizations/organizations_api_test_fixture.h"
#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

TEST_P(OrganizationsApiTest, AdminCreatesReadsAndUpdates) {
  auto admin = LoggedIn("karamay-admin");
  json body = {{"parent_id", ids_.at("天山街道团工委")},
               {"name", "银河社区团支部"},
               {"kind", "branch"},
               {"setting", "community"},
               {"region_code", "650203"},
               {"contact_phone", "0990-6888888"},
               {"founded_on", "2016-07-17"}};
  auto created = admin->Post("/api/v1/organizations", body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto org = created.json();
  EXPECT_EQ(org["depth"], 4);
  EXPECT_EQ(org["contact_phone"], "0990-6888888");
  std::string self = "/api/v1/organizations/" + std::to_string(org["id"].get<int64_t>());
  EXPECT_EQ(admin->Get(self).json()["name"], "银河社区团支部");
  auto patched = admin->Patch(self, {{"short_name", "银河团支部"}, {"founded_on", nullptr}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["short_name"], "银河团支部");
  EXPECT_TRUE(patched.json()["founded_on"].is_null());
  EXPECT_EQ(admin->Post("/api/v1/organizations", body).status, 409) << "same name under the same parent";
}

TEST_P(OrganizationsApiTest, BadInputIsNamedAndChangesNothing) {
  auto admin = LoggedIn("karamay-admin");
  int64_t before = Count(*admin, "克拉玛依市团委");
  json good = {
      {"parent_id", ids_.at("天山街道团工委")}, {"name", "新团支部"}, {"kind", "branch"}, {"setting", "community"}};
  struct Case {
    const char* field;
    json value;
    long status;
  };
  const Case cases[] = {
      {"parent_id", 999999, 422},
      {"parent_id", "abc", 422},
      {"kind", "club", 422},
      {"setting", "moon", 422},
      {"founded_on", "2999-01-01", 422},
      {"founded_on", "2016-02-30", 422},
      {"founded_on", "17/07/2016", 422},
      {"contact_phone", "12345678901", 422},
      {"contact_phone", "0990 6888888", 422},
      {"region_code", "65", 422},
      {"surprise", true, 422},
  };
  for (const auto& c : cases) {
    json body = good;
    body[c.field] = c.value;
    auto r = admin->Post("/api/v1/organizations", body);
    EXPECT_EQ(r.status, c.status) << c.field << " " << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    auto fields = r.error_fields();
    EXPECT_TRUE(std::count(fields.begin(), fields.end(), c.field)) << c.field << " " << r.body;
  }
  // Every problem at once.
  json all = {{"name", ""}, {"kind", "club"}, {"setting", 5}, {"contact_phone", "1"}, {"extra", 1}};
  auto fields = admin->Post("/api/v1/organizations", all).error_fields();
  EXPECT_EQ(std::set<std::string>(fields.begin(), fields.end()),
            (std::set<std::string>{"name", "kind", "setting", "contact_phone", "extra"}));
  auto bad_id = admin->Get("/api/v1/organizations/abc");
  EXPECT_EQ(bad_id.status, 400);
  EXPECT_EQ(bad_id.error_fields(), std::vector<std::string>{"id"});
  EXPECT_EQ(admin->Get("/api/v1/organizations/0/children").status, 400);
  // Query values are field errors (422) like body values; a malformed path is a bad request (400).
  auto bad_query = admin->Get(Org("克拉玛依市团委", "/subtree?limit=0&kind=club"));
  EXPECT_EQ(bad_query.status, 422);
  EXPECT_EQ(bad_query.error_fields(), (std::vector<std::string>{"limit", "kind"})) << "every bad field at once";
  EXPECT_EQ(admin->Get(Org("克拉玛依市团委", "/subtree?cursor=zzz")).status, 422);
  auto duplicate = admin->Send("PATCH", Org("克拉玛依市团委", ""), R"({"address": "一", "address": "二"})",
                               {{"Content-Type", "application/json"}});
  EXPECT_EQ(duplicate.status, 422) << "a repeated key is refused, not silently resolved";
  EXPECT_EQ(duplicate.error_fields(), std::vector<std::string>{"address"});
  EXPECT_EQ(Count(*admin, "克拉玛依市团委"), before);
}

TEST_P(OrganizationsApiTest, GrantsCoverExactlyTheirSubtree) {
  auto karamay = LoggedIn("karamay-admin");
  EXPECT_EQ(karamay->Get(Org("新疆维吾尔自治区团委")).status, 404);
  EXPECT_EQ(karamay->Get(Org("乌鲁木齐市团委")).status, 404);
  EXPECT_EQ(karamay->Get(Org("乌鲁木齐市团委", "/stats")).status, 404);
  EXPECT_EQ(karamay->Post(Org("乌鲁木齐市团委", "/archive"), json::object()).status, 404);
  auto member = LoggedIn("member");
  auto branch = member->Get(Org("风云社区团支部"));
  EXPECT_EQ(branch.status, 200);
  EXPECT_EQ(member->Get(Org("天山街道团工委")).status, 404);
  EXPECT_EQ(member->Patch(Org("风云社区团支部"), {{"address", "x"}}).status, 403);
  EXPECT_EQ(member->Get(Org("风云社区团支部", "/coverage-units")).status, 403);
  auto secretary = LoggedIn("branch-secretary");
  auto updated = secretary->Patch(Org("风云社区团支部"), {{"contact_phone", "13912345678"}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json()["contact_phone"], "13912345678");
  EXPECT_EQ(member->Get(Org("风云社区团支部")).json()["contact_phone"], "139****5678");
  auto rename = secretary->Patch(Org("风云社区团支部"), {{"name", "改名"}});
  EXPECT_EQ(rename.status, 403);
  EXPECT_EQ(rename.error_fields(), std::vector<std::string>{"name"});
  auto youth = LoggedIn("youth");
  EXPECT_EQ(
      youth
          ->Post(
              "/api/v1/organizations",
              {{"parent_id", ids_.at("风云社区团支部")}, {"name", "x"}, {"kind", "branch"}, {"setting", "community"}})
          .status,
      403);
  // Search stays within grants.
  auto found = member->Get("/api/v1/organizations/search?q=%E5%9B%A2%E6%94%AF%E9%83%A8");  // 团支部
  std::set<std::string> names;
  auto found_json = found.json();
  for (const auto& item : found_json["items"]) names.insert(item["name"]);
  EXPECT_EQ(names, (std::set<std::string>{"风云社区团支部"}));
}

TEST_P(OrganizationsApiTest, MoveAndArchiveRules) {
  auto admin = LoggedIn("region-admin");
  admin->set_language("en");
  auto cycle = admin->Post(Org("克拉玛依市团委", "/move"), json{{"new_parent_id", ids_.at("天山街道团工委")}});
  EXPECT_EQ(cycle.status, 422);
  EXPECT_EQ(cycle.error_fields(), std::vector<std::string>{"new_parent_id"});
  EXPECT_EQ(admin->Post(Org("天山街道团工委", "/move"), json{{"new_parent_id", 999999}}).status, 422);
  EXPECT_EQ(admin->Post(Org("天山街道团工委", "/move"), json::object()).status, 422);
  auto archive = admin->Post(Org("天山街道团工委", "/archive"), json::object());
  EXPECT_EQ(archive.status, 409);
  EXPECT_NE(archive.json()["detail"].get<std::string>().find("active child"), std::string::npos) << archive.body;
  int64_t urumqi = Count(*admin, "乌鲁木齐市团委"), karamay = Count(*admin, "克拉玛依市团委");
  auto moved = admin->Post(Org("天山街道团工委", "/move"), json{{"new_parent_id", ids_.at("乌鲁木齐市团委")}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(Count(*admin, "乌鲁木齐市团委"), urumqi + 5);
  EXPECT_EQ(Count(*admin, "克拉玛依市团委"), karamay - 5);
  auto stats = admin->Get(Org("乌鲁木齐市团委", "/stats")).json();
  EXPECT_EQ(stats["subtree"]["coverage"]["units"], 4);
  EXPECT_EQ(stats["subtree"]["coverage"]["covered"], 2);
  EXPECT_EQ(stats["subtree"]["coverage"]["rate"], 0.5);
  auto diffs = server().app().VerifyCounters();
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty());
}

TEST_P(OrganizationsApiTest, SignedInSecretaryKeepsTheirMovedOrganization) {
  auto secretary = LoggedIn("branch-secretary");
  ASSERT_EQ(secretary->Get(Org("风云社区团支部")).status, 200);  // the session is now cached
  auto admin = LoggedIn("region-admin");
  ASSERT_EQ(admin->Post(Org("天山街道团工委", "/move"), json{{"new_parent_id", ids_.at("乌鲁木齐市团委")}}).status,
            200);
  // The grant's organization now has another path; the very next request must know it.
  auto after = secretary->Get(Org("风云社区团支部"));
  EXPECT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(secretary->Get(Org("风云社区团支部", "/people")).status, 200);
}

TEST_P(OrganizationsApiTest, StatsAreExactAfterEveryWriteAndScopedOnEveryRead) {
  auto admin = LoggedIn("karamay-admin");
  const int64_t before = Count(*admin, "天山街道团工委");  // read, now cached
  json body = {{"parent_id", ids_.at("天山街道团工委")},
               {"name", "统计缓存社区团支部"},
               {"kind", "branch"},
               {"setting", "community"}};
  ASSERT_EQ(admin->Post("/api/v1/organizations", body).status, 201);
  EXPECT_EQ(Count(*admin, "天山街道团工委"), before + 1) << "a write ends every cached figure";
  // A cached answer is still checked against the caller's grants.
  auto secretary = LoggedIn("branch-secretary");
  EXPECT_EQ(secretary->Get(Org("天山街道团工委", "/stats")).status, 404);
  EXPECT_EQ(secretary->Get(Org("风云社区团支部", "/stats")).status, 200);
}

TEST_P(OrganizationsApiTest, ListsPageWithCursors) {
  auto admin = LoggedIn("region-admin");
  std::vector<std::string> paths;
  std::string url = Org("克拉玛依市团委", "/subtree?limit=3");
  for (int i = 0; i < 10; ++i) {
    auto page = admin->Get(url);
    ASSERT_EQ(page.status, 200) << page.body;
    auto body = page.json();
    for (const auto& item : body["items"]) paths.push_back(item["path"]);
    if (body["next_cursor"].is_null()) break;
    url = Org("克拉玛依市团委", "/subtree?limit=3&cursor=" + body["next_cursor"].get<std::string>());
  }
  EXPECT_EQ(paths.size(), 11u);
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  auto children = admin->Get(Org("新疆维吾尔自治区团委", "/children?limit=200")).json();
  EXPECT_EQ(children["items"].size(), 14u);
  EXPECT_EQ(admin->Get(Org("新疆维吾尔自治区团委", "/children?limit=0")).status, 422);
  auto branches = admin->Get(Org("克拉玛依市团委", "/subtree?kind=branch&setting=community")).json();
  EXPECT_EQ(branches["items"].size(), 2u);
}

TEST_P(OrganizationsApiTest, CoverageUnits) {
  auto admin = LoggedIn("karamay-admin");
  auto uncovered = admin->Get(Org("天山街道团工委", "/coverage-units?covered=false"));
  ASSERT_EQ(uncovered.status, 200) << uncovered.body;
  ASSERT_EQ(uncovered.json()["items"].size(), 2u);
  int64_t unit = uncovered.json()["items"][0]["id"];
  auto created = admin->Post(Org("天山街道团工委", "/coverage-units"),
                             json{{"name", "乐龄社工服务社团支部筹备组"}, {"kind", "factory"}});
  EXPECT_EQ(created.status, 422);
  EXPECT_EQ(created.error_fields(), std::vector<std::string>{"kind"});
  auto linked = admin->Patch("/api/v1/coverage-units/" + std::to_string(unit),
                             {{"covered_by_organization_id", ids_.at("风云社区团支部")}});
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_TRUE(linked.json()["covered"].get<bool>());
  auto stats = admin->Get(Org("克拉玛依市团委", "/stats")).json();
  EXPECT_EQ(stats["subtree"]["coverage"]["covered"], 4);
  EXPECT_EQ(admin->Get(Org("天山街道团工委", "/coverage-units?covered=maybe")).status, 422);
  EXPECT_EQ(admin->Patch("/api/v1/coverage-units/abc", {{"name", "x"}}).status, 400);
  EXPECT_EQ(LoggedIn("cadre")->Patch("/api/v1/coverage-units/" + std::to_string(unit), {{"name", "x"}}).status, 403);
}

TEST_P(OrganizationsApiTest, ArchiveALeafAndRecordANewCoverageUnit) {
  auto admin = LoggedIn("karamay-admin");
  json body = {{"parent_id", ids_.at("天山街道团工委")},
               {"name", "待撤销社区团支部"},
               {"kind", "branch"},
               {"setting", "community"}};
  auto created = admin->Post("/api/v1/organizations", body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto archived = admin->Post(
      "/api/v1/organizations/" + std::to_string(created.json()["id"].get<int64_t>()) + "/archive", json::object());
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_EQ(archived.json()["status"], "archived");
  EXPECT_FALSE(archived.json()["can"]["organizations.create_child"].get<bool>());

  auto unit =
      admin->Post(Org("天山街道团工委", "/coverage-units"),
                  json{{"name", "天山物流园非公企业"}, {"kind", "non_public_enterprise"}, {"young_employees", 35}});
  ASSERT_EQ(unit.status, 201) << unit.body;
  EXPECT_FALSE(unit.json()["covered"].get<bool>());
  EXPECT_TRUE(unit.json()["covered_by_organization_id"].is_null());
}

TEST_P(OrganizationsApiTest, AnArchivedOrganizationIsRestoredParentFirst) {
  auto admin = LoggedIn("karamay-admin");
  const int64_t before = Count(*admin, "天山街道团工委");
  auto make = [&](int64_t parent, const std::string& name, const std::string& kind) {
    auto r = admin->Post("/api/v1/organizations",
                         json{{"parent_id", parent}, {"name", name}, {"kind", kind}, {"setting", "community"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return "/api/v1/organizations/" + std::to_string(r.json()["id"].get<int64_t>());
  };
  const std::string parent = make(ids_.at("天山街道团工委"), "恢复测试团总支", "general_branch");
  const std::string child = make(std::stoll(parent.substr(parent.rfind('/') + 1)), "恢复测试团支部", "branch");
  ASSERT_EQ(admin->Post(child + "/archive", json::object()).status, 200);
  auto archived = admin->Post(parent + "/archive", json::object());
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_TRUE(archived.json()["can"]["organizations.restore"].get<bool>());
  EXPECT_EQ(Count(*admin, "天山街道团工委"), before);

  auto early = admin->Post(child + "/restore", json::object());
  EXPECT_EQ(early.status, 409) << "the parent is archived";
  EXPECT_EQ(early.json()["detail"], "上级组织已撤销，请先恢复上级组织") << early.body;
  EXPECT_EQ(admin->Get(child).json()["status"], "archived") << "a refused restore changes nothing";
  EXPECT_EQ(LoggedIn("cadre")->Post(parent + "/restore", json::object()).status, 403);
  EXPECT_EQ(LoggedIn("branch-secretary")->Post(parent + "/restore", json::object()).status, 404)
      << "outside the secretary's branch";
  EXPECT_EQ(admin->Post("/api/v1/organizations/x/restore", json::object()).status, 400);
  EXPECT_EQ(admin->Get(parent).json()["status"], "archived");

  auto restored = admin->Post(parent + "/restore", json::object());
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json()["status"], "active");
  EXPECT_FALSE(restored.json()["can"]["organizations.restore"].get<bool>());
  EXPECT_TRUE(restored.json()["can"]["organizations.create_child"].get<bool>());
  ASSERT_EQ(admin->Post(child + "/restore", json::object()).status, 200);
  EXPECT_EQ(admin->Post(child + "/restore", json::object()).json()["status"], "active") << "restoring twice is a no-op";
  EXPECT_EQ(Count(*admin, "天山街道团工委"), before + 2) << "both count again, up the tree";

  auto audit = admin->Get("/api/v1/audit?organization_id=" + std::to_string(ids_.at("克拉玛依市团委")) +
                          "&action=organization.restore");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json()["items"].size(), 2u) << "one entry per restore that changed something";
}

TS_INSTANTIATE_FOR_DATABASES(OrganizationsApiTest);

}  // namespace
}  // namespace tianshan::testing
