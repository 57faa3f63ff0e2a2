// API tests of coverage across a subtree: the units list with scope=subtree (the "uncovered"
// filter of a whole area), the per-child coverage table from the counters, and both exports —
// through a real HTTP client on SQLite and PostgreSQL with the demo network (天山街道团工委 holds
// four units, two of them covered, under 克拉玛依区团委; 克拉玛依市团委 one covered park).
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "core/tables/table.h"
#include "modules/organizations/organizations_api_test_fixture.h"

namespace tianshan::testing {
namespace {

class CoverageApiTest : public OrganizationsApiTest {
 protected:
  // Every unit of the list at `url` (which ends in a query), walking its pages.
  std::vector<json> All(HttpClient& client, const std::string& url) {
    std::vector<json> items;
    std::string next = url;
    for (int guard = 0; guard < 50; ++guard) {
      auto r = client.Get(next);
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200) break;
      auto page = r.json();
      for (const auto& item : page["items"]) items.push_back(item);
      if (page["next_cursor"].is_null()) break;
      next = url + "&cursor=" + page["next_cursor"].get<std::string>();
    }
    return items;
  }
  static std::set<std::string> Names(const std::vector<json>& items) {
    std::set<std::string> out;
    for (const auto& i : items) out.insert(i["name"].get<std::string>());
    return out;
  }
  static std::set<std::string> Column(const tables::Table& t, size_t column) {
    std::set<std::string> out;
    for (size_t r = 1; r < t.rows.size(); ++r) out.insert(t.rows[r].size() > column ? t.rows[r][column].text : "");
    return out;
  }
};

TEST_P(CoverageApiTest, TheUncoveredFilterListsTheUncoveredUnitsOfTheWholeSubtree) {
  auto admin = LoggedIn("karamay-admin");
  // Registered at the city itself: only the covered park; nothing uncovered there.
  EXPECT_TRUE(All(*admin, Org("克拉玛依市团委", "/coverage-units?covered=false")).empty());
  auto uncovered = All(*admin, Org("克拉玛依市团委", "/coverage-units?covered=false&scope=subtree&limit=1"));
  ASSERT_EQ(Names(uncovered), (std::set<std::string>{"乐龄社工服务社", "克拉玛依佳福物业服务有限公司"}));
  EXPECT_LT(uncovered[0]["id"].get<int64_t>(), uncovered[1]["id"].get<int64_t>()) << "by id, one per page";
  for (const auto& u : uncovered) {
    EXPECT_EQ(u["organization_name"], "天山街道团工委") << "where the unit is registered";
    EXPECT_TRUE(u["covered_by_name"].is_null());
    EXPECT_FALSE(u["covered"].get<bool>());
  }
  auto covered = All(*admin, Org("克拉玛依市团委", "/coverage-units?covered=true&scope=subtree"));
  EXPECT_EQ(covered.size(), 3u);
  std::set<std::string> covering;
  for (const auto& u : covered) covering.insert(u["covered_by_name"].get<std::string>());
  EXPECT_TRUE(covering.count("克拉玛依高新技术产业开发区团工委")) << "the covering organization by name";
  EXPECT_EQ(All(*admin, Org("克拉玛依市团委", "/coverage-units?scope=subtree")).size(), 5u);
  EXPECT_EQ(All(*admin, Org("克拉玛依市团委", "/coverage-units?scope=own")).size(), 1u);

  // A unit of a sibling city is in the region's list, not in 克拉玛依's.
  auto region = LoggedIn("region-admin");
  auto other = region->Post(Org("乌鲁木齐市团委", "/coverage-units"),
                            json{{"name", "乌鲁木齐某科技公司"}, {"kind", "non_public_enterprise"}});
  ASSERT_EQ(other.status, 201) << other.body;
  EXPECT_EQ(All(*admin, Org("克拉玛依市团委", "/coverage-units?covered=false&scope=subtree")).size(), 2u);
  EXPECT_EQ(Names(All(*region, Org("新疆维吾尔自治区团委", "/coverage-units?covered=false&scope=subtree"))),
            (std::set<std::string>{"乐龄社工服务社", "克拉玛依佳福物业服务有限公司", "乌鲁木齐某科技公司"}));

  // Linking a unit takes it out of the filter at once.
  auto linked = admin->Patch("/api/v1/coverage-units/" + std::to_string(uncovered[0]["id"].get<int64_t>()),
                             {{"covered_by_organization_id", ids_.at("风云社区团支部")}});
  ASSERT_EQ(linked.status, 200) << linked.body;
  EXPECT_EQ(All(*admin, Org("克拉玛依市团委", "/coverage-units?covered=false&scope=subtree")).size(), 1u);
}

TEST_P(CoverageApiTest, TheSubtreeListKeepsToTheCallersScopeAndRefusesBadInput) {
  const std::string city = Org("克拉玛依市团委", "/coverage-units?covered=false&scope=subtree");
  EXPECT_EQ(LoggedIn("cadre")->Get(city).status, 200) << "a cadre of the city reads its coverage";
  EXPECT_EQ(LoggedIn("branch-secretary")->Get(city).status, 404) << "the city is above the branch";
  EXPECT_EQ(LoggedIn("karamay-admin")->Get(Org("乌鲁木齐市团委", "/coverage-units?scope=subtree")).status, 404)
      << "a sibling city";
  EXPECT_EQ(LoggedIn("member")->Get(Org("风云社区团支部", "/coverage-units?scope=subtree")).status, 403);
  EXPECT_EQ(LoggedIn("youth")->Get(Org("风云社区团支部", "/coverage-units?scope=subtree")).status, 403);
  EXPECT_EQ(Client()->Get(city).status, 401);
  auto admin = LoggedIn("karamay-admin");
  auto bad = admin->Get(Org("克拉玛依市团委", "/coverage-units?scope=everything&covered=maybe"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"covered", "scope"}));
  EXPECT_EQ(admin->Get("/api/v1/organizations/abc/coverage-units?scope=subtree").status, 400);
  EXPECT_EQ(admin->Get("/api/v1/organizations/999999/coverage-units?scope=subtree").status, 404);
}

