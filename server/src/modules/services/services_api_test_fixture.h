#pragma once
// Shared set-up of the services API tests: the demo network and helpers to make a service of
// 克拉玛依市团委. The fake clock stands at 2026-05-29 China time.

#include <gtest/gtest.h>

#include "testing/demo_api_test.h"

namespace tianshan::testing {

class ServicesApiTest : public DemoApiTest {
 protected:
  int64_t Org(const std::string& escaped_name) {
    auto r = LoggedIn("region-admin")->Get("/api/v1/organizations/directory?q=" + escaped_name);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"][0]["id"];
  }
  int64_t Karamay() { return Org("%E5%85%8B%E6%8B%89%E7%8E%9B%E4%BE%9D%E5%B8%82%E5%9B%A2%E5%A7%94"); }
  int64_t Urumqi() { return Org("%E4%B9%8C%E9%B2%81%E6%9C%A8%E9%BD%90%E5%B8%82%E5%9B%A2%E5%A7%94"); }
  static nlohmann::json ApplicationService(const std::string& name) {
    return {
        {"name", name},
        {"category", "entrepreneurship"},
        {"description", "项目诊断与导师对接"},
        {"min_age", 18},
        {"max_age", 40},
        {"delivery", "venue"},
        {"kind", "applications"},
        {"questions",
         {{{"key", "project"}, {"label", "项目简介"}, {"type", "text"}, {"required", true}},
          {{"key", "stage"}, {"label", "阶段"}, {"type", "choice"}, {"required", true}, {"options", {"想法", "筹备"}}},
          {{"key", "team"}, {"label", "团队人数"}, {"type", "number"}}}}};
  }
  static nlohmann::json ClassService(const std::string& name) {
    return {{"name", name},  {"category", "childcare"}, {"description", "暑期托管"}, {"min_age", 6},
            {"max_age", 14}, {"delivery", "venue"},     {"kind", "enrollment"}};
  }
  int64_t MakeService(const nlohmann::json& body) {
    auto r = LoggedIn("karamay-admin")->Post("/api/v1/organizations/" + std::to_string(Karamay()) + "/services", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
  }
  int64_t MakeSession(int64_t service, int capacity) {
    auto r =
        LoggedIn("karamay-admin")
            ->Post(
                "/api/v1/services/" + std::to_string(service) + "/sessions",
                nlohmann::json{
                    {"name", "7 月"}, {"starts_on", "2026-07-06"}, {"ends_on", "2026-07-31"}, {"capacity", capacity}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
  }
  static nlohmann::json Child(const std::string& name, const std::string& birth = "2017-03-01", bool consent = true) {
    return {{"participant_name", name}, {"participant_birth_date", birth}, {"guardian_consent", consent}};
  }
};

}  // namespace tianshan::testing
