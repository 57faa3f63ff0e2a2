// The venues module through the API on SQLite and PostgreSQL, with the demo network: venues,
// rooms, bookings with approval, cancellation and no-show, the public calendar, bad input
// (each naming its field, nothing changed) and who may do what.

#include "modules/venues/venues_api_test_fixture.h"

namespace tianshan::testing {
namespace {

TEST_P(VenuesApiTest, BookApproveCancelAndPublicCalendar) {
  const int64_t room = MakeRoom(true);
  auto youth = LoggedIn("youth");
  auto booked = youth->Post(Bookings(room), Slot("2026-06-01T10:00", "2026-06-01T12:00"));
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(booked.json()["status"], "pending");
  EXPECT_EQ(booked.json()["can"]["cancel"], true);
  EXPECT_EQ(booked.json()["can"]["approve"], false);
  const int64_t id = booked.json()["id"];

  auto admin = LoggedIn("karamay-admin");
  const std::string queue = "/api/v1/organizations/" + std::to_string(Karamay()) + "/bookings?status=pending";
  auto pending = admin->Get(queue);
  ASSERT_EQ(pending.status, 200) << pending.body;
  bool listed = false;
  const auto queued = pending.json();
  for (const auto& b : queued["items"]) listed = listed || b["id"] == id;
  EXPECT_TRUE(listed) << pending.body;
  EXPECT_EQ(youth->Post(BookingPath(id, "approve"), std::string()).status, 403) << "the booker cannot approve";
  auto approved = admin->Post(BookingPath(id, "approve"), std::string());
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["status"], "approved");
  EXPECT_EQ(admin->Post(BookingPath(id, "approve"), std::string()).status, 409) << "approved once";

  // The slot is taken: an overlapping request is refused, an adjacent one is fine.
  auto clash = LoggedIn("member")->Post(Bookings(room), Slot("2026-06-01T11:00", "2026-06-01T13:00"));
  EXPECT_EQ(clash.status, 409) << clash.body;
  auto next = LoggedIn("member")->Post(Bookings(room), Slot("2026-06-01T12:00", "2026-06-01T13:00"));
  ASSERT_EQ(next.status, 201) << next.body;

  // The public calendar: busy times without who booked, no session needed.
  auto cal = Client()->Get("/api/v1/venues/" + std::to_string(venue_) + "/calendar?from=2026-06-01&days=8");
  ASSERT_EQ(cal.status, 200) << cal.body;
  auto j = cal.json();
  ASSERT_EQ(j["days"].size(), 8u);
  EXPECT_EQ(j["days"][0]["windows"][0]["opens"], "09:00");
  EXPECT_TRUE(j["days"][7]["windows"].empty()) << "2026-06-08 is closed";
  ASSERT_EQ(j["busy"].size(), 1u) << "only the approved booking holds the room";
  EXPECT_EQ(j["busy"][0]["starts_at"], "2026-06-01T02:00:00.000Z");
  EXPECT_EQ(cal.body.find("booker"), std::string::npos);
  EXPECT_EQ(cal.body.find("读书会"), std::string::npos) << "nor what for";
  EXPECT_EQ(Client()->Get("/api/v1/venues/" + std::to_string(venue_)).status, 200);
  EXPECT_EQ(Client()->Get("/api/v1/venues?q=%E6%B5%8B%E8%AF%95").json()["items"].size(), 1u);  // 测试

  // The booker cancels; the slot is free again.
  auto mine = youth->Get("/api/v1/my/bookings");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["items"][0]["id"], id);
  auto cancelled = youth->Post(BookingPath(id, "cancel"), std::string());
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json()["status"], "cancelled");
  EXPECT_EQ(youth->Post(BookingPath(id, "cancel"), std::string()).status, 409);
  EXPECT_EQ(
      Client()->Get("/api/v1/venues/" + std::to_string(venue_) + "/calendar?from=2026-06-01").json()["busy"].size(),
      0u);
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

