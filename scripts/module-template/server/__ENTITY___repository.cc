#include "modules/__MODULE__/__ENTITY___repository.h"

#include "storage/sql_text.h"

namespace tianshan::__MODULE__ {
namespace {

constexpr const char* kColumns = "id, organization_id, org_path, name, note, created_by, created_at, updated_at";

__Entity__ Read__Entity__(const storage::Row& r) {
  __Entity__ e;
  e.id = r.Int("id");
  e.organization_id = r.Int("organization_id");
  e.org_path = r.Text("org_path");
  e.name = r.Text("name");
  e.note = r.OptText("note");
  e.created_by = r.Int("created_by");
  e.created_at = r.Int("created_at");
  e.updated_at = r.Int("updated_at");
  return e;
}

}  // namespace

Result<int64_t> Insert__Entity__(storage::Transaction& tx, const __Entity__& e) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO __MODULE_____ENTITIES__ (organization_id, org_path, name, "
                                          "note, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                          "RETURNING id",
                                          {e.organization_id, e.org_path, e.name, e.note, e.created_by, e.created_at,
                                           e.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int(0);
}

Result<std::optional<__Entity__>> Find__Entity__(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kColumns +
                                                " FROM __MODULE_____ENTITIES__ WHERE id = ?",
                                            {id}));
  if (!row) return std::optional<__Entity__>();
  return std::optional<__Entity__>(Read__Entity__(*row));
}

Result<bool> NameTaken(storage::Transaction& tx, int64_t organization_id, const std::string& name) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM __MODULE_____ENTITIES__ WHERE organization_id = ? AND "
                                            "name = ?",
                                            {organization_id, name}));
  return row.has_value();
}

Result<std::vector<__Entity__>> Select__Entities__(storage::Transaction& tx, int64_t organization_id,
                                                 const std::optional<std::string>& q,
                                                 std::optional<int64_t> after_id, int limit) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM __MODULE_____ENTITIES__ WHERE organization_id = ? AND id > ?" +
                    (q ? " AND name LIKE ? ESCAPE '\\'" : "") + " ORDER BY id LIMIT ?";
  Result<storage::Rows> rows = q ? tx.Query(sql, {organization_id, after_id.value_or(0), storage::ContainsPattern(*q),
                                                  limit + 1})
                                 : tx.Query(sql, {organization_id, after_id.value_or(0), limit + 1});
  TS_RETURN_IF_ERROR(rows.status());
  std::vector<__Entity__> out;
  for (const auto& r : *rows) out.push_back(Read__Entity__(r));
  return out;
}

}  // namespace tianshan::__MODULE__
