#include "http/search_header.h"

#include <algorithm>
#include <cctype>

#include "core/json.h"
#include "http/url.h"

namespace tianshan::http {

std::optional<std::string> SearchHeader(const HttpRequest& req, QueryReader& query, const char* field,
                                        std::string_view header, size_t max_chars) {
  if (req.Query(field)) {
    query.AddError(field, "query.search_not_in_url", std::string(header));
    return std::nullopt;
  }
  std::string lower(header);  // HttpRequest keeps header names in lower case
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto decoded = PercentDecode(req.Header(lower), /*plus_is_space=*/false);
  if (!decoded) {
    query.AddError(field, "query.bad_search_header", std::string(header));
    return std::nullopt;
  }
  const size_t b = decoded->find_first_not_of(" \t\r\n"), e = decoded->find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return std::nullopt;
  std::string term = decoded->substr(b, e - b + 1);
  if (Utf8Length(term) > max_chars) {
    query.AddError(field, "field.too_long", std::to_string(max_chars));
    return std::nullopt;
  }
  return term;
}

}  // namespace tianshan::http
