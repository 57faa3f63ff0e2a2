// Editing and removing rooms through the API on SQLite and PostgreSQL: a removed room is
// archived (gone from the venue and its calendar, no new bookings, its bookings keep it); a room
// with upcoming bookings is not removed (409 naming them); bad edits name their field and change
// nothing; who may edit or remove (role × inside/outside); and removal racing bookings.

#include <atomic>
#include <thread>

#include "modules/venues/venues_api_test_fixture.h"

namespace tianshan::testing {
namespace {

std::string RoomPath(int64_t room) { return "/api/v1/rooms/" + std::to_string(room); }

class VenuesRoomsApiTest : public VenuesApiTest {
 protected:
  nlohmann::json RoomIn(int64_t room) {
    auto v = Client()->Get("/api/v1/venues/" + std::to_string(venue_));
    EXPECT_EQ(v.status, 200) << v.body;
    const auto venue = v.json();  // a range-for over a temporary's member would dangle
    for (const auto& r : venue["rooms"]) {
      if (r["id"] == room) return r;
    }
    return nullptr;
  }
};

TEST_P(VenuesRoomsApiTest, EditThenRemoveOnceNoBookingIsUpcoming) {
  const int64_t room = MakeRoom(false);
  auto admin = LoggedIn("karamay-admin");
  auto edited =
      admin->Put(RoomPath(room), nlohmann::json{{"name", "大研讨室"}, {"capacity", 30}, {"equipment", "投影仪"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["can"]["remove"], true);
  auto shown = RoomIn(room);
  EXPECT_EQ(shown["name"], "大研讨室");
  EXPECT_EQ(shown["capacity"], 30);
  EXPECT_EQ(shown["equipment"], "投影仪");
  EXPECT_EQ(shown["can"]["edit"], false) << "the public reads, does not edit";
  EXPECT_EQ(admin->Get("/api/v1/venues/" + std::to_string(venue_)).json()["rooms"][0]["can"]["edit"], true);

  // An upcoming booking for 12 people: the room keeps at least 12 seats and is not removed.
  auto booked = LoggedIn("youth")->Post(Bookings(room), Slot("2026-06-01T10:00", "2026-06-01T12:00", 12));
  ASSERT_EQ(booked.status, 201) << booked.body;
  const int64_t booking = booked.json()["id"];
  auto shrink = admin->Put(RoomPath(room), nlohmann::json{{"name", "大研讨室"}, {"capacity", 11}});
  EXPECT_EQ(shrink.status, 422) << shrink.body;
  EXPECT_EQ(shrink.error_fields(), (std::vector<std::string>{"capacity"}));
  EXPECT_NE(shrink.body.find("12"), std::string::npos) << shrink.body;
  EXPECT_EQ(admin->Put(RoomPath(room), nlohmann::json{{"name", "大研讨室"}, {"capacity", 12}}).status, 200);
  auto refused = admin->Delete(RoomPath(room));
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("#" + std::to_string(booking)), std::string::npos)
      << "names the booking: " << refused.body;
  EXPECT_FALSE(RoomIn(room).is_null()) << "nothing changed";

  // Once the booking is cancelled the room goes: not listed, no new bookings, history kept.
  ASSERT_EQ(admin->Post(BookingPath(booking, "cancel"), std::string()).status, 200);
  auto removed = admin->Delete(RoomPath(room));
  ASSERT_EQ(removed.status, 204) << removed.body;
  EXPECT_TRUE(RoomIn(room).is_null());
  auto late = LoggedIn("member")->Post(Bookings(room), Slot("2026-06-02T10:00", "2026-06-02T11:00"));
  EXPECT_EQ(late.status, 409) << late.body;
  auto old = admin->Get(BookingPath(booking));
  ASSERT_EQ(old.status, 200) << old.body;
  EXPECT_EQ(old.json()["room_name"], "大研讨室");
  EXPECT_EQ(admin->Put(RoomPath(room), nlohmann::json{{"name", "x"}, {"capacity", 2}}).status, 404);
  EXPECT_EQ(admin->Delete(RoomPath(room)).status, 404) << "removed once";
  // The name is free again for a new room.
  auto again = admin->Post("/api/v1/venues/" + std::to_string(venue_) + "/rooms",
                           nlohmann::json{{"name", "大研讨室"}, {"capacity", 8}});
  EXPECT_EQ(again.status, 201) << again.body;
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

// Adding a room records the same fields in its audit entry as editing it does.
TEST_P(VenuesRoomsApiTest, AddAndEditAuditTheSameFields) {
  const int64_t room = MakeRoom(false);
  auto admin = LoggedIn("karamay-admin");
  ASSERT_EQ(admin->Put(RoomPath(room), nlohmann::json{{"name", "大研讨室"}, {"capacity", 30}}).status, 200);
  auto after = [&](const std::string& action) {
    auto r = admin->Get("/api/v1/audit?organization_id=" + std::to_string(Karamay()) +
                        "&entity_type=venue_room&action=" + action);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto items = r.json()["items"];
    EXPECT_EQ(items.size(), 1u) << r.body;
    return items.empty() ? nlohmann::json() : items[0]["after"];
  };
  const auto added = after("venue_room.create");
  const auto edited = after("venue_room.update");
  std::vector<std::string> added_keys, edited_keys;
  for (const auto& [k, v] : added.items()) added_keys.push_back(k);
  for (const auto& [k, v] : edited.items()) edited_keys.push_back(k);
  EXPECT_EQ(added_keys, edited_keys) << added << " against " << edited;
  EXPECT_EQ(added["equipment"], "白板") << added;
  EXPECT_TRUE(added["archived_at"].is_null()) << added;
  EXPECT_EQ(edited["capacity"], 30) << edited;
}

TEST_P(VenuesRoomsApiTest, PendingBookingAlsoKeepsTheRoom) {
  const int64_t room = MakeRoom(true);
  auto admin = LoggedIn("karamay-admin");
  auto booked = LoggedIn("youth")->Post(Bookings(room), Slot("2026-06-01T10:00", "2026-06-01T12:00"));
  ASSERT_EQ(booked.json()["status"], "pending");
  EXPECT_EQ(admin->Delete(RoomPath(room)).status, 409);
  ASSERT_EQ(admin->Post(BookingPath(booked.json()["id"], "reject"), nlohmann::json{{"reason", "装修"}}).status, 200);
  EXPECT_EQ(admin->Delete(RoomPath(room)).status, 204) << "a rejected booking holds nothing";
}

TEST_P(VenuesRoomsApiTest, BadEditsNameTheFieldAndChangeNothing) {
  const int64_t room = MakeRoom(false);
  auto admin = LoggedIn("karamay-admin");
  ASSERT_EQ(admin
                ->Post("/api/v1/venues/" + std::to_string(venue_) + "/rooms",
                       nlohmann::json{{"name", "活动室"}, {"capacity", 20}})
                .status,
            201);
  const auto before = RoomIn(room);
  struct Case {
    nlohmann::json body;
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {{{"name", ""}, {"capacity", 5}}, {"name"}},
      {{{"capacity", 5}}, {"name"}},
      {{{"name", "室"}, {"capacity", 0}}, {"capacity"}},
      {{{"name", "室"}, {"capacity", 10001}}, {"capacity"}},
      {{{"name", "室"}, {"capacity", "many"}}, {"capacity"}},
      {{{"name", std::string(101, 'a')}, {"capacity", 5}}, {"name"}},
      {{{"name", "室"}, {"capacity", 5}, {"floor", 2}}, {"floor"}},
      {{{"name", "活动室"}, {"capacity", 5}}, {"name"}},  // another room's name
  };
  for (const auto& c : cases) {
    auto r = admin->Put(RoomPath(room), c.body);
    EXPECT_EQ(r.status, 422) << c.body.dump() << " " << r.body;
    EXPECT_EQ(r.error_fields(), c.fields) << c.body.dump();
  }
  EXPECT_EQ(admin->Send("PUT", RoomPath(room), "{not json", {{"Content-Type", "application/json"}}).status, 400);
  EXPECT_EQ(RoomIn(room), before) << "nothing changed";
  EXPECT_EQ(admin->Put(RoomPath(999999), nlohmann::json{{"name", "室"}, {"capacity", 5}}).status, 404);
  EXPECT_EQ(admin->Delete(RoomPath(999999)).status, 404);
}

// Who may edit and remove a room of 克拉玛依市团委's venue (inside) and of 乌鲁木齐市团委's
// (outside every grant but the region's).
TEST_P(VenuesRoomsApiTest, WhoMayEditAndRemove) {
  const int64_t inside = MakeRoom(false);
  auto region = LoggedIn("region-admin");
  auto theirs = region->Post("/api/v1/organizations/" + std::to_string(Urumqi()) + "/venues",
                             VenueBody("乌鲁木齐青年之家", false));
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  auto their_room = region->Post("/api/v1/venues/" + std::to_string(theirs.json()["id"].get<int64_t>()) + "/rooms",
                                 nlohmann::json{{"name", "多功能厅"}, {"capacity", 50}});
  ASSERT_EQ(their_room.status, 201);
  const int64_t outside = their_room.json()["id"];
  struct Row {
    const char* login;  // "" for a guest
    int edit_inside, edit_outside;
  };
  // A cadre reads the city's venues but does not manage them; the branch secretary's grant lies
  // below the city (the venue is above it); member and youth read no venue of an organization.
  const Row rows[] = {
      {"karamay-admin", 200, 404}, {"region-admin", 200, 200}, {"cadre", 403, 404}, {"branch-secretary", 404, 404},
      {"member", 404, 404},        {"youth", 404, 404},        {"", 401, 401},
  };
  const nlohmann::json body{{"name", "研讨室"}, {"capacity", 10}};
  for (const auto& row : rows) {
    SCOPED_TRACE(row.login);
    auto client = *row.login ? LoggedIn(row.login) : Client();
    EXPECT_EQ(client->Put(RoomPath(inside), body).status, row.edit_inside);
    EXPECT_EQ(client->Put(RoomPath(outside), nlohmann::json{{"name", "多功能厅"}, {"capacity", 50}}).status,
              row.edit_outside);
    if (row.edit_inside != 200) {
      EXPECT_EQ(client->Delete(RoomPath(inside)).status, row.edit_inside);
    }
    if (row.edit_outside != 200) {
      EXPECT_EQ(client->Delete(RoomPath(outside)).status, row.edit_outside);
    }
  }
  EXPECT_FALSE(RoomIn(inside).is_null()) << "no denied call removed it";
  EXPECT_EQ(LoggedIn("karamay-admin")->Delete(RoomPath(inside)).status, 204);
  EXPECT_EQ(region->Delete(RoomPath(outside)).status, 204);
}

// A removal racing bookings of the room: either the removal wins and no booking is taken, or a
// booking wins and the removal is refused — never a removed room holding an upcoming booking.
// Each round releases 12 bookings of distinct hours and one removal together.
TEST_P(VenuesRoomsApiTest, RemovalRacingBookingsNeverLeavesABookingBehind) {
  constexpr int kRounds = 6, kBookers = 12;
  auto admin = LoggedIn("karamay-admin");
  std::vector<std::unique_ptr<HttpClient>> bookers;
  for (int t = 0; t < kBookers; ++t) bookers.push_back(LoggedIn(t % 2 ? "youth" : "member"));
  int removed_rounds = 0, booked_rounds = 0;
  for (int round = 0; round < kRounds; ++round) {
    const int64_t room = MakeRoom(false, 10, "竞速空间" + std::to_string(round));
    std::atomic<bool> go{false};
    std::atomic<int> booked{0};
    long removal = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < kBookers; ++t) {
      threads.emplace_back([&, t] {
        while (!go.load()) std::this_thread::yield();
        char from[32], to[32];
        std::snprintf(from, sizeof from, "2026-06-01T%02d:00", 9 + t);
        std::snprintf(to, sizeof to, "2026-06-01T%02d:00", 10 + t);
        auto r = bookers[t]->Post(Bookings(room), Slot(from, to));
        EXPECT_TRUE(r.status == 201 || r.status == 409) << r.body;
        if (r.status == 201) ++booked;
      });
    }
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();
      removal = admin->Delete(RoomPath(room)).status;
    });
    go = true;
    for (auto& t : threads) t.join();
    SCOPED_TRACE("round " + std::to_string(round));
    if (removal == 204) {
      EXPECT_EQ(booked.load(), 0) << "the room was removed while a booking was taken";
      EXPECT_TRUE(RoomIn(room).is_null());
      ++removed_rounds;
    } else {
      EXPECT_EQ(removal, 409);
      EXPECT_GT(booked.load(), 0);
      ++booked_rounds;
    }
  }
  std::printf("[ %s ] removal won %d rounds, bookings won %d\n",
              GetParam() == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL", removed_rounds, booked_rounds);
}

TS_INSTANTIATE_FOR_DATABASES(VenuesRoomsApiTest);

}  // namespace
}  // namespace tianshan::testing
