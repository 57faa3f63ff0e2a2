// Group commit on SQLite (storage/sqlite/group_commit.h): members that wait while another runs
// share one transaction; a failing member rolls back only itself; a failed COMMIT reaches every
// member; nothing is acknowledged or announced (AfterCommit) before the shared COMMIT.
//
// The tests make groups deterministic: the first member blocks inside its function until the
// others are queued (GroupCommitStatsOf(db).queued), so they all join its group in order.

#include "storage/sqlite/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "storage/database_options.h"
#include "testing/test_database.h"

namespace tianshan::storage {
namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    files_ = testing::TestDatabase::Create(Dialect::kSqlite, &why);
    ASSERT_NE(files_, nullptr) << why;
    files_->TakeDb().reset();
    Open({});
  }

  void Open(GroupCommitOptions group) {
    db_.reset();
    DatabaseOptions options;
    options.group_commit = group;
    auto opened = OpenDatabase(files_->url(), options);
    ASSERT_TRUE(opened.ok()) << opened.status().detail();
    db_ = std::move(opened).value();
    Status s = db_->Write([](Transaction& tx) {
      return tx.ExecuteScript(
          "CREATE TABLE IF NOT EXISTS items (name TEXT PRIMARY KEY, qty INTEGER NOT NULL);"
          "CREATE TABLE IF NOT EXISTS parents (id INTEGER PRIMARY KEY);"
          "CREATE TABLE IF NOT EXISTS children (id INTEGER PRIMARY KEY,"
          " parent_id INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)");
    });
    ASSERT_TRUE(s.ok()) << s.detail();
  }

  GroupCommitStats Stats() const {
    auto stats = GroupCommitStatsOf(*db_);
    EXPECT_TRUE(stats.has_value());
    return stats.value_or(GroupCommitStats{});
  }

  // Waits until `n` writes are queued behind the running group.
  void WaitQueued(size_t n) const {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (GroupCommitStatsOf(*db_).value_or(GroupCommitStats{}).queued < n) {
      ASSERT_LT(std::chrono::steady_clock::now(), until) << "writes never queued";
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  // Runs `members` as one group, in order: the first (the leader) inserts 'lead' and waits for
  // the others to queue. Returns each member's status (and the leader's at [0]).
  std::vector<Status> RunGroup(const std::vector<std::function<Status(Transaction&)>>& members,
                               bool leader_fails = false) {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::atomic<bool> leading{false};
    std::vector<Status> out(members.size() + 1);
    std::vector<std::thread> threads;
    threads.emplace_back([&] {
      out[0] = db_->Write([&](Transaction& tx) -> Status {
        TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty) VALUES ('lead', 1)"));
        leading = true;
        released.wait();
        return leader_fails ? Status::Invalid("qty", "field.out_of_range") : Status::Ok();
      });
    });
    while (!leading) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    for (size_t i = 0; i < members.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          out[i + 1] = db_->Write(members[i]);
        } catch (const std::runtime_error& e) {
          out[i + 1] = Status::Internal("thrown").WithDetail(e.what());
        }
      });
      WaitQueued(i + 1);
    }
    release.set_value();
    for (auto& t : threads) t.join();
    return out;
  }

  std::vector<std::string> Names() {
    auto rows = db_->Read([](Transaction& tx) { return tx.Query("SELECT name FROM items ORDER BY name"); });
    EXPECT_TRUE(rows.ok());
    std::vector<std::string> names;
    if (rows.ok()) {
      for (const auto& r : *rows) names.push_back(r.Text("name"));
    }
    return names;
  }

  static std::function<Status(Transaction&)> Insert(std::string name, std::atomic<int>* after_commit = nullptr) {
    return [name, after_commit](Transaction& tx) -> Status {
      if (after_commit) tx.AfterCommit([after_commit] { ++*after_commit; });
      return tx.Execute("INSERT INTO items (name, qty) VALUES (?, 1)", {name}).status();
    };
  }

  std::unique_ptr<testing::TestDatabase> files_;
  std::unique_ptr<Database> db_;
};

