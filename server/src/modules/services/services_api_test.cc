// The services module through the API on SQLite and PostgreSQL, with the demo network: an
// application from submitted to completed (each step notified to the applicant), the public
// catalog, bad answers naming their field and changing nothing, state-machine refusals,
// enrollment with age limits, consent and the waitlist, and who may do what.

#include <set>

#include "modules/services/services_api_test_fixture.h"
#include "modules/services/use_cases.h"

namespace tianshan::testing {
namespace {

std::string App(int64_t id, const std::string& verb = "") {
  return "/api/v1/applications/" + std::to_string(id) + (verb.empty() ? "" : "/" + verb);
}

TEST_P(ServicesApiTest, ApplicationToCompletedWithNotices) {
  const int64_t service = MakeService(ApplicationService("创业指导测试"));
  auto catalog = Client()->Get("/api/v1/services?category=entrepreneurship&area=" + std::to_string(Karamay()));
  ASSERT_EQ(catalog.status, 200) << catalog.body;
  bool found = false;
  const auto items = catalog.json()["items"];
  for (const auto& s : items) found = found || s["id"] == service;
  EXPECT_TRUE(found);
  EXPECT_EQ(Client()->Get("/api/v1/services/" + std::to_string(service)).json()["can"]["apply"], false)
      << "the public reads; applying needs an account";

  auto youth = LoggedIn("youth");
  auto submitted = youth->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                               nlohmann::json{{"answers", {{"project", "社区咖啡"}, {"stage", "想法"}, {"team", 3}}}});
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const int64_t id = submitted.json()["id"];
  EXPECT_EQ(submitted.json()["status"], "submitted");
  EXPECT_EQ(submitted.json()["answers"]["team"], "3");
  EXPECT_EQ(submitted.json()["can"]["withdraw"], true);

