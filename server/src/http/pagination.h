#pragma once
// ?limit= and ?cursor= parsing shared by every list endpoint (keyset pagination).

#include <optional>
#include <string>

#include "http/edge.h"  // IdCursorText
#include "http/http_types.h"

namespace tianshan::http {

struct PageRequest {
  int limit = 20;
  std::optional<std::string> cursor;
};

// limit defaults to `default_limit`, must be 1..max_limit; errors name the query field.
Result<PageRequest> ParsePageRequest(const HttpRequest& req, int default_limit = 20, int max_limit = 200);
// Parses a cursor that must be a positive integer (an id).
Result<std::optional<int64_t>> ParseIdCursor(const std::optional<std::string>& cursor);
// Parses a required positive integer query field.
Result<int64_t> RequireQueryId(const HttpRequest& req, const char* name);

}  // namespace tianshan::http
