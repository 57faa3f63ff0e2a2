#include "modules/volunteering/hours/hours_repository.h"

#include "modules/volunteering/projects/project_repository.h"
#include "modules/volunteering/repository_support.h"
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
  e.id = r.Int("id");
  e.person_id = r.Int("person_id");
  e.organization_id = r.Int("organization_id");
  e.org_path = r.Text("org_path");
  e.project_id = r.OptInt("project_id");
  e.team_id = r.OptInt("team_id");
  e.shift_id = r.OptInt("shift_id");
  e.kind = r.Text("kind");
  e.minutes = r.Int("minutes");
  e.raw_minutes = r.OptInt("raw_minutes");
  e.hours_rule = r.OptText("hours_rule");
  e.worked_at = r.Int("worked_at");
  e.month = r.Text("month");
  e.reason = r.OptText("reason");
  e.reverses_id = r.OptInt("reverses_id");
  e.created_by = r.OptInt("created_by");
  e.created_at = r.Int("created_at");
  return e;
}

HourReport ToReport(const storage::Row& r) {
  HourReport h;
  h.id = r.Int("id");
  h.person_id = r.Int("person_id");
  h.account_id = r.Int("account_id");
  h.team_id = r.Int("team_id");
  h.project_id = r.OptInt("project_id");
  h.worked_on = r.Text("worked_on");
  h.minutes = r.Int("minutes");
  h.description = r.Text("description");
  h.status = r.Text("status");
  h.decision_reason = r.OptText("decision_reason");
  h.ledger_entry_id = r.OptInt("ledger_entry_id");
  h.created_at = r.Int("created_at");
  h.name = r.Text("name");
  return h;
}

AwaitingShift ToAwaiting(const storage::Row& r) {
  AwaitingShift a;
  a.shift = ShiftFromRow(r);
  a.project_title = r.Text("title");
  a.organization_id = r.Int("organization_id");
  a.team_id = r.OptInt("team_id");
  a.team_name = r.OptText("team_name");
  a.awaiting = r.Int("awaiting");
  a.checked_in = r.Int("checked_in");
  return a;
}

RankRow ToRank(const storage::Row& r) { return {r.Int("id"), r.Text("name"), r.Int("total")}; }

std::pair<std::string, int64_t> ToMonth(const storage::Row& r) { return {r.Text("month"), r.Int("total")}; }

std::string SelectLedger(const char* where) {
  return std::string("SELECT ") + kLedgerColumns + " FROM volunteering_ledger " + where;
}

std::string SelectReports(const std::string& where) {
  return std::string("SELECT ") + kReportColumns + kReportFrom + " " + where;
}

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
  return OneRow(tx.QueryOne(SelectLedger("WHERE id = ?"), {id}), ToEntry);
}

Result<bool> IsReversed(storage::Transaction& tx, int64_t id) {
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne("SELECT 1 FROM volunteering_ledger WHERE reverses_id = ?", {id}));
  return row.has_value();
}

Result<std::vector<LedgerEntry>> ListPersonLedger(storage::Transaction& tx, int64_t person_id, int64_t before_id,
                                                  int limit) {
  return AllRows(tx.Query(SelectLedger("WHERE person_id = ? AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?"),
                          {person_id, before_id, before_id, limit}),
                 ToEntry);
}

Result<std::vector<LedgerEntry>> ListSubtreeLedger(storage::Transaction& tx, const std::string& path, int64_t before_id,
                                                   int limit) {
  return AllRows(tx.Query(SelectLedger("WHERE org_path >= ? AND org_path < ? AND (? = 0 OR id < ?) ORDER BY id DESC "
                                       "LIMIT ?"),
                          {path, storage::PrefixUpperBound(path), before_id, before_id, limit}),
                 ToEntry);
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
  return std::optional<int64_t>(row->Int("minutes"));
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
  return OneRow(tx.QueryOne(SelectReports("WHERE r.id = ?" + ForUpdate(tx, lock, "r")), {id}), ToReport);
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
  if (status) {
    return AllRows(tx.Query(SelectReports("WHERE r.team_id = ? AND r.id > ? AND r.status = ? ORDER BY r.id LIMIT ?"),
                            {team_id, after_id, *status, limit}),
                   ToReport);
  }
  return AllRows(
      tx.Query(SelectReports("WHERE r.team_id = ? AND r.id > ? ORDER BY r.id LIMIT ?"), {team_id, after_id, limit}),
      ToReport);
}

