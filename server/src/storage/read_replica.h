#pragma once
// A streaming read replica beside the primary (PostgreSQL only; ADR 0007).
//
// After AttachReadReplica, a Read transaction run on a thread inside a LaggingReadsScope is
// served by a pool of connections to the replica; every other transaction — each Write, and a
// Read outside such a scope — runs on the primary as before. The scope is the caller's promise
// that what it reads may be a little old (the replica's replay lag): app/ opens one around the
// handlers of reads that may lag (app/read_routing.h), nothing else does.
//
// A Write run inside the scope ends it for the rest of the scope (a request that wrote reads
// its own writes), and LaggingReadsScope::wrote() tells the caller so.
//
// When the replica cannot be reached (refused, or its connection lost mid-read) the read runs
// on the primary instead and counts as a fallback; the replica is tried again after
// `retry_millis`. A replica that answers but lags (even with replay paused) is still used: the
// scope said the read may lag. Thread-safe; attach before any request runs.

#include <cstdint>
#include <string>

#include "storage/database.h"

namespace tianshan::storage {

struct ReplicaOptions {
  std::string url;              // postgresql://… of the streaming replica
  int pool_size = 8;            // connections to it (the primary pool's size is a good choice)
  int64_t retry_millis = 1000;  // after a failure, reads stay on the primary this long
};

// Invalid (field "db_replica") on SQLite, or for a URL that is not PostgreSQL's: nothing is
// attached. Otherwise the replica is attached, and the answer is its first probe: Unavailable
// when it cannot be reached now, which is not fatal (reads fall back until it answers).
[[nodiscard]] Status AttachReadReplica(Database& db, const ReplicaOptions& options);

struct ReplicaStats {
  bool attached = false;
  bool up = false;         // the last attempt to use it succeeded
  uint64_t reads = 0;      // Read transactions served by the replica
  uint64_t fallbacks = 0;  // reads that could lag but ran on the primary: the replica was down
};
ReplicaStats ReplicaStatsOf(const Database& db);

// Marks the current thread's Read transactions as ones that may lag, until destroyed (or until
// a Write on this thread). Scopes do not nest; create and destroy on one thread.
class LaggingReadsScope {
 public:
  explicit LaggingReadsScope(bool may_lag = true);
  ~LaggingReadsScope();
  LaggingReadsScope(const LaggingReadsScope&) = delete;
  LaggingReadsScope& operator=(const LaggingReadsScope&) = delete;
  // A Write transaction ran on this thread while the scope was open.
  bool wrote() const;
};

// For drivers (postgres_database.cc): whether a Read now may go to the replica, and that a
// Write is running on this thread.
bool ReadsMayLagOnThisThread();
void NoteWriteOnThisThread();

}  // namespace tianshan::storage
