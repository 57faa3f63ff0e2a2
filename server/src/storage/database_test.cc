#include "storage/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/database_options.h"
#include "storage/instance_events.h"
#include "storage/migrate.h"
#include "storage/sql_text.h"
#include "testing/test_database.h"

namespace tianshan::storage {
namespace {

using testing::DatabaseTest;

class StorageTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Status s = db().Write([](Transaction& tx) {
      return tx.ExecuteScript(ExpandDialectTokens(
          "CREATE TABLE items (id {{id}}, name TEXT NOT NULL UNIQUE, qty BIGINT NOT NULL, price DOUBLE PRECISION,"
          " path {{path}})",
          tx.dialect()));
    });
    ASSERT_TRUE(s.ok()) << s.detail();
  }
};

TEST_P(StorageTest, InsertsAndReadsTypedValues) {
  auto id = db().Write([](Transaction& tx) -> Result<int64_t> {
    auto rows =
        tx.Query("INSERT INTO items (name, qty, price) VALUES (?, ?, ?) RETURNING id", {"天山街道", int64_t{42}, 2.5});
    if (!rows.ok()) return rows.status();
    return (*rows)[0].Int(0);
  });
  ASSERT_TRUE(id.ok()) << id.status().detail();
  auto row = db().Read(
      [&](Transaction& tx) { return tx.QueryOne("SELECT name, qty, price, path FROM items WHERE id = ?", {*id}); });
  ASSERT_TRUE(row.ok());
  ASSERT_TRUE(row->has_value());
  EXPECT_EQ((*row)->Text(0), "天山街道");
  EXPECT_EQ((*row)->Int(1), 42);
  EXPECT_DOUBLE_EQ((*row)->Double(2), 2.5);
  EXPECT_TRUE((*row)->IsNull(3));
}

TEST_P(StorageTest, ReadsColumnsByName) {
  auto row = db().Write([](Transaction& tx) -> Result<std::optional<Row>> {
    TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty, price) VALUES ('甲', 7, 1.5)"));
    return tx.QueryOne("SELECT i.qty, i.name, i.price AS unit_price, i.path FROM items i");
  });
  ASSERT_TRUE(row.ok()) << row.status().detail();
  ASSERT_TRUE(row->has_value());
  const Row& r = **row;
  EXPECT_EQ(r.Int("qty"), 7) << "a table prefix is not part of the name";
  EXPECT_EQ(r.Text("name"), "甲");
  EXPECT_DOUBLE_EQ(r.Double("unit_price"), 1.5);
  EXPECT_FALSE(r.OptText("path").has_value());
  EXPECT_TRUE(r.Has("unit_price"));
  EXPECT_FALSE(r.Has("price"));
  EXPECT_EQ(r.Index("name"), 1u);
  // Out of the SELECT's order, repeated, and after another result with other columns: the
  // lookup's guess of the next column never answers a wrong one.
  const Row other({int64_t{1}, int64_t{2}},
                  std::make_shared<std::vector<std::string>>(std::vector<std::string>{"name", "qty"}));
  EXPECT_EQ(r.Index("path"), 3u);
  EXPECT_EQ(other.Index("qty"), 1u);
  EXPECT_EQ(r.Index("qty"), 0u);
  EXPECT_EQ(r.Index("qty"), 0u);
  EXPECT_EQ(other.Index("name"), 0u);
  EXPECT_EQ(r.Index("unit_price"), 2u);
  EXPECT_EQ(r.Index("name"), 1u);
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH((void)r.Int("quantity"), "no column named \"quantity\"");
}

TEST_P(StorageTest, UniqueViolationIsConflictAndRollsBack) {
  Status first =
      db().Write([](Transaction& tx) { return tx.Execute("INSERT INTO items (name, qty) VALUES ('a', 1)").status(); });
  ASSERT_TRUE(first.ok());
  Status second = db().Write([](Transaction& tx) -> Status {
    TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty) VALUES ('b', 1)"));
    return tx.Execute("INSERT INTO items (name, qty) VALUES ('a', 2)").status();
  });
  EXPECT_EQ(second.code(), StatusCode::kConflict);
  auto count = db().Read([](Transaction& tx) -> Result<int64_t> {
    auto r = tx.QueryOne("SELECT COUNT(*) FROM items");
    if (!r.ok()) return r.status();
    return (*r)->Int(0);
  });
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1) << "the failed transaction must leave nothing behind";
}