TEST_P(CoverageApiTest, ThePerChildTableComesFromTheCountersLeastCoveredFirst) {
  auto admin = LoggedIn("karamay-admin");
  auto r = admin->Get(Org("克拉玛依市团委", "/coverage-by-child"));
  ASSERT_EQ(r.status, 200) << r.body;
  auto table = r.json();
  EXPECT_FALSE(table["truncated"].get<bool>());
  const auto children = admin->Get(Org("克拉玛依市团委", "/children?limit=200&status=active")).json()["items"];
  ASSERT_EQ(table["items"].size(), children.size()) << "one row per active child";
  const auto& first = table["items"][0];
  EXPECT_EQ(first["name"], "克拉玛依区团委") << "天山街道团工委's units, one level down";
  EXPECT_EQ(first["units"], 4);
  EXPECT_EQ(first["covered"], 2);
  EXPECT_EQ(first["uncovered"], 2);
  EXPECT_EQ(first["rate"], 0.5);
  for (size_t i = 1; i < table["items"].size(); ++i) {
    EXPECT_TRUE(table["items"][i]["rate"].is_null()) << "children without units come last, rate null";
  }

  // A new child with one uncovered unit has the lowest rate and moves to the top; the figures
  // follow the write at once.
  auto child = admin->Post("/api/v1/organizations", json{{"parent_id", ids_.at("克拉玛依市团委")},
                                                         {"name", "覆盖测试区团委"},
                                                         {"kind", "committee"},
                                                         {"setting", "government"}});
  ASSERT_EQ(child.status, 201) << child.body;
  const int64_t child_id = child.json()["id"];
  ASSERT_EQ(admin
                ->Post("/api/v1/organizations/" + std::to_string(child_id) + "/coverage-units",
                       json{{"name", "白碱滩某物流公司"}, {"kind", "non_public_enterprise"}})
                .status,
            201);
  auto after = admin->Get(Org("克拉玛依市团委", "/coverage-by-child")).json()["items"];
  EXPECT_EQ(after[0]["id"], child_id);
  EXPECT_EQ(after[0]["rate"], 0.0);
  EXPECT_EQ(after[1]["name"], "克拉玛依区团委");

  // An archived child leaves the table.
  ASSERT_EQ(admin->Post("/api/v1/organizations/" + std::to_string(child_id) + "/archive", json::object()).status, 200);
  EXPECT_EQ(admin->Get(Org("克拉玛依市团委", "/coverage-by-child")).json()["items"].size(), children.size());
}

