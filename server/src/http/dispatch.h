#pragma once
// Where the pipeline runs a route's handler (http/http_app.h). By default a handler may touch
// the database and runs on the bounded worker pool; a route marked here runs on the I/O thread
// instead — wholly (RunInline: it never blocks), or as far as an answer from memory goes
// (AnswerFromCache: a cache hit is answered on the I/O thread, a miss goes on to the pool).
//
// The marks travel inside Route::handler (the stored callable becomes a DispatchingHandler that
// still calls the original handler), so a route is marked right after it is added, before the
// server starts:
//
//   http::AnswerFromCache(router.Get("/api/v1/organizations/{id}/stats", ...),
//                         [&](HttpRequest& req) { return http::CachedJson(req, ...); });

#include <functional>
#include <optional>
#include <string>

#include "http/router.h"

namespace tianshan::http {

// An answer from memory, or nullopt to send the request on to the handler on the worker pool.
// Runs on an I/O thread after the session and CSRF checks: it must never block or touch the
// database.
using CachedAnswer = std::function<std::optional<HttpResponse>(HttpRequest&)>;

struct DispatchingHandler {
  AsyncHandler handler;
  bool run_inline = false;
  CachedAnswer from_cache;
  void operator()(HttpRequest& req, Reply reply) const { handler(req, std::move(reply)); }
};

// The route's handler never blocks: run it on the I/O thread. Returns `route`.
Route& RunInline(Route& route);
// Try `answer` on the I/O thread before queuing the request for the handler. Returns `route`.
Route& AnswerFromCache(Route& route, CachedAnswer answer);
// The marks of `route`, or nullptr when it has none (the worker pool runs it).
const DispatchingHandler* DispatchOf(const Route& route);

// A CachedAnswer body for a route with an "{id}" path parameter answering JSON: `lookup(id)`
// answers from memory (nullopt on a miss); a failure becomes the problem. A malformed id is
// left to the handler to report.
std::optional<HttpResponse> CachedJson(const HttpRequest& req,
                                       const std::function<std::optional<Result<std::string>>(int64_t)>& lookup);

}  // namespace tianshan::http
