#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include "storage/backup.h"
#include "storage/connection_pool.h"
#include "storage/instance_events.h"
#include "storage/postgres/pg_events.h"
#include "storage/read_replica.h"
#include "storage/sql_text.h"

namespace tianshan::storage {
namespace {

// Type OIDs from pg_type.h.
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kFloat4Oid = 700, kFloat8Oid = 701,
              kNumericOid = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

// TIANSHAN_PG_UNNAMED_STATEMENTS=1 sends every query as an unnamed statement (PQexecParams: parse,
// plan and run in one round trip) instead of a named statement prepared once per connection.
// A transaction-pooling pgbouncer (1.18, Debian 12) hands each transaction another server
// connection, where a named statement does not exist; bench/pgbouncer.sh sets it (ADR 0009).
// Read when a transaction begins.
bool UnnamedStatements() {
  const char* v = std::getenv("TIANSHAN_PG_UNNAMED_STATEMENTS");
  return v != nullptr && std::string_view(v) == "1";
}

class PgConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() { PQfinish(conn_); }
  PGconn* conn() const { return conn_; }
  // The connection is unusable: libpq saw it close, or the server ended the session (class 08
  // connection exceptions, 57P01-57P03 shutdown or restart).
  bool broken() const { return lost_ || PQstatus(conn_) != CONNECTION_OK; }

  // Returns the name of the prepared statement for `sql`, preparing it on first use.
  Result<std::string> Prepare(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return it->second;
    std::string name = "ts" + std::to_string(cache_.size() + 1);
    std::string numbered = NumberPlaceholders(sql);
    PgResult res(PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return Error(res.get(), "prepare");
    cache_.emplace(std::string(sql), name);
    return name;
  }
  // The text of `sql` with $1, $2… placeholders, numbered once per connection (unnamed statements).
  const std::string& Numbered(std::string_view sql) {
    auto it = numbered_.find(std::string(sql));
    if (it == numbered_.end()) it = numbered_.emplace(std::string(sql), NumberPlaceholders(sql)).first;
    return it->second;
  }

  Status Error(const PGresult* res, std::string_view what) const {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = std::string(what) + ": " + PQerrorMessage(conn_);
    std::string code = state ? state : "";
    if (code.rfind("08", 0) == 0 || code == "57P01" || code == "57P02" || code == "57P03") lost_ = true;
    if (broken()) return Status::Retry("connection lost: " + msg);
    if (code == "40001" || code == "40P01" || code == "55P03") return Status::Retry(msg);
    if (code.rfind("23", 0) == 0) return Status::Conflict("error.conflict").WithDetail(code + " " + msg);
    return Status::Internal("error.internal").WithDetail(code + " " + msg);
  }

  Status Exec(const char* sql) {
    PgResult res(PQexec(conn_, sql));
    auto st = PQresultStatus(res.get());
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Status::Ok();
    return Error(res.get(), "exec");
  }

 private:
  PGconn* conn_;
  mutable bool lost_ = false;
  std::unordered_map<std::string, std::string> cache_;
  std::unordered_map<std::string, std::string> numbered_;
};

class PgTransaction final : public Transaction {
 public:
  explicit PgTransaction(PgConnection& conn) : conn_(conn), unnamed_(UnnamedStatements()) {}
  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<Rows> Query(std::string_view sql, std::span<const Param> params) override {
    auto res = Run(sql, params);
    if (!res.ok()) return res.status();
    PGresult* r = res->get();
    Rows out;
    int nrows = PQntuples(r), ncols = PQnfields(r);
    out.rows.reserve(static_cast<size_t>(nrows));
    auto list = std::make_shared<std::vector<std::string>>();
    list->reserve(static_cast<size_t>(ncols));
    for (int c = 0; c < ncols; ++c) list->emplace_back(PQfname(r, c));
    ColumnNames names = std::move(list);
    for (int i = 0; i < nrows; ++i) {
      std::vector<Value> values;
      values.reserve(static_cast<size_t>(ncols));
      for (int c = 0; c < ncols; ++c) {
        if (PQgetisnull(r, i, c)) {
          values.emplace_back(std::monostate{});
          continue;
        }
        const char* text = PQgetvalue(r, i, c);
        int len = PQgetlength(r, i, c);
        switch (PQftype(r, c)) {
          case kInt8Oid:
          case kInt4Oid:
          case kInt2Oid: {
            int64_t v = 0;
            std::from_chars(text, text + len, v);
            values.emplace_back(v);
            break;
          }
          case kBoolOid:
            values.emplace_back(static_cast<int64_t>(text[0] == 't'));
            break;
          case kFloat4Oid:
          case kFloat8Oid:
          case kNumericOid:
            values.emplace_back(std::strtod(text, nullptr));
            break;
          default:
            values.emplace_back(std::string(text, static_cast<size_t>(len)));
        }
      }
      out.rows.emplace_back(std::move(values), names);
    }
    return out;
  }

