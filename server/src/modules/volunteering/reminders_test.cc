// Volunteering notices and reminders through the API on SQLite and PostgreSQL: a volunteer
// promoted from the waitlist is told at once; confirmed volunteers of a shift starting
// tomorrow are reminded once, whatever the number of runs; self-reported hours pending over 3
// days remind the team's leaders once a day and are counted as overdue up the tree.

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

constexpr int64_t kDayMs = 24 * kHourMs;

class VolunteerRemindersTest : public VolunteeringApiTest {
 protected:
  static nlohmann::json Notices(HttpClient& client) {
    auto r = client.Get("/api/v1/notifications");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"];
  }
  void RunJob(const std::string& kind) {
    Status s = ctx().jobs.at(kind).run(ctx(), JobRun{0, kind, "{}", ctx().clock.NowMillis(), 1});
    ASSERT_TRUE(s.ok()) << s.message() << " " << s.detail();
  }
  // The overdue count `key` of `organization_id` as its overview shows it: {self, subtree}.
  std::pair<int64_t, int64_t> Overdue(HttpClient& admin, int64_t organization_id, const std::string& key) {
    auto r = admin.Get("/api/v1/organizations/" + std::to_string(organization_id) + "/overdue");
    EXPECT_EQ(r.status, 200) << r.body;
    const nlohmann::json answer = r.json();
    for (const auto& item : answer["items"]) {
      if (item["key"] == key) return {item["self"].get<int64_t>(), item["subtree"].get<int64_t>()};
    }
    ADD_FAILURE() << key << " is not listed: " << r.body;
    return {-1, -1};
  }
  // Milliseconds from now to `hour` o'clock China time tomorrow.
  int64_t UntilTomorrowAt(int hour) {
    const int64_t now = server().clock().NowMillis(), china = 8 * kHourMs;
    const int64_t tomorrow = (now + china) / kDayMs * kDayMs - china + kDayMs;
    return tomorrow + hour * kHourMs - now;
  }
};

TEST_P(VolunteerRemindersTest, APromotedVolunteerIsToldAtOnce) {
  auto admin = Admin();
  auto people = MakePeople(2);
  auto first = VolunteerClient(people[0]);
  auto second = VolunteerClient(people[1]);
  int64_t shift = MakeShift(*admin, MakeProject(*admin, "敬老院探访"), 1, 3 * kDayMs);
  auto seat = first->Post(ShiftPath(shift, "/sign-ups"), std::string());
  ASSERT_EQ(seat.status, 201) << seat.body;
  auto waiting = second->Post(ShiftPath(shift, "/sign-ups"), std::string());
  ASSERT_EQ(waiting.status, 201) << waiting.body;
  ASSERT_EQ(waiting.json()["status"], "waitlisted");
  EXPECT_EQ(Notices(*second).size(), 0u);

  auto cancel = first->Post(
      "/api/v1/volunteering/sign-ups/" + std::to_string(seat.json()["id"].get<int64_t>()) + "/cancel", std::string());
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  auto told = Notices(*second);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0]["kind"], "volunteering.promoted");
  EXPECT_NE(told[0]["body"].get<std::string>().find("敬老院探访"), std::string::npos) << told[0]["body"];
  EXPECT_EQ(told[0]["link"], "/app/volunteering/my-shifts");
  EXPECT_EQ(Notices(*first).size(), 0u) << "the one who cancelled is not told about someone else";
}

TEST_P(VolunteerRemindersTest, ConfirmedVolunteersAreRemindedOnceTheDayBefore) {
  auto admin = Admin();
  auto people = MakePeople(3);
  auto confirmed = VolunteerClient(people[0]);
  auto waitlisted = VolunteerClient(people[1]);
  auto later = VolunteerClient(people[2]);
  int64_t project = MakeProject(*admin, "社区环境清洁行动");
  int64_t tomorrow = MakeShift(*admin, project, 1, UntilTomorrowAt(9));
  int64_t next_week = MakeShift(*admin, project, 5, UntilTomorrowAt(9) + 6 * kDayMs);
  ASSERT_EQ(confirmed->Post(ShiftPath(tomorrow, "/sign-ups"), std::string()).status, 201);
  ASSERT_EQ(waitlisted->Post(ShiftPath(tomorrow, "/sign-ups"), std::string()).json()["status"], "waitlisted");
  ASSERT_EQ(later->Post(ShiftPath(next_week, "/sign-ups"), std::string()).status, 201);

  RunJob("volunteering.shift_reminders");
  RunJob("volunteering.shift_reminders");
  auto told = Notices(*confirmed);
  ASSERT_EQ(told.size(), 1u) << "once, however often the job runs";
  EXPECT_EQ(told[0]["kind"], "volunteering.shift_tomorrow");
  EXPECT_NE(told[0]["body"].get<std::string>().find("09:00"), std::string::npos) << told[0]["body"];
  EXPECT_NE(told[0]["body"].get<std::string>().find("测试社区"), std::string::npos) << told[0]["body"];
  EXPECT_EQ(Notices(*waitlisted).size(), 0u) << "the waitlist has no seat to remind of";
  EXPECT_EQ(Notices(*later).size(), 0u) << "not a week ahead";
}

