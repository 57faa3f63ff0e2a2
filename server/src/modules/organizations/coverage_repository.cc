#include "modules/organizations/coverage_repository.h"

namespace tianshan::organizations {
namespace {

constexpr const char* kColumns =
    "id, organization_id, name, kind, young_employees, covered_by_organization_id, created_at, updated_at";

CoverageUnit ReadUnit(const storage::Row& r) {
  return {r.Int("id"),         r.Int("organization_id"), r.Text("name"),
          r.Text("kind"),      r.Int("young_employees"), r.OptInt("covered_by_organization_id"),
          r.Int("created_at"), r.Int("updated_at")};
}

}  // namespace

Result<CoverageUnit> InsertCoverageUnit(storage::Transaction& tx, CoverageUnit u) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO organizations_coverage_units (organization_id, name, kind, "
                                          "young_employees, covered_by_organization_id, created_at, updated_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                          {u.organization_id, u.name, u.kind, u.young_employees,
                                           u.covered_by_organization_id, u.created_at, u.updated_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  u.id = rows[0].Int("id");
  return u;
}

Result<std::optional<CoverageUnit>> FindCoverageUnit(storage::Transaction& tx, int64_t id, RowLock lock) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM organizations_coverage_units WHERE id = ?";
  sql += LockClause(tx, lock);
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(sql, {id}));
  if (!row) return std::optional<CoverageUnit>();
  return std::optional<CoverageUnit>(ReadUnit(*row));
}

Status SaveCoverageUnit(storage::Transaction& tx, const CoverageUnit& u) {
  return tx
      .Execute(
          "UPDATE organizations_coverage_units SET name = ?, kind = ?, young_employees = ?, "
          "covered_by_organization_id = ?, updated_at = ? WHERE id = ?",
          {u.name, u.kind, u.young_employees, u.covered_by_organization_id, u.updated_at, u.id})
      .status();
}

Result<CoverageUnitPage> ListCoverageUnits(storage::Transaction& tx, int64_t organization_id,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit) {
  std::string sql =
      std::string("SELECT ") + kColumns + " FROM organizations_coverage_units WHERE organization_id = ? AND id > ?";
  if (covered)
    sql += *covered ? " AND covered_by_organization_id IS NOT NULL" : " AND covered_by_organization_id IS NULL";
  sql += " ORDER BY id LIMIT ?";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, {organization_id, after_id.value_or(0), limit + 1}));
  CoverageUnitPage page;
  for (const auto& r : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = page.items.back().id;
      break;
    }
    page.items.push_back(ReadUnit(r));
  }
  return page;
}

Result<bool> CoversAnyUnit(storage::Transaction& tx, int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM organizations_coverage_units WHERE "
                                            "covered_by_organization_id = ? LIMIT 1",
                                            {organization_id}));
  return row.has_value();
}

}  // namespace tianshan::organizations
