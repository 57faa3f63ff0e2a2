// The oversell race: 500 distinct people sign up at once for a 50-seat shift through the real
// HTTP API (many client threads), on SQLite and on PostgreSQL. Exactly 50 get a seat, the rest
// are waitlisted in order, and every maintained count agrees with a recount. Prints sign-ups
// per second and, in the same run, raw single-row insert transactions per second of the same
// database (no timing assertions).

#include <atomic>
#include <chrono>
#include <cstdio>
#include <set>
#include <thread>

#include "modules/volunteering/api_test_fixture.h"

namespace tianshan::volunteering::testing {
namespace {

constexpr int kPeople = 500;
constexpr int kSeats = 50;
constexpr int kThreads = 32;

class VolunteerSignUpRaceTest : public VolunteeringApiTest {};

const char* Name(storage::Dialect d) { return d == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL"; }

// Runs fn(i) for i in [0, n) on kThreads threads released together; returns wall seconds.
template <typename F>
double RunConcurrently(int n, F fn) {
  std::atomic<int> next{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      while (!go.load()) std::this_thread::yield();
      for (int i = next++; i < n; i = next++) fn(i);
    });
  }
  auto start = std::chrono::steady_clock::now();
  go = true;
  for (auto& t : threads) t.join();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_P(VolunteerSignUpRaceTest, FiveHundredPeopleFiftySeats) {
  auto admin = Admin();
  int64_t project = MakeProject(*admin, "热门活动");
  int64_t shift = MakeShift(*admin, project, kSeats, 72 * kHourMs);
  auto people = MakePeople(kPeople);
  ASSERT_EQ(people.size(), static_cast<size_t>(kPeople));
  for (int i = 0; i < kPeople; ++i) {
    ASSERT_GT(server().CreateAccount("racer-" + std::to_string(i), {}, people[i]), 0);
  }
  std::vector<std::unique_ptr<HttpClient>> clients(kPeople);
  RunConcurrently(kPeople, [&](int i) {
    clients[i] = Client();
    clients[i]->Login("racer-" + std::to_string(i), "password-123");
  });

  struct Outcome {
    long status = 0;
    std::string state;
    int64_t position = 0;
    int64_t id = 0;
  };
  std::vector<Outcome> outcomes(kPeople);
  double seconds = RunConcurrently(kPeople, [&](int i) {
    auto r = clients[i]->Post(ShiftPath(shift, "/sign-ups"), std::string(),
                              {{"Idempotency-Key", "race-" + std::to_string(i)}});
    outcomes[i].status = r.status;
    if (r.status == 201) {
      auto j = r.json();
      outcomes[i].state = j.value("status", "");
      outcomes[i].position = j["waitlist_position"].is_null() ? 0 : j["waitlist_position"].get<int64_t>();
      outcomes[i].id = j.value("id", int64_t{0});
    }
  });

  int confirmed = 0, waitlisted = 0;
  std::set<int64_t> positions;
  for (const auto& o : outcomes) {
    ASSERT_EQ(o.status, 201);
    if (o.state == "confirmed") ++confirmed;
    if (o.state == "waitlisted") {
      ++waitlisted;
      positions.insert(o.position);
    }
  }
  EXPECT_EQ(confirmed, kSeats);
  EXPECT_EQ(waitlisted, kPeople - kSeats);
  // Waitlist positions handed out are exactly 1..450: each request was ordered by the shift row.
  ASSERT_EQ(positions.size(), static_cast<size_t>(kPeople - kSeats));
  EXPECT_EQ(*positions.begin(), 1);
  EXPECT_EQ(*positions.rbegin(), kPeople - kSeats);

  auto roster = admin->Get(ShiftPath(shift, "/roster"));
  ASSERT_EQ(roster.status, 200);
  auto j = roster.json();
  EXPECT_EQ(j["shift"]["confirmed"], kSeats);
  EXPECT_EQ(j["shift"]["waitlisted"], kPeople - kSeats);
  ASSERT_EQ(j["items"].size(), static_cast<size_t>(kPeople));
  std::map<int64_t, int64_t> position_of;  // sign-up id → position answered at sign-up time
  for (const auto& o : outcomes) position_of[o.id] = o.position;
  for (int i = 0; i < kPeople; ++i) {
    const auto& s = j["items"][i]["sign_up"];
    if (i < kSeats) {
      EXPECT_EQ(s["status"], "confirmed");
    } else {
      // The roster lists the waitlist in the order the positions were given.
      EXPECT_EQ(s["status"], "waitlisted");
      EXPECT_EQ(s["waitlist_position"], i - kSeats + 1);
      EXPECT_EQ(position_of[s["id"].get<int64_t>()], i - kSeats + 1);
    }
  }
  auto counters = server().app().VerifyCounters();
  ASSERT_TRUE(counters.ok());
  EXPECT_TRUE(counters->empty()) << counters->front();

  // Raw single-row insert transactions per second on the same database, same thread count.
  auto& db = server().app().db();
  ASSERT_TRUE(db.Write([](storage::Transaction& tx) {
                  return tx.ExecuteScript("CREATE TABLE volunteering_race_raw (k BIGINT NOT NULL, note TEXT)");
                }).ok());
  constexpr int kInserts = 2000;
  std::atomic<int> failed{0};
  double raw_seconds = RunConcurrently(kInserts, [&](int i) {
    Status s = db.Write([&](storage::Transaction& tx) -> Status {
      return tx.Execute("INSERT INTO volunteering_race_raw (k, note) VALUES (?, ?)", {i, "raw"}).status();
    });
    if (!s.ok()) ++failed;
  });
  EXPECT_EQ(failed.load(), 0);
  std::printf(
      "[volunteer race] %s: %d concurrent sign-ups (50 seats) over HTTP by %d client threads in %.3f s = "
      "%.0f sign-ups/s; raw single-row insert transactions: %d in %.3f s = %.0f tx/s\n",
      Name(GetParam()), kPeople, kThreads, seconds, kPeople / seconds, kInserts, raw_seconds, kInserts / raw_seconds);
  std::fflush(stdout);
}

TS_INSTANTIATE_FOR_DATABASES(VolunteerSignUpRaceTest);

}  // namespace
}  // namespace tianshan::volunteering::testing
