// `can` through the HTTP API on SQLite and PostgreSQL: what each caller may do with a project,
// a shift, a team and (the manifest's organization permissions) an organization.

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerCanApiTest : public VolunteeringApiTest {};

nlohmann::json Can(std::initializer_list<std::pair<const char*, bool>> actions) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [name, allowed] : actions) j[name] = allowed;
  return j;
}

TEST_P(VolunteerCanApiTest, ProjectShiftAndTeamAnswersSayWhatTheCallerMayDo) {
  auto admin = Admin();
  auto people = MakePeople(2);
  auto team = admin->Post(
      "/api/v1/volunteering/teams",
      nlohmann::json{{"organization_id", branch_.id}, {"name", "便民服务队"}, {"leader_person_ids", {people[0]}}});
  ASSERT_EQ(team.status, 201) << team.body;
  const int64_t team_id = team.json()["id"];
  EXPECT_EQ(team.json()["can"], Can({{"edit", true},
                                     {"join", false},
                                     {"decide_members", true},
                                     {"add_leader", true},
                                     {"add_project", true},
                                     {"report_hours", false}}));
  EXPECT_TRUE(team.json()["my_membership"].is_null());

  // A draft: its manager may publish it; nobody else sees it.
  auto created = admin->Post("/api/v1/volunteering/projects", nlohmann::json{{"team_id", team_id}, {"title", "草稿"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["can"],
            Can({{"edit", true}, {"publish", true}, {"change_status", true}, {"add_shift", true}}));
  EXPECT_EQ(created.json()["team_name"], "便民服务队");

  int64_t project = MakeProject(*admin, "便民服务日", team_id);
  int64_t shift = MakeShift(*admin, project, 1, 48 * kHourMs);
  const std::string project_path = "/api/v1/volunteering/projects/" + std::to_string(project);

  auto as_admin = admin->Get(project_path);
  ASSERT_EQ(as_admin.status, 200) << as_admin.body;
  EXPECT_EQ(as_admin.json()["project"]["can"]["publish"], false);
  EXPECT_EQ(as_admin.json()["project"]["can"]["edit"], true);
  EXPECT_EQ(as_admin.json()["shifts"][0]["can"],
            Can({{"sign_up", false}, {"cancel_sign_up", false}, {"manage_roster", true}, {"cancel", true}}));

  auto pub = Client()->Get(project_path);
  ASSERT_EQ(pub.status, 200);
  EXPECT_EQ(pub.json()["project"]["can"],
            Can({{"edit", false}, {"publish", false}, {"change_status", false}, {"add_shift", false}}));
  EXPECT_EQ(pub.json()["shifts"][0]["can"]["sign_up"], false);
  EXPECT_TRUE(pub.json()["shifts"][0]["my_sign_up"].is_null());

  // The team's leader manages its projects without any grant; a volunteer may sign up.
  auto leader = VolunteerClient(people[0]);
  EXPECT_EQ(leader->Get(project_path).json()["project"]["can"]["edit"], true);
  auto volunteer = VolunteerClient(people[1]);
  auto before = volunteer->Get(project_path).json()["shifts"][0];
  EXPECT_EQ(before["can"]["sign_up"], true);
  EXPECT_EQ(before["can"]["manage_roster"], false);
  auto signed_up = volunteer->Post(ShiftPath(shift, "/sign-ups"), std::string());
  ASSERT_EQ(signed_up.status, 201);
  auto after = volunteer->Get(project_path).json()["shifts"][0];
  EXPECT_EQ(after["can"]["sign_up"], false);
  EXPECT_EQ(after["can"]["cancel_sign_up"], true);
  EXPECT_EQ(after["my_sign_up"]["id"], signed_up.json()["id"]);
  EXPECT_EQ(after["my_sign_up"]["status"], "confirmed");

  // The team as a volunteer sees it: may apply; as its leader: decides members.
  const std::string team_path = "/api/v1/volunteering/teams/" + std::to_string(team_id);
  auto as_volunteer = volunteer->Get(team_path).json();
  EXPECT_EQ(as_volunteer["can"]["join"], true);
  EXPECT_EQ(as_volunteer["can"]["decide_members"], false);
  auto as_leader = leader->Get(team_path).json();
  EXPECT_EQ(as_leader["my_membership"]["role"], "leader");
  EXPECT_EQ(as_leader["can"]["decide_members"], true);
  EXPECT_EQ(as_leader["can"]["add_leader"], false);
  EXPECT_EQ(as_leader["can"]["report_hours"], true);
  EXPECT_EQ(Client()->Get(team_path).json()["can"]["join"], false);  // the public: log in first

  // The organization page lists the module's organization permissions.
  auto org = admin->Get("/api/v1/organizations/" + std::to_string(branch_.id)).json();
  EXPECT_EQ(org["can"]["volunteering.manage_projects"], true);
  EXPECT_EQ(org["can"]["volunteering.set_hours_rule"], true);
  EXPECT_FALSE(org["can"].contains("volunteering.sign_up"));  // a shift's permission, not an organization's
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerCanApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
