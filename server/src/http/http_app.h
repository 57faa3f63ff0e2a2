#pragma once
// The request pipeline between the HTTP adapter and the handlers:
//   request id → language → route match (404/405) → body limits and media type → session →
//   CSRF → handler → security headers, metrics, access log.
// Non-API GET requests that match no route are served from the web app (StaticFiles).
// Handle() is thread-safe; `reply` is called exactly once, possibly on another thread.
//
// Threads: Handle() runs on an I/O thread, which only parses, routes and writes. Everything up
// to the session runs there; a session found in the session cache, a route's `from_cache`
// answer, routes marked RunInline (http/dispatch.h) and static files are answered there too. Everything else
// (a session read from the database, every handler that may touch it) runs on the bounded
// worker pool; when its queue is full the answer is 503 with Retry-After, at once.

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/abuse_limits.h"
#include "http/metrics.h"
#include "http/route_index.h"
#include "http/router.h"
#include "http/static_files.h"
#include "http/worker_pool.h"

namespace tianshan::http {

// Resolves the session cookie's token to an actor; nullopt when no such live session.
using SessionResolver = std::function<Result<std::optional<auth::Actor>>(std::string_view token)>;
// The same from memory only: nullopt when the database must be asked (a cache miss, or a
// last-seen refresh that is due); otherwise the actor or none. Never blocks.
using CachedSessionResolver = std::function<std::optional<std::optional<auth::Actor>>(std::string_view token)>;

struct HttpAppOptions {
  size_t max_body_bytes = 1 << 20;
  std::string session_cookie = "tianshan_session";
  // The worker pool: threads (the database connection pool's size) and how many requests may
  // wait for one (beyond that, 503).
  size_t workers = 8;
  size_t worker_queue = 256;
  // Safe requests (GET, HEAD, OPTIONS) run on a pool of their own of this many threads (its queue as long as
  // the workers'), 0: on the workers. On SQLite, where the workers are many for group commit,
  // reads then never outnumber the read connections (app/app.cc DefaultReaders).
  size_t readers = 0;
  // Retry-After of the 503 answered when the queue is full, in seconds.
  int retry_after_seconds = 1;
  // Token buckets per client address and per account on state-changing requests (429), and
  // the proxies whose X-Forwarded-For names the client (http/abuse_limits.h).
  RateLimitOptions rate_limits;
  TrustedProxies trusted_proxies;
};

class HttpApp {
 public:
  // `router`'s routes are indexed now (http/route_index.h): add every route before.
  HttpApp(const Router& router, Metrics& metrics, const StaticFiles& static_files, SessionResolver resolver,
          HttpAppOptions options, CachedSessionResolver cached_resolver = nullptr);
  ~HttpApp();

  void Handle(std::shared_ptr<HttpRequest> request, Reply reply) const;
  const HttpAppOptions& options() const { return options_; }
  // Finishes the requests already on the worker pools and stops them; later requests that need
  // one are answered 503. Call after the server has stopped accepting requests.
  void StopWorkers();
  const WorkerPool& workers() const { return *workers_; }
  // The pool of safe requests; null when they run on the workers (options.readers 0).
  const WorkerPool* readers() const { return readers_.get(); }
  const RateLimiter& rate_limiter() const { return *limiter_; }

 private:
  void Finish(const HttpRequest& req, HttpResponse& resp, double seconds) const;
  // Once the actor is known: the session the route needs and the CSRF token (Ok or the refusal).
  Status Admit(const HttpRequest& req, const Route& route) const;
  // A 429 when the request is state-changing and its account's bucket is empty.
  std::optional<HttpResponse> LimitAccount(const HttpRequest& req) const;
  // The handler of an admitted request.
  void Run(HttpRequest& req, const Route& route, const Reply& done) const;

  const RouteIndex routes_;  // of the router, as it is when the app is built
  Metrics& metrics_;
  const StaticFiles& static_files_;
  SessionResolver resolver_;
  CachedSessionResolver cached_resolver_;
  HttpAppOptions options_;
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<WorkerPool> readers_;
  std::unique_ptr<RateLimiter> limiter_;
};

}  // namespace tianshan::http