TEST_P(StorageTest, FailedFunctionRollsBack) {
  Status s = db().Write([](Transaction& tx) -> Status {
    TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty) VALUES ('x', 1)"));
    return Status::Invalid("qty", "field.out_of_range");
  });
  EXPECT_EQ(s.code(), StatusCode::kInvalid);
  auto n = db().Read([](Transaction& tx) { return tx.Query("SELECT id FROM items"); });
  ASSERT_TRUE(n.ok());
  EXPECT_TRUE(n->empty());
}

TEST_P(StorageTest, ConcurrentIncrementsAreNeverLost) {
  ASSERT_TRUE(
      db().Write([](Transaction& tx) { return tx.Execute("INSERT INTO items (name, qty) VALUES ('c', 0)").status(); })
          .ok());
  constexpr int kThreads = 8, kPerThread = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        Status s = db().Write([](Transaction& tx) -> Status {
          auto cur = tx.QueryOne("SELECT qty FROM items WHERE name = 'c'");
          if (!cur.ok()) return cur.status();
          return tx.Execute("UPDATE items SET qty = qty + 1 WHERE name = 'c'").status();
        });
        if (!s.ok()) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto qty = db().Read([](Transaction& tx) { return tx.QueryOne("SELECT qty FROM items WHERE name = 'c'"); });
  ASSERT_TRUE(qty.ok());
  EXPECT_EQ((*qty)->Int(0), kThreads * kPerThread);
}

// Two instances on one database (storage/instance_events.h), racing: writers on both, payloads
// published from several threads of A, readers of B's write generation. On PostgreSQL every
// payload of A reaches B (LISTEN/NOTIFY) and never A itself, and A's writes advance B's
// generation, which never goes back; on SQLite (one process per database) the events do
// nothing: B's generation counts its own writes only.
TEST_P(StorageTest, InstanceEventsRacingReachTheOtherInstanceOnly) {
  constexpr int kThreads = 3, kEach = 20;
  std::unique_ptr<Database> b = test_db().OpenAnother(4);
  std::mutex mutex;
  std::vector<std::string> heard_by_a, heard_by_b;
  ASSERT_TRUE(StartInstanceEvents(db(), [&](std::string_view p) {
                std::lock_guard lock(mutex);
                heard_by_a.emplace_back(p);
              }).ok());
  ASSERT_TRUE(StartInstanceEvents(*b, [&](std::string_view p) {
                std::lock_guard lock(mutex);
                heard_by_b.emplace_back(p);
              }).ok());
  const uint64_t b_before = b->write_generation();
  std::atomic<bool> done{false}, went_back{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  std::set<std::string> published;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kEach; ++i) published.insert("p" + std::to_string(t) + "-" + std::to_string(i));
    threads.emplace_back([&, t] {  // A publishes
      for (int i = 0; i < kEach; ++i) PublishInstanceEvent(db(), "p" + std::to_string(t) + "-" + std::to_string(i));
    });
    for (Database* on : {&db(), b.get()}) {
      threads.emplace_back([&, t, on] {  // writes on A and on B
        for (int i = 0; i < kEach; ++i) {
          const std::string name = (on == b.get() ? "b" : "a") + std::to_string(t) + "-" + std::to_string(i);
          Status s = on->Write([&](Transaction& tx) {
            return tx.Execute("INSERT INTO items (name, qty) VALUES (?, 1)", {name}).status();
          });
          if (!s.ok()) failures++;
        }
      });
    }
  }
  std::thread reader([&] {  // B's generation only grows
    uint64_t last = b->write_generation();
    while (!done.load()) {
      const uint64_t now = b->write_generation();
      if (now < last) went_back = true;
      last = now;
      auto n = b->Read([](Transaction& tx) { return tx.QueryOne("SELECT COUNT(*) FROM items"); });
      if (!n.ok()) failures++;
    }
  });
  for (auto& t : threads) t.join();
  const uint64_t own_writes = kThreads * kEach;
  auto heard_everything = [&] {
    std::lock_guard lock(mutex);
    std::set<std::string> got(heard_by_b.begin(), heard_by_b.end());
    return got == published && b->write_generation() > b_before + own_writes;
  };
  if (GetParam() == Dialect::kPostgres) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!heard_everything() && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  } else {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  done = true;
  reader.join();
  StopInstanceEvents(*b);
  StopInstanceEvents(db());
  EXPECT_EQ(failures.load(), 0);
  EXPECT_FALSE(went_back.load());
  std::lock_guard lock(mutex);
  EXPECT_TRUE(heard_by_a.empty()) << "A publishes; B publishes nothing; no one hears itself";
  if (GetParam() == Dialect::kPostgres) {
    std::set<std::string> got(heard_by_b.begin(), heard_by_b.end());
    EXPECT_EQ(got, published);
    EXPECT_EQ(heard_by_b.size(), published.size()) << "each payload once";
    EXPECT_GT(b->write_generation(), b_before + own_writes) << "A's writes advanced B's generation";
  } else {
    EXPECT_TRUE(heard_by_b.empty());
    EXPECT_EQ(b->write_generation(), b_before + own_writes) << "B counts its own writes only";
  }
}

