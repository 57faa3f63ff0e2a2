// Attendance per day of enrollment sessions and the enrollment figures, through the API on
// SQLite and PostgreSQL: a manager marks the confirmed-enrolled children of a day, marking the
// day again replaces it, a day outside the session or still to come and a child without a place
// are 422 naming the field and change nothing; figures per session, per service and rolled up
// the tree from maintained counts (checked by verify-counters); who may read and mark, inside
// and outside the subtree; concurrent markings of one day leave one of them.

#include <atomic>
#include <thread>

#include "modules/services/services_api_test_fixture.h"

namespace tianshan::testing {
namespace {

// 2026-07-08 12:00 China time: the session (2026-07-06 – 07-31) has begun.
constexpr int64_t kJuly8 = 1783483200000;

class ServicesAttendanceApiTest : public ServicesApiTest {
 protected:
  struct Class {
    int64_t service = 0, session = 0;
    int64_t ming = 0, hong = 0, gang = 0;  // 小明, 小红 enrolled; 小刚 waitlisted
  };
  Class MakeClass(const std::string& name) {
    Class c;
    c.service = MakeService(ClassService(name));
    c.session = MakeSession(c.service, 2);
    const std::string enroll = "/api/v1/sessions/" + std::to_string(c.session) + "/enrollments";
    auto guardian = LoggedIn("member");
    c.ming = guardian->Post(enroll, Child("小明")).json()["id"];
    c.hong = guardian->Post(enroll, Child("小红")).json()["id"];
    auto gang = LoggedIn("youth")->Post(enroll, Child("小刚"));
    EXPECT_EQ(gang.json()["status"], "waitlisted") << gang.body;
    c.gang = gang.json()["id"];
    server().clock().Set(kJuly8);
    return c;
  }
  int64_t Region() {
    return Org("%E6%96%B0%E7%96%86%E7%BB%B4%E5%90%BE%E5%B0%94%E8%87%AA%E6%B2%BB%E5%8C%BA%E5%9B%A2%E5%A7%94");
  }
  static std::string Sheet(const Class& c) { return "/api/v1/sessions/" + std::to_string(c.session) + "/attendance"; }
  static nlohmann::json Marks(const std::string& day, const std::vector<std::pair<int64_t, bool>>& marks) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [id, present] : marks) list.push_back({{"enrollment_id", id}, {"present", present}});
    return {{"day", day}, {"marks", list}};
  }
  nlohmann::json ServiceFigures(const Class& c) {
    auto r = LoggedIn("karamay-admin")->Get("/api/v1/services/" + std::to_string(c.service) + "/enrollment-figures");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  nlohmann::json SubtreeFigures(int64_t org) {
    auto r = LoggedIn("region-admin")->Get("/api/v1/organizations/" + std::to_string(org) + "/enrollment-figures");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  void ExpectCountersTrue() {
    auto counters = server().app().VerifyCounters();
    ASSERT_TRUE(counters.ok());
    EXPECT_TRUE(counters->empty()) << counters->front();
  }
};

TEST_P(ServicesAttendanceApiTest, MarkDayReplaceItAndFigures) {
  const auto region_before = SubtreeFigures(Region());
  const Class c = MakeClass("托管班考勤");
  auto admin = LoggedIn("karamay-admin");
  auto marked = admin->Put(Sheet(c), Marks("2026-07-07", {{c.ming, true}, {c.hong, false}}));
  ASSERT_EQ(marked.status, 200) << marked.body;
  auto j = marked.json();
  EXPECT_EQ(j["day"], "2026-07-07");
  EXPECT_EQ(j["can"]["mark"], true);
  ASSERT_EQ(j["items"].size(), 2u) << "the waitlisted child is not on the sheet";
  EXPECT_EQ(j["items"][0]["participant_name"], "小明");
  EXPECT_EQ(j["items"][0]["present"], true);
  EXPECT_EQ(j["items"][1]["present"], false);
  auto other_day = admin->Get(Sheet(c) + "?day=2026-07-06").json();
  EXPECT_TRUE(other_day["items"][0]["present"].is_null()) << "another day is not marked";
  EXPECT_EQ(admin->Get(Sheet(c)).json()["day"], "2026-07-08") << "today by default";

  auto f = ServiceFigures(c);
  EXPECT_EQ(f["enrolled"], 2);
  EXPECT_EQ(f["waitlisted"], 1);
  EXPECT_EQ(f["present_days"], 1);
  EXPECT_EQ(f["marked_days"], 2);
  EXPECT_DOUBLE_EQ(f["attendance_rate"].get<double>(), 0.5);
  EXPECT_EQ(f["sessions"][0]["marked_days"], 2);

  // Marking the day again replaces it: both present, then only 小明, absent.
  ASSERT_EQ(admin->Put(Sheet(c), Marks("2026-07-07", {{c.ming, true}, {c.hong, true}})).status, 200);
  f = ServiceFigures(c);
  EXPECT_EQ(f["present_days"], 2);
  EXPECT_EQ(f["marked_days"], 2) << "replaced, not added";
  auto again = admin->Put(Sheet(c), Marks("2026-07-07", {{c.ming, false}}));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json()["items"][1]["present"].is_null()) << "小红 is no longer marked that day";
  ASSERT_EQ(admin->Put(Sheet(c), Marks("2026-07-08", {{c.ming, true}, {c.hong, true}})).status, 200);
  f = ServiceFigures(c);
  EXPECT_EQ(f["present_days"], 2);
  EXPECT_EQ(f["marked_days"], 3);

  // Rolled up the tree from the counters: the region gains exactly this class.
  const auto region = SubtreeFigures(Region());
  EXPECT_EQ(region["enrolled"].get<int64_t>() - region_before["enrolled"].get<int64_t>(), 2);
  EXPECT_EQ(region["waitlisted"].get<int64_t>() - region_before["waitlisted"].get<int64_t>(), 1);
  EXPECT_EQ(region["present_days"].get<int64_t>() - region_before["present_days"].get<int64_t>(), 2);
  EXPECT_EQ(region["marked_days"].get<int64_t>() - region_before["marked_days"].get<int64_t>(), 3);
  const auto karamay = admin->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/enrollment-figures").json();
  bool listed = false;
  for (const auto& s : karamay["services"]) {
    if (s["service_id"] == c.service) listed = s["marked_days"] == 3 && s["enrolled"] == 2;
  }
  EXPECT_TRUE(listed) << karamay.dump();
  ExpectCountersTrue();

  // A withdrawal promotes 小刚; the marks stay, the counts move with the places.
  ASSERT_EQ(admin->Post("/api/v1/enrollments/" + std::to_string(c.ming) + "/withdraw", std::string()).status, 200);
  f = ServiceFigures(c);
  EXPECT_EQ(f["enrolled"], 2);
  EXPECT_EQ(f["waitlisted"], 0);
  EXPECT_EQ(f["marked_days"], 3);
  ExpectCountersTrue();

  auto audit = admin->Get("/api/v1/audit?organization_id=" + std::to_string(Karamay()) +
                          "&entity_type=service_session&action=service_attendance.mark");
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(audit.json()["items"].size(), 4u);
  EXPECT_EQ(audit.json()["items"][0]["after"].dump().find("小"), std::string::npos) << "no child's name in the log";
}

TEST_P(ServicesAttendanceApiTest, BadMarksNameTheirFieldAndChangeNothing) {
  const Class c = MakeClass("托管班考勤错误");
  auto admin = LoggedIn("karamay-admin");
  ASSERT_EQ(admin->Put(Sheet(c), Marks("2026-07-07", {{c.ming, true}})).status, 200);
  const auto before = ServiceFigures(c);
  struct Bad {
    nlohmann::json body;
    std::vector<std::string> fields;
  };
  const Bad bad[] = {
      {Marks("2026-07-05", {{c.ming, false}}), {"day"}},  // before the first day
      {Marks("2026-08-01", {{c.ming, false}}), {"day"}},  // after the last
      {Marks("2026-07-09", {{c.ming, false}}), {"day"}},  // tomorrow
      {Marks("2026-07-31x", {{c.ming, false}}), {"day"}},
      {Marks("2026-07-07", {{c.gang, true}}), {"marks[0].enrollment_id"}},  // waitlisted
      {Marks("2026-07-07", {{c.ming, false}, {c.ming, true}}), {"marks[1].enrollment_id"}},
      {Marks("2026-07-07", {{c.hong, false}, {999999, true}}), {"marks[1].enrollment_id"}},
      {{{"day", "2026-07-07"}, {"marks", {{{"enrollment_id", c.ming}, {"present", "yes"}}}}}, {"marks[0].present"}},
      {{{"day", "2026-07-07"}, {"marks", {{{"enrollment_id", c.ming}}}}}, {"marks[0].present"}},
      {{{"day", "2026-07-07"}}, {"marks"}},
      {{{"marks", nlohmann::json::array()}}, {"day"}},
      {{{"day", "2026-07-07"}, {"marks", nlohmann::json::array()}, {"who", 1}}, {"who"}},
  };
  for (const auto& b : bad) {
    auto r = admin->Put(Sheet(c), b.body);
    EXPECT_EQ(r.status, 422) << b.body.dump() << " → " << r.body;
    EXPECT_EQ(r.error_fields(), b.fields) << b.body.dump();
  }
  EXPECT_EQ(admin->Put(Sheet(c), std::string("[]")).status, 400);
  EXPECT_EQ(admin->Get(Sheet(c) + "?day=7%2F7").status, 422);
  EXPECT_EQ(admin->Put("/api/v1/sessions/424242/attendance", Marks("2026-07-07", {})).status, 404);
  EXPECT_EQ(ServiceFigures(c), before) << "nothing changed";
  EXPECT_EQ(admin->Get(Sheet(c) + "?day=2026-07-07").json()["items"][0]["present"], true);
  // An application service has no sessions: zeros, no rate.
  const int64_t apps = MakeService(ApplicationService("考勤无关"));
  auto none = admin->Get("/api/v1/services/" + std::to_string(apps) + "/enrollment-figures");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json()["sessions"].empty());
  EXPECT_EQ(none.json()["enrolled"], 0);
  EXPECT_TRUE(none.json()["attendance_rate"].is_null());
  ExpectCountersTrue();
}