  auto admin = LoggedIn("karamay-admin");
  auto inbox = admin->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/applications?status=submitted");
  ASSERT_EQ(inbox.status, 200);
  EXPECT_EQ(inbox.json()["items"][0]["id"], id);
  EXPECT_EQ(admin->Post(App(id, "complete"), std::string()).status, 409) << "not before it is in service";
  EXPECT_EQ(youth->Post(App(id, "accept"), std::string()).status, 403);
  for (const char* verb : {"accept", "start", "complete"}) {
    auto r = admin->Post(App(id, verb), std::string());
    ASSERT_EQ(r.status, 200) << verb << " " << r.body;
  }
  auto done = youth->Get(App(id));
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.json()["status"], "completed");
  ASSERT_EQ(done.json()["steps"].size(), 4u);
  EXPECT_EQ(done.json()["steps"][3]["status"], "completed");
  EXPECT_EQ(youth->Post(App(id, "withdraw"), std::string()).status, 409);
  auto notices = youth->Get("/api/v1/notifications");
  ASSERT_EQ(notices.status, 200);
  EXPECT_EQ(notices.json()["items"].size(), 3u) << "accepted, in service, completed";
  EXPECT_EQ(notices.json()["items"][0]["link"], "/app/services/applications/" + std::to_string(id))
      << "the application's page";
  auto mine = youth->Get("/api/v1/my/applications");
  EXPECT_EQ(mine.json()["items"][0]["id"], id);
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

TEST_P(ServicesApiTest, RejectWithdrawAndBadAnswers) {
  const int64_t service = MakeService(ApplicationService("创业指导二"));
  const std::string apply = "/api/v1/services/" + std::to_string(service) + "/applications";
  auto youth = LoggedIn("youth");
  auto bad = youth->Post(apply, nlohmann::json{{"answers", {{"stage", "别的"}, {"team", "三"}, {"color", "红"}}}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.error_fields(),
            (std::vector<std::string>{"answers.project", "answers.stage", "answers.team", "answers.color"}));
  EXPECT_TRUE(youth->Get("/api/v1/my/applications").json()["items"].empty()) << "nothing was submitted";

  const nlohmann::json good = {{"answers", {{"project", "非遗手作"}, {"stage", "筹备"}}}};
  const int64_t a = youth->Post(apply, good).json()["id"];
  auto admin = LoggedIn("karamay-admin");
  auto no_reason = admin->Post(App(a, "reject"), std::string());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.error_fields(), (std::vector<std::string>{"reason"}));
  auto rejected = admin->Post(App(a, "reject"), nlohmann::json{{"reason", "请先参加创业培训"}});
  ASSERT_EQ(rejected.status, 200);
  EXPECT_EQ(rejected.json()["reason"], "请先参加创业培训");

  const int64_t b = youth->Post(apply, good).json()["id"];
  EXPECT_EQ(admin->Post(App(b, "withdraw"), std::string()).status, 403) << "only the applicant withdraws";
  auto withdrawn = youth->Post(App(b, "withdraw"), std::string());
  ASSERT_EQ(withdrawn.status, 200);
  EXPECT_EQ(withdrawn.json()["status"], "withdrawn");
  EXPECT_EQ(admin->Post(App(b, "accept"), std::string()).status, 409);

  // Who may see what.
  EXPECT_EQ(LoggedIn("member")->Get(App(b)).status, 404) << "another person's application";
  EXPECT_EQ(LoggedIn("cadre")->Get(App(b)).status, 200) << "a cadre of Karamay reads";
  EXPECT_EQ(LoggedIn("cadre")->Post(App(b, "accept"), std::string()).status, 403);
  EXPECT_EQ(youth->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/applications").status, 404);
  auto region = LoggedIn("region-admin");
  auto theirs = region->Post("/api/v1/organizations/" + std::to_string(Urumqi()) + "/services",
                             ApplicationService("乌鲁木齐创业"));
  ASSERT_EQ(theirs.status, 201);
  EXPECT_EQ(
      admin->Post("/api/v1/organizations/" + std::to_string(Urumqi()) + "/services", ApplicationService("越界")).status,
      404);
  auto listed = LoggedIn("cadre")->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/services?limit=2");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json()["items"].size(), 2u);
  EXPECT_FALSE(listed.json()["next_cursor"].is_null()) << "the demo and this test make more than two";
  EXPECT_EQ(listed.json()["items"][0]["can"]["manage"], false) << "a cadre reads";
  EXPECT_EQ(youth->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/services").status, 404);
  EXPECT_EQ(LoggedIn("cadre")
                ->Post("/api/v1/organizations/" + std::to_string(Karamay()) + "/services", ApplicationService("干部"))
                .status,
            403);
}

TEST_P(ServicesApiTest, BadServicesNameTheirFields) {
  auto admin = LoggedIn("karamay-admin");
  auto body = ApplicationService("坏服务");
  body["category"] = "magic";
  body["questions"][1].erase("options");
  body["questions"][2]["key"] = "Team Size";
  auto bad = admin->Post("/api/v1/organizations/" + std::to_string(Karamay()) + "/services", body);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"category"}));
  body["category"] = "entrepreneurship";
  body["max_age"] = 10;
  bad = admin->Post("/api/v1/organizations/" + std::to_string(Karamay()) + "/services", body);
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"max_age", "questions[1].options", "questions[2].key"}));
  EXPECT_EQ(Client()->Get("/api/v1/services?q=%E5%9D%8F").json()["items"].size(), 0u);  // 坏
}

