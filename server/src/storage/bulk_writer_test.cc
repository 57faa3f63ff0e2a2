// BulkWriter on both databases: values round-trip exactly (text needing COPY escapes, NULLs,
// large integers, CJK), rows split over statements and commits, tables flush parents first,
// a failed commit keeps nothing, and identity sequences continue after explicit ids.
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
          " note TEXT, n BIGINT NOT NULL)",
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
    if (i % 3 == 0) w.Null();
    else w.Text(i % 3 == 1 ? tricky : std::string());
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
    return tx.QueryOne("SELECT c.note, c.n, p.name FROM bulk_children c JOIN bulk_parents p ON p.id = c.parent_id "
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

TS_INSTANTIATE_FOR_DATABASES(BulkWriterTest);

}  // namespace
}  // namespace tianshan::storage