TEST_P(VenuesApiTest, RejectAndNoShow) {
  const int64_t room = MakeRoom(true);
  auto youth = LoggedIn("youth");
  auto admin = LoggedIn("karamay-admin");
  const int64_t a = youth->Post(Bookings(room), Slot("2026-06-02T10:00", "2026-06-02T11:00")).json()["id"];
  auto no_reason = admin->Post(BookingPath(a, "reject"), std::string());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.error_fields(), (std::vector<std::string>{"reason"}));
  auto rejected = admin->Post(BookingPath(a, "reject"), nlohmann::json{{"reason", "当天有活动"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["reason"], "当天有活动");
  EXPECT_EQ(youth->Get(BookingPath(a)).json()["status"], "rejected");

  const int64_t b = youth->Post(Bookings(room), Slot("2026-06-02T14:00", "2026-06-02T15:00")).json()["id"];
  ASSERT_EQ(admin->Post(BookingPath(b, "approve"), std::string()).status, 200);
  EXPECT_EQ(admin->Post(BookingPath(b, "no-show"), std::string()).status, 409) << "not before it starts";
  server().clock().Set(*ParseTime("2026-06-02T14:20"));
  admin = LoggedIn("karamay-admin");  // sessions of four days ago have expired
  youth = LoggedIn("youth");
  auto view = admin->Get(BookingPath(b));
  EXPECT_EQ(view.json()["can"]["no_show"], true);
  EXPECT_EQ(youth->Post(BookingPath(b, "cancel"), std::string()).status, 409) << "too late to cancel";
  auto no_show = admin->Post(BookingPath(b, "no-show"), std::string());
  ASSERT_EQ(no_show.status, 200) << no_show.body;
  EXPECT_EQ(no_show.json()["status"], "no_show");
}

TEST_P(VenuesApiTest, BadBookingsNameTheFieldAndChangeNothing) {
  const int64_t room = MakeRoom(false, 10);
  auto youth = LoggedIn("youth");
  struct Case {
    nlohmann::json body;
    std::vector<std::string> fields;
    long status;
  };
  const Case cases[] = {
      {Slot("2026-06-01T08:00", "2026-06-01T10:00"), {"starts_at"}, 422},      // before opening
      {Slot("2026-06-01T20:00", "2026-06-01T22:00"), {"starts_at"}, 422},      // past closing
      {Slot("2026-06-08T10:00", "2026-06-08T11:00"), {"starts_at"}, 422},      // closed that day
      {Slot("2026-05-01T10:00", "2026-05-01T11:00"), {"starts_at"}, 422},      // in the past
      {Slot("2026-06-01T11:00", "2026-06-01T10:00"), {"ends_at"}, 422},        // ends before it starts
      {Slot("2026-06-01T10:00", "2026-06-01T11:00", 11), {"attendees"}, 422},  // over capacity
      {Slot("2026-06-01T10:00", "2026-06-01T11:00", 0), {"attendees"}, 422},
      {Slot("yesterday", "2026-06-01T11:00"), {"starts_at"}, 422},
      {{{"starts_at", "2026-06-01T10:00"},
        {"ends_at", "2026-06-01T11:00"},
        {"purpose", ""},
        {"attendees", 2},
        {"who", 1}},
       {"purpose", "who"},
       422},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body.dump());
    auto r = youth->Post(Bookings(room), c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_EQ(r.error_fields(), c.fields);
  }
  EXPECT_EQ(youth->Post(Bookings(999999), Slot("2026-06-01T10:00", "2026-06-01T11:00")).status, 404);
  EXPECT_EQ(youth->Post("/api/v1/rooms/x/bookings", Slot("2026-06-01T10:00", "2026-06-01T11:00")).status, 400);
  EXPECT_TRUE(youth->Get("/api/v1/my/bookings").json()["items"].empty()) << "nothing was booked";

  auto admin = LoggedIn("karamay-admin");
  auto body = VenueBody("坏场地", false);
  body["kind"] = "castle";
  body["latitude"] = 100;
  body["opening_hours"][0]["closes"] = "08:00";
  body["contact_phone"] = "12345";
  auto bad = admin->Post("/api/v1/organizations/" + std::to_string(Karamay()) + "/venues", body);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"kind", "contact_phone"}))
      << "shape errors first; the rest once the shape is right";
  body["kind"] = "youth_space";
  body.erase("contact_phone");
  bad = admin->Post("/api/v1/organizations/" + std::to_string(Karamay()) + "/venues", body);
  EXPECT_EQ(bad.error_fields(), (std::vector<std::string>{"latitude", "opening_hours[0].closes"}));
  auto list = admin->Get("/api/v1/organizations/" + std::to_string(Karamay()) + "/venues?q=%E5%9D%8F");  // 坏
  EXPECT_TRUE(list.json()["items"].empty());
}

