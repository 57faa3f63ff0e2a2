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

TEST_P(ServicesFeedbackApiTest, MedianFirstResponseAndCompletionRate) {
  const int64_t service = MakeService(ApplicationService("答复时长测试"));
  auto youth = LoggedIn("youth");
  auto admin = LoggedIn("karamay-admin");
  const std::string figures = "/api/v1/services/" + std::to_string(service) + "/satisfaction";
  const std::string city = "/api/v1/organizations/" + std::to_string(Karamay()) + "/satisfaction";
  const auto before = admin->Get(city).json()["total"];
  EXPECT_TRUE(admin->Get(figures).json()["median_first_response_hours"].is_null()) << "nothing answered yet";
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i) {
    auto r = youth->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                         nlohmann::json{{"answers", {{"project", "项目" + std::to_string(i)}, {"stage", "想法"}}}});
    ASSERT_EQ(r.status, 201) << r.body;
    ids.push_back(r.json()["id"]);
  }
  constexpr int64_t kHour = 3600 * 1000;
  server().clock().Advance(2 * kHour);
  admin = LoggedIn("karamay-admin"), youth = LoggedIn("youth");  // sessions end after 2 h unused
  ASSERT_EQ(admin->Post(App(ids[0], "accept"), std::string()).status, 200);
  server().clock().Advance(2 * kHour);
  admin = LoggedIn("karamay-admin"), youth = LoggedIn("youth");  // sessions end after 2 h unused
  ASSERT_EQ(admin->Post(App(ids[1], "reject"), nlohmann::json{{"reason", "不在范围"}}).status, 200);
  server().clock().Advance(6 * kHour);
  admin = LoggedIn("karamay-admin"), youth = LoggedIn("youth");  // sessions end after 2 h unused
  for (const char* verb : {"accept", "start", "complete"})
    ASSERT_EQ(admin->Post(App(ids[2], verb), std::string()).status, 200);
  ASSERT_EQ(youth->Post(App(ids[3], "withdraw"), std::string()).status, 200);
  ASSERT_EQ(admin->Post(App(ids[0], "reject"), nlohmann::json{{"reason", "后来不符合"}}).status, 200)
      << "a second answer does not change the first response";

  auto one = admin->Get(figures);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json()["applications"], 4);
  EXPECT_EQ(one.json()["answered"], 3);
  EXPECT_EQ(one.json()["median_first_response_hours"], 4.0) << "answers after 2, 4 and 10 hours";
  EXPECT_EQ(one.json()["completed"], 1);
  EXPECT_EQ(one.json()["closed"], 4) << "completed, two rejected, withdrawn";
  EXPECT_DOUBLE_EQ(one.json()["completion_rate"].get<double>(), 0.25);

  auto after = admin->Get(city);
  ASSERT_EQ(after.status, 200);
  const auto total = after.json()["total"];
  EXPECT_EQ(total["applications"].get<int64_t>() - before["applications"].get<int64_t>(), 4) << "rolled up";
  EXPECT_EQ(total["completed"].get<int64_t>() - before["completed"].get<int64_t>(), 1);
  EXPECT_EQ(total["closed"].get<int64_t>() - before["closed"].get<int64_t>(), 4);
  bool listed = false;
  const auto rows = after.json()["services"];
  for (const auto& s : rows) {
    if (s["service_id"] != service) continue;
    listed = true;
    EXPECT_EQ(s["figures"]["median_first_response_hours"], 4.0);
    EXPECT_EQ(s["figures"]["count"], 0) << "listed for its applications, not rated";
  }
  EXPECT_TRUE(listed) << after.body;
  EXPECT_FALSE(before["median_first_response_hours"].is_null()) << "the demo's answered applications";
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

TS_INSTANTIATE_FOR_DATABASES(ServicesFeedbackApiTest);

}  // namespace
}  // namespace tianshan::testing
