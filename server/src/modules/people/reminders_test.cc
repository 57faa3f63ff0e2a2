// Transfer notices and daily reminders, through the API on SQLite and PostgreSQL: the side a
// transfer waits for is told at once; a transfer left pending produces exactly one digest per
// day per admin (and per member), however often the job runs; overdue counts are maintained
// counters, rolled up the tree, and go back to 0 once decided.

#include "modules/people/people_test_support.h"

namespace tianshan::testing {
namespace {

constexpr int64_t kDay = 24LL * 3600 * 1000;

class TransferRemindersTest : public PeopleApiTestBase {
 protected:
  void SetUp() override {
    PeopleApiTestBase::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto sec = As("sec-a");
    person_ = CreateMember(*sec, "何提醒", TestIdentity("19990909", 11), "A");
    ASSERT_GT(person_, 0);
    ASSERT_GT(server().CreateAccount("member-a", {{Org("A"), auth::Role::kMember}}, person_), 0);
  }
  nlohmann::json Notices(const std::string& login) {
    auto r = As(login)->Get("/api/v1/notifications");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
  }
  void RunJob(const std::string& kind) {
    auto& ctx = server().app().context();
    Status s = ctx.jobs.at(kind).run(ctx, JobRun{0, kind, "{}", ctx.clock.NowMillis(), 1});
    ASSERT_TRUE(s.ok()) << s.message() << " " << s.detail();
  }
  int64_t person_ = 0;
};

TEST_P(TransferRemindersTest, TheWaitingSideIsToldAndReminderDigestsComeOncePerDay) {
  auto start =
      As("sec-a")->Post("/api/v1/transfers", nlohmann::json{{"person_id", person_}, {"to_organization_id", Org("D")}});
  ASSERT_EQ(start.status, 201) << start.body;
  auto told = Notices("admin-d");
  ASSERT_EQ(told.size(), 1u) << "the receiving side is told at once";
  EXPECT_EQ(told[0]["kind"], "people.transfer_waiting");
  EXPECT_NE(told[0]["body"].get<std::string>().find("何提醒"), std::string::npos);
  EXPECT_EQ(told[0]["link"], "/app/organizations/" + std::to_string(Org("D")) + "/transfers");
  EXPECT_EQ(Notices("root-admin").size(), 0u) << "only the nearest holders";
  EXPECT_EQ(Notices("sec-a").size(), 0u) << "not the side that acted";

  RunJob("people.transfer_reminders");
  EXPECT_EQ(Notices("admin-d").size(), 1u) << "not overdue yet";
  EXPECT_EQ(Stat("D", "overdue.transfers"), 0);

  server().clock().Advance(8 * kDay);
  RunJob("people.transfer_reminders");
  RunJob("people.transfer_reminders");
  auto admin = Notices("admin-d");
  ASSERT_EQ(admin.size(), 2u) << "one digest for the day, however often the job runs";
  EXPECT_EQ(admin[0]["kind"], "people.transfer_overdue");
  EXPECT_EQ(Notices("member-a").size(), 1u) << "and one for the member";
  EXPECT_EQ(Stat("D", "overdue.transfers"), 1);
  EXPECT_EQ(Stat("R", "overdue.transfers", true), 1) << "rolled up the tree";
  EXPECT_EQ(Stat("A", "overdue.transfers"), 0) << "it waits at the receiving side";
  // The overdue view of the region: the count, its label and where the items are listed.
  auto overdue = As("root-admin")->Get("/api/v1/organizations/" + std::to_string(Org("R")) + "/overdue");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  const nlohmann::json items = overdue.json()["items"];
  auto transfers = std::find_if(items.begin(), items.end(), [](const auto& i) { return i["key"] == "overdue.transfers"; });
  ASSERT_NE(transfers, items.end()) << overdue.body;
  EXPECT_EQ((*transfers)["subtree"], 1);
  EXPECT_EQ((*transfers)["label"], "超过 7 天未办结的组织关系转接");
  EXPECT_EQ((*transfers)["link"], "/app/organizations/" + std::to_string(Org("R")) + "/transfers");
  EXPECT_EQ(As("member-a")->Get("/api/v1/organizations/" + std::to_string(Org("A")) + "/overdue").status, 403);
  EXPECT_EQ(As("sec-e")->Get("/api/v1/organizations/" + std::to_string(Org("R")) + "/overdue").status, 404);

  server().clock().Advance(kDay);
  RunJob("people.transfer_reminders");
  EXPECT_EQ(Notices("admin-d").size(), 3u) << "the next day, the next digest";

  int64_t id = start.json()["id"];
  ASSERT_EQ(As("admin-d")
                ->Post("/api/v1/transfers/" + std::to_string(id) + "/accept", nlohmann::json{{"branch_id", Org("E")}})
                .status,
            200);
  auto decided = Notices("member-a");
  ASSERT_EQ(decided.size(), 3u);
  EXPECT_EQ(decided[0]["kind"], "people.transfer_decided");
  RunJob("people.transfer_reminders");
  EXPECT_EQ(Stat("D", "overdue.transfers"), 0);
  EXPECT_EQ(Stat("R", "overdue.transfers", true), 0);
  EXPECT_TRUE(VerifyCounters().empty());
}

TEST_P(TransferRemindersTest, ATransferStartedByTheReceivingSideWaitsAtTheSendingSide) {
  auto start =
      As("admin-d")->Post("/api/v1/transfers", nlohmann::json{{"identity_number", TestIdentity("19990909", 11)},
                                                              {"name", "何提醒"},
                                                              {"to_organization_id", Org("E")}});
  ASSERT_EQ(start.status, 201) << start.body;
  auto told = Notices("sec-a");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0]["title"], "组织关系转接待同意转出");
  server().clock().Advance(8 * kDay);
  RunJob("people.transfer_reminders");
  EXPECT_EQ(Stat("A", "overdue.transfers"), 1);
  EXPECT_EQ(Stat("D", "overdue.transfers"), 0);
}

TS_INSTANTIATE_FOR_DATABASES(TransferRemindersTest);

}  // namespace
}  // namespace tianshan::testing
