#include "modules/people/handler_support.h"

#include <algorithm>

namespace tianshan::people {

Result<std::string> ParseStatusQuery(const http::HttpRequest& req, const std::vector<std::string>& allowed,
                                     const std::string& fallback) {
  auto raw = req.Query("status");
  if (!raw) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *raw) == allowed.end()) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return Status::Invalid("status", "field.not_one_of", list);
  }
  return *raw;
}

Result<rapidjson::Document> ParseOptionalBody(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return ParseJsonObject("{}");
  return ParseJsonObject(body);
}

void MergeErrors(ObjectReader& outer, const Status& nested) {
  for (const auto& e : nested.field_errors()) outer.AddError(e.field, e.message, e.param);
}

}  // namespace tianshan::people
