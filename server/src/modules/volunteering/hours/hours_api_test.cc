// Check-in by QR token, the leader's fixes, the hours ledger (confirmation, corrections,
// self-reports, negative totals), rankings and certificates through the HTTP API, on SQLite
// and PostgreSQL.

#include "modules/volunteering/api_test_fixture.h"
#include "modules/volunteering/verify_counters.h"
#include "testing/demo_api_test.h"

namespace tianshan::volunteering::testing {
namespace {

class VolunteerHoursApiTest : public VolunteeringApiTest {
 protected:
  // A team with a leader, a project of it, a shift starting in an hour and one signed-up volunteer.
  void Prepare() {
    admin_ = Admin();
    auto people = MakePeople(3);
    leader_person_ = people[0];
    volunteer_person_ = people[1];
    other_person_ = people[2];
    auto team = admin_->Post("/api/v1/volunteering/teams", nlohmann::json{{"organization_id", street_.id},
                                                                          {"name", "行星团青年志愿者"},
                                                                          {"leader_person_ids", {leader_person_}}});
    ASSERT_EQ(team.status, 201) << team.body;
    team_ = team.json()["id"];
    leader_ = VolunteerClient(leader_person_);
    volunteer_ = VolunteerClient(volunteer_person_);
    project_ = MakeProject(*admin_, "社区环境清洁行动", team_);
    shift_ = MakeShift(*admin_, project_, 10, 1 * kHourMs);
    other_shift_ = MakeShift(*admin_, project_, 10, 30 * kHourMs);
    auto s = volunteer_->Post(ShiftPath(shift_, "/sign-ups"), std::string());
    ASSERT_EQ(s.status, 201) << s.body;
    sign_up_ = s.json()["id"];
  }

  std::string Code(int64_t shift, const std::string& direction) {
    auto r = leader_->Get(ShiftPath(shift, "/check-in-code?direction=" + direction));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json().value("token", "");
  }

