// "8+4" postings through the HTTP API on SQLite and PostgreSQL: a committee plans, the cadre
// logs and reports, the host confirms, and the committee's figures (postings, cadres posted,
// days, ended without a report) move with each step and agree with verify-counters and the
// daily recount; bad input names the field and changes nothing; overlapping plans racing make
// one posting; the permission truth table of every route × role × inside/outside.
// The test clock's day is 2026-05-28.

#include <thread>

#include "modules/cadres/api_test_fixture.h"
#include "modules/cadres/recount.h"

namespace tianshan::cadres::testing {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

class CadresPostingsApiTest : public CadresApiTest {
 protected:
  int64_t PersonOf(const std::string& login) {
    int64_t id = 0;
    Status s = ctx().db.Read([&](storage::Transaction& tx) -> Status {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT person_id FROM auth_accounts WHERE login = ?", {login}));
      if (row) id = row->Int("person_id");
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return id;
  }
  nlohmann::json Plan(const std::string& host, const std::string& starts_on, const std::string& ends_on) {
    return {{"person_id", PersonOf("cadre")},
            {"host_organization_id", Org(host).first},
            {"starts_on", starts_on},
            {"ends_on", ends_on},
            {"tasks", "协助社区团支部开展青年志愿服务"}};
  }
  static std::string PostingPath(int64_t id, const std::string& tail = "") {
    return "/api/v1/cadres/postings/" + std::to_string(id) + tail;
  }
  std::vector<std::string> Verify() {
    auto r = VerifyCounters(ctx());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : std::vector<std::string>{"failed"};
  }
  // The posting figures of the city's dashboard, as one comparable value.
  std::vector<int> PostingFigures(HttpClient& admin) {
    auto f = Figures(admin);
    return {f["postings"], f["posted"], f["posting_days"], f["unreported"]};
  }
  static std::vector<int> Plus(std::vector<int> a, const std::vector<int>& b) {
    for (size_t i = 0; i < a.size(); ++i) a[i] += b[i];
    return a;
  }
};

TEST_P(CadresPostingsApiTest, PlanLogReportConfirmMoveTheFigures) {
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  auto secretary = LoggedIn("branch-secretary");  // of 风云社区团支部, the host
  const auto b0 = PostingFigures(*admin);
  const std::string city = std::to_string(Org("克拉玛依市团委").first);
  auto listed = [&](const char* year) {
    auto r = admin->Get("/api/v1/organizations/" + city + "/cadres/postings?year=" + year);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"].size();
  };
  const size_t in_2026 = listed("2026"), in_2025 = listed("2025");  // the demo's postings

  // An ended posting of 61 days to 风云社区, not reported yet.
  auto a = admin->Post("/api/v1/cadres/postings", Plan("风云社区团支部", "2026-03-01", "2026-04-30"));
  ASSERT_EQ(a.status, 201) << a.body;
  const int64_t posting = a.json()["id"];
  EXPECT_EQ(a.json()["days"], 61);
  EXPECT_EQ(a.json()["host_name"], "风云社区团支部");
  EXPECT_EQ(a.json()["can"],
            (nlohmann::json{{"log", false}, {"report", false}, {"confirm", false}, {"cancel", false}}));
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {1, 1, 61, 1}));

