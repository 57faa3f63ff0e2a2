#pragma once
// Test fixture shared by the people API tests (header only; compiled into tianshan_tests).
//
// The tree:  region R ─┬─ city C ── street W ─┬─ branch A
//                      │                      └─ branch B
//                      └─ city D ── branch E
// Accounts (password "password-123"): root-admin (admin on R), city-admin (admin on C),
// street-admin (admin on W), sec-a / sec-b / sec-e (branch secretaries), cadre-c (cadre on C),
// admin-d (admin on D). member-a (member on A) is created with MakeMemberAccount().

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "modules/organizations/create_organization.h"
#include "modules/people/public/person.h"
#include "testing/test_server.h"

namespace tianshan::testing {

// A valid identity number born on `birth` ("YYYYMMDD") with sequence `seq` (0..999).
inline std::string TestIdentity(const std::string& birth, int seq, const std::string& region = "650203") {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%s%03d", region.c_str(), birth.c_str(), seq % 1000);
  return std::string(buf) + people::IdentityCheckChar(buf);
}

class PeopleApiTestBase : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto& ctx = server().app().context();
    Status s = server().app().db().Write([&](storage::Transaction& tx) -> Status {
      auto make = [&](const std::string& key, std::optional<int64_t> parent, const std::string& name,
                      const std::string& kind) -> Status {
        organizations::CreateOrganizationInput in;
        in.parent_id = parent;
        in.fields.name = name;
        in.fields.kind = kind;
        in.fields.setting = kind == "branch" ? "community" : "government";
        auto org = organizations::CreateOrganizationUnchecked(tx, ctx, std::nullopt, in, "test");
        if (!org.ok()) return org.status();
        ids_[key] = org->id;
        return Status::Ok();
      };
      TS_RETURN_IF_ERROR(make("R", std::nullopt, "测试自治区团委", "committee"));
      TS_RETURN_IF_ERROR(make("C", ids_["R"], "测试甲市团委", "committee"));
      TS_RETURN_IF_ERROR(make("W", ids_["C"], "测试街道团工委", "working_committee"));
      TS_RETURN_IF_ERROR(make("A", ids_["W"], "测试甲社区团支部", "branch"));
      TS_RETURN_IF_ERROR(make("B", ids_["W"], "测试乙社区团支部", "branch"));
      TS_RETURN_IF_ERROR(make("D", ids_["R"], "测试乙市团委", "committee"));
      TS_RETURN_IF_ERROR(make("E", ids_["D"], "测试丙社区团支部", "branch"));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message() << " " << s.detail();
    using auth::Role;
    const std::vector<std::tuple<std::string, std::string, Role>> accounts = {
        {"root-admin", "R", Role::kCommitteeAdmin},
        {"city-admin", "C", Role::kCommitteeAdmin},
        {"street-admin", "W", Role::kCommitteeAdmin},
        {"sec-a", "A", Role::kBranchSecretary},
        {"sec-b", "B", Role::kBranchSecretary},
        {"sec-e", "E", Role::kBranchSecretary},
        {"cadre-c", "C", Role::kCadre},
        {"admin-d", "D", Role::kCommitteeAdmin}};
    for (const auto& [login, org, role] : accounts) {
      ASSERT_GT(server().CreateAccount(login, {{ids_[org], role}}), 0) << login;
    }
  }

  int64_t Org(const std::string& key) { return ids_.at(key); }
  std::unique_ptr<HttpClient> As(const std::string& login) { return LoggedIn(login, "password-123"); }

  nlohmann::json MemberBody(const std::string& name, const std::string& identity, const std::string& org_key,
                            const std::string& phone = "13912345678") {
    return {{"name", name},
            // The gender the number carries (its 17th digit): the server checks that they agree.
            {"gender", people::IdentityGender(identity)},
            {"birth_date", identity.substr(6, 4) + "-" + identity.substr(10, 2) + "-" + identity.substr(12, 2)},
            {"phone", phone},
            {"identity_number", identity},
            {"membership", {{"organization_id", Org(org_key)}, {"member_since", "2015-05-04"}}}};
  }
  nlohmann::json YouthBody(const std::string& name, const std::string& org_key) {
    return {{"name", name}, {"gender", "male"}, {"birth_date", "2005-03-01"}, {"organization_id", Org(org_key)}};
  }

  // Creates a member through the API as `client`; returns the person id (0 on failure).
  int64_t CreateMember(HttpClient& client, const std::string& name, const std::string& identity,
                       const std::string& org_key) {
    auto r = client.Post("/api/v1/people", MemberBody(name, identity, org_key));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json()["id"].get<int64_t>() : 0;
  }

  // self or subtree value of a counter, read through GET /organizations/{id}/stats.
  int64_t Stat(const std::string& org_key, const std::string& key, bool subtree = false) {
    // A fresh session each time: tests move the fake clock past the idle timeout.
    auto r = As("root-admin")->Get("/api/v1/organizations/" + std::to_string(Org(org_key)) + "/stats");
    EXPECT_EQ(r.status, 200) << r.body;
    const nlohmann::json side = r.json()[subtree ? "subtree" : "self"];
    return side.contains(key) ? side[key].get<int64_t>() : 0;  // a key never counted reads 0
  }

  int64_t CountRows(const std::string& table) {
    auto n = server().app().db().Read([&](storage::Transaction& tx) -> Result<int64_t> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT COUNT(*) FROM " + table));
      return row ? row->Int(0) : int64_t{0};
    });
    return n.ok() ? *n : -1;
  }

  std::vector<std::string> VerifyCounters() {
    auto d = server().app().VerifyCounters();
    EXPECT_TRUE(d.ok()) << d.status().detail();
    return d.ok() ? *d : std::vector<std::string>{"verify failed"};
  }

 private:
  std::map<std::string, int64_t> ids_;
};

}  // namespace tianshan::testing