// Who may read the sheet and the figures, and mark: role × inside / outside the subtree.
TEST_P(ServicesAttendanceApiTest, PermissionTable) {
  const Class inside = MakeClass("托管班权限");
  // A class of 乌鲁木齐市团委: outside 克拉玛依 and everything below it.
  auto region = LoggedIn("region-admin");
  auto out_service =
      region->Post("/api/v1/organizations/" + std::to_string(Urumqi()) + "/services", ClassService("乌鲁木齐托管班"));
  ASSERT_EQ(out_service.status, 201) << out_service.body;
  auto out_session = region->Post(
      "/api/v1/services/" + std::to_string(out_service.json()["id"].get<int64_t>()) + "/sessions",
      nlohmann::json{{"name", "7 月"}, {"starts_on", "2026-07-06"}, {"ends_on", "2026-07-31"}, {"capacity", 5}});
  ASSERT_EQ(out_session.status, 201) << out_session.body;
  Class outside;
  outside.service = out_service.json()["id"];
  outside.session = out_session.json()["id"];

  struct Row {
    const char* login;
    int read_in, mark_in, read_out, mark_out;  // sheet or figures read; a marking
  };
  const Row table[] = {
      {"region-admin", 200, 200, 200, 200},     {"karamay-admin", 200, 200, 404, 404}, {"cadre", 200, 403, 404, 404},
      {"branch-secretary", 404, 404, 404, 404}, {"member", 404, 404, 404, 404},        {"youth", 404, 404, 404, 404},
  };
  for (const auto& row : table) {
    auto client = LoggedIn(row.login);
    for (const Class* c : {&inside, static_cast<const Class*>(&outside)}) {
      const bool in = c == &inside;
      const int read = in ? row.read_in : row.read_out, mark = in ? row.mark_in : row.mark_out;
      const auto sheet = client->Get(Sheet(*c));
      EXPECT_EQ(sheet.status, read) << row.login << (in ? " inside" : " outside") << " sheet";
      if (sheet.status == 200) {
        EXPECT_EQ(sheet.json()["can"]["mark"], mark == 200) << row.login;
      }
      EXPECT_EQ(client->Get("/api/v1/services/" + std::to_string(c->service) + "/enrollment-figures").status, read)
          << row.login << (in ? " inside" : " outside") << " figures";
      const auto marks = in ? Marks("2026-07-07", {{inside.ming, true}}) : Marks("2026-07-07", {});
      EXPECT_EQ(client->Put(Sheet(*c), marks).status, mark) << row.login << (in ? " inside" : " outside") << " mark";
    }
  }
  EXPECT_EQ(Client()->Get(Sheet(inside)).status, 401);
  EXPECT_EQ(LoggedIn("branch-secretary")
                ->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/enrollment-figures")
                .status,
            404)
      << "figures above the grant";
  EXPECT_EQ(LoggedIn("cadre")->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/enrollment-figures").status,
            200);
}