  Result<int64_t> Execute(std::string_view sql, std::span<const Param> params) override {
    auto res = Run(sql, params);
    if (!res.ok()) return res.status();
    const char* n = PQcmdTuples(res->get());
    int64_t count = 0;
    if (n && *n) std::from_chars(n, n + std::strlen(n), count);
    return count;
  }

  Status ExecuteScript(std::string_view sql) override { return conn_.Exec(std::string(sql).c_str()); }
  void* native_handle() override { return conn_.conn(); }

 private:
  Result<PgResult> Run(std::string_view sql, std::span<const Param> params) {
    std::string name;
    if (!unnamed_) {
      auto prepared = conn_.Prepare(sql);
      if (!prepared.ok()) return prepared.status();
      name = std::move(*prepared);
    }
    std::vector<std::string> owned(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<V, int64_t>) {
              owned[i] = std::to_string(v);
              values[i] = owned[i].c_str();
            } else if constexpr (std::is_same_v<V, double>) {
              char buf[64];
              auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
              owned[i].assign(buf, end);
              values[i] = owned[i].c_str();
            } else {
              owned[i].assign(v.data(), v.size());
              values[i] = owned[i].c_str();
            }
            lengths[i] = static_cast<int>(owned[i].size());
          },
          params[i].value());
    }
    const int count = static_cast<int>(params.size());
    PgResult res(name.empty()
                     ? PQexecParams(conn_.conn(), conn_.Numbered(sql).c_str(), count, nullptr, values.data(),
                                    lengths.data(), nullptr, 0)
                     : PQexecPrepared(conn_.conn(), name.c_str(), count, values.data(), lengths.data(), nullptr, 0));
    auto st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return conn_.Error(res.get(), "query");
    return res;
  }

  PgConnection& conn_;
  const bool unnamed_;
};

