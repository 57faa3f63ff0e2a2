#include "modules/organizations/organization_search.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>

#include "core/json.h"
#include "storage/plan_hint.h"
#include "storage/sql_text.h"

namespace tianshan::organizations {
namespace {

std::string EscapeLike(std::string_view q) {
  std::string out;
  for (char c : q) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

// True when no character of `q` has an upper- or lower-case form: ASCII other than letters, the
// middle dot of names, CJK ideographs and symbols, kana, full-width digits and punctuation. Then
// LIKE finds exactly what ILIKE would, at about two thirds of its cost per row on PostgreSQL
// (ILIKE lower-cases every name it looks at). Anything else, or broken UTF-8, counts as cased.
bool Caseless(std::string_view q) {
  for (size_t i = 0; i < q.size();) {
    const auto b = static_cast<unsigned char>(q[i]);
    size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > q.size()) return false;
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(q[i + k]) & 0x3F);
    i += n;
    const char32_t folded = c | 0x20;
    const bool caseless = (c < 0x80 && !(folded >= 'a' && folded <= 'z')) || c == 0xB7 ||
                          (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
                          (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
                          (c >= 0xFF01 && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
                          (c >= 0xFF5B && c <= 0xFF65) || (c >= 0x20000 && c <= 0x3FFFF);
    if (!caseless) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> OutermostPaths(std::vector<std::string> paths) {
  paths.erase(std::remove(paths.begin(), paths.end(), std::string()), paths.end());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (auto& p : paths) {
    if (!out.empty() && p.compare(0, out.back().size(), out.back()) == 0) continue;  // nested or equal
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// PostgreSQL's estimate of how many organizations there are (pg_class.reltuples, kept by ANALYZE
// and autovacuum), read at most once a minute per process; 0 when never analyzed.
Result<double> OrganizationsEstimate(storage::Transaction& tx) {
  static std::atomic<int64_t> cached{-1};
  static std::atomic<int64_t> read_at{0};
  const int64_t now =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count();
  if (const int64_t c = cached.load(); c >= 0 && now - read_at.load() < 60'000) return static_cast<double>(c);
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT CAST(GREATEST(reltuples, 0) AS BIGINT) AS n FROM pg_class WHERE "
                                            "oid = CAST('organizations_organizations' AS regclass)"));
  const int64_t n = row ? row->Int("n") : 0;
  cached.store(n);
  read_at.store(now);
  return static_cast<double>(n);
}

Result<int> IdWindow(storage::Transaction& tx, const SearchRequest& req) {
  if (req.id_window > 0) return req.id_window;
  if (tx.dialect() == storage::Dialect::kSqlite) return kSqliteIdWindow;
  // A window of w ids costs w rows when it fills the page; when it does not, the term has fewer
  // than (limit + 1) / w matches per id, so the index path reads and sorts about n (limit + 1) / w
  // matches. w ≈ 2 √((limit + 1) n) keeps both near the same small cost (window rows are the
  // cheaper ones); measured at national scale: bench/results/2026-12-02-national-search-windows.md.
  TS_ASSIGN_OR_RETURN(double n, OrganizationsEstimate(tx));
  const double w = 2 * std::sqrt((req.limit + 1) * n);
  return static_cast<int>(std::clamp(w, double{kMinPostgresIdWindow}, double{kMaxPostgresIdWindow}));
}

// One search query. `window`: look only at the next `id_window` ids after the cursor, in id
// order, without the name indexes. SQLite bounds the ids (the unary + keeps it off the name
// indexes); PostgreSQL reads them from a subquery in id order, so its primary key walk stops
// after `id_window` rows of the scope (or as soon as the page is full). Without `window`,
// PostgreSQL orders by `o.id + 0` so that the page comes from the name indexes and a sort of
// the matches, never from a walk of the primary key whose length depends on how rare the term is.
Result<OrganizationPage> RunSearch(storage::Transaction& tx, const SearchRequest& req, bool window, int id_window) {
  OrganizationPage page;
  // Strings bound below must outlive the query: Param keeps views.
  std::vector<std::string> held;
  held.reserve(4 + 4 * req.scope_paths.size());
  std::vector<storage::Param> params;
  const bool pg = tx.dialect() == storage::Dialect::kPostgres;
  const bool trigram = Utf8Length(req.q) >= kTrigramChars;
  const std::string plus = window && !pg ? "+" : "";
  // Without statistics SQLite takes a wide scope's path range for as selective as a name range;
  // a prefix search on SQLite is driven by the name indexes (or the id window), never the paths.
  const std::string path_plus = !pg && !trigram ? "+" : "";
  auto add_scope = [&](const std::string& alias) {
    std::string sql = "(";
    for (size_t i = 0; i < req.scope_paths.size(); ++i) {
      sql += i ? " OR " : "";
      sql += "(" + path_plus + alias + "path >= ? AND " + path_plus + alias + "path < ?)";
      params.emplace_back(req.scope_paths[i]);
      params.emplace_back(held.emplace_back(storage::PrefixUpperBound(req.scope_paths[i])));
    }
    return sql + ")";
  };
  // PostgreSQL plans every search for its values: the generic plan of the trigram search
  // intersects the name matches with the whole scope's path range (13 ms at region scale; 0.5 ms
  // planned for the values), and the generic plan of the window, not knowing the scope, gathered
  // it with parallel workers (268 ms at national scale; 0.03 ms planned for the values).
  std::string sql = std::string(pg ? storage::kPlanEachTime : "") + "SELECT " + OrganizationColumns("o.") + " FROM ";
  // The table, unless the window's subquery above stands for it.
  const std::string from_table = pg && window ? "" : "organizations_organizations o WHERE ";
  if (pg && window) {  // the scope applies inside the window
    params.emplace_back(req.after_id.value_or(0));
    const std::string scope = add_scope("w.");
    sql += "(SELECT * FROM organizations_organizations w WHERE w.id > ? AND " + scope + " ORDER BY w.id LIMIT " +
           std::to_string(id_window) + ") o WHERE ";
  }
  if (trigram && !pg) {
    sql +=
        "organizations_search s JOIN organizations_organizations o ON o.id = s.rowid "
        "WHERE organizations_search MATCH ?";
    params.emplace_back(held.emplace_back(storage::FtsPhrase(req.q)));
  } else if (trigram) {
    const std::string like = Caseless(req.q) ? " LIKE " : " ILIKE ";
    sql += from_table + "(o.name" + like + "? ESCAPE '\\' OR o.short_name" + like + "? ESCAPE '\\')";
    const std::string& pattern = held.emplace_back("%" + EscapeLike(req.q) + "%");
    params.emplace_back(pattern);
    params.emplace_back(pattern);
  } else {
    sql += from_table + "((" + plus + "o.name >= ? AND " + plus + "o.name < ?) OR (" + plus + "o.short_name >= ? AND " +
           plus + "o.short_name < ?))";
    const std::string& upper = held.emplace_back(storage::PrefixUpperBound(req.q));
    for (int i = 0; i < 2; ++i) {
      params.emplace_back(req.q);
      params.emplace_back(upper);
    }
  }
  if (!(pg && window)) sql += " AND " + add_scope("o.");
  if (window && !pg) {
    // The window ends at the id_window-th id after the cursor (or nowhere, when fewer are
    // left). An upper bound lets SQLite walk the primary key from the cursor and stop there;
    // `o.id IN (SELECT … LIMIT n)` built a temporary b-tree of n ids on every request, which
    // cost most of a prefix search (0.87 ms against 0.15 ms for "基准" at region scale).
    sql +=
        " AND o.id <= COALESCE((SELECT id FROM organizations_organizations WHERE id > ? ORDER BY id LIMIT 1 "
        "OFFSET " +
        std::to_string(id_window - 1) + "), 9223372036854775807)";
    params.emplace_back(req.after_id.value_or(0));
  }
  // FTS5 hands out matches in rowid order: keying the page on s.rowid lets SQLite stop after
  // `limit` matches instead of sorting every match of a common phrase.
  const std::string key = trigram && !pg ? "s.rowid" : "o.id";
  // (The same for the cursor on the index path: `o.id > ?` would invite a scan in id order.)
  const std::string key_plus = !pg && !trigram && !window ? "+" : "";
  const std::string order = pg && !window ? "o.id + 0" : key;
  sql += " AND " + key_plus + key +
         " > ? AND (CAST(? AS TEXT) IS NULL OR o.kind = ?) AND (CAST(? AS TEXT) IS NULL OR " +
         "o.setting = ?) AND (CAST(? AS TEXT) IS NULL OR o.status = ?) ORDER BY " + order + " LIMIT ?";
  params.emplace_back(req.after_id.value_or(0));
  for (const auto* f : {&req.filter.kind, &req.filter.setting, &req.filter.status}) {
    params.emplace_back(*f);
    params.emplace_back(*f);
  }
  params.emplace_back(req.limit + 1);
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, params));
  for (const auto& r : rows) {
    if (static_cast<int>(page.items.size()) == req.limit) {
      page.next_cursor = std::to_string(page.items.back().id);
      break;
    }
    page.items.push_back(ReadOrganization(r));
  }
  return page;
}

}  // namespace

Result<OrganizationPage> SearchOrganizationIndex(storage::Transaction& tx, const SearchRequest& req) {
  if (req.scope_paths.empty()) return OrganizationPage{};
  const bool prefix = Utf8Length(req.q) < kTrigramChars;
  if (prefix || tx.dialect() == storage::Dialect::kPostgres) {
    // A prefix of one or two characters ("团", "基准") or a common trigram ("团支部") can match
    // most organizations; found through the name indexes, every match would be sorted by id for
    // one page. So first look at the next ids in order: a full page found there is exactly the
    // first page, because every smaller id of the scope was looked at. Otherwise the matches are
    // rare, and the indexes are cheap. (SQLite's FTS5 hands trigram matches out in id order.)
    TS_ASSIGN_OR_RETURN(int id_window, IdWindow(tx, req));
    TS_ASSIGN_OR_RETURN(auto windowed, RunSearch(tx, req, true, id_window));
    if (windowed.next_cursor) return windowed;
  }
  return RunSearch(tx, req, false, 0);
}

}  // namespace tianshan::organizations