// A write transaction that declared Transaction::ChangedNothing() is no write to anyone: this
// instance's generation stays, and on PostgreSQL the other instance hears nothing of it — B's
// generation advances by exactly one for A's one real write after three that changed nothing
// (NOTIFYs go out in order, so any of those would have reached B first). A retried attempt's
// declaration is forgotten, and so is one of an attempt that failed.
TEST_P(StorageTest, AWriteThatChangedNothingAdvancesNoGeneration) {
  std::unique_ptr<Database> b = test_db().OpenAnother(2);
  ASSERT_TRUE(StartInstanceEvents(db(), [](std::string_view) {}).ok());
  ASSERT_TRUE(StartInstanceEvents(*b, [](std::string_view) {}).ok());
  const uint64_t a_before = db().write_generation(), b_before = b->write_generation();
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(db().Write([](Transaction& tx) -> Status {
                      TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE items SET qty = 1 WHERE name = 'none'"));
                      if (n == 0) tx.ChangedNothing();
                      return Status::Ok();
                    }).ok());
  }
  EXPECT_EQ(db().write_generation(), a_before) << "three writes that changed nothing";
  int attempts = 0;
  ASSERT_TRUE(db().Write([&](Transaction& tx) -> Status {
                    if (++attempts == 1) {
                      tx.ChangedNothing();
                      return Status::Retry("the first attempt declares, then conflicts");
                    }
                    return tx.Execute("INSERT INTO items (name, qty) VALUES ('real', 1)").status();
                  }).ok());
  EXPECT_EQ(db().write_generation(), a_before + 1) << "the committed attempt changed a row";
  EXPECT_FALSE(db().Write([](Transaction& tx) -> Status {
                     tx.ChangedNothing();
                     return Status::Invalid("name", "field.required");
                   }).ok());
  EXPECT_EQ(db().write_generation(), a_before + 2) << "a write that failed still ends a write transaction";
  if (GetParam() == Dialect::kPostgres) {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (b->write_generation() == b_before && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // anything later would show now
    EXPECT_EQ(b->write_generation(), b_before + 1) << "B heard A's one real write, and nothing else";
  } else {
    EXPECT_EQ(b->write_generation(), b_before) << "SQLite: one process per database, no events";
  }
  StopInstanceEvents(*b);
  StopInstanceEvents(db());
}