TEST_F(GroupCommitTest, FailingMembersRollBackOnlyThemselves) {
  const GroupCommitStats before = Stats();
  std::atomic<int> announced{0};
  auto statuses = RunGroup({
      Insert("a", &announced),
      [](Transaction& tx) -> Status {  // fails after writing: its row must not stay
        TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty) VALUES ('failed', 1)"));
        return Status::Invalid("qty", "field.out_of_range");
      },
      [](Transaction& tx) -> Status {  // throws after writing
        TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty) VALUES ('thrown', 1)"));
        throw std::runtime_error("member threw");
      },
      Insert("lead"),                  // a unique violation: a conflict for this member alone
      [](Transaction& tx) -> Status {  // sees the work of the members before it
        auto n = tx.QueryOne("SELECT count(*) FROM items");
        if (!n.ok()) return n.status();
        return tx.Execute("INSERT INTO items (name, qty) VALUES ('z', ?)", {(*n)->Int(0)}).status();
      },
      Insert("b", &announced),
  });
  const GroupCommitStats after = Stats();
  EXPECT_EQ(after.groups - before.groups, 1u) << "all seven ran in one shared transaction";
  EXPECT_EQ(after.members - before.members, 7u);
  EXPECT_TRUE(statuses[0].ok()) << statuses[0].detail();
  EXPECT_TRUE(statuses[1].ok()) << statuses[1].detail();
  EXPECT_EQ(statuses[2].code(), StatusCode::kInvalid);
  EXPECT_EQ(statuses[3].code(), StatusCode::kInternal);
  EXPECT_EQ(statuses[3].message(), "thrown") << "the exception reached the member's own thread";
  EXPECT_EQ(statuses[4].code(), StatusCode::kConflict);
  EXPECT_TRUE(statuses[5].ok()) << statuses[5].detail();
  EXPECT_TRUE(statuses[6].ok()) << statuses[6].detail();
  EXPECT_EQ(Names(), (std::vector<std::string>{"a", "b", "lead", "z"}));
  auto z = db_->Read([](Transaction& tx) { return tx.QueryOne("SELECT qty FROM items WHERE name = 'z'"); });
  ASSERT_TRUE(z.ok() && z->has_value());
  EXPECT_EQ((*z)->Int(0), 2) << "'z' saw 'lead' and 'a' (the failed rows were already undone)";
  EXPECT_EQ(announced.load(), 2);
}

TEST_F(GroupCommitTest, FailedCommitReachesEveryMemberAndNothingIsKept) {
  std::atomic<int> announced{0};
  auto statuses = RunGroup({
      Insert("a", &announced),
      // Its own statements succeed; the deferred foreign key fails the shared COMMIT.
      [&](Transaction& tx) -> Status {
        tx.AfterCommit([&] { ++announced; });
        return tx.Execute("INSERT INTO children (id, parent_id) VALUES (1, 404)").status();
      },
      Insert("b", &announced),
  });
  for (size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_EQ(statuses[i].code(), StatusCode::kConflict) << "member " << i << ": " << statuses[i].detail();
  }
  EXPECT_TRUE(Names().empty());
  EXPECT_EQ(announced.load(), 0) << "no AfterCommit before a COMMIT that failed";
  // The writer is usable again.
  EXPECT_TRUE(db_->Write(Insert("after")).ok());
  EXPECT_EQ(Names(), (std::vector<std::string>{"after"}));
}

TEST_F(GroupCommitTest, FailingFirstMemberEndsItsGroupAndTheOthersCommitNext) {
  const GroupCommitStats before = Stats();
  auto statuses = RunGroup({Insert("a"), Insert("b")}, /*leader_fails=*/true);
  EXPECT_EQ(statuses[0].code(), StatusCode::kInvalid);
  EXPECT_TRUE(statuses[1].ok()) << statuses[1].detail();
  EXPECT_TRUE(statuses[2].ok()) << statuses[2].detail();
  EXPECT_EQ(Names(), (std::vector<std::string>{"a", "b"}));
  const GroupCommitStats after = Stats();
  EXPECT_EQ(after.groups - before.groups, 2u) << "the leader alone (rolled back), then a and b";
  EXPECT_EQ(db_->retry_count(), 0u);
}

// A write alone that throws: the exception reaches its caller, its work is undone and the writer
// is not left inside its transaction (regression: with group commit off, every later write
// failed to BEGIN). Both with group commit on and off.
TEST_F(GroupCommitTest, ALoneWriteThatThrowsLeavesNothingBehind) {
  for (bool enabled : {true, false}) {
    Open({.enabled = enabled});
    EXPECT_THROW((void)db_->Write([](Transaction& tx) -> Status {
      TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty) VALUES ('thrown', 1)"));
      throw std::runtime_error("write threw");
    }),
                 std::runtime_error);
    const std::string name = enabled ? "after on" : "after off";
    EXPECT_TRUE(db_->Write(Insert(name)).ok()) << "group commit " << (enabled ? "on" : "off");
  }
  EXPECT_EQ(Names(), (std::vector<std::string>{"after off", "after on"}));
}

TEST_F(GroupCommitTest, TransactionEndedInsideAMemberRetriesTheOthers) {
  auto statuses = RunGroup({
      Insert("a"),
      // Ends the shared transaction (as SQLite does itself on some I/O errors).
      [](Transaction& tx) -> Status { return tx.ExecuteScript("ROLLBACK"); },
      Insert("b"),
  });
  EXPECT_TRUE(statuses[0].ok()) << statuses[0].detail();
  EXPECT_TRUE(statuses[1].ok()) << statuses[1].detail();
  EXPECT_EQ(statuses[2].code(), StatusCode::kInternal);
  EXPECT_TRUE(statuses[3].ok()) << statuses[3].detail();
  EXPECT_EQ(Names(), (std::vector<std::string>{"a", "b", "lead"})) << "the members before it ran again, once";
  EXPECT_GE(db_->retry_count(), 2u);
}

