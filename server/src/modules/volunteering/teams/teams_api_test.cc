// Teams through the HTTP API on SQLite and PostgreSQL: "my teams", editing and archiving a
// team, and membership decisions that need a reason to reject.

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerTeamsApiTest : public VolunteeringApiTest {
 protected:
  std::string TeamPath(int64_t id, const std::string& tail = "") {
    return "/api/v1/volunteering/teams/" + std::to_string(id) + tail;
  }

  // Teams of the branch called <prefix>0, <prefix>1, … led by `leader`.
  std::vector<int64_t> MakeTeams(HttpClient& admin, int n, const std::string& prefix, int64_t leader) {
    std::vector<int64_t> ids;
    for (int i = 0; i < n; ++i) {
      auto t = admin.Post("/api/v1/volunteering/teams", nlohmann::json{{"organization_id", branch_.id},
                                                                       {"name", prefix + std::to_string(i)},
                                                                       {"leader_person_ids", {leader}}});
      EXPECT_EQ(t.status, 201) << t.body;
      ids.push_back(t.json().value("id", int64_t{0}));
    }
    return ids;
  }
};

TEST_P(VolunteerTeamsApiTest, MyTeamsAndDecisionsWithReasons) {
  auto admin = Admin();
  auto people = MakePeople(2);
  auto leader = VolunteerClient(people[0]);
  auto volunteer = VolunteerClient(people[1]);
  auto teams = MakeTeams(*admin, 2, "队伍", people[0]);
  EXPECT_TRUE(volunteer->Get("/api/v1/volunteering/my/teams").json()["items"].empty());

  auto apply = volunteer->Post(TeamPath(teams[0], "/applications"), nlohmann::json{{"message", "想参加"}});
  ASSERT_EQ(apply.status, 201) << apply.body;
  const std::string decision =
      TeamPath(teams[0], "/members/" + std::to_string(apply.json()["id"].get<int64_t>()) + "/decision");
  auto mine = volunteer->Get("/api/v1/volunteering/my/teams").json();
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["name"], "队伍0");
  EXPECT_EQ(mine["items"][0]["my_membership"]["status"], "pending");
  EXPECT_EQ(mine["items"][0]["can"]["join"], false);

  // Rejecting needs a reason; the reason stays with the membership.
  auto bare = leader->Post(decision, nlohmann::json{{"decision", "reject"}});
  EXPECT_EQ(bare.status, 422) << bare.body;
  EXPECT_EQ(bare.error_fields(), std::vector<std::string>{"reason"});
  EXPECT_TRUE(Says(bare, "volunteer.reason_required"));
  auto rejected = leader->Post(decision, nlohmann::json{{"decision", "reject"}, {"reason", "名额已满"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["status"], "rejected");
  EXPECT_EQ(rejected.json()["decision_reason"], "名额已满");
  EXPECT_TRUE(volunteer->Get("/api/v1/volunteering/my/teams").json()["items"].empty());
  EXPECT_EQ(volunteer->Get(TeamPath(teams[0])).json()["can"]["join"], true);

  // Applying again clears the old reason; approving needs none.
  ASSERT_EQ(volunteer->Post(TeamPath(teams[0], "/applications"), std::string()).status, 201);
  auto members = leader->Get(TeamPath(teams[0], "/members?status=pending")).json()["items"];
  ASSERT_EQ(members.size(), 1u);
  EXPECT_TRUE(members[0]["decision_reason"].is_null());
  auto approved = leader->Post(decision, nlohmann::json{{"decision", "approve"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  mine = volunteer->Get("/api/v1/volunteering/my/teams").json();
  EXPECT_EQ(mine["items"][0]["my_membership"]["role"], "member");
  EXPECT_EQ(mine["items"][0]["my_membership"]["status"], "active");
  EXPECT_EQ(mine["items"][0]["can"]["report_hours"], true);

  // The leader leads both, in pages.
  auto first = leader->Get("/api/v1/volunteering/my/teams?limit=1").json();
  ASSERT_EQ(first["items"].size(), 1u);
  EXPECT_EQ(first["items"][0]["my_membership"]["role"], "leader");
  EXPECT_EQ(first["items"][0]["can"]["decide_members"], true);
  ASSERT_TRUE(first["next_cursor"].is_string());
  auto second = leader->Get("/api/v1/volunteering/my/teams?limit=1&cursor=" + first["next_cursor"].get<std::string>());
  ASSERT_EQ(second.json()["items"].size(), 1u);
  EXPECT_EQ(second.json()["items"][0]["id"], teams[1]);
  EXPECT_TRUE(second.json()["next_cursor"].is_null());
  EXPECT_EQ(admin->Get("/api/v1/volunteering/my/teams").status, 403);  // an account without a person
}

TEST_P(VolunteerTeamsApiTest, ManagersEditAndArchiveTeams) {
  auto admin = Admin();
  auto people = MakePeople(2);
  auto leader = VolunteerClient(people[0]);
  auto volunteer = VolunteerClient(people[1]);
  auto ids = MakeTeams(*admin, 2, "队", people[0]);
  auto renamed = admin->Patch(
      TeamPath(ids[0]),
      nlohmann::json{{"name", "风云便民队"}, {"description", nullptr}, {"partner_name", "天山社工服务社"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json()["name"], "风云便民队");
  EXPECT_TRUE(renamed.json()["description"].is_null());
  EXPECT_EQ(renamed.json()["partner_name"], "天山社工服务社");
  EXPECT_EQ(renamed.json()["can"]["edit"], true);
  EXPECT_EQ(admin->Patch(TeamPath(ids[1]), nlohmann::json{{"name", "风云便民队"}}).status, 409);
  EXPECT_EQ(admin->Patch(TeamPath(ids[1]), nlohmann::json{{"status", "gone"}}).status, 422);
  // Leading a team is not managing it.
  EXPECT_EQ(leader->Patch(TeamPath(ids[0]), nlohmann::json{{"name", "改名"}}).status, 403);
  EXPECT_EQ(leader->Get(TeamPath(ids[0])).json()["can"]["edit"], false);

  auto archived = admin->Patch(TeamPath(ids[0]), nlohmann::json{{"status", "archived"}});
  ASSERT_EQ(archived.status, 200) << archived.body;
  EXPECT_EQ(archived.json()["status"], "archived");
  EXPECT_EQ(volunteer->Get(TeamPath(ids[0])).json()["can"]["join"], false);
  auto apply = volunteer->Post(TeamPath(ids[0], "/applications"), std::string());
  EXPECT_EQ(apply.status, 409);
  EXPECT_TRUE(Says(apply, "volunteer.team_archived"));
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerTeamsApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
