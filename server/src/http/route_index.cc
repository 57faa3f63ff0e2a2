#include "http/route_index.h"

namespace tianshan::http {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

struct RouteIndex::Best {
  RouteMatch match;
  int literals = -1;
  size_t order = 0;
};

RouteIndex::RouteIndex(const Router& router) {
  const auto& routes = router.routes();
  for (size_t order = 0; order < routes.size(); ++order) {
    Node* node = &root_;
    for (const auto& segment : routes[order]->segments) {
      std::unique_ptr<Node>& next = IsParamSegment(segment) ? node->param : node->literals[segment];
      if (!next) next = std::make_unique<Node>();
      node = next.get();
    }
    node->ends.emplace_back(order, routes[order].get());
  }
}

void RouteIndex::Walk(const Node& node, const std::vector<std::string_view>& parts, size_t depth, int literals,
                      std::string_view method, Best& best) const {
  if (depth == parts.size()) {
    for (const auto& [order, route] : node.ends) {
      best.match.path_known = true;
      if (route->method != method && !(method == "HEAD" && route->method == "GET")) continue;
      if (literals > best.literals || (literals == best.literals && order < best.order)) {
        best.literals = literals;
        best.order = order;
        best.match.route = route;
      }
    }
    return;
  }
  if (auto it = node.literals.find(parts[depth]); it != node.literals.end()) {
    Walk(*it->second, parts, depth + 1, literals + 1, method, best);
  }
  if (node.param) Walk(*node.param, parts, depth + 1, literals, method, best);
}

RouteMatch RouteIndex::Match(std::string_view method, std::string_view path) const {
  const auto parts = SplitPath(path);
  Best best;
  Walk(root_, parts, 0, 0, method, best);
  if (best.match.route != nullptr) {
    const auto& segments = best.match.route->segments;
    for (size_t i = 0; i < parts.size(); ++i) {
      if (IsParamSegment(segments[i])) {
        best.match.params.emplace_back(segments[i].substr(1, segments[i].size() - 2), std::string(parts[i]));
      }
    }
  }
  return std::move(best.match);
}

}  // namespace tianshan::http
