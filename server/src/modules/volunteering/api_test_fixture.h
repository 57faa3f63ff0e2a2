#pragma once
// Test support for the volunteering API tests (included by *_test.cc only): an in-process
// server on each database with a small organization tree, people, accounts, and helpers that
// build teams, projects and shifts through the HTTP API.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/messages.h"
#include "modules/organizations/create_organization.h"
#include "modules/people/create_person.h"
#include "testing/test_server.h"

namespace tianshan::volunteering::testing {

using ::tianshan::testing::HttpClient;
using ::tianshan::testing::HttpResult;

inline constexpr int64_t kHourMs = 3600LL * 1000;

class VolunteeringApiTest : public ::tianshan::testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    root_ = MakeOrg("测试市团委", std::nullopt, "committee", "government");
    street_ = MakeOrg("测试街道团工委", root_, "working_committee", "street");
    branch_ = MakeOrg("测试社区团支部", street_, "branch", "community");
    other_root_ = MakeOrg("旁支团委", std::nullopt, "committee", "government");
    ASSERT_GT(branch_.id, 0);
    admin_id_ = server().CreateAccount("vol-admin", {{root_.id, auth::Role::kCommitteeAdmin}});
    ASSERT_GT(admin_id_, 0);
    outsider_id_ = server().CreateAccount("vol-outsider", {{other_root_.id, auth::Role::kCommitteeAdmin}});
  }

  AppContext& ctx() { return server().app().context(); }

  organizations::Organization MakeOrg(const std::string& name, const std::optional<organizations::Organization>& parent,
                                      const std::string& kind, const std::string& setting) {
    organizations::CreateOrganizationInput in;
    if (parent) in.parent_id = parent->id;
    in.fields.name = name;
    in.fields.kind = kind;
    in.fields.setting = setting;
    auto r = ctx().db.Write([&](storage::Transaction& tx) {
      return organizations::CreateOrganizationUnchecked(tx, ctx(), std::nullopt, in, "test");
    });
    EXPECT_TRUE(r.ok()) << r.status().message() << " " << r.status().detail();
    return r.ok() ? *r : organizations::Organization{};
  }

  // Young people attached to the branch; returns their ids.
  std::vector<int64_t> MakePeople(int n, const std::string& birth_date = "2000-01-01",
                                  const std::string& prefix = "志愿者") {
    std::vector<int64_t> ids;
    Status s = ctx().db.Write([&](storage::Transaction& tx) -> Status {
      for (int i = 0; i < n; ++i) {
        people::CreatePersonInput in;
        in.fields.name = prefix + std::to_string(++people_made_);
        in.fields.gender = i % 2 ? "female" : "male";
        in.fields.birth_date = birth_date;
        in.organization_id = branch_.id;
        TS_ASSIGN_OR_RETURN(int64_t id, people::InsertPersonUnchecked(tx, ctx(), in, branch_.path, true));
        ids.push_back(id);
      }
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message() << " " << s.detail();
    return ids;
  }

  // An account for `person_id` (no grants), logged in.
  std::unique_ptr<HttpClient> VolunteerClient(int64_t person_id, const std::string& login = "") {
    std::string name = login.empty() ? "vol-" + std::to_string(person_id) : login;
    EXPECT_GT(server().CreateAccount(name, {}, person_id), 0);
    return LoggedIn(name, "password-123");
  }
  std::unique_ptr<HttpClient> Admin() { return LoggedIn("vol-admin", "password-123"); }

  std::string At(int64_t offset_ms) { return FormatUtc(server().clock().NowMillis() + offset_ms); }

  // A recruiting project of the branch (via the API as admin).
  int64_t MakeProject(HttpClient& admin, const std::string& title = "社区便民服务日",
                      std::optional<int64_t> team_id = std::nullopt) {
    nlohmann::json body = {{"title", title}, {"category", "community"}, {"location", "测试社区"}};
    if (team_id) {
      body["team_id"] = *team_id;
    } else {
      body["organization_id"] = branch_.id;
    }
    auto p = admin.Post("/api/v1/volunteering/projects", body);
    EXPECT_EQ(p.status, 201) << p.body;
    int64_t id = p.json().value("id", int64_t{0});
    EXPECT_EQ(admin
                  .Post("/api/v1/volunteering/projects/" + std::to_string(id) + "/status",
                        nlohmann::json{{"status", "recruiting"}})
                  .status,
              200);
    return id;
  }

  int64_t MakeShift(HttpClient& admin, int64_t project_id, int capacity, int64_t start_offset_ms,
                    int64_t length_ms = 3 * kHourMs, std::optional<int> min_age = std::nullopt) {
    nlohmann::json body = {{"starts_at", At(start_offset_ms)},
                           {"ends_at", At(start_offset_ms + length_ms)},
                           {"capacity", capacity},
                           {"role", "志愿者"}};
    if (min_age) body["min_age"] = *min_age;
    auto s = admin.Post("/api/v1/volunteering/projects/" + std::to_string(project_id) + "/shifts", body);
    EXPECT_EQ(s.status, 201) << s.body;
    return s.json().value("id", int64_t{0});
  }

  static std::string ShiftPath(int64_t shift_id, const std::string& tail) {
    return "/api/v1/volunteering/shifts/" + std::to_string(shift_id) + tail;
  }

  // True when the problem's detail or one of its field messages is the zh-CN text of `key`.
  static ::testing::AssertionResult Says(const HttpResult& r, const std::string& key) {
    std::string text = Translate(Lang::kZh, key, "\x01");
    if (auto pos = text.find('\x01'); pos != std::string::npos) text = text.substr(0, pos);
    auto j = r.json();
    auto starts = [&](const std::string& s) { return s.rfind(text, 0) == 0; };
    if (j.is_object()) {
      if (starts(j.value("detail", ""))) return ::testing::AssertionSuccess();
      if (j.contains("errors")) {
        for (const auto& e : j["errors"]) {
          if (starts(e.value("message", ""))) return ::testing::AssertionSuccess();
        }
      }
    }
    return ::testing::AssertionFailure() << "expected " << key << " (" << text << "), got " << r.status << " "
                                         << r.body;
  }

  organizations::Organization root_, street_, branch_, other_root_;
  int64_t admin_id_ = 0;
  int64_t outsider_id_ = 0;
  int people_made_ = 0;
};

}  // namespace tianshan::volunteering::testing
