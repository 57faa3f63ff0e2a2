#include "modules/organizations/organization_repository.h"

#include "storage/sql_text.h"

namespace tianshan::organizations {

using storage::Dialect;
using storage::Param;
using storage::Transaction;

std::string OrganizationColumns(std::string_view a) {
  std::string out;
  for (const char* c :
       {"id", "parent_id", "path", "depth", "name", "short_name", "kind", "setting", "region_code", "address",
        "contact_name", "contact_phone", "founded_on", "status", "created_at", "updated_at"}) {
    if (!out.empty()) out += ", ";
    out += a;
    out += c;
  }
  return out;
}

Organization ReadOrganization(const storage::Row& r) {
  Organization o;
  o.id = r.Int("id");
  o.parent_id = r.OptInt("parent_id");
  o.path = r.Text("path");
  o.depth = static_cast<int>(r.Int("depth"));
  o.fields.name = r.Text("name");
  o.fields.short_name = r.OptText("short_name");
  o.fields.kind = r.Text("kind");
  o.fields.setting = r.Text("setting");
  o.fields.region_code = r.OptText("region_code");
  o.fields.address = r.OptText("address");
  o.fields.contact_name = r.OptText("contact_name");
  o.fields.contact_phone = r.OptText("contact_phone");
  o.fields.founded_on = r.OptText("founded_on");
  o.status = r.Text("status");
  o.created_at = r.Int("created_at");
  o.updated_at = r.Int("updated_at");
  return o;
}

std::string_view LockClause(const Transaction& tx, RowLock lock) {
  if (tx.dialect() != Dialect::kPostgres) return "";
  switch (lock) {
    case RowLock::kShare:
      return " FOR SHARE";
    case RowLock::kUpdate:
      return " FOR UPDATE";
    case RowLock::kNone:
      break;
  }
  return "";
}

Result<std::optional<Organization>> FindOrganization(Transaction& tx, int64_t id, RowLock lock) {
  std::string sql = "SELECT " + OrganizationColumns() + " FROM organizations_organizations WHERE id = ?";
  sql += LockClause(tx, lock);
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(sql, {id}));
  if (!row) return std::optional<Organization>();
  return std::optional<Organization>(ReadOrganization(*row));
}

Result<std::map<int64_t, std::string>> FindOrganizationNames(Transaction& tx, const std::vector<int64_t>& ids) {
  std::map<int64_t, std::string> names;
  if (ids.empty()) return names;
  std::string sql = "SELECT id, name FROM organizations_organizations WHERE id IN (";
  std::vector<storage::Param> params;
  for (int64_t id : ids) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  sql += ")";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, std::span<const storage::Param>(params)));
  for (const auto& r : rows) names[r.Int("id")] = r.Text("name");
  return names;
}

Result<Organization> InsertOrganization(Transaction& tx, const Organization* parent, const OrganizationFields& f,
                                        int64_t now) {
  Organization o;
  o.parent_id = parent ? std::optional<int64_t>(parent->id) : std::nullopt;
  o.depth = parent ? parent->depth + 1 : 0;
  o.fields = f;
  o.status = std::string(kActive);
  o.created_at = o.updated_at = now;
  // The path needs the id: insert with the parent's path (never a final path, since final
  // paths end with their own id) and complete it below.
  std::string provisional = parent ? parent->path : "/";
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO organizations_organizations (parent_id, path, depth, name, short_name, "
                          "kind, setting, region_code, address, contact_name, contact_phone, founded_on, status, "
                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING id",
                          {o.parent_id, provisional, o.depth, f.name, f.short_name, f.kind, f.setting, f.region_code,
                           f.address, f.contact_name, f.contact_phone, f.founded_on, o.status, now, now}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  o.id = rows[0].Int("id");
  o.path = ChildPath(parent ? parent->path : "", o.id);
  TS_RETURN_IF_ERROR(tx.Execute("UPDATE organizations_organizations SET path = ? WHERE id = ?", {o.path, o.id}));
  return o;
}

Status UpdateOrganizationFields(Transaction& tx, int64_t id, const OrganizationFields& f, int64_t now) {
  return tx
      .Execute(
          "UPDATE organizations_organizations SET name = ?, short_name = ?, kind = ?, setting = ?, "
          "region_code = ?, address = ?, contact_name = ?, contact_phone = ?, founded_on = ?, updated_at = ? "
          "WHERE id = ?",
          {f.name, f.short_name, f.kind, f.setting, f.region_code, f.address, f.contact_name, f.contact_phone,
           f.founded_on, now, id})
      .status();
}

Status SetOrganizationStatus(Transaction& tx, int64_t id, std::string_view status, int64_t now) {
  return tx.Execute("UPDATE organizations_organizations SET status = ?, updated_at = ? WHERE id = ?", {status, now, id})
      .status();
}

Result<bool> HasActiveChildren(Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM organizations_organizations WHERE parent_id = ? AND "
                                            "status = 'active' LIMIT 1",
                                            {id}));
  return row.has_value();
}

