// BulkWriter on both databases: values round-trip exactly (text needing COPY escapes, NULLs,
// large integers, CJK), rows split over statements and commits, tables flush parents first,
// a failed commit keeps nothing, identity sequences continue after explicit ids, and deferred
// secondary indexes come back.
#include "storage/bulk_writer.h"

#include <gtest/gtest.h>

#include "storage/sql_text.h"
#include "testing/test_database.h"

namespace tianshan::storage {
namespace {

using testing::DatabaseTest;

class BulkWriterTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Status s = db().Write([](Transaction& tx) {
      return tx.ExecuteScript(ExpandDialectTokens(
          "CREATE TABLE bulk_parents (id {{id}}, name TEXT NOT NULL);"
          "CREATE TABLE bulk_children (id {{id}}, parent_id BIGINT NOT NULL REFERENCES bulk_parents (id),"
          " note TEXT, n BIGINT NOT NULL UNIQUE);"
          "CREATE INDEX bulk_children_parent ON bulk_children (parent_id, id);"
          "CREATE UNIQUE INDEX bulk_children_note ON bulk_children (note) WHERE n < 0",
          tx.dialect()));
    });
    ASSERT_TRUE(s.ok()) << s.detail();
  }

  int64_t Count(const char* sql) {
    auto n = db().Read([&](Transaction& tx) -> Result<int64_t> {
      TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(sql));
      return row->Int(0);
    });
    return n.ok() ? *n : -1;
  }
};

TEST_P(BulkWriterTest, RoundTripsValuesAcrossStatementsAndCommits) {
  BulkOptions options;
  options.rows_per_commit = 1'000;
  options.sqlite_rows_per_statement = 7;
  BulkWriter w(db(), options);
  auto parents = w.AddTable("bulk_parents", {"id", "name"});
  auto children = w.AddTable("bulk_children", {"id", "parent_id", "note", "n"});
  const std::string tricky = "tab\there\nnew line\\back\\slash\r\\N 天山 'quote\" ;";
  for (int64_t i = 1; i <= 2'500; ++i) {
    w.Begin(parents).Int(i).Text("团支部" + std::to_string(i));
    w.Begin(children).Int(i).Int(i);
    if (i % 3 == 0)
      w.Null();
    else
      w.Text(i % 3 == 1 ? tricky : std::string());
    w.Int(i * 1'000'000'007LL);
    ASSERT_TRUE(w.FlushIfFull().ok());
  }
  Status s = w.Flush();
  ASSERT_TRUE(s.ok()) << s.detail();
  EXPECT_EQ(w.written(parents), 2'500);
  EXPECT_EQ(w.written(children), 2'500);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bulk_children WHERE note IS NULL"), 833);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bulk_children WHERE note = ''"), 833);
  auto row = db().Read([](Transaction& tx) {
    return tx.QueryOne(
        "SELECT c.note, c.n, p.name FROM bulk_children c JOIN bulk_parents p ON p.id = c.parent_id "
        "WHERE c.id = 2500");
  });
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->Text(0), tricky);
  EXPECT_EQ((*row)->Int(1), 2'500 * 1'000'000'007LL);
  EXPECT_EQ((*row)->Text(2), "团支部2500");

  ASSERT_TRUE(w.ResetIdSequence("bulk_parents").ok());
  auto next = db().Write([](Transaction& tx) -> Result<int64_t> {
    TS_ASSIGN_OR_RETURN(auto r, tx.QueryOne("INSERT INTO bulk_parents (name) VALUES ('after') RETURNING id"));
    return r->Int(0);
  });
  ASSERT_TRUE(next.ok()) << next.status().detail();
  EXPECT_EQ(*next, 2'501);
}

TEST_P(BulkWriterTest, AFailedCommitWritesNothing) {
  BulkWriter w(db());
  auto parents = w.AddTable("bulk_parents", {"id", "name"});
  auto children = w.AddTable("bulk_children", {"id", "parent_id", "note", "n"});
  w.Begin(parents).Int(1).Text("one");
  w.Begin(children).Int(1).Int(99).Null().Int(0);  // no parent 99
  Status s = w.Flush();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM bulk_parents"), 0);
  EXPECT_EQ(w.written(parents), 0);
}

TEST_P(BulkWriterTest, DefersAndRestoresSecondaryIndexes) {
  auto index_names = [&] {
    auto rows = db().Read([](Transaction& tx) {
      return tx.Query(tx.dialect() == Dialect::kPostgres
                          ? "SELECT indexname FROM pg_indexes WHERE tablename = 'bulk_children' AND schemaname = "
                            "current_schema() ORDER BY indexname"
                          : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bulk_children' "
                            "ORDER BY name");
    });
    std::vector<std::string> names;
    for (const auto& r : *rows) names.push_back(r.Text(0));
    return names;
  };
  const auto before = index_names();
  ASSERT_GE(before.size(), 3u);  // UNIQUE (n), the two created ones, and on PostgreSQL the primary key
  BulkWriter w(db());
  auto parents = w.AddTable("bulk_parents", {"id", "name"});
  auto children = w.AddTable("bulk_children", {"id", "parent_id", "note", "n"});
  ASSERT_TRUE(w.DeferIndexes("bulk_children").ok());
  EXPECT_EQ(index_names().size(), before.size() - 2);  // the constraints' indexes stay
  w.Begin(parents).Int(1).Text("one");
  for (int i = 1; i <= 10; ++i) w.Begin(children).Int(i).Int(1).Null().Int(i);
  ASSERT_TRUE(w.Flush().ok());
  Status s = w.RestoreIndexes();
  ASSERT_TRUE(s.ok()) << s.detail();
  EXPECT_EQ(index_names(), before);
}

TS_INSTANTIATE_FOR_DATABASES(BulkWriterTest);

}  // namespace
}  // namespace tianshan::storage