void IgnoreNotice(void*, const char*) {}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, int pool_size)
      : url_(std::move(url)), pool_(static_cast<size_t>(pool_size), [this] { return Connect(); }) {}
  ~PostgresDatabase() override { StopEvents(); }

  // storage/instance_events.h
  Status StartEvents(std::function<void(std::string_view)> on_event) {
    if (events_) return Status::Ok();
    auto events = std::make_unique<PgEvents>(url_, [this, on_event = std::move(on_event)](std::string_view payload) {
      if (payload == PgEvents::kWrite || payload == PgEvents::kEverything) AdvanceGeneration();
      if (payload != PgEvents::kWrite && on_event) on_event(payload);
    });
    TS_RETURN_IF_ERROR(events->Start());
    events_ = std::move(events);
    return Status::Ok();
  }
  void StopEvents() {
    if (events_) events_->Stop();
    events_.reset();
  }
  void Publish(std::string payload) {
    if (events_) events_->Publish(std::move(payload));
  }

  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string describe() const override { return Describe(url_); }
  // Strip credentials: postgresql://user:pw@host/db -> postgresql://host/db
  static std::string Describe(const std::string& url) {
    auto scheme_end = url.find("://");
    auto at = url.find('@');
    if (scheme_end == std::string::npos || at == std::string::npos) return url;
    return url.substr(0, scheme_end + 3) + url.substr(at + 1);
  }

  Status BackupTo(const std::string& file) override { return PostgresBackup(*this, file); }

  Result<std::unique_ptr<PgConnection>> Connect() { return Connect(url_); }
  Result<std::unique_ptr<PgConnection>> Connect(const std::string& url) {
    PGconn* raw = PQconnectdb(url.c_str());
    auto conn = std::make_unique<PgConnection>(raw);
    if (PQstatus(raw) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(raw);
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      return Status::Unavailable("error.unavailable").WithDetail("cannot connect to " + Describe(url) + ": " + msg);
    }
    PQsetNoticeProcessor(raw, IgnoreNotice, nullptr);
    Status s = conn->Exec("SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'");
    if (!s.ok()) return s;
    return conn;
  }

 protected:
  Status RunOnce(TxMode mode, const std::function<Status(Transaction&)>& fn) override {
    if (t_generation_only) return Status::Ok();
    if (mode == TxMode::kRead && replica_ && ReadsMayLagOnThisThread()) {
      if (std::optional<Status> served = RunOnReplica(fn)) return *served;
    }
    auto lease = pool_.Acquire();
    if (!lease.ok()) return lease.status();
    Status s = RunOn(*lease, pool_, mode, fn);
    if (s.ok() && mode == TxMode::kWrite && events_) events_->NoteWrite();
    return s;
  }

  // One attempt on a connection of `pool`: begin, fn, commit or rollback.
  Status RunOn(ConnectionPool<PgConnection>::Lease& lease, ConnectionPool<PgConnection>& pool, TxMode mode,
               const std::function<Status(Transaction&)>& fn) {
    PgConnection& conn = *lease;
    Status s = conn.Exec(mode == TxMode::kWrite ? "BEGIN" : "BEGIN READ ONLY");
    if (!s.ok()) {
      if (conn.broken()) Lost(lease, pool);
      return s;
    }
    PgTransaction tx(conn);
    Status result = fn(tx);
    if (!result.ok()) {
      if (conn.broken()) {
        Lost(lease, pool);
      } else {
        conn.Exec("ROLLBACK").IgnoreError();
      }
      return result;
    }
    Status commit = conn.Exec("COMMIT");
    if (!commit.ok() && conn.broken()) {
      Lost(lease, pool);
      // The COMMIT may or may not have reached the server: running the transaction again could
      // apply it twice, so the caller gets 503 and the write is unacknowledged.
      return Status::Unavailable("error.unavailable").WithDetail("connection lost during COMMIT: " + commit.message());
    }
    return commit;
  }

  // A read that may lag, on the replica; nullopt when the replica is down (now, or it went away
  // during this read): the caller runs it on the primary, as a fallback.
  std::optional<Status> RunOnReplica(const std::function<Status(Transaction&)>& fn) {
    Replica& r = *replica_;
    const int64_t now = SteadyMillis();
    if (now < r.down_until.load(std::memory_order_relaxed)) {
      r.fallbacks.fetch_add(1, std::memory_order_relaxed);
      return std::nullopt;
    }
    auto lease = r.pool.Acquire();
    if (lease.ok()) {
      Status s = RunOn(*lease, r.pool, TxMode::kRead, fn);
      // A read that completed (well or with its own failure) on a live connection was served.
      if (!(*lease)->broken()) {
        r.up.store(true, std::memory_order_relaxed);
        r.reads.fetch_add(1, std::memory_order_relaxed);
        return s;
      }
    }
    r.up.store(false, std::memory_order_relaxed);
    r.down_until.store(now + r.options.retry_millis, std::memory_order_relaxed);
    r.fallbacks.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }

  // A connection broke (most often the server restarted): the idle ones went with it, so they
  // are closed too instead of failing one attempt each.
  static void Lost(ConnectionPool<PgConnection>::Lease& lease, ConnectionPool<PgConnection>& pool) {
    lease.Discard();
    pool.DiscardIdle();
  }

 public:
  // storage/read_replica.h
  Status AttachReplica(const ReplicaOptions& options) {
    auto replica = std::make_unique<Replica>(options, [this, url = options.url] { return Connect(url); });
    Status probed;
    {
      auto probe = replica->pool.Acquire();
      probed = probe.ok() ? (*probe)->Exec("SELECT 1") : probe.status();
    }
    replica->up.store(probed.ok());
    if (!probed.ok()) replica->down_until.store(SteadyMillis() + options.retry_millis);
    replica_ = std::move(replica);
    return probed;
  }
  ReplicaStats replica_stats() const {
    if (!replica_) return {};
    return ReplicaStats{true, replica_->up.load(), replica_->reads.load(), replica_->fallbacks.load()};
  }

 private:
  // Another instance wrote: advance write_generation() as a write of this process would, by an
  // empty write transaction that RunOnce answers without the database.
  void AdvanceGeneration() {
    t_generation_only = true;
    Run(TxMode::kWrite, [](Transaction&) { return Status::Ok(); }).IgnoreError();
    t_generation_only = false;
  }

  struct Replica {
    Replica(ReplicaOptions o, ConnectionPool<PgConnection>::Factory factory)
        : options(std::move(o)), pool(static_cast<size_t>(std::max(1, options.pool_size)), std::move(factory)) {}
    ReplicaOptions options;
    ConnectionPool<PgConnection> pool;
    std::atomic<int64_t> down_until{0};  // steady ms: until then lagging reads go to the primary
    std::atomic<bool> up{false};
    std::atomic<uint64_t> reads{0}, fallbacks{0};
  };

  static int64_t SteadyMillis() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  static thread_local bool t_generation_only;
  std::string url_;
  ConnectionPool<PgConnection> pool_;
  std::unique_ptr<PgEvents> events_;  // set before the server starts (StartEvents)
  std::unique_ptr<Replica> replica_;  // set before the server starts (AttachReplica)
};

