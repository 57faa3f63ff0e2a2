// The oversell race on SQLite and on PostgreSQL, through the real HTTP API: 500 enrollments
// released together for a 40-place session give exactly 40 places and 460 on the waitlist, with
// distinct waitlist positions 1..460. Prints enrollments per second (no timing assertions).
// Withdrawals racing each other and new enrollments: each freed place goes to exactly one
// waitlisted child, first come first served, and the session never holds more or fewer.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdio>
#include <map>
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

TEST_P(ServicesEnrollmentRaceTest, WithdrawalsPromoteOnceInOrder) {
  constexpr int kCapacity = 10, kFirst = 40, kNew = 20, kWorkers = 10;
  const int64_t service = MakeService(ClassService("退出竞争托管班"));
  const int64_t session = MakeSession(service, kCapacity);
  const std::string enroll = "/api/v1/sessions/" + std::to_string(session) + "/enrollments";
  const char* const logins[] = {"youth", "member"};
  std::map<std::string, std::unique_ptr<HttpClient>> setup;
  for (const char* l : logins) setup[l] = LoggedIn(l);
  struct Op {
    std::string login, path;
    nlohmann::json body;
  };
  std::vector<Op> ops;
  std::vector<int64_t> placed, waiting;
  for (int i = 0; i < kFirst; ++i) {
    auto r = setup[logins[i % 2]]->Post(enroll, Child("先" + std::to_string(i)));
    ASSERT_EQ(r.status, 201) << r.body;
    (r.json()["status"] == "enrolled" ? placed : waiting).push_back(r.json()["id"]);
  }
  ASSERT_EQ(placed.size(), static_cast<size_t>(kCapacity));
  auto withdraw = [](int64_t id) { return "/api/v1/enrollments/" + std::to_string(id) + "/withdraw"; };
  auto owner = [&](int64_t id) {
    for (int i = 0; i < kFirst; ++i) {
      if ((i < kCapacity ? placed[i] : waiting[i - kCapacity]) == id) return std::string(logins[i % 2]);
    }
    return std::string();
  };
  // Owners: placed[i] was the i-th request; waiting[j] the (kCapacity + j)-th.
  for (int i = 0; i < kCapacity; ++i) {
    for (int twice = 0; twice < 2; ++twice) ops.push_back({owner(placed[i]), withdraw(placed[i]), nullptr});
    ops.push_back({owner(waiting[2 * i + 1]), withdraw(waiting[2 * i + 1]), nullptr});
    ops.push_back({logins[i % 2], enroll, Child("新" + std::to_string(2 * i))});
    ops.push_back({logins[(i + 1) % 2], enroll, Child("新" + std::to_string(2 * i + 1))});
  }
  ASSERT_EQ(ops.size(), static_cast<size_t>(2 * kCapacity + kCapacity + kNew));
  std::vector<std::map<std::string, std::unique_ptr<HttpClient>>> clients(kWorkers);
  for (auto& c : clients) {
    for (const char* l : logins) c[l] = LoggedIn(l);
  }
  std::vector<int> codes(ops.size());
  std::vector<std::string> statuses(ops.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kWorkers; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (size_t i = next++; i < ops.size(); i = next++) {
        auto r = ops[i].body.is_null() ? clients[t][ops[i].login]->Post(ops[i].path, std::string())
                                       : clients[t][ops[i].login]->Post(ops[i].path, ops[i].body);
        codes[i] = r.status;
        if (r.status < 300) statuses[i] = r.json()["status"];
      }
    });
  }
  go = true;
  for (auto& t : threads) t.join();

  std::map<std::string, std::vector<int>> by_path;
  for (size_t i = 0; i < ops.size(); ++i) by_path[ops[i].path].push_back(codes[i]);
  for (int64_t id : placed) {
    auto codes_of = by_path[withdraw(id)];
    std::sort(codes_of.begin(), codes_of.end());
    EXPECT_EQ(codes_of, (std::vector<int>{200, 409})) << "one withdrawal of " << id << ", one refusal";
  }
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].path != enroll) continue;
    EXPECT_EQ(statuses[i], "waitlisted") << "no place was free for a newcomer";
  }
  auto roster = LoggedIn("karamay-admin")->Get(enroll);
  ASSERT_EQ(roster.status, 200);
  int64_t last_enrolled = 0, first_waiting = INT64_MAX;
  std::vector<int64_t> positions;
  const auto items = roster.json()["items"];
  int enrolled = 0, waitlisted = 0;
  for (const auto& e : items) {
    const int64_t id = e["id"];
    if (e["status"] == "enrolled") {
      ++enrolled;
      last_enrolled = std::max(last_enrolled, id);
    } else if (e["status"] == "waitlisted") {
      ++waitlisted;
      first_waiting = std::min(first_waiting, id);
      positions.push_back(e["waitlist_position"]);  // in id order: the queue's order
    }
  }
  EXPECT_EQ(enrolled, kCapacity);
  EXPECT_EQ(waitlisted, kFirst + kNew - kCapacity - kCapacity - kCapacity);
  EXPECT_LT(last_enrolled, first_waiting) << "places went first come, first served";
  for (size_t i = 0; i < positions.size(); ++i) EXPECT_EQ(positions[i], static_cast<int64_t>(i + 1));
  auto page = Client()->Get("/api/v1/services/" + std::to_string(service)).json()["sessions"][0];
  EXPECT_EQ(page["enrolled"], enrolled) << "the maintained count agrees with the rows";
  EXPECT_EQ(page["waitlisted"], waitlisted);
}

TS_INSTANTIATE_FOR_DATABASES(ServicesEnrollmentRaceTest);

}  // namespace
}  // namespace tianshan::testing