TEST_P(ServicesApiTest, EnrollmentAgeConsentAndWaitlist) {
  const int64_t service = MakeService(ClassService("托管班测试"));
  const int64_t session = MakeSession(service, 2);
  const std::string enroll = "/api/v1/sessions/" + std::to_string(session) + "/enrollments";
  auto guardian = LoggedIn("member");
  auto too_old = guardian->Post(enroll, Child("大明", "2005-01-01"));
  EXPECT_EQ(too_old.status, 422);
  EXPECT_EQ(too_old.error_fields(), (std::vector<std::string>{"participant_birth_date"}));
  auto no_consent = guardian->Post(enroll, Child("小明", "2017-03-01", false));
  EXPECT_EQ(no_consent.status, 422);
  EXPECT_EQ(no_consent.error_fields(), (std::vector<std::string>{"guardian_consent"}));
  EXPECT_TRUE(guardian->Get("/api/v1/my/enrollments").json()["items"].empty()) << "nothing was enrolled";

  EXPECT_EQ(guardian->Post(enroll, Child("小明")).json()["status"], "enrolled");
  EXPECT_EQ(guardian->Post(enroll, Child("小红")).json()["status"], "enrolled");
  EXPECT_EQ(guardian->Post(enroll, Child("小明")).status, 409) << "once per child";
  auto third = LoggedIn("youth")->Post(enroll, Child("小刚"));
  ASSERT_EQ(third.status, 201);
  EXPECT_EQ(third.json()["status"], "waitlisted");
  EXPECT_EQ(third.json()["waitlist_position"], 1);
  auto roster = LoggedIn("karamay-admin")->Get(enroll);
  ASSERT_EQ(roster.status, 200);
  EXPECT_EQ(roster.json()["items"].size(), 3u);
  EXPECT_EQ(guardian->Get(enroll).status, 404) << "the roster is the organization's";
  auto page = Client()->Get("/api/v1/services/" + std::to_string(service));
  EXPECT_EQ(page.json()["sessions"][0]["enrolled"], 2);
  EXPECT_EQ(page.json()["sessions"][0]["waitlisted"], 1);
}

// Withdrawal: a waitlist number simply goes; a place goes to the first on the waitlist, whose
// account is told. Only the enrolling account or a manager withdraws; bad requests change nothing.
TEST_P(ServicesApiTest, WithdrawalPromotesTheFirstWaitlisted) {
  const int64_t service = MakeService(ClassService("托管班退出"));
  const int64_t session = MakeSession(service, 1);
  const std::string enroll = "/api/v1/sessions/" + std::to_string(session) + "/enrollments";
  auto guardian = LoggedIn("member");
  auto youth = LoggedIn("youth");
  auto admin = LoggedIn("karamay-admin");
  const int64_t ming = guardian->Post(enroll, Child("小明")).json()["id"];
  const int64_t gang = youth->Post(enroll, Child("小刚")).json()["id"];
  auto li = youth->Post(enroll, Child("小丽"));
  ASSERT_EQ(li.status, 201);
  EXPECT_EQ(li.json()["waitlist_position"], 2);
  EXPECT_EQ(li.json()["can"]["withdraw"], true);
  auto withdraw = [](int64_t id) { return "/api/v1/enrollments/" + std::to_string(id) + "/withdraw"; };
  auto sessions = [&] { return Client()->Get("/api/v1/services/" + std::to_string(service)).json()["sessions"][0]; };

  EXPECT_EQ(youth->Post(withdraw(ming), std::string()).status, 404) << "another family's enrollment";
  EXPECT_EQ(LoggedIn("cadre")->Post(withdraw(ming), std::string()).status, 403) << "a cadre reads the roster only";
  EXPECT_EQ(guardian->Post("/api/v1/enrollments/abc/withdraw", std::string()).status, 400);
  auto unknown = guardian->Post(withdraw(ming), nlohmann::json{{"why", "x"}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.error_fields(), (std::vector<std::string>{"why"}));
  EXPECT_EQ(sessions()["enrolled"], 1) << "nothing changed";
  EXPECT_EQ(sessions()["waitlisted"], 2);

  auto li_out = youth->Post(withdraw(li.json()["id"]), std::string());
  ASSERT_EQ(li_out.status, 200) << li_out.body;
  EXPECT_EQ(li_out.json()["status"], "withdrawn");
  EXPECT_EQ(li_out.json()["can"]["withdraw"], false);
  EXPECT_EQ(sessions()["waitlisted"], 1);
  EXPECT_TRUE(youth->Get("/api/v1/notifications").json()["items"].empty()) << "no place was freed";

  auto ming_out = guardian->Post(withdraw(ming), std::string());
  ASSERT_EQ(ming_out.status, 200) << ming_out.body;
  EXPECT_EQ(ming_out.json()["status"], "withdrawn");
  EXPECT_EQ(guardian->Post(withdraw(ming), std::string()).status, 409) << "once";
  EXPECT_EQ(sessions()["enrolled"], 1) << "the place went to 小刚";
  EXPECT_EQ(sessions()["waitlisted"], 0);
  auto mine = youth->Get("/api/v1/my/enrollments").json()["items"];
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0]["id"], gang);
  EXPECT_EQ(mine[0]["status"], "enrolled");
  EXPECT_TRUE(mine[0]["waitlist_position"].is_null());
  EXPECT_EQ(mine[0]["service_name"], "托管班退出");
  auto notices = youth->Get("/api/v1/notifications").json()["items"];
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0]["body"].get<std::string>().find("小刚"), std::string::npos) << notices[0];

  auto by_manager = admin->Post(withdraw(gang), std::string());
  ASSERT_EQ(by_manager.status, 200) << by_manager.body;
  EXPECT_EQ(sessions()["enrolled"], 0) << "no one waits: the place is free";
  EXPECT_EQ(youth->Post(enroll, Child("小华")).json()["status"], "enrolled");
  auto audit = admin->Get("/api/v1/audit?organization_id=" + std::to_string(Karamay()) +
                          "&entity_type=service_enrollment&action=service_enrollment.promote");
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(audit.json()["items"].size(), 1u);
  EXPECT_EQ(audit.json()["items"][0]["entity_id"], std::to_string(gang));
  EXPECT_EQ(audit.json()["items"][0]["after"].dump().find("小刚"), std::string::npos) << "no child's name in the log";
}

