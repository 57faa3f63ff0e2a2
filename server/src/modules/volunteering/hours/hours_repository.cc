#include "modules/volunteering/hours/hours_repository.h"

#include <rapidjson/document.h>

#include "core/json.h"
#include "modules/volunteering/teams/team_repository.h"
#include "storage/sql_text.h"

namespace tianshan::volunteering {
namespace {

constexpr const char* kLedgerColumns =
    "id, person_id, organization_id, org_path, project_id, team_id, shift_id, kind, minutes, raw_minutes, "
    "hours_rule, worked_at, month, reason, reverses_id, created_by, created_at";
constexpr const char* kReportColumns =
    "r.id, r.person_id, r.account_id, r.team_id, r.project_id, r.worked_on, r.minutes, r.description, r.status, "
    "r.decision_reason, r.ledger_entry_id, r.created_at, v.name";
constexpr const char* kReportFrom =
    " FROM volunteering_hour_reports r JOIN volunteering_volunteers v ON v.person_id = r.person_id";

LedgerEntry ToEntry(const storage::Row& r) {
  LedgerEntry e;
  e.id = r.Int(0);
  e.person_id = r.Int(1);
  e.organization_id = r.Int(2);
  e.org_path = r.Text(3);
  e.project_id = r.OptInt(4);
  e.team_id = r.OptInt(5);
  e.shift_id = r.OptInt(6);
  e.kind = r.Text(7);
  e.minutes = r.Int(8);
  e.raw_minutes = r.OptInt(9);
  e.hours_rule = r.OptText(10);
  e.worked_at = r.Int(11);
  e.month = r.Text(12);
  e.reason = r.OptText(13);
  e.reverses_id = r.OptInt(14);
  e.created_by = r.OptInt(15);
  e.created_at = r.Int(16);
  return e;
}

HourReport ToReport(const storage::Row& r) {
  HourReport h;
  h.id = r.Int(0);
  h.person_id = r.Int(1);
  h.account_id = r.Int(2);
  h.team_id = r.Int(3);
  h.project_id = r.OptInt(4);
  h.worked_on = r.Text(5);
  h.minutes = r.Int(6);
  h.description = r.Text(7);
  h.status = r.Text(8);
  h.decision_reason = r.OptText(9);
  h.ledger_entry_id = r.OptInt(10);
  h.created_at = r.Int(11);
  h.name = r.Text(12);
  return h;
}

Certificate ToCertificate(const storage::Row& r) {
  Certificate c;
  c.id = r.Int(0);
  c.code = r.Text(1);
  c.person_id = r.Int(2);
  c.name = r.Text(3);
  c.total_minutes = r.Int(4);
  rapidjson::Document doc;
  std::string json = r.Text(5);
  doc.Parse(json.c_str(), json.size());
  if (!doc.HasParseError() && doc.IsArray()) {
    for (const auto& p : doc.GetArray()) {
      if (p.IsObject() && p.HasMember("title") && p["title"].IsString() && p.HasMember("minutes") &&
          p["minutes"].IsInt64()) {
        c.projects.emplace_back(p["title"].GetString(), p["minutes"].GetInt64());
      }
    }
  }
  c.issued_at = r.Int(6);
  return c;
}

constexpr const char* kCertificateColumns = "id, code, person_id, name, total_minutes, projects_json, issued_at";

}  // namespace

Result<int64_t> InsertLedgerEntry(storage::Transaction& tx, const LedgerEntry& e, int64_t now) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne("INSERT INTO volunteering_ledger (person_id, organization_id, org_path, project_id, team_id, "
                  "shift_id, kind, minutes, raw_minutes, hours_rule, worked_at, month, reason, reverses_id, "
                  "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                  {e.person_id, e.organization_id, e.org_path, e.project_id, e.team_id, e.shift_id, e.kind, e.minutes,
                   e.raw_minutes, e.hours_rule, e.worked_at, e.month, e.reason, e.reverses_id, e.created_by, now}));
  return row->Int(0);
}

