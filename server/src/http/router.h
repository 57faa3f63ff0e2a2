#pragma once
// Routes: method + pattern ("/api/v1/organizations/{id}/children") → handler.
//
// Handlers are adapters: parse and validate, call one use case, map the result. A handler is
// either synchronous (returns the response) or asynchronous (calls `reply` exactly once, from
// any thread) for work that must not block an I/O thread, such as password hashing.
// Routes are added before the server starts; matching afterwards is read-only and thread-safe.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/http_types.h"

namespace tianshan::http {

using Reply = std::function<void(HttpResponse)>;
using Handler = std::function<HttpResponse(HttpRequest&)>;
using AsyncHandler = std::function<void(HttpRequest&, Reply)>;
// A handler written as parse → one use case → respond: a failed Result becomes the problem
// response (with `instance`, in the request's language; see http/edge.h).
using Endpoint = std::function<Result<HttpResponse>(HttpRequest&)>;

enum class Access {
  kPublic,   // no session needed
  kSession,  // 401 without a valid session
};

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::kSession;
  bool csrf_exempt = false;  // only the login itself
  // Uploads (spreadsheets): any media type, up to this many bytes; 0 means JSON bodies up to the
  // server's API limit.
  size_t upload_limit = 0;
  AsyncHandler handler;
  std::vector<std::string> segments;  // split pattern; "{x}" segments capture
};

struct RouteMatch {
  const Route* route = nullptr;
  bool path_known = false;  // some route has this path (405 rather than 404)
  std::vector<std::pair<std::string, std::string>> params;
};

class Router {
 public:
  // Both return the new route so that callers can adjust it (e.g. upload_limit).
  Route& Add(std::string method, std::string pattern, Access access, Handler handler, bool csrf_exempt = false);
  Route& AddAsync(std::string method, std::string pattern, Access access, AsyncHandler handler,
                  bool csrf_exempt = false);

  // Endpoints (the usual way to add a route).
  Route& Get(std::string pattern, Access access, Endpoint endpoint);
  Route& Post(std::string pattern, Access access, Endpoint endpoint);
  Route& Patch(std::string pattern, Access access, Endpoint endpoint);
  Route& Put(std::string pattern, Access access, Endpoint endpoint);
  Route& Delete(std::string pattern, Access access, Endpoint endpoint);

  RouteMatch Match(std::string_view method, std::string_view path) const;
  const std::vector<std::unique_ptr<Route>>& routes() const { return routes_; }

 private:
  std::vector<std::unique_ptr<Route>> routes_;
};

}  // namespace tianshan::http