  // Overlapping the first: refused, nothing changed.
  auto overlap = admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-04-15", "2026-06-15"));
  EXPECT_EQ(overlap.status, 409) << overlap.body;
  EXPECT_EQ(overlap.error_fields(), std::vector<std::string>{"starts_on"});
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {1, 1, 61, 1}));

  // A second one, running now, to 佳福小区: the cadre counts once among those posted.
  auto b = admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-05-20", "2026-07-19"));
  ASSERT_EQ(b.status, 201) << b.body;
  const int64_t running = b.json()["id"];
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {2, 1, 122, 1}));

  auto mine = cadre->Get("/api/v1/cadres/me/postings");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["items"].size(), 2u);
  EXPECT_EQ(mine.json()["items"][0]["id"], running);
  EXPECT_EQ(mine.json()["items"][0]["can"]["log"], true);

  // The work log: within the posting, not in the future, by the cadre only.
  auto logged =
      cadre->Post(PostingPath(posting, "/logs"),
                  nlohmann::json{{"worked_on", "2026-03-02"}, {"minutes", 120}, {"what", "走访青年，了解就业需求"}});
  ASSERT_EQ(logged.status, 201) << logged.body;
  EXPECT_EQ(logged.json()["log_entries"], 1);
  EXPECT_EQ(logged.json()["log_minutes"], 120);
  EXPECT_EQ(logged.json()["logs"][0]["what"], "走访青年，了解就业需求");
  EXPECT_EQ(cadre
                ->Post(PostingPath(running, "/logs"),
                       nlohmann::json{{"worked_on", "2026-06-01"}, {"minutes", 60}, {"what", "x"}})
                .error_fields(),
            std::vector<std::string>{"worked_on"});
  EXPECT_EQ(cadre
                ->Post(PostingPath(running, "/logs"),
                       nlohmann::json{{"worked_on", "2026-05-01"}, {"minutes", 60}, {"what", "x"}})
                .error_fields(),
            std::vector<std::string>{"worked_on"});
  EXPECT_EQ(admin
                ->Post(PostingPath(posting, "/logs"),
                       nlohmann::json{{"worked_on", "2026-03-03"}, {"minutes", 60}, {"what", "x"}})
                .status,
            403);

  // The host cannot confirm before the report; after it, once.
  EXPECT_EQ(secretary->Get(PostingPath(posting)).json()["can"]["confirm"], false);
  EXPECT_EQ(secretary->Post(PostingPath(posting, "/confirm"), std::string()).status, 409);
  auto reported = cadre->Post(PostingPath(posting, "/report"), nlohmann::json{{"report", "两个月走访青年 40 人"}});
  ASSERT_EQ(reported.status, 200) << reported.body;
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {2, 1, 122, 0}));
  EXPECT_EQ(secretary->Get(PostingPath(posting)).json()["can"]["confirm"], true);
  auto confirmed = secretary->Post(PostingPath(posting, "/confirm"), std::string());
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_NE(confirmed.json()["confirmed_at"], nullptr);
  EXPECT_EQ(secretary->Post(PostingPath(posting, "/confirm"), std::string()).status, 409);
  EXPECT_EQ(cadre
                ->Post(PostingPath(posting, "/logs"),
                       nlohmann::json{{"worked_on", "2026-03-03"}, {"minutes", 60}, {"what", "x"}})
                .status,
            409);

  // The committee's overview by year.
  EXPECT_EQ(listed("2026"), in_2026 + 2);
  EXPECT_EQ(listed("2025"), in_2025);
  EXPECT_EQ(admin->Get("/api/v1/organizations/" + city + "/cadres/postings?year=20").status, 422);

  EXPECT_EQ(Verify(), std::vector<std::string>{});
  // Each step is in the audit log (the confirmation at the host).
  auto audit = admin->Get("/api/v1/audit?organization_id=" + city + "&entity_type=cadres_posting");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json()["items"].size(), 4u) << audit.body;  // two plans, a report, a confirmation

  // The recount changes nothing today; when the running posting has ended unreported, it counts.
  JobRun run;
  run.due_at = server().clock().NowMillis();
  ASSERT_TRUE(RecountFigures(ctx(), run).ok());
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {2, 1, 122, 0}));
  server().clock().Advance(60 * kDayMs);
  run.due_at = server().clock().NowMillis();
  ASSERT_TRUE(RecountFigures(ctx(), run).ok());
  admin = LoggedIn("karamay-admin");
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {2, 1, 122, 1}));
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