TEST_P(VolunteerRemindersTest, HoursWaitingOverThreeDaysRemindTheLeadersDaily) {
  auto admin = Admin();
  auto people = MakePeople(3);
  auto team = admin->Post("/api/v1/volunteering/teams", nlohmann::json{{"organization_id", street_.id},
                                                                       {"name", "行星团青年志愿者"},
                                                                       {"leader_person_ids", {people[0], people[1]}}});
  ASSERT_EQ(team.status, 201) << team.body;
  const std::string team_path = "/api/v1/volunteering/teams/" + std::to_string(team.json()["id"].get<int64_t>());
  auto leader = VolunteerClient(people[0]);
  auto co_leader = VolunteerClient(people[1]);
  auto volunteer = VolunteerClient(people[2]);
  auto apply = volunteer->Post(team_path + "/applications", nlohmann::json{{"message", "想参加"}});
  ASSERT_EQ(apply.status, 201) << apply.body;
  ASSERT_EQ(leader
                ->Post(team_path + "/members/" + std::to_string(apply.json()["id"].get<int64_t>()) + "/decision",
                       nlohmann::json{{"decision", "approve"}})
                .status,
            200);
  auto report = volunteer->Post("/api/v1/volunteering/hours/reports",
                                nlohmann::json{{"team_id", team.json()["id"]},
                                               {"worked_on", TodayInChina(server().clock().NowMillis())},
                                               {"minutes", 120},
                                               {"description", "整理捐赠物资"}});
  ASSERT_EQ(report.status, 201) << report.body;

  RunJob("volunteering.hours_reminders");
  EXPECT_EQ(Notices(*leader).size(), 0u) << "not overdue yet";
  EXPECT_EQ(Overdue(*admin, street_.id, "overdue.hour_reports"), std::make_pair(int64_t{0}, int64_t{0}));

  // Sessions do not outlive days of clock: log in again after each jump.
  auto again = [&] {
    admin = Admin();
    leader = LoggedIn("vol-" + std::to_string(people[0]), "password-123");
    co_leader = LoggedIn("vol-" + std::to_string(people[1]), "password-123");
    volunteer = LoggedIn("vol-" + std::to_string(people[2]), "password-123");
  };
  server().clock().Advance(4 * kDayMs);
  again();
  RunJob("volunteering.hours_reminders");
  RunJob("volunteering.hours_reminders");
  for (auto* client : {leader.get(), co_leader.get()}) {
    auto told = Notices(*client);
    ASSERT_EQ(told.size(), 1u) << "one digest a day for each leader";
    EXPECT_EQ(told[0]["kind"], "volunteering.hours_overdue");
    EXPECT_EQ(told[0]["link"], "/app/volunteering/approvals");
  }
  EXPECT_EQ(Notices(*volunteer).size(), 0u);
  EXPECT_EQ(Overdue(*admin, street_.id, "overdue.hour_reports"), std::make_pair(int64_t{1}, int64_t{1}));
  EXPECT_EQ(Overdue(*admin, root_.id, "overdue.hour_reports"), std::make_pair(int64_t{0}, int64_t{1}))
      << "rolled up the tree";

  server().clock().Advance(kDayMs);
  again();
  RunJob("volunteering.hours_reminders");
  EXPECT_EQ(Notices(*leader).size(), 2u) << "the next day brings the next digest";

  ASSERT_EQ(leader
                ->Post("/api/v1/volunteering/hours/reports/" + std::to_string(report.json()["id"].get<int64_t>()) +
                           "/decision",
                       nlohmann::json{{"decision", "approve"}})
                .status,
            200);
  server().clock().Advance(kDayMs);
  again();
  RunJob("volunteering.hours_reminders");
  EXPECT_EQ(Notices(*leader).size(), 2u) << "nothing waits any more";
  EXPECT_EQ(Overdue(*admin, root_.id, "overdue.hour_reports"), std::make_pair(int64_t{0}, int64_t{0}));
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerRemindersTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
