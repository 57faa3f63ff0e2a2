#pragma once
// Portable SQL text helpers shared by the drivers and the migrator.

#include <string>
#include <string_view>

#include "storage/database.h"

namespace tianshan::storage {

// Rewrites `?` placeholders to $1..$n, leaving quoted strings, quoted identifiers and comments
// untouched.
std::string NumberPlaceholders(std::string_view sql);

// Expands the dialect tokens of migrations:
//   {{id}}    auto-increment bigint primary key
//   {{path}}  text compared bytewise (materialized paths; range scans must sort '/' < '0')
//   {{blob}}  binary data
std::string ExpandDialectTokens(std::string_view sql, Dialect dialect);

// Upper bound for a prefix range scan: every string starting with `prefix` is >= prefix and
// < PrefixUpperBound(prefix). `prefix` must be non-empty and not end in 0xFF.
std::string PrefixUpperBound(std::string_view prefix);

// The LIKE pattern of "contains `text`", with \, % and _ escaped: use it as
// `column LIKE ? ESCAPE '\'` (both databases), so user input never acts as a wildcard.
std::string ContainsPattern(std::string_view text);

// An SQLite FTS5 phrase query matching `text` as it is ("…", inner quotes doubled), so that
// user input never acts as FTS syntax.
std::string FtsPhrase(std::string_view text);

// Rewrites every value of `table`.`column` that starts with `old_prefix` to start with
// `new_prefix` instead (materialized paths after a subtree move). Table and column names are
// code constants, never input.
[[nodiscard]] Status RewritePathPrefix(Transaction& tx, std::string_view table, std::string_view column,
                                       const std::string& old_prefix, const std::string& new_prefix);

}  // namespace tianshan::storage
