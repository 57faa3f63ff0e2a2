// Teams and the reads around the hours ledger through the HTTP API: the public team list and
// page, members and applications, adding a leader, an organization's ledger, the hours rule in
// force, a manager's credit, and the volunteer's certificates. On SQLite and PostgreSQL; every
// answer is also checked against the OpenAPI document by the test client.

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerReadsApiTest : public VolunteeringApiTest {};

std::string TeamPath(int64_t team_id, const std::string& tail = "") {
  return "/api/v1/volunteering/teams/" + std::to_string(team_id) + tail;
}

TEST_P(VolunteerReadsApiTest, PublicTeamsMembersAndLeaders) {
  auto admin = Admin();
  auto people = MakePeople(2);
  auto team = admin->Post("/api/v1/volunteering/teams",
                          nlohmann::json{{"organization_id", street_.id}, {"name", "行星团青年志愿者"}});
  ASSERT_EQ(team.status, 201) << team.body;
  int64_t team_id = team.json()["id"];

  // Anyone reads the teams of a subtree and a team's page, without a session.
  auto anonymous = Client();
  auto list = anonymous->Get("/api/v1/volunteering/teams?organization_id=" + std::to_string(root_.id));
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["name"], "行星团青年志愿者");
  EXPECT_TRUE(list.json()["next_cursor"].is_null());
  auto page = anonymous->Get(TeamPath(team_id));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json()["organization_id"], street_.id);
  EXPECT_TRUE(page.json()["partner_name"].is_null());
  EXPECT_EQ(anonymous->Get(TeamPath(team_id + 1000)).status, 404);

  // A volunteer applies; the organization's manager sees the application and adds a leader.
  auto volunteer = VolunteerClient(people[0]);
  auto applied = volunteer->Post(TeamPath(team_id, "/applications"), nlohmann::json{{"message", "周末有空"}});
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(applied.json()["status"], "pending");
  auto members = admin->Get(TeamPath(team_id, "/members"));
  ASSERT_EQ(members.status, 200) << members.body;
  ASSERT_EQ(members.json()["items"].size(), 1u);
  EXPECT_EQ(members.json()["items"][0]["message"], "周末有空");
  EXPECT_EQ(volunteer->Get(TeamPath(team_id, "/members")).status, 403);

  auto leader = admin->Post(TeamPath(team_id, "/leaders"), nlohmann::json{{"person_id", people[1]}});
  ASSERT_EQ(leader.status, 201) << leader.body;
  EXPECT_EQ(leader.json()["role"], "leader");
  EXPECT_EQ(leader.json()["status"], "active");
  EXPECT_EQ(volunteer->Post(TeamPath(team_id, "/leaders"), nlohmann::json{{"person_id", people[0]}}).status, 403);
  auto active = admin->Get(TeamPath(team_id, "/members?status=active"));
  ASSERT_EQ(active.status, 200) << active.body;
  ASSERT_EQ(active.json()["items"].size(), 1u);
  EXPECT_EQ(active.json()["items"][0]["person_id"], people[1]);
}

TEST_P(VolunteerReadsApiTest, LedgerSettingsCreditsAndCertificates) {
  auto admin = Admin();
  auto people = MakePeople(1);
  auto volunteer = VolunteerClient(people[0]);
  int64_t project = MakeProject(*admin);
  // Signing up makes the person a volunteer, whom a manager may then credit.
  ASSERT_EQ(volunteer->Post(ShiftPath(MakeShift(*admin, project, 5, 2 * kHourMs), "/sign-ups"), std::string()).status,
            201);
  const std::string street = std::to_string(street_.id);

  auto setting = admin->Get("/api/v1/volunteering/organizations/" + street + "/settings");
  ASSERT_EQ(setting.status, 200) << setting.body;
  EXPECT_EQ(setting.json()["hours_rule"], "national");
  EXPECT_TRUE(setting.json()["inherited"].get<bool>());

  // A manager credits two hours; the ledger of the subtree shows the entry.
  auto credit = admin->Post("/api/v1/volunteering/hours/adjustments", nlohmann::json{{"person_id", people[0]},
                                                                                     {"project_id", project},
                                                                                     {"minutes", 120},
                                                                                     {"worked_on", "2026-05-28"},
                                                                                     {"reason", "线下服务补录"}});
  ASSERT_EQ(credit.status, 201) << credit.body;
  EXPECT_EQ(credit.json()["kind"], "adjustment");
  EXPECT_EQ(credit.json()["hours"], 2.0);
  auto ledger = admin->Get("/api/v1/volunteering/hours/entries?organization_id=" + std::to_string(root_.id));
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  ASSERT_EQ(ledger.json()["items"].size(), 1u);
  EXPECT_EQ(ledger.json()["items"][0]["id"], credit.json()["id"]);
  EXPECT_EQ(volunteer->Get("/api/v1/volunteering/hours/entries?organization_id=" + std::to_string(root_.id)).status,
            404);

  // The volunteer's certificates: none, then the one just issued.
  auto none = volunteer->Get("/api/v1/volunteering/my/certificates");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json()["items"].empty());
  auto issued = volunteer->Post("/api/v1/volunteering/certificates", std::string());
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto mine = volunteer->Get("/api/v1/volunteering/my/certificates");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["items"].size(), 1u);
  EXPECT_EQ(mine.json()["items"][0]["certificate"]["minutes"], 120);
  EXPECT_EQ(mine.json()["items"][0]["verify_url"], issued.json()["verify_url"]);
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerReadsApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
