#include "modules/cadres/units/unit_repository.h"

#include "storage/sql_text.h"

namespace tianshan::cadres {
namespace {

constexpr const char* kUnitColumns = "id, cadre_id, org_path, unit_id, unit_path, status, created_at, ended_at";
constexpr const char* kServiceColumns =
    "id, served_unit_id, cadre_id, unit_path, served_on, minutes, what, status, dispute_reason, decided_by, "
    "decided_at, created_at";
// The year's figures of the services joined as `s` (bound: from, to in the join).
constexpr const char* kSummaryColumns =
    "COUNT(s.id) AS services, COALESCE(SUM(CASE WHEN s.status = 'confirmed' THEN s.minutes ELSE 0 END), 0) AS "
    "confirmed_minutes, COALESCE(SUM(CASE WHEN s.status = 'pending' THEN 1 ELSE 0 END), 0) AS pending, "
    "COALESCE(SUM(CASE WHEN s.status = 'disputed' THEN 1 ELSE 0 END), 0) AS disputed";

ServedUnit ReadUnit(const storage::Row& r) {
  ServedUnit u;
  u.id = r.Int("id");
  u.cadre_id = r.Int("cadre_id");
  u.org_path = r.Text("org_path");
  u.unit_id = r.Int("unit_id");
  u.unit_path = r.Text("unit_path");
  u.status = r.Text("status");
  u.created_at = r.Int("created_at");
  u.ended_at = r.OptInt("ended_at");
  return u;
}

UnitService ReadService(const storage::Row& r) {
  UnitService s;
  s.id = r.Int("id");
  s.served_unit_id = r.Int("served_unit_id");
  s.cadre_id = r.Int("cadre_id");
  s.unit_path = r.Text("unit_path");
  s.served_on = r.Text("served_on");
  s.minutes = static_cast<int>(r.Int("minutes"));
  s.what = r.Text("what");
  s.status = r.Text("status");
  s.dispute_reason = r.OptText("dispute_reason");
  s.decided_by = r.OptInt("decided_by");
  s.decided_at = r.OptInt("decided_at");
  s.created_at = r.Int("created_at");
  return s;
}

std::vector<UnitService> ReadServices(const storage::Rows& rows) {
  std::vector<UnitService> out;
  for (const auto& r : rows) out.push_back(ReadService(r));
  return out;
}

ServiceSummary ReadSummary(const storage::Row& r) {
  return {static_cast<int>(r.Int("services")), static_cast<int>(r.Int("confirmed_minutes")),
          static_cast<int>(r.Int("pending")), static_cast<int>(r.Int("disputed"))};
}

Result<std::vector<SubtreeSummaryRow>> SummariesBy(storage::Transaction& tx, const char* key, const char* path_column,
                                                   const std::string& path, const std::string& from,
                                                   const std::string& to) {
  // A registration counts while active, or when it has a service in the year.
  TS_ASSIGN_OR_RETURN(
      auto rows,
      tx.Query(std::string("SELECT u.") + key + " AS grp, COUNT(DISTINCT u.id) AS units, " + kSummaryColumns +
                   " FROM cadres_served_units u LEFT JOIN cadres_services s ON s.served_unit_id = u.id AND "
                   "s.served_on >= ? AND s.served_on <= ? WHERE u." +
                   path_column + " >= ? AND u." + path_column +
                   " < ? AND (u.status = 'active' OR s.id IS NOT NULL) GROUP BY u." + key + " ORDER BY u." + key,
               {from, to, path, storage::PrefixUpperBound(path)}));
  std::vector<SubtreeSummaryRow> out;
  for (const auto& r : rows) out.push_back({r.Int("grp"), static_cast<int>(r.Int("units")), ReadSummary(r)});
  return out;
}

}  // namespace

Result<int64_t> InsertServedUnit(storage::Transaction& tx, const ServedUnit& u) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("INSERT INTO cadres_served_units (cadre_id, org_path, unit_id, unit_path, "
                                          "status, created_at) VALUES (?, ?, ?, ?, 'active', ?) RETURNING id",
                                          {u.cadre_id, u.org_path, u.unit_id, u.unit_path, u.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int("id");
}

Result<std::optional<ServedUnit>> FindServedUnit(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kUnitColumns + " FROM cadres_served_units WHERE id = ?", {id}));
  if (!row) return std::optional<ServedUnit>();
  return std::optional<ServedUnit>(ReadUnit(*row));
}

