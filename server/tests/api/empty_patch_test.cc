// A PATCH that sets nothing new changes nothing, on every PATCH route: the answer is the object
// as it was, `updated_at` stays, and no audit entry is written. On SQLite and PostgreSQL.

#include <map>

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

class EmptyPatchTest : public VolunteeringApiTest {
 protected:
  int64_t AuditEntries() {
    auto n = ctx().db.Read([](storage::Transaction& tx) -> Result<int64_t> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT COUNT(*) FROM audit_entries"));
      return row->Int(0);
    });
    EXPECT_TRUE(n.ok());
    return n.ok() ? *n : -1;
  }
};

TEST_P(EmptyPatchTest, ChangesNothingOnAnyRoute) {
  auto admin = Admin();
  const int64_t person = MakePeople(1)[0];
  auto unit = admin->Post("/api/v1/organizations/" + std::to_string(street_.id) + "/coverage-units",
                          nlohmann::json{{"name", "天山物流园非公企业"}, {"kind", "non_public_enterprise"}});
  ASSERT_EQ(unit.status, 201) << unit.body;
  auto team = admin->Post("/api/v1/volunteering/teams",
                          nlohmann::json{{"organization_id", street_.id}, {"name", "行星团青年志愿者"}});
  ASSERT_EQ(team.status, 201) << team.body;
  const int64_t project = MakeProject(*admin);
  auto shift_made = admin->Post("/api/v1/volunteering/projects/" + std::to_string(project) + "/shifts",
                                nlohmann::json{{"starts_at", At(48 * kHourMs)},
                                               {"ends_at", At(51 * kHourMs)},
                                               {"capacity", 5},
                                               {"role", "志愿者"}});
  ASSERT_EQ(shift_made.status, 201) << shift_made.body;
  const int64_t shift = shift_made.json()["id"];
  const std::string unit_path = "/api/v1/coverage-units/" + std::to_string(unit.json()["id"].get<int64_t>());
  const std::string shift_path = "/api/v1/volunteering/shifts/" + std::to_string(shift);
  // Routes without a GET of their own: the object as created.
  const std::map<std::string, nlohmann::json> created = {{unit_path, unit.json()}, {shift_path, shift_made.json()}};
  server().clock().Advance(60 * 1000);  // so that a write would show a new updated_at

  const std::vector<std::pair<std::string, nlohmann::json>> routes = {
      {"/api/v1/organizations/" + std::to_string(branch_.id), {}},
      {"/api/v1/organizations/" + std::to_string(branch_.id), {{"name", branch_.fields.name}}},
      {"/api/v1/people/" + std::to_string(person), {}},
      {unit_path, {}},
      {unit_path, {{"name", "天山物流园非公企业"}}},
      {"/api/v1/volunteering/teams/" + std::to_string(team.json()["id"].get<int64_t>()), {}},
      {"/api/v1/volunteering/projects/" + std::to_string(project), {}},
      {"/api/v1/volunteering/projects/" + std::to_string(project), {{"title", "社区便民服务日"}}},
      {shift_path, {}},
      {shift_path, {{"capacity", 5}}},
  };
  for (const auto& [path, body] : routes) {
    const bool readable = !created.contains(path);
    const nlohmann::json was = readable ? admin->Get(path).json() : created.at(path);
    const int64_t entries = AuditEntries();
    auto patched = admin->Patch(path, body.is_null() ? nlohmann::json::object() : body);
    ASSERT_EQ(patched.status, 200) << path << " " << body << " " << patched.body;
    EXPECT_EQ(AuditEntries(), entries) << path << " " << body << ": no audit entry for no change";
    const nlohmann::json now = readable ? admin->Get(path).json() : patched.json();
    if (was.contains("updated_at")) {
      EXPECT_EQ(now["updated_at"], was["updated_at"]) << path << " " << body;
    }
    if (readable) {
      EXPECT_EQ(now, was) << path << " " << body;
    }
  }
  // A real change still writes and is audited.
  const int64_t entries = AuditEntries();
  ASSERT_EQ(admin->Patch("/api/v1/volunteering/shifts/" + std::to_string(shift), {{"capacity", 6}}).status, 200);
  EXPECT_EQ(AuditEntries(), entries + 1);
}

TS_INSTANTIATE_FOR_DATABASES(EmptyPatchTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
