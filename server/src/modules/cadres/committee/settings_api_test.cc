// The targets per organization through the HTTP API on SQLite and PostgreSQL: an admin sets the
// contact target, every cadre of the subtree takes the nearest setting (quota status, the
// dashboard and verify-counters with it); bad values name the field and change nothing; the
// permission truth table of reading and changing them, role × inside/above/beside.

#include "modules/cadres/api_test_fixture.h"
#include "modules/cadres/recount.h"

namespace tianshan::cadres::testing {
namespace {

class CadresSettingsApiTest : public CadresApiTest {
 protected:
  std::string SettingsPath(const std::string& org) {
    return "/api/v1/organizations/" + std::to_string(Org(org).first) + "/cadres/settings";
  }
  // The contact target of each cadre in the city's list, by id.
  std::map<int64_t, int> Targets(HttpClient& admin) {
    auto r = admin.Get("/api/v1/organizations/" + std::to_string(Org("克拉玛依市团委").first) + "/cadres");
    EXPECT_EQ(r.status, 200) << r.body;
    std::map<int64_t, int> out;
    const nlohmann::json page = r.json();
    for (const auto& item : page["items"]) out[item["id"].get<int64_t>()] = item["contact_target"].get<int>();
    return out;
  }
};

TEST_P(CadresSettingsApiTest, TheNearestSettingIsTheTargetOfEveryCadreBelowIt) {
  auto admin = LoggedIn("karamay-admin");
  auto initial = admin->Get(SettingsPath("克拉玛依市团委"));
  ASSERT_EQ(initial.status, 200) << initial.body;
  EXPECT_EQ(initial.json()["own"]["contact_target"], nullptr);
  EXPECT_EQ(initial.json()["effective"]["contact_target"], 100);
  EXPECT_EQ(initial.json()["effective"]["contact_target_from"], nullptr);
  EXPECT_EQ(initial.json()["effective"]["posting_months"], 4);
  EXPECT_EQ(initial.json()["can"]["update"], true);
  const auto before = Figures(*admin);
  const size_t cadres = Targets(*admin).size();
  ASSERT_GE(cadres, 3u);  // the demo's cadres of the city, 克拉玛依区团委 and 天山街道团工委
  EXPECT_EQ(before["at_quota"], 0);

  // Two contacts are enough in the whole city: the demo cadre (two contacts) reaches the quota.
  auto set = admin->Put(SettingsPath("克拉玛依市团委"), nlohmann::json{{"contact_target", 2}, {"posting_months", 3}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["own"]["contact_target"], 2);
  EXPECT_EQ(set.json()["effective"]["contact_target_from"], Org("克拉玛依市团委").first);
  for (const auto& [id, target] : Targets(*admin)) EXPECT_EQ(target, 2) << "cadre " << id;
  auto after = Figures(*admin);
  EXPECT_EQ(after["at_quota"], 1);
  auto dashboard =
      admin->Get("/api/v1/organizations/" + std::to_string(Org("克拉玛依市团委").first) + "/cadres/dashboard");
  EXPECT_EQ(dashboard.json()["targets"]["contact_target"], 2);
  EXPECT_EQ(dashboard.json()["targets"]["posting_months"], 3);
  EXPECT_EQ(VerifyCounters(ctx()).value(), std::vector<std::string>{});

  // A nearer setting below wins for its subtree only; the street committee inherits it.
  ASSERT_EQ(admin->Put(SettingsPath("克拉玛依区团委"), nlohmann::json{{"contact_target", 50}}).status, 200);
  auto street = admin->Get(SettingsPath("天山街道团工委"));
  EXPECT_EQ(street.json()["own"]["contact_target"], nullptr);
  EXPECT_EQ(street.json()["effective"]["contact_target"], 50);
  EXPECT_EQ(street.json()["effective"]["contact_target_from"], Org("克拉玛依区团委").first);
  EXPECT_EQ(street.json()["effective"]["posting_months"], 3);
  long in_district = 0;
  ASSERT_TRUE(ctx()
                  .db
                  .Read([&](storage::Transaction& tx) -> Status {
                    TS_ASSIGN_OR_RETURN(auto row,
                                        tx.QueryOne("SELECT COUNT(*) AS n FROM cadres_cadres WHERE org_path LIKE ?",
                                                    {Org("克拉玛依区团委").second + "%"}));
                    in_district = row->Int("n");
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_GE(in_district, 2);
  auto targets = Targets(*admin);
  EXPECT_EQ(std::count_if(targets.begin(), targets.end(), [](const auto& t) { return t.second == 50; }), in_district);
  EXPECT_EQ(std::count_if(targets.begin(), targets.end(), [](const auto& t) { return t.second == 2; }),
            static_cast<long>(cadres) - in_district);

  // Null inherits again: back to the platform default, the quota with it.
  ASSERT_EQ(admin->Put(SettingsPath("克拉玛依市团委"), nlohmann::json{{"contact_target", nullptr}}).status, 200);
  EXPECT_EQ(Figures(*admin)["at_quota"], 0);
  EXPECT_EQ(admin->Get(SettingsPath("克拉玛依市团委")).json()["effective"]["contact_target"], 100);
  EXPECT_EQ(VerifyCounters(ctx()).value(), std::vector<std::string>{});

  // Each change is in the city's audit log, with the setting before and after.
  auto audit = admin->Get("/api/v1/audit?organization_id=" + std::to_string(Org("克拉玛依市团委").first) +
                          "&action=cadres.settings.update");
  ASSERT_EQ(audit.status, 200) << audit.body;
  int changes = 0;
  const nlohmann::json entries = audit.json();
  for (const auto& e : entries["items"]) changes += e.value("action", "") == "cadres.settings.update";
  EXPECT_EQ(changes, 3) << audit.body;
}

TEST_P(CadresSettingsApiTest, BadValuesNameTheFieldAndChangeNothing) {
  auto admin = LoggedIn("karamay-admin");
  const std::string path = SettingsPath("克拉玛依市团委");
  const std::string before = admin->Get(path).body + Figures(*admin).dump();
  struct Case {
    nlohmann::json body;
    int status;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {{{"contact_target", 0}}, 422, {"contact_target"}},
      {{{"contact_target", 1001}}, 422, {"contact_target"}},
      {{{"contact_target", "100"}}, 422, {"contact_target"}},
      {{{"posting_months", 13}, {"contact_target", -5}}, 422, {"contact_target", "posting_months"}},
      {{{"posting_months", 0}}, 422, {"posting_months"}},
      {{{"target", 100}}, 422, {"target"}},
      {nlohmann::json::array(), 400, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body.dump());
    auto r = admin->Put(path, c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    auto fields = r.error_fields();
    std::sort(fields.begin(), fields.end());
    if (c.status == 422) {
      EXPECT_EQ(fields, c.fields) << r.body;
    }
    EXPECT_EQ(admin->Get(path).body + Figures(*admin).dump(), before);
  }
  EXPECT_EQ(admin->Get("/api/v1/organizations/999999/cadres/settings").status, 404);
}

// Reading: cadres.dashboard; changing: cadres.settings (committee admins covering the
// organization). Unseen organizations are 404, seen but not allowed 403; a refused change
// changes nothing.
TEST_P(CadresSettingsApiTest, PermissionTruthTable) {
  const int64_t urumqi = Org("乌鲁木齐市团委").first;
  const int64_t street = Org("天山街道团工委").first;
  server().CreateAccount("urumqi-admin", {{urumqi, auth::Role::kCommitteeAdmin}});
  server().CreateAccount("street-admin", {{street, auth::Role::kCommitteeAdmin}});
  struct Row {
    const char* login;
    const char* password;
    const char* where;  // the city seen from the grant
    int read, write;
  };
  const Row table[] = {
      {"region-admin", "tianshan-demo", "above the city: covers it", 200, 200},
      {"karamay-admin", "tianshan-demo", "the city itself", 200, 200},
      {"urumqi-admin", "password-123", "beside", 404, 404},
      {"street-admin", "password-123", "below", 404, 404},
      {"cadre", "tianshan-demo", "a cadre of the city", 403, 403},
      {"branch-secretary", "tianshan-demo", "a branch below", 404, 404},
      {"member", "tianshan-demo", "a member below", 404, 404},
      {"youth", "tianshan-demo", "a young person below", 404, 404},
  };
  auto admin = LoggedIn("karamay-admin");
  const std::string path = SettingsPath("克拉玛依市团委");
  for (const auto& row : table) {
    SCOPED_TRACE(std::string(row.login) + " (" + row.where + ")");
    auto client = LoggedIn(row.login, row.password);
    const std::string before = admin->Get(path).body;
    auto read = client->Get(path);
    EXPECT_EQ(read.status, row.read) << read.body;
    if (read.status == 200) {
      EXPECT_EQ(read.json()["can"]["update"], row.write == 200);
    }
    auto write = client->Put(path, nlohmann::json{{"contact_target", 80}});
    EXPECT_EQ(write.status, row.write) << write.body;
    if (write.status == 200) {
      ASSERT_EQ(admin->Put(path, nlohmann::json{{"contact_target", nullptr}}).status, 200);
    } else {
      EXPECT_EQ(admin->Get(path).body, before);
    }
  }
  // The street admin manages its own subtree.
  auto own = LoggedIn("street-admin", "password-123")
                 ->Put(SettingsPath("天山街道团工委"), nlohmann::json{{"contact_target", 60}});
  EXPECT_EQ(own.status, 200) << own.body;
}

TS_INSTANTIATE_FOR_DATABASES(CadresSettingsApiTest);

}  // namespace
}  // namespace tianshan::cadres::testing
