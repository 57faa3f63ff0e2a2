#pragma once
// Percent-decoding of paths and query strings (application/x-www-form-urlencoded rules for
// the query: '+' is a space). Malformed escapes and invalid UTF-8 are errors, not guesses.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tianshan::http {

std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space);
std::optional<std::vector<std::pair<std::string, std::string>>> ParseQueryString(std::string_view query);
std::string PercentEncode(std::string_view in);

}  // namespace tianshan::http
