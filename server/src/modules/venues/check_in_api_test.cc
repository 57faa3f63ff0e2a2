// Check-in by QR code through the API on SQLite and PostgreSQL: the booker's code, the
// manager's scan (wrong venue, wrong day, forged, cancelled, reused: each a clear 4xx that
// changes nothing), who may do either, the no-show job and its counter, and racing scans of
// one code checking in once.

#include <atomic>
#include <thread>

#include "modules/venues/use_cases.h"
#include "modules/venues/venues_api_test_fixture.h"

namespace tianshan::testing {
namespace {

class VenuesCheckInApiTest : public VenuesApiTest {
 protected:
  std::string Code(int64_t booking) { return BookingPath(booking, "check-in-code"); }
  std::string CheckIn(int64_t venue) { return "/api/v1/venues/" + std::to_string(venue) + "/check-in"; }
  static nlohmann::json Token(const std::string& t) { return {{"token", t}}; }
  // Moves the fake clock (China time) and signs the roles in again (sessions expire).
  void At(const std::string& china_time) { server().clock().Set(*ParseTime(china_time)); }
};

TEST_P(VenuesCheckInApiTest, BookerShowsCodeManagerChecksIn) {
  const int64_t room = MakeRoom(false);
  const int64_t venue = venue_;
  auto youth = LoggedIn("youth");
  auto booked = youth->Post(Bookings(room), Slot("2026-06-01T10:00", "2026-06-01T12:00"));
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.json()["status"], "approved");
  EXPECT_EQ(booked.json()["can"]["show_code"], true);
  const int64_t id = booked.json()["id"];

  // Only the booker gets the code.
  EXPECT_EQ(Client()->Get(Code(id)).status, 401);
  EXPECT_EQ(LoggedIn("member")->Get(Code(id)).status, 404) << "another account's booking";
  EXPECT_EQ(LoggedIn("karamay-admin")->Get(Code(id)).status, 403) << "a manager reads it, the code is the booker's";
  auto code = youth->Get(Code(id));
  ASSERT_EQ(code.status, 200) << code.body;
  const std::string token = code.json()["token"];
  const std::string url = code.json()["url"];
  EXPECT_NE(url.find("/app/venues/" + std::to_string(venue) + "/check-in?token=" + token), std::string::npos) << url;
  EXPECT_NE(code.json()["svg"].get<std::string>().find("<svg"), std::string::npos);
  EXPECT_EQ(code.json()["expires_at"], "2026-06-01T04:00:00.000Z") << "valid until the booking ends";

  // Another venue of the same organization, with its own booking.
  const int64_t other_room = MakeRoom(false, 10, "另一空间");
  const int64_t other_venue = venue_;
  auto admin = LoggedIn("karamay-admin");
  EXPECT_EQ(admin->Get(BookingPath(id)).json()["can"]["no_show"], false);

  // Three days early: not today.
  auto early = admin->Post(CheckIn(venue), Token(token));
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_NE(early.body.find("2026-06-01"), std::string::npos) << early.body;