Result<std::optional<LedgerEntry>> FindLedgerEntry(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row, tx.QueryOne(std::string("SELECT ") + kLedgerColumns + " FROM volunteering_ledger WHERE id = ?", {id}));
  if (!row) return std::optional<LedgerEntry>();
  return std::optional<LedgerEntry>(ToEntry(*row));
}

Result<bool> IsReversed(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM volunteering_ledger WHERE reverses_id = ?", {id}));
  return row.has_value();
}

Result<std::vector<LedgerEntry>> ListPersonLedger(storage::Transaction& tx, int64_t person_id, int64_t before_id,
                                                  int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kLedgerColumns +
                                              " FROM volunteering_ledger WHERE person_id = ? AND (? = 0 OR id < ?) "
                                              "ORDER BY id DESC LIMIT ?",
                                          {person_id, before_id, before_id, limit}));
  std::vector<LedgerEntry> out;
  for (const auto& r : rows) out.push_back(ToEntry(r));
  return out;
}

Result<std::vector<LedgerEntry>> ListSubtreeLedger(storage::Transaction& tx, const std::string& path, int64_t before_id,
                                                   int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kLedgerColumns +
                                              " FROM volunteering_ledger WHERE org_path >= ? AND org_path < ? "
                                              "AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?",
                                          {path, storage::PrefixUpperBound(path), before_id, before_id, limit}));
  std::vector<LedgerEntry> out;
  for (const auto& r : rows) out.push_back(ToEntry(r));
  return out;
}

Result<bool> AddVolunteerTotal(storage::Transaction& tx, int64_t person_id, int64_t delta, int64_t now) {
  TS_ASSIGN_OR_RETURN(int64_t n, tx.Execute("UPDATE volunteering_volunteers SET total_minutes = total_minutes + ?, "
                                            "updated_at = ? WHERE person_id = ? AND total_minutes + ? >= 0",
                                            {delta, now, person_id, delta}));
  return n == 1;
}

Result<std::optional<int64_t>> AddOrgPersonTotal(storage::Transaction& tx, int64_t organization_id, int64_t person_id,
                                                 int64_t delta) {
  std::optional<storage::Row> row;
  if (delta >= 0) {
    TS_ASSIGN_OR_RETURN(row, tx.QueryOne("INSERT INTO volunteering_org_person_totals (organization_id, person_id, "
                                         "minutes) VALUES (?, ?, ?) ON CONFLICT (organization_id, person_id) DO UPDATE "
                                         "SET minutes = volunteering_org_person_totals.minutes + excluded.minutes "
                                         "RETURNING minutes",
                                         {organization_id, person_id, delta}));
  } else {
    TS_ASSIGN_OR_RETURN(row, tx.QueryOne("UPDATE volunteering_org_person_totals SET minutes = minutes + ? WHERE "
                                         "organization_id = ? AND person_id = ? AND minutes + ? >= 0 RETURNING minutes",
                                         {delta, organization_id, person_id, delta}));
  }
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(row->Int(0));
}

Status AddPersonMonth(storage::Transaction& tx, int64_t organization_id, const std::string& org_path, int64_t person_id,
                      const std::string& month, int64_t delta) {
  return tx
      .Execute(
          "INSERT INTO volunteering_person_months (organization_id, org_path, person_id, month, minutes) "
          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (organization_id, person_id, month) DO UPDATE SET "
          "minutes = volunteering_person_months.minutes + excluded.minutes",
          {organization_id, org_path, person_id, month, delta})
      .status();
}

Status AddTeamMonth(storage::Transaction& tx, int64_t team_id, const std::string& org_path, const std::string& month,
                    int64_t delta) {
  return tx
      .Execute(
          "INSERT INTO volunteering_team_months (team_id, org_path, month, minutes) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (team_id, month) DO UPDATE SET minutes = volunteering_team_months.minutes + "
          "excluded.minutes",
          {team_id, org_path, month, delta})
      .status();
}

