// Membership transfers (组织关系转接) through the API: who may start, accept, reject and cancel;
// both sides consent before a membership moves; counts on both sides; pending lists with their
// age and the history; the network directory of destinations — on SQLite and PostgreSQL.

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
  auto start =
      member->Post("/api/v1/transfers",
                   nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}, {"note", "工作调动"}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t id = start.json()["id"];
  EXPECT_EQ(start.json()["status"], "pending");
  EXPECT_EQ(start.json()["stage"], "awaiting_receiver") << "a member's own request needs only the receiving side";
  EXPECT_EQ(start.json()["initiated_by"], "member");
  EXPECT_EQ(start.json()["can"]["cancel"], true);
  EXPECT_EQ(start.json()["can"]["accept"], false);
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

TEST_P(TransferApiTest, ReceivingSideStartsByIdentityAndNameThenWaitsForTheSendingSide) {
  auto admin_d = As("admin-d");
  // By id the receiving side cannot see the person.
  EXPECT_EQ(admin_d->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("E")}})
                .status,
            404);
  // The number alone is not enough, and a wrong name is answered like an unknown number.
  auto no_name = admin_d->Post("/api/v1/transfers",
                               nlohmann::json{{"identity_number", identity_}, {"to_organization_id", Org("E")}});
  EXPECT_EQ(no_name.status, 422);
  EXPECT_EQ(no_name.error_fields(), std::vector<std::string>{"name"});
  auto wrong_name =
      admin_d->Post("/api/v1/transfers",
                    nlohmann::json{{"identity_number", identity_}, {"name", "别人"}, {"to_organization_id", Org("E")}});
  auto unknown = admin_d->Post("/api/v1/transfers", nlohmann::json{{"identity_number", TestIdentity("19990909", 8)},
                                                                   {"name", "何示例"},
                                                                   {"to_organization_id", Org("E")}});
  EXPECT_EQ(wrong_name.status, 422);
  EXPECT_EQ(wrong_name.error_fields(), std::vector<std::string>{"identity_number"});
  EXPECT_EQ(unknown.body, wrong_name.body) << "a wrong name reveals nothing more than an unknown number";

  auto start = admin_d->Post(
      "/api/v1/transfers",
      nlohmann::json{{"identity_number", identity_}, {"name", "何示例"}, {"to_organization_id", Org("E")}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t id = start.json()["id"];
  EXPECT_EQ(start.json()["stage"], "awaiting_sender");
  EXPECT_EQ(start.json()["initiated_by"], "receiving");
  EXPECT_TRUE(start.json()["released_at"].is_null());
  EXPECT_EQ(start.json()["from"]["name"], "测试甲社区团支部") << "the lookup names the sending organization";
  EXPECT_EQ(start.json()["can"],
            (nlohmann::json{{"release", false}, {"accept", false}, {"reject", false}, {"cancel", true}}));
  EXPECT_EQ(
      admin_d
          ->Post("/api/v1/transfers",
                 nlohmann::json{{"identity_number", identity_}, {"name", "何示例"}, {"to_organization_id", Org("D")}})
          .status,
      409)
      << "one pending transfer per person";
  // The receiving side cannot move the membership on its own word.
  auto early = admin_d->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("E")}});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(admin_d->Post(TransferPath(id, "release"), std::string()).status, 403);
  EXPECT_EQ(admin_d->Post(TransferPath(id, "reject"), nlohmann::json{{"reason", "不要了"}}).status, 403);
  EXPECT_EQ(Stat("A", "members"), 1);

  // The sending side sees it waiting for them, and releases the member.
  auto outgoing = As("sec-a")->Get(ListPath("A", "outgoing"));
  ASSERT_EQ(outgoing.json()["items"].size(), 1u);
  EXPECT_EQ(outgoing.json()["items"][0]["can"]["release"], true);
  EXPECT_EQ(outgoing.json()["items"][0]["can"]["accept"], false);
  EXPECT_EQ(As("sec-a")->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("A")}}).status, 403);
  EXPECT_EQ(As("sec-a")->Post(TransferPath(id, "cancel"), std::string()).status, 403)
      << "the side that did not start it refuses with a reason instead";
  auto released = As("sec-a")->Post(TransferPath(id, "release"), std::string());
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(released.json()["stage"], "awaiting_receiver");
  EXPECT_FALSE(released.json()["released_at"].is_null());
  EXPECT_EQ(As("sec-a")->Post(TransferPath(id, "release"), std::string()).status, 409);
  EXPECT_EQ(Stat("A", "members"), 1) << "nothing moves before acceptance";

  auto accepted = admin_d->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("E")}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_TRUE(accepted.json()["stage"].is_null());
  EXPECT_EQ(Stat("A", "members"), 0);
  EXPECT_EQ(Stat("E", "members"), 1);
  EXPECT_TRUE(VerifyCounters().empty());
}

