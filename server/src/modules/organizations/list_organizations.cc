#include "modules/organizations/list_organizations.h"

#include <algorithm>
#include <charconv>

#include "core/json.h"
#include "modules/organizations/organization_search.h"
#include "modules/organizations/permissions.h"

namespace tianshan::organizations {
namespace {

Status BadCursor() { return Status::Invalid("cursor", "query.bad_cursor"); }

Result<std::optional<int64_t>> IdCursor(const std::optional<std::string>& cursor) {
  if (!cursor) return std::optional<int64_t>();
  std::string_view s = *cursor;
  int64_t v = 0;
  if (s.size() < 2 || s[0] != 'i') return BadCursor();
  auto [end, ec] = std::from_chars(s.data() + 1, s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v <= 0) return BadCursor();
  return std::optional<int64_t>(v);
}

Result<std::optional<std::string>> PathCursor(const std::optional<std::string>& cursor, const std::string& root) {
  if (!cursor) return std::optional<std::string>();
  std::string_view s = *cursor;
  if (s.empty() || s[0] != 'p' || !IsValidPath(s.substr(1)) || s.substr(1, root.size()) != root) return BadCursor();
  return std::optional<std::string>(std::string(s.substr(1)));
}

Result<std::string> CheckQuery(const std::string& raw) {
  size_t b = raw.find_first_not_of(" \t\r\n"), e = raw.find_last_not_of(" \t\r\n");
  if (b == std::string::npos) return Status::Invalid("q", "field.empty");
  std::string q = raw.substr(b, e - b + 1);
  if (Utf8Length(q) > kMaxQueryChars) return Status::Invalid("q", "field.too_long", std::to_string(kMaxQueryChars));
  return q;
}

OrganizationList Finish(const auth::Actor& actor, OrganizationPage page, char cursor_kind) {
  OrganizationList out;
  for (const auto& o : page.items) out.full_phone.push_back(CanSeeContactPhone(actor, o.path));
  out.items = std::move(page.items);
  if (page.next_cursor) out.next_cursor = cursor_kind + *page.next_cursor;
  return out;
}

}  // namespace

Result<OrganizationList> ListChildren(const AppContext& ctx, const auth::Actor& actor, int64_t id,
                                      const PageRequest& page, const std::optional<std::string>& status) {
  TS_ASSIGN_OR_RETURN(auto after, IdCursor(page.cursor));
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<OrganizationList> {
    TS_ASSIGN_OR_RETURN(Organization parent, LoadReadable(tx, actor, id));
    TS_ASSIGN_OR_RETURN(auto rows, organizations::ListChildren(tx, parent.id, after, page.limit, status));
    return Finish(actor, std::move(rows), 'i');
  });
}

Result<OrganizationList> ListSubtree(const AppContext& ctx, const auth::Actor& actor, int64_t id,
                                     const PageRequest& page, const ListFilter& filter,
                                     const std::optional<std::string>& q) {
  std::optional<std::string> query;
  if (q) {
    TS_ASSIGN_OR_RETURN(query, CheckQuery(*q));
  }
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<OrganizationList> {
    TS_ASSIGN_OR_RETURN(Organization root, LoadReadable(tx, actor, id));
    if (query) {
      // A grant covering the root covers its whole subtree, so the subtree is the scope.
      TS_ASSIGN_OR_RETURN(auto after, IdCursor(page.cursor));
      TS_ASSIGN_OR_RETURN(auto rows, SearchOrganizationIndex(tx, {*query, {root.path}, filter, after, page.limit}));
      return Finish(actor, std::move(rows), 'i');
    }
    TS_ASSIGN_OR_RETURN(auto after, PathCursor(page.cursor, root.path));
    TS_ASSIGN_OR_RETURN(auto rows, organizations::ListSubtree(tx, root.path, after, page.limit, filter));
    return Finish(actor, std::move(rows), 'p');
  });
}

Result<OrganizationList> SearchOrganizations(const AppContext& ctx, const auth::Actor& actor, const std::string& q,
                                             const PageRequest& page, const ListFilter& filter) {
  TS_ASSIGN_OR_RETURN(std::string query, CheckQuery(q));
  TS_ASSIGN_OR_RETURN(auto after, IdCursor(page.cursor));
  std::vector<std::string> scopes;
  for (const auto& g : actor.grants) scopes.push_back(g.organization_path);
  scopes = OutermostPaths(std::move(scopes));
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<OrganizationList> {
    TS_ASSIGN_OR_RETURN(auto rows, SearchOrganizationIndex(tx, {query, scopes, filter, after, page.limit}));
    return Finish(actor, std::move(rows), 'i');
  });
}

Result<DirectoryPage> SearchDirectory(const AppContext& ctx, const std::string& q, const PageRequest& page,
                                      const std::optional<std::string>& kind) {
  TS_ASSIGN_OR_RETURN(std::string query, CheckQuery(q));
  TS_ASSIGN_OR_RETURN(auto after, IdCursor(page.cursor));
  ListFilter filter;
  filter.kind = kind;
  filter.status = std::string(kActive);
  return ctx.db.Read([&](storage::Transaction& tx) -> Result<DirectoryPage> {
    TS_ASSIGN_OR_RETURN(auto rows, SearchOrganizationIndex(tx, {query, {"/"}, filter, after, page.limit}));
    std::vector<int64_t> ancestor_ids;
    for (const auto& o : rows.items) {
      for (int64_t id : PathIds(o.path)) {
        if (id != o.id) ancestor_ids.push_back(id);
      }
    }
    std::sort(ancestor_ids.begin(), ancestor_ids.end());
    ancestor_ids.erase(std::unique(ancestor_ids.begin(), ancestor_ids.end()), ancestor_ids.end());
    TS_ASSIGN_OR_RETURN(auto names, FindOrganizationNames(tx, ancestor_ids));
    DirectoryPage out;
    for (const auto& o : rows.items) {
      DirectoryEntry e{o.id, o.fields.name, o.fields.kind, o.fields.setting, {}};
      for (int64_t id : PathIds(o.path)) {
        if (id != o.id) e.ancestors.emplace_back(id, names[id]);
      }
      out.items.push_back(std::move(e));
    }
    if (rows.next_cursor) out.next_cursor = "i" + *rows.next_cursor;
    return out;
  });
}

}  // namespace tianshan::organizations