Result<int64_t> InsertHourReport(storage::Transaction& tx, const HourReport& r, int64_t now) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("INSERT INTO volunteering_hour_reports (person_id, account_id, team_id, "
                                            "project_id, worked_on, minutes, description, status, created_at) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id",
                                            {r.person_id, r.account_id, r.team_id, r.project_id, r.worked_on, r.minutes,
                                             r.description, now}));
  return row->Int(0);
}

Result<std::optional<HourReport>> FindHourReport(storage::Transaction& tx, int64_t id, bool lock) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query(std::string("SELECT ") + kReportColumns + kReportFrom + " WHERE r.id = ?" +
                                   (lock && tx.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE OF r" : ""),
                               {id}));
  if (rows.empty()) return std::optional<HourReport>();
  return std::optional<HourReport>(ToReport(rows[0]));
}

Status SaveReportDecision(storage::Transaction& tx, int64_t id, const std::string& status,
                          const std::optional<std::string>& reason, int64_t decided_by,
                          std::optional<int64_t> ledger_entry_id, int64_t now) {
  return tx
      .Execute(
          "UPDATE volunteering_hour_reports SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ?, "
          "ledger_entry_id = ? WHERE id = ?",
          {status, reason, decided_by, now, ledger_entry_id, id})
      .status();
}

Result<std::vector<HourReport>> ListTeamReports(storage::Transaction& tx, int64_t team_id,
                                                const std::optional<std::string>& status, int64_t after_id, int limit) {
  std::string sql = std::string("SELECT ") + kReportColumns + kReportFrom + " WHERE r.team_id = ? AND r.id > ?";
  if (status) sql += " AND r.status = ?";
  sql += " ORDER BY r.id LIMIT ?";
  TS_ASSIGN_OR_RETURN(auto rows, status ? tx.Query(sql, {team_id, after_id, *status, limit})
                                        : tx.Query(sql, {team_id, after_id, limit}));
  std::vector<HourReport> out;
  for (const auto& r : rows) out.push_back(ToReport(r));
  return out;
}

Result<std::vector<HourReport>> ListPersonReports(storage::Transaction& tx, int64_t person_id, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kReportColumns + kReportFrom +
                                              " WHERE r.person_id = ? ORDER BY r.id DESC LIMIT ?",
                                          {person_id, limit}));
  std::vector<HourReport> out;
  for (const auto& r : rows) out.push_back(ToReport(r));
  return out;
}

Result<std::optional<std::string>> FindHoursRule(storage::Transaction& tx, const std::vector<int64_t>& path_ids) {
  std::optional<std::string> rule;
  // Paths are short (a handful of levels): one indexed read per level, deepest wins.
  for (int64_t id : path_ids) {
    TS_ASSIGN_OR_RETURN(auto own, OwnHoursRule(tx, id));
    if (own) rule = own;
  }
  return rule;
}

Result<std::optional<std::string>> OwnHoursRule(storage::Transaction& tx, int64_t organization_id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT hours_rule FROM volunteering_settings WHERE organization_id = ?",
                                            {organization_id}));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(row->Text(0));
}

Status SaveHoursRule(storage::Transaction& tx, int64_t organization_id, const std::string& rule, int64_t now) {
  return tx
      .Execute(
          "INSERT INTO volunteering_settings (organization_id, hours_rule, updated_at) VALUES (?, ?, ?) "
          "ON CONFLICT (organization_id) DO UPDATE SET hours_rule = excluded.hours_rule, "
          "updated_at = excluded.updated_at",
          {organization_id, rule, now})
      .status();
}

Result<std::vector<RankRow>> RankVolunteers(storage::Transaction& tx, const std::string& path, const std::string& from,
                                            const std::string& to, int offset, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("SELECT m.person_id, v.name, SUM(m.minutes) AS total FROM volunteering_person_months m "
                               "JOIN volunteering_volunteers v ON v.person_id = m.person_id "
                               "WHERE m.org_path >= ? AND m.org_path < ? AND m.month >= ? AND m.month <= ? "
                               "GROUP BY m.person_id, v.name HAVING SUM(m.minutes) > 0 "
                               "ORDER BY total DESC, m.person_id LIMIT ? OFFSET ?",
                               {path, storage::PrefixUpperBound(path), from, to, limit, offset}));
  std::vector<RankRow> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2)});
  return out;
}

