#pragma once
// Substring search over organization names and short names, through an index rather than a
// scan: SQLite FTS5 with the trigram tokenizer, PostgreSQL pg_trgm GIN indexes (see
// migrations/0002_search.*.sql). A query of fewer than 3 characters has no trigram; it falls
// back to a prefix match on name or short_name (a range scan on their B-tree indexes), so
// "天山" finds "天山街道团工委" but not "克拉玛依市天山…".
//
// Results are restricted to the subtrees in `scope_paths` and ordered by id; next_cursor is
// the last id of the page. A prefix search, and on PostgreSQL every search, first scans the next
// `id_window` ids of the scope in order (cheap when the term is common) and uses the name indexes
// only when that window does not fill a page (then the term is rare there: its matches are read
// through the indexes and sorted by id). So no search walks more than `id_window` ids in order,
// and the sort is of a term that was rare in the window (a term rare there but common further
// on still sorts all its matches after the cursor). (PostgreSQL's planner, left to choose,
// walked 125,000 ids for "准第1252" at 200,000 organizations, estimating any term it cannot
// see in its statistics at 1 % of the rows.) SQLite's FTS5 hands trigram matches out in id order.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/organizations/organization_repository.h"
#include "storage/database.h"

namespace tianshan::organizations {

inline constexpr size_t kMaxQueryChars = 50;
inline constexpr size_t kTrigramChars = 3;
// The id windows by default. SQLite's (prefix searches only) was measured with the prefix search
// at region scale. PostgreSQL's grows with the network, as 2 √((limit + 1) × organizations),
// within these bounds (organization_search.cc says why).
inline constexpr int kSqliteIdWindow = 4096;
inline constexpr int kMinPostgresIdWindow = 1024;
inline constexpr int kMaxPostgresIdWindow = 65536;

struct SearchRequest {
  std::string q;                         // trimmed, 1..kMaxQueryChars characters
  std::vector<std::string> scope_paths;  // non-empty
  ListFilter filter;
  std::optional<int64_t> after_id;
  int limit = 50;
  // Searches first look at this many ids after the cursor, in id order (see
  // SearchOrganizationIndex); 0 is the database's default below. Tests make it small.
  int id_window = 0;
};

Result<OrganizationPage> SearchOrganizationIndex(storage::Transaction& tx, const SearchRequest& request);

// Removes empty and nested paths ("/1/7/" is dropped when "/1/" is present).
std::vector<std::string> OutermostPaths(std::vector<std::string> paths);

}  // namespace tianshan::organizations
