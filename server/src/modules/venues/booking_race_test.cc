// The double-booking race, on SQLite and on PostgreSQL, through the real HTTP API: 200 booking
// requests released together for two sets of mutually overlapping times of one room give
// exactly one approved booking per set (the rest 409); then 40 approvals of 40 overlapping
// pending bookings racing give exactly one approval. Prints bookings per second (no timing
// assertions).

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "modules/venues/venues_api_test_fixture.h"

namespace tianshan::testing {
namespace {

constexpr int kRequests = 200;
constexpr int kThreads = 20;

class VenuesBookingRaceTest : public VenuesApiTest {};

// Runs fn(thread, i) for i in [0, n) on kThreads threads released together; returns wall seconds.
template <typename F>
double RunConcurrently(int n, F fn) {
  std::atomic<int> next{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int i = next++; i < n; i = next++) fn(t, i);
    });
  }
  auto start = std::chrono::steady_clock::now();
  go = true;
  for (auto& t : threads) t.join();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Minutes(int hour, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "2026-06-01T%02d:%02d", hour, minute);
  return buf;
}

TEST_P(VenuesBookingRaceTest, TwoHundredRequestsOneWinnerPerConflictSet) {
  const int64_t room = MakeRoom(false);
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int t = 0; t < kThreads; ++t) clients.push_back(LoggedIn(t % 2 ? "youth" : "member"));
  std::vector<long> status(kRequests);
  std::vector<int> set_of(kRequests);
  double seconds = RunConcurrently(kRequests, [&](int t, int i) {
    // Set 0: starts 10:00..10:09, one hour each; set 1: starts 15:00..15:09. Within a set every
    // two requests overlap; the sets do not.
    set_of[i] = i % 2;
    const int hour = set_of[i] ? 15 : 10, minute = (i / 2) % 10;
    auto r = clients[t]->Post(Bookings(room), Slot(Minutes(hour, minute), Minutes(hour + 1, minute)));
    status[i] = r.status;
  });
  int won[2] = {0, 0}, lost = 0;
  for (int i = 0; i < kRequests; ++i) {
    if (status[i] == 201) ++won[set_of[i]];
    if (status[i] == 409) ++lost;
  }
  EXPECT_EQ(won[0], 1);
  EXPECT_EQ(won[1], 1);
  EXPECT_EQ(lost, kRequests - 2) << "every other request is a conflict";
  auto cal = Client()->Get("/api/v1/venues/" + std::to_string(venue_) + "/calendar?from=2026-06-01&days=1");
  EXPECT_EQ(cal.json()["busy"].size(), 2u);
  std::printf("[ %s ] %d booking requests in %.3f s: %.0f requests/s\n",
              GetParam() == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL", kRequests, seconds,
              kRequests / seconds);
}

TEST_P(VenuesBookingRaceTest, RacingApprovalsApproveOne) {
  constexpr int kPending = 40;
  const int64_t room = MakeRoom(true);
  auto youth = LoggedIn("youth");
  std::vector<int64_t> ids;
  for (int i = 0; i < kPending; ++i) {
    auto r = youth->Post(Bookings(room), Slot(Minutes(10, i % 30), Minutes(11, i % 30)));
    ASSERT_EQ(r.status, 201) << r.body;
    ids.push_back(r.json()["id"]);
  }
  std::vector<std::unique_ptr<HttpClient>> admins;
  for (int t = 0; t < kThreads; ++t) admins.push_back(LoggedIn(t % 2 ? "karamay-admin" : "region-admin"));
  std::vector<long> status(kPending);
  RunConcurrently(kPending, [&](int t, int i) {
    status[i] = admins[t]->Post(BookingPath(ids[i], "approve"), std::string()).status;
  });
  int approved = 0;
  for (long s : status) {
    EXPECT_TRUE(s == 200 || s == 409) << s;
    approved += s == 200;
  }
  EXPECT_EQ(approved, 1);
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();
}

TS_INSTANTIATE_FOR_DATABASES(VenuesBookingRaceTest);

}  // namespace
}  // namespace tianshan::testing
