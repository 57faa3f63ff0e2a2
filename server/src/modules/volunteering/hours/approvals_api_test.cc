// Approving hours through the HTTP API on SQLite and PostgreSQL: self-reports in whole and half
// hours, decisions that need a reason to reject, batch decisions (all or nothing), the shifts
// whose hours await confirmation, and rankings that give ties the same rank.

#include <algorithm>

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

using Fields = std::vector<std::string>;

class VolunteerApprovalsApiTest : public VolunteeringApiTest {
 protected:
  // A team of the branch led by a person, with `n` other people as active members.
  void Prepare(int n) {
    admin_ = Admin();
    auto people = MakePeople(n + 1);
    leader_person_ = people[0];
    auto team = admin_->Post("/api/v1/volunteering/teams", nlohmann::json{{"organization_id", branch_.id},
                                                                          {"name", "便民服务队"},
                                                                          {"leader_person_ids", {leader_person_}}});
    ASSERT_EQ(team.status, 201) << team.body;
    team_ = team.json()["id"];
    leader_ = VolunteerClient(leader_person_);
    const std::string team_path = "/api/v1/volunteering/teams/" + std::to_string(team_);
    for (int i = 1; i <= n; ++i) {
      members_.push_back(people[i]);
      clients_.push_back(VolunteerClient(people[i]));
      auto apply = clients_.back()->Post(team_path + "/applications", std::string());
      ASSERT_EQ(apply.status, 201) << apply.body;
      ASSERT_EQ(leader_
                    ->Post(team_path + "/members/" + std::to_string(apply.json()["id"].get<int64_t>()) + "/decision",
                           nlohmann::json{{"decision", "approve"}})
                    .status,
                200);
    }
  }

  HttpResult Report(HttpClient& client, int64_t minutes) {
    return client.Post("/api/v1/volunteering/hours/reports",
                       nlohmann::json{{"team_id", team_},
                                      {"worked_on", FormatUtc(server().clock().NowMillis()).substr(0, 10)},
                                      {"minutes", minutes},
                                      {"description", "整理捐赠物资"}});
  }

  std::unique_ptr<HttpClient> admin_, leader_;
  std::vector<std::unique_ptr<HttpClient>> clients_;
  std::vector<int64_t> members_;
  int64_t leader_person_ = 0, team_ = 0;
};