TEST_P(TransferApiTest, SendingSideRefusesToRelease) {
  auto admin_d = As("admin-d");
  auto start = admin_d->Post(
      "/api/v1/transfers",
      nlohmann::json{{"identity_number", identity_}, {"name", " 何示例 "}, {"to_organization_id", Org("E")}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t id = start.json()["id"];
  EXPECT_EQ(As("sec-a")->Post(TransferPath(id, "reject"), nlohmann::json{{"reason", " "}}).status, 422);
  auto rejected = As("sec-a")->Post(TransferPath(id, "reject"), nlohmann::json{{"reason", "团费未交清"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["status"], "rejected");
  EXPECT_EQ(rejected.json()["reason"], "团费未交清");
  EXPECT_EQ(admin_d->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("E")}}).status, 409);
  EXPECT_EQ(Stat("A", "members"), 1);
  EXPECT_EQ(Stat("E", "members"), 0);
}

TEST_P(TransferApiTest, ReceivingSideRejectsAReleasedTransfer) {
  auto start =
      As("sec-a")->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("E")}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t id = start.json()["id"];
  EXPECT_EQ(start.json()["stage"], "awaiting_receiver") << "the sending side's own start releases the member";
  EXPECT_EQ(As("sec-a")->Post(TransferPath(id, "reject"), nlohmann::json{{"reason", "x"}}).status, 403);
  auto rejected = As("sec-e")->Post(TransferPath(id, "reject"), nlohmann::json{{"reason", "材料不全"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["reason"], "材料不全");
  auto history = As("sec-a")->Get(ListPath("A", "outgoing") + "&status=rejected");
  EXPECT_EQ(history.json()["items"].size(), 1u);
}

TEST_P(TransferApiTest, TheMemberOrTheStartingSideWithdraws) {
  auto sec = As("sec-a");
  auto start = sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}});
  ASSERT_EQ(start.status, 201) << start.body;
  int64_t first = start.json()["id"];
  EXPECT_EQ(As("sec-b")->Post(TransferPath(first, "cancel"), std::string()).status, 404);
  EXPECT_EQ(As("admin-d")->Post(TransferPath(first, "cancel"), std::string()).status, 403);
  EXPECT_EQ(sec->Post(TransferPath(first, "cancel"), std::string()).status, 200);
  auto again = sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}});
  ASSERT_EQ(again.status, 201);
  int64_t second = again.json()["id"];
  EXPECT_EQ(As("member-a")->Post(TransferPath(second, "cancel"), std::string()).status, 200);
  EXPECT_EQ(As("admin-d")->Post(TransferPath(second, "accept"), nlohmann::json{{"branch_id", Org("E")}}).status, 409);
  EXPECT_EQ(Stat("A", "members"), 1);
}

TEST_P(TransferApiTest, HistoryListsEveryStatusNewestFirst) {
  auto sec = As("sec-a");
  std::vector<int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto start =
        sec->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}});
    ASSERT_EQ(start.status, 201) << start.body;
    ids.push_back(start.json()["id"]);
    if (i < 2) {
      ASSERT_EQ(sec->Post(TransferPath(ids.back(), "cancel"), std::string()).status, 200);
    }
  }
  auto all = sec->Get(ListPath("A", "outgoing") + "&status=all&limit=2");
  ASSERT_EQ(all.status, 200) << all.body;
  ASSERT_EQ(all.json()["items"].size(), 2u);
  EXPECT_EQ(all.json()["items"][0]["id"], ids[2]);
  EXPECT_EQ(all.json()["items"][0]["status"], "pending");
  EXPECT_EQ(all.json()["items"][1]["id"], ids[1]);
  std::string cursor = all.json()["next_cursor"];
  auto rest = sec->Get(ListPath("A", "outgoing") + "&status=all&limit=2&cursor=" + cursor);
  ASSERT_EQ(rest.json()["items"].size(), 1u);
  EXPECT_EQ(rest.json()["items"][0]["id"], ids[0]);
  EXPECT_TRUE(rest.json()["next_cursor"].is_null());
  EXPECT_EQ(sec->Get(ListPath("A", "outgoing") + "&status=cancelled").json()["items"].size(), 2u);
  EXPECT_EQ(sec->Get(ListPath("A", "outgoing") + "&status=bogus").status, 422);
}

