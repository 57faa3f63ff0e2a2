#include "http/router.h"

#include "http/route_index.h"

namespace tianshan::http {

Route& Router::Add(std::string method, std::string pattern, Access access, Handler handler, bool csrf_exempt) {
  return AddAsync(
      std::move(method), std::move(pattern), access,
      [h = std::move(handler)](HttpRequest& req, Reply reply) { reply(h(req)); }, csrf_exempt);
}

namespace {

Handler FromEndpoint(Endpoint endpoint) {
  return [e = std::move(endpoint)](HttpRequest& req) -> HttpResponse {
    Result<HttpResponse> r = e(req);
    if (!r.ok()) return ProblemResponse(r.status(), req.lang, req.path);
    return std::move(*r);
  };
}

}  // namespace

Route& Router::Get(std::string pattern, Access access, Endpoint endpoint) {
  return Add("GET", std::move(pattern), access, FromEndpoint(std::move(endpoint)));
}
Route& Router::Post(std::string pattern, Access access, Endpoint endpoint) {
  return Add("POST", std::move(pattern), access, FromEndpoint(std::move(endpoint)));
}
Route& Router::Patch(std::string pattern, Access access, Endpoint endpoint) {
  return Add("PATCH", std::move(pattern), access, FromEndpoint(std::move(endpoint)));
}
Route& Router::Put(std::string pattern, Access access, Endpoint endpoint) {
  return Add("PUT", std::move(pattern), access, FromEndpoint(std::move(endpoint)));
}
Route& Router::Delete(std::string pattern, Access access, Endpoint endpoint) {
  return Add("DELETE", std::move(pattern), access, FromEndpoint(std::move(endpoint)));
}

Route& Router::AddAsync(std::string method, std::string pattern, Access access, AsyncHandler handler,
                        bool csrf_exempt) {
  auto route = std::make_unique<Route>();
  route->method = std::move(method);
  route->pattern = std::move(pattern);
  route->access = access;
  route->csrf_exempt = csrf_exempt;
  route->handler = std::move(handler);
  for (auto s : SplitPath(route->pattern)) route->segments.emplace_back(s);
  routes_.push_back(std::move(route));
  return *routes_.back();
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  // Among matching routes the one with the most literal segments wins, so that
  // "/organizations/search" is not taken for "/organizations/{id}". Parameters are copied
  // only for the winner.
  RouteMatch match;
  int best_literals = -1;
  auto parts = SplitPath(path);
  for (const auto& route : routes_) {
    if (route->segments.size() != parts.size()) continue;
    bool ok = true;
    int literals = 0;
    for (size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& seg = route->segments[i];
      if (IsParamSegment(seg)) continue;
      ok = seg == parts[i];
      ++literals;
    }
    if (!ok) continue;
    match.path_known = true;
    if ((route->method == method || (method == "HEAD" && route->method == "GET")) && literals > best_literals) {
      best_literals = literals;
      match.route = route.get();
    }
  }
  if (match.route != nullptr) {
    const auto& segments = match.route->segments;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (IsParamSegment(segments[i]))
        match.params.emplace_back(segments[i].substr(1, segments[i].size() - 2), std::string(parts[i]));
    }
  }
  return match;
}

}  // namespace tianshan::http
