#include "storage/statement_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/database_options.h"
#include "storage/plan_hint.h"
#include "storage/sql_text.h"
#include "testing/test_database.h"

namespace tianshan::storage {
namespace {

TEST(StatementCache, KeepsTheMostRecentlyUsedWithinItsBound) {
  StatementCache<int> cache(2);
  EXPECT_FALSE(cache.Insert("a", 1).has_value());
  EXPECT_FALSE(cache.Insert("b", 2).has_value());
  ASSERT_NE(cache.Find("a"), nullptr);  // "a" is now the most recent: "b" goes first
  auto out = cache.Insert("c", 3);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(*out, 2);
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_EQ(*cache.Find("a"), 1);
  EXPECT_EQ(*cache.Find("c"), 3);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.Erase("a"), std::optional<int>(1));
  EXPECT_EQ(cache.Erase("a"), std::nullopt);
  EXPECT_EQ(cache.Clear(), std::vector<int>{3});
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Find("c"), nullptr);
}

// The statement caches of both drivers, seen from outside: through the answers, the counters of
// StatementCacheStatsOf and, on PostgreSQL, the server's own pg_prepared_statements.
class StatementCacheDbTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Status s = db().Write([](Transaction& tx) -> Status {
      TS_RETURN_IF_ERROR(tx.ExecuteScript(ExpandDialectTokens(
          "CREATE TABLE cache_items (id {{id}}, name TEXT NOT NULL, qty BIGINT NOT NULL)", tx.dialect())));
      for (int i = 1; i <= 5; ++i) {
        TS_RETURN_IF_ERROR(
            tx.Execute("INSERT INTO cache_items (name, qty) VALUES (?, ?)", {"item" + std::to_string(i), i * 10}));
      }
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.detail();
  }

  // One connection, so that every transaction meets the same cache.
  std::unique_ptr<Database> OpenSingle(size_t capacity = StatementCache<int>::kDefaultCapacity, int pool = 1) {
    DatabaseOptions options;
    options.pool_size = pool;
    options.statement_cache_capacity = capacity;
    auto opened = OpenDatabase(test_db().url(), options);
    EXPECT_TRUE(opened.ok()) << opened.status().detail();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  static Result<int64_t> QtyOf(Database& db, int64_t id) {
    return db.Read([&](Transaction& tx) -> Result<int64_t> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT qty FROM cache_items WHERE id = ?", {id}));
      if (!row) return Status::NotFound();
      return row->Int("qty");
    });
  }

  // Statements the server holds for the connection running this read (PostgreSQL).
  static int64_t ServerStatements(Database& db, std::string_view like) {
    auto n = db.Read([&](Transaction& tx) -> Result<int64_t> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT COUNT(*) AS n FROM pg_prepared_statements WHERE "
                                                "statement LIKE ?",
                                                {std::string(like)}));
      return row->Int("n");
    });
    EXPECT_TRUE(n.ok()) << n.status().detail();
    return n.ok() ? *n : -1;
  }
};

TEST_P(StatementCacheDbTest, ReusesAStatementAcrossTransactions) {
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  const StatementCacheStats before = StatementCacheStatsOf(*single);
  for (int64_t id = 1; id <= 3; ++id) {
    auto qty = QtyOf(*single, id);
    ASSERT_TRUE(qty.ok()) << qty.status().detail();
    EXPECT_EQ(*qty, id * 10);
  }
  const StatementCacheStats after = StatementCacheStatsOf(*single);
  EXPECT_EQ(after.prepares - before.prepares, 1u) << "prepared once, on first use";
  // (SQLite's BEGIN and COMMIT go through its cache too.)
  EXPECT_GE(after.hits - before.hits, 2u) << "and reused by the two later transactions";
  if (GetParam() == Dialect::kPostgres) {
    EXPECT_EQ(ServerStatements(*single, "SELECT qty FROM cache_items%"), 1);
  }
}

