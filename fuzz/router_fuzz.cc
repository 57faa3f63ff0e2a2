// libFuzzer target for the router: http/router.h Match over every route of the OpenAPI
// documents (build-fuzz/gen/routes.inc, written by fuzz/build.sh from server/src/**/openapi.json),
// with the path percent-decoded first as the server does (http/url.h). The input is a method
// byte and a path. Contract: a match has the request's method (HEAD finds GET), as many segments
// as the path, its literal segments equal to the path's, each parameter the path's segment in
// its place; no route with more literal segments matches as well; when no route matches but
// `path_known`, some route of another method matches the path, and when not, none does.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "http/router.h"
#include "http/url.h"

using namespace tianshan;
using namespace tianshan::http;

namespace {
constexpr const char* kTarget = "router_fuzz";

const std::vector<std::pair<const char*, const char*>> kRoutes = {
#include "routes.inc"
};

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < path.size();) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool IsParam(std::string_view s) { return s.size() > 2 && s.front() == '{' && s.back() == '}'; }

// -1 when `route` does not match `parts`, else its number of literal segments.
int Literals(const Route& route, const std::vector<std::string_view>& parts) {
  if (route.segments.size() != parts.size()) return -1;
  int n = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (IsParam(route.segments[i])) continue;
    if (route.segments[i] != parts[i]) return -1;
    ++n;
  }
  return n;
}

const Router& TheRouter() {
  static const Router* router = [] {
    auto* r = new Router();
    for (const auto& [method, pattern] : kRoutes) {
      r->Add(method, pattern, Access::kPublic, [](HttpRequest&) { return HttpResponse::NoContent(); });
    }
    return r;
  }();
  return *router;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* kMethods[] = {"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS", "get"};
  std::string method = kMethods[data[0] % 8];
  std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);
  // The path from the second byte on: the API prefix is added unless the input starts with '/'.
  std::string wire = raw.empty() || raw[0] != '/' ? "/api/v1/" + std::string(raw) : std::string(raw);
  auto path = PercentDecode(wire, false);
  if (!path) return 0;
  const Router& router = TheRouter();
  RouteMatch m = router.Match(method, *path);
  auto parts = Segments(*path);

  int best_same_method = -1;
  bool any = false;
  for (const auto& route : router.routes()) {
    int n = Literals(*route, parts);
    if (n < 0) continue;
    any = true;
    if (route->method == method || (method == "HEAD" && route->method == "GET")) {
      best_same_method = std::max(best_same_method, n);
    }
  }
  FUZZ_CHECK(kTarget, m.path_known == any, *path);
  if (m.route == nullptr) {
    FUZZ_CHECK(kTarget, best_same_method < 0, *path);
    FUZZ_CHECK(kTarget, m.params.empty(), *path);
    return 0;
  }
  const Route& r = *m.route;
  FUZZ_CHECK(kTarget, r.method == method || (method == "HEAD" && r.method == "GET"), *path);
  FUZZ_CHECK(kTarget, Literals(r, parts) == best_same_method, *path);
  size_t p = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!IsParam(r.segments[i])) continue;
    FUZZ_CHECK(kTarget, p < m.params.size(), *path);
    FUZZ_CHECK(kTarget, m.params[p].first == r.segments[i].substr(1, r.segments[i].size() - 2), *path);
    FUZZ_CHECK(kTarget, m.params[p].second == parts[i], *path);
    ++p;
  }
  FUZZ_CHECK(kTarget, p == m.params.size(), *path);
  // The path rebuilt from the pattern and the parameters matches the same route.
  std::string rebuilt;
  p = 0;
  for (const auto& seg : r.segments) rebuilt += "/" + (IsParam(seg) ? m.params[p++].second : seg);
  FUZZ_CHECK(kTarget, router.Match(method, rebuilt).route == &r, rebuilt);
  return 0;
}
