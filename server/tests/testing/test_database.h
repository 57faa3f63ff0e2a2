#pragma once
// Hermetic test databases: a fresh SQLite file in a temporary folder, or a fresh schema on the
// PostgreSQL server named by TIANSHAN_TEST_POSTGRES_URL (started by
// scripts/start-postgres-for-tests.sh). When that variable is missing, PostgreSQL tests are
// skipped, unless TIANSHAN_REQUIRE_POSTGRES=1 (set by `make test`), which makes them fail.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "storage/database.h"

namespace tianshan::testing {

class TestDatabase {
 public:
  ~TestDatabase();
  // Nullptr when the dialect is unavailable here; `why` says why.
  static std::unique_ptr<TestDatabase> Create(storage::Dialect dialect, std::string* why);

  storage::Database& db() { return *db_; }
  std::unique_ptr<storage::Database> TakeDb() { return std::move(db_); }
  const std::string& url() const { return url_; }
  // Opens a second, independent handle on the same database.
  std::unique_ptr<storage::Database> OpenAnother(int pool_size = 8) const;

 private:
  TestDatabase() = default;
  storage::Dialect dialect_{};
  std::string url_;
  std::string dir_;     // sqlite temp folder
  std::string schema_;  // postgres schema
  std::unique_ptr<storage::Database> db_;
};

std::string DialectName(const ::testing::TestParamInfo<storage::Dialect>& info);

// Base for tests that run once per database.
class DatabaseTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  void SetUp() override;
  void TearDown() override { test_db_.reset(); }
  storage::Database& db() { return test_db_->db(); }
  TestDatabase& test_db() { return *test_db_; }

 private:
  std::unique_ptr<TestDatabase> test_db_;
};

#define TS_INSTANTIATE_FOR_DATABASES(suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(Db, suite,                                                             \
                           ::testing::Values(::tianshan::storage::Dialect::kSqlite,               \
                                             ::tianshan::storage::Dialect::kPostgres),            \
                           ::tianshan::testing::DialectName)

}  // namespace tianshan::testing
