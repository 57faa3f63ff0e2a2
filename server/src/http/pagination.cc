#include "http/pagination.h"

#include <charconv>

namespace tianshan::http {
namespace {
std::optional<int64_t> ParsePositive(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}
}  // namespace

Result<PageRequest> ParsePageRequest(const HttpRequest& req, int default_limit, int max_limit) {
  PageRequest page;
  page.limit = default_limit;
  if (auto limit = req.Query("limit")) {
    auto v = ParsePositive(*limit);
    if (!v || *v > max_limit) {
      return Status::Invalid("limit", "query.bad_limit", std::to_string(max_limit));
    }
    page.limit = static_cast<int>(*v);
  }
  if (auto cursor = req.Query("cursor"); cursor && !cursor->empty()) page.cursor = *cursor;
  return page;
}

Result<std::optional<int64_t>> ParseIdCursor(const std::optional<std::string>& cursor) {
  if (!cursor) return std::optional<int64_t>();
  auto v = ParsePositive(*cursor);
  if (!v) return Status::Invalid("cursor", "query.bad_cursor");
  return std::optional<int64_t>(*v);
}

Result<int64_t> RequireQueryId(const HttpRequest& req, const char* name) {
  auto raw = req.Query(name);
  if (!raw) return Status::Invalid(name, "field.required");
  auto v = ParsePositive(*raw);
  if (!v) return Status::Invalid(name, "field.must_be_integer");
  return *v;
}

}  // namespace tianshan::http