TEST_P(CadresPostingsApiTest, EveryBadInputNamesTheFieldAndChangesNothing) {
  auto admin = LoggedIn("karamay-admin");
  const auto before = PostingFigures(*admin);
  auto with = [&](nlohmann::json patch) {
    auto body = Plan("风云社区团支部", "2026-03-01", "2026-03-31");
    for (auto& [k, v] : patch.items()) v.is_null() ? (void)body.erase(k) : (void)(body[k] = v);
    return body;
  };
  struct Case {
    const char* what;
    nlohmann::json body;
    int status;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"nothing",
       nlohmann::json::object(),
       422,
       {"ends_on", "host_organization_id", "person_id", "starts_on", "tasks"}},
      {"ending before it starts", with({{"ends_on", "2026-02-01"}}), 422, {"ends_on"}},
      {"longer than a year", with({{"ends_on", "2027-03-31"}}), 422, {"ends_on"}},
      {"not a date", with({{"starts_on", "2026-02-30"}}), 422, {"starts_on"}},
      {"tasks too long", with({{"tasks", std::string(501, 'x')}}), 422, {"tasks"}},
      {"an unknown field", with({{"opinion", "x"}}), 422, {"opinion"}},
      {"a person without a cadre position", with({{"person_id", PersonOf("youth")}}), 422, {"person_id"}},
      {"a host outside the subtree",
       with({{"host_organization_id", Org("乌鲁木齐市团委").first}}),
       422,
       {"host_organization_id"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    auto r = admin->Post("/api/v1/cadres/postings", c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    auto fields = r.error_fields();
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, c.fields) << r.body;
    EXPECT_EQ(PostingFigures(*admin), before);
  }
  EXPECT_EQ(LoggedIn("cadre")->Get("/api/v1/cadres/me/postings").json()["items"].size(), 0u);
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

TEST_P(CadresPostingsApiTest, OverlappingPlansRacingMakeOnePosting) {
  auto admin = LoggedIn("karamay-admin");
  const int postings = PostingFigures(*admin)[0];  // the demo's
  for (int round = 0; round < 3; ++round) {
    const std::string month = "2026-0" + std::to_string(round + 1);
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < 4; ++i) clients.push_back(LoggedIn("karamay-admin"));
    std::vector<int> statuses(clients.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < clients.size(); ++i) {
      // Each asks for a different span of the same month: every two overlap.
      threads.emplace_back([&, i] {
        statuses[i] = clients[i]
                          ->Post("/api/v1/cadres/postings",
                                 Plan(i % 2 ? "佳福小区团支部" : "风云社区团支部", month + "-1" + std::to_string(i),
                                      month + "-2" + std::to_string(i)))
                          .status;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1) << "round " << round;
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 3) << "round " << round;
  }
  EXPECT_EQ(LoggedIn("cadre")->Get("/api/v1/cadres/me/postings").json()["items"].size(), 3u);
  EXPECT_EQ(PostingFigures(*admin)[0], postings + 3);
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

// A planner cancels before the end with a reason: the figures lose the posting, the cadre can no
// longer log, the audit keeps it; after the end, or twice, it is refused; bad input names the field.
TEST_P(CadresPostingsApiTest, CancelBeforeTheEndMovesTheFigures) {
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  const auto b0 = PostingFigures(*admin);
  auto running = admin->Post("/api/v1/cadres/postings", Plan("风云社区团支部", "2026-05-20", "2026-06-18"));
  ASSERT_EQ(running.status, 201) << running.body;
  const int64_t id = running.json()["id"];
  EXPECT_EQ(running.json()["can"]["cancel"], true);
  auto ended = admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-03-01", "2026-03-10"));
  ASSERT_EQ(ended.status, 201) << ended.body;
  EXPECT_EQ(ended.json()["can"]["cancel"], false);
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {2, 1, 40, 1}));

  // Bad input and the wrong caller change nothing.
  EXPECT_EQ(admin->Post(PostingPath(id, "/cancel"), nlohmann::json::object()).error_fields(),
            std::vector<std::string>{"reason"});
  EXPECT_EQ(admin->Post(PostingPath(id, "/cancel"), nlohmann::json{{"reason", std::string(201, 'x')}}).error_fields(),
            std::vector<std::string>{"reason"});
  EXPECT_EQ(cadre->Post(PostingPath(id, "/cancel"), nlohmann::json{{"reason", "x"}}).status, 403);
  EXPECT_EQ(LoggedIn("branch-secretary")->Post(PostingPath(id, "/cancel"), nlohmann::json{{"reason", "x"}}).status,
            403);
  EXPECT_EQ(admin->Post(PostingPath(ended.json()["id"], "/cancel"), nlohmann::json{{"reason", "x"}}).status, 409);
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {2, 1, 40, 1}));

  auto cancelled = admin->Post(PostingPath(id, "/cancel"), nlohmann::json{{"reason", "社区换届，下沉改期"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_EQ(cancelled.json()["cancel_reason"], "社区换届，下沉改期");
  EXPECT_EQ(cancelled.json()["can"],
            (nlohmann::json{{"log", false}, {"report", false}, {"confirm", false}, {"cancel", false}}));
  EXPECT_EQ(PostingFigures(*admin), Plus(b0, {1, 1, 10, 1}));
  EXPECT_EQ(admin->Post(PostingPath(id, "/cancel"), nlohmann::json{{"reason", "x"}}).status, 409);
  EXPECT_EQ(
      cadre->Post(PostingPath(id, "/logs"), nlohmann::json{{"worked_on", "2026-05-21"}, {"minutes", 60}, {"what", "x"}})
          .status,
      409);
  // The span is free again.
  EXPECT_EQ(admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-06-01", "2026-06-10")).status, 201);
  const std::string city = std::to_string(Org("克拉玛依市团委").first);
  auto audit = admin->Get("/api/v1/audit?organization_id=" + city + "&entity_type=cadres_posting");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("cadres.posting.cancel"), std::string::npos);
  EXPECT_EQ(audit.body.find("社区换届"), std::string::npos);  // the reason's length only
  EXPECT_EQ(Verify(), std::vector<std::string>{});
}

// The host's list of the postings it hosts: its secretary sees them and confirms from there;
// an organization beside sees none of them.
TEST_P(CadresPostingsApiTest, TheHostListsItsPostingsAndConfirmsFromThere) {
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  auto secretary = LoggedIn("branch-secretary");
  const std::string fengyun = std::to_string(Org("风云社区团支部").first);
  const std::string hosted = "/api/v1/organizations/" + fengyun + "/cadres/hosted-postings";
  auto before = secretary->Get(hosted);
  ASSERT_EQ(before.status, 200) << before.body;
  const size_t demo = before.json()["items"].size();  // the demo's posting to 风云社区
  auto a = admin->Post("/api/v1/cadres/postings", Plan("风云社区团支部", "2026-04-01", "2026-04-30"));
  ASSERT_EQ(a.status, 201) << a.body;
  ASSERT_EQ(admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-05-01", "2026-05-10")).status, 201);
  ASSERT_EQ(cadre->Post(PostingPath(a.json()["id"], "/report"), nlohmann::json{{"report", "完成"}}).status, 200);
  auto list = secretary->Get(hosted + "?limit=1");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["id"], a.json()["id"]);  // newest first, only 风云社区's
  EXPECT_EQ(list.json()["items"][0]["can"]["confirm"], true);
  EXPECT_EQ(secretary->Get(hosted).json()["items"].size(), demo + 1);
  auto page2 = secretary->Get(hosted + "?limit=1&cursor=" + list.json()["next_cursor"].get<std::string>());
  ASSERT_EQ(page2.status, 200);
  EXPECT_EQ(page2.json()["items"].size(), demo > 0 ? 1u : 0u);
  ASSERT_EQ(secretary->Post(PostingPath(a.json()["id"], "/confirm"), std::string()).status, 200);
  EXPECT_EQ(secretary->Get(hosted).json()["items"][0]["can"]["confirm"], false);

  server().CreateAccount("jiafu-secretary", {{Org("佳福小区团支部").first, auth::Role::kBranchSecretary}});
  EXPECT_EQ(LoggedIn("jiafu-secretary", "password-123")->Get(hosted).status, 404);
  EXPECT_EQ(cadre->Get(hosted).status, 403);
  EXPECT_EQ(LoggedIn("member")->Get(hosted).status, 403);
  EXPECT_EQ(secretary->Get(hosted + "?limit=0").status, 422);
}

// Ended postings without a report: one digest a day to their cadre, naming how many.
TEST_P(CadresPostingsApiTest, UnreportedPostingsAreRemindedOnceADay) {
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  ASSERT_EQ(admin->Post("/api/v1/cadres/postings", Plan("风云社区团支部", "2026-03-01", "2026-03-10")).status, 201);
  ASSERT_EQ(admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-04-01", "2026-04-10")).status, 201);
  auto reported = admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-05-01", "2026-05-10"));
  ASSERT_EQ(reported.status, 201);
  ASSERT_EQ(cadre->Post(PostingPath(reported.json()["id"], "/report"), nlohmann::json{{"report", "完成"}}).status, 200);
  ASSERT_EQ(admin->Post("/api/v1/cadres/postings", Plan("佳福小区团支部", "2026-05-20", "2026-06-10")).status, 201);
  JobRun run;
  run.due_at = server().clock().NowMillis();
  ASSERT_TRUE(RemindUnreportedPostings(ctx(), run).ok());
  ASSERT_TRUE(RemindUnreportedPostings(ctx(), run).ok());
  int reminders = 0;
  const auto notes = cadre->Get("/api/v1/notifications").json()["items"];
  for (const auto& n : notes) {
    if (n["kind"] == "cadres.posting_reminders") {
      ++reminders;
      EXPECT_NE(n["body"].get<std::string>().find('2'), std::string::npos) << n.dump();
    }
  }
  EXPECT_EQ(reminders, 1);
  // Nobody else with an unreported posting of their own is told about the cadre's.
  const auto admin_notes = admin->Get("/api/v1/notifications").json()["items"];
  for (const auto& n : admin_notes) {
    EXPECT_NE(n["kind"], "cadres.posting_reminders");
  }
}

// Who may do what, role × where the grant is relative to the cadre (克拉玛依市团委) and the host
// (风云社区团支部). Not seeing a posting is 404; seeing it without the right is 403; planning for
// a cadre one may not plan for reads as "no such cadre" (422 person_id), revealing nothing.
TEST_P(CadresPostingsApiTest, PermissionTruthTable) {
  server().CreateAccount("urumqi-admin", {{Org("乌鲁木齐市团委").first, auth::Role::kCommitteeAdmin}});
  server().CreateAccount("street-admin", {{Org("天山街道团工委").first, auth::Role::kCommitteeAdmin}});
  auto admin = LoggedIn("karamay-admin");
  auto cadre = LoggedIn("cadre");
  const std::string city = std::to_string(Org("克拉玛依市团委").first);
  struct Row {
    const char* login;
    const char* password;
    int plan, list, read, log, confirm;
  };
  const Row table[] = {
      {"region-admin", "tianshan-demo", 201, 200, 200, 403, 200},      // above both
      {"karamay-admin", "tianshan-demo", 201, 200, 200, 403, 200},     // the cadre's own committee
      {"street-admin", "password-123", 422, 404, 200, 403, 200},       // above the host only
      {"branch-secretary", "tianshan-demo", 422, 404, 200, 403, 200},  // the host
      {"urumqi-admin", "password-123", 422, 404, 404, 404, 404},       // beside
      {"cadre", "tianshan-demo", 422, 403, 200, 201, 403},             // the posted cadre
      {"member", "tianshan-demo", 422, 404, 404, 404, 404},
      {"youth", "tianshan-demo", 422, 404, 404, 404, 404},
  };
  int day = 1;
  for (const auto& row : table) {
    SCOPED_TRACE(row.login);
    auto client = LoggedIn(row.login, row.password);
    // A reported posting of its own for each row (two days in January).
    const std::string from = "2026-01-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    const std::string to = "2026-01-" + std::string(day + 1 < 10 ? "0" : "") + std::to_string(day + 1);
    day += 3;
    auto planned = admin->Post("/api/v1/cadres/postings", Plan("风云社区团支部", from, to));
    ASSERT_EQ(planned.status, 201) << planned.body;
    const int64_t id = planned.json()["id"];
    ASSERT_EQ(cadre->Post(PostingPath(id, "/report"), nlohmann::json{{"report", "完成"}}).status, 200);

    auto plan = client->Post("/api/v1/cadres/postings", Plan("风云社区团支部", "2026-08-01", "2026-08-02"));
    EXPECT_EQ(plan.status, row.plan) << plan.body;
    if (plan.status == 422) {
      EXPECT_EQ(plan.error_fields(), std::vector<std::string>{"person_id"});
    }
    if (plan.status == 201) {  // keep August free for the next row
      ASSERT_TRUE(ctx()
                      .db
                      .Write([&](storage::Transaction& tx) -> Status {
                        return tx
                            .Execute("UPDATE cadres_postings SET status = 'cancelled' WHERE id = ?",
                                     {plan.json()["id"].get<int64_t>()})
                            .status();
                      })
                      .ok());
    }
    EXPECT_EQ(client->Get("/api/v1/organizations/" + city + "/cadres/postings").status, row.list);
    auto read = client->Get(PostingPath(id));
    EXPECT_EQ(read.status, row.read) << read.body;
    if (read.status == 200) {
      EXPECT_EQ(read.json()["can"]["confirm"], row.confirm == 200);
    }
    EXPECT_EQ(
        client->Post(PostingPath(id, "/logs"), nlohmann::json{{"worked_on", from}, {"minutes", 30}, {"what", "x"}})
            .status,
        row.log);
    EXPECT_EQ(client->Post(PostingPath(id, "/report"), nlohmann::json{{"report", "改写"}}).status,
              row.log == 201 ? 200 : row.log);
    auto confirm = client->Post(PostingPath(id, "/confirm"), std::string());
    EXPECT_EQ(confirm.status, row.confirm) << confirm.body;
  }
  // The cancelled rows were set behind the use cases' back: recount before checking.
  JobRun run;
  run.due_at = server().clock().NowMillis();
  ASSERT_TRUE(RecountFigures(ctx(), run).ok());
}

TS_INSTANTIATE_FOR_DATABASES(CadresPostingsApiTest);

}  // namespace
}  // namespace tianshan::cadres::testing
