#include "modules/organizations/organization_search.h"

#include <algorithm>

#include "core/json.h"
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

std::string FtsPhrase(std::string_view q) {
  std::string out = "\"";
  for (char c : q) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
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

Result<OrganizationPage> SearchOrganizationIndex(storage::Transaction& tx, const SearchRequest& req) {
  OrganizationPage page;
  if (req.scope_paths.empty()) return page;
  // Strings bound below must outlive the query: Param keeps views.
  std::vector<std::string> held;
  held.reserve(4 + 2 * req.scope_paths.size());
  std::vector<storage::Param> params;
  const bool pg = tx.dialect() == storage::Dialect::kPostgres;
  const bool trigram = Utf8Length(req.q) >= kTrigramChars;
  std::string sql = "SELECT " + OrganizationColumns("o.") + " FROM ";
  if (trigram && !pg) {
    sql += "organizations_search s JOIN organizations_organizations o ON o.id = s.rowid "
           "WHERE organizations_search MATCH ?";
    params.emplace_back(held.emplace_back(FtsPhrase(req.q)));
  } else if (trigram) {
    sql += "organizations_organizations o WHERE (o.name ILIKE ? ESCAPE '\\' OR o.short_name ILIKE ? ESCAPE '\\')";
    const std::string& pattern = held.emplace_back("%" + EscapeLike(req.q) + "%");
    params.emplace_back(pattern);
    params.emplace_back(pattern);
  } else {
    sql += "organizations_organizations o WHERE ((o.name >= ? AND o.name < ?) OR "
           "(o.short_name >= ? AND o.short_name < ?))";
    const std::string& upper = held.emplace_back(storage::PrefixUpperBound(req.q));
    for (int i = 0; i < 2; ++i) {
      params.emplace_back(req.q);
      params.emplace_back(upper);
    }
  }
  sql += " AND (";
  for (size_t i = 0; i < req.scope_paths.size(); ++i) {
    sql += i ? " OR " : "";
    sql += "(o.path >= ? AND o.path < ?)";
    params.emplace_back(req.scope_paths[i]);
    params.emplace_back(held.emplace_back(storage::PrefixUpperBound(req.scope_paths[i])));
  }
  // FTS5 hands out matches in rowid order: keying the page on s.rowid lets SQLite stop after
  // `limit` matches instead of sorting every match of a common phrase.
  const std::string key = trigram && !pg ? "s.rowid" : "o.id";
  sql += ") AND " + key + " > ? AND (CAST(? AS TEXT) IS NULL OR o.kind = ?) AND (CAST(? AS TEXT) IS NULL OR " +
         "o.setting = ?) AND (CAST(? AS TEXT) IS NULL OR o.status = ?) ORDER BY " + key + " LIMIT ?";
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

}  // namespace tianshan::organizations
