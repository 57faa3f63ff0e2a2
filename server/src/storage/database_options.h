#pragma once
// Opening a database with more than its URL and pool size: the settings of SQLite's group commit.
// Included by the application and the tests that choose them; everything else uses
// OpenDatabase(url, pool_size) of storage/database.h, which takes the defaults below.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "storage/database.h"
#include "storage/statement_cache.h"

namespace tianshan::storage {

// SQLite group commit (storage/sqlite/group_commit.h): write transactions that arrive while
// another is running share one SQLite transaction, each in its own SAVEPOINT, committed by one
// COMMIT. PostgreSQL ignores these settings. Defaults measured with bench/run.sh (the sign-up
// storm; see docs/adr/0008-sqlite-group-commit.md).
struct GroupCommitOptions {
  // Off: every write transaction is its own BEGIN IMMEDIATE … COMMIT (as before group commit).
  bool enabled = true;
  // Members in one shared transaction at most.
  int max_members = 64;
  // How long after BEGIN the leader keeps the shared transaction open for members that have not
  // arrived yet (0: only those already waiting, and those arriving while earlier members run).
  int64_t window_micros = 0;
  // Write transactions that may wait for the writer; beyond, the write fails at once as
  // Unavailable ("error.overloaded", 503) instead of queuing without bound.
  size_t queue_limit = 1024;
};

struct DatabaseOptions {
  int pool_size = 8;
  GroupCommitOptions group_commit;
  // Prepared statements kept per connection (storage/statement_cache.h), both databases.
  size_t statement_cache_capacity = StatementCache<int>::kDefaultCapacity;
  // PostgreSQL: every query as the unnamed statement (parsed and planned with its values, never
  // kept) instead of a named statement prepared once per connection. A transaction-pooling
  // pgbouncer (1.18, Debian 12) hands each transaction another server connection, where a named
  // statement does not exist; bench/pgbouncer.sh sets it (ADR 0009). Not a supported setting:
  // `serve --pg-unnamed-statements` is hidden from --help. SQLite ignores it.
  bool pg_unnamed_statements = false;
};

// As OpenDatabase(url, pool_size), with every setting.
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, const DatabaseOptions& options);

// Counters of a SQLite database's group commit since it was opened (for /metrics and tests).
struct GroupCommitStats {
  uint64_t groups = 0;    // shared transactions that ended (committed or rolled back)
  uint64_t members = 0;   // write transactions run inside them
  uint64_t rejected = 0;  // writes refused because the queue was full
  size_t queued = 0;      // writes waiting for the writer right now
};
// Nullopt unless `db` is SQLite with group commit on.
std::optional<GroupCommitStats> GroupCommitStatsOf(const Database& db);

// The statement caches of every connection of `db` since it was opened, summed.
StatementCacheStats StatementCacheStatsOf(const Database& db);

}  // namespace tianshan::storage
