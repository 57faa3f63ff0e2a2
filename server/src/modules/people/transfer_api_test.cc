// Membership transfers (组织关系转接) through the API: who may start, accept, reject and cancel;
// counts on both sides; pending lists with their age — on SQLite and PostgreSQL.

#include "modules/people/people_test_support.h"

namespace tianshan::testing {
namespace {

class TransferApiTest : public PeopleApiTestBase {
 protected:
  void SetUp() override {
    PeopleApiTestBase::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto sec = As("sec-a");
    identity_ = TestIdentity("19990909", 7);
    person_ = CreateMember(*sec, "何示例", identity_, "A");
    ASSERT_GT(person_, 0);
    ASSERT_GT(server().CreateAccount("member-a", {{Org("A"), auth::Role::kMember}}, person_), 0);
  }
  std::string TransferPath(int64_t id, const std::string& verb) {
    return "/api/v1/transfers/" + std::to_string(id) + "/" + verb;
  }
  std::string ListPath(const std::string& org, const std::string& direction) {
    return "/api/v1/organizations/" + std::to_string(Org(org)) + "/transfers?direction=" + direction;
  }
  int64_t person_ = 0;
  std::string identity_;
};

TEST_P(TransferApiTest, MemberStartsReceiverAcceptsAndCountsMoveOnBothSides) {
  auto member = As("member-a");
  auto start = member->Post("/api/v1/transfers",
                            nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}, {"note", "工作调动"}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t id = start.json()["id"];
  EXPECT_EQ(start.json()["status"], "pending");
  EXPECT_EQ(start.json()["from"]["id"], Org("A"));
  EXPECT_EQ(Stat("A", "members"), 1) << "nothing moves before acceptance";

  server().clock().Advance(3LL * 24 * 3600 * 1000 + 1000);
  member = As("member-a");  // sessions expire while idle
  auto incoming = As("admin-d")->Get(ListPath("D", "incoming"));
  ASSERT_EQ(incoming.status, 200) << incoming.body;
  ASSERT_EQ(incoming.json()["items"].size(), 1u);
  EXPECT_EQ(incoming.json()["items"][0]["age_days"], 3);
  EXPECT_EQ(incoming.json()["items"][0]["person"]["name"], "何示例");
  auto outgoing = As("sec-a")->Get(ListPath("A", "outgoing"));
  ASSERT_EQ(outgoing.json()["items"].size(), 1u);
  EXPECT_EQ(As("sec-a")->Get(ListPath("A", "incoming")).json()["items"].size(), 0u);
  EXPECT_EQ(As("sec-b")->Get(ListPath("A", "outgoing")).status, 404);
  EXPECT_EQ(member->Get(ListPath("A", "outgoing")).status, 403);

  // Only the receiving side accepts, and only into its own subtree.
  EXPECT_EQ(As("sec-a")->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("B")}}).status, 403);
  EXPECT_EQ(member->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("E")}}).status, 403);
  auto outside = As("root-admin")->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("B")}});
  EXPECT_EQ(outside.status, 422) << outside.body;
  EXPECT_EQ(outside.error_fields(), std::vector<std::string>{"branch_id"});
  auto accepted = As("admin-d")->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("E")}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["status"], "accepted");
  EXPECT_EQ(accepted.json()["branch"]["id"], Org("E"));

  EXPECT_EQ(Stat("A", "members"), 0);
  EXPECT_EQ(Stat("E", "members"), 1);
  EXPECT_EQ(Stat("C", "members", true), 0);
  EXPECT_EQ(Stat("D", "members", true), 1);
  EXPECT_EQ(Stat("R", "members", true), 1);
  // The person now belongs to E: the old branch no longer sees them, the new one does.
  EXPECT_EQ(As("sec-a")->Get("/api/v1/people/" + std::to_string(person_)).status, 404);
  auto now = As("sec-e")->Get("/api/v1/people/" + std::to_string(person_));
  ASSERT_EQ(now.status, 200);
  EXPECT_EQ(now.json()["membership"]["organization"]["id"], Org("E"));
  EXPECT_EQ(now.json()["membership"]["member_since"], "2015-05-04");
  EXPECT_EQ(As("admin-d")->Post(TransferPath(id, "cancel"), std::string()).status, 409);
  EXPECT_TRUE(VerifyCounters().empty());
}

TEST_P(TransferApiTest, ReceivingSideStartsByIdentityNumberAndRejects) {
  auto admin_d = As("admin-d");
  // By id the receiving side cannot see the person.
  EXPECT_EQ(admin_d->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("E")}})
                .status,
            404);
  auto start = admin_d->Post("/api/v1/transfers",
                             nlohmann::json{{"identity_number", identity_}, {"to_organization_id", Org("E")}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t id = start.json()["id"];
  EXPECT_EQ(admin_d->Post("/api/v1/transfers",
                          nlohmann::json{{"identity_number", identity_}, {"to_organization_id", Org("D")}})
                .status,
            409)
      << "one pending transfer per person";
  EXPECT_EQ(admin_d->Post(TransferPath(id, "reject"), nlohmann::json{{"reason", " "}}).status, 422);
  auto rejected = admin_d->Post(TransferPath(id, "reject"), nlohmann::json{{"reason", "材料不全"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["reason"], "材料不全");
  EXPECT_EQ(Stat("A", "members"), 1);
  EXPECT_EQ(Stat("E", "members"), 0);
  auto history = As("sec-a")->Get(ListPath("A", "outgoing") + "&status=rejected");
  EXPECT_EQ(history.json()["items"].size(), 1u);
}

TEST_P(TransferApiTest, EitherSideCancelsBeforeAcceptance) {
  auto sec = As("sec-a");
  auto start = sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t first = start.json()["id"];
  EXPECT_EQ(As("sec-b")->Post(TransferPath(first, "cancel"), std::string()).status, 404);
  EXPECT_EQ(As("admin-d")->Post(TransferPath(first, "cancel"), std::string()).status, 200);
  auto again = sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}});
  ASSERT_EQ(again.status, 201);
  int64_t second = again.json()["id"];
  EXPECT_EQ(As("member-a")->Post(TransferPath(second, "cancel"), std::string()).status, 200);
  EXPECT_EQ(As("admin-d")->Post(TransferPath(second, "accept"), nlohmann::json{{"branch_id", Org("E")}}).status, 409);
  EXPECT_EQ(Stat("A", "members"), 1);
}

TEST_P(TransferApiTest, BadTransferInput) {
  auto sec = As("sec-a");
  auto both = sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"identity_number", identity_},
                                                              {"to_organization_id", Org("D")}});
  EXPECT_EQ(both.status, 422);
  auto unknown = sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", 987654}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.error_fields(), std::vector<std::string>{"to_organization_id"});
  auto same = sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("A")}});
  EXPECT_EQ(same.status, 422);
  auto extra = sec->Post("/api/v1/transfers",
                         nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}, {"urgent", true}});
  EXPECT_EQ(extra.status, 422);
  EXPECT_EQ(extra.error_fields(), std::vector<std::string>{"urgent"});
  EXPECT_EQ(sec->Post("/api/v1/transfers/abc/accept", nlohmann::json{{"branch_id", 1}}).status, 400);
  EXPECT_EQ(sec->Post("/api/v1/transfers/999/cancel", std::string()).status, 404);
  EXPECT_EQ(sec->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/transfers").status, 422);
  EXPECT_EQ(CountRows("people_transfers"), 0);
}

TS_INSTANTIATE_FOR_DATABASES(TransferApiTest);

}  // namespace
}  // namespace tianshan::testing