TEST_P(VenuesApiTest, WhoMayDoWhat) {
  const int64_t room = MakeRoom(true);
  const std::string venues = "/api/v1/organizations/" + std::to_string(Karamay()) + "/venues";
  auto cadre = LoggedIn("cadre");
  auto listed = cadre->Get(venues);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_FALSE(listed.json()["items"].empty());
  EXPECT_EQ(listed.json()["items"][0]["can"]["edit"], false);
  EXPECT_EQ(cadre->Post(venues, VenueBody("干部的", false)).status, 403);
  EXPECT_EQ(
      cadre->Post("/api/v1/venues/" + std::to_string(venue_) + "/rooms", nlohmann::json{{"name", "x"}, {"capacity", 2}})
          .status,
      403);
  EXPECT_EQ(LoggedIn("youth")->Get(venues).status, 404);
  EXPECT_EQ(Client()->Get(venues).status, 401);
  auto region = LoggedIn("region-admin");
  const std::string urumqi = "/api/v1/organizations/" + std::to_string(Urumqi()) + "/venues";
  auto theirs = region->Post(urumqi, VenueBody("乌鲁木齐青年之家", false));
  ASSERT_EQ(theirs.status, 201);
  auto admin = LoggedIn("karamay-admin");
  EXPECT_EQ(admin->Post(urumqi, VenueBody("外部", false)).status, 404) << "beside the grant";
  const std::string their_venue = "/api/v1/venues/" + std::to_string(theirs.json()["id"].get<int64_t>());
  EXPECT_EQ(admin->Post(their_venue + "/rooms", nlohmann::json{{"name", "x"}, {"capacity", 2}}).status, 404);
  EXPECT_EQ(admin->Put(their_venue, VenueBody("改名", false)).status, 404);
  EXPECT_EQ(admin->Get(their_venue).json()["can"]["edit"], false) << "public read, no rights";

  const int64_t b = LoggedIn("member")->Post(Bookings(room), Slot("2026-06-03T10:00", "2026-06-03T11:00")).json()["id"];
  EXPECT_EQ(region->Post(BookingPath(b, "approve"), std::string()).status, 200) << "the region covers Karamay";
  EXPECT_EQ(LoggedIn("youth")->Get(BookingPath(b)).status, 404) << "another person's booking";
  EXPECT_EQ(LoggedIn("youth")->Post(BookingPath(b, "cancel"), std::string()).status, 404);
  EXPECT_EQ(cadre->Post(BookingPath(b, "cancel"), std::string()).status, 403) << "a cadre reads, does not manage";
  EXPECT_EQ(admin->Post(BookingPath(b, "cancel"), std::string()).status, 200) << "a manager cancels any";
  EXPECT_EQ(admin->Get("/api/v1/organizations/" + std::to_string(Urumqi()) + "/bookings").status, 404);
}

TEST_P(VenuesApiTest, EditVenueHours) {
  MakeRoom(false);
  auto admin = LoggedIn("karamay-admin");
  auto body = VenueBody("测试空间", true);
  body["opening_hours"] = {{{"day", 1}, {"opens", "10:00"}, {"closes", "12:00"}}};
  auto put = admin->Put("/api/v1/venues/" + std::to_string(venue_), body);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.json()["opening_hours"].size(), 1u);
  EXPECT_EQ(put.json()["rooms"].size(), 1u);
  EXPECT_EQ(put.json()["requires_approval"], true);
  EXPECT_EQ(LoggedIn("cadre")->Put("/api/v1/venues/" + std::to_string(venue_), body).status, 403);
}

TS_INSTANTIATE_FOR_DATABASES(VenuesApiTest);

}  // namespace
}  // namespace tianshan::testing