  At("2026-06-01T09:50");
  admin = LoggedIn("karamay-admin");
  youth = LoggedIn("youth");
  struct Bad {
    std::string path;
    nlohmann::json body;
    long status;
    std::vector<std::string> fields;
  };
  std::string tampered = token;
  tampered[0] = tampered[0] == '9' ? '8' : static_cast<char>(tampered[0] + 1);  // another booking's id, same MAC
  std::string forged_mac = token;
  forged_mac.back() = forged_mac.back() == 'A' ? 'B' : 'A';
  const Bad bad[] = {
      {CheckIn(venue), Token("hello"), 422, {"token"}},
      {CheckIn(venue), Token(tampered), 422, {"token"}},
      {CheckIn(venue), Token(forged_mac), 422, {"token"}},
      {CheckIn(venue), nlohmann::json::object(), 422, {"token"}},
      {CheckIn(venue), {{"token", token}, {"room", 1}}, 422, {"room"}},
      {CheckIn(other_venue), Token(token), 422, {"token"}},  // the code of another venue's booking
  };
  for (const auto& c : bad) {
    SCOPED_TRACE(c.path + " " + c.body.dump());
    auto r = admin->Post(c.path, c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(r.error_fields(), c.fields);
  }
  EXPECT_NE(admin->Post(CheckIn(other_venue), Token(token)).body.find("另一个场地"), std::string::npos);
  EXPECT_EQ(admin->Post("/api/v1/venues/x/check-in", Token(token)).status, 400);
  EXPECT_EQ(LoggedIn("cadre")->Post(CheckIn(venue), Token(token)).status, 403) << "a cadre reads, does not manage";
  EXPECT_EQ(youth->Post(CheckIn(venue), Token(token)).status, 404) << "the booker cannot check themself in";
  EXPECT_EQ(Client()->Post(CheckIn(venue), Token(token)).status, 401);
  EXPECT_TRUE(admin->Get(BookingPath(id)).json()["checked_in_at"].is_null()) << "nothing changed";

  // The scanned link works as well as the token; a second scan is refused.
  auto in = admin->Post(CheckIn(venue), Token(url));
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_EQ(in.json()["id"], id);
  EXPECT_EQ(in.json()["checked_in_at"], "2026-06-01T01:50:00.000Z");
  EXPECT_EQ(in.json()["status"], "approved");
  auto again = admin->Post(CheckIn(venue), Token(token));
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_NE(again.body.find("已签到"), std::string::npos) << again.body;
  EXPECT_EQ(youth->Get(Code(id)).status, 409) << "no code once checked in";
  auto mine = youth->Get("/api/v1/my/bookings").json()["items"][0];
  EXPECT_EQ(mine["checked_in_at"], "2026-06-01T01:50:00.000Z");
  EXPECT_EQ(mine["can"]["show_code"], false);

  // A cancelled booking's code no longer checks in.
  const int64_t later = youth->Post(Bookings(room), Slot("2026-06-01T16:00", "2026-06-01T17:00")).json()["id"];
  const std::string later_token = youth->Get(Code(later)).json()["token"];
  ASSERT_EQ(youth->Post(BookingPath(later, "cancel"), std::string()).status, 200);
  auto cancelled = admin->Post(CheckIn(venue), Token(later_token));
  EXPECT_EQ(cancelled.status, 409) << cancelled.body;
  EXPECT_EQ(youth->Get(Code(later)).status, 409);

  // After the end the code has expired.
  const int64_t other = youth->Post(Bookings(other_room), Slot("2026-06-01T10:00", "2026-06-01T11:00")).json()["id"];
  const std::string other_token = youth->Get(Code(other)).json()["token"];
  At("2026-06-01T11:05");
  admin = LoggedIn("karamay-admin");
  auto expired = admin->Post(CheckIn(other_venue), Token(other_token));
  EXPECT_EQ(expired.status, 422) << expired.body;
  EXPECT_EQ(expired.error_fields(), (std::vector<std::string>{"token"}));
  EXPECT_NE(expired.body.find("已过期"), std::string::npos) << expired.body;

  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

TEST_P(VenuesCheckInApiTest, UnattendedBookingsBecomeNoShowsAndAreCounted) {
  const int64_t room = MakeRoom(false);
  const int64_t venue = venue_;
  auto youth = LoggedIn("youth");
  const int64_t came = youth->Post(Bookings(room), Slot("2026-06-02T10:00", "2026-06-02T11:00")).json()["id"];
  const int64_t missed = youth->Post(Bookings(room), Slot("2026-06-02T14:00", "2026-06-02T15:00")).json()["id"];
  const int64_t evening = youth->Post(Bookings(room), Slot("2026-06-02T19:00", "2026-06-02T20:00")).json()["id"];
  const std::string token = youth->Get(Code(came)).json()["token"];
  auto& ctx = server().app().context();

  At("2026-06-02T10:10");
  ASSERT_EQ(LoggedIn("karamay-admin")->Post(CheckIn(venue), Token(token)).status, 200);
  At("2026-06-02T15:00");
  auto run = venues::RecordNoShows(ctx);
  ASSERT_TRUE(run.ok()) << run.status().detail();
  EXPECT_GE(*run, 1) << "the 14:00 booking ended unattended (and the demo's past ones)";
  auto admin = LoggedIn("karamay-admin");
  EXPECT_EQ(admin->Get(BookingPath(missed)).json()["status"], "no_show");
  EXPECT_EQ(admin->Get(BookingPath(came)).json()["status"], "approved") << "checked in";
  EXPECT_EQ(admin->Get(BookingPath(evening)).json()["status"], "approved") << "not over yet";
  EXPECT_EQ(*venues::RecordNoShows(ctx), 0) << "a second run changes nothing";

  // The manager records the evening one by hand once it started; the counter counts both.
  At("2026-06-02T19:30");
  admin = LoggedIn("karamay-admin");
  ASSERT_EQ(admin->Post(BookingPath(evening, "no-show"), std::string()).status, 200);
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
  auto no_shows = admin->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/bookings?status=no_show");
  int here = 0;
  const auto listed = no_shows.json();
  for (const auto& b : listed["items"]) here += b["venue_id"] == venue;
  EXPECT_EQ(here, 2) << no_shows.body;
}

// A booking just after midnight is checked in from an hour before it starts, the evening before;
// earlier that evening it is another day's booking.
TEST_P(VenuesCheckInApiTest, ABookingAfterMidnightIsCheckedInFromAnHourBefore) {
  MakeRoom(false);
  const int64_t venue = venue_;
  auto admin = LoggedIn("karamay-admin");
  nlohmann::json body = VenueBody("测试空间", false);
  for (auto& h : body["opening_hours"]) h["opens"] = "00:00", h["closes"] = "24:00";
  auto put = admin->Put("/api/v1/venues/" + std::to_string(venue), body);
  ASSERT_EQ(put.status, 200) << put.body;
  const int64_t room = admin->Get("/api/v1/venues/" + std::to_string(venue)).json()["rooms"][0]["id"];
  auto youth = LoggedIn("youth");
  auto booked = youth->Post(Bookings(room), Slot("2026-06-02T00:20", "2026-06-02T01:00"));
  ASSERT_EQ(booked.status, 201) << booked.body;
  const std::string token = youth->Get(Code(booked.json()["id"])).json()["token"];

  At("2026-06-01T23:00");
  auto early = LoggedIn("karamay-admin")->Post(CheckIn(venue), Token(token));
  EXPECT_EQ(early.status, 409) << early.body;
  At("2026-06-01T23:30");
  auto in = LoggedIn("karamay-admin")->Post(CheckIn(venue), Token(token));
  EXPECT_EQ(in.status, 200) << in.body;
}

// Twenty scans of one code released together: exactly one checks in, the rest are 409.
TEST_P(VenuesCheckInApiTest, RacingScansCheckInOnce) {
  constexpr int kScans = 20;
  const int64_t room = MakeRoom(false);
  const int64_t venue = venue_;
  auto youth = LoggedIn("youth");
  const int64_t id = youth->Post(Bookings(room), Slot("2026-06-01T10:00", "2026-06-01T12:00")).json()["id"];
  const std::string token = youth->Get(Code(id)).json()["token"];
  At("2026-06-01T10:01");
  std::vector<std::unique_ptr<HttpClient>> admins;
  for (int i = 0; i < kScans; ++i) admins.push_back(LoggedIn(i % 2 ? "karamay-admin" : "region-admin"));
  std::vector<long> status(kScans);
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int i = 0; i < kScans; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      status[i] = admins[i]->Post(CheckIn(venue), Token(token)).status;
    });
  }
  go = true;
  for (auto& t : threads) t.join();
  int ok = 0;
  for (long s : status) {
    EXPECT_TRUE(s == 200 || s == 409) << s;
    ok += s == 200;
  }
  EXPECT_EQ(ok, 1);
}

TS_INSTANTIATE_FOR_DATABASES(VenuesCheckInApiTest);

}  // namespace
}  // namespace tianshan::testing
