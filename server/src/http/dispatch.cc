#include "http/dispatch.h"

#include "http/edge.h"

namespace tianshan::http {
namespace {

DispatchingHandler& Marks(Route& route) {
  if (auto* existing = route.handler.target<DispatchingHandler>()) return *existing;
  route.handler = DispatchingHandler{std::move(route.handler), false, nullptr};
  return *route.handler.target<DispatchingHandler>();
}

}  // namespace

Route& RunInline(Route& route) {
  Marks(route).run_inline = true;
  return route;
}

Route& AnswerFromCache(Route& route, CachedAnswer answer) {
  Marks(route).from_cache = std::move(answer);
  return route;
}

const DispatchingHandler* DispatchOf(const Route& route) { return route.handler.target<DispatchingHandler>(); }

std::optional<HttpResponse> CachedJson(const HttpRequest& req,
                                       const std::function<std::optional<Result<std::string>>(int64_t)>& lookup) {
  auto id = req.PathId("id");
  if (!id.ok()) return std::nullopt;
  auto answer = lookup(*id);
  if (!answer) return std::nullopt;
  if (!answer->ok()) return Problem(req, answer->status());
  return Json(std::move(**answer));
}

}  // namespace tianshan::http
