#pragma once
// Which reads may go to the read replica (ADR 0007), decided per route once, by method and
// dispatch, with no edit to any module:
//   - GET and HEAD routes answered by their handler may lag: lists, detail pages, searches,
//     exports. Their Read transactions run in a storage::LaggingReadsScope.
//   - Routes with a cached answer (http::AnswerFromCache: /stats, dashboards, public pages,
//     /health) read the primary: their caches key on the write generation, so an answer read
//     from a lagging replica would be kept as fresh until the next write, long after the lag.
//   - Every other method reads and writes the primary, as do jobs, the CLI and the session
//     lookup (which runs before the handler).
// Read-your-writes: a request that changes something (any method but GET/HEAD/OPTIONS, or a
// GET whose handler wrote) makes its session's — or, without a session, its client address's
// — reads go to the primary for `read_your_writes_millis`. The instance remembers that in
// memory and also answers a cookie (tianshan_ryw, the wall-clock millisecond until which it
// holds), so that another instance behind the same load balancer honours it too.
//
// RouteLaggingReads wraps the routes' handlers; call it once after every route is added and
// before the server starts. The returned state is shared by the wrappers (thread-safe).

#include <cstdint>
#include <memory>
#include <string>

#include "http/router.h"
#include "storage/database.h"

namespace tianshan {

struct ReadRoutingOptions {
  int64_t read_your_writes_millis = 5000;
  std::string session_cookie = "tianshan_session";
  bool secure_cookies = false;
};

void RouteLaggingReads(http::Router& router, const ReadRoutingOptions& options);

// The replica's lines for /metrics (nothing when none is attached).
std::string ReplicaMetrics(const storage::Database& db);

}  // namespace tianshan
