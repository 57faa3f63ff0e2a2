// "4+1" served units through the HTTP API on SQLite and PostgreSQL: a cadre registers with a
// grass-roots unit and logs services there; the unit's secretary confirms or disputes each one
// from its queue; the committee's yearly summary per cadre and per unit, its export and the
// counters (cadres.served_units, cadres.service_minutes) follow, and agree with verify-counters
// and the daily recount; bad input names the field and changes nothing; decisions racing
// decide once; the permission truth table of every route × role × inside/outside.
// The test clock's day is 2026-05-28.

#include <thread>

#include "modules/cadres/api_test_fixture.h"
#include "modules/cadres/recount.h"

namespace tianshan::cadres::testing {
namespace {

class CadresUnitsApiTest : public CadresApiTest {
 protected:
  std::vector<std::string> Verify() {
    auto r = VerifyCounters(ctx());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : std::vector<std::string>{"failed"};
  }
  std::vector<int> UnitFigures(HttpClient& admin) {
    auto f = Figures(admin);
    return {f["served_units"], f["service_minutes"]};
  }
  static nlohmann::json Service(int64_t unit, const std::string& on = "2026-05-20", int minutes = 90) {
    return {{"unit_id", unit}, {"served_on", on}, {"minutes", minutes}, {"what", "为社区青年开展就业政策宣讲"}};
  }
  std::string Queue(int64_t unit) { return "/api/v1/organizations/" + std::to_string(unit) + "/cadres/unit-services"; }
  static std::string Decision(int64_t id) { return "/api/v1/cadres/unit-services/" + std::to_string(id) + "/decision"; }
  int64_t Count(const std::string& table) {
    int64_t n = 0;
    EXPECT_TRUE(ctx()
                    .db
                    .Read([&](storage::Transaction& tx) -> Status {
                      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT COUNT(*) AS n FROM " + table));
                      n = row->Int("n");
                      return Status::Ok();
                    })
                    .ok());
    return n;
  }
  static nlohmann::json UnitRow(const nlohmann::json& overview, int64_t unit) {
    for (const auto& u : overview["units"]) {
      if (u["unit_id"] == unit) return u;
    }
    return {{"cadres", 0}, {"services", 0}, {"confirmed_minutes", 0}, {"pending", 0}, {"disputed", 0}};
  }
  nlohmann::json Overview(HttpClient& admin, const std::string& query = "") {
    auto r = admin.Get("/api/v1/organizations/" + std::to_string(Org("克拉玛依市团委").first) + "/cadres/served-units" +
                       query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
};

TEST_P(CadresUnitsApiTest, RegisterLogConfirmDisputeEndMoveTheFigures) {
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  auto secretary = LoggedIn("branch-secretary");  // of 风云社区团支部
  const int64_t fengyun = Org("风云社区团支部").first;
  const auto b0 = UnitFigures(*admin);
  const auto o0 = Overview(*admin);

  auto reg = cadre->Post("/api/v1/cadres/me/served-units", nlohmann::json{{"unit_id", fengyun}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  const int64_t registration = reg.json()["id"];
  EXPECT_EQ(reg.json()["unit_name"], "风云社区团支部");
  EXPECT_EQ(reg.json()["can"], (nlohmann::json{{"log", true}, {"end", true}}));
  EXPECT_EQ(UnitFigures(*admin), (std::vector<int>{b0[0] + 1, b0[1]}));

  // Logged for the unit registered with: pending, on the unit's queue.
  auto a = cadre->Post("/api/v1/cadres/me/unit-services", Service(fengyun, "2026-05-20", 90));
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(a.json()["status"], "pending");
  auto b = cadre->Post("/api/v1/cadres/me/unit-services", Service(fengyun, "2026-05-21", 45));
  ASSERT_EQ(b.status, 201) << b.body;
  auto queue = secretary->Get(Queue(fengyun) + "?status=pending");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json()["items"].size(), 2u);
  EXPECT_EQ(queue.json()["items"][0]["id"], a.json()["id"]);
  EXPECT_EQ(queue.json()["items"][0]["unit_name"], "风云社区团支部");
  EXPECT_EQ(queue.json()["items"][0]["can"]["decide"], true);
  EXPECT_FALSE(queue.json()["items"][0]["cadre"]["name"].get<std::string>().empty());

  // Confirmed: the minutes count for the year; disputed: with its reason, minutes not counted.
  auto confirmed = secretary->Post(Decision(a.json()["id"]), nlohmann::json{{"decision", "confirm"}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json()["status"], "confirmed");
  EXPECT_EQ(confirmed.json()["can"]["decide"], false);
  auto disputed = secretary->Post(Decision(b.json()["id"]),
                                  nlohmann::json{{"decision", "dispute"}, {"reason", "当天支部未安排活动"}});
  ASSERT_EQ(disputed.status, 200) << disputed.body;
  EXPECT_EQ(disputed.json()["dispute_reason"], "当天支部未安排活动");
  EXPECT_EQ(secretary->Post(Decision(a.json()["id"]), nlohmann::json{{"decision", "dispute"}, {"reason", "x"}}).status,
            409);
  EXPECT_EQ(UnitFigures(*admin), (std::vector<int>{b0[0] + 1, b0[1] + 90}));
  EXPECT_EQ(secretary->Get(Queue(fengyun) + "?status=pending").json()["items"].size(), 0u);
  EXPECT_EQ(secretary->Get(Queue(fengyun) + "?status=disputed").json()["items"].size(), 2u);  // the demo's and ours

  // The cadre's own view: this year's summary and the latest services.
  auto mine = cadre->Get("/api/v1/cadres/me/served-units");
  ASSERT_EQ(mine.status, 200) << mine.body;
  auto unit = mine.json()["items"][0];
  EXPECT_EQ(unit["id"], registration);
  EXPECT_EQ(unit["year"],
            (nlohmann::json{{"services", 2}, {"confirmed_minutes", 90}, {"pending", 0}, {"disputed", 1}}));
  EXPECT_EQ(unit["services"].size(), 2u);

  // The committee's yearly summary per cadre and per unit (the demo's cadre of 天山街道 serves
  // 风云社区 too), and last year's (empty).
  auto o = Overview(*admin);
  bool cadre_row = false;
  for (const auto& c : o["cadres"]) {
    if (c["units"] == 1 && c["services"] == 2 && c["confirmed_minutes"] == 90 && c["disputed"] == 1) cadre_row = true;
  }
  EXPECT_TRUE(cadre_row) << o.dump();
  const auto unit_row = UnitRow(o, fengyun), unit_before = UnitRow(o0, fengyun);
  EXPECT_EQ(unit_row["cadres"].get<int>(), unit_before["cadres"].get<int>() + 1) << o.dump();
  EXPECT_EQ(unit_row["services"].get<int>(), unit_before["services"].get<int>() + 2);
  EXPECT_EQ(unit_row["confirmed_minutes"].get<int>(), unit_before["confirmed_minutes"].get<int>() + 90);
  EXPECT_EQ(unit_row["disputed"].get<int>(), unit_before["disputed"].get<int>() + 1);
  const auto overview_2025 = Overview(*admin, "?year=2025");
  for (const auto& u : overview_2025["units"]) EXPECT_EQ(u["services"], 0);  // active, no service
  auto xlsx = admin->Get("/api/v1/organizations/" + std::to_string(Org("克拉玛依市团委").first) +
                         "/cadres/served-units/export");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

  // Ended: no more services there; the decided ones stay.
  auto ended = cadre->Post("/api/v1/cadres/served-units/" + std::to_string(registration) + "/end", std::string());
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json()["status"], "ended");
  EXPECT_EQ(cadre->Post("/api/v1/cadres/served-units/" + std::to_string(registration) + "/end", std::string()).status,
            409);
  auto after_end = cadre->Post("/api/v1/cadres/me/unit-services", Service(fengyun));
  EXPECT_EQ(after_end.status, 422);
  EXPECT_EQ(after_end.error_fields(), std::vector<std::string>{"unit_id"});
  EXPECT_EQ(UnitFigures(*admin), (std::vector<int>{b0[0], b0[1] + 90}));
  // Registered again later: a new registration.
  ASSERT_EQ(cadre->Post("/api/v1/cadres/me/served-units", nlohmann::json{{"unit_id", fengyun}}).status, 201);

  EXPECT_EQ(Verify(), std::vector<std::string>{});
  JobRun run;
  run.due_at = server().clock().NowMillis();
  ASSERT_TRUE(RecountFigures(ctx(), run).ok());
  EXPECT_EQ(UnitFigures(*admin), (std::vector<int>{b0[0] + 1, b0[1] + 90}));
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

TEST_P(CadresUnitsApiTest, EveryBadInputNamesTheFieldAndChangesNothing) {
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  auto secretary = LoggedIn("branch-secretary");
  const int64_t fengyun = Org("风云社区团支部").first;
  const int64_t jiafu = Org("佳福小区团支部").first;
  ASSERT_EQ(cadre->Post("/api/v1/cadres/me/served-units", nlohmann::json{{"unit_id", fengyun}}).status, 201);
  const auto b0 = UnitFigures(*admin);
  const int64_t units = Count("cadres_served_units"), services = Count("cadres_services");

  auto fields = [&](const std::string& path, const nlohmann::json& body, int status) {
    auto r = cadre->Post(path, body);
    EXPECT_EQ(r.status, status) << body.dump() << " " << r.body;
    return r.error_fields();
  };
  using F = std::vector<std::string>;
  EXPECT_EQ(fields("/api/v1/cadres/me/served-units", {{"unit_id", fengyun}}, 409), F{"unit_id"});
  EXPECT_EQ(fields("/api/v1/cadres/me/served-units", {{"unit_id", 99999999}}, 422), F{"unit_id"});
  EXPECT_EQ(fields("/api/v1/cadres/me/served-units", {{"unit_id", "x"}}, 422), F{"unit_id"});
  EXPECT_EQ(fields("/api/v1/cadres/me/served-units", {{"unit_id", fengyun}, {"extra", 1}}, 422), F{"extra"});
  // A unit the cadre did not register with.
  EXPECT_EQ(fields("/api/v1/cadres/me/unit-services", Service(jiafu), 422), F{"unit_id"});
  EXPECT_EQ(fields("/api/v1/cadres/me/unit-services", Service(fengyun, "2027-01-01"), 422), F{"served_on"});
  EXPECT_EQ(fields("/api/v1/cadres/me/unit-services", Service(fengyun, "2026-02-30"), 422), F{"served_on"});
  EXPECT_EQ(fields("/api/v1/cadres/me/unit-services", Service(fengyun, "2026-05-20", 0), 422), F{"minutes"});
  EXPECT_EQ(fields("/api/v1/cadres/me/unit-services", Service(fengyun, "2026-05-20", 24 * 60 + 1), 422), F{"minutes"});
  auto long_what = Service(fengyun);
  long_what["what"] = std::string(201 * 3, 'x').substr(0, 201);
  EXPECT_EQ(fields("/api/v1/cadres/me/unit-services", long_what, 422), F{"what"});
  auto no_what = Service(fengyun);
  no_what.erase("what");
  EXPECT_EQ(fields("/api/v1/cadres/me/unit-services", no_what, 422), F{"what"});
  EXPECT_EQ(Count("cadres_services"), services);

  auto s = cadre->Post("/api/v1/cadres/me/unit-services", Service(fengyun));
  ASSERT_EQ(s.status, 201) << s.body;
  const int64_t id = s.json()["id"];
  auto decide = [&](const nlohmann::json& body) {
    auto r = secretary->Post(Decision(id), body);
    EXPECT_EQ(r.status, 422) << body.dump() << " " << r.body;
    return r.error_fields();
  };
  EXPECT_EQ(decide({{"decision", "maybe"}}), F{"decision"});
  EXPECT_EQ(decide({{"decision", "dispute"}}), F{"reason"});
  EXPECT_EQ(decide({{"decision", "dispute"}, {"reason", std::string(201, 'x')}}), F{"reason"});
  EXPECT_EQ(decide(nlohmann::json::object()), F{"decision"});
  EXPECT_EQ(secretary->Get(Queue(fengyun) + "?status=open").status, 422);
  EXPECT_EQ(
      admin
          ->Get("/api/v1/organizations/" + std::to_string(Org("克拉玛依市团委").first) + "/cadres/served-units?year=20")
          .status,
      422);
  EXPECT_EQ(secretary->Get(Queue(fengyun) + "?status=pending").json()["items"][0]["status"], "pending");
  EXPECT_EQ(Count("cadres_served_units"), units);
  EXPECT_EQ(UnitFigures(*admin), b0);
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

TEST_P(CadresUnitsApiTest, DecisionsRacingDecideOnce) {
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  const int64_t fengyun = Org("风云社区团支部").first;
  ASSERT_EQ(cadre->Post("/api/v1/cadres/me/served-units", nlohmann::json{{"unit_id", fengyun}}).status, 201);
  const auto b0 = UnitFigures(*admin);
  constexpr int kServices = 4;
  for (int k = 0; k < kServices; ++k) {
    auto s = cadre->Post("/api/v1/cadres/me/unit-services", Service(fengyun, "2026-05-2" + std::to_string(k), 30));
    ASSERT_EQ(s.status, 201) << s.body;
    const int64_t id = s.json()["id"];
    // The branch secretary confirms while the city's admin disputes the same service.
    auto secretary = LoggedIn("branch-secretary");
    int confirm_status = 0, dispute_status = 0;
    std::thread t1([&] {
      confirm_status = secretary->Post(Decision(id), nlohmann::json{{"decision", "confirm"}}).status;
    });
    std::thread t2([&] {
      dispute_status = admin->Post(Decision(id), nlohmann::json{{"decision", "dispute"}, {"reason", "x"}}).status;
    });
    t1.join();
    t2.join();
    EXPECT_EQ((confirm_status == 200) + (dispute_status == 200), 1) << confirm_status << " " << dispute_status;
    EXPECT_TRUE(confirm_status == 409 || dispute_status == 409) << confirm_status << " " << dispute_status;
  }
  auto f = UnitFigures(*admin);
  auto confirmed = cadre->Get("/api/v1/cadres/me/served-units").json()["items"][0]["year"];
  EXPECT_EQ(confirmed["pending"], 0);
  EXPECT_EQ(confirmed["services"], kServices);
  EXPECT_EQ(f[1] - b0[1], confirmed["confirmed_minutes"].get<int>());
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

TEST_P(CadresUnitsApiTest, PermissionTruthTable) {
  server().CreateAccount("urumqi-admin", {{Org("乌鲁木齐市团委").first, auth::Role::kCommitteeAdmin}});
  server().CreateAccount("street-admin", {{Org("天山街道团工委").first, auth::Role::kCommitteeAdmin}});
  server().CreateAccount("jiafu-secretary", {{Org("佳福小区团支部").first, auth::Role::kBranchSecretary}});
  auto cadre = LoggedIn("cadre");
  const int64_t fengyun = Org("风云社区团支部").first;
  const std::string city = std::to_string(Org("克拉玛依市团委").first);
  ASSERT_EQ(cadre->Post("/api/v1/cadres/me/served-units", nlohmann::json{{"unit_id", fengyun}}).status, 201);
  struct Row {
    const char* login;
    const char* password;
    int register_unit, log, queue, read_decide, decide, overview;
  };
  // register_unit/log: the caller's own; queue: 风云社区's; read_decide: can.decide shown in the
  // queue; decide: a service of the cadre to 风云社区; overview: the city's summary and export.
  const Row table[] = {
      {"region-admin", "tianshan-demo", 403, 403, 200, 1, 200, 200},      // above
      {"karamay-admin", "tianshan-demo", 403, 403, 200, 1, 200, 200},     // the city's committee
      {"street-admin", "password-123", 403, 403, 200, 1, 200, 404},       // above the unit, below the city
      {"branch-secretary", "tianshan-demo", 201, 422, 200, 1, 200, 404},  // the unit (a cadre too)
      {"jiafu-secretary", "password-123", 403, 403, 404, 0, 404, 404},    // the unit beside
      {"urumqi-admin", "password-123", 403, 403, 404, 0, 404, 404},       // beside
      {"cadre", "tianshan-demo", 201, 201, 403, 0, 404, 403},             // the cadre
      {"member", "tianshan-demo", 403, 403, 403, 0, 404, 404},            // of the unit
      {"youth", "tianshan-demo", 403, 403, 403, 0, 404, 404},             // of the unit
  };
  int day = 1;
  for (const auto& row : table) {
    SCOPED_TRACE(row.login);
    auto client = LoggedIn(row.login, row.password);
    auto s = cadre->Post("/api/v1/cadres/me/unit-services",
                         Service(fengyun, "2026-04-" + std::string(day < 10 ? "0" : "") + std::to_string(day)));
    ++day;
    ASSERT_EQ(s.status, 201) << s.body;
    const int64_t id = s.json()["id"];
    const int64_t jiafu = Org("佳福小区团支部").first;
    auto reg = client->Post("/api/v1/cadres/me/served-units", nlohmann::json{{"unit_id", jiafu}});
    EXPECT_EQ(reg.status, row.register_unit) << reg.body;
    if (reg.status == 201) {
      EXPECT_EQ(client
                    ->Post("/api/v1/cadres/served-units/" + std::to_string(reg.json()["id"].get<int64_t>()) + "/end",
                           std::string())
                    .status,
                200);
    } else {
      // The cadre's registration: never anyone else's to end (not a cadre: 403).
      EXPECT_EQ(client
                    ->Post("/api/v1/cadres/served-units/" + std::to_string(s.json()["served_unit_id"].get<int64_t>()) +
                               "/end",
                           std::string())
                    .status,
                403);
    }
    EXPECT_EQ(client->Post("/api/v1/cadres/me/unit-services", Service(fengyun)).status, row.log);
    auto queue = client->Get(Queue(fengyun));
    EXPECT_EQ(queue.status, row.queue) << queue.body;
    if (queue.status == 200) {
      bool shown = false;
      const auto items = queue.json()["items"];
      for (const auto& item : items) {
        if (item["id"].get<int64_t>() == id) shown = item["can"]["decide"].get<bool>();
      }
      EXPECT_EQ(shown, row.read_decide == 1) << queue.body;
    }
    auto decided = client->Post(Decision(id), nlohmann::json{{"decision", "confirm"}});
    EXPECT_EQ(decided.status, row.decide) << decided.body;
    EXPECT_EQ(client->Get("/api/v1/organizations/" + city + "/cadres/served-units").status, row.overview);
    EXPECT_EQ(client->Get("/api/v1/organizations/" + city + "/cadres/served-units/export").status, row.overview);
  }
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

TS_INSTANTIATE_FOR_DATABASES(CadresUnitsApiTest);

}  // namespace
}  // namespace tianshan::cadres::testing