  std::unique_ptr<HttpClient> admin_, leader_, volunteer_;
  int64_t leader_person_ = 0, volunteer_person_ = 0, other_person_ = 0;
  int64_t team_ = 0, project_ = 0, shift_ = 0, other_shift_ = 0, sign_up_ = 0;
};

TEST_P(VolunteerHoursApiTest, QrCheckInOutAndTokenAbuse) {
  Prepare();
  auto code = leader_->Get(ShiftPath(shift_, "/check-in-code?direction=in"));
  ASSERT_EQ(code.status, 200) << code.body;
  EXPECT_EQ(code.json()["svg"].get<std::string>().rfind("<svg", 0), 0u);
  std::string url = code.json()["url"];
  EXPECT_EQ(url.rfind("http://127.0.0.1:", 0), 0u) << url;
  EXPECT_NE(url.find("/volunteer/scan?shift=" + std::to_string(shift_) + "&direction=in&token="), std::string::npos);
  std::string in_token = code.json()["token"];
  EXPECT_EQ(volunteer_->Get(ShiftPath(shift_, "/check-in-code")).status, 403);

  // Check-out before check-in.
  auto early_out = volunteer_->Post(ShiftPath(shift_, "/check-out"), nlohmann::json{{"token", Code(shift_, "out")}});
  EXPECT_EQ(early_out.status, 409);
  EXPECT_TRUE(Says(early_out, "volunteer.not_checked_in"));
  // A forged token, a token of another shift, a check-out token used to check in.
  std::string forged = in_token.substr(0, in_token.size() - 2) + (in_token.back() == 'A' ? "BB" : "AA");
  EXPECT_TRUE(Says(volunteer_->Post(ShiftPath(shift_, "/check-in"), nlohmann::json{{"token", forged}}),
                   "volunteer.token_forged"));
  EXPECT_TRUE(Says(volunteer_->Post(ShiftPath(other_shift_, "/check-in"), nlohmann::json{{"token", in_token}}),
                   "volunteer.token_other_shift"));
  EXPECT_TRUE(Says(volunteer_->Post(ShiftPath(shift_, "/check-in"), nlohmann::json{{"token", Code(shift_, "out")}}),
                   "volunteer.token_wrong_direction"));
  // Expired after three minutes.
  server().clock().Advance(4 * 60 * 1000);
  auto expired = volunteer_->Post(ShiftPath(shift_, "/check-in"), nlohmann::json{{"token", in_token}});
  EXPECT_EQ(expired.status, 422);
  EXPECT_EQ(expired.error_fields(), std::vector<std::string>{"token"});
  EXPECT_TRUE(Says(expired, "volunteer.token_expired"));
  EXPECT_TRUE(admin_->Get(ShiftPath(shift_, "/roster")).json()["items"][0]["attendance"].is_null());

  // A fresh token checks in; scanning it again answers the same record.
  server().clock().Advance(55 * 60 * 1000);  // just before the start
  std::string fresh = Code(shift_, "in");
  auto in = volunteer_->Post(ShiftPath(shift_, "/check-in"), nlohmann::json{{"token", fresh}});
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_TRUE(in.json()["changed"].get<bool>());
  auto again = volunteer_->Post(ShiftPath(shift_, "/check-in"), nlohmann::json{{"token", fresh}});
  EXPECT_FALSE(again.json()["changed"].get<bool>());
  EXPECT_EQ(again.json()["attendance"]["checked_in_at"], in.json()["attendance"]["checked_in_at"]);
  // Someone not signed up cannot use the token.
  auto stranger = VolunteerClient(other_person_);
  EXPECT_TRUE(Says(stranger->Post(ShiftPath(shift_, "/check-in"), nlohmann::json{{"token", fresh}}),
                   "volunteer.not_signed_up"));

  server().clock().Advance(2 * kHourMs + 20 * 60 * 1000);  // 2 h 20 min on site
  auto out = volunteer_->Post(ShiftPath(shift_, "/check-out"), nlohmann::json{{"token", Code(shift_, "out")}});
  ASSERT_EQ(out.status, 200) << out.body;
  auto roster = leader_->Get(ShiftPath(shift_, "/roster"));
  ASSERT_EQ(roster.status, 200) << roster.body;
  EXPECT_FALSE(roster.json()["items"][0]["attendance"]["checked_out_at"].is_null());

  // The leader confirms: 2 h 20 min → 2.5 h under the national rule; confirming twice adds nothing.
  auto confirm = leader_->Post(ShiftPath(shift_, "/confirm-hours"), std::string());
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  ASSERT_EQ(confirm.json()["items"].size(), 1u);
  EXPECT_EQ(confirm.json()["items"][0]["minutes"], 150);
  EXPECT_EQ(leader_->Post(ShiftPath(shift_, "/confirm-hours"), std::string()).json()["items"].size(), 0u);
  auto mine = volunteer_->Get("/api/v1/volunteering/my/hours");
  EXPECT_EQ(mine.json()["total"]["minutes"], 150);
  // Fixing times of a confirmed session is refused: corrections go through the ledger.
  auto fix = leader_->Post("/api/v1/volunteering/sign-ups/" + std::to_string(sign_up_) + "/attendance",
                           nlohmann::json{{"checked_out_at", At(0)}, {"reason", "late"}});
  EXPECT_TRUE(Says(fix, "volunteer.hours_already_confirmed"));

  auto diffs = VerifyCounters(ctx());
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty()) << diffs->front();
  auto all = server().app().VerifyCounters();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << all->front();
}

TEST_P(VolunteerHoursApiTest, LeaderFixesTimesAndLedgerCorrections) {
  Prepare();
  server().clock().Advance(5 * kHourMs);
  std::string attendance = "/api/v1/volunteering/sign-ups/" + std::to_string(sign_up_) + "/attendance";
  auto out_only = leader_->Post(attendance, nlohmann::json{{"checked_out_at", At(-kHourMs)}, {"reason", "忘记签到"}});
  EXPECT_EQ(out_only.status, 422);
  EXPECT_TRUE(Says(out_only, "volunteer.check_out_before_check_in"));
  auto backwards = leader_->Post(
      attendance,
      nlohmann::json{{"checked_in_at", At(-kHourMs)}, {"checked_out_at", At(-2 * kHourMs)}, {"reason", "x"}});
  EXPECT_TRUE(Says(backwards, "volunteer.check_out_before_check_in"));
  auto ok = leader_->Post(attendance, nlohmann::json{{"checked_in_at", At(-4 * kHourMs)},
                                                     {"checked_out_at", At(-4 * kHourMs + 50 * 60 * 1000)},
                                                     {"reason", "现场手工签到"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["attendance"]["in_method"], "leader");
  auto audit =
      admin_->Get("/api/v1/audit?organization_id=" + std::to_string(root_.id) + "&entity_type=volunteer_attendance");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("现场手工签到"), std::string::npos);

  // The street's admin sets the exact rule: 50 minutes count 50.
  ASSERT_EQ(admin_
                ->Send("PUT", "/api/v1/volunteering/organizations/" + std::to_string(street_.id) + "/settings",
                       nlohmann::json{{"hours_rule", "exact"}}.dump(), {})
                .status,
            200);
  auto confirm = leader_->Post(ShiftPath(shift_, "/confirm-hours"), std::string());
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  int64_t entry = confirm.json()["items"][0]["id"];
  EXPECT_EQ(confirm.json()["items"][0]["minutes"], 50);

  // A debit beyond the total is refused and changes nothing.
  auto debit = leader_->Post("/api/v1/volunteering/hours/adjustments", nlohmann::json{{"person_id", volunteer_person_},
                                                                                      {"project_id", project_},
                                                                                      {"minutes", -60},
                                                                                      {"worked_on", "2026-05-28"},
                                                                                      {"reason", "多记"}});
  EXPECT_EQ(debit.status, 422);
  EXPECT_TRUE(Says(debit, "volunteer.negative_total"));
  EXPECT_EQ(volunteer_->Get("/api/v1/volunteering/my/hours").json()["total"]["minutes"], 50);

  // Correction: a reversal and a new entry, each with the reason; reversing twice is refused.
  auto correct = leader_->Post("/api/v1/volunteering/hours/entries/" + std::to_string(entry) + "/correct",
                               nlohmann::json{{"minutes", 90}, {"reason", "签退时间记录有误"}});
  ASSERT_EQ(correct.status, 201) << correct.body;
  ASSERT_EQ(correct.json()["items"].size(), 2u);
  EXPECT_EQ(correct.json()["items"][0]["kind"], "reversal");
  EXPECT_EQ(correct.json()["items"][0]["minutes"], -50);
  EXPECT_EQ(correct.json()["items"][1]["kind"], "correction");
  EXPECT_EQ(correct.json()["items"][1]["reason"], "签退时间记录有误");
  EXPECT_EQ(leader_
                ->Post("/api/v1/volunteering/hours/entries/" + std::to_string(entry) + "/correct",
                       nlohmann::json{{"reason", "again"}})
                .status,
            409);
  auto mine = volunteer_->Get("/api/v1/volunteering/my/hours").json();
  EXPECT_EQ(mine["total"]["minutes"], 90);
  EXPECT_EQ(mine["items"].size(), 3u);  // append-only: original, reversal, correction
  EXPECT_EQ(volunteer_
                ->Post("/api/v1/volunteering/hours/entries/" + std::to_string(entry) + "/correct",
                       nlohmann::json{{"reason", "x"}})
                .status,
            404);

  auto all = server().app().VerifyCounters();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << all->front();
}

TEST_P(VolunteerHoursApiTest, SelfReportsRankingsAndCertificates) {
  Prepare();
  // Joining the team by application, approved by the leader.
  auto apply = volunteer_->Post("/api/v1/volunteering/teams/" + std::to_string(team_) + "/applications",
                                nlohmann::json{{"message", "想参加"}});
  ASSERT_EQ(apply.status, 201) << apply.body;
  int64_t member = apply.json()["id"];
  EXPECT_EQ(volunteer_
                ->Post("/api/v1/volunteering/teams/" + std::to_string(team_) + "/members/" + std::to_string(member) +
                           "/decision",
                       nlohmann::json{{"decision", "approve"}})
                .status,
            403);
  ASSERT_EQ(leader_
                ->Post("/api/v1/volunteering/teams/" + std::to_string(team_) + "/members/" + std::to_string(member) +
                           "/decision",
                       nlohmann::json{{"decision", "approve"}})
                .status,
            200);

  auto report = volunteer_->Post("/api/v1/volunteering/hours/reports", nlohmann::json{{"team_id", team_},
                                                                                      {"project_id", project_},
                                                                                      {"worked_on", "2026-05-20"},
                                                                                      {"minutes", 120},
                                                                                      {"description", "整理捐赠物资"}});
  ASSERT_EQ(report.status, 201) << report.body;
  auto rejected = volunteer_->Post(
      "/api/v1/volunteering/hours/reports",
      nlohmann::json{{"team_id", team_}, {"worked_on", "2026-05-21"}, {"minutes", 60}, {"description", "重复申报"}});
  ASSERT_EQ(rejected.status, 201);
  auto future = volunteer_->Post(
      "/api/v1/volunteering/hours/reports",
      nlohmann::json{{"team_id", team_}, {"worked_on", "2027-01-01"}, {"minutes", 60}, {"description", "x"}});
  EXPECT_EQ(future.status, 422);
  auto pending = leader_->Get("/api/v1/volunteering/teams/" + std::to_string(team_) + "/hour-reports?status=pending");
  ASSERT_EQ(pending.status, 200) << pending.body;
  EXPECT_EQ(pending.json()["items"].size(), 2u);
  std::string decide = "/api/v1/volunteering/hours/reports/";
  ASSERT_EQ(leader_
                ->Post(decide + std::to_string(report.json()["id"].get<int64_t>()) + "/decision",
                       nlohmann::json{{"decision", "approve"}})
                .status,
            200);
  auto rej = leader_->Post(decide + std::to_string(rejected.json()["id"].get<int64_t>()) + "/decision",
                           nlohmann::json{{"decision", "reject"}, {"reason", "与签到记录重复"}});
  ASSERT_EQ(rej.status, 200);
  EXPECT_EQ(rej.json()["status"], "rejected");
  EXPECT_EQ(leader_
                ->Post(decide + std::to_string(rejected.json()["id"].get<int64_t>()) + "/decision",
                       nlohmann::json{{"decision", "approve"}})
                .status,
            409);
  EXPECT_EQ(volunteer_->Get("/api/v1/volunteering/my/hours").json()["total"]["minutes"], 120);

  // Rankings and the monthly chart over the subtree; outsiders see nothing.
  std::string q = "?organization_id=" + std::to_string(root_.id) + "&from=2026-01&to=2026-12";
  auto ranking = admin_->Get("/api/v1/volunteering/rankings/volunteers" + q);
  ASSERT_EQ(ranking.status, 200) << ranking.body;
  ASSERT_EQ(ranking.json()["items"].size(), 1u);
  EXPECT_EQ(ranking.json()["items"][0]["person_id"], volunteer_person_);
  EXPECT_EQ(ranking.json()["items"][0]["rank"], 1);
  auto teams = admin_->Get("/api/v1/volunteering/rankings/teams" + q);
  EXPECT_EQ(teams.json()["items"][0]["name"], "行星团青年志愿者");
  auto monthly = admin_->Get("/api/v1/volunteering/organizations/" + std::to_string(root_.id) + "/monthly-hours" +
                             "?from=2026-01&to=2026-12");
  EXPECT_EQ(monthly.json()["items"][0]["month"], "2026-05");
  EXPECT_EQ(monthly.json()["items"][0]["minutes"], 120);
  auto outsider = LoggedIn("vol-outsider", "password-123");
  EXPECT_EQ(outsider->Get("/api/v1/volunteering/rankings/volunteers" + q).status, 404);
  EXPECT_EQ(admin_
                ->Get("/api/v1/volunteering/rankings/volunteers?organization_id=" + std::to_string(root_.id) +
                      "&from=2026-13")
                .status,
            422);

  // Certificate: PDF with the CJK font, verification code, public page showing only that.
  EXPECT_EQ(leader_->Post("/api/v1/volunteering/certificates", std::string()).status, 409);  // no hours
  auto cert = volunteer_->Post("/api/v1/volunteering/certificates", std::string());
  ASSERT_EQ(cert.status, 201) << cert.body;
  std::string code = cert.json()["certificate"]["code"];
  auto pdf = volunteer_->Get(cert.json()["pdf_url"].get<std::string>());
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf.body.find("NotoSansCJK"), std::string::npos);
  EXPECT_EQ(leader_->Get(cert.json()["pdf_url"].get<std::string>()).status, 404);
  auto verify = Client()->Get("/api/v1/certificates/verify/" + code);
  ASSERT_EQ(verify.status, 200) << verify.body;
  auto c = verify.json()["certificate"];
  EXPECT_EQ(c["minutes"], 120);
  EXPECT_EQ(c["projects"][0]["title"], "社区环境清洁行动");
  std::set<std::string> keys;
  for (const auto& [k, v] : c.items()) keys.insert(k);
  EXPECT_EQ(keys, (std::set<std::string>{"code", "name", "minutes", "hours", "projects", "issued_on", "organization_id",
                                         "organization_name"}));
  auto page = Client()->Get("/verify/" + code);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(c["name"].get<std::string>()), std::string::npos);
  EXPECT_EQ(Client()->Get("/verify/ABCD-EFGH-JKLM").status, 404);
  EXPECT_EQ(Client()->Get("/api/v1/certificates/verify/nonsense").status, 404);

  auto all = server().app().VerifyCounters();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << all->front();
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerHoursApiTest);

class VolunteerDemoApiTest : public ::tianshan::testing::DemoApiTest {};

TEST_P(VolunteerDemoApiTest, DemoHasTheArticlesTeamsWithConfirmedHours) {
  auto admin = LoggedIn("region-admin");
  auto region = admin->Get("/api/v1/volunteering/projects?limit=50");
  ASSERT_EQ(region.status, 200) << region.body;
  EXPECT_GE(region.json()["items"].size(), 4u);
  EXPECT_NE(region.body.find("暑期爱心托管班"), std::string::npos);
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
  auto member = LoggedIn("member");
  auto hours = member->Get("/api/v1/volunteering/my/hours");
  ASSERT_EQ(hours.status, 200) << hours.body;
  EXPECT_GT(hours.json()["total"]["minutes"].get<int64_t>(), 0);
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerDemoApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
