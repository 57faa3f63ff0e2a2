// The volunteering routes on the shared HTTP edge (http/edge.h), on SQLite and PostgreSQL: a
// malformed request is a 400, every bad query or body value is one 422 naming each field.

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerEdgeApiTest : public VolunteeringApiTest {};

using Fields = std::vector<std::string>;

TEST_P(VolunteerEdgeApiTest, BadQueryValuesAre422WithEveryField) {
  auto admin = Admin();
  const std::string org = std::to_string(branch_.id);
  struct Case {
    std::string path;
    Fields fields;
  };
  const Case cases[] = {
      {"/api/v1/volunteering/projects?status=bogus&manage=yes&limit=0", {"status", "manage", "limit"}},
      {"/api/v1/volunteering/projects?organization_id=x&team_id=-1&cursor=abc",
       {"organization_id", "team_id", "cursor"}},
      {"/api/v1/volunteering/teams", {"organization_id"}},
      {"/api/v1/volunteering/teams?organization_id=" + org + "&limit=9999", {"limit"}},
      {"/api/v1/volunteering/rankings/volunteers?organization_id=" + org + "&from=2026-13&to=26-01", {"from", "to"}},
      {"/api/v1/volunteering/rankings/teams?organization_id=" + org + "&from=2026-05&to=2026-04&cursor=x",
       {"from", "cursor"}},
      {"/api/v1/volunteering/organizations/" + org + "/monthly-hours?to=2026", {"to"}},
      {"/api/v1/volunteering/hours/entries?organization_id=" + org + "&cursor=0", {"cursor"}},
      {"/api/v1/volunteering/my/sign-ups?limit=201", {"limit"}},
      {"/api/v1/volunteering/my/hours?limit=-3", {"limit"}},
  };
  for (const auto& c : cases) {
    auto r = admin->Get(c.path);
    EXPECT_EQ(r.status, 422) << c.path << " " << r.body;
    EXPECT_EQ(r.error_fields(), c.fields) << c.path << " " << r.body;
    EXPECT_EQ(r.json().value("instance", ""), c.path.substr(0, c.path.find('?'))) << r.body;
  }

  auto team =
      admin->Post("/api/v1/volunteering/teams", nlohmann::json{{"organization_id", branch_.id}, {"name", "测试队"}});
  ASSERT_EQ(team.status, 201) << team.body;
  const std::string team_path = "/api/v1/volunteering/teams/" + std::to_string(team.json()["id"].get<int64_t>());
  EXPECT_EQ(admin->Get(team_path + "/members?status=maybe").error_fields(), Fields{"status"});
  EXPECT_EQ(admin->Get(team_path + "/hour-reports?status=maybe&limit=x").error_fields(), (Fields{"status", "limit"}));
  int64_t project = MakeProject(*admin);
  int64_t shift = MakeShift(*admin, project, 5, 48 * kHourMs);
  EXPECT_EQ(admin->Get(ShiftPath(shift, "/check-in-code?direction=sideways")).error_fields(), Fields{"direction"});
}

TEST_P(VolunteerEdgeApiTest, MalformedRequestsAre400AndBadBodiesOne422) {
  auto admin = Admin();
  EXPECT_EQ(admin->Get("/api/v1/volunteering/projects/abc").status, 400);
  EXPECT_EQ(admin->Get("/api/v1/volunteering/teams/0").status, 400);
  auto not_object = admin->Post("/api/v1/volunteering/teams", std::string("[1, 2]"));
  EXPECT_EQ(not_object.status, 400);
  EXPECT_EQ(not_object.error_fields(), Fields{"body"});

  // Every field at once: a bad leader id is named by its place, unknown fields too.
  auto team = admin->Post(
      "/api/v1/volunteering/teams",
      nlohmann::json{{"organization_id", 0}, {"name", ""}, {"leader_person_ids", {5, "x", -1}}, {"colour", "red"}});
  EXPECT_EQ(team.status, 422) << team.body;
  auto fields = team.error_fields();
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (Fields{"colour", "leader_person_ids[1]", "leader_person_ids[2]", "name", "organization_id"}));

  int64_t project = MakeProject(*admin);
  auto shift = admin->Post("/api/v1/volunteering/projects/" + std::to_string(project) + "/shifts",
                           nlohmann::json{{"starts_at", "tomorrow"}, {"ends_at", At(kHourMs)}, {"capacity", 0}});
  EXPECT_EQ(shift.status, 422);
  EXPECT_EQ(shift.error_fields(), (Fields{"starts_at", "capacity"}));
  EXPECT_TRUE(Says(shift, "volunteer.bad_time"));

  // Dates are checked by the one date reader of every body.
  auto adjust = admin->Post(
      "/api/v1/volunteering/hours/adjustments",
      nlohmann::json{
          {"person_id", 1}, {"project_id", project}, {"minutes", 0}, {"worked_on", "2026-02-30"}, {"reason", "x"}});
  EXPECT_EQ(adjust.status, 422);
  EXPECT_EQ(adjust.error_fields(), (Fields{"minutes", "worked_on"}));

  // A route without a body takes an empty one or {}, and refuses fields.
  int64_t open_shift = MakeShift(*admin, project, 5, 48 * kHourMs);
  auto cancel = admin->Post(ShiftPath(open_shift, "/cancel"), nlohmann::json{{"why", "rain"}});
  EXPECT_EQ(cancel.status, 422);
  EXPECT_EQ(cancel.error_fields(), Fields{"why"});
  EXPECT_EQ(admin->Post(ShiftPath(open_shift, "/cancel"), std::string()).status, 200);
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerEdgeApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
