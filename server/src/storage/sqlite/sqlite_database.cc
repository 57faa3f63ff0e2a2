#include "storage/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "storage/connection_pool.h"

namespace tianshan::storage {
namespace {

bool IsBusy(int rc) {
  int primary = rc & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

// The status of a failed SQLite call: busy → retry; a constraint → conflict; the disk full, an
// I/O error or a read-only file (the volume remounted) → unavailable (503: the operator frees
// space, the data already written stays intact); anything else → internal.
Status StatusOf(int rc, std::string msg) {
  const int primary = rc & 0xff;
  if (IsBusy(rc)) return Status::Retry(std::move(msg));
  if (primary == SQLITE_CONSTRAINT) return Status::Conflict("error.conflict").WithDetail(std::move(msg));
  if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN) {
    return Status::Unavailable("error.unavailable").WithDetail(std::move(msg));
  }
  return Status::Internal("error.internal").WithDetail(std::move(msg));
}

class SqliteConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }
  sqlite3* db() const { return db_; }

  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Error(rc, "prepare");
    cache_.emplace(std::string(sql), stmt);
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
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
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
  Status Run(std::string_view sql, std::span<const Param> params, Rows* out) {
    auto prepared = conn_.Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    sqlite3_stmt* stmt = *prepared;
    struct Resetter {
      sqlite3_stmt* s;
      ~Resetter() {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
      }
    } resetter{stmt};
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt)) {
      return Status::Internal("error.internal")
          .WithDetail("parameter count mismatch for: " + std::string(sql.substr(0, 80)));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      int rc = std::visit(
          [&](const auto& v) -> int {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>)
              return sqlite3_bind_null(stmt, idx);
            else if constexpr (std::is_same_v<V, int64_t>)
              return sqlite3_bind_int64(stmt, idx, v);
            else if constexpr (std::is_same_v<V, double>)
              return sqlite3_bind_double(stmt, idx, v);
            else
              return sqlite3_bind_text64(stmt, idx, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
          },
          params[i].value());
      if (rc != SQLITE_OK) return conn_.Error(rc, "bind");
    }
    ColumnNames names;
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) return Status::Ok();
      if (rc != SQLITE_ROW) return conn_.Error(rc, "step");
      if (out == nullptr) continue;
      int n = sqlite3_column_count(stmt);
      if (!names) {
        auto list = std::make_shared<std::vector<std::string>>();
        list->reserve(static_cast<size_t>(n));
        for (int c = 0; c < n; ++c) {
          const char* name = sqlite3_column_name(stmt, c);
          list->emplace_back(name ? name : "");
        }
        names = std::move(list);
      }
      std::vector<Value> values;
      values.reserve(n);
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(stmt, c));
            break;
          case SQLITE_NULL:
            values.emplace_back(std::monostate{});
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            values.emplace_back(std::string(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      out->rows.emplace_back(std::move(values), names);
    }
  }

  SqliteConnection& conn_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size)
      : path_(std::move(path)), pool_(static_cast<size_t>(pool_size), [this] { return Connect(); }) {}

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
    auto conn = std::make_unique<SqliteConnection>(db);
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
    Status result = fn(tx);
    if (!result.ok()) {
      if (!sqlite3_get_autocommit(conn.db())) conn.ExecCached("ROLLBACK").IgnoreError();
      return result;
    }
    Status commit = conn.ExecCached("COMMIT");
    if (!commit.ok() && !sqlite3_get_autocommit(conn.db())) conn.ExecCached("ROLLBACK").IgnoreError();
    return commit;
  }

  std::string path_;
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;  // guarded by write_mutex_
  ConnectionPool<SqliteConnection> pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, int pool_size) {
  if (path.empty() || path == ":memory:") {
    return Status::Invalid("db", "sqlite needs a file path (sqlite:PATH)");
  }
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  auto db = std::make_unique<SqliteDatabase>(path, std::max(1, pool_size));
  // Open one connection now so that a bad path fails at start-up, not at the first request.
  auto probe = db->Read([](Transaction& tx) -> Status { return tx.Query("SELECT 1").status(); });
  if (!probe.ok()) return probe;
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace tianshan::storage
