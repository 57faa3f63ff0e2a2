#include "storage/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "storage/connection_pool.h"
#include "storage/sqlite/group_commit.h"
#include "storage/sqlite/sqlite_connection.h"

namespace tianshan::storage {
namespace {

using sqlite_driver::GroupCommitter;
using sqlite_driver::SqliteConnection;
using sqlite_driver::SqliteTransaction;

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size, const GroupCommitOptions& group_commit, size_t statement_capacity)
      : path_(std::move(path)),
        statement_capacity_(statement_capacity),
        pool_(static_cast<size_t>(pool_size), [this] { return Connect(); }) {
    if (group_commit.enabled) group_ = std::make_unique<GroupCommitter>(group_commit, [this] { return Connect(); });
  }

  const GroupCommitter* group_committer() const { return group_.get(); }
  StatementCacheStats statement_stats() const { return statements_.Load(); }

  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string describe() const override { return "sqlite:" + path_; }

  Status BackupTo(const std::string& file) override {
    if (std::filesystem::exists(file)) return Status::Conflict("backup.file_exists").WithParam(file);
    auto lease = pool_.Acquire();
    if (!lease.ok()) return lease.status();
    SqliteConnection& conn = **lease;
    auto stmt = conn.Prepare("VACUUM INTO ?");
    if (!stmt.ok()) return stmt.status();
    sqlite3_bind_text(*stmt, 1, file.c_str(), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(*stmt);
    sqlite3_reset(*stmt);
    sqlite3_clear_bindings(*stmt);
    if (rc != SQLITE_DONE) return conn.Error(rc, "backup");
    return Status::Ok();
  }

  Result<std::unique_ptr<SqliteConnection>> Connect() {
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
      sqlite3_close_v2(db);
      return Status::Unavailable("error.unavailable").WithDetail("cannot open sqlite:" + path_ + ": " + msg);
    }
    auto conn = std::make_unique<SqliteConnection>(db, statement_capacity_, statements_);
    sqlite3_busy_timeout(db, 5000);
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-32000"}) {
      Status s = conn->Exec(pragma);
      if (!s.ok()) {
        return Status::Unavailable("error.unavailable")
            .WithDetail("cannot open sqlite:" + path_ + ": " + s.detail() + s.message());
      }
    }
    return conn;
  }

 protected:
  Status RunOnce(TxMode mode, const std::function<Status(Transaction&)>& fn) override {
    // SQLite has one writer at a time. Writers of this process queue on a mutex, which hands
    // over at once; without it they would meet in SQLite's busy handler, which sleeps for
    // milliseconds while the lock is held for a fraction of one. (Other processes still meet
    // the busy timeout.) All writes use one connection, whose page cache therefore stays valid
    // from one write to the next; reads use the pool.
    if (mode == TxMode::kWrite && group_) return group_->Run(fn);
    if (mode == TxMode::kWrite) {
      std::lock_guard writer(write_mutex_);
      if (!writer_) {
        auto opened = Connect();
        if (!opened.ok()) return opened.status();
        writer_ = std::move(opened).value();
      }
      return RunOn(*writer_, mode, fn);
    }
    auto lease = pool_.Acquire();
    if (!lease.ok()) return lease.status();
    return RunOn(**lease, mode, fn);
  }

 private:
  Status RunOn(SqliteConnection& conn, TxMode mode, const std::function<Status(Transaction&)>& fn) {
    Status s = conn.ExecCached(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!s.ok()) return s;
    SqliteTransaction tx(conn);
    Status result;
    try {
      result = fn(tx);
    } catch (...) {
      // Never leave the connection inside the transaction (the writer would refuse every later BEGIN).
      if (!sqlite3_get_autocommit(conn.db())) conn.ExecCached("ROLLBACK").IgnoreError();
      throw;
    }
    if (!result.ok()) {
      if (!sqlite3_get_autocommit(conn.db())) conn.ExecCached("ROLLBACK").IgnoreError();
      return result;
    }
    Status commit = conn.ExecCached("COMMIT");
    if (!commit.ok() && !sqlite3_get_autocommit(conn.db())) conn.ExecCached("ROLLBACK").IgnoreError();
    return commit;
  }

  std::string path_;
  size_t statement_capacity_;
  StatementCounters statements_;  // before the connections: they count here
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;  // guarded by write_mutex_
  std::unique_ptr<GroupCommitter> group_;     // null when group commit is off
  ConnectionPool<SqliteConnection> pool_;
};

}  // namespace

std::optional<GroupCommitStats> GroupCommitStatsOf(const Database& db) {
  const auto* sqlite = dynamic_cast<const SqliteDatabase*>(&db);
  if (sqlite == nullptr || sqlite->group_committer() == nullptr) return std::nullopt;
  return sqlite->group_committer()->stats();
}

std::optional<StatementCacheStats> SqliteStatementStats(const Database& db) {
  const auto* sqlite = dynamic_cast<const SqliteDatabase*>(&db);
  if (sqlite == nullptr) return std::nullopt;
  return sqlite->statement_stats();
}

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size,
                                             const GroupCommitOptions& group_commit, size_t statement_capacity) {
  if (path.empty() || path == ":memory:") {
    return Status::Invalid("db", "sqlite needs a file path (sqlite:PATH)");
  }
  // SQLite's allocation statistics take one process-wide mutex on every allocation of every
  // connection, so the pool's readers would queue on it; nothing here reads the statistics.
  // (Only possible before SQLite initializes; later calls are refused and change nothing.)
  static std::once_flag no_memstatus;
  std::call_once(no_memstatus, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto db = std::make_unique<SqliteDatabase>(path, std::max(1, pool_size), group_commit, statement_capacity);
  // Open one connection now so that a bad path fails at start-up, not at the first request.
  auto probe = db->Read([](Transaction& tx) -> Status { return tx.Query("SELECT 1").status(); });
  if (!probe.ok()) return probe;
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace tianshan::storage
