#include "app/read_routing.h"

#include <charconv>
#include <chrono>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "http/dispatch.h"
#include "http/session_cookie.h"
#include "storage/read_replica.h"

namespace tianshan {
namespace {

constexpr std::string_view kCookie = "tianshan_ryw";

int64_t SteadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
int64_t WallMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

bool IsSafe(std::string_view method) { return method == "GET" || method == "HEAD" || method == "OPTIONS"; }

// Sessions (or client addresses) that wrote recently, by a hash of their key: a collision only
// sends someone's reads to the primary, never a read of one's own write to the replica.
class RecentWriters {
 public:
  explicit RecentWriters(ReadRoutingOptions options) : options_(std::move(options)) {}

  uint64_t KeyOf(const http::HttpRequest& req) const {
    std::string_view token = http::SessionCookieValue(req, options_.session_cookie);
    if (!token.empty()) return std::hash<std::string_view>{}(token);
    return std::hash<std::string>{}("address " + req.RemoteIp());
  }

  void Note(uint64_t key) {
    const int64_t until = SteadyMillis() + options_.read_your_writes_millis;
    std::lock_guard lock(mutex_);
    if (until_.size() > 65536) Prune();
    until_[key] = until;
  }

  bool Wrote(const http::HttpRequest& req) {
    int64_t cookie_until = 0;
    std::string_view cookie = req.Cookie(kCookie);
    std::from_chars(cookie.data(), cookie.data() + cookie.size(), cookie_until);
    if (cookie_until > WallMillis()) return true;
    const uint64_t key = KeyOf(req);
    std::lock_guard lock(mutex_);
    auto it = until_.find(key);
    return it != until_.end() && it->second > SteadyMillis();
  }

  std::string CookieHeader(bool secure) const {
    const int64_t ms = options_.read_your_writes_millis;
    return std::string(kCookie) + "=" + std::to_string(WallMillis() + ms) +
           "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string((ms + 999) / 1000) +
           (secure ? "; Secure" : "");
  }

  bool secure(const http::HttpRequest& req) const {
    return options_.secure_cookies || req.Header("x-forwarded-proto") == "https";
  }

 private:
  void Prune() {
    const int64_t now = SteadyMillis();
    std::erase_if(until_, [now](const auto& kv) { return kv.second <= now; });
  }

  const ReadRoutingOptions options_;
  std::mutex mutex_;
  std::unordered_map<uint64_t, int64_t> until_;  // key → steady ms until which it reads the primary
};

http::AsyncHandler Routed(http::AsyncHandler inner, bool may_lag_route, std::shared_ptr<RecentWriters> writers) {
  return [inner = std::move(inner), may_lag_route, writers = std::move(writers)](http::HttpRequest& req,
                                                                                 http::Reply reply) {
    const bool changes = !IsSafe(req.method);
    const uint64_t key = writers->KeyOf(req);
    if (changes) {
      // Noted before the handler runs (its answer may be sent before it returns) and again as
      // the answer leaves: the window runs from the write's end, however long it took.
      writers->Note(key);
      reply = [reply = std::move(reply), writers, key, secure = writers->secure(req)](http::HttpResponse r) {
        writers->Note(key);
        // Before any other cookie: clients that keep only the last one keep the session.
        r.headers.insert(r.headers.begin(), {"Set-Cookie", writers->CookieHeader(secure)});
        reply(std::move(r));
      };
    }
    storage::LaggingReadsScope scope(may_lag_route && !changes && !writers->Wrote(req));
    inner(req, std::move(reply));
    if (!changes && scope.wrote()) writers->Note(key);
  };
}

}  // namespace

void RouteLaggingReads(http::Router& router, const ReadRoutingOptions& options) {
  auto writers = std::make_shared<RecentWriters>(options);
  for (const auto& route : router.routes()) {
    if (auto* marks = route->handler.target<http::DispatchingHandler>()) {
      if (marks->run_inline) continue;  // never touches the database
      const bool may_lag = !marks->from_cache && (route->method == "GET" || route->method == "HEAD");
      marks->handler = Routed(std::move(marks->handler), may_lag, writers);
    } else {
      const bool may_lag = route->method == "GET" || route->method == "HEAD";
      route->handler = Routed(std::move(route->handler), may_lag, writers);
    }
  }
}

std::string ReplicaMetrics(const storage::Database& db) {
  const storage::ReplicaStats s = storage::ReplicaStatsOf(db);
  if (!s.attached) return {};
  return "# HELP tianshan_db_replica_reads_total Read transactions that may lag, served by the read replica.\n"
         "# TYPE tianshan_db_replica_reads_total counter\ntianshan_db_replica_reads_total " +
         std::to_string(s.reads) +
         "\n# HELP tianshan_db_replica_fallbacks_total Reads that may lag, served by the primary because the "
         "replica was down.\n# TYPE tianshan_db_replica_fallbacks_total counter\ntianshan_db_replica_fallbacks_total " +
         std::to_string(s.fallbacks) +
         "\n# HELP tianshan_db_replica_up Whether the last use of the read replica succeeded.\n"
         "# TYPE tianshan_db_replica_up gauge\ntianshan_db_replica_up " +
         std::to_string(s.up ? 1 : 0) + "\n";
}

}  // namespace tianshan
