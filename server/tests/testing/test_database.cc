#include "testing/test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "core/crypto.h"

namespace tianshan::testing {
namespace {

bool PgExec(const std::string& url, const std::string& sql, std::string* error) {
  PGconn* conn = PQconnectdb(url.c_str());
  bool ok = PQstatus(conn) == CONNECTION_OK;
  if (ok) {
    PGresult* r = PQexec(conn, sql.c_str());
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
  }
  if (!ok && error) *error = PQerrorMessage(conn);
  PQfinish(conn);
  return ok;
}

std::string WithSearchPath(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::unique_ptr<TestDatabase> TestDatabase::Create(storage::Dialect dialect, std::string* why) {
  std::unique_ptr<TestDatabase> t(new TestDatabase);
  t->dialect_ = dialect;
  static std::atomic<int> counter{0};
  std::string unique = std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + DigestHex(RandomToken(8)).substr(0, 8);
  if (dialect == storage::Dialect::kSqlite) {
    t->dir_ = (std::filesystem::temp_directory_path() / ("tianshan_test_" + unique)).string();
    std::filesystem::create_directories(t->dir_);
    t->url_ = "sqlite:" + t->dir_ + "/test.db";
  } else {
    const char* base = std::getenv("TIANSHAN_TEST_POSTGRES_URL");
    if (base == nullptr || *base == '\0') {
      *why = "TIANSHAN_TEST_POSTGRES_URL is not set (make test starts PostgreSQL and sets it)";
      return nullptr;
    }
    t->schema_ = "t_" + unique;
    std::string error;
    if (!PgExec(base, "CREATE SCHEMA " + t->schema_, &error)) {
      *why = "cannot create schema on " + std::string(base) + ": " + error;
      return nullptr;
    }
    t->url_ = WithSearchPath(base, t->schema_);
  }
  auto db = storage::OpenDatabase(t->url_, 8);
  if (!db.ok()) {
    *why = "cannot open " + t->url_ + ": " + db.status().detail();
    return nullptr;
  }
  t->db_ = std::move(db).value();
  return t;
}

std::unique_ptr<storage::Database> TestDatabase::OpenAnother(int pool_size) const {
  auto db = storage::OpenDatabase(url_, pool_size);
  return db.ok() ? std::move(db).value() : nullptr;
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  if (!schema_.empty()) {
    PgExec(std::getenv("TIANSHAN_TEST_POSTGRES_URL"), "SET client_min_messages = warning; DROP SCHEMA " + schema_ + " CASCADE", nullptr);
  }
}

std::string DialectName(const ::testing::TestParamInfo<storage::Dialect>& info) {
  return info.param == storage::Dialect::kSqlite ? "Sqlite" : "Postgres";
}

void DatabaseTest::SetUp() {
  std::string why;
  test_db_ = TestDatabase::Create(GetParam(), &why);
  if (!test_db_) {
    const char* require = std::getenv("TIANSHAN_REQUIRE_POSTGRES");
    if (GetParam() == storage::Dialect::kPostgres && (require == nullptr || std::string(require) != "1")) {
      GTEST_SKIP() << why;
    }
    FAIL() << why;
  }
}

}  // namespace tianshan::testing
