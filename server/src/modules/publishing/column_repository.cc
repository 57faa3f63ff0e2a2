#include "modules/publishing/column_repository.h"

namespace tianshan::publishing {
namespace {

constexpr const char* kColumns =
    "id, organization_id, org_path, parent_id, name, position, is_public, show_on_parents, created_by, created_at, "
    "updated_at";

Column ReadColumn(const storage::Row& r) {
  Column c;
  c.id = r.Int("id");
  c.organization_id = r.Int("organization_id");
  c.org_path = r.Text("org_path");
  c.parent_id = r.Int("parent_id");
  c.name = r.Text("name");
  c.position = static_cast<int>(r.Int("position"));
  c.is_public = r.Bool("is_public");
  c.show_on_parents = r.Bool("show_on_parents");
  c.created_by = r.Int("created_by");
  c.created_at = r.Int("created_at");
  c.updated_at = r.Int("updated_at");
  return c;
}

}  // namespace

Result<int64_t> InsertColumn(storage::Transaction& tx, const Column& c) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO publishing_columns (organization_id, org_path, parent_id, name, "
                                          "position, is_public, show_on_parents, created_by, created_at, updated_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                          {c.organization_id, c.org_path, c.parent_id, c.name, c.position, c.is_public,
                                           c.show_on_parents, c.created_by, c.created_at, c.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Status UpdateColumnRow(storage::Transaction& tx, const Column& c) {
  TS_RETURN_IF_ERROR(
      tx.Execute("UPDATE publishing_columns SET name = ?, position = ?, is_public = ?, show_on_parents = "
                 "?, updated_at = ? WHERE id = ?",
                 {c.name, c.position, c.is_public, c.show_on_parents, c.updated_at, c.id}));
  // Site queries read the flag from the articles' rows.
  return tx
      .Execute("UPDATE publishing_articles SET show_on_parents = ? WHERE column_id = ? AND show_on_parents <> ?",
               {c.show_on_parents, c.id, c.show_on_parents})
      .status();
}

Result<std::optional<Column>> FindColumn(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row,
                      tx.QueryOne(std::string("SELECT ") + kColumns + " FROM publishing_columns WHERE id = ?", {id}));
  if (!row) return std::optional<Column>();
  return std::optional<Column>(ReadColumn(*row));
}

Result<std::vector<Column>> ColumnsOf(storage::Transaction& tx, int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kColumns +
                                              " FROM publishing_columns WHERE organization_id = ? ORDER BY parent_id, "
                                              "position, id",
                                          {organization_id}));
  std::vector<Column> out;
  for (const auto& r : rows) out.push_back(ReadColumn(r));
  return out;
}

Result<bool> ColumnNameTaken(storage::Transaction& tx, int64_t organization_id, int64_t parent_id,
                             const std::string& name, int64_t except_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM publishing_columns WHERE organization_id = ? AND parent_id "
                                            "= ? AND name = ? AND id <> ?",
                                            {organization_id, parent_id, name, except_id}));
  return row.has_value();
}

Result<std::vector<std::string>> ColumnTrail(storage::Transaction& tx, const Column& column) {
  std::vector<std::string> names = {column.name};
  int64_t parent = column.parent_id;
  for (int guard = 0; parent != 0 && guard < 8; ++guard) {
    TS_ASSIGN_OR_RETURN(auto p, FindColumn(tx, parent));
    if (!p) break;
    names.insert(names.begin(), p->name);
    parent = p->parent_id;
  }
  return names;
}

Result<std::vector<ColumnMember>> ColumnMembers(storage::Transaction& tx, int64_t column_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT m.account_id AS account_id, m.role AS role, a.display_name AS "
                                          "display_name FROM publishing_column_members m JOIN auth_accounts a ON a.id "
                                          "= m.account_id WHERE m.column_id = ? ORDER BY m.role, m.account_id",
                                          {column_id}));
  std::vector<ColumnMember> out;
  for (const auto& r : rows) out.push_back({r.Int("account_id"), r.Text("role"), r.Text("display_name")});
  return out;
}

Status ReplaceColumnMembers(storage::Transaction& tx, int64_t column_id, const std::vector<ColumnMember>& members,
                            int64_t now) {
  TS_RETURN_IF_ERROR(tx.Execute("DELETE FROM publishing_column_members WHERE column_id = ?", {column_id}));
  for (const auto& m : members) {
    TS_RETURN_IF_ERROR(
        tx.Execute("INSERT INTO publishing_column_members (column_id, account_id, role, created_at) "
                   "VALUES (?, ?, ?, ?)",
                   {column_id, m.account_id, m.role, now}));
  }
  return Status::Ok();
}

Result<Membership> MembershipOf(storage::Transaction& tx, int64_t column_id, int64_t account_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT role FROM publishing_column_members WHERE column_id = ? AND "
                                          "account_id = ?",
                                          {column_id, account_id}));
  Membership m;
  for (const auto& r : rows) {
    if (r.Text("role") == "editor") m.editor = true;
    if (r.Text("role") == "reviewer") m.reviewer = true;
  }
  return m;
}

Result<std::vector<int64_t>> ExistingAccounts(storage::Transaction& tx, const std::vector<int64_t>& ids) {
  std::vector<int64_t> out;
  for (int64_t id : ids) {
    TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM auth_accounts WHERE id = ? AND status = 'active'", {id}));
    if (row) out.push_back(id);
  }
  return out;
}

}  // namespace tianshan::publishing
