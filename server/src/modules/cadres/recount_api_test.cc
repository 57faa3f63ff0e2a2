// The daily jobs and verify-counters of the cadres module on SQLite and PostgreSQL: counters
// kept by requests stay equal to a recount; when a quarter turns and help gets old, the recount
// job moves the figures (and the organization's overdue view) and the reminder job tells the
// cadre once a day, naming nobody.

#include "modules/cadres/api_test_fixture.h"
#include "modules/cadres/recount.h"

namespace tianshan::cadres::testing {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

class CadresRecountApiTest : public CadresApiTest {
 protected:
  std::vector<std::string> Verify() {
    auto r = VerifyCounters(ctx());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : std::vector<std::string>{"failed"};
  }
  void Run(Status (*job)(const AppContext&, const JobRun&)) {
    JobRun run;
    run.due_at = server().clock().NowMillis();
    Status s = job(ctx(), run);
    ASSERT_TRUE(s.ok()) << s.message() << " " << s.detail();
  }
};

TEST_P(CadresRecountApiTest, JobsMoveTheTimeBasedFiguresAndVerifyCountersAgrees) {
  auto cadre = LoggedIn("cadre");
  auto admin = LoggedIn("karamay-admin");
  EXPECT_EQ(Verify(), std::vector<std::string>{});  // the demo data too
  const auto b0 = Figures(*admin);
  auto a = MakeYouth("recount-a");
  auto b = MakeYouth("recount-b");
  const std::string link = PersonalLink(*cadre);
  const int64_t ca = Accept(*a.client, link, "student");
  const int64_t cb = Accept(*b.client, link, "rural");
  const std::string today = cadre->Get("/api/v1/cadres/me").json()["period"]["as_of"];
  // One activity for both, a talk with one; a help request from the other.
  ASSERT_EQ(cadre
                ->Post("/api/v1/cadres/me/interactions",
                       nlohmann::json{{"kind", "activity"}, {"occurred_on", today}, {"contact_ids", {ca, cb}}})
                .status,
            201);
  ASSERT_EQ(cadre
                ->Post("/api/v1/cadres/me/interactions",
                       nlohmann::json{{"kind", "talk"}, {"occurred_on", today}, {"contact_ids", {ca}}})
                .status,
            201);
  ASSERT_EQ(b.client
                ->Post("/api/v1/cadres/contacts/" + std::to_string(cb) + "/help-requests",
                       nlohmann::json{{"category", "legal"}})
                .status,
            201);
  EXPECT_EQ(Verify(), std::vector<std::string>{});
  auto f = Figures(*admin);
  EXPECT_EQ(f["contacts"], b0["contacts"].get<int>() + 2);
  EXPECT_EQ(f["by_field"]["rural"], b0["by_field"]["rural"].get<int>() + 1);
  EXPECT_EQ(f["activity_due"], b0["activity_due"]);
  EXPECT_EQ(f["talk_due"], b0["talk_due"].get<int>() + 1);
  EXPECT_EQ(f["help_open"], b0["help_open"].get<int>() + 1);
  EXPECT_EQ(f["help_overdue"], b0["help_overdue"]);

  // Nothing overdue yet: the recount changes nothing, the reminder goes to the cadre (a talk is due).
  Run(RecountFigures);
  EXPECT_EQ(Figures(*admin), f);

  // 100 days later the quarter has turned and the help request is old.
  server().clock().Advance(100 * kDayMs);
  cadre = LoggedIn("cadre");  // sessions do not last 100 days
  admin = LoggedIn("karamay-admin");
  Run(RecountFigures);
  f = Figures(*admin);
  EXPECT_EQ(f["activity_due"], f["contacts"]);  // the quarter has turned for every contact
  EXPECT_EQ(f["help_overdue"], f["help_open"]);
  EXPECT_EQ(Verify(), std::vector<std::string>{});
  const int64_t karamay = Org("克拉玛依市团委").first;
  auto overdue = admin->Get("/api/v1/organizations/" + std::to_string(karamay) + "/overdue");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  EXPECT_NE(overdue.body.find("cadres.help_overdue"), std::string::npos) << overdue.body;

  Run(RemindCadres);
  Run(RemindCadres);  // once a day
  auto notes = cadre->Get("/api/v1/notifications").json()["items"];
  int reminders = 0;
  for (const auto& n : notes) {
    if (n["kind"] == "cadres.reminders") {
      ++reminders;
      EXPECT_EQ(n["body"].get<std::string>().find("recount-"), std::string::npos);
    }
  }
  EXPECT_EQ(reminders, 1);

  // Resolving the old request moves both counts at once; a corrupted count is reported.
  const auto open = cadre->Get("/api/v1/cadres/me/help-requests?open=true&limit=1").json()["items"];
  ASSERT_EQ(open.size(), 1u);  // newest first: ours
  ASSERT_EQ(open[0]["category"], "legal");
  ASSERT_EQ(cadre
                ->Patch("/api/v1/cadres/help-requests/" + std::to_string(open[0]["id"].get<int64_t>()),
                        nlohmann::json{{"status", "referred"}, {"help_given", "转介法律援助中心"}})
                .status,
            200);
  f = Figures(*admin);
  EXPECT_EQ(f["help_open"], b0["help_open"]);
  EXPECT_EQ(f["help_overdue"], b0["help_open"]);
  EXPECT_EQ(Verify(), std::vector<std::string>{});
  ASSERT_TRUE(ctx()
                  .db
                  .Write([](storage::Transaction& tx) {
                    return tx
                        .Execute(
                            "UPDATE cadres_cadres SET active_contacts = active_contacts + 1 WHERE id = (SELECT MIN(id) "
                            "FROM cadres_cadres)")
                        .status();
                  })
                  .ok());
  EXPECT_EQ(Verify().size(), 1u);
}

TS_INSTANTIATE_FOR_DATABASES(CadresRecountApiTest);

}  // namespace
}  // namespace tianshan::cadres::testing