TEST_P(StorageTest, PrefixRangeScanFindsExactlyTheSubtree) {
  Status s = db().Write([](Transaction& tx) -> Status {
    for (const char* p : {"/1/", "/1/5/", "/1/5/9/", "/1/50/", "/1/6/", "/2/"}) {
      TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO items (name, qty, path) VALUES (?, 0, ?)", {p, p}));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok());
  std::string prefix = "/1/5/";
  auto rows = db().Read([&](Transaction& tx) {
    return tx.Query("SELECT path FROM items WHERE path >= ? AND path < ? ORDER BY path",
                    {prefix, PrefixUpperBound(prefix)});
  });
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].Text(0), "/1/5/");
  EXPECT_EQ((*rows)[1].Text(0), "/1/5/9/");
}

TEST_P(StorageTest, QuestionMarksInsideLiteralsAreNotParameters) {
  auto rows = db().Read([](Transaction& tx) { return tx.Query("SELECT 'why?' , ?", {"x"}); });
  ASSERT_TRUE(rows.ok()) << rows.status().detail();
  EXPECT_EQ((*rows)[0].Text(0), "why?");
  EXPECT_EQ((*rows)[0].Text(1), "x");
}

TEST_P(StorageTest, MigrationsApplyOnceAndAreRecorded) {
  std::vector<Migration> migrations = {
      {"demo", 1, "first", "CREATE TABLE demo_a (id {{id}}, v TEXT)", "CREATE TABLE demo_a (id {{id}}, v TEXT)"},
      {"demo", 2, "second", "ALTER TABLE demo_a ADD COLUMN w BIGINT", "ALTER TABLE demo_a ADD COLUMN w BIGINT"},
  };
  auto first = ApplyMigrations(db(), migrations);
  ASSERT_TRUE(first.ok()) << first.status().detail();
  EXPECT_EQ(first->applied.size(), 2u);
  auto again = ApplyMigrations(db(), migrations);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->applied.empty());
  migrations.push_back({"demo", 3, "broken", "CREATE TABLE oops (", "CREATE TABLE oops ("});
  auto broken = ApplyMigrations(db(), migrations);
  EXPECT_FALSE(broken.ok());
  EXPECT_NE(broken.status().detail().find("demo/3_broken"), std::string::npos) << broken.status().detail();
  auto recorded = db().Read(
      [](Transaction& tx) { return tx.Query("SELECT version FROM schema_migrations WHERE module = 'demo'"); });
  ASSERT_TRUE(recorded.ok());
  EXPECT_EQ(recorded->size(), 2u) << "a failed migration is not recorded";
}

// PostgreSQL prepares each statement once per connection; a database opened with
// pg_unnamed_statements (what a transaction-pooling pgbouncer needs, ADR 0009) leaves nothing
// prepared on the server and still binds the parameters.
TEST_P(StorageTest, UnnamedStatementsLeaveNothingPreparedOnTheServer) {
  if (db().dialect() != Dialect::kPostgres) GTEST_SKIP() << "PostgreSQL only";
  DatabaseOptions unnamed_options;
  unnamed_options.pool_size = 1;
  unnamed_options.pg_unnamed_statements = true;
  auto unnamed = OpenDatabase(test_db().url(), unnamed_options);
  ASSERT_TRUE(unnamed.ok()) << unnamed.status().detail();
  auto prepared_after = [&](Database& on, std::string_view sql) -> int64_t {
    auto rows = on.Read([&](Transaction& tx) -> Result<Rows> {
      auto value = tx.Query(sql, {int64_t{1}});
      if (!value.ok()) return value.status();
      EXPECT_EQ((*value)[0].Int(0), 42);
      return tx.Query("SELECT count(*) FROM pg_prepared_statements WHERE statement = ?", {NumberPlaceholders(sql)});
    });
    EXPECT_TRUE(rows.ok()) << rows.status().detail();
    return rows.ok() ? (*rows)[0].Int(0) : -1;
  };
  EXPECT_EQ(prepared_after(db(), "SELECT 41 + ?"), 1);
  EXPECT_EQ(prepared_after(**unnamed, "SELECT 40 + 1 + ?"), 0);
}

TS_INSTANTIATE_FOR_DATABASES(StorageTest);

TEST(SqlText, NumbersPlaceholders) {
  EXPECT_EQ(NumberPlaceholders("SELECT ? , '?' , \"a?\" -- ?\n, ?"), "SELECT $1 , '?' , \"a?\" -- ?\n, $2");
}

TEST(OpenDatabase, RejectsUnknownScheme) {
  auto db = OpenDatabase("mysql://x");
  EXPECT_FALSE(db.ok());
}

TEST(OpenDatabase, SqliteInUnwritablePlaceFailsWithItsPath) {
  auto db = OpenDatabase("sqlite:/proc/tianshan/none.db");
  ASSERT_FALSE(db.ok());
}

}  // namespace
}  // namespace tianshan::storage