TEST_P(VolunteerApprovalsApiTest, ReportsInWholeAndHalfHoursDecidedOneByOneOrInABatch) {
  Prepare(2);
  auto& v = *clients_[0];
  std::vector<int64_t> reports;
  for (int64_t minutes : {60, 90, 120, 45}) {  // 1 h, 1.5 h, 2 h: any whole number of minutes
    auto r = Report(v, minutes);
    ASSERT_EQ(r.status, 201) << minutes << " " << r.body;
    EXPECT_EQ(r.json()["minutes"], minutes);
    reports.push_back(r.json()["id"]);
  }
  EXPECT_EQ(Report(v, 0).error_fields(), Fields{"minutes"});
  EXPECT_EQ(Report(v, 24 * 60 + 1).error_fields(), Fields{"minutes"});
  auto own = Report(*leader_, 30);
  ASSERT_EQ(own.status, 201);

  // Rejecting one report needs a reason.
  const std::string one = "/api/v1/volunteering/hours/reports/" + std::to_string(reports[3]) + "/decision";
  auto bare = leader_->Post(one, nlohmann::json{{"decision", "reject"}});
  EXPECT_EQ(bare.status, 422);
  EXPECT_EQ(bare.error_fields(), Fields{"reason"});
  auto rejected = leader_->Post(one, nlohmann::json{{"decision", "reject"}, {"reason", "与签到记录重复"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["decision_reason"], "与签到记录重复");

  // A batch is all or nothing: every bad report is named by its place and nothing changes.
  const std::string batch = "/api/v1/volunteering/hours/reports/decisions";
  auto bad = leader_->Post(
      batch,
      nlohmann::json{{"report_ids", {reports[0], reports[3], 999999, reports[0], own.json()["id"].get<int64_t>()}},
                     {"decision", "approve"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.error_fields(), (Fields{"report_ids[1]", "report_ids[2]", "report_ids[3]", "report_ids[4]"}));
  EXPECT_TRUE(Says(bad, "volunteer.not_pending"));
  EXPECT_TRUE(Says(bad, "volunteer.own_report"));
  EXPECT_EQ(v.Get("/api/v1/volunteering/my/hours").json()["total"]["minutes"], 0);
  EXPECT_EQ(leader_->Post(batch, nlohmann::json{{"report_ids", {reports[0]}}, {"decision", "reject"}}).error_fields(),
            Fields{"reason"});
  EXPECT_EQ(leader_->Post(batch, nlohmann::json{{"report_ids", nlohmann::json::array()}, {"decision", "approve"}})
                .error_fields(),
            Fields{"report_ids"});
  EXPECT_EQ(
      clients_[1]->Post(batch, nlohmann::json{{"report_ids", {reports[0]}}, {"decision", "approve"}}).error_fields(),
      Fields{"report_ids[0]"});  // not the member's to decide: unseen

  auto ok = leader_->Post(
      batch, nlohmann::json{{"report_ids", {reports[0], reports[1], reports[2]}}, {"decision", "approve"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  ASSERT_EQ(ok.json()["items"].size(), 3u);
  const auto decided = ok.json();
  for (const auto& r : decided["items"]) {
    EXPECT_EQ(r["status"], "approved");
    EXPECT_TRUE(r["ledger_entry_id"].is_number());
  }
  EXPECT_EQ(ok.json()["items"][1]["id"], reports[1]);  // in the order given
  EXPECT_EQ(v.Get("/api/v1/volunteering/my/hours").json()["total"]["minutes"], 60 + 90 + 120);
  auto all = server().app().VerifyCounters();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty()) << all->front();

  // A counter that drifted from the ledger is reported, naming the organization and the key.
  ASSERT_TRUE(ctx()
                  .db
                  .Write([&](storage::Transaction& tx) -> Result<int64_t> {
                    return tx.Execute(
                        "UPDATE organizations_counters SET self_value = self_value + 7, subtree_value = "
                        "subtree_value + 7 WHERE counter_key = 'volunteer.hours_minutes' AND "
                        "self_value > 0");
                  })
                  .ok());
  auto drifted = server().app().VerifyCounters();
  ASSERT_TRUE(drifted.ok());
  auto line = std::find_if(drifted->begin(), drifted->end(), [](const std::string& l) {
    return l.rfind("volunteering: organization ", 0) == 0 && l.find("volunteer.hours_minutes: self is ") != l.npos;
  });
  EXPECT_NE(line, drifted->end()) << "volunteering's own check names the drifted counter";
}

TEST_P(VolunteerApprovalsApiTest, ShiftsAwaitingConfirmation) {
  Prepare(2);
  int64_t project = MakeProject(*admin_, "社区清洁", team_);
  int64_t shift = MakeShift(*admin_, project, 5, kHourMs);
  std::vector<int64_t> sign_ups;
  for (auto& c : clients_) {
    auto s = c->Post(ShiftPath(shift, "/sign-ups"), std::string());
    ASSERT_EQ(s.status, 201);
    sign_ups.push_back(s.json()["id"]);
  }
  const std::string awaiting = "/api/v1/volunteering/shifts/awaiting-confirmation";
  EXPECT_TRUE(admin_->Get(awaiting).json()["items"].empty());

  server().clock().Advance(4 * kHourMs);
  admin_ = Admin();
  auto fix = [&](int64_t sign_up, std::optional<std::string> in, std::optional<std::string> out) {
    nlohmann::json body = {{"reason", "现场登记"}};
    if (in) body["checked_in_at"] = *in;
    if (out) body["checked_out_at"] = *out;
    auto r = leader_->Post("/api/v1/volunteering/sign-ups/" + std::to_string(sign_up) + "/attendance", body);
    ASSERT_EQ(r.status, 200) << r.body;
  };
  fix(sign_ups[0], At(-3 * kHourMs), At(-kHourMs));
  fix(sign_ups[1], At(-3 * kHourMs), std::nullopt);

  auto check = [&](HttpClient& c, const std::string& path, int64_t want_awaiting, int64_t want_checked_in) {
    auto r = c.Get(path);
    ASSERT_EQ(r.status, 200) << path << " " << r.body;
    ASSERT_EQ(r.json()["items"].size(), 1u) << path << " " << r.body;
    const nlohmann::json body = r.json();
    const auto& item = body["items"][0];
    EXPECT_EQ(item["shift"]["id"], shift);
    EXPECT_EQ(item["shift"]["state"], "ended");
    EXPECT_EQ(item["project"]["id"], project);
    EXPECT_EQ(item["project"]["team_name"], "便民服务队");
    EXPECT_EQ(item["awaiting"], want_awaiting);
    EXPECT_EQ(item["checked_in"], want_checked_in);
  };
  check(*admin_, awaiting, 1, 1);                                                     // a manager's subtrees
  check(*admin_, awaiting + "?organization_id=" + std::to_string(street_.id), 1, 1);  // one subtree
  check(*leader_, awaiting, 1, 1);                                                    // the team's leader
  EXPECT_TRUE(clients_[0]->Get(awaiting).json()["items"].empty());                    // a volunteer
  EXPECT_EQ(clients_[0]->Get(awaiting + "?organization_id=" + std::to_string(branch_.id)).status, 404);
  auto outsider = LoggedIn("vol-outsider", "password-123");
  EXPECT_EQ(outsider->Get(awaiting + "?organization_id=" + std::to_string(branch_.id)).status, 404);
  EXPECT_TRUE(outsider->Get(awaiting).json()["items"].empty());

  ASSERT_EQ(leader_->Post(ShiftPath(shift, "/confirm-hours"), std::string()).status, 200);
  check(*leader_, awaiting, 0, 1);
  fix(sign_ups[1], std::nullopt, At(-kHourMs));
  ASSERT_EQ(leader_->Post(ShiftPath(shift, "/confirm-hours"), std::string()).status, 200);
  EXPECT_TRUE(leader_->Get(awaiting).json()["items"].empty());
}

TEST_P(VolunteerApprovalsApiTest, RankingsGiveTiesTheSameRank) {
  Prepare(3);
  int64_t project = MakeProject(*admin_, "社区清洁", team_);
  int64_t shift = MakeShift(*admin_, project, 5, 48 * kHourMs);
  for (auto& c : clients_) ASSERT_EQ(c->Post(ShiftPath(shift, "/sign-ups"), std::string()).status, 201);
  const std::string today = FormatUtc(server().clock().NowMillis()).substr(0, 10);
  const int64_t minutes[] = {120, 60, 120};
  for (int i = 0; i < 3; ++i) {
    auto r = admin_->Post("/api/v1/volunteering/hours/adjustments", nlohmann::json{{"person_id", members_[i]},
                                                                                   {"project_id", project},
                                                                                   {"minutes", minutes[i]},
                                                                                   {"worked_on", today},
                                                                                   {"reason", "补录"}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  const std::string path = "/api/v1/volunteering/rankings/volunteers?organization_id=" + std::to_string(branch_.id) +
                           "&from=" + today.substr(0, 7) + "&to=" + today.substr(0, 7);
  auto all = admin_->Get(path).json()["items"];
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0]["rank"], 1);
  EXPECT_EQ(all[1]["rank"], 1);
  EXPECT_EQ(all[2]["rank"], 3);
  EXPECT_EQ(all[2]["person_id"], members_[1]);
  // Page by page the same ranks: the tie runs across the page boundary.
  std::vector<int64_t> ranks;
  std::string cursor;
  do {
    auto page = admin_->Get(path + "&limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor)).json();
    for (const auto& row : page["items"]) ranks.push_back(row["rank"]);
    cursor = page["next_cursor"].is_string() ? page["next_cursor"].get<std::string>() : "";
  } while (!cursor.empty());
  EXPECT_EQ(ranks, (std::vector<int64_t>{1, 1, 3}));
  auto teams = admin_->Get("/api/v1/volunteering/rankings/teams?organization_id=" + std::to_string(branch_.id) +
                           "&from=" + today.substr(0, 7) + "&to=" + today.substr(0, 7));
  EXPECT_EQ(teams.json()["items"][0]["rank"], 1);
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerApprovalsApiTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