// The permission matrix of a move: whoever covers only one side cannot move a membership by
// themself (start and accept in one hand); a committee covering both sides is both sides.
TEST_P(TransferApiTest, NoOneSidedMove) {
  struct Row {
    std::string login;
    bool by_identity;  // the receiving side cannot see the person
    bool moves_alone;
  };
  const Row rows[] = {
      {"sec-a", false, false},      // sending side only
      {"member-a", false, false},   // the member
      {"admin-d", true, false},     // receiving side only
      {"sec-e", true, false},       // receiving side only, the branch itself
      {"root-admin", false, true},  // covers both sides
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.login);
    auto client = As(row.login);
    nlohmann::json body = {{"to_organization_id", Org("E")}};
    if (row.by_identity) {
      body["identity_number"] = identity_;
      body["name"] = "何示例";
    } else {
      body["person_id"] = person_;
    }
    auto start = client->Post("/api/v1/transfers", body);
    ASSERT_EQ(start.status, 201) << start.body;
    int64_t id = start.json()["id"];
    auto release = client->Post(TransferPath(id, "release"), std::string());
    auto accept = client->Post(TransferPath(id, "accept"), nlohmann::json{{"branch_id", Org("E")}});
    EXPECT_EQ(accept.status == 200, row.moves_alone) << release.body << accept.body;
    EXPECT_EQ(Stat("E", "members"), row.moves_alone ? 1 : 0);
    if (accept.status != 200) {
      auto cancel = client->Post(TransferPath(id, "cancel"), std::string());
      ASSERT_EQ(cancel.status, 200) << cancel.body;
    }
  }
  EXPECT_TRUE(VerifyCounters().empty());
}

TEST_P(TransferApiTest, DirectoryFindsDestinationsAcrossTheNetworkWithoutContactDetails) {
  auto sec = As("sec-a");
  auto own_search = sec->Get("/api/v1/organizations/search?q=%E4%B8%99%E7%A4%BE%E5%8C%BA");  // 丙社区
  ASSERT_EQ(own_search.status, 200);
  EXPECT_EQ(own_search.json()["items"].size(), 0u) << "search stays within the grants";
  auto found = sec->Get("/api/v1/organizations/directory?q=%E4%B8%99%E7%A4%BE%E5%8C%BA");
  ASSERT_EQ(found.status, 200) << found.body;
  const nlohmann::json body = found.json();
  ASSERT_EQ(body["items"].size(), 1u);
  const auto& e = body["items"][0];
  EXPECT_EQ(e["id"], Org("E"));
  EXPECT_EQ(e["name"], "测试丙社区团支部");
  ASSERT_EQ(e["ancestors"].size(), 2u);
  EXPECT_EQ(e["ancestors"][0]["id"], Org("R"));
  EXPECT_EQ(e["ancestors"][1]["name"], "测试乙市团委");
  EXPECT_FALSE(e.contains("contact_phone"));
  EXPECT_FALSE(e.contains("contact_name"));
  EXPECT_EQ(As("member-a")->Get("/api/v1/organizations/directory?q=%E6%B5%8B%E8%AF%95&limit=3").json()["items"].size(),
            3u);
  EXPECT_EQ(sec->Get("/api/v1/organizations/directory").status, 422);
}

TEST_P(TransferApiTest, BadTransferInput) {
  auto sec = As("sec-a");
  auto both = sec->Post(
      "/api/v1/transfers",
      nlohmann::json{{"person_id", person_}, {"identity_number", identity_}, {"to_organization_id", Org("D")}});
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
