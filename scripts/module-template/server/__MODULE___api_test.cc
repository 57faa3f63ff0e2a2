// The __MODULE__ module through the API on SQLite and PostgreSQL, with the demo network:
// create, list, read; field errors; 403 for a role that may read but not manage; 404 outside
// the caller's subtree.

#include <gtest/gtest.h>

#include "testing/test_server.h"

namespace tianshan::testing {
namespace {

class __Module__ApiTest : public ApiTest {
 protected:
  TestServerOptions Options() const override { return {.demo = true}; }
  int64_t Org(const std::string& name) {
    auto r = LoggedIn("region-admin")->Get("/api/v1/organizations/directory?q=" + name);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"][0]["id"];
  }
  std::string Path(int64_t org) { return "/api/v1/organizations/" + std::to_string(org) + "/__MODULE__"; }
};

TEST_P(__Module__ApiTest, CreateListAndRead) {
  const int64_t karamay = Org("%E5%85%8B%E6%8B%89%E7%8E%9B%E4%BE%9D%E5%B8%82%E5%9B%A2%E5%A7%94");  // 克拉玛依市团委
  auto admin = LoggedIn("karamay-admin");
  auto created = admin->Post(Path(karamay), nlohmann::json{{"name", "示例一"}, {"note", "备注"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["name"], "示例一");
  EXPECT_EQ(created.json()["can"]["edit"], true);
  ASSERT_EQ(admin->Post(Path(karamay), nlohmann::json{{"name", "示例二"}}).status, 201);
  EXPECT_EQ(admin->Post(Path(karamay), nlohmann::json{{"name", "示例一"}}).status, 409) << "names are unique";

  auto page = admin->Get(Path(karamay) + "?limit=1");
  ASSERT_EQ(page.status, 200) << page.body;
  ASSERT_EQ(page.json()["items"].size(), 1u);
  std::string cursor = page.json()["next_cursor"];
  auto rest = admin->Get(Path(karamay) + "?limit=1&cursor=" + cursor);
  ASSERT_EQ(rest.json()["items"].size(), 1u);
  EXPECT_EQ(rest.json()["items"][0]["name"], "示例二");
  EXPECT_EQ(admin->Get(Path(karamay) + "?q=%E4%BA%8C").json()["items"].size(), 1u);  // 二
  EXPECT_EQ(admin->Get(Path(karamay) + "?q=%25").json()["items"].size(), 0u) << "% is not a wildcard";

  int64_t id = created.json()["id"];
  auto cadre = LoggedIn("cadre");
  auto read = cadre->Get("/api/v1/__MODULE__/" + std::to_string(id));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["can"]["edit"], false) << "a cadre reads but does not manage";
  EXPECT_EQ(cadre->Post(Path(karamay), nlohmann::json{{"name", "示例三"}}).status, 403);
}

TEST_P(__Module__ApiTest, BadInputAndOtherSubtrees) {
  const int64_t karamay = Org("%E5%85%8B%E6%8B%89%E7%8E%9B%E4%BE%9D%E5%B8%82%E5%9B%A2%E5%A7%94");
  const int64_t urumqi = Org("%E4%B9%8C%E9%B2%81%E6%9C%A8%E9%BD%90%E5%B8%82%E5%9B%A2%E5%A7%94");  // 乌鲁木齐市团委
  auto admin = LoggedIn("karamay-admin");
  auto bad = admin->Post(Path(karamay), nlohmann::json{{"name", ""}, {"color", "red"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"name", "color"}));
  EXPECT_EQ(admin->Get(Path(karamay) + "?limit=0").status, 422);
  EXPECT_EQ(admin->Get("/api/v1/organizations/abc/__MODULE__").status, 400);
  EXPECT_EQ(admin->Post(Path(urumqi), nlohmann::json{{"name", "外部"}}).status, 404) << "outside the grant";
  EXPECT_EQ(admin->Get(Path(urumqi)).status, 404);
  auto region = LoggedIn("region-admin");
  auto theirs = region->Post(Path(urumqi), nlohmann::json{{"name", "乌鲁木齐的"}});
  ASSERT_EQ(theirs.status, 201);
  int64_t id = theirs.json()["id"];
  EXPECT_EQ(admin->Get("/api/v1/__MODULE__/" + std::to_string(id)).status, 404);
  EXPECT_EQ(LoggedIn("youth")->Get(Path(karamay)).status, 404);
}

TS_INSTANTIATE_FOR_DATABASES(__Module__ApiTest);

}  // namespace
}  // namespace tianshan::testing
