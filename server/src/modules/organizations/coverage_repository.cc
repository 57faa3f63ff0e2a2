#include "modules/organizations/coverage_repository.h"

#include "modules/organizations/public/counters.h"
#include "storage/sql_filter.h"

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

Result<CoverageUnitPage> ListCoverageUnits(storage::Transaction& tx, const Organization& org, CoverageScope scope,
                                           std::optional<bool> covered, std::optional<int64_t> after_id, int limit) {
  storage::SqlFilter filter("u.id > ?", {after_id.value_or(0)});
  if (scope == CoverageScope::kSubtree) {
    filter.Subtree("o.path", org.path);
  } else {
    filter.Equals("u.organization_id", std::optional<int64_t>(org.id));
  }
  std::string sql =
      "SELECT u.id, u.organization_id, u.name, u.kind, u.young_employees, u.covered_by_organization_id, "
      "u.created_at, u.updated_at, o.name AS organization_name, c.name AS covered_by_name "
      "FROM organizations_coverage_units u JOIN organizations_organizations o ON o.id = u.organization_id "
      "LEFT JOIN organizations_organizations c ON c.id = u.covered_by_organization_id WHERE " +
      filter.sql();
  if (covered)
    sql += *covered ? " AND u.covered_by_organization_id IS NOT NULL" : " AND u.covered_by_organization_id IS NULL";
  sql += " ORDER BY u.id LIMIT ?";
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(sql, filter.With(limit + 1)));
  CoverageUnitPage page;
  for (const auto& r : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = page.items.back().id;
      break;
    }
    ListedCoverageUnit unit{ReadUnit(r), r.Text("organization_name"), r.OptText("covered_by_name")};
    page.items.push_back(std::move(unit));
  }
  return page;
}

std::optional<double> ChildCoverage::rate() const {
  if (units <= 0) return std::nullopt;
  return static_cast<double>(covered) / static_cast<double>(units);
}

Result<std::vector<ChildCoverage>> ListChildCoverage(storage::Transaction& tx, int64_t parent_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("SELECT o.id, o.name, o.kind, COALESCE(u.subtree_value, 0) AS units, "
                               "COALESCE(c.subtree_value, 0) AS covered FROM organizations_organizations o "
                               "LEFT JOIN organizations_counters u ON u.organization_id = o.id AND u.counter_key = ? "
                               "LEFT JOIN organizations_counters c ON c.organization_id = o.id AND c.counter_key = ? "
                               "WHERE o.parent_id = ? AND o.status = 'active' ORDER BY o.id LIMIT ?",
                               {std::string(counter::kUnits), std::string(counter::kCoveredUnits), parent_id, limit}));
  std::vector<ChildCoverage> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back({r.Int("id"), r.Text("name"), r.Text("kind"), r.Int("units"), r.Int("covered")});
  }
  return out;
}

Result<bool> CoversAnyUnit(storage::Transaction& tx, int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT id FROM organizations_coverage_units WHERE "
                                            "covered_by_organization_id = ? LIMIT 1",
                                            {organization_id}));
  return row.has_value();
}

}  // namespace tianshan::organizations