Result<bool> SiblingNameTaken(Transaction& tx, std::optional<int64_t> parent_id, const std::string& name,
                              int64_t except_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM organizations_organizations WHERE "
                                            "COALESCE(parent_id, 0) = ? AND name = ? AND status = 'active' "
                                            "AND id <> ? LIMIT 1",
                                            {parent_id.value_or(0), name, except_id}));
  return row.has_value();
}

Result<OrganizationPage> ListChildren(Transaction& tx, int64_t parent_id, std::optional<int64_t> after_id, int limit,
                                      const std::optional<std::string>& status) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT " + OrganizationColumns() +
                                              " FROM organizations_organizations WHERE parent_id = ? AND id > ? "
                                              "AND (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY id LIMIT ?",
                                          {parent_id, after_id.value_or(0), status, status, limit + 1}));
  OrganizationPage page;
  for (const auto& r : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = std::to_string(page.items.back().id);
      break;
    }
    page.items.push_back(ReadOrganization(r));
  }
  return page;
}

Result<OrganizationPage> ListSubtree(Transaction& tx, const std::string& path,
                                     const std::optional<std::string>& after_path, int limit,
                                     const ListFilter& filter) {
  // With a cursor the scan starts just after it; `path > cursor` keeps it a range scan.
  std::string lower = after_path.value_or(path);
  std::string sql = "SELECT " + OrganizationColumns() + " FROM organizations_organizations WHERE path " +
                    (after_path ? ">" : ">=") +
                    " ? AND path < ? AND (CAST(? AS TEXT) IS NULL OR kind = ?) AND (CAST(? AS TEXT) IS NULL OR "
                    "setting = ?) AND (CAST(? AS TEXT) IS NULL OR status = ?) ORDER BY path LIMIT ?";
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(sql, {lower, storage::PrefixUpperBound(path), filter.kind, filter.kind, filter.setting,
                                     filter.setting, filter.status, filter.status, limit + 1}));
  OrganizationPage page;
  for (const auto& r : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = page.items.back().path;
      break;
    }
    page.items.push_back(ReadOrganization(r));
  }
  return page;
}

Status RewriteSubtreePaths(Transaction& tx, const std::string& old_path, const std::string& new_path, int depth_delta) {
  // substr is 1-based: keep everything after the old prefix.
  return tx
      .Execute(
          "UPDATE organizations_organizations SET path = CAST(? AS TEXT) || substr(path, CAST(? AS INTEGER)), "
          "depth = depth + CAST(? AS INTEGER) WHERE path >= ? AND path < ?",
          {new_path, static_cast<int64_t>(old_path.size()) + 1, depth_delta, old_path,
           storage::PrefixUpperBound(old_path)})
      .status();
}

Status SetParent(Transaction& tx, int64_t id, std::optional<int64_t> parent_id, int64_t now) {
  return tx
      .Execute("UPDATE organizations_organizations SET parent_id = ?, updated_at = ? WHERE id = ?",
               {parent_id, now, id})
      .status();
}

Status LockTree(Transaction& tx) {
  return tx.Execute("UPDATE organizations_tree_locks SET version = version + 1 WHERE name = 'move'").status();
}

Status ShareTree(Transaction& tx) {
  if (tx.dialect() != Dialect::kPostgres) return Status::Ok();
  return tx.Query("SELECT version FROM organizations_tree_locks WHERE name = 'move' FOR SHARE").status();
}

}  // namespace tianshan::organizations
