#pragma once
// Substring search over organization names and short names, through an index rather than a
// scan: SQLite FTS5 with the trigram tokenizer, PostgreSQL pg_trgm GIN indexes (see
// migrations/0002_search.*.sql). A query of fewer than 3 characters has no trigram; it falls
// back to a prefix match on name or short_name (a range scan on their B-tree indexes), so
// "天山" finds "天山街道团工委" but not "克拉玛依市天山…".
//
// Results are restricted to the subtrees in `scope_paths` and ordered by id; next_cursor is
// the last id of the page. On SQLite a prefix search first scans the next `prefix_window` ids in
// order (cheap when the prefix is common) and uses the name indexes only when that window does
// not fill a page (then the prefix is rare). A very common trigram in a very large scope reads many index
// entries before the scope filter: callers bound `limit`.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/organizations/organization_repository.h"
#include "storage/database.h"

namespace tianshan::organizations {

inline constexpr size_t kMaxQueryChars = 50;
inline constexpr size_t kTrigramChars = 3;

struct SearchRequest {
  std::string q;                         // trimmed, 1..kMaxQueryChars characters
  std::vector<std::string> scope_paths;  // non-empty
  ListFilter filter;
  std::optional<int64_t> after_id;
  int limit = 50;
  // SQLite prefix searches first look at this many ids after the cursor, in id order (see
  // SearchOrganizationIndex); tests make it small.
  int prefix_window = 4096;
};

Result<OrganizationPage> SearchOrganizationIndex(storage::Transaction& tx, const SearchRequest& request);

// Removes empty and nested paths ("/1/7/" is dropped when "/1/" is present).
std::vector<std::string> OutermostPaths(std::vector<std::string> paths);

}  // namespace tianshan::organizations