Result<std::vector<HourReport>> ListPersonReports(storage::Transaction& tx, int64_t person_id, int limit) {
  return AllRows(tx.Query(SelectReports("WHERE r.person_id = ? ORDER BY r.id DESC LIMIT ?"), {person_id, limit}),
                 ToReport);
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
  return std::optional<std::string>(row->Text("hours_rule"));
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
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("SELECT m.person_id AS id, v.name, SUM(m.minutes) AS total FROM volunteering_person_months m "
                          "JOIN volunteering_volunteers v ON v.person_id = m.person_id "
                          "WHERE m.org_path >= ? AND m.org_path < ? AND m.month >= ? AND m.month <= ? "
                          "GROUP BY m.person_id, v.name HAVING SUM(m.minutes) > 0 "
                          "ORDER BY total DESC, m.person_id LIMIT ? OFFSET ?",
                          {path, storage::PrefixUpperBound(path), from, to, limit, offset}));
  return AllRows(std::move(rows), ToRank);
}

Result<std::vector<RankRow>> RankTeams(storage::Transaction& tx, const std::string& path, const std::string& from,
                                       const std::string& to, int offset, int limit) {
  TS_ASSIGN_OR_RETURN(
      auto rows, tx.Query("SELECT m.team_id AS id, t.name, SUM(m.minutes) AS total FROM volunteering_team_months m "
                          "JOIN volunteering_teams t ON t.id = m.team_id "
                          "WHERE m.org_path >= ? AND m.org_path < ? AND m.month >= ? AND m.month <= ? "
                          "GROUP BY m.team_id, t.name HAVING SUM(m.minutes) > 0 "
                          "ORDER BY total DESC, m.team_id LIMIT ? OFFSET ?",
                          {path, storage::PrefixUpperBound(path), from, to, limit, offset}));
  return AllRows(std::move(rows), ToRank);
}

Result<std::vector<AwaitingShift>> ListAwaitingShifts(storage::Transaction& tx, const AwaitingScope& scope,
                                                      int64_t before_shift_id, int limit) {
  constexpr const char* kShift =
      "s.id, s.project_id, s.starts_at, s.ends_at, s.capacity, s.confirmed, s.waitlisted, s.role, s.requirements, "
      "s.min_age, s.status, p.title, p.organization_id, p.team_id, t.name";
  std::string sql = std::string("SELECT ") + kShift +
                    " AS team_name, SUM(CASE WHEN a.checked_out_at IS NULL THEN 0 ELSE 1 END) AS awaiting, "
                    "SUM(CASE WHEN a.checked_out_at IS NULL THEN 1 ELSE 0 END) AS checked_in "
                    "FROM volunteering_attendance a JOIN volunteering_shifts s ON s.id = a.shift_id "
                    "JOIN volunteering_projects p ON p.id = s.project_id "
                    "LEFT JOIN volunteering_teams t ON t.id = p.team_id "
                    "WHERE a.ledger_entry_id IS NULL AND (? = 0 OR s.id < ?) AND (";
  std::vector<storage::Param> params = {before_shift_id, before_shift_id};
  std::vector<std::string> uppers;
  uppers.reserve(scope.paths.size());
  std::string any;
  for (const auto& path : scope.paths) {
    uppers.push_back(storage::PrefixUpperBound(path));
    any += std::string(any.empty() ? "" : " OR ") + "(p.org_path >= ? AND p.org_path < ?)";
    params.emplace_back(path);
    params.emplace_back(uppers.back());
  }
  for (int64_t team_id : scope.team_ids) {
    any += std::string(any.empty() ? "" : " OR ") + "p.team_id = ?";
    params.emplace_back(team_id);
  }
  sql += (any.empty() ? "1 = 0" : any) + ") GROUP BY " + kShift + " ORDER BY s.id DESC LIMIT ?";
  params.emplace_back(limit);
  return AllRows(tx.Query(sql, std::span<const storage::Param>(params)), ToAwaiting);
}

Result<int64_t> CountRankedAbove(storage::Transaction& tx, bool teams, const std::string& path, const std::string& from,
                                 const std::string& to, int64_t minutes) {
  const char* sql = teams
                        ? "SELECT COUNT(*) FROM (SELECT team_id FROM volunteering_team_months WHERE org_path >= ? AND "
                          "org_path < ? AND month >= ? AND month <= ? GROUP BY team_id HAVING SUM(minutes) > ?) above"
                        : "SELECT COUNT(*) FROM (SELECT person_id FROM volunteering_person_months WHERE org_path >= ? "
                          "AND org_path < ? AND month >= ? AND month <= ? GROUP BY person_id HAVING SUM(minutes) > ?) "
                          "above";
  TS_ASSIGN_OR_RETURN(auto row, tx.QueryOne(sql, {path, storage::PrefixUpperBound(path), from, to, minutes}));
  return row ? row->Int(0) : 0;
}

Result<std::vector<std::pair<std::string, int64_t>>> MonthlyMinutes(storage::Transaction& tx, const std::string& path,
                                                                    const std::string& from, const std::string& to) {
  return AllRows(tx.Query("SELECT month, SUM(minutes) AS total FROM volunteering_person_months WHERE "
                          "org_path >= ? AND org_path < ? AND month >= ? AND month <= ? GROUP BY month ORDER BY month",
                          {path, storage::PrefixUpperBound(path), from, to}),
                 ToMonth);
}

}  // namespace tianshan::volunteering