// Managers marking one day at once: each marking replaces the day whole, so the day ends as
// exactly one of them and the counts agree with the rows.
TEST_P(ServicesAttendanceApiTest, ConcurrentMarkingsOfOneDayLeaveOne) {
  const Class c = MakeClass("托管班并发考勤");
  constexpr int kThreads = 12;
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int t = 0; t < kThreads; ++t) clients.push_back(LoggedIn(t % 2 ? "karamay-admin" : "region-admin"));
  std::atomic<bool> go{false};
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int round = 0; round < 4; ++round) {
        // Some markings name both children, some only one: the day's size differs by writer.
        std::vector<std::pair<int64_t, bool>> marks = {{c.ming, (t + round) % 2 == 0}};
        if (t % 3 != 0) marks.push_back({c.hong, t % 2 == 0});
        ok += clients[t]->Put(Sheet(c), Marks("2026-07-07", marks)).status == 200;
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads * 4);
  auto day = LoggedIn("karamay-admin")->Get(Sheet(c) + "?day=2026-07-07").json();
  int64_t marked = 0, present = 0;
  for (const auto& item : day["items"]) {
    if (item["present"].is_null()) continue;
    ++marked;
    present += item["present"].get<bool>();
  }
  EXPECT_GE(marked, 1);
  auto f = ServiceFigures(c);
  EXPECT_EQ(f["marked_days"], marked) << day.dump();
  EXPECT_EQ(f["present_days"], present) << day.dump();
  ExpectCountersTrue();
}

TS_INSTANTIATE_FOR_DATABASES(ServicesAttendanceApiTest);

}  // namespace
}  // namespace tianshan::testing
