// Messages and ratings on applications, and the satisfaction figures, through the API on SQLite
// and PostgreSQL: both sides write and are told, outsiders see nothing, a rating only after
// completion and once, bad input names its field and changes nothing, figures per service and
// rolled up the tree from maintained counts.

#include "modules/services/services_api_test_fixture.h"

namespace tianshan::testing {
namespace {

class ServicesFeedbackApiTest : public ServicesApiTest {
 protected:
  static std::string App(int64_t id, const std::string& verb) {
    return "/api/v1/applications/" + std::to_string(id) + "/" + verb;
  }
  static int Linked(HttpClient& c, const std::string& link) {
    int n = 0;
    const auto items = c.Get("/api/v1/notifications").json()["items"];
    for (const auto& item : items) n += item["link"] == link;
    return n;
  }
};

TEST_P(ServicesFeedbackApiTest, MessagesBothWaysSeenOnlyByThoseInvolved) {
  const int64_t service = MakeService(ApplicationService("留言测试"));
  auto youth = LoggedIn("youth");
  auto admin = LoggedIn("karamay-admin");
  auto applied = youth->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                             nlohmann::json{{"answers", {{"project", "社区书屋"}, {"stage", "想法"}}}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  const int64_t id = applied.json()["id"];
  EXPECT_EQ(applied.json()["can"]["message"], true);

  auto asked = admin->Post(App(id, "messages"), nlohmann::json{{"body", "请补充团队成员的情况"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["messages"][0]["side"], "handler");
  const std::string page = "/app/services/applications/" + std::to_string(id);
  EXPECT_EQ(Linked(*youth, page), 1) << "the applicant is told";
  auto answered = youth->Post(App(id, "messages"), nlohmann::json{{"body", "三人，都是社区青年"}});
  ASSERT_EQ(answered.status, 201) << answered.body;
  EXPECT_EQ(answered.json()["messages"].size(), 2u);
  EXPECT_EQ(answered.json()["messages"][1]["side"], "applicant");
  EXPECT_EQ(Linked(*admin, page), 1) << "the handling organization is told";

  EXPECT_EQ(LoggedIn("member")->Post(App(id, "messages"), nlohmann::json{{"body", "x"}}).status, 404)
      << "another person sees nothing";
  EXPECT_EQ(LoggedIn("cadre")->Post(App(id, "messages"), nlohmann::json{{"body", "x"}}).status, 403)
      << "a cadre reads, does not handle";
  auto empty = youth->Post(App(id, "messages"), nlohmann::json{{"body", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_EQ(empty.error_fields(), (std::vector<std::string>{"body"}));
  auto read = LoggedIn("cadre")->Get("/api/v1/applications/" + std::to_string(id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["messages"].size(), 2u) << "nothing changed";
  EXPECT_EQ(read.json()["can"]["message"], false);

  ASSERT_EQ(youth->Post(App(id, "withdraw"), std::string()).status, 200);
  EXPECT_EQ(admin->Post(App(id, "messages"), nlohmann::json{{"body", "还在吗"}}).status, 409) << "withdrawn";
}

TEST_P(ServicesFeedbackApiTest, RatingAfterCompletionOnceAndFigures) {
  const int64_t service = MakeService(ApplicationService("评价测试"));
  auto youth = LoggedIn("youth");
  auto admin = LoggedIn("karamay-admin");
  const int64_t id = youth
                         ->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                                nlohmann::json{{"answers", {{"project", "非遗"}, {"stage", "筹备"}}}})
                         .json()["id"];
  const nlohmann::json five = {{"score", 5}, {"comment", "导师很耐心"}};
  EXPECT_EQ(youth->Post(App(id, "rating"), five).status, 409) << "not before completion";
  for (const char* verb : {"accept", "start", "complete"})
    ASSERT_EQ(admin->Post(App(id, verb), std::string()).status, 200);
  EXPECT_EQ(admin->Post(App(id, "rating"), five).status, 403) << "the applicant rates";
  EXPECT_EQ(LoggedIn("member")->Post(App(id, "rating"), five).status, 404);
  auto bad = youth->Post(App(id, "rating"), nlohmann::json{{"score", 6}, {"comment", std::string(501, 'x')}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"score", "comment"}));
  const std::string figures = "/api/v1/services/" + std::to_string(service) + "/satisfaction";
  EXPECT_EQ(admin->Get(figures).json()["count"], 0) << "nothing changed";

  auto rated = youth->Post(App(id, "rating"), five);
  ASSERT_EQ(rated.status, 200) << rated.body;
  EXPECT_EQ(rated.json()["rating"]["score"], 5);
  EXPECT_EQ(rated.json()["rating"]["comment"], "导师很耐心");
  EXPECT_EQ(rated.json()["can"]["rate"], false);
  EXPECT_EQ(youth->Post(App(id, "rating"), nlohmann::json{{"score", 1}}).status, 409) << "once";

  auto one = admin->Get(figures);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()["count"], 1);
  EXPECT_EQ(one.json()["average"], 5.0);
  EXPECT_EQ(one.json()["distribution"], nlohmann::json({0, 0, 0, 0, 1}));
  EXPECT_EQ(youth->Get(figures).status, 404);
  auto city = admin->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/satisfaction");
  ASSERT_EQ(city.status, 200) << city.body;
  bool listed = false;
  const auto rows = city.json()["services"];
  for (const auto& s : rows) listed = listed || (s["service_id"] == service && s["figures"]["count"] == 1);
  EXPECT_TRUE(listed) << city.body;
  auto region_admin = LoggedIn("region-admin");
  const int64_t parent =
      region_admin->Get("/api/v1/organizations/" + std::to_string(Karamay())).json()["parent_id"].get<int64_t>();
  auto above = region_admin->Get("/api/v1/organizations/" + std::to_string(parent) + "/satisfaction");
  ASSERT_EQ(above.status, 200) << above.body;
  EXPECT_EQ(above.json()["total"]["distribution"][4], city.json()["total"]["distribution"][4]) << "rolled up the tree";
  EXPECT_GE(city.json()["total"]["count"].get<int64_t>(), 1);
  EXPECT_EQ(admin->Get("/api/v1/organizations/" + std::to_string(parent) + "/satisfaction").status, 404)
      << "not above the grant";
  EXPECT_EQ(youth->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/satisfaction").status, 404);
  auto sheet = admin->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/satisfaction/export");
  ASSERT_EQ(sheet.status, 200) << sheet.body;
  EXPECT_EQ(sheet.body.substr(0, 2), "PK") << "an .xlsx";
  EXPECT_EQ(youth->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/satisfaction/export").status, 404);
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

TS_INSTANTIATE_FOR_DATABASES(ServicesFeedbackApiTest);

}  // namespace
}  // namespace tianshan::testing
