// A randomized run of many creates, positions and transfers through the use cases, after which
// every maintained counter agrees with a recount (verify_counters) — on SQLite and PostgreSQL.

#include <random>

#include "modules/organizations/public/counters.h"
#include "modules/people/accept_transfer.h"
#include "modules/people/appoint_position.h"
#include "modules/people/cancel_transfer.h"
#include "modules/people/create_person.h"
#include "modules/people/end_position.h"
#include "modules/people/people_test_support.h"
#include "modules/people/reject_transfer.h"
#include "modules/people/start_transfer.h"
#include "modules/people/verify_counters.h"
#include "testing/demo_api_test.h"

namespace tianshan::testing {
namespace {

class PeopleCountersTest : public PeopleApiTestBase {};

TEST_P(PeopleCountersTest, RandomCreatesPositionsAndTransfersKeepCountersRight) {
  auto& ctx = server().app().context();
  auth::Actor admin;
  admin.account_id = 1;
  admin.grants.push_back({0, "/", "all", auth::Role::kCommitteeAdmin});
  people::Caller caller{admin, "random"};
  const std::vector<std::string> orgs = {"R", "C", "W", "A", "B", "D", "E"};
  const std::vector<std::string> branches = {"A", "B", "E"};
  std::mt19937 rng(20160722);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::vector<int64_t> members, positions, pending;
  int created = 0, accepted = 0;
  for (int step = 0; step < 160; ++step) {
    int op = static_cast<int>(rng() % 10);
    if (op < 4 || members.empty()) {
      people::CreatePersonInput in;
      in.fields = {"随机" + std::to_string(step),
                   "male",
                   "2000-01-01",
                   std::nullopt,
                   std::nullopt,
                   std::nullopt,
                   std::nullopt,
                   std::nullopt,
                   std::nullopt};
      const bool member = rng() % 3 != 0;
      const std::string org = member ? pick(branches) : pick(orgs);
      if (member) {
        in.fields.identity_number = TestIdentity("20000101", step, "650204");
        in.fields.gender = people::IdentityGender(*in.fields.identity_number);  // the server checks they agree
        in.membership = people::NewMembership{Org(org), "2016-05-04", std::nullopt};
      } else {
        in.organization_id = Org(org);
      }
      auto d = people::CreatePerson(ctx, caller, in);
      ASSERT_TRUE(d.ok()) << d.status().message() << d.status().detail();
      if (member) members.push_back(d->visible.person.id);
      ++created;
    } else if (op < 6) {
      int64_t person = members[rng() % members.size()];
      auto p = people::AppointPosition(ctx, caller, person,
                                       {Org(pick(orgs)), "committee_member", "part_time", "2024-01-01"});
      if (p.ok()) positions.push_back(p->id);
    } else if (op == 6 && !positions.empty()) {
      size_t i = rng() % positions.size();
      auto ended = people::EndPosition(ctx, caller, positions[i], std::nullopt);
      ASSERT_TRUE(ended.ok() || ended.status().code() == StatusCode::kConflict);
      positions.erase(positions.begin() + static_cast<long>(i));
    } else if (op == 7) {
      int64_t person = members[rng() % members.size()];
      auto t = people::StartTransfer(ctx, caller,
                                     {person, std::nullopt, std::nullopt, Org(pick({"C", "D", "R"})), std::nullopt});
      if (t.ok()) pending.push_back(t->transfer.id);
    } else if (!pending.empty()) {
      size_t i = rng() % pending.size();
      int64_t id = pending[i];
      pending.erase(pending.begin() + static_cast<long>(i));
      int what = static_cast<int>(rng() % 4);
      if (what < 2) {
        // Accept into a branch that may or may not lie under the receiving organization.
        auto a = people::AcceptTransfer(ctx, caller, id, Org(pick(branches)));
        if (a.ok()) {
          ++accepted;
        } else {
          ASSERT_EQ(a.status().code(), StatusCode::kInvalid) << a.status().message();
          ASSERT_TRUE(people::CancelTransfer(ctx, caller, id).ok());
        }
      } else if (what == 2) {
        ASSERT_TRUE(people::RejectTransfer(ctx, caller, id, "随机退回").ok());
      } else {
        ASSERT_TRUE(people::CancelTransfer(ctx, caller, id).ok());
      }
    }
  }
  EXPECT_GT(created, 40);
  EXPECT_GT(accepted, 3);
  auto mine = people::VerifyCounters(ctx);
  ASSERT_TRUE(mine.ok());
  EXPECT_TRUE(mine->empty()) << ::testing::PrintToString(*mine);
  EXPECT_TRUE(VerifyCounters().empty()) << ::testing::PrintToString(VerifyCounters());
  EXPECT_EQ(Stat("R", "members", true), static_cast<int64_t>(members.size()));
}

TEST_P(PeopleCountersTest, VerifyReportsADrift) {
  auto sec = As("sec-a");
  CreateMember(*sec, "漂移示例", TestIdentity("19990101", 3), "A");
  auto& ctx = server().app().context();
  ASSERT_TRUE(server()
                  .app()
                  .db()
                  .Write([&](storage::Transaction& tx) -> Status {
                    return organizations::AdjustCounter(tx, Org("A"), organizations::counter::kMembers, 2);
                  })
                  .ok());
  auto d = people::VerifyCounters(ctx);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->size(), 1u);
  EXPECT_NE((*d)[0].find("members: self is 3, expected 1"), std::string::npos) << (*d)[0];
}

TS_INSTANTIATE_FOR_DATABASES(PeopleCountersTest);

class PeopleDemoTest : public DemoApiTest {};

TEST_P(PeopleDemoTest, DemoPeopleAreLinkedCountedAndMasked) {
  EXPECT_TRUE(server().app().VerifyCounters()->empty()) << ::testing::PrintToString(*server().app().VerifyCounters());
  for (const char* login : {"branch-secretary", "cadre", "member", "youth"}) {
    auto c = Client();
    auto s = c->Login(login, "tianshan-demo");
    ASSERT_EQ(s.status, 200) << login;
    ASSERT_FALSE(s.json()["person"].is_null()) << login << " has a person";
    int64_t person = s.json()["person"]["id"];
    auto own = c->Get("/api/v1/people/" + std::to_string(person));
    ASSERT_EQ(own.status, 200) << login;
    EXPECT_EQ(own.json()["kind"], std::string(login) == "youth" ? "youth" : "member") << login;
  }
  auto sec = LoggedIn("branch-secretary");
  int64_t branch = sec->Get("/api/v1/session").json()["grants"][0]["organization_id"];
  auto list = sec->Get("/api/v1/organizations/" + std::to_string(branch) + "/people?limit=200");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json()["items"].size(), 200u);
  // The first is the secretary herself (seen in full); the others are masked for her.
  const auto items = list.json()["items"];
  EXPECT_EQ(items[0]["id"], sec->Get("/api/v1/session").json()["person"]["id"]);
  EXPECT_EQ(items[0]["masked"], false);
  EXPECT_EQ(items[1]["identity_number"].get<std::string>().substr(0, 4), "6500");
  EXPECT_NE(items[1]["identity_number"].get<std::string>().find("****"), std::string::npos);
  EXPECT_EQ(items[1]["masked"], true);
  auto stats = LoggedIn("region-admin")->Get("/api/v1/organizations/" + std::to_string(branch) + "/stats").json();
  EXPECT_GT(stats["self"]["members"].get<int64_t>(), 300);
  EXPECT_GT(stats["self"]["youth"].get<int64_t>(), 100);
  EXPECT_GE(stats["self"]["cadres"].get<int64_t>(), 2);
}

TS_INSTANTIATE_FOR_DATABASES(PeopleDemoTest);

}  // namespace
}  // namespace tianshan::testing