thread_local bool PostgresDatabase::t_generation_only = false;

}  // namespace

Status StartInstanceEvents(Database& db, std::function<void(std::string_view)> on_event) {
  auto* pg = dynamic_cast<PostgresDatabase*>(&db);
  return pg == nullptr ? Status::Ok() : pg->StartEvents(std::move(on_event));
}

void StopInstanceEvents(Database& db) {
  if (auto* pg = dynamic_cast<PostgresDatabase*>(&db)) pg->StopEvents();
}

void PublishInstanceEvent(Database& db, std::string payload) {
  if (auto* pg = dynamic_cast<PostgresDatabase*>(&db)) pg->Publish(std::move(payload));
}

Status AttachReadReplica(Database& db, const ReplicaOptions& options) {
  auto* pg = dynamic_cast<PostgresDatabase*>(&db);
  if (pg == nullptr) {
    return Status::Invalid("db_replica", "error.invalid")
        .WithDetail(
            "--db-replica needs a PostgreSQL database (--db postgresql://...); SQLite serves every read itself");
  }
  if (options.url.rfind("postgresql://", 0) != 0 && options.url.rfind("postgres://", 0) != 0) {
    return Status::Invalid("db_replica", "error.invalid").WithDetail("--db-replica must be a postgresql://... URL");
  }
  return pg->AttachReplica(options);
}

ReplicaStats ReplicaStatsOf(const Database& db) {
  const auto* pg = dynamic_cast<const PostgresDatabase*>(&db);
  return pg == nullptr ? ReplicaStats{} : pg->replica_stats();
}

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size) {
  auto db = std::make_unique<PostgresDatabase>(url, std::max(1, pool_size));
  auto probe = db->Read([](Transaction& tx) -> Status { return tx.Query("SELECT 1").status(); });
  if (!probe.ok()) return probe;
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace tianshan::storage