TEST_P(CoverageApiTest, ThePerChildTableKeepsToTheCallersScope) {
  EXPECT_EQ(LoggedIn("region-admin")->Get(Org("新疆维吾尔自治区团委", "/coverage-by-child")).json()["items"].size(),
            14u);
  EXPECT_EQ(LoggedIn("cadre")->Get(Org("克拉玛依市团委", "/coverage-by-child")).status, 200);
  EXPECT_EQ(LoggedIn("branch-secretary")->Get(Org("克拉玛依市团委", "/coverage-by-child")).status, 404);
  EXPECT_EQ(LoggedIn("karamay-admin")->Get(Org("新疆维吾尔自治区团委", "/coverage-by-child")).status, 404)
      << "above the city";
  EXPECT_EQ(LoggedIn("karamay-admin")->Get(Org("乌鲁木齐市团委", "/coverage-by-child")).status, 404);
  EXPECT_EQ(LoggedIn("member")->Get(Org("风云社区团支部", "/coverage-by-child")).status, 403);
  EXPECT_EQ(LoggedIn("youth")->Get(Org("风云社区团支部", "/coverage-by-child")).status, 403);
  EXPECT_EQ(Client()->Get(Org("克拉玛依市团委", "/coverage-by-child")).status, 401);
  EXPECT_EQ(LoggedIn("karamay-admin")->Get("/api/v1/organizations/abc/coverage-by-child").status, 400);
}

TEST_P(CoverageApiTest, BothTablesExportTheRowsTheListsShow) {
  auto admin = LoggedIn("karamay-admin");
  auto units = admin->Get(Org("克拉玛依市团委", "/coverage-units/export?covered=false&scope=subtree"));
  ASSERT_EQ(units.status, 200) << units.body;
  EXPECT_EQ(units.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto ut = tables::ReadXlsx(units.body);
  ASSERT_TRUE(ut.ok());
  EXPECT_EQ(ut->rows[0][0].text, "单位名称");
  EXPECT_EQ(Column(*ut, 0), (std::set<std::string>{"乐龄社工服务社", "克拉玛依佳福物业服务有限公司"}));
  EXPECT_EQ(Column(*ut, 3), (std::set<std::string>{"天山街道团工委"}));
  EXPECT_EQ(Column(*ut, 4), (std::set<std::string>{"未覆盖"}));
  auto own = tables::ReadXlsx(admin->Get(Org("克拉玛依市团委", "/coverage-units/export")).body);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(Column(*own, 0), (std::set<std::string>{"克拉玛依高新技术产业开发区"})) << "scope own by default";

  auto by_child = admin->Get(Org("克拉玛依市团委", "/coverage-by-child/export"));
  ASSERT_EQ(by_child.status, 200) << by_child.body;
  auto ct = tables::ReadXlsx(by_child.body);
  ASSERT_TRUE(ct.ok());
  const auto table = admin->Get(Org("克拉玛依市团委", "/coverage-by-child")).json()["items"];
  ASSERT_EQ(ct->rows.size(), table.size() + 1) << "a header and one row per child";
  EXPECT_EQ(ct->rows[0][0].text, "下级组织");
  EXPECT_EQ(ct->rows[1][0].text, "克拉玛依区团委") << "in the table's order";
  EXPECT_EQ(ct->rows[1][1].number, 4);
  EXPECT_EQ(ct->rows[1][3].number, 2);
  EXPECT_EQ(ct->rows[1][4].number, 0.5);

  // The same readers and the same bad input as the lists.
  EXPECT_EQ(LoggedIn("branch-secretary")->Get(Org("克拉玛依市团委", "/coverage-units/export?scope=subtree")).status,
            404);
  EXPECT_EQ(LoggedIn("branch-secretary")->Get(Org("克拉玛依市团委", "/coverage-by-child/export")).status, 404);
  EXPECT_EQ(LoggedIn("member")->Get(Org("风云社区团支部", "/coverage-by-child/export")).status, 403);
  EXPECT_EQ(LoggedIn("member")->Get(Org("风云社区团支部", "/coverage-units/export")).status, 403);
  auto bad = admin->Get(Org("克拉玛依市团委", "/coverage-units/export?scope=all"));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.error_fields(), std::vector<std::string>{"scope"});
}

TS_INSTANTIATE_FOR_DATABASES(CoverageApiTest);

}  // namespace
}  // namespace tianshan::testing
