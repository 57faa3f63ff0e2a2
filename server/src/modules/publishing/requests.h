#pragma once
// What the publishing routes read from a request (http/edge.h: every field error at once).

#include "http/edge.h"
#include "modules/publishing/use_cases.h"

namespace tianshan::publishing {

Result<ColumnInput> ParseColumn(const http::HttpRequest& req);
// The article's fields; `revision` is required on update (the revision the editor started from).
struct ArticleRequest {
  ArticleFields fields;
  int revision = 0;
};
Result<ArticleRequest> ParseArticle(const http::HttpRequest& req, bool update);
Result<ArticleFilter> ParseArticleFilter(const http::HttpRequest& req);
// {"publish_at": "2026-12-01T08:00:00+08:00"} or {} (now).
Result<std::optional<int64_t>> ParsePublish(const http::HttpRequest& req);
// A required text field of a small body ({"note": …}, {"reason": …}, {"text": …}).
Result<std::string> ParseText(const http::HttpRequest& req, const char* name, size_t max_chars);
Result<std::optional<std::string>> ParseOptionalText(const http::HttpRequest& req, const char* name, size_t max_chars);

// RFC 3339 with a zone ("Z" or "+08:00"); nullopt when malformed or not a real time.
std::optional<int64_t> ParseRfc3339(std::string_view text);

}  // namespace tianshan::publishing