TEST_P(StatementCacheDbTest, StaysWithinItsBoundAndReleasesWhatItDrops) {
  auto single = OpenSingle(2);
  ASSERT_NE(single, nullptr);
  for (int round = 0; round < 2; ++round) {
    for (int64_t i = 1; i <= 5; ++i) {
      // Five different texts through a cache of two.
      auto row = single->Read([&](Transaction& tx) {
        return tx.QueryOne("SELECT qty + " + std::to_string(i) + " AS v FROM cache_items WHERE id = ?", {i});
      });
      ASSERT_TRUE(row.ok()) << row.status().detail();
      EXPECT_EQ((*row)->Int("v"), i * 10 + i);
    }
  }
  EXPECT_GE(StatementCacheStatsOf(*single).evictions, 8u);
  if (GetParam() == Dialect::kPostgres) {
    // The count's own statement is one of the two; dropped ones were deallocated on the server.
    EXPECT_LE(ServerStatements(*single, "%cache_items%"), 2);
  }
}

TEST_P(StatementCacheDbTest, ASchemaChangeUnderAPreparedStatementIsNoErrorToTheCaller) {
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  auto read_all = [&]() {
    return single->Read([](Transaction& tx) { return tx.QueryOne("SELECT * FROM cache_items WHERE id = ?", {2}); });
  };
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(read_all().ok());  // prepared, and past PostgreSQL's 5 custom plans
  // Another handle (another instance's migration) changes the table's columns.
  auto other = test_db().OpenAnother(1);
  ASSERT_NE(other, nullptr);
  Status altered = other->Write(
      [](Transaction& tx) { return tx.ExecuteScript("ALTER TABLE cache_items ADD COLUMN note TEXT DEFAULT 'n'"); });
  ASSERT_TRUE(altered.ok()) << altered.detail();
  const StatementCacheStats before = StatementCacheStatsOf(*single);
  auto row = read_all();
  ASSERT_TRUE(row.ok()) << row.status().detail();
  ASSERT_TRUE(row->has_value());
  EXPECT_EQ((*row)->Text("note"), "n") << "the statement sees the new column";
  EXPECT_EQ((*row)->Int("qty"), 20);
  if (GetParam() == Dialect::kPostgres) {
    EXPECT_EQ(StatementCacheStatsOf(*single).replans - before.replans, 1u);
    // The stale statement was released: one statement of that text remains on the server.
    EXPECT_EQ(ServerStatements(*single, "SELECT * FROM cache_items%"), 1);
  }
  // Inside a write transaction too, after other statements ran in it.
  Status altered_again = other->Write(
      [](Transaction& tx) { return tx.ExecuteScript("ALTER TABLE cache_items ADD COLUMN extra BIGINT DEFAULT 7"); });
  ASSERT_TRUE(altered_again.ok()) << altered_again.detail();
  auto written = single->Write([](Transaction& tx) -> Result<int64_t> {
    TS_RETURN_IF_ERROR(tx.Execute("UPDATE cache_items SET qty = qty + 1 WHERE id = ?", {2}));
    TS_ASSIGN_OR_RETURN(auto r, tx.QueryOne("SELECT * FROM cache_items WHERE id = ?", {2}));
    return r->Int("extra") * 1000 + r->Int("qty");
  });
  ASSERT_TRUE(written.ok()) << written.status().detail();
  EXPECT_EQ(*written, 7021) << "the retried transaction applied its update once";
}

TEST_P(StatementCacheDbTest, AReconnectStartsWithAnEmptyCacheAndNoErrorToTheCaller) {
  if (GetParam() == Dialect::kSqlite) GTEST_SKIP() << "an SQLite connection is a file handle: it is never lost";
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  ASSERT_TRUE(QtyOf(*single, 1).ok());
  auto pid = single->Read([](Transaction& tx) { return tx.QueryOne("SELECT pg_backend_pid() AS pid"); });
  ASSERT_TRUE(pid.ok());
  auto other = test_db().OpenAnother(1);
  ASSERT_NE(other, nullptr);
  auto killed = other->Read(
      [&](Transaction& tx) { return tx.QueryOne("SELECT pg_terminate_backend(?) AS done", {(*pid)->Int("pid")}); });
  ASSERT_TRUE(killed.ok()) << killed.status().detail();
  const StatementCacheStats before = StatementCacheStatsOf(*single);
  auto qty = QtyOf(*single, 3);
  ASSERT_TRUE(qty.ok()) << qty.status().detail();
  EXPECT_EQ(*qty, 30);
  EXPECT_EQ(StatementCacheStatsOf(*single).prepares - before.prepares, 1u) << "prepared again on the new connection";
}