TEST_F(GroupCommitTest, FullQueueRefusesAtOnce) {
  Open({.enabled = true, .max_members = 64, .window_micros = 0, .queue_limit = 2});
  std::vector<std::function<Status(Transaction&)>> members = {Insert("a"), Insert("b")};
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> leading{false};
  std::thread leader([&] {
    EXPECT_TRUE(db_->Write([&](Transaction&) {
                     leading = true;
                     released.wait();
                     return Status::Ok();
                   })
                    .ok());
  });
  while (!leading) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::vector<std::thread> waiting;
  for (const auto& m : members) {
    waiting.emplace_back([&] { EXPECT_TRUE(db_->Write(m).ok()); });
    WaitQueued(waiting.size());
  }
  Status refused = db_->Write(Insert("c"));
  EXPECT_EQ(refused.code(), StatusCode::kUnavailable);
  EXPECT_EQ(refused.message(), "error.overloaded");
  EXPECT_EQ(Stats().rejected, 1u);
  release.set_value();
  leader.join();
  for (auto& t : waiting) t.join();
  EXPECT_EQ(Names(), (std::vector<std::string>{"a", "b"}));
}

TEST_F(GroupCommitTest, MaxMembersSplitsGroups) {
  Open({.enabled = true, .max_members = 2, .window_micros = 0, .queue_limit = 1024});
  const GroupCommitStats before = Stats();
  auto statuses = RunGroup({Insert("a"), Insert("b"), Insert("c")});
  for (const auto& s : statuses) EXPECT_TRUE(s.ok()) << s.detail();
  const GroupCommitStats after = Stats();
  EXPECT_EQ(after.members - before.members, 4u);
  EXPECT_EQ(after.groups - before.groups, 2u);
  EXPECT_EQ(Names(), (std::vector<std::string>{"a", "b", "c", "lead"}));
}

// A race: many threads increment one counter by read-modify-write, and every third write fails
// after incrementing. The counter ends exactly at the number of acknowledged writes.
TEST_F(GroupCommitTest, CountersStayExactUnderARaceWithFailures) {
  // A window, so that the racing writers do share transactions even when the scheduler runs
  // them one at a time (with no window, groups form only when writers happen to overlap).
  Open({.enabled = true, .max_members = 8, .window_micros = 20'000, .queue_limit = 1024});
  ASSERT_TRUE(
      db_->Write([](Transaction& tx) { return tx.Execute("INSERT INTO items (name, qty) VALUES ('c', 0)").status(); })
          .ok());
  const GroupCommitStats before = Stats();
  constexpr int kThreads = 8, kPerThread = 60;
  std::atomic<int> acknowledged{0}, refused{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const bool fail = (t * kPerThread + i) % 3 == 0;
        Status s = db_->Write([fail](Transaction& tx) -> Status {
          auto cur = tx.QueryOne("SELECT qty FROM items WHERE name = 'c'");
          if (!cur.ok()) return cur.status();
          TS_RETURN_IF_ERROR(tx.Execute("UPDATE items SET qty = ? WHERE name = 'c'", {(*cur)->Int(0) + 1}));
          if (fail) return Status::Conflict("shift.full");
          return Status::Ok();
        });
        (s.ok() ? acknowledged : refused)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(acknowledged.load() + refused.load(), kThreads * kPerThread);
  EXPECT_EQ(refused.load(), kThreads * kPerThread / 3);
  auto qty = db_->Read([](Transaction& tx) { return tx.QueryOne("SELECT qty FROM items WHERE name = 'c'"); });
  ASSERT_TRUE(qty.ok() && qty->has_value());
  EXPECT_EQ((*qty)->Int(0), acknowledged.load());
  const GroupCommitStats after = Stats();
  EXPECT_EQ(after.members - before.members, static_cast<uint64_t>(kThreads * kPerThread));
  // Eight writers and a 20 ms window: some shared a transaction (all alone would need every one
  // of 480 writers to come more than 20 ms after the one before).
  EXPECT_LT(after.groups - before.groups, after.members - before.members);
}

TEST_F(GroupCommitTest, OffRunsEachWriteAlone) {
  Open({.enabled = false});
  EXPECT_FALSE(GroupCommitStatsOf(*db_).has_value());
  EXPECT_TRUE(db_->Write(Insert("a")).ok());
  EXPECT_EQ(db_->Write(Insert("a")).code(), StatusCode::kConflict);
  EXPECT_EQ(Names(), (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace tianshan::storage
