#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>

#include "storage/backup.h"
#include "storage/connection_pool.h"
#include "storage/instance_events.h"
#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_events.h"
#include "storage/read_replica.h"

namespace tianshan::storage {
namespace {

using pg_driver::PgConnection;
using pg_driver::PgTransaction;

void IgnoreNotice(void*, const char*) {}

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, int pool_size, size_t statement_capacity, bool unnamed_statements)
      : url_(std::move(url)),
        statement_capacity_(statement_capacity),
        unnamed_statements_(unnamed_statements),
        pool_(static_cast<size_t>(pool_size), [this] { return Connect(); }) {}
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
    auto conn = std::make_unique<PgConnection>(raw, statement_capacity_, unnamed_statements_, statements_);
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
    return RunOn(*lease, pool_, mode, fn);
  }

  // A write of this process committed: the other instances advance their generation too. The
  // empty transactions of AdvanceGeneration() are theirs, not a write to announce.
  void WriteCommitted() override {
    if (events_ && !t_generation_only) events_->NoteWrite();
  }

  // One attempt on a connection of `pool`: begin, fn, commit or rollback.
  Status RunOn(ConnectionPool<PgConnection>::Lease& lease, ConnectionPool<PgConnection>& pool, TxMode mode,
               const std::function<Status(Transaction&)>& fn) {
    PgConnection& conn = *lease;
    if (Status settled = conn.Settle(); !settled.ok()) {
      // What the connection owed from its last use failed: it is not trusted again.
      Lost(lease, pool);
      return Status::Retry("connection unusable: " + settled.message());
    }
    conn.Begin(mode);
    PgTransaction tx(conn);
    Status result = fn(tx);
    if (!result.ok()) {
      if (conn.broken()) {
        Lost(lease, pool);
      } else {
        conn.Rollback();
      }
      return result;
    }
    if (mode == TxMode::kRead) {
      // Everything read is in hand; the COMMIT's answer is read before the next use.
      conn.CommitInBackground();
      if (conn.broken()) Lost(lease, pool);
      return Status::Ok();
    }
    Status commit = conn.Commit();
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
  StatementCacheStats statement_stats() const { return statements_.Load(); }
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
  size_t statement_capacity_;
  bool unnamed_statements_;
  StatementCounters statements_;  // before the pools: their connections count here
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

std::optional<StatementCacheStats> PostgresStatementStats(const Database& db) {
  const auto* pg = dynamic_cast<const PostgresDatabase*>(&db);
  if (pg == nullptr) return std::nullopt;
  return pg->statement_stats();
}

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, int pool_size, size_t statement_capacity,
                                               bool unnamed_statements) {
  auto db = std::make_unique<PostgresDatabase>(url, std::max(1, pool_size), statement_capacity, unnamed_statements);
  auto probe = db->Read([](Transaction& tx) -> Status { return tx.Query("SELECT 1").status(); });
  if (!probe.ok()) return probe;
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace tianshan::storage
