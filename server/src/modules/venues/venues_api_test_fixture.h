#pragma once
// Shared set-up of the venues API tests: the demo network, a venue of 克拉玛依市团委 open every
// day 09:00–21:00 (closed on 2026-06-08) with one 10-seat room, and China-time helpers. The fake
// clock stands at 2026-05-29 04:26 China time.

#include <gtest/gtest.h>

#include "core/china_time.h"
#include "testing/demo_api_test.h"

namespace tianshan::testing {

class VenuesApiTest : public DemoApiTest {
 protected:
  int64_t Org(const std::string& escaped_name) {
    auto r = LoggedIn("region-admin")->Get("/api/v1/organizations/directory?q=" + escaped_name);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["items"][0]["id"];
  }
  int64_t Karamay() {
    return Org("%E5%85%8B%E6%8B%89%E7%8E%9B%E4%BE%9D%E5%B8%82%E5%9B%A2%E5%A7%94");
  }  // 克拉玛依市团委
  int64_t Urumqi() { return Org("%E4%B9%8C%E9%B2%81%E6%9C%A8%E9%BD%90%E5%B8%82%E5%9B%A2%E5%A7%94"); }  // 乌鲁木齐市团委
  static nlohmann::json VenueBody(const std::string& name, bool approval) {
    nlohmann::json hours = nlohmann::json::array();
    for (int d = 1; d <= 7; ++d) hours.push_back({{"day", d}, {"opens", "09:00"}, {"closes", "21:00"}});
    return {{"name", name},
            {"kind", "youth_space"},
            {"address", "准噶尔路 1 号"},
            {"latitude", 45.59},
            {"longitude", 84.88},
            {"facilities", {"Wi-Fi", "投影"}},
            {"requires_approval", approval},
            {"opening_hours", hours},
            {"exceptions", {{{"date", "2026-06-08"}, {"note", "闭馆"}}}}};
  }
  // A venue of 克拉玛依市团委 with one room; returns the room id.
  int64_t MakeRoom(bool approval, int capacity = 10, const std::string& name = "测试空间") {
    auto admin = LoggedIn("karamay-admin");
    auto v = admin->Post("/api/v1/organizations/" + std::to_string(Karamay()) + "/venues", VenueBody(name, approval));
    EXPECT_EQ(v.status, 201) << v.body;
    venue_ = v.json()["id"];
    auto r = admin->Post("/api/v1/venues/" + std::to_string(venue_) + "/rooms",
                         nlohmann::json{{"name", "研讨室"}, {"capacity", capacity}, {"equipment", "白板"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
  }
  static nlohmann::json Slot(const std::string& from, const std::string& to, int attendees = 4) {
    return {{"starts_at", from}, {"ends_at", to}, {"purpose", "读书会"}, {"attendees", attendees}};
  }
  static std::string Bookings(int64_t room) { return "/api/v1/rooms/" + std::to_string(room) + "/bookings"; }
  static std::string BookingPath(int64_t id, const std::string& verb = "") {
    return "/api/v1/bookings/" + std::to_string(id) + (verb.empty() ? "" : "/" + verb);
  }
  int64_t venue_ = 0;
};

}  // namespace tianshan::testing