Result<std::optional<ServedUnit>> FindActiveServedUnit(storage::Transaction& tx, int64_t cadre_id, int64_t unit_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kUnitColumns +
                                                " FROM cadres_served_units WHERE cadre_id = ? AND unit_id = ? AND "
                                                "status = 'active'",
                                            {cadre_id, unit_id}));
  if (!row) return std::optional<ServedUnit>();
  return std::optional<ServedUnit>(ReadUnit(*row));
}

Result<std::vector<ServedUnit>> SelectServedUnitsOfCadre(storage::Transaction& tx, int64_t cadre_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kUnitColumns +
                                              " FROM cadres_served_units WHERE cadre_id = ? ORDER BY id DESC",
                                          {cadre_id}));
  std::vector<ServedUnit> out;
  for (const auto& r : rows) out.push_back(ReadUnit(r));
  return out;
}

Status EndServedUnit(storage::Transaction& tx, int64_t id, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t changed, tx.Execute("UPDATE cadres_served_units SET status = 'ended', ended_at = ? "
                                                  "WHERE id = ? AND status = 'active'",
                                                  {now, id}));
  if (changed != 1) return Status::Conflict("cadres.unit_ended");
  return Status::Ok();
}

Result<int64_t> InsertUnitService(storage::Transaction& tx, const UnitService& s) {
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("INSERT INTO cadres_services (served_unit_id, cadre_id, unit_path, served_on, minutes, "
                          "what, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id",
                          {s.served_unit_id, s.cadre_id, s.unit_path, s.served_on, s.minutes, s.what, s.created_at}));
  if (rows.empty()) return Status::Internal("error.internal").WithDetail("INSERT RETURNING gave no row");
  return rows[0].Int("id");
}

Result<std::optional<UnitService>> FindUnitService(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kServiceColumns + " FROM cadres_services WHERE id = ?", {id}));
  if (!row) return std::optional<UnitService>();
  return std::optional<UnitService>(ReadService(*row));
}

Result<std::vector<UnitService>> SelectUnitServicesInSubtree(storage::Transaction& tx, const std::string& path,
                                                             const std::optional<std::string>& status,
                                                             std::optional<int64_t> after_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kServiceColumns +
                                              " FROM cadres_services WHERE unit_path >= ? AND unit_path < ? AND "
                                              "(? = '' OR status = ?) AND id > ? ORDER BY id LIMIT ?",
                                          {path, storage::PrefixUpperBound(path), status.value_or(""),
                                           status.value_or(""), after_id.value_or(0), limit + 1}));
  return ReadServices(rows);
}

Result<std::vector<UnitService>> SelectServicesOfServedUnit(storage::Transaction& tx, int64_t served_unit_id,
                                                            int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kServiceColumns +
                                              " FROM cadres_services WHERE served_unit_id = ? ORDER BY served_on "
                                              "DESC, id DESC LIMIT ?",
                                          {served_unit_id, limit}));
  return ReadServices(rows);
}

Status SaveServiceDecision(storage::Transaction& tx, const UnitService& s) {
  TS_ASSIGN_OR_RETURN(int64_t changed, tx.Execute("UPDATE cadres_services SET status = ?, dispute_reason = ?, "
                                                  "decided_by = ?, decided_at = ? WHERE id = ? AND status = "
                                                  "'pending'",
                                                  {s.status, s.dispute_reason, s.decided_by, s.decided_at, s.id}));
  if (changed != 1) return Status::Conflict("cadres.service_decided");
  return Status::Ok();
}

Result<std::map<int64_t, ServiceSummary>> SummariesOfCadre(storage::Transaction& tx, int64_t cadre_id,
                                                           const std::string& from, const std::string& to) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT s.served_unit_id AS grp, ") + kSummaryColumns +
                                              " FROM cadres_services s WHERE s.cadre_id = ? AND s.served_on >= ? AND "
                                              "s.served_on <= ? GROUP BY s.served_unit_id",
                                          {cadre_id, from, to}));
  std::map<int64_t, ServiceSummary> out;
  for (const auto& r : rows) out[r.Int("grp")] = ReadSummary(r);
  return out;
}

Result<std::vector<SubtreeSummaryRow>> SummariesByCadre(storage::Transaction& tx, const std::string& path,
                                                        const std::string& from, const std::string& to) {
  return SummariesBy(tx, "cadre_id", "org_path", path, from, to);
}

Result<std::vector<SubtreeSummaryRow>> SummariesByUnit(storage::Transaction& tx, const std::string& path,
                                                       const std::string& from, const std::string& to) {
  return SummariesBy(tx, "unit_id", "unit_path", path, from, to);
}

}  // namespace tianshan::cadres
