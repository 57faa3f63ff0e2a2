#pragma once
// The organizations API tests' fixture: a server with the demo network and, by name, the ids of
// the demo organizations the tests use.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "testing/demo_api_test.h"

namespace tianshan::testing {

using nlohmann::json;

class OrganizationsApiTest : public DemoApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto admin = LoggedIn("region-admin");
    auto found = [&](const std::string& q) {
      auto r = admin->Get("/api/v1/organizations/search?q=" + q);
      EXPECT_EQ(r.status, 200) << r.body;
      auto page = r.json();  // keep the document alive for the loop
      for (const auto& item : page["items"]) ids_[item["name"].get<std::string>()] = item["id"].get<int64_t>();
    };
    // Percent-encoded UTF-8: 克拉玛依 / 风云社区 / 天山街道 / 新疆维吾尔 / 乌鲁木齐.
    for (const char* q : {"%E5%85%8B%E6%8B%89%E7%8E%9B%E4%BE%9D", "%E9%A3%8E%E4%BA%91%E7%A4%BE%E5%8C%BA",
                          "%E5%A4%A9%E5%B1%B1%E8%A1%97%E9%81%93", "%E6%96%B0%E7%96%86%E7%BB%B4%E5%90%BE%E5%B0%94",
                          "%E4%B9%8C%E9%B2%81%E6%9C%A8%E9%BD%90"}) {
      found(q);
    }
    ASSERT_TRUE(ids_.count("克拉玛依市团委") && ids_.count("风云社区团支部") && ids_.count("天山街道团工委") &&
                ids_.count("新疆维吾尔自治区团委") && ids_.count("乌鲁木齐市团委"));
  }
  std::string Org(const std::string& name, const std::string& suffix = "") {
    return "/api/v1/organizations/" + std::to_string(ids_.at(name)) + suffix;
  }
  int64_t Count(HttpClient& c, const std::string& name) {
    return c.Get(Org(name, "/stats")).json()["subtree"]["organizations"].get<int64_t>();
  }
  std::map<std::string, int64_t> ids_;
};

}  // namespace tianshan::testing
