#pragma once
// The SQLite driver's connection and transaction, shared by sqlite_database.cc and
// group_commit.cc only (nothing outside storage/sqlite includes this).
//
// Thread safety: a SqliteConnection is used by one thread at a time (it is opened with
// SQLITE_OPEN_NOMUTEX); a SqliteTransaction lives on the stack of whoever runs its function.

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/database.h"
#include "storage/statement_cache.h"

namespace tianshan::storage::sqlite_driver {

bool IsBusy(int rc);
// The status of a failed SQLite call: busy → retry; a constraint → conflict; the disk full, an
// I/O error or a read-only file (the volume remounted) → unavailable (503: the operator frees
// space, the data already written stays intact); anything else → internal.
Status StatusOf(int rc, std::string msg);

class SqliteConnection {
 public:
  // `counters` belongs to the database and outlives its connections.
  SqliteConnection(sqlite3* db, size_t statement_capacity, StatementCounters& counters)
      : db_(db), cache_(statement_capacity), counters_(counters) {}
  ~SqliteConnection() {
    for (sqlite3_stmt* stmt : cache_.Clear()) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  sqlite3* db() const { return db_; }

  // The cached statement for `sql`, prepared on first use. Valid until the next Prepare (which
  // may push it out of the bounded cache): step and reset it before preparing another.
  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    if (sqlite3_stmt** cached = cache_.Find(sql)) {
      counters_.Count(counters_.hits);
      return *cached;
    }
    sqlite3_stmt* stmt = nullptr;
    int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Error(rc, "prepare");
    counters_.Count(counters_.prepares);
    if (auto evicted = cache_.Insert(std::string(sql), stmt)) {
      counters_.Count(counters_.evictions);
      sqlite3_finalize(*evicted);
    }
    return stmt;
  }

  Status Error(int rc, std::string_view what) const {
    return StatusOf(rc, std::string(what) + ": " + sqlite3_errmsg(db_));
  }

  // Runs a parameterless statement through the statement cache (BEGIN, COMMIT, ROLLBACK run on
  // every transaction; parsing them each time costs more than the work they do).
  Status ExecCached(std::string_view sql) {
    auto stmt = Prepare(sql);
    if (!stmt.ok()) return stmt.status();
    int rc = sqlite3_step(*stmt);
    sqlite3_reset(*stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
    return Error(rc, sql);
  }

  Status Exec(const char* sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return Status::Ok();
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    return StatusOf(rc, std::move(msg));
  }

 private:
  sqlite3* db_;
  StatementCache<sqlite3_stmt*> cache_;
  StatementCounters& counters_;
};

class SqliteTransaction final : public Transaction {
 public:
  explicit SqliteTransaction(SqliteConnection& conn) : conn_(conn) {}
  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<Rows> Query(std::string_view sql, std::span<const Param> params) override {
    Rows out;
    auto s = Run(sql, params, &out);
    if (!s.ok()) return s;
    return out;
  }

  Result<int64_t> Execute(std::string_view sql, std::span<const Param> params) override {
    auto s = Run(sql, params, nullptr);
    if (!s.ok()) return s;
    return static_cast<int64_t>(sqlite3_changes64(conn_.db()));
  }

  Status ExecuteScript(std::string_view sql) override { return conn_.Exec(std::string(sql).c_str()); }
  void* native_handle() override { return conn_.db(); }

 private:
  Status Run(std::string_view sql, std::span<const Param> params, Rows* out);

  SqliteConnection& conn_;
};

}  // namespace tianshan::storage::sqlite_driver