Result<std::vector<RankRow>> RankTeams(storage::Transaction& tx, const std::string& path, const std::string& from,
                                       const std::string& to, int offset, int limit) {
  TS_ASSIGN_OR_RETURN(auto rows,
                      tx.Query("SELECT m.team_id, t.name, SUM(m.minutes) AS total FROM volunteering_team_months m "
                               "JOIN volunteering_teams t ON t.id = m.team_id "
                               "WHERE m.org_path >= ? AND m.org_path < ? AND m.month >= ? AND m.month <= ? "
                               "GROUP BY m.team_id, t.name HAVING SUM(m.minutes) > 0 "
                               "ORDER BY total DESC, m.team_id LIMIT ? OFFSET ?",
                               {path, storage::PrefixUpperBound(path), from, to, limit, offset}));
  std::vector<RankRow> out;
  for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Int(2)});
  return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> MonthlyMinutes(storage::Transaction& tx, const std::string& path,
                                                                    const std::string& from, const std::string& to) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT month, SUM(minutes) FROM volunteering_person_months WHERE "
                                          "org_path >= ? AND org_path < ? AND month >= ? AND month <= ? "
                                          "GROUP BY month ORDER BY month",
                                          {path, storage::PrefixUpperBound(path), from, to}));
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> PersonProjectMinutes(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query("SELECT p.title, SUM(l.minutes) AS total FROM volunteering_ledger l "
                                          "JOIN volunteering_projects p ON p.id = l.project_id WHERE l.person_id = ? "
                                          "GROUP BY l.project_id, p.title HAVING SUM(l.minutes) > 0 "
                                          "ORDER BY total DESC, l.project_id",
                                          {person_id}));
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r : rows) out.emplace_back(r.Text(0), r.Int(1));
  return out;
}

Result<int64_t> InsertCertificate(storage::Transaction& tx, const Certificate& c) {
  JsonOut out;
  out.StartArray();
  for (const auto& [title, minutes] : c.projects) {
    out.StartObject().Field("title", title).Field("minutes", minutes).EndObject();
  }
  out.EndArray();
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("INSERT INTO volunteering_certificates (code, person_id, name, "
                                            "total_minutes, projects_json, issued_at) VALUES (?, ?, ?, ?, ?, ?) "
                                            "RETURNING id",
                                            {c.code, c.person_id, c.name, c.total_minutes, out.Take(), c.issued_at}));
  return row->Int(0);
}

Result<std::optional<Certificate>> FindCertificateByCode(storage::Transaction& tx, const std::string& code) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(std::string("SELECT ") + kCertificateColumns +
                                                " FROM volunteering_certificates WHERE code = ?",
                                            {code}));
  if (!row) return std::optional<Certificate>();
  return std::optional<Certificate>(ToCertificate(*row));
}

Result<std::optional<Certificate>> FindCertificate(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(
      auto row,
      tx.QueryOne(std::string("SELECT ") + kCertificateColumns + " FROM volunteering_certificates WHERE id = ?", {id}));
  if (!row) return std::optional<Certificate>();
  return std::optional<Certificate>(ToCertificate(*row));
}

Result<std::vector<Certificate>> ListCertificates(storage::Transaction& tx, int64_t person_id) {
  TS_ASSIGN_OR_RETURN(auto rows, tx.Query(std::string("SELECT ") + kCertificateColumns +
                                              " FROM volunteering_certificates WHERE person_id = ? ORDER BY id DESC",
                                          {person_id}));
  std::vector<Certificate> out;
  for (const auto& r : rows) out.push_back(ToCertificate(r));
  return out;
}

}  // namespace tianshan::volunteering