// The daily reminder: applications unanswered past their response time (3 days) are counted on
// the organization's overdue view and its admins are told once a day.
TEST_P(ServicesApiTest, OverdueReminderCountsAndNotifies) {
  const int64_t service = MakeService(ApplicationService("提醒测试"));
  auto youth = LoggedIn("youth");
  ASSERT_EQ(youth
                ->Post("/api/v1/services/" + std::to_string(service) + "/applications",
                       nlohmann::json{{"answers", {{"project", "x"}, {"stage", "想法"}}}})
                .status,
            201);
  auto& ctx = server().app().context();
  const int64_t later = server().clock().NowMillis() + 4 * 24 * 3600 * 1000LL;
  server().clock().Set(later);
  ASSERT_TRUE(services::RemindOverdueApplications(ctx, later).ok());
  ASSERT_TRUE(services::RemindOverdueApplications(ctx, later).ok()) << "a second run the same day is quiet";
  auto admin = LoggedIn("karamay-admin");
  auto overdue = admin->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/overdue");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  EXPECT_NE(overdue.body.find("overdue.services_applications"), std::string::npos) << overdue.body;
  auto notices = admin->Get("/api/v1/notifications");
  int reminders = 0;
  const auto items = notices.json()["items"];
  const std::string link = "/app/organizations/" + std::to_string(Karamay()) + "/applications";
  for (const auto& n : items) reminders += n["link"] == link;
  EXPECT_EQ(reminders, 1) << notices.body;
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

// The guests' catalog is answered from memory while nothing is written (catalog_cache.h): a
// service added shows at once, after a page was kept in memory too; never a stale page.
TEST_P(ServicesApiTest, TheGuestsCatalogNeverShowsAStalePage) {
  auto guest = Client();
  const std::string page = "/api/v1/services?category=entrepreneurship&limit=200";
  auto names = [&](HttpClient& c) {
    auto r = c.Get(page);
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> out;
    const auto j = r.json();  // a range-for over a temporary's member would dangle
    for (const auto& item : j["items"]) out.insert(item["name"].get<std::string>());
    return out;
  };
  const auto before = names(*guest);
  EXPECT_EQ(names(*guest), before) << "the same page twice (the second from memory)";
  MakeService(ApplicationService("缓存检验"));
  EXPECT_TRUE(names(*guest).contains("缓存检验")) << "a new service shows at once";
  EXPECT_TRUE(names(*guest).contains("缓存检验")) << "and stays (from memory again)";
  MakeService(ApplicationService("缓存检验二"));
  const auto after = names(*guest);
  EXPECT_TRUE(after.contains("缓存检验二")) << "a page kept in memory gives way to the next write";
  EXPECT_EQ(after.size(), before.size() + 2);
  auto member = LoggedIn("member");
  EXPECT_EQ(names(*member), after) << "signed in: the same services, answered by the handler";
}

TS_INSTANTIATE_FOR_DATABASES(ServicesApiTest);

}  // namespace
}  // namespace tianshan::testing
