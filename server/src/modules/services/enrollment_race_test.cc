// The oversell race on SQLite and on PostgreSQL, through the real HTTP API: 500 enrollments
// released together for a 40-place session give exactly 40 places and 460 on the waitlist, with
// distinct waitlist positions 1..460. Prints enrollments per second (no timing assertions).

#include <atomic>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "modules/services/services_api_test_fixture.h"

namespace tianshan::testing {
namespace {

constexpr int kRequests = 500;
constexpr int kPlaces = 40;
constexpr int kThreads = 20;

class ServicesEnrollmentRaceTest : public ServicesApiTest {};

TEST_P(ServicesEnrollmentRaceTest, FiveHundredForFortyPlaces) {
  const int64_t session = MakeSession(MakeService(ClassService("热门托管班")), kPlaces);
  const std::string enroll = "/api/v1/sessions/" + std::to_string(session) + "/enrollments";
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int t = 0; t < kThreads; ++t) clients.push_back(LoggedIn(t % 2 ? "youth" : "member"));
  std::vector<std::string> status(kRequests);
  std::vector<int64_t> position(kRequests, 0);
  std::atomic<int> next{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int i = next++; i < kRequests; i = next++) {
        auto r = clients[t]->Post(enroll, Child("孩子" + std::to_string(i)));
        if (r.status != 201) {
          status[i] = "http " + std::to_string(r.status);
          continue;
        }
        auto j = r.json();
        status[i] = j["status"];
        if (!j["waitlist_position"].is_null()) position[i] = j["waitlist_position"];
      }
    });
  }
  auto start = std::chrono::steady_clock::now();
  go = true;
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int enrolled = 0, waitlisted = 0;
  std::set<int64_t> positions;
  for (int i = 0; i < kRequests; ++i) {
    if (status[i] == "enrolled") ++enrolled;
    if (status[i] == "waitlisted") {
      ++waitlisted;
      positions.insert(position[i]);
    }
  }
  EXPECT_EQ(enrolled, kPlaces);
  EXPECT_EQ(waitlisted, kRequests - kPlaces);
  ASSERT_EQ(positions.size(), static_cast<size_t>(kRequests - kPlaces));
  EXPECT_EQ(*positions.begin(), 1);
  EXPECT_EQ(*positions.rbegin(), kRequests - kPlaces);
  auto roster = LoggedIn("karamay-admin")->Get(enroll);
  int on_roster = 0;
  const auto items = roster.json()["items"];
  for (const auto& e : items) on_roster += e["status"] == "enrolled";
  EXPECT_EQ(on_roster, kPlaces);
  std::printf("[ %s ] %d enrollments in %.3f s: %.0f enrollments/s\n",
              GetParam() == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL", kRequests, seconds,
              kRequests / seconds);
}

TS_INSTANTIATE_FOR_DATABASES(ServicesEnrollmentRaceTest);

}  // namespace
}  // namespace tianshan::testing
