#pragma once
// Search terms that must not travel in a URL. A term that may be a person's name, identity
// number or phone number is sent in a request header, percent-encoded UTF-8, never in the query
// string: access logs, browser history and proxies keep URLs (ASVS 8.3.1, 13.1.3). The rule
// lives here once, for every route taking such a term (the people list, a cadre's contacts, the
// audit log's actor).
//
//   http::QueryReader query(req);
//   in.q = http::SearchHeader(req, query, "q", http::kSearchQueryHeader, 50);
//   TS_RETURN_IF_ERROR(query.Finish());
//
// Every error is recorded on the QueryReader under the field name the term used to have in the
// query string, so one 422 still lists every bad field:
//   ?<field>=…            refused, not ignored (an old client would otherwise get the whole
//                         unsearched list): "query.search_not_in_url", naming the header;
//   bad percent-encoding, not UTF-8, a NUL: "query.bad_search_header", naming the header;
//   over max_chars characters after trimming: "field.too_long".
// The problem never repeats the term.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "http/edge.h"

namespace tianshan::http {

// The header of a list's free-text search term (the field q).
inline constexpr std::string_view kSearchQueryHeader = "X-Search-Query";
// The header of the audit log's "who" (the field actor: a login or a phone number).
inline constexpr std::string_view kSearchActorHeader = "X-Search-Actor";

// The term from `header` (any case), trimmed; nullopt when absent, blank or bad (errors on
// `query` under `field`, as above). `+` is a plus, not a space: encodeURIComponent's encoding.
std::optional<std::string> SearchHeader(const HttpRequest& req, QueryReader& query, const char* field,
                                        std::string_view header, size_t max_chars);

}  // namespace tianshan::http