TEST_P(StatementCacheDbTest, StatementsDroppedBehindItsBackArePreparedAgain) {
  if (GetParam() == Dialect::kSqlite) GTEST_SKIP() << "SQLite statements live in this process only";
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  ASSERT_TRUE(QtyOf(*single, 1).ok());
  // What a transaction-pooling pgbouncer or an operator's DISCARD does to the session.
  ASSERT_TRUE(single->Write([](Transaction& tx) { return tx.ExecuteScript("DEALLOCATE ALL"); }).ok());
  auto qty = QtyOf(*single, 4);
  ASSERT_TRUE(qty.ok()) << qty.status().detail();
  EXPECT_EQ(*qty, 40);
}

TEST_P(StatementCacheDbTest, AFailedFirstStatementRollsBackAndLeavesTheConnectionUsable) {
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  // The first statement travels with BEGIN on PostgreSQL: its failure must still end the
  // transaction, and the text must not be cached.
  auto bad = single->Read([](Transaction& tx) { return tx.Query("SELECT nope FROM cache_items"); });
  EXPECT_FALSE(bad.ok());
  auto again = single->Read([](Transaction& tx) { return tx.Query("SELECT nope FROM cache_items"); });
  EXPECT_FALSE(again.ok()) << "a failed prepare is not remembered as prepared";
  Status failed = single->Write([](Transaction& tx) -> Status {
    TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO cache_items (name, qty) VALUES ('gone', 1)"));
    return Status::Invalid("qty", "field.out_of_range");
  });
  EXPECT_EQ(failed.code(), StatusCode::kInvalid);
  auto count = single->Read(
      [](Transaction& tx) { return tx.QueryOne("SELECT COUNT(*) AS n FROM cache_items WHERE name = 'gone'"); });
  ASSERT_TRUE(count.ok()) << count.status().detail();
  EXPECT_EQ((*count)->Int("n"), 0);
  // A transaction that runs nothing, then reads and writes in turn on the one connection (a
  // read's COMMIT is read back by the next transaction).
  EXPECT_TRUE(single->Read([](Transaction&) { return Status::Ok(); }).ok());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(QtyOf(*single, 1).ok());
    Status w = single->Write(
        [](Transaction& tx) { return tx.Execute("UPDATE cache_items SET qty = qty + 1 WHERE id = 1").status(); });
    ASSERT_TRUE(w.ok()) << w.detail();
  }
  auto qty = QtyOf(*single, 1);
  ASSERT_TRUE(qty.ok());
  EXPECT_EQ(*qty, 13);
}

TEST_P(StatementCacheDbTest, APlanEachTimeStatementAnswersAndIsNotKept) {
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  const std::string sql = std::string(kPlanEachTime) + "SELECT qty FROM cache_items WHERE name = ? AND qty > ?";
  for (int i = 0; i < 7; ++i) {
    auto row = single->Read([&](Transaction& tx) { return tx.QueryOne(sql, {"item3", int64_t{i}}); });
    ASSERT_TRUE(row.ok()) << row.status().detail();
    ASSERT_TRUE(row->has_value());
    EXPECT_EQ((*row)->Int("qty"), 30);
  }
  if (GetParam() == Dialect::kPostgres) {
    EXPECT_EQ(ServerStatements(*single, "%qty > %"), 0);
  }
}

