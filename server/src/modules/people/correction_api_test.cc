// Corrections of name and identity number: requested by the branch, decided by an admin of a
// committee above it, before and after in the audit log — on SQLite and PostgreSQL.

#include "modules/people/people_test_support.h"

namespace tianshan::testing {
namespace {

class CorrectionApiTest : public PeopleApiTestBase {};

TEST_P(CorrectionApiTest, BranchRequestsAndAdminAboveApproves) {
  auto sec = As("sec-a");
  const std::string old_id = TestIdentity("19980101", 1);
  int64_t person = CreateMember(*sec, "错名字", old_id, "A");
  const std::string new_id = TestIdentity("19980102", 2);
  auto req = sec->Post("/api/v1/people/" + std::to_string(person) + "/corrections",
                       nlohmann::json{{"name", "对名字"}, {"identity_number", new_id}, {"reason", "户口簿为准"}});
  ASSERT_EQ(req.status, 201) << req.body;
  int64_t id = req.json()["id"];
  EXPECT_NE(req.json()["new_identity_number"], new_id) << "the secretary sees identity numbers masked";
  EXPECT_EQ(sec->Post("/api/v1/people/" + std::to_string(person) + "/corrections",
                      nlohmann::json{{"name", "别的"}, {"reason", "x"}})
                .status,
            409);

  auto pending = As("city-admin")->Get("/api/v1/organizations/" + std::to_string(Org("C")) + "/corrections");
  ASSERT_EQ(pending.status, 200) << pending.body;
  ASSERT_EQ(pending.json()["items"].size(), 1u);
  EXPECT_EQ(pending.json()["items"][0]["new_identity_number"], new_id);
  EXPECT_EQ(pending.json()["items"][0]["can"], (nlohmann::json{{"approve", true}, {"reject", true}}));
  auto own = sec->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/corrections").json();
  EXPECT_EQ(own["items"][0]["can"], (nlohmann::json{{"approve", false}, {"reject", false}}))
      << "the branch does not decide its own request";
  EXPECT_EQ(As("sec-b")->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/corrections").status, 404);

  const std::string approve = "/api/v1/corrections/" + std::to_string(id) + "/approve";
  EXPECT_EQ(sec->Post(approve, std::string()).status, 403) << "the branch cannot approve its own request";
  EXPECT_EQ(As("admin-d")->Post(approve, std::string()).status, 404);
  auto ok = As("street-admin")->Post(approve, std::string());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["status"], "approved");
  auto now = As("street-admin")->Get("/api/v1/people/" + std::to_string(person)).json();
  EXPECT_EQ(now["name"], "对名字");
  EXPECT_EQ(now["identity_number"], new_id);
  EXPECT_EQ(now["birth_date"], "1998-01-02") << "the birth date follows the identity number";
  EXPECT_EQ(As("street-admin")->Post(approve, std::string()).status, 409);

  auto audit = server().app().db().Read([&](storage::Transaction& tx) {
    return tx.Query("SELECT before_json, after_json FROM audit_entries WHERE action = 'person.correct'");
  });
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_NE((*audit)[0].Text(0).find("错名字"), std::string::npos);
  EXPECT_NE((*audit)[0].Text(1).find("对名字"), std::string::npos);
  EXPECT_EQ((*audit)[0].Text(1).find(new_id), std::string::npos) << "identity numbers are masked in the audit log";
}

TEST_P(CorrectionApiTest, AdminOnTheBranchItselfIsNotAboveIt) {
  ASSERT_GT(server().CreateAccount("branch-admin", {{Org("A"), auth::Role::kCommitteeAdmin}}), 0);
  auto sec = As("sec-a");
  int64_t person = CreateMember(*sec, "甲示例", TestIdentity("19970101", 5), "A");
  auto req = sec->Post("/api/v1/people/" + std::to_string(person) + "/corrections",
                       nlohmann::json{{"name", "乙示例"}, {"reason", "笔误"}});
  ASSERT_EQ(req.status, 201);
  const std::string base = "/api/v1/corrections/" + std::to_string(req.json()["id"].get<int64_t>());
  EXPECT_EQ(As("branch-admin")->Post(base + "/approve", std::string()).status, 403);
  EXPECT_EQ(As("city-admin")->Post(base + "/reject", nlohmann::json{{"reason", ""}}).status, 422);
  auto rejected = As("city-admin")->Post(base + "/reject", nlohmann::json{{"reason", "无证明材料"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["decision_reason"], "无证明材料");
  EXPECT_EQ(As("city-admin")->Get("/api/v1/people/" + std::to_string(person)).json()["name"], "甲示例");
}

TEST_P(CorrectionApiTest, BadCorrectionInput) {
  auto sec = As("sec-a");
  const std::string taken = TestIdentity("19960101", 9);
  CreateMember(*sec, "丙示例", taken, "A");
  int64_t person = CreateMember(*sec, "丁示例", TestIdentity("19960102", 10), "A");
  const std::string path = "/api/v1/people/" + std::to_string(person) + "/corrections";
  EXPECT_EQ(sec->Post(path, nlohmann::json{{"reason", "x"}}).status, 422);
  std::string bad = TestIdentity("19960103", 11);
  bad.back() = bad.back() == '3' ? '4' : '3';
  auto checksum = sec->Post(path, nlohmann::json{{"identity_number", bad}, {"reason", "x"}});
  EXPECT_EQ(checksum.status, 422);
  EXPECT_EQ(checksum.error_fields(), std::vector<std::string>{"identity_number"});
  auto dup = sec->Post(path, nlohmann::json{{"identity_number", taken}, {"reason", "x"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(sec->Post("/api/v1/people/zz/corrections", nlohmann::json{{"name", "x"}, {"reason", "x"}}).status, 400);
  EXPECT_EQ(sec->Post("/api/v1/corrections/0/approve", std::string()).status, 400);
  EXPECT_EQ(CountRows("people_corrections"), 0);
}

TS_INSTANTIATE_FOR_DATABASES(CorrectionApiTest);

}  // namespace
}  // namespace tianshan::testing
