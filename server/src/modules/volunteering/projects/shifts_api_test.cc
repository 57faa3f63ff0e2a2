// Projects and shifts through the HTTP API on SQLite and PostgreSQL: team names in the project
// list, the server-computed state of a shift, and editing a shift before it starts.

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerShiftsApiTest : public VolunteeringApiTest {
 protected:
  nlohmann::json FirstShift(HttpClient& client, int64_t project) {
    auto r = client.Get("/api/v1/volunteering/projects/" + std::to_string(project));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["shifts"][0];
  }
};

TEST_P(VolunteerShiftsApiTest, ProjectListNamesTheTeam) {
  auto admin = Admin();
  auto team = admin->Post("/api/v1/volunteering/teams",
                          nlohmann::json{{"organization_id", branch_.id}, {"name", "行星团青年志愿者"}});
  ASSERT_EQ(team.status, 201);
  int64_t with_team = MakeProject(*admin, "清洁行动", team.json()["id"].get<int64_t>());
  int64_t without = MakeProject(*admin, "便民服务日");
  auto guest = Client();
  for (auto* client : {admin.get(), guest.get()}) {
    auto list = client->Get("/api/v1/volunteering/projects?limit=50").json()["items"];
    ASSERT_EQ(list.size(), 2u);
    for (const auto& p : list) {
      if (p["id"] == with_team) {
        EXPECT_EQ(p["team_name"], "行星团青年志愿者");
      } else {
        EXPECT_EQ(p["id"], without);
        EXPECT_TRUE(p["team_name"].is_null());
      }
    }
  }
}

TEST_P(VolunteerShiftsApiTest, TheServerSaysWhetherAShiftIsOpenFullRunningOrEnded) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin);
  int64_t shift = MakeShift(*admin, project, 1, kHourMs, 2 * kHourMs);
  EXPECT_EQ(FirstShift(*admin, project)["state"], "open");
  EXPECT_EQ(FirstShift(*admin, project)["ended"], false);
  auto volunteer = VolunteerClient(MakePeople(1)[0]);
  ASSERT_EQ(volunteer->Post(ShiftPath(shift, "/sign-ups"), std::string()).status, 201);
  EXPECT_EQ(FirstShift(*admin, project)["state"], "full");

  server().clock().Advance(90 * 60 * 1000);
  auto running = FirstShift(*volunteer, project);
  EXPECT_EQ(running["state"], "in_progress");
  EXPECT_EQ(running["can"]["cancel_sign_up"], false);
  server().clock().Advance(2 * kHourMs);
  auto ended = FirstShift(*volunteer, project);
  EXPECT_EQ(ended["state"], "ended");
  EXPECT_EQ(ended["ended"], true);
  EXPECT_EQ(ended["my_sign_up"]["status"], "confirmed");  // what it was; the state says it is over
  auto mine = volunteer->Get("/api/v1/volunteering/my/sign-ups").json()["items"][0];
  EXPECT_EQ(mine["shift"]["state"], "ended");
  EXPECT_EQ(mine["shift"]["ended"], true);

  int64_t cancelled = MakeShift(*admin, project, 5, 48 * kHourMs);
  auto c = admin->Post(ShiftPath(cancelled, "/cancel"), std::string());
  ASSERT_EQ(c.status, 200);
  EXPECT_EQ(c.json()["state"], "cancelled");
}

TEST_P(VolunteerShiftsApiTest, ManagersEditAShiftBeforeItStarts) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin);
  int64_t shift = MakeShift(*admin, project, 1, 48 * kHourMs);
  auto people = MakePeople(3);
  std::vector<std::unique_ptr<HttpClient>> v;
  for (int64_t p : people) {
    v.push_back(VolunteerClient(p));
    ASSERT_EQ(v.back()->Post(ShiftPath(shift, "/sign-ups"), std::string()).status, 201);
  }
  const std::string path = ShiftPath(shift, "");
  // More seats go to the waitlist in order.
  auto more = admin->Patch(path, nlohmann::json{{"capacity", 2}, {"role", "引导员"}, {"min_age", nullptr}});
  ASSERT_EQ(more.status, 200) << more.body;
  EXPECT_EQ(more.json()["capacity"], 2);
  EXPECT_EQ(more.json()["confirmed"], 2);
  EXPECT_EQ(more.json()["waitlisted"], 1);
  EXPECT_EQ(more.json()["role"], "引导员");
  EXPECT_EQ(v[1]->Get("/api/v1/volunteering/my/sign-ups").json()["items"][0]["sign_up"]["status"], "confirmed");
  EXPECT_EQ(v[2]->Get("/api/v1/volunteering/my/sign-ups").json()["items"][0]["sign_up"]["waitlist_position"], 1);

  auto fewer = admin->Patch(path, nlohmann::json{{"capacity", 1}});
  EXPECT_EQ(fewer.status, 422);
  EXPECT_EQ(fewer.error_fields(), std::vector<std::string>{"capacity"});
  EXPECT_TRUE(Says(fewer, "volunteer.capacity_below_confirmed"));
  auto moved = admin->Patch(path, nlohmann::json{{"starts_at", At(50 * kHourMs)}, {"ends_at", At(52 * kHourMs)}});
  EXPECT_EQ(moved.status, 409);
  EXPECT_TRUE(Says(moved, "volunteer.shift_has_sign_ups"));
  EXPECT_EQ(v[0]->Patch(path, nlohmann::json{{"capacity", 5}}).status, 403);

  // Nobody signed up yet: the times may move, checked as for a new shift.
  int64_t empty = MakeShift(*admin, project, 3, 72 * kHourMs);
  auto backwards = admin->Patch(ShiftPath(empty, ""), nlohmann::json{{"ends_at", At(71 * kHourMs)}});
  EXPECT_EQ(backwards.status, 422);
  EXPECT_EQ(backwards.error_fields(), std::vector<std::string>{"ends_at"});
  auto later = admin->Patch(ShiftPath(empty, ""),
                            nlohmann::json{{"starts_at", At(96 * kHourMs)}, {"ends_at", At(99 * kHourMs)}});
  ASSERT_EQ(later.status, 200) << later.body;
  EXPECT_EQ(later.json()["starts_at"], At(96 * kHourMs));

  server().clock().Advance(49 * kHourMs);
  admin = Admin();  // the earlier session has expired meanwhile
  auto started = admin->Patch(path, nlohmann::json{{"capacity", 5}});
  EXPECT_EQ(started.status, 409);
  EXPECT_TRUE(Says(started, "volunteer.shift_started"));
  auto all = server().app().VerifyCounters();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << all->front();
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerShiftsApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