// storage::kNoAnswer: on PostgreSQL the statement waits for the next one or the COMMIT; either
// way it runs in its place among the transaction's statements, and its failure fails the
// transaction and keeps nothing of it.
TEST_P(StatementCacheDbTest, NoAnswerStatementsRunInOrderBeforeTheNextStatement) {
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  const std::string insert = std::string(kNoAnswer) + "INSERT INTO cache_items (name, qty) VALUES (?, ?)";
  const std::string bump = std::string(kNoAnswer) + "UPDATE cache_items SET qty = qty + 1 WHERE name = ?";
  for (int round = 0; round < 2; ++round) {  // the second round meets the statements prepared
    const std::string name = "held" + std::to_string(round);
    auto qty = single->Write([&](Transaction& tx) -> Result<int64_t> {
      TS_RETURN_IF_ERROR(tx.Execute(insert, {name, int64_t{100}}));
      TS_RETURN_IF_ERROR(tx.Execute(bump, {name}));
      TS_RETURN_IF_ERROR(tx.Execute(bump, {name}));
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT qty FROM cache_items WHERE name = ?", {name}));
      if (!row) return Status::NotFound();
      return row->Int("qty");
    });
    ASSERT_TRUE(qty.ok()) << qty.status().detail();
    EXPECT_EQ(*qty, 102) << "the held statements ran, in order, before the SELECT";
  }
  // A transaction of held statements only: they go out with its COMMIT, and are committed.
  ASSERT_TRUE(single
                  ->Write([&](Transaction& tx) -> Status {
                    TS_RETURN_IF_ERROR(tx.Execute(insert, {"held-only", int64_t{7}}));
                    return tx.Execute(bump, {"held-only"}).status();
                  })
                  .ok());
  auto row =
      single->Read([](Transaction& tx) { return tx.QueryOne("SELECT qty FROM cache_items WHERE name = 'held-only'"); });
  ASSERT_TRUE(row.ok() && row->has_value()) << row.status().detail();
  EXPECT_EQ((*row)->Int("qty"), 8);
  // A read-only transaction runs one at once (and fails there: it writes).
  Status in_read = single->Read([&](Transaction& tx) { return tx.Execute(insert, {"in-read", int64_t{1}}).status(); });
  EXPECT_EQ(in_read.ok(), GetParam() == Dialect::kSqlite) << in_read.detail();
}

TEST_P(StatementCacheDbTest, AFailingNoAnswerStatementFailsItsTransactionAndKeepsNothing) {
  auto single = OpenSingle();
  ASSERT_NE(single, nullptr);
  const std::string bad = std::string(kNoAnswer) + "INSERT INTO cache_items (name, qty) VALUES (?, NULL)";
  auto count = [&](const char* name) {
    auto row = single->Read(
        [&](Transaction& tx) { return tx.QueryOne("SELECT COUNT(*) AS n FROM cache_items WHERE name = ?", {name}); });
    EXPECT_TRUE(row.ok()) << row.status().detail();
    return row.ok() ? (*row)->Int("n") : -1;
  };
  for (int round = 0; round < 2; ++round) {
    // Its failure reaches the COMMIT that carries it: the write before it is rolled back too.
    Status at_commit = single->Write([&](Transaction& tx) -> Status {
      TS_RETURN_IF_ERROR(tx.Execute("INSERT INTO cache_items (name, qty) VALUES ('before-bad', 1)"));
      return tx.Execute(bad, {"bad"}).status();
    });
    EXPECT_FALSE(at_commit.ok());
    EXPECT_EQ(count("before-bad"), 0);
    EXPECT_EQ(count("bad"), 0);
    // Or the next statement, which fails with it.
    Status at_next = single->Write([&](Transaction& tx) -> Status {
      TS_RETURN_IF_ERROR(tx.Execute(bad, {"bad"}));
      return tx.Execute("INSERT INTO cache_items (name, qty) VALUES ('after-bad', 1)").status();
    });
    EXPECT_FALSE(at_next.ok());
    EXPECT_EQ(count("after-bad"), 0);
  }
  // The one connection is clean for the next transaction.
  Status ok = single->Write(
      [](Transaction& tx) { return tx.Execute("INSERT INTO cache_items (name, qty) VALUES ('fine', 1)").status(); });
  ASSERT_TRUE(ok.ok()) << ok.detail();
  EXPECT_EQ(count("fine"), 1);
}

TEST_P(StatementCacheDbTest, ConnectionsRacingThroughSmallCachesNeverMixAnswers) {
  auto pooled = OpenSingle(3, 4);
  ASSERT_NE(pooled, nullptr);
  constexpr int kThreads = 8, kPerThread = 60;
  std::atomic<int> wrong{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const int64_t id = 1 + (t + i) % 5, k = i % 7;  // seven texts through caches of three
        auto row = pooled->Read([&](Transaction& tx) {
          return tx.QueryOne("SELECT qty * " + std::to_string(k) + " AS v FROM cache_items WHERE id = ?", {id});
        });
        if (!row.ok() || !row->has_value()) {
          ++failed;
        } else if ((*row)->Int("v") != id * 10 * k) {
          ++wrong;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GT(StatementCacheStatsOf(*pooled).evictions, 0u);
}

TS_INSTANTIATE_FOR_DATABASES(StatementCacheDbTest);

}  // namespace
}  // namespace tianshan::storage
