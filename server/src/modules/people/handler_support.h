#pragma once
// Parsing helpers shared by the people handlers.

#include <optional>
#include <string>

#include "core/json.h"
#include "http/edge.h"
#include "http/http_types.h"
#include "modules/people/use_case_support.h"

namespace tianshan::people {

using http::CallerOf;
using http::Problem;

// ?status= restricted to `allowed` (default `fallback`); 422 naming the parameter.
Result<std::string> ParseStatusQuery(const http::HttpRequest& req, const std::vector<std::string>& allowed,
                                     const std::string& fallback);
// A body that may be empty ("{}" assumed) or a JSON object.
Result<rapidjson::Document> ParseOptionalBody(std::string_view body);
// Appends a nested reader's errors to the outer reader.
void MergeErrors(ObjectReader& outer, const Status& nested);

}  // namespace tianshan::people
